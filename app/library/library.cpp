// Opening, locking, creating and upgrading a library file; transactions; settings,
// tags and media. Articles, revisions and search live in library_articles.cpp and
// library_search.cpp.
#include "library/library.h"
#include "common/atomicfile.h"
#include "library/articlejson.h"
#include "library/library_p.h"

#include <QAtomicInteger>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeDatabase>
#include <QSqlDriver>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QThread>
#include <QUrl>

#include <algorithm>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace copydesk {

namespace {

// SQLite primary result codes (sqlite3.h) that decide an error's kind.
constexpr int kSqlitePerm = 3;
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteIoErr = 10;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteFull = 13;
constexpr int kSqliteCantOpen = 14;
constexpr int kSqliteConstraint = 19;
constexpr int kSqliteNotADatabase = 26;

int primaryCode(const QSqlError& error) {
    return error.nativeErrorCode().toInt() & 0xff;
}

Error fileProblem(const QString& path, const QSqlError& error) {
    switch (primaryCode(error)) {
    case kSqliteNotADatabase:
        return Error{Library::tr("%1: not a Copydesk library (file is not a database)").arg(path),
                     ErrorKind::Corrupt};
    case kSqliteCorrupt:
        return Error{
            Library::tr("%1: the library file is damaged (%2)").arg(path, error.databaseText()),
            ErrorKind::Corrupt};
    case kSqliteFull:
        return Error{Library::tr("%1: cannot open the library: the disk is full (%2)")
                         .arg(path, error.databaseText()),
                     ErrorKind::DiskFull};
    default:
        return Error{
            Library::tr("%1: cannot open the library (%2)").arg(path, error.databaseText()),
            detail::errorKindOf(error)};
    }
}

QString nextConnectionName() {
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("copydesk-library-%1").arg(counter.fetchAndAddRelaxed(1));
}

// What a path that is not a regular file is, for the message.
QString fileTypeName(mode_t mode) {
    if (S_ISDIR(mode))
        return Library::tr("a folder");
    if (S_ISFIFO(mode))
        return Library::tr("a FIFO");
    if (S_ISSOCK(mode))
        return Library::tr("a socket");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return Library::tr("a device");
    return Library::tr("not a regular file");
}

// Checks done before SQLite sees the file, so that the common mistakes get a precise
// message and nothing, not even a -wal file, is created for them. Only the file type
// is looked at before the header is read: opening a FIFO to read it would block.
std::optional<Error> checkPath(const QString& path, Library::Mode mode) {
    const QByteArray native = QFile::encodeName(path);
    struct stat st {};
    if (::stat(native.constData(), &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return Error{Library::tr("%1: is a folder, not a library file").arg(path),
                         ErrorKind::InvalidInput};
        if (!S_ISREG(st.st_mode))
            return Error{
                Library::tr("%1: is %2, not a library file").arg(path, fileTypeName(st.st_mode)),
                ErrorKind::InvalidInput};
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error{Library::tr("%1: cannot read the file (%2)").arg(path, file.errorString()),
                         ErrorKind::Io};
        const QByteArray header = file.read(16);
        if (!header.isEmpty() && header != QByteArray("SQLite format 3\0", 16))
            return Error{
                Library::tr("%1: not a Copydesk library (file is not a database)").arg(path),
                ErrorKind::InvalidInput};
        return std::nullopt;
    }
    if (errno != ENOENT && errno != ENOTDIR)
        return Error{Library::tr("%1: cannot read the file (%2)")
                         .arg(path, QString::fromLocal8Bit(std::strerror(errno))),
                     ErrorKind::Io};
    // A symbolic link to nothing: creating the library would mean creating its target,
    // which may be anywhere; the user is told rather than "File exists".
    if (struct stat link{}; ::lstat(native.constData(), &link) == 0 && S_ISLNK(link.st_mode))
        return Error{Library::tr("%1: is a dangling symbolic link (to %2, which does not exist)")
                         .arg(path, QFileInfo(path).symLinkTarget()),
                     ErrorKind::NotFound};
    if (mode == Library::Mode::ReadOnly)
        return Error{Library::tr("%1: no such library file").arg(path), ErrorKind::NotFound};
    const QFileInfo info(path);
    const QFileInfo dir(info.absolutePath());
    if (dir.exists() && !dir.isDir())
        return Error{Library::tr("%1: cannot create the library: %2 is a file, not a folder")
                         .arg(path, dir.filePath()),
                     ErrorKind::InvalidInput};
    if (!dir.isDir())
        return Error{Library::tr("%1: cannot create the library: folder %2 does not exist")
                         .arg(path, dir.filePath()),
                     ErrorKind::NotFound};
    if (!dir.isWritable())
        return Error{Library::tr("%1: cannot create the library: folder %2 is not writable")
                         .arg(path, dir.filePath()),
                     ErrorKind::Io};
    return std::nullopt;
}

// Reads the first value of `sql`; distinguishes "no row" from failure.
std::optional<QVariant> scalar(QSqlDatabase& db, const QString& sql, QSqlError* error) {
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        *error = q.lastError();
        return std::nullopt;
    }
    return q.next() ? q.value(0) : QVariant();
}

QString errnoText(int error) {
    return QString::fromLocal8Bit(std::strerror(error));
}

bool isDiskFull(int error) {
    return error == ENOSPC || error == EDQUOT;
}

// A failed write while creating the library: "the disk is full" when it is.
Error creationError(const QString& path, const QString& reason, bool diskFull) {
    if (diskFull)
        return Error{Library::tr("%1: cannot create the library: the disk is full").arg(path),
                     ErrorKind::DiskFull};
    return Error{Library::tr("%1: cannot create the library (%2)").arg(path, reason),
                 ErrorKind::Io};
}

} // namespace

// ---- the writer's lock ----
//
// One writer per library. The lock is flock(2) on LIBRARY.lock: the kernel drops it
// when its descriptor closes, which includes every way a process can die, so there
// is no stale lock to detect or break (the pid file used before could be left empty
// by a process killed between creating and writing it, and then blocked every writer
// for ever). The holder writes its pid into the file, only for the message another
// process shows.
// Not fcntl(2) record locks: they belong to the process, not to the descriptor, so a
// second Library on the same file in one process would get the lock too, and closing
// any descriptor of the file drops them; SQLite already uses them on the database.
// Not SQLite's locking_mode=EXCLUSIVE: in WAL mode that keeps readers out as well,
// and the second Copydesk must still open the library read-only.
// The file is removed on release, and a lock taken on a file that another process
// removed meanwhile is retried, so two writers never hold locks on two files.

