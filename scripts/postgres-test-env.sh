#!/usr/bin/env bash
# A private PostgreSQL cluster for the store tests, the way docker-test-env.sh gives them a dockerd.
# Idempotent: installs Debian's postgresql if no initdb is found, creates a cluster under $SLUICE_PG_DIR
# (password authentication for user sluice, TCP on 127.0.0.1 only), starts it on a free port if it is not
# running, and prints the admin URL the tests create their databases with.
#   eval "$(scripts/postgres-test-env.sh start)"
#       -> export SLUICE_TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:PORT/postgres?user=sluice&password=...'
#   scripts/postgres-test-env.sh stop   -> stops that cluster
# PostgreSQL refuses to run as root: as root the server runs as the postgres user (Debian's package makes it).
set -euo pipefail

DIR=${SLUICE_PG_DIR:-/tmp/sluice-postgres}
DATA=$DIR/data
PASSWORD=sluice-test

log() { echo "postgres-test-env: $*" >&2; }

bin_dir() {
    local initdb
    initdb=$(command -v initdb 2>/dev/null || ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
    [ -n "$initdb" ] && dirname "$(readlink -f "$initdb")"
}

install_packages() {
    if [ -n "$(bin_dir)" ]; then return; fi
    log "installing postgresql"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
}

# Runs a command as the cluster's owner: the postgres user when we are root, else ourselves.
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
        || echo $((20000 + RANDOM % 20000))
}

running() { [ -f "$DIR/port" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

start_cluster() {
    if running; then return; fi
    mkdir -p "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$DIR"
    if [ ! -f "$DATA/PG_VERSION" ]; then
        local pwfile="$DIR/pwfile"
        echo "$PASSWORD" > "$pwfile"
        [ "$(id -u)" = 0 ] && chown postgres "$pwfile"
        log "initdb $DATA"
        as_owner "$BIN/initdb" -D "$DATA" -U sluice --pwfile="$pwfile" --auth=scram-sha-256 -E UTF8 >"$DIR/initdb.log" 2>&1 \
            || { tail -20 "$DIR/initdb.log" >&2; exit 1; }
    fi
    local port; port=$(free_port)
    log "starting postgres on 127.0.0.1:$port (log: $DIR/postgres.log)"
    # sockets in DIR (not /var/run/postgresql, which may not exist); setsid: outlives this script
    as_owner setsid "$BIN/pg_ctl" -D "$DATA" -l "$DIR/postgres.log" -w -t 60 \
        -o "-p $port -h 127.0.0.1 -k $DIR -c fsync=off -c max_connections=200" start >&2 \
        || { log "postgres did not start; see $DIR/postgres.log"; tail -20 "$DIR/postgres.log" >&2; exit 1; }
    echo "$port" > "$DIR/port"
}

stop_cluster() {
    if [ -f "$DATA/PG_VERSION" ] && [ -n "$BIN" ]; then
        log "stopping postgres"
        as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2 || true
    fi
    rm -f "$DIR/port"
}

case "${1:-start}" in
    start)
        install_packages
        BIN=$(bin_dir)
        start_cluster
        echo "export SLUICE_TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:$(cat "$DIR/port")/postgres?user=sluice&password=$PASSWORD'"
        ;;
    stop) BIN=$(bin_dir); stop_cluster ;;
    *) echo "usage: $0 [start|stop]" >&2; exit 2 ;;
esac
