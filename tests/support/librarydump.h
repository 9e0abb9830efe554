#pragma once

// The state of a library file and of an output folder, as hashes: "a failed operation
// changed nothing" is "the hash before equals the hash after".

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QUuid>

namespace copydesk::testing {

/// SHA-256 of every row of every table, read with a separate read-only connection
/// while no Library has the file open: "nothing changed" means this is equal.
inline QByteArray dumpHash(const QString& path) {
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QString connection = QStringLiteral("dump-") + QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open())
            return "cannot open: " + db.lastError().text().toUtf8();
        QSqlQuery tables(db);
        tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' "
                                   "ORDER BY name"));
        QStringList names;
        while (tables.next())
            names.append(tables.value(0).toString());
        for (const QString& name : names) {
            hash.addData(name.toUtf8());
            QSqlQuery rows(db);
            // Ordering by every column makes the dump independent of storage order.
            QSqlQuery columns(db);
            columns.exec(QStringLiteral("SELECT * FROM \"%1\" LIMIT 0").arg(name));
            QStringList order;
            for (int i = 1; i <= columns.record().count(); ++i)
                order.append(QString::number(i));
            rows.exec(QStringLiteral("SELECT * FROM \"%1\"%2")
                          .arg(name, order.isEmpty() ? QString()
                                                     : QStringLiteral(" ORDER BY ") +
                                                           order.join(QLatin1Char(','))));
            while (rows.next()) {
                const QSqlRecord record = rows.record();
                for (int i = 0; i < record.count(); ++i) {
                    const QVariant v = record.value(i);
                    hash.addData(v.isNull() ? QByteArray("\x01NULL")
                                            : v.toByteArray() + QByteArray("\x00", 1));
                }
                hash.addData("\x02");
            }
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return hash.result().toHex();
}

/// Every entry below `folder` (hidden ones too) with its link target or the SHA-256
/// of its content, sorted.
inline QStringList folderState(const QString& folder) {
    QStringList entries;
    QDirIterator it(folder, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info(path);
        QString entry = QDir(folder).relativeFilePath(path);
        if (info.isSymLink()) {
            entry += QStringLiteral(" -> ") + info.symLinkTarget();
        } else if (info.isFile()) {
            QFile file(path);
            if (file.open(QIODevice::ReadOnly)) {
                entry += QLatin1Char(' ') +
                         QString::fromLatin1(
                             QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
                                 .toHex());
            }
        }
        entries.append(entry);
    }
    entries.sort();
    return entries;
}

} // namespace copydesk::testing
