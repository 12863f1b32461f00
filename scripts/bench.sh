#!/usr/bin/env bash
# Times whole argcheck runs on generated corpora: wall time and peak RSS from
# /usr/bin/time -v, throughput in MB/s, and the same argument through
# Argdown's CLI when `npx @argdown/cli` can be installed.
#
#   scripts/bench.sh [SIZES_MB...]        default: 1 10 100
#
# Environment: BENCH_DIR (default /tmp/argcheck-bench) holds the corpora;
# MILLION=1 also checks and maps a million statements; ARGDOWN=0 skips Argdown; ARGDOWN_MB (default 13) is the size of the
# Argdown file used for the DOT export comparison. argcheck maps both the
# Argdown argument alone as `.arg` (the twin, argdown-N-twin) and the full
# workspace it was drawn from (argdown-N, twice the statements).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 10 100)
dir=${BENCH_DIR:-/tmp/argcheck-bench}
mkdir -p "$dir"

cargo build --release --quiet --bin argcheck --example gen
bin=target/release/argcheck
gen=target/release/examples/gen

# Runs a command under /usr/bin/time -v; prints "WALL_SECONDS PEAK_KB CPU_SECONDS".
measure() {
  local log
  log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || true
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; wall = s }
    /Maximum resident set size/ { rss = $2 }
    /User time \(seconds\)/ { cpu += $2 }
    /System time \(seconds\)/ { cpu += $2 }
    END { printf "%.3f %d %.2f\n", wall, rss, cpu }' "$log"
  rm -f "$log"
}

bytes_of() { du -sb --exclude='*.argdown' "$1" | cut -f1; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "argcheck: $($bin --version)"
echo

# The essay: best and median of 20 runs, timed in nanoseconds (the
# resolution of /usr/bin/time is too coarse for it).
walls=()
for _ in $(seq 20); do
  start=$(date +%s%N)
  "$bin" claims/ >/dev/null || true
  end=$(date +%s%N)
  walls+=("$(( (end - start) / 1000 ))")
done
sorted=$(printf '%s\n' "${walls[@]}" | sort -n)
awk -v best="$(echo "$sorted" | head -1)" -v median="$(echo "$sorted" | sed -n 10p)" 'BEGIN {
  printf "essay (claims/): best %.1f ms, median %.1f ms wall over 20 runs\n", best / 1000, median / 1000 }'
echo

printf '%8s %12s %12s %9s %7s %10s %9s %11s %10s %9s\n' size bytes statements check_s cpu_s MB/s peak_MB peak/input map_s map_MB/s
for mb in "${sizes[@]}"; do
  corpus="$dir/mb-$mb"
  if [ ! -d "$corpus" ]; then
    files=$(( mb * 4 < 4 ? 4 : mb * 4 ))
    "$gen" --megabytes "$mb" --files "$files" --out "$corpus" 2>/dev/null
  fi
  bytes=$(bytes_of "$corpus")
  statements=$(cat "$corpus"/*.arg | grep -c '^[a-z]')
  read -r wall rss cpu < <(measure "$bin" "$corpus" --format json)
  read -r mwall _ _ < <(measure "$bin" map "$corpus" -o /dev/null)
  awk -v mb="$mb" -v b="$bytes" -v s="$statements" -v w="$wall" -v c="$cpu" -v r="$rss" -v mw="$mwall" 'BEGIN {
    printf "%6s MB %12d %12d %9.3f %7.2f %10.1f %9.1f %11.2f %10.3f %9.1f\n",
      mb, b, s, w, c, b / 1e6 / w, r / 1024, r * 1024 / b, mw, b / 1e6 / mw }'
done
echo

if [ "${MILLION:-0}" = 1 ]; then
  # A million statements, checked and mapped to DOT.
  corpus="$dir/million"
  [ -d "$corpus" ] || "$gen" --statements 1000000 --files 200 --out "$corpus" 2>/dev/null
  read -r wall rss _ < <(measure "$bin" "$corpus" --format json)
  read -r mwall mrss _ < <(measure "$bin" map "$corpus" -o "$dir/million.dot")
  echo "1,000,000 statements ($(bytes_of "$corpus") bytes): check ${wall} s, peak $((rss / 1024)) MB; map ${mwall} s, peak $((mrss / 1024)) MB, DOT $(stat -c %s "$dir/million.dot") bytes"
  echo
fi

if [ "${ARGDOWN:-1}" = 1 ] && command -v npx >/dev/null; then
  tools="$dir/argdown-cli"
  if [ ! -x "$tools/node_modules/.bin/argdown" ]; then
    mkdir -p "$tools"
    (cd "$tools" && npm install --silent @argdown/cli >/dev/null 2>&1) || true
  fi
  argdown="$tools/node_modules/.bin/argdown"
  if [ -x "$argdown" ]; then
    target=${ARGDOWN_MB:-13}
    corpus="$dir/argdown-$target"
    twin="$dir/argdown-$target-twin"
    if [ ! -f "$corpus/argument.argdown" ] || [ ! -d "$twin" ]; then
      # About 250 bytes of Argdown per 14 statements. Deterministic, so an
      # existing argument.argdown is rewritten byte for byte.
      "$gen" --statements $(( target * 1000000 / 250 * 14 )) --files 64 --argdown --argdown-twin "$twin" --out "$corpus" 2>/dev/null
    fi
    size=$(stat -c %s "$corpus/argument.argdown")
    read -r awall arss _ < <(measure "$argdown" map --format dot "$corpus/argument.argdown" "$dir/argdown-out")
    read -r twall trss _ < <(measure "$bin" map "$twin" -o /dev/null)
    read -r cwall crss _ < <(measure "$bin" map "$corpus" -o /dev/null)
    awk -v s="$size" -v ts="$(bytes_of "$twin")" -v cs="$(bytes_of "$corpus")" \
      -v aw="$awall" -v ar="$arss" -v tw="$twall" -v tr="$trss" -v cw="$cwall" -v cr="$crss" 'BEGIN {
      printf "same argument: Argdown file %.1f MB; as .arg alone %.1f MB; full workspace %.1f MB\n", s / 1e6, ts / 1e6, cs / 1e6
      printf "  argdown map --format dot:          %8.3f s, peak %7.1f MB\n", aw, ar / 1024
      printf "  argcheck map, the same argument:   %8.3f s, peak %7.1f MB, ratio (argdown / argcheck) %.1fx wall\n", tw, tr / 1024, aw / tw
      printf "  argcheck map, the full workspace:  %8.3f s, peak %7.1f MB, ratio (argdown / argcheck) %.1fx wall\n", cw, cr / 1024, aw / cw }'
  else
    echo "argdown: @argdown/cli could not be installed; skipped"
  fi
fi
