#!/bin/sh
# Editor figures (issue: the writing desk), printed, never asserted:
#   1. keystroke to re-highlighted, median, on a 5,000-word article (editor_bench);
#   2. start to a mapped window with that article open, for copydesk and, when it is
#      installed, ghostwriter on the same Markdown (reference only: apt-get install
#      ghostwriter), in the same run under Xvfb; five warm runs each, median.
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
    sleep 0.005
done
end=$(date +%s%N)
echo $(( (end - start) / 1000000 ))
sleep 1
kill $pid 2>/dev/null || true
wait $pid 2>/dev/null || true
INNER
chmod +x "$work/time-window.sh"

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
INNER
chmod +x "$work/runs.sh"
xvfb-run -a -s "-screen 0 1280x800x24" "$work/runs.sh"
