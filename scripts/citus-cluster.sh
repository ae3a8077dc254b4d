#!/usr/bin/env bash
# A throwaway Citus cluster on local ports: a coordinator and two workers, each a PostgreSQL server with
# shared_preload_libraries = citus, and a database (default `openkpi`) with the citus extension on all three,
# the coordinator registered (citus_set_coordinator_host) and the workers added (citus_add_node). Prints
# CITUS_URL (the coordinator's database) and the workers' addresses. See docs/scaling.md, section 5.
# Usage: eval "$(bash scripts/citus-cluster.sh start /tmp/okpi-citus)"; ...; bash scripts/citus-cluster.sh stop /tmp/okpi-citus
#        bash scripts/citus-cluster.sh build      # only build and install Citus (done by start when missing)
# Works as root (the servers then run as the postgres user, like scripts/pg-throwaway.sh) and as any other user.
#
# Citus is not packaged by Debian. When `citus.so` is missing from `pg_config --pkglibdir`, start builds
# Citus $CITUS_VERSION (default v13.2.2, the last release for PostgreSQL 15; later ones need 16+) from
# $CITUS_SRC (a source tree), else from the git mirror $CITUS_MIRROR, else from GitHub, and installs it
# (`make install` needs write access to the PostgreSQL directories: root). Build packages (Debian 12):
#   apt-get install postgresql-server-dev-15 libkrb5-dev liblz4-dev libzstd-dev flex bison make gcc
# (libcurl4-openssl-dev only without --without-libcurl, which this script passes: no usage statistics.)
set -euo pipefail
cmd=${1:?start|stop|build}
dir=${2:-/tmp/openkpi-citus}
db=${CITUS_DB:-openkpi}
version=${CITUS_VERSION:-v13.2.2}
mirror=${CITUS_MIRROR:-/work/.mirror/citusdata+citus/repo}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
psql_at() { as_pg "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U postgres -d "$2" -c "$3" >/dev/null; }
nodes=(coordinator worker1 worker2)

build_citus() {
  local pgconfig=${PG_CONFIG:-$(command -v pg_config || echo "$bin/pg_config")}
  [ -x "$pgconfig" ] || { echo "pg_config not found (apt-get install postgresql-server-dev-15)" >&2; exit 1; }
  local src=${CITUS_SRC:-}
  if [ -z "$src" ]; then
    src=$(mktemp -d /tmp/citus-src.XXXXXX)
    if [ -d "$mirror" ]; then
      git -C "$mirror" archive "$version" | tar -x -C "$src"
    else
      git clone -q --depth 1 --branch "$version" https://github.com/citusdata/citus.git "$src"
    fi
  fi
  echo "# building Citus $version in $src (logs: $src/build.log)" >&2
  local t0=$SECONDS
  ( cd "$src" && ./configure --without-libcurl PG_CONFIG="$pgconfig" && nice -n 10 make -j"$(nproc)" && make install ) >"$src/build.log" 2>&1 \
    || { tail -20 "$src/build.log" >&2; echo "Citus build failed; see $src/build.log" >&2; exit 1; }
  echo "# Citus built and installed in $((SECONDS - t0)) s" >&2
}

case "$cmd" in
  build)
    build_citus
    ;;
  start)
    [ -f "$("$bin/pg_config" --pkglibdir 2>/dev/null || pg_config --pkglibdir)/citus.so" ] || build_citus
    rm -rf "$dir"; mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    user=$(if [ "$(id -u)" = 0 ]; then echo postgres; else id -un; fi)
    declare -A port
    for n in "${nodes[@]}"; do
      port[$n]=$(free_port)
      as_pg "$bin/initdb" -D "$dir/$n" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb-$n.log" 2>&1
      # In the node's own configuration: a plain `pg_ctl start` after a stop is the same node on the same port.
      # Throwaway data: durability off, as in scripts/pg-throwaway.sh. Each distributed query may open up to
      # citus.max_adaptive_executor_pool_size (16) connections per worker, so the nodes take more than 100; each
      # database with the extension runs a Citus maintenance worker (8 workers run out at 6 databases).
      cat >>"$dir/$n/postgresql.conf" <<EOF
port = ${port[$n]}
unix_socket_directories = '$dir'
listen_addresses = '127.0.0.1'
shared_preload_libraries = 'citus'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 300
max_worker_processes = 32
EOF
      as_pg "$bin/pg_ctl" -D "$dir/$n" -l "$dir/$n.log" -w start >/dev/null
      # The extension lives in a database: the same database on every node.
      psql_at "${port[$n]}" postgres "CREATE DATABASE $db"
      psql_at "${port[$n]}" "$db" "CREATE EXTENSION citus"
    done
    c=${port[coordinator]}
    psql_at "$c" "$db" "SELECT citus_set_coordinator_host('127.0.0.1', $c)"
    psql_at "$c" "$db" "SELECT citus_add_node('127.0.0.1', ${port[worker1]})"
    psql_at "$c" "$db" "SELECT citus_add_node('127.0.0.1', ${port[worker2]})"
    printf '%s %s %s\n' "${port[coordinator]}" "${port[worker1]}" "${port[worker2]}" >"$dir/ports"
    echo "# Citus cluster in $dir (coordinator and 2 workers), servers run as $user"
    echo "export CITUS_URL=postgres://postgres@127.0.0.1:$c/$db"
    echo "export CITUS_WORKER1_URL=postgres://postgres@127.0.0.1:${port[worker1]}/$db"
    echo "export CITUS_WORKER2_URL=postgres://postgres@127.0.0.1:${port[worker2]}/$db"
    ;;
  stop)
    for n in worker2 worker1 coordinator; do
      [ -d "$dir/$n" ] && as_pg "$bin/pg_ctl" -D "$dir/$n" -m fast stop >/dev/null 2>&1 || true
    done
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop [dir] | build" >&2; exit 2
    ;;
esac
