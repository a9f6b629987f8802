# shellcheck shell=bash
# scripts/pg.sh — helpers shared by run.sh and test.sh. Source it; it sets no shell options.
#
#   assetmap_install_prereqs [--browser]  install PostgreSQL 15 + PostGIS 3, curl and npm if missing (and,
#                                     with --browser, Debian's chromium for the browser tests); check dotnet
#   assetmap_pg_start DATADIR PORT [--fast]   init (if needed) and start a cluster on 127.0.0.1:PORT
#   assetmap_pg_stop DATADIR          fast shutdown; no error if not running
#   assetmap_pg_destroy DATADIR       stop and remove the cluster
#   assetmap_pg_port DATADIR          print the port of the running cluster
#   assetmap_pg_ensure_db PORT DB     create database DB if missing
#   assetmap_psql PORT DB [ARGS...]   psql -tA as postgres over TCP
#   assetmap_free_port                print a free TCP port on 127.0.0.1
#   assetmap_mktemp_dir               mktemp -d somewhere the server user can use
#
# initdb and postgres refuse to run as root. As root the server therefore runs as the
# `postgres` system user, and since DATADIR may sit under a 0700 home (/root/...), the real
# cluster lives in /var/tmp/assetmap-<hash of DATADIR>-<basename>/{data,run,postgres.log}.
# As any other user the cluster is DATADIR itself, its log DATADIR.log.

ASSETMAP_PG_BIN=${ASSETMAP_PG_BIN:-/usr/lib/postgresql/15/bin}

_assetmap_die() { echo "assetmap: error: $*" >&2; exit 1; }
_assetmap_is_root() { [ "$(id -u)" -eq 0 ]; }

# Run a command as the server user (postgres when root, else ourselves).
_assetmap_srv() {
  if ! _assetmap_is_root; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    # cd /: the caller's cwd may be unreadable to postgres (initdb fails on that).
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && su postgres -s /bin/bash -c "$(printf '%q ' "$@")")
  fi
}

# Set _AM_DATA (cluster dir), _AM_LOG (server log), _AM_SOCK (unix socket dir) and
# _AM_BASE (extra dir that belongs to the cluster, removed by destroy; may be empty).
_assetmap_pg_paths() {
  local abs hash name
  abs="$(realpath -m -- "$(dirname -- "$1")")/$(basename -- "$1")"
  name=$(basename -- "$abs")
  hash=$(printf '%s' "$abs" | sha256sum | cut -c1-8)
  if _assetmap_is_root; then
    _AM_BASE=/var/tmp/assetmap-$hash-$name
    _AM_DATA=$_AM_BASE/data
    _AM_LOG=$_AM_BASE/postgres.log
    _AM_SOCK=$_AM_BASE/run
  else
    _AM_BASE=""
    _AM_DATA=$abs
    _AM_LOG=$abs.log
    _AM_SOCK=$abs
    # Unix socket paths are limited to ~107 bytes; deep checkouts get a short private dir.
    if [ "${#abs}" -gt 80 ]; then
      _AM_BASE=${TMPDIR:-/tmp}/assetmap-$(id -u)-$hash
      _AM_SOCK=$_AM_BASE
    fi
  fi
}

assetmap_install_prereqs() {
  local pkgs=() sudo=()
  # The browser tests drive Debian's chromium through Playwright (`playwright install` cannot download here).
  if [ "${1:-}" = --browser ] && [ ! -x /usr/bin/chromium ]; then
    pkgs+=(chromium)
  fi
  if [ ! -f /usr/share/postgresql/15/extension/postgis.control ] || [ ! -x "$ASSETMAP_PG_BIN/initdb" ]; then
    pkgs+=(postgresql-15 postgresql-15-postgis-3)
  fi
  command -v curl >/dev/null 2>&1 || pkgs+=(curl)
  # The AssetMap.Api build runs `npm ci` for its front-end packages (GraphiQL).
  command -v npm >/dev/null 2>&1 || pkgs+=(nodejs npm)
  if [ "${#pkgs[@]}" -gt 0 ]; then
    if ! command -v apt-get >/dev/null 2>&1; then
      _assetmap_die "missing ${pkgs[*]} (PostgreSQL 15 with PostGIS 3, curl, Node.js with npm, chromium for ./test.sh) and no apt-get to install them; install them and re-run"
    fi
    if ! _assetmap_is_root; then
      if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo=(sudo -n)
      else
        _assetmap_die "missing packages; run: sudo apt-get install -y ${pkgs[*]}"
      fi
    fi
    echo "assetmap: installing ${pkgs[*]} ..." >&2
    # Lock::Timeout waits for another apt/dpkg run (e.g. a background install) instead of failing.
    "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=900 update -qq >&2 ||
      _assetmap_die "apt-get update failed"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 \
      install -y -qq --no-install-recommends "${pkgs[@]}" >&2 ||
      _assetmap_die "apt-get install ${pkgs[*]} failed"
  fi
  if ! command -v dotnet >/dev/null 2>&1; then
    if [ -x "$HOME/.dotnet/dotnet" ]; then
      export PATH="$HOME/.dotnet:$PATH"
    else
      _assetmap_die "dotnet is not on PATH; install the .NET 10 SDK (https://dot.net) and re-run"
    fi
  fi
}

