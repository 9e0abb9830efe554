// The revision history panel: the revisions of the open version, the text of one,
// the changes against the current text or another revision, restore and its Undo;
// times and numbers of an Arabic version in its own digits.
#include "document/articledocument.h"
#include "document/autosaver.h"
#include "editor/markdowneditor.h"
#include "history/historypanel.h"
#include "library/library.h"
#include "mainwindow/mainwindow.h"
#include "support/deskfixture.h"

#include "support/articlefixture.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace copydesk;
using copydesk::test::labelText;
using copydesk::test::noPreview;

namespace {

// Whether every digit in `text` is an Arabic-Indic one (U+0660..U+0669), and there
// is at least one.
bool arabicIndicDigitsOnly(const QString& text) {
    int digits = 0;
    for (const QChar c : text) {
        if (c >= QChar(0x0660) && c <= QChar(0x0669))
            ++digits;
        else if (c.isDigit())
            return false;
    }
    return digits > 0;
}

// One key event per character, as a keyboard sends them (keyClicks() only knows
// Latin-1).
void type(MainWindow& window, const QString& text) {
    window.editor()->moveCursor(QTextCursor::End);
    for (const QChar c : text) {
        QTest::sendKeyEvent(QTest::Press, window.editor(), Qt::Key_unknown, QString(c),
                            Qt::NoModifier);
        QTest::sendKeyEvent(QTest::Release, window.editor(), Qt::Key_unknown, QString(c),
                            Qt::NoModifier);
    }
}

} // namespace

