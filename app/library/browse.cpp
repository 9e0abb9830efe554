// The library browser's reads: filtered, ordered pages of article rows by keyset
// paging, over a read-only connection of the browser's own.
#include "library/browse.h"

#include "library/articlejson.h"
#include "library/library.h"
#include "library/library_p.h"

#include <QAtomicInteger>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

#include <map>

namespace copydesk {

namespace {

const QString kSavedSearchesKey = QStringLiteral("browser.savedSearches");

QString connectionName() {
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("copydesk-browse-%1").arg(counter.fetchAndAddRelaxed(1));
}

/// The SQL value ordered by for `order`; every one is NOT NULL so that row-value
/// comparisons hold.
QString orderExpression(BrowseOrder order) {
    switch (order) {
    case BrowseOrder::Title:
        // The collation key of the article's title, indexed (schema version 7).
        return QStringLiteral("a.title_key");
    case BrowseOrder::Languages:
        return QStringLiteral("coalesce((SELECT group_concat(language, ' ') FROM"
                              " (SELECT language FROM versions v WHERE v.article = a.id"
                              "  ORDER BY v.position)), '')");
    case BrowseOrder::Status:
        // The workflow's order, not the identifiers' alphabetical one.
        return QStringLiteral("CASE a.status WHEN 'draft' THEN 0 WHEN 'in-review' THEN 1"
                              " WHEN 'ready' THEN 2 WHEN 'published' THEN 3 ELSE 4 END");
    case BrowseOrder::Tags:
        return QStringLiteral("coalesce((SELECT group_concat(slug, ' ') FROM"
                              " (SELECT t.slug FROM article_tags x JOIN tags t ON t.id = x.tag"
                              "  WHERE x.article = a.id ORDER BY x.position)), '')");
    case BrowseOrder::Byline:
        return QStringLiteral("a.byline COLLATE NOCASE");
    case BrowseOrder::Updated:
        return QStringLiteral("a.updated");
    }
    return QStringLiteral("a.updated");
}

/// The browser's filter as the library reads every filter (detail::filterSql()): a
/// day range is from the start of `since` to the end of `until`, UTC.
detail::FilterSql whereOf(const BrowseFilter& filter) {
    ListFilter f;
    f.text = filter.text;
    f.tag = filter.tag;
    f.category = filter.category;
    f.status = filter.status;
    f.language = filter.language;
    f.author = filter.author;
    if (filter.since.isValid())
        f.since = QDateTime(filter.since, QTime(0, 0), QTimeZone::utc());
    if (filter.until.isValid())
        f.until = QDateTime(filter.until.addDays(1), QTime(0, 0), QTimeZone::utc());
    f.trash = filter.trash;
    return detail::filterSql(f);
}

QString idList(const QList<qint64>& ids) {
    QStringList parts;
    parts.reserve(ids.size());
    for (qint64 id : ids)
        parts.append(QString::number(id));
    return parts.join(QLatin1Char(','));
}

} // namespace

bool BrowseFilter::isEmpty() const {
    return *this == BrowseFilter{};
}

QJsonObject BrowseFilter::toJson() const {
    QJsonObject o;
    auto put = [&o](const char* key, const QString& value) {
        if (!value.isEmpty())
            o.insert(QLatin1String(key), value);
    };
    put("text", text);
    put("tag", tag);
    put("category", category);
    if (status)
        put("status", statusId(*status));
    put("language", language);
    put("author", author);
    if (since.isValid())
        put("since", since.toString(Qt::ISODate));
    if (until.isValid())
        put("until", until.toString(Qt::ISODate));
    if (trash)
        o.insert(QLatin1String("trash"), true);
    return o;
}

BrowseFilter BrowseFilter::fromJson(const QJsonObject& o) {
    BrowseFilter f;
    auto get = [&o](const char* key) { return o.value(QLatin1String(key)).toString(); };
    f.text = get("text");
    f.tag = get("tag");
    f.category = get("category");
    f.status = statusFromId(get("status"));
    f.language = get("language");
    f.author = get("author");
    f.since = QDate::fromString(get("since"), Qt::ISODate);
    f.until = QDate::fromString(get("until"), Qt::ISODate);
    f.trash = o.value(QLatin1String("trash")).toBool();
    return f;
}

struct BrowseReader::Private {
    QString path;
    QString name;
    QSqlDatabase db;
    mutable std::map<QString, QSqlQuery> statements;

