#include "import/plaintextimport.h"

#include "common/unicode.h"
#include "import/webpaste_p.h"

#include "markdown/markdownescape.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <optional>

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

/// Letters and digits only, lower case, one space between words: how two paragraphs
/// are compared.
QString comparable(const QString& text) {
    QString out;
    bool space = false;
    for (QChar c : text) {
        if (c.isLetterOrNumber()) {
            if (space && !out.isEmpty())
                out += QLatin1Char(' ');
            space = false;
            out += c.toLower();
        } else {
            space = true;
        }
    }
    return out;
}

/// Whether `tail` is the start of `first` again, cut off (mid-word or not).
bool repeatsStart(const QString& tail, const QString& first) {
    const QString t = comparable(tail);
    const QString f = comparable(first);
    if (t.size() < 20 || t.size() >= f.size())
        return false;
    return f.startsWith(t);
}

enum class Chrome { Listed, Breadcrumb, Dots, Short };

struct Decision final {
    int line = 0; ///< index in the lines
    std::optional<Chrome> chrome;
};

QString chromeReason(Chrome chrome) {
    switch (chrome) {
    case Chrome::Listed:
        return QCoreApplication::translate("Import", "web or e-mail chrome of the library's list");
    case Chrome::Breadcrumb:
        return QCoreApplication::translate("Import", "a breadcrumb trail");
    case Chrome::Dots:
        return QCoreApplication::translate("Import", "a short line ending in dots");
    case Chrome::Short:
        return QCoreApplication::translate("Import", "a short line before the headline");
    }
    return {};
}

/// How many non-empty lines from the top may be chrome before the headline.
constexpr int kHeaderLines = 15;

bool looksLikeHeadline(const QString& line, int words) {
    if (words < 3 || words > 30)
        return false;
    const QChar last = line.back();
    if (last == QLatin1Char(',') || last == QLatin1Char(';') || last == QLatin1Char(':') ||
        last == QChar(0xFF0C) || last == QChar(0xFF1A) || last == QChar(0x3001))
        return false;
    // Headlines end without a full stop; a line with one is the story's first sentence
    // (an ellipsis is not a full stop).
    if (last == QChar(0x3002) || last == QChar(0xFF0E))
        return false;
    return !(last == QLatin1Char('.') && !line.endsWith(QLatin1String("...")));
}

} // namespace

