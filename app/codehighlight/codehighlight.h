#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace copydesk::codehighlight {

/// Whether this build highlights code: KSyntaxHighlighting was found when it was built
/// (Debian 13). Without it highlightHtml() always returns nothing and code blocks stay
/// plain.
bool isAvailable();

/// `code` as the content of an HTML <code> element, each token that the syntax of
/// `language` gives a style in a <span style="..."> with the colours and font weight
/// of KSyntaxHighlighting's default light theme. Inline styles, not classes, so that
/// an exported or published page needs no extra style sheet. Every character of `code`
/// is escaped (&, <, >, ") exactly as the Markdown renderer escapes plain code, so the
/// result is safe whatever the code holds.
///
/// `language` is the first word of a fence's info string: a syntax name ("C++",
/// "python", case-insensitive) or a file extension ("cpp", "py"). Returns nothing when
/// it names no known syntax or highlighting is not built in.
///
/// Thread-safe (calls are serialised: the syntax repository loads definitions lazily).
/// Needs a QCoreApplication at most, never a QGuiApplication or a display.
std::optional<QString> highlightHtml(QStringView code, QStringView language);

} // namespace copydesk::codehighlight
