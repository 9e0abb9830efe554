// The export gate (app/export/gate.h), batch export on every core (batch.h) and ZIP
// bundles: blocked versions named by article, version and paragraph; one article's
// failure reported while the others complete; nothing half-written left behind.
#include "article/article.h"
#include "checks/checks.h"
#include "export/batch.h"
#include "export/bundle.h"
#include "export/gate.h"
#include "library/library.h"
#include "translation/segments.h"

#include "../../support/libraryfixture.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>

using namespace copydesk;
using copydesk::test::LibraryFolder;
using copydesk::test::TinyTmpfs;

namespace {

const QByteArray kPng = QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUl"
                                               "EQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

LanguageVersion version(const QString& language, const QString& title, const QString& body) {
    LanguageVersion v;
    v.language = language;
    v.title = title;
    v.summary = title + QStringLiteral(": the summary of the day, long enough to pass.");
    v.body = body;
    v.status = Status::Ready;
    v.created = QDateTime(QDate(2026, 3, 14), QTime(8, 0), Qt::UTC);
    v.updated = QDateTime(QDate(2026, 3, 15), QTime(9, 30), Qt::UTC);
    return v;
}

Article article(const QString& slug, const QString& body = QStringLiteral("Text.\n")) {
    Article a;
    a.id = QUuid::createUuid();
    a.slug = slug;
    a.status = Status::Ready;
    a.sourceLanguage = QStringLiteral("en");
    a.created = QDateTime(QDate(2026, 3, 14), QTime(8, 0), Qt::UTC);
    a.updated = QDateTime(QDate(2026, 3, 15), QTime(9, 30), Qt::UTC);
    a.versions = {version(QStringLiteral("en"), slug + QStringLiteral(" in English"), body),
                  version(QStringLiteral("fr"), slug + QStringLiteral(" en français"), body)};
    return a;
}

/// Every entry under `folder`, hidden ones too, relative and sorted.
QStringList entriesUnder(const QString& folder) {
    QStringList entries;
    QDirIterator it(folder, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        entries.append(QDir(folder).relativeFilePath(it.next()));
    entries.sort();
    return entries;
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int revisionCount(Library& library, const QUuid& id) {
    const auto revisions = library.revisions(id);
    return revisions ? int(revisions->size()) : -1;
}

} // namespace

class TestBatch final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void gateNamesArticleVersionParagraph_data();
    void gateNamesArticleVersionParagraph();
    void gateHoldsVersionsBack();
    void gateHoldsUntranslatedAndOutdated();
    void overrideExportsEverything();
    void oneFailureOthersComplete();
    void fullDiskFailsOneArticle();
    void zipBundle();
    void zipIsDeterministicAndSkipped();
    void leftoversOfKilledExportsGo();
    void cancelStopsBetweenArticles();

private:
    BatchSummary run(const QStringList& items, const BatchOptions& options,
                     QList<BatchEvent>* events = nullptr, const QString& folder = {});

    std::unique_ptr<LibraryFolder> m_dir;
    std::unique_ptr<Library> m_library;
    QString m_output;
};

void TestBatch::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
}

void TestBatch::init() {
    m_library.reset();
    m_dir = std::make_unique<LibraryFolder>();
    auto opened = Library::open(m_dir->newPath());
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_library = std::move(*opened);
    QVERIFY(
        m_library->addMedia(kPng, QStringLiteral("photo.png"), QStringLiteral("image/png")).ok());
    m_output = m_dir->filePath(QStringLiteral("out"));
}

BatchSummary TestBatch::run(const QStringList& items, const BatchOptions& options,
                            QList<BatchEvent>* events, const QString& folder) {
    return BatchExporter::run(*m_library, items, folder.isEmpty() ? m_output : folder, options,
                              [events](const BatchEvent& event) {
                                  if (events)
                                      events->append(event);
                              });
}

