// Import into and export from a real SQLite library: round trips, merging by
// translationKey, slug collisions, revisions, and bad input leaving the library as it
// was.
#include "app/interchange/interchangetestutil.h"
#include "interchange/frontmatter.h"
#include "interchange/interchange.h"
#include "library/library.h"
#include "support/librarydump.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace copydesk;
using namespace copydesk::testing;

namespace {

std::unique_ptr<Library> openLibrary(const QString& path) {
    auto library = Library::open(path);
    if (!library) {
        qWarning("%s", qPrintable(library.error()));
        return nullptr;
    }
    return std::move(*library);
}

int countKind(const Library& library, const QUuid& id, RevisionKind kind) {
    int n = 0;
    const auto revisions = library.revisions(id);
    for (const RevisionInfo& r : revisions.value())
        n += r.kind == kind;
    return n;
}

} // namespace

class TestExportLibrary final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void roundTripThroughLibrary() {
        auto first = openLibrary(m_dir->filePath(QStringLiteral("first.copydesk")));
        QVERIFY(first);
        Article article = fullArticle();
        const auto saved = first->save(article);
        QVERIFY2(saved.ok(), qPrintable(saved.error()));
        auto stored = first->article(article.id);
        QVERIFY2(stored.ok(), qPrintable(stored.error()));

        const int exportsBefore = countKind(*first, article.id, RevisionKind::Export);
        const QString folder = m_dir->filePath(QStringLiteral("out"));
        // Recording the export revision may touch the article's timestamps; the files
        // hold the article as it was exported.
        const Article exported = *stored;
        const auto written = exportArticleToFolder(*first, *stored, folder);
        QVERIFY2(written.ok(), qPrintable(written.error()));
        QCOMPARE(written->size(), 3);
        QCOMPARE(countKind(*first, article.id, RevisionKind::Export), exportsBefore + 1);
        for (const QString& path : *written)
            QVERIFY2(QFile::exists(path), qPrintable(path));
        QCOMPARE(QFileInfo(written->at(2)).fileName(), QStringLiteral("summit-opens.zh-Hans.md"));

        // The files hold exactly what was exported.
        const auto fromFiles = importMarkdownFiles(*written);
        QVERIFY2(fromFiles.ok(), qPrintable(fromFiles.error()));
        QCOMPARE(describe(*fromFiles), describe(exported));
        QVERIFY(*fromFiles == exported);

