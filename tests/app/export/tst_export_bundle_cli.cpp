// copydesk-cli export --format html|fragment, run as a process: several articles, a
// selection, one failure among others, ZIP archives, threads, the gate and its
// override, a read-only output folder; copydesk-cli template.
#include "article/article.h"
#include "library/library.h"
#include "support/clifixture.h"
#include "support/tinytmpfs.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace copydesk;
using namespace copydesk::test;

class TestExportBundleCli final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void severalArticles();
    void oneFailureOthersComplete();
    void selection_data();
    void selection();
    void fragmentFormat();
    void markdownOfSeveralArticles();
    void zipJobsAndForce();
    void readOnlyOutputFolder();
    void templateCommand();
    void usage_data();
    void usage();

private:
    std::unique_ptr<CliFixture> m_cli;
};

namespace {

/// Three articles: "alpha" (ready, tag world; en and fr), "beta" (draft, tag world),
/// "gamma" (ready, no tag).
bool populate(const QString& path) {
    auto library = Library::open(path);
    if (!library)
        return false;
    const auto add = [&](const QString& slug, Status status, const QStringList& tags,
                         const QStringList& languages) {
        Article article = makeArticle(languages.front(), slug + QStringLiteral(" title"));
        article.slug = slug;
        article.tags = tags;
        article.versions.front().body = QStringLiteral("Text of ") + slug + QLatin1Char('.');
        article.versions.front().summary =
            QStringLiteral("The summary of ") + slug + QLatin1Char('.');
        for (const QString& language : languages.mid(1)) {
            LanguageVersion version = article.versions.front();
            version.language = language;
            article.versions.append(version);
        }
        // Through the workflow: draft, in review, ready.
        if (!(*library)->save(article))
            return false;
        for (const Status step : {Status::InReview, Status::Ready}) {
            if (status == Status::Draft)
                break;
            article.status = step;
            for (LanguageVersion& version : article.versions)
                version.status = step;
            if (!(*library)->save(article))
                return false;
        }
        return true;
    };
    return add(QStringLiteral("alpha"), Status::Ready, {QStringLiteral("world")},
               {QStringLiteral("en"), QStringLiteral("fr")}) &&
           add(QStringLiteral("beta"), Status::Draft, {QStringLiteral("world")},
               {QStringLiteral("en")}) &&
           add(QStringLiteral("gamma"), Status::Ready, {}, {QStringLiteral("ar")});
}

} // namespace

void TestExportBundleCli::initTestCase() {
    const QString problem = prepareCliTest();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestExportBundleCli::init() {
    m_cli = std::make_unique<CliFixture>();
    QVERIFY(m_cli->isValid());
    QVERIFY(populate(m_cli->library()));
}

void TestExportBundleCli::severalArticles() {
    const QString out = m_cli->path(QStringLiteral("out"));
    const CliRun r = m_cli->run(m_cli->withLibrary(
        {QStringLiteral("export"), QStringLiteral("alpha"), QStringLiteral("gamma"),
         QStringLiteral("--format"), QStringLiteral("html"), QStringLiteral("--output"), out,
         QStringLiteral("--base-url"), QStringLiteral("https://news.example/")}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.lines(), QStringList({QDir(out).filePath(QStringLiteral("alpha")),
                                     QDir(out).filePath(QStringLiteral("gamma"))}));
    QCOMPARE(r.errLines(), QStringList{QStringLiteral("copydesk-cli: exported 2 of 2 articles")});
    QVERIFY(QFile::exists(out + QStringLiteral("/alpha/en/index.html")));
    QVERIFY(QFile::exists(out + QStringLiteral("/alpha/fr/index.html")));
    QVERIFY(QFile::exists(out + QStringLiteral("/alpha/article.json")));
    QFile page(out + QStringLiteral("/gamma/ar/index.html"));
    QVERIFY(page.open(QIODevice::ReadOnly));
    const QByteArray html = page.readAll();
    QVERIFY(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    QVERIFY(html.contains("<link rel=\"canonical\" href=\"https://news.example/gamma/ar/\">"));
}

void TestExportBundleCli::oneFailureOthersComplete() {
    const QString out = m_cli->path(QStringLiteral("out"));
    // Something that is not a bundle stands where beta's folder would go.
    QVERIFY(QDir().mkpath(out + QStringLiteral("/beta")));
    QVERIFY(!m_cli->writeFile(QStringLiteral("out/beta/mine.txt"), "mine").isEmpty());
    const CliRun r = m_cli->run(m_cli->withLibrary(
        {QStringLiteral("export"), QStringLiteral("alpha"), QStringLiteral("nosuch"),
         QStringLiteral("beta"), QStringLiteral("gamma"), QStringLiteral("--format"),
         QStringLiteral("html"), QStringLiteral("--output"), out}));
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.lines(), QStringList({QDir(out).filePath(QStringLiteral("alpha")),
                                     QDir(out).filePath(QStringLiteral("gamma"))}));
    const QStringList errors = r.errLines();
    QCOMPARE(errors.size(), 4);
    // No base URL: said once for all the articles.
    QVERIFY2(errors.at(0).contains(QStringLiteral("export.baseUrl")), qPrintable(r.err));
    QVERIFY2(errors.at(1).contains(QStringLiteral("nosuch")), qPrintable(r.err));
    QVERIFY2(errors.at(2).contains(QStringLiteral("beta")), qPrintable(r.err));
    QCOMPARE(errors.at(3), QStringLiteral("copydesk-cli: exported 2 of 4 articles (2 failed)"));
    QCOMPARE(QDir(out + QStringLiteral("/beta"))
                 .entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden),
             QStringList{QStringLiteral("mine.txt")});
    QVERIFY(QFile::exists(out + QStringLiteral("/gamma/ar/index.html")));
}

void TestExportBundleCli::selection_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("folders");
    QTest::newRow("all") << QStringList{QStringLiteral("--all")}
                         << QStringList{QStringLiteral("alpha"), QStringLiteral("beta"),
                                        QStringLiteral("gamma")};
    QTest::newRow("tag") << QStringList{QStringLiteral("--tag"), QStringLiteral("world")}
                         << QStringList{QStringLiteral("alpha"), QStringLiteral("beta")};
    QTest::newRow("status ready") << QStringList{QStringLiteral("--status"),
                                                 QStringLiteral("ready")}
                                  << QStringList{QStringLiteral("alpha"), QStringLiteral("gamma")};
    QTest::newRow("tag and status")
        << QStringList{QStringLiteral("--tag"), QStringLiteral("world"), QStringLiteral("--status"),
                       QStringLiteral("draft")}
        << QStringList{QStringLiteral("beta")};
}

