// Numbers in running text, in any script, with scale words.
#include "common/unicode.h"
#include "translation/hits_p.h"

#include <cmath>

namespace copydesk::translation::detail {

using checks::Field;
using checks::FieldText;
using checks::detail::Block;
using checks::detail::kMask;

namespace {

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
        if (!isCjk(codePointAt(word, 0)) && wordEnd < p.size() && p[wordEnd] == u's')
            ++wordEnd;
        if (!isCjk(codePointAt(word, 0)) && wordEnd < p.size() && p[wordEnd].isLetter())
            continue;
        if (wordEnd > end) { // the longest word wins ("mil millones" over "mil")
            factor = w.factor;
            end = wordEnd;
        }
    }
    return {factor, end};
}

} // namespace

void collectNumbers(const FieldText& field, QList<NumberHit>& out) {
    static const QString separators = QStringLiteral(",. '\u00A0\u202F\u066B\u066C");
    for (const Block& block : field.scan.blocks) {
        const QString& p = block.prose;
        for (int i = 0; i < p.size(); ++i) {
            // A digit glued to a word ("A4", "G20") is part of a name, but Chinese and
            // Japanese write numbers straight after ideographs ("作出40项承诺").
            if (!p[i].isDigit() ||
                (i > 0 && ((p[i - 1].isLetterOrNumber() && !isHanOrKana(codePointBefore(p, i))) ||
                           p[i - 1] == kMask)))
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

} // namespace copydesk::translation::detail
