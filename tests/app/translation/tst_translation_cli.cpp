// copydesk-cli translation status|segments|mark on a real library: progress per
// version, a source paragraph changed after the translation makes exactly its
// translation outdated, and marking it again brings the version back to 100%; what is
// marked feeds the translation memory, which `tm` looks up, exports as TMX and imports
// into another library, refusing a hostile file without adding anything.
#include "library/library.h"
#include "support/articlefixture.h"
#include "support/clifixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <utility>

using namespace copydesk;
using copydesk::test::CliFixture;

class TestTranslationCli final : public QObject {
    Q_OBJECT

    std::unique_ptr<CliFixture> m_cli;

    QStringList args(QStringList a) const { return m_cli->withLibrary(std::move(a)); }

    void editSource(const QString& from, const QString& to) {
        auto library = Library::open(m_cli->library());
        QVERIFY2(library, qPrintable(library.error()));
        auto a = (*library)->findArticle(QStringLiteral("port"));
        QVERIFY(a);
        a->versions[0].body.replace(from, to);
        QVERIFY((*library)->save(*a));
    }

private Q_SLOTS:
    void initTestCase() {
        const QString problem = test::prepareCliTest();
        if (!problem.isEmpty())
            QSKIP(qPrintable(problem));
    }
    void init() {
        m_cli = std::make_unique<CliFixture>();
        QVERIFY(m_cli->isValid());
        auto library = Library::open(m_cli->library());
        QVERIFY2(library, qPrintable(library.error()));
        Article a = test::articleWithTranslation(
            QStringLiteral("en"), QStringLiteral("Port reopens"),
            QStringLiteral("Ships returned on Monday.\n\nThe port had been closed for 12 days.\n"),
            QStringLiteral("ar"), QStringLiteral("إعادة فتح الميناء"),
            QStringLiteral("عادت السفن يوم الاثنين.\n\nكان الميناء مغلقًا لمدة ١٢ يومًا.\n"));
        a.slug = QStringLiteral("port");
        QVERIFY((*library)->save(a));
    }

    void statusMarkAndOutdated() {
        auto run = m_cli->run(args(
            {QStringLiteral("translation"), QStringLiteral("status"), QStringLiteral("port")}));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.lines(),
                 (QStringList{QStringLiteral("port"), QStringLiteral("  en (source)"),
                              QStringLiteral("  ar 0% translated, 3 draft (3 segments)")}));

