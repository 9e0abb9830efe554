#include "common/atomicfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QStorageInfo>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace copydesk {

namespace {

QString shown(const QString& path) {
    return QDir::toNativeSeparators(path);
}

/// The error for a failed system call on `path`, by errno: a full disk (or quota)
/// is DiskFull, so that callers can say so instead of a generic "cannot write".
Error systemError(const QString& path, int error, const char* what) {
    if (error == ENOSPC || error == EDQUOT) {
        return Error{QCoreApplication::translate("AtomicFile", "%1: cannot write, the disk is full")
                         .arg(shown(path)),
                     ErrorKind::DiskFull};
    }
    const QString reason = QString::fromLocal8Bit(std::strerror(error));
    const ErrorKind kind = error == ENOENT ? ErrorKind::NotFound : ErrorKind::Io;
    return Error{QCoreApplication::translate("AtomicFile", "%1: %2 (%3)")
                     .arg(shown(path), QCoreApplication::translate("AtomicFile", what), reason),
                 kind};
}

QByteArray randomName(const char* suffix) {
    return QByteArray(".copydesk-") +
           QByteArray::number(QRandomGenerator::global()->generate64(), 36) + suffix;
}

bool existsNoFollow(int dirFd, const QByteArray& name, struct stat* st) {
    return fstatat(dirFd, name.constData(), st, AT_SYMLINK_NOFOLLOW) == 0;
}

/// Writes all of `data` to `fd`; 0, or the errno of the failure.
int writeAll(int fd, const QByteArray& data) {
    const char* p = data.constData();
    qsizetype left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        if (n == 0)
            return ENOSPC;
        p += n;
        left -= n;
    }
    return 0;
}

} // namespace

Result<void> writeNewFile(int dirFd, const QString& folder, const QString& name,
                          const QByteArray& data) {
    const QString target = QDir(folder).filePath(name);
    if (!isSafeFileName(name)) {
        return Error{QCoreApplication::translate("AtomicFile", "%1: not a usable file name")
                         .arg(shown(target)),
                     ErrorKind::InvalidInput};
    }
    const QByteArray encoded = QFile::encodeName(name);
    const int fd = openat(dirFd, encoded.constData(),
                          O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0)
        return systemError(target, errno,
                           QT_TRANSLATE_NOOP("AtomicFile", "cannot create a file in the folder"));
    int error = writeAll(fd, data);
    if (::close(fd) != 0 && error == 0)
        error = errno;
    if (error != 0) {
        unlinkat(dirFd, encoded.constData(), 0);
        return systemError(target, error, QT_TRANSLATE_NOOP("AtomicFile", "cannot write"));
    }
    return {};
}

Result<void> syncFileSystem(int fd, const QString& path) {
    if (::syncfs(fd) != 0)
        return systemError(path, errno, QT_TRANSLATE_NOOP("AtomicFile", "cannot write"));
    return {};
}

bool folderIsFull(const QString& folder) {
    const QStorageInfo storage(folder);
    return storage.isValid() && storage.bytesAvailable() < 64 * 1024;
}

bool isSafeFileName(const QString& name) {
    if (name.isEmpty() || name == u"." || name == u"..")
        return false;
    for (const QChar c : name) {
        if (c == u'/' || c == u'\\' || c.unicode() < 0x20 || c.unicode() == 0x7f ||
            c.category() == QChar::Other_Control) {
            return false;
        }
    }
    return QFile::encodeName(name).size() <= 255;
}

AtomicFileSet::AtomicFileSet(QString folder)
    : m_folder(std::move(folder)) {}

AtomicFileSet::~AtomicFileSet() {
    if (!m_committed)
        revert();
    if (m_dirFd >= 0)
        ::close(m_dirFd);
}

QString AtomicFileSet::pathOf(const QByteArray& name) const {
    return QDir(m_folder).filePath(QFile::decodeName(name));
}

