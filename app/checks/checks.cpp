#include "checks/checks.h"
#include "checks/checks_p.h"
#include "spelling/speller.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QMutex>
#include <QUrl>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>

namespace copydesk::checks {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("checks", text);
}

struct CatalogueEntry {
    const char* id;
    Severity severity;
    const char* title;
};

constexpr CatalogueEntry kCatalogue[] = {
    {"duplicate-paragraph", Severity::Error, QT_TRANSLATE_NOOP("checks", "Repeated paragraphs")},
    {"boilerplate", Severity::Warning,
     QT_TRANSLATE_NOOP("checks", "Left-over web and e-mail text")},
    {"punctuation-line", Severity::Warning,
     QT_TRANSLATE_NOOP("checks", "Lines of punctuation only")},
    {"glued-words", Severity::Warning, QT_TRANSLATE_NOOP("checks", "Words run together")},
    {"missing-space", Severity::Warning,
     QT_TRANSLATE_NOOP("checks", "Missing space after punctuation")},
    {"truncated", Severity::Error, QT_TRANSLATE_NOOP("checks", "Text cut off")},
    {"repeated-word", Severity::Warning, QT_TRANSLATE_NOOP("checks", "Repeated words")},
    {"double-space", Severity::Info, QT_TRANSLATE_NOOP("checks", "Several spaces in a row")},
    {"unbalanced", Severity::Warning,
     QT_TRANSLATE_NOOP("checks", "Unbalanced quotation marks and brackets")},
    {"quotes", Severity::Warning,
     QT_TRANSLATE_NOOP("checks", "Quotation marks of another language")},
    {"fullwidth-punctuation", Severity::Warning,
     QT_TRANSLATE_NOOP("checks", "Half-width punctuation in Chinese")},
    {"missing-title", Severity::Error, QT_TRANSLATE_NOOP("checks", "Missing title")},
    {"missing-body", Severity::Error, QT_TRANSLATE_NOOP("checks", "Missing body")},
    {"missing-summary", Severity::Warning, QT_TRANSLATE_NOOP("checks", "Missing summary")},
    {"missing-seo-description", Severity::Warning,
     QT_TRANSLATE_NOOP("checks", "Missing SEO description")},
    {"title-length", Severity::Warning, QT_TRANSLATE_NOOP("checks", "Headline length")},
    {"summary-length", Severity::Warning, QT_TRANSLATE_NOOP("checks", "Summary length")},
    {"seo-length", Severity::Warning,
     QT_TRANSLATE_NOOP("checks", "SEO title and description length")},
    {"featured-image-alt", Severity::Warning,
     QT_TRANSLATE_NOOP("checks", "Featured image without alternative text")},
    {"image-alt", Severity::Warning,
     QT_TRANSLATE_NOOP("checks", "Images without alternative text")},
    {"link-text", Severity::Warning, QT_TRANSLATE_NOOP("checks", "Links reading “here”")},
    {"heading-level", Severity::Warning, QT_TRANSLATE_NOOP("checks", "Headings that skip a level")},
    {"version-numbers", Severity::Warning,
     QT_TRANSLATE_NOOP("checks", "Numbers that differ between versions")},
    {"version-dates", Severity::Warning,
     QT_TRANSLATE_NOOP("checks", "Dates that differ between versions")},
    {"version-links", Severity::Warning,
     QT_TRANSLATE_NOOP("checks", "Links that differ between versions")},
};

} // namespace

