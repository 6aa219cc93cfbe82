#!/usr/bin/env bash
# Server mode's two servers on this machine, from installed packages, listening on loopback only:
# Chroma (`chroma run`, from the chromadb Python package in .venv) and PostgreSQL (Debian's
# postgresql package; scripts/system-deps.sh installs it). Their data lives under
# $RAG_SERVERS_DIR (default index/servers/, not committed).
#
#   bash scripts/servers.sh start   # start both (a no-op for one already running), wait until both
#                                   # answer, print the two settings to export
#   bash scripts/servers.sh stop    # stop both
#   bash scripts/servers.sh env     # print the settings again
#
# Ports: RAG_CHROMA_PORT (8765), RAG_PG_PORT (5433). PostgreSQL trusts local connections of the
# user rag (loopback only); it does not run as root, so as root it runs as the postgres user.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DIR=${RAG_SERVERS_DIR:-$ROOT/index/servers}
CHROMA_PORT=${RAG_CHROMA_PORT:-8765}
PG_PORT=${RAG_PG_PORT:-5433}
VENV=${RAG_VENV:-$ROOT/.venv}
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$PG_BIN/pg_ctl" ] || PG_BIN=$(dirname "$(command -v pg_ctl || echo /usr/local/bin/pg_ctl)")

as_pg() {  # PostgreSQL refuses to run as root
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

settings() {
    echo "export RAG_CHROMA_URL=http://127.0.0.1:$CHROMA_PORT"
    echo "export RAG_DATABASE_URL=postgresql://rag@127.0.0.1:$PG_PORT/rag"
}

chroma_up() {
    "$VENV/bin/python" -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)" \
        "http://127.0.0.1:$CHROMA_PORT/api/v2/heartbeat" >/dev/null 2>&1
}
pg_up() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -d rag -U rag; }

wait_for() {  # what, test command; 60 s at most
    for _ in $(seq 600); do
        if "$2"; then return 0; fi
        sleep 0.1
    done
    echo "$1 did not answer on time; its log: $DIR/$1.log" >&2
    tail -20 "$DIR/$1.log" >&2 || true
    return 1
}

start() {
    mkdir -p "$DIR"
    if ! chroma_up; then
        setsid nohup "$VENV/bin/chroma" run --path "$DIR/chroma" --host 127.0.0.1 --port "$CHROMA_PORT" \
            >"$DIR/chroma.log" 2>&1 < /dev/null &
        echo $! >"$DIR/chroma.pid"
    fi
    local data=$DIR/postgres
    if [ ! -s "$data/PG_VERSION" ]; then
        mkdir -p "$data"
        [ "$(id -u)" = 0 ] && chown postgres: "$data"
        chmod 700 "$data"
        as_pg "$PG_BIN/initdb" -D "$data" -U rag --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log"
    fi
    if ! pg_up; then
        touch "$DIR/postgres.log"
        [ "$(id -u)" = 0 ] && chown postgres: "$DIR/postgres.log"
        as_pg "$PG_BIN/pg_ctl" -D "$data" -l "$DIR/postgres.log" -w -t 60 start \
            -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" >/dev/null
        "$PG_BIN/psql" -qAt -h 127.0.0.1 -p "$PG_PORT" -U rag -d postgres \
            -c "SELECT 1 FROM pg_database WHERE datname = 'rag'" | grep -q 1 \
            || "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U rag rag
    fi
    wait_for chroma chroma_up
    wait_for postgres pg_up
    settings
}

stop() {
    if [ -f "$DIR/chroma.pid" ]; then
        kill "$(cat "$DIR/chroma.pid")" 2>/dev/null || true
        rm -f "$DIR/chroma.pid"
    fi
    if [ -s "$DIR/postgres/postmaster.pid" ]; then
        as_pg "$PG_BIN/pg_ctl" -D "$DIR/postgres" -m fast -w stop >/dev/null || true
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    env) settings ;;
    *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