assetmap_pg_start() {
  local datadir=${1:?usage: assetmap_pg_start DATADIR PORT [--fast]}
  local port=${2:?usage: assetmap_pg_start DATADIR PORT [--fast]} fast=${3:-}
  local bin=$ASSETMAP_PG_BIN locale=C running out
  _assetmap_pg_paths "$datadir"
  if _assetmap_is_root; then
    id postgres >/dev/null 2>&1 || _assetmap_die "no 'postgres' system user (install postgresql-15)"
    install -d -o postgres -g postgres -m 0700 "$_AM_BASE" "$_AM_SOCK"
    # The shell opening the log below is root; make sure postgres can append to it too.
    touch "$_AM_LOG" && chown postgres:postgres "$_AM_LOG"
  else
    mkdir -p -- "$(dirname -- "$_AM_DATA")"
    [ -z "$_AM_BASE" ] || install -d -m 0700 -- "$_AM_BASE"
  fi

  if [ ! -f "$_AM_DATA/PG_VERSION" ]; then
    if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then locale=C.UTF-8; fi
    _assetmap_srv "$bin/initdb" -D "$_AM_DATA" -U postgres -E UTF8 --locale="$locale" \
      --auth-local=trust --auth-host=trust --no-instructions >>"$_AM_LOG" 2>&1 ||
      { tail -n 20 "$_AM_LOG" >&2; _assetmap_die "initdb failed for $datadir (log: $_AM_LOG)"; }
    # Our settings live in assetmap.conf, rewritten on every start.
    echo "include_if_exists = 'assetmap.conf'" | _assetmap_srv tee -a "$_AM_DATA/postgresql.conf" >/dev/null
  fi

  if _assetmap_srv "$bin/pg_ctl" status -D "$_AM_DATA" >/dev/null 2>&1; then
    running=$(sed -n 4p "$_AM_DATA/postmaster.pid")
    if [ "$running" != "$port" ]; then
      echo "assetmap: note: the cluster in $datadir already runs on port $running (not $port); reusing it" >&2
      port=$running
    fi
  else
    {
      echo "# Written by scripts/pg.sh on every start; edit that script instead."
      echo "listen_addresses = '127.0.0.1'"
      echo "port = $port"
      echo "unix_socket_directories = '${_AM_SOCK//\'/\'\'}'"
      echo "max_connections = 200"
      echo "shared_buffers = 128MB"
      if [ "$fast" = --fast ]; then
        # Throwaway test clusters only: a crash may corrupt the data.
        echo "fsync = off"
        echo "synchronous_commit = off"
        echo "full_page_writes = off"
      fi
    } | _assetmap_srv tee "$_AM_DATA/assetmap.conf" >/dev/null
    out=$(_assetmap_srv "$bin/pg_ctl" start -D "$_AM_DATA" -l "$_AM_LOG" -w -t 60 2>&1) || {
      echo "$out" >&2
      tail -n 20 "$_AM_LOG" >&2
      _assetmap_die "could not start PostgreSQL for $datadir on port $port (log: $_AM_LOG)"
    }
  fi

  local _
  for _ in $(seq 1 60); do
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then return 0; fi
    sleep 0.5
  done
  _assetmap_die "PostgreSQL for $datadir does not answer on 127.0.0.1:$port (log: $_AM_LOG)"
}

assetmap_pg_port() {
  _assetmap_pg_paths "${1:?usage: assetmap_pg_port DATADIR}"
  _assetmap_srv "$ASSETMAP_PG_BIN/pg_ctl" status -D "$_AM_DATA" >/dev/null 2>&1 || return 1
  sed -n 4p "$_AM_DATA/postmaster.pid"
}

assetmap_pg_stop() {
  _assetmap_pg_paths "${1:?usage: assetmap_pg_stop DATADIR}"
  _assetmap_srv "$ASSETMAP_PG_BIN/pg_ctl" status -D "$_AM_DATA" >/dev/null 2>&1 || return 0
  _assetmap_srv "$ASSETMAP_PG_BIN/pg_ctl" stop -D "$_AM_DATA" -m fast -w -t 60 >/dev/null ||
    _assetmap_die "could not stop PostgreSQL for $1 (log: $_AM_LOG)"
}

assetmap_pg_destroy() {
  assetmap_pg_stop "${1:?usage: assetmap_pg_destroy DATADIR}"
  _assetmap_pg_paths "$1"
  rm -rf -- "$_AM_DATA" "$_AM_LOG"
  [ -z "$_AM_BASE" ] || rm -rf -- "$_AM_BASE"
}

assetmap_psql() {
  local port=${1:?usage: assetmap_psql PORT DB [ARGS...]} db=${2:?usage: assetmap_psql PORT DB [ARGS...]}
  shift 2
  "$ASSETMAP_PG_BIN/psql" -X -w -q -tA -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d "$db" "$@"
}

assetmap_pg_ensure_db() {
  local port=${1:?usage: assetmap_pg_ensure_db PORT DB} db=${2:?usage: assetmap_pg_ensure_db PORT DB} found
  # Via stdin: psql interpolates :'db' there but not in -c.
  found=$(assetmap_psql "$port" postgres -v db="$db" <<<"SELECT 1 FROM pg_database WHERE datname = :'db'") ||
    _assetmap_die "cannot query PostgreSQL on 127.0.0.1:$port"
  [ -n "$found" ] || "$ASSETMAP_PG_BIN/createdb" -w -h 127.0.0.1 -p "$port" -U postgres -- "$db"
}

assetmap_free_port() {
  local port _
  for _ in $(seq 1 200); do
    # Below the Linux ephemeral range (32768+), so outgoing connections don't take it meanwhile.
    port=$((20000 + RANDOM % 12000))
    # A refused connect means nobody listens there.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  _assetmap_die "no free TCP port found on 127.0.0.1"
}

assetmap_mktemp_dir() {
  if _assetmap_is_root; then mktemp -d /var/tmp/assetmap-tmp.XXXXXX; else mktemp -d "${TMPDIR:-/tmp}/assetmap-tmp.XXXXXX"; fi
}
