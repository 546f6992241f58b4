#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests and benchmarks, on 127.0.0.1 only.
#   Scripts/postgres-server.sh start PORT DATABASE   prints the URL to use
#   Scripts/postgres-server.sh stop PORT
# Installs Debian's postgresql when no server binaries are found (needs root, as on CI).
# The data folder is /tmp/kremlinology-pg-PORT; start throws away what an earlier run left.
set -euo pipefail
action=${1:?usage: postgres-server.sh start PORT DATABASE | stop PORT}
port=${2:?give a port, e.g. 55432}
dir=/tmp/kremlinology-pg-$port

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

stop() {
    local bin
    bin=$(pg_bin)
    if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
        as_postgres "'$bin/pg_ctl' -D '$dir/data' -m immediate -w stop" >/dev/null 2>&1 || true
    fi
}

case $action in
stop) stop ;;
start)
    database=${3:?give a database name}
    if [ -z "$(pg_bin)" ]; then
        echo "installing PostgreSQL (Debian's postgresql package)" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2 && apt-get install -y -qq postgresql >/dev/null
    fi
    bin=$(pg_bin)
    stop
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    as_postgres "'$bin/initdb' -D '$dir/data' -U postgres -A trust -E UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1" \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    # fsync off: the data of a throwaway server is never kept.
    as_postgres "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 60 \
        -o \"-k /tmp -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start" >&2 \
        || { cat "$dir/server.log" >&2; exit 1; }
    "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$database"
    echo "postgres://postgres@127.0.0.1:$port/$database"
    ;;
*) echo "usage: postgres-server.sh start PORT DATABASE | stop PORT" >&2; exit 2 ;;
esac
