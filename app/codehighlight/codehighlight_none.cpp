// The stand-in for builds without KSyntaxHighlighting (Debian 12 has it for Qt 5 only):
// code blocks are rendered plain.
#include "codehighlight/codehighlight.h"

namespace copydesk::codehighlight {

bool isAvailable() {
    return false;
}

std::optional<QString> highlightHtml(QStringView, QStringView) {
    return std::nullopt;
}

std::optional<QList<Token>> highlightTokens(QStringView, QStringView, Theme) {
    return std::nullopt;
}

} // namespace copydesk::codehighlight
