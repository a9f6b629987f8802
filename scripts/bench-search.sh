#!/usr/bin/env bash
# Search benchmark (issue 11): generates N entries spread like England's population into a database of their own,
# then runs a fixed mix of searches as direct SQL, REST and GraphQL at 1, 8 and 32 clients and prints the table.
#   scripts/bench-search.sh                  1,000,000 entries, 10 s per step (about 45 min after a 7-min first load)
#   scripts/bench-search.sh --quick          10,000 entries, short steps (about 3 min): proves the benchmark works
#   scripts/bench-search.sh --entries 100000 --step-seconds 5 --clients 1,8
# Other options: --regenerate, --generate-only, --out FILE, --connection CS (see --help).
# Without --connection (or ASSETMAP_BENCH_POSTGRES) it starts its own PostgreSQL cluster in ASSETMAP_BENCH_DATA
# (default .data-bench/pg), keeps the data there so the next run reuses the generated database, and stops it after.
# The table goes to stdout and docs/benchmarks/search-<N>.md. Exit status 1 when any request failed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/pg.sh
. "$ROOT/scripts/pg.sh"

connection=${ASSETMAP_BENCH_POSTGRES:-}
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --connection) connection=${2:?--connection needs a value}; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done

assetmap_install_prereqs
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
echo "Building (Release)..."
dotnet build tests/AssetMap.SearchBenchmark/AssetMap.SearchBenchmark.csproj -c Release -nologo -v q >/dev/null ||
  dotnet build tests/AssetMap.SearchBenchmark/AssetMap.SearchBenchmark.csproj -c Release -nologo -v q

if [ -z "$connection" ]; then
  datadir=${ASSETMAP_BENCH_DATA:-$ROOT/.data-bench/pg}
  port=$(assetmap_pg_port "$datadir" 2>/dev/null) || port=""
  if [ -z "$port" ]; then
    port=$(assetmap_free_port)
    assetmap_pg_start "$datadir" "$port" --fast
    trap 'assetmap_pg_stop "$datadir" >/dev/null 2>&1 || true' EXIT
  fi
  echo "PostgreSQL for the benchmark: $datadir on 127.0.0.1:$port"
  connection="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
fi

rc=0
dotnet tests/AssetMap.SearchBenchmark/bin/Release/net10.0/AssetMap.SearchBenchmark.dll --connection "$connection" \
  --api-dll "$ROOT/src/AssetMap.Api/bin/Release/net10.0/AssetMap.Api.dll" ${args[@]+"${args[@]}"} || rc=$?
exit "$rc"
