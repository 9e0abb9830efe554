// The side-by-side translation view in the real main window on a real library: rows
// aligned with their states, marking by key (Ctrl+Return) and its Undo as one step, a
// cell edited and marked, the memory's exact and fuzzy matches taken, a 100% match put
// into every identical segment, what is marked fed to the library's memory, an
// outdated segment's source change shown word by word, the source edited when asked,
// and the language switcher's progress.
#include "document/articledocument.h"
#include "document/autosaver.h"
#include "editor/markdowneditor.h"
#include "library/library.h"
#include "mainwindow/mainwindow.h"
#include "support/articlefixture.h"
#include "support/deskfixture.h"
#include "translation/memory.h"
#include "translation/translationview.h"

#include <QComboBox>
#include <QDockWidget>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimeZone>

using namespace copydesk;
using copydesk::test::noPreview;
using translation::SegmentState;

namespace {

const QString kBody =
    QStringLiteral("Ships returned on Monday.\n\nThe port had been closed for 12 days.\n\n"
                   "Ships returned on Monday.\n\nTrade resumed at *noon*.\n");

translation::MemoryEntry stored(const QString& source, const QString& target) {
    return translation::MemoryEntry{QStringLiteral("en"),
                                    QStringLiteral("ar"),
                                    source,
                                    target,
                                    QString(),
                                    QDateTime(QDate(2026, 11, 2), QTime(8, 0), QTimeZone::utc())};
}

} // namespace

