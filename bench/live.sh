#!/usr/bin/env bash
# Benchmark: the live engine against the forecast on the same campaign. Imports N generated
# prospects, adds ACCOUNTS Sales Navigator accounts in Berlin, then runs bench/LiveRun.java: a
# campaign of all N started WEEKS weeks ago is run by the live engine (each due step at its own
# time, in its own transaction, as 'warmreach run --simulate' does) up to now, then forecast for
# the same weeks. Prints engine steps per simulated day, the live wall time, the forecast's, and
# their ratio. Not a test: figures go to docs/benchmarks.md.
#
#   bench/live.sh [--db JDBC_URL_OF_AN_EMPTY_DATABASE] N [WEEKS] [ACCOUNTS]
#
# e.g. bench/live.sh 10000 12 10
#      bench/live.sh --db 'jdbc:postgresql://127.0.0.1:5432/bench?user=postgres' 10000 12 10
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
db=""
if [[ ${1:-} == --db ]]; then db=$2; shift 2; fi
n=${1:?usage: bench/live.sh [--db JDBC_URL] N [WEEKS] [ACCOUNTS]}
weeks=${2:-12}
count=${3:-10}
"$root/bin/warmreach" --help > /dev/null   # build the jar first if needed
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wr=("$root/bin/warmreach" --home "$work/home")
[[ -n $db ]] && wr+=(--db "$db")

java "$root/bench/GenerateProspects.java" "$n" > "$work/leads.csv"
"${wr[@]}" import "$work/leads.csv" --tag bench | grep people:
accounts=()
for i in $(seq 1 "$count"); do
  "${wr[@]}" accounts add "sdr-$i" --plan SALES_NAVIGATOR --timezone Europe/Berlin > /dev/null
  accounts+=("sdr-$i")
done
list=$(IFS=,; echo "${accounts[*]}")
/usr/bin/time -f "peak memory %M KiB, cpu %U s user + %S s system" \
  java ${WARMREACH_JAVA_OPTS:--XX:+UseSerialGC} ${LIVE_JAVA_OPTS:-} -cp "$root/target/warmreach.jar" \
  "$root/bench/LiveRun.java" "${db:-$work/home}" "$list" "$weeks" bench 2>&1 | tee "${LIVE_LOG:-/dev/null}" | grep -v "^day " || true
