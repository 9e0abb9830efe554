#include "library/browse.h"
#include "library/library.h"
#include "schema_v1.h"
#include "support/libraryfixture.h"

#include <QCryptographicHash>
#include <QFile>
#include <QLockFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include <unistd.h>

using namespace copydesk;
using copydesk::test::sha256Of;

namespace {

QDateTime at(const char* iso) {
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs);
}

// An article with every field set, in the scripts given.
Article fullArticle(const QString& title, const QString& body) {
    Article a;
    a.id = QUuid::createUuid();
    a.slug = QStringLiteral("full-article");
    a.status = Status::Ready;
    a.created = at("2024-01-02T03:04:05.678Z");
    a.updated = at("2024-01-03T03:04:05.678Z");
    a.byline = QStringLiteral("Desk «Ω» — نشرة");
    a.dateline = {QStringLiteral("Genève"), QDate(2024, 1, 2)};
    a.tags = {QStringLiteral("oceans"), QStringLiteral("climate")};
    a.categories = {QStringLiteral("news")};
    a.featuredImage = QStringLiteral("photo.jpg");
    a.sourceLanguage = QStringLiteral("en");
    LanguageVersion en;
    en.language = QStringLiteral("en");
    en.title = title;
    en.summary = QStringLiteral("Summary line");
    en.body = body;
    en.seoTitle = QStringLiteral("SEO title");
    en.seoDescription = QStringLiteral("SEO description");
    en.status = Status::Published;
    en.created = a.created;
    en.updated = a.updated;
    LanguageVersion ar;
    ar.language = QStringLiteral("ar");
    ar.title = QStringLiteral("عنوان ") + title;
    ar.summary = QStringLiteral("ملخص الخبر");
    ar.body = QStringLiteral("## قسم\n\n") + body;
    ar.status = Status::InReview;
    ar.created = a.created;
    ar.updated = at("2024-01-03T04:00:00.000Z");
    ar.translatedFrom = QStringLiteral("en");
    ar.sourceRevision = 4'000'000'000'123LL;
    ar.sourceFingerprints = {QStringLiteral("p1:ab12"), QStringLiteral("p2:cd34")};
    a.versions = {en, ar};
    return a;
}

} // namespace

class TestLibrary final : public QObject {
    Q_OBJECT

    test::LibraryFolder m_dir;
    QString newPath() { return m_dir.newPath(); }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void roundTrip_data() {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("body");
        QTest::newRow("latin") << QStringLiteral("Summit opens")
                               << QStringLiteral("# Head\n\n- a\n- b\n");
        QTest::newRow("arabic") << QStringLiteral("افتتاح القمة العالمية")
                                << QStringLiteral("نصّ **عربي** مع تشكيل: مُحَمَّد\n");
        QTest::newRow("chinese") << QStringLiteral("峰会开幕")
                                 << QStringLiteral("人民代表出席了会议。\n| a | b |\n");
        QTest::newRow("emoji") << QStringLiteral("Ocean 🌊 day 👩🏽‍🔬")
                               << QStringLiteral("Flags 🇫🇷🇨🇳 and 🐳");
        QTest::newRow("combining") << QStringLiteral("Cafe\u0301 Ame\u0301lie")
                                   << QStringLiteral("n\u0303 a\u0308 Z\u0335\u0327");
        QTest::newRow("empty-body") << QStringLiteral("Only a title") << QString();
    }
    void roundTrip() {
        QFETCH(QString, title);
        QFETCH(QString, body);
        const QString path = newPath();
        Article a = fullArticle(title, body);
        {
            auto lib = Library::open(path);
            QVERIFY2(lib, qPrintable(lib.error()));
            auto rev = (*lib)->save(a, RevisionKind::Import);
            QVERIFY2(rev, qPrintable(rev.error()));
            QVERIFY(*rev > 0);
        }
        auto lib = Library::open(path, Library::Mode::ReadOnly);
        QVERIFY2(lib, qPrintable(lib.error()));
        auto loaded = (*lib)->article(a.id);
        QVERIFY2(loaded, qPrintable(loaded.error()));
        QCOMPARE(loaded->versions.size(), 2);
        QCOMPARE(loaded->versions[1], a.versions[1]);
        QCOMPARE(*loaded, a);
        QCOMPARE((*lib)->findArticle(a.slug)->id, a.id);
        QCOMPARE((*lib)->findArticle(a.id.toString(QUuid::WithoutBraces).left(8))->id, a.id);
        // The snapshot of the revision holds every field too.
        const auto revs = (*lib)->revisions(a.id).value();
        QCOMPARE(revs.size(), 1);
        QCOMPARE(revs[0].kind, RevisionKind::Import);
        QCOMPARE(*(*lib)->articleAtRevision(revs[0].id), a);
    }

    void saveFillsInAndUpdates() {
        auto lib = Library::open(newPath());
        QVERIFY(lib);
        Article a;
        LanguageVersion v;
        v.language = QStringLiteral("fr");
        v.title = QStringLiteral("Réunion à Genève");
        a.versions.append(v);
        QVERIFY((*lib)->save(a));
        QVERIFY(!a.id.isNull());
        QVERIFY(!a.slug.isEmpty());
        QVERIFY(a.created.isValid() && a.updated.isValid() && a.versions[0].updated.isValid());
        Article b = a;
        b.id = QUuid();
        b.slug.clear();
        QVERIFY((*lib)->save(b));
        QCOMPARE(b.slug, a.slug + QStringLiteral("-2"));
        QCOMPARE((*lib)->uniqueSlug(a.slug).value(), a.slug + QStringLiteral("-3"));
        QCOMPARE((*lib)->uniqueSlug(a.slug, a.id).value(), a.slug);
        // Removing a version and adding another.
        a.versions[0].language = QStringLiteral("es");
        QVERIFY((*lib)->save(a));
        QCOMPARE((*lib)->article(a.id)->versions.size(), 1);
        QCOMPARE((*lib)->article(a.id)->versions[0].language, QStringLiteral("es"));
        QCOMPARE((*lib)->count().value(), 2);
        QVERIFY((*lib)->remove(b.id));
        QCOMPARE((*lib)->count().value(), 1);
        QVERIFY(!(*lib)->article(b.id));
    }

