// copydesk-cli's argument conventions, run as a process: global options before the
// command (as git and cargo take them), options before "--" and arguments after it, a
// single dash starting a word, language options checked as BCP 47, --version, and the
// statistics `show` prints.
#include "support/clifixture.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace copydesk::test;

class TestCliOptions final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        const QString problem = prepareCliTest();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // README.md: the default library "is created with a few sample articles the first
    // time Copydesk or copydesk-cli starts", whichever command that is, also a read-only
    // one. Before: `search` on a default library that did not exist yet answered nothing,
    // silently. (The process's XDG_DATA_HOME is inside the fixture's folder: the default
    // library of whoever runs the tests is never touched.)
    void defaultLibraryIsCreatedWithSamples_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("search") << QStringList{QStringLiteral("search"), QStringLiteral("summit")}
                                << QStringLiteral("Youth digital skills summit closes with 40 "
                                                  "commitments");
        QTest::newRow("list") << QStringList{QStringLiteral("list")}
                              << QStringLiteral("Drought early-warning network now covers twelve "
                                                "countries");
        QTest::newRow("show") << QStringList{QStringLiteral("show"),
                                             QStringLiteral("e2b4d6f8-1a3c-4e5f-9b7d-3c5e7a9b1d24")}
                              << QStringLiteral("Youth digital skills summit closes with 40 "
                                                "commitments");
    }
    void defaultLibraryIsCreatedWithSamples() {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        CliFixture f;
        QVERIFY(!QFileInfo::exists(f.defaultLibrary()));
        const CliRun r = f.run(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(expected), qPrintable(r.out + r.err));
        QVERIFY2(QFileInfo(f.defaultLibrary()).isFile(), qPrintable(f.defaultLibrary()));
        // The second time, it is there and the same.
        const CliRun again = f.run(args);
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.out, r.out);
    }

    void globalOptionsBeforeTheCommand_data() {
        QTest::addColumn<QStringList>("before");
        QTest::addColumn<QStringList>("after");
        // %L is the library path, %A the article's slug.
        QTest::newRow("list") << QStringList{QStringLiteral("--library"), QStringLiteral("%L"),
                                             QStringLiteral("list")}
                              << QStringList{QStringLiteral("list"), QStringLiteral("--library"),
                                             QStringLiteral("%L")};
        QTest::newRow("list, --library=PATH")
            << QStringList{QStringLiteral("--library=%L"), QStringLiteral("list")}
            << QStringList{QStringLiteral("list"), QStringLiteral("--library=%L")};
        QTest::newRow("show") << QStringList{QStringLiteral("--library"), QStringLiteral("%L"),
                                             QStringLiteral("show"), QStringLiteral("%A")}
                              << QStringList{QStringLiteral("show"), QStringLiteral("%A"),
                                             QStringLiteral("--library"), QStringLiteral("%L")};
        QTest::newRow("search, words after --")
            << QStringList{QStringLiteral("--library"), QStringLiteral("%L"),
                           QStringLiteral("search"), QStringLiteral("--"),
                           QStringLiteral("-summit")}
            << QStringList{QStringLiteral("search"), QStringLiteral("--library"),
                           QStringLiteral("%L"), QStringLiteral("--"), QStringLiteral("-summit")};
        QTest::newRow("history") << QStringList{QStringLiteral("--library"), QStringLiteral("%L"),
                                                QStringLiteral("history"), QStringLiteral("%A")}
                                 << QStringList{QStringLiteral("history"), QStringLiteral("%A"),
                                                QStringLiteral("--library"), QStringLiteral("%L")};
    }

    void globalOptionsBeforeTheCommand() {
        QFETCH(QStringList, before);
        QFETCH(QStringList, after);
        CliFixture f;
        QVERIFY(f.isValid());
        QVERIFY(!f.createArticle(QStringLiteral("Geneva summit"), "A pre-summit -summit talk.")
                     .isEmpty());
        for (QStringList* args : {&before, &after}) {
            for (QString& a : *args) {
                a.replace(QLatin1String("%L"), f.library());
                a.replace(QLatin1String("%A"), QLatin1String("geneva-summit"));
            }
        }
        const CliRun first = f.run(before);
        // The search notes how it read "-summit" (there is no exclusion syntax).
        QCOMPARE(first.err, before.contains(QStringLiteral("-summit"))
                                ? QStringLiteral("note: '-summit': a leading - excludes nothing; "
                                                 "searched for 'summit'\n")
                                : QString());
        QCOMPARE(first.exitCode, 0);
        QVERIFY(!first.out.isEmpty());
        const CliRun second = f.run(after);
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(second.err, first.err);
        QCOMPARE(first.out, second.out);
        QVERIFY2(!QFileInfo::exists(f.defaultLibrary()), "the default library was opened");
    }

    void globalOptionErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("--bogus"), QStringLiteral("list")} << 2
            << QStringLiteral("unknown option '--bogus'");
        QTest::newRow("no value") << QStringList{QStringLiteral("--library")} << 2
                                  << QStringLiteral("missing value after '--library'");
        QTest::newRow("no command")
            << QStringList{QStringLiteral("--library"), QStringLiteral("x.copydesk")} << 2
            << QStringLiteral("Usage: copydesk-cli");
    }

    void globalOptionErrors() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        CliFixture f;
        const CliRun r = f.run(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(f.defaultLibrary()));
    }

    void version_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("alone") << QStringList{QStringLiteral("--version")};
        // As git answers `git --version status`.
        QTest::newRow("before a command")
            << QStringList{QStringLiteral("--version"), QStringLiteral("list")};
    }

    void version() {
        QFETCH(QStringList, args);
        CliFixture f;
        const CliRun r = f.run(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(QRegularExpression(QStringLiteral("^copydesk-cli \\d+\\.\\d+\\.\\d+\\n$"))
                     .match(r.out)
                     .hasMatch(),
                 qPrintable(r.out));
        QVERIFY(!QFileInfo::exists(f.defaultLibrary()));
    }

    // Default mode of QCommandLineParser took "-summit" for -s -u -m -m -i -t.
    void singleDashWord_data() {
        QTest::addColumn<QStringList>("args");
        for (const char* command : {"list", "search", "show", "new", "history", "restore", "export",
                                    "import", "check", "render"}) {
            QTest::newRow(command)
                << QStringList{QString::fromLatin1(command), QStringLiteral("-summit")};
        }
    }

    void singleDashWord() {
        QFETCH(QStringList, args);
        CliFixture f;
        const CliRun r = f.run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("unknown option '-summit'")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("-- -summit")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("s, u, m")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(f.defaultLibrary()));
    }

    // Before "--", a single dash starts a long option, as QCommandLineParser's long
    // option mode reads it: -library works like --library.
    void singleDashLongOption() {
        CliFixture f;
        QVERIFY(!f.createArticle(QStringLiteral("Geneva summit")).isEmpty());
        const CliRun r = f.run({QStringLiteral("list"), QStringLiteral("-library"), f.library()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Geneva summit")), qPrintable(r.out));
    }

    // After "--" everything is a word of the query, even what looks like an option.
    void termsAfterDoubleDash() {
        CliFixture f;
        const QString id = f.createArticle(QStringLiteral("Geneva summit"),
                                           "Talks before the -summit --library meeting.");
        QVERIFY(!id.isEmpty());
        CliRun r = f.run({QStringLiteral("search"), QStringLiteral("--library"), f.library(),
                          QStringLiteral("--"), QStringLiteral("-summit")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(id), qPrintable(r.out));
        r = f.run({QStringLiteral("search"), QStringLiteral("--library"), f.library(),
                   QStringLiteral("--"), QStringLiteral("-summit"), QStringLiteral("--library")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(id), qPrintable(r.out));
        r = f.run({QStringLiteral("search"), QStringLiteral("--library"), f.library(),
                   QStringLiteral("--"), QStringLiteral("--limit")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QString());
        QVERIFY(!QFileInfo::exists(f.defaultLibrary()));
    }

    void invalidLanguageOption_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("tag");
        QTest::newRow("new") << QStringList{QStringLiteral("new"), QStringLiteral("--title"),
                                            QStringLiteral("T"), QStringLiteral("--lang"),
                                            QStringLiteral("../../x")}
                             << QStringLiteral("../../x");
        QTest::newRow("new, slash")
            << QStringList{QStringLiteral("new"), QStringLiteral("--title"), QStringLiteral("T"),
                           QStringLiteral("--lang=en/x")}
            << QStringLiteral("en/x");
        QTest::newRow("show") << QStringList{QStringLiteral("show"),
                                             QStringLiteral("geneva-summit"),
                                             QStringLiteral("--lang"), QStringLiteral("../x")}
                              << QStringLiteral("../x");
        QTest::newRow("list") << QStringList{QStringLiteral("list"), QStringLiteral("--lang"),
                                             QStringLiteral("en;drop")}
                              << QStringLiteral("en;drop");
        QTest::newRow("export") << QStringList{QStringLiteral("export"),
                                               QStringLiteral("geneva-summit"),
                                               QStringLiteral("-o"),
                                               QStringLiteral("out"),
                                               QStringLiteral("--lang"),
                                               QStringLiteral("../../pwned")}
                                << QStringLiteral("../../pwned");
        // Before: taken as it was, and reported as "no finding [../x] ..." (exit 1).
        QTest::newRow("check --ignore")
            << QStringList{QStringLiteral("check"),
                           QStringLiteral("geneva-summit"),
                           QStringLiteral("--ignore"),
                           QStringLiteral("repeated-word:../x:body:1:1"),
                           QStringLiteral("--reason"),
                           QStringLiteral("quoted")}
            << QStringLiteral("../x");
    }

    void invalidLanguageOption() {
        QFETCH(QStringList, args);
        QFETCH(QString, tag);
        CliFixture f;
        QVERIFY(!f.createArticle(QStringLiteral("Geneva summit")).isEmpty());
        const CliRun before =
            f.run({QStringLiteral("list"), QStringLiteral("--library"), f.library(),
                   QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(before.exitCode, 0);
        const CliRun r = f.run(args + QStringList{QStringLiteral("--library"), f.library()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("\"%1\" is not a valid language tag").arg(tag)),
                 qPrintable(r.err));
        QCOMPARE(r.out, QString());
        const CliRun after =
            f.run({QStringLiteral("list"), QStringLiteral("--library"), f.library(),
                   QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(after.out, before.out);
        QVERIFY(!QFileInfo::exists(f.path(QStringLiteral("out"))));
    }

    // A tag is stored and looked up in its canonical form.
    void languageOptionIsCanonical() {
        CliFixture f;
        QVERIFY(!f.createArticle(QStringLiteral("Geneva summit"), "Body.", QStringLiteral("EN-us"))
                     .isEmpty());
        CliRun r = f.run({QStringLiteral("show"), QStringLiteral("geneva-summit"),
                          QStringLiteral("--library"), f.library()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("=== en-US (draft) ===")), qPrintable(r.out));
        r = f.run({QStringLiteral("show"), QStringLiteral("geneva-summit"),
                   QStringLiteral("--lang"), QStringLiteral("en_us"), QStringLiteral("--library"),
                   f.library()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("=== en-US (draft) ===")), qPrintable(r.out));
        r = f.run({QStringLiteral("list"), QStringLiteral("--lang"), QStringLiteral("EN-US"),
                   QStringLiteral("--library"), f.library()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Geneva summit")), qPrintable(r.out));
    }

    void showStatistics_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("words");
        QTest::addColumn<int>("characters");
        QTest::addColumn<QString>("reading");
        QTest::addColumn<int>("readingSeconds");
        // 5 words at 230 a minute: 1.3 s.
        QTest::newRow("plain") << QByteArray("One two three four five.") << 5 << 24
                               << QStringLiteral("1 s") << 1;
        // Markup and the link's destination are not read; 3 words: 0.78 s.
        QTest::newRow("markup") << QByteArray("**Bold** [link](https://example.org/x) text") << 3
                                << 14 << QStringLiteral("1 s") << 1;
        // 460 words: two minutes; 460 * 4 letters + 459 spaces.
        QTest::newRow("two minutes") << QByteArray("word ").repeated(460).trimmed() << 460 << 2299
                                     << QStringLiteral("2 min") << 120;
    }

    void showStatistics() {
        QFETCH(QByteArray, body);
        QFETCH(int, words);
        QFETCH(int, characters);
        QFETCH(QString, reading);
        QFETCH(int, readingSeconds);
        CliFixture f;
        QVERIFY(!f.createArticle(QStringLiteral("Counted"), body).isEmpty());
        CliRun r = f.run({QStringLiteral("show"), QStringLiteral("counted"),
                          QStringLiteral("--library"), f.library()});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.lines();
        QVERIFY2(lines.contains(QStringLiteral("words        %1").arg(words)), qPrintable(r.out));
        QVERIFY2(lines.contains(QStringLiteral("characters   %1").arg(characters)),
                 qPrintable(r.out));
        QVERIFY2(lines.contains(QStringLiteral("reading      %1").arg(reading)), qPrintable(r.out));

        r = f.run({QStringLiteral("show"), QStringLiteral("counted"), QStringLiteral("--format"),
                   QStringLiteral("json"), QStringLiteral("--library"), f.library()});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject stats = QJsonDocument::fromJson(r.rawOut)
                                      .object()
                                      .value(QLatin1String("versions"))
                                      .toArray()
                                      .at(0)
                                      .toObject()
                                      .value(QLatin1String("statistics"))
                                      .toObject();
        QCOMPARE(stats.value(QLatin1String("words")).toInt(-1), words);
        QCOMPARE(stats.value(QLatin1String("characters")).toInt(-1), characters);
        QCOMPARE(stats.value(QLatin1String("readingSeconds")).toInt(-1), readingSeconds);
    }
};

QTEST_GUILESS_MAIN(TestCliOptions)
#include "tst_cli_options.moc"
