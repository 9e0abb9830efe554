// copydesk-cli render, run as a process: flags, exit codes, the library's setting.
#include "library/library.h"
#include "support/clirun.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cmark-gfm_version.h>

using namespace copydesk;
using namespace copydesk::test;

class TestMarkdownCli final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        m_cli = qEnvironmentVariable("COPYDESK_CLI");
        if (m_cli.isEmpty())
            QSKIP("COPYDESK_CLI is not set; run through ctest");
        QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable(m_cli));
    }

    void flags_data() {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QByteArray>("markdown");
        QTest::addColumn<QByteArray>("html");
        const QByteArray strike = "~~old~~ www.un.org\n";
        QTest::newRow("defaults: all extensions, no sourcepos")
            << QStringList() << strike
            << QByteArray("<p><del>old</del> <a href=\"http://www.un.org\">www.un.org</a></p>\n");
        QTest::newRow("only strikethrough")
            << QStringList{QStringLiteral("-e"), QStringLiteral("strikethrough")} << strike
            << QByteArray("<p><del>old</del> www.un.org</p>\n");
        QTest::newRow("no extensions") << QStringList{QStringLiteral("--no-extensions")} << strike
                                       << QByteArray("<p>~~old~~ www.un.org</p>\n");
        QTest::newRow("footnotes as extension")
            << QStringList{QStringLiteral("--extension"), QStringLiteral("footnotes")}
            << QByteArray("a[^1]\n\n[^1]: b\n")
            << QByteArray("<p>a<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" "
                          "data-footnote-ref>1</a></sup></p>\n<div class=\"footnotes\" "
                          "data-footnotes>\n<ol>\n<li id=\"fn-1\">\n<p>b <a href=\"#fnref-1\" "
                          "class=\"footnote-backref\" data-footnote-backref "
// cmark-gfm 0.29.0.gfm.13 (Debian 13) numbers its back-references.
#if CMARK_GFM_VERSION >= ((0 << 24) | (29 << 16) | (0 << 8) | 13)
                          "data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\""
#else
                          "aria-label=\"Back to content\""
#endif
                          ">\xe2\x86\xa9</a></p>\n</li>\n</ol>\n</div>\n");
        QTest::newRow("safe by default") << QStringList() << QByteArray("<b>x</b>\n")
                                         << QByteArray("<p><!-- raw HTML omitted -->x<!-- raw "
                                                       "HTML omitted --></p>\n");
        QTest::newRow("unsafe") << QStringList{QStringLiteral("--unsafe")}
                                << QByteArray("<b>x</b>\n") << QByteArray("<p><b>x</b></p>\n");
        QTest::newRow("unsafe is sanitised")
            << QStringList{QStringLiteral("--unsafe")}
            << QByteArray("<img src=x onerror=alert(1)> <a href=\"JaVaScRiPt:alert(1)\" "
                          "onclick=\"x()\">a</a>\n")
            << QByteArray("<p><img src=\"x\"> <a>a</a></p>\n");
        QTest::newRow("spec-raw is not")
            << QStringList{QStringLiteral("--spec-raw"), QStringLiteral("--no-extensions")}
            << QByteArray("<img src=x onerror=alert(1)>\n")
            << QByteArray("<img src=x onerror=alert(1)>\n");
        QTest::newRow("sourcepos")
            << QStringList{QStringLiteral("--sourcepos")} << QByteArray("# T\n")
            << QByteArray("<h1 id=\"t\" data-sourcepos=\"1:1-1:3\">T</h1>\n");
        QTest::newRow("smart") << QStringList{QStringLiteral("--smart")}
                               << QByteArray("\"a\" -- b\n")
                               << QByteArray("<p>\xe2\x80\x9c"
                                             "a\xe2\x80\x9d \xe2\x80\x93 b</p>\n");
        QTest::newRow("empty input") << QStringList() << QByteArray() << QByteArray();
    }
    void flags() {
        QFETCH(QStringList, flags);
        QFETCH(QByteArray, markdown);
        QFETCH(QByteArray, html);
        const CliRun r = run(flags, markdown);
        QCOMPARE(r.err, QString());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.rawOut, html);
    }

    void errors_data() {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QByteArray>("markdown");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("invalid utf-8") << QStringList() << QByteArray("ok \xff\xfe bad\n") << 1
                                       << QStringLiteral("not valid UTF-8");
        QTest::newRow("truncated utf-8")
            << QStringList() << QByteArray("caf\xc3") << 1 << QStringLiteral("not valid UTF-8");
        QTest::newRow("unknown extension")
            << QStringList{QStringLiteral("-e"), QStringLiteral("emoji")} << QByteArray("x") << 2
            << QStringLiteral("unknown extension 'emoji'");
        QTest::newRow("missing library")
            << QStringList{QStringLiteral("--library"), QStringLiteral("/nonexistent/x.copydesk")}
            << QByteArray("x") << 1 << QStringLiteral("x.copydesk");
    }
    void unsafeHelpSaysWhatPasses() {
        // The help promised only that tagfilter disarms <script>; it now lists what is
        // removed and what is let through.
        const CliRun r = runCli({QStringLiteral("render"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        const QString help = r.out.simplified();
        for (const char* said :
             {"javascript:, vbscript:, file:, blob:, filesystem: or data:",
              "gets rel=\"noopener noreferrer\"", "on... event handler",
              "Everything else is let through", "http:, https:, mailto:, tel: and relative URLs"})
            QVERIFY2(help.contains(QLatin1String(said)), said);
    }
    void wideTableNote() {
        // A row of 5,000 cells: rendered as text, linear, with a note on stderr.
        QByteArray markdown = "| a | b |\n|---|---|\n|" + QByteArray("x|").repeated(5000) + "\n";
        const CliRun r = run({}, markdown);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QStringLiteral("note: standard input: line 3 has 5000 table cells, more "
                                       "than 128: tables are shown as text\n"));
        QVERIFY(!r.out.contains(QLatin1String("<table")));
        QVERIFY(r.out.startsWith(QLatin1String("<p data-sourcepos=\"1:1-3:")) ||
                r.out.startsWith(QLatin1String("<p>")));
    }
    // Where the table note was only render's: import and check say it too (before, both
    // were silent about tables shown as text).
    void wideTableNoteInImportAndCheck() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString library = dir.filePath(QStringLiteral("lib.copydesk"));
        const QString file = dir.filePath(QStringLiteral("wide.md"));
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write("---\ntitle: Wide\nlang: en\n---\n\n| a | b |\n|---|---|\n|" +
                      QByteArray("x|").repeated(300) + "\n");
        }
        const QString note =
            QStringLiteral("info tables-as-text: line 3 has 300 table cells, more than 128: "
                           "tables are shown as text");
        const test::CliRun imported = test::runCli(
            {QStringLiteral("--library"), library, QStringLiteral("import"), file}, {}, dir.path());
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.err.contains(note), qPrintable(imported.err));
        const test::CliRun checked = test::runCli(
            {QStringLiteral("--library"), library, QStringLiteral("check"), imported.out.trimmed()},
            {}, dir.path());
        QVERIFY2(checked.out.contains(note), qPrintable(checked.out + checked.err));
    }

    // blob: and filesystem: name the reader's machine or another page's objects:
    // dropped in the default mode too (cmark's safe mode blanks only javascript:,
    // vbscript:, file: and data:). Before, default render passed them.
    void localUrlsAreDropped() {
        const CliRun r = run({}, "[a](blob:https://x.org/1) [b](FileSystem:https://x.org/t/f) "
                                 "![c](blob:x) [d](https://x.org/)\n");
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.out.contains(QLatin1String("blob:"), Qt::CaseInsensitive), qPrintable(r.out));
        QVERIFY2(!r.out.contains(QLatin1String("filesystem:"), Qt::CaseInsensitive),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("<a href=\"\">a</a>")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("href=\"https://x.org/\"")), qPrintable(r.out));
    }

    void errors() {
        QFETCH(QStringList, flags);
        QFETCH(QByteArray, markdown);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const CliRun r = run(flags, markdown);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(r.rawOut.isEmpty());
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        if (exitCode == 1)
            QCOMPARE(r.err.count(u'\n'), 1); // one line
    }

    void librarySetting_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("html");
        QTest::newRow("raw html on") << QStringLiteral("true") << QByteArray("<p><b>x</b></p>\n");
        QTest::newRow("raw html off")
            << QStringLiteral("false")
            << QByteArray("<p><!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n");
    }
    void librarySetting() {
        QFETCH(QString, value);
        QFETCH(QByteArray, html);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("library.copydesk"));
        {
            auto library = Library::open(path);
            QVERIFY2(library.ok(), qPrintable(library.error()));
            QVERIFY((*library)->setSetting(QStringLiteral("markdown.rawHtml"), value).ok());
        }
        const CliRun r = run({QStringLiteral("--library"), path}, "<b>x</b>\n");
        QCOMPARE(r.err, QString());
        QCOMPARE(r.rawOut, html);
    }

private:
    CliRun run(const QStringList& flags, const QByteArray& input) const {
        return runCli(QStringList{QStringLiteral("render")} + flags, input);
    }

    QString m_cli;
};

QTEST_GUILESS_MAIN(TestMarkdownCli)
#include "tst_markdown_cli.moc"
