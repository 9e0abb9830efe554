// copydesk: opens the library (the default one, or --library PATH) in a main window.
#include "library/library.h"
#include "mainwindow/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

int main(int argc, char* argv[]) {
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
    parser.process(app);

    auto library =
        parser.isSet(libraryOption)
            ? copydesk::Library::open(parser.value(libraryOption))
            : copydesk::Library::openOrCreateWithSamples(copydesk::Library::defaultPath());
    if (!library) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Cannot open library"),
                              library.error());
        return 1;
    }
    copydesk::MainWindow window(*library.value());
    window.show();
    return app.exec();
}
