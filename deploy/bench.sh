#!/usr/bin/env bash
# `shoptalk bench target` through nginx against 1, 2 and 3 instances on one PostgreSQL (deploy/run.sh),
# all in one run, so the rows compare. On a 2-core machine this shows what coordination costs (session
# locks, the outbox, database round trips), not a speed-up: every instance shares the same two cores.
# After each PostgreSQL row it prints the statements the database ran during the load (pg_stat_statements,
# every instance's, the background work included) per message answered: each is one round trip.
#   bash deploy/bench.sh [CONNECTIONS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
connections=${1:-50}
seconds=${2:-5}
bin=${SHOPTALK_BIN:-.build/debug/shoptalk}
dir=${SHOPTALK_DEPLOY_DIR:-/tmp/shoptalk-deploy}
trap 'bash deploy/run.sh stop' EXIT
# The limits a load from one address would hit, lifted as `shoptalk bench ws` lifts them.
export SHOPTALK_SERVE_ARGS="--log-level error --max-connections 50000 --max-connections-per-address 50000 --address-rate-limit 0 --rate-limit 100000 --rate-burst 100000 --new-sessions-per-minute 0 --http-rate-limit 0"

# Runs the load with label $1; prints the table, and the messages answered on the last line.
load() {
    local out
    out=$("$bin" bench target --url "ws://127.0.0.1:8100/chat?store=demo" --label "$1" --connections "$connections" --seconds "$seconds")
    echo "$out" >&2
    echo "$out" | python3 -c 'import sys; print(sys.stdin.read().strip().splitlines()[-1][len(sys.argv[1]):].split()[1])' "$1"
}

SHOPTALK_DEPLOY_SQLITE=1 bash deploy/run.sh start 1 8100 >/dev/null
load "nginx + 1 instance, SQLite" >/dev/null
for n in 1 2 3; do
    bash deploy/run.sh start "$n" 8100 >/dev/null
    url=$(cat "$dir/database-url")
    psql "$url" -qAtc "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
    psql "$url" -qAtc "SELECT pg_stat_statements_reset()" >/dev/null
    messages=$(load "nginx + $n instance(s), PostgreSQL")
    statements=$(psql "$url" -qAtc "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = current_database()")
    python3 -c 'import sys; s, m = int(sys.argv[1]), int(sys.argv[2]); print(f"database statements: {s} for {m} messages, {s / max(m, 1):.2f} per message")' "$statements" "$messages"
done
