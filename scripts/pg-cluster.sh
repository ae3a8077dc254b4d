#!/usr/bin/env bash
# A throwaway scale-out cluster on local ports: a PostgreSQL primary (wal_level=replica), a streaming
# replica (pg_basebackup -R) and PgBouncer in transaction mode in front of the primary. Prints the
# environment for the app: DATABASE_URL (through PgBouncer), DATABASE_READ_URL (the replica), and the
# direct addresses of the primary and of PgBouncer.
# Usage: eval "$(bash scripts/pg-cluster.sh start /tmp/okpi-cluster)"; ...; bash scripts/pg-cluster.sh stop /tmp/okpi-cluster
# Works as root (the servers then run as the postgres user, like scripts/pg-throwaway.sh) and as any other user.
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:-/tmp/openkpi-cluster}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
bouncer=$(command -v pgbouncer || echo /usr/sbin/pgbouncer)
[ -x "$bouncer" ] || { echo "pgbouncer not found (apt-get install pgbouncer)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# Throwaway data: durability off, as in scripts/pg-throwaway.sh.
fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"

case "$cmd" in
  start)
    rm -rf "$dir"; mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    user=$(if [ "$(id -u)" = 0 ]; then echo postgres; else id -un; fi)
    primary=$(free_port); replica=$(free_port); pool=$(free_port)

    as_pg "$bin/initdb" -D "$dir/primary" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    as_pg "$bin/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -w \
      -o "-p $primary -k $dir -c listen_addresses=127.0.0.1 -c wal_level=replica -c max_wal_senders=5 $fast" start >/dev/null

    # -R writes standby.signal and primary_conninfo; -X stream copies the WAL written meanwhile.
    as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary" -U postgres -D "$dir/replica" -R -X stream >"$dir/basebackup.log" 2>&1
    as_pg "$bin/pg_ctl" -D "$dir/replica" -l "$dir/replica.log" -w \
      -o "-p $replica -k $dir -c listen_addresses=127.0.0.1 -c hot_standby=on $fast" start >/dev/null

    echo '"postgres" ""' >"$dir/userlist.txt"
    cat >"$dir/pgbouncer.ini" <<EOF
[databases]
* = host=127.0.0.1 port=$primary
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $pool
unix_socket_dir = $dir
auth_type = trust
auth_file = $dir/userlist.txt
pool_mode = transaction
max_client_conn = 1000
default_pool_size = 20
ignore_startup_parameters = extra_float_digits
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
admin_users = postgres
EOF
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"/userlist.txt "$dir"/pgbouncer.ini
    as_pg "$bouncer" -d "$dir/pgbouncer.ini"
    for _ in $(seq 50); do
      python3 -c "import socket; socket.create_connection(('127.0.0.1', $pool), 0.2)" 2>/dev/null && break
      sleep 0.1
    done
    echo "# cluster in $dir, servers run as $user"
    echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$pool/postgres"
    echo "export DATABASE_READ_URL=postgres://postgres@127.0.0.1:$replica/postgres"
    echo "export PG_PRIMARY_URL=postgres://postgres@127.0.0.1:$primary/postgres"
    echo "export PGBOUNCER_URL=postgres://postgres@127.0.0.1:$pool/postgres"
    ;;
  stop)
    [ -f "$dir/pgbouncer.pid" ] && kill "$(cat "$dir/pgbouncer.pid")" 2>/dev/null || true
    as_pg "$bin/pg_ctl" -D "$dir/replica" -m immediate stop >/dev/null 2>&1 || true
    as_pg "$bin/pg_ctl" -D "$dir/primary" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop [dir]" >&2; exit 2
    ;;
esac
