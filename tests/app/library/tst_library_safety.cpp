// What must hold whatever happens around a library: a writer's lock that dies with its
// process, readers that never make a save fail, read-only opens that never write, paths
// that are not regular files refused, creation on a full disk, the workflow enforced on
// save, and transactions that leave the file byte-identical when they fail.
#include "library/library.h"
#include "support/clirun.h"
#include "support/libraryfixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <stdexcept>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace copydesk;
using copydesk::test::rawExec;
using copydesk::test::sha256Of;

namespace {

// The connection of the one Library open in this process, for pragmas a test needs
// on it (max_page_count is per connection).
QSqlDatabase libraryConnection() {
    for (const QString& name : QSqlDatabase::connectionNames()) {
        if (name.startsWith(QLatin1String("copydesk-library-")))
            return QSqlDatabase::database(name, false);
    }
    return {};
}

Article draft(const QString& title, const QString& slug = {}) {
    Article a = makeArticle(QStringLiteral("en"), title);
    a.slug = slug;
    a.versions[0].body = QStringLiteral("Body of ") + title;
    return a;
}

// A library at `path` with a few saved articles, closed.
void makeLibrary(const QString& path, int articles = 3) {
    auto lib = Library::open(path);
    QVERIFY2(lib, qPrintable(lib.error()));
    for (int i = 0; i < articles; ++i) {
        Article a = draft(QStringLiteral("Article %1").arg(i), QStringLiteral("a%1").arg(i));
        QVERIFY((*lib)->save(a));
    }
}

} // namespace

class TestLibrarySafety final : public QObject {
    Q_OBJECT

    test::LibraryFolder m_dir;
    QString newPath() { return m_dir.newPath(); }
    // A new library with three articles, its write lock held by `holder`, another
    // process; empty on failure (said in a warning).
    QString heldLibrary(QProcess& holder) {
        const QString path = newPath();
        makeLibrary(path);
        const QString started =
            test::startLockHolder(holder, QStringLiteral(COPYDESK_LIBRARY_HELPER), path);
        if (!started.isEmpty() || QTest::currentTestFailed()) {
            qWarning().noquote() << started;
            return {};
        }
        return path;
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    // A writer told to wait for the lock: another process holds it; the open says who
    // holds it, and succeeds once that process lets go (it failed at once before).
    // The holder is released from the notice, so nothing here depends on timing.
    void lockWaitSucceedsAfterRelease() {
        QProcess holder;
        const QString path = heldLibrary(holder);
        QVERIFY(!path.isEmpty());
        qint64 toldPid = -1;
        int notices = 0;
        OpenOptions options;
        options.lockWait = std::chrono::minutes(2); // only a bound: released below
        options.waitNotice = std::chrono::milliseconds(0);
        options.onWaiting = [&](qint64 pid) {
            ++notices;
            toldPid = pid;
            holder.write("release\n");
            holder.waitForBytesWritten(10000);
        };
        auto lib = Library::open(path, Library::Mode::ReadWrite, options);
        QVERIFY2(lib, qPrintable(lib.error()));
        QCOMPARE(notices, 1);
        QCOMPARE(toldPid, holder.processId());
        QVERIFY(holder.waitForFinished(10000));
        QCOMPARE(holder.exitCode(), 0);
        QCOMPARE(holder.readAllStandardOutput(), QByteArray("released\n"));
        Article a = draft(QStringLiteral("After the wait"));
        QVERIFY((*lib)->save(a));
    }

    // Without waiting (the default, and what the GUI does before it opens read-only)
    // a held lock fails at once; a wait that runs out fails the same way.
    void lockWaitDisabledOrRunOut_data() {
        QTest::addColumn<int>("waitMs");
        QTest::newRow("no wait") << 0;
        QTest::newRow("wait runs out") << 100;
    }
    void lockWaitDisabledOrRunOut() {
        QFETCH(int, waitMs);
        QProcess holder;
        const QString path = heldLibrary(holder);
        QVERIFY(!path.isEmpty());
        int notices = 0;
        OpenOptions options;
        options.lockWait = std::chrono::milliseconds(waitMs);
        options.waitNotice = std::chrono::milliseconds(0);
        options.onWaiting = [&](qint64) { ++notices; };
        const auto refused = Library::open(path, Library::Mode::ReadWrite, options);
        QVERIFY(!refused);
        QCOMPARE(refused.kind(), ErrorKind::Locked);
        QCOMPARE(refused.error(), QStringLiteral("library %1 is open in another Copydesk process "
                                                 "(pid %2); close it or open read-only")
                                      .arg(path)
                                      .arg(holder.processId()));
        QCOMPARE(notices, waitMs > 0 ? 1 : 0);
        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(10000));
        QCOMPARE(holder.exitCode(), 0);
    }

