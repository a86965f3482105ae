#!/usr/bin/env bash
# The chaos run with real receivers (issue 15): 'serve' nodes on a sped-up clock carry out a
# campaign through the LinkedIn provider's fake, a webhook receiver and an SMTP sink while they are
# killed, and bench/ChaosCheck.java compares what each receiver got with what the store says.
# bench/chaos.sh runs it; see there for the options.
#
#   bench/chaos-serve.sh [--quick] postgres [JDBC_URL_OF_A_DATABASE_IT_MAY_EMPTY]
#   bench/chaos-serve.sh [--quick] sqlite
#
# postgres: NODES (3) 'serve --speed' nodes on one PostgreSQL database (default
#   jdbc:postgresql://127.0.0.1:5432/chaos?user=postgres, dropped and made anew), KILLS (100)
#   SIGKILLs of random nodes at random moments, each restarted at once, and TERMINATIONS (20)
#   pg_terminate_backend of a random connection to that database; events posted throughout to a
#   random node. sqlite: one node, 50 kills, events posted to it.
# Receivers, each a process of its own: the provider's fake (src/test FakeUnipile, main) for the
#   LinkedIn steps of the accounts linked to it (a third of them), the webhook sink
#   (bench/WebhookSink.java) for the other accounts' LinkedIn steps, the SMTP sink
#   (bench/SmtpSink.java) for every email. Each logs what it answered, after answering.
# Then the nodes run with --until-done, and ChaosCheck prints the verdict per receiver.
#
# Sizes (environment): PROSPECTS (5,000; --quick 300), ACCOUNTS (9; --quick 3), SPEED (simulated
# seconds per second, 20,000: the provider's daily looks — invitations, statuses, InMail credits —
# come every 4 s at that speed; at 100,000x they came every 0.9 s and held the node half the time),
# KILLS (--quick: 20 on PostgreSQL, 10 on SQLite), TERMINATIONS
# (--quick 5), NODES, KILL_GAP_MIN / KILL_GAP_MAX (seconds a node serves before it is killed, 0.5
# to 4; the victim is first waited for until it answers /health),
# ACCEPT_RATE (share of invitations the fake accepts at once, 0.3), FINISH_TIMEOUT (s, 1800).
# KEEP=1 keeps the work folder (the home, the receivers' logs, each node's log) and prints its path.
# The nodes run bin/warmreach, which rebuilds the jar when a source is newer: do not edit the
# checkout during a run (run from a copy of it).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
quick=false
if [[ ${1:-} == --quick ]]; then quick=true; shift; fi
mode=${1:?usage: bench/chaos-serve.sh [--quick] postgres [JDBC_URL] | sqlite}
if $quick; then prospects=${PROSPECTS:-300}; accounts=${ACCOUNTS:-3}; else prospects=${PROSPECTS:-5000}; accounts=${ACCOUNTS:-9}; fi
speed=${SPEED:-20000}
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
  echo "bench/chaos-serve.sh: the mode is 'postgres' or 'sqlite', not '$mode'" >&2; exit 1
fi

"$root/bin/warmreach" --help > /dev/null   # build the jar first if needed
[[ -f $root/target/test-classes/dev/warmreach/execute/provider/FakeUnipile.class ]] ||
  (cd "$root" && ./mvnw -q -B -o test-compile -Dspotless.check.skip=true)
