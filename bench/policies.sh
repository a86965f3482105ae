#!/usr/bin/env bash
# Evaluation: runs playbook, adaptive and oracle on each scenario (default: the examples, the
# scenarios where the playbook is wrong, examples/wrong-playbook/, and those whose segments differ
# by connection degree and tags, examples/segments/) and prints replies, InMail
# credits spent and violations per policy, with adaptive against playbook and oracle. Not a test:
# figures go to docs/forecast.md. `--seed N` first runs every scenario with that seed instead of
# its own (all three policies on the same seed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seed=()
if [ "${1:-}" = "--seed" ]; then
  if [ -z "${2:-}" ]; then
    echo "bench/policies.sh: --seed needs a number, e.g. --seed 2" >&2
    exit 2
  fi
  seed=(--seed "$2")
  shift 2
fi
if [ "$#" -gt 0 ]; then
  scenarios=("$@")
else
  scenarios=("$root/examples/default.json" "$root/examples/vp-outreach.json" "$root"/examples/wrong-playbook/*.json "$root"/examples/segments/*.json)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/bin/warmreach" --help > /dev/null   # build the jar first if needed

printf '%-34s %-9s %8s %8s %8s %11s\n' scenario policy replies credits refunded violations
for scenario in "${scenarios[@]}"; do
  for policy in playbook adaptive oracle; do
    "$root/bin/warmreach" --home "$work/home" forecast --scenario "$scenario" --policy "$policy" \
      ${seed[@]+"${seed[@]}"} --json > "$work/$policy.json" 2> /dev/null
    python3 - "$work/$policy.json" "$(basename "$scenario")" "$policy" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print("%-34s %-9s %8d %8d %8d %11d" % (sys.argv[2], sys.argv[3], r["replies"]["total"],
      r["inmailCredits"]["spent"], r["inmailCredits"]["refunded"], sum(r["violations"].values())))
PY
  done
  python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
t = {p: json.load(open("%s/%s.json" % (w, p)))["replies"]["total"] for p in ("playbook", "adaptive", "oracle")}
print("%-34s adaptive: %+.1f%% replies vs playbook, %.1f%% of oracle" % ("",
      100.0 * (t["adaptive"] - t["playbook"]) / max(1, t["playbook"]), 100.0 * t["adaptive"] / max(1, t["oracle"])))
PY
done
