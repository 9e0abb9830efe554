#include "common/datetext.h"

#include <unicode/dtptngen.h>
#include <unicode/smpdtfmt.h>

#include <memory>

namespace copydesk {

namespace {

/// Day and month in `locale`'s order and words. Qt has no such format (only whole
/// short or long dates), ICU's pattern generator has it for every CLDR locale.
QString dayAndMonth(const QDateTime& local, const QLocale& locale) {
    UErrorCode status = U_ZERO_ERROR;
    // Western digits from ICU, then the digits Qt gives this locale everywhere else in
    // the window: the two disagree for Arabic since CLDR 42 (ICU 76 on Debian 13 wrote
    // "4 يوليو" where Qt writes "٤").
    icu::Locale icuLocale(locale.name().toLatin1().constData());
    icuLocale.setKeywordValue("numbers", "latn", status);
    std::unique_ptr<icu::DateTimePatternGenerator> generator(
        icu::DateTimePatternGenerator::createInstance(icuLocale, status));
    if (U_FAILURE(status))
        return locale.toString(local.date(), QLocale::ShortFormat);
    const icu::UnicodeString pattern =
        generator->getBestPattern(icu::UnicodeString("MMMd"), status);
    icu::SimpleDateFormat format(pattern, icuLocale, status);
    if (U_FAILURE(status))
        return locale.toString(local.date(), QLocale::ShortFormat);
    icu::UnicodeString out;
    format.format(UDate(local.toMSecsSinceEpoch()), out);
    const QString latin(reinterpret_cast<const QChar*>(out.getBuffer()), out.length());
    QString text;
    for (const QChar c : latin)
        text += c >= QLatin1Char('0') && c <= QLatin1Char('9') ? locale.toString(c.digitValue())
                                                               : QString(c);
    return text;
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
