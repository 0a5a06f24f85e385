#!/usr/bin/env bash
# Measures the standalone runtime: time from launch until the HTTP server answers (the Web
# Console's 401), and resident memory after it has idled. Each run uses a fresh data directory
# and a free port on loopback. Usage: benchmarks/runtime-startup.sh [runs] [idle seconds]
set -euo pipefail

runs=${1:-5}
idle_seconds=${2:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
runtime=$root/runtime/target/chargingmanager
[ -x "$runtime/bin/chargingmanager" ] || { echo "build first: mvn -DskipTests install" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }

ready_times=()
rss_values=()
for run in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  port=$(free_port)
  start=$(now_ms)
  CHARGINGMANAGER_DATA=$data CHARGINGMANAGER_HTTP_PORT=$port CHARGINGMANAGER_ADMIN_PASSWORD=benchmark-password \
    "$runtime/bin/chargingmanager" > "$data/console.log" 2>&1 &
  pid=$!
  status=000
  for _ in $(seq 1 600); do
    status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/system/console/bundles" || true)
    [ "$status" = 401 ] && break
    sleep 0.02
  done
  ready=$(( $(now_ms) - start ))
  [ "$status" = 401 ] || { echo "run $run: not ready after 12 s (HTTP $status)" >&2; kill "$pid"; exit 1; }
  # the runtime is ready when every bundle is active, too
  active=$(curl -s -u admin:benchmark-password "http://127.0.0.1:$port/system/console/bundles.json" \
    | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["s"][1], "of", d["s"][0])')
  sleep "$idle_seconds"
  rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
  echo "run $run: ready after ${ready} ms, bundles active: $active, resident memory after ${idle_seconds} s idle: $((rss_kb / 1024)) MB"
  ready_times+=("$ready")
  rss_values+=("$((rss_kb / 1024))")
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median start to ready: $(median "${ready_times[@]}") ms; median idle resident memory: $(median "${rss_values[@]}") MB ($runs runs, $(nproc) cores, $(java -version 2>&1 | head -1))"
