#!/usr/bin/env bash
# Opt-in soak test: mixed REST + GraphQL traffic on loopback against ./run.sh's app, printing throughput, errors and the
# API's memory (RSS) at the start, middle and end. Usage: scripts/soak.sh [DURATION]   (seconds, or e.g. 2m; default 10m)
# Uses the app at ASSETMAP_SOAK_URL when it answers; otherwise starts ./run.sh --detach on a spare port with its own
# data directory (ASSETMAP_DATA_DIR, default .data-soak) and stops it afterwards. Rate limits are switched off for the
# app it starts (RateLimiting__Enabled=false): one loopback client is not the traffic they are for.
# Needs wrk (Debian: apt-get install wrk).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/pg.sh
. "$ROOT/scripts/pg.sh"

duration=${1:-10m}
case "$duration" in
  *m) seconds=$(( ${duration%m} * 60 )) ;;
  *s) seconds=${duration%s} ;;
  *) seconds=$duration ;;
esac
[[ "$seconds" =~ ^[0-9]+$ && "$seconds" -ge 10 ]] || { echo "usage: scripts/soak.sh [SECONDS|Nm] (at least 10 s)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }

threads=${ASSETMAP_SOAK_THREADS:-2}
connections=${ASSETMAP_SOAK_CONNECTIONS:-16}

url=${ASSETMAP_SOAK_URL:-}
if [ -z "$url" ] || ! curl -sf -o /dev/null --max-time 3 "$url/health/ready"; then
  export ASSETMAP_DATA_DIR=${ASSETMAP_DATA_DIR:-$ROOT/.data-soak}
  port=$(assetmap_free_port)
  export ASPNETCORE_URLS=http://127.0.0.1:$port ASSETMAP_PG_PORT=$(assetmap_free_port)
  export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production} RateLimiting__Enabled=false
  url=http://127.0.0.1:$port
  echo "Starting ./run.sh --detach at $url (data in $ASSETMAP_DATA_DIR)..."
  ./run.sh --detach >/dev/null

  trap './run.sh --stop >/dev/null 2>&1 || true' EXIT
fi

# The API process: the largest process in ./run.sh's process group (dotnet run's child), or whoever listens on the port.
api_pid() {
  local group pid best="" best_rss=0 rss
  if [ -f "${ASSETMAP_DATA_DIR:-$ROOT/.data}/app.pid" ]; then
    group=$(cat "${ASSETMAP_DATA_DIR:-$ROOT/.data}/app.pid")
    for pid in $(pgrep -g "$group" 2>/dev/null); do
      rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
      if [ "${rss:-0}" -gt "$best_rss" ]; then best=$pid; best_rss=$rss; fi
    done
  fi
  echo "$best"
}
rss() { local pid; pid=$(api_pid); [ -n "$pid" ] && awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$pid/status" || echo "unknown"; }

curl -sf -o /dev/null "$url/api/v1/assets" # warm up: the first request compiles the queries
echo "Soak: $seconds s against $url, $threads threads, $connections connections, mixed REST and GraphQL"
echo "SOAK RSS start: $(rss)"
log=$(mktemp)
wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s --latency -s "$ROOT/scripts/soak.lua" "$url" >"$log" 2>&1 &
wrk_pid=$!
sleep $((seconds / 2))
echo "SOAK RSS middle: $(rss)"
wait "$wrk_pid" || { cat "$log"; exit 1; }
echo "SOAK RSS end: $(rss)"
report=$(cat "$log")
rm -f "$log"
grep -E "Requests/sec|Transfer/sec|requests in|SOAK" <<<"$report"
echo "SOAK health after: $(curl -s -o /dev/null -w '%{http_code}' "$url/health/ready")"
# Fails on any 5xx or socket error: refusals (4xx) are part of the mix.
grep -q "5xx 0$" <<<"$report" && grep -q "connect 0, read 0, write 0, timeout 0" <<<"$report"
