#!/bin/sh
# Export benchmark (issue 10), figures printed, targets reported: ARTICLES articles x 3
# languages (en, fr, ar; default 1,000, so 3,000 pages) exported to HTML bundles by
# `copydesk-cli export --all --format html`, and in the same run the same Markdown made
# into pages by three other programs:
#   pandoc     standalone HTML5 with a minimal template (-s --template -f gfm), one
#              process per page as people run it, all cores busy (one process per core
#              at a time, like Copydesk's --jobs default); timed on an evenly spread
#              sample of SAMPLE pages (default 100) and given per page: a whole run
#              would take most of the time budget and says nothing more;
#   hugo       Debian's, the whole set as one multilingual site with an equivalent
#              minimal layout (title, lang and dir, description, canonical, hreflang
#              alternates, the same style sheet inline), `hugo --quiet -d OUT`;
#   cmark-gfm  the bodies alone (no front matter, no template), with the GFM
#              extensions Copydesk uses (footnotes too): one process per page writing
#              its .html file, all cores busy (what a script built on it does), and, as
#              the floor of parsing and rendering, every body in one process via cat.
# Then the re-export: the same export again with nothing changed, which must write
# nothing (files compared by inode, size and modification time, library file too).
# Each timing is the median of RUNS runs (default 3): the exports on a fresh copy of
# the library and an empty output folder, the other tools after a warm-up run (their
# programs in the page cache); a re-export over a quarter of the export is run once.
#
# Targets: per page at least 20x faster than pandoc; the whole set faster than hugo;
# within 3x of cmark-gfm (the process-per-page figure); the re-export writes no file
# and takes under a tenth of the first export.
#
# The content is generated here, seeded (the same on every run): a Hugo content folder
# of ARTICLES pages x name.{en,fr,ar}.md, 600-900 words each with headings, emphasis,
# links, a list, a table and a footnote, which Copydesk imports, hugo builds, pandoc
# reads, and whose bodies cmark-gfm reads. The pages pass the checks before export
# (title, summary, no image), so every version is exported.
#
# Usage: tests/bench/export_bench.sh [BUILD_DIR] [RUNS] [ARTICLES] [SAMPLE]
#   BUILD_DIR defaults to build-ci. KEEP=DIR keeps the generated site, the library and
#   every output in DIR (reused when it exists, so another run skips the generation).
# Exit status: 0 every target met, 1 a target missed (or a page count is wrong), 2 setup
# problem. A tool that is not installed is said and its comparison skipped
# (apt-get install pandoc hugo cmark-gfm; pandoc is for this benchmark only).
set -eu

