#pragma once

// What the library tests share: library files in a temporary folder, raw SQL on a
// file through a connection of its own, a file's checksum, a second process holding
// the write lock, and (tinytmpfs.h) a tiny tmpfs for a full disk.

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariant>
#include <QtDebug>

#include "support/tinytmpfs.h"

namespace copydesk::test {

/// Hex SHA-256 of the file at `path`; empty when it cannot be read.
inline QByteArray sha256Of(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

/// Runs `sql` on the file at `path` through a connection of its own (to damage or
/// inspect a library behind its back); `firstValue` receives the first column of the
/// first row of the last statement that returned one.
inline bool rawExec(const QString& path, const QStringList& sql, QVariant* firstValue = nullptr) {
    bool ok = true;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery q(db);
        for (const QString& s : sql) {
            if (!ok)
                break;
            ok = q.exec(s);
            if (!ok)
                qWarning() << s << q.lastError().text();
            else if (firstValue && q.next())
                *firstValue = q.value(0);
        }
        q = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return ok;
}

/// A temporary folder that hands out fresh library paths: lib1.copydesk, lib2, …
class LibraryFolder final {
public:
    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString& name) const { return m_dir.filePath(name); }
    QString newPath() { return m_dir.filePath(QStringLiteral("lib%1.copydesk").arg(++m_counter)); }

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
};

/// Starts `helper hold LIBRARY` (tests/app/library/library_crash_helper) and waits until
/// it holds the write lock. Returns what went wrong, or an empty string. A line on its
/// standard input (or closing it) makes it let go and exit.
inline QString startLockHolder(QProcess& holder, const QString& helper, const QString& library) {
    holder.start(helper, {QStringLiteral("hold"), library});
    if (!holder.waitForStarted(10000))
        return QStringLiteral("the lock holder did not start: ") + holder.errorString();
    while (!holder.canReadLine()) {
        if (!holder.waitForReadyRead(10000))
            return QStringLiteral("the lock holder said nothing: ") +
                   QString::fromUtf8(holder.readAllStandardError());
    }
    const QByteArray line = holder.readLine();
    if (line != "locked\n")
        return QStringLiteral("the lock holder said: ") + QString::fromUtf8(line);
    return {};
}

} // namespace copydesk::test
