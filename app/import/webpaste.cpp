#include "import/webpaste_p.h"

#include "common/unicode.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

#include <unicode/datefmt.h>
#include <unicode/locid.h>
#include <unicode/parsepos.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <memory>
#include <vector>

namespace copydesk::web_paste {

namespace {

icu::UnicodeString toIcu(const QString& text) {
    return icu::UnicodeString(reinterpret_cast<const UChar*>(text.utf16()),
                              static_cast<int32_t>(text.size()));
}

/// The formats a date line is read with: each desk language's full, long and medium
/// date formats (English both as in Britain and as in the US, Arabic with Arabic and
/// Latin digits), then numeric patterns with a four-digit year, day before month
/// where the order is not told by the year's place.
const std::vector<std::unique_ptr<icu::DateFormat>>& dateFormats() {
    static const auto formats = [] {
        std::vector<std::unique_ptr<icu::DateFormat>> list;
        const char* locales[] = {"en_GB", "en_US", "fr_FR", "es_ES", "ar_EG", "ar_EG@numbers=latn",
                                 "zh_CN", "ru_RU"};
        for (const char* name : locales) {
            for (const auto style :
                 {icu::DateFormat::kFull, icu::DateFormat::kLong, icu::DateFormat::kMedium}) {
                std::unique_ptr<icu::DateFormat> format(
                    icu::DateFormat::createDateInstance(style, icu::Locale(name)));
                if (format)
                    list.push_back(std::move(format));
            }
        }
        for (const char* pattern : {"y.M.d", "y-M-d", "y/M/d", "d.M.y", "d/M/y", "d-M-y"}) {
            UErrorCode status = U_ZERO_ERROR;
            auto format = std::make_unique<icu::SimpleDateFormat>(
                icu::UnicodeString::fromUTF8(pattern), icu::Locale::getRoot(), status);
            if (U_SUCCESS(status))
                list.push_back(std::move(format));
        }
        for (auto& format : list) {
            format->setLenient(false);
            format->adoptTimeZone(icu::TimeZone::createTimeZone(u"UTC"));
        }
        return list;
    }();
    return formats;
}

/// The same formats, lenient: ICU's strict parse refuses some of its own output
/// ("15 октября 2021 г."), so a lenient parse is accepted when the date formats back
/// to the line.
const std::vector<std::unique_ptr<icu::DateFormat>>& lenientDateFormats() {
    static const auto formats = [] {
        std::vector<std::unique_ptr<icu::DateFormat>> list;
        for (const auto& format : dateFormats()) {
            std::unique_ptr<icu::DateFormat> copy(format->clone());
            copy->setLenient(true);
            list.push_back(std::move(copy));
        }
        return list;
    }();
    return formats;
}

QString fromIcu(const icu::UnicodeString& text) {
    return QString(reinterpret_cast<const QChar*>(text.getBuffer()), text.length());
}

QDate dateOf(UDate date) {
    const QDate result = QDateTime::fromMSecsSinceEpoch(qint64(date), QTimeZone::utc()).date();
    // "15/10/21" read as the year 21 is no date line.
    if (result.isValid() && result.year() >= 1900 && result.year() <= 2200)
        return result;
    return {};
}

QDate parseWhole(const QString& text) {
    if (text.isEmpty())
        return {};
    const icu::UnicodeString input = toIcu(text);
    for (const auto& format : dateFormats()) {
        icu::ParsePosition position(0);
        const UDate date = format->parse(input, position);
        if (position.getErrorIndex() >= 0 || position.getIndex() != input.length())
            continue;
        if (const QDate result = dateOf(date); result.isValid())
            return result;
    }
    const QString wanted = text.simplified();
    for (const auto& format : lenientDateFormats()) {
        icu::ParsePosition position(0);
        const UDate date = format->parse(input, position);
        if (position.getErrorIndex() >= 0 || position.getIndex() == 0)
            continue;
        icu::UnicodeString again;
        format->format(date, again);
        if (fromIcu(again).simplified().compare(wanted, Qt::CaseInsensitive) != 0)
            continue;
        if (const QDate result = dateOf(date); result.isValid())
            return result;
    }
    return {};
}

QString normalized(QStringView text) {
    QString result;
    bool space = false;
    for (QChar c : text) {
        if (c.isLetterOrNumber() || c.isMark()) {
            if (space && !result.isEmpty())
                result += QLatin1Char(' ');
            space = false;
            result += c.toLower();
        } else if (c != QLatin1Char('\'') && c != QChar(0x2019)) {
            space = true;
        }
    }
    return result;
}

bool matches(const QString& text, const QStringList& patterns) {
    for (const QString& entry : patterns) {
        const QString trimmed = entry.trimmed();
        const bool prefix = trimmed.endsWith(QLatin1Char('*'));
        const bool suffix = trimmed.startsWith(QLatin1Char('*'));
        const QString p = normalized(trimmed);
        if (p.isEmpty())
            continue;
        if (prefix && suffix ? text.contains(p)
            : prefix         ? text.startsWith(p)
            : suffix         ? text.endsWith(p)
                             : text == p)
            return true;
    }
    return false;
}

} // namespace

QDate dateOfLine(const QString& line) {
    QString text = line.trimmed();
    if (text.size() > 60)
        return {};
    // "15.10.2021 | 10:30", "15 October 2021, 14:05 GMT", "Dec. 3, 2026 10:42 AM ET"
    static const QRegularExpression time(QStringLiteral(
        "\\s*[|,\u2013\u2014\u00B7-]?\\s*\\d{1,2}[:.]\\d{2}(?::\\d{2})?"
        "(?:\\s*[AaPp]\\.?[Mm]\\.?)?(?:\\s*(?:[A-Z]{2,4}|UTC[+-]?\\d*|GMT[+-]?\\d*))?$"));
    // "Published: 15 October 2021", "Date : 15/10/2021", "Дата: 15.10.2021", and the
    // usual labels without a colon: "Published 15 October 2021", "Publié le 15/10/2021"
    static const QRegularExpression label(QStringLiteral("^[^:：\\d]{1,25}[:：]\\s*"));
    static const QRegularExpression wordLabel(
        QStringLiteral("^(?:published(?: on)?|updated(?: on)?|last updated|posted(?: on)?|"
                       "publié(?: le)?|mis à jour(?: le)?|publicado(?: el)?|actualizado(?: el)?|"
                       "опубликовано|обновлено|дата публикации|发布于|发布时间|更新于|"
                       "نشر في|نُشر في|تاريخ النشر|آخر تحديث)\\s+"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    // "Dec. 3, 2026": ICU's abbreviated months have no full stop.
    static const QRegularExpression monthDot(QStringLiteral("\\b([A-Za-z]{3,4})\\.(?=\\s)"));
    QStringList candidates{text};
    if (QString withoutTime = QString(text).remove(time).trimmed(); withoutTime != text)
        candidates.append(withoutTime);
    for (qsizetype i = 0, n = candidates.size(); i < n; ++i) {
        for (const QRegularExpression* re : {&label, &wordLabel}) {
            if (const auto m = re->match(candidates.at(i)); m.hasMatch())
                candidates.append(candidates.at(i).mid(m.capturedLength()).trimmed());
        }
    }
    for (qsizetype i = 0, n = candidates.size(); i < n; ++i) {
        if (QString dotless = QString(candidates.at(i)).replace(monthDot, QStringLiteral("\\1"));
            dotless != candidates.at(i))
            candidates.append(dotless);
    }
    for (const QString& candidate : std::as_const(candidates)) {
        if (const QDate date = parseWhole(candidate); date.isValid())
            return date;
    }
    return {};
}

QString bylineName(const QString& line) {
    // The words that introduce an author in the desk's languages.
    static const QRegularExpression byline(
        QStringLiteral("^(?:by|written by|text by|par|por|escrito por|de|автор|авторы|текст|от|"
                       "بقلم|كتب|كتبه|إعداد|作者|记者|文)\\s*[:：/／]?\\s*(\\S.*)$"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = byline.match(line.trimmed());
    if (!m.hasMatch())
        return {};
    QString name = m.captured(1).trimmed();
    // "By the end of the year ..." is a sentence: a name starts with a capital (in
    // scripts that have them) and is a few words long.
    const QChar first = name.front();
    if (first.isLetter() && first.isLower())
        return {};
    if (name.endsWith(QLatin1Char('.')) && !name.endsWith(QLatin1String(" Jr.")))
        name.chop(1);
    if (wordCount(name) > 6 || wordCount(name) == 0)
        return {};
    return name;
}

bool isListedChrome(const QString& line, const QStringList& patterns) {
    if (patterns.isEmpty())
        return false;
    static const QRegularExpression separators(QStringLiteral("[|\u00B7\u2022]"));
    const QStringList parts = line.split(separators, Qt::SkipEmptyParts);
    int matched = 0;
    for (const QString& part : parts) {
        const QString text = normalized(part);
        if (text.isEmpty())
            continue;
        if (!matches(text, patterns))
            return false;
        ++matched;
    }
    return matched > 0;
}

bool isBreadcrumb(const QString& line) {
    static const QRegularExpression arrows(QStringLiteral("\\s[>\u203A\u00BB\u2192]\\s"));
    static const QRegularExpression bars(QStringLiteral("\\s[|/]\\s"));
    const QStringList byArrow = line.split(arrows, Qt::SkipEmptyParts);
    const QStringList byBar = line.split(bars, Qt::SkipEmptyParts);
    const QStringList& parts = byArrow.size() >= 2 ? byArrow : byBar;
    if (parts.size() < (byArrow.size() >= 2 ? 2 : 3))
        return false;
    for (const QString& part : parts) {
        if (wordCount(part) > 5)
            return false;
    }
    return true;
}

bool endsInDots(const QString& line) {
    static const QRegularExpression dots(QStringLiteral("(?:\\.{3,}|\u2026+)\\s*$"));
    return dots.match(line).hasMatch() && wordCount(line) <= 6;
}

int wordCount(const QString& line) {
    int words = 0;
    int unspaced = 0;
    bool inWord = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const char32_t c = codePointAt(line, i);
        if (c > 0xFFFF)
            ++i;
        if (isWrittenWithoutSpaces(c)) {
            ++unspaced;
            inWord = false;
            continue;
        }
        const bool letter = QChar::isLetterOrNumber(c);
        if (letter && !inWord)
            ++words;
        inWord = letter || (inWord && (c == u'\'' || c == u'-' || c == 0x2019));
    }
    return words + (unspaced + 1) / 2;
}

} // namespace copydesk::web_paste
