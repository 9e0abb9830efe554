#include "markdown/markdownescape.h"

#include <QRegularExpression>

#include <algorithm>

namespace copydesk::markdown_escape {

namespace {

bool isAsciiPunctuation(QChar c) {
    return c.unicode() < 128 && (c.isPunct() || c.isSymbol());
}

/// "<" followed by what CommonMark accepts as the start of a tag, comment,
/// declaration or processing instruction.
bool startsRawHtml(QStringView text, qsizetype i) {
    if (i + 1 >= text.size())
        return false;
    const QChar next = text.at(i + 1);
    return (next.unicode() < 128 && next.isLetter()) || next == QLatin1Char('/') ||
           next == QLatin1Char('!') || next == QLatin1Char('?');
}

/// "&name;" or "&#123;" — an entity reference that a renderer would decode.
bool startsEntity(QStringView text, qsizetype i) {
    static const QRegularExpression entity(
        QStringLiteral("^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"));
    return entity.match(text.mid(i, 40)).hasMatch();
}

qsizetype longestRun(QStringView text, QChar c) {
    qsizetype longest = 0;
    qsizetype run = 0;
    for (const QChar ch : text) {
        run = ch == c ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return longest;
}

} // namespace

QString escapeLineStart(const QString& line, bool bracket) {
    if (line.isEmpty())
        return line;
    static const QRegularExpression heading(QStringLiteral("^#{1,6}(\\s|$)"));
    static const QRegularExpression bullet(QStringLiteral("^[-+*](\\s|$)"));
    static const QRegularExpression rule(QStringLiteral("^([-*_=])\\s*(\\1\\s*)*$"));
    static const QRegularExpression ordered(QStringLiteral("^([0-9]{1,9})([.)])(\\s|$)"));
    static const QRegularExpression fence(QStringLiteral("^(```|~~~)"));
    const QChar first = line.front();
    if (first == QLatin1Char('>') || (bracket && first == QLatin1Char('[')) ||
        heading.match(line).hasMatch() || bullet.match(line).hasMatch() ||
        rule.match(line).hasMatch() || fence.match(line).hasMatch()) {
        if (line.startsWith(QLatin1Char('\\')))
            return line;
        return QLatin1Char('\\') + line;
    }
    const auto m = ordered.match(line);
    if (m.hasMatch())
        return m.captured(1) + QLatin1Char('\\') + line.mid(m.capturedStart(2));
    return line;
}

QString escapeInline(QStringView text) {
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        switch (c.unicode()) {
        case '\\':
        case '*':
        case '_':
        case '`':
        case '[':
        case ']':
        case '~':
            out += QLatin1Char('\\');
            break;
        case '<':
            if (startsRawHtml(text, i))
                out += QLatin1Char('\\');
            break;
        case '&':
            if (startsEntity(text, i))
                out += QLatin1Char('\\');
            break;
        default:
            break;
        }
        out += c;
    }
    return out;
}

QString escapePlainText(QStringView text) {
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if ((c == QLatin1Char('\\') && i + 1 < text.size() && isAsciiPunctuation(text.at(i + 1))) ||
            (c == QLatin1Char('<') && startsRawHtml(text, i)) ||
            (c == QLatin1Char('&') && startsEntity(text, i))) {
            out += QLatin1Char('\\');
        }
        out += c;
    }
    return out;
}

QString codeSpan(QStringView code) {
    const QString fence(longestRun(code, QLatin1Char('`')) + 1, QLatin1Char('`'));
    // A space on each side keeps a leading or trailing backtick out of the fence;
    // CommonMark strips exactly one such space.
    const bool pad = code.startsWith(QLatin1Char('`')) || code.endsWith(QLatin1Char('`'));
    const QString space = pad ? QStringLiteral(" ") : QString();
    return fence + space + code.toString() + space + fence;
}

QString codeBlock(QStringView code, const QString& info) {
    const QString fence(std::max<qsizetype>(3, longestRun(code, QLatin1Char('`')) + 1),
                        QLatin1Char('`'));
    QString body = code.toString();
    if (!body.endsWith(QLatin1Char('\n')))
        body += QLatin1Char('\n');
    return fence + info + QLatin1Char('\n') + body + fence;
}

} // namespace copydesk::markdown_escape
