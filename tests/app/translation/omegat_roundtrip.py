#!/usr/bin/env python3
"""XLIFF 1.2 and TMX with a real third-party CAT tool: Debian's OmegaT, headless.

An earlier article's French translation feeds Copydesk's translation memory, which
`tm export` writes as TMX into an OmegaT project's tm/auto folder (OmegaT applies such
a memory's exact matches by itself). A new article is exported with `xliff export
--prefill` (OmegaT translates only units that have a target) into the project's
source folder. A translator's work in OmegaT's editor is what OmegaT keeps in its
project memory, omegat/project_save.tmx, in its own tag shortcuts (<g0>...</g0>): the
test writes one such entry, for the paragraph with emphasis and a link, the codes in
another order. `omegat --mode=console-translate` then writes the translated XLIFF, and
`xliff import` must put every translation in its paragraph with its Markdown intact
and leave the paragraph OmegaT did not translate untranslated.

Skipped (exit 77) when OmegaT or Java is not installed.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

CLI = os.environ.get("COPYDESK_CLI")
if not CLI:
    print("COPYDESK_CLI is not set (run through ctest)")
    sys.exit(1)
if not shutil.which("omegat") or not shutil.which("java"):
    print("SKIPPED: OmegaT (Debian package omegat) or Java is not installed")
    sys.exit(77)

EARLIER = "The port reopened on Monday.\n\nShips returned after 12 days.\n"
FRENCH = {
    "Port reopens": "Le port rouvre",
    "The port reopened on Monday.": "Le port a rouvert lundi.",
    "Ships returned after 12 days.": "Les navires sont revenus après 12 jours.",
}
BODY = (
    "The port reopened on Monday.\n\n"
    "Delegates met in *Geneva* and adopted the [plan](https://example.org/plan).\n\n"
    "Ships returned after 12 days.\n\n"
    "Trade resumed at noon.\n"
)
EXPECTED = (
    "# Le port rouvre\n\n"
    "Le port a rouvert lundi.\n\n"
    "Les délégués ont adopté le [plan](https://example.org/plan) à *Genève*.\n\n"
    "Les navires sont revenus après 12 jours.\n\n"
    "Trade resumed at noon.\n"  # untranslated: the source text stands in
)
PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>en</source_lang>
    <target_lang>fr</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneFrenchTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""
# One segment as OmegaT's editor saves it: its own tags, escaped in the TMX text.
TRANSLATOR = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext"
          creationtoolversion="3.6.0_10" segtype="paragraph" srclang="en"/>
  <body>
    <tu>
      <tuv xml:lang="en"><seg>Delegates met in &lt;g0&gt;Geneva&lt;/g0&gt; and adopted the &lt;g1&gt;plan&lt;/g1&gt;.</seg></tuv>
      <tuv xml:lang="fr" changeid="translator" changedate="20261206T120000Z"><seg>Les délégués ont adopté le &lt;g1&gt;plan&lt;/g1&gt; à &lt;g0&gt;Genève&lt;/g0&gt;.</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def run(*args, check=True, timeout=120):
    p = subprocess.run(list(args), capture_output=True, text=True, timeout=timeout)
    if check and p.returncode != 0:
        print("FAILED:", " ".join(args), "\n", p.stdout, p.stderr)
        sys.exit(1)
    return p


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    failures = []
    with tempfile.TemporaryDirectory() as work:
        home = os.path.join(work, "home")  # OmegaT keeps its settings in ~/.omegat
        os.environ.update(HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
                          XDG_CONFIG_HOME=os.path.join(home, "config"))
        lib = os.path.join(work, "lib.copydesk")
        project = os.path.join(work, "project")

        # The memory, from an earlier article translated through XLIFF.
        write(os.path.join(work, "earlier.md"), EARLIER)
        run(CLI, "--library", lib, "new", "--title", "Port reopens", "--lang", "en",
            "--slug", "earlier", "--body-file", os.path.join(work, "earlier.md"))
        earlier = os.path.join(work, "earlier.xlf")
        run(CLI, "--library", lib, "xliff", "export", "earlier", "--target", "fr",
            "--output", earlier)
        with open(earlier, encoding="utf-8") as f:
            text = f.read()
        text = re.sub(r"<source>(.*?)</source>",
                      lambda m: '<source>%s</source><target state="translated">%s</target>'
                      % (m.group(1), FRENCH[m.group(1)]), text)
        write(earlier, text)
        run(CLI, "--library", lib, "xliff", "import", earlier)
        tmx = os.path.join(project, "tm", "auto", "copydesk.tmx")
        os.makedirs(os.path.dirname(tmx))
        said = run(CLI, "--library", lib, "tm", "export", tmx, "--source", "en",
                   "--target", "fr").stdout
        if not said.startswith("3 translations written"):
            failures.append("tm export said %r" % said)

        # The new article, into the project.
        write(os.path.join(work, "body.md"), BODY)
        run(CLI, "--library", lib, "new", "--title", "Port reopens", "--lang", "en",
            "--slug", "port", "--body-file", os.path.join(work, "body.md"))
        source = os.path.join(project, "source", "port.xlf")
        os.makedirs(os.path.dirname(source))
        run(CLI, "--library", lib, "xliff", "export", "port", "--target", "fr", "--prefill",
            "--output", source)
        write(os.path.join(project, "omegat.project"), PROJECT)
        write(os.path.join(project, "omegat", "project_save.tmx"), TRANSLATOR)
        for folder in ("target", "glossary", "dictionary"):
            os.makedirs(os.path.join(project, folder), exist_ok=True)

        omegat = run("omegat", project, "--mode=console-translate", check=False, timeout=300)
        translated = os.path.join(project, "target", "port.xlf")
        if omegat.returncode != 0 or not os.path.exists(translated):
            print("FAIL: OmegaT wrote no translation (exit %d)\n%s\n%s"
                  % (omegat.returncode, omegat.stdout[-2000:], omegat.stderr[-2000:]))
            return 1

        imported = run(CLI, "--library", lib, "xliff", "import", translated).stdout
        if imported != "4 translations imported\n":
            failures.append("import said %r" % imported)
        shown = run(CLI, "--library", lib, "show", "port", "--lang", "fr", "--format",
                    "md").stdout
        if shown != EXPECTED + "\n":  # `show` ends the body with a line of its own
            failures.append("the French version is\n%s\nexpected\n%s" % (shown, EXPECTED))
        # OmegaT leaves its units "new": its translations come in as drafts, to confirm;
        # the paragraph it did not translate stays untranslated.
        status = run(CLI, "--library", lib, "translation", "status", "port").stdout
        if "fr 0% translated, 4 draft, 1 untranslated (5 segments)" not in status:
            failures.append("translation status said %r" % status)

    for f in failures:
        print("FAIL:", f)
    if not failures:
        print("PASS: OmegaT translated Copydesk's XLIFF 1.2 with Copydesk's TMX, and the "
              "import put every translation in its paragraph")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
