#!/bin/sh
# Findings of the editorial checks on real content nobody here wrote: imports each
# corpus of ../shared/corpora (Word 2016 clipboard HTML, WordPress theme test data, a
# multilingual Hugo site) and any extra folder of Markdown given on the command line
# into its own temporary library with copydesk-cli, runs `check --all`, and prints the
# findings per check and severity per corpus, and the error-level findings in all.
# Whether a finding is right is a matter for a reader: --sample N also prints N
# findings per check (evenly spread) with their excerpt, for hand classification.
#
# Usage: tests/bench/checks_corpus_bench.sh [--cli PATH] [--corpora DIR] [--sample N]
#            [--keep DIR] [NAME=MARKDOWN_DIR ...]
#   --cli      copydesk-cli to measure (default build-ci/app/cli/copydesk-cli)
#   --corpora  the corpora folder (default ../shared/corpora beside the source tree)
#   --keep     write the libraries and the findings (NAME.check) to DIR and keep them
#   --posts-as-html  import WordPress posts as HTML files even where WXR is read (to
#              compare with a copydesk-cli that does not read WXR)
#   NAME=DIR   also import the site DIR (`import DIR`: e.g. a fetched gohugoio/hugoDocs
#              content/en) as corpus NAME
# e.g. tests/bench/checks_corpus_bench.sh --sample 20 hugodocs=/tmp/hugoDocs/content
#
# WordPress: a WXR file is imported as it is when copydesk-cli reads WXR; until then
# each published post and page is written out as an HTML file (title and content, as
# WordPress stored it) by python3 and imported as HTML.
# Exit status: 0 figures printed, 2 setup problem.
set -eu

here=$(cd "$(dirname "$0")/../.." && pwd)
cli=$here/build-ci/app/cli/copydesk-cli
corpora=$here/../shared/corpora
sample=0
keep=
wxr=yes
while [ $# -gt 0 ]; do
    case $1 in
    --cli) cli=$2; shift 2 ;;
    --corpora) corpora=$2; shift 2 ;;
    --sample) sample=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    --posts-as-html) wxr=no; shift ;;
    --*) echo "checks_corpus_bench: unknown option $1" >&2; exit 2 ;;
    *) break ;;
    esac
done
[ -x "$cli" ] || { echo "checks_corpus_bench: $cli not found (build copydesk-cli)" >&2; exit 2; }
[ -d "$corpora" ] || { echo "checks_corpus_bench: no corpora at $corpora" >&2; exit 2; }

if [ -n "$keep" ]; then
    mkdir -p "$keep"
    work=$(cd "$keep" && pwd)
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
# Test mode keeps the run away from the user's own settings and dictionaries list.
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"

# import NAME FILE...|DIR: one library per corpus, all files in one call (one
# transaction, translations linked as the importer links them); a folder is imported
# as a site (Hugo's content/), its pages keeping their paths. When the importer refuses
# one file the whole call fails: then one call per file, and the refusals counted.
import() {
    name=$1
    shift
    rm -f "$work/$name.copydesk"*
    if "$cli" --library "$work/$name.copydesk" import "$@" >"$work/$name.ids" \
        2>"$work/$name.import"; then
        return 0
    fi
    if [ $# -eq 1 ]; then
        echo "$name: import failed: $(tail -n 1 "$work/$name.import")" >&2
        return 1
    fi
    refused=0
    for f in "$@"; do
        "$cli" --library "$work/$name.copydesk" import "$f" >>"$work/$name.ids" \
            2>>"$work/$name.import" || refused=$((refused + 1))
    done
    echo "$name: $refused of $# files refused by the import, imported one by one"
}

wxr_as_html() {
    # Each published post and page of a WXR file as an HTML file in $2.
    python3 - "$1" "$2" <<'EOF'
import html, os, sys, xml.etree.ElementTree as ET
src, out = sys.argv[1], sys.argv[2]
def field(item, local):
    # By local name: exports differ in the wp namespace (http or https).
    for child in item:
        if child.tag == local or child.tag.endswith("}" + local):
            return child.text or ""
    return ""
for i, item in enumerate(ET.parse(src).getroot().iter("item")):
    if field(item, "post_type") not in ("post", "page") or field(item, "status") != "publish":
        continue
    body = field(item, "encoded")
    if not body.strip():
        continue
    title = field(item, "title")
    name = field(item, "post_name") or "post-%d" % i
    with open(os.path.join(out, "%03d-%s.html" % (i, name[:60])), "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s</title>'
                '</head><body><h1>%s</h1>\n%s\n</body></html>\n'
                % (html.escape(title), html.escape(title), body))
EOF
}

report() {
    name=$1
    "$cli" --library "$work/$name.copydesk" check --all >"$work/$name.check" 2>&1 || true
    articles=$(wc -l <"$work/$name.ids")
    total=$(grep -c . "$work/$name.check" || true)
    errors=$(awk '$5 == "error"' "$work/$name.check" | wc -l)
    echo "== $name: $articles articles, $total findings, $errors errors"
    # "SLUG [LANG] FIELD L:C-L:C SEVERITY CHECK: MESSAGE"
    awk '{ sub(":$", "", $6); print $6, $5 }' "$work/$name.check" | sort | uniq -c |
        sort -k2,2 -k3,3 | awk '{ printf "  %-26s %-8s %5d\n", $2, $3, $1 }'
    if [ "$sample" -gt 0 ]; then
        for check in $(awk '{ sub(":$", "", $6); print $6 }' "$work/$name.check" | sort -u); do
            n=$(awk -v c="$check:" '$6 == c' "$work/$name.check" | wc -l)
            echo "  -- sample of $check ($n)"
            awk -v c="$check:" -v n="$n" -v k="$sample" \
                '$6 == c { i++; if (n <= k || int((i - 1) * k / n) != int(i * k / n)) print "    " $0 }' \
                "$work/$name.check"
        done
    fi
}

# Hugo: the site, every page of every language, one import.
hugo=$corpora/hugo-multilingual/content
if [ -d "$hugo" ]; then
    import hugo "$hugo" && report hugo
fi

word=$corpora/word2016
if [ -d "$word" ]; then
    # shellcheck disable=SC2046
    import word2016 $(find "$word" -name 'input.word2016.html' | sort) && report word2016
fi

for wxr_file in "$corpora"/wordpress/*.xml; do
    [ -f "$wxr_file" ] || continue
    name=wordpress-$(basename "$wxr_file" .xml | sed 's/[^A-Za-z0-9]/-/g')
    if [ "$wxr" = no ] || ! import "$name" "$wxr_file" 2>/dev/null; then
        dir="$work/$name.posts"
        rm -rf "$dir"
        mkdir -p "$dir"
        wxr_as_html "$wxr_file" "$dir"
        # shellcheck disable=SC2046
        import "$name" $(find "$dir" -name '*.html' | sort) || continue
    fi
    report "$name"
done

for extra in "$@"; do
    name=${extra%%=*}
    dir=${extra#*=}
    [ -d "$dir" ] || { echo "checks_corpus_bench: no folder $dir" >&2; exit 2; }
    import "$name" "$dir" && report "$name"
done