    // copydesk-cli: a command that writes waits for the lock and says so on stderr,
    // then does its work; with --lock-wait 0 it fails at once; a bad value is refused.
    void cliWaitsForLock() {
        if (test::cliPath().isEmpty())
            QSKIP("COPYDESK_CLI is not set; run through ctest");
        QProcess holder;
        const QString path = heldLibrary(holder);
        QVERIFY(!path.isEmpty());

        const test::CliRun now =
            test::runCli({QStringLiteral("--library"), path, QStringLiteral("new"),
                          QStringLiteral("--lock-wait"), QStringLiteral("0"),
                          QStringLiteral("--title"), QStringLiteral("Not now")},
                         {}, m_dir.path());
        QCOMPARE(now.exitCode, 1);
        QCOMPARE(now.err, QStringLiteral("copydesk-cli: library %1 is open in another Copydesk "
                                         "process (pid %2); close it or open read-only\n")
                              .arg(path)
                              .arg(holder.processId()));
        const test::CliRun bad =
            test::runCli({QStringLiteral("--library"), path, QStringLiteral("new"),
                          QStringLiteral("--lock-wait"), QStringLiteral("soon"),
                          QStringLiteral("--title"), QStringLiteral("Bad")},
                         {}, m_dir.path());
        QCOMPARE(bad.exitCode, 2); // a usage error
        QVERIFY2(bad.err.contains(QStringLiteral("--lock-wait: 'soon' is not a number")),
                 qPrintable(bad.err));

        QProcess cli;
        cli.setReadChannel(QProcess::StandardError);
        // A generous bound, so that a slow machine cannot make the command give up
        // before the holder is released.
        cli.start(test::cliPath(), {QStringLiteral("--library"), path, QStringLiteral("new"),
                                    QStringLiteral("--lock-wait"), QStringLiteral("120"),
                                    QStringLiteral("--title"), QStringLiteral("After the wait")});
        QVERIFY(cli.waitForStarted(10000));
        const QString waiting =
            QStringLiteral("copydesk-cli: waiting for the library lock held by pid %1 (up to "
                           "120 s)\n")
                .arg(holder.processId());
        QString err;
        while (!err.contains(waiting) && cli.state() == QProcess::Running) {
            if (cli.waitForReadyRead(30000))
                err += QString::fromUtf8(cli.readAllStandardError());
            else
                break;
        }
        QCOMPARE(err, waiting);
        holder.write("release\n");
        QVERIFY(holder.waitForFinished(10000));
        QVERIFY(cli.waitForFinished(30000));
        err += QString::fromUtf8(cli.readAllStandardError());
        QCOMPARE(err, waiting);
        QCOMPARE(cli.exitCode(), 0);
        auto lib = Library::open(path, Library::Mode::ReadOnly);
        QVERIFY2(lib, qPrintable(lib.error()));
        QCOMPARE((*lib)->count().value(), 4);
    }

