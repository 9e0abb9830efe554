#pragma once

#include <QList>
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
/// of KSyntaxHighlighting's default light theme, each text colour darkened where needed
/// to a contrast of 4.5:1 (WCAG AA) on the default style sheet's code background or on
/// the token's own background. Inline styles, not classes, so that
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

/// One run of highlighted code, for the editor to paint over its code style.
struct Token final {
    qsizetype offset = 0; ///< in the code given, UTF-16
    qsizetype length = 0;
    quint32 foreground = 0; ///< 0xAARRGGBB; 0 keeps the editor's colour
    quint32 background = 0; ///< likewise
    bool bold = false;
    bool italic = false;
    bool underline = false;
    bool strikeOut = false;
    bool operator==(const Token&) const = default;
};

/// The background the editor shows code on decides the theme.
enum class Theme { Light, Dark };

/// The runs of `code` that the syntax of `language` (as for highlightHtml()) styles,
/// with the colours of KSyntaxHighlighting's default light or dark theme. Nothing when
/// `language` names no known syntax or highlighting is not built in. Thread-safe.
std::optional<QList<Token>> highlightTokens(QStringView code, QStringView language, Theme theme);

} // namespace copydesk::codehighlight
