// desk_shot: the main window on one version of a sample article, for
// tests/ui/desk_screenshots.sh to photograph. Not a test.
//
//   desk_shot LIBRARY SLUG LANGUAGE [--dark] [--set-title TEXT] [--history] [--import FILE]
//             [--dialog export|templates-error]
//             [--ready FILE]
//
// (Not --title: Qt's X11 platform takes -title/--title for itself.)
// Opens (or creates with the samples) LIBRARY, sets the version's title to TEXT when
// given, opens the version in a 1400x900 window at the top left (with the Fusion style
// and a dark palette for --dark), and creates FILE once the preview shows the page.
// --history first records a few revisions (edits, a named save) and shows the history
// panel comparing two of them. --checks adds a paragraph with misspellings and a
// repeated word, checks spelling and runs the checks, and shows the checklist; --menu
// then opens the context menu on the first misspelt word; --focus turns focus mode on
// with the cursor in the second paragraph; --import imports FILE as File › Import
// Files… does and shows its report. Stays until killed.
#include "browser/browsermodel.h"
#include "browser/browserwidget.h"
#include "checks/checksrunner.h"
#include "document/articledocument.h"
#include "document/autosaver.h"
#include "editor/markdowneditor.h"
#include "editor/markdownhighlighter.h"
#include "editor/spellchecker.h"
#include "export/exportdialog.h"
#include "export/templatesdialog.h"
#include "history/historypanel.h"
#include "library/library.h"
#include "mainwindow/mainwindow.h"
#include "preview/previewview.h"
#include "translation/translationview.h"

#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QMenu>
#include <QPalette>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTextBlock>
#include <QTextCursor>
#include <QTimer>

#include <cstdio>

using namespace copydesk;
using translation::SegmentState;

namespace {

QPalette darkPalette() {
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30), base(0x1e, 0x1f, 0x22), text(0xdf, 0xe1, 0xe5);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x96));
    p.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xf0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xff));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6f, 0x73, 0x7a));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x6f, 0x73, 0x7a));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6f, 0x73, 0x7a));
    return p;
}

void type(MainWindow& window, const QString& text) {
    QTextCursor cursor = window.editor()->textCursor();
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text);
    window.editor()->setTextCursor(cursor);
}

// A paragraph with two misspellings and a repeated word, in the version's language.
QString flawedParagraph(const QString& language) {
    if (language.startsWith(QLatin1String("fr")))
        return QStringLiteral("\n\nLes délégués ont recu le le plan final mardi, et le "
                              "gouvernment en publiera un résumé.\n");
    return QStringLiteral("\n\nThe delegates recieved the the final plan on Tuesday, and the "
                          "goverment will publish a summary of the commitments.\n");
}

} // namespace

