// Translation memory: exact and fuzzy matches in six languages, TMX 1.4b written and read
// (by us, and by a real third-party tool, translate-toolkit's own TMX storage), hostile
// TMX refused, and the memory of real parallel pages (../shared/corpora, found through
// the COPYDESK_CORPORA_DIR cache variable; skipped, naming the path, without them);
// the memory kept in a real library file: what feeds it, one row per translation,
// regional forms, all or nothing.
#include "translation/memory.h"

#include "support/articlefixture.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace copydesk;
using namespace copydesk::translation;

namespace {

MemoryEntry entry(const char* from, const char* to, const QString& source, const QString& target) {
    return MemoryEntry{QString::fromLatin1(from),
                       QString::fromLatin1(to),
                       source,
                       target,
                       QStringLiteral("0b7d9a3e-1c2f-4e5a-8b6c-7d8e9f0a1b2c"),
                       QDateTime(QDate(2026, 11, 30), QTime(9, 15), QTimeZone::utc())};
}

/// The text of a Hugo page without its front matter.
QString bodyOf(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    static const QRegularExpression frontMatter(QStringLiteral("\\A---\\r?\\n.*?\\r?\\n---\\r?\\n"),
                                                QRegularExpression::DotMatchesEverythingOption);
    return QString(text).remove(frontMatter);
}

QList<Segment> blocks(const QString& body) {
    LanguageVersion version;
    version.body = body;
    QList<Segment> out;
    for (const Segment& s : segmentsOf(version)) {
        if (s.kind == SegmentKind::Block)
            out.append(s);
    }
    return out;
}

} // namespace

