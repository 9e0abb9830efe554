#!/bin/sh
# Tags and browser-filter benchmark: generates (once) a library of N articles x 3
# languages with tags, a category hierarchy and bylines (library_bench generate), then
# runs tags_bench on a copy: median timings of every list filter (first page and
# count), a full-text query, the completer, suggestions, and the merge of a tag used by
# 10,000 articles with a revision on each. Targets (issue 9): filters < 100 ms,
# full-text < 50 ms, merge < 1 s.
#
# usage: tests/bench/tags_bench.sh [BUILD_DIR] [N] [LIBRARY_FILE]
set -eu
BUILD=${1:-build}
N=${2:-100000}
FILE=${3:-/tmp/copydesk-tags-bench-$N.copydesk}
GEN=$BUILD/tests/app/library/library_bench
BENCH=$BUILD/tests/app/tags/tags_bench
[ -x "$GEN" ] && [ -x "$BENCH" ] || { echo "build library_bench and tags_bench first" >&2; exit 2; }
if [ ! -f "$FILE" ]; then
    echo "generating $N articles in $FILE ..."
    "$GEN" generate "$FILE" "$N"
fi
"$BENCH" "$FILE" "${RUNS:-7}"
