#include "checks/fieldtext.h"
#include "checks/checks_p.h"
#include "common/unicode.h"
#include "spelling/speller.h"

#include <algorithm>

namespace copydesk::checks {

LineIndex::LineIndex(const QString& text)
    : m_size(int(text.size())) {
    m_starts.push_back(0);
    for (int i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('\n'))
            m_starts.push_back(i + 1);
    }
}

SourcePosition LineIndex::at(int offset) const {
    offset = std::clamp(offset, 0, m_size);
    const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset) - 1;
    return SourcePosition{int(it - m_starts.begin()) + 1, offset - *it + 1, offset};
}

int LineIndex::lineStart(int offset) const {
    offset = std::clamp(offset, 0, m_size);
    return *(std::upper_bound(m_starts.begin(), m_starts.end(), offset) - 1);
}

int LineIndex::nextLineStart(int offset) const {
    offset = std::clamp(offset, 0, m_size);
    const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
    return it == m_starts.end() ? m_size : *it;
}

FieldText::FieldText(const QString& t, Field fld, const QString& lang,
                     const markdown::Document* parsed)
    : text(t)
    , field(fld)
    , language(lang)
    , cjk(isCjkLanguage(lang))
    , scan(fld == Field::Body ? detail::scanMarkdown(t, parsed) : detail::scanPlain(t))
    , lines(t) {}

bool Sink::enabled(const char* checkId) const {
    return m_context.onlyChecks.isEmpty() || m_context.onlyChecks.contains(QLatin1String(checkId));
}

bool Sink::enabledAny(std::initializer_list<const char*> checkIds) const {
    return std::any_of(checkIds.begin(), checkIds.end(),
                       [this](const char* id) { return enabled(id); });
}

Finding& Sink::add(const char* checkId, Severity severity, int start, int end,
                   const QString& message) {
    Finding finding;
    finding.checkId = QString::fromLatin1(checkId);
    finding.severity = severity;
    finding.language = m_field.language;
    finding.field = m_field.field;
    finding.range = SourceRange{m_field.lines.at(start), m_field.lines.at(end)};
    finding.excerpt = m_field.text.mid(start, std::min(end - start, 80));
    finding.message = message;
    m_out.append(finding);
    return m_out.back();
}

TextEdit Sink::removeBlock(const detail::Block& block) const {
    const QString& text = m_field.text;
    const int from = m_field.lines.lineStart(block.start);
    int to = m_field.lines.nextLineStart(block.end);
    // Take one blank line along, so that the paragraphs around stay one blank line
    // apart; at the end of the text, take the blank line before instead.
    const int blankEnd = m_field.lines.nextLineStart(to);
    if (to < text.size() && QStringView(text).mid(to, blankEnd - to).trimmed().isEmpty())
        return TextEdit{from, blankEnd - from, QString()};
    if (from > 0) {
        const int prevStart = m_field.lines.lineStart(from - 1);
        if (QStringView(text).mid(prevStart, from - prevStart).trimmed().isEmpty() &&
            to >= text.size())
            return TextEdit{std::max(prevStart - 1, 0), to - std::max(prevStart - 1, 0), QString()};
    }
    return TextEdit{from, to - from, QString()};
}

} // namespace copydesk::checks

namespace copydesk::checks::detail {

QString normalizeForComparison(QStringView text) {
    QString result;
    result.reserve(text.size());
    bool space = false;
    for (QChar c : text) {
        if (c.isLetterOrNumber() || c.isMark()) {
            if (space && !result.isEmpty())
                result.append(QLatin1Char(' '));
            space = false;
            result.append(c.toLower());
        } else if (c == QLatin1Char('\'') || c == QChar(0x2019)) {
            // Apostrophes inside words do not separate them ("l’ONU" ~ "l'ONU").
        } else {
            space = true;
        }
    }
    return result;
}

Speller* spellerFor(const CheckContext& context, const QString& language) {
    // Hunspell has no dictionaries for languages written without spaces.
    if (!context.spellers || isCjkLanguage(language))
        return nullptr;
    auto speller = context.spellers->speller(language);
    return speller ? *speller : nullptr;
}

} // namespace copydesk::checks::detail
