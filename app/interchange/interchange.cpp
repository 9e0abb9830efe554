#include "interchange/interchange.h"

#include "common/atomicfile.h"
#include "common/languagetag.h"
#include "import/inputfile.h"
#include "interchange/formats.h"
#include "interchange/frontmatter.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QHash>

#include <algorithm>

namespace copydesk {

namespace {

/// Article name for messages: its slug, else its title, else its id.
QString articleName(const Article& article) {
    if (!article.slug.isEmpty())
        return article.slug;
    const QString title = article.displayTitle();
    if (!title.isEmpty())
        return title;
    return article.id.toString(QUuid::WithoutBraces);
}

const QStringList& markdownExtensions() {
    static const QStringList extensions = MarkdownFormat().extensions();
    return extensions;
}

bool isMarkdownFile(const QString& path) {
    return markdownExtensions().contains(QFileInfo(path).suffix().toLower());
}

/// The file name without its extension and language ("index.fr.md" -> "index").
QString stemWithoutLanguage(const QString& fileName) {
    QString stem = QFileInfo(fileName).completeBaseName();
    if (!languageFromFileName(fileName).isEmpty())
        stem = stem.left(stem.lastIndexOf(QLatin1Char('.')));
    return stem;
}

/// Which page of a site `relativePath` (to siteRoot()) is, the same for its
/// translations: Hugo's translation by content folder ("fr/docs/x.md" and
/// "en/docs/x.md": "content:docs/x") or by file name ("docs/x.fr.md" and "docs/x.md",
/// the default language: "name:docs/x").
QString sitePageKey(const QString& relativePath) {
    const QStringList parts = relativePath.split(QLatin1Char('/'));
    const QString stem = stemWithoutLanguage(parts.last());
    if (parts.size() > 1 && languageFromFileName(parts.last()).isEmpty() &&
        !languageFromFileName(QStringLiteral("x.") + parts.front() + QStringLiteral(".md"))
             .isEmpty()) {
        QStringList rest = parts.mid(1);
        rest.last() = stem;
        return QStringLiteral("content:") + rest.join(QLatin1Char('/'));
    }
    QStringList rest = parts;
    rest.last() = stem;
    return QStringLiteral("name:") + rest.join(QLatin1Char('/'));
}

/// The article id of a site's page key: a name-based UUID, the same at every import.
QUuid idForSitePage(const QString& key) {
    static const QUuid ns = QUuid::fromString(u"{3b1f9d52-7c44-4e0a-b6e2-5d8c0f4a9e17}");
    return QUuid::createUuidV5(ns, key);
}

Result<QList<ImportedFile>> readOne(const FormatRegistry& formats, const FileFormat* forced,
                                    const QString& path, const QString& language, bool site) {
    const FileFormat* format =
        forced ? forced : formats.forFile(path, FileFormat::Capability::Read);
    if (site && (!forced || forced->id() == MarkdownFormat().id()) && isMarkdownFile(path)) {
        auto bytes = readImportFile(path);
        if (!bytes)
            return bytes.failure();
        FrontMatterOptions frontMatter;
        frontMatter.fallbackLanguage = language;
        frontMatter.site = true;
        auto file = parseFrontMatterFile(*bytes, path, frontMatter);
        if (!file)
            return file.failure();
        return QList<ImportedFile>{std::move(*file)};
    }
    if (!format) {
        return Error{fileError(path, QCoreApplication::translate(
                                         "Import", "unknown kind of file (expected %1)")
                                         .arg(formats.extensions(FileFormat::Capability::Read))),
                     ErrorKind::Unsupported};
    }
    auto bytes = readImportFile(path);
    if (!bytes)
        return bytes.failure();
    // One file may hold many articles (a WordPress export).
    auto files = format->readAll(*bytes, path, language);
    if (!files)
        return files;
    for (const ImportedFile& file : std::as_const(*files)) {
        const LanguageVersion& version = file.article.versions.front();
        if (version.body.trimmed().isEmpty() && version.title.trimmed().isEmpty() &&
            !file.hasFrontMatter) {
            // Emptied by the conversion (an image that was a file on the computer that
            // copied it): what it left out is why.
            QStringList why;
            const QString prefix = fileError(path, QString());
            for (const QString& notice : file.notices)
                why.append(notice.startsWith(prefix) ? notice.mid(prefix.size()) : notice);
            return Error{
                fileError(path,
                          why.isEmpty()
                              ? QCoreApplication::translate("Import",
                                                            "is empty; there is nothing to import")
                              : QCoreApplication::translate(
                                    "Import", "has nothing to import once this is left out: %1")
                                    .arg(why.join(QStringLiteral("; ")))),
                ErrorKind::InvalidInput};
        }
    }
    return files;
}

template <auto Field>
void copyField(Article& to, const Article& from) {
    to.*Field = from.*Field;
}

/// Copies the article-level field that front-matter key `key` sets (one of
/// frontMatterArticleKeys()); other keys copy nothing.
void copyArticleField(Article& to, const Article& from, const QString& key) {
    using Copy = void (*)(Article&, const Article&);
    static const QHash<QString, Copy> copies{
        {QStringLiteral("slug"), copyField<&Article::slug>},
        {QStringLiteral("status"), copyField<&Article::status>},
        {QStringLiteral("byline"), copyField<&Article::byline>},
        {QStringLiteral("dateline"), copyField<&Article::dateline>},
        {QStringLiteral("tags"), copyField<&Article::tags>},
        {QStringLiteral("categories"), copyField<&Article::categories>},
        {QStringLiteral("featuredImage"), copyField<&Article::featuredImage>},
        {QStringLiteral("sourceLanguage"), copyField<&Article::sourceLanguage>},
        {QStringLiteral("created"), copyField<&Article::created>},
        {QStringLiteral("updated"), copyField<&Article::updated>},
    };
    if (const Copy copy = copies.value(key))
        copy(to, from);
}

} // namespace

QString fileNameNotice(const QString& path, const QString& language) {
    const QStringList parts = QFileInfo(path).fileName().split(QLatin1Char('.'));
    // ".draft.md" is a hidden file, not a name with a suffix.
    if (parts.size() < 3 || parts.front().isEmpty() || !languageFromFileName(path).isEmpty())
        return {};
    return fileError(path, QCoreApplication::translate(
                               "Import", "\"%1\" before the extension is not a language tag, "
                                         "so it is part of the name; the file is read as %2")
                               .arg(parts.at(parts.size() - 2), language));
}

Result<QList<ImportedArticle>> readImportFiles(const QStringList& paths,
                                               const ImportOptions& options) {
    return readImportFiles(standardFormats(), paths, options);
}

Result<QList<ImportedArticle>> readImportFiles(const FormatRegistry& formats,
                                               const QStringList& paths,
                                               const ImportOptions& options) {
    const FileFormat* forced = nullptr;
    if (!options.format.isEmpty()) {
        forced = formats.byId(options.format, FileFormat::Capability::Read);
        if (!forced) {
            return Error{QCoreApplication::translate("Import", "unknown format '%1' (expected %2)")
                             .arg(options.format, formats.ids(FileFormat::Capability::Read)),
                         ErrorKind::InvalidInput};
        }
    }
    QString language = QStringLiteral("en");
    if (!options.language.isEmpty()) {
        auto canonical = canonicalLanguageTag(options.language);
        if (!canonical)
            return canonical.failure();
        language = *canonical;
    }
    const bool site = !options.siteRoot.isEmpty();
    const QDir root(options.siteRoot);
    QList<QString> order;
    QHash<QString, QList<std::pair<QString, ImportedFile>>> groups;
    QHash<QString, int> pagesByLanguage;
    for (const QString& path : paths) {
        auto read = readOne(formats, forced, path, language, site);
        if (!read)
            return read.failure();
        for (ImportedFile& file : *read) {
            if (site && read->size() == 1) {
                LanguageVersion& version = file.article.versions.front();
                version.sitePath = root.relativeFilePath(QFileInfo(path).absoluteFilePath());
                if (version.sitePath.startsWith(QLatin1String("../"))) {
                    return Error{
                        fileError(path, QCoreApplication::translate(
                                            "Import", "is not inside the site's folder %1")
                                            .arg(QDir::toNativeSeparators(options.siteRoot))),
                        ErrorKind::InvalidInput};
                }
                if (!file.groupKey.startsWith(QLatin1String("key:"))) {
                    file.groupKey = QStringLiteral("site:") + sitePageKey(version.sitePath);
                    file.article.id = idForSitePage(file.groupKey);
                }
                ++pagesByLanguage[version.language];
            }
            if (options.notice) {
                const QString notice = fileNameNotice(path, file.article.versions.front().language);
                // A file of many articles takes no language from its name.
                if (!notice.isEmpty() && read->size() == 1)
                    options.notice(notice);
                for (const QString& formatNotice : std::as_const(file.notices))
                    options.notice(formatNotice);
            }
            auto& group = groups[file.groupKey];
            const QString& language = file.article.versions.front().language;
            for (const auto& [otherPath, other] : group) {
                if (other.article.versions.front().language == language) {
                    return Error{
                        fileError(path, QCoreApplication::translate(
                                            "Import", "same article and language (%1) as %2")
                                            .arg(language, QDir::toNativeSeparators(otherPath))),
                        ErrorKind::Conflict};
                }
            }
            if (group.isEmpty())
                order.append(file.groupKey);
            group.append({path, std::move(file)});
        }
    }

    // A site's default language: the one asked for, else English where there is
    // English, else the language of most pages (the first of those, by tag, on a tie).
    QString siteLanguage;
    if (site) {
        if (!options.sourceLanguage.isEmpty()) {
            auto canonical = canonicalLanguageTag(options.sourceLanguage);
            if (!canonical)
                return canonical.failure();
            siteLanguage = *canonical;
        } else if (pagesByLanguage.contains(QStringLiteral("en"))) {
            siteLanguage = QStringLiteral("en");
        } else {
            QStringList languages = pagesByLanguage.keys();
            std::sort(languages.begin(), languages.end());
            for (const QString& l : std::as_const(languages)) {
                if (siteLanguage.isEmpty() ||
                    pagesByLanguage.value(l) > pagesByLanguage.value(siteLanguage))
                    siteLanguage = l;
            }
        }
    }

    QList<ImportedArticle> articles;
    for (const QString& key : order) {
        const auto& group = groups.value(key);
        // The source-language file carries the article's metadata; when the files
        // disagree, it is the one the translations were made from: the one its front
        // matter names, else the site's default language.
        qsizetype source = -1;
        for (qsizetype i = 0; i < group.size(); ++i) {
            const Article& a = group.at(i).second.article;
            if (!a.sourceLanguage.isEmpty() && a.versions.front().language == a.sourceLanguage) {
                source = i;
                break;
            }
        }
        bool siteSource = false;
        for (qsizetype i = 0; source < 0 && i < group.size(); ++i) {
            if (!siteLanguage.isEmpty() &&
                group.at(i).second.article.versions.front().language == siteLanguage) {
                source = i;
                siteSource = true;
            }
        }
        source = std::max<qsizetype>(source, 0);
        ImportedArticle imported;
        imported.siteSource = siteSource;
        imported.article = group.at(source).second.article;
        imported.articleKeys = group.at(source).second.keys;
        imported.article.versions.clear();
        for (const auto& [path, file] : group) {
            const LanguageVersion& version = file.article.versions.front();
            imported.article.versions.append(version);
            imported.files.append(path);
            if (file.keys.contains(QStringLiteral("tags")))
                imported.tagsByLanguage.insert(version.language, file.article.tags);
            if (file.keys.contains(QStringLiteral("categories")))
                imported.categoriesByLanguage.insert(version.language, file.article.categories);
            if (!file.bodyAsPasted.isEmpty())
                imported.bodiesAsPasted.insert(version.language, file.bodyAsPasted);
        }
        if (imported.article.sourceLanguage.isEmpty())
            imported.article.sourceLanguage =
                group.at(source).second.article.versions.front().language;
        // A version's own byline is kept where it is not the article's.
        for (LanguageVersion& version : imported.article.versions) {
            if (version.byline == imported.article.byline)
                version.byline.clear();
        }
        articles.append(std::move(imported));
    }
    return articles;
}

QString siteRoot(const QString& folder) {
    const QString path = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    const QStringList parts = path.split(QLatin1Char('/'));
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (parts.at(i) == u"content")
            return parts.mid(0, i + 1).join(QLatin1Char('/'));
    }
    if (parts.size() > 1 && parts.last().startsWith(QLatin1Char('_')))
        return parts.mid(0, parts.size() - 1).join(QLatin1Char('/'));
    return path;
}

