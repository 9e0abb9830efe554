#include "article/slug.h"

#include "common/unicode.h"

#include <QCoreApplication>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <optional>

namespace copydesk {

namespace {

/// "Any-Latin; Latin-ASCII", one per thread: building it parses dozens of rule sets
/// (tens of milliseconds), and ICU transliterators are not thread-safe. nullptr when the
/// ICU data lacks the rules; slugify() then keeps only what is ASCII already.
icu::Transliterator* transliterator() {
    thread_local const std::unique_ptr<icu::Transliterator> instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
            icu::UnicodeString(u"Any-Latin; Latin-ASCII"), UTRANS_FORWARD, status));
        return U_SUCCESS(status) ? std::move(t) : nullptr;
    }();
    return instance.get();
}

QString toAscii(const QString& text) {
    icu::Transliterator* t = transliterator();
    if (!t)
        return text;
    icu::UnicodeString unicode(reinterpret_cast<const UChar*>(text.constData()),
                               static_cast<int32_t>(text.size()));
    t->transliterate(unicode);
    return QString(reinterpret_cast<const QChar*>(unicode.getBuffer()), unicode.length());
}

bool isAsciiAlnum(char16_t c) {
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

bool isApostrophe(char16_t c) {
    // Transliteration writes the Cyrillic soft and hard signs and the Arabic hamza and
    // ayn as quote marks or modifier letters (ʹ ʺ ʼ ʾ ʿ) that Latin-ASCII may leave alone;
    // like the apostrophe in "l'ONU", they are part of a word and must not split it
    // ("obedinennyh", not "ob-edinennyh").
    switch (c) {
    case u'\'':
    case u'"':
    case u'`':
    case u'\u2019':
    case u'\u02B9':
    case u'\u02BA':
    case u'\u02BB':
    case u'\u02BC':
    case u'\u02BE':
    case u'\u02BF':
        return true;
    default:
        return false;
    }
}

} // namespace

QString slugify(const QString& text) {
    const QString ascii = toAscii(text);
    QString slug;
    slug.reserve(ascii.size());
    bool pendingDash = false;
    for (const QChar qc : ascii) {
        const char16_t c = qc.unicode();
        if (isAsciiAlnum(c)) {
            if (pendingDash && !slug.isEmpty())
                slug += u'-';
            pendingDash = false;
            slug += QChar(c >= u'A' && c <= u'Z' ? char16_t(c - u'A' + u'a') : c);
        } else if (!isApostrophe(c)) {
            pendingDash = true;
        }
    }
    if (slug.size() > kMaxSlugLength) {
        // Cut at the last dash that keeps it short enough, so no word is chopped; a
        // single very long word is cut hard.
        const qsizetype dash = slug.lastIndexOf(u'-', kMaxSlugLength);
        slug.truncate(dash > 0 ? dash : kMaxSlugLength);
    }
    return slug;
}

namespace {

QString codePoint(char32_t c) {
    return QStringLiteral("U+%1").arg(uint(c), 4, 16, QLatin1Char('0')).toUpper();
}

std::optional<QString> slugProblem(QStringView slug) {
    if (slug.toUtf8().size() > kMaxSlugBytes)
        return QCoreApplication::translate("Slug", "it is longer than %1 bytes").arg(kMaxSlugBytes);
    for (const char32_t c : slug.toUcs4()) {
        if (c == u'-' || c == u'_' || c == u'.')
            continue;
        switch (QChar::category(c)) {
        case QChar::Other_Control:
            return QCoreApplication::translate("Slug", "it contains a control character (%1)")
                .arg(codePoint(c));
        case QChar::Other_Format:
        case QChar::Other_Surrogate:
        case QChar::Other_PrivateUse:
        case QChar::Other_NotAssigned:
            return QCoreApplication::translate("Slug", "it contains an invisible character (%1)")
                .arg(codePoint(c));
        case QChar::Separator_Space:
        case QChar::Separator_Line:
        case QChar::Separator_Paragraph:
            return QCoreApplication::translate("Slug", "it contains a space");
        default:
            break;
        }
        if (!QChar::isLetterOrNumber(c) && !QChar::isMark(c)) {
            return QCoreApplication::translate("Slug", "it contains '%1' (a slug has letters, "
                                                       "digits, '-', '_' and '.')")
                .arg(QString::fromUcs4(&c, 1));
        }
    }
    // ".", "..", ".htaccess": a folder's own names and hidden files.
    if (slug.startsWith(u'.'))
        return QCoreApplication::translate("Slug", "it starts with '.'");
    // "-rf": a file or an argument named so is read as an option by most commands.
    if (slug.startsWith(u'-'))
        return QCoreApplication::translate("Slug", "it starts with '-'");
    return std::nullopt;
}

/// The slug as the message shows it: control and invisible characters escaped, long
/// ones cut.
QString shown(QStringView slug) {
    return withControlsEscaped(slug, 60);
}

} // namespace

Result<void> validateSlug(QStringView slug) {
    if (slug.isEmpty())
        return {};
    if (const auto problem = slugProblem(slug))
        return Error{QCoreApplication::translate("Slug", "\"%1\" is not a usable slug: %2")
                         .arg(shown(slug), *problem),
                     ErrorKind::InvalidInput};
    return {};
}

} // namespace copydesk
