#!/usr/bin/env bash
# `shoptalk bench target` through nginx against 1, 2 and 3 instances on one PostgreSQL (deploy/run.sh),
# all in one run, so the rows compare. On a 2-core machine this shows what coordination costs (session
# locks, the outbox, database round trips), not a speed-up: every instance shares the same two cores.
#   bash deploy/bench.sh [CONNECTIONS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
connections=${1:-50}
seconds=${2:-5}
bin=${SHOPTALK_BIN:-.build/debug/shoptalk}
trap 'bash deploy/run.sh stop' EXIT
# The limits a load from one address would hit, lifted as `shoptalk bench ws` lifts them.
export SHOPTALK_SERVE_ARGS="--log-level error --max-connections 50000 --max-connections-per-address 50000 --address-rate-limit 0 --rate-limit 100000 --rate-burst 100000 --new-sessions-per-minute 0 --http-rate-limit 0"
SHOPTALK_DEPLOY_SQLITE=1 bash deploy/run.sh start 1 8100 >/dev/null
"$bin" bench target --url "ws://127.0.0.1:8100/chat?store=demo" --label "nginx + 1 instance, SQLite" --connections "$connections" --seconds "$seconds"
for n in 1 2 3; do
    bash deploy/run.sh start "$n" 8100 >/dev/null
    "$bin" bench target --url "ws://127.0.0.1:8100/chat?store=demo" --label "nginx + $n instance(s), PostgreSQL" \
        --connections "$connections" --seconds "$seconds"
done
