#!/usr/bin/env bash
# Start a local PostgreSQL server for the tests and print its URL on stdout.
#
# Installs the server with apt when it is missing, starts the newest installed cluster,
# waits until it accepts connections, and makes sure role and database `exobone`
# (password `exobone`, allowed to create databases for per-session test databases) exist.
# Needs root; reads nothing from stdin. Everything but the URL goes to stderr.
set -euo pipefail

PG_USER=exobone
PG_PASSWORD=exobone
PG_DB=exobone

log() { echo "postgres.sh: $*" >&2; }

server_installed() {
    command -v pg_ctlcluster >/dev/null 2>&1 && compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null
}

if ! server_installed; then
    log "installing PostgreSQL with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql </dev/null >&2
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {found=1} END {exit !found}'; then
    log "creating cluster $version/main"
    pg_createcluster "$version" main >&2
fi

port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
status=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}')
if [ "$status" != "online" ]; then
    log "starting cluster $version/main on port $port"
    pg_ctlcluster "$version" main start >&2
fi

for _ in $(seq 1 60); do
    if pg_isready -q -h 127.0.0.1 -p "$port"; then
        break
    fi
    sleep 1
done
pg_isready -q -h 127.0.0.1 -p "$port" || { log "server on port $port did not come up"; exit 1; }

as_postgres() {
    (cd / && runuser -u postgres -- psql -X -q -p "$port" -v ON_ERROR_STOP=1 -tA "$@" </dev/null)
}

if [ "$(as_postgres -c "SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'")" != "1" ]; then
    as_postgres -c "CREATE ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD'"
else
    as_postgres -c "ALTER ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD'"
fi
if [ "$(as_postgres -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" != "1" ]; then
    as_postgres -c "CREATE DATABASE $PG_DB OWNER $PG_USER"
fi

echo "postgresql+psycopg://$PG_USER:$PG_PASSWORD@127.0.0.1:$port/$PG_DB"