void TestBatch::gateNamesArticleVersionParagraph_data() {
    QTest::addColumn<QString>("frenchBody");
    QTest::addColumn<QString>("expected");
    QTest::newRow("alt text") << QStringLiteral("One.\n\nTwo.\n\n![](media:photo.png)\n")
                              << QStringLiteral("Article 'gated', version fr, paragraph 3 (line "
                                                "5): Image without alternative text [image-alt]");
    QTest::newRow("unresolved media")
        << QStringLiteral("One.\n\n![A map](media:map.png)\n")
        << QStringLiteral("Article 'gated', version fr, paragraph 2 (line 3): media:map.png is "
                          "not in the library [unresolved-media]");
    QTest::newRow("broken anchor")
        << QStringLiteral("See [below](#budget).\n")
        << QStringLiteral("Article 'gated', version fr, paragraph 1 (line 1): The link to "
                          "#budget leads nowhere: the page has no such anchor [broken-anchor]");
    QTest::newRow("many links to one missing anchor: one finding")
        << QStringLiteral("See [a](#gone), [b](#gone) and [c](#gone).\n")
        << QStringLiteral("Article 'gated', version fr, paragraph 1 (line 1): The link to #gone "
                          "leads nowhere: the page has no such anchor (3 links) [broken-anchor]");
    QTest::newRow("the top of the page and the body element are there")
        << QStringLiteral("[Top](#) and [the text](#copydesk-body).\n") << QString();
    QTest::newRow("footnote anchor is fine")
        << QStringLiteral("See [note](#fn-1).[^1]\n\n[^1]: Note.\n") << QString();
    // Headings have the ids Hugo and GitHub give them, or the one their attribute block
    // names; the link is checked against what the page will have.
    QTest::newRow("heading anchors are fine")
        << QStringLiteral("See [the budget](#le-budget-2027-), [terms](#terms) and "
                          "[again](#notes-1).\n\n## Le budget 2027 !\n\n## Termes {#terms}\n\n"
                          "## Notes\n\n## Notes\n")
        << QString();
    QTest::newRow("an attribute block's text is no anchor")
        << QStringLiteral("See [terms](#termes-terms).\n\n## Termes {#terms}\n")
        << QStringLiteral("Article 'gated', version fr, paragraph 1 (line 1): The link to "
                          "#termes-terms leads nowhere: the page has no such anchor "
                          "[broken-anchor]");
}

void TestBatch::gateNamesArticleVersionParagraph() {
    QFETCH(QString, frenchBody);
    QFETCH(QString, expected);
    Article a = article(QStringLiteral("gated"));
    a.versions[1].body = frenchBody;
    QVERIFY(m_library->save(a, RevisionKind::Import).ok());
    const auto context = checks::contextFromLibrary(*m_library, a.id, nullptr);
    QVERIFY(context.ok());
    const auto blocks = ExportGate::check(*m_library, a, *context);
    QVERIFY2(blocks.ok(), qPrintable(blocks.error()));
    QStringList lines;
    for (const ExportGate::Block& block : *blocks)
        lines.append(ExportGate::describe(a, block));
    QVERIFY2(lines == (expected.isEmpty() ? QStringList() : QStringList{expected}),
             qPrintable(lines.join(u'\n')));
}

void TestBatch::gateHoldsVersionsBack() {
    Article a = article(QStringLiteral("partly"));
    a.versions[1].title.clear(); // fr has no title
    QVERIFY(m_library->save(a, RevisionKind::Import).ok());
    Article b = article(QStringLiteral("none"));
    b.versions[0].title.clear();
    b.versions[1].title.clear();
    QVERIFY(m_library->save(b, RevisionKind::Import).ok());
    QList<BatchEvent> events;
    const BatchSummary summary =
        run({QStringLiteral("partly"), QStringLiteral("none")}, BatchOptions{}, &events);
    QCOMPARE(summary.total, 2);
    QCOMPARE(summary.exported, 1);
    QCOMPARE(summary.failed, 2);
    QCOMPARE(events.size(), 2);
    QVERIFY2(events[0].findings.join(u'\n').contains(
                 QStringLiteral("Article 'partly', version fr, Title: ")),
             qPrintable(events[0].findings.join(u'\n')));
    QVERIFY2(events[0].problem.contains(QStringLiteral("fr not exported")),
             qPrintable(events[0].problem));
    // Only the English page went out, and it names only itself.
    QCOMPARE(entriesUnder(m_output + QStringLiteral("/partly")),
             QStringList({QStringLiteral("article.json"), QStringLiteral("en"),
                          QStringLiteral("en/index.html"), QStringLiteral("index.html")}));
    QVERIFY(
        !readAll(m_output + QStringLiteral("/partly/en/index.html")).contains("hreflang=\"fr\""));
    // Nor does article.json publish the French text held back.
    const QByteArray manifest = readAll(m_output + QStringLiteral("/partly/article.json"));
    QVERIFY(manifest.contains("partly in English"));
    QVERIFY(!manifest.contains("partly en fran"));
    QVERIFY(events[1].folder.isEmpty());
    QVERIFY(events[1].problem.contains(QStringLiteral("every version fails")));
    QVERIFY(!QFileInfo::exists(m_output + QStringLiteral("/none")));
}

