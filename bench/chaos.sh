#!/usr/bin/env bash
# The chaos run: a campaign carried out while its nodes are killed, and the verdict on what the
# receivers got. Not a test: the output goes to docs/benchmarks.md ("Chaos run").
#
#   bench/chaos.sh --serve [--quick] postgres [JDBC_URL_OF_A_DATABASE_IT_MAY_EMPTY]
#   bench/chaos.sh --serve [--quick] sqlite
#   bench/chaos.sh [--quick] postgres [JDBC_URL_OF_A_DATABASE_IT_MAY_EMPTY]
#   bench/chaos.sh [--quick] sqlite
#
# --serve: 'serve --speed' nodes with real receivers (the provider's fake, a webhook sink, an SMTP
#   sink); see bench/chaos-serve.sh. Without it, the dry run below.
#
# postgres: NODES (3) dry-run nodes ('run --simulate --speed', the simulated network as receiver)
#   and one 'serve' node taking events, all on one PostgreSQL database (default
#   jdbc:postgresql://127.0.0.1:5432/chaos?user=postgres, dropped and made anew), KILLS (100)
#   SIGKILLs of random nodes at random moments, each restarted, and TERMINATIONS (20)
#   pg_terminate_backend of a random connection to that database; events posted throughout.
# sqlite: one dry-run node on one home folder, 50 kills, no events: SQLite is for one process, and
#   a 'serve' next to the node fails to start while the node writes (SQLITE_BUSY in Flyway).
# Then every node runs until nothing is left to do, and bench/ChaosCheck.java prints touches
# expected, delivered, delivered twice, lost; events sent vs stored; limits exceeded. Exits 1 unless
# twice = lost = exceeded = 0 and every event acknowledged was stored.
#
# Sizes (environment): PROSPECTS (5,000; --quick 300), ACCOUNTS (10; --quick 3), SPEED (simulated
# seconds per second, 200,000), KILLS (--quick: 20 on PostgreSQL, 10 on SQLite), TERMINATIONS
# (--quick 5), NODES, KILL_GAP_MIN / KILL_GAP_MAX (seconds between two kills, 0.5 to 4). The LinkedIn provider's fake (SPEC §7) is not a
# receiver here yet: LinkedIn steps go to the simulated network. When it lands, start it next to
# the nodes and point them at it where "RECEIVERS" says below.
set -euo pipefail
if [[ ${1:-} == --serve ]]; then shift; exec "$(dirname "$0")/chaos-serve.sh" "$@"; fi
root=$(cd "$(dirname "$0")/.." && pwd)
quick=false
if [[ ${1:-} == --quick ]]; then quick=true; shift; fi
mode=${1:?usage: bench/chaos.sh [--quick] postgres [JDBC_URL] | sqlite}
if $quick; then prospects=${PROSPECTS:-300}; accounts=${ACCOUNTS:-3}; else prospects=${PROSPECTS:-5000}; accounts=${ACCOUNTS:-10}; fi
speed=${SPEED:-200000}
if [[ $mode == postgres ]]; then
  db=${2:-jdbc:postgresql://127.0.0.1:5432/chaos?user=postgres}
  nodes=${NODES:-3}
  if $quick; then kills=${KILLS:-20}; terminations=${TERMINATIONS:-5}; else kills=${KILLS:-100}; terminations=${TERMINATIONS:-20}; fi
  dbname=$(sed -E 's#^jdbc:postgresql://[^/]+/([^?]+).*#\1#' <<< "$db")
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $dbname WITH (FORCE)" \
    -c "CREATE DATABASE $dbname" postgres
elif [[ $mode == sqlite ]]; then
  db=""; nodes=1; terminations=0
  if $quick; then kills=${KILLS:-10}; else kills=${KILLS:-50}; fi
else
  echo "bench/chaos.sh: the mode is 'postgres' or 'sqlite', not '$mode'" >&2; exit 1
fi

"$root/bin/warmreach" --help > /dev/null   # build the jar first if needed
work=$(mktemp -d)
shared=$work/shared
mkdir -p "$shared"
touch "$shared/deliveries.log" "$shared/events-sent"
pids=()        # per node: its process id ('' when finished)
serve_pid=""
poster=""
main_shell=$BASHPID
cleanup() {
  # a forked child of this script (a node started in the background) inherits the trap: only the
  # script itself cleans up, or a child's exit would kill the receivers and delete the work folder
  [[ $BASHPID == "$main_shell" ]] || return 0
  [[ -n $poster ]] && kill "$poster" 2> /dev/null || true
  for p in "${pids[@]}" "$serve_pid"; do [[ -n $p ]] && kill -9 "$p" 2> /dev/null || true; done
  if [[ ${KEEP:-} == 1 ]]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# A node's home: the SQLite run shares one (one database); on PostgreSQL each node has its own,
# since a node is named after its home. All share the simulated network's delivery log and clock.
home_of() { if [[ -z $db ]]; then echo "$work/home"; else echo "$work/node-$1"; fi; }
dbargs=(); [[ -n $db ]] && dbargs=(--db "$db")
wr() { local h=$1; shift; "$root/bin/warmreach" --home "$h" "${dbargs[@]}" "$@"; }

setup=$(home_of 0)
java "$root/bench/GenerateProspects.java" "$prospects" > "$work/leads.csv"
wr "$setup" import "$work/leads.csv" --tag chaos | grep people:
names=()
for i in $(seq 1 "$accounts"); do
  wr "$setup" accounts add "sdr-$i" --plan SALES_NAVIGATOR --timezone UTC --hours "Mon-Sun 00:00-23:59" > /dev/null
  names+=("sdr-$i")
done
wr "$setup" campaigns create chaos --accounts "$(IFS=,; echo "${names[*]}")" --tag chaos > /dev/null
wr "$setup" campaigns launch chaos > /dev/null
now=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
echo "$now $now $speed" > "$shared/simulated-clock"
for n in $(seq 0 $((nodes - 1))); do
  h=$(home_of "$n"); mkdir -p "$h"; chmod 700 "$h"
  ln -sf "$shared/deliveries.log" "$h/simulated-deliveries.log"
  cp "$shared/simulated-clock" "$h/simulated-clock"
done

# RECEIVERS: the simulated network answers for every channel in a dry run (its delivery log).
start_node() {
  # Not through wr: $! must be the JVM itself (bin/warmreach execs java), so SIGKILL reaches it.
  "$root/bin/warmreach" --home "$(home_of "$1")" "${dbargs[@]}" run --simulate --speed "$speed" \
    --until-done --poll PT0.2S >> "$work/node-$1.log" 2>&1 &
  pids[$1]=$!
}
# The events node: 'serve' on the same database, a token for the poster.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
shome=$work/serve
mkdir -p "$shome"; chmod 700 "$shome"
[[ -z $db ]] && shome=$(home_of 0)
if [[ -n $db ]]; then
echo "chaos password 12345" | wr "$shome" users add chaos@example.com --role admin > /dev/null
start_serve() {
  "$root/bin/warmreach" --home "$shome" "${dbargs[@]}" serve --port "$port" --poll PT1H \
    >> "$work/serve.log" 2>&1 &
  serve_pid=$!
}
start_serve
for _ in $(seq 1 300); do curl -sf "$base/health" > /dev/null && break; sleep 0.2; done
curl -sf -c "$work/cookies" -H 'Content-Type: application/json' \
  -d '{"email": "chaos@example.com", "password": "chaos password 12345"}' "$base/login" > "$work/login.json"
csrf=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrfToken"])' "$work/login.json")
token=$(curl -sf -b "$work/cookies" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d '{"name": "chaos"}' "$base/api/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')

fi
for n in $(seq 0 $((nodes - 1))); do start_node "$n"; done

# Events throughout: each posted until acknowledged (the node may be dead), then noted as sent.
post_events() {
  local i=0
  while [[ ! -e $work/stop-events ]]; do
    i=$((i + 1))
    local body="{\"kind\":\"post_published\",\"prospectId\":$(( (RANDOM * 32768 + RANDOM) % prospects + 1 )),\"topic\":\"chaos $i\",\"idempotencyKey\":\"chaos-ev-$i\"}"
    while true; do
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' -d "$body" "$base/api/events" || true)
      if [[ $code == 2?? ]]; then echo "chaos-ev-$i" >> "$shared/events-sent"; break; fi
      if [[ $code == 4* && $code != 429 ]]; then echo "event $i refused: $code" >> "$work/events-refused"; break; fi
      [[ -e $work/stop-events ]] && break
      sleep 0.3
    done
    sleep 0.1
  done
}
if [[ -n $db ]]; then post_events & poster=$!; fi

alive() { [[ -n ${pids[$1]:-} ]] && kill -0 "${pids[$1]}" 2> /dev/null; }
# A node that ended by itself (it could not open the database while another process held it, say)
# is started again, as an operator's supervisor would.
revive() {
  for n in $(seq 0 $((nodes - 1))); do alive "$n" || start_node "$n"; done
  if [[ -n $serve_pid ]] && ! kill -0 "$serve_pid" 2> /dev/null; then start_serve; fi
}
started=$(date +%s)
killed=0; terminated=0
# Kills and terminations interleaved at random moments; a killed node is restarted at once.
schedule=()
for _ in $(seq 1 "$kills"); do schedule+=(kill); done
for _ in $(seq 1 "$terminations"); do schedule+=(terminate); done
mapfile -t schedule < <(printf '%s\n' "${schedule[@]}" | shuf)
for what in "${schedule[@]}"; do
  sleep "$(python3 -c "import random; print(round(random.uniform(${KILL_GAP_MIN:-0.5}, ${KILL_GAP_MAX:-4}), 2))")"
  revive
  if [[ $what == terminate ]]; then
    psql -qtA -h 127.0.0.1 -U postgres -d postgres -c "SELECT count(pg_terminate_backend(pid)) FROM (SELECT pid FROM pg_stat_activity WHERE datname = '$dbname' AND pid <> pg_backend_pid() ORDER BY random() LIMIT 1) s" > /dev/null
    terminated=$((terminated + 1))
    continue
  fi
  members=$nodes; [[ -n $serve_pid ]] && members=$((nodes + 1))
  victim=$(( RANDOM % members ))   # the last is the serve node
  if [[ $victim == "$nodes" ]]; then
    kill -9 "$serve_pid" 2> /dev/null || true; wait "$serve_pid" 2> /dev/null || true
    start_serve
  else
    if alive "$victim"; then
      kill -9 "${pids[$victim]}" 2> /dev/null || true; wait "${pids[$victim]}" 2> /dev/null || true
    fi
    start_node "$victim"
  fi
  killed=$((killed + 1))
done
touch "$work/stop-events"
revive
[[ -n $poster ]] && { wait "$poster" || true; }; poster=""
chaos_secs=$(( $(date +%s) - started ))

# Every dry-run node runs on until nothing is left (a node that finished is started again, so
# what a killed node left is picked up).
deadline=$(( $(date +%s) + ${FINISH_TIMEOUT:-900} ))
for n in $(seq 0 $((nodes - 1))); do alive "$n" || start_node "$n"; done
for n in $(seq 0 $((nodes - 1))); do
  while alive "$n" && (( $(date +%s) < deadline )); do sleep 1; done
done
for n in $(seq 0 $((nodes - 1))); do
  if alive "$n"; then echo "node $n did not finish in time; see $work/node-$n.log" >&2; kill -TERM "${pids[$n]}"; fi
  pids[$n]=""
done
if [[ -n $serve_pid ]]; then kill -TERM "$serve_pid"; wait "$serve_pid" 2> /dev/null || true; serve_pid=""; fi

echo "database: ${db:-SQLite (one home folder)}; nodes: $nodes dry-run${db:+ + 1 serve}; prospects: $prospects; speed: ${speed}x"
echo "SIGKILLs: $killed; connections terminated: $terminated; chaos phase ${chaos_secs} s, whole run $(( $(date +%s) - started )) s"
[[ -s $work/events-refused ]] && { echo "events refused:"; sort | uniq -c < "$work/events-refused" | head; }
java -cp "$root/target/warmreach.jar" "$root/bench/ChaosCheck.java" "${db:-$(home_of 0)}" \
  "$shared/deliveries.log" "$shared/events-sent"
