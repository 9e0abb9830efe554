#!/usr/bin/env python3
"""Imports a site's pages with `copydesk-cli import DIR`, exports them again with
`copydesk-cli export --all --format hugo|jekyll`, and counts the pages that do not
come back: a page missing from the export, a page whose front matter differs when
both are parsed (YAML, TOML or JSON: keys and values, order aside), a page whose body
differs by one byte, and pages the export wrote that the site does not have. Also
how many came back byte for byte, and the import and export times. Figures, not
assertions (tests/app/interchange/tst_site_roundtrip holds those for the corpus).

Usage: tests/bench/site_roundtrip.py [--build DIR] [--format hugo|jekyll] SITE_DIR...
  SITE_DIR: what `import` takes (a Hugo site's content/, a Jekyll site's _posts/).
  Real sites: the fetched gohugoio/hugoDocs (content/) and jekyll/jekyll (docs/_posts,
  docs/_docs), checked out from their mirrors, e.g.
    git --git-dir=/work/.mirror/gohugoio+hugoDocs/repo archive HEAD content | tar -x -C /tmp/hugoDocs
Exit status: 0 figures printed (whatever they are), 2 setup problem.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import tomllib

import yaml

here = os.path.dirname(os.path.abspath(__file__))
source = os.path.dirname(os.path.dirname(here))


class Loader(yaml.SafeLoader):
    """YAML as Hugo reads it: dates stay the text written (no time zone conversion)."""


Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def split(text):
    """(parsed front matter or None, body) of one page, as Hugo splits it."""
    if text.startswith("---"):
        m = re.match(r"---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*$\n?", text, re.S | re.M)
        if m:
            return ("yaml", yaml.load(m.group(1), Loader=Loader)), text[m.end():]
    if text.startswith("+++"):
        m = re.match(r"\+\+\+[ \t]*\n(.*?)^\+\+\+[ \t]*$\n?", text, re.S | re.M)
        if m:
            return ("toml", tomllib.loads(m.group(1))), text[m.end():]
    if text.startswith("{"):
        decoder = json.JSONDecoder()
        data, end = decoder.raw_decode(text)
        return ("json", data), text[end:].lstrip(" \t").removeprefix("\n")
    return None, text


def expected_after_tag(front, tag):
    """The parsed front matter `front` as it should read once the article has tag `tag`:
    its tags (the key in any case, as Hugo reads it) with `tag` last, or a new tags key."""
    if front is None:
        return "yaml", {"tags": [tag]}
    kind, data = front
    data = dict(data or {})
    key = next((k for k in data if k.lower() == "tags"), "tags")
    tags = list(data.get(key) or [])
    if tag not in tags:
        tags.append(tag)
    data[key] = tags
    return kind, data


def site_root(folder):
    """As copydesk's siteRoot(): the outermost 'content' folder, else a Jekyll collection's parent."""
    path = os.path.abspath(folder)
    parts = path.split(os.sep)
    if "content" in parts:
        return os.sep.join(parts[: parts.index("content") + 1])
    if parts[-1].startswith("_"):
        return os.sep.join(parts[:-1])
    return path


def pages(folder):
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            if os.path.splitext(name)[1].lower() in (".md", ".markdown", ".mdown", ".mkd"):
                path = os.path.join(dirpath, name)
                if not os.path.islink(path):
                    yield path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=os.path.join(source, "build"))
    parser.add_argument("--format", default="hugo", choices=("hugo", "jekyll"))
    parser.add_argument("--show", type=int, default=5, help="differences to print")
    parser.add_argument("--edit-tag", metavar="TAG",
                        help="add tag TAG to every article before the export (copydesk-cli set "
                             "--tag): each page must then come back with TAG added to its tags "
                             "and every other key, the keys' order and the body as they were")
    parser.add_argument("sites", nargs="+")
    args = parser.parse_args()
    cli = os.path.join(args.build, "app", "cli", "copydesk-cli")
    if not os.access(cli, os.X_OK):
        print(f"site_roundtrip: {cli} not found", file=sys.stderr)
        return 2
    for site in args.sites:
        if not os.path.isdir(site):
            print(f"site_roundtrip: {site} is not a folder", file=sys.stderr)
            return 2
        with tempfile.TemporaryDirectory() as work:
            library = os.path.join(work, "library.copydesk")
            out = os.path.join(work, "out")
            start = time.monotonic()
            imported = subprocess.run([cli, "--library", library, "import", site],
                                      capture_output=True, text=True)
            import_s = time.monotonic() - start
            if imported.returncode != 0:
                print(f"{site}: import failed: {imported.stderr.strip().splitlines()[-1:]}")
                continue
            if args.edit_tag:
                edited = subprocess.run([cli, "--library", library, "set", "--tag", args.edit_tag,
                                         *imported.stdout.split()], capture_output=True, text=True)
                if edited.returncode != 0:
                    print(f"{site}: set failed: {edited.stderr.strip().splitlines()[-1:]}")
                    continue
            start = time.monotonic()
            # --force: a site's pages seldom have the summary the checks before export
            # want; what is measured here is what comes back, not the checks.
            exported = subprocess.run([cli, "--library", library, "export", "--all", "--format",
                                       args.format, "--output", out, "--force"],
                                      capture_output=True, text=True)
            export_s = time.monotonic() - start
            root = site_root(site)
            files = list(pages(site))
            missing = frontmatter = body = identical = 0
            shown = []
            expected = set()
            for path in files:
                rel = os.path.relpath(path, root)
                expected.add(rel)
                target = os.path.join(out, rel)
                if not os.path.exists(target):
                    missing += 1
                    shown.append(f"missing: {rel}")
                    continue
                a = open(path, "rb").read()
                b = open(target, "rb").read()
                if a == b and not args.edit_tag:
                    identical += 1
                    continue
                fa, ba = split(a.decode("utf-8-sig").replace("\r\n", "\n"))
                fb, bb = split(b.decode("utf-8"))
                if args.edit_tag:
                    if fa is None:  # the new front matter is followed by a blank line
                        bb = bb.removeprefix("\n")
                    fa = expected_after_tag(fa, args.edit_tag)
                    if fa == fb and ba == bb:
                        if fa is None or [k for k in fa[1] if k != "tags"] == [
                                k for k in fb[1] if k != "tags"]:
                            identical += 1
                        else:
                            frontmatter += 1
                            shown.append(f"key order: {rel}")
                        continue
                if fa != fb:
                    frontmatter += 1
                    shown.append(f"front matter: {rel}")
                if ba != bb:
                    body += 1
                    shown.append(f"body: {rel}")
            extra = []
            for dirpath, _, filenames in os.walk(out):
                for name in filenames:
                    rel = os.path.relpath(os.path.join(dirpath, name), out)
                    if rel not in expected:
                        extra.append(rel)
            print(f"{site} ({args.format}): {len(files)} pages, "
                  f"{len(imported.stdout.split())} articles; import {import_s:.1f} s, "
                  f"export {export_s:.1f} s (exit {exported.returncode})")
            same = "as expected (tag added, the rest in order)" if args.edit_tag else "byte-identical"
            print(f"  {same} {identical}, front matter differs {frontmatter}, "
                  f"body differs {body}, missing {missing}, extra files {len(extra)}")
            for line in (shown + [f"extra: {e}" for e in extra])[: args.show]:
                print("   ", line)
            if exported.returncode != 0:
                print("   ", exported.stderr.strip().splitlines()[-3:])
    return 0


if __name__ == "__main__":
    sys.exit(main())