    // A lock left by a process that died, however it died, never blocks: the kernel
    // released it (the pid file before could be left empty: "pid 0" for ever).
    void lockOfKilledProcess_data() {
        QTest::addColumn<QString>("leftover");
        QTest::newRow("killed-holder") << QStringLiteral("kill");
        QTest::newRow("empty-lock-file") << QStringLiteral("empty");
        QTest::newRow("pid-of-dead-process") << QStringLiteral("dead-pid");
    }
    void lockOfKilledProcess() {
        QFETCH(QString, leftover);
        const QString path = newPath();
        makeLibrary(path);
        const QString lockPath = path + QStringLiteral(".lock");
        if (leftover == QLatin1String("kill")) {
            QProcess holder;
            const QString started =
                test::startLockHolder(holder, QStringLiteral(COPYDESK_LIBRARY_HELPER), path);
            QVERIFY2(started.isEmpty(), qPrintable(started));
            // While it lives, a writer is refused with its pid and kind Locked.
            auto refused = Library::open(path);
            QVERIFY(!refused);
            QCOMPARE(refused.kind(), ErrorKind::Locked);
            QVERIFY2(refused.error().contains(QStringLiteral("(pid %1)").arg(holder.processId())),
                     qPrintable(refused.error()));
            // and a reader is not.
            QVERIFY(Library::open(path, Library::Mode::ReadOnly));
            holder.kill(); // SIGKILL: no destructor runs, the lock file stays
            QVERIFY(holder.waitForFinished(10000));
            QVERIFY(QFile::exists(lockPath));
        } else {
            QFile file(lockPath);
            QVERIFY(file.open(QIODevice::WriteOnly));
            if (leftover == QLatin1String("dead-pid"))
                file.write("999999999\n");
        }
        auto lib = Library::open(path);
        QVERIFY2(lib, qPrintable(lib.error()));
        Article a = draft(QStringLiteral("After"));
        QVERIFY((*lib)->save(a));
        lib = Error{};
        QVERIFY(!QFile::exists(lockPath));
    }

    // One writer saving while another process opens, lists and searches in a loop:
    // no open or save may fail ("database is locked" 25 ms after start before).
    void readersNeverFailASave() {
        const QString path = newPath();
        makeLibrary(path);
        QProcess reader;
        reader.start(QStringLiteral(COPYDESK_LIBRARY_HELPER), {QStringLiteral("read"), path});
        QVERIFY(reader.waitForStarted(10000));
        QVERIFY(reader.waitForReadyRead(10000));
        auto lib = Library::open(path);
        QVERIFY2(lib, qPrintable(lib.error()));
        constexpr int kSaves = 400;
        int failures = 0;
        QString firstFailure;
        Article a = draft(QStringLiteral("Busy"), QStringLiteral("busy"));
        a.versions.append(LanguageVersion{});
        a.versions[1].language = QStringLiteral("zh-Hans");
        for (int i = 0; i < kSaves; ++i) {
            // Every other save opens the library anew, as one copydesk-cli process per
            // save does: opening and closing (the checkpoint) meet the readers too.
            if (i % 2) {
                lib = Error{};
                lib = Library::open(path);
                if (!lib) {
                    ++failures;
                    if (firstFailure.isEmpty())
                        firstFailure = lib.error();
                    lib = Library::open(path);
                    QVERIFY2(lib, qPrintable(lib.error()));
                }
            }
            a.versions[0].body = QStringLiteral("Save %1 ").arg(i).repeated(1 + i % 50);
            a.versions[1].body = QStringLiteral("峰会 %1 ").arg(i).repeated(1 + i % 30);
            const auto saved = (*lib)->save(a);
            if (!saved) {
                ++failures;
                if (firstFailure.isEmpty())
                    firstFailure = saved.error();
            }
        }
        const bool readerAlive = reader.state() == QProcess::Running;
        reader.kill();
        reader.waitForFinished(10000);
        QVERIFY2(readerAlive, reader.readAllStandardError().constData());
        QVERIFY2(failures == 0, qPrintable(QStringLiteral("%1 of %2 saves failed: %3")
                                               .arg(failures)
                                               .arg(kSaves)
                                               .arg(firstFailure)));
    }

