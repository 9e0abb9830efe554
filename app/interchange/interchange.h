#pragma once

#include "article/article.h"
#include "common/atomicfile.h"
#include "common/result.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <functional>
#include <memory>

/// Import of Markdown (with or without front matter), plain-text and HTML files,
/// into articles and into the library; export of articles as front-matter Markdown
/// files. The file formats themselves live in frontmatter.h, plaintextimport.h and
/// htmlimport.h.
namespace copydesk {

class FileFormat;
class FormatRegistry;
class Library;

struct ImportOptions final {
    /// The id of the format to read every file as ("md", "txt", "html": see
    /// FormatRegistry::byId()); empty: by each file's extension.
    QString format;
    /// Language of files that do not name one (in front matter, <html lang> or a
    /// "name.LANG.ext" file name); "en" when empty. Must be a valid language tag.
    QString language;
    /// Called with each notice of the import: one translated line naming the file and
    /// what was read otherwise than its name may suggest (see fileNameNotice()), or
    /// that a page imported again is unchanged.
    std::function<void(const QString&)> notice;
    /// An import of a site (siteFiles() of a folder): the folder the pages' paths are
    /// kept relative to (siteRoot()). Each Markdown file is then read as a page of
    /// the site (FrontMatterOptions::site) and keeps its path and front matter as
    /// written (LanguageVersion::sitePath), and the article it belongs to follows from
    /// its place in the site (or its translationKey), so that the same site imported
    /// again, or one language after another, updates the same articles. Slugs are
    /// made unique without refusing two pages of the same name in different folders.
    QString siteRoot;
    /// With siteRoot: the site's default language, the source language of every
    /// article that has a version in it. Empty: en where a page is in English, else
    /// the language most pages are in.
    QString sourceLanguage;
};

/// The folder a site's pages are kept relative to, for an import of `folder`: the
/// outermost folder named "content" that holds it (Hugo's content folder; its
/// language folders "content/fr/" are part of the pages' paths), else the folder
/// above a Jekyll collection ("_posts", "_docs"), else `folder` itself.
QString siteRoot(const QString& folder);

/// Every Markdown file (.md, .markdown, .mdown, .mkd) below `folder`, sorted by path;
/// hidden files and folders and symbolic links are left out. An error when `folder`
/// cannot be read or holds none.
Result<QStringList> siteFiles(const QString& folder);

/// The notice for a file named "name.X.ext" whose X is not a language tag (Hugo's
/// "post.fr.md" convention): X stays part of the name, as Hugo has it for a language
/// it does not know, and the file is read as `language`. Empty for other names.
QString fileNameNotice(const QString& path, const QString& language);

/// One article assembled from one or more files.
struct ImportedArticle final {
    Article article;
    QStringList files;
    /// The article-level front-matter keys the files set (see frontMatterArticleKeys());
    /// what an import may change in an article that is already in the library.
    QSet<QString> articleKeys;
    /// The tags and categories each version's file gives, as written (language ->
    /// list), for the labels of the article's terms in each language.
    QHash<QString, QStringList> tagsByLanguage;
    QHash<QString, QStringList> categoriesByLanguage;
    /// The source language is the site's default language (ImportOptions): it becomes
    /// the source of an article already in the library too (imported one language
    /// after another, the first one imported is not the source).
    bool siteSource = false;
    /// Per language, the body as pasted (ImportedFile::bodyAsPasted) of the versions
    /// that have one.
    QHash<QString, QString> bodiesAsPasted;
};

/// Reads and converts `paths`. Markdown files with the same translationKey (or, with
/// none, Hugo-style names "x.en.md", "x.fr.md" in one folder) become one article
/// with several versions, in the order given; article-level metadata comes from the
/// source-language file. Every other file is an article of its own. Nothing is
/// returned unless every file could be read: the first problem is the error.
Result<QList<ImportedArticle>> readImportFiles(const QStringList& paths,
                                               const ImportOptions& options = {});
/// readImportFiles() with the formats of `formats` (the others use standardFormats()).
Result<QList<ImportedArticle>> readImportFiles(const FormatRegistry& formats,
                                               const QStringList& paths,
                                               const ImportOptions& options = {});

/// The Markdown files `paths` as one article; an error when they hold several.
Result<Article> importMarkdownFiles(const QStringList& paths);

/// `existing` with the versions of `imported` added or replaced (by language) and the
/// article-level fields the import set.
Article mergeImportedArticle(const Article& existing, const ImportedArticle& imported);

/// Imports `paths` into `library` as one transaction: every article is saved with
/// RevisionKind::Import, or none is (the error names the file that failed and says
/// that nothing was imported). An article whose id (translationKey) is already in the
/// library gets the imported versions added or updated; a slug taken by an article in
/// the library is made unique, two files of this import that want one slug are an
/// error. Returns the ids of the articles, in order.
Result<QList<QUuid>> importIntoLibrary(Library& library, const QStringList& paths,
                                       const ImportOptions& options = {});
/// importIntoLibrary() with the formats of `formats`.
Result<QList<QUuid>> importIntoLibrary(Library& library, const FormatRegistry& formats,
                                       const QStringList& paths, const ImportOptions& options = {});

/// Writes one file per version of `article` (or only those in `languages`) in
/// `format` into `folder`, created when missing, all or nothing (AtomicFileSet): a
/// failure leaves no file written and no file replaced. File names are built from the
/// slug and the canonical language tag and checked to stay inside `folder`; a version
/// whose stored language is not a valid tag is refused. Returns the paths written.
Result<QStringList> writeArticleFiles(const FileFormat& format, const Article& article,
                                      const QString& folder, const QStringList& languages = {});

/// The files of an export, written under temporary names in their folder and flushed
/// (see AtomicFileSet), not yet in place. place() renames them into place, keeping
/// the files they replace; finish() makes that final. Destroyed before finish(), it
/// leaves the folder as it found it: the new files are removed, the replaced ones put
/// back, and the folders the export created (when empty) removed.
class StagedArticleFiles final {
public:
    StagedArticleFiles(const QString& folder, QStringList createdFolders);
    ~StagedArticleFiles();
    StagedArticleFiles(const StagedArticleFiles&) = delete;
    StagedArticleFiles& operator=(const StagedArticleFiles&) = delete;

