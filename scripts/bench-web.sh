#!/usr/bin/env bash
# Opt-in benchmark of the web directory's results page (not part of ./test.sh). Start the app first
# (./run.sh --detach), then: scripts/bench-web.sh [BASE_URL] [REQUESTS]
# Prints, for a few sample searches, the HTML size of a 20-entry results page and the server's answer
# time (curl's time to first byte over loopback: median and 95th percentile of REQUESTS after 5 warm-ups).
# Targets from issue 10: under 100 KB of HTML and under 50 ms on the sample data.
set -euo pipefail
base=${1:-http://127.0.0.1:5080}
n=${2:-50}
searches=(
  "/?where=RM17+5AQ"
  "/?where=RM17+5AQ&distance=20&page=2"
  "/?where=Grays&need=social-and-loneliness"
  "/?q=lunch"
  "/areas/U81042"
  "/near?postcode=RM17+5AQ&need=social-and-loneliness&need=food-and-meals&need=pets"
)
printf '%-80s %8s %8s %10s %10s\n' "page" "entries" "KB" "median ms" "p95 ms"
for path in "${searches[@]}"; do
  url=$base$path
  for _ in 1 2 3 4 5; do curl -s -o /dev/null "$url"; done
  times=$(for _ in $(seq 1 "$n"); do curl -s -o /dev/null -w '%{time_starttransfer}\n' "$url"; done | sort -n)
  median=$(sed -n "$(( (n + 1) / 2 ))p" <<<"$times")
  p95=$(sed -n "$(( (n * 95 + 99) / 100 ))p" <<<"$times")
  body=$(curl -s "$url")
  bytes=$(printf '%s' "$body" | wc -c)
  entries=$(grep -c 'class="am-result"' <<<"$body" || true)
  awk -v p="$path" -v e="$entries" -v b="$bytes" -v m="$median" -v q="$p95" \
    'BEGIN { printf "%-80s %8s %8.1f %10.1f %10.1f\n", p, e, b / 1024, m * 1000, q * 1000 }'
done
