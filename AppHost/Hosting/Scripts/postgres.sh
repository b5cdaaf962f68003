#!/usr/bin/env bash
# PostgreSQL from Debian's package, started by the AppHost as an executable resource.
# usage: postgres.sh ROOT PORT [postgres -c options...]
# Initialises the cluster under ROOT/data on first start (password from ROOT/password), runs the server as the
# postgres user (it refuses root), and turns the orchestrator's SIGTERM into a fast shutdown (SIGINT): the default
# smart shutdown would wait for every pooled client connection to close.
set -euo pipefail
root="$1" port="$2"
shift 2
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/postgres" ] || { echo "PostgreSQL is not installed: run scripts/install-prerequisites.sh" >&2; exit 1; }

as_postgres=()
if [ "$(id -u)" -eq 0 ]; then
  chown -R postgres:postgres "$root"
  as_postgres=(setpriv --reuid=postgres --regid=postgres --init-groups --)
fi

data="$root/data"
if [ ! -f "$data/PG_VERSION" ]; then
  rm -rf "$data"
  "${as_postgres[@]}" "$bin/initdb" -D "$data" -U postgres --pwfile "$root/password" \
    --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  echo "Initialised a new database cluster in $data"
fi

# TCP on loopback only; no Unix socket whose folder could be missing.
"${as_postgres[@]}" "$bin/postgres" -D "$data" -p "$port" -c listen_addresses=127.0.0.1 -k "" \
  -c max_connections=300 "$@" &
server=$!
trap 'kill -INT "$server" 2>/dev/null || true' TERM INT
status=0
while kill -0 "$server" 2>/dev/null; do
  wait "$server" || status=$?
done
exit "$status"
