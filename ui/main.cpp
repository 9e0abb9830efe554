// copydesk: opens the library (the default one, or --library PATH) in a main window.
#include "library/library.h"
#include "mainwindow/mainwindow.h"
#include "preview/previewview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

#include <cstdio>
#include <exception>
#include <new>

namespace {

int run(int argc, char* argv[]) {
    copydesk::registerPreviewSchemes(); // before QApplication: QtWebEngine reads them once
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Copydesk"));
    QApplication::setApplicationName(QStringLiteral("Copydesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("Copydesk"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Copydesk news editor"));
    parser.addHelpOption();
    const QCommandLineOption libraryOption(
        QStringLiteral("library"),
        QApplication::translate("main", "Library file to open instead of the default one."),
        QStringLiteral("PATH"));
    parser.addOption(libraryOption);
    const QCommandLineOption browseOption(
        QStringLiteral("browse"),
        QApplication::translate("main", "Start with the library browser in front."));
    parser.addOption(browseOption);
    parser.addPositionalArgument(
        QStringLiteral("ARTICLE"),
        QApplication::translate("main", "Article to open (id or slug), focus in its text."),
        QStringLiteral("[ARTICLE]"));
    parser.process(app);

    auto library =
        parser.isSet(libraryOption)
            ? copydesk::Library::open(parser.value(libraryOption))
            : copydesk::Library::openOrCreateWithSamples(copydesk::Library::defaultPath());
    // A library another Copydesk is writing opens read-only, with a banner saying so.
    QString readOnlyBanner;
    if (!library && library.kind() == copydesk::ErrorKind::Locked) {
        readOnlyBanner = QApplication::translate("main", "Read-only: %1").arg(library.error());
        library =
            copydesk::Library::open(parser.isSet(libraryOption) ? parser.value(libraryOption)
                                                                : copydesk::Library::defaultPath(),
                                    copydesk::Library::Mode::ReadOnly);
    }
    if (!library) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Cannot open library"),
                              library.error());
        return 1;
    }
    copydesk::MainWindow window(*library.value());
    if (!readOnlyBanner.isEmpty())
        window.setReadOnlyReason(readOnlyBanner);
    const QStringList articles = parser.positionalArguments();
    if (articles.isEmpty()) {
        window.restoreLastArticle();
    } else if (const auto opened = window.openArticle(articles.front()); !opened) {
        // Not found, or over the size limit: the core's line, and nothing is written.
        QMessageBox::critical(nullptr, QApplication::translate("main", "Cannot open article"),
                              opened.error());
    }
    window.show();
    if (parser.isSet(browseOption))
        window.setBrowsing(true);
    window.activateWindow();
    return app.exec();
}

/// The last word on an exception nobody caught (Qt passes one thrown in an event
/// handler on out of exec()): one line on stderr, exit 1, instead of std::terminate's
/// abort. Formatting allocates, which may fail again when memory ran out; then the
/// untranslated text goes out as it is.
int reportFatal(const char* message, const char* detail = nullptr) {
    try {
        QString line = QStringLiteral("copydesk: ") + QApplication::translate("main", message);
        if (detail)
            line += QStringLiteral(": ") + QString::fromLocal8Bit(detail);
        std::fprintf(stderr, "%s\n", line.toLocal8Bit().constData());
    } catch (...) {
        std::fprintf(stderr, "copydesk: %s\n", message);
    }
    return 1;
}

} // namespace

int main(int argc, char* argv[]) {
    try {
        return run(argc, argv);
    } catch (const std::bad_alloc&) {
        return reportFatal(QT_TRANSLATE_NOOP("main", "out of memory"));
    } catch (const std::exception& e) {
        return reportFatal(QT_TRANSLATE_NOOP("main", "internal error"), e.what());
    } catch (...) {
        return reportFatal(QT_TRANSLATE_NOOP("main", "internal error"));
    }
}
