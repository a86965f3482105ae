#!/usr/bin/env bash
# Benchmark: what an idle 'warmreach serve' costs the database while an ACTIVE campaign of N
# prospects waits on its accounts' limits. Creates a fresh PostgreSQL database, imports N generated
# prospects, adds ACCOUNTS Sales Navigator accounts whose working hours are 12 hours away (so every
# enrollment is held back by working hours), launches a campaign of all of them and starts serve on
# loopback. Once the first passes have queued everyone (at most WARMUP seconds, 600 by default)
# it reads
# pg_stat_database's committed and rolled-back transactions twice, SECONDS apart, and prints
# transactions per minute. With PG_LOG set to the server's log file (readable), it also has the
# server log every statement of that database and counts those in the same window: statements
# per minute. Needs psql and a PostgreSQL server that lets 'postgres' in through
# the local socket (as .ci/run sets up). Not a test: figures go to docs/benchmarks.md.
#
#   bench/idle.sh N [ACCOUNTS] [SECONDS] [WARMUP]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:?usage: bench/idle.sh N [ACCOUNTS] [SECONDS] [WARMUP]}
count=${2:-10}
seconds=${3:-60}
warmup=${4:-600}
"$root/bin/warmreach" --help > /dev/null   # build the jar first if needed
name="wr_idle_$n"
psql_() { su postgres -c "psql -v ON_ERROR_STOP=1 -qtA -c \"$1\""; }
psql_ "DROP DATABASE IF EXISTS $name" > /dev/null
psql_ "CREATE DATABASE $name" > /dev/null
[[ -n ${PG_LOG:-} ]] && psql_ "ALTER DATABASE $name SET log_min_duration_statement = 0" > /dev/null
url="jdbc:postgresql://127.0.0.1:5432/$name?user=postgres"
work=$(mktemp -d)
server=""
cleanup() {
  if [[ -n $server ]] && kill -0 "$server" 2> /dev/null; then kill -TERM "$server"; wait "$server" || true; fi
  rm -rf "$work"
  psql_ "DROP DATABASE IF EXISTS $name" > /dev/null || true
}
trap cleanup EXIT
wr=("$root/bin/warmreach" --home "$work/home" --db "$url")

java "$root/bench/GenerateProspects.java" "$n" > "$work/leads.csv"
"${wr[@]}" import "$work/leads.csv" | grep people:
opens=$(( ($(date -u +%H) + 12) % 24 ))
hours=$(printf "Mon-Sun %02d:00-%02d:30" "$opens" "$opens")
accounts=()
for i in $(seq 1 "$count"); do
  "${wr[@]}" accounts add "sdr-$i" --plan SALES_NAVIGATOR --timezone UTC --hours "$hours" > /dev/null
  accounts+=("sdr-$i")
done
list=$(IFS=,; echo "${accounts[*]}")
"${wr[@]}" campaigns create idle --accounts "$list" > /dev/null
"${wr[@]}" campaigns launch idle > /dev/null
echo "campaign 'idle': $n prospects over $count accounts working $hours UTC"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${wr[@]}" serve --port "$port" > "$work/serve.log" 2>&1 &
server=$!
xacts() { psql_ "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '$name'"; }
queued() { su postgres -c "psql -d $name -qtA -c \"SELECT count(*) FROM enrollment WHERE waiting_channel IS NOT NULL\""; }
# The window starts once every enrollment has taken its first step into its account's queue (a
# loaded machine takes minutes for that), or after WARMUP seconds at most.
started=$SECONDS
sleep 5
while (( $(queued) < n && SECONDS - started < warmup )); do sleep 5; done
echo "first steps: $(queued) of $n enrollments in their account's queue after $(( SECONDS - started )) s"
lines() { if [[ -n ${PG_LOG:-} ]]; then wc -l < "$PG_LOG"; else echo 0; fi; }
before=$(xacts)
from=$(lines)
sleep "$seconds"
after=$(xacts)
to=$(lines)
echo "enrollments waiting in their account's queue: $(queued) of $n"
echo "idle serve: $(( (after - before) * 60 / seconds )) transactions per minute over ${seconds} s"
if [[ -n ${PG_LOG:-} ]]; then
  statements=$(sed -n "$((from + 1)),${to}p" "$PG_LOG" \
    | grep -cE "@$name LOG:  duration: [0-9.]+ ms  (execute [^:]*|statement): " || true)
  echo "idle serve: $(( statements * 60 / seconds )) statements per minute over ${seconds} s"
  # Which statements, and how many engine passes (each looks for due enrollments once).
  sed -n "$((from + 1)),${to}p" "$PG_LOG" \
    | grep -E "@$name LOG:  duration: [0-9.]+ ms  (execute [^:]*|statement): " \
    | sed -E 's/.*duration: [0-9.]+ ms  (execute [^:]*|statement): //; s/[0-9]+/N/g' \
    | cut -c1-100 | sort | uniq -c | sort -rn > "$work/statements.txt"
  passes=$(grep -m1 "SELECT e.id FROM enrollment e JOIN campaign" "$work/statements.txt" | awk '{print $1}')
  echo "engine passes: ${passes:-0}; statements per pass, all included: $(( statements / ${passes:-1} ))"
  head -12 "$work/statements.txt"
fi
