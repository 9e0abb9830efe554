// What copydesk-cli lets out and takes in, run as a process: text from articles and
// arguments reaches a terminal with its control characters escaped; a standard output
// that cannot be written (/dev/full) is a failure that records nothing; text enters
// within one size limit, read with a bound; running out of memory is reported.
#include "common/limits.h"
#include "support/clifixture.h"
#include "support/librarydump.h"
#include "support/libraryfixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QTest>

#include <sys/stat.h>

using namespace copydesk;
using namespace copydesk::test;
using copydesk::testing::dumpHash;

namespace {

// OSC (set the window title) ended by BEL, then "clear screen"; a right-to-left
// override and its pop, a C1 CSI and a DEL.
const QString kEvilTitle = QStringLiteral("Evil \x1b]0;pwned\x07\x1b[2J \u202e"
                                          "admin\u202c x\u009by\u007fz");
const QString kEvilTitleShown = QStringLiteral("Evil \\x1b]0;pwned\\x07\\x1b[2J \\u202e"
                                               "admin\\u202c x\\u009by\\u007fz");
const QByteArray kEvilBody = "Body \x1b[31mred\x1b[0m text.\n\nSecond\tparagraph.";
const QString kEvilBodyShown = QStringLiteral("Body \\x1b[31mred\\x1b[0m text.");

/// The first of the injected characters found in `text`, as U+XXXX, or "".
QString injectedControl(const QString& text) {
    for (const char16_t c : {u'\x1b', u'\x07', u'\u202e', u'\u202c', u'\u009b', u'\u007f'}) {
        if (text.contains(QChar(c)))
            return QStringLiteral("U+%1").arg(int(c), 4, 16, QLatin1Char('0'));
    }
    return {};
}

/// An article whose title is `title` as stored by an older Copydesk or another program
/// (which this one refuses at every entry point, see controlCharactersAreRefused()):
/// created under a plain title, then written with SQL. Its id, or "".
QString createWithStoredTitle(const CliFixture& f, const QString& title,
                              const QByteArray& body = {}) {
    const QString id = f.createArticle(QStringLiteral("Placeholder"), body);
    if (id.isEmpty())
        return {};
    const QByteArray hex = title.toUtf8().toHex();
    if (!rawExec(f.library(), {QStringLiteral("UPDATE versions SET title = CAST(X'%1' AS TEXT)")
                                   .arg(QString::fromLatin1(hex))}))
        return {};
    return id;
}

} // namespace