        // A second library gets the same article.
        auto second = openLibrary(m_dir->filePath(QStringLiteral("second.copydesk")));
        QVERIFY(second);
        const auto ids = importIntoLibrary(*second, *written);
        QVERIFY2(ids.ok(), qPrintable(ids.error()));
        QCOMPARE(*ids, QList<QUuid>{article.id});
        const auto imported = second->article(article.id);
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        QCOMPARE(describe(*imported), describe(*fromFiles));
        QCOMPARE(countKind(*second, article.id, RevisionKind::Import), 1);
    }

    void translationKeyAddsVersions() {
        auto library = openLibrary(m_dir->filePath(QStringLiteral("l.copydesk")));
        QVERIFY(library);
        Article article = fullArticle();
        const LanguageVersion zh = article.versions.takeLast();
        QVERIFY(library->save(article).ok());

        // A Chinese version and a corrected Arabic one, as translators send them back.
        Article incoming = fullArticle();
        incoming.versions[1].title = QStringLiteral("عنوان مصحح");
        const QString folder = m_dir->filePath(QStringLiteral("in"));
        const auto files = writeFrontMatterFolder(
            incoming, folder, {QStringLiteral("ar"), QStringLiteral("zh-Hans")});
        QVERIFY2(files.ok(), qPrintable(files.error()));

        const auto ids = importIntoLibrary(*library, *files);
        QVERIFY2(ids.ok(), qPrintable(ids.error()));
        QCOMPARE(*ids, QList<QUuid>{article.id});
        QCOMPARE(library->count().value(), 1);
        const auto merged = library->article(article.id);
        QVERIFY(merged.ok());
        QCOMPARE(merged->versions.size(), 3);
        QCOMPARE(merged->version(u"en")->body, article.versions[0].body);
        QCOMPARE(merged->version(u"ar")->title, QStringLiteral("عنوان مصحح"));
        QCOMPARE(merged->version(u"zh-Hans")->body, zh.body);
        QCOMPARE(merged->version(u"zh-Hans")->sourceFingerprints, zh.sourceFingerprints);
        QCOMPARE(merged->slug, article.slug);
    }

    void slugCollision() {
        auto library = openLibrary(m_dir->filePath(QStringLiteral("l.copydesk")));
        QVERIFY(library);
        Article other = makeArticle(QStringLiteral("en"), QStringLiteral("Another story"));
        other.slug = QStringLiteral("clean-water");
        QVERIFY(library->save(other).ok());

        const auto ids = importIntoLibrary(
            *library, {interchangeData(QStringLiteral("hugo/water-report.en.md")),
                       interchangeData(QStringLiteral("hugo/water-report.fr.md"))});
        QVERIFY2(ids.ok(), qPrintable(ids.error()));
        QCOMPARE(ids->size(), 1);
        QCOMPARE(library->count().value(), 2);
        const auto imported = library->article(ids->front());
        QVERIFY(imported.ok());
        QCOMPARE(imported->slug, QStringLiteral("clean-water-2"));
        QCOMPARE(imported->versions.size(), 2);
        QCOMPARE(library->article(other.id)->slug, QStringLiteral("clean-water"));

        // Importing the same files again updates that article instead of adding one.
        const auto again = importIntoLibrary(
            *library, {interchangeData(QStringLiteral("hugo/water-report.fr.md"))});
        QVERIFY2(again.ok(), qPrintable(again.error()));
        QCOMPARE(*again, *ids);
        QCOMPARE(library->count().value(), 2);
    }

    void textAndHtmlIntoLibrary_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("expected");
        QTest::newRow("txt") << QStringLiteral("email.txt")
                             << QStringLiteral("Summit opens in Geneva")
                             << QStringLiteral("expected/email.md");
        QTest::newRow("word html") << QStringLiteral("word-save-as-web-page.html")
                                   << QStringLiteral("Café owners meet in Geneva")
                                   << QStringLiteral("expected/word-save-as-web-page.md");
        QTest::newRow("old web page") << QStringLiteral("old-web-page.html")
                                      << QStringLiteral("Clean water reaches 10,000 homes")
                                      << QStringLiteral("expected/old-web-page.md");
    }
    void textAndHtmlIntoLibrary() {
        QFETCH(QString, file);
        QFETCH(QString, title);
        QFETCH(QString, expected);
        auto library = openLibrary(m_dir->filePath(QStringLiteral("l.copydesk")));
        QVERIFY(library);
        const auto ids = importIntoLibrary(*library, {interchangeData(file)});
        QVERIFY2(ids.ok(), qPrintable(ids.error()));
        QCOMPARE(ids->size(), 1);
        const auto article = library->article(ids->front());
        QVERIFY(article.ok());
        QCOMPARE(article->displayTitle(), title);
        QVERIFY(!article->slug.isEmpty());
        QFile expectedFile(interchangeData(expected));
        QVERIFY(expectedFile.open(QIODevice::ReadOnly));
        QCOMPARE(article->primaryVersion()->body, QString::fromUtf8(expectedFile.readAll()));
        QCOMPARE(countKind(*library, article->id, RevisionKind::Import), 1);
    }

    void badInputLeavesLibraryUnchanged_data() {
        QTest::addColumn<QStringList>("files"); // "@name" is made by the test
        QTest::addColumn<QString>("problem");
        QTest::newRow("invalid YAML")
            << QStringList{QStringLiteral("bad/invalid-yaml.md")}
            << QStringLiteral(
                   "invalid front matter at line 4, column 8: end of sequence flow not found");
        QTest::newRow("invalid UTF-8") << QStringList{QStringLiteral("bad/invalid-utf8.txt")}
                                       << QStringLiteral("not valid UTF-8 (byte offset 17)");
        QTest::newRow("50 MB") << QStringList{QStringLiteral("@huge.html")}
                               << QStringLiteral("too large (50.0 MB; the limit is 20 MB)");
        QTest::newRow("nonexistent")
            << QStringList{QStringLiteral("@missing.md")} << QStringLiteral("no such file");
        QTest::newRow("unreadable") << QStringList{QStringLiteral("@unreadable.md")}
                                    << QStringLiteral("is a folder, not a file");
        QTest::newRow("good files, then a bad one")
            << QStringList{QStringLiteral("hugo/water-report.en.md"), QStringLiteral("email.txt"),
                           QStringLiteral("bad/invalid-utf8.md")}
            << QStringLiteral("not valid UTF-8 (byte offset 14)");
    }
    void badInputLeavesLibraryUnchanged() {
        QFETCH(QStringList, files);
        QFETCH(QString, problem);
        const QString path = m_dir->filePath(QStringLiteral("l.copydesk"));
        {
            auto library = openLibrary(path);
            QVERIFY(library);
            Article article = fullArticle();
            QVERIFY(library->save(article).ok());
        }
        QStringList paths;
        for (const QString& file : files) {
            if (!file.startsWith(QLatin1Char('@'))) {
                paths.append(interchangeData(file));
                continue;
            }
            const QString made = m_dir->filePath(file.mid(1));
            if (file == u"@huge.html") {
                QFile huge(made);
                QVERIFY(huge.open(QIODevice::WriteOnly));
                QVERIFY(huge.resize(50LL * 1024 * 1024)); // sparse
            } else if (file == u"@unreadable.md") {
                // Tests may run as root, for whom no file is unreadable; a folder is.
                QVERIFY(QDir().mkpath(made));
            }
            paths.append(made);
        }
        const QByteArray before = dumpHash(path);
        QVERIFY(!before.startsWith("cannot"));
        {
            auto library = openLibrary(path);
            QVERIFY(library);
            const auto result = importIntoLibrary(*library, paths);
            QVERIFY(!result.ok());
            QCOMPARE(result.error(), QDir::toNativeSeparators(paths.last()) + QStringLiteral(": ") +
                                         problem + QStringLiteral("; nothing was imported"));
            QCOMPARE(library->count().value(), 1);
        }
        QCOMPARE(dumpHash(path), before);
    }

    void exportOfMissingLanguageFails() {
        auto library = openLibrary(m_dir->filePath(QStringLiteral("l.copydesk")));
        QVERIFY(library);
        Article article = fullArticle();
        QVERIFY(library->save(article).ok());
        const int exportsBefore = countKind(*library, article.id, RevisionKind::Export);
        const auto written = exportArticleToFolder(
            *library, article, m_dir->filePath(QStringLiteral("o")), {QStringLiteral("de")});
        QVERIFY(!written.ok());
        QCOMPARE(
            written.error(),
            QStringLiteral("summit-opens: no version in 'de' (the article has en, ar, zh-Hans)"));
        QCOMPARE(countKind(*library, article.id, RevisionKind::Export), exportsBefore);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestExportLibrary)
#include "tst_export_library.moc"