// Waiting polls flock(LOCK_NB) rather than blocking in flock(): a blocked call cannot
// be given a deadline, and the file has to be opened again anyway each time its holder
// removed it.
Result<std::unique_ptr<WriterLock>> WriterLock::acquire(const QString& libraryPath,
                                                        const OpenOptions& options) {
    const QString lockPath = libraryPath + QStringLiteral(".lock");
    const QByteArray native = QFile::encodeName(lockPath);
    QElapsedTimer waited;
    waited.start();
    bool noticed = false;
    for (int replaced = 0; replaced < 20;) {
        const int fd = ::open(native.constData(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd < 0) {
            const int error = errno;
            return Error{Library::tr("%1: cannot create the lock file %2 (%3)")
                             .arg(libraryPath, lockPath, errnoText(error)),
                         isDiskFull(error) ? ErrorKind::DiskFull : ErrorKind::Io};
        }
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const int error = errno;
            QByteArray holder(32, '\0');
            const ssize_t n = ::pread(fd, holder.data(), holder.size() - 1, 0);
            ::close(fd);
            if (error != EWOULDBLOCK)
                return Error{Library::tr("%1: cannot lock %2 (%3)")
                                 .arg(libraryPath, lockPath, errnoText(error)),
                             ErrorKind::Io};
            bool known = false;
            qint64 pid =
                n > 0 ? QByteArray(holder.constData(), int(n)).trimmed().toLongLong(&known) : 0;
            if (!known || pid < 0)
                pid = 0;
            const auto elapsed = std::chrono::milliseconds(waited.elapsed());
            if (elapsed < options.lockWait) {
                if (!noticed && elapsed >= options.waitNotice) {
                    noticed = true;
                    if (options.onWaiting)
                        options.onWaiting(pid);
                }
                QThread::msleep(
                    ulong(std::min<qint64>(50, (options.lockWait - elapsed).count() + 1)));
                continue;
            }
            if (pid > 0)
                return Error{Library::tr("library %1 is open in another Copydesk process (pid %2); "
                                         "close it or open read-only")
                                 .arg(libraryPath)
                                 .arg(pid),
                             ErrorKind::Locked};
            return Error{Library::tr("library %1 is open in another Copydesk process; close it or "
                                     "open read-only")
                             .arg(libraryPath),
                         ErrorKind::Locked};
        }
        // The previous holder removes the file before it unlocks: if the name now
        // leads elsewhere, this lock guards nothing.
        struct stat locked {};
        struct stat named {};
        if (::fstat(fd, &locked) != 0 || ::lstat(native.constData(), &named) != 0 ||
            locked.st_dev != named.st_dev || locked.st_ino != named.st_ino) {
            ::close(fd);
            ++replaced;
            continue;
        }
        // Best effort: the pid only improves the message of another process.
        const QByteArray pid = QByteArray::number(QCoreApplication::applicationPid()) + '\n';
        if (::ftruncate(fd, 0) == 0)
            (void)!::pwrite(fd, pid.constData(), size_t(pid.size()), 0);
        return std::unique_ptr<WriterLock>(new WriterLock(fd, lockPath));
    }
    return Error{
        Library::tr("%1: cannot lock %2 (it keeps being replaced)").arg(libraryPath, lockPath),
        ErrorKind::Locked};
}

WriterLock::~WriterLock() {
    ::unlink(QFile::encodeName(m_path).constData());
    ::close(m_fd);
}

// ---- errors and transactions ----

ErrorKind detail::errorKindOf(const QSqlError& error) {
    switch (primaryCode(error)) {
    case kSqliteBusy:
    case kSqliteLocked:
        return ErrorKind::Locked;
    case kSqliteFull:
        return ErrorKind::DiskFull;
    case kSqliteCorrupt:
    case kSqliteNotADatabase:
        return ErrorKind::Corrupt;
    case kSqlitePerm:
    case kSqliteReadOnly:
    case kSqliteIoErr:
    case kSqliteCantOpen:
        return ErrorKind::Io;
    case kSqliteConstraint:
        return ErrorKind::Conflict;
    default:
        return ErrorKind::Failed;
    }
}

QString revisionKindId(RevisionKind kind) {
    switch (kind) {
    case RevisionKind::Save:
        return QStringLiteral("save");
    case RevisionKind::Autosave:
        return QStringLiteral("autosave");
    case RevisionKind::Export:
        return QStringLiteral("export");
    case RevisionKind::Publish:
        return QStringLiteral("publish");
    case RevisionKind::Restore:
        return QStringLiteral("restore");
    case RevisionKind::Import:
        return QStringLiteral("import");
    }
    return {};
}

QSqlQuery& Library::Private::prepared(const QString& sql) {
    if (auto it = statements.find(sql); it != statements.end())
        return it->second;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        // Not cached: the caller's exec() fails and sqlError() reports why.
        prepareError = q.lastError();
        failedStatement = std::move(q);
        return failedStatement;
    }
    return statements.emplace(sql, std::move(q)).first->second;
}

Error Library::Private::sqlError(const QString& problem, const QSqlError& error) const {
    ErrorKind kind = detail::errorKindOf(error);
    // SQLite reports some writes that a full disk refused (the WAL index, a sync) as
    // an I/O error; the free space tells.
    if (kind == ErrorKind::Io && folderIsFull(QFileInfo(path).absolutePath()))
        kind = ErrorKind::DiskFull;
    if (kind == ErrorKind::DiskFull)
        return Error{
            Library::tr("%1: %2: the disk is full (%3)").arg(path, problem, error.databaseText()),
            kind};
    if (kind == ErrorKind::Corrupt)
        return Error{Library::tr("%1: %2: the library file is damaged (%3)")
                         .arg(path, problem, error.databaseText()),
                     kind};
    return Error{Library::tr("%1: %2 (%3)").arg(path, problem, error.databaseText()), kind};
}

std::optional<Error> Library::Private::refuseReadOnly() const {
    if (mode == Mode::ReadOnly)
        return Error{Library::tr("%1: the library is open read-only").arg(path), ErrorKind::Locked};
    return std::nullopt;
}

bool Library::Private::exec(const QString& sql) {
    lastError = QSqlError();
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        lastError = q.lastError();
        return false;
    }
    return true;
}