    // A read whose SQL fails is an error, never an empty list: each table is taken
    // away behind the library's back (another connection renames it) and the read
    // that needs it must fail.
    void readsFailLoudly_data() {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("read");
        QTest::newRow("list") << QStringLiteral("versions") << QStringLiteral("list");
        QTest::newRow("list-text") << QStringLiteral("search_words") << QStringLiteral("list-text");
        QTest::newRow("search") << QStringLiteral("search_trigram") << QStringLiteral("search");
        QTest::newRow("count") << QStringLiteral("articles") << QStringLiteral("count");
        QTest::newRow("tags") << QStringLiteral("tag_labels") << QStringLiteral("tags");
        QTest::newRow("categories")
            << QStringLiteral("category_labels") << QStringLiteral("categories");
        QTest::newRow("media") << QStringLiteral("media_alt") << QStringLiteral("media");
        QTest::newRow("setting") << QStringLiteral("settings") << QStringLiteral("setting");
        QTest::newRow("revisions") << QStringLiteral("revisions") << QStringLiteral("revisions");
        QTest::newRow("unique-slug") << QStringLiteral("articles") << QStringLiteral("slug");
        QTest::newRow("find") << QStringLiteral("articles") << QStringLiteral("find");
    }
    void readsFailLoudly() {
        QFETCH(QString, table);
        QFETCH(QString, read);
        const QString path = newPath();
        makeLibrary(path, 1);
        auto lib = Library::open(path, Library::Mode::ReadOnly);
        QVERIFY(lib);
        const Library& l = **lib;
        const QUuid id = l.findArticle(QStringLiteral("a0"))->id;
        QVERIFY(rawExec(path, {QStringLiteral("ALTER TABLE %1 RENAME TO %1_gone").arg(table)}));
        QString error;
        ListFilter text;
        text.text = read == QLatin1String("list-text") ? QStringLiteral("ab") : QString();
        if (read == QLatin1String("list") || read == QLatin1String("list-text"))
            error = l.list(text).error();
        else if (read == QLatin1String("search"))
            error = l.search(QStringLiteral("Article")).error();
        else if (read == QLatin1String("count"))
            error = l.count().error();
        else if (read == QLatin1String("tags"))
            error = l.tags().error();
        else if (read == QLatin1String("categories"))
            error = l.categories().error();
        else if (read == QLatin1String("media"))
            error = l.mediaList().error();
        else if (read == QLatin1String("setting"))
            error = l.setting(QStringLiteral("markdown.rawHtml")).error();
        else if (read == QLatin1String("revisions"))
            error = l.revisions(id).error();
        else if (read == QLatin1String("slug"))
            error = l.uniqueSlug(QStringLiteral("a0")).error();
        else
            error = l.findArticle(QStringLiteral("a0")).error();
        QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
        QVERIFY2(error.contains(table), qPrintable(error)); // SQLite's "no such table: X"
    }

    // Opening read-only, listing, searching and closing leave the file as it was,
    // on a library of the current schema and on an older one (no silent upgrade).
    void readOnlyNeverWrites() {
        const QString path = newPath();
        makeLibrary(path);
        const QByteArray before = sha256Of(path);
        for (int i = 0; i < 2; ++i) {
            auto lib = Library::open(path, Library::Mode::ReadOnly);
            QVERIFY2(lib, qPrintable(lib.error()));
            QVERIFY((*lib)->list());
            QVERIFY((*lib)->search(QStringLiteral("Article")));
            QVERIFY((*lib)->tags());
            QVERIFY((*lib)->setting(QStringLiteral("x")));
            QVERIFY(!QFile::exists(path + QStringLiteral(".lock")));
        }
        QCOMPARE(sha256Of(path), before);
    }

    // The same on a read-only bind mount, where a write would fail outright.
    void readOnlyMount() {
        if (::geteuid() != 0)
            QSKIP("a read-only bind mount needs root; readOnlyNeverWrites covers the checksum");
        QTemporaryDir source;
        QTemporaryDir target;
        const QString path = source.filePath(QStringLiteral("lib.copydesk"));
        makeLibrary(path);
        const QByteArray before = sha256Of(path);
        const QByteArray from = QFile::encodeName(source.path());
        const QByteArray to = QFile::encodeName(target.path());
        if (::mount(from.constData(), to.constData(), nullptr, MS_BIND, nullptr) != 0)
            QSKIP("cannot bind-mount here (no CAP_SYS_ADMIN?)");
        if (::mount(nullptr, to.constData(), nullptr, MS_BIND | MS_REMOUNT | MS_RDONLY, nullptr) !=
            0) {
            ::umount(to.constData());
            QSKIP("cannot remount read-only here");
        }
        // Unmounted however the test ends, or the temporary folders stay behind.
        struct Unmount {
            QByteArray where;
            ~Unmount() { ::umount(where.constData()); }
        };
        const QString mounted = target.filePath(QStringLiteral("lib.copydesk"));
        {
            Unmount unmount{to};
            auto lib = Library::open(mounted, Library::Mode::ReadOnly);
            QVERIFY2(lib, qPrintable(lib.error()));
            QCOMPARE((*lib)->list()->size(), 3);
            QCOMPARE((*lib)->search(QStringLiteral("Article 1"))->hits.size(), 1);
            auto writer = Library::open(mounted);
            QVERIFY(!writer);
        }
        QCOMPARE(sha256Of(path), before);
    }

