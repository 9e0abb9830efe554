// The trash: a time in articles.trashed (schema version 6).
#include "library/articlejson.h"
#include "library/library_p.h"
#include "library/trash.h"

namespace copydesk {

namespace {

Result<int> setTrashed(Library& library, const QList<QUuid>& articles, bool trashed) {
    Library::Private& d = LibraryAccess::of(library);
    int changed = 0;
    const QString now = isoTimestamp(QDateTime::currentDateTimeUtc());
    const auto done = library.transaction([&]() -> Result<void> {
        QSqlQuery& q = d.prepared(trashed ? QStringLiteral("UPDATE articles SET trashed = ?"
                                                           " WHERE uuid = ? AND trashed = ''")
                                          : QStringLiteral("UPDATE articles SET trashed = ''"
                                                           " WHERE uuid = ? AND trashed != ''"));
        QSqlQuery& exists = d.prepared(QStringLiteral("SELECT 1 FROM articles WHERE uuid = ?"));
        for (const QUuid& id : articles) {
            const QString uuid = id.toString(QUuid::WithoutBraces);
            exists.bindValue(0, uuid);
            if (!exists.exec())
                return d.sqlError(Library::tr("cannot look up article %1").arg(uuid), exists);
            const bool found = exists.next();
            exists.finish();
            if (!found)
                return Error{Library::tr("%1: no article with id %2").arg(d.path, uuid),
                             ErrorKind::NotFound};
            int i = 0;
            if (trashed)
                q.bindValue(i++, now);
            q.bindValue(i, uuid);
            if (!q.exec())
                return d.sqlError(
                    trashed ? Library::tr("cannot move article %1 to the trash").arg(uuid)
                            : Library::tr("cannot restore article %1 from the trash").arg(uuid),
                    q);
            changed += q.numRowsAffected();
        }
        return {};
    });
    if (!done)
        return done.failure();
    return changed;
}

} // namespace

Result<int> moveToTrash(Library& library, const QList<QUuid>& articles) {
    return setTrashed(library, articles, true);
}

Result<int> restoreFromTrash(Library& library, const QList<QUuid>& articles) {
    return setTrashed(library, articles, false);
}

Result<bool> isInTrash(const Library& library, const QUuid& article) {
    auto& d = const_cast<Library::Private&>(LibraryAccess::of(library));
    const QString uuid = article.toString(QUuid::WithoutBraces);
    QSqlQuery& q = d.prepared(QStringLiteral("SELECT trashed != '' FROM articles WHERE uuid = ?"));
    q.bindValue(0, uuid);
    if (!q.exec())
        return d.sqlError(Library::tr("cannot look up article %1").arg(uuid), q);
    if (!q.next())
        return Error{Library::tr("%1: no article with id %2").arg(d.path, uuid),
                     ErrorKind::NotFound};
    const bool trashed = q.value(0).toBool();
    q.finish();
    return trashed;
}

Result<int> trashCount(const Library& library) {
    ListFilter filter;
    filter.trash = true;
    return library.count(filter);
}

Result<int> emptyTrash(Library& library) {
    Library::Private& d = LibraryAccess::of(library);
    int removed = 0;
    const auto done = library.transaction([&]() -> Result<void> {
        QSqlQuery& q = d.prepared(QStringLiteral("SELECT uuid FROM articles WHERE trashed != ''"));
        if (!q.exec())
            return d.sqlError(Library::tr("cannot empty the trash"), q);
        QList<QUuid> ids;
        while (q.next())
            ids.append(QUuid::fromString(q.value(0).toString()));
        q.finish();
        // remove() keeps the contentless word index in step, which needs each text.
        for (const QUuid& id : std::as_const(ids)) {
            if (auto gone = library.remove(id); !gone)
                return gone;
            ++removed;
        }
        return {};
    });
    if (!done)
        return done.failure();
    return removed;
}

} // namespace copydesk