class TestMemory final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void exactAndFuzzy_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QString>("translation");
        QTest::addColumn<QString>("asked");
        QTest::addColumn<int>("least");
        QTest::addColumn<int>("most");
        QTest::addColumn<QString>("changed"); // what the stored source has that `asked` has not
        const QString en = QStringLiteral(
            "The council approved funding for water, health and education projects.");
        QTest::newRow("fr, same") << QStringLiteral("fr") << en
                                  << QStringLiteral("Le conseil a approuvé le financement de "
                                                    "projets d'eau, de santé et d'éducation.")
                                  << QStringLiteral("The council  approved funding for water, "
                                                    "health and\neducation projects.")
                                  << 100 << 100 << QString();
        QTest::newRow("es, a word changed")
            << QStringLiteral("es") << en
            << QStringLiteral("El consejo aprobó fondos para proyectos de agua, salud y educación.")
            << QStringLiteral(
                   "The council approved funding for water, housing and education projects.")
            << 85 << 99 << QStringLiteral("health");
        QTest::newRow("ar, a word added")
            << QStringLiteral("ar") << en
            << QStringLiteral("وافق المجلس على تمويل مشاريع المياه والصحة والتعليم.")
            << QStringLiteral(
                   "The council today approved funding for water, health and education projects.")
            << 90 << 99 << QString();
        QTest::newRow("ru, case and a full stop")
            << QStringLiteral("ru") << en
            << QStringLiteral("Совет одобрил финансирование проектов в области водоснабжения, "
                              "здравоохранения и образования.")
            << QStringLiteral(
                   "the council approved funding for water, health and education projects")
            << 90 << 99 << QString();
        QTest::newRow("zh-Hans from Chinese, one character")
            << QStringLiteral("en") << QStringLiteral("理事会批准了水、卫生和教育项目的资金。")
            << en << QStringLiteral("理事会批准了水、卫生和文化项目的资金。") << 80 << 99
            << QStringLiteral("教育");
    }
    void exactAndFuzzy() {
        QFETCH(QString, target);
        QFETCH(QString, stored);
        QFETCH(QString, translation);
        QFETCH(QString, asked);
        QFETCH(int, least);
        QFETCH(int, most);
        QFETCH(QString, changed);
        const char* source = target == u"en" ? "zh-Hans" : "en";
        TranslationMemory memory;
        memory.add(entry(source, qPrintable(target), stored, translation));
        // Noise: other languages, other texts.
        memory.add(entry(source, "de", stored, QStringLiteral("Der Rat genehmigte …")));
        memory.add(entry(source, qPrintable(target), QStringLiteral("Completely different words."),
                         QStringLiteral("x")));
        const QList<MemoryMatch> matches =
            memory.lookup(QString::fromLatin1(source), target, asked, 70);
        QCOMPARE(matches.size(), 1);
        QCOMPARE(matches[0].entry.target, translation);
        QVERIFY2(matches[0].percent >= least && matches[0].percent <= most,
                 qPrintable(QString::number(matches[0].percent)));
        QString removed;
        for (const DiffRun& run : matches[0].difference) {
            if (run.kind == DiffRun::Removed)
                removed += run.text;
        }
        if (!changed.isEmpty())
            QCOMPARE(removed.trimmed(), changed);
        if (most == 100)
            QVERIFY(removed.trimmed().isEmpty());
        // Below the minimum: nothing.
        QVERIFY(memory.lookup(QString::fromLatin1(source), target, asked, most + 1).isEmpty());
        QVERIFY(memory.lookup(QStringLiteral("fr"), target, asked).isEmpty());
    }

    void addKeepsOneOfEach() {
        TranslationMemory memory;
        MemoryEntry a = entry("en", "fr", QStringLiteral("Hello."), QStringLiteral("Bonjour."));
        memory.add(a);
        a.changed = a.changed.addDays(1);
        memory.add(a);
        memory.add(entry("en", "fr", QStringLiteral("Hello."), QStringLiteral("Salut.")));
        memory.add(entry("en", "fr", QStringLiteral("  "), QStringLiteral("Vide.")));
        QCOMPARE(memory.size(), 2);
        QCOMPARE(memory.entries().front().changed, a.changed);
        // Both translations of the same text are offered, the newest first.
        const QList<MemoryMatch> matches =
            memory.lookup(QStringLiteral("en"), QStringLiteral("fr"), QStringLiteral("Hello."));
        QCOMPARE(matches.size(), 2);
        QCOMPARE(matches[0].entry.target, QStringLiteral("Bonjour."));
        QCOMPARE(matches[1].percent, 100);
    }

    void tmxRoundTrip() {
        TranslationMemory memory;
        memory.add(entry("en", "fr", QStringLiteral("Use *bold* & <tags>\nand \"quotes\"."),
                         QStringLiteral("Utilisez *gras* & <balises>\net « guillemets ».")));
        memory.add(entry("en", "ar", QStringLiteral("Water"), QStringLiteral("المياه")));
        memory.add(entry("en", "zh-Hans", QStringLiteral("Water"), QStringLiteral("水")));
        const QByteArray tmx = memory.toTmx();
        QVERIFY(tmx.contains("<tmx version=\"1.4\">"));
        QVERIFY(tmx.contains("srclang=\"en\""));
        QVERIFY(tmx.contains("changedate=\"20261130T091500Z\""));
        const auto back = TranslationMemory::fromTmx(tmx, QStringLiteral("memory.tmx"));
        QVERIFY2(back, qPrintable(back.error()));
        QCOMPARE(back->entries(), memory.entries());
    }

    // What other tools write: a DOCTYPE naming TMX's DTD, TMX 1.1's lang, a srclang of
    // *all*, inline codes with their native markup, a unit with three languages.
    void tmxFromOtherTools() {
        const QByteArray tmx = R"(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
<header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x"
 adminlang="en" srclang="*all*" datatype="html"/>
<body>
<tu srclang="en" creationdate="20200102T030405Z">
 <tuv xml:lang="en"><seg>Click <bpt i="1">&lt;b&gt;</bpt>here<ept i="1">&lt;/b&gt;</ept><ph>&lt;br/&gt;</ph> now <hi>please</hi>.</seg></tuv>
 <tuv xml:lang="fr"><seg>Cliquez <bpt i="1">&lt;b&gt;</bpt>ici<ept i="1">&lt;/b&gt;</ept> maintenant <hi>svp</hi>.</seg></tuv>
 <tuv xml:lang="es"><seg>Haga clic aquí.</seg></tuv>
</tu>
<tu><tuv lang="EN"><seg>Old</seg></tuv><tuv lang="DE"><seg>Alt</seg></tuv></tu>
</body>
</tmx>
)";
        const auto memory = TranslationMemory::fromTmx(tmx, QStringLiteral("other.tmx"));
        QVERIFY2(memory, qPrintable(memory.error()));
        QCOMPARE(memory->size(), 3);
        const MemoryEntry& fr = memory->entries()[0];
        QCOMPARE(fr.source, QStringLiteral("Click here now please."));
        QCOMPARE(fr.target, QStringLiteral("Cliquez ici maintenant svp."));
        QCOMPARE(fr.changed, QDateTime(QDate(2020, 1, 2), QTime(3, 4, 5), QTimeZone::utc()));
        QCOMPARE(memory->entries()[1].targetLanguage, QStringLiteral("es"));
        QCOMPARE(memory->entries()[2].sourceLanguage, QStringLiteral("EN"));
    }

    // What other tools write: a srclang whose variants are regional forms of it, a
    // variant in the source's own language (no translation), a placeholder between two
    // words, a unit with no text in the source language (counted, left out).
    void tmxLanguagesAndPlaceholders() {
        const QByteArray tmx = R"(<tmx version="1.4"><header srclang="en"/><body>
<tu><tuv xml:lang="EN-US"><seg>Ships returned.</seg></tuv><tuv xml:lang="fr-FR"><seg>Les navires sont revenus.</seg></tuv><tuv xml:lang="en-GB"><seg>Ships came back.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Click here now<ph>&lt;br/&gt;</ph>please</seg></tuv><tuv xml:lang="fr"><seg>Cliquez ici<ph>&lt;br/&gt;</ph>svp</seg></tuv></tu>
<tu><tuv xml:lang="es"><seg>Hola</seg></tuv><tuv xml:lang="fr"><seg>Salut</seg></tuv></tu>
</body></tmx>)";
        int skipped = -1;
        const auto memory = TranslationMemory::fromTmx(tmx, QStringLiteral("other.tmx"), &skipped);
        QVERIFY2(memory, qPrintable(memory.error()));
        QCOMPARE(skipped, 1);
        QCOMPARE(memory->size(), 2);
        QCOMPARE(memory->entries()[0].sourceLanguage, QStringLiteral("EN-US"));
        QCOMPARE(memory->entries()[0].targetLanguage, QStringLiteral("fr-FR"));
        QCOMPARE(memory->entries()[1].source, QStringLiteral("Click here now please"));
        QCOMPARE(memory->entries()[1].target, QStringLiteral("Cliquez ici svp"));
    }

    // Fuzzy matches are found whatever the words repeat or the candidates sharing them.
    void fuzzyFindsTheBest() {
        TranslationMemory memory;
        memory.add(entry("en", "fr", QStringLiteral("a a a a a a a a b"), QStringLiteral("x")));
        auto matches = memory.lookup(QStringLiteral("en"), QStringLiteral("fr"),
                                     QStringLiteral("a a a a a a a a c"));
        QCOMPARE(matches.size(), 1);
        QCOMPARE(matches[0].percent, 88);
        // Eighty reorderings of the same ten words (each of them shares every word)
        // and one entry a word away: that one is the best match.
        const QStringList words = QStringLiteral("alpha beta gamma delta epsilon zeta eta theta "
                                                 "iota kappa")
                                      .split(u' ');
        for (int i = 0; i < 80; ++i) {
            QStringList shuffled = words;
            std::rotate(shuffled.begin(), shuffled.begin() + 1 + i % 9, shuffled.end());
            std::swap(shuffled[i % 10], shuffled[(i * 7 + 3) % 10]);
            memory.add(entry("en", "fr", shuffled.join(u' ') + QString(i % 4 + 1, u'!'),
                             QStringLiteral("reordered %1").arg(i)));
        }
        QStringList near = words;
        near[9] = QStringLiteral("lambda");
        memory.add(entry("en", "fr", near.join(u' '), QStringLiteral("near")));
        matches = memory.lookup(QStringLiteral("en"), QStringLiteral("fr"), words.join(u' '));
        QVERIFY(!matches.isEmpty());
        QCOMPARE(matches[0].entry.target, QStringLiteral("near"));
        QCOMPARE(matches[0].percent, 90);
    }

    void hostileTmxIsRefused_data() {
        QTest::addColumn<QByteArray>("tmx");
        QTest::addColumn<QString>("message");
        QTest::newRow("XXE")
            << QByteArray(
                   "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY x SYSTEM "
                   "\"file:///etc/passwd\">]>\n"
                   "<tmx version=\"1.4\"><body><tu><tuv xml:lang=\"en\"><seg>&x;</seg></tuv></tu>"
                   "</body></tmx>")
            << QStringLiteral("a.tmx: line 2: a DOCTYPE with declarations is not allowed");
        QTest::newRow("billion laughs")
            << QByteArray("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                          "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">]>\n<tmx>&lol2;</tmx>")
            << QStringLiteral("a DOCTYPE with declarations is not allowed");
        QTest::newRow("entity reference without declaration")
            << QByteArray("<tmx><body><tu><tuv xml:lang=\"en\"><seg>&x;</seg></tuv></tu></body>"
                          "</tmx>")
            << QStringLiteral("a.tmx: line 1:");
        QTest::newRow("malformed")
            << QByteArray("<tmx version=\"1.4\">\n<body>\n<tu><tuv xml:lang=\"en\"><seg>a</tuv>")
            << QStringLiteral("a.tmx: line 3:");
        QTest::newRow("not TMX") << QByteArray("<xliff version=\"1.2\"/>")
                                 << QStringLiteral("not a TMX file (its root is <xliff>)");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("a.tmx: line 1:");
        QTest::newRow("tuv without language")
            << QByteArray("<tmx><body><tu><tuv><seg>a</seg></tuv></tu></body></tmx>")
            << QStringLiteral("a <tuv> without a language");
    }
    void hostileTmxIsRefused() {
        QFETCH(QByteArray, tmx);
        QFETCH(QString, message);
        const auto memory = TranslationMemory::fromTmx(tmx, QStringLiteral("a.tmx"));
        QVERIFY(!memory);
        QVERIFY2(memory.error().contains(message), qPrintable(memory.error()));
        QVERIFY2(memory.error().startsWith(QStringLiteral("a.tmx: line ")),
                 qPrintable(memory.error()));
    }

    // A real third-party reader and writer: translate-toolkit's own TMX storage (Debian's
    // translate-toolkit) loads our file with every unit, and writes one we read.
    void translateToolkit() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        TranslationMemory memory;
        memory.add(
            entry("en", "fr", QStringLiteral("Water & <health>"), QStringLiteral("Eau & <santé>")));
        memory.add(entry("en", "fr", QStringLiteral("Education"), QStringLiteral("Éducation")));
        const QString ours = dir.filePath(QStringLiteral("ours.tmx"));
        QFile file(ours);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(memory.toTmx());
        file.close();
        const QString theirs = dir.filePath(QStringLiteral("theirs.tmx"));
        const QString script = QStringLiteral(R"(
import sys
try:
    from translate.storage import tmx
except ImportError:
    print("SKIP"); sys.exit(0)
store = tmx.tmxfile.parsefile(sys.argv[1])
for unit in store.units:
    print(unit.source + "\t" + unit.target)
out = tmx.tmxfile(sourcelanguage="en", targetlanguage="ru")
out.addtranslation("Council meets", "en", "Совет собирается", "ru")
with open(sys.argv[2], "wb") as f:
    out.serialize(f)
)");
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral("-c"), script, ours, theirs});
        if (!python.waitForStarted())
            QSKIP("SKIPPED: /usr/bin/python3 is not installed");
        QVERIFY(python.waitForFinished(60000));
        const QString output = QString::fromUtf8(python.readAllStandardOutput());
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        if (output.trimmed() == u"SKIP")
            QSKIP("SKIPPED: translate-toolkit (Debian package translate-toolkit) is not installed");
        QCOMPARE(output, QStringLiteral("Water & <health>\tEau & <santé>\nEducation\tÉducation\n"));
        QFile written(theirs);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const auto read = TranslationMemory::fromTmx(written.readAll(), theirs);
        QVERIFY2(read, qPrintable(read.error()));
        QCOMPARE(read->size(), 1);
        QCOMPARE(read->entries()[0].source, QStringLiteral("Council meets"));
        QCOMPARE(read->entries()[0].target, QStringLiteral("Совет собирается"));
        QCOMPARE(read->entries()[0].targetLanguage, QStringLiteral("ru"));
    }

    // The paragraphs of real pages and their real translations: every English paragraph
    // finds its own translation at 100%, and a paragraph with one word less still finds
    // it, fuzzy.
    void realParallelPages() {
        const QString content =
            QStringLiteral(COPYDESK_CORPORA_DIR) + QStringLiteral("/hugo-multilingual/content");
        if (!QFileInfo(content + QStringLiteral("/en")).isDir())
            QSKIP(qPrintable(QStringLiteral("SKIPPED: no corpora at %1 (set the CMake cache "
                                            "variable COPYDESK_CORPORA_DIR)")
                                 .arg(content)));
        TranslationMemory memory;
        QList<std::pair<QString, QString>> pairs;
        for (const char* language : {"fr", "es", "zh"}) {
            QDirIterator it(content + u'/' + QLatin1String(language), {QStringLiteral("*.md")},
                            QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                const QString relative =
                    QDir(content + u'/' + QLatin1String(language)).relativeFilePath(path);
                const QList<Segment> source =
                    blocks(bodyOf(content + QStringLiteral("/en/") + relative));
                const QList<Segment> target = blocks(bodyOf(path));
                // Pages whose paragraphs line up one to one (the same count).
                if (source.isEmpty() || source.size() != target.size())
                    continue;
                for (qsizetype i = 0; i < source.size(); ++i) {
                    memory.add(MemoryEntry{QStringLiteral("en"),
                                           QLatin1String(language),
                                           source[i].text,
                                           target[i].text,
                                           relative,
                                           {}});
                    if (QLatin1String(language) == QLatin1String("fr"))
                        pairs.append({source[i].text, target[i].text});
                }
            }
        }
        QVERIFY2(pairs.size() > 50, qPrintable(QString::number(pairs.size())));
        int fuzzyFound = 0;
        int fuzzyTried = 0;
        for (const auto& [english, french] : std::as_const(pairs)) {
            const QList<MemoryMatch> exact =
                memory.lookup(QStringLiteral("en"), QStringLiteral("fr"), english, 100, 10);
            QVERIFY2(!exact.isEmpty(), qPrintable(english));
            QVERIFY(std::any_of(exact.begin(), exact.end(),
                                [&](const MemoryMatch& m) { return m.entry.target == french; }));
            // One word fewer, in a paragraph long enough to stay above 70%.
            const QStringList words = english.split(u' ');
            if (words.size() < 12)
                continue;
            ++fuzzyTried;
            QStringList shorter = words;
            shorter.removeAt(words.size() / 2);
            const QList<MemoryMatch> fuzzy = memory.lookup(
                QStringLiteral("en"), QStringLiteral("fr"), shorter.join(u' '), 70, 10);
            if (std::any_of(fuzzy.begin(), fuzzy.end(), [&](const MemoryMatch& m) {
                    return m.entry.target == french && m.percent < 100;
                }))
                ++fuzzyFound;
        }
        QVERIFY(fuzzyTried > 20);
        QCOMPARE(fuzzyFound, fuzzyTried);
    }

    // Only translated and reviewed segments feed the memory: a draft is no translation
    // yet, an outdated one no longer one of its source as it is.
    void entriesOfAnArticle() {
        Article a = test::articleWithTranslation(
            QStringLiteral("en"), QStringLiteral("Port reopens"),
            QStringLiteral("Ships returned on Monday.\n\nThe port had been closed for 12 days.\n"),
            QStringLiteral("fr"), QStringLiteral("Le port rouvre"),
            QStringLiteral("Les navires sont revenus lundi.\n\nLe port était fermé depuis 12 "
                           "jours.\n"));
        a.id = QUuid::createUuid();
        QVERIFY(memoryEntriesOf(a).isEmpty()); // all drafts: never recorded
        recordTranslation(a.versions[0], &a.versions[1], SegmentState::Translated);
        a.versions[0].body.replace(QStringLiteral("12 days"), QStringLiteral("14 days"));
        const QList<MemoryEntry> entries = memoryEntriesOf(a);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(memoryEntriesOf(a, QStringLiteral("fr")), entries); // the one translation
        QVERIFY(memoryEntriesOf(a, QStringLiteral("en")).isEmpty()); // the source
        QCOMPARE(entries[0].source, QStringLiteral("Port reopens"));
        QCOMPARE(entries[0].target, QStringLiteral("Le port rouvre"));
        QCOMPARE(entries[1].source, QStringLiteral("Ships returned on Monday."));
        QCOMPARE(entries[1].target, QStringLiteral("Les navires sont revenus lundi."));
        for (const MemoryEntry& e : entries) {
            QCOMPARE(e.sourceLanguage, QStringLiteral("en"));
            QCOMPARE(e.targetLanguage, QStringLiteral("fr"));
            QCOMPARE(e.article, a.id.toString(QUuid::WithoutBraces));
        }
    }

    // The memory in a library file: stored once per translation, the newer date kept,
    // languages canonical, regional forms served for the bare pair, and a failure
    // (an invalid tag, a rolled-back transaction) leaves what was stored.
    void storedInTheLibrary() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("memory.copydesk"));
        auto library = Library::open(path);
        QVERIFY2(library, qPrintable(library.error()));
        Library& lib = **library;

        MemoryEntry older = entry("en", "fr", QStringLiteral("The port reopened."),
                                  QStringLiteral("Le port a rouvert."));
        MemoryEntry newer = older;
        newer.changed = older.changed.addDays(3);
        newer.article = QStringLiteral("5f1c2e3d-4b5a-4c6d-8e7f-9a0b1c2d3e4f");
        const MemoryEntry arabic = entry("en", "ar", QStringLiteral("The port reopened."),
                                         QStringLiteral("أعيد فتح الميناء."));
        auto stored = storeMemory(lib, {newer, arabic});
        QVERIFY2(stored, qPrintable(stored.error()));
        QCOMPARE(*stored, 2);
        stored = storeMemory(lib, {older}); // the same translation, an older date
        QVERIFY2(stored, qPrintable(stored.error()));
        QCOMPARE(*stored, 0);

        // Another tool's tags: EN-US and fr-CA are stored canonical and serve en -> fr;
        // another tool's entry has no article and perhaps no date.
        MemoryEntry regional = entry("EN-US", "fr-CA", QStringLiteral("Ships returned."),
                                     QStringLiteral("Les navires sont revenus."));
        regional.article = QString();
        regional.changed = QDateTime();
        const MemoryEntry chineseTraditional = entry(
            "en", "zh-Hant", QStringLiteral("Ships returned."), QStringLiteral("船隻已返回。"));
        stored = storeMemory(lib, {regional, chineseTraditional});
        QVERIFY2(stored, qPrintable(stored.error()));
        QCOMPARE(*stored, 2);

        // Read back through a second connection to the file.
        auto reader = Library::open(path, Library::Mode::ReadOnly);
        QVERIFY2(reader, qPrintable(reader.error()));
        auto all = loadMemory(**reader);
        QVERIFY2(all, qPrintable(all.error()));
        QCOMPARE(all->size(), 4);
        QCOMPARE(all->entries()[0], newer); // the newer date and its article won
        QCOMPARE(all->entries()[2].sourceLanguage, QStringLiteral("en-US"));
        QCOMPARE(all->entries()[2].targetLanguage, QStringLiteral("fr-CA"));

        // Translating from British English finds the plain and the American entries.
        auto british = loadMemory(**reader, QStringLiteral("en-GB"), QStringLiteral("fr"));
        QVERIFY2(british, qPrintable(british.error()));
        QCOMPARE(british->size(), 2);
        QCOMPARE(british
                     ->lookup(QStringLiteral("en-GB"), QStringLiteral("fr"),
                              QStringLiteral("Ships returned."))
                     .size(),
                 1);
        auto french = loadMemory(**reader, QStringLiteral("en"), QStringLiteral("fr"));
        QVERIFY2(french, qPrintable(french.error()));
        QCOMPARE(french->size(), 2);
        const auto matches = french->lookup(QStringLiteral("en"), QStringLiteral("fr"),
                                            QStringLiteral("Ships returned."));
        QCOMPARE(matches.size(), 1);
        QCOMPARE(matches[0].percent, 100);
        QCOMPARE(matches[0].entry.target, QStringLiteral("Les navires sont revenus."));
        // zh-Hans is not zh-Hant, and zh does not take either.
        auto simplified = loadMemory(**reader, QStringLiteral("en"), QStringLiteral("zh-Hans"));
        QVERIFY2(simplified, qPrintable(simplified.error()));
        QCOMPARE(simplified->size(), 0);
        auto traditional = loadMemory(**reader, QStringLiteral("en"), QStringLiteral("zh-Hant"));
        QVERIFY2(traditional, qPrintable(traditional.error()));
        QCOMPARE(traditional->size(), 1);

        // An invalid tag anywhere in a batch: nothing of the batch is written.
        MemoryEntry bad = entry("en", "fr", QStringLiteral("A new sentence."),
                                QStringLiteral("Une nouvelle phrase."));
        bad.targetLanguage = QStringLiteral("../fr");
        const MemoryEntry good = entry("en", "es", QStringLiteral("A new sentence."),
                                       QStringLiteral("Una frase nueva."));
        stored = storeMemory(lib, {good, bad});
        QVERIFY(!stored);
        QVERIFY2(stored.error().contains(QLatin1String("../fr")), qPrintable(stored.error()));
        // A transaction that fails after storing rolls the memory back with it.
        const auto failed = lib.transaction([&]() -> Result<void> {
            const auto inner = storeMemory(lib, {good});
            if (!inner)
                return inner.failure();
            return Error{QStringLiteral("the save after it failed")};
        });
        QVERIFY(!failed);
        all = loadMemory(**reader);
        QVERIFY2(all, qPrintable(all.error()));
        QCOMPARE(all->size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestMemory)
#include "tst_memory.moc"
