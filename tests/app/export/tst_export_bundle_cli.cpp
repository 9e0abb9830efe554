// copydesk-cli export --format html|fragment, run as a process: several articles, a
// selection, one failure among others.
#include "article/article.h"
#include "library/library.h"
#include "support/clifixture.h"

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
}

void TestExportBundleCli::usage() {
    QFETCH(QStringList, args);
    const CliRun r = m_cli->run(m_cli->withLibrary(args));
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY(!r.err.isEmpty());
}

QTEST_GUILESS_MAIN(TestExportBundleCli)
#include "tst_export_bundle_cli.moc"