void TestExportBundleCli::selection() {
    QFETCH(QStringList, args);
    QFETCH(QStringList, folders);
    const QString out = m_cli->path(QStringLiteral("out"));
    const CliRun r = m_cli->run(
        m_cli->withLibrary(QStringList{QStringLiteral("export"), QStringLiteral("--format"),
                                       QStringLiteral("html"), QStringLiteral("--output"), out} +
                           args));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QStringList written = r.lines();
    written.sort();
    QStringList expected;
    for (const QString& folder : folders)
        expected.append(QDir(out).filePath(folder));
    QCOMPARE(written, expected);
    QStringList present = QDir(out).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    present.sort();
    QCOMPARE(present, folders);
}

void TestExportBundleCli::fragmentFormat() {
    const QString out = m_cli->path(QStringLiteral("out"));
    const CliRun r = m_cli->run(m_cli->withLibrary(
        {QStringLiteral("export"), QStringLiteral("alpha"), QStringLiteral("--format"),
         QStringLiteral("fragment"), QStringLiteral("--lang"), QStringLiteral("fr"),
         QStringLiteral("--output"), out}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile fragment(out + QStringLiteral("/alpha/fr/fragment.html"));
    QVERIFY(fragment.open(QIODevice::ReadOnly));
    QCOMPARE(fragment.readAll(),
             QByteArray("<div class=\"copydesk-body\" lang=\"fr\" dir=\"ltr\">\n"
                        "<p>Text of alpha.</p>\n\n</div>\n"));
    QVERIFY(!QFile::exists(out + QStringLiteral("/alpha/en")));
}

void TestExportBundleCli::markdownOfSeveralArticles() {
    const QString out = m_cli->path(QStringLiteral("md"));
    const CliRun r =
        m_cli->run(m_cli->withLibrary({QStringLiteral("export"), QStringLiteral("alpha"),
                                       QStringLiteral("gamma"), QStringLiteral("--output"), out}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.lines(), QStringList({QDir(out).filePath(QStringLiteral("alpha.en.md")),
                                     QDir(out).filePath(QStringLiteral("alpha.fr.md")),
                                     QDir(out).filePath(QStringLiteral("gamma.ar.md"))}));
    // The export's revision changes nothing it writes: a second export is the same.
    const QString again = m_cli->path(QStringLiteral("md-again"));
    const CliRun second = m_cli->run(
        m_cli->withLibrary({QStringLiteral("export"), QStringLiteral("alpha"),
                            QStringLiteral("gamma"), QStringLiteral("--output"), again}));
    QVERIFY2(second.exitCode == 0, qPrintable(second.err));
    for (const QString& name : {QStringLiteral("alpha.en.md"), QStringLiteral("alpha.fr.md"),
                                QStringLiteral("gamma.ar.md")}) {
        QFile a(QDir(out).filePath(name));
        QFile b(QDir(again).filePath(name));
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(b.readAll(), a.readAll());
    }
}

void TestExportBundleCli::zipJobsAndForce() {
    // alpha's French version gets an image without alternative text: the gate holds it.
    {
        auto library = Library::open(m_cli->library());
        QVERIFY(library);
        QVERIFY((*library)->addMedia(
            QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
                                   "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="),
            QStringLiteral("photo.png"), QStringLiteral("image/png")));
        auto alpha = (*library)->findArticle(QStringLiteral("alpha"));
        QVERIFY(alpha);
        alpha->versions[1].body += QStringLiteral("\n\n![](media:photo.png)\n");
        QVERIFY((*library)->save(*alpha));
    }
    const QString out = m_cli->path(QStringLiteral("out"));
    const QStringList args{
        QStringLiteral("export"), QStringLiteral("--all"),    QStringLiteral("--format"),
        QStringLiteral("html"),   QStringLiteral("--zip"),    QStringLiteral("--jobs"),
        QStringLiteral("2"),      QStringLiteral("--output"), out};
    CliRun r = m_cli->run(m_cli->withLibrary(args));
    QCOMPARE(r.exitCode, 1);
    QStringList written = r.lines();
    written.sort();
    QCOMPARE(written, QStringList({QDir(out).filePath(QStringLiteral("alpha.zip")),
                                   QDir(out).filePath(QStringLiteral("beta.zip")),
                                   QDir(out).filePath(QStringLiteral("gamma.zip"))}));
    QVERIFY2(r.err.contains(QStringLiteral("Article 'alpha', version fr, paragraph 2 (line 3): "
                                           "Image without alternative text [image-alt]")),
             qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("exported 3 of 3 articles (1 without some versions)")),
             qPrintable(r.err));
    QFile zip(out + QStringLiteral("/alpha.zip"));
    QVERIFY(zip.open(QIODevice::ReadOnly));
    const QByteArray held = zip.readAll();
    zip.close();
    QVERIFY(held.contains("alpha/en/index.html"));
    QVERIFY(!held.contains("alpha/fr/index.html"));

    // --force lets it out, findings still said; the others are current and left alone.
    r = m_cli->run(m_cli->withLibrary(args + QStringList{QStringLiteral("--force")}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("[image-alt]")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("(2 unchanged, not written again)")), qPrintable(r.err));
    QVERIFY(zip.open(QIODevice::ReadOnly));
    QVERIFY(zip.readAll().contains("alpha/fr/index.html"));

    // --jobs takes a number from 1 to 256.
    for (const QString& bad : {QStringLiteral("0"), QStringLiteral("x"), QStringLiteral("999")}) {
        r = m_cli->run(
            m_cli->withLibrary({QStringLiteral("export"), QStringLiteral("alpha"),
                                QStringLiteral("--format"), QStringLiteral("html"),
                                QStringLiteral("--jobs"), bad, QStringLiteral("--output"), out}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--jobs: '%1' is not a number").arg(bad)),
                 qPrintable(r.err));
    }
}

void TestExportBundleCli::readOnlyOutputFolder() {
    TinyTmpfs disk("4m");
    if (!disk.isMounted())
        QSKIP(qPrintable(disk.reason()));
    const QString out = disk.filePath(QStringLiteral("out"));
    CliRun r = m_cli->run(m_cli->withLibrary({QStringLiteral("export"), QStringLiteral("alpha"),
                                              QStringLiteral("--format"), QStringLiteral("html"),
                                              QStringLiteral("--output"), out}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile page(out + QStringLiteral("/alpha/en/index.html"));
    QVERIFY(page.open(QIODevice::ReadOnly));
    const QByteArray before = page.readAll();
    page.close();
    const auto revisionCount = [this]() -> qsizetype {
        auto library = Library::open(m_cli->library(), Library::Mode::ReadOnly);
        if (!library)
            return -1;
        const auto alpha = (*library)->findArticle(QStringLiteral("alpha"));
        const auto revisions =
            alpha ? (*library)->revisions(alpha->id) : Result<QList<RevisionInfo>>(alpha.failure());
        return revisions ? revisions->size() : -1;
    };
    const qsizetype count = revisionCount();
    QVERIFY(disk.remountReadOnly());

    r = m_cli->run(m_cli->withLibrary(
        {QStringLiteral("export"), QStringLiteral("--all"), QStringLiteral("--format"),
         QStringLiteral("html"), QStringLiteral("--rewrite"), QStringLiteral("--output"), out}));
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    // Each article says what went wrong, by name; the summary counts them all.
    for (const QString& slug :
         {QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("gamma")})
        QVERIFY2(r.err.contains(QStringLiteral("Article '%1'").arg(slug)), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("Read-only file system")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("exported 0 of 3 articles (3 failed)")),
             qPrintable(r.err));
    // The bundle written before is as it was, and no export was recorded.
    QVERIFY(page.open(QIODevice::ReadOnly));
    QCOMPARE(page.readAll(), before);
    QCOMPARE(revisionCount(), count);
}

void TestExportBundleCli::templateCommand() {
    const auto run = [this](const QStringList& args, const QByteArray& input = {}) {
        return m_cli->run(m_cli->withLibrary(QStringList{QStringLiteral("template")} + args),
                          input);
    };
    CliRun r = run({QStringLiteral("list")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.lines(), QStringList({QStringLiteral("article.mustache\tbuilt-in"),
                                     QStringLiteral("fragment.mustache\tbuilt-in"),
                                     QStringLiteral("index.mustache\tbuilt-in"),
                                     QStringLiteral("style.css\tbuilt-in")}));
    // A template with a section left open is refused, by file and line, and not stored.
    r = run({QStringLiteral("set"), QStringLiteral("fragment.mustache"), QStringLiteral("-")},
            "<div id=\"x\">\n{{#title}}\n{{{body}}}\n</div>\n");
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err.trimmed(), QStringLiteral("copydesk-cli: Template fragment.mustache, line 2: "
                                             "section \"title\" is never closed"));
    r = run({QStringLiteral("show"), QStringLiteral("fragment.mustache")});
    QVERIFY(r.out.startsWith(QStringLiteral("<div class=\"copydesk-body\"")));

    // A good one is the library's own, and the export uses it.
    r = run({QStringLiteral("set"), QStringLiteral("fragment.mustache")},
            "<section class=\"ours\" lang=\"{{lang}}\">{{{body}}}</section>\n");
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(run({QStringLiteral("list")})
                .out.contains(QStringLiteral("fragment.mustache\tlibrary's own")));
    const QString out = m_cli->path(QStringLiteral("out"));
    r = m_cli->run(m_cli->withLibrary({QStringLiteral("export"), QStringLiteral("alpha"),
                                       QStringLiteral("--format"), QStringLiteral("fragment"),
                                       QStringLiteral("--output"), out}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile fragment(out + QStringLiteral("/alpha/fr/fragment.html"));
    QVERIFY(fragment.open(QIODevice::ReadOnly));
    QCOMPARE(fragment.readAll(),
             QByteArray("<section class=\"ours\" lang=\"fr\"><p>Text of alpha.</p>\n</section>\n"));
    // Reset: the built-in one again.
    r = run({QStringLiteral("reset"), QStringLiteral("fragment.mustache")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(
        run({QStringLiteral("list")}).out.contains(QStringLiteral("fragment.mustache\tbuilt-in")));
    // Usage: an unknown file or action.
    QCOMPARE(run({QStringLiteral("show"), QStringLiteral("other.mustache")}).exitCode, 2);
    QCOMPARE(run({QStringLiteral("delete"), QStringLiteral("style.css")}).exitCode, 2);
}

void TestExportBundleCli::usage_data() {
    QTest::addColumn<QStringList>("args");
    QTest::newRow("articles and --all")
        << QStringList{QStringLiteral("export"), QStringLiteral("alpha"), QStringLiteral("--all")};
    QTest::newRow("unknown status")
        << QStringList{QStringLiteral("export"), QStringLiteral("--status"), QStringLiteral("x")};
    QTest::newRow("html to stdout") << QStringList{
        QStringLiteral("export"), QStringLiteral("alpha"),    QStringLiteral("--format"),
        QStringLiteral("html"),   QStringLiteral("--output"), QStringLiteral("-")};
    QTest::newRow("base URL for md")
        << QStringList{QStringLiteral("export"), QStringLiteral("alpha"),
                       QStringLiteral("--base-url"), QStringLiteral("https://news.example/")};
    QTest::newRow("two articles to stdout")
        << QStringList{QStringLiteral("export"), QStringLiteral("alpha"), QStringLiteral("gamma"),
                       QStringLiteral("--output"), QStringLiteral("-")};
    // FILE stands for a file that exists.
    QTest::newRow("a file as the output folder") << QStringList{
        QStringLiteral("export"), QStringLiteral("--all"),    QStringLiteral("--format"),
        QStringLiteral("html"),   QStringLiteral("--output"), QStringLiteral("FILE")};
}

void TestExportBundleCli::usage() {
    QFETCH(QStringList, args);
    const QString file = QCoreApplication::applicationFilePath();
    args.replaceInStrings(QStringLiteral("FILE"), file);
    const CliRun r = m_cli->run(m_cli->withLibrary(args));
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY(!r.err.isEmpty());
    if (args.contains(file))
        QVERIFY2(r.err.contains(QStringLiteral("is a file; give a folder")), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestExportBundleCli)
#include "tst_export_bundle_cli.moc"
