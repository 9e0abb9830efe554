#include "interchange/formats.h"

#include "import/textformats.h"
#include "import/wxrformat.h"
#include "interchange/frontmatter.h"

#include <QCoreApplication>

namespace copydesk {

QString MarkdownFormat::id() const {
    return QStringLiteral("md");
}

QStringList MarkdownFormat::aliases() const {
    return {QStringLiteral("markdown")};
}

QString MarkdownFormat::name() const {
    return QCoreApplication::translate("FileFormat", "Markdown with front matter");
}

QStringList MarkdownFormat::extensions() const {
    return {QStringLiteral("md"), QStringLiteral("markdown"), QStringLiteral("mdown"),
            QStringLiteral("mkd")};
}

FileFormat::Capabilities MarkdownFormat::capabilities() const {
    return Capability::Read | Capability::Write;
}

Result<ImportedFile> MarkdownFormat::read(const QByteArray& bytes, const QString& path,
                                          const QString& fallbackLanguage) const {
    return parseFrontMatterFile(bytes, path, fallbackLanguage);
}

Result<QByteArray> MarkdownFormat::write(const Article& article,
                                         const LanguageVersion& version) const {
    return toFrontMatterMarkdown(article, version);
}

QString MarkdownFormat::fileName(const Article& article, const LanguageVersion& version) const {
    return frontMatterFileName(article, version);
}

FormatRegistry standardFormats(const QStringList& webChrome) {
    FormatRegistry formats;
    formats.add(std::make_unique<MarkdownFormat>());
    formats.add(std::make_unique<PlainTextFormat>(webChrome));
    formats.add(std::make_unique<HtmlFormat>());
    formats.add(std::make_unique<WxrFormat>());
    return formats;
}

} // namespace copydesk
