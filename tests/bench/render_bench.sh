#!/bin/sh
# Times `copydesk-cli render` against the `cmark-gfm` program on the same inputs: a
# 5,000-word article and a 2 MB document with varied Markdown, both generated here
# deterministically. Both programs get the same five GFM extensions, and their outputs
# are compared byte for byte. Target: copydesk-cli within 1.5x of cmark-gfm on the 2 MB
# document (it pays for QCoreApplication start-up and a UTF-8 check on top of parsing).
#
# Usage: tests/bench/render_bench.sh [COPYDESK_CLI] [REPETITIONS]
#   COPYDESK_CLI defaults to $COPYDESK_CLI, then to build/app/cli/copydesk-cli.
# Exit status: 0 within target, 1 over target or outputs differ, 2 setup problem.
set -eu

cli=${1:-${COPYDESK_CLI:-build/app/cli/copydesk-cli}}
reps=${2:-9}
if [ ! -x "$cli" ]; then
    echo "render_bench: copydesk-cli not found at '$cli' (pass its path)" >&2
    exit 2
fi
if ! command -v cmark-gfm >/dev/null 2>&1; then
    echo "render_bench: cmark-gfm not installed (apt-get install cmark-gfm)" >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

exec python3 - "$cli" "$reps" "$work" <<'PY'
import random, statistics, subprocess, sys, time, os

cli, reps, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
EXT = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
ext_args = [a for e in EXT for a in ("-e", e)]
programs = {
    "copydesk-cli": [cli, "render"] + ext_args,
    "cmark-gfm": ["cmark-gfm"] + ext_args,
}

WORDS = ("the council adopted resolution on climate finance member states delegates "
         "summit geneva secretary general report humanitarian assistance refugees "
         "sustainable development goals peacekeeping mission budget committee vote "
         "agreement partners emergency response health education children water").split()
INTL = ["Genève", "Женева", "日内瓦", "جنيف", "Ginebra", "café", "naïve"]


def sentence(rng, n):
    out = []
    for i in range(n):
        w = rng.choice(WORDS)
        r = rng.random()
        if r < 0.04:
            w = f"*{w}*"
        elif r < 0.07:
            w = f"**{w}**"
        elif r < 0.09:
            w = f"`{w}()`"
        elif r < 0.11:
            w = f"[{w}](https://example.org/{w}/{i})"
        elif r < 0.12:
            w = f"~~{w}~~"
        elif r < 0.13:
            w = f"www.{w}.example.org"
        elif r < 0.15:
            w = rng.choice(INTL)
        out.append(w)
    return " ".join(out).capitalize() + "."


def block(rng, k):
    kind = k % 9
    if kind == 0:
        return "#" * rng.randint(1, 4) + " " + sentence(rng, rng.randint(3, 8))[:-1]
    if kind in (1, 2, 5):
        return "\n".join(sentence(rng, rng.randint(8, 20)) for _ in range(rng.randint(2, 5)))
    if kind == 3:
        return "\n".join(f"- {sentence(rng, rng.randint(4, 12))}" for _ in range(rng.randint(3, 6)))
    if kind == 4:
        rows = ["| Item | Amount | Note |", "|:-----|-------:|:----:|"]
        for _ in range(rng.randint(3, 8)):
            rows.append(f"| {rng.choice(WORDS)} | {rng.randint(1, 99999)} | {sentence(rng, 3)} |")
        return "\n".join(rows)
    if kind == 6:
        return "\n".join(f"{i + 1}. [{'x' if rng.random() < 0.5 else ' '}] {sentence(rng, 6)}"
                         for i in range(rng.randint(2, 5)))
    if kind == 7:
        body = "\n".join(f"result = {rng.choice(WORDS)}({i}) & <tag>" for i in range(rng.randint(2, 6)))
        return "```python\n" + body + "\n```"
    return "> " + sentence(rng, rng.randint(10, 25)) + "\n> " + sentence(rng, 8)


def generate(path, stop):
    rng = random.Random(20240611)
    parts, k = [], 0
    while not stop(parts):
        parts.append(block(rng, k))
        k += 1
    text = "\n\n".join(parts) + "\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return text


article = os.path.join(work, "article-5000-words.md")
big = os.path.join(work, "document-2mb.md")
generate(article, lambda p: sum(len(x.split()) for x in p) >= 5000)
size = [0]
def enough(p):
    if p:
        size[0] += len(p[-1].encode()) + 2
    return size[0] >= 2 * 1024 * 1024
generate(big, enough)


def run(cmd, path):
    with open(path, "rb") as f:
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdin=f, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"render_bench: {cmd[0]} failed: {proc.stderr.decode(errors='replace')}")
    return elapsed, proc.stdout


status = 0
for label, path in (("5,000-word article", article), ("2 MB document", big)):
    nbytes = os.path.getsize(path)
    outputs, medians = {}, {}
    for name, cmd in programs.items():
        run(cmd, path)  # warm the page cache and the dynamic loader
        times = []
        for _ in range(reps):
            t, out = run(cmd, path)
            times.append(t)
        outputs[name] = out
        medians[name] = statistics.median(times)
    same = outputs["copydesk-cli"] == outputs["cmark-gfm"]
    ratio = medians["copydesk-cli"] / medians["cmark-gfm"]
    print(f"{label}: {nbytes / 1024:.0f} KiB, median of {reps} runs")
    for name in programs:
        print(f"  {name:13} {medians[name] * 1000:8.1f} ms")
    print(f"  ratio copydesk-cli / cmark-gfm = {ratio:.2f}; identical output: {'yes' if same else 'NO'}")
    if not same:
        status = 1
    if path == big and ratio > 1.5:
        print("  over target: the 2 MB document must render within 1.5x of cmark-gfm")
        status = 1
sys.exit(status)
PY
