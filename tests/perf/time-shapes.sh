#!/usr/bin/env bash
# Single-request timings of each search shape in issue 11 against a running API: ./time-shapes.sh http://127.0.0.1:5301 [runs]
# Prints the median of the runs (after one warm-up) per shape, and the totalCount the API reported.
# LAT/LON pick the point (default: a town of tests/perf/generate-1m.sql; the benchmark's central London is
# LAT=51.5074 LON=-0.1278).
set -euo pipefail
base=$1; runs=${2:-5}
lat=${LAT:-53.62}; lon=${LON:-0.97}
shapes=(
  "point 2 km|/api/v1/assets?lat=$lat&lon=$lon&radius=2000"
  "point 10 km|/api/v1/assets?lat=$lat&lon=$lon&radius=10000"
  "no filter, page 1|/api/v1/assets"
  "no filter, page 500|/api/v1/assets?page=500"
  "q=lunch|/api/v1/assets?q=lunch"
  "q=lunch, 2 km|/api/v1/assets?q=lunch&lat=$lat&lon=$lon&radius=2000"
  "q=lunch, 5 km|/api/v1/assets?q=lunch&lat=$lat&lon=$lon&radius=5000"
  "q=lunch, 10 km|/api/v1/assets?q=lunch&lat=$lat&lon=$lon&radius=10000"
  "q=okehampton (rare), 10 km|/api/v1/assets?q=okehampton&lat=$lat&lon=$lon&radius=10000"
  "q=okehampton (rare)|/api/v1/assets?q=okehampton"
  "openOn=tuesday, 2 km|/api/v1/assets?openOn=tuesday&lat=$lat&lon=$lon&radius=2000"
  "openOn=tuesday, 10 km|/api/v1/assets?openOn=tuesday&lat=$lat&lon=$lon&radius=10000"
  "openOn=tuesday, no point|/api/v1/assets?openOn=tuesday"
  "openOn=2026-12-09, 10 km|/api/v1/assets?openOn=2026-12-09&lat=$lat&lon=$lon&radius=10000"
  "pcn=U81042|/api/v1/assets?pcn=U81042"
  "GraphQL point 10 km|graphql"
)
printf '| search | totalCount | median ms |\n|---|---|---|\n'
for s in "${shapes[@]}"; do
  name=${s%%|*}; path=${s#*|}
  times=()
  for i in $(seq 0 "$runs"); do
    if [[ $path == graphql ]]; then
      out=$(curl -s -o /tmp/shape.json -w '%{time_total}' -H 'Content-Type: application/json' \
        -d "{\"query\":\"{ assets(near:{latitude:$lat,longitude:$lon}, radiusMetres:10000, first:20){ totalCount edges{ node{ id name } } } }\"}" "$base/graphql")
    else
      out=$(curl -s -o /tmp/shape.json -w '%{time_total}' "$base$path")
    fi
    [[ $i -gt 0 ]] && times+=("$out")
  done
  count=$(python3 -c "import json;d=json.load(open('/tmp/shape.json'));print(d.get('totalCount', d.get('data',{}).get('assets',{}).get('totalCount','?')) if isinstance(d,dict) else '?', ('(lower bound)' if d.get('totalCountIsLowerBound') or d.get('data',{}).get('assets',{}).get('totalCountIsLowerBound') else ''))" 2>/dev/null || echo '?')
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]*1000}')
  printf '| %s | %s | %s |\n' "$name" "$count" "$median"
done