    QSqlQuery& prepared(const QString& sql) const {
        auto it = statements.find(sql);
        if (it == statements.end()) {
            QSqlQuery q(db);
            q.setForwardOnly(true);
            q.prepare(sql);
            it = statements.emplace(sql, std::move(q)).first;
        }
        return it->second;
    }
    Error failure(const QString& problem, const QSqlError& error) const {
        const ErrorKind kind = detail::errorKindOf(error);
        if (kind == ErrorKind::Corrupt)
            return Error{BrowseReader::tr("%1: the search index is damaged (%2); repairing the "
                                          "library rebuilds it from the articles")
                             .arg(path, error.databaseText()),
                         kind};
        return Error{BrowseReader::tr("%1: %2 (%3)").arg(path, problem, error.text()), kind};
    }
};

BrowseReader::BrowseReader(std::unique_ptr<Private> p)
    : d(std::move(p)) {}

BrowseReader::~BrowseReader() {
    d->statements.clear();
    d->db.close();
    d->db = QSqlDatabase();
    QSqlDatabase::removeDatabase(d->name);
}

Result<std::unique_ptr<BrowseReader>> BrowseReader::open(const Library& library) {
    return open(library.path());
}

Result<std::unique_ptr<BrowseReader>> BrowseReader::open(const QString& path) {
    auto p = std::make_unique<Private>();
    p->path = path;
    p->name = connectionName();
    p->db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), p->name);
    p->db.setDatabaseName(p->path);
    p->db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
    if (!p->db.open() || !detail::addFunctions(p->db)) {
        const Error error{tr("%1: cannot open the library for browsing (%2)")
                              .arg(p->path, p->db.lastError().text()),
                          ErrorKind::Io};
        p->db = QSqlDatabase();
        QSqlDatabase::removeDatabase(p->name);
        return error;
    }
    return std::unique_ptr<BrowseReader>(new BrowseReader(std::move(p)));
}

Result<QList<BrowseRow>> BrowseReader::page(const BrowseFilter& filter, BrowseOrder order,
                                            Qt::SortOrder direction,
                                            const std::optional<BrowseCursor>& after,
                                            int limit) const {
    const detail::FilterSql where = whereOf(filter);
    if (where.nothing || limit <= 0)
        return QList<BrowseRow>();
    const bool descending = direction == Qt::DescendingOrder;
    const QString key = orderExpression(order);
    // The rows of the page first (ordered by an index for Updated and Status, by a
    // top-N sort otherwise); their details after, for those rows only.
    QString sql = QStringLiteral("SELECT a.id, %1 AS k").arg(key) + where.from + where.where;
    QVariantList values = where.values;
    if (after) {
        sql += descending ? QStringLiteral(" AND (%1, a.id) < (?, ?)").arg(key)
                          : QStringLiteral(" AND (%1, a.id) > (?, ?)").arg(key);
        values << after->sortValue << after->rowId;
    }
    const QString dir = descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    sql += QStringLiteral(" ORDER BY k %1, a.id %1 LIMIT ?").arg(dir);
    values << limit;

    QSqlQuery& q = d->prepared(sql);
    for (qsizetype i = 0; i < values.size(); ++i)
        q.bindValue(int(i), values[i]);
    const QString problem = tr("cannot list the articles");
    if (!q.exec())
        return d->failure(problem, q.lastError());
    QList<BrowseRow> rows;
    QList<qint64> ids;
    while (q.next()) {
        BrowseRow row;
        row.rowId = q.value(0).toLongLong();
        row.sortValue = q.value(1);
        ids.append(row.rowId);
        rows.append(row);
    }
    const QSqlError error = q.lastError();
    q.finish();
    if (error.isValid())
        return d->failure(problem, error);
    if (rows.isEmpty())
        return rows;

    QHash<qint64, qsizetype> at;
    for (qsizetype i = 0; i < rows.size(); ++i)
        at.insert(rows[i].rowId, i);
    const QString list = idList(ids);
    QSqlQuery details(d->db);
    details.setForwardOnly(true);
    if (!details.exec(QStringLiteral("SELECT id, uuid, slug, status, updated, byline,"
                                     " source_language FROM articles WHERE id IN (%1)")
                          .arg(list)))
        return d->failure(problem, details.lastError());
    while (details.next()) {
        BrowseRow& row = rows[at.value(details.value(0).toLongLong())];
        row.id = QUuid::fromString(details.value(1).toString());
        row.slug = details.value(2).toString();
        row.status = statusFromId(details.value(3).toString()).value_or(Status::Draft);
        row.updated = parseIsoTimestamp(details.value(4).toString());
        row.byline = details.value(5).toString();
        row.sourceLanguage = details.value(6).toString();
    }
    if (details.lastError().isValid())
        return d->failure(problem, details.lastError());
    if (!details.exec(QStringLiteral("SELECT article, language, status, translated_from, title"
                                     " FROM versions WHERE article IN (%1)"
                                     " ORDER BY article, position")
                          .arg(list)))
        return d->failure(problem, details.lastError());
    QHash<qint64, QString> firstTitle;
    while (details.next()) {
        const qint64 article = details.value(0).toLongLong();
        BrowseRow& row = rows[at.value(article)];
        BrowseVersion v;
        v.language = details.value(1).toString();
        v.status = statusFromId(details.value(2).toString()).value_or(Status::Draft);
        v.translatedFrom = details.value(3).toString();
        if (row.versions.isEmpty() || v.language == row.sourceLanguage) {
            row.title = details.value(4).toString();
            row.titleLanguage = v.language;
        }
        row.versions.append(v);
    }
    if (details.lastError().isValid())
        return d->failure(problem, details.lastError());
    if (!details.exec(QStringLiteral("SELECT x.article, t.slug, l.label FROM article_tags x"
                                     " JOIN tags t ON t.id = x.tag"
                                     " JOIN articles a ON a.id = x.article"
                                     " LEFT JOIN tag_labels l ON l.tag = t.id"
                                     "  AND l.language = a.source_language"
                                     " WHERE x.article IN (%1) ORDER BY x.article, x.position")
                          .arg(list)))
        return d->failure(problem, details.lastError());
    while (details.next()) {
        BrowseRow& row = rows[at.value(details.value(0).toLongLong())];
        const QString slug = details.value(1).toString();
        const QString label = details.value(2).toString();
        row.tags.append(slug);
        row.tagLabels.append(label.isEmpty() ? slug : label);
    }
    if (details.lastError().isValid())
        return d->failure(problem, details.lastError());
    return rows;
}