int main(int argc, char* argv[]) {
    qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1"); // runs as root in CI
    registerPreviewSchemes();
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // no settings of a real session
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: desk_shot LIBRARY SLUG LANGUAGE [options]\n");
        return 2;
    }
    QString readyFile, title, importPath, dialog;
    bool history = false;
    bool checks = false;
    bool menu = false;
    bool focus = false;
    bool sideBySide = false;
    bool editSource = false;
    bool browse = false;
    for (qsizetype i = 4; i < args.size(); ++i) {
        if (args[i] == u"--dark") {
            QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
            QApplication::setPalette(darkPalette());
        } else if (args[i] == u"--history") {
            history = true;
        } else if (args[i] == u"--checks") {
            checks = true;
        } else if (args[i] == u"--menu") {
            menu = true;
        } else if (args[i] == u"--focus") {
            focus = true;
        } else if (args[i] == u"--side-by-side") {
            sideBySide = true;
        } else if (args[i] == u"--edit-source") {
            editSource = true;
        } else if (args[i] == u"--browser") {
            browse = true;
        } else if (args[i] == u"--set-title" && i + 1 < args.size()) {
            title = args[++i];
        } else if (args[i] == u"--import" && i + 1 < args.size()) {
            importPath = args[++i];
        } else if (args[i] == u"--dialog" && i + 1 < args.size()) {
            dialog = args[++i];
        } else if (args[i] == u"--ready" && i + 1 < args.size()) {
            readyFile = args[++i];
        }
    }
    auto library = Library::openOrCreateWithSamples(args[1]);
    if (!library) {
        std::fprintf(stderr, "%s\n", qPrintable(library.error()));
        return 1;
    }
    if (!title.isEmpty()) {
        auto article = (*library)->findArticle(args[2]);
        if (!article || !article->version(args[3])) {
            std::fprintf(stderr, "no version %s of %s\n", qPrintable(args[3]), qPrintable(args[2]));
            return 1;
        }
        article->version(args[3])->title = title;
        if (const auto saved = (*library)->save(*article); !saved) {
            std::fprintf(stderr, "%s\n", qPrintable(saved.error()));
            return 1;
        }
    }
    MainWindow window(**library);
    window.setGeometry(0, 0, 1400, 900);
    if (const auto opened = window.openArticle(args[2], args[3]); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error()));
        return 1;
    }
    window.show();
    if (history) {
        window.autosaver()->setDelay(std::chrono::hours(1));
        type(window, QStringLiteral("\n\nA late paragraph, added before the named save.\n"));
        (void)window.autosaver()->flush();
        const auto named = window.autosaver()->saveRevision(QStringLiteral("Sent to the desk"));
        type(window, QStringLiteral("\nAnother paragraph, typed after it.\n"));
        (void)window.autosaver()->flush();
        auto* dock = window.findChild<QDockWidget*>(QStringLiteral("historyDock"));
        dock->show();
        dock->raise();
        HistoryPanel* panel = window.history();
        if (named) {
            panel->selectRevisions({*named});
            panel->setView(HistoryPanel::View::ChangesToCurrent);
        }
    }
    if (checks) {
        window.autosaver()->setDelay(std::chrono::hours(1));
        type(window, flawedParagraph(args[3]));
        if (SpellChecker* spell = window.editor()->spellChecker())
            spell->checkNow();
        window.checksRunner()->runNow();
        auto* dock = window.findChild<QDockWidget*>(QStringLiteral("checksDock"));
        dock->show();
        dock->raise();
    }
    if (sideBySide) {
        // The translation beside its source: the first rows marked translated, one
        // reviewed, the rest as they are; the current row one further on.
        auto* dock = window.findChild<QDockWidget*>(QStringLiteral("translationDock"));
        dock->show();
        dock->raise();
        TranslationView* view = window.translationView();
        view->setCurrentRow(0);
        for (int row = 0; row < 3; ++row)
            view->markCurrent(SegmentState::Translated);
        view->markCurrent(SegmentState::Reviewed);
        view->setCurrentRow(5);
        view->editSourceAction()->setChecked(editSource);
    }
    if (browse) {
        // The library browser, the translations' progress in the Languages column
        // (the side-by-side markings saved first when asked for too).
        (void)window.autosaver()->flush();
        window.setBrowsing(true);
        // The panels closed, as one browsing a large library would have them.
        for (QDockWidget* dock : window.findChildren<QDockWidget*>())
            dock->hide();
        (void)window.browser()->model()->refresh();
    }
    if (focus) {
        QTextCursor cursor(window.editor()->document()->findBlockByNumber(2));
        window.editor()->setTextCursor(cursor);
        window.setFocusMode(true);
    }
    std::unique_ptr<QMenu> contextMenu;
    if (menu) {
        // On the first misspelt word after the cursor's paragraph start.
        MarkdownEditor* editor = window.editor();
        for (QTextBlock b = editor->document()->begin(); b.isValid() && !contextMenu;
             b = b.next()) {
            const BlockMarks* marks = MarkdownHighlighter::marksOf(b);
            if (!marks || marks->layer(MarkLayer::Spelling).isEmpty())
                continue;
            const int at = b.position() + marks->layer(MarkLayer::Spelling).front().start + 1;
            QTextCursor c(editor->document());
            c.setPosition(at);
            editor->setTextCursor(c);
            editor->ensureCursorVisible();
            contextMenu.reset(editor->createContextMenu(at, editor));
            QTimer::singleShot(300, &window, [&, editor] {
                const QRect r = editor->cursorRect();
                contextMenu->popup(editor->viewport()->mapToGlobal(r.bottomRight()));
            });
        }
    }
    bool said = false;
    auto ready = [&] {
        if (said)
            return;
        said = true;
        // Let fonts and layout settle before saying so.
        QTimer::singleShot(700, &window, [&] {
            QFile file(readyFile);
            if (!readyFile.isEmpty())
                (void)file.open(QIODevice::WriteOnly);
        });
        // The import's report stays open (its own event loop) for the screenshot; from
        // the event loop as a menu's action is, not inside the preview's signal.
        if (!importPath.isEmpty()) {
            QTimer::singleShot(0, &window,
                               [&] { window.showImportReport(window.importFiles({importPath})); });
        }
        // File > Export… over the window; File > Page Templates… after a Save that a
        // section left open made fail.
        if (dialog == u"export") {
            auto* shown = new ExportDialog(**library, window.document()->articleId(), {}, &window);
            shown->show();
        } else if (dialog == u"templates-error") {
            auto* shown = new TemplatesDialog(**library, &window);
            QPlainTextEdit* editor = shown->editor(TemplateFile::Article);
            QTextCursor cursor(editor->document()->findBlockByNumber(2));
            cursor.insertText(QStringLiteral("{{#title}}\n"));
            (void)shown->save();
            shown->show();
        }
    };
    // The preview is made after the window shows; wait for its first page.
    QTimer::singleShot(0, &window, [&] {
        if (PreviewView* preview = window.preview())
            QObject::connect(preview, &PreviewView::pageUpdated, &window, ready,
                             Qt::SingleShotConnection);
        else
            ready();
    });
    // A preview hidden behind another tab may not load at all.
    QTimer::singleShot(8000, &window, ready);
    return app.exec();
}
