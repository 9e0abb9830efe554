#include "common/languagetag.h"

#include "common/unicode.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>

#include <unicode/uloc.h>

namespace copydesk {

namespace {

// Longest tag accepted: far above any real one (the longest registered tags are
// about 20 characters) and well inside ICU's buffers.
constexpr qsizetype kMaxTagLength = 64;

Error invalid(QStringView tag) {
    return Error{QCoreApplication::translate("LanguageTag",
                                             "\"%1\" is not a valid language tag (BCP 47, "
                                             "for example en, fr, ar or zh-Hans)")
                     .arg(withControlsEscaped(tag, kMaxTagLength)),
                 ErrorKind::InvalidInput};
}

} // namespace

Result<QString> canonicalLanguageTag(QStringView tag) {
    if (tag.isEmpty() || tag.size() > kMaxTagLength)
        return invalid(tag);
    QByteArray ascii;
    ascii.reserve(tag.size());
    for (const QChar c : tag) {
        const char16_t u = c.unicode();
        if (u == u'_')
            ascii += '-';
        else if ((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') ||
                 u == u'-')
            ascii += char(u);
        else
            return invalid(tag);
    }
    char locale[ULOC_FULLNAME_CAPACITY];
    int32_t parsed = 0;
    UErrorCode status = U_ZERO_ERROR;
    uloc_forLanguageTag(ascii.constData(), locale, sizeof locale, &parsed, &status);
    if (U_FAILURE(status) || parsed != ascii.size())
        return invalid(tag);
    char canonical[ULOC_FULLNAME_CAPACITY];
    status = U_ZERO_ERROR;
    const int32_t length =
        uloc_toLanguageTag(locale, canonical, sizeof canonical, /*strict=*/1, &status);
    if (U_FAILURE(status) || length <= 0)
        return invalid(tag);
    const QString result = QString::fromLatin1(canonical, length);
    // "und" is what ICU makes of a tag with no language (x-private, or nothing).
    if (result == u"und" || result.startsWith(u"und-"))
        return invalid(tag);
    return result;
}

bool isValidLanguageTag(QStringView tag) {
    return canonicalLanguageTag(tag).ok();
}

QString languageDisplayName(const QString& tag) {
    const QLocale locale(tag);
    const QString name =
        locale.language() == QLocale::C ? QString() : QLocale::languageToString(locale.language());
    return name.isEmpty() ? tag : QStringLiteral("%1 (%2)").arg(name, tag);
}

QString nativeLanguageName(const QString& tag) {
    const QLocale locale(tag);
    if (locale.language() == QLocale::C)
        return tag;
    // Qt names the language of some default locales with their territory ("American
    // English" for en, "español de España" for es). Without a territory in the tag,
    // the name most territories of the language and script give is the language's own
    // ("English", "español"); the default locale's name decides a tie (fa: فارسی).
    static const QRegularExpression kRegion(QStringLiteral("-(?:[A-Za-z]{2}|[0-9]{3})(?:-|$)"));
    if (!tag.contains(kRegion)) {
        QHash<QString, int> names;
        for (const QLocale& other :
             QLocale::matchingLocales(locale.language(), locale.script(), QLocale::AnyTerritory))
            ++names[other.nativeLanguageName()];
        QString best = locale.nativeLanguageName();
        for (auto it = names.cbegin(); it != names.cend(); ++it) {
            if (!it.key().isEmpty() && it.value() > names.value(best))
                best = it.key();
        }
        if (!best.isEmpty())
            return best;
    }
    const QString own = locale.nativeLanguageName();
    return own.isEmpty() ? tag : own;
}

} // namespace copydesk
