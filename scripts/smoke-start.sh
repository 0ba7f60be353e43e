#!/usr/bin/env bash
# Starts the app the way the README says (`npm start`, no DATABASE_URL: embedded PostgreSQL),
# captures one delivery, reads it back through the API, and stops it with SIGTERM.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${SMOKE_PORT:-3999}"
log=$(mktemp)
env -u DATABASE_URL PORT="$port" DATA_DIR="${SMOKE_DATA_DIR:-.data/smoke}" npm start >"$log" 2>&1 &
pid=$!
server=""
cleanup() { kill -TERM "$pid" $server 2>/dev/null || true; }
trap cleanup EXIT

for _ in $(seq 1 180); do
  grep -q "listening on" "$log" && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "smoke: server exited"; exit 1; }
  sleep 1
done
grep -q "embedded PostgreSQL" "$log" || { cat "$log"; echo "smoke: no embedded PostgreSQL"; exit 1; }
# npm's shell execs Node in its place: the server is npm's child, with the start script's
# environment (glibc's fixed mmap threshold, ARCHITECTURE.md "npm start runs Node with ...").
server=$(pgrep -P "$pid" -f scripts/start.mjs || pgrep -f "node .*scripts/start.mjs" -n)
tr '\0' '\n' <"/proc/$server/environ" | grep -qx 'MALLOC_MMAP_THRESHOLD_=131072' ||
  { echo "smoke: the server runs without MALLOC_MMAP_THRESHOLD_ from package.json's start"; exit 1; }
# ... and its Node options (young generation, heap growth: the memory budget depends on them).
for option in $(node -p 'require("./package.json").scripts.start.match(/(?<= )--\S+/g).join(" ")'); do
  tr '\0' '\n' <"/proc/$server/cmdline" | grep -qx -- "$option" ||
    { echo "smoke: the server runs without $option from package.json's start"; exit 1; }
done

answer=$(curl -sS -X POST "http://127.0.0.1:$port/echo/smoke-test/hook?x=1" \
  -H 'Content-Type: application/json' --data-binary '{"smoke":true}')
echo "capture: $answer"
id=$(node -e 'console.log(JSON.parse(process.argv[1]).deliveryId)' "$answer")
detail=$(curl -sS "http://127.0.0.1:$port/api/bins/smoke-test/deliveries/$id")
node -e 'const d = JSON.parse(process.argv[1]); if (d.bodyText !== "{\"smoke\":true}" || d.path !== "/hook") { console.error(d); process.exit(1); }' "$detail"
echo "read back: ok"

kill -TERM "$pid"
trap - EXIT
code=0
wait "$pid" || code=$?
cat "$log" | tail -5
[ "$code" -eq 0 ] || { echo "smoke: exit code $code"; exit 1; }
echo "smoke: ok"
