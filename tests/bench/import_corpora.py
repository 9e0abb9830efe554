#!/usr/bin/env python3
"""Imports the real content of ../shared/corpora (Word 2016 clipboard HTML, WordPress
exports) with copydesk-cli and prints what came out: files and articles imported,
numbered and bulleted lists against the source's <ol>/<ul>, list glyphs that leaked,
footnotes, and the notes the import printed. Figures, not assertions: the tests in
tests/app/import hold the expected values.

Usage: tests/bench/import_corpora.py [BUILD_DIR] [CORPORA_DIR]
  (defaults: build-ci, ../shared/corpora beside the source tree)
Exit status: 0 figures printed, 2 setup problem.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
source = os.path.dirname(os.path.dirname(here))
build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(source, "build-ci")
corpora = sys.argv[2] if len(sys.argv) > 2 else os.path.join(source, "..", "shared", "corpora")
cli = os.path.join(build, "app", "cli", "copydesk-cli")
if not os.access(cli, os.X_OK):
    print(f"import_corpora: {cli} not found (build copydesk-cli)", file=sys.stderr)
    sys.exit(2)
if not os.path.isdir(corpora):
    print(f"import_corpora: no corpora at {corpora}", file=sys.stderr)
    sys.exit(2)

LIST_ITEM = re.compile(r"^( *)([-*+]|\d+[.)]) ")


def run(library, *args):
    return subprocess.run([cli, "--library", library, *args], capture_output=True, text=True)


def lists(markdown):
    """(ordered, bullet) top-level lists in `markdown`, and footnote references."""
    ordered = bullet = 0
    previous = None  # marker kind of the list we are in at indent 0
    for line in markdown.split("\n"):
        m = LIST_ITEM.match(line)
        if m and m.group(1) == "":
            kind = m.group(2)[-1] if m.group(2)[0].isdigit() else m.group(2)
            if kind != previous:
                if m.group(2)[0].isdigit():
                    ordered += 1
                else:
                    bullet += 1
            previous = kind
        elif line and not line.startswith(" "):
            previous = None
    return ordered, bullet, len(re.findall(r"\[\^[^\]]+\](?!:)", markdown))


def bodies(library):
    listed = run(library, "list", "--format", "json", "--limit", "100000")
    out = []
    for article in json.loads(listed.stdout or "[]"):
        shown = run(library, "show", "--format", "json", article["id"])
        data = json.loads(shown.stdout)
        for version in data.get("versions", []):
            out.append(version.get("body", ""))
    return out


def word():
    root = os.path.join(corpora, "word2016")
    files = sorted(
        os.path.join(d, "input.word2016.html") for d, _, names in os.walk(root)
        if "input.word2016.html" in names)
    imported = failed = 0
    got_ol = got_ul = want_ol = want_ul = glyphs = 0
    for path in files:
        with open(os.path.join(os.path.dirname(path), "normalized.word2016.html"),
                  encoding="utf-8", errors="replace") as f:
            ref = f.read()
        want_ol += len(re.findall(r"<ol\b", ref))
        want_ul += len(re.findall(r"<ul\b", ref))
        with tempfile.TemporaryDirectory() as tmp:
            library = os.path.join(tmp, "lib.copydesk")
            result = run(library, "import", "--format", "html", path)
            if result.returncode != 0:
                failed += 1
                continue
            imported += 1
            for body in bodies(library):
                o, u, _ = lists(body)
                got_ol += o
                got_ul += u
                glyphs += len(re.findall(r"^\s*(?:[-*]|\d+\.)\s+[§·o\uF0B7\uF0A7]\s", body, re.M))
                glyphs += body.count("§")
    print(f"word2016: {imported}/{len(files)} files imported ({failed} failed); "
          f"numbered lists {got_ol} (CKEditor's reference: {want_ol}), "
          f"bulleted lists {got_ul} (reference: {want_ul}), list glyphs leaked: {glyphs}")


def wordpress():
    root = os.path.join(corpora, "wordpress")
    for name in sorted(os.listdir(root)):
        if not name.endswith(".xml"):
            continue
        path = os.path.join(root, name)
        with open(path, encoding="utf-8") as f:
            xml = f.read()
        posts = len(re.findall(
            r"<wp:post_type>(?:<!\[CDATA\[)?(?:post|page)(?:\]\]>)?</wp:post_type>", xml))
        src_ul = len(re.findall(r"<ul\b", xml))
        src_ol = len(re.findall(r"<ol\b", xml))
        with tempfile.TemporaryDirectory() as tmp:
            library = os.path.join(tmp, "lib.copydesk")
            result = run(library, "import", path)
            if result.returncode != 0:
                first = (result.stderr.strip().splitlines() or ["?"])[-1]
                print(f"wordpress/{name}: 0 of {posts} posts and pages imported: {first}")
                continue
            ids = [line for line in result.stdout.splitlines() if line.strip()]
            notes = [line for line in result.stderr.splitlines() if line.startswith("note:")]
            ol = ul = notes_refs = 0
            for body in bodies(library):
                o, u, n = lists(body)
                ol += o
                ul += u
                notes_refs += n
            print(f"wordpress/{name}: {len(ids)} articles from {posts} posts and pages; "
                  f"lists: {ul} bulleted (source <ul>: {src_ul}), {ol} numbered (source <ol>: "
                  f"{src_ol}); footnote references: {notes_refs}; import notes: {len(notes)}")


word()
wordpress()
