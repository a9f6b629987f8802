#!/usr/bin/env bash
# Installs what is missing, starts a project-local PostgreSQL cluster, and serves AssetMap.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$ROOT"
# shellcheck source=scripts/pg.sh
. "$ROOT/scripts/pg.sh"

usage() {
  cat <<'EOF'
Usage: ./run.sh [--detach | --stop | --help]

  (no flag)  install missing prerequisites (PostgreSQL 15 + PostGIS 3), start the local
             database cluster (reused if already running), build, run the importer (migrate, then
             load seed-data/ into an empty database), and serve the app in the foreground;
             Ctrl+C stops the app, the database keeps running.
  --detach   same, but return once the app is ready, leaving it running in the background.
  --stop     stop the app (if started by ./run.sh) and the local database cluster.
  --help     show this help.

Environment:
  ASSETMAP_PG_PORT             port of the local cluster (default 55432)
  ASSETMAP_DB_NAME             database name (default assetmap)
  ASSETMAP_DATA_DIR            where the cluster, app.log and app.pid live (default ./.data;
                               as root the cluster itself lives under /var/tmp/assetmap-*)
  ASPNETCORE_URLS              where the app listens (default http://127.0.0.1:5080)
  ASPNETCORE_ENVIRONMENT       default Development
  ConnectionStrings__AssetMap  if set, use that database server; no local cluster is started
  ASSETMAP_READY_TIMEOUT       seconds to wait for /health/ready (default 120)
EOF
}

mode=foreground
case "${1:-}" in
  "") ;;
  --detach) mode=detach ;;
  --stop) mode=stop ;;
  -h | --help) usage; exit 0 ;;
  *) usage >&2; exit 2 ;;
esac
[ "$#" -le 1 ] || { usage >&2; exit 2; }

mkdir -p "${ASSETMAP_DATA_DIR:-$ROOT/.data}"
DATA_DIR=$(cd "${ASSETMAP_DATA_DIR:-$ROOT/.data}" && pwd)
PG_DIR=$DATA_DIR/pg
PID_FILE=$DATA_DIR/app.pid
APP_LOG=$DATA_DIR/app.log

# True if app.pid names a live `dotnet` process group leader (guards against a reused pid).
app_alive() {
  local pid
  [ -f "$PID_FILE" ] || return 1
  pid=$(cat "$PID_FILE")
  kill -0 "$pid" 2>/dev/null || return 1
  [ "$(ps -o pgid= -p "$pid" | tr -d ' ')" = "$pid" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q dotnet
}

stop_app() {
  local pid _
  if app_alive; then
    pid=$(cat "$PID_FILE")
    # The app runs in its own process group (setsid below): signal the whole group, so
    # `dotnet run` and the app process it spawned both stop.
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 75); do
      kill -0 -- "-$pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE"
}

if [ "$mode" = stop ]; then
  stop_app
  assetmap_pg_stop "$PG_DIR"
  echo "AssetMap stopped."
  exit 0
fi

assetmap_install_prereqs
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

if app_alive; then
  echo "AssetMap is already running (pid $(cat "$PID_FILE")); stop it with ./run.sh --stop" >&2
  exit 1
fi

if [ -n "${ConnectionStrings__AssetMap:-}" ]; then
  echo "Using the database server from ConnectionStrings__AssetMap."
else
  db=${ASSETMAP_DB_NAME:-assetmap}
  assetmap_pg_start "$PG_DIR" "${ASSETMAP_PG_PORT:-55432}"
  port=$(assetmap_pg_port "$PG_DIR") # may differ from ASSETMAP_PG_PORT when reusing a cluster
  assetmap_pg_ensure_db "$port" "$db"
  export ConnectionStrings__AssetMap="Host=127.0.0.1;Port=$port;Username=postgres;Database=$db"
  echo "PostgreSQL is up on 127.0.0.1:$port (database $db)."
fi
export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://127.0.0.1:5080}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}

# First URL, with wildcard hosts (http://+:80, http://*:80, 0.0.0.0, [::]) made reachable.
url=${ASPNETCORE_URLS%%;*}
url=$(sed -E 's#://(\*|\+|0\.0\.0\.0|\[::\])(:|/|$)#://127.0.0.1\2#' <<<"${url%/}")

if curl -s -o /dev/null --max-time 3 "$url/"; then
  echo "Something already answers at $url; stop it or set ASPNETCORE_URLS." >&2
  exit 1
fi

echo "Building src/AssetMap.Import and src/AssetMap.Api (Release)..."
dotnet build src/AssetMap.Import -c Release -nologo -v q
dotnet build src/AssetMap.Api -c Release -nologo -v q

# The importer owns the schema and the sample: migrate, then load seed-data/ only into an empty
# database (a database that holds any directory data is left alone). The API never seeds.
importer() { dotnet run --no-build -c Release --no-launch-profile --project src/AssetMap.Import -- "$@"; }
importer migrate
importer seed "$ROOT/seed-data"

# Development only: one account per role, named after it, with a fresh random password on every start. The passwords
# are printed in the ready block below and kept nowhere else (Identity stores only their hashes). Outside Development
# no account is made: the first admin comes from `AssetMap.Import accounts create`.
accounts=()
if [ "$ASPNETCORE_ENVIRONMENT" = Development ]; then
  for role in practitioner broker editor admin; do
    password=$(head -c 400 /dev/urandom | tr -dc 'A-HJ-NP-Za-km-z2-9' | cut -c1-20)
    importer accounts create "$role" --role "$role" --display-name "Sample $role" --password-stdin --reset-if-exists \
      <<<"$password" >/dev/null
    accounts+=("$(printf '  %-13s %s / %s' "$role" "$role" "$password")")
  done
fi

# setsid: own process group, so stop_app can end `dotnet run` and its child together, and
# Ctrl+C in the terminal reaches only this script (whose trap stops the app cleanly).
setsid dotnet run --no-build -c Release --no-launch-profile --project src/AssetMap.Api \
  </dev/null >"$APP_LOG" 2>&1 &
app_pid=$!
echo "$app_pid" >"$PID_FILE"
trap stop_app EXIT

fail() {
  echo "AssetMap failed to start: $*" >&2
  echo "--- last lines of $APP_LOG ---" >&2
  tail -n 40 "$APP_LOG" >&2 || true
  exit 1
}

deadline=$((SECONDS + ${ASSETMAP_READY_TIMEOUT:-120}))
until curl -fs -o /dev/null --max-time 5 "$url/health/ready"; do
  kill -0 "$app_pid" 2>/dev/null || fail "the app exited"
  [ "$SECONDS" -lt "$deadline" ] || fail "$url/health/ready not healthy after ${ASSETMAP_READY_TIMEOUT:-120} s"
  sleep 1
done

cat <<EOF

AssetMap is ready:
  directory  $url/
  Swagger    $url/swagger
  GraphQL    $url/graphql  (explorer: $url/graphql/ui)
  health     $url/health/ready
  app log    $APP_LOG
EOF
if [ "${#accounts[@]}" -gt 0 ]; then
  echo "  sign in    $url/account/sign-in  (Development accounts, user / password, new passwords every start):"
  printf '%s\n' "${accounts[@]}"
fi

if [ "$mode" = detach ]; then
  trap - EXIT
  echo "The app runs in the background (pid $app_pid); ./run.sh --stop stops it and the database."
  exit 0
fi

echo "Ctrl+C to stop the app; ./run.sh --stop stops the database."
trap 'stop_app; exit 130' INT
trap 'stop_app; exit 143' TERM
rc=0
wait "$app_pid" || rc=$?
exit "$rc"
