#include "import/htmltext_p.h"

#include "common/languagetag.h"
#include "markdown/markdownescape.h"

namespace copydesk::html_import {

bool isSpace(QChar c) {
    return c == QLatin1Char(' ') || c == kNoBreakSpace;
}

QString collapseSpaces(const QString& text) {
    QString out;
    out.reserve(text.size());
    qsizetype run = 0;
    QChar last;
    auto flush = [&] {
        if (run == 1)
            out += last;
        else if (run > 1)
            out += QLatin1Char(' ');
        run = 0;
    };
    for (const QChar c : text) {
        if (isSpace(c)) {
            ++run;
            last = c;
            continue;
        }
        flush();
        out += c;
    }
    flush();
    return out;
}

QString trimSpaces(const QString& text) {
    qsizetype start = 0;
    qsizetype end = text.size();
    while (start < end && (isSpace(text.at(start)) || text.at(start) == kBreak))
        ++start;
    while (end > start && (isSpace(text.at(end - 1)) || text.at(end - 1) == kBreak))
        --end;
    return text.mid(start, end - start);
}

QString wrap(const QString& inner, QLatin1String delimiter) {
    qsizetype start = 0;
    qsizetype end = inner.size();
    while (start < end && (isSpace(inner.at(start)) || inner.at(start) == kBreak))
        ++start;
    while (end > start && (isSpace(inner.at(end - 1)) || inner.at(end - 1) == kBreak))
        --end;
    if (start == end)
        return inner;
    return inner.left(start) + delimiter + inner.mid(start, end - start) + delimiter +
           inner.mid(end);
}

QString linkDestination(const QString& untrimmed) {
    const QString url = untrimmed.trimmed();
    QString out;
    for (qsizetype i = 0; i < url.size(); ++i) {
        const QChar c = url[i];
        switch (c.unicode()) {
        case ' ':
            out += QLatin1String("%20");
            break;
        case '(':
            out += QLatin1String("%28");
            break;
        case ')':
            out += QLatin1String("%29");
            break;
        case '<':
            out += QLatin1String("%3C");
            break;
        case '>':
            out += QLatin1String("%3E");
            break;
        case '\n':
        case '\t':
            break;
        case '&':
            // The text is the URL: "&amp;" or "&colon;" in it is not to be decoded by
            // the Markdown reader.
            out += markdown_escape::entityReferenceLength(url, i) > 0 ? QLatin1String("\\&")
                                                                      : QLatin1String("&");
            break;
        case '\\':
            out += QLatin1String("\\\\");
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString linkTitle(const QString& title) {
    const QString t = collapseSpaces(title).trimmed();
    if (t.isEmpty())
        return {};
    QString escaped = t;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QStringLiteral(" \"") + escaped + QLatin1Char('"');
}

QString normalizeLanguageTag(const QString& tag) {
    auto canonical = canonicalLanguageTag(tag.trimmed());
    return canonical ? std::move(canonical).value() : QString();
}

bool isSafeUrl(const QString& rawUrl, bool forImage) {
    // libxml2's HTML parser knows HTML 4's named references only: "javascript&colon;"
    // or "java&Tab;script:" reach us undecoded, and a browser (or the Markdown
    // reader, were they written out) decodes them. Checked as they decode.
    const QString url = markdown_escape::decodeCharacterReferences(rawUrl);
    // What a browser takes for the scheme: leading spaces and C0 controls are
    // skipped, tabs and newlines anywhere are removed, case does not matter.
    QString scheme;
    for (const QChar c : url) {
        const char16_t u = c.unicode();
        if (scheme.isEmpty() && (u <= 0x20 || c == kNoBreakSpace))
            continue;
        if (u == u'\t' || u == u'\n' || u == u'\r' || u < 0x20 || u == 0x7f)
            continue;
        if (u == u':')
            break;
        if (!((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') ||
              u == u'+' || u == u'-' || u == u'.')) {
            return true; // no scheme: a relative URL
        }
        scheme += c.toLower();
    }
    if (scheme == u"javascript" || scheme == u"vbscript" || scheme == u"livescript")
        return false;
    // The machine the page was saved on, or another page's objects: nothing a reader of
    // the article can follow, and a way to read local files where a preview allows it.
    if (scheme == u"file" || scheme == u"blob" || scheme == u"filesystem")
        return false;
    if (scheme != u"data")
        return true;
    if (!forImage)
        return false;
    // data:image/png and the like show pixels; SVG is a document that can hold scripts.
    QString type = url.trimmed().mid(5).left(32).toLower();
    type.remove(QLatin1Char(' '));
    return type.startsWith(QLatin1String("image/")) && !type.startsWith(QLatin1String("image/svg"));
}

} // namespace copydesk::html_import
