#pragma once

#include "import/fileformat.h"
#include "import/plaintextimport.h"

namespace copydesk {

/// A converted plain-text or HTML document as a file of one version: the language from
/// a "name.LANG.ext" file name, else the document's own, else `fallbackLanguage`; the
/// title from the document, else the file name (unless the document is empty). Files
/// named "x.en.txt" and "x.fr.txt" in one folder are versions of one article.
ImportedFile importedFromConverted(const ConvertedDocument& doc, const QString& path,
                                   const QString& fallbackLanguage);

/// Plain text as pasted from e-mails and web pages (.txt), UTF-8, see
/// plainTextToMarkdown(). Read only.
class PlainTextFormat final : public FileFormat {
public:
    /// `chrome`: the lines of web and e-mail chrome (PlainTextOptions::chrome).
    explicit PlainTextFormat(QStringList chrome = {});

    QString id() const override;
    QStringList aliases() const override;
    QString name() const override;
    QStringList extensions() const override;
    Capabilities capabilities() const override;
    Result<ImportedFile> read(const QByteArray& bytes, const QString& path,
                              const QString& fallbackLanguage) const override;

private:
    QStringList m_chrome;
};

/// Web pages and Word's HTML (.html, .htm, .xhtml), see htmlToMarkdown(). Read only.
class HtmlFormat final : public FileFormat {
public:
    QString id() const override;
    QStringList aliases() const override;
    QString name() const override;
    QStringList extensions() const override;
    Capabilities capabilities() const override;
    Result<ImportedFile> read(const QByteArray& bytes, const QString& path,
                              const QString& fallbackLanguage) const override;
};

} // namespace copydesk
