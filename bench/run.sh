#!/usr/bin/env bash
# The ats-sandbox benchmark, in one command:  bash bench/run.sh [bench.py options]
#
# Installs wrk (Debian's package) when absent, builds the sandbox and the baseline
# (examples/baseline.rs) in release, and runs bench/bench.py, which writes bench/BENCHMARKS.md and
# bench/BENCHMARKS.json. Builds go to $BENCH_TARGET_DIR (default: target/ of this checkout);
# scratch files (generated fixtures, server output) to $BENCH_TARGET_DIR/bench-work.
# Options: --quick (short points, to check the harness), --label "...", see bench.py --help.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
target="${BENCH_TARGET_DIR:-$repo/target}"

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

if ! command -v wrk >/dev/null 2>&1; then
    echo "[bench] installing wrk"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "[bench] installing python3"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3
fi

echo "[bench] building in release into $target"
(cd "$repo" && CARGO_TARGET_DIR="$target" cargo build --release --quiet \
    --bin ats-sandbox --example baseline)

exec python3 "$here/bench.py" \
    --sandbox "$target/release/ats-sandbox" \
    --baseline "$target/release/examples/baseline" \
    --work "$target/bench-work" \
    --out "$here/BENCHMARKS.md" \
    "$@"
