#!/usr/bin/env bash
# Starts `shoptalk serve` on a fresh database, waits until /health answers, chats through
# Scripts/chat.py --script and checks the replies, then through `shoptalk chat` (a product table), then
# stops the server with SIGTERM.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
port=${SMOKE_PORT:-18087}
swift build --product shoptalk >/dev/null
.build/debug/shoptalk serve --port "$port" --db "$work/shoptalk.sqlite" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 1200); do  # first start trains the NLU and seeds the demo store: up to a minute on a busy debug build
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fs "http://127.0.0.1:$port/health"; echo
printf 'hi\nshow me headphones under $100\nonly Sony\n' > "$work/script.txt"
python3 Scripts/chat.py "ws://127.0.0.1:$port/chat" --script "$work/script.txt" > "$work/replies.jsonl"
python3 - "$work/replies.jsonl" <<'PY'
import json, sys
frames = [json.loads(line) for line in open(sys.argv[1])]
replies = [f for f in frames if f["type"] == "reply"]
assert frames[0]["type"] == "welcome", frames[0]
assert len(replies) == 3, frames
assert replies[1]["products"] and all(p["category"] == "headphones" and p["price"] <= 100 for p in replies[1]["products"]), replies[1]
assert all(p["brand"] == "Sony" for p in replies[2]["products"]), replies[2]
print("smoke: 3 replies, products check out:", replies[2]["text"])
PY
printf 'show me headphones under $100\n' | .build/debug/shoptalk chat "ws://127.0.0.1:$port/chat" > "$work/terminal.txt"
cat "$work/terminal.txt"
grep -Eq '^  #  product +brand +price' "$work/terminal.txt"
grep -Eq '^  1  .*\$[0-9]+\.[0-9]{2}' "$work/terminal.txt"
echo "smoke: shoptalk chat printed the products as a table"
kill -TERM $server
wait $server
echo "smoke: server stopped cleanly"