void TestBatch::gateHoldsUntranslatedAndOutdated() {
    Article a = article(QStringLiteral("translated"), QStringLiteral("One.\n\nTwo.\n\nThree.\n"));
    a.versions[1].body = QStringLiteral("Un.\n\nDeux.\n\nTrois.\n");
    a.versions[1].translatedFrom = QStringLiteral("en");
    translation::recordTranslation(a.versions[0], &a.versions[1],
                                   translation::SegmentState::Translated);
    QVERIFY(m_library->save(a, RevisionKind::Import).ok());
    // (save() may give the article new versions: no reference into it is kept across.)
    LanguageVersion& en = a.versions[0];
    const auto context = checks::contextFromLibrary(*m_library, a.id, nullptr);
    QVERIFY(context.ok());
    auto blocks = ExportGate::check(*m_library, a, *context);
    QVERIFY2(blocks.ok() && blocks->isEmpty(), "a translation made from the source as it is");

    // The source changes its second paragraph and gains a fourth, and its summary.
    en.body = QStringLiteral("One.\n\nTwo, changed.\n\nThree.\n\nFour.\n");
    en.summary += QStringLiteral(" And more.");
    blocks = ExportGate::check(*m_library, a, *context);
    QVERIFY2(blocks.ok(), qPrintable(blocks.error()));
    QStringList lines;
    for (const ExportGate::Block& block : *blocks)
        lines.append(ExportGate::describe(a, block));
    const QStringList expected = {
        QStringLiteral("Article 'translated', version fr, Summary: Outdated: the en text it "
                       "was translated from has changed since [outdated-segment]"),
        QStringLiteral("Article 'translated', version fr, paragraph 2 (line 3): Outdated: the "
                       "en text it was translated from has changed since [outdated-segment]"),
        QStringLiteral("Article 'translated', version fr, paragraph 4 of the en version (line "
                       "7): Not translated from en: \u201cFour.\u201d [untranslated-segment]"),
    };
    QVERIFY2(lines == expected, qPrintable(lines.join(u'\n')));
    // The source itself is not held back, and the batch exports it alone.
    for (const ExportGate::Block& block : *blocks)
        QCOMPARE(block.language, QStringLiteral("fr"));
    QVERIFY(m_library->save(a, RevisionKind::Save).ok());
    QList<BatchEvent> events;
    const BatchSummary summary = run({QStringLiteral("translated")}, BatchOptions{}, &events);
    QCOMPARE(summary.exported, 1);
    QVERIFY2(events.value(0).problem.contains(QStringLiteral("fr not exported")),
             qPrintable(events.value(0).problem));
    QVERIFY(QFileInfo::exists(m_output + QStringLiteral("/translated/en/index.html")));
    QVERIFY(!QFileInfo::exists(m_output + QStringLiteral("/translated/fr")));

    // Recorded again as translated from the source as it is now: nothing holds it back.
    // (The new paragraph has its translation.)
    a.versions[1].body = QStringLiteral("Un.\n\nDeux, changé.\n\nTrois.\n\nQuatre.\n");
    a.versions[1].summary = a.versions[0].summary;
    translation::recordTranslation(a.versions[0], &a.versions[1],
                                   translation::SegmentState::Translated);
    blocks = ExportGate::check(*m_library, a, *context);
    QVERIFY2(blocks.ok() && blocks->isEmpty(),
             qPrintable(blocks.ok() ? ExportGate::describe(a, blocks->value(0)) : blocks.error()));

    // A paragraph deleted from the source: its translation would still be published.
    a.versions[0].body = QStringLiteral("One.\n\nThree.\n\nFour.\n");
    blocks = ExportGate::check(*m_library, a, *context);
    QVERIFY(blocks.ok());
    QCOMPARE(blocks->size(), 1);
    QCOMPARE(ExportGate::describe(a, blocks->value(0)),
             QStringLiteral("Article 'translated', version fr, paragraph 2 (line 3): Outdated: "
                            "the en text it was translated from was deleted; remove it here or "
                            "translate it again [outdated-segment]"));
    // Translated from a language the article has no version in: against its source
    // language, as the translation commands do, not let through.
    a.versions[1].translatedFrom = QStringLiteral("de");
    const auto fallback = ExportGate::check(*m_library, a, *context);
    QVERIFY(fallback.ok());
    QCOMPARE(fallback->size(), blocks->size());
}

