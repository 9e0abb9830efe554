// AtomicFileSet: files written all or nothing, never through a symlink, a full disk
// reported as such.
#include "common/atomicfile.h"
#include "support/tinytmpfs.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace copydesk;

namespace {

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Every entry of `folder` (hidden ones included) with its type, link target or
/// content hash: equal before and after means nothing changed.
QStringList snapshot(const QString& folder) {
    QStringList entries;
    QDirIterator it(folder, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info(path);
        QString entry = QDir(folder).relativeFilePath(path);
        if (info.isSymLink())
            entry += QStringLiteral(" -> ") + info.symLinkTarget();
        else if (info.isFile())
            entry +=
                QStringLiteral(" ") +
                QString::fromLatin1(
                    QCryptographicHash::hash(readAll(path), QCryptographicHash::Sha256).toHex());
        entries.append(entry);
    }
    entries.sort();
    return entries;
}

} // namespace

class TestAtomicFile final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void safeNames_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("safe");
        QTest::newRow("plain") << QStringLiteral("summit.en.md") << true;
        QTest::newRow("arabic") << QStringLiteral("القمة.ar.md") << true;
        QTest::newRow("hidden") << QStringLiteral(".summit.md") << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("dot") << QStringLiteral(".") << false;
        QTest::newRow("dot dot") << QStringLiteral("..") << false;
        QTest::newRow("slash") << QStringLiteral("../x.md") << false;
        QTest::newRow("absolute") << QStringLiteral("/tmp/target/pwned.md") << false;
        QTest::newRow("backslash") << QStringLiteral("a\\b.md") << false;
        QTest::newRow("NUL") << QString::fromUtf16(u"authorized_keys\0.md", 19) << false;
        QTest::newRow("newline") << QStringLiteral("a\nb.md") << false;
        QTest::newRow("256 bytes") << QString(256, QLatin1Char('a')) << false;
        QTest::newRow("255 bytes") << QString(255, QLatin1Char('a')) << true;
    }
    void safeNames() {
        QFETCH(QString, name);
        QFETCH(bool, safe);
        QCOMPARE(isSafeFileName(name), safe);
    }

    void writesAndReplaces() {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("b.md")), "old"));
        QVERIFY(QFile::setPermissions(dir.filePath(QStringLiteral("b.md")),
                                      QFile::ReadOwner | QFile::WriteOwner));
        AtomicFileSet files(dir.path());
        QVERIFY(files.add(QStringLiteral("a.md"), "first").ok());
        QVERIFY(files.add(QStringLiteral("b.md"), "second").ok());
        // Nothing is visible before commit().
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("a.md"))));
        QCOMPARE(readAll(dir.filePath(QStringLiteral("b.md"))), QByteArray("old"));
        const auto paths = files.commit();
        QVERIFY2(paths.ok(), qPrintable(paths.error()));
        QCOMPARE(*paths, (QStringList{dir.filePath(QStringLiteral("a.md")),
                                      dir.filePath(QStringLiteral("b.md"))}));
        QCOMPARE(readAll(dir.filePath(QStringLiteral("a.md"))), QByteArray("first"));
        QCOMPARE(readAll(dir.filePath(QStringLiteral("b.md"))), QByteArray("second"));
        // A replaced file keeps its permissions; no temporary or backup file is left.
        QCOMPARE(QFileInfo(dir.filePath(QStringLiteral("b.md"))).permissions() &
                     (QFile::ReadGroup | QFile::ReadOther),
                 QFile::Permissions());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 (QStringList{QStringLiteral("a.md"), QStringLiteral("b.md")}));
    }

    void neverFollowsSymlinks() {
        // out/x.en.md -> elsewhere/precious.txt: the link is replaced, the file it
        // points to is untouched.
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("out"));
        const QString elsewhere = dir.filePath(QStringLiteral("elsewhere"));
        QVERIFY(QDir().mkpath(out));
        QVERIFY(QDir().mkpath(elsewhere));
        const QString precious = elsewhere + QStringLiteral("/precious.txt");
        QVERIFY(writeFile(precious, "precious"));
        QVERIFY(QFile::link(precious, out + QStringLiteral("/x.en.md")));
        // A dangling link too: following it would create a file outside.
        const QString target = elsewhere + QStringLiteral("/created.txt");
        QVERIFY(QFile::link(target, out + QStringLiteral("/y.en.md")));

        AtomicFileSet files(out);
        QVERIFY(files.add(QStringLiteral("x.en.md"), "exported x").ok());
        QVERIFY(files.add(QStringLiteral("y.en.md"), "exported y").ok());
        QVERIFY(files.commit().ok());
        QCOMPARE(readAll(precious), QByteArray("precious"));
        QVERIFY(!QFile::exists(target));
        QVERIFY(!QFileInfo(out + QStringLiteral("/x.en.md")).isSymLink());
        QCOMPARE(readAll(out + QStringLiteral("/x.en.md")), QByteArray("exported x"));
        QCOMPARE(readAll(out + QStringLiteral("/y.en.md")), QByteArray("exported y"));
    }

    // A FIFO (as a device would be) at the target name is refused, and stays.
    void refusesDevicesAndPipes() {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("out.tmx"));
        QVERIFY(mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        AtomicFileSet files(dir.path());
        const auto added = files.add(QStringLiteral("out.tmx"), "x");
        QVERIFY(!added.ok());
        QCOMPARE(added.kind(), ErrorKind::Conflict);
        QVERIFY2(added.error().contains(QLatin1String("device or pipe")),
                 qPrintable(added.error()));
        struct stat st {};
        QVERIFY(lstat(QFile::encodeName(fifo).constData(), &st) == 0 && S_ISFIFO(st.st_mode));
    }

    void refusesUnsafeNames() {
        QTemporaryDir dir;
        AtomicFileSet files(dir.path());
        const auto added = files.add(QStringLiteral("../escape.md"), "x");
        QVERIFY(!added.ok());
        QCOMPARE(added.kind(), ErrorKind::InvalidInput);
        QVERIFY(!QFile::exists(QDir(dir.path()).filePath(QStringLiteral("../escape.md"))));
    }

    void failedCommitRollsBack() {
        // The second rename fails (its target is a folder that appeared after add()):
        // the first target is put back as it was, the new file is gone.
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("a.md")), "original a"));
        const QStringList before = snapshot(dir.path());
        {
            AtomicFileSet files(dir.path());
            QVERIFY(files.add(QStringLiteral("a.md"), "new a").ok());
            QVERIFY(files.add(QStringLiteral("new.md"), "new file").ok());
            QVERIFY(files.add(QStringLiteral("c.md"), "new c").ok());
            QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("c.md")));
            QVERIFY(writeFile(dir.filePath(QStringLiteral("c.md/inside")), "keep"));
            const auto committed = files.commit();
            QVERIFY(!committed.ok());
            QVERIFY2(committed.error().contains(QStringLiteral("c.md")),
                     qPrintable(committed.error()));
        }
        QStringList expected = before;
        expected << QStringLiteral("c.md")
                 << QStringLiteral("c.md/inside ") +
                        QString::fromLatin1(
                            QCryptographicHash::hash("keep", QCryptographicHash::Sha256).toHex());
        expected.sort();
        QCOMPARE(snapshot(dir.path()), expected);
    }

    void uncommittedLeavesNothing() {
        QTemporaryDir dir;
        {
            AtomicFileSet files(dir.path());
            QVERIFY(files.add(QStringLiteral("a.md"), "a").ok());
        }
        QCOMPARE(snapshot(dir.path()), QStringList());
    }

    void missingFolder() {
        QTemporaryDir dir;
        AtomicFileSet files(dir.filePath(QStringLiteral("nope")));
        const auto added = files.add(QStringLiteral("a.md"), "a");
        QVERIFY(!added.ok());
        QCOMPARE(added.kind(), ErrorKind::NotFound);
    }

    void diskFull() {
        // A real small file system: 64 KB of tmpfs.
        test::TinyTmpfs disk("64k");
        if (!disk.isMounted())
            QSKIP(qPrintable(disk.reason()));
        const QString mountPoint = disk.path();
        QVERIFY(writeFile(mountPoint + QStringLiteral("/keep.md"), "kept as it was"));

        AtomicFileSet files(mountPoint);
        QVERIFY(files.add(QStringLiteral("small.md"), QByteArray(1000, 'a')).ok());
        const auto big = files.add(QStringLiteral("keep.md"), QByteArray(200 * 1024, 'b'));
        QVERIFY(!big.ok());
        QCOMPARE(big.kind(), ErrorKind::DiskFull);
        QVERIFY2(big.error().contains(QStringLiteral("disk is full")), qPrintable(big.error()));
        QVERIFY2(big.error().contains(QStringLiteral("keep.md")), qPrintable(big.error()));
        QVERIFY(!big.error().contains(QLatin1Char('\n')));
        // The failed file left no partial temporary file; the earlier one goes with the
        // set when it is not committed.
        const QStringList entries = QDir(mountPoint).entryList(QDir::Files | QDir::Hidden);
        QCOMPARE(entries.size(), 2);
    }
    void diskFullLeavesFolder() {
        test::TinyTmpfs disk("64k");
        if (!disk.isMounted())
            QSKIP(qPrintable(disk.reason()));
        const QString mountPoint = disk.path();
        QVERIFY(writeFile(mountPoint + QStringLiteral("/keep.md"), "kept as it was"));
        const QStringList before = snapshot(mountPoint);
        {
            AtomicFileSet files(mountPoint);
            QVERIFY(files.add(QStringLiteral("small.md"), QByteArray(1000, 'a')).ok());
            QVERIFY(!files.add(QStringLiteral("keep.md"), QByteArray(200 * 1024, 'b')).ok());
        }
        QCOMPARE(snapshot(mountPoint), before);
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
