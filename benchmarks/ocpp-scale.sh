#!/usr/bin/env bash
# The scale scenarios of issue 17, each one command (see docs/benchmarks.md, "OCPP server at scale"):
#   mvn -B -Pbenchmarks -pl benchmarks compile exec:exec@ocpp-scale -Dbenchmark.ocpp.scenario=<scenario>
# Scenarios (all with the JVM sizing the start script picks, unless CHARGINGMANAGER_JAVA_OPTS is set):
#   load-5000    5,000 charge points, Heartbeat + MeterValues every 10 s, transactions of 12 intervals (2 min), 180 s measured
#   load-15000   the same with 15,000
#   storm-5000   5,000 booted, 60 s steady, then the runtime restarts and all reconnect at once
#   storm-15000  the same with 15,000
#   soak         5,000 with transactions for SOAK_SECONDS (default 3600), full-GC heap, threads, files every 5 min
#   slow         5,000 plus 20 charge points that never read (19 CALLs/s) and 5 that flood, 120 s measured
# Usage: benchmarks/ocpp-scale.sh <classpath> <scenario> [--report file]
set -euo pipefail
classpath=$1
scenario=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
opts=()
if [ -n "${CHARGINGMANAGER_JAVA_OPTS:-}" ]; then opts=(--java-opts "$CHARGINGMANAGER_JAVA_OPTS"); fi
case "$scenario" in
  load-5000) args=(--charge-points 5000 --duration 180 --connect-rate 500 --transaction-intervals 12) ;;
  load-15000) args=(--charge-points 15000 --duration 180 --connect-rate 500 --transaction-intervals 12) ;;
  storm-5000) args=(--charge-points 5000 --duration 60 --connect-rate 500 --storm true) ;;
  storm-15000) args=(--charge-points 15000 --duration 60 --connect-rate 500 --storm true) ;;
  soak) args=(--charge-points 5000 --duration "${SOAK_SECONDS:-3600}" --connect-rate 500 --transaction-intervals 30
              --sample-seconds 300) ;;
  slow) args=(--charge-points 5000 --duration 120 --connect-rate 500 --slow-consumers 20 --flooders 5) ;;
  *) echo "unknown scenario $scenario (load-5000, load-15000, storm-5000, storm-15000, soak, slow)" >&2; exit 1 ;;
esac
exec "$here/ocpp-load.sh" "$classpath" "${args[@]}" "${opts[@]}" "$@"
