#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, from Debian's postgresql package:
#   Scripts/ci/postgres.sh start [DIR] [PORT]   initialises DIR, starts the server on 127.0.0.1:PORT and
#                                               prints its URL (postgres://shoptalk@127.0.0.1:PORT/shoptalk)
#   Scripts/ci/postgres.sh stop [DIR]
# The tests read the URL from SHOPTALK_TEST_POSTGRES and make a database of their own on it per test.
# PostgreSQL refuses to run as root, so under root the server runs as the postgres user.
set -euo pipefail
command=${1:-start}
dir=${2:-/tmp/shoptalk-postgres}
port=${3:-25432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed: apt-get install postgresql" >&2; exit 1; }
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$command" in
start)
    [ -f "$dir/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir" && mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U shoptalk --auth=trust -E UTF8 >"$dir/initdb.log"
    # 3 instances with their pools and the tests' own databases need more than the default 100.
    # The default ports sit below Linux's ephemeral range (32768-60999): a port in that range can be held by
    # any outgoing connection's local end, which once made CI's second server fail to bind. A port still
    # held by a closing socket is retried for a few seconds before giving up.
    # pg_stat_statements (in Debian's package) counts the statements each client sends: deploy/bench.sh
    # divides them by the messages answered.
    preload=""
    [ -f "$("$bin/pg_config" --sharedir 2>/dev/null)/extension/pg_stat_statements.control" ] \
        && preload="-c shared_preload_libraries=pg_stat_statements"
    for attempt in 1 2 3 4 5 6; do
        as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
            -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=400 -c shared_buffers=64MB $preload" start >/dev/null \
            && break
        grep -q "Address already in use" "$dir/server.log" && [ "$attempt" -lt 6 ] || { tail -5 "$dir/server.log" >&2; exit 1; }
        sleep 2
    done
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U shoptalk shoptalk
    echo "postgres://shoptalk@127.0.0.1:$port/shoptalk"
    ;;
stop)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null
    ;;
*)
    echo "usage: $0 start|stop [DIR] [PORT]" >&2; exit 2
    ;;
esac
