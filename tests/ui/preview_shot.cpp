// preview_shot: shows one language version of a sample article in the preview, for
// tests/ui/preview_screenshots.sh to photograph. Not a test.
//
//   preview_shot LIBRARY SLUG LANGUAGE [--dark] [--preset desktop|tablet|phone]
//                [--line N] [--ready FILE]
//
// Opens (or creates with the samples) LIBRARY, shows the version in a 1100x900 window
// at the top left, creates FILE when the page shows it, and stays until killed.
#include "library/library.h"
#include "preview/previewview.h"

#include <QApplication>
#include <QFile>
#include <QTimer>

#include <cstdio>

using namespace copydesk;

int main(int argc, char* argv[]) {
    qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1"); // runs as root in CI
    registerPreviewSchemes();
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: preview_shot LIBRARY SLUG LANGUAGE [options]\n");
        return 2;
    }
    auto library = Library::openOrCreateWithSamples(args[1]);
    if (!library) {
        std::fprintf(stderr, "%s\n", qPrintable(library.error()));
        return 1;
    }
    auto article = library.value()->findArticle(args[2]);
    if (!article) {
        std::fprintf(stderr, "%s\n", qPrintable(article.error()));
        return 1;
    }
    PreviewView view(*library.value());
    QString readyFile;
    int line = 0;
    for (qsizetype i = 4; i < args.size(); ++i) {
        if (args[i] == u"--dark")
            view.setComfortDark(true);
        else if (args[i] == u"--preset" && i + 1 < args.size()) {
            const QString preset = args[++i];
            view.setWidthPreset(preset == u"phone"    ? PreviewView::WidthPreset::Phone
                                : preset == u"tablet" ? PreviewView::WidthPreset::Tablet
                                                      : PreviewView::WidthPreset::Desktop);
        } else if (args[i] == u"--line" && i + 1 < args.size())
            line = args[++i].toInt();
        else if (args[i] == u"--ready" && i + 1 < args.size())
            readyFile = args[++i];
    }
    view.setGeometry(0, 0, 1100, 900);
    view.show();
    view.setArticle(*article, args[3]);
    QObject::connect(&view, &PreviewView::pageUpdated, &view, [&] {
        if (line > 0)
            view.revealSourceLine(line);
        // Let fonts and images settle before saying so.
        QTimer::singleShot(700, &view, [&] {
            QFile ready(readyFile);
            if (!readyFile.isEmpty())
                (void)ready.open(QIODevice::WriteOnly);
        });
    });
    return app.exec();
}
