#include "document/batchedit.h"

#include "library/library.h"

#include <functional>

namespace copydesk::batch {

namespace {

/// Applies `change` to every article in one transaction; `change` returns false when
/// it leaves the article as it was, which then records no revision.
Result<int> apply(Library& library, const QList<QUuid>& articles, const QString& note,
                  const std::function<bool(Article&)>& change) {
    int changed = 0;
    const auto done = library.transaction([&]() -> Result<void> {
        for (const QUuid& id : articles) {
            auto article = library.article(id);
            if (!article)
                return article.failure();
            if (!change(*article))
                continue;
            if (const auto saved = library.save(*article, RevisionKind::Save, note); !saved)
                return saved.failure();
            ++changed;
        }
        return {};
    });
    if (!done)
        return done.failure();
    return changed;
}

} // namespace

Result<int> addTag(Library& library, const QList<QUuid>& articles, const QString& tag) {
    if (tag.trimmed().isEmpty())
        return Error{QCoreApplication::translate("BatchEdit", "no tag given"),
                     ErrorKind::InvalidInput};
    return apply(library, articles,
                 QCoreApplication::translate("BatchEdit", "Tag '%1' added").arg(tag),
                 [&](Article& a) {
                     if (a.tags.contains(tag))
                         return false;
                     a.tags.append(tag);
                     return true;
                 });
}

Result<int> removeTag(Library& library, const QList<QUuid>& articles, const QString& tag) {
    return apply(library, articles,
                 QCoreApplication::translate("BatchEdit", "Tag '%1' removed").arg(tag),
                 [&](Article& a) { return a.tags.removeAll(tag) > 0; });
}

Result<int> setStatus(Library& library, const QList<QUuid>& articles, Status status) {
    return apply(
        library, articles,
        QCoreApplication::translate("BatchEdit", "Status set to %1").arg(statusLabel(status)),
        [&](Article& a) {
            if (a.status == status)
                return false;
            a.status = status;
            return true;
        });
}

} // namespace copydesk::batch