class TestCliIo final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        const QString problem = prepareCliTest();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void escapesInReports_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("shown");
        QTest::newRow("list") << QStringList{QStringLiteral("list")}
                              << QStringList{kEvilTitleShown};
        QTest::newRow("search") << QStringList{QStringLiteral("search"), QStringLiteral("red")}
                                << QStringList{kEvilTitleShown, kEvilBodyShown};
        QTest::newRow("show") << QStringList{QStringLiteral("show"), QStringLiteral("%A")}
                              << QStringList{kEvilTitleShown, kEvilBodyShown,
                                             QStringLiteral("Second\tparagraph.")};
        QTest::newRow("history, diff")
            << QStringList{QStringLiteral("history"), QStringLiteral("%A"),
                           QStringLiteral("--diff"), QStringLiteral("1")}
            << QStringList{kEvilBodyShown};
        QTest::newRow("check") << QStringList{QStringLiteral("check"), QStringLiteral("%A")}
                               << QStringList{};
    }

    // Before: the title went to the terminal as it was, retitling and clearing it.
    void escapesInReports() {
        QFETCH(QStringList, args);
        QFETCH(QStringList, shown);
        CliFixture f;
        const QString id = createWithStoredTitle(f, kEvilTitle, kEvilBody);
        QVERIFY(!id.isEmpty());
        args = f.rowArgs(args, id);
        const CliRun r = f.run(f.withLibrary(args));
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1, qPrintable(r.err)); // check: findings
        const QString found = injectedControl(r.out) + injectedControl(r.err);
        QVERIFY2(found.isEmpty(), qPrintable(found + QStringLiteral(" in ") + r.out));
        for (const QString& s : std::as_const(shown))
            QVERIFY2(r.out.contains(s), qPrintable(r.out));
    }

    void escapesKeepJsonExact_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("list") << QStringList{QStringLiteral("list"), QStringLiteral("--format"),
                                             QStringLiteral("json")};
        QTest::newRow("show") << QStringList{QStringLiteral("show"), QStringLiteral("%A"),
                                             QStringLiteral("--format"), QStringLiteral("json")};
    }

    // JSON goes through the same escaping: a \u escape inside a JSON string stands for
    // the same character, so a script reads back exactly what was stored.
    void escapesKeepJsonExact() {
        QFETCH(QStringList, args);
        CliFixture f;
        const QString id = createWithStoredTitle(f, kEvilTitle, kEvilBody);
        QVERIFY(!id.isEmpty());
        args = f.rowArgs(args, id);
        const CliRun r = f.run(f.withLibrary(args));
        QCOMPARE(r.exitCode, 0);
        const QString found = injectedControl(r.out);
        QVERIFY2(found.isEmpty(), qPrintable(found + QStringLiteral(" in ") + r.out));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.rawOut, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonObject article = doc.isArray() ? doc.array().at(0).toObject() : doc.object();
        const QString title = doc.isArray() ? article.value(QLatin1String("title")).toString()
                                            : article.value(QLatin1String("versions"))
                                                  .toArray()
                                                  .at(0)
                                                  .toObject()
                                                  .value(QLatin1String("title"))
                                                  .toString();
        QCOMPARE(title, kEvilTitle);
    }

    // Right-to-left marks, zero-width joiners and tag characters are text, not controls.
    void textIsNotEscaped() {
        CliFixture f;
        const QString title = QStringLiteral("مرحبا\u200f بالعالم 👨\u200d👩\u200d👧 "
                                             "🏴\U000e0067\U000e0062\U000e0065\U000e006e"
                                             "\U000e0067\U000e007f");
        QVERIFY(!f.createArticle(title).isEmpty());
        const CliRun r = f.run(f.withLibrary({QStringLiteral("list")}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("  ") + title + QLatin1Char('\n')),
                 qPrintable(r.out));
    }

    // One article, one line of `list`, whatever its title holds.
    void lineBreakInTitle() {
        CliFixture f;
        QVERIFY(!createWithStoredTitle(f, QStringLiteral("first\nsecond\rthird")).isEmpty());
        const CliRun r = f.run(f.withLibrary({QStringLiteral("list")}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.lines().size(), 1);
        QVERIFY2(r.out.contains(QStringLiteral("first\\x0asecond\\x0dthird")), qPrintable(r.out));
    }

    void escapesInErrors() {
        CliFixture f;
        QVERIFY(!f.createArticle(QStringLiteral("Any")).isEmpty());
        const CliRun r =
            f.run(f.withLibrary({QStringLiteral("show"), QStringLiteral("nope\x1b[2J")}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(!r.err.contains(QChar(0x1b)), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("nope\\x1b[2J")), qPrintable(r.err));
    }

    void documentsOnATerminal_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QByteArray>("escaped");
        QTest::newRow("show --format md")
            << QStringList{QStringLiteral("show"), QStringLiteral("%A"), QStringLiteral("--format"),
                           QStringLiteral("md")}
            << QByteArray() << QByteArray("Body \x1b[31mred") << QByteArray("Body \\x1b[31mred");
        QTest::newRow("export -o -")
            << QStringList{QStringLiteral("export"), QStringLiteral("%A"), QStringLiteral("-o"),
                           QStringLiteral("-")}
            << QByteArray() << QByteArray("Body \x1b[31mred") << QByteArray("Body \\x1b[31mred");
        QTest::newRow("render") << QStringList{QStringLiteral("render")}
                                << QByteArray("a \x1b]0;x\x07 b\n")
                                << QByteArray("a \x1b]0;x\x07 b")
                                << QByteArray("a \\x1b]0;x\\x07 b");
    }

    // A document is passed exactly to a file or a pipe, escaped to a terminal.
    void documentsOnATerminal() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, raw);
        QFETCH(QByteArray, escaped);
        CliFixture f;
        const QString id = f.createArticle(QStringLiteral("Doc"), kEvilBody);
        QVERIFY(!id.isEmpty());
        args = f.rowArgs(args, id);
        CliRequest request;
        request.args = f.withLibrary(args);
        request.input = input;
        const CliRun piped = f.run(request);
        QCOMPARE(piped.exitCode, 0);
        QVERIFY2(piped.rawOut.contains(raw), piped.rawOut.constData());
        request.stdoutTerminal = true;
        const CliRun terminal = f.run(request);
        QCOMPARE(terminal.exitCode, 0);
        QVERIFY2(!terminal.rawOut.contains('\x1b'), terminal.rawOut.constData());
        QVERIFY2(terminal.rawOut.contains(escaped), terminal.rawOut.constData());
    }

    void fullStandardOutput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("list") << QStringList{QStringLiteral("list")} << QByteArray();
        QTest::newRow("list json")
            << QStringList{QStringLiteral("list"), QStringLiteral("--format"),
                           QStringLiteral("json")}
            << QByteArray();
        QTest::newRow("show") << QStringList{QStringLiteral("show"), QStringLiteral("%A")}
                              << QByteArray();
        QTest::newRow("show md") << QStringList{QStringLiteral("show"), QStringLiteral("%A"),
                                                QStringLiteral("--format"), QStringLiteral("md")}
                                 << QByteArray();
        QTest::newRow("search") << QStringList{QStringLiteral("search"), QStringLiteral("Geneva")}
                                << QByteArray();
        QTest::newRow("history") << QStringList{QStringLiteral("history"), QStringLiteral("%A")}
                                 << QByteArray();
        QTest::newRow("new") << QStringList{QStringLiteral("new"), QStringLiteral("--title"),
                                            QStringLiteral("Lost id")}
                             << QByteArray();
        QTest::newRow("export -o -") << QStringList{QStringLiteral("export"), QStringLiteral("%A"),
                                                    QStringLiteral("-o"), QStringLiteral("-")}
                                     << QByteArray();
        // Before: the articles were committed although their ids never arrived, and a
        // retry imported them again.
        QTest::newRow("import") << QStringList{QStringLiteral("import"), QStringLiteral("%F")}
                                << QByteArray();
        QTest::newRow("import --fix-safe")
            << QStringList{QStringLiteral("import"), QStringLiteral("--fix-safe"),
                           QStringLiteral("%F")}
            << QByteArray();
        QTest::newRow("render") << QStringList{QStringLiteral("render")} << QByteArray("# Hi\n");
        // The first revision of the only article in a new library is 1.
        QTest::newRow("restore") << QStringList{QStringLiteral("restore"), QStringLiteral("%A"),
                                                QStringLiteral("1")}
                                 << QByteArray();
    }

    // Before: exit 0, and `new` created an article whose id nobody got, `export -o -`
    // recorded "exported to standard output", `restore` a revision whose number was lost.
    void fullStandardOutput() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        CliFixture f;
        const QString id = f.createArticle(QStringLiteral("Geneva summit"), "Talks in Geneva.");
        QVERIFY(!id.isEmpty());
        args = f.rowArgs(args, id);
        const QStringList listJson{QStringLiteral("list"), QStringLiteral("--format"),
                                   QStringLiteral("json")};
        const QStringList history{QStringLiteral("history"), id};
        const CliRun listBefore = f.run(f.withLibrary(listJson));
        const CliRun historyBefore = f.run(f.withLibrary(history));
        QCOMPARE(listBefore.exitCode, 0);
        QCOMPARE(historyBefore.exitCode, 0);
        const QByteArray before = dumpHash(f.library());
        const QStringList search{QStringLiteral("search"), QStringLiteral("Lost")};
        const CliRun searchBefore = f.run(f.withLibrary(search));

        CliRequest request;
        request.args = f.withLibrary(args);
        request.input = input;
        request.stdoutFile = QStringLiteral("/dev/full");
        const CliRun r = f.run(request);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("cannot write standard output")), qPrintable(r.err));

        QCOMPARE(f.run(f.withLibrary(listJson)).out, listBefore.out);
        QCOMPARE(f.run(f.withLibrary(history)).out, historyBefore.out);
        QCOMPARE(f.run(f.withLibrary(search)).out, searchBefore.out);
        QCOMPARE(dumpHash(f.library()), before);
    }

    void savesOnAFullDisk_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("new") << QStringList{QStringLiteral("new"), QStringLiteral("--title"),
                                            QStringLiteral("Lost"), QStringLiteral("--body-file"),
                                            QStringLiteral("%B")};
        QTest::newRow("import") << QStringList{QStringLiteral("import"), QStringLiteral("%M")};
        QTest::newRow("import --fix-safe") << QStringList{
            QStringLiteral("import"), QStringLiteral("--fix-safe"), QStringLiteral("%M")};
    }
    // Before: exit 1, but the id of the article that the full disk kept from being
    // committed was printed first, and a script took it for a saved article.
    void savesOnAFullDisk() {
        QFETCH(QStringList, args);
        TinyTmpfs disk("4m");
        if (!disk.isMounted())
            QSKIP(qPrintable(disk.reason()));
        CliFixture f;
        const QString library = disk.filePath(QStringLiteral("lib.copydesk"));
        QCOMPARE(f.run({QStringLiteral("new"), QStringLiteral("--library"), library,
                        QStringLiteral("--title"), QStringLiteral("First")})
                     .exitCode,
                 0);
        const QByteArray before = dumpHash(library);

        // About 100 KB left: enough to open the library, not to save a 400 KB body
        // (which SQLite would keep in its cache until the commit).
        QByteArray body;
        while (body.size() < 400 * 1024)
            body += "Talks in Geneva went on late into the night.\n\n";
        args.replaceInStrings(QStringLiteral("%B"), f.writeFile(QStringLiteral("body.md"), body));
        args.replaceInStrings(
            QStringLiteral("%M"),
            f.writeFile(QStringLiteral("big.md"), "---\ntitle: Lost\nlang: en\n---\n\n" + body));
        {
            QFile filler(disk.filePath(QStringLiteral("filler")));
            QVERIFY(filler.open(QIODevice::WriteOnly));
            const qint64 fill = QStorageInfo(disk.path()).bytesAvailable() - 100 * 1024;
            QVERIFY(fill > 0);
            QCOMPARE(filler.write(QByteArray(fill, '\0')), fill);
        }
        const CliRun r = f.run(args << QStringLiteral("--library") << library);
        QVERIFY(QFile::remove(disk.filePath(QStringLiteral("filler"))));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("the disk is full")), qPrintable(r.err));
        QCOMPARE(r.out, QString());
        QCOMPARE(dumpHash(library), before);
        // With room, the same command saves.
        const CliRun again = f.run(args);
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QCOMPARE(again.lines().size(), 1);
    }

    void exportToStandardOutputIsRecorded() {
        CliFixture f;
        const QString id = f.createArticle(QStringLiteral("Geneva summit"), "Talks in Geneva.");
        QVERIFY(!id.isEmpty());
        const CliRun r = f.run(f.withLibrary(
            {QStringLiteral("export"), id, QStringLiteral("-o"), QStringLiteral("-")}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Talks in Geneva.")), qPrintable(r.out));
        const CliRun history = f.run(f.withLibrary({QStringLiteral("history"), id}));
        QVERIFY2(history.out.contains(QStringLiteral("exported to standard output: en")),
                 qPrintable(history.out));
    }

    void textOverTheLimit_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("stdinFile");
        QTest::addColumn<qint64>("fileSize");
        QTest::addColumn<QString>("message");
        // Before: std::bad_alloc, uncaught (abort).
        QTest::newRow("new --body-file /dev/zero")
            << QStringList{QStringLiteral("new"), QStringLiteral("--title"), QStringLiteral("Z"),
                           QStringLiteral("--body-file"), QStringLiteral("/dev/zero")}
            << QString() << qint64(0) << QStringLiteral("/dev/zero: too large (more than 20 MB)");
        // Before: accepted (60 MB were) while import refused it.
        QTest::newRow("new --body-file, one byte over")
            << QStringList{QStringLiteral("new"), QStringLiteral("--title"), QStringLiteral("Big"),
                           QStringLiteral("--body-file"), QStringLiteral("%F")}
            << QString() << kMaxTextBytes + 1
            << QStringLiteral("too large (20.0 MB; the limit is 20 MB)");
        QTest::newRow("render < /dev/zero")
            << QStringList{QStringLiteral("render")} << QStringLiteral("/dev/zero") << qint64(0)
            << QStringLiteral("standard input: too large (more than 20 MB)");
    }

    void textOverTheLimit() {
        QFETCH(QStringList, args);
        QFETCH(QString, stdinFile);
        QFETCH(qint64, fileSize);
        QFETCH(QString, message);
        CliFixture f;
        QVERIFY(!f.createArticle(QStringLiteral("Any")).isEmpty());
        if (fileSize > 0) {
            QFile file(f.path(QStringLiteral("big.md")));
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.resize(fileSize));
            args.replaceInStrings(QStringLiteral("%F"), file.fileName());
        }
        const QStringList listJson{QStringLiteral("list"), QStringLiteral("--format"),
                                   QStringLiteral("json")};
        const CliRun before = f.run(f.withLibrary(listJson));
        CliRequest request;
        request.args = f.withLibrary(args);
        request.stdinFile = stdinFile;
        const CliRun r = f.run(request);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(f.run(f.withLibrary(listJson)).out, before.out);
    }

    // The top-level handler: an allocation that fails anywhere is one line and exit 1,
    // not an abort. RLIMIT_DATA leaves room to start, not to hold a 19 MB body three
    // times over (bytes, UTF-16, the article).
    void outOfMemoryIsReported() {
        CliFixture f;
        const QString body =
            f.writeFile(QStringLiteral("body.md"), QByteArray(19 * 1024 * 1024, 'a'));
        QVERIFY(!body.isEmpty());
        CliRequest request;
        request.args = f.withLibrary({QStringLiteral("new"), QStringLiteral("--title"),
                                      QStringLiteral("Huge"), QStringLiteral("--body-file"), body});
        request.dataLimit = 48 * 1024 * 1024;
        const CliRun r = f.run(request);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("out of memory")), qPrintable(r.err));
    }

    void libraryThatIsNotAFile_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("args");
        for (const char* kind : {"fifo", "folder"}) {
            const QString k = QString::fromLatin1(kind);
            QTest::newRow(qPrintable(k + QStringLiteral(", list")))
                << k << QStringList{QStringLiteral("list")};
            QTest::newRow(qPrintable(k + QStringLiteral(", new")))
                << k
                << QStringList{QStringLiteral("new"), QStringLiteral("--title"),
                               QStringLiteral("T")};
            QTest::newRow(qPrintable(k + QStringLiteral(", search")))
                << k << QStringList{QStringLiteral("search"), QStringLiteral("x")};
            QTest::newRow(qPrintable(k + QStringLiteral(", global option")))
                << k
                << QStringList{QStringLiteral("--library"), QStringLiteral("%L"),
                               QStringLiteral("show"), QStringLiteral("x")};
        }
    }

    // Before: `list` and `new` waited forever for a writer to open the FIFO. The
    // timeout only detects a hang; what is compared is the exit code and the message.
    void libraryThatIsNotAFile() {
        QFETCH(QString, kind);
        QFETCH(QStringList, args);
        CliFixture f;
        const QString path = f.path(QStringLiteral("not-a-library"));
        if (kind == u"fifo")
            QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        else
            QVERIFY(QDir().mkpath(path));
        CliRequest request;
        if (args.contains(QStringLiteral("%L")))
            request.args = args.replaceInStrings(QStringLiteral("%L"), path);
        else
            request.args = args << QStringLiteral("--library") << path;
        request.timeoutMs = 30000;
        const CliRun r = f.run(request);
        QVERIFY2(r.exitCode != -1, "copydesk-cli hung or crashed");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("copydesk-cli: ")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QDir::toNativeSeparators(path)), qPrintable(r.err));
        QCOMPARE(r.out, QString());
        QVERIFY(!QFileInfo::exists(f.defaultLibrary()));
    }

    // Before: "cannot create the library (File exists)".
    void danglingSymlinkLibrary_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("new") << QStringList{QStringLiteral("new"), QStringLiteral("--title"),
                                            QStringLiteral("T")};
        QTest::newRow("list") << QStringList{QStringLiteral("list")};
    }
    void danglingSymlinkLibrary() {
        QFETCH(QStringList, args);
        CliFixture f;
        const QString path = f.path(QStringLiteral("lib.copydesk"));
        const QString target = f.path(QStringLiteral("gone/target.copydesk"));
        QVERIFY(QFile::link(target, path));
        const QStringList before = copydesk::testing::folderState(f.home());
        const CliRun r = f.run(args << QStringLiteral("--library") << path);
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, QString());
        QCOMPARE(r.errLines(), QStringList{QStringLiteral("copydesk-cli: ") + path +
                                           QStringLiteral(": is a dangling symbolic link (to ") +
                                           target + QStringLiteral(", which does not exist)")});
        QCOMPARE(copydesk::testing::folderState(f.home()), before);
    }

    // Before: the file was left with 4 KB (a database header) and a -wal beside it.
    void failedCreationLeavesAnEmptyFileEmpty() {
        TinyTmpfs disk("1m");
        if (!disk.isMounted())
            QSKIP(qPrintable(disk.reason()));
        CliFixture f;
        const QString library = disk.filePath(QStringLiteral("empty.copydesk"));
        {
            QFile empty(library);
            QVERIFY(empty.open(QIODevice::WriteOnly));
        }
        {
            // 64 KB left: enough for SQLite to write the header into the file, not to
            // build the library.
            QFile filler(disk.filePath(QStringLiteral("filler")));
            QVERIFY(filler.open(QIODevice::WriteOnly));
            const qint64 fill = QStorageInfo(disk.path()).bytesAvailable() - 64 * 1024;
            QVERIFY(fill > 0);
            QCOMPARE(filler.write(QByteArray(fill, '\0')), fill);
        }
        const QStringList before = copydesk::testing::folderState(disk.path());
        const CliRun r = f.run({QStringLiteral("new"), QStringLiteral("--title"),
                                QStringLiteral("T"), QStringLiteral("--library"), library});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, QString());
        QVERIFY2(r.err.contains(QStringLiteral("the disk is full")), qPrintable(r.err));
        QCOMPARE(QFileInfo(library).size(), 0);
        QCOMPARE(copydesk::testing::folderState(disk.path()), before);
        // With room, the empty file becomes the library.
        QVERIFY(QFile::remove(disk.filePath(QStringLiteral("filler"))));
        const CliRun again = f.run({QStringLiteral("new"), QStringLiteral("--title"),
                                    QStringLiteral("T"), QStringLiteral("--library"), library});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        const CliRun listed = f.run({QStringLiteral("list"), QStringLiteral("--library"), library});
        QCOMPARE(listed.exitCode, 0);
        QCOMPARE(listed.lines().size(), 1);
    }

    // One rule for control characters in metadata, at every entry point: before, `new
    // --title` stored ESC and BEL raw and `export` then wrote a file that the import
    // refused; front-matter summaries and authors took ESC; "-rf" was a slug; a blank
    // slug was replaced without a word. Nothing is saved.
    void controlCharactersAreRefused_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("error");
        const QStringList importFile{QStringLiteral("import"), QStringLiteral("%FILE")};
        QTest::newRow("new --title, ESC and BEL")
            << QStringList{QStringLiteral("new"), QStringLiteral("--title"),
                           QStringLiteral("Evil \x1b]0;pwned\x07")}
            << QByteArray()
            << QStringLiteral("title (en): it contains a control character (U+001B)");
        QTest::newRow("new --title, line break")
            << QStringList{QStringLiteral("new"), QStringLiteral("--title"),
                           QStringLiteral("first\nsecond")}
            << QByteArray()
            << QStringLiteral("title (en): it contains a control character (U+000A)");
        QTest::newRow("front matter summary, ESC")
            << importFile
            << QByteArray("---\ntitle: T\nlang: en\nsummary: \"a \\e[2J b\"\n---\nx\n")
            << QStringLiteral("line 4, column 10: 'summary': it contains a control character "
                              "(U+001B)");
        QTest::newRow("front matter author, BEL")
            << importFile << QByteArray("---\ntitle: T\nlang: en\nauthor: \"a \\a\"\n---\nx\n")
            << QStringLiteral("'author': it contains a control character (U+0007)");
        QTest::newRow("front matter place, ESC")
            << importFile
            << QByteArray("---\ntitle: T\nlang: en\ndateline:\n  place: \"\\e[1m\"\n  date: "
                          "2024-01-02\n---\nx\n")
            << QStringLiteral("'place': it contains a control character (U+001B)");
        QTest::newRow("slug -rf") << importFile
                                  << QByteArray("---\ntitle: T\nlang: en\nslug: \"-rf\"\n---\nx\n")
                                  << QStringLiteral("it starts with '-'");
        QTest::newRow("blank slug")
            << importFile << QByteArray("---\ntitle: T\nlang: en\nslug: \"   \"\n---\nx\n")
            << QStringLiteral("'slug' is blank");
        QTest::newRow("new --slug -rf")
            << QStringList{QStringLiteral("new"), QStringLiteral("--title"), QStringLiteral("T"),
                           QStringLiteral("--slug=-rf")}
            << QByteArray() << QStringLiteral("it starts with '-'");
    }
    void controlCharactersAreRefused() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, file);
        QFETCH(QString, error);
        CliFixture f;
        QVERIFY(!f.createArticle(QStringLiteral("Already there")).isEmpty());
        const QByteArray before = dumpHash(f.library());
        if (!file.isEmpty())
            args.replaceInStrings(QStringLiteral("%FILE"),
                                  f.writeFile(QStringLiteral("in.md"), file));
        const CliRun r = f.run(f.withLibrary(args));
        QVERIFY2(r.exitCode == 1 || r.exitCode == 2, qPrintable(r.err));
        QCOMPARE(r.out, QString());
        // One line; a usage error (exit 2) adds the "Try ... --help" line.
        QCOMPARE(r.errLines().size(), r.exitCode == 2 ? 2 : 1);
        QVERIFY2(r.err.contains(error), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QChar(0x1b)) && !r.err.contains(QChar(0x07)), qPrintable(r.err));
        QCOMPARE(dumpHash(f.library()), before);
    }

    // A read-only library in a read-only folder: the reader can create no WAL index
    // (-shm) there. Before: "attempt to write a readonly database" for every command.
    // chmod does not stop root, so as root the commands run as nobody (setpriv).
    void readOnlyLibraryInReadOnlyFolder() {
        CliFixture f;
        const QString id =
            f.createArticle(QStringLiteral("Summit in Genève"), "Delegates met in Geneva.");
        QVERIFY(!id.isEmpty());
        QVERIFY(!QFileInfo::exists(f.library() + QStringLiteral("-shm")));
        const QString folder = QFileInfo(f.library()).absolutePath();
        QStringList prefix;
        if (::geteuid() == 0) {
            const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
            if (setpriv.isEmpty())
                QSKIP("running as root, where chmod stops nothing, and setpriv (util-linux) is "
                      "missing to run as nobody");
            prefix = QStringList{setpriv, QStringLiteral("--reuid=65534"),
                                 QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"),
                                 test::cliPath()};
            // nobody must reach the folder: the temporary folders are the owner's only.
            for (QString dir = folder; dir != QLatin1String("/") && !dir.isEmpty();
                 dir = QFileInfo(dir).absolutePath()) {
                if (QFileInfo(dir).isDir() && dir.startsWith(QDir::tempPath() + u'/'))
                    QVERIFY(::chmod(QFile::encodeName(dir).constData(), 0755) == 0);
            }
        }
        // The file's bytes, not dumpHash(): a read-only SQLite connection in a writable
        // folder would leave the very -shm file this test looks for.
        const auto fileHash = [&] {
            QFile file(f.library());
            return file.open(QIODevice::ReadOnly)
                       ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
                       : QByteArray();
        };
        const QByteArray before = fileHash();
        QVERIFY(!before.isEmpty());
        QVERIFY(::chmod(QFile::encodeName(f.library()).constData(), 0444) == 0);
        QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0555) == 0);
        struct Restore {
            QByteArray folder;
            ~Restore() { ::chmod(folder.constData(), 0755); }
        } restore{QFile::encodeName(folder)};
        const auto run = [&](const QStringList& args) {
            if (prefix.isEmpty())
                return f.run(f.withLibrary(args));
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("HOME"), QStringLiteral("/tmp"));
            p.setProcessEnvironment(env);
            p.start(prefix.front(), prefix.mid(1) + f.withLibrary(args));
            p.waitForFinished(60000);
            CliRun r;
            r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
            r.rawOut = p.readAllStandardOutput();
            r.out = QString::fromUtf8(r.rawOut);
            r.err = QString::fromUtf8(p.readAllStandardError());
            return r;
        };
        const CliRun listed = run({QStringLiteral("list")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        QVERIFY(listed.out.contains(QStringLiteral("Summit in Genève")));
        const CliRun found = run({QStringLiteral("search"), QStringLiteral("GENÈVE")});
        QVERIFY2(found.exitCode == 0, qPrintable(found.err));
        QVERIFY(found.out.contains(id));
        const CliRun shown = run({QStringLiteral("show"), id});
        QVERIFY2(shown.exitCode == 0, qPrintable(shown.err));
        QVERIFY(shown.out.contains(QStringLiteral("Delegates met in Geneva.")));
        const CliRun written =
            run({QStringLiteral("new"), QStringLiteral("--title"), QStringLiteral("No"),
                 QStringLiteral("--lock-wait"), QStringLiteral("0")});
        QCOMPARE(written.exitCode, 1);
        QCOMPARE(written.errLines().size(), 1);
        QVERIFY(!QFileInfo::exists(f.library() + QStringLiteral("-shm")));
        QCOMPARE(fileHash(), before);
    }

    // What the HTML conversion says reaches the user of `import` as "note: FILE: ...",
    // and what it keeps is in the article. A merge once dropped the two lines passing
    // the notes on, and only htmlToMarkdown()'s own test noticed nothing.
    void htmlImportNotesReachTheReport_data() {
        QTest::addColumn<QByteArray>("html");
        QTest::addColumn<QString>("note");
        QTest::addColumn<QStringList>("kept");
        QTest::addColumn<QStringList>("gone");
        QTest::newRow("unclosed style")
            << QByteArray("<html><body><h1>Styled</h1><p>Before</p><style>p{color:red}\n"
                          "<p>after</p>")
            << QStringLiteral("<style> on line 1 has no end tag </style>")
            << QStringList{QStringLiteral("Before")} << QStringList{};
        QTest::newRow("details kept")
            << QByteArray("<html><body><h1>More</h1><details><summary>Open</summary><p>Hidden "
                          "text</p></details></body></html>")
            << QStringLiteral("<details> kept as HTML")
            << QStringList{QStringLiteral("<details>"), QStringLiteral("Hidden text")}
            << QStringList{};
        QTest::newRow("unclosed comment")
            << QByteArray("<html><body><h1>Cut</h1><p>Kept</p><!-- open\n<p>Rest of the "
                          "page</p></body></html>")
            << QStringLiteral("the comment opened on line 1 (<!--) is never closed")
            << QStringList{QStringLiteral("Kept")} << QStringList{};
        QTest::newRow("script image keeps its alt text")
            << QByteArray("<html><body><h1>Pictures</h1><p>See <img src=\"javascript:alert(1)\" "
                          "alt=\"the delegates\"> here</p></body></html>")
            << QStringLiteral("the image \"the delegates\" has an address that is left out")
            << QStringList{QStringLiteral("See the delegates here")}
            << QStringList{QStringLiteral("javascript")};
        QTest::newRow("local links keep their text")
            << QByteArray("<html><body><h1>Links</h1><p><a href=\"blob:https://x.org/1\">one</a> "
                          "<a href=\"file:///etc/passwd\">two</a> <a "
                          "href=\"FileSystem:https://x.org/t/a\">three</a> <img "
                          "src=\"file:///C:/photo.jpg\" alt=\"photo\"></p></body></html>")
            << QStringLiteral("the image \"photo\" has an address that is left out")
            << QStringList{QStringLiteral("one two three photo")}
            << QStringList{QStringLiteral("blob:"), QStringLiteral("file:"),
                           QStringLiteral("FileSystem:")};
    }
    void htmlImportNotesReachTheReport() {
        QFETCH(QByteArray, html);
        QFETCH(QString, note);
        QFETCH(QStringList, kept);
        QFETCH(QStringList, gone);
        CliFixture f;
        const QString file = f.writeFile(QStringLiteral("page.html"), html);
        const CliRun imported = f.run(f.withLibrary({QStringLiteral("import"), file}));
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(
            imported.err.contains(QStringLiteral("note: ") + file + QStringLiteral(": ") + note),
            qPrintable(imported.err));
        const QString id = imported.out.trimmed();
        const CliRun shown = f.run(f.withLibrary({QStringLiteral("show"), id}));
        QCOMPARE(shown.exitCode, 0);
        for (const QString& text : std::as_const(kept))
            QVERIFY2(shown.out.contains(text), qPrintable(shown.out));
        for (const QString& text : std::as_const(gone))
            QVERIFY2(!shown.out.contains(text), qPrintable(shown.out));
    }

    // Before: exit 1, as if the library had failed.
    void malformedLockWaitIsAUsageError_data() {
        QTest::addColumn<QString>("value");
        QTest::newRow("letters") << QStringLiteral("abc");
        QTest::newRow("negative") << QStringLiteral("-1");
        QTest::newRow("too long") << QStringLiteral("3601");
        QTest::newRow("not a number") << QStringLiteral("nan");
        QTest::newRow("infinite") << QStringLiteral("inf");
    }
    void malformedLockWaitIsAUsageError() {
        QFETCH(QString, value);
        CliFixture f;
        for (const QStringList& command :
             {QStringList{QStringLiteral("new"), QStringLiteral("--title"), QStringLiteral("T")},
              QStringList{QStringLiteral("list")}}) {
            const CliRun r =
                f.run(f.withLibrary(command) << QStringLiteral("--lock-wait") << value);
            QCOMPARE(r.exitCode, 2);
            QCOMPARE(r.out, QString());
            QCOMPARE(r.errLines().value(0),
                     QStringLiteral("copydesk-cli %1: --lock-wait: '%2' is not a number of "
                                    "seconds (0 to 3600)")
                         .arg(command.front(), value));
            QVERIFY(!QFileInfo::exists(f.library()));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliIo)
#include "tst_cli_io.moc"
