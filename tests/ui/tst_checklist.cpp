// Checks as you write: the findings of app/checks on the version being edited, in the
// checklist panel and underlined in the editor; a click shows a finding, its fix is
// one undo step, "Ignore" goes to the article's ignore list in the library.
#include "checks/checklistpanel.h"
#include "checks/checksrunner.h"
#include "document/articledocument.h"
#include "editor/markdowneditor.h"
#include "editor/markdownhighlighter.h"
#include "library/library.h"
#include "mainwindow/mainwindow.h"
#include "spelling/speller.h"
#include "support/deskfixture.h"

#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTreeWidget>

using namespace copydesk;
using copydesk::test::labelText;
using copydesk::test::noPreview;

namespace {

const QString kBody = QStringLiteral("Delegates agreed on the the plan.\n\n"
                                     "Mapping every site comes first.\n");

int rowOf(const QTreeWidget* list, const QString& message) {
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        if (list->topLevelItem(i)->text(0) == message)
            return i;
    return -1;
}

} // namespace

class TestChecklist final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<Library> m_library;

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
        Article a = makeArticle(QStringLiteral("en"), QStringLiteral("Wetlands plan adopted"));
        a.slug = QStringLiteral("wetlands");
        a.versions[0].body = kBody;
        QVERIFY(m_library->save(a));
    }
    void cleanup() { m_library.reset(); }

    void findingIsListedShownAndFixedInOneUndo() {
        MainWindow window(*m_library, noPreview());
        QVERIFY(window.openArticle(QStringLiteral("wetlands")));
        window.editor()->setReadOnly(false);
        ChecksRunner* runner = window.checksRunner();
        runner->runNow();
        QTreeWidget* list = window.checklist()->list();
        const int row = rowOf(list, QStringLiteral("“the” is repeated"));
        QVERIFY2(row >= 0, "the repeated word is listed");

        // Underlined in the editor, as a warning.
        const QTextBlock first = window.editor()->document()->firstBlock();
        const BlockMarks* marks = MarkdownHighlighter::marksOf(first);
        QVERIFY(marks);
        QCOMPARE(marks->layer(MarkLayer::Findings).size(), 1);
        QCOMPARE(marks->layer(MarkLayer::Findings).front(),
                 (TextMark{20, 7, TextMark::Kind::Warning}));

        // Text typed above moves the finding along: a click still lands on it.
        QTextCursor top(window.editor()->document());
        top.insertText(QStringLiteral("Geneva — "));
        const QString edited = QStringLiteral("Geneva — ") + kBody;
        QCOMPARE(window.editor()->toPlainText(), edited);
        list->setCurrentItem(list->topLevelItem(row));
        QCOMPARE(window.editor()->textCursor().selectedText(), QStringLiteral("the the"));
        QCOMPARE(window.editor()->textCursor().selectionStart(), 29);

        auto* fix = window.checklist()->findChild<QPushButton*>(QStringLiteral("fixButton"));
        QVERIFY(fix->isEnabled());
        QTest::mouseClick(fix, Qt::LeftButton);
        QCOMPARE(window.editor()->toPlainText(),
                 QStringLiteral("Geneva — Delegates agreed on the plan.\n\n"
                                "Mapping every site comes first.\n"));
        // One Undo takes the fix back, and only the fix.
        window.editor()->undo();
        QCOMPARE(window.editor()->toPlainText(), edited);

        // Once checked again, the finding is for the text as it is.
        runner->runNow();
        QVERIFY(rowOf(list, QStringLiteral("“the” is repeated")) >= 0);
    }

    // A run that finishes after the text was edited is for text that is gone: its
    // findings are dropped, never listed or underlined at the wrong place.
    void resultForEditedTextIsDropped() {
        MainWindow window(*m_library, noPreview());
        QVERIFY(window.openArticle(QStringLiteral("wetlands")));
        window.editor()->setReadOnly(false);
        ChecksRunner* runner = window.checksRunner();
        runner->setDelay(60000); // no run but the ones this test starts
        // A run starts for the text with the repeated word; before its result can be
        // delivered (the event loop does not run in between), the word is removed.
        runner->start();
        QTextCursor c(window.editor()->document());
        c.setPosition(24); // the second "the" and its space
        c.setPosition(28, QTextCursor::KeepAnchor);
        QCOMPARE(c.selectedText(), QStringLiteral("the "));
        c.removeSelectedText();
        QTRY_VERIFY(!runner->running());
        QCoreApplication::processEvents(); // the finished run is delivered

        QTreeWidget* list = window.checklist()->list();
        QCOMPARE(rowOf(list, QStringLiteral("“the” is repeated")), -1);
        const BlockMarks* marks =
            MarkdownHighlighter::marksOf(window.editor()->document()->firstBlock());
        QVERIFY(!marks || marks->layer(MarkLayer::Findings).isEmpty());
        // The next run is for the text as it is.
        runner->runNow();
        QCOMPARE(rowOf(list, QStringLiteral("“the” is repeated")), -1);
        QVERIFY(!runner->findings().isEmpty()); // what remains: no summary, say
    }

    void fixOfEditedTextIsRefused() {
        MainWindow window(*m_library, noPreview());
        QVERIFY(window.openArticle(QStringLiteral("wetlands")));
        window.editor()->setReadOnly(false);
        ChecksRunner* runner = window.checksRunner();
        runner->runNow();
        int index = -1;
        for (int i = 0; i < runner->findings().size(); ++i)
            if (runner->findings()[i].finding.checkId == QStringLiteral("repeated-word"))
                index = i;
        QVERIFY(index >= 0);
        // The second "the" becomes "then": the fix would now remove the wrong word.
        QTextCursor c(window.editor()->document());
        c.setPosition(27);
        c.insertText(QStringLiteral("n"));
        const QString text = window.editor()->toPlainText();
        const auto fixed = runner->applyFix(index);
        QVERIFY(!fixed);
        QCOMPARE(fixed.kind(), ErrorKind::Conflict);
        QCOMPARE(window.editor()->toPlainText(), text);
    }

    void ignoreGoesToTheLibrary() {
        {
            MainWindow window(*m_library, noPreview());
            QVERIFY(window.openArticle(QStringLiteral("wetlands")));
            ChecksRunner* runner = window.checksRunner();
            runner->runNow();
            QTreeWidget* list = window.checklist()->list();
            const int row = rowOf(list, QStringLiteral("“the” is repeated"));
            QVERIFY(row >= 0);
            const int before = list->topLevelItemCount();
            list->setCurrentItem(list->topLevelItem(row));
            window.checklist()->ignoreSelected();
            runner->runNow();
            QCOMPARE(list->topLevelItemCount(), before - 1);
            QCOMPARE(rowOf(list, QStringLiteral("“the” is repeated")), -1);
            QVERIFY(window.editor()->highlighter());
        }
        const Article a = m_library->findArticle(QStringLiteral("wetlands")).value();
        const QString stored = m_library->setting(checks::ignoreListSettingKey(a.id)).value();
        QVERIFY2(stored.contains(QStringLiteral("repeated-word")), qPrintable(stored));
        // A new window reads it again.
        MainWindow window(*m_library, noPreview());
        QVERIFY(window.openArticle(QStringLiteral("wetlands")));
        window.checksRunner()->runNow();
        QCOMPARE(rowOf(window.checklist()->list(), QStringLiteral("“the” is repeated")), -1);
    }
};

QTEST_MAIN(TestChecklist)
#include "tst_checklist.moc"
