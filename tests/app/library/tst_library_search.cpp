// Search semantics (each term on its own merits, in Latin, Arabic, Chinese and emoji)
// and a damaged search index: said so, and rebuilt from the articles.
#include "library/library.h"
#include "support/clirun.h"
#include "support/libraryfixture.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>

using namespace copydesk;
using copydesk::test::rawExec;

namespace {

Article article(const char* slug, const char* language, const QString& title, const QString& body) {
    Article a = makeArticle(QString::fromLatin1(language), title);
    a.slug = QString::fromLatin1(slug);
    a.versions[0].body = body;
    return a;
}

QStringList slugsOf(const Library& library, const QList<SearchHit>& hits) {
    QStringList slugs;
    for (const SearchHit& hit : hits) {
        const auto a = library.article(hit.articleId);
        slugs.append(a ? a->slug : QStringLiteral("?"));
    }
    slugs.sort();
    slugs.removeDuplicates();
    return slugs;
}

} // namespace

class TestLibrarySearch final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Library> m_library;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        auto opened = Library::open(m_dir.filePath(QStringLiteral("search.copydesk")));
        QVERIFY2(opened, qPrintable(opened.error()));
        m_library = std::move(*opened);
        QList<Article> corpus{
            article("geneva", "en", QStringLiteral("Talks in Geneva"),
                    QStringLiteral("Delegates met in Geneva on Monday. 🌊 Ocean day.")),
            article("cricket", "en", QStringLiteral("Cricket innings"),
                    QStringLiteral("The innings ended early.")),
            article("arabic", "ar", QStringLiteral("القمة في جنيف"),
                    QStringLiteral("انعقدت القمة في جنيف يوم الاثنين.")),
            article("arabic-other", "ar", QStringLiteral("الطقس"),
                    QStringLiteral("أمطار غزيرة على الساحل.")),
            article("chinese", "zh-Hans", QStringLiteral("峰会在日内瓦举行"),
                    QStringLiteral("各国代表出席。")),
            article("chinese-apart", "zh-Hans", QStringLiteral("南北"),
                    QStringLiteral("往北。京都以东。")),
            article("emoji", "en", QStringLiteral("Whales"),
                    QStringLiteral("We saw a 🐳 and 🇫🇷 flags, 👩🏽‍🔬 on board.")),
        };
        QVERIFY(m_library->saveAll(corpus));
    }

    void terms_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected"); // slugs, sorted
        QTest::addColumn<QStringList>("notes");    // exactly as said
        const QStringList geneva{QStringLiteral("geneva")};
        const QStringList arabic{QStringLiteral("arabic")};
        const QStringList chinese{QStringLiteral("chinese")};
        const QStringList emoji{QStringLiteral("emoji")};
        const QStringList none;
        QTest::newRow("substring") << QStringLiteral("Genev") << geneva << QStringList{};
        QTest::newRow("case") << QStringLiteral("GENEV") << geneva << QStringList{};
        QTest::newRow("short-and-long")
            << QStringLiteral("in Genev") << geneva
            << QStringList{QStringLiteral(
                   "'in' has fewer than three characters: found as a whole word only")};
        QTest::newRow("long-and-short")
            << QStringLiteral("Genev in") << geneva
            << QStringList{QStringLiteral(
                   "'in' has fewer than three characters: found as a whole word only")};
        QTest::newRow("short-is-a-word")
            << QStringLiteral("in") << geneva
            << QStringList{QStringLiteral(
                   "'in' has fewer than three characters: found as a whole word only")};
        QTest::newRow("long-inside-word")
            << QStringLiteral("nnin") << QStringList{QStringLiteral("cricket")} << QStringList{};
        QTest::newRow("missing-term") << QStringLiteral("Genev xyzzy") << none << QStringList{};
        QTest::newRow("phrase") << QStringLiteral("\"in Geneva\"") << geneva << QStringList{};
        QTest::newRow("phrase-reversed")
            << QStringLiteral("\"Geneva in\"") << none << QStringList{};
        QTest::newRow("arabic-short-and-long")
            << QStringLiteral("في القم") << arabic
            << QStringList{QStringLiteral(
                   "'في' has fewer than three characters: found as a whole word only")};
        QTest::newRow("arabic-short")
            << QStringLiteral("في") << arabic
            << QStringList{QStringLiteral(
                   "'في' has fewer than three characters: found as a whole word only")};
        QTest::newRow("arabic-inside-word") << QStringLiteral("القم") << arabic << QStringList{};
        QTest::newRow("arabic-two-long") << QStringLiteral("جنيف انعقد") << arabic << QStringList{};
        QTest::newRow("chinese-3") << QStringLiteral("日内瓦") << chinese << QStringList{};
        QTest::newRow("chinese-2") << QStringLiteral("日内") << chinese << QStringList{};
        QTest::newRow("chinese-1") << QStringLiteral("瓦") << chinese << QStringList{};
        // A pair is found where the two characters touch, inside a word or across two
        // ("会在": 峰会 在), not across punctuation (往北。京都) or from the title into the
        // body (举行 | 各国).
        QTest::newRow("chinese-2-across-words")
            << QStringLiteral("会在") << chinese << QStringList{};
        QTest::newRow("chinese-2-apart") << QStringLiteral("北京") << none << QStringList{};
        QTest::newRow("chinese-2-title-body") << QStringLiteral("行各") << none << QStringList{};
        QTest::newRow("chinese-2-in-title")
            << QStringLiteral("南北") << QStringList{QStringLiteral("chinese-apart")}
            << QStringList{};
        QTest::newRow("chinese-two-terms")
            << QStringLiteral("峰会 代表") << chinese << QStringList{};
        QTest::newRow("chinese-and-latin")
            << QStringLiteral("峰会 Geneva") << none << QStringList{};
        QTest::newRow("emoji-alone") << QStringLiteral("🐳") << emoji << QStringList{};
        QTest::newRow("emoji-flag") << QStringLiteral("🇫🇷") << emoji << QStringList{};
        QTest::newRow("emoji-sequence")
            << QStringLiteral("👩🏽‍🔬") << emoji << QStringList{};
        QTest::newRow("emoji-other-article") << QStringLiteral("🌊") << geneva << QStringList{};
        QTest::newRow("emoji-and-word") << QStringLiteral("🐳 Whales") << emoji << QStringList{};
        QTest::newRow("emoji-and-other-word")
            << QStringLiteral("🐳 Geneva") << none << QStringList{};
        QTest::newRow("emoji-and-short")
            << QStringLiteral("on 🐳") << emoji
            << QStringList{QStringLiteral(
                   "'on' has fewer than three characters: found as a whole word only")};
        QTest::newRow("nothing-searchable") << QStringLiteral("  ") << none << QStringList{};
        // Punctuation at the edges of a term is left out (it found nothing before);
        // a term of punctuation only, and search syntax there is not, are said.
        QTest::newRow("leading-hyphen")
            << QStringLiteral("-Geneva") << geneva
            << QStringList{QStringLiteral("'-Geneva': a leading - excludes nothing; searched for "
                                          "'Geneva'")};
        QTest::newRow("trailing-hyphen") << QStringLiteral("Geneva-") << geneva << QStringList{};
        QTest::newRow("full-stop") << QStringLiteral("Geneva.") << geneva << QStringList{};
        QTest::newRow("wildcard") << QStringLiteral("Genev*") << geneva
                                  << QStringList{QStringLiteral(
                                         "'Genev*': * is not a wildcard here; searched for "
                                         "'Genev' (a term of three characters or more is found "
                                         "inside words too)")};
        QTest::newRow("apostrophe-only")
            << QStringLiteral("'") << none
            << QStringList{QStringLiteral("''' is only punctuation: left out of the search")};
        QTest::newRow("phrase-with-comma")
            << QStringLiteral("\"Geneva,\"") << geneva << QStringList{};
        QTest::newRow("phrase-in-brackets")
            << QStringLiteral("\"(in Geneva)\"") << geneva << QStringList{};
        QTest::newRow("guillemets") << QStringLiteral("«Geneva»") << geneva << QStringList{};
        QTest::newRow("inverted-question") << QStringLiteral("¿Genev?") << geneva << QStringList{};
        QTest::newRow("short-with-stop")
            << QStringLiteral("in.") << geneva
            << QStringList{QStringLiteral(
                   "'in' has fewer than three characters: found as a whole word only")};
        QTest::newRow("word-and-dots")
            << QStringLiteral("Geneva ...") << geneva
            << QStringList{QStringLiteral("'...' is only punctuation: left out of the search")};
        QTest::newRow("arabic-comma") << QStringLiteral("جنيف،") << arabic << QStringList{};
        QTest::newRow("chinese-full-stop")
            << QStringLiteral("日内瓦。") << chinese << QStringList{};
        QTest::newRow("emoji-and-bang") << QStringLiteral("🐳!") << emoji << QStringList{};
    }
    void terms() {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, notes);
        const auto found = m_library->search(query);
        QVERIFY2(found, qPrintable(found.error()));
        QCOMPARE(slugsOf(*m_library, found->hits), expected);
        QCOMPARE(found->notes, notes);
        QCOMPARE(Library::searchNotes(query), notes);
        // list --text answers the same (blank text is no filter there).
        if (query.trimmed().isEmpty())
            return;
        ListFilter filter;
        filter.text = query;
        const auto listed = m_library->list(filter);
        QVERIFY2(listed, qPrintable(listed.error()));
        QStringList slugs;
        for (const ArticleSummary& s : *listed)
            slugs.append(s.slug);
        slugs.sort();
        QCOMPARE(slugs, expected);
    }

    // copydesk-cli search and list --text say how they read a term, on stderr: a term
    // of punctuation only no longer matches nothing in silence.
    void cliNotes_data() {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QString>("found"); // a title on stdout, or nothing
        QTest::addColumn<QString>("err");
        QTest::newRow("search punctuation")
            << QStringList{QStringLiteral("search"), QStringLiteral("'")} << QString()
            << QStringLiteral("note: ''' is only punctuation: left out of the search\n");
        QTest::newRow("list punctuation")
            << QStringList{QStringLiteral("list"), QStringLiteral("--text"), QStringLiteral("'")}
            << QString()
            << QStringLiteral("note: ''' is only punctuation: left out of the search\n");
        QTest::newRow("search leading hyphen")
            << QStringList{QStringLiteral("search"), QStringLiteral("--"),
                           QStringLiteral("-Geneva")}
            << QStringLiteral("Talks in Geneva")
            << QStringLiteral("note: '-Geneva': a leading - excludes nothing; searched for "
                              "'Geneva'\n");
        QTest::newRow("list full stop")
            << QStringList{QStringLiteral("list"), QStringLiteral("--text"),
                           QStringLiteral("Geneva.")}
            << QStringLiteral("Talks in Geneva") << QString();
        // Syntax of other search engines: said how it was read (it was silent before).
        QTest::newRow("search plus")
            << QStringList{QStringLiteral("search"), QStringLiteral("+Geneva")}
            << QStringLiteral("Talks in Geneva")
            << QStringLiteral("note: '+Geneva': + is not search syntax here (every term must "
                              "occur anyway); searched for 'Geneva'\n");
        QTest::newRow("search field")
            << QStringList{QStringLiteral("search"), QStringLiteral("title:Geneva")} << QString()
            << QStringLiteral("note: 'title:Geneva': searching in one field (title:) is not "
                              "supported; searched every field for 'title:Geneva' as written\n");
        QTest::newRow("list field")
            << QStringList{QStringLiteral("list"), QStringLiteral("--text"),
                           QStringLiteral("summary:Ocean")}
            << QString()
            << QStringLiteral("note: 'summary:Ocean': searching in one field (summary:) is not "
                              "supported; searched every field for 'summary:Ocean' as written\n");
        QTest::newRow("search URL")
            << QStringList{QStringLiteral("search"), QStringLiteral("https://example.org")}
            << QString() << QString();
    }
    void cliNotes() {
        QFETCH(QStringList, command);
        QFETCH(QString, found);
        QFETCH(QString, err);
        if (test::cliPath().isEmpty())
            QSKIP("COPYDESK_CLI is not set; run through ctest");
        const test::CliRun run =
            test::runCli(QStringList{QStringLiteral("--library"), m_library->path()} + command, {},
                         m_dir.path());
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.err, err);
        if (found.isEmpty())
            QCOMPARE(run.out, QString());
        else
            QVERIFY2(run.out.contains(found), qPrintable(run.out));
    }

    // 40 zero bytes over part of one leaf page of an index: FTS5 reads the page
    // without an error and finds fewer rows, often none, and search and list --text
    // printed nothing and exited 0. "Nothing found" is now said only from a sound
    // index; a damaged one is ErrorKind::Corrupt, and the CLI says to run repair.
    // Every leaf block of either index zeroed in turn (what a torn write or a bad
    // sector does to one page): each query either answers exactly what the sound
    // library answers, says that the index is damaged, or (the known gap, see
    // detail::verifyAnswer()) gives fewer rows; never a wrong row. Before, a zeroed block
    // gave "GENÈVE" nothing and "summit" three of its four articles, with success
    // (the check ran only for an empty answer, only for terms of three characters or
    // more, and folded case for ASCII letters only).
    void zeroedLeafBlockGivesNoWrongAnswer() {
        const QString pristine = m_dir.filePath(QStringLiteral("leaf.copydesk"));
        {
            auto lib = Library::open(pristine);
            QVERIFY(lib);
            const QList<Article> articles{
                article("talks", "fr", QStringLiteral("Sommet à Genève"),
                        QStringLiteral("Le summit s'ouvre à Genève. Al Gore y parle.")),
                article("summit", "en", QStringLiteral("The summit"),
                        QStringLiteral("Delegates at the summit in Geneva (al-Quds too).")),
                article("summit-ar", "ar", QStringLiteral("القمة في جنيف"),
                        QStringLiteral("انعقدت القمة summit في جنيف.")),
                article("summit-zh", "zh-Hans", QStringLiteral("北京峰会"),
                        QStringLiteral("峰会 summit 在北京举行。Al")),
                article("other", "en", QStringLiteral("Cricket"),
                        QStringLiteral("The innings ended early.")),
            };
            // One save each, as articles are written: several segments per index.
            for (Article a : articles)
                QVERIFY((*lib)->save(a));
        }
        const QStringList queries{
            QStringLiteral("GENÈVE"),    QStringLiteral("summit"),    QStringLiteral("Al"),
            QStringLiteral("in Geneva"), QStringLiteral("al summit"), QStringLiteral("北京"),
            QStringLiteral("القمة"),     QStringLiteral("峰"),        QStringLiteral("innings")};
        const auto answers = [&](const QString& path, QString* error) {
            QStringList out;
            auto lib = Library::open(path, Library::Mode::ReadOnly);
            if (!lib) {
                *error = lib.error();
                return out;
            }
            for (const QString& query : queries) {
                const auto found = (*lib)->search(query, -1);
                ListFilter filter;
                filter.text = query;
                const auto listed = (*lib)->list(filter);
                if (!found || !listed) {
                    const auto& failed = !found ? found.failure() : listed.failure();
                    if (failed.kind != ErrorKind::Corrupt)
                        *error = failed.message;
                    out.append(QStringLiteral("damaged"));
                    continue;
                }
                QStringList slugs = slugsOf(**lib, found->hits);
                QStringList listedSlugs;
                for (const ArticleSummary& s : *listed)
                    listedSlugs.append(s.slug);
                listedSlugs.sort();
                out.append(query + QLatin1Char('=') + slugs.join(QLatin1Char(',')) +
                           QLatin1Char('/') + listedSlugs.join(QLatin1Char(',')));
            }
            return out;
        };
        QString error;
        const QStringList sound = answers(pristine, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!sound.contains(QStringLiteral("damaged")));
        QVERIFY2(sound.contains(QStringLiteral("GENÈVE=talks/talks")),
                 qPrintable(sound.join(u' ')));
        QVERIFY(sound.contains(
            QStringLiteral("summit=summit,summit-ar,summit-zh,talks/summit,summit-ar,summit-zh,"
                           "talks")));
        QVERIFY(sound.contains(QStringLiteral("Al=summit,summit-zh,talks/summit,summit-zh,talks")));

        {
            auto lib = Library::open(pristine, Library::Mode::ReadOnly);
            QVERIFY(lib);
            const auto totals = (*lib)->checkSearchIndexTotals();
            QVERIFY2(totals, qPrintable(totals.error()));
        }
        QList<std::pair<QString, qint64>> blocks;
        QVariant unused;
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("blocks"));
            db.setDatabaseName(pristine);
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const char* table : {"search_trigram_data", "search_words_data"}) {
                // 1 holds averages, 10 the segment list (zeroedIndexPageIsNoEmptyAnswer).
                QVERIFY(q.exec(
                    QStringLiteral("SELECT id FROM %1 WHERE id > 10").arg(QLatin1String(table))));
                while (q.next())
                    blocks.append({QLatin1String(table), q.value(0).toLongLong()});
            }
            q = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("blocks"));
        QVERIFY(blocks.size() >= 10);
        const QString damaged = m_dir.filePath(QStringLiteral("leaf-damaged.copydesk"));
        int detected = 0;
        int lost = 0;
        for (const auto& [table, id] : std::as_const(blocks)) {
            QFile::remove(damaged);
            QVERIFY(QFile::copy(pristine, damaged));
            QVERIFY(test::rawExec(damaged,
                                  {QStringLiteral("UPDATE %1 SET block = zeroblob(length(block)) "
                                                  "WHERE id = %2")
                                       .arg(table)
                                       .arg(id)}));
            const QStringList got = answers(damaged, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            {
                // What the window checks in the background after opening a library:
                // it finds every zeroed block, the rows search() lost among them.
                auto lib = Library::open(damaged, Library::Mode::ReadOnly);
                QVERIFY(lib);
                const auto totals = (*lib)->checkSearchIndexTotals();
                QVERIFY2(!totals && totals.kind() == ErrorKind::Corrupt,
                         qPrintable(QStringLiteral("%1 block %2 zeroed, not found: %3")
                                        .arg(table)
                                        .arg(id)
                                        .arg(totals ? QString() : totals.error())));
            }
            for (qsizetype i = 0; i < got.size(); ++i) {
                if (got[i] == QLatin1String("damaged")) {
                    ++detected;
                    continue;
                }
                if (got[i] == sound[i])
                    continue;
                // A found answer is checked row by row, so a row the damaged index
                // lost while it found others goes unnoticed by search() (the totals
                // check above finds it). A row that does not match is never given.
                const auto rows = [](const QString& answer) {
                    const QString after = answer.section(QLatin1Char('='), 1);
                    const QStringList parts =
                        after.split(QRegularExpression(QStringLiteral("[,/]")), Qt::SkipEmptyParts);
                    return QSet<QString>(parts.cbegin(), parts.cend());
                };
                QVERIFY2(rows(sound[i]).contains(rows(got[i])),
                         qPrintable(QStringLiteral("%1 block %2: %3, not %4")
                                        .arg(table)
                                        .arg(id)
                                        .arg(got[i], sound[i])));
                ++lost;
            }
        }
        QVERIFY(detected > 0);
        qInfo("zeroed leaf blocks: %d answers said damaged, %d lost a row unnoticed", detected,
              lost);
        // The CLI says it in one line, exit 1 (the hostile pass's commands).
        if (!test::cliPath().isEmpty()) {
            QFile::remove(damaged);
            QVERIFY(QFile::copy(pristine, damaged));
            QVERIFY(
                test::rawExec(damaged, {QStringLiteral("UPDATE search_words_data SET block = "
                                                       "zeroblob(length(block)) WHERE id > 10")}));
            for (const QStringList& command :
                 {QStringList{QStringLiteral("search"), QStringLiteral("Al")},
                  QStringList{QStringLiteral("list"), QStringLiteral("--text"),
                              QStringLiteral("Al")}}) {
                const test::CliRun run =
                    test::runCli(QStringList{QStringLiteral("--library"), damaged} + command, {},
                                 m_dir.path(), 20000);
                QCOMPARE(run.exitCode, 1);
                QCOMPARE(run.out, QString());
                QCOMPARE(run.errLines().size(), 1);
                QVERIFY2(run.err.contains(QStringLiteral("copydesk-cli repair")),
                         qPrintable(run.err));
            }
        }
    }

    void zeroedIndexPageIsNoEmptyAnswer() {
        const QString pristine = m_dir.filePath(QStringLiteral("zeroed.copydesk"));
        {
            // One save each, as articles are written: many small index segments.
            auto lib = Library::open(pristine);
            QVERIFY(lib);
            for (int i = 0; i < 40; ++i) {
                Article a =
                    article(qPrintable(QStringLiteral("summit-%1").arg(i)), "en",
                            QStringLiteral("Summit %1").arg(i),
                            QStringLiteral("Delegates in Geneva, day %1. ").repeated(20).arg(i));
                QVERIFY((*lib)->save(a));
            }
        }
        // Where each index keeps its list of segments (FTS5's structure record, rowid
        // 10 of TABLE_data), found by its bytes in the file; and, for the rest, every
        // 200th byte of each leaf page of both indexes.
        QList<qint64> offsets;
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("leaves"));
            db.setDatabaseName(pristine);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
            QFile file(pristine);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            for (const char* table : {"search_trigram_data", "search_words_data"}) {
                QVERIFY(q.exec(QStringLiteral("SELECT block FROM %1 WHERE id = 10")
                                   .arg(QLatin1String(table))) &&
                        q.next());
                const qsizetype at = bytes.indexOf(q.value(0).toByteArray());
                QVERIFY(at > 0);
                offsets.append(at);
            }
            QVERIFY2(q.exec(QStringLiteral(
                         "SELECT pageno FROM dbstat WHERE pagetype = 'leaf' AND name IN "
                         "('search_trigram_data', 'search_words_data') ORDER BY pageno")),
                     qPrintable(q.lastError().text()));
            while (q.next()) {
                for (qint64 offset = 0; offset < 4096 - 40; offset += 200)
                    offsets.append((q.value(0).toLongLong() - 1) * 4096 + offset);
            }
            q = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("leaves"));
        QVERIFY(offsets.size() > 40);
        const QString damaged = m_dir.filePath(QStringLiteral("zeroed-copy.copydesk"));
        // query -> the statement search() ran for it, read as it read it: what the
        // old code printed.
        const QList<std::pair<QString, QString>> queries{
            {QStringLiteral("Geneva"),
             QStringLiteral("SELECT v.id FROM versions v WHERE v.id IN (SELECT rowid FROM "
                            "search_trigram WHERE search_trigram MATCH '\"Geneva\"')")},
            {QStringLiteral("in"),
             QStringLiteral("SELECT v.id FROM versions v WHERE v.id IN (SELECT rowid FROM "
                            "search_words WHERE search_words MATCH '\"in\"')")}};
        const auto oldAnswerWasEmpty = [](const QString& path, const QString& sql) {
            bool empty = false;
            {
                QSqlDatabase db =
                    QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
                db.setDatabaseName(path);
                db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
                if (db.open()) {
                    QSqlQuery q(db);
                    if (q.exec(sql)) {
                        int rows = 0;
                        while (q.next())
                            ++rows;
                        empty = rows == 0 && !q.lastError().isValid();
                    }
                }
                db.close();
            }
            QSqlDatabase::removeDatabase(QStringLiteral("old"));
            return empty;
        };
        int emptyBefore = 0;
        bool cliChecked = false;
        for (const qint64 at : std::as_const(offsets)) {
            {
                QFile::remove(damaged);
                QVERIFY(QFile::copy(pristine, damaged));
                {
                    QFile file(damaged);
                    QVERIFY(file.open(QIODevice::ReadWrite));
                    QVERIFY(file.seek(at));
                    QCOMPARE(file.write(QByteArray(40, '\0')), 40);
                }
                for (const auto& [query, raw] : queries) {
                    const bool rawEmpty = oldAnswerWasEmpty(damaged, raw);
                    emptyBefore += rawEmpty ? 1 : 0;
                    auto ro = Library::open(damaged, Library::Mode::ReadOnly);
                    QVERIFY2(ro, qPrintable(ro.error()));
                    const auto found = (*ro)->search(query, -1);
                    ListFilter filter;
                    filter.text = query;
                    const auto listed = (*ro)->list(filter);
                    const QString where = QStringLiteral("byte %1, '%2'").arg(at).arg(query);
                    if (found)
                        QVERIFY2(!found->hits.isEmpty(), qPrintable(where));
                    if (listed)
                        QVERIFY2(!listed->isEmpty(), qPrintable(where));
                    if (!rawEmpty)
                        continue;
                    QVERIFY2(!found && found.kind() == ErrorKind::Corrupt, qPrintable(where));
                    QVERIFY2(found.error().startsWith(damaged + QStringLiteral(": the search "
                                                                               "index is damaged")),
                             qPrintable(found.error()));
                    QVERIFY2(!listed && listed.kind() == ErrorKind::Corrupt, qPrintable(where));
                    if (cliChecked || test::cliPath().isEmpty())
                        continue;
                    cliChecked = true;
                    ro->reset();
                    for (const QStringList& command :
                         {QStringList{QStringLiteral("search"), query},
                          QStringList{QStringLiteral("list"), QStringLiteral("--text"), query}}) {
                        const test::CliRun run = test::runCli(
                            QStringList{QStringLiteral("--library"), damaged} + command, {},
                            m_dir.path(), 20000);
                        QCOMPARE(run.exitCode, 1);
                        QCOMPARE(run.out, QString());
                        QCOMPARE(run.errLines().size(), 1);
                        QVERIFY2(run.err.startsWith(QStringLiteral("copydesk-cli: ") + damaged +
                                                    QStringLiteral(": the search index is "
                                                                   "damaged")) &&
                                     run.err.contains(QStringLiteral("copydesk-cli repair")),
                                 qPrintable(run.err));
                    }
                }
            }
        }
        // The damaged segment lists read as empty answers (at least one per index).
        QVERIFY2(emptyBefore >= 2, "no damage that reads as an empty answer");
        QVERIFY(test::cliPath().isEmpty() || cliChecked);
        // The sound library still answers (the check does not refuse a sound index).
        auto sound = Library::open(pristine, Library::Mode::ReadOnly);
        QVERIFY(sound);
        QCOMPARE((*sound)->search(QStringLiteral("Geneva"), -1)->hits.size(), 40);
        QVERIFY((*sound)->search(QStringLiteral("Lausanne"))->hits.isEmpty());
        QVERIFY((*sound)->search(QStringLiteral("xy"))->hits.isEmpty());
    }

    // The totals check has no false alarm on a library that saved, changed, trashed
    // and removed articles in every script (each change deletes words from both
    // indexes), checked on it and from a second, read-only connection after each of
    // the first one's saves; a stop request ends it early.
    void totalsOfASoundIndex() {
        const QString path = m_dir.filePath(QStringLiteral("totals.copydesk"));
        auto lib = Library::open(path);
        QVERIFY(lib);
        QList<Article> saved;
        for (int i = 0; i < 30; ++i) {
            Article a = article(qPrintable(QStringLiteral("a-%1").arg(i)),
                                i % 3 == 0 ? "zh-Hans" : (i % 3 == 1 ? "ar" : "fr"),
                                QStringLiteral("Titre %1 北京峰会 القمة").arg(i),
                                QStringLiteral("Genève, jour %1. 峰会在北京举行。انعقدت القمة. ")
                                    .repeated(i + 1)
                                    .arg(i));
            QVERIFY((*lib)->save(a));
            saved.append(a);
        }
        for (int i = 0; i < 30; i += 2) {
            saved[i].versions[0].body += QStringLiteral(" Ajout 新的 جديد %1.").arg(i);
            saved[i].versions[0].title = QStringLiteral("Autre titre %1").arg(i);
            QVERIFY((*lib)->save(saved[i]));
        }
        for (int i = 1; i < 30; i += 5)
            QVERIFY((*lib)->remove(saved[i].id));
        const auto totals = (*lib)->checkSearchIndexTotals();
        QVERIFY2(totals, qPrintable(totals.error()));
        auto reader = Library::open(path, Library::Mode::ReadOnly);
        QVERIFY(reader);
        std::atomic<bool> stop{false};
        for (int round = 0; round < 5; ++round) {
            saved[3].versions[0].body += QStringLiteral(" Encore %1.").arg(round);
            QVERIFY((*lib)->save(saved[3]));
            const auto during = (*reader)->checkSearchIndexTotals(&stop);
            QVERIFY2(during, qPrintable(during.error()));
        }
        stop = true;
        QVERIFY((*reader)->checkSearchIndexTotals(&stop));
        QVERIFY((*lib)->checkSearchIndex());
    }

    // A version's text changed in the file by something else than Copydesk: the
    // trigram index follows (a trigger), the contentless word index cannot, and no
    // check can compare it with the articles. search() finds the difference and says
    // to repair; repair rebuilds (it said "nothing to repair", for ever).
    void textChangedBehindTheLibrarysBack() {
        const QString path = m_dir.filePath(QStringLiteral("behind.copydesk"));
        {
            auto lib = Library::open(path);
            QVERIFY(lib);
            Article a = article("moles", "zh-Hans", QStringLiteral("动物"),
                                QStringLiteral("花园里有动物。"));
            QVERIFY((*lib)->save(a));
        }
        QVERIFY(test::rawExec(path, {QStringLiteral("UPDATE versions SET body = body || "
                                                    "' 鼹鼠 zq'")}));
        {
            auto lib = Library::open(path, Library::Mode::ReadOnly);
            QVERIFY(lib);
            const auto found = (*lib)->search(QStringLiteral("鼹鼠"));
            QVERIFY(!found);
            QCOMPARE(found.kind(), ErrorKind::Corrupt);
        }
        const auto repaired = Library::repair(path);
        QVERIFY2(repaired, qPrintable(repaired.error()));
        auto lib = Library::open(path, Library::Mode::ReadOnly);
        QVERIFY(lib);
        for (const QString& term : {QStringLiteral("鼹鼠"), QStringLiteral("zq")}) {
            const auto found = (*lib)->search(term);
            QVERIFY2(found, qPrintable(found ? QString() : found.error()));
            QCOMPARE(found->hits.size(), 1);
        }
    }

    // The author filter: a part of the byline, case ignored in every script; % and _
    // are letters like others; a name longer than any SQLite LIKE pattern (50,000
    // bytes) is answered, not refused.
    void authorFilter() {
        const QString path = m_dir.filePath(QStringLiteral("authors.copydesk"));
        auto lib = Library::open(path);
        QVERIFY(lib);
        for (const auto& [slug, byline] : {std::pair{"ivanov", QStringLiteral("Пётр Иванов")},
                                           std::pair{"perez", QStringLiteral("ANA PÉREZ")},
                                           std::pair{"odd", QStringLiteral("100% A_B")}}) {
            Article a = article(slug, "en", QStringLiteral("Title"), QStringLiteral("Body."));
            a.byline = byline;
            QVERIFY((*lib)->save(a));
        }
        const auto slugsFor = [&](const QString& author) {
            ListFilter f;
            f.author = author;
            QStringList slugs;
            const auto rows = (*lib)->list(f);
            if (!rows)
                return QStringList{rows.error()};
            for (const ArticleSummary& s : *rows)
                slugs.append(s.slug);
            slugs.sort();
            if (const auto n = (*lib)->count(f); !n || *n != slugs.size())
                slugs.append(QStringLiteral("(count differs)"));
            return slugs;
        };
        QCOMPARE(slugsFor(QStringLiteral("иванов")), QStringList{QStringLiteral("ivanov")});
        QCOMPARE(slugsFor(QStringLiteral("ПЁТР")), QStringList{QStringLiteral("ivanov")});
        QCOMPARE(slugsFor(QStringLiteral("pérez")), QStringList{QStringLiteral("perez")});
        QCOMPARE(slugsFor(QStringLiteral("a")),
                 (QStringList{QStringLiteral("odd"), QStringLiteral("perez")}));
        QCOMPARE(slugsFor(QStringLiteral("%")), QStringList{QStringLiteral("odd")});
        QCOMPARE(slugsFor(QStringLiteral("a_b")), QStringList{QStringLiteral("odd")});
        QCOMPARE(slugsFor(QStringLiteral("_")), QStringList{QStringLiteral("odd")});
        QCOMPARE(slugsFor(QStringLiteral("É").repeated(60000)), QStringList());
        QCOMPARE(slugsFor(QStringLiteral("x").repeated(60000)), QStringList());
    }

    // The other way round: the word index finds a term the text no longer holds. An
    // answer that shows that row is refused as damaged; a page of other rows is
    // answered (only the rows shown are compared with their text, see
    // detail::verifyAnswer()).
    void wrongRowIsCaughtWhereItIsShown() {
        const QString path = m_dir.filePath(QStringLiteral("wrong-row.copydesk"));
        {
            auto lib = Library::open(path);
            QVERIFY(lib);
            for (const char* slug : {"first", "second", "third"}) {
                Article a = article(slug, "fr", QStringLiteral("Réunion"),
                                    QStringLiteral("Il y a un accord."));
                QVERIFY((*lib)->save(a));
            }
        }
        QVERIFY(test::rawExec(path, {QStringLiteral("UPDATE versions SET body = 'Il y a accord.' "
                                                    "WHERE article = (SELECT id FROM articles "
                                                    "WHERE slug = 'first')")}));
        auto lib = Library::open(path, Library::Mode::ReadOnly);
        QVERIFY(lib);
        const QString term = QStringLiteral("un");
        const auto newest = (*lib)->search(term, 1);
        QVERIFY2(newest, qPrintable(newest ? QString() : newest.error()));
        QCOMPARE(newest->hits.size(), 1);
        ListFilter page;
        page.text = term;
        page.limit = 2;
        const auto listed = (*lib)->list(page);
        QVERIFY2(listed, qPrintable(listed ? QString() : listed.error()));
        QCOMPARE(listed->size(), 2);
        QCOMPARE(listed->at(1).slug, QStringLiteral("second"));

        const auto all = (*lib)->search(term, -1);
        QVERIFY(!all);
        QCOMPARE(all.kind(), ErrorKind::Corrupt);
        QVERIFY2(all.error().contains(QStringLiteral("the index finds 'un' where it is not")),
                 qPrintable(all.error()));
        page.offset = 2;
        const auto last = (*lib)->list(page);
        QVERIFY(!last);
        QCOMPARE(last.kind(), ErrorKind::Corrupt);
    }

    // A page of the trigram index overwritten: search says the index is damaged
    // (it printed nothing and exited 0 before), and a rebuild from the articles
    // brings every hit back.
    void damagedIndex_data() {
        QTest::addColumn<bool>("keepPageHeader");
        QTest::newRow("whole-page") << false;
        QTest::newRow("cells-only") << true;
    }
    void damagedIndex() {
        QFETCH(bool, keepPageHeader);
        const QString path = m_dir.filePath(QStringLiteral("damaged-%1.copydesk")
                                                .arg(QString::fromLatin1(QTest::currentDataTag())));
        {
            auto lib = Library::open(path);
            QVERIFY(lib);
            QList<Article> many;
            for (int i = 0; i < 40; ++i)
                many.append(
                    article(qPrintable(QStringLiteral("summit-%1").arg(i)), "en",
                            QStringLiteral("Summit %1").arg(i),
                            QStringLiteral("Delegates in Geneva, day %1. ").repeated(20).arg(i)));
            QVERIFY((*lib)->saveAll(many));
        }
        QVariant page;
        QVERIFY(rawExec(path,
                        {QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = "
                                        "'search_trigram_data'")},
                        &page));
        QVariant pageSize;
        QVERIFY(rawExec(path, {QStringLiteral("PRAGMA page_size")}, &pageSize));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            const qint64 offset = (page.toLongLong() - 1) * pageSize.toLongLong();
            const qint64 skip = keepPageHeader ? 16 : 0;
            QVERIFY(file.seek(offset + skip));
            file.write(QByteArray(int(pageSize.toLongLong() - skip), '\x5a'));
        }
        {
            auto ro = Library::open(path, Library::Mode::ReadOnly);
            QVERIFY2(ro, qPrintable(ro.error()));
            const auto found = (*ro)->search(QStringLiteral("Geneva"));
            QVERIFY(!found);
            QVERIFY2(found.kind() == ErrorKind::Corrupt, qPrintable(found.error()));
            QVERIFY2(found.error().contains(QStringLiteral("search index is damaged")),
                     qPrintable(found.error()));
            ListFilter filter;
            filter.text = QStringLiteral("Geneva");
            const auto listed = (*ro)->list(filter);
            QVERIFY(!listed);
            QCOMPARE(listed.kind(), ErrorKind::Corrupt);
            // Without text, the list does not need the index.
            QCOMPARE((*ro)->list()->size(), 40);
        }
        if (!test::cliPath().isEmpty()) {
            // The CLI says so and exits 1 (it printed nothing and exited 0 before).
            for (const QStringList& command :
                 {QStringList{QStringLiteral("search"), QStringLiteral("Geneva")},
                  QStringList{QStringLiteral("list"), QStringLiteral("--text"),
                              QStringLiteral("Geneva")}}) {
                const test::CliRun run =
                    test::runCli(QStringList{QStringLiteral("--library"), path} + command, {},
                                 m_dir.path(), 20000);
                QCOMPARE(run.exitCode, 1);
                QCOMPARE(run.out, QString());
                QVERIFY2(run.err.contains(QStringLiteral("search index is damaged")) &&
                             run.err.contains(QStringLiteral("copydesk-cli repair")),
                         qPrintable(run.err));
            }
        }
        const auto repaired = Library::repair(path);
        QVERIFY2(repaired, qPrintable(repaired.error()));
        QVERIFY2(repaired->contains(QStringLiteral("rebuilt from")), qPrintable(*repaired));
        if (repaired->contains(QStringLiteral("kept as"))) {
            const QString kept = repaired->section(QStringLiteral("kept as "), 1).chopped(1);
            QVERIFY2(QFile::exists(kept), qPrintable(kept));
        }
        const QString sound = path + QStringLiteral(": no damage found; the search index was "
                                                    "rebuilt from the articles anyway");
        QCOMPARE(*Library::repair(path), sound);
        if (!test::cliPath().isEmpty()) {
            const test::CliRun run =
                test::runCli({QStringLiteral("--library"), path, QStringLiteral("repair")}, {},
                             m_dir.path(), 20000);
            QCOMPARE(run.exitCode, 0);
            QCOMPARE(run.out, sound + QLatin1Char('\n'));
        }
        auto lib = Library::open(path);
        QVERIFY2(lib, qPrintable(lib.error()));
        QVERIFY((*lib)->checkSearchIndex());
        ListFilter all;
        all.limit = -1;
        QCOMPARE((*lib)->list(all)->size(), 40);
        QCOMPARE((*lib)->search(QStringLiteral("Geneva"), -1)->hits.size(), 40);
        QCOMPARE((*lib)->search(QStringLiteral("in"), -1)->hits.size(), 40);
        QCOMPARE((*lib)->revisions((*lib)->findArticle(QStringLiteral("summit-3"))->id)->size(), 1);
        // The index follows saves again after the rebuild.
        Article late = article("late", "en", QStringLiteral("Late"), QStringLiteral("Lausanne"));
        QVERIFY((*lib)->save(late));
        QCOMPARE((*lib)->search(QStringLiteral("Lausanne"))->hits.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestLibrarySearch)
#include "tst_library_search.moc"
