#include "markdown/statistics.h"

#include "markdown/document.h"

#include "common/unicode.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <QRegularExpression>

#include <cmath>
#include <map>
#include <memory>

namespace copydesk {

namespace {

constexpr double kWordsPerMinute = 230.0;
constexpr double kCjkCharactersPerMinute = 400.0;

/// The text of the rendered document, one line per block; code (inline and blocks)
/// only when `withCode`.
QString plainText(const markdown::Document& document, bool withCode) {
    using markdown::NodeKind;
    const std::vector<markdown::Node>& nodes = document.nodes();
    QString text;
    const auto endLine = [&text] {
        if (!text.isEmpty() && !text.endsWith(u'\n'))
            text += u'\n';
    };
    // Blocks still open, by the index after their last descendant: when the walk gets
    // there, the block ends and so does its line.
    std::vector<int> openBlocks;
    for (int i = 0; i < int(nodes.size()); ++i) {
        while (!openBlocks.empty() && openBlocks.back() <= i) {
            openBlocks.pop_back();
            endLine();
        }
        const markdown::Node& node = nodes[size_t(i)];
        switch (node.kind) {
        case NodeKind::Text:
            text += node.literal;
            break;
        case NodeKind::Code:
            if (withCode)
                text += node.literal;
            break;
        case NodeKind::CodeBlock:
            endLine();
            if (withCode)
                text += node.literal;
            break;
        case NodeKind::SoftBreak:
            text += u' ';
            break;
        case NodeKind::LineBreak:
            text += u'\n';
            break;
        case NodeKind::Image:
            // The description is alt text for screen readers, not part of the article's
            // running text.
            i = node.end - 1;
            break;
        default:
            // Raw HTML is markup; containers contribute their children.
            break;
        }
        // Blocks (paragraphs, headings, table cells, ...) never run into each other.
        if (markdown::isBlock(node.kind) && node.kind != NodeKind::Document)
            openBlocks.push_back(node.end);
    }
    while (!openBlocks.empty()) {
        openBlocks.pop_back();
        endLine();
    }
    return text;
}

/// ICU break iterators for one language. Kept per thread and per language: creating a
/// word iterator loads rule and dictionary data (about a millisecond), the status bar
/// asks for statistics on every pause in typing, and the translation view alternates
/// between two languages. ICU iterators must not be shared between threads.
struct Breakers final {
    std::unique_ptr<icu::BreakIterator> words;
    std::unique_ptr<icu::BreakIterator> characters;
};

Breakers& breakersFor(const QString& language) {
    thread_local std::map<QString, Breakers> cache;
    Breakers& breakers = cache[language];
    if (!breakers.words) {
        UErrorCode status = U_ZERO_ERROR;
        icu::Locale locale = icu::Locale::forLanguageTag(language.toStdString(), status);
        // An invalid tag yields a bogus locale; the root rules still segment every
        // script, with dictionaries for Chinese, Japanese and Thai.
        if (U_FAILURE(status) || locale.isBogus())
            locale = icu::Locale::getRoot();
        status = U_ZERO_ERROR;
        breakers.words.reset(icu::BreakIterator::createWordInstance(locale, status));
        status = U_ZERO_ERROR;
        breakers.characters.reset(icu::BreakIterator::createCharacterInstance(locale, status));
    }
    return breakers;
}

} // namespace

TextStatistics statistics(const QString& markdown, const QString& language) {
    const markdown::Document document(markdown);
    const QString text = plainText(document, true);

    TextStatistics stats;
    if (text.isEmpty())
        return stats;
    Breakers& breakers = breakersFor(language);
    if (!breakers.words || !breakers.characters)
        return stats; // no ICU data: nothing sensible to count

    // Read-only alias: no copy of the text.
    const icu::UnicodeString unicode(false, reinterpret_cast<const UChar*>(text.constData()),
                                     static_cast<int32_t>(text.size()));

    int alphabeticWords = 0;
    int cjkCharacters = 0;
    icu::BreakIterator& words = *breakers.words;
    words.setText(unicode);
    for (int32_t start = words.first(), end = words.next(); end != icu::BreakIterator::DONE;
         start = end, end = words.next()) {
        const int32_t status = words.getRuleStatus();
        // Numbers, letters, kana and ideographs are words; spaces and punctuation are not.
        if (status < UBRK_WORD_NUMBER || status >= UBRK_WORD_IDEO_LIMIT)
            continue;
        ++stats.words;
        int cjkInWord = 0;
        for (int32_t i = start; i < end; i = unicode.moveIndex32(i, 1)) {
            if (isHanOrKana(char32_t(unicode.char32At(i))))
                ++cjkInWord;
        }
        if (cjkInWord > 0)
            cjkCharacters += cjkInWord;
        else
            ++alphabeticWords;
    }

    icu::BreakIterator& graphemes = *breakers.characters;
    graphemes.setText(unicode);
    for (int32_t start = graphemes.first(), end = graphemes.next(); end != icu::BreakIterator::DONE;
         start = end, end = graphemes.next()) {
        const UChar32 first = unicode.char32At(start);
        if (first == u'\n')
            continue;
        ++stats.characters;
        if (!u_isUWhiteSpace(first))
            ++stats.charactersWithoutSpaces;
    }

    const double minutes =
        alphabeticWords / kWordsPerMinute + cjkCharacters / kCjkCharactersPerMinute;
    stats.readingSeconds = static_cast<int>(std::lround(minutes * 60.0));
    // A line of text still takes a moment to read.
    if (stats.readingSeconds == 0 && stats.words > 0)
        stats.readingSeconds = 1;
    return stats;
}

QString proseText(const QString& markdown) {
    // Lazy, and within a line: "{{< a >}} text {{< /a >}}" keeps "text".
    static const QRegularExpression shortcode(QStringLiteral("\\{\\{[<%].*?[>%]\\}\\}"));
    return plainText(markdown::Document(markdown), false).remove(shortcode);
}

} // namespace copydesk
