#include "document/batchedit.h"

#include "library/library.h"
#include "tags/tags.h"

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

// Tags go through the vocabulary's set-wise operations (tags/tags.h): one short
// metadata revision per article instead of a copy of every body.
Result<int> addTag(Library& library, const QList<QUuid>& articles, const QString& tag) {
    int changed = 0;
    const auto done = library.transaction([&]() -> Result<void> {
        QString slug = tag.trimmed();
        if (auto used = tags::usage(library, tags::Vocabulary::Tags, slug); !used) {
            if (used.kind() != ErrorKind::NotFound)
                return used.failure();
            auto created = tags::create(library, tags::Vocabulary::Tags, tag);
            if (!created)
                return created.failure();
            slug = *created;
        }
        auto added = tags::addToArticles(library, tags::Vocabulary::Tags, slug, articles);
        if (!added)
            return added.failure();
        changed = added->articles;
        return {};
    });
    if (!done)
        return done.failure();
    return changed;
}

Result<int> removeTag(Library& library, const QList<QUuid>& articles, const QString& tag) {
    auto removed =
        tags::removeFromArticles(library, tags::Vocabulary::Tags, tag.trimmed(), articles);
    if (!removed)
        return removed.failure();
    return removed->articles;
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
