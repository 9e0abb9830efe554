// copydesk-cli check, and the clean-up of copydesk-cli import (--fix, --fix-safe), run
// as processes on a real library in a temporary folder: output, exit codes, the
// ignore list kept in the library and the revisions an import with fixes leaves.
#include "checks/checkcontext.h"
#include "checks/checks.h"
#include "interchange/interchange.h"
#include "library/library.h"
#include "support/clirun.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace copydesk;
using namespace copydesk::test;

namespace {

QString dataPath(const QString& relative) {
    return qEnvironmentVariable("COPYDESK_SOURCE_DIR") + QStringLiteral("/tests/data/checks/") +
           relative;
}

QString readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

// Every line of the text output has the same shape, so that scripts can cut it.
const QRegularExpression kLine(
    QStringLiteral("^[a-z0-9-]+ \\[[A-Za-z-]+\\] (title|summary|body|seo-title|seo-description|"
                   "featured-image) \\d+:\\d+-\\d+:\\d+ (info|warning|error) [a-z-]+: \\S.*$"));

// "check-id line:col-line:col" of the body findings listed in a messy sample's
// .expected file.
QStringList expectedBodyFindings(const QString& sample) {
    QStringList result;
    const QStringList lines =
        readFile(dataPath(QStringLiteral("messy/") + sample + QStringLiteral(".expected")))
            .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString& line : lines) {
        result.append(line.section(QLatin1Char(' '), 0, 0) + QLatin1Char(' ') +
                      line.section(QLatin1Char(' '), 3, 3));
    }
    return result;
}

} // namespace

class TestCheckCli final : public QObject {
    Q_OBJECT
private:
    QString m_cli;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_library;
    QUuid m_warnId;

    CliRun run(QStringList args) {
        if (!args.contains(QStringLiteral("--help"))) {
            args.append(QStringLiteral("--library"));
            args.append(m_library);
        }
        return runCli(args, {}, m_dir->path());
    }

