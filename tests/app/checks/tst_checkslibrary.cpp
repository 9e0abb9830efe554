// The checks' operations on a library: ignoring a finding and importing with clean-up,
// each one transaction, as the CLI and the GUI call them.
#include "checks/checks.h"
#include "checks/ignore.h"
#include "checks/importcleanup.h"
#include "interchange/formats.h"
#include "interchange/interchange.h"
#include "library/library.h"
#include "spelling/speller.h"
#include "translation/versionqa.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace copydesk;
using namespace copydesk::checks;

class TestChecksLibrary final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    SpellerPool m_spellers;
    int m_count = 0;

    std::unique_ptr<Library> newLibrary() {
        auto lib = Library::open(m_dir.filePath(QStringLiteral("lib%1.copydesk").arg(++m_count)));
        if (!lib)
            qFatal("%s", qPrintable(lib.error()));
        return std::move(*lib);
    }

    QString writeFile(const QString& name, const QByteArray& content) {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    // A site's page that the site never shows (Hugo's cascade from a section, or its own
    // front matter) is not asked for a headline or text, nor a section's list page for
    // text; every other page still is.
    void sitePagesTheSiteDoesNotShow() {
        QTemporaryDir site;
        auto write = [&](const QString& relative, const QByteArray& content) {
            const QString path = site.filePath(QStringLiteral("content/") + relative);
            QDir().mkpath(QFileInfo(path).absolutePath());
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly) && file.write(content) == content.size());
        };
        write(QStringLiteral("en/_index.md"), "---\ntitle: Docs\n---\n");
        write(QStringLiteral("en/_common/_index.md"),
              "---\ncascade:\n  build:\n    render: never\n    list: never\n---\n");
        write(QStringLiteral("en/_common/deep/snippet.md"),
              "---\n_comment: included\n---\n\nA snippet.\n");
        write(QStringLiteral("en/own.md"), "+++\nheadless = true\n+++\n\nText of its own.\n");
        write(QStringLiteral("en/targeted/_index.md"),
              "---\ntitle: T\ncascade:\n- _target:\n    kind: page\n  build:\n    render: "
              "never\n---\n");
        write(QStringLiteral("en/targeted/page.md"), "---\nweight: 1\n---\n\nText.\n");
        write(QStringLiteral("en/empty.md"), "---\ntitle: Empty\n---\n");
        // What the page sets itself wins over a cascade, a nearer cascade over a farther
        // one; a cascade with Hugo's newer `target`, one of another language and a name
        // that is not a list page's hide nothing.
        write(QStringLiteral("en/a/_index.md"), "---\ntitle: A\ncascade:\n  headless: true\n---\n");
        write(QStringLiteral("en/a/own-false.md"), "---\nheadless: false\n---\n");
        write(QStringLiteral("en/a/sub/_index.md"),
              "---\ntitle: Sub\ncascade:\n  headless: false\n---\n");
        write(QStringLiteral("en/a/sub/page.md"), "---\nweight: 2\n---\n");
        write(
            QStringLiteral("en/b/_index.md"),
            "---\ntitle: B\ncascade:\n- target:\n    path: /b/hidden/**\n  headless: true\n---\n");
        write(QStringLiteral("en/b/shown.md"), "---\nweight: 3\n---\n");
        write(QStringLiteral("en/d/_index.fr.md"),
              "---\ntitle: D\ncascade:\n  headless: true\n---\n");
        write(QStringLiteral("en/d/page.md"), "---\nweight: 4\n---\n");
        write(QStringLiteral("en/h/_index.draft.md"), "---\ntitle: Not a list page\n---\n");
        auto lib = newLibrary();
        ImportOptions options;
        options.siteRoot = siteRoot(site.filePath(QStringLiteral("content")));
        const auto files = siteFiles(site.filePath(QStringLiteral("content")));
        QVERIFY2(files, qPrintable(files.error()));
        const auto ids = importIntoLibrary(*lib, *files, options);
        QVERIFY2(ids, qPrintable(ids.error()));
        QHash<QString, QStringList> found; // site path -> ids of the missing-* findings
        for (const QUuid& id : *ids) {
            const Article article = lib->article(id).value();
            const auto context = contextFromLibrary(*lib, id, nullptr);
            QVERIFY(context);
            for (const Finding& f : runChecks(article, *context)) {
                if (f.checkId == u"missing-title" || f.checkId == u"missing-body")
                    found[article.versions.front().sitePath].append(f.checkId);
            }
        }
        QCOMPARE(found.value(QStringLiteral("en/_index.md")), QStringList());
        QCOMPARE(found.value(QStringLiteral("en/_common/_index.md")), QStringList());
        QCOMPARE(found.value(QStringLiteral("en/_common/deep/snippet.md")), QStringList());
        QCOMPARE(found.value(QStringLiteral("en/own.md")), QStringList());
        // A cascade with a _target is not applied, and a page with no text is told.
        QCOMPARE(found.value(QStringLiteral("en/targeted/page.md")),
                 QStringList{QStringLiteral("missing-title")});
        QCOMPARE(found.value(QStringLiteral("en/empty.md")),
                 QStringList{QStringLiteral("missing-body")});
        const QStringList both{QStringLiteral("missing-title"), QStringLiteral("missing-body")};
        QCOMPARE(found.value(QStringLiteral("en/a/_index.md")), QStringList());
        for (const char* shown :
             {"en/a/own-false.md", "en/a/sub/page.md", "en/b/shown.md", "en/d/page.md"})
            QCOMPARE(found.value(QLatin1String(shown)), both);
        QCOMPARE(found.value(QStringLiteral("en/h/_index.draft.md")),
                 QStringList{QStringLiteral("missing-body")});
    }

    void ignore() {
        auto lib = newLibrary();
        Article a = makeArticle(QStringLiteral("en"), QStringLiteral("Forum meets in Lisbon"));
        a.versions.front().body =
            QStringLiteral("The forum met in Lisbon and the the delegates agreed on a plan.\n");
        a.versions.front().summary =
            QStringLiteral("The forum met in Lisbon to agree on a plan for rivers.");
        a.versions.front().seoDescription = QStringLiteral("The forum met in Lisbon.");
        QVERIFY(lib->save(a).ok());
        const auto context = contextFromLibrary(*lib, QUuid(), &m_spellers);
        QVERIFY(context.ok());
        const auto repeated = [](const Finding& f) {
            return f.checkId == QLatin1String("repeated-word");
        };

        auto outcome = ignoreFindings(*lib, a, *context, repeated, QStringLiteral("a quote"));
        QVERIFY2(outcome.ok(), qPrintable(outcome.error()));
        QCOMPARE(outcome->status, IgnoreOutcome::Status::Added);
        const QList<IgnoredFinding> expected{
            IgnoredFinding{QStringLiteral("repeated-word"), QStringLiteral("en"), Field::Body, 28,
                           7, QStringLiteral("the the"), QStringLiteral("a quote")}};
        QCOMPARE(outcome->added, expected);
        const auto stored = lib->setting(ignoreListSettingKey(a.id));
        QVERIFY(stored.ok());
        QCOMPARE(ignoreListFromJson(*stored), expected);

        // Again: nothing to add, nothing written.
        outcome = ignoreFindings(*lib, a, *context, repeated, QStringLiteral("twice"));
        QVERIFY(outcome.ok());
        QCOMPARE(outcome->status, IgnoreOutcome::Status::AlreadyIgnored);
        QCOMPARE(ignoreListFromJson(*lib->setting(ignoreListSettingKey(a.id))), expected);

        outcome = ignoreFindings(
            *lib, a, *context,
            [](const Finding& f) { return f.checkId == QLatin1String("truncated"); },
            QStringLiteral("none"));
        QVERIFY(outcome.ok());
        QCOMPARE(outcome->status, IgnoreOutcome::Status::NoSuchFinding);
        QCOMPARE(ignoreListFromJson(*lib->setting(ignoreListSettingKey(a.id))), expected);
    }

    // An ignore that fails in the middle (here: the write of the list, refused by a
    // trigger on a second connection) leaves the stored list as it was.
    void failedIgnoreChangesNothing() {
        auto lib = newLibrary();
        Article a = makeArticle(QStringLiteral("en"), QStringLiteral("Forum meets in Lisbon"));
        a.versions.front().body = QStringLiteral("The the forum met and and agreed.\n");
        QVERIFY(lib->save(a).ok());
        const auto context = contextFromLibrary(*lib, QUuid(), &m_spellers);
        QVERIFY(context.ok());
        const auto repeated = [](const Finding& f) {
            return f.checkId == QLatin1String("repeated-word");
        };
        {
            auto db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inject"));
            db.setDatabaseName(lib->path());
            QVERIFY(db.open());
            for (const char* when : {"INSERT", "UPDATE"}) {
                QSqlQuery q(db);
                QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER inject_%1 BEFORE %1 ON settings "
                                              "BEGIN SELECT RAISE(ABORT, 'injected'); END")
                                   .arg(QLatin1String(when))));
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("inject"));
        const auto before = lib->setting(ignoreListSettingKey(a.id));
        QVERIFY(before.ok());
        const auto outcome = ignoreFindings(*lib, a, *context, repeated, QStringLiteral("x"));
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.error().contains(QLatin1String("injected")), qPrintable(outcome.error()));
        QCOMPARE(*lib->setting(ignoreListSettingKey(a.id)), *before);
        QVERIFY(ignoreListFromJson(*before).isEmpty());
    }

    // The quotation marks of the desk are a list kept in the library, like the
    // boilerplate: the built-in one until the library has its own.
    void quotationMarksFromLibrary() {
        auto lib = newLibrary();
        auto context = contextFromLibrary(*lib, QUuid(), &m_spellers);
        QVERIFY(context.ok());
        QCOMPARE(context->quotationMarks, QStringList{QStringLiteral("es «» “” ‘’")});
        QVERIFY(
            lib->setSetting(quotationMarksSettingKey(), QStringLiteral("es “” ‘’\nfr-CH «» ‹›")));
        context = contextFromLibrary(*lib, QUuid(), &m_spellers);
        QVERIFY(context.ok());
        QCOMPARE(context->quotationMarks,
                 (QStringList{QStringLiteral("es “” ‘’"), QStringLiteral("fr-CH «» ‹›")}));
        QString pairs;
        for (const QuotePair& pair : quotationPairs(context->quotationMarks, QStringLiteral("es")))
            pairs += pair.first + pair.second;
        QCOMPARE(pairs, QStringLiteral("“”‘’"));
    }

    // The import and its clean-up are saved as two revisions of one transaction.
    void importWithCleanupSaves() {
        auto lib = newLibrary();
        const QString path = writeFile(
            QStringLiteral("talks.md"),
            "---\ntitle: Talks end in Lisbon\nlanguage: en\n---\n\n"
            "The talks ended on Friday.Delegates  went home on Saturday after a long week.\n");
        const auto imported = importWithCleanup(
            *lib, standardFormats(), {path}, ImportOptions{}, &m_spellers,
            FixRequest::of({QStringLiteral("missing-space"), QStringLiteral("double-space")}),
            translation::catalogueWithVersionChecks());
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        QCOMPARE(imported->size(), 1);
        const auto article = lib->article(imported->front().id);
        QVERIFY(article.ok());
        QCOMPARE(article->versions.front().body,
                 QStringLiteral("The talks ended on Friday. Delegates went home on Saturday "
                                "after a long week.\n"));
        const auto revisions = lib->revisions(article->id);
        QVERIFY(revisions.ok());
        QCOMPARE(revisions->size(), 2);
        QCOMPARE(revisions->at(0).kind, RevisionKind::Save);
        QCOMPARE(revisions->at(0).note,
                 QStringLiteral("cleanup: 2 fixes (missing-space, double-space)"));
        QCOMPARE(revisions->at(1).kind, RevisionKind::Import);
    }

    // A file that cannot be read: nothing of the import is saved.
    void importWithCleanupAllOrNothing() {
        auto lib = newLibrary();
        const QString good = writeFile(QStringLiteral("good.md"),
                                       "---\ntitle: Good\nlanguage: en\n---\n\nA text.\n");
        const auto imported = importWithCleanup(
            *lib, standardFormats(), {good, m_dir.filePath(QStringLiteral("missing.md"))},
            ImportOptions{}, &m_spellers, FixRequest::safeOnly(), Catalogue::builtIn());
        QVERIFY(!imported.ok());
        QVERIFY2(imported.error().contains(QStringLiteral("missing.md")),
                 qPrintable(imported.error()));
        QCOMPARE(*lib->count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestChecksLibrary)
#include "tst_checkslibrary.moc"