class TestTranslationView final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<Library> m_library;

    /// A window with article "port" open in Arabic and the side-by-side view shown.
    std::unique_ptr<MainWindow> openWindow() {
        auto window = std::make_unique<MainWindow>(*m_library, noPreview());
        window->show();
        if (!window->openArticle(QStringLiteral("port"), QStringLiteral("ar")))
            return {};
        window->translationDock()->show();
        window->translationDock()->raise();
        if (!QTest::qWaitFor([&] { return window->translationView()->memoryReady(); }))
            return {};
        return window;
    }
    static SegmentState stateOf(const TranslationView& view, int row) {
        return view.alignment().rows.value(row).state;
    }
    static QString targetOf(const TranslationView& view, int row) {
        const auto& r = view.alignment().rows.value(row);
        return r.target ? r.target->text : QString();
    }

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
        // The Arabic version has its title and first two paragraphs, never recorded:
        // drafts, aligned by position; the rest is untranslated.
        Article a = test::articleWithTranslation(
            QStringLiteral("en"), QStringLiteral("Port reopens"), kBody, QStringLiteral("ar"),
            QStringLiteral("إعادة فتح الميناء"),
            QStringLiteral("عادت السفن يوم الاثنين.\n\nكان الميناء مغلقًا لمدة ١٢ يومًا.\n"));
        a.slug = QStringLiteral("port");
        QVERIFY(m_library->save(a));
        const auto added = translation::storeMemory(
            *m_library, {stored(QStringLiteral("Ships returned on Monday."),
                                QStringLiteral("عادت السفن يوم الاثنين.")),
                         stored(QStringLiteral("Trade resumed at *noon* on Friday."),
                                QStringLiteral("استؤنفت التجارة *ظهر* يوم الجمعة."))});
        QVERIFY2(added, qPrintable(added.error()));
    }
    void cleanup() { m_library.reset(); }

    void rowsStatesAndMarking() {
        auto window = openWindow();
        QVERIFY(window);
        TranslationView& view = *window->translationView();
        QCOMPARE(view.alignment().rows.size(), 5); // title and four paragraphs
        QCOMPARE(view.table()->rowCount(), 5);
        QCOMPARE(view.table()->item(1, 1)->text(), QStringLiteral("Ships returned on Monday."));
        QCOMPARE(view.table()->item(1, 2)->text(), QStringLiteral("عادت السفن يوم الاثنين."));
        for (int row : {0, 1, 2})
            QCOMPARE(stateOf(view, row), SegmentState::Draft);
        QCOMPARE(stateOf(view, 3), SegmentState::Untranslated);
        // Opening goes to the first segment to do.
        QCOMPARE(view.currentRow(), 0);

        // Ctrl+Return: translated, and on to the next segment to do.
        view.table()->setFocus();
        QTest::keyClick(view.table(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(stateOf(view, 0), SegmentState::Translated);
        QCOMPARE(view.currentRow(), 1);
        QTest::keyClick(view.table(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(stateOf(view, 1), SegmentState::Reviewed);
        QCOMPARE(view.currentRow(), 2);
        // The document holds it (and so the autosave), the switcher shows the progress.
        const Article now = window->document()->article();
        QCOMPARE(translation::progressOf(translation::align(now.versions[0], now.versions[1])),
                 (translation::Progress{5, 2, 1, 1, 1, 0}));
        QTRY_VERIFY(window->findChild<QComboBox*>(QStringLiteral("languageSwitcher"))
                        ->currentText()
                        .contains(QLatin1String("40%")));

        // One Undo in the editor takes back one marking, text and record together.
        window->editor()->undo();
        QTRY_COMPARE(stateOf(view, 1), SegmentState::Draft);
        QCOMPARE(stateOf(view, 0), SegmentState::Translated);
        window->editor()->redo();
        QTRY_COMPARE(stateOf(view, 1), SegmentState::Reviewed);

        // What was marked is in the library's memory once saved.
        QVERIFY(window->autosaver()->flush());
        auto memory =
            translation::loadMemory(*m_library, QStringLiteral("en"), QStringLiteral("ar"));
        QVERIFY2(memory, qPrintable(memory.error()));
        const auto found = memory->lookup(QStringLiteral("en"), QStringLiteral("ar"),
                                          QStringLiteral("Port reopens"));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0].entry.target, QStringLiteral("إعادة فتح الميناء"));
    }

    void cellEditedAndMarked() {
        auto window = openWindow();
        QVERIFY(window);
        TranslationView& view = *window->translationView();
        view.setCurrentRow(3);
        QCOMPARE(stateOf(view, 3), SegmentState::Untranslated);
        view.table()->setFocus();
        view.table()->editItem(view.table()->item(3, 2));
        auto* editor = view.table()->findChild<QPlainTextEdit*>(QStringLiteral("segmentEditor"));
        QVERIFY(editor);
        QCOMPARE(editor->layoutDirection(), Qt::RightToLeft); // the target's direction
        editor->setPlainText(QStringLiteral("عادت السفن يوم الاثنين."));
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(stateOf(view, 3), SegmentState::Translated);
        QCOMPARE(targetOf(view, 3), QStringLiteral("عادت السفن يوم الاثنين."));
        // The body now has the source's four paragraphs, the untranslated last one as
        // its source text (a draft).
        QCOMPARE(window->document()->bodyText(),
                 QStringLiteral("عادت السفن يوم الاثنين.\n\nكان الميناء مغلقًا لمدة ١٢ يومًا.\n\n"
                                "عادت السفن يوم الاثنين.\n\nTrade resumed at *noon*.\n"));
        // Editing the target in the normal editor updates the view: the edited segment
        // is a draft again.
        QTextCursor cursor(window->editor()->document());
        cursor.movePosition(QTextCursor::End);
        cursor.movePosition(QTextCursor::PreviousBlock);
        cursor.movePosition(QTextCursor::PreviousBlock);
        cursor.movePosition(QTextCursor::EndOfBlock);
        cursor.insertText(QStringLiteral(" "));
        cursor.insertText(QStringLiteral("تمامًا"));
        QTRY_COMPARE(stateOf(view, 3), SegmentState::Draft);
    }

    // The source cells are read-only until Edit Source is checked; an edit there
    // changes the source version, in the source's direction, as one Undo step, and the
    // row's translation becomes outdated with the change shown; the autosave stores it.
    void sourceEditedWhenAsked() {
        auto window = openWindow();
        QVERIFY(window);
        TranslationView& view = *window->translationView();
        view.setCurrentRow(2);
        view.markCurrent(SegmentState::Translated);
        QCOMPARE(stateOf(view, 2), SegmentState::Translated);
        QVERIFY(!view.table()->item(2, 1)->flags().testFlag(Qt::ItemIsEditable));

        view.setFocus();
        QTest::keyClick(&view, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(view.editSourceAction()->isChecked());
        QVERIFY(view.table()->item(2, 1)->flags().testFlag(Qt::ItemIsEditable));
        view.table()->setCurrentCell(2, 1);
        view.table()->editItem(view.table()->item(2, 1));
        auto* editor = view.table()->findChild<QPlainTextEdit*>(QStringLiteral("segmentEditor"));
        QVERIFY(editor);
        QCOMPARE(editor->layoutDirection(), Qt::LeftToRight); // the source's direction
        editor->setPlainText(QStringLiteral("The port had been closed for 14 days.\n"));
        view.commitPendingEdit();
        QTRY_COMPARE(stateOf(view, 2), SegmentState::Outdated);
        Article now = window->document()->article();
        QCOMPARE(now.versions[0].body,
                 QString(kBody).replace(QStringLiteral("12 days"), QStringLiteral("14 days")));
        // The translation is kept, marked outdated, the change shown word by word.
        QCOMPARE(targetOf(view, 2), QStringLiteral("كان الميناء مغلقًا لمدة ١٢ يومًا."));
        QVERIFY(!now.versions[1].body.contains(QLatin1String("14")));

        // A field: the title, typed into its source cell.
        view.table()->item(0, 1)->setText(QStringLiteral("Port reopens after strike"));
        QTRY_COMPARE(window->document()->article().versions[0].title,
                     QStringLiteral("Port reopens after strike"));
        QCOMPARE(view.table()->item(0, 1)->text(), QStringLiteral("Port reopens after strike"));

        // The editor's Undo takes each back, one step each.
        window->editor()->undo();
        QTRY_COMPARE(window->document()->article().versions[0].title,
                     QStringLiteral("Port reopens"));
        QCOMPARE(stateOf(view, 2), SegmentState::Outdated);
        window->editor()->undo();
        QTRY_COMPARE(stateOf(view, 2), SegmentState::Translated);
        QCOMPARE(window->document()->article().versions[0].body, kBody);
        window->editor()->redo();
        QTRY_COMPARE(stateOf(view, 2), SegmentState::Outdated);

        // Saved with the article.
        QVERIFY(window->autosaver()->flush());
        const auto stored = m_library->findArticle(QStringLiteral("port"));
        QVERIFY(stored);
        QVERIFY(stored->versions[0].body.contains(QLatin1String("14 days")));
    }

    // A marking undone before the save never reaches the memory, and is no longer
    // offered for the same text in the version.
    void undoneMarkingIsNotRemembered() {
        auto window = openWindow();
        QVERIFY(window);
        TranslationView& view = *window->translationView();
        QVERIFY(view.setTargetText(1, QStringLiteral("عادت السفن XYZ"), SegmentState::Translated));
        view.setCurrentRow(3); // the same source as row 1, untranslated
        QCOMPARE(view.matches().value(0).entry.target, QStringLiteral("عادت السفن XYZ"));
        window->editor()->undo();
        QTRY_COMPARE(stateOf(view, 1), SegmentState::Draft);
        view.setCurrentRow(2);
        view.setCurrentRow(3);
        QVERIFY(!view.matches().isEmpty());
        QCOMPARE(view.matches()[0].entry.target, QStringLiteral("عادت السفن يوم الاثنين."));
        QVERIFY(window->autosaver()->flush());
        auto memory =
            translation::loadMemory(*m_library, QStringLiteral("en"), QStringLiteral("ar"));
        QVERIFY2(memory, qPrintable(memory.error()));
        for (const translation::MemoryEntry& e : memory->entries())
            QVERIFY2(!e.target.contains(QLatin1String("XYZ")), qPrintable(e.target));
    }

    // A segment being typed when another article is opened goes into its own version.
    void typedSegmentSurvivesOpeningAnother() {
        Article other = test::articleWithTranslation(
            QStringLiteral("en"), QStringLiteral("Other"), QStringLiteral("Other text here.\n"),
            QStringLiteral("ar"), QStringLiteral("آخر"), QStringLiteral("نص آخر هنا.\n"));
        other.slug = QStringLiteral("other");
        QVERIFY(m_library->save(other));
        auto window = openWindow();
        QVERIFY(window);
        TranslationView& view = *window->translationView();
        view.setCurrentRow(2);
        view.table()->setFocus();
        view.table()->editItem(view.table()->item(2, 2));
        auto* editor = view.table()->findChild<QPlainTextEdit*>(QStringLiteral("segmentEditor"));
        QVERIFY(editor);
        editor->setPlainText(QStringLiteral("كان الميناء مغلقًا ZZZ"));
        QVERIFY(window->openArticle(QStringLiteral("other"), QStringLiteral("ar")));
        const auto port = m_library->findArticle(QStringLiteral("port"));
        QVERIFY(port);
        QVERIFY2(port->version(QStringLiteral("ar"))->body.contains(QLatin1String("ZZZ")),
                 qPrintable(port->version(QStringLiteral("ar"))->body));
        const auto otherNow = m_library->findArticle(QStringLiteral("other"));
        QVERIFY(!otherNow->version(QStringLiteral("ar"))->body.contains(QLatin1String("ZZZ")));
    }

    void memoryMatches() {
        auto window = openWindow();
        QVERIFY(window);
        TranslationView& view = *window->translationView();
        // Row 3 repeats row 1's source: its 100% match goes into both untranslated ones
        // (row 3) and the current one, as one step.
        view.setCurrentRow(3);
        QCOMPARE(view.matches().size(), 1);
        QCOMPARE(view.matches()[0].percent, 100);
        QVERIFY(view.details()->toHtml().contains(QStringLiteral("عادت السفن يوم الاثنين.")));
        QCOMPARE(view.applyExactMatchToIdentical(), 1);
        QCOMPARE(stateOf(view, 3), SegmentState::Translated);
        QCOMPARE(targetOf(view, 3), QStringLiteral("عادت السفن يوم الاثنين."));

        // A fuzzy match: offered with the differing words, taken as a draft (Alt+1).
        view.setCurrentRow(4);
        QCOMPARE(view.matches().size(), 1);
        QVERIFY(view.matches()[0].percent < 100 && view.matches()[0].percent >= 70);
        const QString html = view.details()->toHtml();
        QVERIFY2(html.contains(QLatin1String("on Friday")), qPrintable(html));
        view.table()->setFocus();
        QTest::keyClick(view.table(), Qt::Key_1, Qt::AltModifier);
        QCOMPARE(stateOf(view, 4), SegmentState::Draft);
        QCOMPARE(targetOf(view, 4), QStringLiteral("استؤنفت التجارة *ظهر* يوم الجمعة."));

        // Ctrl+Shift+R: the source into the target, a draft.
        QTest::keyClick(view.table(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(targetOf(view, 4), QStringLiteral("Trade resumed at *noon*."));
        QCOMPARE(stateOf(view, 4), SegmentState::Draft);
    }

    void outdatedShowsTheSourceChange() {
        {
            auto a = m_library->findArticle(QStringLiteral("port"));
            QVERIFY(a);
            translation::recordTranslation(a->versions[0], &a->versions[1],
                                           SegmentState::Translated);
            QVERIFY(m_library->save(*a));
            a->versions[0].body.replace(QStringLiteral("12 days"), QStringLiteral("two weeks"));
            QVERIFY(m_library->save(*a));
        }
        auto window = openWindow();
        QVERIFY(window);
        TranslationView& view = *window->translationView();
        QCOMPARE(stateOf(view, 2), SegmentState::Outdated);
        // The first segment to do is the outdated one; its old translation is kept.
        QCOMPARE(view.currentRow(), 2);
        QCOMPARE(targetOf(view, 2), QStringLiteral("كان الميناء مغلقًا لمدة ١٢ يومًا."));
        const QString html = view.details()->toHtml();
        // The earlier words struck through, the new ones underlined.
        QVERIFY2(html.contains(QLatin1String("line-through; color:#c0392b;\">12</span>")) &&
                     html.contains(QLatin1String("underline")) &&
                     html.contains(QLatin1String("two")),
                 qPrintable(html));
        QCOMPARE(window->findChild<QComboBox*>(QStringLiteral("languageSwitcher"))->currentText(),
                 QStringLiteral("Arabic (ar) — 40%, 1 outdated"));
    }

    // The translation QA, row by row: a number that is not the source's, a segment left
    // in English; what is missing from the version is said above the rows.
    void qaFindingsPerRow() {
        auto window = openWindow();
        QVERIFY(window);
        TranslationView& view = *window->translationView();
        QVERIFY(view.setTargetText(2, QStringLiteral("كان الميناء مغلقًا لمدة ١٤ يومًا."),
                                   SegmentState::Translated));
        QVERIFY(view.setTargetText(1, QStringLiteral("Ships returned on Monday."),
                                   SegmentState::Translated));
        QVERIFY2(view.findingsOf(2).join(u'|').contains(QLatin1String("14 is not in the en")),
                 qPrintable(view.findingsOf(2).join(u'|')));
        QVERIFY2(view.findingsOf(1).join(u'|').contains(QLatin1String("The same as the en text")),
                 qPrintable(view.findingsOf(1).join(u'|')));
        QVERIFY(view.findingsOf(0).isEmpty());
        QVERIFY2(view.versionFindings().join(u'|').contains(QLatin1String("12")),
                 qPrintable(view.versionFindings().join(u'|')));
        view.setCurrentRow(2);
        QVERIFY(view.details()->toPlainText().contains(QLatin1String("14 is not in the en")));
        QVERIFY(view.table()->item(2, 0)->toolTip().contains(QLatin1String("14")));
    }

    void sourceVersionHasNoRows() {
        MainWindow window(*m_library, noPreview());
        window.show();
        QVERIFY(window.openArticle(QStringLiteral("port"), QStringLiteral("en")));
        window.translationDock()->show();
        QCOMPARE(window.translationView()->table()->rowCount(), 0);
        QVERIFY(window.findChild<QLabel*>(QStringLiteral("translationHeader"))
                    ->text()
                    .contains(QLatin1String("source")));
    }
};

QTEST_MAIN(TestTranslationView)
#include "tst_translationview.moc"
