#pragma once

// Helpers shared by the main-window tests (tests/ui).

#include "mainwindow/mainwindow.h"

#include <QLabel>
#include <QString>

namespace copydesk::test {

// A main window without the WebEngine preview: the desk tests that do not look at
// the page start faster and need no GPU process.
inline MainWindow::Options noPreview() {
    MainWindow::Options options;
    options.preview = false;
    return options;
}

// The text of the window's label called `name`, or a marker the test will show.
inline QString labelText(const MainWindow& window, const char* name) {
    auto* label = window.findChild<QLabel*>(QString::fromLatin1(name));
    return label ? label->text() : QStringLiteral("<no label>");
}

} // namespace copydesk::test
