#!/usr/bin/env bash
# Benchmark: how long each dashboard page takes with a large workspace. Builds the workspace when
# asked (N generated prospects, four sender accounts, a campaign of 2,000 of them that ran WEEKS
# weeks on the simulated network), stresses it when asked (bench/PagesStress.java copies the
# campaign's enrollments, touches, events and decisions FACTOR times onto other prospects, then
# recomputes the campaign's running totals), starts `warmreach serve` on loopback, signs in with
# curl and fetches every page and API read RUNS times, printing the median, 95th percentile and
# slowest time of each. Not a test: figures go to docs/benchmarks.md.
#
#   bench/pages.sh [--db JDBC_URL] [--build N [WEEKS]] [--stress FACTOR] HOME [RUNS]
#
# With --db the workspace lives in that database (empty when building), e.g. PostgreSQL; HOME
# still holds the server's log. e.g.
#   bench/pages.sh --build 100000 6 /tmp/pages-home              (builds, then measures)
#   bench/pages.sh /tmp/pages-home 30                            (measures an existing workspace again)
#   bench/pages.sh --stress 40 /tmp/pages-home                   (copies the campaign 40 times, measures)
#   psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE bench_pages'
#   bench/pages.sh --db 'jdbc:postgresql://127.0.0.1:5432/bench_pages?user=postgres' \
#     --build 100000 4 --stress 40 /tmp/pages-pg
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
usage="usage: bench/pages.sh [--db JDBC_URL] [--build N [WEEKS]] [--stress FACTOR] HOME [RUNS]"
db=""; build=0; weeks=6; stress=0
if [[ ${1:-} == --db ]]; then db=$2; shift 2; fi
if [[ ${1:-} == --build ]]; then build=$2; shift 2; if [[ ${1:-} =~ ^[0-9]+$ ]]; then weeks=$1; shift; fi; fi
if [[ ${1:-} == --stress ]]; then stress=$2; shift 2; fi
home=${1:?$usage}
runs=${2:-20}
"$root/bin/warmreach" --help > /dev/null   # build the jar first if needed
mkdir -p "$home"
wr=("$root/bin/warmreach" --home "$home")
[[ -n $db ]] && wr+=(--db "$db")
# One query's single value, from whichever database holds the workspace
query() {
  if [[ -n $db ]]; then psql -qtA "${db#jdbc:}" -c "$1"; else sqlite3 "$home/warmreach.db" "$1"; fi
}

if (( build > 0 )); then
  work=$(mktemp -d)
  java "$root/bench/GenerateProspects.java" "$build" > "$work/leads.csv"
  "${wr[@]}" import "$work/leads.csv" | grep people:
  # The campaign's prospects: the first 2,000, tagged 'history' as well
  head -n 2001 "$work/leads.csv" > "$work/history.csv"
  "${wr[@]}" import "$work/history.csv" --tag history > /dev/null
  rm -rf "$work"
  for a in sdr-1 sdr-2 sdr-3; do "${wr[@]}" accounts add "$a" --plan SALES_NAVIGATOR --timezone Europe/Berlin > /dev/null; done
  "${wr[@]}" accounts add founder --plan PREMIUM_BUSINESS --timezone America/New_York > /dev/null
  echo "running a campaign for $weeks simulated weeks (this takes a while)…"
  java -cp "$root/target/warmreach.jar" "$root/bench/PagesWorkspace.java" "$home" sdr-1,sdr-2,sdr-3,founder "$weeks" history $db | tail -n 1
  echo "bench password 1" | "${wr[@]}" users add bench@example.com --role admin > /dev/null
fi

if (( stress > 0 )); then
  java -cp "$root/target/warmreach.jar" "$root/bench/PagesStress.java" "${db:-$home}" history "$stress"
fi
echo "campaign 'history': $(query "SELECT count(*) FROM touch t JOIN enrollment e ON e.id = t.enrollment_id JOIN campaign c ON c.id = e.campaign_id WHERE c.name = 'history'") touches," \
  "$(query "SELECT count(*) FROM prospect_event") events, $(query "SELECT count(*) FROM enrollment") enrollments"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
jar=$(mktemp)
server=""
cleanup() {
  if [[ -n $server ]] && kill -0 "$server" 2> /dev/null; then kill -TERM "$server"; wait "$server" || true; fi
  rm -f "$jar"
}
trap cleanup EXIT
"${wr[@]}" serve --port "$port" > "$home/bench-serve.log" 2>&1 &
server=$!
for _ in $(seq 1 150); do curl -sf "$base/health" > /dev/null && break; sleep 0.2; done
curl -sf -c "$jar" -o /dev/null -d "email=bench%40example.com&password=bench+password+1" "$base/login"

prospect=$(query "SELECT prospect_id FROM touch ORDER BY id DESC LIMIT 1")
pages=(
  /today
  /prospects
  "/prospects?q=marketing"
  "/prospects?seniority=vp"
  "/prospects?tag=history&status=replied"
  "/prospects?page=1000"
  "/prospects/$prospect"
  /campaigns
  /campaigns/new
  /campaigns/history
  /campaigns/history/plan
  "/campaigns/history/plan?page=40"
  /accounts
  /analytics
  "/analytics?campaign=history"
  /settings
  /api/analytics/summary
  /api/campaigns
  /api/campaigns/history
  "/api/campaigns/history/plan"
  /api/prospects
  "/api/prospects/$prospect"
  /api/accounts
  /api/tasks
  /metrics
)
printf '%-34s %8s %8s %8s %s\n' PAGE MEDIAN P95 MAX STATUS
for page in "${pages[@]}"; do
  curl -s -b "$jar" -o /dev/null "$base$page"   # warm up
  times=()
  status=""
  for _ in $(seq 1 "$runs"); do
    read -r code t < <(curl -s -b "$jar" -o /dev/null -w '%{http_code} %{time_total}\n' "$base$page")
    status=$code
    times+=("$t")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v page="$page" -v status="$status" '
    { t[NR] = $1 * 1000 }
    END { p95 = int(NR * 0.95 + 0.5); if (p95 < 1) p95 = 1;
          printf "%-34s %6.1f ms %5.1f ms %5.1f ms %s\n", page, t[int((NR + 1) / 2)], t[p95], t[NR], status }'
done
