#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace copydesk {

/// True when `name` can be used as one file name inside a folder: not empty, not "."
/// or "..", no "/" or "\", no control characters (NUL included), at most 255 UTF-8
/// bytes. Names built from user data go through this before they reach the file
/// system, so that they cannot point outside their folder.
bool isSafeFileName(const QString& name);

/// Whether the file system holding `folder` has next to no room left (under 64 KB):
/// for messages that must say "the disk is full" when a library (SQLite) or Qt
/// (QSettings) reports a failed write without errno.
bool folderIsFull(const QString& folder);

/// Writes `data` to a new file `name` (see isSafeFileName()) in the folder open as
/// `dirFd`, shown as `folder` in errors: for a folder being made in private (a
/// bundle's temporary folder, renamed into place once complete), where nobody sees a
/// file before it is whole. No temporary name and no fsync: the caller makes the
/// whole folder durable once with syncFileSystem() before it takes its place. Never
/// writes through a link or over an existing file.
Result<void> writeNewFile(int dirFd, const QString& folder, const QString& name,
                          const QByteArray& data);

/// Writes out what the file system holding the open file `fd` (shown as `path`) has
/// not written yet (syncfs), and reports a write error since then, a full disk
/// included: one call instead of an fsync per file of a folder of many files.
Result<void> syncFileSystem(int fd, const QString& path);

/// Writes a set of files into one folder, all or nothing.
///
/// Each add() writes the content to a new temporary file in the target folder (created
/// with O_EXCL | O_NOFOLLOW, so no symlink or existing file is ever written through),
/// then flushes it to the disk (fsync) and checks its size. commit() renames every
/// temporary file over its target: a symlink at the target name is replaced, never
/// followed; a device, pipe or socket at the target name is refused. When a rename fails, the targets already renamed are put back as they
/// were, so that a failed commit leaves the folder as it found it. Whatever is not
/// committed (an error, or the object destroyed before commit()) is removed.
///
/// Errors name the file; a full device gives ErrorKind::DiskFull.
class AtomicFileSet final {
public:
    /// `folder` must exist; it is opened once, and every name is resolved inside it.
    explicit AtomicFileSet(QString folder);
    ~AtomicFileSet();
    AtomicFileSet(const AtomicFileSet&) = delete;
    AtomicFileSet& operator=(const AtomicFileSet&) = delete;

    /// Writes `data` to a temporary file that will become `name` (see isSafeFileName())
    /// in the folder on commit().
    Result<void> add(const QString& name, const QByteArray& data);
    /// Renames all the files into place. Returns their paths, in the order added.
    Result<QStringList> commit();
    /// commit() in two steps, for a change that must be recorded elsewhere (a
    /// revision in the library) at the same time: place() renames the files into
    /// place but keeps the files they replaced; then finish() drops those, or
    /// revert() puts them back (and removes the new files), leaving the folder as it
    /// was. A set placed and neither finished nor reverted is reverted when destroyed.
    Result<QStringList> place();
    /// The paths the files added so far will have, in the order added.
    QStringList targets() const;
    void finish();
    void revert();

private:
    struct Entry {
        QByteArray name;
        QByteArray temp;
        QByteArray backup; ///< a hard link to the file replaced, while committing
    };
    Result<void> openFolder();
    void discard();
    void undoRenames(qsizetype count);
    QString pathOf(const QByteArray& name) const;

    QString m_folder;
    int m_dirFd = -1;
    QList<Entry> m_entries;
    bool m_committed = false;
    bool m_placed = false;
};

/// One file written as AtomicFileSet writes it: temporary file, fsync, rename. The
/// folder of `path` must exist.
Result<void> writeFileAtomically(const QString& path, const QByteArray& data);

} // namespace copydesk
