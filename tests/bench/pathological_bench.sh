#!/bin/sh
# Time and peak memory (/usr/bin/time -v) of rendering, checks and import on
# pathological Markdown at several sizes, and their ratio to rendering (issue 6: checks
# and import must be linear, within a small multiple of render on any input). Inputs,
# generated here: nested brackets '['*n 'x' '](y)'*n, nested images, unclosed brackets,
# nested emphasis '*'*n 'x' '*'*n, runs of backticks of growing length, deep block
# quotes '>'*n, deep lists '- '*n, one word of n letters 'a' (longword) or of random
# letters in both cases (randword), GFM tables of 5,000 columns (widetable) or with body
# rows of 5,000 cells (widebody), both shown as text beyond 128 cells, a table of 128
# columns (table128), and a plain 5,000-word-like article for scale.
# In process (pathological_driver): render, checks, import-text, import-html (each
# import runs the checks on what it produced). End to end (copydesk-cli): render and
# import into a fresh library (which runs the checks too), and check of that article
# with the spelling dictionaries (the driver's checks have none). Each process may use
# at most 8 GB of address space, so that a regression shows as a failed row rather
# than taking the machine. Figures are printed, not
# asserted: timings on a shared machine say nothing about correctness.
#
# Usage: [KINDS="longword randword"] tests/bench/pathological_bench.sh [BUILD_DIR] [SIZES_IN_KB]
#   BUILD_DIR defaults to build; SIZES_IN_KB to "25 100 250"; KINDS to every input.
# Exit status: 0 figures printed, 2 setup problem.
set -eu

build=${1:-build}
sizes=${2:-"25 100 250"}
driver=$build/tests/app/markdown/pathological_driver
cli=$build/app/cli/copydesk-cli
for f in "$driver" "$cli" /usr/bin/time; do
    if [ ! -x "$f" ]; then
        echo "pathological_bench: $f not found (build pathological_driver and copydesk-cli; apt-get install time)" >&2
        exit 2
    fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

exec python3 - "$driver" "$cli" "$work" "$sizes" <<'PY'
import html, os, random, re, resource, subprocess, sys

driver, cli, work, sizes = sys.argv[1], sys.argv[2], sys.argv[3], [int(s) for s in sys.argv[4].split()]

def fit(unit_len, kb):
    return max(1, kb * 1024 // unit_len)

def gen(kind, kb):
    if kind == "brackets":
        n = fit(5, kb); return "[" * n + "x" + "](y)" * n
    if kind == "images":
        n = fit(6, kb); return "![" * n + "x" + "](y)" * n
    if kind == "unclosed":
        n = fit(2, kb); return "[a" * n + "\n"
    if kind == "emphasis":
        n = fit(2, kb); return "*" * n + "x" + "*" * n + "\n"
    if kind == "backticks":
        out, i = [], 1
        while sum(map(len, out)) < kb * 1024:
            out.append("`" * i + "a"); i += 1
        return "".join(out) + "\n"
    if kind == "quotes":
        return ">" * fit(1, kb) + " x\n"
    if kind == "lists":
        return "- " * fit(2, kb) + "x\n"
    if kind == "longword":
        return "The word " + "a" * (kb * 1024) + " is long.\n"
    if kind == "randword":
        rnd = random.Random(kb)
        letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ" + "abcdefghijklmnopqrstuvwxyz" * 3
        return "The word " + "".join(rnd.choice(letters) for _ in range(kb * 1024)) + " is long.\n"
    if kind == "widetable":
        # One GFM table of 5,000 columns, as many rows as fit (cmark-gfm's table parser
        # is quadratic in the cells of a row; Copydesk leaves such tables as text).
        n = 5000
        head = "|" + "|".join("c%d" % i for i in range(n)) + "|\n" + "|" + "-|" * n + "\n"
        row = "|" + "xxxxxxxxxx|" * n + "\n"
        return head + row * max(1, (kb * 1024 - len(head)) // len(row))
    if kind == "widebody":
        # A narrow header, then body rows of 5,000 cells.
        head = "| a | b |\n|---|---|\n"
        row = "|" + "xxxxxxxxxx|" * 5000 + "\n"
        return head + row * max(1, (kb * 1024 - len(head)) // len(row))
    if kind == "table128":
        # The widest table that is still a table: 128 columns.
        n = 128
        head = "|" + "|".join("c%d" % i for i in range(n)) + "|\n" + "|" + "-|" * n + "\n"
        row = "|" + "xxxxxxxxxx|" * n + "\n"
        return head + row * max(1, (kb * 1024 - len(head)) // len(row))
    if kind == "article":
        words = "the council adopted a resolution on climate finance in geneva today".split()
        para = " ".join(words * 8) + ".\n\n"
        return (para * (kb * 1024 // len(para) + 1))[: kb * 1024]
    raise SystemExit(kind)

def measure(cmd, stdin_path=None):
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (8 << 30, 8 << 30))
    with open(stdin_path or os.devnull, "rb") as stdin:
        p = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdin=stdin, preexec_fn=limit,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=600)
    err = p.stderr.decode(errors="replace")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1))
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", err)
    h, m, s = wall.group(1), wall.group(2), wall.group(3)
    seconds = (int(h) * 3600 if h else 0) + int(m) * 60 + float(s)
    status = "" if p.returncode == 0 else f" (exit {p.returncode})"
    return seconds, rss / 1024.0, status

kinds = ["brackets", "images", "unclosed", "emphasis", "backticks", "quotes", "lists",
         "longword", "randword", "widetable", "widebody", "table128", "article"]
only = os.environ.get("KINDS")
if only:
    kinds = only.split()
print(f"{'input':<10} {'KB':>5} {'operation':<14} {'seconds':>8} {'peak MB':>8} {'x render time':>13} {'x render MB':>11}")
for kind in kinds:
    for kb in sizes:
        md = gen(kind, kb)
        base = os.path.join(work, f"{kind}-{kb}")
        with open(base + ".md", "w") as f: f.write(md)
        with open(base + ".txt", "w") as f: f.write("Title\n\n" + md)
        with open(base + ".html", "w") as f:
            f.write("<html><body><h1>Title</h1><p>" + html.escape(md) + "</p></body></html>")
        rows = [
            ("render", [driver, "render", base + ".md"], None),
            ("checks", [driver, "checks", base + ".md"], None),
            ("import-text", [driver, "import-text", base + ".txt"], None),
            ("import-html", [driver, "import-html", base + ".html"], None),
            ("cli render", [cli, "render"], base + ".md"),
            ("cli import", [cli, "--library", base + ".cdlib", "import", base + ".md"], None),
            ("cli check", [cli, "--library", base + ".cdlib", "check", "--all"], None),
        ]
        ref = None
        for name, cmd, stdin in rows:
            t, mb, status = measure(cmd, stdin)
            if name == "render":
                ref = (max(t, 0.01), mb)
            if name == "cli render":
                ref = (max(t, 0.01), mb)
            print(f"{kind:<10} {len(md.encode()) // 1024:>5} {name:<14} {t:>8.2f} {mb:>8.1f} "
                  f"{t / ref[0]:>13.1f} {mb / ref[1]:>11.1f}{status}", flush=True)
PY
