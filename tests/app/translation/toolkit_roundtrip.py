#!/usr/bin/python3
"""XLIFF 1.2 interoperability with a real third-party tool, Debian's translate-toolkit.

copydesk-cli exports an article's segments; the toolkit's pocount counts exactly our
units, its xliff2po yields our source strings, and its own Python API
(translate.storage.xliff) loads the file, fills every target (the source upper-cased,
inline codes kept) and saves it; our import then puts every translation into its
paragraph with the article's Markdown intact.

Exit 77 (ctest: skipped) when translate-toolkit is not installed.
"""
import copy
import os
import re
import subprocess
import sys
import tempfile

try:
    from translate.storage import xliff
    from translate.storage.placeables import StringElem
except ImportError:
    print("SKIPPED: translate-toolkit (Debian package translate-toolkit) is not installed")
    sys.exit(77)

CLI = os.environ.get("COPYDESK_CLI")
if not CLI:
    print("COPYDESK_CLI is not set (run through ctest)")
    sys.exit(1)

BODY = (
    "Delegates met in *Geneva* and adopted the [plan](https://example.org/plan).\n\n"
    "## Next steps\n\n"
    "- Run `copydesk-cli check` first\n"
    "- Publish in **six** languages\n\n"
    "![A heron in the marsh](media:heron.jpg)\n"
)
EXPECTED = (
    "DELEGATES MET IN *GENEVA* AND ADOPTED THE [PLAN](https://example.org/plan).\n\n"
    "## NEXT STEPS\n\n"
    "- RUN `copydesk-cli check` FIRST\n"
    "- PUBLISH IN **SIX** LANGUAGES\n\n"
    "![A HERON IN THE MARSH](media:heron.jpg)\n"
)
SOURCES = [
    "Wetlands plan adopted",
    "Delegates met in Geneva and adopted the plan.",
    "Next steps",
    "Run  first",  # the code span is an inline code, not text
    "Publish in six languages",
    "A heron in the marsh",
]


def run(*args, check=True):
    p = subprocess.run(list(args), capture_output=True, text=True)
    if check and p.returncode != 0:
        print("FAILED:", " ".join(args), "\n", p.stdout, p.stderr)
        sys.exit(1)
    return p


def upper(elem):
    """A copy of a rich string with its text upper-cased and its codes kept."""
    out = copy.deepcopy(elem)

    def walk(e):
        for i, sub in enumerate(e.sub):
            if isinstance(sub, str):
                e.sub[i] = sub.upper()
            else:
                walk(sub)

    for part in out:
        walk(part)
    return out


def main():
    failures = []
    with tempfile.TemporaryDirectory() as work:
        env_home = os.path.join(work, "home")
        os.environ.update(HOME=env_home, XDG_DATA_HOME=os.path.join(env_home, "data"),
                          XDG_CONFIG_HOME=os.path.join(env_home, "config"))
        lib = os.path.join(work, "lib.copydesk")
        body = os.path.join(work, "body.md")
        with open(body, "w", encoding="utf-8") as f:
            f.write(BODY)
        run(CLI, "--library", lib, "new", "--title", "Wetlands plan adopted", "--lang", "en",
            "--slug", "wetlands", "--body-file", body)
        xlf = os.path.join(work, "wetlands.fr.xlf")
        run(CLI, "--library", lib, "xliff", "export", "wetlands", "--target", "fr", "--output", xlf)
        with open(xlf, encoding="utf-8") as f:
            units = len(re.findall(r"<trans-unit ", f.read()))
        if units != len(SOURCES):
            failures.append("the export has %d units, expected %d" % (units, len(SOURCES)))

        # pocount counts exactly our translatable units.
        counted = run("pocount", "--csv", xlf).stdout.strip().splitlines()[-1].split(",")
        total = int(counted[-1].strip()) if counted[-1].strip().isdigit() else None
        report = run("pocount", xlf).stdout
        m = re.search(r"Total:\s+(\d+)", re.sub(r"\x1b\[[0-9;]*m", "", report))
        pocount_total = int(m.group(1)) if m else total
        if pocount_total != units:
            failures.append("pocount counts %s strings, our file has %d units" % (pocount_total, units))

        # xliff2po yields our source strings.
        po = os.path.join(work, "wetlands.po")
        run("xliff2po", "-i", xlf, "-o", po)
        with open(po, encoding="utf-8") as f:
            msgids = re.findall(r'^msgid "(.+)"$', f.read(), re.M)
        if msgids != SOURCES:
            failures.append("xliff2po gave %r, expected %r" % (msgids, SOURCES))

        # The toolkit's own API fills and saves the file.
        store = xliff.xlifffile.parsefile(xlf)
        for unit in store.units:
            unit.rich_target = upper(unit.rich_source)
            unit.markapproved(True)  # confirmed, as a translator does in a CAT tool
        with open(xlf, "wb") as f:
            f.write(bytes(store))

        imported = run(CLI, "--library", lib, "xliff", "import", xlf)
        if "6 translations imported" not in imported.stdout:
            failures.append("import said %r" % imported.stdout)
        shown = run(CLI, "--library", lib, "show", "wetlands", "--lang", "fr", "--format", "md").stdout
        expected = "# WETLANDS PLAN ADOPTED\n\n" + EXPECTED + "\n"
        if shown != expected:
            failures.append("the French version is\n%s\nexpected\n%s" % (shown, expected))
        # The imported translations fed the library's translation memory.
        found = run(CLI, "--library", lib, "tm", "lookup", "Publish in **six** languages",
                    "--source", "en", "--target", "fr", check=False).stdout
        if found != "100% PUBLISH IN **SIX** LANGUAGES\n":
            failures.append("tm lookup after the import said %r" % found)

    for f in failures:
        print("FAIL:", f)
    if not failures:
        print("PASS: pocount, xliff2po and translate.storage.xliff agree with Copydesk's XLIFF 1.2")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
