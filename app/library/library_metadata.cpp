// Metadata revisions: a change of an article's own fields (tags, categories, status)
// recorded without a copy of its versions. See schema version 6.
#include "library/articlejson.h"
#include "library/library_p.h"

namespace copydesk::detail {

Result<int> recordMetadataRevisions(Library::Private& d, const QString& articleTable,
                                    RevisionKind kind, const QString& note, const QDateTime& now) {
    const QString time = isoTimestamp(now);
    QSqlQuery& touch = d.prepared(
        QStringLiteral("UPDATE articles SET updated = ? WHERE id IN (SELECT article FROM %1)")
            .arg(articleTable));
    touch.bindValue(0, time);
    if (!touch.exec())
        return d.sqlError(Library::tr("cannot record the revisions"), touch);
    // The JSON is articleToJson()'s without "versions" (the columns hold the same text
    // as its fields), with its own format marker so that nothing reads it as a whole
    // article. The base is the latest revision's full snapshot: the latest revision
    // itself, or the one it is based on.
    auto terms = [](QLatin1String link, QLatin1String table, QLatin1String column) {
        return QStringLiteral("json(coalesce((SELECT json_group_array(slug) FROM (SELECT t.slug"
                              " FROM %1 l JOIN %2 t ON t.id = l.%3 WHERE l.article = a.id"
                              " ORDER BY l.position)), '[]'))")
            .arg(link, table, column);
    };
    QSqlQuery& insert = d.prepared(
        QStringLiteral(
            "INSERT INTO revisions(article, kind, created, note, snapshot, base)"
            " SELECT a.id, ?, ?, ?, json_object('format', 'copydesk-article-metadata',"
            " 'formatVersion', 1, 'id', a.uuid, 'slug', a.slug, 'status', a.status,"
            " 'created', a.created, 'updated', a.updated, 'byline', a.byline,"
            " 'dateline', json_object('place', a.dateline_place, 'date', a.dateline_date),"
            " 'tags', %2, 'categories', %3, 'featuredImage', a.featured_image,"
            " 'sourceLanguage', a.source_language),"
            " (SELECT CASE WHEN r.base = 0 THEN r.id ELSE r.base END FROM revisions r"
            "  WHERE r.id = (SELECT max(id) FROM revisions WHERE article = a.id))"
            " FROM articles a WHERE a.id IN (SELECT article FROM %1) ORDER BY a.id")
            .arg(articleTable,
                 terms(QLatin1String("article_tags"), QLatin1String("tags"), QLatin1String("tag")),
                 terms(QLatin1String("article_categories"), QLatin1String("categories"),
                       QLatin1String("category"))));
    insert.bindValue(0, revisionKindId(kind));
    insert.bindValue(1, time);
    insert.bindValue(2, note.isNull() ? QStringLiteral("") : note);
    // An article without any revision has no base: the NOT NULL constraint refuses it
    // (only a library damaged by hand has one).
    if (!insert.exec())
        return d.sqlError(Library::tr("cannot record the revisions"), insert);
    return insert.numRowsAffected();
}

} // namespace copydesk::detail
