#include "markdown/markdownescape.h"

#include <QRegularExpression>

#include <cmark-gfm.h>

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
    return entityReferenceLength(text, i) > 0;
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

qsizetype entityReferenceLength(QStringView text, qsizetype at) {
    // By hand rather than with QRegularExpression: match(QStringView) is deprecated in
    // Qt 6.8 and its replacement, matchView(), does not exist in 6.4.
    if (at < 0 || at >= text.size() || text[at] != u'&')
        return 0;
    const auto is = [&text](qsizetype i, const char* set) {
        // `set` lists ranges as pairs of bounds: "09af" is 0-9 and a-f.
        if (i >= text.size() || text[i].unicode() >= 128)
            return false;
        const char c = static_cast<char>(text[i].unicode());
        for (; set[0] && set[1]; set += 2) {
            if (c >= set[0] && c <= set[1])
                return true;
        }
        return false;
    };
    qsizetype i = at + 1;
    qsizetype first = i;
    qsizetype min = 1;
    qsizetype max = 0;
    const char* chars = "";
    if (i < text.size() && text[i] == u'#') {
        ++i;
        const bool hex = i < text.size() && (text[i] == u'x' || text[i] == u'X');
        if (hex)
            ++i;
        first = i;
        max = hex ? 6 : 7;
        chars = hex ? "09afAF" : "09";
    } else {
        // A name: a letter, then 1 to 31 letters or digits.
        if (!is(i, "azAZ"))
            return 0;
        min = 2;
        max = 32;
        chars = "azAZ09";
    }
    while (i - first < max && is(i, chars))
        ++i;
    if (i - first < min || i >= text.size() || text[i] != u';')
        return 0;
    return i + 1 - at;
}

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

QString decodeCharacterReferences(QStringView text) {
    if (!text.contains(u'&'))
        return text.toString();
    // cmark-gfm's entity table is HTML5's; it is reached through a parse of a link
    // whose destination is `text`, every other character of it kept literal.
    QString markdown = QStringLiteral("[x](<");
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'\\':
        case u'<':
        case u'>':
            markdown += u'\\';
            markdown += c;
            break;
        case u'\n':
            markdown += QLatin1String("&#10;");
            break;
        case u'\r':
            markdown += QLatin1String("&#13;");
            break;
        default:
            markdown += c;
        }
    }
    markdown += QLatin1String(">)");
    const QByteArray utf8 = markdown.toUtf8();
    cmark_node* document =
        cmark_parse_document(utf8.constData(), size_t(utf8.size()), CMARK_OPT_DEFAULT);
    if (!document)
        return text.toString();
    QString decoded = text.toString();
    cmark_node* paragraph = cmark_node_first_child(document);
    cmark_node* link = paragraph ? cmark_node_first_child(paragraph) : nullptr;
    if (link && cmark_node_get_type(link) == CMARK_NODE_LINK) {
        if (const char* url = cmark_node_get_url(link))
            decoded = QString::fromUtf8(url);
    }
    cmark_node_free(document);
    return decoded;
}

} // namespace copydesk::markdown_escape