    // A save writes again only the versions it changes (an export records a revision
    // of an article it did not change: its texts are not bound, converted and written
    // again); a changed order, one changed version and a changed time still land.
    void unchangedVersionsAreNotRewritten() {
        const QString path = newPath();
        Article a = fullArticle(QStringLiteral("Quai"), QStringLiteral("Texte."));
        {
            auto lib = Library::open(path);
            QVERIFY(lib);
            QVERIFY((*lib)->save(a, RevisionKind::Import));
        }
        // The test's own record of the rows written, by a trigger in the file.
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("log"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE written(language TEXT)")));
            QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER log_written AFTER UPDATE ON versions "
                                          "BEGIN INSERT INTO written VALUES (new.language); END")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("log"));
        auto lib = Library::open(path);
        QVERIFY2(lib, qPrintable(lib.error()));
        const auto written = [&path]() {
            QStringList languages;
            {
                QSqlDatabase db =
                    QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("read"));
                db.setDatabaseName(path);
                if (db.open()) {
                    QSqlQuery q(db);
                    q.exec(QStringLiteral("SELECT language FROM written"));
                    while (q.next())
                        languages.append(q.value(0).toString());
                    q.exec(QStringLiteral("DELETE FROM written"));
                }
                db.close();
            }
            QSqlDatabase::removeDatabase(QStringLiteral("read"));
            languages.sort();
            return languages;
        };
        QVERIFY((*lib)->save(a, RevisionKind::Export, QStringLiteral("exported")));
        QCOMPARE(written(), QStringList());
        QCOMPARE(*(*lib)->article(a.id), a);

        std::swap(a.versions[0], a.versions[1]);
        QVERIFY((*lib)->save(a));
        QCOMPARE(written(), QStringList({QStringLiteral("ar"), QStringLiteral("en")}));
        QCOMPARE((*lib)->article(a.id)->versions[0].language, QStringLiteral("ar"));
        a.versions[1].body = QStringLiteral("Changed.");
        QVERIFY((*lib)->save(a));
        QCOMPARE(written(), QStringList{QStringLiteral("en")});
        QCOMPARE(*(*lib)->article(a.id), a);
        a.versions[0].updated = at("2025-05-05T05:05:05.000Z");
        QVERIFY((*lib)->save(a, RevisionKind::Import));
        QCOMPARE(written(), QStringList{QStringLiteral("ar")});
        QCOMPARE((*lib)->article(a.id)->versions[0].updated, a.versions[0].updated);
    }

    void failedSaveChangesNothing() {
        const QString path = newPath();
        auto lib = Library::open(path);
        QVERIFY(lib);
        Article a = makeArticle(QStringLiteral("en"), QStringLiteral("First"));
        a.slug = QStringLiteral("taken");
        QVERIFY((*lib)->save(a));
        Article b = makeArticle(QStringLiteral("en"), QStringLiteral("Second"));
        b.slug = QStringLiteral("taken");
        const Article before = b;
        auto r = (*lib)->save(b);
        QVERIFY(!r);
        QVERIFY(r.error().contains(QStringLiteral("taken")));
        QVERIFY(!r.error().contains(QLatin1Char('\n')));
        QCOMPARE(b, before);
        QVERIFY(!(*lib)->article(b.id));
        // Two versions in one language: refused, and a batch is all or nothing.
        Article c = makeArticle(QStringLiteral("en"), QStringLiteral("Third"));
        c.versions.append(c.versions.front());
        QList<Article> batch{makeArticle(QStringLiteral("en"), QStringLiteral("Fine")), c};
        QVERIFY(!(*lib)->saveAll(batch));
        QCOMPARE((*lib)->count().value(), 1);
        QCOMPARE((*lib)->revisions(a.id).value().size(), 1);
    }

    void revisionsDiffRestore() {
        auto lib = Library::open(newPath());
        QVERIFY(lib);
        Article a = makeArticle(QStringLiteral("en"), QStringLiteral("Version one"));
        a.versions[0].body = QStringLiteral("Line A\nLine B\nLine C\n");
        const qint64 r1 = *(*lib)->save(a);
        a.versions[0].body = QStringLiteral("Line A\nLine B changed\nLine C\n");
        a.versions[0].title = QStringLiteral("Version two");
        a.tags = {QStringLiteral("health")};
        const qint64 r2 = *(*lib)->save(a, RevisionKind::Export, QStringLiteral("to folder"));
        QVERIFY(r2 > r1);
        const auto revs = (*lib)->revisions(a.id).value();
        QCOMPARE(revs.size(), 2);
        QCOMPARE(revs[0].id, r2); // newest first
        QCOMPARE(revs[0].kind, RevisionKind::Export);
        QCOMPARE(revs[0].note, QStringLiteral("to folder"));

        const Article old = *(*lib)->articleAtRevision(r1);
        const Article now = *(*lib)->articleAtRevision(r2);
        QCOMPARE(old.versions[0].title, QStringLiteral("Version one"));
        const QString diff = diffArticles(old, now, QStringLiteral("rev %1").arg(r1),
                                          QStringLiteral("rev %1").arg(r2));
        QVERIFY2(
            diff.contains(
                QStringLiteral("--- en/body (rev %1)\n+++ en/body (rev %2)\n").arg(r1).arg(r2)),
            qPrintable(diff));
        QVERIFY2(diff.contains(QStringLiteral(
                     "@@ -1,3 +1,3 @@\n Line A\n-Line B\n+Line B changed\n Line C\n")),
                 qPrintable(diff));
        QVERIFY(diff.contains(QStringLiteral("-Version one\n+Version two\n")));
        QVERIFY(diff.contains(QStringLiteral("+++ tags")));
        QVERIFY(!diff.contains(QStringLiteral("en/summary")));
        QVERIFY(diffArticles(now, now).isEmpty());

        const auto r3 = (*lib)->restore(r1);
        QVERIFY2(r3, qPrintable(r3.error()));
        QVERIFY(*r3 > r2);
        const Article restored = *(*lib)->article(a.id);
        QCOMPARE(restored.versions[0].title, QStringLiteral("Version one"));
        QCOMPARE(restored.versions[0].body, QStringLiteral("Line A\nLine B\nLine C\n"));
        QVERIFY(restored.tags.isEmpty());
        QCOMPARE((*lib)->revisions(a.id).value().front().kind, RevisionKind::Restore);
        QVERIFY(!(*lib)->restore(9999));
        // Search follows the restore.
        QCOMPARE((*lib)->search(QStringLiteral("changed"))->hits.size(), 0);
    }

    // The hunks must be exactly what diff -u prints for the same two texts.
    void diffMatchesDiffU_data() {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QString numbers;
        for (int i = 1; i <= 30; ++i)
            numbers += QString::number(i) + QLatin1Char('\n');
        QString changed = numbers;
        changed.replace(QStringLiteral("\n5\n"), QStringLiteral("\nfive\n"));
        changed.replace(QStringLiteral("\n20\n"), QStringLiteral("\n"));
        changed.replace(QStringLiteral("\n28\n"), QStringLiteral("\n28\nnew\n"));
        QTest::newRow("three-hunks") << numbers << changed;
        QTest::newRow("insert-at-start") << numbers << QStringLiteral("zero\n") + numbers;
        QTest::newRow("delete-at-end")
            << numbers << numbers.left(numbers.lastIndexOf(QStringLiteral("29\n")));
        QTest::newRow("all-different") << QStringLiteral("a\nb\n") << QStringLiteral("c\nd\ne\n");
        QTest::newRow("arabic") << QStringLiteral("سطر أول\nسطر ثان\n")
                                << QStringLiteral("سطر أول\nسطر جديد\n");
    }
    void diffMatchesDiffU() {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QTemporaryDir dir;
        auto write = [&](const char* name, const QString& text) {
            QFile f(dir.filePath(QString::fromLatin1(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text.toUtf8());
        };
        write("a", before);
        write("b", after);
        QProcess diffU;
        diffU.start(QStringLiteral("diff"),
                    {QStringLiteral("-u"), dir.filePath(QStringLiteral("a")),
                     dir.filePath(QStringLiteral("b"))});
        if (!diffU.waitForFinished(10000))
            QSKIP("diff(1) not available");
        QString expected = QString::fromUtf8(diffU.readAllStandardOutput());
        expected = expected.mid(expected.indexOf(QStringLiteral("\n@@")) + 1);
        Article x = makeArticle(QStringLiteral("en"), QStringLiteral("t"));
        Article y = x;
        x.versions[0].body = before;
        y.versions[0].body = after;
        QString ours = diffArticles(x, y);
        ours = ours.mid(ours.indexOf(QStringLiteral("\n@@")) + 1);
        // diff -u omits ",1" for one-line ranges; diffArticles always prints the count.
        auto normalise = [](QString text) {
            static const QRegularExpression range(QStringLiteral("([-+]\\d+)(?!,)( |$)"),
                                                  QRegularExpression::MultilineOption);
            QStringList lines = text.split(QLatin1Char('\n'));
            for (QString& line : lines) {
                if (line.startsWith(QStringLiteral("@@")))
                    line.replace(range, QStringLiteral("\\1,1\\2"));
            }
            return lines.join(QLatin1Char('\n'));
        };
        QCOMPARE(normalise(ours), normalise(expected));
    }

    void search_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("language");
        QTest::newRow("chinese-2") << QStringLiteral("人民") << QStringLiteral("zh-Hans");
        QTest::newRow("chinese-2b") << QStringLiteral("峰会") << QStringLiteral("zh-Hans");
        QTest::newRow("chinese-1") << QStringLiteral("湿") << QStringLiteral("zh-Hans");
        QTest::newRow("chinese-4") << QStringLiteral("恢复湿地") << QStringLiteral("zh-Hans");
        QTest::newRow("arabic-inside-word") << QStringLiteral("جفا") << QStringLiteral("ar");
        QTest::newRow("arabic-word") << QStringLiteral("الجفاف") << QStringLiteral("ar");
        QTest::newRow("latin-substring") << QStringLiteral("etland") << QStringLiteral("en");
        QTest::newRow("latin-case") << QStringLiteral("WETLANDS") << QStringLiteral("en");
        QTest::newRow("two-terms") << QStringLiteral("mangroves Dakar") << QStringLiteral("en");
        QTest::newRow("short-latin-word") << QStringLiteral("UN") << QStringLiteral("en");
        QTest::newRow("diacritics-short") << QStringLiteral("à") << QStringLiteral("fr");
        QTest::newRow("russian") << QStringLiteral("угодий") << QStringLiteral("ru");
        QTest::newRow("quote-injection") << QStringLiteral("\"mangroves\"") << QStringLiteral("en");
    }
    void search() {
        QFETCH(QString, query);
        QFETCH(QString, language);
        static std::unique_ptr<Library> lib;
        static QUuid id;
        if (!lib) {
            auto opened = Library::open(newPath());
            QVERIFY(opened);
            lib = std::move(*opened);
            Article a = makeArticle(QStringLiteral("en"), QStringLiteral("UN wetlands plan"));
            a.versions[0].body = QStringLiteral("Restore mangroves near Dakar.");
            auto add = [&](const char* lang, const QString& title, const QString& body) {
                LanguageVersion v;
                v.language = QString::fromLatin1(lang);
                v.title = title;
                v.body = body;
                a.versions.append(v);
            };
            add("zh-Hans", QStringLiteral("恢复湿地计划"),
                QStringLiteral("各国人民代表出席了峰会。"));
            add("ar", QStringLiteral("خطة"), QStringLiteral("شبكة الإنذار المبكر بالجفاف"));
            add("fr", QStringLiteral("Plan"), QStringLiteral("Réunion à Genève"));
            add("ru", QStringLiteral("План"), QStringLiteral("водно-болотных угодий"));
            QVERIFY((*lib).save(a));
            Article other = makeArticle(QStringLiteral("en"), QStringLiteral("Unrelated"));
            other.versions[0].body = QStringLiteral("Nothing to see: 人 and 民 apart, الجبل.");
            QVERIFY((*lib).save(other));
            id = a.id;
        }
        const QList<SearchHit> hits = lib->search(query)->hits;
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits[0].articleId, id);
        QCOMPARE(hits[0].language, language);
        ListFilter filter;
        filter.text = query;
        const auto rows = lib->list(filter).value();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].id, id);
        if (QByteArray(QTest::currentDataTag()) == "quote-injection")
            lib.reset();
    }

    void listFilters() {
        auto lib = Library::open(newPath());
        QVERIFY(lib);
        for (int i = 0; i < 12; ++i) {
            Article a = makeArticle(i % 2 ? QStringLiteral("fr") : QStringLiteral("en"),
                                    QStringLiteral("Article %1").arg(i));
            a.status = i % 3 ? Status::Draft : Status::Published;
            if (i % 4 == 0)
                a.tags = {QStringLiteral("health")};
            QVERIFY((*lib)->save(a));
            QTest::qWait(2); // distinct update times
        }
        const auto all = (*lib)->list().value();
        QCOMPARE(all.size(), 12);
        QCOMPARE(all.front().title, QStringLiteral("Article 11")); // newest first
        ListFilter f;
        f.tag = QStringLiteral("health");
        QCOMPARE((*lib)->list(f).value().size(), 3);
        f = {};
        f.status = Status::Published;
        QCOMPARE((*lib)->list(f).value().size(), 4);
        f = {};
        f.language = QStringLiteral("fr");
        QCOMPARE((*lib)->list(f).value().size(), 6);
        f = {};
        f.limit = 5;
        f.offset = 10;
        QCOMPARE((*lib)->list(f).value().size(), 2);
        QCOMPARE((*lib)->list(f).value().back().title, QStringLiteral("Article 0"));
    }

    // Title order is the root collation's, in every script, through an index: accents
    // and case do not put "École" after "Zurich", numbers count, a retitled article
    // moves, and the browser pages through the same order.
    void titleSortCollates() {
        auto lib = Library::open(newPath());
        QVERIFY(lib);
        const QStringList titles{QStringLiteral("Zurich talks"), QStringLiteral("école ouverte"),
                                 QStringLiteral("Item 10"),      QStringLiteral("Item 2"),
                                 QStringLiteral("apple"),        QStringLiteral("Édition"),
                                 QStringLiteral("Banana")};
        QList<QUuid> ids;
        for (const QString& title : titles) {
            Article a = makeArticle(QStringLiteral("en"), title);
            QVERIFY((*lib)->save(a));
            ids.append(a.id);
        }
        const auto titlesOf = [](const QList<ArticleSummary>& rows) {
            QStringList out;
            for (const ArticleSummary& row : rows)
                out.append(row.title);
            return out;
        };
        ListFilter f;
        f.sort = ListSort::Title;
        f.descending = false;
        const QStringList expected{QStringLiteral("apple"),         QStringLiteral("Banana"),
                                   QStringLiteral("école ouverte"), QStringLiteral("Édition"),
                                   QStringLiteral("Item 2"),        QStringLiteral("Item 10"),
                                   QStringLiteral("Zurich talks")};
        QCOMPARE(titlesOf((*lib)->list(f).value()), expected);
        f.descending = true;
        QStringList reversed = expected;
        std::reverse(reversed.begin(), reversed.end());
        QCOMPARE(titlesOf((*lib)->list(f).value()), reversed);

        // A new title moves the article; so does a new source language.
        Article zurich = *(*lib)->article(ids[0]);
        zurich.versions[0].title = QStringLiteral("Accord de Zurich");
        QVERIFY((*lib)->save(zurich));
        f.descending = false;
        QCOMPARE(titlesOf((*lib)->list(f).value()).front(), QStringLiteral("Accord de Zurich"));

        // The browser: two pages of three, then the rest, in the list's order.
        auto reader = BrowseReader::open(**lib);
        QVERIFY2(reader, qPrintable(reader.error()));
        QStringList paged;
        std::optional<BrowseCursor> after;
        for (int page = 0; page < 3; ++page) {
            const auto rows = (*reader)->page({}, BrowseOrder::Title, Qt::AscendingOrder, after, 3);
            QVERIFY2(rows, qPrintable(rows.error()));
            for (const BrowseRow& row : *rows)
                paged.append(row.title);
            if (rows->isEmpty())
                break;
            after = BrowseCursor{rows->back().sortValue, rows->back().rowId};
        }
        QCOMPARE(paged, titlesOf((*lib)->list(f).value()));
    }

    void migrationFromVersion1() {
        const QString path = newPath();
        const QString uuid = QStringLiteral("0b7d9a3e-1c2f-4e5a-8b6c-7d8e9f0a1b2c");
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode = WAL")));
            for (const QString& sql : schemaVersion1())
                QVERIFY2(q.exec(sql), qPrintable(q.lastError().text() + sql));
            QVERIFY(q.exec(
                QStringLiteral(
                    "INSERT INTO articles(uuid, slug, status, created, updated, source_language)"
                    " VALUES ('%1', 'old-summit', 'published', '2023-05-01T10:00:00.000Z',"
                    " '2023-05-02T10:00:00.000Z', 'zh-Hans')")
                    .arg(uuid)));
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO versions(article, position, language, title, body, status)"
                " VALUES (1, 0, 'zh-Hans', '旧峰会', '各国人民代表出席。', 'published')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO tags(slug) VALUES ('history')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO article_tags VALUES (1, 1, 0)")));
            QVERIFY(
                q.exec(QStringLiteral("INSERT INTO settings VALUES ('markdown.rawHtml', 'true')")));
            QVERIFY(q.exec(
                QStringLiteral(
                    "INSERT INTO revisions(article, kind, created, snapshot) VALUES (1, 'import',"
                    " '2023-05-01T10:00:00.000Z', "
                    "'{\"format\":\"copydesk-article\",\"formatVersion\":1,"
                    "\"id\":\"%1\",\"slug\":\"old-summit\",\"versions\":[{\"language\":\"zh-Hans\","
                    "\"title\":\"旧峰会\"}]}')")
                    .arg(uuid)));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));

        {
            // A reader never writes to the file, not even to upgrade it.
            const QByteArray before = sha256Of(path);
            auto ro = Library::open(path, Library::Mode::ReadOnly);
            QVERIFY(!ro);
            QCOMPARE(ro.kind(), ErrorKind::Unsupported);
            QVERIFY2(ro.error().contains(QStringLiteral("older schema")), qPrintable(ro.error()));
            QCOMPARE(sha256Of(path), before);
        }

        auto lib = Library::open(path);
        QVERIFY2(lib, qPrintable(lib.error()));
        const auto a = (*lib)->findArticle(QStringLiteral("old-summit"));
        QVERIFY2(a, qPrintable(a.error()));
        QCOMPARE(a->id, QUuid::fromString(uuid));
        QCOMPARE(a->status, Status::Published);
        QCOMPARE(a->versions[0].title, QStringLiteral("旧峰会"));
        QCOMPARE(a->tags, QStringList{QStringLiteral("history")});
        QCOMPARE((*lib)->setting(QStringLiteral("markdown.rawHtml")).value(),
                 QStringLiteral("true"));
        QCOMPARE((*lib)->revisions(a->id).value().size(), 1);
        QCOMPARE(
            (*lib)->articleAtRevision((*lib)->revisions(a->id).value()[0].id)->versions[0].title,
            QStringLiteral("旧峰会"));
        // The version-2 word index was filled from the old rows.
        QCOMPARE((*lib)->search(QStringLiteral("人民"))->hits.size(), 1);
        // Version 4: the personal dictionaries exist, empty.
        QCOMPARE((*lib)->personalWords(QStringLiteral("zh-Hans")).value(), QStringList());
        QVERIFY((*lib)->addPersonalWord(QStringLiteral("en"), QStringLiteral("Copydesk")));
        QCOMPARE((*lib)->search(QStringLiteral("峰会"))->hits.size(), 1);
        lib = Error{};
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), Library::schemaVersion());
        // Version 7 gave the old article the collation key of its title.
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM articles WHERE title_key = x''")) &&
                q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        q = QSqlQuery();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }

    void personalWords_data() {
        QTest::addColumn<QString>("word");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("name") << QStringLiteral("Tedros") << true;
        QTest::newRow("accented") << QStringLiteral("Ghebreyesus") << true;
        QTest::newRow("space") << QStringLiteral("two words") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("too long") << QString(101, QLatin1Char('a')) << false;
    }
    void personalWords() {
        QFETCH(QString, word);
        QFETCH(bool, accepted);
        const QString path = newPath();
        {
            auto lib = Library::open(path);
            QVERIFY2(lib, qPrintable(lib.error()));
            const auto added = (*lib)->addPersonalWord(QStringLiteral("fr-CA"), word);
            QCOMPARE(added.ok(), accepted);
            if (!accepted) {
                QCOMPARE(added.kind(), ErrorKind::InvalidInput);
                QCOMPARE((*lib)->personalWords(QStringLiteral("fr")).value(), QStringList());
                return;
            }
            // Twice is once.
            QVERIFY((*lib)->addPersonalWord(QStringLiteral("fr"), word));
            QVERIFY((*lib)->addPersonalWord(QStringLiteral("fr"), QStringLiteral("Abidjan")));
        }
        auto lib = Library::open(path, Library::Mode::ReadOnly);
        QVERIFY2(lib, qPrintable(lib.error()));
        // One list for the language, whatever the region; none for another language.
        QCOMPARE((*lib)->personalWords(QStringLiteral("fr-CH")).value(),
                 (QStringList{QStringLiteral("Abidjan"), word}));
        QCOMPARE((*lib)->personalWords(QStringLiteral("en")).value(), QStringList());
        const auto refused = (*lib)->addPersonalWord(QStringLiteral("fr"), QStringLiteral("x"));
        QCOMPARE(refused.kind(), ErrorKind::Locked);
        lib = Error{};
        auto writer = Library::open(path);
        QVERIFY((*writer)->removePersonalWord(QStringLiteral("FR"), QStringLiteral("Abidjan")));
        QCOMPARE((*writer)->personalWords(QStringLiteral("fr")).value(), QStringList{word});
    }

    void badFiles_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("random-bytes")
            << QStringLiteral("random") << QStringLiteral("not a Copydesk library");
        QTest::newRow("sqlite-header-then-garbage")
            << QStringLiteral("header-garbage") << QStringLiteral("");
        QTest::newRow("text-file")
            << QStringLiteral("text") << QStringLiteral("file is not a database");
        QTest::newRow("truncated") << QStringLiteral("truncated") << QStringLiteral("");
        QTest::newRow("newer-schema")
            << QStringLiteral("newer") << QStringLiteral("newer Copydesk");
        QTest::newRow("other-sqlite")
            << QStringLiteral("foreign") << QStringLiteral("another program");
    }
    void badFiles() {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        const QString path = newPath();
        if (kind == QLatin1String("random") || kind == QLatin1String("header-garbage") ||
            kind == QLatin1String("text")) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray bytes;
            if (kind == QLatin1String("text")) {
                bytes = "Dear editor,\nplease find the article below.\n";
            } else {
                if (kind == QLatin1String("header-garbage"))
                    bytes = QByteArray("SQLite format 3\0", 16);
                while (bytes.size() < 8192)
                    bytes.append(char(QRandomGenerator::global()->bounded(256)));
            }
            f.write(bytes);
        } else if (kind == QLatin1String("foreign")) {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("f"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("CREATE TABLE t(x)")));
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("f"));
        } else {
            {
                auto lib = Library::open(path);
                QVERIFY(lib);
                QList<Article> many;
                for (int i = 0; i < 300; ++i) {
                    Article a =
                        makeArticle(QStringLiteral("en"), QStringLiteral("Filler %1").arg(i));
                    a.versions[0].body = QString(2000, QLatin1Char('x')) + QString::number(i);
                    many.append(a);
                }
                QVERIFY((*lib)->saveAll(many));
                if (kind == QLatin1String("newer")) {
                    QVERIFY((*lib)->setSetting(QStringLiteral("k"), QStringLiteral("v")));
                }
            }
            if (kind == QLatin1String("newer")) {
                QSqlDatabase db =
                    QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("n"));
                db.setDatabaseName(path);
                QVERIFY(db.open());
                QVERIFY(QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 99")));
                db.close();
                db = QSqlDatabase();
                QSqlDatabase::removeDatabase(QStringLiteral("n"));
            } else {
                QFile f(path);
                QVERIFY(f.size() > 100'000);
                QVERIFY(f.resize(f.size() / 2));
            }
        }
        const QByteArray before = sha256Of(path);
        for (const auto mode : {Library::Mode::ReadWrite, Library::Mode::ReadOnly}) {
            auto lib = Library::open(path, mode);
            QVERIFY(!lib);
            QVERIFY2(lib.error().contains(path), qPrintable(lib.error()));
            QVERIFY(!lib.error().contains(QLatin1Char('\n')));
            if (!expected.isEmpty())
                QVERIFY2(lib.error().contains(expected), qPrintable(lib.error()));
            QCOMPARE(sha256Of(path), before);
        }
        QVERIFY(!QSqlDatabase::connectionNames()
                     .join(QLatin1Char(' '))
                     .contains(QStringLiteral("copydesk-library")));
    }

    void badPaths_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing-folder")
            << m_dir.filePath(QStringLiteral("nope/lib.copydesk")) << int(Library::Mode::ReadWrite)
            << QStringLiteral("does not exist");
        QTest::newRow("missing-file-readonly")
            << m_dir.filePath(QStringLiteral("absent.copydesk")) << int(Library::Mode::ReadOnly)
            << QStringLiteral("no such");
        QTest::newRow("folder") << m_dir.path() << int(Library::Mode::ReadWrite)
                                << QStringLiteral("folder");
        // Unreadable even for root (the suite runs as root in CI): a path through a file.
        QFile plain(m_dir.filePath(QStringLiteral("plain.txt")));
        if (plain.open(QIODevice::WriteOnly))
            plain.write("not a folder\n");
        plain.close();
        QTest::newRow("parent-is-file-readwrite")
            << m_dir.filePath(QStringLiteral("plain.txt/lib.copydesk"))
            << int(Library::Mode::ReadWrite) << QStringLiteral("is a file, not a folder");
        QTest::newRow("parent-is-file-readonly")
            << m_dir.filePath(QStringLiteral("plain.txt/lib.copydesk"))
            << int(Library::Mode::ReadOnly) << QStringLiteral("no such");
    }
    void badPaths() {
        QFETCH(QString, path);
        QFETCH(int, mode);
        QFETCH(QString, expected);
        auto lib = Library::open(path, Library::Mode(mode));
        QVERIFY(!lib);
        QVERIFY2(lib.error().contains(expected), qPrintable(lib.error()));
        QVERIFY(lib.error().contains(path));
        QVERIFY(!QFile::exists(path) || QFileInfo(path).isDir());
    }

    void unreadableFile() {
        if (::geteuid() == 0)
            QSKIP("root reads every file");
        const QString path = newPath();
        QVERIFY(Library::open(path));
        QFile::setPermissions(path, QFileDevice::Permissions());
        auto lib = Library::open(path, Library::Mode::ReadOnly);
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QVERIFY(!lib);
        QVERIFY(lib.error().contains(path));
    }

    void readOnlyRefusesWrites() {
        const QString path = newPath();
        { QVERIFY(Library::open(path)); }
        auto lib = Library::open(path, Library::Mode::ReadOnly);
        QVERIFY2(lib, qPrintable(lib.error()));
        Article a = makeArticle(QStringLiteral("en"), QStringLiteral("x"));
        const auto r = (*lib)->save(a);
        QVERIFY(!r);
        QVERIFY(r.error().contains(QStringLiteral("read-only")));
        QVERIFY(!(*lib)->setSetting(QStringLiteral("a"), QStringLiteral("b")));
        QVERIFY(!(*lib)->addMedia("x", QStringLiteral("x.png"), QStringLiteral("image/png")));
        // A reader does not take the write lock.
        auto writer = Library::open(path);
        QVERIFY2(writer, qPrintable(writer.error()));
        auto second = Library::open(path);
        QVERIFY(!second);
        QVERIFY(second.error().contains(QStringLiteral("open in another Copydesk process (pid %1)")
                                            .arg(QCoreApplication::applicationPid())));
    }

    void mediaSettingsTerms() {
        auto lib = Library::open(newPath());
        QVERIFY(lib);
        Library& l = **lib;
        const QByteArray png("\x89PNG\r\n\x1a\nfake", 12);
        const auto sha = l.addMedia(png, QStringLiteral("chart.png"), QStringLiteral("image/png"));
        QVERIFY(sha);
        QCOMPARE(*sha, QString::fromLatin1(
                           QCryptographicHash::hash(png, QCryptographicHash::Sha256).toHex()));
        QVERIFY(l.setMediaAltText(QStringLiteral("chart.png"), QStringLiteral("ar"),
                                  QStringLiteral("رسم بياني")));
        QVERIFY(l.setMediaAltText(QStringLiteral("chart.png"), QStringLiteral("en"),
                                  QStringLiteral("Chart")));
        QVERIFY(!l.setMediaAltText(QStringLiteral("missing.png"), QStringLiteral("en"),
                                   QStringLiteral("x")));
        // Same content under a second name shares the blob.
        QCOMPARE(*l.addMedia(png, QStringLiteral("copy.png"), QStringLiteral("image/png")), *sha);
        const auto m = l.media(QStringLiteral("chart.png"));
        QVERIFY(m);
        QCOMPARE(m->data, png);
        QCOMPARE(m->mimeType, QStringLiteral("image/png"));
        QCOMPARE(m->altText.value(QStringLiteral("ar")), QStringLiteral("رسم بياني"));
        QCOMPARE(l.mediaList().value().size(), 2);
        QVERIFY(l.removeMedia(QStringLiteral("copy.png")));
        QVERIFY(!l.media(QStringLiteral("copy.png")));
        QVERIFY(l.media(QStringLiteral("chart.png")));

        QCOMPARE(l.setting(QStringLiteral("markdown.rawHtml"), QStringLiteral("false")).value(),
                 QStringLiteral("false"));
        QVERIFY(l.setSetting(QStringLiteral("markdown.rawHtml"), QStringLiteral("true")));
        QCOMPARE(l.setting(QStringLiteral("markdown.rawHtml")).value(), QStringLiteral("true"));

        QVERIFY(l.setTagLabel(QStringLiteral("climate"), QStringLiteral("fr"),
                              QStringLiteral("Climat")));
        QVERIFY(l.setTagLabel(QStringLiteral("climate"), QStringLiteral("zh-Hans"),
                              QStringLiteral("气候")));
        QVERIFY(l.setCategoryLabel(QStringLiteral("news"), QStringLiteral("ar"),
                                   QStringLiteral("أخبار")));
        QCOMPARE(l.tags().value().size(), 1);
        QCOMPARE(l.tags().value()[0].labels.value(QStringLiteral("zh-Hans")),
                 QStringLiteral("气候"));
        QCOMPARE(l.categories().value()[0].labels.value(QStringLiteral("ar")),
                 QStringLiteral("أخبار"));
    }

    void samples() {
        const QString path = newPath();
        auto lib = Library::openOrCreateWithSamples(path, Library::Mode::ReadOnly);
        QVERIFY2(lib, qPrintable(lib.error()));
        QVERIFY((*lib)->count().value() >= 3);
        bool sixLanguages = false;
        const auto listed = (*lib)->list();
        QVERIFY(listed);
        for (const ArticleSummary& s : *listed) {
            const auto a = (*lib)->article(s.id);
            QVERIFY(a);
            sixLanguages = sixLanguages || a->versions.size() >= 6;
        }
        QVERIFY(sixLanguages);
        QVERIFY(!(*lib)->search(QStringLiteral("峰会"))->hits.isEmpty());
        QVERIFY(!(*lib)->tags().value().isEmpty());
        QVERIFY(Library::defaultPath().endsWith(QStringLiteral("/library.copydesk")));
    }

    void connectionsAreRemoved() {
        {
            auto a = Library::open(newPath());
            auto b = Library::open(newPath());
            QVERIFY(a && b);
            QCOMPARE(QSqlDatabase::connectionNames().size(), 2);
        }
        QVERIFY(QSqlDatabase::connectionNames().isEmpty());
    }

    void secondProcess() {
        const QString cli = qEnvironmentVariable("COPYDESK_CLI");
        if (cli.isEmpty())
            QSKIP("COPYDESK_CLI not set");
        const QString path = newPath();
        auto lib = Library::open(path);
        QVERIFY(lib);
        Article a = makeArticle(QStringLiteral("en"), QStringLiteral("Held open"));
        QVERIFY((*lib)->save(a));

        QProcess write;
        // Not waiting for the lock (a writing command waits 10 s by default).
        write.start(cli, {QStringLiteral("new"), QStringLiteral("--library"), path,
                          QStringLiteral("--lock-wait"), QStringLiteral("0"),
                          QStringLiteral("--title"), QStringLiteral("Blocked")});
        QVERIFY(write.waitForFinished(20000));
        QCOMPARE(write.exitCode(), 1);
        const QString error = QString::fromUtf8(write.readAllStandardError()).trimmed();
        QCOMPARE(error, QStringLiteral("copydesk-cli: library %1 is open in another Copydesk "
                                       "process (pid %2); close it or open read-only")
                            .arg(path)
                            .arg(QCoreApplication::applicationPid()));

        QProcess read;
        read.start(cli, {QStringLiteral("list"), QStringLiteral("--library"), path});
        QVERIFY(read.waitForFinished(20000));
        QCOMPARE(read.exitCode(), 0);
        QVERIFY(
            QString::fromUtf8(read.readAllStandardOutput()).contains(QStringLiteral("Held open")));

        QProcess search;
        search.start(cli, {QStringLiteral("search"), QStringLiteral("--library"), path,
                           QStringLiteral("Held")});
        QVERIFY(search.waitForFinished(20000));
        QCOMPARE(search.exitCode(), 0);

        // Once closed, the write goes through.
        lib = Error{};
        write.start(cli, {QStringLiteral("new"), QStringLiteral("--library"), path,
                          QStringLiteral("--title"), QStringLiteral("Now free")});
        QVERIFY(write.waitForFinished(20000));
        QCOMPARE(write.exitCode(), 0);
        QVERIFY(!QUuid::fromString(QString::fromUtf8(write.readAllStandardOutput()).trimmed())
                     .isNull());
    }

    void cliCommands() {
        const QString cli = qEnvironmentVariable("COPYDESK_CLI");
        if (cli.isEmpty())
            QSKIP("COPYDESK_CLI not set");
        const QString path = newPath();
        auto run = [&](QStringList args, int expectedExit) {
            args.insert(1, QStringLiteral("--library"));
            args.insert(2, path);
            QProcess p;
            p.start(cli, args);
            p.waitForFinished(20000);
            if (p.exitCode() != expectedExit)
                qWarning() << args << p.readAllStandardError();
            return std::make_pair(p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()));
        };
        QTemporaryFile body;
        QVERIFY(body.open());
        body.write("First line\nSecond line\n");
        body.close();
        auto [rc, id] = run({QStringLiteral("new"), QStringLiteral("--title"),
                             QStringLiteral("Cli test"), QStringLiteral("--tag"),
                             QStringLiteral("t1"), QStringLiteral("--body-file"), body.fileName()},
                            0);
        QCOMPARE(rc, 0);
        id = id.trimmed();
        QCOMPARE(
            run({QStringLiteral("show"), id, QStringLiteral("--format"), QStringLiteral("md")}, 0)
                .second,
            QStringLiteral("# Cli test\n\nFirst line\nSecond line\n\n"));
        QVERIFY(run({QStringLiteral("list"), QStringLiteral("--tag"), QStringLiteral("t1"),
                     QStringLiteral("--format"), QStringLiteral("json")},
                    0)
                    .second.contains(id));
        QCOMPARE(
            run({QStringLiteral("list"), QStringLiteral("--status"), QStringLiteral("bogus")}, 2)
                .first,
            2);
        QCOMPARE(run({QStringLiteral("show"), QStringLiteral("no-such-slug")}, 1).first, 1);
        const auto history = run({QStringLiteral("history"), id}, 0).second;
        const qint64 rev = history.trimmed()
                               .section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty)
                               .toLongLong();
        QVERIFY(rev > 0);
        QVERIFY(
            run({QStringLiteral("history"), id, QStringLiteral("--diff"), QString::number(rev)}, 0)
                .second.contains(QStringLiteral("+++ en/body (rev %1)").arg(rev)));
        QCOMPARE(run({QStringLiteral("restore"), id, QString::number(rev)}, 0).first, 0);
        QCOMPARE(run({QStringLiteral("restore"), id, QStringLiteral("99999")}, 1).first, 1);
        QCOMPARE(run({QStringLiteral("search"), QStringLiteral("Second")}, 0).second.count(id), 1);
    }
};

QTEST_GUILESS_MAIN(TestLibrary)
#include "tst_library.moc"
