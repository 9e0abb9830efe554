#include "article/slug.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

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

} // namespace copydesk
