#!/usr/bin/env bash
# Issue 13's check: 'serve' carrying out LinkedIn steps through the provider's fake is SIGKILLed
# KILLS (20) times, each time the moment the fake has answered a call that acts (an invitation, a
# message, a reaction) and before the node can record it; it is restarted at once. At the end every
# touch done reached the fake exactly once (bench/ChaosCheck.java --receivers, by person and kind).
# Emails go to the SMTP sink (bench/SmtpSink.java), so no touch is left in the task inbox.
# Not a test: the output goes to docs/executors.md.
#
#   bench/provider-kills.sh
#
# Sizes (environment): PROSPECTS (60), ACCOUNTS (2, both linked), SPEED (20,000), KILLS (20),
# ACCEPT_RATE (0.5), FINISH_TIMEOUT (s, 900). On SQLite, one node.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
prospects=${PROSPECTS:-60}; accounts=${ACCOUNTS:-2}; speed=${SPEED:-20000}; kills=${KILLS:-20}
"$root/bin/warmreach" --help > /dev/null   # build the jar first if needed
[[ -f $root/target/test-classes/dev/warmreach/execute/provider/FakeUnipile.class ]] ||
  (cd "$root" && ./mvnw -q -B -o test-compile -Dspotless.check.skip=true)
work=$(mktemp -d)
home=$work/home
mkdir -p "$home"; chmod 700 "$home"
log=$work/provider.log
touch "$log" "$work/none" "$work/events-sent" "$work/smtp.log"
node=""; fake=""; smtp=""
main_shell=$BASHPID
cleanup() {
  # a forked child of this script (a node started in the background) inherits the trap: only the
  # script itself cleans up, or a child's exit would kill the receivers and delete the work folder
  [[ $BASHPID == "$main_shell" ]] || return 0
  for p in "$node" "$fake" "$smtp"; do [[ -n $p ]] && kill -9 "$p" 2> /dev/null || true; done
  if [[ ${KEEP:-} == 1 ]]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
fake_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -cp "$root/target/warmreach.jar:$root/target/test-classes" dev.warmreach.execute.provider.FakeUnipile \
  "$fake_port" "$log" "${ACCEPT_RATE:-0.5}" > "$work/fake.out" 2>&1 &
fake=$!
smtp_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java "$root/bench/SmtpSink.java" "$smtp_port" "$work/smtp.log" > "$work/smtp.out" 2>&1 &
smtp=$!
for port in "$fake_port" "$smtp_port"; do
  for _ in $(seq 1 150); do (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null && break; sleep 0.2; done
done
export UNIPILE_API_KEY=test-api-key
wr() { "$root/bin/warmreach" --home "$home" "$@"; }
java "$root/bench/GenerateProspects.java" "$prospects" > "$work/leads.csv"
wr import "$work/leads.csv" --tag kills | grep people:
names=()
for i in $(seq 1 "$accounts"); do
  wr accounts add "sdr-$i" --plan SALES_NAVIGATOR --timezone UTC --hours "Mon-Sun 00:00-23:59" > /dev/null
  names+=("sdr-$i")
done
wr settings smtp --host 127.0.0.1 --port "$smtp_port" --tls none --from kills@example.com \
  --unsubscribe-mailto unsubscribe@example.com > /dev/null
wr settings provider unipile --dsn "http://127.0.0.1:$fake_port" --api-key-env UNIPILE_API_KEY > /dev/null
for i in $(seq 1 "$accounts"); do wr accounts link "sdr-$i" --provider-account "acc-$i" > /dev/null; done
wr campaigns create kills --accounts "$(IFS=,; echo "${names[*]}")" --tag kills > /dev/null
wr campaigns launch kills > /dev/null
now=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
echo "$now $now $speed" > "$home/simulated-clock"

start_node() {
  "$root/bin/warmreach" --home "$home" serve --port 0 --speed "$speed" --poll PT0.2S \
    --provider-poll P1D "$@" >> "$work/node.log" 2>&1 &
  node=$!
}
started=$(date +%s)
killed=0
start_node
# Each kill: wait for the next answered call after the node is up, then SIGKILL at once.
while (( killed < kills )); do
  seen=$(wc -l < "$log")
  while (( $(wc -l < "$log") == seen )); do
    kill -0 "$node" 2> /dev/null || start_node
    sleep 0.005
  done
  kill -9 "$node" 2> /dev/null || true; wait "$node" 2> /dev/null || true
  killed=$((killed + 1))
  echo "kill $killed after: $(sed -n "$((seen + 1))p" "$log")"
  start_node
done
kill -TERM "$node" 2> /dev/null || true; wait "$node" 2> /dev/null || true
start_node --until-done
deadline=$(( $(date +%s) + ${FINISH_TIMEOUT:-900} ))
while kill -0 "$node" 2> /dev/null && (( $(date +%s) < deadline )); do sleep 1; done
kill -0 "$node" 2> /dev/null && { echo "the node did not finish in time; see $work/node.log" >&2; kill -TERM "$node"; }
node=""
echo "SQLite, one serve node at ${speed}x; prospects: $prospects; accounts: $accounts (linked); SIGKILLs right after an answer: $killed; $(( $(date +%s) - started )) s"
java -cp "$root/target/warmreach.jar" "$root/bench/ChaosCheck.java" "$home" \
  --receivers "$log" "$work/none" "$work/smtp.log" "$work/events-sent"
