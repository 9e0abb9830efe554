#!/bin/sh
# The translation desk: aligning and checking a 5,000-word article with 6 versions
# (target: under 20 ms), and the XLIFF export of 1,000 articles (target: under 5 s).
# Prints the figures.
#
# Usage: tests/bench/translation_bench.sh [BUILD_DIR] [RUNS]   (default: build 15)
# Exit status: 0 figures printed, 2 setup problem.
set -eu

build=${1:-build}
bench=$build/tests/app/translation/translation_bench
if [ ! -x "$bench" ]; then
    echo "translation_bench: $bench not found (build the translation_bench target)" >&2
    exit 2
fi
exec "$bench" "${2:-15}"
