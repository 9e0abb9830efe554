// A child process for tst_crashrecovery: the real main window on a library, typing
// with QTest key events into the editor of ARTICLE, then running until it is killed.
// Prints "typed" on stdout once the keystrokes are in the editor.
#include "editor/markdowneditor.h"
#include "library/library.h"
#include "mainwindow/mainwindow.h"

#include <QApplication>
#include <QStandardPaths>
#include <QTest>

#include <cstdio>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = QApplication::arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: desk_typing_helper LIBRARY ARTICLE TEXT\n");
        return 2;
    }
    auto library = copydesk::Library::open(args.at(1));
    if (!library) {
        std::fprintf(stderr, "%s\n", qPrintable(library.error()));
        return 1;
    }
    copydesk::MainWindow::Options options;
    options.preview = false;
    copydesk::MainWindow window(**library, options);
    if (const auto opened = window.openArticle(args.at(2)); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error()));
        return 1;
    }
    window.show();
    window.editor()->moveCursor(QTextCursor::End);
    // One key event per character, as a keyboard sends them (keyClicks() only knows
    // Latin-1).
    for (const QChar c : args.at(3)) {
        QTest::sendKeyEvent(QTest::Press, window.editor(), Qt::Key_unknown, QString(c),
                            Qt::NoModifier);
        QTest::sendKeyEvent(QTest::Release, window.editor(), Qt::Key_unknown, QString(c),
                            Qt::NoModifier);
    }
    std::printf("typed\n");
    std::fflush(stdout);
    return app.exec();
}
