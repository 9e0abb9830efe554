#pragma once

#include "import/fileformat.h"

namespace copydesk {

/// Markdown files with YAML front matter (frontmatter.h): read (with or without front
/// matter) and written, one file per language version, named "<slug>.<lang>.md".
class MarkdownFormat final : public FileFormat {
public:
    QString id() const override;
    QStringList aliases() const override;
    QString name() const override;
    QStringList extensions() const override;
    Capabilities capabilities() const override;
    Result<ImportedFile> read(const QByteArray& bytes, const QString& path,
                              const QString& fallbackLanguage) const override;
    Result<QByteArray> write(const Article& article, const LanguageVersion& version) const override;
    QString fileName(const Article& article, const LanguageVersion& version) const override;
};

/// The formats Copydesk knows: Markdown with front matter, plain text, HTML. Built by
/// whoever imports or exports (the CLI, the GUI) and passed on; a new format is one
/// more add() here.
/// `webChrome`: the lines of web and e-mail chrome the plain-text format leaves out
/// before a pasted page's headline (PlainTextOptions::chrome; the library's boilerplate
/// list).
FormatRegistry standardFormats(const QStringList& webChrome = {});

} // namespace copydesk
