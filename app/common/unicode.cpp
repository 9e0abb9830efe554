#include "common/unicode.h"

#include <unicode/uchar.h>
#include <unicode/ucol.h>
#include <unicode/uloc.h>
#include <unicode/ulocdata.h>
#include <unicode/uscript.h>

namespace copydesk {

CjkScript cjkScript(char32_t c) {
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(UChar32(c), &status)) {
    case USCRIPT_HAN:
        return CjkScript::Han;
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_KATAKANA_OR_HIRAGANA:
        return CjkScript::Kana;
    case USCRIPT_BOPOMOFO:
        return CjkScript::Bopomofo;
    case USCRIPT_HANGUL:
        return CjkScript::Hangul;
    default:
        return CjkScript::None;
    }
}

bool isWrittenWithoutSpaces(char32_t c) {
    const CjkScript cjk = cjkScript(c);
    if (cjk != CjkScript::None)
        return cjk != CjkScript::Hangul;
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(UChar32(c), &status)) {
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
        return true;
    default:
        break;
    }
    // Ideographic punctuation and full-width forms belong to the Common script.
    const UBlockCode block = ublock_getCode(UChar32(c));
    return block == UBLOCK_CJK_SYMBOLS_AND_PUNCTUATION ||
           block == UBLOCK_HALFWIDTH_AND_FULLWIDTH_FORMS;
}

namespace {

// ICU's locale id for a BCP 47 tag ("zh-Hant-TW" -> "zh_Hant_TW"), empty when it is
// not one.
QByteArray icuLocale(QStringView tag) {
    const QByteArray ascii = tag.toLatin1();
    char locale[ULOC_FULLNAME_CAPACITY] = {};
    int32_t parsed = 0;
    UErrorCode status = U_ZERO_ERROR;
    uloc_forLanguageTag(ascii.constData(), locale, sizeof locale, &parsed, &status);
    if (U_FAILURE(status) || parsed != ascii.size())
        return {};
    return QByteArray(locale);
}

QString fromUChars(const UChar* text, int32_t length) {
    return QString(reinterpret_cast<const QChar*>(text), length);
}

} // namespace

namespace {

// The script of a BCP 47 tag: its own, else the language's likely one by CLDR
// ("zh" -> Hans, "ja" -> Jpan, "ko" -> Kore, "sr" -> Cyrl); empty for an invalid tag.
QByteArray likelyScript(QStringView tag) {
    const QByteArray locale = icuLocale(tag);
    if (locale.isEmpty())
        return {};
    char likely[ULOC_FULLNAME_CAPACITY] = {};
    UErrorCode status = U_ZERO_ERROR;
    uloc_addLikelySubtags(locale.constData(), likely, sizeof likely, &status);
    if (U_FAILURE(status))
        return {};
    char script[ULOC_SCRIPT_CAPACITY] = {};
    uloc_getScript(likely, script, sizeof script, &status);
    if (U_FAILURE(status))
        return {};
    return QByteArray(script);
}

} // namespace

bool isChineseLanguage(QStringView tag) {
    const QByteArray s = likelyScript(tag);
    // Simplified, traditional, or Han with bopomofo (Taiwan's annotation).
    return s == "Hani" || s == "Hans" || s == "Hant" || s == "Hanb";
}

bool isCjkLanguage(QStringView tag) {
    const QByteArray s = likelyScript(tag);
    // Hani, Hans, Hant (Chinese), Jpan (Han + kana), Kore (Han + hangul), and the
    // single scripts.
    return s == "Hani" || s == "Hans" || s == "Hant" || s == "Jpan" || s == "Kore" || s == "Hira" ||
           s == "Kana" || s == "Hang" || s == "Bopo";
}

char32_t codePointAt(QStringView text, qsizetype index) {
    if (index < 0 || index >= text.size())
        return 0;
    const QChar c = text[index];
    if (c.isHighSurrogate() && index + 1 < text.size() && text[index + 1].isLowSurrogate())
        return QChar::surrogateToUcs4(c, text[index + 1]);
    return c.unicode();
}