class TestHistory final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<Library> m_library;
    qint64 m_created = 0;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }
    void init() {
        QSettings().clear();
        auto library =
            Library::open(m_dir.filePath(QStringLiteral("l%1.copydesk").arg(++m_counter)));
        QVERIFY2(library, qPrintable(library.error()));
        m_library = std::move(*library);
        Article a = test::articleWithTranslation(
            QStringLiteral("en"), QStringLiteral("Wetlands plan adopted"),
            QStringLiteral("Delegates agreed.\n"), QStringLiteral("ar"),
            QStringLiteral("اعتماد خطة الأراضي الرطبة"),
            QStringLiteral("اتفق المندوبون على خطة.\n"));
        a.slug = QStringLiteral("wetlands");
        const auto saved = m_library->save(a);
        QVERIFY(saved);
        m_created = *saved;
    }
    void cleanup() { m_library.reset(); }

    void listViewDiffRestoreUndo() {
        MainWindow window(*m_library, noPreview());
        window.show();
        QVERIFY(window.openArticle(QStringLiteral("wetlands")));
        window.autosaver()->setDelay(std::chrono::hours(1));
        HistoryPanel* history = window.history();
        QVERIFY(history);
        QCOMPARE(history->revisionIds(), QList<qint64>{m_created});

        type(window, QStringLiteral("One."));
        QVERIFY(window.autosaver()->flush());
        const auto named = window.autosaver()->saveRevision(QStringLiteral("Sent to the desk"));
        QVERIFY(named);
        type(window, QStringLiteral(" Two."));
        QVERIFY(window.autosaver()->flush());
        type(window, QStringLiteral(" Three."));
        QVERIFY(window.autosaver()->flush()); // merged into the autosave before

        const QList<qint64> ids = history->revisionIds();
        QCOMPARE(ids.size(), 4);
        QCOMPARE(ids.at(1), *named);
        QCOMPARE(ids.at(3), m_created);
        auto* list = history->findChild<QTreeWidget*>(QStringLiteral("revisionList"));
        QVERIFY(list);
        QStringList kinds, names;
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            kinds << list->topLevelItem(i)->text(1);
            names << list->topLevelItem(i)->text(2);
        }
        QCOMPARE(kinds, (QStringList{QStringLiteral("Autosave"), QStringLiteral("Named save"),
                                     QStringLiteral("Autosave"), QStringLiteral("Save")}));
        QCOMPARE(names, (QStringList{{}, QStringLiteral("Sent to the desk"), {}, {}}));

        // One revision: its text, then its changes to the current text.
        history->selectRevisions({*named});
        history->setView(HistoryPanel::View::Text);
        QCOMPARE(history->viewText(), QStringLiteral("Delegates agreed.\nOne."));
        history->setView(HistoryPanel::View::ChangesToCurrent);
        QCOMPARE(history->viewText(),
                 QStringLiteral("--- en/body (rev %1)\n+++ en/body (current)\n@@ -1,2 +1,2 @@\n"
                                " Delegates agreed.\n-One.\n+One. Two. Three.\n")
                     .arg(*named));
        // Typing updates the comparison, after a pause.
        type(window, QStringLiteral("!"));
        QTRY_VERIFY(history->viewText().contains(QStringLiteral("+One. Two. Three.!")));

        // Two revisions: the changes between them, older to newer.
        history->selectRevisions({*named, m_created});
        QCOMPARE(history->viewText(),
                 QStringLiteral("--- en/body (rev %1)\n+++ en/body (rev %2)\n@@ -1,1 +1,2 @@\n"
                                " Delegates agreed.\n+One.\n")
                     .arg(m_created)
                     .arg(*named));
        auto* restoreButton = history->findChild<QPushButton*>(QStringLiteral("restoreRevision"));
        QVERIFY(!restoreButton->isEnabled());

        // Restore the first revision: through the library, a new revision, the text in
        // the editor as one undo step.
        history->selectRevisions({m_created});
        QVERIFY(restoreButton->isEnabled());
        restoreButton->click();
        QCOMPARE(window.editor()->toPlainText(), QStringLiteral("Delegates agreed.\n"));
        QVERIFY(!window.document()->isModified());
        const auto revisions = m_library->revisions(window.document()->articleId());
        QVERIFY(revisions);
        QCOMPARE(revisions->front().kind, RevisionKind::Restore);
        // What was on screen before was saved first.
        QCOMPARE(
            m_library->articleAtRevision(revisions->at(1).id)->version(QStringLiteral("en"))->body,
            QStringLiteral("Delegates agreed.\nOne. Two. Three.!"));
        QCOMPARE(m_library->findArticle(QStringLiteral("wetlands"))->versions.at(0).body,
                 QStringLiteral("Delegates agreed.\n"));
        QCOMPARE(history->revisionIds().front(), revisions->front().id);

        window.editor()->undo();
        QCOMPARE(window.editor()->toPlainText(),
                 QStringLiteral("Delegates agreed.\nOne. Two. Three.!"));
        QVERIFY(window.document()->isModified());
        QVERIFY(window.autosaver()->flush());
        QCOMPARE(m_library->findArticle(QStringLiteral("wetlands"))->versions.at(0).body,
                 QStringLiteral("Delegates agreed.\nOne. Two. Three.!"));
    }

    // An Arabic version: the history's times and the status bar's numbers in
    // Arabic-Indic digits; an English one in ASCII digits.
    void arabicDigits() {
        MainWindow window(*m_library, noPreview());
        window.show();
        QVERIFY(window.openArticle(QStringLiteral("wetlands"), QStringLiteral("ar")));
        const QDateTime time(QDate(2026, 3, 14), QTime(15, 9), Qt::UTC);
        const QString arabic = window.history()->timeText(time);
        QVERIFY2(arabicIndicDigitsOnly(arabic), qPrintable(arabic));
        QVERIFY2(arabicIndicDigitsOnly(labelText(window, "statistics")),
                 qPrintable(labelText(window, "statistics")));
        QVERIFY(labelText(window, "statistics").startsWith(QStringLiteral("٤ ")));
        auto* list = window.history()->findChild<QTreeWidget*>(QStringLiteral("revisionList"));
        QVERIFY(arabicIndicDigitsOnly(list->topLevelItem(0)->text(0)));
        window.autosaver()->setDelay(std::chrono::hours(1));
        type(window, QStringLiteral("ب"));
        QVERIFY(window.autosaver()->flush());
        QVERIFY2(arabicIndicDigitsOnly(labelText(window, "saveState")),
                 qPrintable(labelText(window, "saveState")));

        QVERIFY(window.openVersion(QStringLiteral("en")));
        const QString english = window.history()->timeText(time);
        QVERIFY2(!arabicIndicDigitsOnly(english) && english.contains(QLatin1String("26")),
                 qPrintable(english));
        QVERIFY(labelText(window, "statistics").startsWith(QStringLiteral("2 word(s)")));
    }
};

QTEST_MAIN(TestHistory)
#include "tst_history.moc"