void TestBatch::overrideExportsEverything() {
    Article a = article(QStringLiteral("partly"), QStringLiteral("![](media:photo.png)\n"));
    QVERIFY(m_library->save(a, RevisionKind::Import).ok());
    BatchOptions options;
    options.overrideGate = true;
    QList<BatchEvent> events;
    const BatchSummary summary = run({QStringLiteral("partly")}, options, &events);
    QCOMPARE(summary.exported, 1);
    QCOMPARE(summary.failed, 0);
    QCOMPARE(events.front().findings.size(), 2); // reported all the same
    QVERIFY(QFileInfo::exists(m_output + QStringLiteral("/partly/fr/index.html")));
    QVERIFY(QFileInfo::exists(m_output + QStringLiteral("/partly/en/index.html")));

    // A re-export that skips what is current (no checks, no rendering) does not take
    // the bundle written despite the checks for one that passed them: checked again,
    // both versions held back and reported.
    BatchOptions again;
    again.bundle.skipUnchanged = true;
    events.clear();
    const BatchSummary checked = run({QStringLiteral("partly")}, again, &events);
    QCOMPARE(checked.unchanged, 0);
    QCOMPARE(events.front().findings.size(), 2);
    QVERIFY(events.front().problem.contains(QStringLiteral("every version fails")));
    // A clean article is skipped without being checked: its bundle is current.
    Article b = article(QStringLiteral("clean"));
    QVERIFY(m_library->save(b, RevisionKind::Import).ok());
    QCOMPARE(run({QStringLiteral("clean")}, again).exported, 1);
    const BatchSummary skipped = run({QStringLiteral("clean")}, again);
    QCOMPARE(skipped.unchanged, 1);
}

void TestBatch::oneFailureOthersComplete() {
    QStringList items;
    QList<QUuid> ids;
    for (int i = 0; i < 12; ++i) {
        Article a = article(QStringLiteral("article-%1").arg(i));
        QVERIFY(m_library->save(a, RevisionKind::Import).ok());
        items.append(a.slug);
        ids.append(a.id);
    }
    items.insert(3, QStringLiteral("no-such-article"));
    // Someone else's folder where article-7's bundle would go: not replaced.
    QVERIFY(QDir().mkpath(m_output + QStringLiteral("/article-7")));
    QFile mine(m_output + QStringLiteral("/article-7/notes.txt"));
    QVERIFY(mine.open(QIODevice::WriteOnly));
    mine.write("mine");
    mine.close();
    // Folders that hold an article.json that is not this article's bundle manifest: a
    // file of the user's, and another article's bundle. Neither is replaced.
    const auto writeFile = [](const QString& path, const QByteArray& data) {
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
    };
    QVERIFY(writeFile(m_output + QStringLiteral("/article-9/article.json"), "{}"));
    QVERIFY(writeFile(m_output + QStringLiteral("/article-9/photos/holiday.jpg"), "jpeg"));
    QVERIFY(writeFile(m_output + QStringLiteral("/article-10/article.json"),
                      "{\"format\": \"copydesk-bundle\", \"article\": {\"id\": "
                      "\"0b7d9a3e-1c2f-4e5a-8b6c-7d8e9f0a1b2c\"}}"));
    BatchOptions options;
    options.threads = 3;
    QList<BatchEvent> events;
    const BatchSummary summary = run(items, options, &events);
    QCOMPARE(summary.total, 13);
    QCOMPARE(summary.exported, 9);
    QCOMPARE(summary.failed, 4);
    for (const qsizetype refused : {10, 11}) // article-9 and article-10
        QVERIFY2(events[refused].problem.contains(QStringLiteral("not a bundle")),
                 qPrintable(events[refused].problem));
    QCOMPARE(entriesUnder(m_output + QStringLiteral("/article-9")),
             QStringList({QStringLiteral("article.json"), QStringLiteral("photos"),
                          QStringLiteral("photos/holiday.jpg")}));
    QCOMPARE(events.size(), 13);
    for (qsizetype i = 0; i < events.size(); ++i) {
        QCOMPARE(events[i].index, i); // in the order given
        QCOMPARE(events[i].item, items[i]);
    }
    QVERIFY(events[3].problem.contains(QStringLiteral("no-such-article")));
    QVERIFY2(events[8].problem.contains(QStringLiteral("not a bundle")),
             qPrintable(events[8].problem));
    QCOMPARE(revisionCount(*m_library, ids[7]), 1); // the import only
    QCOMPARE(revisionCount(*m_library, ids[8]), 2); // and its export
    // Every other bundle is whole; no temporary folder is left.
    QStringList top =
        QDir(m_output).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    top.sort();
    QCOMPARE(top.size(), 12);
    for (const QString& name : std::as_const(top))
        QVERIFY2(!name.startsWith(QLatin1Char('.')), qPrintable(name));
    QCOMPARE(entriesUnder(m_output + QStringLiteral("/article-7")),
             QStringList{QStringLiteral("notes.txt")});
}

