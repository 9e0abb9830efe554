// Apart from importcleanup.cpp for the same reason as librarycontext.cpp: clean-up
// without a library must not pull the library code into the link.
#include "checks/checks.h"
#include "checks/importcleanup.h"
#include "interchange/interchange.h"
#include "library/library.h"

#include <QCoreApplication>

namespace copydesk::checks {

Result<ImportCleanup> cleanUpImportedArticle(Library& library, const QUuid& id,
                                             SpellerPool* spellers, const FixRequest& request,
                                             const Catalogue& catalogue) {
    std::optional<ImportCleanup> result;
    const Result<void> done = library.transaction([&]() -> Result<void> {
        auto article = library.article(id);
        if (!article)
            return article.failure();
        auto context = contextFromLibrary(library, id, spellers);
        if (!context)
            return context.failure();
        context->catalogue = catalogue;
        result = cleanImportedArticle(*article, *context, request);
        if (result->changed()) {
            // A revision of its own rather than a changed import: the history then
            // shows the text as it arrived and what the clean-up did to it.
            auto saved = library.save(result->cleaned, RevisionKind::Save, result->revisionNote());
            if (!saved)
                return saved.failure();
        }
        return {};
    });
    if (!done)
        return done.failure();
    return std::move(*result);
}

Result<QList<CleanedImport>> importWithCleanup(Library& library, const FormatRegistry& formats,
                                               const QStringList& paths,
                                               const ImportOptions& options, SpellerPool* spellers,
                                               const FixRequest& request,
                                               const Catalogue& catalogue) {
    QList<CleanedImport> cleaned;
    const Result<void> done = library.transaction([&]() -> Result<void> {
        const auto ids = importIntoLibrary(library, formats, paths, options);
        if (!ids)
            return ids.failure();
        for (const QUuid& id : *ids) {
            auto cleanup = cleanUpImportedArticle(library, id, spellers, request, catalogue);
            if (!cleanup) {
                // As importIntoLibrary() says it: the import is undone with the clean-up.
                return Error{QCoreApplication::translate("Import", "%1; nothing was imported")
                                 .arg(cleanup.error()),
                             cleanup.kind()};
            }
            cleaned.append(CleanedImport{id, std::move(*cleanup)});
        }
        return {};
    });
    if (!done)
        return done.failure();
    return cleaned;
}

} // namespace copydesk::checks
