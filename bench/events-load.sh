#!/usr/bin/env bash
# Benchmark: POST /api/events against a real `warmreach serve` on loopback. Starts the server on a
# fresh embedded database (or the JDBC URL given; use an empty database), imports the 300 sample
# prospects, adds a user, signs in for an API token, runs bench/EventsLoad.java, then stops the
# server with SIGTERM. Not a test: figures go to docs/benchmarks.md.
#
#   bench/events-load.sh [JDBC_URL] [EventsLoad options, e.g. --events 20000 --clients 8]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
db=""
if [[ $# -gt 0 && $1 == jdbc:* ]]; then db=$1; shift; fi
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
password="benchmark password 1"
wr=("$root/bin/warmreach" --home "$work/home")
if [[ -n $db ]]; then wr+=(--db "$db"); fi
server=""
cleanup() {
  if [[ -n $server ]] && kill -0 "$server" 2> /dev/null; then kill -TERM "$server"; wait "$server" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"${wr[@]}" import "$root/src/main/resources/sample/prospects.csv" > /dev/null
echo "$password" | "${wr[@]}" users add bench@example.com --role admin > /dev/null
"${wr[@]}" serve --port "$port" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "$base/health" > /dev/null && break; sleep 0.2; done

curl -sf -c "$work/cookies" -H 'Content-Type: application/json' \
  -d "{\"email\": \"bench@example.com\", \"password\": \"$password\"}" "$base/login" > "$work/login.json"
csrf=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrfToken"])' "$work/login.json")
token=$(curl -sf -b "$work/cookies" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d '{"name": "benchmark"}' "$base/api/tokens" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')

echo "database: ${db:-embedded SQLite}"
# CPU the server spends is steadier than throughput on a shared machine: report it too.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
before=$(cpu_ticks "$server")
/usr/bin/time -f "driver: %U s user + %S s system CPU" java "$root/bench/EventsLoad.java" "$base" "$token" "$@"
after=$(cpu_ticks "$server")
echo "server: $(( (after - before) * 1000 / $(getconf CLK_TCK) )) ms CPU for the run and its warm-up"
kill -TERM "$server"
wait "$server" || true
tail -2 "$work/serve.log"
