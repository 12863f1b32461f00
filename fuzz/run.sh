#!/usr/bin/env bash
# Runs one fuzz target for a while, seeded from the grammar examples and the
# essay's encoding. Usage: fuzz/run.sh TARGET [SECONDS]
#   TARGET: parse, check or fmt_roundtrip; SECONDS defaults to 1800.
# Needs cargo-fuzz (`cargo install cargo-fuzz`); stable Rust works with
# RUSTC_BOOTSTRAP=1. Crashes land in fuzz/artifacts/TARGET/: copy each into
# tests/fixtures/fuzz/ (run by tests/fuzz_regressions.rs), then fix it.
set -euo pipefail
fuzz_dir="$(cd "$(dirname "$0")" && pwd)"
cd "$fuzz_dir/.."
target="${1:?usage: fuzz/run.sh parse|check|fmt_roundtrip [SECONDS]}"
seconds="${2:-1800}"
corpus="$fuzz_dir/corpus/$target"
mkdir -p "$corpus"
for f in grammar/examples/valid/*.arg grammar/examples/invalid/*.arg claims/*.arg; do
  cp "$f" "$corpus/seed-$(basename "$(dirname "$f")")-$(basename "$f")"
done
export RUSTC_BOOTSTRAP=1
exec nice -n 19 cargo fuzz run "$target" "$corpus" -- \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
  -dict="$fuzz_dir/argcheck.dict"
