#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests, on loopback, in a folder of its own.
#   scripts/pg_cluster.sh start DIR PORT   initdb + start; prints the superuser URL of database rtw_test
#   scripts/pg_cluster.sh stop DIR         fast shutdown (the folder can then be removed)
# PostgreSQL refuses to run as root, so as root the cluster runs as the 'postgres' user that Debian's package
# creates. Where /dev/null is not writable by that user (seen on some CI machines), it runs in a private mount
# namespace with a world-writable null device bound over /dev/null.
set -euo pipefail

action=${1:?usage: pg_cluster.sh start DIR PORT | stop DIR}
dir=${2:?folder}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bindir" ] || bindir=$(dirname "$(command -v pg_ctl)")
[ -x "$bindir/pg_ctl" ] || { echo "pg_cluster.sh: PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 2; }

as_owner() {  # run a command as the cluster's owner
  if [ "$(id -u)" -ne 0 ]; then
    "$@"
  elif su postgres -s /bin/sh -c ': >/dev/null' 2>/dev/null; then
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  else
    [ -e "$dir/null" ] || mknod -m 666 "$dir/null" c 1 3
    unshare -m sh -c "mount --bind '$dir/null' /dev/null && su postgres -s /bin/sh -c \"$(printf '%q ' "$@")\""
  fi
}

case "$action" in
  start)
    port=${3:?port}
    mkdir -p "$dir"
    [ "$(id -u)" -ne 0 ] || chown postgres "$dir"
    as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-k $dir -p $port -c listen_addresses=127.0.0.1" start >/dev/null
    as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres rtw_test
    echo "postgresql://postgres@127.0.0.1:$port/rtw_test"
    ;;
  stop)
    [ -d "$dir/data" ] && as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    ;;
  *)
    echo "usage: pg_cluster.sh start DIR PORT | stop DIR" >&2
    exit 2
    ;;
esac
