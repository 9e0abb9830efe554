// Code highlighting with KSyntaxHighlighting (KF6): its syntax definitions, its default
// light theme (its colours made readable on the page's code background), and a
// highlighter of our own that writes HTML spans instead of painting a QTextDocument, so
// that it runs without a QGuiApplication.
#include "codehighlight/codehighlight.h"

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>

#include <QColor>
#include <QMutex>
#include <QMutexLocker>

#include <cmath>

namespace copydesk::codehighlight {

namespace {

namespace ksh = KSyntaxHighlighting;

/// The characters the Markdown renderer escapes in code (cmark's escape_html without
/// the "secure" flag): plain and highlighted code read the same.
void appendEscaped(QString& out, QStringView text) {
    for (const QChar ch : text) {
        switch (ch.unicode()) {
        case u'&':
            out += u"&amp;";
            break;
        case u'<':
            out += u"&lt;";
            break;
        case u'>':
            out += u"&gt;";
            break;
        case u'"':
            out += u"&quot;";
            break;
        default:
            out += ch;
        }
    }
}

/// WCAG 2's relative luminance of an sRGB colour (www.w3.org/TR/WCAG21/#dfn-relative-luminance).
double luminance(const QColor& color) {
    const auto channel = [](double c) {
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) +
           0.0722 * channel(color.blueF());
}

double contrast(const QColor& a, const QColor& b) {
    const double x = luminance(a);
    const double y = luminance(b);
    return (qMax(x, y) + 0.05) / (qMin(x, y) + 0.05);
}

/// The default style sheet's code background in print (#f3f3f3; #f3f4f6 on screen is
/// a little lighter): what highlighted text must stay readable on.
const QColor kCodeBackground(0xf3, 0xf3, 0xf3);

/// `color` with its hue and saturation kept and its lightness lowered until its contrast
/// against `background` is at least 4.5:1, WCAG's level AA for text: Breeze Light's
/// number orange (#b08000) and operator pink (#ca60ca) fall short on the code background
/// of an exported page, which axe-core reports as a serious violation.
QColor readableOn(QColor color, const QColor& background) {
    constexpr double kAA = 4.5;
    const bool darken = luminance(background) > 0.18; // the lightness of mid-grey
    float h = 0, s = 0, l = 0, a = 0;
    color.getHslF(&h, &s, &l, &a);
    while (contrast(color, background) < kAA && l > 0.0f && l < 1.0f) {
        l = darken ? qMax(0.0f, l - 0.01f) : qMin(1.0f, l + 0.01f);
        color.setHslF(h, s, l, a);
    }
    return color;
}

/// Writes each formatted run of a line as a <span> with the theme's style inline.
class HtmlSpanHighlighter final : public ksh::AbstractHighlighter {
public:
    QString highlight(QStringView code) {
        QString out;
        out.reserve(code.size() * 3);
        m_out = &out;
        ksh::State state;
        qsizetype from = 0;
        while (from < code.size()) {
            qsizetype end = code.indexOf(u'\n', from);
            const bool newline = end >= 0;
            if (!newline)
                end = code.size();
            m_line = code.sliced(from, end - from);
            m_done = 0;
            state = highlightLine(m_line, state);
            appendEscaped(out, m_line.sliced(m_done));
            if (newline)
                out += u'\n';
            from = end + 1;
        }
        m_out = nullptr;
        return out;
    }

protected:
    void applyFormat(int offset, int length, const ksh::Format& format) override {
        if (offset < m_done || offset + length > m_line.size())
            return; // never expected; nothing of the line may be written twice
        appendEscaped(*m_out, m_line.sliced(m_done, offset - m_done));
        const QStringView run = m_line.sliced(offset, length);
        const QString style = styleOf(format);
        if (style.isEmpty()) {
            appendEscaped(*m_out, run);
        } else {
            *m_out += QStringLiteral("<span style=\"") + style + QStringLiteral("\">");
            appendEscaped(*m_out, run);
            *m_out += u"</span>";
        }
        m_done = offset + length;
    }

private:
    /// CSS declarations for what `format` changes from the theme's normal text. Only
    /// colour names (#rrggbb) and fixed keywords: nothing of the code reaches it.
    QString styleOf(const ksh::Format& format) const {
        const ksh::Theme current = theme();
        if (format.isDefaultTextStyle(current))
            return {};
        QStringList declarations;
        const QColor background =
            format.hasBackgroundColor(current) ? format.backgroundColor(current) : kCodeBackground;
        if (format.hasTextColor(current))
            declarations << QStringLiteral("color:") +
                                readableOn(format.textColor(current), background).name();
        if (format.hasBackgroundColor(current))
            declarations << QStringLiteral("background-color:") + background.name();
        if (format.isBold(current))
            declarations << QStringLiteral("font-weight:bold");
        if (format.isItalic(current))
            declarations << QStringLiteral("font-style:italic");
        if (format.isUnderline(current))
            declarations << QStringLiteral("text-decoration:underline");
        else if (format.isStrikeThrough(current))
            declarations << QStringLiteral("text-decoration:line-through");
        return declarations.join(u';');
    }

