#include "interchange/interchange.h"

#include "interchange/frontmatter.h"
#include "import/htmlimport.h"
#include "import/inputfile.h"
#include "import/plaintextimport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace copydesk {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("Import", text);
}

QString trExport(const char* text) {
    return QCoreApplication::translate("Export", text);
}

/// Article name for messages: its slug, else its title, else its id.
QString articleName(const Article& article) {
    if (!article.slug.isEmpty())
        return article.slug;
    const QString title = article.displayTitle();
    if (!title.isEmpty())
        return title;
    return article.id.toString(QUuid::WithoutBraces);
}

/// A plain-text or HTML document as a one-version article.
FrontMatterFile fileFromConverted(const ConvertedDocument& doc, const QString& path,
                                  const QString& language) {
    FrontMatterFile file;
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
                                                 : language;
    file.article.byline = doc.byline;
    file.article.sourceLanguage = version.language;
    file.article.versions.append(version);
    const QFileInfo info(path);
    file.groupKey = fromName.isEmpty() ? QStringLiteral("path:") + info.absoluteFilePath()
                                       : QStringLiteral("name:") + info.absolutePath() +
                                             QLatin1Char('/') + baseNameWithoutLanguage(path);
    return file;
}

Result<FrontMatterFile> readOne(const QString& path, const ImportOptions& options) {
    ImportFormat format = options.format;
    if (format == ImportFormat::Auto) {
        const auto byName = importFormatOfFile(path);
        if (!byName) {
            return Error{fileError(path, tr("unknown kind of file (expected .md, .txt or "
                                            ".html)"))};
        }
        format = *byName;
    }
    auto bytes = readImportFile(path);
    if (!bytes)
        return Error{bytes.error()};
    const QString language = options.language.isEmpty() ? QStringLiteral("en") : options.language;

    Result<FrontMatterFile> file = Error{};
    switch (format) {
    case ImportFormat::Markdown:
    case ImportFormat::Auto:
        file = parseFrontMatterFile(*bytes, path, language);
        break;
    case ImportFormat::PlainText: {
        auto text = decodeUtf8File(*bytes, path);
        if (!text)
            return Error{text.error()};
        file = fileFromConverted(plainTextToMarkdown(*text), path, language);
        break;
    }
    case ImportFormat::Html: {
        auto doc = htmlToMarkdown(*bytes, path);
        if (!doc)
            return Error{doc.error()};
        file = fileFromConverted(*doc, path, language);
        break;
    }
    }
    if (!file)
        return file;
    const LanguageVersion& version = file->article.versions.front();
    if (version.body.trimmed().isEmpty() && version.title.trimmed().isEmpty() &&
        !file->hasFrontMatter) {
        return Error{fileError(path, tr("is empty; there is nothing to import"))};
    }
    return file;
}

void copyArticleField(Article& to, const Article& from, const QString& key) {
    if (key == u"slug")
        to.slug = from.slug;
    else if (key == u"status")
        to.status = from.status;
    else if (key == u"byline")
        to.byline = from.byline;
    else if (key == u"dateline")
        to.dateline = from.dateline;
    else if (key == u"tags")
        to.tags = from.tags;
    else if (key == u"categories")
        to.categories = from.categories;
    else if (key == u"featuredImage")
        to.featuredImage = from.featuredImage;
    else if (key == u"sourceLanguage")
        to.sourceLanguage = from.sourceLanguage;
    else if (key == u"created")
        to.created = from.created;
    else if (key == u"updated")
        to.updated = from.updated;
}

} // namespace

std::optional<ImportFormat> importFormatFromId(QStringView id) {
    const QString lower = id.toString().toLower();
    if (lower == u"md" || lower == u"markdown")
        return ImportFormat::Markdown;
    if (lower == u"txt" || lower == u"text")
        return ImportFormat::PlainText;
    if (lower == u"html" || lower == u"htm")
        return ImportFormat::Html;
    return std::nullopt;
}

std::optional<ImportFormat> importFormatOfFile(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"md" || suffix == u"markdown" || suffix == u"mdown" || suffix == u"mkd")
        return ImportFormat::Markdown;
    if (suffix == u"txt" || suffix == u"text")
        return ImportFormat::PlainText;
    if (suffix == u"html" || suffix == u"htm" || suffix == u"xhtml")
        return ImportFormat::Html;
    return std::nullopt;
}

Result<QList<ImportedArticle>> readImportFiles(const QStringList& paths,
                                               const ImportOptions& options) {
    QList<QString> order;
    QHash<QString, QList<std::pair<QString, FrontMatterFile>>> groups;
    for (const QString& path : paths) {
        auto file = readOne(path, options);
        if (!file)
            return Error{file.error()};
        auto& group = groups[file->groupKey];
        const QString& language = file->article.versions.front().language;
        for (const auto& [otherPath, other] : group) {
            if (other.article.versions.front().language == language) {
                return Error{
                    fileError(path, tr("same article and language (%1) as %2")
                                        .arg(language, QDir::toNativeSeparators(otherPath)))};
            }
        }
        if (group.isEmpty())
            order.append(file->groupKey);
        group.append({path, std::move(*file)});
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
    options.format = ImportFormat::Markdown;
    auto articles = readImportFiles(paths, options);
    if (!articles)
        return Error{articles.error()};
    if (articles->isEmpty())
        return Error{tr("no files to import")};
    if (articles->size() > 1) {
        return Error{
            fileError(articles->at(1).files.front(),
                      tr("not a version of the same article as %1 (another "
                         "translationKey)")
                          .arg(QDir::toNativeSeparators(articles->front().files.front())))};
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
            return Error{trExport("%1: no version in '%2' (the article has %3)")
                             .arg(articleName(article), language, have.join(QStringLiteral(", ")))};
        }
        versions.append(*version);
    }
    return versions;
}

Result<QStringList> writeFrontMatterFolder(const Article& article, const QString& folder,
                                           const QStringList& languages) {
    auto versions = selectVersions(article, languages);
    if (!versions)
        return Error{versions.error()};
    const QDir dir(folder);
    if (!dir.exists() && !QDir().mkpath(folder))
        return Error{fileError(folder, trExport("cannot create the folder"))};
    QStringList written;
    for (const LanguageVersion& version : *versions) {
        const QString path = QDir::cleanPath(dir.filePath(frontMatterFileName(article, version)));
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(toFrontMatterMarkdown(article, version)) < 0 || !file.commit()) {
            return Error{fileError(path, trExport("cannot write (%1)").arg(file.errorString()))};
        }
        written.append(path);
    }
    return written;
}

} // namespace copydesk
