// The parts of import and export that touch the library, apart from the file
// formats so that those can be used (and tested) without one.
#include "interchange/interchange.h"

#include "import/inputfile.h"
#include "library/library.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace copydesk {

Result<QList<QUuid>> importIntoLibrary(Library& library, const QStringList& paths,
                                       const ImportOptions& options) {
    auto imported = readImportFiles(paths, options);
    if (!imported)
        return Error{imported.error()};

    QList<std::pair<Article, QString>> prepared;
    for (const ImportedArticle& item : *imported) {
        Article article = item.article;
        if (!article.id.isNull()) {
            if (auto existing = library.article(article.id))
                article = mergeImportedArticle(*existing, item);
        }
        if (!article.slug.isEmpty()) {
            const auto slug = library.uniqueSlug(article.slug, article.id);
            if (!slug)
                return slug.failure();
            article.slug = *slug;
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
        return done.failure();
    return ids;
}

Result<QStringList> exportArticleToFolder(Library& library, Article& article, const QString& folder,
                                          const QStringList& languages) {
    auto written = writeFrontMatterFolder(article, folder, languages);
    if (!written)
        return written;
    QStringList names;
    for (const QString& path : *written)
        names.append(QFileInfo(path).fileName());
    auto saved =
        library.save(article, RevisionKind::Export,
                     QCoreApplication::translate("Export", "exported to %1: %2")
                         .arg(QDir::toNativeSeparators(folder), names.join(QStringLiteral(", "))));
    if (!saved)
        return Error{saved.error()};
    return written;
}

} // namespace copydesk
