#!/bin/sh
# Times all checks (with the translation QA) on a 5,000-word article built from the
# samples in tests/data/checks, and prints the figures. Target: under 20 ms per run once
# the speller's cache is warm. Reported, not asserted: timings on a shared machine say
# nothing about correctness.
#
# Usage: tests/bench/checks_bench.sh [BUILD_DIR]   (default: build)
# Exit status: 0 figures printed, 2 setup problem.
set -eu

here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build}
bench=$build/tests/app/checks/checks_bench
if [ ! -x "$bench" ]; then
    echo "checks_bench: $bench not found (build the checks_bench target)" >&2
    exit 2
fi
COPYDESK_SOURCE_DIR=$here exec "$bench"
