// The main window as a writing desk: opening articles and versions, autosave, the
// status bar, restored layout and position, read-only libraries, new articles.
#include "browser/browsermodel.h"
#include "browser/browserwidget.h"
#include "common/limits.h"
#include "document/articledocument.h"
#include "document/autosaver.h"
#include "editor/markdowneditor.h"
#include "library/library.h"
#include "mainwindow/indexcheck.h"
#include "mainwindow/mainwindow.h"
#include "support/deskfixture.h"

#include "support/articlefixture.h"
#include "support/libraryfixture.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTimer>
#include <QTreeView>

using namespace copydesk;
using copydesk::test::labelText;
using copydesk::test::noPreview;

namespace {

Article sample() {
    Article a = test::articleWithTranslation(
        QStringLiteral("en"), QStringLiteral("Wetlands plan adopted"),
        QStringLiteral("Delegates agreed on a plan.\n\n## What it commits to\n\nMapping every "
                       "site.\n\n## Targets\n\nBy region.\n"),
        QStringLiteral("ar"), QStringLiteral("اعتماد خطة الأراضي الرطبة"),
        QStringLiteral("اتفق المندوبون على خطة.\n"));
    a.slug = QStringLiteral("wetlands");
    return a;
}

} // namespace

class TestWritingDesk final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<Library> m_library;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        // As the executable does: without a name QSettings cannot tell a failed write.
        QCoreApplication::setOrganizationName(QStringLiteral("Copydesk tests"));
        QVERIFY(m_dir.isValid());
    }
    void init() {
        QSettings().clear();
        auto library =
            Library::open(m_dir.filePath(QStringLiteral("l%1.copydesk").arg(++m_counter)));
        QVERIFY2(library, qPrintable(library.error()));
        m_library = std::move(*library);
        Article a = sample();
        QVERIFY(m_library->save(a));
    }
    void cleanup() { m_library.reset(); }

    void opensArticleBySlugWithFocusInTheBody() {
        MainWindow window(*m_library, noPreview());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openArticle(QStringLiteral("wetlands")));
        QVERIFY(window.document());
        QCOMPARE(window.document()->language(), QStringLiteral("en"));
        QCOMPARE(window.editor()->toPlainText(), sample().versions.at(0).body);
        QTRY_VERIFY(window.editor()->hasFocus());
        QCOMPARE(labelText(window, "statistics"),
                 QStringLiteral("15 word(s) · 81 character(s) · 1 min read"));
        QCOMPARE(labelText(window, "versionLanguage"), QStringLiteral("English (en), source"));
        QCOMPARE(labelText(window, "saveState"), QStringLiteral("Saved"));
        QVERIFY(window.windowTitle().startsWith(
            QStringLiteral("\u2068Wetlands plan adopted\u2069 [en]")));

        auto* outline = window.findChild<QListWidget*>(QStringLiteral("outline"));
        QCOMPARE(outline->count(), 2);
        QCOMPARE(outline->item(1)->text().trimmed(), QStringLiteral("Targets"));
        Q_EMIT outline->itemActivated(outline->item(1));
        QCOMPARE(window.editor()->currentLine(), 7);

        const auto missing = window.openArticle(QStringLiteral("no-such-article"));
        QVERIFY(!missing);
        QCOMPARE(missing.kind(), ErrorKind::NotFound);
        QCOMPARE(window.document()->language(), QStringLiteral("en")); // still open
    }

    // A long headline is cut (at a grapheme) so the language and the application stay
    // in the title bar; the title is isolated so an Arabic one keeps the bar's order.
    void longTitleInTheTitleBar() {
        Article a = makeArticle(QStringLiteral("zh-Hans"),
                                QString(70, QChar(0x6E7F)) + QStringLiteral("地"));
        a.slug = QStringLiteral("long");
        QVERIFY(m_library->save(a));
        MainWindow window(*m_library, noPreview());
        QVERIFY(window.openArticle(QStringLiteral("long")));
        QCOMPARE(window.windowTitle(),
                 QChar(0x2068) + QString(60, QChar(0x6E7F)) +
                     QStringLiteral("…\u2069 [zh-Hans] — l%1.copydesk — Copydesk").arg(m_counter));
    }

    void typingIsSavedWithoutAsking() {
        MainWindow window(*m_library, noPreview());
        window.show();
        QVERIFY(window.openArticle(QStringLiteral("wetlands")));
        window.autosaver()->setDelay(std::chrono::milliseconds(100));
        window.editor()->moveCursor(QTextCursor::End);
        QTest::keyClicks(window.editor(), QStringLiteral("Typed."));
        QCOMPARE(labelText(window, "saveState"), QStringLiteral("Saving…"));
        QTRY_VERIFY(labelText(window, "saveState").startsWith(QLatin1String("Saved at ")));
        QCOMPARE(m_library->findArticle(QStringLiteral("wetlands"))->versions.at(0).body,
                 sample().versions.at(0).body + QStringLiteral("Typed."));
        // Undo through the window's command, saved too.
        window.autosaver()->setDelay(std::chrono::hours(1));
        const auto actions = window.menuBar()->findChildren<QAction*>();
        QAction* undo = nullptr;
        for (QAction* a : actions)
            if (a->text() == QStringLiteral("&Undo"))
                undo = a;
        QVERIFY(undo);
        QCOMPARE(undo->toolTip(), QStringLiteral("Undo (Ctrl+Z)"));
        undo->trigger();
        QCOMPARE(window.editor()->toPlainText(), sample().versions.at(0).body);
        window.close(); // quitting saves
        QCOMPARE(m_library->findArticle(QStringLiteral("wetlands"))->versions.at(0).body,
                 sample().versions.at(0).body);
    }

    void languageSwitcherShowsVersionsAndSource() {
        MainWindow window(*m_library, noPreview());
        QVERIFY(window.openArticle(QStringLiteral("wetlands")));
        auto* switcher = window.findChild<QComboBox*>(QStringLiteral("languageSwitcher"));
        QCOMPARE(switcher->count(), 2);
        QCOMPARE(switcher->itemText(0), QStringLiteral("English (en) — source"));
        // A translation with its progress (never recorded: 0% translated).
        QCOMPARE(switcher->itemText(1), QStringLiteral("Arabic (ar) — 0%"));
        window.autosaver()->setDelay(std::chrono::hours(1));
        window.editor()->moveCursor(QTextCursor::End);
        QTest::keyClicks(window.editor(), QStringLiteral("More."));
        // Switching saves the version left at once.
        QVERIFY(window.openVersion(QStringLiteral("ar")));
        QCOMPARE(m_library->findArticle(QStringLiteral("wetlands"))->versions.at(0).body,
                 sample().versions.at(0).body + QStringLiteral("More."));
        QCOMPARE(window.document()->language(), QStringLiteral("ar"));
        QCOMPARE(window.editor()->layoutDirection(), Qt::RightToLeft);
        QCOMPARE(switcher->currentIndex(), 1);
        QCOMPARE(labelText(window, "versionLanguage"), QStringLiteral("Arabic (ar)"));
    }

    void layoutVersionAndCursorComeBack() {
        {
            MainWindow window(*m_library, noPreview());
            window.show();
            QVERIFY(window.openArticle(QStringLiteral("wetlands"), QStringLiteral("ar")));
            QTextCursor cursor = window.editor()->textCursor();
            cursor.setPosition(5);
            window.editor()->setTextCursor(cursor);
            window.findChild<QDockWidget*>(QStringLiteral("outlineDock"))->hide();
            window.close();
        }
        MainWindow window(*m_library, noPreview());
        window.show();
        window.restoreLastArticle();
        QVERIFY(window.document());
        QCOMPARE(window.document()->language(), QStringLiteral("ar"));
        QCOMPARE(window.editor()->textCursor().position(), 5);
        QVERIFY(window.findChild<QDockWidget*>(QStringLiteral("outlineDock"))->isHidden());
        QVERIFY(!window.findChild<QDockWidget*>(QStringLiteral("libraryDock"))->isHidden());
    }

    // After opening, the window checks the search index in the background: a sound
    // one shows nothing; a damaged one (a zeroed leaf page, which search() alone
    // notices only when it finds nothing) shows a banner whose button rebuilds the
    // index from the articles.
    void damagedIndexIsFoundAndRebuilt() {
        {
            MainWindow window(*m_library, noPreview());
            window.show();
            QSignalSpy checked(window.findChild<IndexCheck*>(), &IndexCheck::finished);
            QVERIFY(checked.wait(15000));
            QCOMPARE(checked.front().front().toString(), QString());
            QVERIFY(window.findChild<QWidget*>(QStringLiteral("indexBanner"))->isHidden());
        }
        const QString path = m_library->path();
        m_library.reset();
        QVERIFY(test::rawExec(path, {QStringLiteral("UPDATE search_words_data SET block = "
                                                    "zeroblob(length(block)) WHERE id > 10")}));
        auto library = Library::open(path);
        QVERIFY(library);
        m_library = std::move(*library);
        MainWindow window(*m_library, noPreview());
        window.show();
        auto* check = window.findChild<IndexCheck*>();
        QSignalSpy checked(check, &IndexCheck::finished);
        QVERIFY(checked.wait(15000));
        auto* banner = window.findChild<QWidget*>(QStringLiteral("indexBanner"));
        QVERIFY(banner->isVisible());
        const QString text = banner->findChild<QLabel*>()->text();
        QVERIFY2(text.contains(path) && text.contains(QStringLiteral("search index is damaged")),
                 qPrintable(text));
        QVERIFY(!m_library->checkSearchIndexTotals());
        banner->findChild<QPushButton*>(QStringLiteral("rebuildIndex"))->click();
        QVERIFY(banner->isHidden());
        QVERIFY(m_library->checkSearchIndex());
        QVERIFY(checked.wait(15000)); // the check again after the rebuild
        QCOMPARE(checked.back().front().toString(), QString());
        QVERIFY(banner->isHidden());
        QCOMPARE(m_library->search(QStringLiteral("plan"))->hits.size(), 1);
    }

    // The browser takes the room of the panels about the open text, and gives it back;
    // a layout saved while browsing is the one from before.
    void browserTakesThePanelsRoom() {
        const auto dock = [](const MainWindow& w, const char* name) {
            return w.findChild<QDockWidget*>(QLatin1String(name));
        };
        {
            MainWindow window(*m_library, noPreview());
            window.show();
            QVERIFY(window.openArticle(QStringLiteral("wetlands")));
            QVERIFY(dock(window, "libraryDock")->isVisible());
            const bool metadata = dock(window, "metadataDock")->isVisible();
            const int before = window.browser()->view()->width();
            window.setBrowsing(true);
            for (const char* name :
                 {"libraryDock", "outlineDock", "previewDock", "historyDock", "checksDock"})
                QVERIFY2(dock(window, name)->isHidden(), name);
            QCOMPARE(dock(window, "metadataDock")->isVisible(), metadata);
            QTRY_VERIFY(window.browser()->view()->width() > before);
            QVERIFY(window.saveSettings());
            window.setBrowsing(false);
            QVERIFY(dock(window, "libraryDock")->isVisible());
            QVERIFY(dock(window, "outlineDock")->isVisible());
        }
        MainWindow next(*m_library, noPreview());
        next.show();
        QVERIFY(dock(next, "libraryDock")->isVisible());
    }

    void readOnlyLibraryShowsWhy() {
        const QString path = m_library->path();
        m_library.reset();
        auto readOnly = Library::open(path, Library::Mode::ReadOnly);
        QVERIFY(readOnly);
        MainWindow window(**readOnly, noPreview());
        window.setReadOnlyReason(QStringLiteral("Read-only: another Copydesk is writing it"));
        window.show();
        auto* banner = window.findChild<QLabel*>(QStringLiteral("readOnlyBanner"));
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->text(), QStringLiteral("Read-only: another Copydesk is writing it"));
        QVERIFY(window.openArticle(QStringLiteral("wetlands")));
        QVERIFY(window.editor()->isReadOnly());
        QCOMPARE(labelText(window, "saveState"), QStringLiteral("Read-only"));
        QTest::keyClicks(window.editor(), QStringLiteral("x"));
        QCOMPARE(window.editor()->toPlainText(), sample().versions.at(0).body);
    }

    void oversizedArticleIsNotOpened() {
        Article big = makeArticle(QStringLiteral("en"), QStringLiteral("Too big"));
        big.slug = QStringLiteral("big");
        big.versions[0].body = QString(int(kMaxTextBytes) + 10, QLatin1Char('x'));
        QVERIFY(m_library->save(big));
        const int revisions = int(m_library->revisions(big.id)->size());
        MainWindow window(*m_library, noPreview());
        QVERIFY(window.openArticle(QStringLiteral("wetlands")));
        const auto opened = window.openArticle(QStringLiteral("big"));
        QVERIFY(!opened);
        QCOMPARE(opened.kind(), ErrorKind::InvalidInput);
        QVERIFY2(
            opened.error().startsWith(QStringLiteral("article 'big', version 'en': the text is")),
            qPrintable(opened.error()));
        QCOMPARE(window.document()->article().slug, QStringLiteral("wetlands")); // still open
        QCOMPARE(window.editor()->toPlainText(), sample().versions.at(0).body);
        window.close();
        QCOMPARE(int(m_library->revisions(big.id)->size()), revisions);
    }

    void newArticleAndLanguageVersion() {
        MainWindow window(*m_library, noPreview());
        QVERIFY(window.createArticle(QStringLiteral("Nouvel article"), QStringLiteral("FR")));
        QCOMPARE(window.document()->language(), QStringLiteral("fr"));
        QVERIFY(window.document()->isSource());
        QVERIFY(window.addLanguageVersion(QStringLiteral("zh-hans")));
        QCOMPARE(window.document()->language(), QStringLiteral("zh-Hans"));
        const Article stored = *m_library->article(window.document()->articleId());
        QCOMPARE(stored.versions.size(), 2);
        QCOMPARE(stored.sourceLanguage, QStringLiteral("fr"));
        QCOMPARE(stored.version(QStringLiteral("zh-Hans"))->translatedFrom, QStringLiteral("fr"));
        const auto twice = window.addLanguageVersion(QStringLiteral("fr"));
        QCOMPARE(twice.kind(), ErrorKind::Conflict);
        const auto bad = window.addLanguageVersion(QStringLiteral("not a tag"));
        QCOMPARE(bad.kind(), ErrorKind::InvalidInput);
    }

    // The open article moved to the trash from the browser, or removed for good when the
    // trash is emptied, leaves the editor: no autosave brings it back, and what was typed
    // before is in the library (in the trash, until it is emptied).
    void trashingTheOpenArticleClosesIt() {
        MainWindow window(*m_library, noPreview());
        window.show();
        QVERIFY(window.openArticle(QStringLiteral("wetlands")));
        const QUuid id = window.document()->articleId();
        QTest::keyClicks(window.editor(), QStringLiteral("Typed. "));
        BrowserWidget* browser = window.browser();
        const auto selectIt = [&] {
            QTreeView* view = browser->view();
            view->selectionModel()->clearSelection();
            for (int r = 0; r < browser->model()->rowCount(); ++r) {
                const QModelIndex row = browser->model()->index(r, 0);
                if (row.data(BrowserModel::ArticleIdRole).toUuid() == id)
                    view->selectionModel()->select(row, QItemSelectionModel::Select |
                                                            QItemSelectionModel::Rows);
            }
            return browser->selectedArticles() == QList<QUuid>{id};
        };
        window.setBrowsing(true); // saves what was typed
        QVERIFY(selectIt());
        QVERIFY(browser->moveSelectionToTrash());
        QVERIFY(!window.document());
        QVERIFY(window.editor()->isReadOnly());
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("in the trash")),
                 qPrintable(window.statusBar()->currentMessage()));
        const auto kept = m_library->article(id);
        QVERIFY(kept);
        QVERIFY(kept->version(QStringLiteral("en"))->body.startsWith(QStringLiteral("Typed. ")));

        // Opened from the trash, then the trash is emptied: closed, and not saved back.
        QVERIFY(window.openArticle(id.toString(QUuid::WithoutBraces)));
        window.setBrowsing(true);
        QVERIFY(browser->emptyTrash());
        QVERIFY(!window.document());
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("for good")),
                 qPrintable(window.statusBar()->currentMessage()));
        window.setBrowsing(false);
        QTest::keyClicks(window.editor(), QStringLiteral("more"));
        QVERIFY(window.autosaver()->flush());
        QCOMPARE(m_library->article(id).kind(), ErrorKind::NotFound);
        QCOMPARE(window.windowTitle(), QStringLiteral("l%1.copydesk — Copydesk").arg(m_counter));
    }

    // The window's two ways in for a language tag (New Article, New Language Version)
    // refuse what is not a BCP 47 tag, with a path or a NUL in it above all, and save
    // nothing: the file names of an export are built from these tags.
    void hostileLanguageTagsAreRefused_data() {
        QTest::addColumn<QString>("tag");
        QTest::newRow("parent folders") << QStringLiteral("../../x");
        QTest::newRow("absolute path") << QStringLiteral("/../../../../tmp/target/pwned");
        QTest::newRow("tag then path") << QStringLiteral("en/../../x");
        QTest::newRow("NUL after tag") << QStringLiteral("en") + QChar(0);
        QTest::newRow("NUL inside") << QStringLiteral("fr") + QChar(0) + QStringLiteral("x");
        QTest::newRow("backslash") << QStringLiteral("en\\x");
        QTest::newRow("escape sequence") << QStringLiteral("en\x1b]0;x\x07");
        QTest::newRow("empty") << QString();
        QTest::newRow("space") << QStringLiteral("e n");
        QTest::newRow("too long subtag") << QStringLiteral("abcdefghijk");
    }
    void hostileLanguageTagsAreRefused() {
        QFETCH(QString, tag);
        MainWindow window(*m_library, noPreview());
        QVERIFY(window.openArticle(QStringLiteral("wetlands")));
        const int articles = int(m_library->list({}).value().size());
        const Article before = window.document()->article();
        const auto created = window.createArticle(QStringLiteral("Hostile"), tag);
        QVERIFY(!created);
        QCOMPARE(created.kind(), ErrorKind::InvalidInput);
        QVERIFY2(!created.error().contains(QChar(0)) && !created.error().contains(QChar(0x1b)),
                 qPrintable(created.error()));
        const auto added = window.addLanguageVersion(tag);
        QVERIFY(!added);
        QCOMPARE(added.kind(), ErrorKind::InvalidInput);
        QCOMPARE(int(m_library->list({}).value().size()), articles);
        QCOMPARE(m_library->article(before.id)->versions.size(), before.versions.size());
        QCOMPARE(window.document()->article().slug, QStringLiteral("wetlands")); // still open
    }

    // The layout on a full disk: closing the window says it was not saved (and that
    // the articles are safe), and the settings saved before stay whole.
    void layoutOnAFullDiskIsReported() {
        test::TinyTmpfs disk("64k");
        if (!disk.isMounted())
            QSKIP(qPrintable(disk.reason()));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, disk.path());
        auto back = qScopeGuard([] {
            QSettings::setPath(
                QSettings::NativeFormat, QSettings::UserScope,
                QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation));
        });
        const QString file = QSettings().fileName();
        if (!file.startsWith(disk.path()))
            QSKIP(qPrintable(
                QStringLiteral("QSettings does not follow setPath here (%1)").arg(file)));
        MainWindow window(*m_library, noPreview());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openArticle(QStringLiteral("wetlands")));
        QVERIFY(window.saveSettings());
        const QByteArray before = test::sha256Of(file);
        QVERIFY(!before.isEmpty());

        disk.fill();
        window.resize(window.width() + 40, window.height());
        const auto saved = window.saveSettings();
        QVERIFY(!saved);
        QCOMPARE(saved.kind(), ErrorKind::DiskFull);
        QVERIFY2(saved.error().startsWith(file), qPrintable(saved.error()));
        // Again with the same values: Qt would skip the write and say nothing.
        QCOMPARE(window.saveSettings().kind(), ErrorKind::DiskFull);

        QString warning;
        QTimer watch; // the warning is modal: read and dismissed from its own event loop
        connect(&watch, &QTimer::timeout, &window, [&] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                warning = box->text();
                box->reject();
            }
        });
        watch.start(20);
        window.close();
        watch.stop();
        QVERIFY2(warning.contains(QStringLiteral("the disk is full")), qPrintable(warning));
        QVERIFY(warning.contains(QStringLiteral("articles are saved in the library")));
        QCOMPARE(test::sha256Of(file), before);
    }

    void focusModeHidesTheChromeUntilItEnds() {
        MainWindow window(*m_library, noPreview());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openArticle(QStringLiteral("wetlands")));
        auto* outline = window.findChild<QDockWidget*>(QStringLiteral("outlineDock"));
        auto* checks = window.findChild<QDockWidget*>(QStringLiteral("checksDock"));
        auto* library = window.findChild<QDockWidget*>(QStringLiteral("libraryDock"));
        library->hide(); // closed by the user before: stays closed after
        QVERIFY(outline->isVisible() && checks->isVisible());
        // F8 works from the editor, and again with the menu bar hidden.
        window.editor()->setFocus();
        QTest::keyClick(window.editor(), Qt::Key_F8);
        QVERIFY(window.focusMode());
        QVERIFY(window.editor()->focusMode());
        QVERIFY(!outline->isVisible() && !checks->isVisible());
        QVERIFY(!window.menuBar()->isVisible());
        QVERIFY(!window.statusBar()->isVisible());
        QTest::keyClick(window.editor(), Qt::Key_F8);
        QVERIFY(!window.focusMode());
        QVERIFY(!window.editor()->focusMode());
        QVERIFY(outline->isVisible() && checks->isVisible());
        QVERIFY(!library->isVisible());
        QVERIFY(window.menuBar()->isVisible());
        QVERIFY(window.statusBar()->isVisible());
    }

    void fullScreenIsForTheSession() {
        {
            MainWindow window(*m_library, noPreview());
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QAction* fullScreen = nullptr;
            for (QAction* a : window.menuBar()->findChildren<QAction*>())
                if (a->text() == QStringLiteral("&Full Screen"))
                    fullScreen = a;
            QVERIFY(fullScreen);
            fullScreen->trigger();
            QTRY_VERIFY(window.isFullScreen());
            QTRY_VERIFY(fullScreen->isChecked());
            window.setFocusMode(true);
            window.close(); // saves the layout, as a normal window with its panels
        }
        MainWindow window(*m_library, noPreview());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.isFullScreen());
        QVERIFY(window.findChild<QDockWidget*>(QStringLiteral("outlineDock"))->isVisible());
        QVERIFY(window.menuBar()->isVisible());
    }

    void spellingStatusSaysTheDictionaryOnce() {
        {
            MainWindow window(*m_library, noPreview());
            QVERIFY(window.openArticle(QStringLiteral("wetlands")));
            QTRY_COMPARE(labelText(window, "spellingStatus"), QStringLiteral("Spelling: en_US"));
        }
        QTemporaryDir empty;
        MainWindow::Options options = noPreview();
        options.spellingPaths = {empty.path()};
        MainWindow window(*m_library, options);
        QVERIFY(window.openArticle(QStringLiteral("wetlands")));
        QTRY_COMPARE(labelText(window, "spellingStatus"), QStringLiteral("No spelling dictionary"));
        auto* label = window.findChild<QLabel*>(QStringLiteral("spellingStatus"));
        QVERIFY2(label->toolTip().contains(empty.path()), qPrintable(label->toolTip()));
    }

    void tooltipsShowShortcuts_data() {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("tooltip");
        QTest::newRow("bold") << QStringLiteral("&Bold") << QStringLiteral("Bold (Ctrl+B)");
        QTest::newRow("save") << QStringLiteral("&Save Revision")
                              << QStringLiteral("Save Revision (Ctrl+S)");
        QTest::newRow("new") << QStringLiteral("&New Article…")
                             << QStringLiteral("New Article (Ctrl+N)");
        QTest::newRow("heading") << QStringLiteral("Heading &2")
                                 << QStringLiteral("Heading 2 (Ctrl+2)");
        QTest::newRow("focus") << QStringLiteral("F&ocus Mode")
                               << QStringLiteral("Focus Mode (F8)");
        QTest::newRow("full screen")
            << QStringLiteral("&Full Screen")
            << QStringLiteral("Full Screen (%1)")
                   .arg(QKeySequence(QKeySequence::FullScreen).toString(QKeySequence::NativeText));
    }
    void tooltipsShowShortcuts() {
        QFETCH(QString, action);
        QFETCH(QString, tooltip);
        MainWindow window(*m_library, noPreview());
        const auto actions = window.menuBar()->findChildren<QAction*>();
        const auto it = std::find_if(actions.begin(), actions.end(),
                                     [&](QAction* a) { return a->text() == action; });
        QVERIFY(it != actions.end());
        QCOMPARE((*it)->toolTip(), tooltip);
    }
};

QTEST_MAIN(TestWritingDesk)
#include "tst_writingdesk.moc"