void TestBatch::fullDiskFailsOneArticle() {
    TinyTmpfs disk("256k");
    if (!disk.isMounted())
        QSKIP(qPrintable(disk.reason()));
    // One article carries an image larger than the disk; the others are small.
    // Incompressible, so that the ZIP does not fit either.
    QByteArray big(400 * 1024, '\0');
    QRandomGenerator random(42);
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = char(random.bounded(256));
    QVERIFY(m_library->addMedia(big, QStringLiteral("big.png"), QStringLiteral("image/png")).ok());
    QStringList items;
    for (int i = 0; i < 4; ++i) {
        Article a = article(QStringLiteral("small-%1").arg(i));
        if (i == 1)
            a = article(QStringLiteral("heavy"), QStringLiteral("![A big one](media:big.png)\n"));
        QVERIFY(m_library->save(a, RevisionKind::Import).ok());
        items.append(a.slug);
    }
    for (const bool zip : {false, true}) {
        BatchOptions options;
        if (zip)
            options.bundle.container = BundleOptions::Container::Zip;
        const QString folder = disk.filePath(zip ? QStringLiteral("zips") : QStringLiteral("out"));
        QList<BatchEvent> events;
        const BatchSummary summary = run(items, options, &events, folder);
        QCOMPARE(summary.failed, 1);
        QCOMPARE(summary.exported, 3);
        QVERIFY2(events[1].problem.contains(QStringLiteral("heavy")),
                 qPrintable(events[1].problem));
        QStringList expected;
        for (const QString& item : std::as_const(items)) {
            if (item != u"heavy")
                expected.append(zip ? item + QStringLiteral(".zip") : item);
        }
        expected.sort();
        QStringList top =
            QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        top.sort();
        QCOMPARE(top, expected);
        // Clear the small disk for the second round.
        QDir(folder).removeRecursively();
    }
}

void TestBatch::zipBundle() {
    Article a = article(QStringLiteral("zipped"), QStringLiteral("![A photo](media:photo.png)\n"));
    QVERIFY(m_library->save(a, RevisionKind::Import).ok());
    BundleOptions options;
    options.container = BundleOptions::Container::Zip;
    const auto written = BundleWriter::write(*m_library, a, m_output, options);
    QVERIFY2(written.ok(), qPrintable(written.error()));
    QCOMPARE(written->folder, QDir(m_output).filePath(QStringLiteral("zipped.zip")));
    QCOMPARE(entriesUnder(m_output), QStringList{QStringLiteral("zipped.zip")});
    QuaZip zip(written->folder);
    QVERIFY(zip.open(QuaZip::mdUnzip));
    QStringList names = zip.getFileNameList();
    names.sort();
    QCOMPARE(names.size(), 5);
    QCOMPARE(names.at(0), QStringLiteral("zipped/article.json"));
    QCOMPARE(names.at(1), QStringLiteral("zipped/en/index.html"));
    QCOMPARE(names.at(2), QStringLiteral("zipped/fr/index.html"));
    QCOMPARE(names.at(3), QStringLiteral("zipped/index.html"));
    QVERIFY(names.at(4).startsWith(QStringLiteral("zipped/media/")));
    // The same bytes as the folder bundle would hold.
    const auto bundle = BundleWriter::build(*m_library, a, options);
    QVERIFY(bundle.ok());
    for (const BundleFile& file : bundle->files) {
        QVERIFY(zip.setCurrentFile(QStringLiteral("zipped/") + file.path));
        QuaZipFile entry(&zip);
        QVERIFY(entry.open(QIODevice::ReadOnly));
        QCOMPARE(entry.readAll(), file.data);
    }
}

