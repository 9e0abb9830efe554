#!/bin/sh
# Editor figures (issue: the writing desk), printed, never asserted:
#   1. keystroke to re-highlighted, median, on a 5,000-word article (editor_bench),
#      without and with spell checking and the checks as you write in the same run;
#      the time of a full spell check, of a run of the checks, and of both after the
#      typing (the changed paragraph only, for spelling);
#   2. start to a mapped window with that article open, for copydesk and, when it is
#      installed, ghostwriter on the same Markdown (reference only: apt-get install
#      ghostwriter), in the same run under Xvfb; five warm runs each, median;
#   3. the whole window's memory: PSS summed over every process (copydesk and its
#      QtWebEngineProcess children; ghostwriter and its) 5 s after start with that
#      article open, three runs each, in the same run. Target: < 300 MB and below
#      ghostwriter's.
# Usage: tests/bench/editor_bench.sh [BUILD_DIR]   (default build-ci)
set -eu
build=${1:-build-ci}
here=$(cd "$(dirname "$0")/../.." && pwd)
bench="$here/$build/tests/ui/editor_bench"
copydesk="$here/$build/ui/copydesk"
cli="$here/$build/app/cli/copydesk-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/data"
export QTWEBENGINE_DISABLE_SANDBOX=1

QT_QPA_PLATFORM=offscreen "$bench"
QT_QPA_PLATFORM=offscreen "$bench" --write "$work/article.md"
"$cli" --library "$work/l.copydesk" new --title "Bench article" --lang en \
    --body-file "$work/article.md" >/dev/null
slug=$(QT_QPA_PLATFORM=offscreen "$cli" --library "$work/l.copydesk" list | awk 'NR==1{print $1}')

# Milliseconds from start until a window whose name matches $1 is mapped.
cat > "$work/time-window.sh" <<'INNER'
#!/bin/sh
pattern=$1; shift
start=$(date +%s%N)
"$@" >/dev/null 2>&1 &
pid=$!
while ! xwininfo -root -tree 2>/dev/null | grep -i "$pattern" | grep -qv "has no name"; do
    # A program that died (or hangs) before its window maps: said, not waited for.
    if ! kill -0 $pid 2>/dev/null || [ $(( $(date +%s%N) - start )) -gt 60000000000 ]; then
        echo "time-window: no window matching '$pattern' from $1 (exited or over 60 s)" >&2
        kill $pid 2>/dev/null || true
        exit 1
    fi
    sleep 0.005
done
end=$(date +%s%N)
echo $(( (end - start) / 1000000 ))
sleep 1
kill $pid 2>/dev/null || true
wait $pid 2>/dev/null || true
INNER
chmod +x "$work/time-window.sh"

# PSS in MB of process $2.. and all its descendants, $1 s after starting them.
cat > "$work/tree-pss.py" <<'INNER'
import os, subprocess, sys, time
wait, cmd = float(sys.argv[1]), sys.argv[2:]
proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
time.sleep(wait)
children = {}
for entry in os.listdir("/proc"):
    if entry.isdigit():
        try:
            stat = open(f"/proc/{entry}/stat").read()
            children.setdefault(int(stat[stat.rindex(")") + 2:].split()[1]), []).append(int(entry))
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
    todo += children.get(pid, [])
print(f"{pss:.0f} {count}")
proc.terminate()
try:
    proc.wait(10)
except subprocess.TimeoutExpired:
    proc.kill()
    proc.wait()
INNER

cat > "$work/runs.sh" <<INNER
#!/bin/sh
median() { sort -n | awk '{a[NR]=\$1} END{print a[int((NR+1)/2)]}'; }
"$work/time-window.sh" "Bench article" "$copydesk" --library "$work/l.copydesk" "$slug" >/dev/null # cold
c=\$(for i in 1 2 3 4 5; do "$work/time-window.sh" "Bench article" "$copydesk" --library "$work/l.copydesk" "$slug"; done | median)
echo "copydesk: start to window with the article open, warm median of 5: \$c ms"
if command -v ghostwriter >/dev/null; then
    "$work/time-window.sh" "article.md" ghostwriter "$work/article.md" >/dev/null
    g=\$(for i in 1 2 3 4 5; do "$work/time-window.sh" "article.md" ghostwriter "$work/article.md"; done | median)
    echo "ghostwriter: start to window with the same file, warm median of 5: \$g ms"
else
    echo "ghostwriter: not installed (apt-get install ghostwriter), no reference figure"
fi
for i in 1 2 3; do
    python3 "$work/tree-pss.py" 5 "$copydesk" --library "$work/l.copydesk" "$slug"
done > "$work/pss-copydesk"
echo "copydesk: whole window, PSS of all processes 5 s after start (MB, processes): \$(tr '\n' ';' < "$work/pss-copydesk")"
if command -v ghostwriter >/dev/null; then
    for i in 1 2 3; do
        python3 "$work/tree-pss.py" 5 ghostwriter "$work/article.md"
    done > "$work/pss-ghostwriter"
    echo "ghostwriter: same file, PSS of all processes 5 s after start (MB, processes): \$(tr '\n' ';' < "$work/pss-ghostwriter")"
fi
INNER
chmod +x "$work/runs.sh"
xvfb-run -a -s "-screen 0 1280x800x24" "$work/runs.sh"
