#pragma once

#include "article/article.h"
#include "common/result.h"
#include "import/fileformat.h"

#include <QByteArray>
#include <QSet>
#include <QString>

/// Markdown files with YAML front matter: the interchange format for Hugo, Jekyll and
/// anything else that reads a folder of Markdown files. One file holds one language
/// version; the files of one article share a `translationKey` (the article's UUID).
///
/// Keys written, Hugo/Jekyll's own first:
///   title, date (version created), lastmod (version updated), slug, lang,
///   translationKey, draft (true unless the article is published), summary, tags,
///   categories;
/// then Copydesk's, so that a round trip loses nothing:
///   status, versionStatus, byline, dateline {place, date}, featuredImage,
///   sourceLanguage, seoTitle, seoDescription, created, updated (the article's),
///   translatedFrom, sourceRevision, sourceFingerprints.
/// Read as well: description (for summary), language, last_modified_at, author,
/// category, image / featured_image.
namespace copydesk {

/// The file for one language version: "---", the YAML front matter, "---", the
/// Markdown body exactly as stored.
QByteArray toFrontMatterMarkdown(const Article& article, const LanguageVersion& version);

/// "<slug>.<lang>.md" (Hugo's translation-by-file-name convention); the article id
/// stands in for a missing slug. Always one file name: "/", "\\", control characters
/// and a leading "." are replaced, and the language is its canonical tag (or, when the
/// stored one is not a valid tag, only its letters, digits and "-").
QString frontMatterFileName(const Article& article, const LanguageVersion& version);

/// One parsed front-matter file, with what an import needs beyond the Article.
using FrontMatterFile = ImportedFile;

/// How parseFrontMatterFile() reads a file.
struct FrontMatterOptions final {
    /// The language when neither front matter nor file name names one.
    QString fallbackLanguage;
    /// A page of a site (an import of a folder): the front matter is kept as written
    /// (LanguageVersion::siteFrontMatter); a value that does not fit what Copydesk
    /// makes of its key ("status: Completed", a date in a form Copydesk does not
    /// read) is the site's own and is left in it instead of refusing the file; a page
    /// without front matter keeps its body whole, and its title is its first heading
    /// or its first line.
    bool site = false;
};

/// Parses one file (`fileName` is used in messages and supplies the language and
/// slug when the front matter does not). Front matter is YAML between "---" lines,
/// TOML between "+++" lines or a JSON object, its keys read regardless of case. A
/// file without front matter is all body, its first "# " heading the title (taken
/// out of the body, except for a page of a site). Without a date, a Jekyll post's
/// file name ("2014-05-06-title.md") gives it.
Result<FrontMatterFile> parseFrontMatterFile(const QByteArray& bytes, const QString& fileName,
                                             const FrontMatterOptions& options);
/// parseFrontMatterFile() with `fallbackLanguage`, not as a page of a site.
Result<FrontMatterFile> parseFrontMatterFile(const QByteArray& bytes, const QString& fileName,
                                             const QString& fallbackLanguage = {});

/// parseFrontMatterFile() for callers that want only the article (one version).
Result<Article> parseFrontMatterMarkdown(const QByteArray& bytes, const QString& fileName);

/// The article-level keys that parseFrontMatterFile() reports in `keys`.
QStringList frontMatterArticleKeys();

} // namespace copydesk
