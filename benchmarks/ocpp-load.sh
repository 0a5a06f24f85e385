#!/usr/bin/env bash
# OCPP load test: the load generator starts the built runtime (runtime/target/chargingmanager) as its
# own process on free loopback ports and connects N charge points to it. Both processes need more
# than N file descriptors, so the limit is raised here (the runtime inherits it).
# Usage: benchmarks/ocpp-load.sh <classpath> [--charge-points 5000] [--duration 120] [--interval 10]
#        [--connect-rate 250] [--report file] [--java-opts "..."] [--transaction-intervals N] [--storm true]
#        [--sample-seconds N] [--slow-consumers N] [--flooders N]   (the scale scenarios: ocpp-scale.sh)
# Usually run through Maven (see docs/benchmarks.md):
#   mvn -B -Pbenchmarks -pl benchmarks compile exec:exec@ocpp-load -Dbenchmark.ocpp.skip=false
set -euo pipefail
classpath=$1
shift
root=$(cd "$(dirname "$0")/.." && pwd)
runtime=$root/runtime/target/chargingmanager
[ -x "$runtime/bin/chargingmanager" ] || { echo "build first: mvn -DskipTests install" >&2; exit 1; }
hard=$(ulimit -Hn)
want=65536
if [ "$hard" != unlimited ] && [ "$hard" -lt "$want" ]; then want=$hard; fi
ulimit -n "$want"
echo "file descriptor limit: $(ulimit -n); load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
# the generator holds up to 15,000 WebSockets itself (RawWebSocketClient, one selector thread; with the JDK's
# WebSockets 1 GB was too little at 15,000); the 3 GB are kept so the heap is never what limits the generator
# its own GC log, to tell a pause of the generator from one of the server in a round trip
mkdir -p "$root/benchmarks/target"
exec java -Xmx3g -XX:+UseParallelGC -Xlog:gc:file="$root/benchmarks/target/ocpp-load-generator-gc.log":uptime \
  -cp "$classpath" org.chargingmanager.benchmarks.ocpp.OcppLoadGenerator \
  --runtime "$runtime" "$@"
