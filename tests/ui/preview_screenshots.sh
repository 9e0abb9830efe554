#!/bin/sh
# PNGs of the preview under Xvfb, to look at: the sample articles in English, Arabic and
# Chinese, the comfort dark style and the phone width. Not a test.
#
# Usage: tests/ui/preview_screenshots.sh [OUTPUT_DIR] [PREVIEW_SHOT]
#   OUTPUT_DIR defaults to preview-shots/; PREVIEW_SHOT to build-ci/tests/ui/preview_shot.
# Needs xvfb-run and ImageMagick's import (install-deps.sh installs both).
set -eu

out=${1:-preview-shots}
shot=${2:-build-ci/tests/ui/preview_shot}
if [ ! -x "$shot" ]; then
    echo "preview_screenshots: $shot not found (build the preview_shot target)" >&2
    exit 2
fi
if [ -z "${DISPLAY:-}" ]; then
    exec xvfb-run -a -s "-screen 0 1100x900x24" "$0" "$out" "$shot"
fi
export QTWEBENGINE_DISABLE_SANDBOX=1 # QtWebEngine refuses to run as root otherwise
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# name slug language [options...]
take() {
    name=$1
    shift
    rm -f "$work/ready"
    "$shot" "$work/library.copydesk" "$@" --ready "$work/ready" &
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

take preview-en coastal-forum-adopts-wetland-restoration-plan en
take preview-ar coastal-forum-adopts-wetland-restoration-plan ar
take preview-zh-Hans coastal-forum-adopts-wetland-restoration-plan zh-Hans
take preview-en-dark coastal-forum-adopts-wetland-restoration-plan en --dark
take preview-ar-phone coastal-forum-adopts-wetland-restoration-plan ar --preset phone
take preview-zh-Hans-scrolled coastal-forum-adopts-wetland-restoration-plan zh-Hans --line 20
