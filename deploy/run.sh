#!/usr/bin/env bash
# N ShopTalk instances on one PostgreSQL behind nginx, on this machine:
#   bash deploy/run.sh start [N] [PORT]   builds shoptalk, starts a throwaway PostgreSQL (Scripts/ci/postgres.sh),
#                                        N instances on PORT+1…PORT+N and nginx on PORT (default 3 and 8100)
#   bash deploy/run.sh stop
# Everything lives under $SHOPTALK_DEPLOY_DIR (default /tmp/shoptalk-deploy); each instance logs to instance-ID.log.
# SHOPTALK_SERVE_ARGS adds options to every instance's `shoptalk serve`; SHOPTALK_DEPLOY_SQLITE=1 runs one
# instance on a SQLite file instead, for comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${SHOPTALK_DEPLOY_DIR:-/tmp/shoptalk-deploy}
command=${1:-start}
count=${2:-3}
port=${3:-8100}
bin=${SHOPTALK_BIN:-.build/debug/shoptalk}

stop() {
    [ -f "$dir/nginx.pid" ] && kill "$(cat "$dir/nginx.pid")" 2>/dev/null || true
    for pidfile in "$dir"/instance-*.pid; do
        [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
    done
    [ -d "$dir/pg" ] && bash Scripts/ci/postgres.sh stop "$dir/pg" 2>/dev/null || true
}

case "$command" in
start)
    stop
    rm -rf "$dir" && mkdir -p "$dir"
    [ -x "$bin" ] || swift build --product shoptalk
    if [ -n "${SHOPTALK_DEPLOY_SQLITE:-}" ]; then
        url="$dir/shoptalk.sqlite"   # one instance on a SQLite file, for comparison (N must be 1)
        [ "$count" = 1 ] || { echo "SQLite serves one instance only" >&2; exit 2; }
    else
        url=$(bash Scripts/ci/postgres.sh start "$dir/pg" "${SHOPTALK_DEPLOY_PG_PORT:-25440}")
    fi
    echo "$url" > "$dir/database-url"
    upstreams=""
    for i in $(seq 1 "$count"); do
        id="i$i"; p=$((port + i))
        # nginx on this host forwards each client's address in X-Forwarded-For; the limits count that. Every
        # TCP connection comes from nginx, so the per-client connection cap is nginx's to keep (limit_conn, 256).
        # shellcheck disable=SC2086  # SHOPTALK_SERVE_ARGS holds several options
        SHOPTALK_DB="$url" SHOPTALK_TRUSTED_PROXIES=127.0.0.1 SHOPTALK_MAX_CONNECTIONS_PER_ADDRESS=50000 "$bin" serve --port "$p" --instance-id "$id" ${SHOPTALK_SERVE_ARGS:-} > "$dir/instance-$id.log" 2>&1 &
        echo $! > "$dir/instance-$id.pid"
        upstreams+="        server 127.0.0.1:$p max_fails=1 fail_timeout=5s;"$'\n'
    done
    for i in $(seq 1 "$count"); do
        p=$((port + i))
        for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$p/health" >/dev/null && break; sleep 0.5; done
        curl -sf "http://127.0.0.1:$p/health" >/dev/null || { echo "instance i$i did not start:"; tail -20 "$dir/instance-i$i.log"; exit 1; }
    done
    python3 - "$dir" "$port" "$upstreams" <<'PY'
import sys
folder, port, upstreams = sys.argv[1:4]
text = open("deploy/nginx.conf.template").read()
open(f"{folder}/nginx.conf", "w").write(text.replace("@DIR@", folder).replace("@PORT@", port).replace("@UPSTREAMS@", upstreams.rstrip("\n")))
PY
    nginx -c "$dir/nginx.conf" -p "$dir" &
    for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
    curl -sf "http://127.0.0.1:$port/health" >/dev/null || { echo "nginx did not start:"; cat "$dir/error.log"; exit 1; }
    echo "ShopTalk: $count instances on $url behind nginx at http://127.0.0.1:$port/"
    ;;
stop)
    stop
    ;;
*)
    echo "usage: deploy/run.sh start [N] [PORT] | stop" >&2; exit 2
    ;;
esac