char32_t codePointBefore(QStringView text, qsizetype index) {
    if (index <= 0 || index > text.size())
        return 0;
    const QChar c = text[index - 1];
    if (c.isLowSurrogate() && index >= 2 && text[index - 2].isHighSurrogate())
        return QChar::surrogateToUcs4(text[index - 2], c);
    return c.unicode();
}

QStringView trimPunctuation(QStringView text) {
    qsizetype start = 0;
    qsizetype end = text.size();
    while (start < end) {
        const char32_t c = codePointAt(text, start);
        if (!u_ispunct(UChar32(c)))
            break;
        start += c > 0xFFFF ? 2 : 1;
    }
    while (end > start) {
        const char32_t c = codePointBefore(text, end);
        if (!u_ispunct(UChar32(c)))
            break;
        end -= c > 0xFFFF ? 2 : 1;
    }
    return text.mid(start, end - start);
}

QuotationMarks quotationMarks(QStringView languageTag) {
    QuotationMarks marks;
    const QByteArray locale = icuLocale(languageTag);
    if (locale.isEmpty())
        return marks;
    UErrorCode status = U_ZERO_ERROR;
    ULocaleData* data = ulocdata_open(locale.constData(), &status);
    if (U_FAILURE(status))
        return marks;
    const auto delimiter = [data](ULocaleDataDelimiterType type) {
        UChar buffer[8] = {};
        UErrorCode s = U_ZERO_ERROR;
        const int32_t length = ulocdata_getDelimiter(data, type, buffer, 8, &s);
        return U_SUCCESS(s) ? fromUChars(buffer, length) : QString();
    };
    marks.open = delimiter(ULOCDATA_QUOTATION_START);
    marks.close = delimiter(ULOCDATA_QUOTATION_END);
    marks.innerOpen = delimiter(ULOCDATA_ALT_QUOTATION_START);
    marks.innerClose = delimiter(ULOCDATA_ALT_QUOTATION_END);
    ulocdata_close(data);
    return marks;
}

QString withControlsEscaped(QStringView text, qsizetype maxLength) {
    QString shown;
    for (const QChar c : text.left(maxLength)) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            shown += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            shown += c;
    }
    if (text.size() > maxLength)
        shown += QChar(0x2026);
    return shown;
}

QByteArray collationKey(QStringView text) {
    // One collator per thread: ucol_getSortKey() must not share one across threads.
    struct Collator {
        UCollator* c = nullptr;
        Collator() {
            UErrorCode status = U_ZERO_ERROR;
            c = ucol_open("", &status);
            if (U_FAILURE(status)) {
                c = nullptr;
                return;
            }
            ucol_setAttribute(c, UCOL_NUMERIC_COLLATION, UCOL_ON, &status);
        }
        ~Collator() {
            if (c)
                ucol_close(c);
        }
    };
    thread_local const Collator collator;
    if (!collator.c || text.isEmpty())
        return {};
    const auto* chars = reinterpret_cast<const UChar*>(text.utf16());
    const auto length = int32_t(qMin<qsizetype>(text.size(), INT32_MAX));
    QByteArray key(qMax<qsizetype>(64, text.size() * 4), Qt::Uninitialized);
    int32_t needed = ucol_getSortKey(collator.c, chars, length,
                                     reinterpret_cast<uint8_t*>(key.data()), int32_t(key.size()));
    if (needed > key.size()) {
        key.resize(needed);
        needed = ucol_getSortKey(collator.c, chars, length, reinterpret_cast<uint8_t*>(key.data()),
                                 int32_t(key.size()));
    }
    // Without its final NUL byte, which adds nothing to a bytewise comparison.
    key.resize(qMax(0, needed - 1));
    return key;
}

} // namespace copydesk
