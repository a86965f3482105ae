#!/usr/bin/env bash
# Benchmark: import N generated rows (default 100,000) into a fresh embedded database, twice
# (the second run updates nothing and checks every row against the store). Prints wall time and
# peak memory of each run. Not a test: figures go to docs/benchmarks.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rows=${1:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

java "$root/bench/GenerateProspects.java" "$rows" > "$work/leads.csv"
echo "generated $rows rows ($(du -h "$work/leads.csv" | cut -f1))"
"$root/bin/warmreach" --help > /dev/null   # build the jar first if needed

for run in first second; do
  /usr/bin/time -f "%e %M" -o "$work/time" \
    "$root/bin/warmreach" --home "$work/home" import "$work/leads.csv" > "$work/out" 2>&1
  read -r seconds kib < "$work/time"
  echo "$run import: ${seconds} s wall, peak memory $((kib / 1024)) MiB — $(grep people: "$work/out" | sed 's/^ *//')"
done
