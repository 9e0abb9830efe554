#!/bin/sh
# PNGs of the writing desk (the main window) under Xvfb, to look at: light and dark
# palette, an English article, an Arabic version, a Chinese version with a long title,
# the history panel comparing a revision with the current text, misspellings underlined
# and the checklist panel with findings (English, French, light and dark), the spelling
# context menu, focus mode, the side-by-side view of a translation (its source editable
# too), the library browser with the translations' progress, the report of a pasted web page's import, the export and
# page template dialogs. Not a test.
#
# Usage: tests/ui/desk_screenshots.sh OUTPUT_DIR [DESK_SHOT]
#   DESK_SHOT defaults to build-ci/tests/ui/desk_shot.
# Needs xvfb-run and ImageMagick's import (install-deps.sh installs both). There is no
# window manager, so no title bar: the window's title is written beside each PNG
# (NAME.title.txt, from the window's _NET_WM_NAME) to check a long one.
set -eu

if [ $# -lt 1 ]; then
    echo "usage: $0 OUTPUT_DIR [DESK_SHOT]" >&2
    exit 2
fi
out=$1
shot=${2:-build-ci/tests/ui/desk_shot}
if [ ! -x "$shot" ]; then
    echo "desk_screenshots: $shot not found (build the desk_shot target)" >&2
    exit 2
fi
if [ -z "${DISPLAY:-}" ]; then
    exec xvfb-run -a -s "-screen 0 1400x900x24" "$0" "$out" "$shot"
fi
export QTWEBENGINE_DISABLE_SANDBOX=1 # QtWebEngine refuses to run as root otherwise
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
slug=coastal-forum-adopts-wetland-restoration-plan

# name language [options...]: each shot on a fresh copy of the sample library.
take() {
    name=$1
    shift
    rm -f "$work/ready" "$work"/library.copydesk*
    "$shot" "$work/library.copydesk" "$slug" "$@" --ready "$work/ready" &
    pid=$!
    tries=0
    while [ ! -f "$work/ready" ] && [ $tries -lt 300 ]; do
        sleep 0.1
        tries=$((tries + 1))
    done
    import -window root "$out/$name.png"
    if command -v xprop >/dev/null 2>&1; then
        id=$(xwininfo -root -tree | awk '/Copydesk/ {print $1; exit}')
        if [ -n "$id" ]; then
            xprop -id "$id" _NET_WM_NAME | sed 's/^[^"]*"//; s/"$//' > "$out/$name.title.txt"
        fi
    fi
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    echo "$out/$name.png"
}

take desk-en en
take desk-en-dark en --dark
take desk-ar ar
take desk-ar-dark ar --dark
take desk-zh-Hans-long-title zh-Hans --set-title "沿海论坛通过湿地恢复计划：二十三个国家承诺在二〇三〇年前绘制所有沿海湿地地图，并为恢复工作提供长期资金和地方参与机制"
take desk-history en --history
take desk-history-ar-dark ar --history --dark
take desk-checks-en en --checks
take desk-checks-en-dark en --checks --dark
take desk-checks-fr fr --checks
take desk-spelling-menu en --checks --menu
take desk-focus en --focus
take desk-focus-dark en --focus --dark
# The side-by-side view of translations: Arabic (light, dark) and Chinese beside English.
take desk-side-by-side-ar ar --side-by-side
take desk-side-by-side-ar-dark ar --side-by-side --dark
take desk-side-by-side-zh-Hans zh-Hans --side-by-side
take desk-side-by-side-edit-source fr --side-by-side --edit-source
# The library browser with each translation's progress.
take desk-browser en --browser
take desk-browser-ar-dark ar --side-by-side --browser --dark
# An Arabic web page pasted as text, imported: the article and the import's report.
take desk-import-ar en --import "$(dirname "$0")/../data/import/webpaste/ar-port.txt"
take desk-import-zh-dark en --dark --import "$(dirname "$0")/../data/import/webpaste/zh-port.txt"
# File > Export… and File > Page Templates… (a Save refused: the template and its line).
take desk-export-dialog en --dialog export
take desk-export-dialog-dark ar --dark --dialog export
take desk-templates-error en --dialog templates-error