build=${1:-build-ci}
runs=${2:-3}
articles=${3:-1000}
sample=${4:-100}
here=$(cd "$(dirname "$0")/../.." && pwd)
cli=$build/app/cli/copydesk-cli
case $cli in /*) ;; *) cli=$(pwd)/$cli ;; esac
if [ ! -x "$cli" ]; then
    echo "export_bench: $cli not found (build the copydesk-cli target)" >&2
    exit 2
fi
for tool in pandoc hugo cmark-gfm; do
    command -v "$tool" >/dev/null 2>&1 ||
        echo "export_bench: $tool not installed (apt-get install $tool): its comparison is skipped"
done

if [ -n "${KEEP:-}" ]; then
    mkdir -p "$KEEP"
    work=$(cd "$KEEP" && pwd)
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
# A copy of the program: a rebuild of the tree during the run (it takes minutes) must
# not change what is measured half-way, or replace the file under a running process.
cp "$cli" "$work/copydesk-cli"
cli=$work/copydesk-cli
# The runs must not read or write the settings and default library of whoever runs this.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local"
mkdir -p "$HOME"

# Not exec'd: the trap above must still remove the folder (a GB or so) afterwards.
python3 - "$cli" "$runs" "$articles" "$sample" "$work" "$here/resources/templates/style.css" <<'PY'
import concurrent.futures, os, random, shutil, statistics, subprocess, sys, time

cli, runs, count, sample_size, work, style_path = sys.argv[1:7]
runs, count, sample_size = int(runs), int(count), int(sample_size)
cores = os.cpu_count() or 1
LANGS = ["en", "fr", "ar"]
BASE_URL = "https://news.example.org/"
# Copydesk's own set (app/markdown): this cmark-gfm has footnotes as an extension.
CMARK_EXT = [a for e in ("table", "strikethrough", "autolink", "tagfilter", "tasklist", "footnotes")
             for a in ("-e", e)]
site = os.path.join(work, "site")
content = os.path.join(site, "content", "posts")
bodies = os.path.join(work, "bodies")
status = 0

# ---------------------------------------------------------------- content
# Sentences of news prose per language, combined at random: the words and the mix of
# Markdown are what matter to a renderer, not that the story holds together.
PROSE = {
    "en": [
        "The council adopted a plan to support coastal communities hit by last year's floods",
        "Ministers from twelve countries met in Geneva to agree on the next steps",
        "The programme will fund water, health and school projects in forty districts",
        "Delegates said the review would take place after consultations with farmers",
        "Local authorities asked for faster payments and simpler reporting rules",
        "A spokesperson confirmed that the first grants would be paid in the spring",
        "The report notes that rainfall has become harder to predict in the region",
        "Several cooperatives have already started building storage for their harvest",
        "The secretary-general welcomed the agreement as a step towards shared resilience",
        "Independent experts will publish an assessment of the results every six months",
        "The fund is expected to reach its target by the end of the next financial year",
        "Women's groups will take part in choosing the projects in each village",
        "The committee also approved a budget for emergency shelters and clean water",
        "Teachers in the affected areas will receive training and new materials",
        "According to the latest figures, more than two million people live in the zone",
        "Partners from the private sector pledged to match every public contribution",
        "The agreement includes a commitment to open data on spending and results",
        "Health workers reported a sharp fall in waterborne diseases since the pilot began",
        "Observers described the talks as constructive but warned of delays",
        "The next meeting will be held in Nairobi in the autumn",
        "Young volunteers mapped every well and pump in the district within a month",
        "Officials stressed that the money would reach the communities directly",
        "The plan was drafted with the help of universities in the region",
        "Farmers said that early warnings had already saved part of their crops",
    ],
    "fr": [
        "Le conseil a adopté un plan pour soutenir les communautés côtières touchées par les inondations",
        "Des ministres de douze pays se sont réunis à Genève pour convenir des prochaines étapes",
        "Le programme financera des projets d'eau, de santé et d'éducation dans quarante districts",
        "Les délégués ont déclaré que l'examen aurait lieu après des consultations avec les agriculteurs",
        "Les autorités locales ont demandé des paiements plus rapides et des règles plus simples",
        "Une porte-parole a confirmé que les premières subventions seraient versées au printemps",
        "Le rapport souligne que les pluies sont devenues plus difficiles à prévoir dans la région",
        "Plusieurs coopératives ont déjà commencé à construire des entrepôts pour leurs récoltes",
        "Le secrétaire général a salué l'accord comme un pas vers une résilience partagée",
        "Des experts indépendants publieront une évaluation des résultats tous les six mois",
        "Le fonds devrait atteindre son objectif d'ici la fin du prochain exercice financier",
        "Les associations de femmes participeront au choix des projets dans chaque village",
        "Le comité a également approuvé un budget pour des abris d'urgence et de l'eau potable",
        "Les enseignants des zones touchées recevront une formation et du matériel neuf",
        "Selon les derniers chiffres, plus de deux millions de personnes vivent dans la zone",
        "Des partenaires du secteur privé se sont engagés à doubler chaque contribution publique",
        "L'accord comprend un engagement à publier les données sur les dépenses et les résultats",
        "Les agents de santé signalent une forte baisse des maladies hydriques depuis le projet pilote",
        "Les observateurs ont qualifié les discussions de constructives, tout en craignant des retards",
        "La prochaine réunion se tiendra à Nairobi à l'automne",
        "De jeunes bénévoles ont recensé chaque puits et chaque pompe du district en un mois",
        "Les responsables ont insisté sur le fait que l'argent irait directement aux communautés",
        "Le plan a été rédigé avec l'aide des universités de la région",
        "Les agriculteurs ont indiqué que les alertes précoces avaient déjà sauvé une partie des récoltes",
    ],
    "ar": [
        "اعتمد المجلس خطة لدعم المجتمعات الساحلية المتضررة من فيضانات العام الماضي",
        "اجتمع وزراء من اثني عشر بلدا في جنيف للاتفاق على الخطوات المقبلة",
        "سيمول البرنامج مشاريع المياه والصحة والتعليم في أربعين مقاطعة",
        "قال المندوبون إن المراجعة ستجري بعد مشاورات مع المزارعين",
        "طلبت السلطات المحلية صرف المدفوعات بسرعة أكبر وتبسيط قواعد الإبلاغ",
        "أكدت متحدثة أن المنح الأولى ستصرف في فصل الربيع",
        "يشير التقرير إلى أن التنبؤ بهطول الأمطار أصبح أصعب في المنطقة",
        "بدأت عدة تعاونيات بالفعل في بناء مخازن لمحاصيلها",
        "رحب الأمين العام بالاتفاق بوصفه خطوة نحو قدرة مشتركة على الصمود",
        "سينشر خبراء مستقلون تقييما للنتائج كل ستة أشهر",
        "من المتوقع أن يبلغ الصندوق هدفه بحلول نهاية السنة المالية المقبلة",
        "ستشارك المجموعات النسائية في اختيار المشاريع في كل قرية",
        "وافقت اللجنة أيضا على ميزانية للملاجئ الطارئة والمياه النظيفة",
        "سيتلقى المعلمون في المناطق المتضررة تدريبا ومواد جديدة",
        "تفيد أحدث الأرقام بأن أكثر من مليوني شخص يعيشون في المنطقة",
        "تعهد شركاء من القطاع الخاص بمضاعفة كل مساهمة عامة",
        "يتضمن الاتفاق التزاما بنشر البيانات المتعلقة بالإنفاق والنتائج",
        "أفاد العاملون الصحيون بانخفاض حاد في الأمراض المنقولة بالمياه منذ بدء المشروع التجريبي",
        "وصف المراقبون المحادثات بأنها بناءة لكنهم حذروا من التأخير",
        "سيعقد الاجتماع المقبل في نيروبي في الخريف",
        "قام متطوعون شباب بحصر كل بئر ومضخة في المقاطعة خلال شهر واحد",
        "شدد المسؤولون على أن الأموال ستصل إلى المجتمعات مباشرة",
        "أعدت الخطة بمساعدة جامعات المنطقة",
        "قال المزارعون إن الإنذارات المبكرة أنقذت بالفعل جزءا من محاصيلهم",
    ],
}
WORDS = {
    "en": {"heading": ["Background", "What the plan covers", "Funding", "Next steps",
                       "Reactions", "In the districts", "Figures", "Timeline"],
           "table": ["District", "Projects", "Budget (USD)"], "note": "Figures as of",
           "read": "Read the full report", "title": "Council backs coastal plan, report",
           "summary": "Ministers agreed to fund water, health and school projects"},
    "fr": {"heading": ["Contexte", "Ce que couvre le plan", "Financement", "Prochaines étapes",
                       "Réactions", "Dans les districts", "Chiffres", "Calendrier"],
           "table": ["District", "Projets", "Budget (USD)"], "note": "Chiffres au",
           "read": "Lire le rapport complet", "title": "Le conseil soutient le plan côtier, rapport",
           "summary": "Les ministres ont accepté de financer des projets d'eau, de santé et d'éducation"},
    "ar": {"heading": ["خلفية", "ما تشمله الخطة", "التمويل", "الخطوات المقبلة",
                       "ردود الفعل", "في المقاطعات", "أرقام", "الجدول الزمني"],
           "table": ["المقاطعة", "المشاريع", "الميزانية (دولار)"], "note": "الأرقام حتى",
           "read": "اقرأ التقرير الكامل", "title": "المجلس يدعم الخطة الساحلية، تقرير",
           "summary": "وافق الوزراء على تمويل مشاريع المياه والصحة والتعليم"},
}
PLACES = ["Dakar", "Cotonou", "Mombasa", "Chittagong", "Tunis", "Beira", "Nouakchott",
          "Alexandrie", "Port-Louis", "Abidjan"]


def decorate(rng, text, lang):
    """One sentence with, at random, emphasis, strong emphasis, a link or code."""
    words = text.split(" ")
    for i in rng.sample(range(len(words)), min(len(words), rng.randint(0, 2))):
        r = rng.random()
        if r < 0.35:
            words[i] = f"*{words[i]}*"
        elif r < 0.6:
            words[i] = f"**{words[i]}**"
        elif r < 0.9:
            words[i] = f"[{words[i]}](https://news.example.org/{lang}/topics/{rng.randint(1, 400)})"
        else:
            words[i] = f"`{words[i]}`"
    return " ".join(words) + "."


def body(rng, lang, article):
    w = WORDS[lang]
    # The paragraph that crosses the target and the closing lines add up to ~100 words:
    # 600-900 words in all.
    target = rng.randint(560, 780)
    prose = PROSE[lang]
    out, words, section = [], 0, 0
    note_at = rng.randint(1, 3)  # which paragraph carries the footnote reference
    paragraph = 0
    extras = ["list", "table"]
    rng.shuffle(extras)
    while words < target:
        if paragraph % 3 == 0:
            out.append("## " + w["heading"][section % len(w["heading"])])
            section += 1
        sentences = [decorate(rng, rng.choice(prose), lang)
                     for _ in range(rng.randint(3, 5))]
        paragraph += 1
        if paragraph == note_at:
            sentences[-1] = sentences[-1][:-1] + "[^1]."
        text = " ".join(sentences)
        words += len(text.split())
        out.append(text)
        if paragraph in (2, 5) and extras:
            kind = extras.pop()
            if kind == "list":
                items = [decorate(rng, rng.choice(prose), lang) for _ in range(rng.randint(3, 5))]
                out.append("\n".join("- " + item for item in items))
                words += sum(len(item.split()) for item in items)
            else:
                rows = [f"| {w['table'][0]} | {w['table'][1]} | {w['table'][2]} |", "|:--|--:|--:|"]
                for _ in range(rng.randint(3, 6)):
                    rows.append(f"| {rng.choice(PLACES)} | {rng.randint(2, 40)} | "
                                f"{rng.randint(10, 900) * 1000:,} |")
                out.append("\n".join(rows))
                words += 3 * len(rows)
    out.append(f"[{w['read']}](https://news.example.org/{lang}/reports/{article}).")
    out.append(f"[^1]: {w['note']} 2024-0{1 + article % 9}-1{article % 10}.")
    return "\n\n".join(out) + "\n"


def generate():
    """The site's pages (front matter + body) and the bodies alone, once; a site that
    is there already (KEEP) with the same number of articles is reused."""
    stamp = os.path.join(work, f"generated-{count}")
    if os.path.exists(stamp):
        return
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(bodies, ignore_errors=True)
    os.makedirs(content)
    os.makedirs(bodies)
    for i in range(1, count + 1):
        name = f"article-{i:04d}"
        for lang in LANGS:
            # Seeded per page: a page is the same whatever ARTICLES is.
            rng = random.Random(f"{i}-{lang}")
            w = WORDS[lang]
            text = body(rng, lang, i)
            title = f"{w['title']} {i}: {PLACES[i % len(PLACES)]}"
            front = (f"---\ntitle: \"{title}\"\ndescription: \"{w['summary']} ({PLACES[i % len(PLACES)]}).\"\n"
                     f"date: 2024-{1 + i % 12:02d}-{1 + i % 28:02d}T09:00:00Z\n"
                     f"translationKey: {name}\n---\n\n")
            with open(os.path.join(content, f"{name}.{lang}.md"), "w", encoding="utf-8") as f:
                f.write(front + text)
            with open(os.path.join(bodies, f"{name}.{lang}.md"), "w", encoding="utf-8") as f:
                f.write(text)
    open(stamp, "w").close()


# ---------------------------------------------------------------- the other tools' setups
style = open(style_path, encoding="utf-8").read()


def hugo_site():
    """hugo.toml and the two layouts: what Copydesk's default page holds (title, lang,
    dir, description, canonical, alternates, the style sheet inline), nothing more.
    Hugo's extra outputs (feeds, sitemaps, taxonomies, 404) are turned off."""
    with open(os.path.join(site, "hugo.toml"), "w") as f:
        f.write(f'''baseURL = "{BASE_URL}"
defaultContentLanguage = "en"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[languages.en]
weight = 1
[languages.fr]
weight = 2
[languages.ar]
weight = 3
languageDirection = "rtl"
''')
    layouts = os.path.join(site, "layouts", "_default")
    os.makedirs(layouts, exist_ok=True)
    head = ('<!DOCTYPE html>\n<html lang="{{ .Language.Lang }}" '
            'dir="{{ or .Language.LanguageDirection "ltr" }}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<title>{{ .Title }}</title>\n'
            '{{ with .Description }}<meta name="description" content="{{ . }}">\n{{ end }}'
            '<link rel="canonical" href="{{ .Permalink }}">\n'
            '{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" '
            'href="{{ .Permalink }}">\n{{ end }}<style>\n' + style + '</style>\n</head>\n')
    with open(os.path.join(layouts, "single.html"), "w", encoding="utf-8") as f:
        f.write(head + '<body>\n<main>\n<article>\n<header>\n<h1>{{ .Title }}</h1>\n'
                '{{ with .Description }}<p class="summary">{{ . }}</p>\n{{ end }}</header>\n'
                '<div class="body">\n{{ .Content }}\n</div>\n</article>\n</main>\n</body>\n</html>\n')
    with open(os.path.join(layouts, "list.html"), "w", encoding="utf-8") as f:
        f.write(head + '<body>\n<main>\n<h1>{{ .Title }}</h1>\n<ul>\n{{ range .Pages }}'
                '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>\n{{ end }}</ul>\n'
                '</main>\n</body>\n</html>\n')


def pandoc_setup():
    """The template. Pandoc knows nothing of a multilingual site: the language, the
    direction, the canonical URL and the alternates are given on the command line, as a
    script around it would give them (variables: metadata would be read as Markdown)."""
    with open(os.path.join(work, "pandoc.html"), "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html>\n<html lang="$lang$" dir="$dir$">\n<head>\n<meta charset="utf-8">\n'
                '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                '<title>$title$</title>\n'
                '$if(description)$<meta name="description" content="$description$">\n$endif$'
                '<link rel="canonical" href="$canonical$">\n'
                '$for(alternate)$<link rel="alternate" $alternate$>\n$endfor$<style>\n' +
                style.replace("$", "$$") +
                '</style>\n</head>\n<body>\n<main>\n<article>\n<header>\n<h1>$title$</h1>\n'
                '$if(description)$<p class="summary">$description$</p>\n$endif$</header>\n'
                '<div class="body">\n$body$\n</div>\n</article>\n</main>\n</body>\n</html>\n')


def page_url(name, lang):
    return BASE_URL + ("" if lang == "en" else lang + "/") + f"posts/{name}/"


# ---------------------------------------------------------------- helpers
def run(cmd, **kw):
    start = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
    return time.perf_counter() - start, p


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)


def bundle_pages(root):
    """Copydesk's pages: BUNDLE/LANG/index.html; and the bundles' own language index
    pages (BUNDLE/index.html), which the other tools do not make, counted apart."""
    pages = index = 0
    for bundle in os.listdir(root):
        folder = os.path.join(root, bundle)
        if not os.path.isdir(folder):
            continue
        index += os.path.isfile(os.path.join(folder, "index.html"))
        pages += sum(1 for lang in os.listdir(folder)
                     if os.path.isfile(os.path.join(folder, lang, "index.html")))
    return pages, index


def html_files(folder):
    """The pages a tool wrote into one folder, empty ones (a failed run) not counted."""
    return sum(1 for f in os.listdir(folder)
               if f.endswith(".html") and os.path.getsize(os.path.join(folder, f)) > 0)


def listing(root):
    """Every file and folder under root: inode, size, modification time."""
    out = {}
    for folder, dirs, files in os.walk(root):
        for n in dirs + files:
            p = os.path.join(folder, n)
            s = os.lstat(p)
            out[p] = (s.st_ino, s.st_size, s.st_mtime_ns)
    return out


def outcome(p):
    """How a copydesk-cli run ended, when it did not end well."""
    if p.returncode == 0:
        return ""
    how = f"killed by signal {-p.returncode}" if p.returncode < 0 else f"exit status {p.returncode}"
    lines = [l for l in p.stderr.decode(errors="replace").splitlines() if l.strip()]
    return f" [{how}: {lines[-1].strip() if lines else 'no message'}]"


def med(values):
    return statistics.median(values)


def fmt(values):
    return " ".join(f"{v:.3f}" for v in values)


figures = {}


def say(key, value):
    figures[key] = value
    print(f"{key}={value}", flush=True)


def load():
    # Other work on the machine slows every tool, not always alike: said with the figures.
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


# ---------------------------------------------------------------- generation, import
print(f"load average at start: {load()}")
t0 = time.perf_counter()
generate()
pages_md = sorted(f for f in os.listdir(content) if f.endswith(".md"))
words = [len(open(os.path.join(bodies, f), encoding="utf-8").read().split()) for f in pages_md]
print(f"content: {count} articles x {len(LANGS)} languages = {len(pages_md)} Markdown pages, "
      f"{sum(words) // len(words)} words a page on average ({min(words)}-{max(words)}), "
      f"{sum(os.path.getsize(os.path.join(bodies, f)) for f in pages_md) // 1024} KiB of bodies "
      f"(generated in {time.perf_counter() - t0:.1f} s); {cores} cores; {runs} runs each")

library = os.path.join(work, "base.copydesk")
if not os.path.exists(library):
    elapsed, p = run([cli, "--library", library, "import", os.path.join(site, "content")])
    if p.returncode != 0:
        for f in os.listdir(work):
            if f.startswith("base.copydesk"):
                os.remove(os.path.join(work, f))
        sys.exit("export_bench: import failed: " + p.stderr.decode(errors="replace")[-2000:])
    imported = len(p.stdout.split())
    print(f"copydesk import of the site: {imported} articles in {elapsed:.1f} s (not a target)")
listed = run([cli, "--library", library, "list", "--limit", str(10 * count)])[1].stdout.decode().splitlines()
print(f"library: {len(listed)} articles listed, {os.path.getsize(library) // (1 << 20)} MB")


def library_copy(dest):
    """A fresh copy of the imported library, its write-ahead log too (SQLite leaves the
    last transactions there until a checkpoint)."""
    for f in os.listdir(work):
        if f.startswith(os.path.basename(dest)):
            os.remove(os.path.join(work, f))
    for suffix in ("", "-wal"):
        if os.path.exists(library + suffix):
            shutil.copyfile(library + suffix, dest + suffix)
    return dest


# ---------------------------------------------------------------- copydesk
export_args = ["export", "--all", "--format", "html", "--base-url", BASE_URL]
out_cd = os.path.join(work, "out-copydesk")
times, stderr_first = [], ""
for r in range(runs):
    lib = library_copy(os.path.join(work, "run.copydesk"))
    fresh(out_cd)
    elapsed, p = run([cli, "--library", lib] + export_args + ["--output", out_cd])
    times.append(elapsed)
    if r == 0:
        stderr_first = p.stderr.decode(errors="replace")
    if p.returncode != 0:
        print(f"copydesk export, run {r + 1}:{outcome(p)}")
        status = 1
err_lines = [l for l in stderr_first.splitlines() if l.strip()]
summary_line = next((l for l in reversed(err_lines) if "exported" in l), "(no summary line)")
other = [l for l in err_lines if l != summary_line]
copydesk_pages, copydesk_index_pages = bundle_pages(out_cd)
print(f"copydesk export runs (s): {fmt(times)}; {summary_line.strip()}")
print(f"copydesk export messages other than the summary: {len(other)}")
for l in other[:10]:
    print("  " + l)
say("copydesk_export_s", f"{med(times):.3f}")
say("copydesk_pages", copydesk_pages)
say("copydesk_language_index_pages", copydesk_index_pages)
copydesk_s = med(times)
copydesk_page_ms = copydesk_s * 1000 / max(copydesk_pages, 1)
say("copydesk_per_page_ms", f"{copydesk_page_ms:.3f}")

# Re-export: the last run's library and folder, nothing changed in between.
before = listing(out_cd)
def library_state():
    # The file and its write-ahead log: a commit lands in the log first.
    return [(os.stat(f).st_mtime_ns, os.path.getsize(f)) for f in (lib, lib + "-wal")
            if os.path.exists(f)]


lib_before = library_state()
re_times, re_summary, written = [], "", set()
for r in range(runs):
    # Repeated while cheap: a re-export as slow as an export is far off its target
    # whatever the median, and more runs of it would only take the time budget.
    if re_times and re_times[0] > 0.25 * copydesk_s:
        print("copydesk re-export: over a quarter of the export, not repeated")
        break
    elapsed, p = run([cli, "--library", lib] + export_args + ["--output", out_cd])
    re_times.append(elapsed)
    lines = [l for l in p.stderr.decode(errors="replace").splitlines() if l.strip()]
    re_summary = lines[-1] if lines else "(no summary line)"
    if p.returncode != 0:
        print(f"copydesk re-export, run {r + 1}:{outcome(p)}")
        status = 1
    after = listing(out_cd)
    written |= {k for k, v in after.items() if before.get(k) != v}
    written |= {k for k in before if k not in after}
lib_after = library_state()
print(f"copydesk re-export runs (s): {fmt(re_times)}; {re_summary.strip()}")
say("copydesk_reexport_s", f"{med(re_times):.3f}")
say("reexport_files_written", sum(1 for k in written if not os.path.isdir(k)))
say("reexport_library_changed", "yes" if lib_after != lib_before else "no")
if written:
    print("  changed: " + ", ".join(sorted(written)[:5]))

# ---------------------------------------------------------------- pandoc
pandoc_page_ms = None
if shutil.which("pandoc"):
    pandoc_setup()
    # Articles evenly spread, the languages in turn.
    picks = min(sample_size, len(pages_md))
    chosen = [f"article-{1 + k * count // picks:04d}.{LANGS[k % len(LANGS)]}.md" for k in range(picks)]
    out_pd = os.path.join(work, "out-pandoc")

    def pandoc_cmd(f):
        name, lang = f[:-3].rsplit(".", 1)
        return ["pandoc", "-s", "--template", os.path.join(work, "pandoc.html"), "-f", "gfm",
                "-t", "html5", "-M", f"lang={lang}", "-V", f"dir={'rtl' if lang == 'ar' else 'ltr'}",
                "-V", f"canonical={page_url(name, lang)}"] + [
                a for l in LANGS for a in ("-V", f'alternate=hreflang="{l}" href="{page_url(name, l)}"')] + [
                "-o", os.path.join(out_pd, f[:-3] + ".html"), os.path.join(content, f)]

    def pandoc_run(pages):
        # One process per page, as many at a time as there are cores.
        fresh(out_pd)
        start = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(cores) as pool:
            codes = list(pool.map(lambda f: subprocess.run(
                pandoc_cmd(f), stderr=subprocess.DEVNULL).returncode, pages))
        return time.perf_counter() - start, sum(1 for c in codes if c != 0)

    pandoc_run(chosen[:cores])  # warm-up: pandoc's 100 MB binary into the page cache
    results = [pandoc_run(chosen) for _ in range(runs)]
    ptimes = [t for t, _ in results]
    pandoc_pages = html_files(out_pd)
    pandoc_page_ms = med(ptimes) * 1000 / len(chosen)
    print(f"pandoc: a sample of {len(chosen)} pages (articles evenly spread, en/fr/ar in turn), one process per page, "
          f"{cores} at a time; runs (s): {fmt(ptimes)}; failures: {results[0][1]}; "
          f"whole set extrapolated: {pandoc_page_ms * len(pages_md) / 1000:.1f} s")
    say("pandoc_pages", f"{pandoc_pages} (of a {len(chosen)}-page sample)")
    say("pandoc_per_page_ms", f"{pandoc_page_ms:.2f}")
    say("pandoc_vs_copydesk_per_page", f"{pandoc_page_ms / copydesk_page_ms:.1f}x")
else:
    print("pandoc: not installed (apt-get install pandoc): comparison skipped")

# ---------------------------------------------------------------- hugo
hugo_s = None
if shutil.which("hugo"):
    hugo_site()
    out_hg = os.path.join(work, "out-hugo")
    htimes = []
    for r in range(runs + 1):  # the first is a warm-up
        fresh(out_hg)
        elapsed, p = run(["hugo", "--quiet", "-s", site, "-d", out_hg])
        if p.returncode != 0:
            print("hugo failed: " + p.stderr.decode(errors="replace")[-1500:])
            break
        if r > 0:
            htimes.append(elapsed)
    if htimes:
        hugo_pages = sum(1 for folder, _, files in os.walk(out_hg)
                         if "index.html" in files and os.path.basename(os.path.dirname(folder)) == "posts")
        hugo_s = med(htimes)
        print(f"hugo: the whole site (single pages + 3 home and 3 section lists); runs (s): {fmt(htimes)}")
        say("hugo_s", f"{hugo_s:.3f}")
        say("hugo_pages", hugo_pages)
        say("hugo_vs_copydesk", f"{hugo_s / copydesk_s:.2f}x")
else:
    print("hugo: not installed (apt-get install hugo): comparison skipped")

# ---------------------------------------------------------------- cmark-gfm
cmark_s = None
if shutil.which("cmark-gfm"):
    out_cm = os.path.join(work, "out-cmark")
    ext = " ".join(CMARK_EXT)
    # xargs hands each shell a batch of files; the shell starts one cmark-gfm a file.
    loop = (f'cd "{bodies}" && ls | xargs -P {cores} -n 50 sh -c '
            f'\'for f; do cmark-gfm {ext} --to html "$f" > "{out_cm}/${{f%.md}}.html" || exit 1; done\' sh')
    ctimes, cat_times = [], []
    for r in range(runs + 1):  # the first is a warm-up
        fresh(out_cm)
        elapsed, p = run(["sh", "-c", loop])
        if p.returncode != 0:
            print("cmark-gfm failed: " + p.stderr.decode(errors="replace")[-1500:])
        if r > 0:
            ctimes.append(elapsed)
        elapsed, _ = run(["sh", "-c", f'cd "{bodies}" && cat * | cmark-gfm {ext} --to html > /dev/null'])
        if r > 0:
            cat_times.append(elapsed)
    cmark_pages = html_files(out_cm)
    cmark_s = med(ctimes)
    print(f"cmark-gfm: one process per page, {cores} at a time, an .html file each; runs (s): "
          f"{fmt(ctimes)}; all bodies in one process (cat, one core, to /dev/null): {fmt(cat_times)}")
    say("cmark_gfm_s", f"{cmark_s:.3f}")
    say("cmark_gfm_pages", cmark_pages)
    say("cmark_gfm_one_process_s", f"{med(cat_times):.3f}")
    say("copydesk_vs_cmark_gfm", f"{copydesk_s / cmark_s:.2f}x")
    say("copydesk_vs_cmark_gfm_one_process", f"{copydesk_s / med(cat_times):.2f}x")
else:
    print("cmark-gfm: not installed (apt-get install cmark-gfm): comparison skipped")

reexport_fraction = med(re_times) / copydesk_s
say("reexport_fraction", f"{reexport_fraction:.3f}")

print(f"load average at end: {load()}")

# ---------------------------------------------------------------- targets
expected = count * len(LANGS)
checks = [("pages: copydesk wrote every page", copydesk_pages == expected)]
if hugo_s is not None:
    checks.append(("pages: hugo built every page", figures["hugo_pages"] == expected))
if cmark_s is not None:
    checks.append(("pages: cmark-gfm rendered every page", figures["cmark_gfm_pages"] == expected))
if pandoc_page_ms is not None:
    checks.append(("per page >= 20x faster than pandoc", pandoc_page_ms / copydesk_page_ms >= 20))
if hugo_s is not None:
    checks.append(("whole set faster than hugo", copydesk_s < hugo_s))
if cmark_s is not None:
    checks.append(("within 3x of cmark-gfm", copydesk_s <= 3 * cmark_s))
checks.append(("re-export writes nothing", not written and lib_after == lib_before))
checks.append(("re-export under a tenth of the first export", reexport_fraction < 0.1))
for label, ok in checks:
    print(f"target: {label}: {'met' if ok else 'MISSED'}")
    status |= 0 if ok else 1
sys.exit(status)
PY