        run = m_cli->run(
            args({QStringLiteral("translation"), QStringLiteral("mark"), QStringLiteral("port"),
                  QStringLiteral("--lang"), QStringLiteral("ar")}));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("ar 100% translated (3 segments)\n"));

        editSource(QStringLiteral("12 days"), QStringLiteral("14 days"));
        run = m_cli->run(
            args({QStringLiteral("translation"), QStringLiteral("status"), QStringLiteral("--all"),
                  QStringLiteral("--format"), QStringLiteral("json")}));
        QCOMPARE(run.exitCode, 0);
        const QJsonArray articles = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(articles.size(), 1);
        const QJsonObject ar = articles[0][QLatin1String("versions")][1].toObject();
        QCOMPARE(ar[QLatin1String("language")].toString(), QStringLiteral("ar"));
        QCOMPARE(ar[QLatin1String("translatedFrom")].toString(), QStringLiteral("en"));
        const QJsonObject progress = ar[QLatin1String("progress")].toObject();
        QCOMPARE(progress[QLatin1String("percentDone")].toInt(), 66);
        QCOMPARE(progress[QLatin1String("outdated")].toInt(), 1);
        QCOMPARE(progress[QLatin1String("translated")].toInt(), 2);

        run = m_cli->run(
            args({QStringLiteral("translation"), QStringLiteral("segments"), QStringLiteral("port"),
                  QStringLiteral("--lang"), QStringLiteral("ar")}));
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.lines();
        QCOMPARE(lines.size(), 6);
        QVERIFY2(lines[4].startsWith(QStringLiteral("   3 outdated")) &&
                     lines[4].endsWith(QStringLiteral("The port had been closed for 14 days.")),
                 qPrintable(run.out));
        QCOMPARE(lines[5].trimmed(), QStringLiteral("كان الميناء مغلقًا لمدة ١٢ يومًا."));

        // The translator confirms segment 3 as reviewed.
        run = m_cli->run(
            args({QStringLiteral("translation"), QStringLiteral("mark"), QStringLiteral("port"),
                  QStringLiteral("--lang"), QStringLiteral("ar"), QStringLiteral("--segment"),
                  QStringLiteral("3"), QStringLiteral("--state"), QStringLiteral("reviewed")}));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("ar 100% translated, 1 reviewed (3 segments)\n"));
    }

    void refusals_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("source") << QStringList{QStringLiteral("mark"), QStringLiteral("port"),
                                               QStringLiteral("--lang"), QStringLiteral("en")}
                                << 1 << QStringLiteral("the 'en' version is the source");
        QTest::newRow("no segment")
            << QStringList{QStringLiteral("mark"),      QStringLiteral("port"),
                           QStringLiteral("--lang"),    QStringLiteral("ar"),
                           QStringLiteral("--segment"), QStringLiteral("9")}
            << 1 << QStringLiteral("there is no segment 9 (it has 3)");
        QTest::newRow("bad state") << QStringList{QStringLiteral("mark"),    QStringLiteral("port"),
                                                  QStringLiteral("--lang"),  QStringLiteral("ar"),
                                                  QStringLiteral("--state"), QStringLiteral("done")}
                                   << 2 << QStringLiteral("unknown state 'done'");
        QTest::newRow("no version")
            << QStringList{QStringLiteral("segments"), QStringLiteral("port"),
                           QStringLiteral("--lang"), QStringLiteral("fr")}
            << 1 << QStringLiteral("article 'port' has no 'fr' version");
        QTest::newRow("neither") << QStringList{QStringLiteral("status")} << 2
                                 << QStringLiteral("expected ARTICLE... or --all");
        QTest::newRow("unknown") << QStringList{QStringLiteral("align")} << 2
                                 << QStringLiteral("unknown subcommand 'align'");
    }
    void refusals() {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const auto state = [this] {
            auto library = Library::open(m_cli->library(), Library::Mode::ReadOnly);
            auto a = (*library)->findArticle(QStringLiteral("port"));
            return std::make_pair(*a, (*library)->revisions(a->id)->size());
        };
        const auto before = state();
        const auto run = m_cli->run(args(QStringList{QStringLiteral("translation")} + arguments));
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QCOMPARE(state(), before); // nothing changed, no revision recorded
    }
    void memory() {
        const auto tm = [this](QStringList a, const QString& library = {}) {
            a.prepend(QStringLiteral("tm"));
            return m_cli->run(a << QStringLiteral("--library")
                                << (library.isEmpty() ? m_cli->library() : library));
        };
        const QStringList pair{QStringLiteral("--source"), QStringLiteral("en"),
                               QStringLiteral("--target"), QStringLiteral("ar")};
        // Nothing is in the memory before the translation is marked.
        auto run =
            tm(QStringList{QStringLiteral("lookup"), QStringLiteral("Ships returned on Monday.")} +
               pair);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("no match of 70% or more")), qPrintable(run.err));
        run = m_cli->run(
            args({QStringLiteral("translation"), QStringLiteral("mark"), QStringLiteral("port"),
                  QStringLiteral("--lang"), QStringLiteral("ar")}));
        QCOMPARE(run.exitCode, 0);
        run =
            tm(QStringList{QStringLiteral("lookup"), QStringLiteral("Ships returned on Monday.")} +
               pair);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("100% عادت السفن يوم الاثنين.\n"));
        run =
            tm(QStringList{QStringLiteral("lookup"), QStringLiteral("Ships returned on Tuesday.")} +
               pair);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.lines(),
                 (QStringList{QStringLiteral(" 80% عادت السفن يوم الاثنين."),
                              QStringLiteral("      Ships returned on [-Monday-]{+Tuesday+}.")}));

        // TMX out of this library, into another one.
        const QString file = m_cli->path(QStringLiteral("port.tmx"));
        run = tm({QStringLiteral("export"), file});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("3 translations written to %1\n").arg(file));
        const QString other = m_cli->path(QStringLiteral("other.copydesk"));
        run = tm({QStringLiteral("import"), file}, other);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("3 translations read, 3 new in the memory\n"));
        run =
            tm(QStringList{QStringLiteral("lookup"), QStringLiteral("Port reopens")} + pair, other);
        QCOMPARE(run.out, QStringLiteral("100% إعادة فتح الميناء\n"));
        // Again: nothing new.
        run = tm({QStringLiteral("import"), file}, other);
        QCOMPARE(run.out, QStringLiteral("3 translations read, 0 new in the memory\n"));
        // `tm add` finds nothing the marking had not already stored.
        run = tm({QStringLiteral("add"), QStringLiteral("--all")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("3 translations read, 0 new in the memory\n"));

        // A good file and a hostile one: the import is refused as a whole, naming the
        // file, and the memory is as it was.
        const QString good = m_cli->writeFile(
            QStringLiteral("good.tmx"),
            "<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>"
            "Good</seg></tuv><tuv xml:lang=\"ar\"><seg>جيد</seg></tuv></tu></body></tmx>");
        const QString hostile = m_cli->writeFile(
            QStringLiteral("hostile.tmx"),
            "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
            "<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>&x;"
            "</seg></tuv><tuv xml:lang=\"ar\"><seg>x</seg></tuv></tu></body></tmx>");
        run = tm({QStringLiteral("import"), good, hostile}, other);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(hostile) && run.err.contains(QLatin1String("Nothing was added")),
                 qPrintable(run.err));
        run = tm({QStringLiteral("export"), QStringLiteral("-")}, other);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.count(QLatin1String("<tu ")), 3);
        QVERIFY(!run.out.contains(QLatin1String("Good")));

        // Another tool's tags are kept in an export of the pair; a file with a tag that
        // is none is refused by name.
        const QString regional = m_cli->writeFile(
            QStringLiteral("regional.tmx"),
            "<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en-US\">"
            "<seg>Harbour</seg></tuv><tuv xml:lang=\"ar-EG\"><seg>ميناء</seg></tuv></tu></body>"
            "</tmx>");
        run = tm({QStringLiteral("import"), regional}, other);
        QCOMPARE(run.out, QStringLiteral("1 translations read, 1 new in the memory\n"));
        run = tm(QStringList{QStringLiteral("export"), QStringLiteral("-")} + pair, other);
        QVERIFY2(run.out.contains(QLatin1String("xml:lang=\"en-US\"")) &&
                     run.out.contains(QLatin1String("xml:lang=\"ar-EG\"")),
                 qPrintable(run.out));
        const QString badTag = m_cli->writeFile(
            QStringLiteral("bad-tag.tmx"),
            "<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\">"
            "<seg>Harbour</seg></tuv><tuv xml:lang=\"../x\"><seg>x</seg></tuv></tu></body>"
            "</tmx>");
        run = tm({QStringLiteral("import"), good, badTag}, other);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(badTag) && run.err.contains(QLatin1String("../x")),
                 qPrintable(run.err));

        // Usage errors.
        run = tm(QStringList{QStringLiteral("lookup"), QStringLiteral("  ")} + pair);
        QCOMPARE(run.exitCode, 2);
        run = tm({QStringLiteral("lookup"), QStringLiteral("Port"), QStringLiteral("--source"),
                  QStringLiteral("en")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("--source and --target go together")),
                 qPrintable(run.err));
        run = tm(QStringList{QStringLiteral("lookup"), QStringLiteral("Port"),
                             QStringLiteral("--minimum"), QStringLiteral("0")} +
                 pair);
        QCOMPARE(run.exitCode, 2);
        run = tm({QStringLiteral("merge")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("unknown subcommand 'merge'")),
                 qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestTranslationCli)
#include "tst_translation_cli.moc"
