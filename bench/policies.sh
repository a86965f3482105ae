#!/usr/bin/env bash
# Evaluation: runs playbook, adaptive and oracle on each scenario (default: the examples, the
# scenarios where the playbook is wrong, examples/wrong-playbook/, and those whose segments differ
# by connection degree and tags, examples/segments/) and prints replies, InMail
# credits spent and violations per policy, with adaptive against playbook and oracle. Not a test:
# figures go to docs/forecast.md.
#
#   bench/policies.sh                  each scenario with its own seed
#   bench/policies.sh --seed 2         every scenario with seed 2 instead (all three policies)
#   bench/policies.sh --seeds 1-5      every scenario with each of seeds 1..5 (also "1,3,7" or
#                                      "own,1-5", own being the scenario's seed): one line per
#                                      seed, then the mean over them
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
usage="bench/policies.sh [--seed N | --seeds LIST] [SCENARIO...], LIST such as 1-5, 1,3,7 or own,1-10"
seeds=()
case "${1:-}" in
  --seed)
    if ! [[ "${2:-}" =~ ^[0-9]+$ ]]; then
      echo "bench/policies.sh: --seed needs a number, e.g. --seed 2" >&2
      exit 2
    fi
    seeds=("$2")
    shift 2
    ;;
  --seeds)
    for part in ${2//,/ }; do
      if [[ "$part" =~ ^([0-9]+)-([0-9]+)$ ]] && [ "${BASH_REMATCH[1]}" -le "${BASH_REMATCH[2]}" ]; then
        for ((s = BASH_REMATCH[1]; s <= BASH_REMATCH[2]; s++)); do seeds+=("$s"); done
      elif [[ "$part" =~ ^([0-9]+|own)$ ]]; then
        seeds+=("$part")
      else
        echo "bench/policies.sh: --seeds takes seeds and ranges, not '${2:-}'; $usage" >&2
        exit 2
      fi
    done
    shift 2
    ;;
esac
if [ "$#" -gt 0 ]; then
  scenarios=("$@")
else
  scenarios=("$root/examples/default.json" "$root/examples/vp-outreach.json" "$root"/examples/wrong-playbook/*.json "$root"/examples/segments/*.json)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/bin/warmreach" --help > /dev/null   # build the jar first if needed

# One scenario with one seed ("own": the scenario's): the three policies' JSON in $work/SEED/.
run() {
  local scenario=$1 seed=$2
  mkdir -p "$work/$seed"
  for policy in playbook adaptive oracle; do
    local override=()
    [ "$seed" = own ] || override=(--seed "$seed")
    "$root/bin/warmreach" --home "$work/home" forecast --scenario "$scenario" --policy "$policy" \
      ${override[@]+"${override[@]}"} --json > "$work/$seed/$policy.json" 2> /dev/null
  done
}

if [ "${#seeds[@]}" -le 1 ]; then
  seed=${seeds[0]:-own}
  printf '%-34s %-9s %8s %8s %8s %11s\n' scenario policy replies credits refunded violations
  for scenario in "${scenarios[@]}"; do
    run "$scenario" "$seed"
    python3 - "$work/$seed" "$(basename "$scenario")" <<'PY'
import json, sys
w, name = sys.argv[1], sys.argv[2]
t = {}
for p in ("playbook", "adaptive", "oracle"):
    r = json.load(open("%s/%s.json" % (w, p)))
    t[p] = r["replies"]["total"]
    print("%-34s %-9s %8d %8d %8d %11d" % (name, p, r["replies"]["total"],
          r["inmailCredits"]["spent"], r["inmailCredits"]["refunded"], sum(r["violations"].values())))
print("%-34s adaptive: %+.1f%% replies vs playbook, %.1f%% of oracle" % ("",
      100.0 * (t["adaptive"] - t["playbook"]) / max(1, t["playbook"]), 100.0 * t["adaptive"] / max(1, t["oracle"])))
PY
  done
  exit 0
fi

printf '%-34s %5s %8s %8s %8s %9s %9s %9s %15s %5s\n' scenario seed playbook adaptive oracle \
  'ad vs pb' 'ad/or' 'or vs pb' 'credits pb/ad/or' viol
for scenario in "${scenarios[@]}"; do
  for seed in "${seeds[@]}"; do
    run "$scenario" "$seed"
    python3 - "$work/$seed" "$(basename "$scenario")" "$seed" >> "$work/rows" <<'PY'
import json, sys
w, name, seed = sys.argv[1:4]
r = {p: json.load(open("%s/%s.json" % (w, p))) for p in ("playbook", "adaptive", "oracle")}
t = {p: r[p]["replies"]["total"] for p in r}
c = {p: r[p]["inmailCredits"]["spent"] for p in r}
v = sum(sum(r[p]["violations"].values()) for p in r)
print("\t".join(map(str, [name, seed, t["playbook"], t["adaptive"], t["oracle"], c["playbook"], c["adaptive"], c["oracle"], v])))
PY
    tail -n 1 "$work/rows" | python3 -c '
import sys
n, s, pb, ad, orc, cpb, cad, cor, v = sys.stdin.read().split("\t")
pb, ad, orc = int(pb), int(ad), int(orc)
print("%-34s %5s %8d %8d %8d %+8.1f%% %8.1f%% %+8.1f%% %15s %5s" % (n, s, pb, ad, orc,
      100.0 * (ad - pb) / max(1, pb), 100.0 * ad / max(1, orc), 100.0 * (orc - pb) / max(1, pb),
      "%s/%s/%s" % (cpb, cad, cor), v.strip()))'
  done
  python3 - "$work/rows" "$(basename "$scenario")" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.split("\t")[0] == sys.argv[2]]
pb = [int(r[2]) for r in rows]; ad = [int(r[3]) for r in rows]; orc = [int(r[4]) for r in rows]
vs = [100.0 * (a - p) / max(1, p) for a, p in zip(ad, pb)]
of = [100.0 * a / max(1, o) for a, o in zip(ad, orc)]
m = lambda xs: sum(xs) / len(xs)
print("%-34s %5s %8.1f %8.1f %8.1f %+8.1f%% %8.1f%% %+8.1f%%   (per seed: %+.1f%% to %+.1f%% vs playbook, %.1f%% to %.1f%% of oracle)" % (
      sys.argv[2], "mean", m(pb), m(ad), m(orc), m(vs), m(of),
      100.0 * (m(orc) - m(pb)) / max(1, m(pb)), min(vs), max(vs), min(of), max(of)))
PY
done