void TestBatch::zipIsDeterministicAndSkipped() {
    Article a = article(QStringLiteral("zipped"));
    QVERIFY(m_library->save(a, RevisionKind::Import).ok());
    BundleOptions options;
    options.container = BundleOptions::Container::Zip;
    QVERIFY(BundleWriter::write(*m_library, a, m_output, options).ok());
    const QString path = QDir(m_output).filePath(QStringLiteral("zipped.zip"));
    const QByteArray first = readAll(path);
    QTest::qWait(1100); // ZIP times have two-second steps; the entries carry none of now
    QVERIFY(BundleWriter::write(*m_library, a, m_output, options).ok());
    QCOMPARE(readAll(path), first);
    options.skipUnchanged = true;
    const int revisions = revisionCount(*m_library, a.id);
    const auto again = BundleWriter::write(*m_library, a, m_output, options);
    QVERIFY(again.ok());
    QVERIFY(again->unchanged);
    QCOMPARE(revisionCount(*m_library, a.id), revisions);
    // A damaged archive is written again.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.resize(first.size() / 2));
    file.close();
    const auto repaired = BundleWriter::write(*m_library, a, m_output, options);
    QVERIFY2(repaired.ok(), qPrintable(repaired.error()));
    QVERIFY(!repaired->unchanged);
    QCOMPARE(readAll(path), first);
}

void TestBatch::leftoversOfKilledExportsGo() {
    // What a killed export leaves: temporary folders and a ZIP's temporary file, an hour
    // old; a fresh one (another export at work), and a folder of the user's like them.
    const QDateTime old = QDateTime::currentDateTimeUtc().addSecs(-7200);
    const auto make = [&](const QString& name, bool folder, const QDateTime& when) {
        const QString path = m_output + u'/' + name;
        if (folder) {
            QVERIFY(QDir().mkpath(path + QStringLiteral("/en")));
            QFile file(path + QStringLiteral("/en/index.html"));
            QVERIFY(file.open(QIODevice::WriteOnly));
        } else {
            QDir().mkpath(m_output);
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        // Dated after what is in it: a folder's time changes with its entries.
        const QByteArray encoded = QFile::encodeName(path);
        const struct timespec times[2] = {{when.toSecsSinceEpoch(), 0},
                                          {when.toSecsSinceEpoch(), 0}};
        QCOMPARE(::utimensat(AT_FDCWD, encoded.constData(), times, 0), 0);
    };
    make(QStringLiteral(".a-1.partial-8b4564fa"), true, old);
    make(QStringLiteral(".a-1.old-1c2f"), true, old);
    make(QStringLiteral(".copydesk-k2j9x.tmp"), false, old);
    make(QStringLiteral(".a-2.partial-77aa"), true, QDateTime::currentDateTimeUtc());
    make(QStringLiteral(".my-notes"), true, old);
    Article a = article(QStringLiteral("a-1"));
    QVERIFY(m_library->save(a, RevisionKind::Import).ok());
    const BatchSummary summary = run({a.slug}, BatchOptions{});
    QCOMPARE(summary.exported, 1);
    QStringList top =
        QDir(m_output).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    top.sort();
    QCOMPARE(top, QStringList({QStringLiteral(".a-2.partial-77aa"), QStringLiteral(".my-notes"),
                               QStringLiteral("a-1")}));
}

void TestBatch::cancelStopsBetweenArticles() {
    QStringList items;
    for (int i = 0; i < 6; ++i) {
        Article a = article(QStringLiteral("c-%1").arg(i));
        QVERIFY(m_library->save(a, RevisionKind::Import).ok());
        items.append(a.slug);
    }
    int seen = 0;
    const BatchSummary summary = BatchExporter::run(
        *m_library, items, m_output, BatchOptions{}, [&seen](const BatchEvent&) { ++seen; },
        [&seen] { return seen >= 2; });
    QCOMPARE(seen, 2);
    QCOMPARE(summary.exported, 2);
    QCOMPARE(summary.cancelled, 4);
    QStringList top =
        QDir(m_output).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    top.sort();
    QCOMPARE(top, QStringList({QStringLiteral("c-0"), QStringLiteral("c-1")}));
}

QTEST_GUILESS_MAIN(TestBatch)
#include "tst_batch.moc"