Result<QStringList> siteFiles(const QString& folder) {
    const QFileInfo info(folder);
    if (!info.isDir() || !info.isReadable()) {
        return Error{fileError(folder, QCoreApplication::translate(
                                           "Import", "is not a folder that can be read")),
                     ErrorKind::NotFound};
    }
    QStringList files;
    // Symbolic links are not followed (a link out of the site would import what is
    // not part of it); hidden files (".git", editors' copies) are not pages.
    QDirIterator it(info.absoluteFilePath(), QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo file = it.fileInfo();
        if (file.isSymLink() || !file.isFile() || !isMarkdownFile(path))
            continue;
        const QString relative = QDir(info.absoluteFilePath()).relativeFilePath(path);
        if (relative.startsWith(QLatin1Char('.')) || relative.contains(QLatin1String("/.")))
            continue;
        files.append(path);
    }
    std::sort(files.begin(), files.end());
    if (files.isEmpty()) {
        return Error{
            fileError(folder, QCoreApplication::translate("Import", "holds no Markdown files (.%1)")
                                  .arg(markdownExtensions().join(QStringLiteral(", .")))),
            ErrorKind::InvalidInput};
    }
    return files;
}

Result<Article> importMarkdownFiles(const QStringList& paths) {
    ImportOptions options;
    options.format = MarkdownFormat().id();
    auto articles = readImportFiles(paths, options);
    if (!articles)
        return articles.failure();
    if (articles->isEmpty())
        return Error{QCoreApplication::translate("Import", "no files to import"),
                     ErrorKind::InvalidInput};
    if (articles->size() > 1) {
        return Error{fileError(articles->at(1).files.front(),
                               QCoreApplication::translate(
                                   "Import", "not a version of the same article as %1 (another "
                                             "translationKey)")
                                   .arg(QDir::toNativeSeparators(articles->front().files.front()))),
                     ErrorKind::InvalidInput};
    }
    return std::move(articles->front().article);
}

