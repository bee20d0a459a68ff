#!/bin/sh
# A throwaway PostgreSQL server for the store tests: `start` prints the URL to export as
# WARDESK_TEST_PG; `stop` stops it and removes its data.
#
#   export WARDESK_TEST_PG="$(scripts/pg_test_server.sh start)"
#   .venv/bin/pytest tests/store -q
#   scripts/pg_test_server.sh stop
#
# The cluster lives in $PG_TEST_DIR (default /tmp/wardesk-pg-test), listens on 127.0.0.1 and a
# socket in that folder, port $PG_TEST_PORT (default 54329), and trusts local connections: it is
# for tests only. Run as root, it runs the server as the user postgres (created by the Debian
# package) and installs PostgreSQL with apt-get when it is missing.
set -eu

DIR="${PG_TEST_DIR:-/tmp/wardesk-pg-test}"
PORT="${PG_TEST_PORT:-54329}"
DB="${PG_TEST_DB:-wardesk_test}"

bindir() {
    for d in /usr/lib/postgresql/*/bin; do
        if [ -x "$d/initdb" ]; then echo "$d"; fi
    done | sort -V | tail -n 1
}

BIN="$(bindir)"
if [ -z "$BIN" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "PostgreSQL is not installed; run as root or: apt-get install -y postgresql" >&2
        exit 1
    fi
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    BIN="$(bindir)"
fi

# as_owner CMD...: run CMD as the cluster's owner (postgres when we are root; initdb refuses root)
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        su postgres -s /bin/sh -c "$(printf '%s ' "$@")"
    else
        "$@"
    fi
}

OWNER="$(id -un)"
if [ "$(id -u)" -eq 0 ]; then OWNER=postgres; fi

start() {
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
        mkdir -p "$DIR"
        chown "$OWNER" "$DIR"
        as_owner "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
            >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; exit 1; }
    fi
    if ! as_owner "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
        as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
            -o "'-k $DIR -p $PORT -c listen_addresses=127.0.0.1 -c fsync=off'" start >&2 \
            || { cat "$DIR/server.log" >&2; exit 1; }
    fi
    if ! "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc \
            "SELECT 1 FROM pg_database WHERE datname = '$DB'" postgres | grep -q 1; then
        "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB" >&2
    fi
    echo "postgresql://postgres@127.0.0.1:$PORT/$DB"
}

stop() {
    if [ -f "$DIR/data/PG_VERSION" ]; then
        as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >&2 || true
    fi
    rm -rf "$DIR"
}

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
