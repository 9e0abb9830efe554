#include "import/textformats.h"

#include "import/htmlimport.h"
#include "import/inputfile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QLocale>

namespace copydesk {

namespace {

/// The language the script of `text` tells, where `fallback` is written in another
/// script: Arabic (Persian and Urdu by the letters only they use), Cyrillic (Ukrainian,
/// Belarusian and Serbian likewise, else Russian), Hangul, kana (Japanese) or Han alone
/// (Chinese, simplified or traditional by the characters that differ). Nothing for Latin
/// text, which could be any of many languages, or when no script has 40% of the letters,
/// a Chinese, Japanese or Korean character counting as three (a word's worth: brand names
/// in Latin letters do not make a Chinese story English).
std::optional<QString> languageOfScript(const QString& text, const QString& fallback) {
    enum Kind { Other, Arabic, Cyrillic, Hangul, Kana, Han, KindCount };
    int counts[KindCount] = {};
    int weighted = 0;
    // Characters written one way in simplified Chinese and another in traditional.
    static const QString simplified =
        QStringLiteral("们国这个来说时会对为学与经发过后种开关门问间"
                       "长东车马书见电话语读记议点实业区战还进边将条总"
                       "应员题当");
    static const QString traditional =
        QStringLiteral("們國這個來說時會對為學與經發過後種開關門問間"
                       "長東車馬書見電話語讀記議點實業區戰還進邊將條總"
                       "應員題當");
    // Letters of one language among those sharing a script.
    static const QList<std::pair<QString, QString>> distinct{
        {QStringLiteral("ur"), QStringLiteral("ےںٹڈڑ")},
        {QStringLiteral("fa"), QStringLiteral("پچژگکی")},
        {QStringLiteral("uk"), QStringLiteral("іїєґІЇЄҐ")},
        {QStringLiteral("be"), QStringLiteral("ўЎ")},
        {QStringLiteral("sr"), QStringLiteral("ђћџљњјЂЋЏЉЊЈ")},
    };
    QHash<QString, int> marks;
    int hans = 0;
    int hant = 0;
    for (qsizetype i = 0; i < text.size() && weighted < 15000; ++i) {
        const char32_t c = text.at(i).isHighSurrogate() && i + 1 < text.size()
                               ? QChar::surrogateToUcs4(text.at(i), text.at(i + 1))
                               : text.at(i).unicode();
        if (c > 0xFFFF)
            ++i;
        if (!QChar::isLetter(c))
            continue;
        Kind kind = Other;
        switch (QChar::script(c)) {
        case QChar::Script_Arabic:
            kind = Arabic;
            break;
        case QChar::Script_Cyrillic:
            kind = Cyrillic;
            break;
        case QChar::Script_Hangul:
            kind = Hangul;
            break;
        case QChar::Script_Hiragana:
        case QChar::Script_Katakana:
            kind = Kana;
            break;
        case QChar::Script_Han:
            kind = Han;
            hans += simplified.contains(QChar(c)) ? 1 : 0;
            hant += traditional.contains(QChar(c)) ? 1 : 0;
            break;
        default:
            break;
        }
        const int weight = kind == Hangul || kind == Kana || kind == Han ? 3 : 1;
        counts[kind] += weight;
        weighted += weight;
        if (kind == Arabic || kind == Cyrillic) {
            for (const auto& [language, letters] : distinct) {
                if (c <= 0xFFFF && letters.contains(QChar(c)))
                    ++marks[language];
            }
        }
    }
    auto most = [&](int n) { return 10 * n >= 4 * weighted && n > 0; };
    auto byLetters = [&](std::initializer_list<const char*> languages, const char* otherwise) {
        for (const char* language : languages) {
            if (marks.value(QLatin1String(language)) > 0)
                return QString::fromLatin1(language);
        }
        return QString::fromLatin1(otherwise);
    };
    const QLocale::Script written = QLocale(fallback).script();
    const bool writtenInHan = written == QLocale::SimplifiedHanScript ||
                              written == QLocale::TraditionalHanScript ||
                              written == QLocale::HanScript || written == QLocale::JapaneseScript ||
                              written == QLocale::KoreanScript;
    if (most(counts[Arabic]) && written != QLocale::ArabicScript)
        return byLetters({"ur", "fa"}, "ar");
    if (most(counts[Cyrillic]) && written != QLocale::CyrillicScript)
        return byLetters({"uk", "be", "sr"}, "ru");
    if (most(counts[Hangul]) && written != QLocale::KoreanScript &&
        written != QLocale::HangulScript)
        return QStringLiteral("ko");
    if (most(counts[Kana] + counts[Han]) && counts[Kana] > 0 && written != QLocale::JapaneseScript)
        return QStringLiteral("ja");
    if (most(counts[Han]) && counts[Kana] == 0 && !writtenInHan)
        return hant > hans   ? QStringLiteral("zh-Hant")
               : hans > hant ? QStringLiteral("zh-Hans")
                             : QStringLiteral("zh");
    return std::nullopt;
}

} // namespace

ImportedFile importedFromConverted(const ConvertedDocument& doc, const QString& path,
                                   const QString& fallbackLanguage) {
    ImportedFile file;
    LanguageVersion version;
    // A document with no title is named after its file; an empty one stays empty
    // so that the import can refuse it.
    version.title = doc.title.isEmpty() && !doc.body.trimmed().isEmpty()
                        ? baseNameWithoutLanguage(path)
                        : doc.title;
    version.body = doc.body;
    version.summary = doc.summary;
    const QString fromName = languageFromFileName(path);
    version.language = !fromName.isEmpty()       ? fromName
                       : !doc.language.isEmpty() ? doc.language
                                                 : fallbackLanguage;
    // Text that says nothing of its language, in a script the fallback is not written
    // in: an Arabic page pasted on an English desk is Arabic.
    if (fromName.isEmpty() && doc.language.isEmpty()) {
        if (const auto script = languageOfScript(doc.title + u'\n' + doc.body, fallbackLanguage)) {
            version.language = *script;
            file.notices.append(fileError(
                path, QCoreApplication::translate(
                          "Import", "read as %1 by its script (name the language to choose "
                                    "another)")
                          .arg(*script)));
        }
    }
    if (!doc.invalidLanguage.isEmpty()) {
        // On one line and short: the value comes from the file.
        QString shown = doc.invalidLanguage.simplified();
        if (shown.size() > 40)
            shown = shown.first(40) + QChar(0x2026);
        file.notices.append(fileError(
            path, QCoreApplication::translate(
                      "Import", "lang \"%1\" is not a language tag; the article is read as %2")
                      .arg(shown, version.language)));
    }
    for (const QString& notice : doc.notices)
        file.notices.append(fileError(path, notice));
    file.bodyAsPasted = doc.asPasted;
    file.article.byline = doc.byline;
    file.article.dateline.date = doc.date;
    file.article.sourceLanguage = version.language;
    file.article.versions.append(version);
    const QFileInfo info(path);
    file.groupKey = fromName.isEmpty() ? QStringLiteral("path:") + info.absoluteFilePath()
                                       : QStringLiteral("name:") + info.absolutePath() +
                                             QLatin1Char('/') + baseNameWithoutLanguage(path);
    return file;
}

PlainTextFormat::PlainTextFormat(QStringList chrome)
    : m_chrome(std::move(chrome)) {}

QString PlainTextFormat::id() const {
    return QStringLiteral("txt");
}

QStringList PlainTextFormat::aliases() const {
    return {QStringLiteral("text")};
}

QString PlainTextFormat::name() const {
    return QCoreApplication::translate("FileFormat", "Plain text");
}

QStringList PlainTextFormat::extensions() const {
    return {QStringLiteral("txt"), QStringLiteral("text")};
}

FileFormat::Capabilities PlainTextFormat::capabilities() const {
    return Capability::Read;
}

Result<ImportedFile> PlainTextFormat::read(const QByteArray& bytes, const QString& path,
                                           const QString& fallbackLanguage) const {
    if (auto size = checkTextSize(bytes.size(), path); !size)
        return size.failure();
    auto text = decodeUtf8File(bytes, path);
    if (!text)
        return text.failure();
    PlainTextOptions options;
    options.chrome = m_chrome;
    return importedFromConverted(plainTextToMarkdown(*text, options), path, fallbackLanguage);
}

QString HtmlFormat::id() const {
    return QStringLiteral("html");
}

QStringList HtmlFormat::aliases() const {
    return {QStringLiteral("htm")};
}

QString HtmlFormat::name() const {
    return QCoreApplication::translate("FileFormat", "HTML");
}

QStringList HtmlFormat::extensions() const {
    return {QStringLiteral("html"), QStringLiteral("htm"), QStringLiteral("xhtml")};
}

FileFormat::Capabilities HtmlFormat::capabilities() const {
    return Capability::Read;
}

Result<ImportedFile> HtmlFormat::read(const QByteArray& bytes, const QString& path,
                                      const QString& fallbackLanguage) const {
    auto doc = htmlToMarkdown(bytes, path);
    if (!doc)
        return doc.failure();
    return importedFromConverted(*doc, path, fallbackLanguage);
}

} // namespace copydesk
