#!/bin/sh
# Builds the libFuzzer targets with clang (AddressSanitizer + UndefinedBehaviorSanitizer)
# and runs each for MINUTES minutes (default 10) on one core, seeded with the project's
# test data, tests/fuzz/seeds (inputs that were once slow: wide tables) and, when
# present, ../shared/corpora. Prints, per target, the runs, the
# coverage reached and whether it found a crash, a leak, a timeout or an out-of-memory
# input (saved under build-fuzz/findings/<target>/).
#   tests/fuzz/run.sh [MINUTES] [TARGET...]     targets: frontmatter htmlimport checks render
# MINUTES=0 only builds. On a loaded machine, raise FUZZ_TIMEOUT (seconds per input).
set -eu
cd "$(dirname "$0")/../.."
root=$(pwd)
minutes=${1:-10}
[ $# -gt 0 ] && shift
targets=${*:-"frontmatter htmlimport checks render"}
build="$root/build-fuzz"

CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCOPYDESK_FUZZ=ON \
    -DCMAKE_C_FLAGS="-fsanitize=fuzzer-no-link,address,undefined" \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined" >/dev/null
for t in $targets; do
    cmake --build "$build" --target "fuzz_$t" >/dev/null
done
[ "$minutes" -eq 0 ] && exit 0 # build only

seeds() { # target -> seed folders
    case $1 in
    frontmatter) echo "$root/tests/data/interchange $root/resources/samples $root/../shared/corpora/hugo-multilingual" ;;
    htmlimport) echo "$root/tests/data/interchange $root/tests/fuzz/seeds $root/../shared/corpora/word2016 $root/../shared/conformance/html-samples" ;;
    checks | render) echo "$root/tests/data/checks $root/tests/fuzz/seeds $root/resources/samples $root/../shared/corpora/hugo-multilingual" ;;
    esac
}

for t in $targets; do
    corpus="$build/corpus/$t"
    findings="$build/findings/$t"
    mkdir -p "$corpus" "$findings"
    dirs=
    for d in $(seeds "$t"); do
        [ -d "$d" ] && dirs="$dirs $d"
    done
    log="$build/findings/$t.log"
    # A check or an import that is not linear in its input shows up as a timeout or an
    # out-of-memory report: 10 s and 2 GB for inputs of up to 256 KB.
    # shellcheck disable=SC2086
    # ASan's quarantine of freed memory (256 MB by default) and its allocation stacks
    # grow a long run's RSS across inputs: fuzz_checks reached the 2 GB limit after
    # 55 min, where the input it saved peaks at 97 MB alone, and with no quarantine
    # 2,048 corpus inputs ended at 95 MB instead of 765. A smaller quarantine keeps the
    # limit a test of one input.
    ASAN_OPTIONS=detect_leaks=1:quarantine_size_mb=64 "$build/tests/fuzz/fuzz_$t" "$corpus" $dirs \
        -max_total_time=$((minutes * 60)) -max_len=262144 -timeout=${FUZZ_TIMEOUT:-10} -rss_limit_mb=2048 \
        -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1 || true
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
    found=$(ls "$findings" | grep -v '\.log$' | tr '\n' ' ' || true)
    echo "fuzz_$t: ${minutes} min, ${runs} runs, ${cov:-cov: ?}, findings: ${found:-none}"
done