ConvertedDocument plainTextToMarkdown(const QString& text, const PlainTextOptions& options) {
    ConvertedDocument doc;
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString& line : lines)
        line = simplified(line);

    // A pasted web page: chrome, the headline, a date line and a byline, then the story.
    QList<std::pair<int, Chrome>> chrome;
    int headline = -1;
    int dateLine = -1;
    int bylineLine = -1;
    auto chromeOf = [&](const QString& line) -> std::optional<Chrome> {
        if (web_paste::isListedChrome(line, options.chrome))
            return Chrome::Listed;
        if (web_paste::isBreadcrumb(line))
            return Chrome::Breadcrumb;
        if (web_paste::endsInDots(line))
            return Chrome::Dots;
        return std::nullopt;
    };
    auto takeDateOrByline = [&](int i) {
        const QString& line = lines.at(i);
        if (dateLine < 0) {
            if (const QDate date = web_paste::dateOfLine(line); date.isValid()) {
                doc.date = date;
                dateLine = i;
                return true;
            }
        }
        if (bylineLine < 0) {
            if (const QString name = web_paste::bylineName(line); !name.isEmpty()) {
                doc.byline = name;
                bylineLine = i;
                return true;
            }
        }
        return false;
    };
    int scanned = 0;
    for (int i = 0; i < lines.size() && scanned < kHeaderLines; ++i) {
        const QString& line = lines.at(i);
        if (line.isEmpty())
            continue;
        ++scanned;
        if (const auto kind = chromeOf(line)) {
            chrome.append({i, *kind});
            continue;
        }
        if (takeDateOrByline(i))
            continue;
        const int words = web_paste::wordCount(line);
        if (looksLikeHeadline(line, words)) {
            headline = i;
            break;
        }
        if (words < 3) {
            chrome.append({i, Chrome::Short});
            continue;
        }
        break; // the story begins before any headline
    }

    // Short lines are chrome only on a page that shows itself as one: a date line or
    // byline by the headline, or chrome the list or the shape of the line tells.
    if (headline >= 0) {
        const bool shortLines = std::any_of(
            chrome.begin(), chrome.end(), [](const auto& c) { return c.second == Chrome::Short; });
        bool evidence = dateLine >= 0 || bylineLine >= 0 ||
                        std::any_of(chrome.begin(), chrome.end(),
                                    [](const auto& c) { return c.second != Chrome::Short; });
        if (!evidence) {
            // A date line or byline just below the headline shows it too.
            for (int i = headline + 1, looked = 0; i < lines.size() && looked < 3; ++i) {
                if (lines.at(i).isEmpty())
                    continue;
                ++looked;
                evidence = evidence || web_paste::dateOfLine(lines.at(i)).isValid() ||
                           !web_paste::bylineName(lines.at(i)).isEmpty();
            }
        }
        if (shortLines && !evidence)
            headline = -1;
    }

    int bodyStart = 0;
    if (headline >= 0) {
        doc.title = lines.at(headline);
        bodyStart = headline + 1;
        // Below the headline: the date line and byline (one line or two, in either
        // order, also "By Jane Doe | 15 October 2021"), and chrome between them.
        int looked = 0;
        for (int i = headline + 1; i < lines.size() && looked < 4; ++i) {
            const QString& line = lines.at(i);
            if (line.isEmpty()) {
                bodyStart = i + 1;
                continue;
            }
            ++looked;
            if (takeDateOrByline(i)) {
                bodyStart = i + 1;
                continue;
            }
            if (const auto kind = chromeOf(line); kind && *kind != Chrome::Short) {
                chrome.append({i, *kind});
                bodyStart = i + 1;
                continue;
            }
            break;
        }
    } else {
        // No headline: as before, the first line that is not chrome is the title; short
        // lines are kept, and so are a date and a byline taken for one.
        QList<std::pair<int, Chrome>> kept;
        for (const auto& c : std::as_const(chrome)) {
            if (c.second != Chrome::Short)
                kept.append(c);
        }
        chrome = kept;
        doc.date = QDate();
        doc.byline.clear();
        dateLine = bylineLine = -1;
        for (int i = 0; i < lines.size(); ++i) {
            const bool isChrome = std::any_of(chrome.begin(), chrome.end(),
                                              [i](const auto& c) { return c.first == i; });
            if (lines.at(i).isEmpty() || isChrome)
                continue;
            doc.title = lines.at(i);
            headline = i;
            bodyStart = i + 1;
            break;
        }
        if (headline < 0)
            bodyStart = int(lines.size());
    }

    QStringList paragraphs;
    QList<int> paragraphLines;
    QStringList current;
    int currentLine = -1;
    auto flush = [&] {
        if (current.isEmpty())
            return;
        paragraphs.append(joinLines(current));
        paragraphLines.append(currentLine);
        current.clear();
    };
    for (int i = bodyStart; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        if (line.isEmpty()) {
            flush();
            continue;
        }
        if (current.isEmpty())
            currentLine = i;
        current.append(line);
    }
    flush();
    auto markdownOf = [](const QStringList& texts) {
        QStringList escaped;
        for (const QString& text : texts)
            escaped.append(
                markdown_escape::escapeLineStart(markdown_escape::escapePlainText(text)));
        return escaped.isEmpty() ? QString() : escaped.join(QStringLiteral("\n\n")) + u'\n';
    };
    doc.body = markdownOf(paragraphs);
    // What the layout decided, undone: every line above the story a paragraph of its own.
    const bool titleMoved =
        headline >= 0 && (!chrome.isEmpty() || dateLine >= 0 || bylineLine >= 0);
    if (titleMoved || !chrome.isEmpty()) {
        QStringList above;
        for (int i = 0; i < bodyStart; ++i) {
            if (!lines.at(i).isEmpty())
                above.append(lines.at(i));
        }
        doc.asPasted = markdownOf(above + paragraphs);
    }

    // The import report: each decision, by line of the text as pasted.
    auto quoted = [&](int i) {
        QString line = lines.at(i);
        if (line.size() > 60)
            line = line.first(60) + QChar(0x2026);
        return line;
    };
    std::sort(chrome.begin(), chrome.end());
    for (const auto& [line, kind] : std::as_const(chrome)) {
        doc.notices.append(QCoreApplication::translate("Import", "line %1 \"%2\" left out: %3")
                               .arg(line + 1)
                               .arg(quoted(line), chromeReason(kind)));
    }
    if (titleMoved) {
        doc.notices.append(QCoreApplication::translate("Import", "line %1 is the title: \"%2\"")
                               .arg(headline + 1)
                               .arg(quoted(headline)));
    }
    if (dateLine >= 0) {
        doc.notices.append(
            QCoreApplication::translate("Import", "line %1 \"%2\" is the dateline date (%3)")
                .arg(dateLine + 1)
                .arg(quoted(dateLine), doc.date.toString(Qt::ISODate)));
    }
    if (bylineLine >= 0) {
        doc.notices.append(
            QCoreApplication::translate("Import", "line %1 \"%2\" is the byline (%3)")
                .arg(bylineLine + 1)
                .arg(quoted(bylineLine), doc.byline));
    }
    if (paragraphs.size() >= 3 && repeatsStart(paragraphs.last(), paragraphs.first())) {
        doc.notices.append(QCoreApplication::translate(
                               "Import", "line %1: the last paragraph is the start of the first "
                                         "one again, cut off (the safe fixes remove it)")
                               .arg(paragraphLines.last() + 1));
    }
    return doc;
}

} // namespace copydesk
