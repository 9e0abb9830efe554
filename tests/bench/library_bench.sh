#!/bin/sh
# Library benchmark: generates a library of N articles x 3 languages (en, fr, and
# zh-Hans or ar), then prints the median timings of open, list (first 100) and search
# (a Latin word, a 2-character and a 3-character Chinese substring) measured through
# copydesk::Library, next to the sqlite3 CLI running the equivalent raw query on the
# same file (the reference), and the ratio. Peak memory via /usr/bin/time -v.
#
# usage: tests/bench/library_bench.sh [BUILD_DIR] [N] [LIBRARY_FILE]
# e.g.   tests/bench/library_bench.sh build 100000 /tmp/bench.copydesk
set -eu
BUILD=${1:-build}
N=${2:-100000}
FILE=${3:-/tmp/copydesk-bench-$N.copydesk}
RUNS=7
BENCH=$BUILD/tests/app/library/library_bench
[ -x "$BENCH" ] || { echo "build the library_bench target first" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 CLI (Debian: sqlite3)" >&2; exit 2; }

if [ ! -f "$FILE" ]; then
    echo "generating $N articles in $FILE ..."
    start=$(date +%s)
    "$BENCH" generate "$FILE" "$N"
    echo "generated in $(( $(date +%s) - start )) s"
fi

OUT=$(mktemp)
/usr/bin/time -v "$BENCH" measure "$FILE" $RUNS >"$OUT" 2>"$OUT.time"
value() { awk -v k="$1" '$1 == k { print $2 }' "$OUT"; }

# Per-execution time of one SQL statement in sqlite3: the wall time of a session
# running it REPEAT times minus that of an empty session, divided by REPEAT (the
# shell's .timer only resolves milliseconds). Median of RUNS such measurements.
REPEAT=30
wall_us() { s=$(date +%s%N); printf "$1" | sqlite3 -readonly "$FILE" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000 )); }
ref_query() {
    sql=$1
    i=0; script=""
    while [ $i -lt $REPEAT ]; do script="$script$sql;\n"; i=$((i + 1)); done
    r=0
    while [ $r -lt $RUNS ]; do
        empty=$(wall_us "SELECT 1;\n")
        full=$(wall_us "$script")
        echo $(( (full - empty) / REPEAT ))
        r=$((r + 1))
    done | sort -n | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] / 1000 }'
}
# Opening: a whole sqlite3 process that opens the file and reads the schema header.
# Process start-up is included, so this reference flatters Copydesk's in-process open.
ref_open() {
    i=0
    while [ $i -lt $RUNS ]; do
        s=$(date +%s%N)
        sqlite3 -readonly "$FILE" "PRAGMA application_id; PRAGMA user_version; SELECT count(*) FROM sqlite_master;" >/dev/null
        e=$(date +%s%N)
        echo $(( (e - s) / 1000 ))
        i=$((i + 1))
    done | sort -n | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] / 1000 }'
}

LIST_SQL="SELECT a.uuid, a.slug, a.status, a.updated, coalesce((SELECT title FROM versions v WHERE v.article = a.id AND v.language = a.source_language), (SELECT title FROM versions v WHERE v.article = a.id ORDER BY v.position LIMIT 1)), (SELECT group_concat(language, ' ') FROM (SELECT language FROM versions v WHERE v.article = a.id ORDER BY v.position)) FROM articles a ORDER BY a.updated DESC, a.id DESC LIMIT 100"
search_sql() {
    echo "SELECT a.uuid, v.language, v.title, v.summary, v.body FROM $1 s JOIN versions v ON v.id = s.rowid JOIN articles a ON a.id = v.article WHERE $1 MATCH '$2' ORDER BY s.rowid DESC LIMIT 100"
}

row() { # name ours reference target
    awk -v n="$1" -v o="$2" -v r="$3" -v t="$4" 'BEGIN {
        printf "%-18s %9.2f ms %9.2f ms %7.2fx   %s\n", n, o, r, (r > 0 ? o / r : 0), (o < t ? "< " t " ms ok" : "OVER " t " ms") }'
}

echo
echo "library: $FILE ($(value file_mb) MB, $N articles), median of $RUNS runs"
printf "%-18s %12s %12s %8s   %s\n" "operation" "Copydesk" "sqlite3 CLI" "ratio" "target"
row open-readonly "$(value open_readonly_ms)" "$(ref_open)" 200
row open-readwrite "$(value open_readwrite_ms)" "$(ref_open)" 200
row list-first-100 "$(value list100_ms)" "$(ref_query "$LIST_SQL")" 50
row search-latin "$(value search_latin_ms)" "$(ref_query "$(search_sql search_trigram '"desalination"')")" 50
row search-zh-2char "$(value search_chinese2_ms)" "$(ref_query "$(search_sql search_words '"峰 会"')")" 50
row search-zh-3char "$(value search_chinese3_ms)" "$(ref_query "$(search_sql search_trigram '"合作社"')")" 50
echo "hits: $(grep -o 'hits=[0-9]*' "$OUT" | tr '\n' ' ')"
echo "peak memory (getrusage): $(value peak_rss_mb) MB; /usr/bin/time -v: $(awk -F': ' '/Maximum resident/ { printf "%.1f MB", $2 / 1024 }' "$OUT.time")"
rm -f "$OUT" "$OUT.time"