Result<void> Library::Private::transaction(const std::function<Result<void>()>& work) {
    if (auto refused = refuseReadOnly())
        return *refused;
    const bool outer = transactionDepth == 0;
    const QString savepoint = QStringLiteral("copydesk_%1").arg(transactionDepth);
    if (outer) {
        // IMMEDIATE takes the write lock now, where the busy timeout waits for it,
        // rather than at the first write, where SQLite may answer "database is
        // locked" at once to avoid a deadlock. Only this process writes (WriterLock);
        // what can still hold the lock a moment is a reader's recovery of the WAL
        // index, hence a few more tries on top of the timeout.
        bool begun = false;
        for (int attempt = 0; attempt < 5 && !begun; ++attempt) {
            begun = exec(QStringLiteral("BEGIN IMMEDIATE"));
            if (!begun && detail::errorKindOf(lastError) != ErrorKind::Locked)
                break;
            if (!begun)
                QThread::msleep(20);
        }
        if (!begun)
            return sqlError(Library::tr("cannot start a transaction"), lastError);
    } else if (!exec(QStringLiteral("SAVEPOINT ") + savepoint)) {
        return sqlError(Library::tr("cannot start a transaction"), lastError);
    }
    ++transactionDepth;
    // Rolls back unless the work succeeded and was committed, also when it throws.
    struct Undo {
        Private* d;
        bool outer;
        const QString& savepoint;
        bool armed = true;
        ~Undo() {
            --d->transactionDepth;
            if (!armed)
                return;
            if (outer) {
                d->exec(QStringLiteral("ROLLBACK"));
            } else {
                d->exec(QStringLiteral("ROLLBACK TO ") + savepoint);
                d->exec(QStringLiteral("RELEASE ") + savepoint);
            }
        }
    } undo{this, outer, savepoint};
    Result<void> result = work();
    if (!result)
        return result;
    const QString finish =
        outer ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE ") + savepoint;
    bool done = false;
    for (int attempt = 0; attempt < 5 && !done; ++attempt) {
        done = exec(finish);
        if (!done && detail::errorKindOf(lastError) != ErrorKind::Locked)
            break;
        if (!done)
            QThread::msleep(20);
    }
    if (!done)
        return sqlError(Library::tr("cannot save the changes"), lastError);
    undo.armed = false;
    return {};
}

sqlite3* detail::connectionOf(const QSqlDatabase& db) {
    const QVariant handle = db.driver()->handle();
    return handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0
               ? *static_cast<sqlite3* const*>(handle.constData())
               : nullptr;
}

namespace {

void casefold(sqlite3_context* context, int, sqlite3_value** argv) {
    const auto* text = sqlite3_value_text(argv[0]);
    if (!text) {
        sqlite3_result_null(context);
        return;
    }
    const int size = sqlite3_value_bytes(argv[0]);
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(text), size);
    // ASCII (most bylines) is folded without a QString: a count over 100,000 ASCII
    // bylines took 65 ms through one, 28 ms so (tags_bench filter_author).
    const QByteArray folded =
        std::all_of(text, text + size, [](unsigned char c) { return c < 0x80; })
            ? bytes.toLower()
            : QString::fromUtf8(bytes).toCaseFolded().toUtf8();
    sqlite3_result_text(context, folded.constData(), int(folded.size()), SQLITE_TRANSIENT);
}

} // namespace

bool detail::addFunctions(const QSqlDatabase& db) {
    sqlite3* connection = connectionOf(db);
    return connection &&
           sqlite3_create_function_v2(connection, "casefold", 1,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                      nullptr, casefold, nullptr, nullptr, nullptr) == SQLITE_OK;
}

Result<void> Library::flushTransaction() {
    if (d->transactionDepth == 0)
        return Error{Library::tr("%1: no transaction to flush").arg(d->path), ErrorKind::Failed};
    sqlite3* connection = detail::connectionOf(d->db);
    if (!connection)
        return Error{Library::tr("%1: not an SQLite connection").arg(d->path), ErrorKind::Failed};
    const int code = sqlite3_db_cacheflush(connection);
    if (code == SQLITE_OK)
        return {};
    const QSqlError error(QString(), QString::fromUtf8(sqlite3_errstr(code)),
                          QSqlError::TransactionError, QString::number(code));
    return d->sqlError(Library::tr("cannot save the changes"), error);
}

Result<void> Library::transaction(const std::function<Result<void>()>& work) {
    return d->transaction(work);
}

Library::Library(std::unique_ptr<Private> p)
    : d(std::move(p)) {}

Library::~Library() {
    const QString name = d->connectionName;
    d->statements.clear();
    d->failedStatement = QSqlQuery();
    d->db.close();
    d->db = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
    // d->lock unlocks in its destructor, after the file is closed.
}

