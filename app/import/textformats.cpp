#include "import/textformats.h"

#include "import/htmlimport.h"
#include "import/inputfile.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace copydesk {

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