Article mergeImportedArticle(const Article& existing, const ImportedArticle& imported) {
    Article merged = existing;
    // The article's own fields (status, slug, byline...) come from its source version's
    // file: a translation's file imported again alone (a Hugo page with draft: true)
    // updates that translation, and does not turn the whole article back into a draft.
    const bool hasSource =
        existing.sourceLanguage.isEmpty() || imported.article.version(existing.sourceLanguage);
    if (hasSource) {
        for (const QString& key : imported.articleKeys)
            copyArticleField(merged, imported.article, key);
    }
    if (imported.siteSource)
        merged.sourceLanguage = imported.article.sourceLanguage;
    for (const LanguageVersion& version : imported.article.versions) {
        LanguageVersion* current = merged.version(version.language);
        if (!current) {
            merged.versions.append(version);
            continue;
        }
        // Files without dates keep the ones the library has.
        const QDateTime created = current->created;
        const QDateTime updated = current->updated;
        *current = version;
        if (!current->created.isValid())
            current->created = created;
        if (!current->updated.isValid())
            current->updated = updated;
    }
    return merged;
}

Result<QList<LanguageVersion>> selectVersions(const Article& article,
                                              const QStringList& languages) {
    if (languages.isEmpty())
        return article.versions;
    QList<LanguageVersion> versions;
    for (const QString& language : languages) {
        const LanguageVersion* version = article.version(language);
        if (!version) {
            QStringList have;
            for (const LanguageVersion& v : article.versions)
                have.append(v.language);
            return Error{
                QCoreApplication::translate("Export", "%1: no version in '%2' (the article has %3)")
                    .arg(articleName(article), language, have.join(QStringLiteral(", "))),
                ErrorKind::NotFound};
        }
        versions.append(*version);
    }
    return versions;
}