namespace {

enum class Connect { Existing, Creating };

// Opens the SQLite connection on `path` (which checkPath() accepted) and checks what
// is in it. `creating`: an empty file under a temporary name that becomes a library
// here, with an in-memory journal (on failure the whole file is thrown away).
Result<std::unique_ptr<Library::Private>> connect(const QString& path, Library::Mode mode,
                                                  Connect how) {
    using Mode = Library::Mode;
    auto p = std::make_unique<Library::Private>();
    p->path = path;
    p->mode = mode;

    // The connection is removed by ~Library, or by this guard on every early return.
    p->connectionName = nextConnectionName();
    struct ConnectionGuard {
        Library::Private* p;
        ~ConnectionGuard() {
            if (!p)
                return;
            p->statements.clear();
            p->failedStatement = QSqlQuery();
            p->db.close();
            p->db = QSqlDatabase();
            QSqlDatabase::removeDatabase(p->connectionName);
        }
    } guard{p.get()};
    p->db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), p->connectionName);
    p->db.setDatabaseName(path);
    // The busy timeout makes a statement wait for a lock another connection holds a
    // moment (a reader's WAL-index recovery, a checkpoint) instead of failing.
    p->db.setConnectOptions(mode == Mode::ReadOnly
                                ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")
                                : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!p->db.open())
        return fileProblem(path, p->db.lastError());

    // Read before writing anything: a foreign or damaged file must stay untouched.
    QSqlError error;
    auto tables = scalar(p->db, QStringLiteral("SELECT count(*) FROM sqlite_master"), &error);
    const QString folderPath = QFileInfo(path).absolutePath();
    const QByteArray folder = QFile::encodeName(folderPath);
    const QFileInfo wal(path + QStringLiteral("-wal"));
    // A reader that cannot create the WAL index says "unable to open", "disk I/O error"
    // or, when the file itself is read-only too, "attempt to write a readonly database".
    const bool cannotMapIndex =
        !tables && (primaryCode(error) == kSqliteCantOpen || primaryCode(error) == kSqliteIoErr ||
                    primaryCode(error) == kSqliteReadOnly);
    const bool readOnlyFolder = cannotMapIndex && ::access(folder.constData(), W_OK) != 0;
    const bool fullDisk = cannotMapIndex && !readOnlyFolder && folderIsFull(folderPath);
    if (mode == Mode::ReadOnly && fullDisk && wal.exists() && wal.size() > 0)
        // Part of the library is in the write-ahead log, which cannot be read without
        // its index, and the index needs room on the disk.
        return Error{Library::tr("%1: cannot read the library: the disk is full, and reading "
                                 "its write-ahead log %2 needs a little room")
                         .arg(path, wal.filePath()),
                     ErrorKind::DiskFull};
    if (mode == Mode::ReadOnly && readOnlyFolder && wal.exists() && wal.size() > 0)
        // The same in a read-only folder: the index file cannot be created there.
        return Error{Library::tr("%1: cannot read the library: part of it is in its write-ahead "
                                 "log %2, which needs an index file (%3) that cannot be created "
                                 "in this read-only folder; open the library once where it can be "
                                 "written")
                         .arg(path, wal.filePath(), path + QStringLiteral("-shm")),
                     ErrorKind::Io};
    if (mode == Mode::ReadOnly && (readOnlyFolder || fullDisk) &&
        (!wal.exists() || wal.size() == 0)) {
        // A reader of a WAL library needs its -shm file (the WAL index) and creates or
        // extends it when it is missing, which a read-only folder or mount does not
        // allow, nor a full disk ("disk I/O error"). A writer keeps that file whole, so
        // there is none; and with no WAL content the database file is all there is. It
        // cannot change under the reader either: nobody can write to a read-only folder,
        // and a writer's first change goes to the WAL, which a full disk refuses. So
        // SQLite may read it as immutable, without the -shm.
        p->db.close();
        QUrl uri = QUrl::fromLocalFile(path);
        uri.setQuery(QStringLiteral("immutable=1"));
        p->db.setDatabaseName(uri.toString(QUrl::FullyEncoded));
        p->db.setConnectOptions(
            QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!p->db.open())
            return fileProblem(path, p->db.lastError());
        tables = scalar(p->db, QStringLiteral("SELECT count(*) FROM sqlite_master"), &error);
    }
    if (!tables) {
        if (fullDisk)
            return Error{Library::tr("%1: cannot open the library: the disk is full (%2)")
                             .arg(path, error.databaseText()),
                         ErrorKind::DiskFull};
        return fileProblem(path, error);
    }
    const auto appId = scalar(p->db, QStringLiteral("PRAGMA application_id"), &error);
    const auto version = scalar(p->db, QStringLiteral("PRAGMA user_version"), &error);
    if (!appId || !version)
        return fileProblem(path, error);
    const bool empty = tables->toInt() == 0 && version->toInt() == 0;
    if (!empty && appId->toInt() != detail::kApplicationId)
        return Error{
            Library::tr("%1: not a Copydesk library (an SQLite database of another program)")
                .arg(path),
            ErrorKind::InvalidInput};
    if (empty && mode == Mode::ReadOnly)
        return Error{Library::tr("%1: not a Copydesk library (empty file)").arg(path),
                     ErrorKind::InvalidInput};
    const int fileVersion = version->toInt();
    if (fileVersion > detail::latestSchemaVersion()) {
        return Error{Library::tr("%1: the library was written by a newer Copydesk (schema version "
                                 "%2; this version reads up to %3)")
                         .arg(path)
                         .arg(fileVersion)
                         .arg(detail::latestSchemaVersion()),
                     ErrorKind::Unsupported};
    }
    if (mode == Mode::ReadOnly && fileVersion < detail::latestSchemaVersion()) {
        // Upgrading writes to the file, which a read-only open never does.
        return Error{Library::tr("%1: the library has the older schema version %2; open it once "
                                 "for writing to upgrade it")
                         .arg(path)
                         .arg(fileVersion),
                     ErrorKind::Unsupported};
    }
    // Touch every table once: a truncated file fails here rather than in the middle
    // of the user's work.
    const auto probe =
        scalar(p->db,
               fileVersion == 0
                   ? QStringLiteral("SELECT 1")
                   : QStringLiteral(
                         "SELECT (SELECT max(id) FROM articles) + (SELECT max(id) FROM versions)"
                         " + (SELECT max(id) FROM revisions)"),
               &error);
    if (!probe)
        return fileProblem(path, error);

    if (!p->exec(QStringLiteral("PRAGMA foreign_keys = ON")))
        return fileProblem(path, p->lastError);
    if (!detail::addFunctions(p->db))
        return Error{Library::tr("%1: cannot prepare the connection to the library").arg(path),
                     ErrorKind::Failed};
    // Sorting and temporary indexes in memory, not in temporary files: a list on a
    // full disk (or a full /tmp) still sorts.
    if (!p->exec(QStringLiteral("PRAGMA temp_store = MEMORY")))
        return fileProblem(path, p->lastError);
    if (mode == Mode::ReadWrite) {
        // WAL lets readers (a read-only CLI, the GUI's list) work while a save runs;
        // FULL makes each committed save durable across power loss, not just crashes.
        // A library being created keeps its journal in memory: until it is renamed
        // into place nobody else sees it, and on failure it is deleted.
        const QString journal = how == Connect::Creating
                                    ? QStringLiteral("PRAGMA journal_mode = MEMORY")
                                    : QStringLiteral("PRAGMA journal_mode = WAL");
        if (!p->exec(journal) || !p->exec(QStringLiteral("PRAGMA synchronous = FULL"))) {
            if (folderIsFull(folderPath))
                return Error{Library::tr("%1: cannot open the library: the disk is full (%2)")
                                 .arg(path, p->lastError.databaseText()),
                             ErrorKind::DiskFull};
            return fileProblem(path, p->lastError);
        }
        if (fileVersion < detail::latestSchemaVersion()) {
            const auto upgraded = p->transaction([&]() -> Result<void> {
                const QString problem = detail::migrate(p->db, fileVersion);
                if (problem.isEmpty())
                    return {};
                if (how == Connect::Creating)
                    return Error{
                        Library::tr("%1: cannot create the library (%2)").arg(path, problem)};
                return Error{
                    Library::tr("%1: cannot upgrade the library from schema version %2 (%3)")
                        .arg(path)
                        .arg(fileVersion)
                        .arg(problem)};
            });
            if (!upgraded)
                return upgraded.failure();
        }
    }
    guard.p = nullptr;
    return p;
}

