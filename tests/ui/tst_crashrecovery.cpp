// Never lose a word: the main window in a child process types into an article and is
// killed with SIGKILL after the autosave delay; the library has every word typed.
#include "library/library.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace copydesk;

class TestCrashRecovery final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void killedAfterTypingLosesNothing_data() {
        QTest::addColumn<QString>("typed");
        QTest::newRow("english") << QStringLiteral(" Typed before the crash, every word.");
        QTest::newRow("arabic") << QStringLiteral(" كتبت قبل الانهيار");
    }
    void killedAfterTypingLosesNothing() {
        QFETCH(QString, typed);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("l.copydesk"));
        const QString original = QStringLiteral("The body as it was.");
        {
            auto library = Library::open(path);
            QVERIFY2(library, qPrintable(library.error()));
            Article a = makeArticle(QStringLiteral("en"), QStringLiteral("Crash"));
            a.slug = QStringLiteral("crash");
            a.versions[0].body = original;
            QVERIFY((*library)->save(a));
        }
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QStringLiteral(COPYDESK_TYPING_HELPER), {path, QStringLiteral("crash"), typed});
        QVERIFY(child.waitForStarted());
        QVERIFY(child.waitForReadyRead(20000));
        QCOMPARE(child.readLine().trimmed(), QByteArray("typed"));
        // The autosave comes within two seconds of the last keystroke; then the kill,
        // which gives the process no chance to save on the way out.
        QTest::qWait(2500);
        QCOMPARE(child.state(), QProcess::Running);
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        auto reopened = Library::open(path);
        QVERIFY2(reopened, qPrintable(reopened.error()));
        const auto article = (*reopened)->findArticle(QStringLiteral("crash"));
        QVERIFY(article);
        QCOMPARE(article->versions.at(0).body, original + typed);
    }
};

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
