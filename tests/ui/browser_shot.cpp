// Screenshot driver for tests/ui/browser_screenshots.sh (not a test):
//   browser_shot LIBRARY [--browse] [--metadata SLUG LANGUAGE] [--select N] [--dark]
//                [--vocabulary] [--ready FILE]
// Shows the main window on LIBRARY: with --browse the library browser, with
// --metadata the article SLUG's version LANGUAGE with the metadata dock in front;
// with --vocabulary the Tags and Categories window above it.
// Creates FILE when the window has settled.
#include "browser/browserwidget.h"
#include "library/library.h"
#include "mainwindow/mainwindow.h"
#include "metadata/metadatapanel.h"
#include "tags/vocabularydialog.h"

#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QItemSelectionModel>
#include <QPalette>
#include <QScrollArea>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTimer>
#include <QTreeView>

#include <cstdio>

using namespace copydesk;

namespace {

QPalette darkPalette() {
    const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe3, 0xe5, 0xe8);
    const QColor muted(0x70, 0x74, 0x7b);
    QPalette p(window);
    for (auto role : {QPalette::Window, QPalette::Button, QPalette::AlternateBase})
        p.setColor(role, role == QPalette::AlternateBase ? QColor(0x26, 0x28, 0x2b) : window);
    p.setColor(QPalette::Base, base);
    for (auto role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::ToolTipText})
        p.setColor(role, text);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x96));
    p.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xf0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xff));
    for (auto role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, muted);
    return p;
}

} // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // no settings of a real session
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: browser_shot LIBRARY [options]\n");
        return 2;
    }
    QString readyFile, slug, language;
    bool browse = false;
    bool trash = false;
    bool vocabulary = false;
    bool tags = false; // the metadata dock scrolled to its tags and suggestions
    int select = 0;
    for (qsizetype i = 2; i < args.size(); ++i) {
        if (args[i] == u"--dark") {
            QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
            QApplication::setPalette(darkPalette());
        } else if (args[i] == u"--browse") {
            browse = true;
        } else if (args[i] == u"--vocabulary") {
            vocabulary = true;
        } else if (args[i] == u"--tags") {
            tags = true;
        } else if (args[i] == u"--trash") {
            browse = trash = true;
        } else if (args[i] == u"--select" && i + 1 < args.size()) {
            select = args[++i].toInt();
        } else if (args[i] == u"--metadata" && i + 2 < args.size()) {
            slug = args[++i];
            language = args[++i];
        } else if (args[i] == u"--ready" && i + 1 < args.size()) {
            readyFile = args[++i];
        }
    }
    auto library = Library::open(args[1]);
    if (!library) {
        std::fprintf(stderr, "%s\n", qPrintable(library.error()));
        return 1;
    }
    MainWindow::Options options;
    options.preview = false;
    MainWindow window(**library, options);
    window.setGeometry(0, 0, 1400, 900);
    if (!slug.isEmpty()) {
        if (const auto opened = window.openArticle(slug, language); !opened) {
            std::fprintf(stderr, "%s\n", qPrintable(opened.error()));
            return 1;
        }
        auto* dock = window.findChild<QDockWidget*>(QStringLiteral("metadataDock"));
        dock->show();
        dock->raise();
        if (tags) {
            QTimer::singleShot(300, dock, [dock] {
                auto* scroll = dock->findChild<QScrollArea*>();
                if (auto* list = dock->findChild<QWidget*>(QStringLiteral("metaSuggestions")))
                    scroll->ensureWidgetVisible(list, 0, 60);
            });
        }
    }
    window.show();
    if (browse) {
        window.setBrowsing(true);
        if (trash) {
            BrowseFilter filter;
            filter.trash = true;
            window.browser()->setFilter(filter);
        }
        QTreeView* view = window.browser()->view();
        for (int r = 0; r < select; ++r)
            view->selectionModel()->select(view->model()->index(r * 2, 0),
                                           QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    VocabularyDialog dialog(**library, &window);
    if (vocabulary) {
        dialog.move(200, 120);
        dialog.show();
    }
    QTimer::singleShot(900, &window, [&] {
        if (!readyFile.isEmpty()) {
            QFile file(readyFile);
            (void)file.open(QIODevice::WriteOnly);
        }
    });
    return app.exec();
}
