#!/usr/bin/env bash
# Runs the test suite against a throwaway PostgreSQL cluster, the search benchmark in quick mode, then smoke-tests ./run.sh.
# Extra arguments go to `dotnet test`. The last line printed is "N passed, N failed";
# the exit status is non-zero if anything failed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$ROOT"
# shellcheck source=scripts/pg.sh
. "$ROOT/scripts/pg.sh"

assetmap_install_prereqs --browser
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# The browser tests' screenshots (git-ignored): kept after the run, unlike the throwaway results directory.
export ASSETMAP_SCREENSHOTS=${ASSETMAP_SCREENSHOTS:-$ROOT/TestResults/screenshots}

TMP=$(assetmap_mktemp_dir)
TEST_PG=$TMP/pg
SMOKE_DATA=$TMP/smoke-data
cleaned=""
cleanup() {
  [ -z "$cleaned" ] || return 0
  cleaned=1
  # Also covers a smoke run that was cut short: its app and cluster.
  if [ -d "$SMOKE_DATA" ]; then
    ASSETMAP_DATA_DIR=$SMOKE_DATA ./run.sh --stop >/dev/null 2>&1 || true
    assetmap_pg_destroy "$SMOKE_DATA/pg" >/dev/null 2>&1 || true
  fi
  assetmap_pg_destroy "$TEST_PG" >/dev/null 2>&1 || true
  rm -rf -- "$TMP"
  # In CI, don't leave MSBuild/compiler servers behind.
  if [ -n "${CI:-}" ]; then dotnet build-server shutdown >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

if [ -n "${ASSETMAP_TEST_POSTGRES:-}" ]; then
  echo "Using the database server from ASSETMAP_TEST_POSTGRES."
else
  pg_port=$(assetmap_free_port)
  assetmap_pg_start "$TEST_PG" "$pg_port" --fast
  export ASSETMAP_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
  echo "Throwaway PostgreSQL on 127.0.0.1:$pg_port."
fi

# Build once, then test each project with its own trx file: one `dotnet test` over the solution
# names trx files by the second, and two projects finishing together would overwrite each other.
test_rc=0
if dotnet build AssetMap.sln -c Release -nologo -v q; then
  for project in tests/*/*.Tests.csproj; do
    name=$(basename "$project" .csproj)
    dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=$name.trx" \
      --results-directory "$TMP/results" "$@" || test_rc=$?
  done
else
  test_rc=$?
fi

# Value of attribute $1 in the <Counters .../> element $2 (0 if absent).
counter() { grep -o " $1=\"[0-9]*\"" <<<"$2" | grep -o '[0-9]\+' || echo 0; }

passed=0
failed=0
while IFS= read -r -d '' trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1) || counters=""
  passed=$((passed + $(counter passed "$counters")))
  failed=$((failed + $(counter failed "$counters") + $(counter error "$counters") + $(counter timeout "$counters")))
done < <(find "$TMP/results" -name '*.trx' -print0 2>/dev/null)

if [ "$test_rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet build/test exited with status $test_rc without a failed test in the results (build error?)"
  failed=1
fi

# The search benchmark in quick mode (issue 11), on the test cluster: proves it runs end to end and every request
# succeeds (exit status); the figures are not judged here. Its table goes to the throwaway directory, not docs/.
echo "== search benchmark: scripts/bench-search.sh --quick =="
if scripts/bench-search.sh --quick --connection "$ASSETMAP_TEST_POSTGRES" --out "$TMP/bench-search.md"; then
  passed=$((passed + 1))
  echo "search benchmark passed"
else
  failed=$((failed + 1))
  echo "search benchmark FAILED (exit status above; failed requests are listed in its table)"
fi

# Smoke test of ./run.sh on its own cluster and ports; sets smoke_reason on failure.
smoke_reason=""
smoke() {
  local pg_port app_port url db id code
  pg_port=$(assetmap_free_port)
  app_port=$(assetmap_free_port)
  while [ "$app_port" = "$pg_port" ]; do app_port=$(assetmap_free_port); done
  url=http://127.0.0.1:$app_port
  db=${ASSETMAP_DB_NAME:-assetmap}
  local run=(env -u ConnectionStrings__AssetMap ASSETMAP_DATA_DIR="$SMOKE_DATA"
    ASSETMAP_PG_PORT="$pg_port" ASPNETCORE_URLS="$url" ./run.sh)

  "${run[@]}" --detach || { smoke_reason="./run.sh --detach failed"; return 1; }

  code=$(curl -s -o "$TMP/smoke-health" -w '%{http_code}' --max-time 15 "$url/health/ready") || true
  [ "$code" = 200 ] || { smoke_reason="GET /health/ready returned $code, not 200"; return 1; }
  grep -q Healthy "$TMP/smoke-health" || { smoke_reason="GET /health/ready body lacks 'Healthy'"; return 1; }

  id=$(assetmap_psql "$pg_port" "$db" \
    -c "select id from assets where kind = 'hub' and status = 'published' order by name limit 1") ||
    { smoke_reason="querying the assets table failed"; return 1; }
  [ -n "$id" ] || { smoke_reason="no published hub in the seeded database"; return 1; }
  code=$(curl -s -o "$TMP/smoke-asset" -w '%{http_code}' --max-time 15 "$url/api/v1/assets/$id") || true
  [ "$code" = 200 ] || { smoke_reason="GET /api/v1/assets/$id returned $code, not 200"; return 1; }
  grep -qiF -- "$id" "$TMP/smoke-asset" || { smoke_reason="GET /api/v1/assets/$id body lacks the id"; return 1; }

  "${run[@]}" --stop || { smoke_reason="./run.sh --stop failed"; return 1; }
  if curl -s -o /dev/null --max-time 3 "$url/health/ready"; then
    smoke_reason="the app still answers on $url after ./run.sh --stop"
    return 1
  fi
  if "$ASSETMAP_PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$pg_port"; then
    smoke_reason="the database still answers on port $pg_port after ./run.sh --stop"
    return 1
  fi
}

echo "== smoke test: ./run.sh --detach / --stop =="
if smoke; then
  passed=$((passed + 1))
  echo "smoke test passed"
else
  failed=$((failed + 1))
  echo "smoke test FAILED: $smoke_reason"
fi

cleanup
trap - EXIT
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