    QString* m_out = nullptr;
    QStringView m_line;
    qsizetype m_done = 0;
};

/// Collects the formatted runs of each line as tokens, for the editor.
class TokenHighlighter final : public ksh::AbstractHighlighter {
public:
    QList<Token> highlight(QStringView code) {
        QList<Token> tokens;
        m_tokens = &tokens;
        ksh::State state;
        qsizetype from = 0;
        while (from < code.size()) {
            qsizetype end = code.indexOf(u'\n', from);
            if (end < 0)
                end = code.size();
            m_lineStart = from;
            state = highlightLine(code.sliced(from, end - from), state);
            from = end + 1;
        }
        m_tokens = nullptr;
        return tokens;
    }

protected:
    void applyFormat(int offset, int length, const ksh::Format& format) override {
        const ksh::Theme current = theme();
        if (length <= 0 || format.isDefaultTextStyle(current))
            return;
        Token t;
        t.offset = m_lineStart + offset;
        t.length = length;
        if (format.hasTextColor(current))
            t.foreground = format.textColor(current).rgba();
        if (format.hasBackgroundColor(current))
            t.background = format.backgroundColor(current).rgba();
        t.bold = format.isBold(current);
        t.italic = format.isItalic(current);
        t.underline = format.isUnderline(current);
        t.strikeOut = format.isStrikeThrough(current);
        m_tokens->append(t);
    }

private:
    QList<Token>* m_tokens = nullptr;
    qsizetype m_lineStart = 0;
};

/// A syntax name or file extension from an info string; anything else (paths,
/// wildcards, markup) names no syntax.
bool plausibleLanguage(QStringView language) {
    if (language.isEmpty() || language.size() > 64)
        return false;
    for (const QChar ch : language) {
        const char16_t c = ch.unicode();
        const bool ascii = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') ||
                           (c >= u'0' && c <= u'9') || c == u'+' || c == u'#' || c == u'-' ||
                           c == u'_' || c == u'.';
        if (!ascii)
            return false;
    }
    return true;
}

/// KSyntaxHighlighting's repository (some 300 definitions and the themes, read from
/// the library's resources) is loaded on first use and kept for the process: it is
/// read-only data, like cmark's extension registry, but it is not thread-safe, since
/// definitions are parsed lazily; hence one lock around every use.
struct Highlighting final {
    QMutex mutex;
    ksh::Repository repository;
    ksh::Theme theme = repository.defaultTheme(ksh::Repository::LightTheme);
    ksh::Theme darkTheme = repository.defaultTheme(ksh::Repository::DarkTheme);
    HtmlSpanHighlighter highlighter;
    TokenHighlighter tokens;

    Highlighting() { highlighter.setTheme(theme); }

    ksh::Definition definitionFor(QStringView language) {
        const QString name = language.toString();
        ksh::Definition definition = repository.definitionForName(name);
        if (!definition.isValid())
            definition = repository.definitionForFileName(QStringLiteral("code.") + name);
        return definition;
    }
};

Highlighting& highlighting() {
    static Highlighting instance;
    return instance;
}

} // namespace

bool isAvailable() {
    return true;
}

std::optional<QString> highlightHtml(QStringView code, QStringView language) {
    if (!plausibleLanguage(language))
        return std::nullopt;
    Highlighting& h = highlighting();
    const QMutexLocker lock(&h.mutex);
    const ksh::Definition definition = h.definitionFor(language);
    if (!definition.isValid())
        return std::nullopt;
    h.highlighter.setDefinition(definition);
    return h.highlighter.highlight(code);
}

} // namespace copydesk::codehighlight

namespace copydesk::codehighlight {

std::optional<QList<Token>> highlightTokens(QStringView code, QStringView language, Theme theme) {
    if (!plausibleLanguage(language))
        return std::nullopt;
    Highlighting& h = highlighting();
    const QMutexLocker lock(&h.mutex);
    const ksh::Definition definition = h.definitionFor(language);
    if (!definition.isValid())
        return std::nullopt;
    h.tokens.setDefinition(definition);
    h.tokens.setTheme(theme == Theme::Dark ? h.darkTheme : h.theme);
    return h.tokens.highlight(code);
}

} // namespace copydesk::codehighlight
