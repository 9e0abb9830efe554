// Typed settings and saveSettings(): a settings file that cannot be written (a full
// disk, a read-only file system) is reported in one line naming the file, and the
// settings already saved stay as they were.
#include "common/setting.h"
#include "support/tinytmpfs.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace copydesk;

namespace {

const Setting<QString> kName("desk/name", QStringLiteral("fallback"));
const Setting<int> kCount("desk/count", 7);

QByteArray checksum(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestSetting final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void typedValuesAndFallbacks() {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.conf")), QSettings::IniFormat);
        QCOMPARE(kName.value(settings), QStringLiteral("fallback"));
        QCOMPARE(kCount.value(settings), 7);
        kName.setValue(QStringLiteral("Rédaction 编辑部"), settings);
        kCount.setValue(12, settings);
        QVERIFY(saveSettings(settings));
        const QSettings again(settings.fileName(), QSettings::IniFormat);
        QCOMPARE(kName.value(again), QStringLiteral("Rédaction 编辑部"));
        QCOMPARE(kCount.value(again), 12);
    }

    void fullDiskKeepsTheSavedSettings() {
        test::TinyTmpfs disk("64k");
        if (!disk.isMounted())
            QSKIP(qPrintable(disk.reason()));
        const QString file = disk.filePath(QStringLiteral("copydesk.conf"));
        QSettings settings(file, QSettings::IniFormat);
        kName.setValue(QStringLiteral("before"), settings);
        QVERIFY(saveSettings(settings));
        const QByteArray before = checksum(file);
        QVERIFY(!before.isEmpty());

        disk.fill();
        kName.setValue(QString(200 * 1024, QLatin1Char('n')), settings);
        const auto saved = saveSettings(settings);
        QVERIFY(!saved);
        QCOMPARE(saved.kind(), ErrorKind::DiskFull);
        QVERIFY2(saved.error().startsWith(file + QStringLiteral(": ")), qPrintable(saved.error()));
        QVERIFY2(saved.error().contains(QStringLiteral("the disk is full")),
                 qPrintable(saved.error()));
        QVERIFY(!saved.error().contains(QLatin1Char('\n')));
        // The file is the one saved before, whole, and no temporary file is left.
        QCOMPARE(checksum(file), before);
        QCOMPARE(QDir(disk.path()).entryList(QDir::Files | QDir::Hidden),
                 (QStringList{QStringLiteral("copydesk.conf"), QStringLiteral("filler")}));
        // (A second QSettings in this process would share the first one's unsaved
        // values; the file is read as bytes.)
        QFile onDisk(file);
        QVERIFY(onDisk.open(QIODevice::ReadOnly));
        QVERIFY(onDisk.readAll().contains("name=before"));
    }

    void readOnlyDiskSaysWhichFolder() {
        test::TinyTmpfs disk("64k");
        if (!disk.isMounted())
            QSKIP(qPrintable(disk.reason()));
        const QString file = disk.filePath(QStringLiteral("copydesk.conf"));
        {
            QSettings settings(file, QSettings::IniFormat);
            kCount.setValue(1, settings);
            QVERIFY(saveSettings(settings));
        }
        const QByteArray before = checksum(file);
        QVERIFY(disk.remountReadOnly());
        QSettings settings(file, QSettings::IniFormat);
        kCount.setValue(2, settings);
        const auto saved = saveSettings(settings);
        QVERIFY(!saved);
        QCOMPARE(saved.kind(), ErrorKind::Io);
        QVERIFY2(
            saved.error().contains(QStringLiteral("check that %1 is writable").arg(disk.path())),
            qPrintable(saved.error()));
        QCOMPARE(checksum(file), before);
    }
};

QTEST_GUILESS_MAIN(TestSetting)
#include "tst_setting.moc"