    // Anything but a regular file is refused before it is opened (a FIFO made list
    // and new hang).
    void notARegularFile_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fifo") << QStringLiteral("fifo")
                              << QStringLiteral("is a FIFO, not a library file");
        QTest::newRow("device") << QStringLiteral("device")
                                << QStringLiteral("is a device, not a library file");
        QTest::newRow("socket") << QStringLiteral("socket")
                                << QStringLiteral("is a socket, not a library file");
        QTest::newRow("folder") << QStringLiteral("folder")
                                << QStringLiteral("is a folder, not a library file");
    }
    void notARegularFile() {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        QString path = m_dir.filePath(QStringLiteral("special-") + kind);
        int socketFd = -1;
        if (kind == QLatin1String("fifo")) {
            QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        } else if (kind == QLatin1String("device")) {
            path = QStringLiteral("/dev/null");
        } else if (kind == QLatin1String("socket")) {
            socketFd = ::socket(AF_UNIX, SOCK_STREAM, 0);
            sockaddr_un address{};
            address.sun_family = AF_UNIX;
            const QByteArray native = QFile::encodeName(path);
            QVERIFY(size_t(native.size()) < sizeof(address.sun_path));
            std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
            QCOMPARE(::bind(socketFd, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
        } else {
            QVERIFY(QDir().mkdir(path));
        }
        for (const auto mode : {Library::Mode::ReadWrite, Library::Mode::ReadOnly}) {
            auto lib = Library::open(path, mode);
            QVERIFY(!lib);
            QCOMPARE(lib.kind(), ErrorKind::InvalidInput);
            QCOMPARE(lib.error(), path + QStringLiteral(": ") + expected);
            QVERIFY(!QFile::exists(path + QStringLiteral(".lock")));
        }
        if (socketFd >= 0)
            ::close(socketFd);
        // The CLI answers at once with the one line, for list and new alike.
        if (!test::cliPath().isEmpty() && kind == QLatin1String("fifo")) {
            for (const QStringList& args :
                 {QStringList{QStringLiteral("--library"), path, QStringLiteral("list")},
                  QStringList{QStringLiteral("--library"), path, QStringLiteral("new"),
                              QStringLiteral("--title"), QStringLiteral("x")}}) {
                const test::CliRun run = test::runCli(args, {}, m_dir.path(), 20000);
                QCOMPARE(run.exitCode, 1);
                QCOMPARE(run.err.trimmed(),
                         QStringLiteral("copydesk-cli: ") + path + QStringLiteral(": ") + expected);
            }
        }
    }

    // Creating a library on a full disk: a clear DiskFull error and no file, not even
    // a half-made one (creation writes a temporary file and renames it).
    void createOnFullDisk_data() {
        QTest::addColumn<QString>("size");
        QTest::newRow("no-room-for-schema") << QStringLiteral("48k");
        QTest::newRow("no-room-for-samples") << QStringLiteral("200k");
    }
    void createOnFullDisk() {
        QFETCH(QString, size);
        test::TinyTmpfs mountPoint(size.toLatin1());
        if (!mountPoint.isMounted())
            QSKIP(qPrintable(mountPoint.reason()));
        const QString path = mountPoint.filePath(QStringLiteral("lib.copydesk"));
        auto lib = size == QLatin1String("48k") ? Library::open(path)
                                                : Library::openOrCreateWithSamples(path);
        const QStringList left =
            QDir(mountPoint.path())
                .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        const bool failed = !lib;
        const ErrorKind kind = lib.kind();
        const QString error = lib.error();
        lib = Error{};
        mountPoint.unmount();
        QVERIFY2(failed, "the library fit: make the tmpfs smaller");
        QCOMPARE(kind, ErrorKind::DiskFull);
        QCOMPARE(error, path + QStringLiteral(": cannot create the library: the disk is full"));
        QCOMPARE(left, QStringList());
    }

    // A library on a disk that filled up after it was written: reading needs no room,
    // so list, show and search work (they failed with "disk I/O error": a reader
    // creates the WAL index); a write says the disk is full, naming the library, and
    // changes nothing. Once there is room again, writing works.
    void fullDisk() {
        test::TinyTmpfs mountPoint("1m");
        if (!mountPoint.isMounted())
            QSKIP(qPrintable(mountPoint.reason()));
        const QString path = mountPoint.filePath(QStringLiteral("lib.copydesk"));
        makeLibrary(path);
        const QString filler = mountPoint.filePath(QStringLiteral("filler"));
        {
            QFile fill(filler);
            QVERIFY(fill.open(QIODevice::WriteOnly));
            const QByteArray block(4096, 'x');
            while (fill.write(block) == block.size() && fill.flush()) {
            }
        }
        const QByteArray before = sha256Of(path);

        {
            auto ro = Library::open(path, Library::Mode::ReadOnly);
            QVERIFY2(ro, qPrintable(ro.error()));
            QCOMPARE((*ro)->list()->size(), 3);
            QCOMPARE((*ro)->search(QStringLiteral("Article 1"))->hits.size(), 1);
            QVERIFY((*ro)->findArticle(QStringLiteral("a2")));
        }
        if (!test::cliPath().isEmpty()) {
            for (const QStringList& command :
                 {QStringList{QStringLiteral("list")},
                  QStringList{QStringLiteral("show"), QStringLiteral("a1")},
                  QStringList{QStringLiteral("search"), QStringLiteral("Article")}}) {
                const test::CliRun run = test::runCli(
                    QStringList{QStringLiteral("--library"), path} + command, {}, m_dir.path());
                QVERIFY2(run.exitCode == 0,
                         qPrintable(command.front() + QStringLiteral(": ") + run.err));
                QVERIFY2(run.out.contains(QStringLiteral("Article 1")), qPrintable(run.out));
            }
            const test::CliRun write =
                test::runCli({QStringLiteral("--library"), path, QStringLiteral("new"),
                              QStringLiteral("--lock-wait"), QStringLiteral("0"),
                              QStringLiteral("--title"), QStringLiteral("No room")},
                             {}, m_dir.path());
            QCOMPARE(write.exitCode, 1);
            QVERIFY2(write.err.startsWith(QStringLiteral("copydesk-cli: ") + path) &&
                         write.err.contains(QStringLiteral("the disk is full")),
                     qPrintable(write.err));
        }
        {
            // The open or the save says so, depending on what still fitted.
            auto lib = Library::open(path);
            Result<qint64> saved = Error{};
            if (lib) {
                Article a = draft(QStringLiteral("No room"));
                a.versions[0].body = QStringLiteral("A long body. ").repeated(20000);
                saved = (*lib)->save(a);
            }
            const ErrorKind kind = lib ? saved.kind() : lib.kind();
            const QString error = lib ? saved.error() : lib.error();
            QCOMPARE(kind, ErrorKind::DiskFull);
            QVERIFY2(error.startsWith(path) && error.contains(QStringLiteral("the disk is full")),
                     qPrintable(error));
        }
        QCOMPARE(sha256Of(path), before);

        QVERIFY(QFile::remove(filler));
        auto lib = Library::open(path);
        QVERIFY2(lib, qPrintable(lib.error()));
        Article a = draft(QStringLiteral("Room again"));
        QVERIFY((*lib)->save(a));
        QCOMPARE((*lib)->list()->size(), 4);
    }

    // The workflow of Article::canTransition is enforced on save.
    void statusTransitions_data() {
        QTest::addColumn<QStringList>("path"); // statuses saved one after the other
        QTest::addColumn<QString>("refused");  // the message of the last save, or empty
        QTest::newRow("forward") << QStringList{QStringLiteral("draft"),
                                                QStringLiteral("in-review"),
                                                QStringLiteral("ready"),
                                                QStringLiteral("published")}
                                 << QString();
        QTest::newRow("skip-review")
            << QStringList{QStringLiteral("draft"), QStringLiteral("published")}
            << QStringLiteral("article 'flow' cannot go from draft to published");
        QTest::newRow("back-to-draft")
            << QStringList{QStringLiteral("draft"), QStringLiteral("in-review"),
                           QStringLiteral("draft")}
            << QString();
        QTest::newRow("out-of-archive")
            << QStringList{QStringLiteral("draft"), QStringLiteral("archived"),
                           QStringLiteral("ready")}
            << QStringLiteral("article 'flow' cannot go from archived to ready");
    }
    void statusTransitions() {
        QFETCH(QStringList, path);
        QFETCH(QString, refused);
        const QString file = newPath();
        auto lib = Library::open(file);
        QVERIFY(lib);
        Article a = draft(QStringLiteral("Flow"), QStringLiteral("flow"));
        for (qsizetype i = 0; i < path.size(); ++i) {
            a.status = *statusFromId(path[i]);
            const auto saved = (*lib)->save(a);
            if (i + 1 < path.size() || refused.isEmpty()) {
                QVERIFY2(saved, qPrintable(saved.error()));
                continue;
            }
            QVERIFY(!saved);
            QCOMPARE(saved.kind(), ErrorKind::InvalidInput);
            QCOMPARE(saved.error(), file + QStringLiteral(": ") + refused);
            QCOMPARE((*lib)->findArticle(QStringLiteral("flow"))->status,
                     *statusFromId(path[i - 1]));
        }
        // A version's status follows the same workflow.
        Article v = draft(QStringLiteral("Version"), QStringLiteral("version"));
        QVERIFY((*lib)->save(v));
        v.versions[0].status = Status::Published;
        const auto saved = (*lib)->save(v);
        QVERIFY(!saved);
        QCOMPARE(saved.error(), file + QStringLiteral(": article 'version', version 'en' cannot "
                                                      "go from draft to published"));
    }

    // transaction(): all or nothing, nested parts roll back alone.
    void transactions() {
        const QString path = newPath();
        auto lib = Library::open(path);
        QVERIFY(lib);
        Library& l = **lib;
        Article one = draft(QStringLiteral("One"), QStringLiteral("one"));
        Article two = draft(QStringLiteral("Two"), QStringLiteral("two"));
        // The second step fails: the first is rolled back with it.
        auto failed = l.transaction([&]() -> Result<void> {
            if (auto s = l.save(one); !s)
                return s.failure();
            if (auto s = l.setSetting(QStringLiteral("k"), QStringLiteral("v")); !s)
                return s.failure();
            return Error{QStringLiteral("stop"), ErrorKind::Conflict};
        });
        QVERIFY(!failed);
        QCOMPARE(failed.kind(), ErrorKind::Conflict);
        QCOMPARE(l.count().value(), 0);
        QCOMPARE(l.setting(QStringLiteral("k"), QStringLiteral("none")).value(),
                 QStringLiteral("none"));
        // An inner failure rolls back the inner part only; the outer work goes on.
        one = draft(QStringLiteral("One"), QStringLiteral("one"));
        auto partly = l.transaction([&]() -> Result<void> {
            if (auto s = l.save(one); !s)
                return s.failure();
            const auto inner = l.transaction([&]() -> Result<void> {
                if (auto s = l.save(two); !s)
                    return s.failure();
                Article clash = draft(QStringLiteral("Clash"), QStringLiteral("one"));
                return l.save(clash).failure(); // slug taken: Conflict
            });
            if (inner.kind() != ErrorKind::Conflict)
                return Error{QStringLiteral("expected a conflict, got: ") + inner.error()};
            return {};
        });
        QVERIFY2(partly, qPrintable(partly.error()));
        QCOMPARE(l.count().value(), 1);
        QVERIFY(l.findArticle(QStringLiteral("one")));
        QCOMPARE(l.findArticle(QStringLiteral("two")).kind(), ErrorKind::NotFound);
        // An exception rolls back too, and the library stays usable.
        try {
            (void)l.transaction([&]() -> Result<void> {
                Article three = draft(QStringLiteral("Three"), QStringLiteral("three"));
                (void)l.save(three);
                throw std::runtime_error("boom");
            });
            QFAIL("no exception");
        } catch (const std::runtime_error&) {
        }
        QCOMPARE(l.findArticle(QStringLiteral("three")).kind(), ErrorKind::NotFound);
        Article four = draft(QStringLiteral("Four"), QStringLiteral("four"));
        QVERIFY(l.save(four));
        // Read-only libraries refuse at once.
        lib = Error{};
        auto ro = Library::open(path, Library::Mode::ReadOnly);
        QVERIFY(ro);
        QVERIFY(!(*ro)->transaction([] { return Result<void>(); }));
    }

    // A failure in the middle of a restore or of a multi-article save (a trigger that
    // raises, a full database) leaves the file byte-identical.
    void failuresLeaveFileIdentical_data() {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QString>("fault");
        QTest::addColumn<int>("kind");
        for (const char* op : {"restore", "saveAll", "cli-restore"}) {
            QTest::addRow("%s-trigger", op)
                << QString::fromLatin1(op) << QStringLiteral("trigger") << int(ErrorKind::Conflict);
            if (QByteArray(op) != "cli-restore")
                QTest::addRow("%s-full", op) << QString::fromLatin1(op) << QStringLiteral("full")
                                             << int(ErrorKind::DiskFull);
        }
    }
    void failuresLeaveFileIdentical() {
        QFETCH(QString, operation);
        QFETCH(QString, fault);
        QFETCH(int, kind);
        const QString path = newPath();
        qint64 oldRevision = 0;
        {
            auto lib = Library::open(path);
            QVERIFY(lib);
            // Big enough that restoring it needs pages the full database cannot add.
            Article a = draft(QStringLiteral("Restored"), QStringLiteral("restored"));
            a.versions[0].body = QStringLiteral("An old, long body. ").repeated(8000);
            oldRevision = *(*lib)->save(a);
            a.versions[0].body = QStringLiteral("Changed since");
            QVERIFY((*lib)->save(a));
        }
        if (fault == QLatin1String("trigger")) {
            // Raises after the versions and tags are written, before the revision row.
            QVERIFY(rawExec(
                path, {QStringLiteral("CREATE TRIGGER injected_fault BEFORE INSERT ON revisions"
                                      " WHEN (SELECT count(*) FROM versions) >= 1"
                                      " AND NEW.kind IN ('restore', 'import')"
                                      " BEGIN SELECT RAISE(ABORT, 'injected fault'); END")}));
        }
        const QByteArray before = sha256Of(path);
        QVERIFY(!before.isEmpty());
        if (operation == QLatin1String("cli-restore")) {
            if (test::cliPath().isEmpty())
                QSKIP("COPYDESK_CLI not set");
            const test::CliRun run =
                test::runCli({QStringLiteral("--library"), path, QStringLiteral("restore"),
                              QStringLiteral("restored"), QString::number(oldRevision)},
                             {}, m_dir.path(), 20000);
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains(QStringLiteral("injected fault")), qPrintable(run.err));
        } else {
            auto lib = Library::open(path);
            QVERIFY(lib);
            if (fault == QLatin1String("full")) {
                QSqlDatabase db = libraryConnection();
                QSqlQuery q(db);
                QVERIFY(q.exec(QStringLiteral("PRAGMA page_count")) && q.next());
                const qint64 pages = q.value(0).toLongLong();
                QVERIFY(q.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages)));
            }
            QString error;
            ErrorKind got = ErrorKind::Failed;
            if (operation == QLatin1String("restore")) {
                const auto restored = (*lib)->restore(oldRevision);
                QVERIFY(!restored);
                error = restored.error();
                got = restored.kind();
            } else {
                QList<Article> batch;
                for (int i = 0; i < 20; ++i) {
                    Article a = draft(QStringLiteral("Batch %1").arg(i));
                    a.versions[0].body = QStringLiteral("Long body %1. ").arg(i).repeated(400);
                    batch.append(a);
                }
                const QList<Article> unchanged = batch;
                const auto saved = (*lib)->saveAll(batch, RevisionKind::Import);
                QVERIFY(!saved);
                QCOMPARE(batch, unchanged); // no ids or slugs filled in on failure
                error = saved.error();
                got = saved.kind();
            }
            QCOMPARE(int(got), kind);
            if (got == ErrorKind::DiskFull)
                QVERIFY2(error.contains(QStringLiteral("the disk is full")), qPrintable(error));
            else
                QVERIFY2(error.contains(QStringLiteral("injected fault")), qPrintable(error));
            QCOMPARE((*lib)->findArticle(QStringLiteral("restored"))->versions.at(0).body,
                     QStringLiteral("Changed since"));
        }
        QCOMPARE(sha256Of(path), before);
    }
};

QTEST_GUILESS_MAIN(TestLibrarySafety)
#include "tst_library_safety.moc"
