#!/bin/sh
# Times `copydesk-cli check --all --format json` on a library of COUNT articles
# (default 100,000) and prints the total time and articles per second. The library is
# built by checks_library_gen (tests/bench/checks_library_gen.cpp) from the checks'
# own samples: clean and messy prose in six languages, one article in five with a
# translation. Reported, not asserted: the figure depends on the machine.
#
# Usage: tests/bench/checks_library_bench.sh [BUILD_DIR] [COUNT] [LIBRARY]
#   BUILD_DIR defaults to build; LIBRARY to a temporary file, removed afterwards (name
#   one to keep it, and it is reused when it already exists).
# Exit status: 0 when the run completed, 2 on a setup problem.
set -eu

build=${1:-build}
count=${2:-100000}
cli=$build/app/cli/copydesk-cli
gen=$build/tests/app/checks/checks_library_gen
root=$(cd "$(dirname "$0")/../.." && pwd)
for exe in "$cli" "$gen"; do
    if [ ! -x "$exe" ]; then
        echo "checks_library_bench: $exe not found (build copydesk-cli and checks_library_gen)" >&2
        exit 2
    fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
library=${3:-$work/bench.copydesk}
# Keep the default library and settings of whoever runs this out of reach.
export HOME="$work" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

if [ ! -e "$library" ]; then
    echo "generating $count articles in $library ..."
    t0=$(now)
    "$gen" "$library" "$count" "$root/tests/data/checks" 2>/dev/null || {
        echo "checks_library_bench: generating the library failed" >&2
        exit 2
    }
    t1=$(now)
    echo "generated in $(seconds "$t0" "$t1") s ($(du -h "$library" | cut -f1))"
fi

t0=$(now)
status=0
"$cli" check --all --format json --library "$library" >/dev/null || status=$?
t1=$(now)
if [ "$status" -gt 1 ]; then
    echo "checks_library_bench: copydesk-cli check failed with status $status" >&2
    exit 2
fi
total=$(seconds "$t0" "$t1")
rate=$(awk -v n="$count" -v t="$total" 'BEGIN { printf "%.0f", n / t }')
echo "copydesk-cli check --all --format json: $count articles in $total s, $rate articles/s" \
    "(exit status $status)"
