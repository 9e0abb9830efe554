#!/bin/sh
# Translation memory: exact and fuzzy lookups over 200,000 stored segments (target:
# under 30 ms each), and the time to fill the memory. Prints the figures.
#
# Usage: tests/bench/memory_bench.sh [BUILD_DIR] [SEGMENTS]   (default: build 200000)
# Exit status: 0 figures printed, 2 setup problem.
set -eu

build=${1:-build}
bench=$build/tests/app/translation/memory_bench
if [ ! -x "$bench" ]; then
    echo "memory_bench: $bench not found (build the memory_bench target)" >&2
    exit 2
fi
exec "$bench" "${2:-200000}"
