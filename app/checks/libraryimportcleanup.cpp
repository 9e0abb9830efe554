// Apart from importcleanup.cpp for the same reason as librarycontext.cpp: clean-up
// without a library must not pull the library code into the link.
#include "checks/checks.h"
#include "checks/importcleanup.h"
#include "library/library.h"

namespace copydesk::checks {

Result<ImportCleanup> cleanUpImportedArticle(Library& library, const QUuid& id,
                                             SpellerPool* spellers, const FixRequest& request,
                                             const Catalogue& catalogue) {
    auto article = library.article(id);
    if (!article)
        return Error{article.error()};
    auto context = contextFromLibrary(library, id, spellers);
    if (!context)
        return context.failure();
    context->catalogue = catalogue;
    ImportCleanup cleanup = cleanImportedArticle(*article, *context, request);
    if (cleanup.changed()) {
        // A revision of its own rather than a changed import: the history then shows
        // the text as it arrived and what the clean-up did to it.
        auto saved = library.save(cleanup.cleaned, RevisionKind::Save, cleanup.revisionNote());
        if (!saved)
            return Error{saved.error()};
    }
    return cleanup;
}

} // namespace copydesk::checks
