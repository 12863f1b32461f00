#!/usr/bin/env bash
# A guard against gross slowdowns, safe for CI: checks a generated 5 MB
# workspace once and fails only when it takes more than ten times the figure
# recorded in BENCHMARKS.md. Not a timing test: shared CI machines vary, and
# only an order-of-magnitude regression trips it.
set -euo pipefail
cd "$(dirname "$0")/.."

# Wall seconds for `argcheck DIR --format json` on the 5 MB corpus, as
# recorded in BENCHMARKS.md ("Smoke benchmark").
recorded=${SMOKE_RECORDED_SECONDS:-0.09}
limit=$(awk -v r="$recorded" 'BEGIN { printf "%.3f", r * 10 }')

cargo build --release --locked --quiet --bin argcheck --example gen
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
target/release/examples/gen --megabytes 5 --files 20 --out "$dir/corpus" 2>/dev/null

start=$(date +%s%N)
status=0
target/release/argcheck "$dir/corpus" --format json >"$dir/report.json" || status=$?
end=$(date +%s%N)
if [ "$status" -gt 1 ]; then
  echo "smoke benchmark: argcheck failed with exit code $status"
  exit 1
fi
seconds=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) / 1e9 }')
bytes=$(du -sb "$dir/corpus" | cut -f1)
echo "smoke benchmark: $bytes bytes in ${seconds} s (recorded ${recorded} s, limit ${limit} s)"
if awk -v s="$seconds" -v l="$limit" 'BEGIN { exit !(s > l) }'; then
  echo "smoke benchmark: more than ten times slower than recorded"
  exit 1
fi