namespace detail {

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

FieldText::FieldText(const QString& t, Field fld, const QString& lang)
    : text(t)
    , field(fld)
    , language(lang)
    , cjk(isCjkLanguage(lang))
    , scan(fld == Field::Body ? scanMarkdown(t) : scanPlain(t))
    , lines(t) {}

bool Sink::enabled(const char* checkId) const {
    return m_context.onlyChecks.isEmpty() || m_context.onlyChecks.contains(QLatin1String(checkId));
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

TextEdit Sink::removeBlock(const Block& block) const {
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

bool isCjkLanguage(QStringView language) {
    const QStringView primary =
        language.left(language.indexOf(QLatin1Char('-')) < 0 ? language.size()
                                                             : language.indexOf(QLatin1Char('-')));
    return primary == QLatin1String("zh") || primary == QLatin1String("ja") ||
           primary == QLatin1String("ko");
}

bool isCjkChar(QChar c) {
    const char16_t u = c.unicode();
    return (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF) ||
           (u >= 0x3040 && u <= 0x30FF) || (u >= 0xAC00 && u <= 0xD7AF);
}

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
    if (!context.spellers || isCjkLanguage(language))
        return nullptr;
    auto speller = context.spellers->speller(language);
    return speller ? *speller : nullptr;
}

} // namespace detail

using namespace detail;

QList<CheckInfo> checkCatalogue() {
    QList<CheckInfo> list;
    for (const auto& entry : kCatalogue) {
        list.append(CheckInfo{QString::fromLatin1(entry.id), entry.severity,
                              QCoreApplication::translate("checks", entry.title)});
    }
    return list;
}

bool isKnownCheck(QStringView id) {
    return std::any_of(std::begin(kCatalogue), std::end(kCatalogue),
                       [id](const CatalogueEntry& e) { return id == QLatin1String(e.id); });
}

namespace {

void runAllTextChecks(const FieldText& field, const CheckContext& context, QList<Finding>& out) {
    const qsizetype first = out.size();
    Sink sink(field, context, out);
    Speller* speller = spellerFor(context, field.language);
    checkTypography(sink, speller);
    if (field.field == Field::Body || field.field == Field::Summary) {
        checkTruncation(sink, speller);
        checkBoilerplate(sink);
    }
    if (field.field == Field::Body) {
        checkDuplicates(sink);
        checkLinksAndHeadings(sink);
    }
    // A line that is to be dropped as chrome needs no other remarks ("Read more »"
    // is not an unbalanced quotation mark).
    QList<std::pair<int, int>> chrome;
    for (qsizetype i = first; i < out.size(); ++i) {
        if (out[i].checkId == QLatin1String("boilerplate") ||
            out[i].checkId == QLatin1String("punctuation-line"))
            chrome.append({out[i].range.start.offset, out[i].range.end.offset});
    }
    if (chrome.isEmpty())
        return;
    for (qsizetype i = out.size() - 1; i >= first; --i) {
        const Finding& f = out[i];
        if (f.checkId == QLatin1String("boilerplate") ||
            f.checkId == QLatin1String("punctuation-line"))
            continue;
        for (const auto& [from, to] : std::as_const(chrome)) {
            if (f.range.start.offset >= from && f.range.end.offset <= to) {
                out.removeAt(i);
                break;
            }
        }
    }
}

// A run restricted to some checks must report exactly what the full run reports for
// them. Chrome lines silence the other text checks (see above), so those two always
// run, and only the requested findings are kept.
void runTextChecks(const FieldText& field, const CheckContext& context, QList<Finding>& out) {
    if (context.onlyChecks.isEmpty()) {
        runAllTextChecks(field, context, out);
        return;
    }
    CheckContext inner = context;
    for (const QString& id : {QStringLiteral("boilerplate"), QStringLiteral("punctuation-line")}) {
        if (!inner.onlyChecks.contains(id))
            inner.onlyChecks.append(id);
    }
    QList<Finding> all;
    runAllTextChecks(field, inner, all);
    for (Finding& f : all) {
        if (context.onlyChecks.contains(f.checkId))
            out.append(std::move(f));
    }
}

int visibleLength(const QString& text) {
    return int(text.trimmed().size());
}

void checkLengths(const FieldText& field, const CheckContext& context, QList<Finding>& out) {
    Sink sink(field, context, out);
    const LengthLimits& l = context.limits;
    const int length = visibleLength(field.text);
    const int end = int(field.text.size());
    auto tooLong = [&](const char* id, int max, const QString& what) {
        if (length > max && sink.enabled(id)) {
            sink.add(
                id, Severity::Warning, max, end,
                tr("%1 is %2 characters long; keep it under %3").arg(what).arg(length).arg(max));
        }
    };
    switch (field.field) {
    case Field::Title:
        tooLong("title-length", field.cjk ? l.titleMaxCjk : l.titleMax, tr("The headline"));
        break;
    case Field::Summary:
        tooLong("summary-length", field.cjk ? l.summaryMaxCjk : l.summaryMax, tr("The summary"));
        if (length > 0 && length < (field.cjk ? l.summaryMinCjk : l.summaryMin) &&
            sink.enabled("summary-length")) {
            sink.add("summary-length", Severity::Warning, 0, end,
                     tr("The summary is only %1 characters long").arg(length));
        }
        break;
    case Field::SeoTitle:
        tooLong("seo-length", field.cjk ? l.seoTitleMaxCjk : l.seoTitleMax, tr("The SEO title"));
        break;
    case Field::SeoDescription:
        tooLong("seo-length", field.cjk ? l.seoDescriptionMaxCjk : l.seoDescriptionMax,
                tr("The SEO description"));
        break;
    default:
        break;
    }
}

// Numbers with their digits in any script, thousands separators removed: "1,500",
// "1 500", "1.500" and "١٬٥٠٠" are all "1500"; "2,5" and "2.5" are "2.5".
struct NumberHit {
    QString value;
    Field field;
    int start;
    int end;
};

// Scale words after a number ("120 ألف", "12万", "3,5 millions"), so that the same
// quantity compares equal across languages. Qt and ICU offer number formatting but no
// parser for these words in running text, hence a short list per script.
struct ScaleWord {
    const char16_t* word;
    double factor;
};
constexpr ScaleWord kScaleWords[] = {
    {u"万", 1e4},       {u"亿", 1e8},         {u"千", 1e3},        {u"thousand", 1e3},
    {u"million", 1e6},  {u"billion", 1e9},    {u"mille", 1e3},     {u"milliard", 1e9},
    {u"mil", 1e3},      {u"millón", 1e6},     {u"millones", 1e6},  {u"mil millones", 1e9},
    {u"тыс", 1e3},      {u"тысяч", 1e3},      {u"тысячи", 1e3},    {u"млн", 1e6},
    {u"миллион", 1e6},  {u"миллиона", 1e6},   {u"миллионов", 1e6}, {u"млрд", 1e9},
    {u"миллиард", 1e9}, {u"миллиардов", 1e9}, {u"ألف", 1e3},       {u"آلاف", 1e3},
    {u"مليون", 1e6},    {u"ملايين", 1e6},     {u"مليار", 1e9},
};

// The factor of the scale word that starts at or one space after `from`, and where it
// ends; {1, from} when there is none.
std::pair<double, int> scaleAfter(const QString& p, int from) {
    int at = from;
    if (at < p.size() && (p[at] == u' ' || p[at] == QChar(0x00A0) || p[at] == QChar(0x202F)))
        ++at;
    double factor = 1;
    int end = from;
    for (const ScaleWord& w : kScaleWords) {
        const QStringView word(w.word);
        if (p.size() - at < word.size() ||
            QStringView(p).mid(at, word.size()).compare(word, Qt::CaseInsensitive) != 0)
            continue;
        int wordEnd = at + int(word.size());
        // Latin, Cyrillic and Arabic plurals: "millions", "milliards" (but not "mile").
        if (!isCjkChar(word.front()) && wordEnd < p.size() && p[wordEnd] == u's')
            ++wordEnd;
        if (!isCjkChar(word.front()) && wordEnd < p.size() && p[wordEnd].isLetter())
            continue;
        if (wordEnd > end) { // the longest word wins ("mil millones" over "mil")
            factor = w.factor;
            end = wordEnd;
        }
    }
    return {factor, end};
}

void collectNumbers(const FieldText& field, QList<NumberHit>& out) {
    static const QString separators = QStringLiteral(",. '\u00A0\u202F\u066B\u066C");
    for (const Block& block : field.scan.blocks) {
        const QString& p = block.prose;
        for (int i = 0; i < p.size(); ++i) {
            // A digit glued to a word ("A4", "G20") is part of a name, but Chinese and
            // Japanese write numbers straight after ideographs ("作出40项承诺").
            if (!p[i].isDigit() ||
                (i > 0 &&
                 ((p[i - 1].isLetterOrNumber() && !isCjkChar(p[i - 1])) || p[i - 1] == kMask)))
                continue;
            QString digits;
            int end = i;
            int lastSep = -1;
            int groupAfterLastSep = 0;
            while (end < p.size()) {
                if (p[end].isDigit()) {
                    digits.append(QChar(u'0' + p[end].digitValue()));
                    ++groupAfterLastSep;
                    ++end;
                } else if (separators.contains(p[end]) && end + 1 < p.size() &&
                           p[end + 1].isDigit()) {
                    lastSep = int(digits.size());
                    groupAfterLastSep = 0;
                    ++end;
                } else {
                    break;
                }
            }
            QString value = digits;
            if (lastSep >= 0 && groupAfterLastSep != 3)
                value.insert(lastSep, QLatin1Char('.'));
            if (const auto [factor, scaleEnd] = scaleAfter(p, end); factor > 1) {
                value = QString::number(qint64(std::llround(value.toDouble() * factor)));
                end = scaleEnd;
            }
            // One-digit numbers are spelt out in one language and not in another.
            if (value.size() >= 2)
                out.append(NumberHit{value, field.field, block.start + i, block.start + end});
            i = end;
        }
    }
}

// Dates written with a month name, as "MM-DD" (or "YYYY-MM" without a day), so that
// "12 March", "March 12", "12 mars", "12 de marzo", "12 марта", "12 آذار" and
// "3月12日" compare equal. Their numbers are left out of the number comparison, which
// would otherwise see "10" in "2024年10月12日" and not in "12 October 2024".
struct DateHit {
    QString value; ///< month-day, or year-month when there is no day
    Field field;
    int start;
    int end;
    int year = 0; ///< 0 when the text gives none
};

// Month names of `language`, lower case and without a trailing full stop, from Qt's
// locale data: format and standalone forms, long and short (Russian "марта" and
// "март", "мар."). Added by hand: the Levantine and Iraqi Arabic names (كانون الثاني,
// آذار…), which Qt files under ar-SY rather than "ar" but which all Arabic desks meet.
const QHash<QString, int>& monthNames(const QString& language) {
    static QHash<QString, QHash<QString, int>> cache;
    static QMutex mutex;
    QMutexLocker lock(&mutex);
    const QString primary = language.section(QLatin1Char('-'), 0, 0).toLower();
    auto it = cache.find(primary);
    if (it != cache.end())
        return it.value();
    QHash<QString, int> names;
    QList<QLocale> locales{QLocale(primary)};
    if (primary == QLatin1String("ar"))
        locales.append(QLocale(QLocale::Arabic, QLocale::Syria));
    for (const QLocale& locale : std::as_const(locales)) {
        for (int m = 1; m <= 12; ++m) {
            for (const auto format : {QLocale::LongFormat, QLocale::ShortFormat}) {
                for (QString name :
                     {locale.monthName(m, format), locale.standaloneMonthName(m, format)}) {
                    name = name.toLower();
                    if (name.endsWith(QLatin1Char('.')))
                        name.chop(1);
                    // Chinese names are numbers ("3月"): the date is numeric there.
                    if (name.size() >= 3 && !name.front().isDigit())
                        names.insert(name, m);
                }
            }
        }
    }
    return cache.insert(primary, names).value();
}

int digitsAt(const QString& p, int i, int& end) {
    end = i;
    int value = 0;
    while (end < p.size() && p[end].isDigit() && end - i < 5) {
        value = value * 10 + p[end].digitValue();
        ++end;
    }
    if (end < p.size() && p[end].isDigit())
        return -1;
    return end > i ? value : -1;
}

void collectDates(const FieldText& field, QList<DateHit>& out) {
    const QHash<QString, int>& names = monthNames(field.language);
    auto key = [](int year, int month, int day) {
        return day > 0 ? QStringLiteral("%1-%2")
                             .arg(month, 2, 10, QLatin1Char('0'))
                             .arg(day, 2, 10, QLatin1Char('0'))
                       : QStringLiteral("%1-%2").arg(year).arg(month, 2, 10, QLatin1Char('0'));
    };
    for (const Block& block : field.scan.blocks) {
        const QString& p = block.prose;
        const QString lower = p.toLower();
        const int n = int(p.size());
        auto skip = [&](int i, bool allowDe) {
            // Spaces, a comma and Spanish "de" between the parts of a date.
            while (i < n) {
                if (p[i].isSpace() || p[i] == QLatin1Char(','))
                    ++i;
                else if (allowDe && QStringView(lower).mid(i, 3) == QLatin1String("de "))
                    i += 3;
                else
                    break;
            }
            return i;
        };
        for (int i = 0; i < n; ++i) {
            if (field.cjk) {
                // Chinese and Japanese dates: [YYYY年]M月D日.
                if (!p[i].isDigit() || (i > 0 && p[i - 1].isDigit()))
                    continue;
                int start = i, end = 0, year = 0;
                int v = digitsAt(p, i, end);
                if (v >= 1000 && end < n && p[end] == QChar(0x5E74)) {
                    year = v;
                    i = end + 1;
                    v = digitsAt(p, i, end);
                }
                if (v < 1 || v > 12 || end >= n || p[end] != QChar(0x6708))
                    continue;
                const int month = v;
                int dayEnd = 0;
                const int day = digitsAt(p, end + 1, dayEnd);
                if (day >= 1 && day <= 31 && dayEnd < n && p[dayEnd] == QChar(0x65E5))
                    out.append(DateHit{key(year, month, day), field.field, block.start + start,
                                       block.start + dayEnd + 1, year});
                else if (year > 0)
                    out.append(DateHit{key(year, month, 0), field.field, block.start + start,
                                       block.start + end + 1, year});
                i = std::max(i, end);
                continue;
            }
            if (!isWordChar(p[i]) || (i > 0 && isWordChar(p[i - 1])))
                continue;
            // The longest month name starting here (Arabic ones have two words).
            int month = 0, nameEnd = i;
            for (int len = std::min(n - i, 16); len >= 3; --len) {
                if (i + len < n && isWordChar(p[i + len]))
                    continue;
                const auto found = names.constFind(lower.mid(i, len));
                if (found != names.constEnd()) {
                    month = found.value();
                    nameEnd = i + len;
                    break;
                }
            }
            if (month == 0)
                continue;
            int afterName = nameEnd;
            if (afterName < n && p[afterName] == QLatin1Char('.'))
                ++afterName;
            // A day before the name: "12 March", "12 de marzo", "1er mars".
            int start = i, day = 0;
            int j = i - 1;
            while (j >= 0 && p[j].isSpace())
                --j;
            if (j >= 2 && QStringView(lower).mid(j - 1, 2) == QLatin1String("de") &&
                p[j - 2].isSpace()) {
                j -= 2;
                while (j >= 0 && p[j].isSpace())
                    --j;
            }
            int k = j;
            while (k >= 0 && p[k].isLetter() && j - k < 2)
                --k; // ordinal suffix: "1er", "1st"
            if (k >= 0 && p[k].isDigit()) {
                int d = k;
                while (d > 0 && p[d - 1].isDigit())
                    --d;
                int dEnd = 0;
                const int v = digitsAt(p, d, dEnd);
                if (v >= 1 && v <= 31 && (d == 0 || !p[d - 1].isLetterOrNumber())) {
                    day = v;
                    start = d;
                }
            }
            int end = afterName;
            int next = skip(afterName, true);
            int numEnd = 0;
            const int v = next < n && p[next].isDigit() ? digitsAt(p, next, numEnd) : -1;
            int year = 0;
            if (day == 0 && v >= 1 && v <= 31 && numEnd - next <= 2) {
                // "March 12[, 2024]"
                day = v;
                end = numEnd;
                const int y = skip(numEnd, false);
                int yEnd = 0;
                const int yv = y < n && p[y].isDigit() ? digitsAt(p, y, yEnd) : -1;
                if (yv >= 1000)
                    end = yEnd;
            } else if (v >= 1000) {
                year = v;
                end = numEnd;
            }
            // A bare month ("in March", English "may") is not a date.
            if (day == 0 && year == 0)
                continue;
            out.append(DateHit{key(year, month, day), field.field, block.start + start,
                               block.start + end, year});
            i = end - 1;
        }
    }
}

QString normalizedUrl(const QString& url) {
    QUrl u = QUrl::fromUserInput(url);
    QString host = u.host().toLower();
    if (host.startsWith(QLatin1String("www.")))
        host = host.mid(4);
    // Translations link to their own language's page of the same site: drop path
    // segments and query items that are language codes.
    QStringList segments;
    const QStringList path = u.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString& s : path) {
        const QString lower = s.toLower();
        const bool languageCode =
            (lower.size() == 2 && lower.at(0).isLetter() && lower.at(1).isLetter()) ||
            lower.startsWith(QLatin1String("zh-"));
        if (!languageCode)
            segments.append(s);
    }
    return host + QLatin1Char('/') + segments.join(QLatin1Char('/'));
}

// Matches a version's hits against its source's by value, counting repeats: a value
// the source has twice must be there twice. Returns, for each hit of `here`, whether
// it matched, and the source's hits that are left over (missing from `here`).
template <typename Hit>
std::pair<QList<bool>, QList<const Hit*>> matchHits(const QList<Hit>& source,
                                                    const QList<Hit>& here) {
    QHash<QString, int> counts;
    for (const Hit& h : source)
        counts[h.value] += 1;
    QList<bool> matched;
    matched.reserve(here.size());
    for (const Hit& h : here) {
        int& left = counts[h.value];
        matched.append(left > 0);
        if (left > 0)
            --left;
    }
    QList<const Hit*> missing;
    for (const Hit& h : source) {
        int& left = counts[h.value];
        if (left > 0) {
            --left;
            missing.append(&h);
        }
    }
    return {matched, missing};
}

void compareVersions(const Article& article, const LanguageVersion& source,
                     const LanguageVersion& version, const CheckContext& context,
                     QList<Finding>& out) {
    const bool numbers = context.onlyChecks.isEmpty() ||
                         context.onlyChecks.contains(QLatin1String("version-numbers"));
    const bool links =
        context.onlyChecks.isEmpty() || context.onlyChecks.contains(QLatin1String("version-links"));
    const bool dates =
        context.onlyChecks.isEmpty() || context.onlyChecks.contains(QLatin1String("version-dates"));
    if (!numbers && !links && !dates)
        return;
    Q_UNUSED(article);
    const std::array<std::pair<const QString*, Field>, 3> sourceFields{
        {{&source.title, Field::Title},
         {&source.summary, Field::Summary},
         {&source.body, Field::Body}}};
    const std::array<std::pair<const QString*, Field>, 3> fields{
        {{&version.title, Field::Title},
         {&version.summary, Field::Summary},
         {&version.body, Field::Body}}};

    QList<NumberHit> sourceNumbers, numbersHere;
    QList<DateHit> sourceDates, datesHere;
    QHash<QString, int> sourceLinks;
    QList<std::pair<QString, detail::Link>> linksHere;
    for (const auto& [text, field] : sourceFields) {
        const FieldText f(*text, field, source.language);
        collectNumbers(f, sourceNumbers);
        collectDates(f, sourceDates);
        for (const detail::Link& link : f.scan.links) {
            if (!link.image && !link.url.isEmpty())
                sourceLinks[normalizedUrl(link.url)] += 1;
        }
    }
    std::vector<std::unique_ptr<FieldText>> texts;
    for (const auto& [text, field] : fields) {
        texts.push_back(std::make_unique<FieldText>(*text, field, version.language));
        collectNumbers(*texts.back(), numbersHere);
        collectDates(*texts.back(), datesHere);
    }
    // The numbers of a date are compared as a date. (Its key leaves the year out when
    // there is a day, so that "12 March" matches "12 mars 2024".)
    auto withoutDates = [](QList<NumberHit>& numbers, const QList<DateHit>& inDates) {
        numbers.removeIf([&](const NumberHit& n) {
            return std::any_of(inDates.begin(), inDates.end(), [&](const DateHit& d) {
                return d.field == n.field && n.start >= d.start && n.end <= d.end;
            });
        });
    };
    withoutDates(sourceNumbers, sourceDates);
    withoutDates(numbersHere, datesHere);
    const FieldText& body = *texts[2];
    auto fieldText = [&](Field field) -> const FieldText& {
        return field == Field::Title ? *texts[0] : field == Field::Summary ? *texts[1] : *texts[2];
    };

    if (numbers) {
        const auto [matched, missing] = matchHits(sourceNumbers, numbersHere);
        for (qsizetype i = 0; i < numbersHere.size(); ++i) {
            if (matched[i])
                continue;
            const NumberHit& n = numbersHere[i];
            Sink sink(fieldText(n.field), context, out);
            sink.add("version-numbers", Severity::Warning, n.start, n.end,
                     tr("%1 is not in the %2 version").arg(n.value, source.language));
        }
        for (const NumberHit* n : missing) {
            Sink sink(body, context, out);
            sink.add("version-numbers", Severity::Warning, 0, 0,
                     tr("%1 in the %2 version is missing here").arg(n->value, source.language));
        }
    }
    if (dates) {
        const auto [matched, missing] = matchHits(sourceDates, datesHere);
        for (qsizetype i = 0; i < datesHere.size(); ++i) {
            const DateHit& d = datesHere[i];
            const FieldText& text = fieldText(d.field);
            const QString written = text.text.mid(d.start, d.end - d.start);
            if (!matched[i]) {
                Sink sink(text, context, out);
                sink.add("version-dates", Severity::Warning, d.start, d.end,
                         tr("The date %1 is not in the %2 version").arg(written, source.language));
                continue;
            }
            // Same day and month: when both sides give a year, it must be one of the
            // source's years for that day ("12 March 2024" vs "12 mars 2025").
            bool sourceHasYear = false;
            bool sameYear = false;
            for (const DateHit& s : std::as_const(sourceDates)) {
                if (s.value == d.value && s.year != 0) {
                    sourceHasYear = true;
                    sameYear = sameYear || s.year == d.year;
                }
            }
            if (d.year != 0 && sourceHasYear && !sameYear) {
                Sink sink(text, context, out);
                sink.add(
                    "version-dates", Severity::Warning, d.start, d.end,
                    tr("The year of %1 differs from the %2 version").arg(written, source.language));
            }
        }
        for (const DateHit* d : missing) {
            Sink sink(body, context, out);
            sink.add(
                "version-dates", Severity::Warning, 0, 0,
                tr("A date (%1) in the %2 version is missing here").arg(d->value, source.language));
        }
    }
    if (links) {
        for (const auto& text : texts) {
            for (const detail::Link& link : text->scan.links) {
                if (link.image || link.url.isEmpty())
                    continue;
                int& left = sourceLinks[normalizedUrl(link.url)];
                if (left > 0) {
                    --left;
                    continue;
                }
                Sink sink(*text, context, out);
                sink.add("version-links", Severity::Warning, link.start, link.end,
                         tr("Link to %1 is not in the %2 version").arg(link.url, source.language));
            }
        }
        QStringList missingLinks;
        for (auto it = sourceLinks.cbegin(); it != sourceLinks.cend(); ++it) {
            for (int k = 0; k < it.value(); ++k)
                missingLinks.append(it.key());
        }
        missingLinks.sort();
        for (const QString& url : std::as_const(missingLinks)) {
            Sink sink(body, context, out);
            sink.add("version-links", Severity::Warning, 0, 0,
                     tr("Link to %1 in the %2 version is missing here").arg(url, source.language));
        }
    }
}

bool lessFinding(const Finding& a, const Finding& b) {
    if (a.language != b.language)
        return a.language < b.language;
    if (a.field != b.field)
        return a.field < b.field;
    if (a.range.start.offset != b.range.start.offset)
        return a.range.start.offset < b.range.start.offset;
    return a.checkId < b.checkId;
}

} // namespace

