// copydesk-cli import DIR and export --format hugo|jekyll, run as a process: a site
// imported, imported again unchanged, one page edited and imported again, and
// exported back; the usage errors of a folder.
#include "support/clirun.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace copydesk::test;

namespace {

bool write(const QString& path, const QByteArray& content) {
    if (!QDir().mkpath(QFileInfo(path).path()))
        return false;
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QByteArray read(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(missing)");
}

} // namespace

class TestSiteCli final : public QObject {
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
        m_content = m_dir->filePath(QStringLiteral("site/content"));
    }

    void importAgainAndExport() {
        const QByteArray enA = "---\ntitle: Alpha\nweight: 2\n---\n\nA\n";
        const QByteArray frA = "---\ntitle: Alpha FR\n---\n\nA fr\n";
        const QByteArray enB = "---\ntitle: Beta\nstatus: Completed\n---\n\nB\n";
        QVERIFY(write(m_content + QStringLiteral("/en/a.md"), enA));
        QVERIFY(write(m_content + QStringLiteral("/fr/a.md"), frA));
        QVERIFY(write(m_content + QStringLiteral("/en/docs/b.md"), enB));

        CliRun r = run({QStringLiteral("import"), m_content});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.lines().size(), 2);
        r = run({QStringLiteral("import"), m_content});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.errLines().filter(QStringLiteral("unchanged")).size(), 2);
        QCOMPARE(run({QStringLiteral("list")}).lines().size(), 2);

        // One page edited on the site: that article updated, the other unchanged.
        const QByteArray frEdited = "---\ntitle: Alpha modifié\n---\n\nA fr\n";
        QVERIFY(write(m_content + QStringLiteral("/fr/a.md"), frEdited));
        r = run({QStringLiteral("import"), m_content});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.errLines().filter(QStringLiteral("unchanged")).size(), 1);
        QCOMPARE(run({QStringLiteral("list")}).lines().size(), 2);
        const CliRun shown = run({QStringLiteral("show"), QStringLiteral("a")});
        QVERIFY2(shown.out.contains(QStringLiteral("Alpha modifié")), qPrintable(shown.out));

        // The site's pages have no summary, which the checks before export require:
        // held back, then exported with --force, as they were.
        r = run({QStringLiteral("export"), QStringLiteral("--all"), QStringLiteral("--format"),
                 QStringLiteral("hugo"), QStringLiteral("--output"),
                 m_dir->filePath(QStringLiteral("held"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Article 'a', version fr, Summary: The summary is "
                                               "missing [missing-summary]")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("exported 0 of 2 articles (2 failed)")),
                 qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("held"))));
        for (const QString& format : {QStringLiteral("hugo"), QStringLiteral("jekyll")}) {
            const QString out = m_dir->filePath(format);
            r = run({QStringLiteral("export"), QStringLiteral("--all"), QStringLiteral("--format"),
                     format, QStringLiteral("--output"), out, QStringLiteral("--force")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QCOMPARE(read(out + QStringLiteral("/en/a.md")), enA);
            QCOMPARE(read(out + QStringLiteral("/fr/a.md")), frEdited);
            QCOMPARE(read(out + QStringLiteral("/en/docs/b.md")), enB);
        }
    }

    void sourceLanguage() {
        QVERIFY(write(m_content + QStringLiteral("/fr/a.md"), "---\ntitle: A fr\n---\nA\n"));
        QVERIFY(write(m_content + QStringLiteral("/es/a.md"), "---\ntitle: A es\n---\nA\n"));
        CliRun r = run({QStringLiteral("import"), QStringLiteral("--source-lang"),
                        QStringLiteral("es"), m_content});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const CliRun shown = run({QStringLiteral("show"), QStringLiteral("a")});
        QVERIFY2(shown.out.contains(QRegularExpression(QStringLiteral("source +es"))),
                 qPrintable(shown.out));
    }

    void usage_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("folder and file")
            << QStringList{QStringLiteral("import"), QStringLiteral("@site"),
                           QStringLiteral("x.md")}
            << 2 << QStringLiteral("one folder");
        QTest::newRow("--source-lang without a folder")
            << QStringList{QStringLiteral("import"), QStringLiteral("--source-lang"),
                           QStringLiteral("en"), QStringLiteral("x.md")}
            << 2 << QStringLiteral("--source-lang");
        QTest::newRow("no Markdown in the folder")
            << QStringList{QStringLiteral("import"), QStringLiteral("@empty")} << 1
            << QStringLiteral("holds no Markdown files");
    }
    void usage() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("site"))));
        QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("empty"))));
        for (QString& arg : args) {
            if (arg.startsWith(QLatin1Char('@')))
                arg = m_dir->filePath(arg.mid(1));
        }
        const CliRun r = run(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFile::exists(m_library) || run({QStringLiteral("list")}).lines().isEmpty());
    }

private:
    CliRun run(const QStringList& args) {
        QStringList all = args;
        all << QStringLiteral("--library") << m_library;
        return runCli(all, {}, m_dir->path());
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_library;
    QString m_content;
};

QTEST_GUILESS_MAIN(TestSiteCli)
#include "tst_site_cli.moc"
