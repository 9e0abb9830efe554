#include "interchange/interchange.h"

#include "common/atomicfile.h"
#include "common/languagetag.h"
#include "import/inputfile.h"
#include "interchange/formats.h"
#include "interchange/frontmatter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>

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

Result<QList<ImportedFile>> readOne(const FormatRegistry& formats, const FileFormat* forced,
                                    const QString& path, const QString& language) {
    const FileFormat* format =
        forced ? forced : formats.forFile(path, FileFormat::Capability::Read);
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
            return Error{fileError(path, QCoreApplication::translate(
                                             "Import", "is empty; there is nothing to import")),
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
    QList<QString> order;
    QHash<QString, QList<std::pair<QString, ImportedFile>>> groups;
    for (const QString& path : paths) {
        auto read = readOne(formats, forced, path, language);
        if (!read)
            return read.failure();
        for (ImportedFile& file : *read) {
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

    QList<ImportedArticle> articles;
    for (const QString& key : order) {
        const auto& group = groups.value(key);
        // The source-language file carries the article's metadata; when the files
        // disagree, it is the one the translations were made from.
        qsizetype source = 0;
        for (qsizetype i = 0; i < group.size(); ++i) {
            const Article& a = group.at(i).second.article;
            if (!a.sourceLanguage.isEmpty() && a.versions.front().language == a.sourceLanguage) {
                source = i;
                break;
            }
        }
        ImportedArticle imported;
        imported.article = group.at(source).second.article;
        imported.articleKeys = group.at(source).second.keys;
        imported.article.versions.clear();
        for (const auto& [path, file] : group) {
            imported.article.versions.append(file.article.versions.front());
            imported.files.append(path);
        }
        if (imported.article.sourceLanguage.isEmpty())
            imported.article.sourceLanguage = imported.article.versions.front().language;
        articles.append(std::move(imported));
    }
    return articles;
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
    for (const QString& key : imported.articleKeys)
        copyArticleField(merged, imported.article, key);
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