void removeWithCompanions(const QString& path) {
    for (const auto* suffix : {"", "-journal", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
}

bool syncPath(const QString& path, int flags) {
    const int fd = ::open(QFile::encodeName(path).constData(), flags | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

} // namespace

// Builds a new library at `path` (which does not exist; the caller holds its writer
// lock): under a temporary name in the same folder, filled by `populate`, flushed to
// disk and only then renamed to `path`, so that a failure (a full disk, a crash)
// leaves no half-made library, at most a hidden temporary file.
static Result<void>
createLibrary(const QString& path, const std::function<Result<void>(Library&)>& populate,
              std::unique_ptr<Library> (*wrap)(std::unique_ptr<Library::Private>),
              const QString& replacedKeptAs = {}, bool replaceEmptyFile = false) {
    const QFileInfo info(path);
    QTemporaryFile temp(info.absolutePath() + QStringLiteral("/.") + info.fileName() +
                        QStringLiteral(".new-XXXXXX"));
    temp.setAutoRemove(false);
    if (!temp.open()) {
        const bool full = isDiskFull(errno) || folderIsFull(info.absolutePath());
        return creationError(path, temp.errorString(), full);
    }
    const QString tempPath = temp.fileName();
    temp.close();
    auto fail = [&](Error error) -> Result<void> {
        removeWithCompanions(tempPath);
        if (error.kind != ErrorKind::DiskFull && folderIsFull(info.absolutePath()))
            return creationError(path, error.message, true);
        if (error.kind == ErrorKind::DiskFull)
            return creationError(path, error.message, true);
        return error;
    };
    {
        auto connected = connect(tempPath, Library::Mode::ReadWrite, Connect::Creating);
        if (!connected)
            return fail(connected.failure());
        std::unique_ptr<Library> library = wrap(std::move(*connected));
        if (populate) {
            const auto filled = populate(*library);
            if (!filled)
                return fail(filled.failure());
        }
    }
    if (!syncPath(tempPath, O_RDONLY)) {
        const int error = errno;
        return fail(creationError(path, errnoText(error), isDiskFull(error)));
    }
    if (!replacedKeptAs.isEmpty()) {
        // The file being replaced steps aside first (with its WAL, which holds part
        // of its content), so that nothing is ever overwritten.
        QFile::remove(path + QStringLiteral("-shm"));
        if (!QFile::rename(path, replacedKeptAs))
            return fail(creationError(path, Library::tr("cannot rename it"), false));
        if (QFileInfo::exists(path + QStringLiteral("-wal")))
            (void)QFile::rename(path + QStringLiteral("-wal"),
                                replacedKeptAs + QStringLiteral("-wal"));
    }
    // No replacing: should anything have appeared at `path` meanwhile, it stays.
    const QByteArray from = QFile::encodeName(tempPath);
    const QByteArray to = QFile::encodeName(path);
    int renamed = -1;
    if (replaceEmptyFile) {
        // An empty file the user made for the library: replaced, as long as it is
        // still an empty regular file (not a symlink, nothing written into it).
        struct stat st {};
        if (::lstat(to.constData(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0) {
            renamed = ::rename(from.constData(), to.constData());
        } else {
            errno = EEXIST;
        }
    } else {
        renamed =
            ::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_NOREPLACE);
    }
    if (!replaceEmptyFile && renamed != 0 && (errno == EINVAL || errno == ENOSYS)) {
        // A file system without RENAME_NOREPLACE: link() does not replace either.
        renamed = ::link(from.constData(), to.constData());
        if (renamed == 0)
            ::unlink(from.constData());
    }
    if (renamed != 0) {
        const int error = errno;
        if (!replacedKeptAs.isEmpty())
            (void)QFile::rename(replacedKeptAs, path);
        return fail(creationError(path, errnoText(error), isDiskFull(error)));
    }
    (void)syncPath(info.absolutePath(), O_RDONLY | O_DIRECTORY);
    return {};
}

Result<std::unique_ptr<Library>>
Library::openWith(const QString& pathIn, Mode mode, const OpenOptions& options,
                  const std::function<Result<void>(Library&)>& populate) {
    const QString path = QFileInfo(pathIn).absoluteFilePath();
    // open() creates a missing library only for writing, openOrCreateWithSamples()
    // also for reading.
    const bool mayCreate = mode == Mode::ReadWrite || populate;
    if (auto problem = checkPath(path, mayCreate ? Mode::ReadWrite : mode))
        return *problem;
    std::unique_ptr<WriterLock> lock;
    // An empty file opened for writing becomes a library the way a missing one does:
    // built beside it and renamed over it, so that a failure leaves it empty.
    const auto isEmptyFile = [&path] {
        struct stat st {};
        return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISREG(st.st_mode) &&
               st.st_size == 0;
    };
    if (mode == Mode::ReadWrite || (populate && !QFileInfo::exists(path))) {
        auto locked = WriterLock::acquire(path, options);
        if (!locked)
            return locked.failure();
        lock = std::move(*locked);
        const bool missing = !QFileInfo::exists(path);
        const bool empty = !missing && mode == Mode::ReadWrite && isEmptyFile();
        if (missing || empty) {
            const auto created = createLibrary(
                path, missing ? populate : nullptr,
                [](std::unique_ptr<Private> p) {
                    return std::unique_ptr<Library>(new Library(std::move(p)));
                },
                {}, empty);
            if (!created)
                return created.failure();
        }
        if (mode == Mode::ReadOnly)
            lock.reset();
    }
    auto p = connect(path, mode, Connect::Existing);
    if (!p)
        return p.failure();
    (*p)->lock = std::move(lock);
    return std::unique_ptr<Library>(new Library(std::move(*p)));
}

Result<std::unique_ptr<Library>> Library::open(const QString& path, Mode mode,
                                               const OpenOptions& options) {
    return openWith(path, mode, options, {});
}

Result<QString> Library::repair(const QString& pathIn) {
    const QString path = QFileInfo(pathIn).absoluteFilePath();
    if (auto problem = checkPath(path, Mode::ReadOnly))
        return *problem;
    auto locked = WriterLock::acquire(path);
    if (!locked)
        return locked.failure();
    {
        // In place first: the usual damage is in the index alone.
        auto p = connect(path, Mode::ReadWrite, Connect::Existing);
        if (!p && p.kind() != ErrorKind::Corrupt)
            return p.failure();
        if (p) {
            Library library(std::move(*p));
            const auto checked = library.checkSearchIndex();
            if (checked) {
                // The contentless word index cannot be compared with the articles, only
                // with itself: one that holds an older text of a version (written to
                // the file by something else than Copydesk, or left by a fault) looks
                // sound, while search() finds the difference and says to repair. So it
                // is rebuilt anyway.
                if (auto rebuilt = library.rebuildSearchIndex(); !rebuilt)
                    return rebuilt.failure();
                return tr("%1: no damage found; the search index was rebuilt from the articles "
                          "anyway")
                    .arg(path);
            }
            if (checked.kind() != ErrorKind::Corrupt)
                return checked.failure();
            if (library.rebuildSearchIndex() && library.checkSearchIndex())
                return tr("%1: the search index was damaged and has been rebuilt from the "
                          "articles")
                    .arg(path);
        }
    }
    // The damaged pages cannot even be dropped: copy what is true into a new file.
    const QString keptAs =
        path + QStringLiteral(".damaged-") +
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    const auto copy = [&path](Library& fresh) -> Result<void> {
        Private& d = *fresh.d;
        QSqlQuery attach(d.db);
        if (!attach.prepare(QStringLiteral("ATTACH DATABASE ? AS damaged")))
            return d.sqlError(tr("cannot read %1").arg(path), attach.lastError());
        attach.addBindValue(path);
        if (!attach.exec())
            return d.sqlError(tr("cannot read %1").arg(path), attach.lastError());
        attach = QSqlQuery();
        const auto copied = d.transaction([&]() -> Result<void> {
            QSqlError error;
            const auto version =
                scalar(d.db, QStringLiteral("PRAGMA damaged.user_version"), &error);
            if (!version)
                return d.sqlError(tr("cannot read %1").arg(path), error);
            if (version->toInt() != detail::latestSchemaVersion())
                return Error{tr("%1: cannot repair a library of schema version %2")
                                 .arg(path)
                                 .arg(version->toInt()),
                             ErrorKind::Unsupported};
            // Parents before children, for the foreign keys. The triggers on versions
            // fill the trigram index on the way.
            for (const auto* table :
                 {"articles", "versions", "tags", "tag_labels", "article_tags", "categories",
                  "category_labels", "article_categories", "revisions", "media_blobs", "media",
                  "media_alt", "settings", "personal_words", "memory"}) {
                const QString name = QLatin1String(table);
                if (!d.exec(
                        QStringLiteral("INSERT INTO main.%1 SELECT * FROM damaged.%1").arg(name)))
                    return d.sqlError(tr("cannot copy the %1 of %2").arg(name, path), d.lastError);
            }
            // Revision ids are never reused, not even those of removed articles.
            if (!d.exec(QStringLiteral(
                    "UPDATE main.sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM"
                    " damaged.sqlite_sequence WHERE name = 'revisions'), 0))"
                    " WHERE name = 'revisions'")))
                return d.sqlError(tr("cannot copy the revisions of %1").arg(path), d.lastError);
            d.statements.clear();
            const QString problem = detail::rebuildSearchIndexes(d.db);
            if (!problem.isEmpty())
                return Error{tr("%1: cannot rebuild the search index (%2)").arg(path, problem)};
            return {};
        });
        (void)d.exec(QStringLiteral("DETACH DATABASE damaged"));
        return copied;
    };
    const auto rebuilt = createLibrary(
        path, copy,
        [](std::unique_ptr<Private> p) {
            return std::unique_ptr<Library>(new Library(std::move(p)));
        },
        keptAs);
    if (!rebuilt)
        return rebuilt.failure();
    return tr("%1: the search index was damaged; the library was rebuilt from its articles "
              "(the damaged file is kept as %2)")
        .arg(path, keptAs);
}

QString Library::defaultPath() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/library.copydesk");
}

namespace {
Result<void> importSamples(Library& library);
} // namespace

Result<std::unique_ptr<Library>> Library::openOrCreateWithSamples(const QString& path, Mode mode,
                                                                  const OpenOptions& options) {
    return openWith(path, mode, options, importSamples);
}

namespace {
Result<void> importSamples(Library& library) {
    {
        QList<Article> samples;
        QList<QJsonObject> sources;
        const QDir dir(QStringLiteral(":/samples"));
        const QStringList files =
            dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        for (const QString& name : files) {
            QFile file(dir.filePath(name));
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
            auto article = articleFromJson(json, file.fileName());
            if (!article)
                return article.failure();
            samples.append(*article);
            sources.append(json);
        }
        auto saved = library.saveAll(samples, RevisionKind::Import, Library::tr("sample article"));
        if (!saved)
            return saved.failure();
        // Sample files may name tag and category labels: {"tagLabels": {"slug": {"en": …}}}
        // and the images they use: {"media": [{"name", "file" (beside the sample),
        // "mimeType", "altText": {"en": …}}]}.
        for (const QJsonObject& json : std::as_const(sources)) {
            for (const QJsonValue& value : json.value(QLatin1String("media")).toArray()) {
                const QJsonObject item = value.toObject();
                const QString name = item.value(QLatin1String("name")).toString();
                QFile image(dir.filePath(item.value(QLatin1String("file")).toString()));
                if (!image.open(QIODevice::ReadOnly))
                    return Error{Library::tr("sample image %1: %2").arg(name, image.errorString()),
                                 ErrorKind::NotFound};
                if (const auto added = library.addMedia(
                        image.readAll(), name, item.value(QLatin1String("mimeType")).toString());
                    !added)
                    return added.failure();
                const QJsonObject alt = item.value(QLatin1String("altText")).toObject();
                for (auto a = alt.begin(); a != alt.end(); ++a) {
                    if (const auto set =
                            library.setMediaAltText(name, a.key(), a.value().toString());
                        !set)
                        return set.failure();
                }
            }
            for (const auto kind : {QLatin1String("tagLabels"), QLatin1String("categoryLabels")}) {
                const QJsonObject terms = json.value(kind).toObject();
                for (auto t = terms.begin(); t != terms.end(); ++t) {
                    const QJsonObject labels = t.value().toObject();
                    for (auto l = labels.begin(); l != labels.end(); ++l) {
                        const auto set =
                            kind == QLatin1String("tagLabels")
                                ? library.setTagLabel(t.key(), l.key(), l.value().toString())
                                : library.setCategoryLabel(t.key(), l.key(), l.value().toString());
                        if (!set)
                            return set.failure();
                    }
                }
            }
        }
    }
    return {};
}
} // namespace

QString Library::path() const {
    return d->path;
}

std::chrono::milliseconds Library::autosaveMergeWindow() const {
    return d->autosaveMergeWindow;
}

void Library::setAutosaveMergeWindow(std::chrono::milliseconds window) {
    d->autosaveMergeWindow = window;
}

Library::Mode Library::mode() const {
    return d->mode;
}

int Library::schemaVersion() {
    return detail::latestSchemaVersion();
}

// ---- settings ----

Result<QString> Library::setting(const QString& key, const QString& fallback) const {
    QSqlQuery& q = d->prepared(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.bindValue(0, key);
    if (!q.exec())
        return d->sqlError(Library::tr("cannot read setting '%1'").arg(key), q);
    QString value = q.next() ? q.value(0).toString() : fallback;
    q.finish();
    return value;
}

Result<void> Library::setSetting(const QString& key, const QString& value) {
    return d->transaction([&]() -> Result<void> {
        QSqlQuery& q =
            d->prepared(QStringLiteral("INSERT INTO settings(key, value) VALUES (?, ?)"
                                       " ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
        q.bindValue(0, key);
        q.bindValue(1, value.isNull() ? QStringLiteral("") : value); // NOT NULL column
        if (!q.exec())
            return d->sqlError(Library::tr("cannot store setting '%1'").arg(key), q);
        return {};
    });
}

// ---- tags and categories ----

namespace {

struct TermTables {
    QLatin1String terms, labels, column;
};
constexpr TermTables kTags{QLatin1String("tags"), QLatin1String("tag_labels"),
                           QLatin1String("tag")};
constexpr TermTables kCategories{QLatin1String("categories"), QLatin1String("category_labels"),
                                 QLatin1String("category")};

Result<QList<Term>> readTerms(Library::Private& d, const TermTables& t) {
    QSqlQuery& q = d.prepared(
        QStringLiteral("SELECT t.slug, l.language, l.label, %4 FROM %1 t"
                       " LEFT JOIN %2 l ON l.%3 = t.id ORDER BY t.slug")
            .arg(t.terms, t.labels, t.column,
                 t.terms == QLatin1String("categories")
                     ? QStringLiteral("(SELECT p.slug FROM categories p WHERE p.id = t.parent)")
                     : QStringLiteral("NULL")));
    if (!q.exec())
        return d.sqlError(Library::tr("cannot read the %1").arg(t.terms), q);
    QList<Term> terms;
    while (q.next()) {
        const QString slug = q.value(0).toString();
        if (terms.isEmpty() || terms.back().slug != slug)
            terms.append(Term{slug, {}, q.value(3).toString()});
        if (!q.value(1).isNull())
            terms.back().labels.insert(q.value(1).toString(), q.value(2).toString());
    }
    const QSqlError error = q.lastError();
    q.finish();
    if (error.isValid())
        return d.sqlError(Library::tr("cannot read the %1").arg(t.terms), error);
    return terms;
}

Result<void> writeLabel(Library::Private& d, const TermTables& t, const QString& slug,
                        const QString& language, const QString& label) {
    if (auto refused = d.refuseReadOnly())
        return *refused;
    if (slug.isEmpty() || language.isEmpty())
        return Error{Library::tr("%1: a label needs a slug and a language").arg(d.path),
                     ErrorKind::InvalidInput};
    return d.transaction([&]() -> Result<void> {
        QSqlQuery& add =
            d.prepared(QStringLiteral("INSERT OR IGNORE INTO %1(slug) VALUES (?)").arg(t.terms));
        add.bindValue(0, slug);
        if (!add.exec())
            return d.sqlError(Library::tr("cannot label '%1'").arg(slug), add);
        QSqlQuery& set = d.prepared(
            label.isEmpty()
                ? QStringLiteral("DELETE FROM %1 WHERE %2 = (SELECT id FROM %3 WHERE slug = ?)"
                                 " AND language = ?")
                      .arg(t.labels, t.column, t.terms)
                : QStringLiteral("INSERT INTO %1(%2, language, label)"
                                 " VALUES ((SELECT id FROM %3 WHERE slug = ?), ?, ?)"
                                 " ON CONFLICT DO UPDATE SET label = excluded.label")
                      .arg(t.labels, t.column, t.terms));
        set.bindValue(0, slug);
        set.bindValue(1, language);
        if (!label.isEmpty())
            set.bindValue(2, label);
        if (!set.exec())
            return d.sqlError(Library::tr("cannot label '%1'").arg(slug), set);
        return {};
    });
}

} // namespace

Result<QList<Term>> Library::tags() const {
    return readTerms(*d, kTags);
}

Result<QList<Term>> Library::categories() const {
    return readTerms(*d, kCategories);
}

Result<void> Library::setTagLabel(const QString& slug, const QString& language,
                                  const QString& label) {
    return writeLabel(*d, kTags, slug, language, label);
}

Result<void> Library::setCategoryLabel(const QString& slug, const QString& language,
                                       const QString& label) {
    return writeLabel(*d, kCategories, slug, language, label);
}

// ---- media ----

Result<QString> Library::addMedia(const QByteArray& data, const QString& name,
                                  const QString& mimeType) {
    if (auto refused = d->refuseReadOnly())
        return *refused;
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || name.trimmed() != name)
        return Error{Library::tr("%1: '%2' is not a valid media name").arg(d->path, name),
                     ErrorKind::InvalidInput};
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    const auto stored = d->transaction([&]() -> Result<void> {
        auto fail = [&](const QSqlError& error) {
            return d->sqlError(Library::tr("cannot store media '%1'").arg(name), error);
        };
        QSqlQuery& blob =
            d->prepared(QStringLiteral("INSERT INTO media_blobs(sha256, data) VALUES (?, ?)"
                                       " ON CONFLICT(sha256) DO NOTHING"));
        blob.bindValue(0, sha);
        blob.bindValue(1, data);
        if (!blob.exec())
            return fail(blob.lastError());
        QSqlQuery& entry = d->prepared(
            QStringLiteral("INSERT INTO media(name, blob, mime_type)"
                           " VALUES (?, (SELECT id FROM media_blobs WHERE sha256 = ?), ?)"
                           " ON CONFLICT(name) DO UPDATE SET blob = excluded.blob,"
                           " mime_type = excluded.mime_type"));
        entry.bindValue(0, name);
        entry.bindValue(1, sha);
        entry.bindValue(2, mimeType.isNull() ? QStringLiteral("") : mimeType);
        if (!entry.exec())
            return fail(entry.lastError());
        // A name re-pointed at new content may leave its old blob unused.
        if (!d->exec(
                QStringLiteral("DELETE FROM media_blobs WHERE id NOT IN (SELECT blob FROM media)")))
            return fail(d->lastError);
        return {};
    });
    if (!stored)
        return stored.failure();
    return sha;
}

Result<QString> Library::addMediaContent(const QByteArray& data, const QString& mimeType,
                                         const QString& language, const QString& alt) {
    if (auto refused = d->refuseReadOnly())
        return *refused;
    if (data.isEmpty())
        return Error{Library::tr("%1: an empty file cannot be stored as media").arg(d->path),
                     ErrorKind::InvalidInput};
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    // 64 bits of the hash name the content: short enough to read in the Markdown,
    // and a collision among one library's media is not a real concern.
    QString name = sha.left(16);
    const QString suffix = QMimeDatabase().mimeTypeForName(mimeType).preferredSuffix();
    if (!suffix.isEmpty())
        name += QLatin1Char('.') + suffix;
    const auto stored = d->transaction([&]() -> Result<void> {
        if (auto added = addMedia(data, name, mimeType); !added)
            return added.failure();
        if (!language.isEmpty() && !alt.isEmpty())
            return setMediaAltText(name, language, alt);
        return {};
    });
    if (!stored)
        return stored.failure();
    return name;
}

Result<Media> Library::media(const QString& name) const {
    QSqlQuery& q =
        d->prepared(QStringLiteral("SELECT b.sha256, m.mime_type, b.data FROM media m"
                                   " JOIN media_blobs b ON b.id = m.blob WHERE m.name = ?"));
    q.bindValue(0, name);
    if (!q.exec())
        return d->sqlError(Library::tr("cannot read media '%1'").arg(name), q);
    if (!q.next())
        return Error{Library::tr("%1: no media named '%2'").arg(d->path, name),
                     ErrorKind::NotFound};
    Media m;
    m.sha256 = q.value(0).toString();
    m.name = name;
    m.mimeType = q.value(1).toString();
    m.data = q.value(2).toByteArray();
    q.finish();
    QSqlQuery& alt =
        d->prepared(QStringLiteral("SELECT language, alt FROM media_alt WHERE name = ?"));
    alt.bindValue(0, name);
    if (!alt.exec())
        return d->sqlError(Library::tr("cannot read media '%1'").arg(name), alt);
    while (alt.next())
        m.altText.insert(alt.value(0).toString(), alt.value(1).toString());
    alt.finish();
    return m;
}

Result<QList<Media>> Library::mediaList() const {
    QList<Media> list;
    QSqlQuery& q = d->prepared(
        QStringLiteral("SELECT m.name, b.sha256, m.mime_type, a.language, a.alt FROM media m"
                       " JOIN media_blobs b ON b.id = m.blob"
                       " LEFT JOIN media_alt a ON a.name = m.name ORDER BY m.name"));
    if (!q.exec())
        return d->sqlError(Library::tr("cannot read the media list"), q);
    while (q.next()) {
        const QString name = q.value(0).toString();
        if (list.isEmpty() || list.back().name != name) {
            Media m;
            m.name = name;
            m.sha256 = q.value(1).toString();
            m.mimeType = q.value(2).toString();
            list.append(m);
        }
        if (!q.value(3).isNull())
            list.back().altText.insert(q.value(3).toString(), q.value(4).toString());
    }
    const QSqlError error = q.lastError();
    q.finish();
    if (error.isValid())
        return d->sqlError(Library::tr("cannot read the media list"), error);
    return list;
}

Result<void> Library::setMediaAltText(const QString& name, const QString& language,
                                      const QString& alt) {
    return d->transaction([&]() -> Result<void> {
        QSqlQuery& exists = d->prepared(QStringLiteral("SELECT 1 FROM media WHERE name = ?"));
        exists.bindValue(0, name);
        if (!exists.exec())
            return d->sqlError(Library::tr("cannot set the alt text of '%1'").arg(name), exists);
        const bool found = exists.next();
        exists.finish();
        if (!found)
            return Error{Library::tr("%1: no media named '%2'").arg(d->path, name),
                         ErrorKind::NotFound};
        QSqlQuery& q = d->prepared(
            alt.isEmpty()
                ? QStringLiteral("DELETE FROM media_alt WHERE name = ? AND language = ?")
                : QStringLiteral("INSERT INTO media_alt(name, language, alt) VALUES (?, ?, ?)"
                                 " ON CONFLICT DO UPDATE SET alt = excluded.alt"));
        q.bindValue(0, name);
        q.bindValue(1, language);
        if (!alt.isEmpty())
            q.bindValue(2, alt);
        if (!q.exec())
            return d->sqlError(Library::tr("cannot set the alt text of '%1'").arg(name), q);
        return {};
    });
}

Result<void> Library::removeMedia(const QString& name) {
    return d->transaction([&]() -> Result<void> {
        QSqlQuery& q = d->prepared(QStringLiteral("DELETE FROM media WHERE name = ?"));
        q.bindValue(0, name);
        if (!q.exec())
            return d->sqlError(Library::tr("cannot remove media '%1'").arg(name), q);
        if (q.numRowsAffected() == 0)
            return Error{Library::tr("%1: no media named '%2'").arg(d->path, name),
                         ErrorKind::NotFound};
        if (!d->exec(
                QStringLiteral("DELETE FROM media_blobs WHERE id NOT IN (SELECT blob FROM media)")))
            return d->sqlError(Library::tr("cannot remove media '%1'").arg(name), d->lastError);
        return {};
    });
}

} // namespace copydesk
