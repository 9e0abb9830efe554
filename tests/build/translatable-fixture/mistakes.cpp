// Known mistakes for the test of check_translation_contexts.cmake; never compiled.
#include <QCoreApplication>

namespace copydesk::fixture {

namespace {

// A free helper: lupdate files its strings under "copydesk::fixture".
QString tr(const char* text) {
    return QCoreApplication::translate("Checks", text);
}

} // namespace

QString freeHelper() {
    return tr("Filed under the namespace");
}

// A literal context that is not declared in the list.
QString unlisted() {
    return QCoreApplication::translate("Unlisted", "Filed under a name nobody declared");
}

// Right: declared and listed.
QString listed() {
    return QCoreApplication::translate("Checks", "Filed where it is looked up");
}

} // namespace copydesk::fixture
