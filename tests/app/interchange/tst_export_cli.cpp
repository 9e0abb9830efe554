// copydesk-cli import / export, run as a process: output, files and exit codes.
#include "app/interchange/interchangetestutil.h"
#include "interchange/interchange.h"
#include "support/clirun.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace copydesk;
using namespace copydesk::test;
using namespace copydesk::testing;

class TestExportCli final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        const QString problem = prepareCliTest();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_library = m_dir->filePath(QStringLiteral("library.copydesk"));
    }

    void help_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("import") << QStringLiteral("import") << QStringLiteral("--format");
        QTest::newRow("export") << QStringLiteral("export") << QStringLiteral("--output");
    }
    void help() {
        QFETCH(QString, command);
        QFETCH(QString, mentions);
        const CliRun r = run({command, QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(mentions), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("--lang")));
    }

    void usage_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("import without files") << QStringList{QStringLiteral("import")};
        QTest::newRow("import, unknown format")
            << QStringList{QStringLiteral("import"), QStringLiteral("--format"),
                           QStringLiteral("pdf"), QStringLiteral("a.pdf")};
        QTest::newRow("import, bad language")
            << QStringList{QStringLiteral("import"), QStringLiteral("--lang"),
                           QStringLiteral("not a tag"), QStringLiteral("a.md")};
        QTest::newRow("import, unknown option") << QStringList{
            QStringLiteral("import"), QStringLiteral("--frobnicate"), QStringLiteral("a.md")};
        QTest::newRow("export without article") << QStringList{QStringLiteral("export")};
        QTest::newRow("export articles and --tag")
            << QStringList{QStringLiteral("export"), QStringLiteral("a"), QStringLiteral("--tag"),
                           QStringLiteral("b")};
        QTest::newRow("export, unknown format")
            << QStringList{QStringLiteral("export"), QStringLiteral("a"),
                           QStringLiteral("--format"), QStringLiteral("docx")};
        QTest::newRow("export to stdout, two languages") << QStringList{
            QStringLiteral("export"), QStringLiteral("a"),      QStringLiteral("--output"),
            QStringLiteral("-"),      QStringLiteral("--lang"), QStringLiteral("en"),
            QStringLiteral("--lang"), QStringLiteral("fr")};
    }
    void usage() {
        QFETCH(QStringList, args);
        const CliRun r = run(args + QStringList{QStringLiteral("--library"), m_library});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.err.isEmpty());
        QVERIFY(!QFile::exists(m_library)); // nothing was opened, let alone created
    }

    void importThenExport() {
        const QString en = interchangeData(QStringLiteral("hugo/water-report.en.md"));
        const QString fr = interchangeData(QStringLiteral("hugo/water-report.fr.md"));
        const CliRun imported = run({QStringLiteral("import"), en, fr});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        const QStringList ids = imported.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(ids.size(), 1);
        QVERIFY(!QUuid::fromString(ids.front()).isNull());

        // To a folder: one file per version, paths printed.
        const QString folder = m_dir->filePath(QStringLiteral("site/content/news"));
        const CliRun exported =
            run({QStringLiteral("export"), ids.front(), QStringLiteral("--format"),
                 QStringLiteral("md"), QStringLiteral("--output"), folder});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        const QStringList paths = exported.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(paths.size(), 2);
        QCOMPARE(QFileInfo(paths.at(0)).fileName(), QStringLiteral("clean-water.en.md"));
        QCOMPARE(QFileInfo(paths.at(1)).fileName(), QStringLiteral("clean-water.fr.md"));

        // The exported files hold what the hand-written ones did.
        const auto original = importMarkdownFiles({en, fr});
        const auto roundTrip = importMarkdownFiles(paths);
        QVERIFY2(roundTrip.ok(), qPrintable(roundTrip.error()));
        QCOMPARE(roundTrip->versions.size(), 2);
        for (qsizetype i = 0; i < 2; ++i) {
            QCOMPARE(roundTrip->versions.at(i).title, original->versions.at(i).title);
            QCOMPARE(roundTrip->versions.at(i).body, original->versions.at(i).body);
            QCOMPARE(roundTrip->versions.at(i).summary, original->versions.at(i).summary);
        }
        QCOMPARE(roundTrip->tags, original->tags);
        QCOMPARE(roundTrip->id, original->id);

        // One version to standard output, found by slug.
        const CliRun single =
            run({QStringLiteral("export"), QStringLiteral("clean-water"), QStringLiteral("--lang"),
                 QStringLiteral("fr"), QStringLiteral("--output"), QStringLiteral("-")});
        QVERIFY2(single.exitCode == 0, qPrintable(single.err));
        QVERIFY(single.out.startsWith(QStringLiteral("---\n")));
        QVERIFY(single.out.contains(QStringLiteral("\nlang: fr\n")));
        QVERIFY(
            single.out.contains(QStringLiteral("title: L’eau potable arrive dans 10 000 foyers")));

        // Standard output takes one version only.
        const CliRun both = run({QStringLiteral("export"), QStringLiteral("clean-water"),
                                 QStringLiteral("--output"), QStringLiteral("-")});
        QCOMPARE(both.exitCode, 2);
    }

    // Markdown files go through the checks before export as bundles do: a version
    // without a summary is held back (the others written), all of it with --force.
    void markdownExportIsChecked() {
        const QString en = interchangeData(QStringLiteral("hugo/water-report.en.md"));
        // The French page without its description (the summary).
        QFile original(interchangeData(QStringLiteral("hugo/water-report.fr.md")));
        QVERIFY(original.open(QIODevice::ReadOnly));
        QByteArray text = original.readAll();
        const qsizetype description = text.indexOf("description:");
        QVERIFY(description > 0);
        text.remove(description, text.indexOf('\n', description) + 1 - description);
        const QString fr = m_dir->filePath(QStringLiteral("water-report.fr.md"));
        QFile copy(fr);
        QVERIFY(copy.open(QIODevice::WriteOnly) && copy.write(text) == text.size());
        copy.close();
        const CliRun imported = run({QStringLiteral("import"), en, fr});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        const QString folder = m_dir->filePath(QStringLiteral("checked"));
        const QStringList args{QStringLiteral("export"), QStringLiteral("clean-water"),
                               QStringLiteral("--output"), folder};
        const CliRun held = run(args);
        QCOMPARE(held.exitCode, 1);
        QVERIFY2(held.err.contains(QStringLiteral("Article 'clean-water', version fr, Summary: "
                                                  "The summary is missing [missing-summary]")),
                 qPrintable(held.err));
        QVERIFY2(held.err.contains(QStringLiteral("Article 'clean-water': fr not exported")),
                 qPrintable(held.err));
        QCOMPARE(held.lines(),
                 QStringList{QDir(folder).filePath(QStringLiteral("clean-water.en.md"))});
        QVERIFY(!QFile::exists(QDir(folder).filePath(QStringLiteral("clean-water.fr.md"))));

        const CliRun forced = run(args + QStringList{QStringLiteral("--force")});
        QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));
        QCOMPARE(forced.lines().size(), 2);
        QVERIFY(forced.err.contains(QStringLiteral("[missing-summary]"))); // still said
    }

    void importFormats() {
        const CliRun r = run({QStringLiteral("import"), QStringLiteral("--lang"),
                              QStringLiteral("fr"), interchangeData(QStringLiteral("email.txt")),
                              interchangeData(QStringLiteral("old-web-page.html")),
                              interchangeData(QStringLiteral("no-front-matter.md"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 3);
    }

    // The notice of readImportFiles() reaches the user, on stderr, and the import goes on.
    void importNotice() {
        const QString path = m_dir->filePath(QStringLiteral("post.english!.md"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write("# Post\n\nText.\n") > 0);
        file.close();
        const CliRun r = run({QStringLiteral("import"), path});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.lines().size(), 1);
        // The findings of the checks follow.
        QCOMPARE(r.errLines().front(),
                 QStringLiteral("note: ") + QDir::toNativeSeparators(path) +
                     QStringLiteral(": \"english!\" before the extension is not a language tag, "
                                    "so it is part of the name; the file is read as en"));
    }

    void failures_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message"); // a pattern for the one line on stderr
        QTest::newRow("missing file")
            << QStringList{QStringLiteral("import"), QStringLiteral("@missing.md")}
            << QStringLiteral("missing\\.md: no such file; nothing was imported$");
        QTest::newRow("invalid YAML")
            << QStringList{QStringLiteral("import"), QStringLiteral("bad/invalid-yaml.md")}
            << QStringLiteral("invalid-yaml\\.md: invalid front matter at line 4, column 8: ");
        QTest::newRow("unknown article")
            << QStringList{QStringLiteral("export"), QStringLiteral("no-such-article")}
            << QStringLiteral("no-such-article");
    }
    void failures() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QStringList resolved;
        for (const QString& arg : args) {
            if (arg.startsWith(QLatin1Char('@')))
                resolved.append(m_dir->filePath(arg.mid(1)));
            else if (arg.contains(QLatin1Char('/')))
                resolved.append(interchangeData(arg));
            else
                resolved.append(arg);
        }
        const CliRun r = run(resolved);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        const QStringList lines = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.front().contains(QRegularExpression(message)), qPrintable(lines.front()));
    }

private:
    CliRun run(const QStringList& args) {
        QStringList all = args;
        if (!all.contains(QStringLiteral("--library")) && !all.contains(QStringLiteral("--help"))) {
            all.append(QStringLiteral("--library"));
            all.append(m_library);
        }
        return runCli(all, {}, m_dir->path());
    }

    QString m_library;
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestExportCli)
#include "tst_export_cli.moc"
