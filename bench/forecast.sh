#!/usr/bin/env bash
# Benchmark: forecast bench/forecast-100k.json (100,000 prospects, 20 accounts, 12 weeks) through
# bin/warmreach, three times. Prints the forecast's own run time, the process's wall time and peak
# memory. Not a test: figures go to docs/benchmarks.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
scenario=${1:-$root/bench/forecast-100k.json}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/bin/warmreach" --help > /dev/null   # build the jar first if needed

for run in 1 2 3; do
  /usr/bin/time -f "%e %M" -o "$work/time" \
    "$root/bin/warmreach" --home "$work/home" forecast --scenario "$scenario" --json \
    > "$work/out" 2> /dev/null
  read -r seconds kib < "$work/time"
  summary=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print("run %d ms, %d prospects, sent %s, violations %s" % (r["wallMillis"], r["prospects"], r["sent"], sum(r["violations"].values())))' "$work/out")
  echo "run $run: ${seconds} s wall, peak memory $((kib / 1024)) MiB — $summary"
done
