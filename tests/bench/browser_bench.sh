#!/bin/sh
# Library browser benchmark (not a ctest test): on a generated library of N articles
# (default 100,000; generated once by browser_bench into /tmp), prints the median
# timings of the browser model (first page, filter changes, full-text queries, sorts,
# scrolling: each what the user waits for, the page of rows and the match count), then
# the memory of the real window (copydesk --browse, preview included) with the browser
# showing: PSS summed over every process, 8 s after start, under Xvfb.
#
# usage: tests/bench/browser_bench.sh [BUILD_DIR] [N] [RUNS]
# targets: 100 ms first page, 100 ms filter change, 50 ms full-text, 250 MB.
set -eu
BUILD=${1:-build}
N=${2:-100000}
RUNS=${3:-9}
BENCH=$BUILD/tests/ui/browser_bench
APP=$BUILD/ui/copydesk
for tool in "$BENCH" "$APP"; do
    [ -x "$tool" ] || { echo "build $tool first" >&2; exit 2; }
done
FILE=/tmp/copydesk-browser-$N.copydesk
if [ ! -f "$FILE" ]; then
    echo "generating $N articles in $FILE ..."
    QT_QPA_PLATFORM=offscreen "$BENCH" generate "$FILE" "$N"
fi
echo "library: $FILE ($(du -m "$FILE" | cut -f1) MB, $N articles)"
QT_QPA_PLATFORM=offscreen "$BENCH" measure "$FILE" "$RUNS"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# PSS in MB of a command and all its descendants, $1 s after starting it.
cat > "$work/tree-pss.py" <<'INNER'
import os, subprocess, sys, time
wait, cmd = float(sys.argv[1]), sys.argv[2:]
proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
time.sleep(wait)
parent = {}
for entry in os.listdir("/proc"):
    if entry.isdigit():
        try:
            stat = open(f"/proc/{entry}/stat").read()
            parent.setdefault(int(stat[stat.rindex(")") + 2:].split()[1]), []).append(int(entry))
        except OSError:
            pass
pss, count, todo = 0.0, 0, [proc.pid]
while todo:
    pid = todo.pop()
    try:
        for line in open(f"/proc/{pid}/smaps_rollup"):
            if line.startswith("Pss:"):
                pss += int(line.split()[1]) / 1024
        count += 1
    except OSError:
        pass
    todo += parent.get(pid, [])
print(f"gui_pss_mb {pss:.0f} processes={count}")
proc.terminate()
try:
    proc.wait(10)
except subprocess.TimeoutExpired:
    proc.kill()
INNER
# The window writes its settings to a home of its own, not the user's.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local"
export QTWEBENGINE_DISABLE_SANDBOX=1
mkdir -p "$HOME"
cp "$FILE" "$work/library.copydesk"
xvfb-run -a -s "-screen 0 1400x900x24" \
    python3 "$work/tree-pss.py" 8 "$APP" --library "$work/library.copydesk" --browse