    // Three articles, saved through the Library API: one with nothing to report, one
    // with warnings only, and the pasted e-mail with two error-level findings.
    void createLibrary() {
        auto library = Library::open(m_library);
        QVERIFY2(library.ok(), qPrintable(library.error()));
        auto add = [&](const QString& slug, const QString& title, const QString& summary,
                       const QString& body) {
            Article a = makeArticle(QStringLiteral("en"), title);
            a.slug = slug;
            LanguageVersion& v = a.versions.front();
            v.summary = summary;
            v.seoDescription = QStringLiteral("River data agreement signed in Lisbon.");
            v.body = body;
            auto saved = (*library)->save(a);
            if (!saved)
                qWarning().noquote() << saved.error();
            return saved ? a.id : QUuid();
        };
        const QString summary = QStringLiteral(
            "Forty-two countries will publish river data every year under a deal reached in "
            "Lisbon.");
        const QUuid cleanId =
            add(QStringLiteral("clean"), QStringLiteral("Delegates agree to share river data"),
                summary, readFile(dataPath(QStringLiteral("clean/en-summit.md"))));
        m_warnId = add(QStringLiteral("warn"), QStringLiteral("Forum meets in Lisbon"), summary,
                       QStringLiteral("The forum met in Lisbon and the the delegates agreed on a "
                                      "plan.\n"));
        const QUuid messyId =
            add(QStringLiteral("messy"), QStringLiteral("Ministers agree on water plan"), summary,
                readFile(dataPath(QStringLiteral("messy/en-email.md"))));
        QVERIFY(!cleanId.isNull() && !m_warnId.isNull() && !messyId.isNull());
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        m_cli = qEnvironmentVariable("COPYDESK_CLI");
        if (m_cli.isEmpty())
            QSKIP("COPYDESK_CLI is not set; run through ctest");
        QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable(m_cli));
    }

    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_library = m_dir->filePath(QStringLiteral("library.copydesk"));
    }

    void help_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("mentions");
        QTest::newRow("check") << QStringLiteral("check")
                               << QStringList{
                                      QStringLiteral("--all"),    QStringLiteral("--format"),
                                      QStringLiteral("--only"),   QStringLiteral("--ignore"),
                                      QStringLiteral("--reason"), QStringLiteral("--library")};
        QTest::newRow("import") << QStringLiteral("import")
                                << QStringList{QStringLiteral("--fix"),
                                               QStringLiteral("--fix-safe"),
                                               QStringLiteral("stderr")};
    }
    void help() {
        QFETCH(QString, command);
        QFETCH(QStringList, mentions);
        const CliRun r = run({command, QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const QString& m : std::as_const(mentions))
            QVERIFY2(r.out.contains(m), qPrintable(m + QStringLiteral(" in:\n") + r.out));
        QVERIFY(r.err.isEmpty());
    }

    void listChecks() {
        const CliRun r = run({QStringLiteral("check"), QStringLiteral("--list-checks")});
        QCOMPARE(r.exitCode, 0);
        // Every check of app/checks and of the translation QA, in catalogue order.
        const QStringList ids{QStringLiteral("duplicate-paragraph"),
                              QStringLiteral("boilerplate"),
                              QStringLiteral("punctuation-line"),
                              QStringLiteral("glued-words"),
                              QStringLiteral("missing-space"),
                              QStringLiteral("truncated"),
                              QStringLiteral("repeated-word"),
                              QStringLiteral("double-space"),
                              QStringLiteral("unbalanced"),
                              QStringLiteral("quotes"),
                              QStringLiteral("fullwidth-punctuation"),
                              QStringLiteral("missing-title"),
                              QStringLiteral("missing-body"),
                              QStringLiteral("missing-summary"),
                              QStringLiteral("missing-seo-description"),
                              QStringLiteral("title-length"),
                              QStringLiteral("summary-length"),
                              QStringLiteral("seo-length"),
                              QStringLiteral("featured-image-alt"),
                              QStringLiteral("image-alt"),
                              QStringLiteral("link-text"),
                              QStringLiteral("heading-level"),
                              QStringLiteral("tables-as-text"),
                              QStringLiteral("version-numbers"),
                              QStringLiteral("version-dates"),
                              QStringLiteral("version-links"),
                              QStringLiteral("segment-markup"),
                              QStringLiteral("segment-identical"),
                              QStringLiteral("segment-length"),
                              QStringLiteral("segment-inconsistent")};
        QStringList listed;
        const QStringList lines = r.lines();
        for (const QString& line : lines)
            listed.append(line.section(QLatin1Char(' '), 0, 0));
        QCOMPARE(listed, ids);
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("^truncated +error "),
                                                  QRegularExpression::MultilineOption)));
    }

    void usage_data() {
        QTest::addColumn<QStringList>("args");
        const QString check = QStringLiteral("check");
        QTest::newRow("nothing to check") << QStringList{check};
        QTest::newRow("ids and --all")
            << QStringList{check, QStringLiteral("clean"), QStringLiteral("--all")};
        QTest::newRow("unknown format") << QStringList{
            check, QStringLiteral("--all"), QStringLiteral("--format"), QStringLiteral("xml")};
        QTest::newRow("unknown check")
            << QStringList{check, QStringLiteral("--all"), QStringLiteral("--only"),
                           QStringLiteral("truncated,spelling")};
        QTest::newRow("unknown option")
            << QStringList{check, QStringLiteral("--frobnicate"), QStringLiteral("clean")};
        QTest::newRow("ignore without reason")
            << QStringList{check, QStringLiteral("warn"), QStringLiteral("--ignore"),
                           QStringLiteral("repeated-word:en:body:1:29")};
        QTest::newRow("ignore, bad spec")
            << QStringList{check,
                           QStringLiteral("warn"),
                           QStringLiteral("--ignore"),
                           QStringLiteral("repeated-word:en:body:first"),
                           QStringLiteral("--reason"),
                           QStringLiteral("x")};
        QTest::newRow("ignore, unknown field")
            << QStringList{check,
                           QStringLiteral("warn"),
                           QStringLiteral("--ignore"),
                           QStringLiteral("repeated-word:en:footer:1:29"),
                           QStringLiteral("--reason"),
                           QStringLiteral("x")};
        QTest::newRow("ignore, two articles")
            << QStringList{check,
                           QStringLiteral("warn"),
                           QStringLiteral("clean"),
                           QStringLiteral("--ignore"),
                           QStringLiteral("repeated-word:en:body:1:29"),
                           QStringLiteral("--reason"),
                           QStringLiteral("x")};
        QTest::newRow("reason without ignore") << QStringList{
            check, QStringLiteral("warn"), QStringLiteral("--reason"), QStringLiteral("x")};
        QTest::newRow("import, unknown fix") << QStringList{
            QStringLiteral("import"), QStringLiteral("--fix"), QStringLiteral("spelling"),
            dataPath(QStringLiteral("messy/en-email.md"))};
    }
    void usage() {
        QFETCH(QStringList, args);
        const CliRun r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.err.isEmpty());
        QVERIFY(!QFile::exists(m_library)); // nothing was opened, let alone created
    }

    void text_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("expected"); // exact lines; empty: see below
        QTest::newRow("clean") << QStringList{QStringLiteral("clean")} << 0 << QStringList{};
        const QStringList warn{
            QStringLiteral("warn [en] body 1:29-1:36 warning repeated-word: “the” is repeated")};
        QTest::newRow("warnings only") << QStringList{QStringLiteral("warn")} << 0 << warn;
        QTest::newRow("by id") << QStringList{QStringLiteral("@warn")} << 0 << warn;
        QTest::newRow("two articles")
            << QStringList{QStringLiteral("clean"), QStringLiteral("warn")} << 0 << warn;
        QTest::newRow("only one check")
            << QStringList{QStringLiteral("messy"), QStringLiteral("--only"),
                           QStringLiteral("repeated-word")}
            << 0
            << QStringList{QStringLiteral(
                   "messy [en] body 7:64-7:71 warning repeated-word: “the” is repeated")};
        QTest::newRow("only an error check")
            << QStringList{QStringLiteral("messy"), QStringLiteral("--only"),
                           QStringLiteral("image-alt,truncated")}
            << 1
            << QStringList{QStringLiteral("messy [en] body 19:1-19:25 warning image-alt: Image "
                                          "without alternative text"),
                           QStringLiteral("messy [en] body 25:71-25:76 error truncated: The text "
                                          "stops in the middle of a word (“appro”)")};
        QTest::newRow("errors") << QStringList{QStringLiteral("messy")} << 1 << QStringList{};
        QTest::newRow("all") << QStringList{QStringLiteral("--all")} << 1 << QStringList{};
    }
    void text() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QStringList, expected);
        createLibrary();
        if (QTest::currentTestFailed())
            return;
        if (args.front() == QLatin1String("@warn"))
            args.front() = m_warnId.toString(QUuid::WithoutBraces);
        const CliRun r = run(QStringList{QStringLiteral("check")} + args);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QCOMPARE(r.exitCode, exitCode);
        const QStringList lines = r.lines();
        for (const QString& line : lines)
            QVERIFY2(kLine.match(line).hasMatch(), qPrintable(line));
        if (!expected.isEmpty() || exitCode == 0) {
            if (lines != expected)
                qWarning().noquote() << r.out;
            QCOMPARE(lines, expected);
            return;
        }
        // The pasted e-mail: every body finding the checks' own sample expects, in order.
        QStringList body;
        for (const QString& line : lines) {
            if (line.startsWith(QLatin1String("messy [en] body ")))
                body.append(line.section(QLatin1Char(' '), 5, 5).chopped(1) + QLatin1Char(' ') +
                            line.section(QLatin1Char(' '), 3, 3));
        }
        QCOMPARE(body, expectedBodyFindings(QStringLiteral("en-email")));
        QVERIFY(lines.contains(QStringLiteral("messy [en] body 11:1-11:110 error "
                                              "duplicate-paragraph: This paragraph repeats the "
                                              "one at line 5")));
        // --all reports the others too, and only messy has errors.
        const bool all = args.contains(QStringLiteral("--all"));
        QCOMPARE(lines.contains(warnLine()), all);
    }

    void json() {
        createLibrary();
        if (QTest::currentTestFailed())
            return;
        const CliRun r = run({QStringLiteral("check"), QStringLiteral("--all"),
                              QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(doc.isArray());
        const QJsonArray array = doc.array();
        // The same findings as the text output, in the same order.
        const CliRun text = run({QStringLiteral("check"), QStringLiteral("--all")});
        QCOMPARE(array.size(), text.lines().size());
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonObject o = array.at(i).toObject();
            const QJsonObject range = o.value(QStringLiteral("range")).toObject();
            const QJsonObject start = range.value(QStringLiteral("start")).toObject();
            const QJsonObject end = range.value(QStringLiteral("end")).toObject();
            const QString line =
                QStringLiteral("%1 [%2] %3 %4:%5-%6:%7 %8 %9: ")
                    .arg(o.value(QStringLiteral("slug")).toString(),
                         o.value(QStringLiteral("language")).toString(),
                         o.value(QStringLiteral("field")).toString(),
                         QString::number(start.value(QStringLiteral("line")).toInt()),
                         QString::number(start.value(QStringLiteral("column")).toInt()),
                         QString::number(end.value(QStringLiteral("line")).toInt()),
                         QString::number(end.value(QStringLiteral("column")).toInt()),
                         o.value(QStringLiteral("severity")).toString(),
                         o.value(QStringLiteral("check")).toString()) +
                o.value(QStringLiteral("message")).toString();
            QCOMPARE(line, text.lines().at(i));
            QVERIFY(!QUuid::fromString(o.value(QStringLiteral("article")).toString()).isNull());
        }
        // A finding with a fix carries it as edits.
        const auto duplicate = std::find_if(array.begin(), array.end(), [](const QJsonValue& v) {
            return v[QStringLiteral("check")].toString() == QLatin1String("duplicate-paragraph");
        });
        QVERIFY(duplicate != array.end());
        const QJsonObject finding = QJsonValue(*duplicate).toObject();
        const QJsonObject fix = finding.value(QStringLiteral("fix")).toObject();
        QCOMPARE(fix.value(QStringLiteral("safe")).toBool(), true);
        QCOMPARE(fix.value(QStringLiteral("edits")).toArray().size(), 1);
        const QJsonObject range = finding.value(QStringLiteral("range")).toObject();
        QCOMPARE(
            range.value(QStringLiteral("start")).toObject().value(QStringLiteral("offset")).toInt(),
            readFile(dataPath(QStringLiteral("messy/en-email.md")))
                .indexOf(QStringLiteral("The forum opened"), 100));

        const CliRun clean = run({QStringLiteral("check"), QStringLiteral("clean"),
                                  QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(clean.exitCode, 0);
        QCOMPARE(clean.out.trimmed(), QStringLiteral("[]"));
    }

    void failures_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message"); // a pattern for the one line on stderr
        QTest::newRow("unknown article")
            << QStringList{QStringLiteral("clean"), QStringLiteral("no-such-article")}
            << QStringLiteral("^copydesk-cli: .*'no-such-article'");
        QTest::newRow("unknown article, json")
            << QStringList{QStringLiteral("no-such-article"), QStringLiteral("--format"),
                           QStringLiteral("json")}
            << QStringLiteral("no-such-article");
        QTest::newRow("ignore, no such finding")
            << QStringList{QStringLiteral("warn"), QStringLiteral("--ignore"),
                           QStringLiteral("repeated-word:en:body:2:29"), QStringLiteral("--reason"),
                           QStringLiteral("x")}
            << QStringLiteral("^copydesk-cli: warn: .*repeated-word");
    }
    void failures() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        createLibrary();
        if (QTest::currentTestFailed())
            return;
        const CliRun r = run(QStringList{QStringLiteral("check")} + args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
        QCOMPARE(r.errLines().size(), 1);
        QVERIFY2(r.errLines().front().contains(QRegularExpression(message)), qPrintable(r.err));
    }

    // A single 300,000-letter "word": every prefix of it went through the spell
    // checker's cache (about 90 GB for this one; 24 GB seen before the machine gave
    // up). With 1 GB of data segment the check now runs through; it ran out of memory.
    void longWord_data() {
        QTest::addColumn<QString>("word");
        QTest::newRow("one letter") << QString(300000, QLatin1Char('a'));
        QString random;
        QRandomGenerator generator(6);
        for (int i = 0; i < 300000; ++i) {
            const char16_t base = generator.bounded(4) == 0 ? u'A' : u'a';
            random.append(QChar(char16_t(base + generator.bounded(26))));
        }
        QTest::newRow("random letters and case") << random;
    }
    void longWord() {
        QFETCH(QString, word);
        {
            auto library = Library::open(m_library);
            QVERIFY2(library, qPrintable(library.error()));
            Article a = makeArticle(QStringLiteral("en"), QStringLiteral("A very long word"));
            a.slug = QStringLiteral("long");
            a.versions.front().summary =
                QStringLiteral("Forty-two countries will publish river data every year under a "
                               "deal reached in Lisbon.");
            a.versions.front().seoDescription =
                QStringLiteral("River data agreement signed in Lisbon.");
            a.versions.front().body =
                QStringLiteral("The delegates wrote ") + word + QStringLiteral(" on the board.\n");
            QVERIFY((*library)->save(a));
        }
        CliRequest request;
        request.args = {QStringLiteral("--library"), m_library, QStringLiteral("check"),
                        QStringLiteral("long")};
        request.home = m_dir->path();
        request.dataLimit = rlim_t(1) << 30;
        const CliRun r = runCli(request);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QVERIFY2(r.lines().isEmpty(), qPrintable(r.out.left(2000)));
        QCOMPARE(r.exitCode, 0);
    }

    // '[' * n + 'x' + '](y)' * n once took 12 GB to check or import at 250 KB, while
    // render took 30 ms. In 1 GB of data segment both now run through (a bound on
    // memory, which a loaded machine cannot make flaky; time is in the benchmark).
    void nestedBracketsInBoundedMemory_data() {
        QTest::addColumn<QString>("command");
        QTest::newRow("check") << QStringLiteral("check");
        QTest::newRow("import") << QStringLiteral("import");
    }
    void nestedBracketsInBoundedMemory() {
        QFETCH(QString, command);
        const int n = 62500;
        const QByteArray body = QByteArray(n, '[') + 'x' + QByteArray("](y)").repeated(n) + '\n';
        QCOMPARE(body.size(), 312502);
        const QString file = m_dir->filePath(QStringLiteral("brackets.md"));
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            QVERIFY(out.write("---\ntitle: Brackets\nslug: brackets\n---\n" + body) > 0);
        }
        CliRequest request;
        request.home = m_dir->path();
        request.dataLimit = rlim_t(1) << 30;
        request.args = {QStringLiteral("--library"), m_library, QStringLiteral("import"), file};
        if (command == QLatin1String("check")) {
            const CliRun imported = runCli(request); // not under test here
            QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
            request.args = {QStringLiteral("--library"), m_library, QStringLiteral("check"),
                            QStringLiteral("brackets")};
        }
        const CliRun r = runCli(request);
        // import reports its findings on stderr; neither may run out of memory.
        QVERIFY2(!r.err.contains(QLatin1String("memory")), qPrintable(r.err));
        if (command == QLatin1String("check"))
            QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        // check exits 1 when it reports a finding; anything else is a failure.
        QVERIFY2(r.exitCode == 0 || (command == QLatin1String("check") && r.exitCode == 1),
                 qPrintable(QString::number(r.exitCode)));
    }

    void missingLibrary() {
        const CliRun r = run({QStringLiteral("check"), QStringLiteral("--all")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.errLines().size(), 1);
        QVERIFY(!QFile::exists(m_library));
    }

    void ignore() {
        createLibrary();
        if (QTest::currentTestFailed())
            return;
        const QString reason = QStringLiteral("quoting a sign");
        CliRun r = run({QStringLiteral("check"), QStringLiteral("warn"), QStringLiteral("--ignore"),
                        QStringLiteral("repeated-word:en:body:1:29-1:36"),
                        QStringLiteral("--reason"), reason});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.lines().size(), 1);
        QVERIFY2(r.out.contains(reason), qPrintable(r.out));

        // Later runs, text and JSON, leave it out.
        r = run({QStringLiteral("check"), QStringLiteral("warn")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QString());
        r = run({QStringLiteral("check"), QStringLiteral("warn"), QStringLiteral("--format"),
                 QStringLiteral("json")});
        QCOMPARE(r.out.trimmed(), QStringLiteral("[]"));
        // Asking again changes nothing.
        r = run({QStringLiteral("check"), QStringLiteral("warn"), QStringLiteral("--ignore"),
                 QStringLiteral("repeated-word:en:body:1:29"), QStringLiteral("--reason"),
                 QStringLiteral("again")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("already")));

        // Kept in the library in the checks' own format, under the article's key.
        {
            auto library = Library::open(m_library, Library::Mode::ReadOnly);
            QVERIFY2(library.ok(), qPrintable(library.error()));
            const QList<checks::IgnoredFinding> list = checks::ignoreListFromJson(
                (*library)->setting(checks::ignoreListSettingKey(m_warnId)).value());
            QCOMPARE(list.size(), 1);
            QCOMPARE(list.front().checkId, QStringLiteral("repeated-word"));
            QCOMPARE(list.front().reason, reason);
            QCOMPARE(list.front().excerpt, QStringLiteral("the the"));
        }

        // Ignoring both error-level findings of an article turns its exit status to 0.
        QCOMPARE(run({QStringLiteral("check"), QStringLiteral("messy")}).exitCode, 1);
        for (const QString& spec : {QStringLiteral("duplicate-paragraph:en:body:11:1"),
                                    QStringLiteral("truncated:en:body:25:71")}) {
            r = run({QStringLiteral("check"), QStringLiteral("messy"), QStringLiteral("--ignore"),
                     spec, QStringLiteral("--reason"), QStringLiteral("checked by hand")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        r = run({QStringLiteral("check"), QStringLiteral("messy")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.out.contains(QStringLiteral(" error ")));
        QVERIFY(r.out.contains(QStringLiteral(" glued-words: ")));
    }

    void importFixes_data() {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QStringList>("fixedChecks"); // in the order reported
        QTest::addColumn<QStringList>("gone");        // text the fixes removed
        QTest::newRow("report only") << QStringList{} << QStringList{} << QStringList{};
        QTest::newRow("safe fixes")
            << QStringList{QStringLiteral("--fix-safe")}
            << QStringList{QStringLiteral("boilerplate"),   QStringLiteral("glued-words"),
                           QStringLiteral("missing-space"), QStringLiteral("duplicate-paragraph"),
                           QStringLiteral("double-space"),  QStringLiteral("boilerplate"),
                           QStringLiteral("boilerplate")}
            << QStringList{QStringLiteral("Click here to view"), QStringLiteral("Read more"),
                           QStringLiteral("Sent from my iPhone"), QStringLiteral("openedThe"),
                           QStringLiteral("2030.It")};
        QTest::newRow("named checks")
            << QStringList{QStringLiteral("--fix"), QStringLiteral("duplicate-paragraph"),
                           QStringLiteral("--fix"), QStringLiteral("repeated-word")}
            << QStringList{QStringLiteral("repeated-word"), QStringLiteral("duplicate-paragraph")}
            << QStringList{QStringLiteral("the the")};
    }
    void importFixes() {
        QFETCH(QStringList, options);
        QFETCH(QStringList, fixedChecks);
        QFETCH(QStringList, gone);
        const QString file = dataPath(QStringLiteral("messy/en-email.md"));
        const CliRun r = run(QStringList{QStringLiteral("import")} + options + QStringList{file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // stdout stays one id a line; the report goes to stderr.
        QCOMPARE(r.lines().size(), 1);
        const QUuid id = QUuid::fromString(r.lines().front());
        QVERIFY(!id.isNull());
        QStringList fixed;
        QStringList findings;
        const QStringList errLines = r.errLines();
        for (const QString& line : errLines) {
            static const QRegularExpression fixLine(
                QStringLiteral("^[a-z0-9-]+: fixed \\[en\\] body \\d+:\\d+-\\d+:\\d+ ([a-z-]+): "));
            const auto m = fixLine.match(line);
            if (m.hasMatch())
                fixed.append(m.captured(1));
            else if (kLine.match(line).hasMatch())
                findings.append(line.section(QLatin1Char(' '), 5, 5).chopped(1));
            else
                QFAIL(qPrintable(QStringLiteral("unexpected line: ") + line));
        }
        QCOMPARE(fixed, fixedChecks);
        // What is left is reported; a fixed finding is not reported again.
        QVERIFY(findings.contains(QStringLiteral("truncated")));
        QCOMPARE(findings.contains(QStringLiteral("duplicate-paragraph")),
                 !fixedChecks.contains(QStringLiteral("duplicate-paragraph")));

        auto library = Library::open(m_library, Library::Mode::ReadOnly);
        QVERIFY2(library.ok(), qPrintable(library.error()));
        const QList<RevisionInfo> revisions = (*library)->revisions(id).value();
        QCOMPARE(revisions.size(), fixedChecks.isEmpty() ? 1 : 2);
        QCOMPARE(revisions.back().kind, RevisionKind::Import); // newest first
        // The imported text as the importer made it, before any clean-up.
        const auto imported = readImportFiles({file});
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        const QString original = imported->front().article.versions.front().body;
        const auto atImport = (*library)->articleAtRevision(revisions.back().id);
        QVERIFY2(atImport.ok(), qPrintable(atImport.error()));
        QCOMPARE(atImport->versions.front().body, original);
        const auto current = (*library)->article(id);
        QVERIFY(current.ok());
        const QString body = current->versions.front().body;
        for (const QString& text : std::as_const(gone)) {
            QVERIFY2(original.contains(text), qPrintable(text));
            QVERIFY2(!body.contains(text), qPrintable(text));
        }
        if (fixedChecks.isEmpty()) {
            QCOMPARE(body, original);
            return;
        }
        QCOMPARE(revisions.front().kind, RevisionKind::Save);
        QVERIFY2(revisions.front().note.startsWith(
                     QStringLiteral("cleanup: %1 fix").arg(fixedChecks.size())),
                 qPrintable(revisions.front().note));
        QCOMPARE(body.count(QStringLiteral("from forty countries")), 1);
        library->reset();

        // `history` lists both; the original comes back with `restore`.
        const CliRun history = run({QStringLiteral("history"), id.toString(QUuid::WithoutBraces)});
        QVERIFY2(history.exitCode == 0, qPrintable(history.err));
        QCOMPARE(history.lines().size(), 2);
        QVERIFY2(history.lines().at(0).contains(QStringLiteral("cleanup: ")),
                 qPrintable(history.out));
        QVERIFY2(history.lines().at(1).contains(QStringLiteral("import")), qPrintable(history.out));
        {
            auto rw = Library::open(m_library);
            QVERIFY2(rw.ok(), qPrintable(rw.error()));
            const qint64 importRevision = (*rw)->revisions(id)->back().id;
            const auto restored = (*rw)->restore(importRevision);
            QVERIFY2(restored.ok(), qPrintable(restored.error()));
            QCOMPARE((*rw)->article(id)->versions.front().body, original);
        }
    }

private:
    static QString warnLine() {
        return QStringLiteral("warn [en] body 1:29-1:36 warning repeated-word: “the” is repeated");
    }
};

QTEST_GUILESS_MAIN(TestCheckCli)
#include "tst_check_cli.moc"
