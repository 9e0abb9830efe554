// Articles and their revisions: save, load, list, remove, restore.
#include "article/fieldcheck.h"
#include "article/slug.h"
#include "library/articlejson.h"
#include "library/library.h"
#include "library/library_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>

namespace copydesk {

namespace {

QString uuidText(const QUuid& id) {
    return id.toString(QUuid::WithoutBraces);
}

QString dateText(const QDate& date) {
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

// A null QString binds as SQL NULL; the text columns are NOT NULL.
QString nonNull(const QString& text) {
    return text.isNull() ? QStringLiteral("") : text;
}

Status statusOf(const QVariant& value) {
    return statusFromId(value.toString()).value_or(Status::Draft);
}

QString fingerprintsText(const QStringList& list) {
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList fingerprintsFrom(const QString& text) {
    QStringList list;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue& v : array)
        list.append(v.toString());
    return list;
}

QString articleName(const Article& a) {
    if (!a.slug.isEmpty())
        return a.slug;
    const QString title = a.displayTitle();
    return title.isEmpty() ? uuidText(a.id) : title;
}

// Removes repeated entries, keeping the first: the tables have one row per pair.
void dedupe(QStringList& list) {
    QSet<QString> seen;
    for (qsizetype i = 0; i < list.size();) {
        if (seen.contains(list[i])) {
            list.removeAt(i);
        } else {
            seen.insert(list[i]);
            ++i;
        }
    }
}

} // namespace

Result<std::optional<qint64>> Library::Private::rowIdOf(const QUuid& id) {
    QSqlQuery& q = prepared(QStringLiteral("SELECT id FROM articles WHERE uuid = ?"));
    q.bindValue(0, uuidText(id));
    if (!q.exec())
        return sqlError(Library::tr("cannot look up article %1").arg(uuidText(id)), q);
    std::optional<qint64> row;
    if (q.next())
        row = q.value(0).toLongLong();
    q.finish();
    return row;
}

Result<Article> Library::Private::load(qint64 rowId) const {
    auto* self = const_cast<Private*>(this); // the statement cache is not logical state
    QSqlQuery& q = self->prepared(QStringLiteral(
        "SELECT uuid, slug, status, created, updated, byline, dateline_place, dateline_date,"
        " featured_image, source_language FROM articles WHERE id = ?"));
    q.bindValue(0, rowId);
    if (!q.exec())
        return sqlError(Library::tr("cannot read an article"), q);
    if (!q.next())
        return Error{Library::tr("%1: article not found").arg(path), ErrorKind::NotFound};
    Article a;
    a.id = QUuid::fromString(q.value(0).toString());
    a.slug = q.value(1).toString();
    a.status = statusOf(q.value(2));
    a.created = parseIsoTimestamp(q.value(3).toString());
    a.updated = parseIsoTimestamp(q.value(4).toString());
    a.byline = q.value(5).toString();
    a.dateline.place = q.value(6).toString();
    a.dateline.date = QDate::fromString(q.value(7).toString(), Qt::ISODate);
    a.featuredImage = q.value(8).toString();
    a.sourceLanguage = q.value(9).toString();
    q.finish();

    QSqlQuery& v = self->prepared(QStringLiteral(
        "SELECT language, title, summary, body, seo_title, seo_description, status, created,"
        " updated, translated_from, source_revision, source_fingerprints, byline, site_path,"
        " site_front_matter FROM versions WHERE article = ? ORDER BY position, id"));
    v.bindValue(0, rowId);
    if (!v.exec())
        return sqlError(Library::tr("cannot read article '%1'").arg(a.slug), v);
    while (v.next()) {
        LanguageVersion lv;
        lv.language = v.value(0).toString();
        lv.title = v.value(1).toString();
        lv.summary = v.value(2).toString();
        lv.body = v.value(3).toString();
        lv.seoTitle = v.value(4).toString();
        lv.seoDescription = v.value(5).toString();
        lv.status = statusOf(v.value(6));
        lv.created = parseIsoTimestamp(v.value(7).toString());
        lv.updated = parseIsoTimestamp(v.value(8).toString());
        lv.translatedFrom = v.value(9).toString();
        lv.sourceRevision = v.value(10).toLongLong();
        lv.sourceFingerprints = fingerprintsFrom(v.value(11).toString());
        lv.byline = v.value(12).toString();
        lv.sitePath = v.value(13).toString();
        lv.siteFrontMatter = v.value(14).toString();
        a.versions.append(lv);
    }
    v.finish();

    auto terms = [&](QLatin1String link, QLatin1String table, QLatin1String column,
                     QStringList& into) -> std::optional<Error> {
        QSqlQuery& t =
            self->prepared(QStringLiteral("SELECT t.slug FROM %1 l JOIN %2 t ON t.id ="
                                          " l.%3 WHERE l.article = ? ORDER BY l.position")
                               .arg(link, table, column));
        t.bindValue(0, rowId);
        if (!t.exec())
            return sqlError(Library::tr("cannot read article '%1'").arg(a.slug), t);
        while (t.next())
            into.append(t.value(0).toString());
        t.finish();
        return std::nullopt;
    };
    if (auto e = terms(QLatin1String("article_tags"), QLatin1String("tags"), QLatin1String("tag"),
                       a.tags))
        return *e;
    if (auto e = terms(QLatin1String("article_categories"), QLatin1String("categories"),
                       QLatin1String("category"), a.categories))
        return *e;
    return a;
}

Result<qint64> Library::Private::saveOne(Article& a, RevisionKind kind, const QString& note,
                                         const QDateTime& now) {
    // Validate before touching anything.
    QSet<QString> languages;
    for (const LanguageVersion& v : std::as_const(a.versions)) {
        if (v.language.trimmed().isEmpty())
            return Error{Library::tr("%1: article '%2' has a version without a language")
                             .arg(path, articleName(a)),
                         ErrorKind::InvalidInput};
        if (languages.contains(v.language))
            return Error{Library::tr("%1: article '%2' has two '%3' versions")
                             .arg(path, articleName(a), v.language),
                         ErrorKind::InvalidInput};
        languages.insert(v.language);
    }
    // Whoever wrote them (the GUI, the command line, an import): one-line fields hold no
    // control character, which would reach terminals and files raw.
    if (auto valid = validateFields(a); !valid)
        return Error{Library::tr("%1: article '%2': %3").arg(path, articleName(a), valid.error()),
                     ErrorKind::InvalidInput};
    dedupe(a.tags);
    dedupe(a.categories);
    if (a.id.isNull())
        a.id = QUuid::createUuid();
    const auto existingRow = rowIdOf(a.id);
    if (!existingRow)
        return existingRow.failure();
    const std::optional<qint64> existing = *existingRow;

    if (a.slug.isEmpty()) {
        QString base = slugify(a.displayTitle());
        if (base.isEmpty())
            base = QStringLiteral("article");
        // uniqueSlug() is const and uses the same connection, so it sees this
        // transaction's earlier inserts (relevant for saveAll()).
        QSqlQuery& taken = prepared(QStringLiteral("SELECT uuid FROM articles WHERE slug = ?"));
        QString candidate = base;
        for (int n = 2;; ++n) {
            taken.bindValue(0, candidate);
            if (!taken.exec())
                return sqlError(Library::tr("cannot save article '%1'").arg(articleName(a)), taken);
            const bool used = taken.next() && taken.value(0).toString() != uuidText(a.id);
            taken.finish();
            if (!used)
                break;
            candidate = base + QLatin1Char('-') + QString::number(n);
        }
        a.slug = candidate;
    } else {
        // Whoever set it (an import, a restore, the command line, an old library): a
        // slug names files and URLs.
        if (auto valid = validateSlug(a.slug); !valid)
            return Error{
                Library::tr("%1: article '%2': %3").arg(path, a.displayTitle(), valid.error()),
                ErrorKind::InvalidInput};
        QSqlQuery& taken = prepared(
            QStringLiteral("SELECT a.uuid, (SELECT title FROM versions v WHERE v.article = a.id"
                           " ORDER BY v.position LIMIT 1) FROM articles a WHERE a.slug = ?"));
        taken.bindValue(0, a.slug);
        if (!taken.exec())
            return sqlError(Library::tr("cannot save article '%1'").arg(a.slug), taken);
        if (taken.next() && taken.value(0).toString() != uuidText(a.id)) {
            const QString other = taken.value(1).toString();
            taken.finish();
            return Error{Library::tr("%1: slug '%2' is already used by another article ('%3')")
                             .arg(path, a.slug, other),
                         ErrorKind::Conflict};
        }
        taken.finish();
    }

    // Imports keep the times they bring, and an export changes nothing it records (so
    // that the same article exported twice gives the same files); every other save is
    // "now".
    const bool keepTimes = kind == RevisionKind::Import || kind == RevisionKind::Export;
    if (!a.created.isValid())
        a.created = now;
    if (!keepTimes || !a.updated.isValid())
        a.updated = now;

    struct OldVersion {
        qint64 id;
        QString title, summary, body;
        LanguageVersion loaded;
        int position;
    };
    QHash<QString, OldVersion> old;
    qint64 rowId = 0;
    if (existing) {
        rowId = *existing;
        auto current = load(rowId);
        if (!current)
            return current.failure();
        // The workflow is enforced here, where every change of status passes. A
        // restore brings back a state the article had, which may be behind.
        if (kind != RevisionKind::Restore) {
            if (!canTransition(current->status, a.status))
                return Error{
                    Library::tr("%1: article '%2' cannot go from %3 to %4")
                        .arg(path, articleName(a), statusId(current->status), statusId(a.status)),
                    ErrorKind::InvalidInput};
            for (const LanguageVersion& v : std::as_const(a.versions)) {
                const LanguageVersion* before = current->version(v.language);
                if (before && !canTransition(before->status, v.status))
                    return Error{
                        Library::tr("%1: article '%2', version '%3' cannot go from %4 to %5")
                            .arg(path, articleName(a), v.language, statusId(before->status),
                                 statusId(v.status)),
                        ErrorKind::InvalidInput};
            }
        }
        QSqlQuery& ids =
            prepared(QStringLiteral("SELECT id, language, title, summary, body, position"
                                    " FROM versions WHERE article = ?"));
        ids.bindValue(0, rowId);
        if (!ids.exec())
            return sqlError(Library::tr("cannot save article '%1'").arg(a.slug), ids);
        while (ids.next()) {
            const QString language = ids.value(1).toString();
            const LanguageVersion* loaded = current->version(language);
            old.insert(language,
                       OldVersion{ids.value(0).toLongLong(), ids.value(2).toString(),
                                  ids.value(3).toString(), ids.value(4).toString(),
                                  loaded ? *loaded : LanguageVersion{}, ids.value(5).toInt()});
        }
        ids.finish();
    }
    QStringList changedLanguages; // for an autosave's note and merge
    QSet<QString> unchangedRows;  // versions whose row stays as it is, position included
    for (qsizetype i = 0; i < a.versions.size(); ++i) {
        LanguageVersion& v = a.versions[i];
        if (!v.created.isValid())
            v.created = now;
        const auto it = old.constFind(v.language);
        bool changed = it == old.constEnd();
        if (!changed) {
            LanguageVersion before = it->loaded;
            before.updated = v.updated;
            changed = !(before == v);
        }
        if (changed)
            changedLanguages.append(v.language);
        if (!v.updated.isValid() || (changed && !keepTimes))
            v.updated = now;
        else if (!changed && it->position == i && it->loaded.updated == v.updated)
            unchangedRows.insert(v.language);
    }
    for (auto it = old.constBegin(); it != old.constEnd(); ++it) {
        if (!a.version(it.key()))
            changedLanguages.append(it.key());
    }
    changedLanguages.sort();

    auto fail = [&](const QSqlQuery& q) {
        return sqlError(Library::tr("cannot save article '%1'").arg(a.slug), q);
    };
    QSqlQuery& row = prepared(
        existing ? QStringLiteral("UPDATE articles SET uuid = ?, slug = ?, status = ?, created = ?,"
                                  " updated = ?, byline = ?, dateline_place = ?, dateline_date = ?,"
                                  " featured_image = ?, source_language = ?, title_key = ?"
                                  " WHERE id = ?")
                 : QStringLiteral("INSERT INTO articles(uuid, slug, status, created, updated,"
                                  " byline, dateline_place, dateline_date, featured_image,"
                                  " source_language, title_key)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    row.bindValue(0, nonNull(uuidText(a.id)));
    row.bindValue(1, nonNull(a.slug));
    row.bindValue(2, nonNull(statusId(a.status)));
    row.bindValue(3, nonNull(isoTimestamp(a.created)));
    row.bindValue(4, nonNull(isoTimestamp(a.updated)));
    row.bindValue(5, nonNull(a.byline));
    row.bindValue(6, nonNull(a.dateline.place));
    row.bindValue(7, nonNull(dateText(a.dateline.date)));
    row.bindValue(8, nonNull(a.featuredImage));
    row.bindValue(9, nonNull(a.sourceLanguage));
    row.bindValue(10, detail::titleKey(a.displayTitle()));
    if (existing)
        row.bindValue(11, rowId);
    if (!row.exec())
        return fail(row);
    if (!existing)
        rowId = row.lastInsertId().toLongLong();

    QSqlQuery& wordsAdd = prepared(detail::wordIndexInsertSql());
    QSqlQuery& wordsDelete = prepared(detail::wordIndexDeleteSql());
    for (qsizetype i = 0; i < a.versions.size(); ++i) {
        const LanguageVersion& v = a.versions[i];
        // A row written again unchanged costs its whole text in the journal (an export
        // records a revision of an article it did not change).
        if (unchangedRows.contains(v.language))
            continue;
        const auto it = old.constFind(v.language);
        const bool update = it != old.constEnd();
        QSqlQuery& q = prepared(
            update ? QStringLiteral("UPDATE versions SET position = ?, language = ?, title = ?,"
                                    " summary = ?, body = ?, seo_title = ?, seo_description = ?,"
                                    " status = ?, created = ?, updated = ?, translated_from = ?,"
                                    " source_revision = ?, source_fingerprints = ?, byline = ?,"
                                    " site_path = ?, site_front_matter = ? WHERE id = ?")
                   : QStringLiteral("INSERT INTO versions(position, language, title, summary, body,"
                                    " seo_title, seo_description, status, created, updated,"
                                    " translated_from, source_revision, source_fingerprints,"
                                    " byline, site_path, site_front_matter, article)"
                                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        q.bindValue(0, i);
        q.bindValue(1, nonNull(v.language));
        q.bindValue(2, nonNull(v.title));
        q.bindValue(3, nonNull(v.summary));
        q.bindValue(4, nonNull(v.body));
        q.bindValue(5, nonNull(v.seoTitle));
        q.bindValue(6, nonNull(v.seoDescription));
        q.bindValue(7, nonNull(statusId(v.status)));
        q.bindValue(8, nonNull(isoTimestamp(v.created)));
        q.bindValue(9, nonNull(isoTimestamp(v.updated)));
        q.bindValue(10, nonNull(v.translatedFrom));
        q.bindValue(11, v.sourceRevision);
        q.bindValue(12, nonNull(fingerprintsText(v.sourceFingerprints)));
        q.bindValue(13, nonNull(v.byline));
        q.bindValue(14, nonNull(v.sitePath));
        q.bindValue(15, nonNull(v.siteFrontMatter));
        q.bindValue(16, update ? it->id : rowId);
        if (!q.exec())
            return fail(q);
        if (update) {
            const bool textChanged =
                it->title != v.title || it->summary != v.summary || it->body != v.body;
            if (textChanged &&
                (!detail::wordIndexDelete(wordsDelete, it->id, it->title, it->summary, it->body) ||
                 !detail::wordIndexInsert(wordsAdd, it->id, v.title, v.summary, v.body)))
                return fail(wordsDelete.lastError().isValid() ? wordsDelete : wordsAdd);
        } else if (!detail::wordIndexInsert(wordsAdd, q.lastInsertId().toLongLong(), v.title,
                                            v.summary, v.body)) {
            return fail(wordsAdd);
        }
    }
    // Versions no longer in the article.
    for (auto it = old.cbegin(); it != old.cend(); ++it) {
        if (languages.contains(it.key()))
            continue;
        if (!detail::wordIndexDelete(wordsDelete, it->id, it->title, it->summary, it->body))
            return fail(wordsDelete);
        QSqlQuery& del = prepared(QStringLiteral("DELETE FROM versions WHERE id = ?"));
        del.bindValue(0, it->id);
        if (!del.exec())
            return fail(del);
    }

    auto writeTerms = [&](QLatin1String link, QLatin1String table, QLatin1String column,
                          const QStringList& slugs) -> std::optional<Error> {
        QSqlQuery& clear = prepared(QStringLiteral("DELETE FROM %1 WHERE article = ?").arg(link));
        clear.bindValue(0, rowId);
        if (!clear.exec())
            return fail(clear);
        QSqlQuery& add =
            prepared(QStringLiteral("INSERT OR IGNORE INTO %1(slug) VALUES (?)").arg(table));
        QSqlQuery& attach =
            prepared(QStringLiteral("INSERT INTO %1(article, %2, position)"
                                    " VALUES (?, (SELECT id FROM %3 WHERE slug = ?), ?)")
                         .arg(link, column, table));
        for (qsizetype i = 0; i < slugs.size(); ++i) {
            add.bindValue(0, slugs[i]);
            attach.bindValue(0, rowId);
            attach.bindValue(1, slugs[i]);
            attach.bindValue(2, i);
            if (!add.exec())
                return fail(add);
            if (!attach.exec())
                return fail(attach);
        }
        return std::nullopt;
    };
    if (auto e = writeTerms(QLatin1String("article_tags"), QLatin1String("tags"),
                            QLatin1String("tag"), a.tags))
        return *e;
    if (auto e = writeTerms(QLatin1String("article_categories"), QLatin1String("categories"),
                            QLatin1String("category"), a.categories))
        return *e;

    const QString snapshot =
        QString::fromUtf8(QJsonDocument(articleToJson(a)).toJson(QJsonDocument::Compact));
    // An autosave says which versions it changed, so that the history of one version
    // shows which autosaves concern it, and autosaves of one version merge.
    const QString revisionNote =
        kind == RevisionKind::Autosave && note.isEmpty() ? changedLanguages.join(u',') : note;
    if (kind == RevisionKind::Autosave && existing) {
        auto merged = mergeAutosave(rowId, revisionNote, snapshot, now);
        if (!merged)
            return merged.failure();
        if (*merged)
            return **merged;
    }
    QSqlQuery& revision = prepared(QStringLiteral(
        "INSERT INTO revisions(article, kind, created, note, snapshot) VALUES (?, ?, ?, ?, ?)"));
    revision.bindValue(0, rowId);
    revision.bindValue(1, nonNull(revisionKindId(kind)));
    revision.bindValue(2, nonNull(isoTimestamp(now)));
    revision.bindValue(3, nonNull(revisionNote));
    revision.bindValue(4, snapshot);
    if (!revision.exec())
        return fail(revision);
    return revision.lastInsertId().toLongLong();
}

Result<std::optional<qint64>> Library::Private::mergeAutosave(qint64 rowId, const QString& note,
                                                              const QString& snapshot,
                                                              const QDateTime& now) {
    // The two newest revisions of the article: the previous autosave P and the one
    // before it, R. P takes the new text when it is an autosave of the same versions
    // and R is younger than the window: so each window of typing keeps one autosave
    // (its last state), wherever the window started. Named saves, exports, publishes,
    // restores and imports are never P, and never replaced.
    QSqlQuery& last = prepared(QStringLiteral("SELECT id, kind, note, created FROM revisions WHERE "
                                              "article = ? ORDER BY id DESC LIMIT 2"));
    last.bindValue(0, rowId);
    if (!last.exec())
        return sqlError(Library::tr("cannot read the revisions of article %1").arg(rowId), last);
    struct Row {
        qint64 id;
        QString kind, note;
        QDateTime created;
    };
    QList<Row> rows;
    while (last.next())
        rows.append(Row{last.value(0).toLongLong(), last.value(1).toString(),
                        last.value(2).toString(), parseIsoTimestamp(last.value(3).toString())});
    last.finish();
    if (rows.size() < 2 || rows[0].kind != revisionKindId(RevisionKind::Autosave) ||
        rows[0].note != note || !rows[1].created.isValid() ||
        rows[1].created.msecsTo(now) >= autosaveMergeWindow.count())
        return std::optional<qint64>{};
    // A translation names the source revision it was made from: that one stays as it is.
    QSqlQuery& used =
        prepared(QStringLiteral("SELECT 1 FROM versions WHERE source_revision = ? LIMIT 1"));
    used.bindValue(0, rows[0].id);
    if (!used.exec())
        return sqlError(Library::tr("cannot read the revisions of article %1").arg(rowId), used);
    const bool referenced = used.next();
    used.finish();
    if (referenced)
        return std::optional<qint64>{};
    QSqlQuery& update =
        prepared(QStringLiteral("UPDATE revisions SET created = ?, snapshot = ? WHERE id = ?"));
    update.bindValue(0, nonNull(isoTimestamp(now)));
    update.bindValue(1, snapshot);
    update.bindValue(2, rows[0].id);
    if (!update.exec())
        return sqlError(Library::tr("cannot save article %1").arg(rowId), update);
    return std::optional<qint64>{rows[0].id};
}

Result<qint64> Library::save(Article& article, RevisionKind kind, const QString& note) {
    QList<Article> one{article};
    auto saved = saveAll(one, kind, note);
    if (!saved)
        return saved.failure();
    article = one.front();
    return saved->front();
}

Result<QList<qint64>> Library::saveAll(QList<Article>& articles, RevisionKind kind,
                                       const QString& note) {
    // Work on a copy: on failure the caller's articles keep no half-filled ids, slugs
    // or times, just as the file keeps no half-written rows.
    QList<Article> work = articles;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<qint64> revisions;
    revisions.reserve(work.size());
    const auto saved = d->transaction([&]() -> Result<void> {
        for (Article& a : work) {
            auto one = d->saveOne(a, kind, note, now);
            if (!one)
                return one.failure();
            revisions.append(*one);
        }
        return {};
    });
    if (!saved)
        return saved.failure();
    articles = std::move(work);
    return revisions;
}

Result<Article> Library::article(const QUuid& id) const {
    const auto row = d->rowIdOf(id);
    if (!row)
        return row.failure();
    if (!*row)
        return Error{Library::tr("%1: no article with id %2").arg(d->path, uuidText(id)),
                     ErrorKind::NotFound};
    return d->load(**row);
}

Result<QString> Library::siteSectionFrontMatter(const QString& folder,
                                                const QString& language) const {
    // A range on the path, not GLOB: a folder's name may hold '*' or '['.
    const QString prefix =
        (folder.isEmpty() ? QString() : folder + u'/') + QStringLiteral("_index.");
    QSqlQuery& q = d->prepared(
        QStringLiteral("SELECT site_front_matter FROM versions WHERE site_path >= ? AND "
                       "site_path < ? AND instr(substr(site_path, ?), '/') = 0 AND language = ? "
                       "LIMIT 1"));
    q.bindValue(0, prefix);
    q.bindValue(1, prefix + QChar(0x10FFFF));
    q.bindValue(2, prefix.toUcs4().size() + 1); // substr() counts characters
    q.bindValue(3, language);
    if (!q.exec())
        return d->sqlError(Library::tr("cannot look up the site section '%1'").arg(folder), q);
    const QString found = q.next() ? q.value(0).toString() : QString();
    q.finish();
    return found;
}

Result<Article> Library::findArticle(const QString& idOrSlug) const {
    const QString key = idOrSlug.trimmed();
    const QUuid id = QUuid::fromString(key);
    if (!id.isNull())
        return article(id);
    QSqlQuery& bySlug = d->prepared(QStringLiteral("SELECT id FROM articles WHERE slug = ?"));
    bySlug.bindValue(0, key);
    if (!bySlug.exec())
        return d->sqlError(Library::tr("cannot look up article '%1'").arg(key), bySlug);
    if (bySlug.next()) {
        const qint64 row = bySlug.value(0).toLongLong();
        bySlug.finish();
        return d->load(row);
    }
    bySlug.finish();
    // A unique prefix of the id, as shown by `list`; a range keeps it on the index.
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f-]{4,}$"));
    const QString prefix = key.toLower();
    if (hex.match(prefix).hasMatch()) {
        QSqlQuery& q = d->prepared(
            QStringLiteral("SELECT id FROM articles WHERE uuid >= ? AND uuid < ? LIMIT 2"));
        q.bindValue(0, prefix);
        q.bindValue(1, prefix + QLatin1Char('~'));
        QList<qint64> rows;
        if (!q.exec())
            return d->sqlError(Library::tr("cannot look up article '%1'").arg(key), q);
        while (q.next())
            rows.append(q.value(0).toLongLong());
        q.finish();
        if (rows.size() == 1)
            return d->load(rows.front());
        if (rows.size() > 1)
            return Error{Library::tr("%1: '%2' matches more than one article id").arg(d->path, key),
                         ErrorKind::InvalidInput};
    }
    return Error{Library::tr("%1: no article '%2'").arg(d->path, key), ErrorKind::NotFound};
}

Result<void> Library::remove(const QUuid& id) {
    return d->transaction([&]() -> Result<void> {
        const auto row = d->rowIdOf(id);
        if (!row)
            return row.failure();
        if (!*row)
            return Error{Library::tr("%1: no article with id %2").arg(d->path, uuidText(id)),
                         ErrorKind::NotFound};
        auto fail = [&](const QSqlError& e) {
            return d->sqlError(Library::tr("cannot remove article %1").arg(uuidText(id)), e);
        };
        QSqlQuery& versions = d->prepared(
            QStringLiteral("SELECT id, title, summary, body FROM versions WHERE article = ?"));
        versions.bindValue(0, **row);
        if (!versions.exec())
            return fail(versions.lastError());
        QSqlQuery& words = d->prepared(detail::wordIndexDeleteSql());
        while (versions.next()) {
            if (!detail::wordIndexDelete(words, versions.value(0).toLongLong(),
                                         versions.value(1).toString(), versions.value(2).toString(),
                                         versions.value(3).toString()))
                return fail(words.lastError());
        }
        versions.finish();
        // Versions, tag links and revisions follow by ON DELETE CASCADE.
        QSqlQuery& del = d->prepared(QStringLiteral("DELETE FROM articles WHERE id = ?"));
        del.bindValue(0, **row);
        if (!del.exec())
            return fail(del.lastError());
        return {};
    });
}

namespace {

QString orderSql(const ListFilter& filter) {
    const QString dir = filter.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    QString key;
    switch (filter.sort) {
    case ListSort::Updated:
        key = QStringLiteral("a.updated");
        break;
    case ListSort::Created:
        key = QStringLiteral("a.created");
        break;
    case ListSort::Title:
        key = QStringLiteral("a.title_key");
        break;
    case ListSort::Status:
        // The workflow's order, not the alphabet's.
        key = QStringLiteral("CASE a.status WHEN 'draft' THEN 0 WHEN 'in-review' THEN 1"
                             " WHEN 'ready' THEN 2 WHEN 'published' THEN 3 ELSE 4 END");
        break;
    case ListSort::Byline:
        // As the browser sorts it.
        key = QStringLiteral("a.byline COLLATE NOCASE");
        break;
    }
    // rowid breaks ties, so paging with offset is stable.
    return QStringLiteral(" ORDER BY ") + key + dir + QStringLiteral(", a.id") + dir;
}

} // namespace

namespace detail {

// Each condition but the byline's is one an index answers: the tag by the by-tag
// index, categories by the by-category one, the status by (trashed, status, updated),
// the date range and the trash by (trashed, updated), the language by (language,
// article). The byline is a substring, looked for in the (trashed, byline, updated)
// index rather than in the table.
FilterSql filterSql(const ListFilter& filter) {
    FilterSql f;
    f.from = QStringLiteral(" FROM articles a");
    if (!filter.tag.isEmpty()) {
        // An article holds a tag once: the join repeats no row.
        f.from += QStringLiteral(" JOIN article_tags ft ON ft.article = a.id"
                                 " AND ft.tag = (SELECT id FROM tags WHERE slug = ?)");
        f.values.append(filter.tag);
    }
    // Trashed articles are left out of every list but the trash's (schema version 6).
    // The trash is a small part of the library: told so, SQLite reads it through an index
    // instead of walking every article by date (46 ms for an empty trash of 100,000).
    f.where = filter.trash ? QStringLiteral(" WHERE likelihood(a.trashed > '', 0.01)")
                           : QStringLiteral(" WHERE a.trashed = ''");
    if (!filter.category.isEmpty()) {
        // A category holds the articles of its subcategories too.
        f.where +=
            QStringLiteral(" AND a.id IN (SELECT article FROM article_categories WHERE category IN"
                           " (WITH RECURSIVE sub(id) AS (SELECT id FROM categories WHERE slug = ?"
                           " UNION SELECT c.id FROM categories c JOIN sub ON c.parent = sub.id)"
                           " SELECT id FROM sub))");
        f.values.append(filter.category);
    }
    if (filter.status) {
        f.where += QStringLiteral(" AND a.status = ?");
        f.values.append(statusId(*filter.status));
    }
    if (!filter.language.isEmpty()) {
        // A set made once from the (language, article) index: a count with EXISTS,
        // probed for every article, took 125 ms on 100,000 articles, this one 50.
        f.where += QStringLiteral(" AND a.id IN (SELECT article FROM versions WHERE language = ?)");
        f.values.append(filter.language);
    }
    const QString author = filter.author.trimmed();
    if (!author.isEmpty()) {
        // Case ignored in every script ("иванов" finds "Иванов"; SQLite's LIKE folds
        // A to Z only), and a name of any length (LIKE refuses patterns of 50,000 bytes).
        f.where += QStringLiteral(" AND instr(casefold(a.byline), ?) > 0");
        f.values.append(author.toCaseFolded());
    }
    // Timestamps are ISO 8601 UTC text, which sorts as time.
    if (filter.since.isValid()) {
        f.where += QStringLiteral(" AND a.updated >= ?");
        f.values.append(isoTimestamp(filter.since));
    }
    if (filter.until.isValid()) {
        f.where += QStringLiteral(" AND a.updated < ?");
        f.values.append(isoTimestamp(filter.until));
    }
    if (!filter.text.trimmed().isEmpty()) {
        const SearchPlan plan = searchPlan(filter.text);
        if (plan.empty()) {
            f.nothing = true;
        } else {
            // The version's article from the small index of (id, article) rather than
            // from the row, which holds the text (schema version 9); SQLite, without
            // statistics, would read the rows. A term the text is scanned for needs
            // the row anyway.
            f.where +=
                QStringLiteral(" AND a.id IN (SELECT v.article FROM versions v%1 WHERE %2)")
                    .arg(plan.scan.isEmpty() ? QStringLiteral(" INDEXED BY versions_article_by_id")
                                             : QString(),
                         plan.condition(QStringLiteral("v")));
            f.values.append(plan.values);
        }
    }
    return f;
}

} // namespace detail

Result<QList<ArticleSummary>> Library::list(const ListFilter& filter) const {
    const detail::FilterSql where = detail::filterSql(filter);
    if (where.nothing)
        return QList<ArticleSummary>();
    QString sql = QStringLiteral(
        "SELECT a.uuid, a.slug, a.status, a.updated,"
        // SQLite does not let ORDER BY in a subquery see the outer row, hence two.
        " coalesce((SELECT title FROM versions v WHERE v.article = a.id"
        "  AND v.language = a.source_language),"
        "  (SELECT title FROM versions v WHERE v.article = a.id ORDER BY v.position LIMIT 1))"
        "  AS title,"
        " (SELECT group_concat(language, ' ') FROM"
        "  (SELECT language FROM versions v WHERE v.article = a.id ORDER BY v.position)),"
        " a.source_language, a.byline, a.trashed,"
        " (SELECT group_concat(slug, ' ') FROM (SELECT t.slug FROM article_tags l"
        "  JOIN tags t ON t.id = l.tag WHERE l.article = a.id ORDER BY l.position)),"
        " (SELECT group_concat(slug, ' ') FROM (SELECT c.slug FROM article_categories l"
        "  JOIN categories c ON c.id = l.category WHERE l.article = a.id ORDER BY l.position)),"
        " a.id");
    sql += where.from + where.where + orderSql(filter) + QStringLiteral(" LIMIT ? OFFSET ?");
    QVariantList values = where.values;
    values.append(filter.limit < 0 ? -1 : filter.limit);
    values.append(qMax(0, filter.offset));

    QSqlQuery& q = d->prepared(sql);
    for (qsizetype i = 0; i < values.size(); ++i)
        q.bindValue(int(i), values[i]);
    if (!q.exec())
        return detail::searchFailure(*d, Library::tr("cannot list the articles"), d->errorOf(q));
    QList<ArticleSummary> rows;
    QList<qint64> shown;
    while (q.next()) {
        shown.append(q.value(11).toLongLong());
        ArticleSummary s;
        s.id = QUuid::fromString(q.value(0).toString());
        s.slug = q.value(1).toString();
        s.status = statusOf(q.value(2));
        s.updated = parseIsoTimestamp(q.value(3).toString());
        s.title = q.value(4).toString();
        s.languages = q.value(5).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const QString source = q.value(6).toString();
        s.titleLanguage = s.languages.contains(source) ? source : s.languages.value(0);
        s.byline = q.value(7).toString();
        s.trashed = parseIsoTimestamp(q.value(8).toString());
        // Slugs hold no spaces (validateSlug()).
        s.tags = q.value(9).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        s.categories = q.value(10).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        rows.append(s);
    }
    const QSqlError error = d->errorOf(q);
    q.finish();
    if (error.isValid())
        return detail::searchFailure(*d, Library::tr("cannot list the articles"), error);
    // As search(): what the indexes answered is compared with the text, for the rows
    // shown. The other filters may be what left nothing: then the text was found, and
    // no version's text needs reading.
    if (!filter.text.trimmed().isEmpty()) {
        const detail::SearchPlan plan = detail::searchPlan(filter.text);
        bool nothingFound = rows.isEmpty();
        if (nothingFound) {
            QSqlQuery any(d->db);
            any.prepare(QStringLiteral("SELECT 1 FROM versions v WHERE %1 LIMIT 1")
                            .arg(plan.condition(QStringLiteral("v"))));
            for (qsizetype i = 0; i < plan.values.size(); ++i)
                any.bindValue(int(i), plan.values[i]);
            if (!any.exec())
                return detail::searchFailure(*d, Library::tr("cannot list the articles"),
                                             any.lastError());
            nothingFound = !any.next();
        }
        if (auto verified = detail::verifyAnswer(
                *d, plan, nothingFound, detail::shownRows(QLatin1String("article"), shown));
            !verified)
            return verified.failure();
    }
    return rows;
}

Result<int> Library::count() const {
    QSqlQuery& q = d->prepared(QStringLiteral("SELECT count(*) FROM articles"));
    if (!q.exec() || !q.next())
        return d->sqlError(Library::tr("cannot count the articles"), q);
    const int n = q.value(0).toInt();
    q.finish();
    return n;
}

Result<int> Library::count(const ListFilter& filter) const {
    const detail::FilterSql where = detail::filterSql(filter);
    if (where.nothing)
        return 0;
    QSqlQuery& q = d->prepared(QStringLiteral("SELECT count(*)") + where.from + where.where);
    for (qsizetype i = 0; i < where.values.size(); ++i)
        q.bindValue(int(i), where.values[i]);
    if (!q.exec() || !q.next())
        return detail::searchFailure(*d, Library::tr("cannot count the articles"), d->errorOf(q));
    const int n = q.value(0).toInt();
    q.finish();
    return n;
}

Result<QString> Library::uniqueSlug(const QString& base, const QUuid& exclude) const {
    const QString stem = base.isEmpty() ? QStringLiteral("article") : base;
    QSqlQuery& q = d->prepared(QStringLiteral("SELECT uuid FROM articles WHERE slug = ?"));
    QString candidate = stem;
    for (int n = 2;; ++n) {
        q.bindValue(0, candidate);
        if (!q.exec())
            return d->sqlError(Library::tr("cannot look up slug '%1'").arg(candidate), q);
        const bool used =
            q.next() && (exclude.isNull() || q.value(0).toString() != uuidText(exclude));
        q.finish();
        if (!used)
            return candidate;
        candidate = stem + QLatin1Char('-') + QString::number(n);
    }
}

// ---- revisions ----

Result<QList<RevisionInfo>> Library::revisions(const QUuid& articleId) const {
    QSqlQuery& q = d->prepared(QStringLiteral(
        "SELECT r.id, r.kind, r.created, r.note FROM revisions r"
        " WHERE r.article = (SELECT id FROM articles WHERE uuid = ?) ORDER BY r.id DESC"));
    q.bindValue(0, uuidText(articleId));
    if (!q.exec())
        return d->sqlError(Library::tr("cannot read the revisions of %1").arg(uuidText(articleId)),
                           q);
    QList<RevisionInfo> list;
    while (q.next()) {
        RevisionInfo r;
        r.id = q.value(0).toLongLong();
        r.articleId = articleId;
        const QString kind = q.value(1).toString();
        for (auto k : {RevisionKind::Save, RevisionKind::Autosave, RevisionKind::Export,
                       RevisionKind::Publish, RevisionKind::Restore, RevisionKind::Import}) {
            if (revisionKindId(k) == kind)
                r.kind = k;
        }
        r.created = parseIsoTimestamp(q.value(2).toString());
        r.note = q.value(3).toString();
        list.append(r);
    }
    const QSqlError error = q.lastError();
    q.finish();
    if (error.isValid())
        return d->sqlError(Library::tr("cannot read the revisions of %1").arg(uuidText(articleId)),
                           error);
    return list;
}

Result<Article> Library::articleAtRevision(qint64 revisionId) const {
    auto read = [&](qint64 id, qint64* base) -> Result<QJsonObject> {
        QSqlQuery& q =
            d->prepared(QStringLiteral("SELECT snapshot, base FROM revisions WHERE id = ?"));
        q.bindValue(0, id);
        if (!q.exec())
            return d->sqlError(Library::tr("cannot read revision %1").arg(id), q);
        if (!q.next())
            return Error{Library::tr("%1: no revision %2").arg(d->path).arg(id),
                         ErrorKind::NotFound};
        const QByteArray json = q.value(0).toString().toUtf8();
        *base = q.value(1).toLongLong();
        q.finish();
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
        if (!doc.isObject())
            return Error{Library::tr("%1: revision %2 is damaged (%3)")
                             .arg(d->path)
                             .arg(id)
                             .arg(parseError.errorString()),
                         ErrorKind::Corrupt};
        return doc.object();
    };
    qint64 base = 0;
    auto snapshot = read(revisionId, &base);
    if (!snapshot)
        return snapshot.failure();
    QJsonObject json = *snapshot;
    if (base != 0) {
        // A metadata revision (schema version 6): the article's own fields here, its
        // versions in the full snapshot `base`.
        if (json.value(QLatin1String("format")).toString() !=
            QLatin1String("copydesk-article-metadata"))
            return Error{Library::tr("%1: revision %2 is damaged (not a metadata revision)")
                             .arg(d->path)
                             .arg(revisionId),
                         ErrorKind::Corrupt};
        qint64 baseOfBase = 0;
        auto full = read(base, &baseOfBase);
        if (!full)
            return full.kind() == ErrorKind::NotFound
                       ? Error{Library::tr("%1: revision %2 is damaged (its base revision %3 is "
                                           "missing)")
                                   .arg(d->path)
                                   .arg(revisionId)
                                   .arg(base),
                               ErrorKind::Corrupt}
                       : full.failure();
        if (baseOfBase != 0)
            return Error{Library::tr("%1: revision %2 is damaged (its base %3 is not a full "
                                     "snapshot)")
                             .arg(d->path)
                             .arg(revisionId)
                             .arg(base),
                         ErrorKind::Corrupt};
        QJsonObject merged = *full;
        for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
            if (it.key() != QLatin1String("format") && it.key() != QLatin1String("formatVersion"))
                merged.insert(it.key(), it.value());
        }
        json = merged;
    }
    return articleFromJson(json, Library::tr("%1: revision %2").arg(d->path).arg(revisionId));
}

Result<qint64> Library::restore(qint64 revisionId) {
    qint64 revision = 0;
    // One transaction from reading the snapshot to recording the restore, so that no
    // other change can come between them and a failure leaves the file as it was.
    const auto restored = d->transaction([&]() -> Result<void> {
        auto snapshot = articleAtRevision(revisionId);
        if (!snapshot)
            return snapshot.failure();
        const auto row = d->rowIdOf(snapshot->id);
        if (!row)
            return row.failure();
        if (!*row)
            return Error{Library::tr("%1: the article of revision %2 no longer exists")
                             .arg(d->path)
                             .arg(revisionId),
                         ErrorKind::NotFound};
        if (auto valid = validateSlug(snapshot->slug); !valid)
            return Error{Library::tr("%1: revision %2 of article '%3' cannot be restored: %4")
                             .arg(d->path)
                             .arg(revisionId)
                             .arg(snapshot->displayTitle(), valid.error()),
                         ErrorKind::InvalidInput};
        auto saved = save(*snapshot, RevisionKind::Restore,
                          Library::tr("restored revision %1").arg(revisionId));
        if (!saved)
            return saved.failure();
        revision = *saved;
        return {};
    });
    if (!restored)
        return restored.failure();
    return revision;
}

} // namespace copydesk