Result<void> AtomicFileSet::openFolder() {
    if (m_dirFd >= 0)
        return {};
    m_dirFd = ::open(QFile::encodeName(m_folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (m_dirFd < 0)
        return systemError(m_folder, errno,
                           QT_TRANSLATE_NOOP("AtomicFile", "cannot open the folder"));
    return {};
}

void AtomicFileSet::discard() {
    if (m_dirFd < 0)
        return;
    for (const Entry& entry : std::as_const(m_entries)) {
        if (!entry.temp.isEmpty())
            unlinkat(m_dirFd, entry.temp.constData(), 0);
        if (!entry.backup.isEmpty())
            unlinkat(m_dirFd, entry.backup.constData(), 0);
    }
    m_entries.clear();
}

Result<void> AtomicFileSet::add(const QString& name, const QByteArray& data) {
    const QString target = QDir(m_folder).filePath(name);
    if (m_committed || m_placed)
        return Error{QCoreApplication::translate("AtomicFile", "%1: the files were already written")
                         .arg(shown(target))};
    if (!isSafeFileName(name)) {
        return Error{QCoreApplication::translate("AtomicFile", "%1: not a usable file name")
                         .arg(shown(target)),
                     ErrorKind::InvalidInput};
    }
    if (auto opened = openFolder(); !opened)
        return opened;
    const QByteArray encoded = QFile::encodeName(name);
    for (const Entry& entry : std::as_const(m_entries)) {
        if (entry.name == encoded)
            return Error{
                QCoreApplication::translate("AtomicFile", "%1: written twice").arg(shown(target)),
                ErrorKind::Conflict};
    }
    struct stat existing {};
    const bool replaces = existsNoFollow(m_dirFd, encoded, &existing);
    if (replaces && S_ISDIR(existing.st_mode))
        return Error{QCoreApplication::translate("AtomicFile", "%1: is a folder, not a file")
                         .arg(shown(target)),
                     ErrorKind::Conflict};
    // A device, pipe or socket is not a file to replace (/dev/full would become one).
    if (replaces && !S_ISREG(existing.st_mode) && !S_ISLNK(existing.st_mode))
        return Error{QCoreApplication::translate(
                         "AtomicFile", "%1: is a device or pipe, not a file; nothing was written")
                         .arg(shown(target)),
                     ErrorKind::Conflict};

    QByteArray temp;
    int fd = -1;
    for (int attempt = 0; attempt < 16 && fd < 0; ++attempt) {
        temp = randomName(".tmp");
        // O_EXCL with O_NOFOLLOW: a new file or nothing, never through a link.
        fd = openat(m_dirFd, temp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                    0666);
        if (fd < 0 && errno != EEXIST)
            return systemError(
                target, errno,
                QT_TRANSLATE_NOOP("AtomicFile", "cannot create a file in the folder"));
    }
    if (fd < 0)
        return systemError(target, EEXIST,
                           QT_TRANSLATE_NOOP("AtomicFile", "cannot create a file in the folder"));
    auto fail = [&](int error, const char* what) -> Result<void> {
        ::close(fd);
        unlinkat(m_dirFd, temp.constData(), 0);
        return systemError(target, error, what);
    };
    // A replaced regular file keeps its permissions.
    if (replaces && S_ISREG(existing.st_mode) && fchmod(fd, existing.st_mode & 07777) != 0)
        return fail(errno, QT_TRANSLATE_NOOP("AtomicFile", "cannot write"));
    if (const int error = writeAll(fd, data))
        return fail(error, QT_TRANSLATE_NOOP("AtomicFile", "cannot write"));
    // Data that is not on the disk yet can still be lost to a full device (delayed
    // allocation) or a crash: only a successful fsync makes the file count.
    if (fsync(fd) != 0)
        return fail(errno, QT_TRANSLATE_NOOP("AtomicFile", "cannot write"));
    struct stat written {};
    if (fstat(fd, &written) != 0)
        return fail(errno, QT_TRANSLATE_NOOP("AtomicFile", "cannot write"));
    if (written.st_size != data.size())
        return fail(EIO, QT_TRANSLATE_NOOP("AtomicFile", "cannot write"));
    if (::close(fd) != 0) {
        const int error = errno;
        unlinkat(m_dirFd, temp.constData(), 0);
        return systemError(target, error, QT_TRANSLATE_NOOP("AtomicFile", "cannot write"));
    }
    m_entries.append(Entry{encoded, temp, {}});
    return {};
}

Result<QStringList> AtomicFileSet::commit() {
    auto placed = place();
    if (placed)
        finish();
    return placed;
}

void AtomicFileSet::undoRenames(qsizetype count) {
    // Newest first: each target gets back the file it replaced, or disappears.
    for (qsizetype i = count - 1; i >= 0; --i) {
        Entry& entry = m_entries[i];
        if (!entry.backup.isEmpty()) {
            if (renameat(m_dirFd, entry.backup.constData(), m_dirFd, entry.name.constData()) == 0)
                entry.backup.clear();
        } else {
            unlinkat(m_dirFd, entry.name.constData(), 0);
        }
    }
}

Result<QStringList> AtomicFileSet::place() {
    if (m_committed || m_placed)
        return Error{QCoreApplication::translate("AtomicFile", "%1: the files were already written")
                         .arg(shown(m_folder))};
    qsizetype done = 0;
    Error failure;
    bool failed = false;
    for (; done < m_entries.size(); ++done) {
        Entry& entry = m_entries[done];
        struct stat existing {};
        if (existsNoFollow(m_dirFd, entry.name, &existing)) {
            // Kept until every file is in place, to put it back if a later one fails.
            QByteArray backup = randomName(".bak");
            if (linkat(m_dirFd, entry.name.constData(), m_dirFd, backup.constData(), 0) != 0) {
                failure = systemError(pathOf(entry.name), errno,
                                      QT_TRANSLATE_NOOP("AtomicFile", "cannot replace the file"));
                failed = true;
                break;
            }
            entry.backup = backup;
        }
        if (renameat(m_dirFd, entry.temp.constData(), m_dirFd, entry.name.constData()) != 0) {
            failure = systemError(pathOf(entry.name), errno,
                                  QT_TRANSLATE_NOOP("AtomicFile", "cannot replace the file"));
            failed = true;
            break;
        }
        entry.temp.clear();
    }
    if (failed) {
        // The failed entry's temporary file and backup link are removed by discard().
        undoRenames(done);
        discard();
        return failure;
    }
    // The renames themselves are on the disk only once the folder is.
    fsync(m_dirFd);
    m_placed = true;
    QStringList paths;
    for (const Entry& entry : std::as_const(m_entries))
        paths.append(pathOf(entry.name));
    return paths;
}

QStringList AtomicFileSet::targets() const {
    QStringList paths;
    for (const Entry& entry : m_entries)
        paths.append(pathOf(entry.name));
    return paths;
}

void AtomicFileSet::finish() {
    if (!m_placed)
        return;
    for (Entry& entry : m_entries) {
        if (!entry.backup.isEmpty())
            unlinkat(m_dirFd, entry.backup.constData(), 0);
        entry.backup.clear();
    }
    m_placed = false;
    m_committed = true;
    m_entries.clear();
}

void AtomicFileSet::revert() {
    if (m_placed) {
        undoRenames(m_entries.size());
        fsync(m_dirFd);
        m_placed = false;
    }
    discard();
}

Result<void> writeFileAtomically(const QString& path, const QByteArray& data) {
    const QFileInfo info(path);
    AtomicFileSet files(info.path());
    if (auto added = files.add(info.fileName(), data); !added)
        return added;
    auto committed = files.commit();
    if (!committed)
        return committed.failure();
    return {};
}

} // namespace copydesk
