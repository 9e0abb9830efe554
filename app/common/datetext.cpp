#include "common/datetext.h"

#include <unicode/dtptngen.h>

#include <memory>

namespace copydesk {

namespace {

/// Day and month in `locale`'s order and words. Qt has no such format (only whole
/// short or long dates), ICU's pattern generator has it for every CLDR locale.
QString dayAndMonth(const QDateTime& local, const QLocale& locale) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale icuLocale(locale.name().toLatin1().constData());
    std::unique_ptr<icu::DateTimePatternGenerator> generator(
        icu::DateTimePatternGenerator::createInstance(icuLocale, status));
    if (U_FAILURE(status))
        return locale.toString(local.date(), QLocale::ShortFormat);
    const icu::UnicodeString best = generator->getBestPattern(icu::UnicodeString("MMMd"), status);
    if (U_FAILURE(status))
        return locale.toString(local.date(), QLocale::ShortFormat);
    // ICU's pattern, Qt's formatting: the digits and month names are then those of the
    // rest of the window (ICU 76 on Debian 13 writes Western digits for Arabic where Qt
    // writes Arabic-Indic ones). The two pattern languages agree on d, M and quoted
    // literals; L is ICU's stand-alone month.
    QString pattern(reinterpret_cast<const QChar*>(best.getBuffer()), best.length());
    pattern.replace(QLatin1Char('L'), QLatin1Char('M'));
    return locale.toString(local.date(), pattern);
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
