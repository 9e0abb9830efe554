// copydesk-cli translation status|segments|mark on a real library: progress per
// version, a source paragraph changed after the translation makes exactly its
// translation outdated, and marking it again brings the version back to 100%.
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
};

QTEST_GUILESS_MAIN(TestTranslationCli)
#include "tst_translation_cli.moc"
