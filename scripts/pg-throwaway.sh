#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on a free port and prints its DATABASE_URL.
# Usage: eval "$(bash scripts/pg-throwaway.sh start /tmp/okpi-pg)"; ...; bash scripts/pg-throwaway.sh stop /tmp/okpi-pg
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:-/tmp/openkpi-pg}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$cmd" in
  start)
    rm -rf "$dir"; mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    # In the cluster's own configuration, not on the command line: a plain `pg_ctl start` after a stop
    # (test/faults/pg-cluster.ts) is then the same server on the same port. Throwaway data: durability off.
    cat >>"$dir/data/postgresql.conf" <<EOF
port = $port
unix_socket_directories = '$dir'
listen_addresses = '127.0.0.1'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start >/dev/null
    echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
    ;;
esac
