// Crash safety: a child saves in a loop and is killed with SIGKILL at random moments.
// After each kill the library must open, pass PRAGMA integrity_check, and hold every
// revision the child reported as committed.
#include "library/library.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace copydesk;

class TestLibraryCrash final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void killWhileSaving() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("crash.copydesk"));
        QList<qint64> reported;
        QElapsedTimer clock;
        clock.start();
        constexpr int kKills = 50;
        int kills = 0;
        for (int round = 0; round < kKills; ++round) {
            QProcess child;
            child.setProcessChannelMode(QProcess::SeparateChannels);
            child.start(QStringLiteral(COPYDESK_CRASH_HELPER), {path});
            QVERIFY(child.waitForStarted(10000));
            // Wait for the first commit, then let it run a random while so the kill
            // lands anywhere in a save: in the transaction, the commit, the print.
            QByteArray output;
            while (!output.contains('\n') && child.state() == QProcess::Running) {
                child.waitForReadyRead(50);
                output += child.readAllStandardOutput();
            }
            QVERIFY2(child.state() == QProcess::Running, child.readAllStandardError().constData());
            QTest::qSleep(int(QRandomGenerator::global()->bounded(0, 120)));
            child.kill(); // SIGKILL
            QVERIFY(child.waitForFinished(10000));
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);
            ++kills;
            output += child.readAllStandardOutput();
            for (const QByteArray& line : output.split('\n')) {
                if (!line.isEmpty())
                    reported.append(line.toLongLong());
            }

            auto lib = Library::open(path); // the dead child's lock is stale
            QVERIFY2(lib, qPrintable(lib.error()));
            {
                QSqlDatabase db =
                    QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
                db.setDatabaseName(path);
                QVERIFY(db.open());
                QSqlQuery q(db);
                QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
                QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
                // The trigram index must still match the text it indexes.
                QVERIFY2(q.exec(QStringLiteral("INSERT INTO search_trigram(search_trigram)"
                                               " VALUES ('integrity-check')")),
                         qPrintable(q.lastError().text()));
                q.finish();
                db.close();
            }
            QSqlDatabase::removeDatabase(QStringLiteral("check"));
            for (const qint64 id : std::as_const(reported)) {
                const auto snapshot = (*lib)->articleAtRevision(id);
                QVERIFY2(snapshot,
                         qPrintable(
                             QStringLiteral("revision %1 lost: %2").arg(id).arg(snapshot.error())));
            }
            const auto current = (*lib)->findArticle(QStringLiteral("crash-test"));
            QVERIFY(current);
            QVERIFY(!(*lib)->search(QStringLiteral("峰会"))->hits.isEmpty());
        }
        QCOMPARE(kills, kKills);
        QVERIFY(reported.size() >= kKills);
        qInfo("%d kills, %lld revisions confirmed, %lld ms", kills,
              static_cast<long long>(reported.size()), static_cast<long long>(clock.elapsed()));
    }
};

QTEST_GUILESS_MAIN(TestLibraryCrash)
#include "tst_library_crash.moc"
