// The parts of import and export that touch the library, apart from the file
// formats so that those can be used (and tested) without one.
#include "interchange/interchange.h"

#include "article/slug.h"
#include "import/inputfile.h"
#include "interchange/formats.h"
#include "library/library.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace copydesk {

namespace {

/// Every failed import says so: the user must know whether to look for half of it.
Error nothingImported(const Error& error) {
    return Error{
        QCoreApplication::translate("Import", "%1; nothing was imported").arg(error.message),
        error.kind};
}

} // namespace

Result<QList<QUuid>> importIntoLibrary(Library& library, const QStringList& paths,
                                       const ImportOptions& options) {
    return importIntoLibrary(library, standardFormats(), paths, options);
}

Result<QList<QUuid>> importIntoLibrary(Library& library, const FormatRegistry& formats,
                                       const QStringList& paths, const ImportOptions& options) {
    auto imported = readImportFiles(formats, paths, options);
    if (!imported)
        return nothingImported(imported.failure());

    QList<std::pair<Article, QString>> prepared;
    QHash<QString, qsizetype> slugs; // slug -> index in prepared
    for (const ImportedArticle& item : *imported) {
        Article article = item.article;
        if (!article.id.isNull()) {
            if (auto existing = library.article(article.id))
                article = mergeImportedArticle(*existing, item);
        }
        if (!article.slug.isEmpty()) {
            if (auto valid = validateSlug(article.slug); !valid)
                return nothingImported(
                    Error{fileError(item.files.front(), valid.error()), ErrorKind::InvalidInput});
            const auto slug = library.uniqueSlug(article.slug, article.id);
            if (!slug)
                return nothingImported(slug.failure());
            article.slug = *slug;
            // Two files of one import that want the same slug: which one is meant is
            // the user's to say.
            const auto other = slugs.constFind(article.slug);
            if (other != slugs.constEnd()) {
                return nothingImported(Error{
                    fileError(
                        item.files.front(),
                        QCoreApplication::translate("Import", "gives the slug '%1', as %2 does")
                            .arg(article.slug,
                                 QDir::toNativeSeparators(imported->at(*other).files.front()))),
                    ErrorKind::Conflict});
            }
            slugs.insert(article.slug, prepared.size());
        }
        QStringList names;
        for (const QString& file : item.files)
            names.append(QFileInfo(file).fileName());
        prepared.append(
            {std::move(article), QCoreApplication::translate("Import", "imported from %1")
                                     .arg(names.join(QStringLiteral(", ")))});
    }

    // All files or none: one transaction around the saves.
    QList<QUuid> ids;
    const auto done = library.transaction([&]() -> Result<void> {
        for (qsizetype i = 0; i < prepared.size(); ++i) {
            auto& [article, note] = prepared[i];
            auto saved = library.save(article, RevisionKind::Import, note);
            if (!saved) {
                return Error{
                    fileError(imported->at(i).files.join(QStringLiteral(", ")), saved.error()),
                    saved.kind()};
            }
            ids.append(article.id);
        }
        return {};
    });
    if (!done)
        return nothingImported(done.failure());
    return ids;
}

Result<QStringList> exportArticleToFolder(Library& library, Article& article, const QString& folder,
                                          const QStringList& languages) {
    return exportArticleToFolder(library, MarkdownFormat(), article, folder, languages);
}

Result<QStringList> exportArticleToFolder(Library& library, const FileFormat& format,
                                          Article& article, const QString& folder,
                                          const QStringList& languages) {
    auto staged = stageArticleFiles(format, article, folder, languages);
    if (!staged)
        return staged.failure();
    QStringList names;
    for (const QString& path : (*staged)->files().targets())
        names.append(QFileInfo(path).fileName());
    // The revision says the files are there: the files are renamed into place inside
    // the transaction, after the revision is on the disk (flushed), and taken back
    // when the commit fails. What is left to fail after them is the commit's last page.
    Result<QStringList> written = QStringList();
    const auto done = library.transaction([&]() -> Result<void> {
        auto saved = library.save(
            article, RevisionKind::Export,
            QCoreApplication::translate("Export", "exported to %1: %2")
                .arg(QDir::toNativeSeparators(folder), names.join(QStringLiteral(", "))));
        if (!saved)
            return saved.failure();
        if (auto flushed = library.flushTransaction(); !flushed)
            return flushed;
        written = (*staged)->place();
        if (!written)
            return written.failure();
        return {};
    });
    if (!done)
        return done.failure(); // ~StagedArticleFiles puts the folder back
    (*staged)->finish();
    return written;
}

} // namespace copydesk
