#pragma once

#include "article/article.h"
#include "common/result.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

/// Import of Markdown (with or without front matter), plain-text and HTML files,
/// into articles and into the library; export of articles as front-matter Markdown
/// files. The file formats themselves live in frontmatter.h, plaintextimport.h and
/// htmlimport.h.
namespace copydesk {

class Library;

enum class ImportFormat { Auto, Markdown, PlainText, Html };

/// "md", "txt", "html" (and "markdown", "text", "htm"), as the CLI's --format takes.
std::optional<ImportFormat> importFormatFromId(QStringView id);
/// The format of `path` by its extension (.md .markdown .txt .text .html .htm .xhtml).
std::optional<ImportFormat> importFormatOfFile(const QString& path);

struct ImportOptions final {
    ImportFormat format = ImportFormat::Auto; ///< Auto: by each file's extension
    /// Language of files that do not name one (in front matter, <html lang> or a
    /// "name.LANG.ext" file name); "en" when empty.
    QString language;
};

/// One article assembled from one or more files.
struct ImportedArticle final {
    Article article;
    QStringList files;
    /// The article-level front-matter keys the files set (see frontMatterArticleKeys());
    /// what an import may change in an article that is already in the library.
    QSet<QString> articleKeys;
};

/// Reads and converts `paths`. Markdown files with the same translationKey (or, with
/// none, Hugo-style names "x.en.md", "x.fr.md" in one folder) become one article
/// with several versions, in the order given; article-level metadata comes from the
/// source-language file. Every other file is an article of its own. Nothing is
/// returned unless every file could be read: the first problem is the error.
Result<QList<ImportedArticle>> readImportFiles(const QStringList& paths,
                                               const ImportOptions& options = {});

/// The Markdown files `paths` as one article; an error when they hold several.
Result<Article> importMarkdownFiles(const QStringList& paths);

/// `existing` with the versions of `imported` added or replaced (by language) and the
/// article-level fields the import set.
Article mergeImportedArticle(const Article& existing, const ImportedArticle& imported);

/// Imports `paths` into `library`, each article through Library::save() with
/// RevisionKind::Import. An article whose id (translationKey) is already in the
/// library gets the imported versions added or updated; slugs are made unique.
/// All files are read and converted before the first save, so that a bad file
/// leaves the library unchanged. Returns the ids of the articles, in order.
Result<QList<QUuid>> importIntoLibrary(Library& library, const QStringList& paths,
                                       const ImportOptions& options = {});

/// Writes one front-matter Markdown file per version of `article` (or only those in
/// `languages`) into `folder`, created when missing, named by frontMatterFileName().
/// Returns the paths written.
Result<QStringList> writeFrontMatterFolder(const Article& article, const QString& folder,
                                           const QStringList& languages = {});

/// writeFrontMatterFolder(), then an Export revision in `library`.
Result<QStringList> exportArticleToFolder(Library& library, Article& article, const QString& folder,
                                          const QStringList& languages = {});

/// The versions of `article` in `languages` (all when empty), or an error naming the
/// article and the missing language.
Result<QList<LanguageVersion>> selectVersions(const Article& article, const QStringList& languages);

} // namespace copydesk