Result<qint64> BrowseReader::count(const BrowseFilter& filter) const {
    const detail::FilterSql where = whereOf(filter);
    if (where.nothing)
        return qint64(0);
    QSqlQuery& q = d->prepared(QStringLiteral("SELECT count(*)") + where.from + where.where);
    for (qsizetype i = 0; i < where.values.size(); ++i)
        q.bindValue(int(i), where.values[i]);
    if (!q.exec() || !q.next())
        return d->failure(tr("cannot count the articles"), q.lastError());
    const qint64 n = q.value(0).toLongLong();
    q.finish();
    return n;
}

namespace {

Result<QStringList> column(const QSqlDatabase& db, const QString& sql,
                           const std::function<Error(const QSqlError&)>& fail) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(sql))
        return fail(q.lastError());
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    if (q.lastError().isValid())
        return fail(q.lastError());
    return out;
}

} // namespace

Result<QStringList> BrowseReader::bylines() const {
    return column(
        d->db,
        QStringLiteral("SELECT DISTINCT byline FROM articles WHERE byline <> '' ORDER BY byline"),
        [this](const QSqlError& e) { return d->failure(tr("cannot read the bylines"), e); });
}

Result<QStringList> BrowseReader::languages() const {
    return column(
        d->db, QStringLiteral("SELECT DISTINCT language FROM versions ORDER BY language"),
        [this](const QSqlError& e) { return d->failure(tr("cannot read the languages"), e); });
}

Result<QList<SavedSearch>> savedSearches(const Library& library) {
    const auto stored = library.setting(kSavedSearchesKey);
    if (!stored)
        return stored.failure();
    QList<SavedSearch> out;
    if (stored->isEmpty())
        return out;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(stored->toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return Error{BrowseReader::tr("%1: the saved searches are not readable (%2)")
                         .arg(library.path(), error.errorString()),
                     ErrorKind::Corrupt};
    for (const QJsonValue& value : doc.array()) {
        const QJsonObject o = value.toObject();
        SavedSearch s;
        s.name = o.value(QLatin1String("name")).toString();
        s.filter = BrowseFilter::fromJson(o.value(QLatin1String("filter")).toObject());
        if (!s.name.isEmpty())
            out.append(s);
    }
    return out;
}

Result<void> setSavedSearches(Library& library, const QList<SavedSearch>& searches) {
    QJsonArray array;
    QSet<QString> names;
    for (const SavedSearch& s : searches) {
        const QString name = s.name.trimmed();
        if (name.isEmpty())
            return Error{BrowseReader::tr("a saved search needs a name"), ErrorKind::InvalidInput};
        if (names.contains(name))
            return Error{BrowseReader::tr("there is a saved search named '%1' already").arg(name),
                         ErrorKind::InvalidInput};
        names.insert(name);
        QJsonObject o;
        o.insert(QLatin1String("name"), name);
        o.insert(QLatin1String("filter"), s.filter.toJson());
        array.append(o);
    }
    return library.setSetting(
        kSavedSearchesKey, QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
}

} // namespace copydesk
