// copydesk-cli tags, categories, set, trash and the list filters, run as processes on
// real libraries: what a script sees, the errors it gets, and that a refused change
// leaves the library as it was.
#include "support/clifixture.h"
#include "support/libraryfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace copydesk::test;

namespace {

QStringList args(std::initializer_list<const char*> list) {
    QStringList out;
    for (const char* a : list)
        out.append(QString::fromUtf8(a));
    return out;
}

} // namespace

class TestCliTags final : public QObject {
    Q_OBJECT

    // A library with three articles: water+schools, water, h2o (slugs w1, w2, h3).
    void makeLibrary(const CliFixture& f) {
        for (const auto& [slug, tags] :
             {std::pair{"w1", QStringList{QStringLiteral("water"), QStringLiteral("schools")}},
              std::pair{"w2", QStringList{QStringLiteral("water")}},
              std::pair{"h3", QStringList{QStringLiteral("h2o")}}}) {
            QStringList a = f.withLibrary(args({"new", "--title"})
                                          << QLatin1String(slug) << QStringLiteral("--slug")
                                          << QLatin1String(slug));
            for (const QString& t : tags)
                a << QStringLiteral("--tag") << t;
            const CliRun r = f.run(a);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
    }

    QString tagList(const CliFixture& f) {
        return f.run(f.withLibrary(args({"tags", "list"}))).out;
    }

private Q_SLOTS:
    void initTestCase() {
        const QString problem = prepareCliTest();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void vocabularyOperations() {
        CliFixture f;
        makeLibrary(f);
        QCOMPARE(tagList(f), QStringLiteral("h2o\t1\t\nschools\t1\t\nwater\t2\t\n"));
        CliRun r =
            f.run(f.withLibrary(args({"tags", "add", "Enseignement supérieur", "--lang", "fr"})));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("enseignement-superieur\n"));
        r = f.run(f.withLibrary(args({"tags", "label", "water", "ar", "مياه"})));
        QCOMPARE(r.exitCode, 0);
        r = f.run(f.withLibrary(args({"tags", "merge", "h2o", "water"})));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("1 articles changed")), qPrintable(r.out));
        r = f.run(f.withLibrary(args({"tags", "rename", "schools", "education"})));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(tagList(f), QStringLiteral("education\t1\t\nenseignement-superieur\t0\t"
                                            "fr=Enseignement supérieur\nwater\t3\tar=مياه\n"));
        // The merge is a revision of h3, shown by history.
        r = f.run(f.withLibrary(args({"history", "h3"})));
        QVERIFY2(r.out.contains(QLatin1String("merged into 'water'")), qPrintable(r.out));
        r = f.run(f.withLibrary(args({"list", "--tag", "water", "--format", "json"})));
        const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(rows.size(), 3);
        r = f.run(f.withLibrary(args({"tags", "delete", "water"})));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("from 3 articles")), qPrintable(r.out));
        QCOMPARE(f.run(f.withLibrary(args({"list", "--tag", "water", "--count"}))).out,
                 QStringLiteral("0\n"));
    }

    // Suggestions as the metadata dock shows them: existing tags first (slug, label),
    // then new words; the library is opened read-only, so nothing changes.
    void suggestPrintsExistingTagsFirst() {
        CliFixture f;
        makeLibrary(f);
        CliRun r = f.run(f.withLibrary(args({"tags", "label", "water", "fr", "Eau"})));
        QCOMPARE(r.exitCode, 0);
        r = f.run(f.withLibrary(
            args({"new", "--title", "L'eau des écoles", "--lang", "fr", "--slug", "fr1"})));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QByteArray before = copydesk::test::sha256Of(f.library());
        r = f.run(f.withLibrary(args({"tags", "suggest", "fr1"})));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(!lines.isEmpty(), qPrintable(r.out));
        QCOMPARE(lines.front(), QStringLiteral("existing\twater\tEau"));
        QVERIFY2(lines.contains(QStringLiteral("new\t-\técoles")), qPrintable(r.out));
        QVERIFY2(!r.out.contains(QLatin1String("des")), qPrintable(r.out));
        QCOMPARE(copydesk::test::sha256Of(f.library()), before);

        r = f.run(f.withLibrary(args({"tags", "suggest", "no-such-article"})));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("no-such-article")), qPrintable(r.err));
        r = f.run(f.withLibrary(args({"categories", "suggest", "fr1"})));
        QCOMPARE(r.exitCode, 2);
    }

    void refusedChangesSayWhyAndChangeNothing_data() {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty name")
            << args({"tags", "add", ""}) << 1 << QStringLiteral("cannot be empty");
        QTest::newRow("whitespace name")
            << args({"tags", "add", "   "}) << 1 << QStringLiteral("only whitespace");
        QTest::newRow("long name") << (args({"tags", "add"}) << QString(201, QLatin1Char('n'))) << 1
                                   << QStringLiteral("201 characters");
        QTest::newRow("merge into itself")
            << args({"tags", "merge", "water", "water"}) << 1 << QStringLiteral("into itself");
        QTest::newRow("rename onto existing") << args({"tags", "rename", "h2o", "water"}) << 1
                                              << QStringLiteral("tags merge h2o water");
        QTest::newRow("unknown tag")
            << args({"tags", "delete", "nope"}) << 1 << QStringLiteral("no tag 'nope'");
        QTest::newRow("unknown action")
            << args({"tags", "frobnicate"}) << 2 << QStringLiteral("unknown action");
        QTest::newRow("parent of a tag")
            << args({"tags", "parent", "water"}) << 2 << QStringLiteral("unknown action");
        QTest::newRow("missing argument")
            << args({"tags", "merge", "water"}) << 2 << QStringLiteral("SLUG INTO");
        QTest::newRow("bad language")
            << args({"tags", "label", "water", "x!", "X"}) << 1 << QStringLiteral("x!");
        QTest::newRow("set unknown status") << args({"set", "w1", "--status", "done"}) << 2
                                            << QStringLiteral("unknown status 'done'");
        QTest::newRow("set bad tag")
            << args({"set", "w1", "--tag", "../x"}) << 2 << QStringLiteral("--tag");
        QTest::newRow("set nothing")
            << args({"set", "w1"}) << 2 << QStringLiteral("nothing to set");
        QTest::newRow("set unknown article") << args({"set", "w1", "nope", "--tag", "x"}) << 1
                                             << QStringLiteral("no article 'nope'");
        QTest::newRow("skipping the workflow") << args({"set", "w1", "--status", "published"}) << 1
                                               << QStringLiteral("from draft to published");
    }
    void refusedChangesSayWhyAndChangeNothing() {
        QFETCH(QStringList, command);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        CliFixture f;
        makeLibrary(f);
        const QString before = tagList(f);
        const QString listBefore = f.run(f.withLibrary(args({"list", "--format", "json"}))).out;
        const CliRun r = f.run(f.withLibrary(command));
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(r.errLines().size(), exitCode == 2 ? r.errLines().size() : 1);
        QCOMPARE(tagList(f), before);
        QCOMPARE(f.run(f.withLibrary(args({"list", "--format", "json"}))).out, listBefore);
    }

    void setWalksTheWorkflow() {
        CliFixture f;
        makeLibrary(f);
        for (const char* status : {"in-review", "ready", "published"}) {
            const CliRun r =
                f.run(f.withLibrary(args({"set", "w1", "--status"}) << QLatin1String(status)));
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        CliRun r = f.run(f.withLibrary(args({"set", "w1", "--status", "draft"})));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("from published to draft")), qPrintable(r.err));
        r = f.run(f.withLibrary(args({"set", "w1", "w2", "--tag", "climate", "--untag", "water",
                                      "--category", "news", "--byline", "Ann Lee"})));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.lines().size(), 2);
        QCOMPARE(f.run(f.withLibrary(args({"list", "--author", "Ann Lee", "--count"}))).out,
                 QStringLiteral("2\n"));
        QCOMPARE(f.run(f.withLibrary(args({"list", "--category", "news", "--tag", "climate",
                                           "--status", "published", "--count"})))
                     .out,
                 QStringLiteral("1\n"));
        const CliRun json = f.run(f.withLibrary(args(
            {"list", "--tag", "climate", "--format", "json", "--sort", "title", "--ascending"})));
        const QJsonArray rows = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].toObject().value(QLatin1String("slug")).toString(), QStringLiteral("w1"));
        QCOMPARE(rows[0].toObject().value(QLatin1String("tags")).toArray(),
                 QJsonArray({QStringLiteral("schools"), QStringLiteral("climate")}));
        QCOMPARE(rows[0].toObject().value(QLatin1String("byline")).toString(),
                 QStringLiteral("Ann Lee"));
    }

    void listDatesAndTrash() {
        CliFixture f;
        makeLibrary(f);
        QCOMPARE(f.run(f.withLibrary(args({"list", "--since", "2000-01-01", "--count"}))).out,
                 QStringLiteral("3\n"));
        QCOMPARE(f.run(f.withLibrary(args({"list", "--until", "2000-01-01", "--count"}))).out,
                 QStringLiteral("0\n"));
        QCOMPARE(f.run(f.withLibrary(args({"list", "--since", "yesterday"}))).exitCode, 2);
        CliRun r = f.run(f.withLibrary(args({"trash", "w1", "h3"})));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("2\n"));
        QCOMPARE(f.run(f.withLibrary(args({"list", "--count"}))).out, QStringLiteral("1\n"));
        QCOMPARE(f.run(f.withLibrary(args({"list", "--trash", "--count"}))).out,
                 QStringLiteral("2\n"));
        QVERIFY(!f.run(f.withLibrary(args({"search", "w1"}))).out.contains(QLatin1String("w1")));
        QCOMPARE(f.run(f.withLibrary(args({"trash", "--restore", "h3"}))).out,
                 QStringLiteral("1\n"));
        QCOMPARE(f.run(f.withLibrary(args({"trash", "--empty"}))).out, QStringLiteral("1\n"));
        QCOMPARE(f.run(f.withLibrary(args({"list", "--count"}))).out, QStringLiteral("2\n"));
        QCOMPARE(f.run(f.withLibrary(args({"show", "w1"}))).exitCode, 1);
    }

    void importAndExport() {
        CliFixture f;
        makeLibrary(f);
        CliRun r = f.run(f.withLibrary(args({"tags", "label", "water", "fr", "Eau"})));
        QCOMPARE(r.exitCode, 0);
        const QString csv = f.path(QStringLiteral("tags.csv"));
        r = f.run(f.withLibrary(args({"tags", "export"}) << csv));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = f.run(f.withLibrary(args({"tags", "export", "--format", "json"})));
        QVERIFY(QJsonDocument::fromJson(r.out.toUtf8()).isObject());
        CliFixture g;
        r = g.run(g.withLibrary(args({"tags", "import"}) << csv));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("3 created")), qPrintable(r.out));
        QVERIFY(tagList(g).contains(QLatin1String("water\t0\tfr=Eau")));
        // A malformed row: the line, and nothing imported.
        const QString bad =
            f.writeFile(QStringLiteral("bad.csv"), "slug,en\nnew-a,A\nnew-b,B,extra\n");
        const QString before = tagList(g);
        r = g.run(g.withLibrary(args({"tags", "import"}) << bad));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(bad + QStringLiteral(":3:")), qPrintable(r.err));
        QCOMPARE(tagList(g), before);
        r = g.run(g.withLibrary(
            args({"categories", "import"})
            << f.writeFile(QStringLiteral("cats.json"),
                           "{\"format\": \"copydesk-vocabulary\", \"terms\": ["
                           "{\"slug\": \"africa\", \"parent\": \"news\"},"
                           "{\"slug\": \"news\", \"labels\": {\"fr\": \"Actualités\"}}]}")));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(g.run(g.withLibrary(args({"categories", "list"}))).out,
                 QStringLiteral("africa\t0\tnews\t\nnews\t0\t-\tfr=Actualités\n"));
    }
};

QTEST_GUILESS_MAIN(TestCliTags)
#include "tst_cli_tags.moc"
