// Dates written with month names, in the desk's languages, and Chinese and Japanese
// dates.
#include "translation/hits_p.h"

#include <QHash>
#include <QLocale>
#include <QMutex>

namespace copydesk::translation::detail {

using checks::FieldText;
using checks::isWordChar;
using checks::detail::Block;

namespace {

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

} // namespace

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

} // namespace copydesk::translation::detail