QList<Finding> checkText(const QString& text, Field field, const QString& language,
                         const CheckContext& context) {
    QList<Finding> out;
    const FieldText f(text, field, language);
    runTextChecks(f, context, out);
    checkLengths(f, context, out);
    std::stable_sort(out.begin(), out.end(), lessFinding);
    return out;
}

QList<Finding> checkVersion(const Article& article, const LanguageVersion& version,
                            const CheckContext& context) {
    QList<Finding> out;
    const FieldText title(version.title, Field::Title, version.language);
    const FieldText summary(version.summary, Field::Summary, version.language);
    const FieldText body(version.body, Field::Body, version.language);
    const FieldText seoTitle(version.seoTitle, Field::SeoTitle, version.language);
    const FieldText seoDescription(version.seoDescription, Field::SeoDescription, version.language);

    for (const FieldText* f : {&title, &summary, &body, &seoTitle, &seoDescription}) {
        runTextChecks(*f, context, out);
        checkLengths(*f, context, out);
    }
    Sink bodySink(body, context, out);
    checkSummaryRepeated(bodySink, summary);

    auto missing = [&](const FieldText& f, const char* id, Severity severity,
                       const QString& message) {
        if (f.text.trimmed().isEmpty() && bodySink.enabled(id)) {
            Sink sink(f, context, out);
            sink.add(id, severity, 0, 0, message);
        }
    };
    missing(title, "missing-title", Severity::Error, tr("The headline is missing"));
    missing(body, "missing-body", Severity::Error, tr("The text is missing"));
    missing(summary, "missing-summary", Severity::Warning, tr("The summary is missing"));
    missing(seoDescription, "missing-seo-description", Severity::Warning,
            tr("The SEO description is missing"));

    if (!article.featuredImage.isEmpty() && context.altText &&
        bodySink.enabled("featured-image-alt")) {
        const auto alt = context.altText(article.featuredImage, version.language);
        if (!alt || alt->trimmed().isEmpty()) {
            const QString none;
            const FieldText image(none, Field::FeaturedImage, version.language);
            Sink sink(image, context, out);
            sink.add("featured-image-alt", Severity::Warning, 0, 0,
                     tr("The featured image %1 has no alternative text in %2")
                         .arg(article.featuredImage, version.language));
        }
    }

    const LanguageVersion* source = nullptr;
    if (!version.translatedFrom.isEmpty())
        source = article.version(version.translatedFrom);
    if (!source)
        source = article.primaryVersion();
    if (source && source->language != version.language)
        compareVersions(article, *source, version, context, out);

    out.erase(std::remove_if(out.begin(), out.end(),
                             [&](const Finding& f) {
                                 return std::any_of(
                                     context.ignored.begin(), context.ignored.end(),
                                     [&](const IgnoredFinding& i) { return i.matches(f); });
                             }),
              out.end());
    std::stable_sort(out.begin(), out.end(), lessFinding);
    return out;
}

