#pragma once

// A real small file system for tests of a full or read-only disk.

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <sys/mount.h>
#include <unistd.h>

namespace copydesk::test {

/// A tmpfs of `size` ("1m", "48k") mounted on a temporary folder for as long as the
/// object lives: a disk that fills up for real. Needs root; reason() says why not.
class TinyTmpfs final {
public:
    explicit TinyTmpfs(const QByteArray& size) {
        if (::geteuid() != 0) {
            m_reason = QStringLiteral("a tiny tmpfs needs root (mount -t tmpfs -o size=...); run "
                                      "the suite as root to cover a full disk");
            return;
        }
        const QByteArray where = QFile::encodeName(m_dir.path());
        const QByteArray options = "size=" + size;
        if (!m_dir.isValid() ||
            ::mount("tmpfs", where.constData(), "tmpfs", 0, options.constData()) != 0)
            m_reason = QStringLiteral("cannot mount a tmpfs here (no CAP_SYS_ADMIN?)");
        else
            m_mounted = true;
    }
    ~TinyTmpfs() { unmount(); }
    TinyTmpfs(const TinyTmpfs&) = delete;
    TinyTmpfs& operator=(const TinyTmpfs&) = delete;

    bool isMounted() const { return m_mounted; }
    /// Makes the file system read-only (a remount), as a full or locked-down disk
    /// a root user cannot write to either.
    bool remountReadOnly() {
        return m_mounted && ::mount("tmpfs", QFile::encodeName(m_dir.path()).constData(), "tmpfs",
                                    MS_REMOUNT | MS_RDONLY, nullptr) == 0;
    }
    /// Writes a file ("filler") until the file system is full. tmpfs gives out whole
    /// 4 KB pages, so none is left when a 4 KB write fails.
    void fill() const {
        QFile filler(m_dir.filePath(QStringLiteral("filler")));
        if (!filler.open(QIODevice::WriteOnly | QIODevice::Append))
            return;
        const QByteArray block(4096, 'x');
        while (filler.write(block) == block.size() && filler.flush()) {
        }
    }
    QString reason() const { return m_reason; }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString& name) const { return m_dir.filePath(name); }
    void unmount() {
        if (m_mounted)
            ::umount(QFile::encodeName(m_dir.path()).constData());
        m_mounted = false;
    }

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
    QString m_reason;
};

} // namespace copydesk::test
