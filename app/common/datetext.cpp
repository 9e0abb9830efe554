#include "common/datetext.h"

#include <QHash>

#include <unicode/dtptngen.h>

#include <memory>

namespace copydesk {

namespace {

/// `locale`'s day-and-month pattern in Qt's format language, or empty. ICU's pattern
/// generator takes milliseconds to make, and a list asks for every cell it paints: one
/// answer per locale and thread.
QString dayAndMonthPattern(const QLocale& locale) {
    thread_local QHash<QString, QString> patterns;
    const QString name = locale.name();
    if (const auto it = patterns.constFind(name); it != patterns.constEnd())
        return *it;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale icuLocale(name.toLatin1().constData());
    std::unique_ptr<icu::DateTimePatternGenerator> generator(
        icu::DateTimePatternGenerator::createInstance(icuLocale, status));
    QString pattern;
    if (U_SUCCESS(status)) {
        const icu::UnicodeString best =
            generator->getBestPattern(icu::UnicodeString("MMMd"), status);
        if (U_SUCCESS(status)) {
            // The two pattern languages agree on d, M and quoted literals; L is ICU's
            // stand-alone month.
            pattern = QString(reinterpret_cast<const QChar*>(best.getBuffer()), best.length());
            pattern.replace(QLatin1Char('L'), QLatin1Char('M'));
        }
    }
    patterns.insert(name, pattern);
    return pattern;
}

/// Day and month in `locale`'s order and words: ICU's pattern (Qt has no such
/// format), Qt's formatting, so that digits and month names are those of the rest of
/// the window (ICU 76 on Debian 13 writes Western digits for Arabic where Qt writes
/// Arabic-Indic ones).
QString dayAndMonth(const QDateTime& local, const QLocale& locale) {
    const QString pattern = dayAndMonthPattern(locale);
    return pattern.isEmpty() ? locale.toString(local.date(), QLocale::ShortFormat)
                             : locale.toString(local.date(), pattern);
}

} // namespace

QString compactDateTime(const QDateTime& when, const QDateTime& now, const QLocale& locale) {
    const QDateTime local = when.toLocalTime();
    const QDate today = now.toLocalTime().date();
    if (local.date() == today)
        return locale.toString(local.time(), QLocale::ShortFormat);
    if (local.date().year() == today.year())
        return dayAndMonth(local, locale);
    return locale.toString(local.date(), QLocale::ShortFormat);
}

} // namespace copydesk
