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

    const bool site = !options.siteRoot.isEmpty();
    QList<std::pair<Article, QString>> prepared;
    QList<qsizetype> sources;           // index in *imported of each prepared article
    QHash<QString, qsizetype> slugs;    // slug -> index in prepared
    QList<QUuid> ids(imported->size()); // in the order of the import
    for (qsizetype index = 0; index < imported->size(); ++index) {
        const ImportedArticle& item = imported->at(index);
        Article article = item.article;
        if (!article.id.isNull()) {
            if (auto existing = library.article(article.id)) {
                article = mergeImportedArticle(*existing, item);
                // The same page imported again: nothing to save, and nothing to record.
                if (site && article == *existing) {
                    if (options.notice) {
                        options.notice(fileError(
                            item.files.join(QStringLiteral(", ")),
                            QCoreApplication::translate("Import", "unchanged (%1 is already in "
                                                                  "the library as it is)")
                                .arg(article.slug)));
                    }
                    ids[index] = article.id;
                    continue;
                }
            }
        }
        // A site's pages get their slugs here, all of them before any is saved: one the
        // library would derive at saving could be one given to a page after it.
        if (site && article.slug.isEmpty()) {
            article.slug = slugify(article.displayTitle());
            if (article.slug.isEmpty())
                article.slug = QStringLiteral("page");
        }
        if (!article.slug.isEmpty()) {
            if (auto valid = validateSlug(article.slug); !valid)
                return nothingImported(
                    Error{fileError(item.files.front(), valid.error()), ErrorKind::InvalidInput});
            const auto slug = library.uniqueSlug(article.slug, article.id);
            if (!slug)
                return nothingImported(slug.failure());
            const QString wanted = article.slug;
            article.slug = *slug;
            // Two files of one import that want the same slug: which one is meant is
            // the user's to say; a site's pages keep their paths, and only the
            // library's slug is made unique ("introduction" in two folders).
            for (int n = 2; site && slugs.contains(article.slug); ++n) {
                const auto candidate =
                    library.uniqueSlug(wanted + QLatin1Char('-') + QString::number(n), article.id);
                if (!candidate)
                    return nothingImported(candidate.failure());
                article.slug = *candidate;
            }
            const auto other = slugs.constFind(article.slug);
            if (other != slugs.constEnd()) {
                return nothingImported(
                    Error{fileError(item.files.front(),
                                    QCoreApplication::translate("Import",
                                                                "gives the slug '%1', as %2 does")
                                        .arg(article.slug,
                                             QDir::toNativeSeparators(
                                                 imported->at(sources.at(*other)).files.front()))),
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
        sources.append(index);
    }

    // All files or none: one transaction around the saves.
    const auto done = library.transaction([&]() -> Result<void> {
        for (qsizetype i = 0; i < prepared.size(); ++i) {
            // Named members, not a structured binding: a lambda below uses the article,
            // and clang before 16 cannot capture a binding.
            Article& article = prepared[i].first;
            const QString& note = prepared[i].second;
            const ImportedArticle& item = imported->at(sources.at(i));
            if (!item.bodiesAsPasted.isEmpty() && !library.article(article.id)) {
                // The text as pasted first, so that restoring that revision undoes
                // every decision the import made of the page's layout.
                Article pasted = article;
                for (LanguageVersion& version : pasted.versions)
                    version.body = item.bodiesAsPasted.value(version.language, version.body);
                pasted.byline.clear();
                pasted.dateline.date = QDate();
                auto kept = library.save(
                    pasted, RevisionKind::Import,
                    QCoreApplication::translate("Import", "as pasted, nothing left out: %1")
                        .arg(note));
                if (!kept) {
                    return Error{fileError(item.files.join(QStringLiteral(", ")), kept.error()),
                                 kept.kind()};
                }
                article.id = pasted.id;
                article.slug = pasted.slug;
                if (options.notice) {
                    options.notice(fileError(
                        item.files.join(QStringLiteral(", ")),
                        QCoreApplication::translate(
                            "Import", "read as a web page; the text as pasted, nothing left out, "
                                      "is revision %1: restore it to undo these decisions")
                            .arg(*kept)));
                }
            }
            auto saved = library.save(article, RevisionKind::Import, note);
            if (!saved) {
                return Error{fileError(item.files.join(QStringLiteral(", ")), saved.error()),
                             saved.kind()};
            }
            // A term is one entry of the vocabulary with a label per language: the
            // versions' own words for the article's tags, in the same order.
            auto label = [&](const QStringList& terms,
                             const QHash<QString, QStringList>& byLanguage,
                             bool tags) -> Result<void> {
                for (auto it = byLanguage.constBegin(); it != byLanguage.constEnd(); ++it) {
                    if (it.key() == article.sourceLanguage || it.value().size() != terms.size())
                        continue;
                    for (qsizetype t = 0; t < terms.size(); ++t) {
                        if (it.value().at(t) == terms.at(t))
                            continue;
                        auto set =
                            tags
                                ? library.setTagLabel(terms.at(t), it.key(), it.value().at(t))
                                : library.setCategoryLabel(terms.at(t), it.key(), it.value().at(t));
                        if (!set)
                            return Error{
                                fileError(item.files.join(QStringLiteral(", ")), set.error()),
                                set.kind()};
                    }
                }
                return {};
            };
            if (auto labelled = label(article.tags, item.tagsByLanguage, true); !labelled)
                return labelled;
            if (auto labelled = label(article.categories, item.categoriesByLanguage, false);
                !labelled)
                return labelled;
            ids[sources.at(i)] = article.id;
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
