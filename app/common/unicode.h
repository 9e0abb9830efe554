#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

// Character classes by ICU's script and block data, one definition for every module:
// word counts and reading time, the word index of search, joining pasted lines,
// and the checks. Code points, not UTF-16 units, so that the CJK extension planes
// (U+20000 and up, e.g. the surname 𠮷) are classed like the rest.
namespace copydesk {

/// The East Asian scripts that text handling treats apart, by the code point's
/// Unicode script (uscript_getScript). Characters of the Common script (punctuation,
/// digits, full-width forms) are None.
enum class CjkScript { None, Han, Kana, Bopomofo, Hangul };

CjkScript cjkScript(char32_t c);

/// Han (all extension blocks), hiragana, katakana, bopomofo or hangul.
inline bool isCjk(char32_t c) {
    return cjkScript(c) != CjkScript::None;
}

/// Han or kana: Chinese and Japanese, read and counted character by character
/// (Korean separates its words by spaces).
inline bool isHanOrKana(char32_t c) {
    const CjkScript s = cjkScript(c);
    return s == CjkScript::Han || s == CjkScript::Kana;
}

/// Scripts that put no space between words (Han, kana, bopomofo, Thai, Lao, Khmer,
/// Myanmar), and the CJK punctuation and full-width forms written with them.
bool isWrittenWithoutSpaces(char32_t c);

/// Whether the language of a BCP 47 tag is written in Chinese characters, kana or
/// hangul: its script, or the likely script of the language by CLDR (zh, ja, ko,
/// yue, zh-Hant; not zh-Latn).
bool isCjkLanguage(QStringView tag);

/// Whether the language of a BCP 47 tag is written in Chinese characters alone: its
/// script, or the likely script of the language by CLDR, is Han (zh, zh-Hant, yue,
/// wuu; not ja, ko or zh-Latn). Japanese and Korean mix Han with kana or hangul and
/// have punctuation rules of their own.
bool isChineseLanguage(QStringView tag);

/// The code point that starts at `index` (a whole surrogate pair), or 0 out of range.
char32_t codePointAt(QStringView text, qsizetype index);
/// The code point that ends just before `index`, or 0 at the start.
char32_t codePointBefore(QStringView text, qsizetype index);

/// `text` without the punctuation at its start and end: code points of the Unicode
/// general categories P* (ICU's u_ispunct: . , ; - ' " « » ¿ * # …), not symbols
/// (emoji, currency, math signs), letters or digits.
QStringView trimPunctuation(QStringView text);

/// The quotation marks of a language by CLDR: the usual pair and the pair used
/// inside it (English “…” and ‘…’, French «…» and «…», German „…“ and ‚…‘, Russian
/// «…» and „…“, Chinese “…” and ‘…’, Japanese 「…」 and 『…』). Languages without
/// data of their own get CLDR's root (“…” and ‘…’); all empty for an invalid tag.
struct QuotationMarks final {
    QString open;
    QString close;
    QString innerOpen;
    QString innerClose;
};
QuotationMarks quotationMarks(QStringView languageTag);

/// The ICU sort key of `text` under CLDR's root collation with numeric ordering: keys
/// compare bytewise (memcmp, SQLite's BLOB order) as the texts collate, so that an
/// index can sort titles in every script at once ("École" beside "ecole", before
/// "Zurich"; "Item 2" before "Item 10"; case only breaks ties). Root, not the
/// interface's locale: a key stored in the library must not change with the reader.
QByteArray collationKey(QStringView text);

/// `text` for a message: control and invisible format characters written as \uXXXX,
/// so that an escape sequence or a bidi override quoted from a file cannot act on the
/// terminal or the dialog; cut with "…" after `maxLength` characters.
QString withControlsEscaped(QStringView text, qsizetype maxLength);

} // namespace copydesk