    AtomicFileSet& files() { return m_files; }
    Result<QStringList> place();
    void finish();

private:
    AtomicFileSet m_files;
    QStringList m_createdFolders;
    bool m_finished = false;
};

/// The first half of writeArticleFiles(): every file written under a temporary name,
/// nothing in place yet.
Result<std::unique_ptr<StagedArticleFiles>> stageArticleFiles(const FileFormat& format,
                                                              const Article& article,
                                                              const QString& folder,
                                                              const QStringList& languages = {});

/// writeArticleFiles() in the front-matter Markdown format.
Result<QStringList> writeFrontMatterFolder(const Article& article, const QString& folder,
                                           const QStringList& languages = {});

/// writeArticleFiles() and an Export revision in `library`, all or nothing: the files
/// are written under temporary names first, the revision is recorded in a
/// transaction, and the files are put in place before it commits; when the revision
/// or the commit fails, the folder is left as it was, and when a file fails, no
/// revision is recorded.
Result<QStringList> exportArticleToFolder(Library& library, Article& article, const QString& folder,
                                          const QStringList& languages = {});
Result<QStringList> exportArticleToFolder(Library& library, const FileFormat& format,
                                          Article& article, const QString& folder,
                                          const QStringList& languages = {});

/// The versions of `article` in `languages` (all when empty), or an error naming the
/// article and the missing language.
Result<QList<LanguageVersion>> selectVersions(const Article& article, const QStringList& languages);

} // namespace copydesk
