#!/usr/bin/env bash
# Several sending nodes on one database (issue 18's 2-node run): `bench send --nodes NODES` RUNS times,
# each in a scratch database on its own embedded MariaDB folder and with its own smtp-sink (counting
# the messages it receives). Per run: one letter sent by 1 node, one by NODES nodes sharing it (extra
# JVMs of `bench sender` on the same database), one by 1 node again; the database's work, lock waits,
# deadlocks and CPU per message, and the exactly-once checks. Prints the machine and the load, then
# each run's table. Installs Postfix's smtp-sink when it is missing (scripts/postfix-tools.sh).
# Run from the repository after `./mvnw -q -DskipTests package`:
#   scripts/bench-nodes.sh [RUNS] [MEMBERS] [NODES] [extra bench send options, e.g. --workers 2]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-2}"
MEMBERS="${2:-50000}"
NODES="${3:-2}"
shift $(( $# < 3 ? $# : 3 ))
JAR=target/utskick.jar
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"   # Java 21 or newer: set JAVA_HOME when the system's java is older
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 1; }
. scripts/postfix-tools.sh
WORK="$(mktemp -d /tmp/bench-nodes.XXXX)"   # short path: the embedded server's socket lives in it
trap 'rm -rf "$WORK"' EXIT
export UTSKICK_DB_EMBEDDED_DIR="$WORK/mariadb"
SINK="127.0.0.1:${BENCH_NODES_SINK_PORT:-12725}"

echo "bench-nodes: $(date -u +%FT%TZ), $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'), $("$JAVA" -version 2>&1 | head -1)"
echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $MEMBERS members, $NODES nodes, options: ${*:-none}"
status=0
for run in $(seq "$RUNS"); do
  echo
  echo "run $run: start $(date -u +%T), load $(cut -d' ' -f1-3 /proc/loadavg)"
  if "$JAVA" -Xmx256m -jar "$JAR" bench send --members "$MEMBERS" --nodes "$NODES" --sink "$SINK" --start-sink "$@" \
      >"$WORK/run.log" 2>"$WORK/run.err"; then :; else status=1; echo "run $run FAILED (exit code): see below"; tail -20 "$WORK/run.err"; fi
  grep -E '^(\||all checks|CHECKS|rows:|pipeline:)' "$WORK/run.log" || true
  echo "run $run: end $(date -u +%T), load $(cut -d' ' -f1-3 /proc/loadavg)"
done
exit $status