work=$(mktemp -d)
shared=$work/shared
mkdir -p "$shared"
touch "$shared/provider.log" "$shared/webhook.log" "$shared/smtp.log" "$shared/events-sent"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pids=()        # per node: its process id
ports=()       # per node: its HTTP port
receivers=()
poster=""
main_shell=$BASHPID
cleanup() {
  # a forked child of this script (a node started in the background) inherits the trap: only the
  # script itself cleans up, or a child's exit would kill the receivers and delete the work folder
  [[ $BASHPID == "$main_shell" ]] || return 0
  [[ -n $poster ]] && kill "$poster" 2> /dev/null || true
  for p in "${pids[@]}" "${receivers[@]}"; do [[ -n $p ]] && kill -9 "$p" 2> /dev/null || true; done
  if [[ ${KEEP:-} == 1 ]]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# The receivers.
fake_port=$(free_port); hook_port=$(free_port); smtp_port=$(free_port)
java -cp "$root/target/warmreach.jar:$root/target/test-classes" dev.warmreach.execute.provider.FakeUnipile \
  "$fake_port" "$shared/provider.log" "${ACCEPT_RATE:-0.3}" > "$work/fake.out" 2>&1 &
receivers+=($!)
java "$root/bench/WebhookSink.java" "$hook_port" "$shared/webhook.log" > "$work/webhook.out" 2>&1 &
receivers+=($!)
java "$root/bench/SmtpSink.java" "$smtp_port" "$shared/smtp.log" > "$work/smtp.out" 2>&1 &
receivers+=($!)
for port in "$fake_port" "$hook_port" "$smtp_port"; do
  up=false
  for _ in $(seq 1 150); do (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null && { up=true; break; }; sleep 0.2; done
  $up || { echo "a receiver did not start; see $work/*.out" >&2; cat "$work"/*.out >&2; exit 1; }
done
export UNIPILE_API_KEY=test-api-key CHAOS_WEBHOOK_SECRET=chaos-webhook-secret-0123456789abcdef
# One key for the secrets at rest, so every node reads the settings the first one stored.
WARMREACH_SECRET_KEY=$(head -c 32 /dev/urandom | base64); export WARMREACH_SECRET_KEY

# A node's home: the SQLite run has one; on PostgreSQL each node has its own (a node is named after
# its home). All share one timeline (the simulated-clock file).
home_of() { if [[ -z $db ]]; then echo "$work/home"; else echo "$work/node-$1"; fi; }
dbargs=(); [[ -n $db ]] && dbargs=(--db "$db")
wr() { local h=$1; shift; "$root/bin/warmreach" --home "$h" "${dbargs[@]}" "$@"; }

setup=$(home_of 0)
java "$root/bench/GenerateProspects.java" "$prospects" > "$work/leads.csv"
wr "$setup" import "$work/leads.csv" --tag chaos | grep people:
names=()
linked=$(( (accounts + 2) / 3 ))
for i in $(seq 1 "$accounts"); do
  wr "$setup" accounts add "sdr-$i" --plan SALES_NAVIGATOR --timezone UTC --hours "Mon-Sun 00:00-23:59" > /dev/null
  names+=("sdr-$i")
done
wr "$setup" settings smtp --host 127.0.0.1 --port "$smtp_port" --tls none --from chaos@example.com \
  --unsubscribe-mailto unsubscribe@example.com > /dev/null
wr "$setup" settings webhook --url "http://127.0.0.1:$hook_port/hooks" --secret-env CHAOS_WEBHOOK_SECRET > /dev/null
wr "$setup" settings provider unipile --dsn "http://127.0.0.1:$fake_port" --api-key-env UNIPILE_API_KEY > /dev/null
for i in $(seq 1 "$linked"); do wr "$setup" accounts link "sdr-$i" --provider-account "acc-$i" > /dev/null; done
wr "$setup" campaigns create chaos --accounts "$(IFS=,; echo "${names[*]}")" --tag chaos > /dev/null

# A user and an API token for the poster, from a node on the real clock (a session would lapse
# within the second on the sped-up one), before the campaign starts.
port0=$(free_port)
echo "chaos password 12345" | wr "$setup" users add chaos@example.com --role admin > /dev/null
"$root/bin/warmreach" --home "$setup" "${dbargs[@]}" serve --port "$port0" > "$work/setup-serve.log" 2>&1 &
setup_pid=$!
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port0/health" > /dev/null && break; sleep 0.2; done
curl -sf -c "$work/cookies" -H 'Content-Type: application/json' \
  -d '{"email": "chaos@example.com", "password": "chaos password 12345"}' "http://127.0.0.1:$port0/login" > "$work/login.json"
csrf=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrfToken"])' "$work/login.json")
token=$(curl -sf -b "$work/cookies" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d '{"name": "chaos"}' "http://127.0.0.1:$port0/api/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
kill -TERM "$setup_pid"; wait "$setup_pid" || true

wr "$setup" campaigns launch chaos > /dev/null
now=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
echo "$now $now $speed" > "$shared/simulated-clock"
for n in $(seq 0 $((nodes - 1))); do
  h=$(home_of "$n"); mkdir -p "$h"; chmod 700 "$h"
  cp "$shared/simulated-clock" "$h/simulated-clock"
  ports[$n]=$(free_port)
done

start_node() {
  # Not through wr: $! must be the JVM itself (bin/warmreach execs java), so SIGKILL reaches it.
  "$root/bin/warmreach" --home "$(home_of "$1")" "${dbargs[@]}" serve --port "${ports[$1]}" \
    --speed "$speed" --poll PT0.2S --provider-poll "${PROVIDER_POLL:-P1D}" $2 >> "$work/node-$1.log" 2>&1 &
  pids[$1]=$!
}
for n in $(seq 0 $((nodes - 1))); do start_node "$n" ""; done

# Events throughout, to a random node: each posted until acknowledged (a node may be dead), then
# noted as sent.
post_events() {
  local i=0
  while [[ ! -e $work/stop-events ]]; do
    i=$((i + 1))
    local body="{\"kind\":\"post_published\",\"prospectId\":$(( (RANDOM * 32768 + RANDOM) % prospects + 1 )),\"topic\":\"chaos $i\",\"idempotencyKey\":\"chaos-ev-$i\"}"
    while true; do
      local port=${ports[$(( RANDOM % nodes ))]}
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$port/api/events" || true)
      if [[ $code == 2?? ]]; then echo "chaos-ev-$i" >> "$shared/events-sent"; break; fi
      if [[ $code == 4* && $code != 429 ]]; then echo "event $i refused: $code" >> "$work/events-refused"; break; fi
      [[ -e $work/stop-events ]] && break
      sleep 0.3
    done
    sleep 0.1
  done
}
post_events & poster=$!

alive() { [[ -n ${pids[$1]:-} ]] && kill -0 "${pids[$1]}" 2> /dev/null; }
serving() { curl -sf --max-time 2 -o /dev/null "http://127.0.0.1:${ports[$1]}/health"; }
# A kill lands on a node that is serving (its engine running, events taken): under load a JVM takes
# 15-50 s to start, longer than the gap between two kills, and kills of nodes still starting would
# test nothing but start-up. So the victim is waited for (up to 5 minutes) before the gap begins.
wait_serving() {
  local n=$1
  for _ in $(seq 1 300); do
    alive "$n" || start_node "$n" ""
    serving "$n" && return 0
    sleep 1
  done
  return 1
}
started=$(date +%s)
killed=0; terminated=0; killed_serving=0
schedule=()
for _ in $(seq 1 "$kills"); do schedule+=(kill); done
for _ in $(seq 1 "$terminations"); do schedule+=(terminate); done
mapfile -t schedule < <(printf '%s\n' "${schedule[@]}" | shuf)
for what in "${schedule[@]}"; do
  victim=$(( RANDOM % nodes ))
  [[ $what == kill ]] && { wait_serving "$victim" || true; }
  sleep "$(python3 -c "import random; print(round(random.uniform(${KILL_GAP_MIN:-0.5}, ${KILL_GAP_MAX:-4}), 2))")"
  # A node that ended by itself is started again, as an operator's supervisor would.
  for n in $(seq 0 $((nodes - 1))); do alive "$n" || start_node "$n" ""; done
  if [[ $what == terminate ]]; then
    psql -qtA -h 127.0.0.1 -U postgres -d postgres -c "SELECT count(pg_terminate_backend(pid)) FROM (SELECT pid FROM pg_stat_activity WHERE datname = '$dbname' AND pid <> pg_backend_pid() ORDER BY random() LIMIT 1) s" > /dev/null
    terminated=$((terminated + 1))
    continue
  fi
  serving "$victim" && killed_serving=$((killed_serving + 1))
  if alive "$victim"; then kill -9 "${pids[$victim]}" 2> /dev/null || true; wait "${pids[$victim]}" 2> /dev/null || true; fi
  start_node "$victim" ""
  killed=$((killed + 1))
done
touch "$work/stop-events"
[[ -n $poster ]] && { wait "$poster" || true; }; poster=""
chaos_secs=$(( $(date +%s) - started ))

# Every node runs on until nothing is left, then stops by itself.
for n in $(seq 0 $((nodes - 1))); do
  if alive "$n"; then kill -TERM "${pids[$n]}"; wait "${pids[$n]}" 2> /dev/null || true; fi
  start_node "$n" --until-done
done
deadline=$(( $(date +%s) + ${FINISH_TIMEOUT:-1800} ))
for n in $(seq 0 $((nodes - 1))); do
  while alive "$n" && (( $(date +%s) < deadline )); do sleep 1; done
  if alive "$n"; then echo "node $n did not finish in time; see $work/node-$n.log" >&2; kill -TERM "${pids[$n]}"; fi
  pids[$n]=""
done

echo "database: ${db:-SQLite (one home folder)}; serve nodes: $nodes at ${speed}x; prospects: $prospects; accounts: $accounts ($linked linked to the provider)"
echo "SIGKILLs: $killed ($killed_serving of a node serving at that moment); connections terminated: $terminated; chaos phase ${chaos_secs} s, whole run $(( $(date +%s) - started )) s"
[[ -s $work/events-refused ]] && { echo "events refused:"; sort | uniq -c < "$work/events-refused" | head; }
java -cp "$root/target/warmreach.jar" "$root/bench/ChaosCheck.java" "${db:-$(home_of 0)}" \
  --receivers "$shared/provider.log" "$shared/webhook.log" "$shared/smtp.log" "$shared/events-sent"
