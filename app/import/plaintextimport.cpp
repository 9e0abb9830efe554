#include "import/plaintextimport.h"

#include "common/unicode.h"

#include "markdown/markdownescape.h"

#include <QStringList>

namespace copydesk {

namespace {

char32_t lastCodePoint(const QString& s) {
    if (s.isEmpty())
        return 0;
    if (s.size() >= 2 && s.back().isLowSurrogate())
        return QChar::surrogateToUcs4(s.at(s.size() - 2), s.back());
    return s.back().unicode();
}

char32_t firstCodePoint(const QString& s) {
    if (s.isEmpty())
        return 0;
    if (s.size() >= 2 && s.front().isHighSurrogate())
        return QChar::surrogateToUcs4(s.at(0), s.at(1));
    return s.front().unicode();
}

QString simplified(const QString& line) {
    // simplified() would also turn no-break spaces into plain ones; only tabs and
    // runs of spaces are noise here.
    QString out;
    out.reserve(line.size());
    bool space = false;
    for (const QChar c : line) {
        if (c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\f') ||
            c == QLatin1Char('\v')) {
            space = true;
            continue;
        }
        if (space && !out.isEmpty())
            out += QLatin1Char(' ');
        space = false;
        out += c;
    }
    return out;
}

QString joinLines(const QStringList& lines) {
    QString paragraph;
    for (const QString& line : lines) {
        if (!paragraph.isEmpty() && !(isWrittenWithoutSpaces(lastCodePoint(paragraph)) &&
                                      isWrittenWithoutSpaces(firstCodePoint(line)))) {
            paragraph += QLatin1Char(' ');
        }
        paragraph += line;
    }
    return paragraph;
}

} // namespace

ConvertedDocument plainTextToMarkdown(const QString& text) {
    ConvertedDocument doc;
    QStringList paragraphs;
    QStringList current;
    auto flush = [&] {
        if (current.isEmpty())
            return;
        paragraphs.append(
            markdown_escape::escapeLineStart(markdown_escape::escapePlainText(joinLines(current))));
        current.clear();
    };
    bool haveTitle = false;
    for (const QString& rawLine : text.split(QLatin1Char('\n'))) {
        const QString line = simplified(rawLine);
        if (line.isEmpty()) {
            flush();
            continue;
        }
        if (!haveTitle) {
            doc.title = line;
            haveTitle = true;
            continue;
        }
        current.append(line);
    }
    flush();
    if (!paragraphs.isEmpty())
        doc.body = paragraphs.join(QStringLiteral("\n\n")) + QLatin1Char('\n');
    return doc;
}

} // namespace copydesk