QList<Finding> runChecks(const Article& article, const CheckContext& context) {
    QList<Finding> out;
    for (const LanguageVersion& version : article.versions)
        out.append(checkVersion(article, version, context));
    std::stable_sort(out.begin(), out.end(), lessFinding);
    return out;
}

bool hasErrors(const QList<Finding>& findings) {
    return std::any_of(findings.begin(), findings.end(),
                       [](const Finding& f) { return f.severity == Severity::Error; });
}

QString applyEdits(const QString& text, QList<TextEdit> edits) {
    std::stable_sort(edits.begin(), edits.end(),
                     [](const TextEdit& a, const TextEdit& b) { return a.offset < b.offset; });
    QString result;
    result.reserve(text.size());
    int pos = 0;
    for (const TextEdit& e : std::as_const(edits)) {
        if (e.offset < pos || e.offset + e.length > text.size())
            continue; // overlaps an edit already made, or out of range
        result.append(QStringView(text).mid(pos, e.offset - pos));
        result.append(e.replacement);
        pos = e.offset + e.length;
    }
    result.append(QStringView(text).mid(pos));
    return result;
}

FixResult applyFixes(const QString& text, const QList<Finding>& findings) {
    FixResult result;
    QList<TextEdit> edits;
    // Spans already taken, to refuse fixes that touch one another.
    QList<std::pair<int, int>> taken;
    for (const Finding& f : findings) {
        if (!f.fix || f.fix->edits.isEmpty()) {
            result.skipped.append(f);
            continue;
        }
        bool clash = false;
        for (const TextEdit& e : f.fix->edits) {
            for (const auto& [from, to] : std::as_const(taken)) {
                const bool inside = e.offset < to && e.offset + e.length > from;
                const bool sameInsert = e.length == 0 && e.offset >= from && e.offset <= to;
                const bool touches =
                    (to == from) && e.offset <= from && from <= e.offset + e.length;
                clash = clash || inside || sameInsert || touches;
            }
            clash = clash || e.offset < 0 || e.offset + e.length > text.size();
        }
        if (clash) {
            result.skipped.append(f);
            continue;
        }
        for (const TextEdit& e : f.fix->edits) {
            taken.append({e.offset, e.offset + e.length});
            edits.append(e);
        }
        result.applied.append(f);
    }
    result.text = applyEdits(text, edits);
    return result;
}

} // namespace copydesk::checks
