#!/bin/sh
# PNGs of the library browser and the metadata dock under Xvfb, to look at: the
# browser on a generated library of N articles (default 100,000; Arabic and Chinese
# titles and tag labels on the first page), light and dark, with a selection; the
# metadata dock beside the editor for an English and an Arabic version, light and dark;
# the trash, light and dark; the Tags and Categories window, light and dark.
# Not a test.
#
# Usage: tests/ui/browser_screenshots.sh OUTPUT_DIR [BUILD_DIR] [N]
# Generates the library with browser_bench (once: /tmp/copydesk-browser-N.copydesk).
set -eu
if [ $# -lt 1 ]; then
    echo "usage: $0 OUTPUT_DIR [BUILD_DIR] [N]" >&2
    exit 2
fi
out=$1
build=${2:-build}
n=${3:-100000}
shot=$build/tests/ui/browser_shot
bench=$build/tests/ui/browser_bench
for tool in "$shot" "$bench"; do
    [ -x "$tool" ] || { echo "browser_screenshots: $tool not found (build it)" >&2; exit 2; }
done
if [ -z "${DISPLAY:-}" ]; then
    exec xvfb-run -a -s "-screen 0 1400x900x24" "$0" "$@"
fi
library=/tmp/copydesk-browser-$n.copydesk
[ -f "$library" ] || "$bench" generate "$library" "$n"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

take() {
    name=$1
    shift
    rm -f "$work/ready"
    "$shot" "$library" "$@" --ready "$work/ready" &
    pid=$!
    tries=0
    while [ ! -f "$work/ready" ] && [ $tries -lt 300 ]; do
        sleep 0.1
        tries=$((tries + 1))
    done
    import -window root "$out/$name.png"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    echo "$out/$name.png"
}

take browser-$n --browse
take browser-$n-dark --browse --dark --select 3
# The trash, in a copy of the library with three articles moved there.
cp "$library" "$work/trash.copydesk"
"$build/app/cli/copydesk-cli" --library "$work/trash.copydesk" trash \
    article-$((n - 1)) article-$((n - 2)) article-$((n - 3)) >/dev/null
library_was=$library
library=$work/trash.copydesk
take browser-trash --trash --select 1
take browser-trash-dark --trash --dark
library=$library_was
take metadata-en --metadata article-$((n - 4)) en
take metadata-en-dark --metadata article-$((n - 4)) en --dark
take metadata-ar --metadata article-$((n - 5)) ar
take metadata-ar-dark --metadata article-$((n - 5)) ar --dark
take metadata-ar-tags --metadata article-$((n - 5)) ar --tags
take vocabulary --vocabulary
take vocabulary-dark --vocabulary --dark