StagedArticleFiles::StagedArticleFiles(const QString& folder, QStringList createdFolders)
    : m_files(folder)
    , m_createdFolders(std::move(createdFolders)) {}

StagedArticleFiles::~StagedArticleFiles() {
    if (m_finished)
        return;
    m_files.revert();
    // Deepest first; a folder that is not empty (someone else wrote into it) stays.
    for (auto it = m_createdFolders.crbegin(); it != m_createdFolders.crend(); ++it)
        QDir().rmdir(*it);
}

Result<QStringList> StagedArticleFiles::place() {
    return m_files.place();
}

void StagedArticleFiles::finish() {
    m_files.finish();
    m_finished = true;
}

Result<std::unique_ptr<StagedArticleFiles>> stageArticleFiles(const FileFormat& format,
                                                              const Article& article,
                                                              const QString& folder,
                                                              const QStringList& languages) {
    if (!format.canWrite()) {
        return Error{QCoreApplication::translate("Export", "%1: %2 files cannot be written")
                         .arg(articleName(article), format.name()),
                     ErrorKind::Unsupported};
    }
    auto versions = selectVersions(article, languages);
    if (!versions)
        return versions.failure();
    const QFileInfo folderInfo(folder);
    if (folderInfo.exists() && !folderInfo.isDir())
        return Error{fileError(folder, QCoreApplication::translate("Export", "is not a folder")),
                     ErrorKind::InvalidInput};
    const QString root = folderInfo.absoluteFilePath();
    // The folders this export creates, outermost first: a failed export removes them.
    QStringList created;
    for (QString at = QDir::cleanPath(root); !QFileInfo::exists(at);) {
        created.prepend(at);
        const QString parent = QFileInfo(at).path();
        if (parent == at)
            break;
        at = parent;
    }
    if (!created.isEmpty() && !QDir().mkpath(folder)) {
        for (auto it = created.crbegin(); it != created.crend(); ++it)
            QDir().rmdir(*it);
        return Error{
            fileError(folder, QCoreApplication::translate("Export", "cannot create the folder")),
            ErrorKind::Io};
    }
    auto staged = std::make_unique<StagedArticleFiles>(folder, created);
    for (const LanguageVersion& version : *versions) {
        // The stored language becomes part of a file name: it must be a tag, whatever
        // wrote it into the library.
        if (auto tag = canonicalLanguageTag(version.language); !tag) {
            return Error{QCoreApplication::translate(
                             "Export", "%1: the version's language cannot name a file: %2")
                             .arg(articleName(article), tag.error()),
                         ErrorKind::InvalidInput};
        }
        const QString name = format.fileName(article, version);
        const QString path = QDir(folder).filePath(name);
        // Independently of how the name was built: one name, inside the folder.
        if (!isSafeFileName(name) ||
            QDir::cleanPath(QFileInfo(path).absolutePath()) != QDir::cleanPath(root)) {
            return Error{fileError(path, QCoreApplication::translate(
                                             "Export", "would be written outside %1; refused")
                                             .arg(QDir::toNativeSeparators(folder))),
                         ErrorKind::InvalidInput};
        }
        auto bytes = format.write(article, version);
        if (!bytes)
            return bytes.failure();
        if (auto added = staged->files().add(name, *bytes); !added)
            return added.failure();
    }
    return staged;
}

Result<QStringList> writeArticleFiles(const FileFormat& format, const Article& article,
                                      const QString& folder, const QStringList& languages) {
    auto staged = stageArticleFiles(format, article, folder, languages);
    if (!staged)
        return staged.failure();
    auto placed = (*staged)->place();
    if (placed)
        (*staged)->finish();
    return placed;
}

Result<QStringList> writeFrontMatterFolder(const Article& article, const QString& folder,
                                           const QStringList& languages) {
    return writeArticleFiles(MarkdownFormat(), article, folder, languages);
}

} // namespace copydesk
