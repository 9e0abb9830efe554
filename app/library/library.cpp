// Opening, locking and upgrading a library file; settings, tags and media. Articles,
// revisions and search live in library_articles.cpp and library_search.cpp.
#include "library/library.h"
#include "library/articlejson.h"
#include "library/library_p.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QtEndian>

namespace copydesk {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("Library", text);
}

// SQLite result codes that deserve their own message.
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteNotADatabase = 26;

int primaryCode(const QSqlError& error) {
    return error.nativeErrorCode().toInt() & 0xff;
}

QString fileProblem(const QString& path, const QSqlError& error) {
    switch (primaryCode(error)) {
    case kSqliteNotADatabase:
        return tr("%1: not a Copydesk library (file is not a database)").arg(path);
    case kSqliteCorrupt:
        return tr("%1: the library file is damaged (%2)").arg(path, error.databaseText());
    default:
        return tr("%1: cannot open the library (%2)").arg(path, error.databaseText());
    }
}

QString nextConnectionName() {
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("copydesk-library-%1").arg(counter.fetchAndAddRelaxed(1));
}

// Checks done before SQLite sees the file, so that the common mistakes get a precise
// message and nothing, not even a -wal file, is created for them.
std::optional<Error> checkPath(const QString& path, Library::Mode mode) {
    const QFileInfo info(path);
    if (info.isDir())
        return Error{tr("%1: is a folder, not a library file").arg(path)};
    if (!info.exists()) {
        if (mode == Library::Mode::ReadOnly)
            return Error{tr("%1: no such library file").arg(path)};
        const QFileInfo dir(info.absolutePath());
        if (dir.exists() && !dir.isDir())
            return Error{tr("%1: cannot create the library: %2 is a file, not a folder")
                             .arg(path, dir.filePath())};
        if (!dir.isDir())
            return Error{tr("%1: cannot create the library: folder %2 does not exist")
                             .arg(path, dir.filePath())};
        if (!dir.isWritable())
            return Error{tr("%1: cannot create the library: folder %2 is not writable")
                             .arg(path, dir.filePath())};
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("%1: cannot read the file (%2)").arg(path, file.errorString())};
    const QByteArray header = file.read(16);
    if (!header.isEmpty() && header != QByteArray("SQLite format 3\0", 16))
        return Error{tr("%1: not a Copydesk library (file is not a database)").arg(path)};
    return std::nullopt;
}

// Reads the first value of `sql`; distinguishes "no row" from failure.
std::optional<QVariant> scalar(QSqlDatabase& db, const QString& sql, QSqlError* error) {
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        *error = q.lastError();
        return std::nullopt;
    }
    return q.next() ? q.value(0) : QVariant();
}

} // namespace

QString revisionKindId(RevisionKind kind) {
    switch (kind) {
    case RevisionKind::Save:
        return QStringLiteral("save");
    case RevisionKind::Export:
        return QStringLiteral("export");
    case RevisionKind::Publish:
        return QStringLiteral("publish");
    case RevisionKind::Restore:
        return QStringLiteral("restore");
    case RevisionKind::Import:
        return QStringLiteral("import");
    }
    return {};
}

QSqlQuery& Library::Private::prepared(const QString& sql) {
    if (auto it = statements.find(sql); it != statements.end())
        return it->second;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        // Not cached: the caller's exec() fails and reports lastError().
        failedStatement = std::move(q);
        return failedStatement;
    }
    return statements.emplace(sql, std::move(q)).first->second;
}

Error Library::Private::sqlError(const QString& problem, const QSqlError& error) const {
    return Error{tr("%1: %2 (%3)").arg(path, problem, error.databaseText())};
}

std::optional<Error> Library::Private::refuseReadOnly() const {
    if (mode == Mode::ReadOnly)
        return Error{tr("%1: the library is open read-only").arg(path)};
    return std::nullopt;
}

bool Library::Private::exec(const QString& sql) {
    lastError = QSqlError();
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        lastError = q.lastError();
        return false;
    }
    return true;
}

Library::Library(std::unique_ptr<Private> p)
    : d(std::move(p)) {}

Library::~Library() {
    const QString name = d->connectionName;
    d->statements.clear();
    d->failedStatement = QSqlQuery();
    d->db.close();
    d->db = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
    // d->lock unlocks in its destructor, after the file is closed.
}

// SQLite keeps PRAGMA user_version big-endian at byte 60 of the file header. It may
// lag behind a WAL that is not checkpointed yet, which only costs a needless attempt
// below.
static int headerSchemaVersion(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray header = file.read(64);
    if (header.size() < 64)
        return -1;
    return qFromBigEndian<qint32>(header.constData() + 60);
}

Result<std::unique_ptr<Library>> Library::open(const QString& pathIn, Mode mode) {
    const QString path = QFileInfo(pathIn).absoluteFilePath();
    if (auto problem = checkPath(path, mode))
        return *problem;

    // A reader of a library written by an older Copydesk upgrades it first (lossless,
    // one transaction) when it can write the file and no one else is writing it;
    // otherwise it gets the "older schema" error below.
    if (mode == Mode::ReadOnly && QFileInfo(path).isWritable()) {
        const int version = headerSchemaVersion(path);
        if (version > 0 && version < detail::latestSchemaVersion())
            (void)open(path, Mode::ReadWrite);
    }

    auto p = std::make_unique<Private>();
    p->path = path;
    p->mode = mode;
    if (mode == Mode::ReadWrite) {
        // One writer per file. QLockFile records pid and host and treats the lock of
        // a dead process as stale, so a crash does not lock the user out. Age alone
        // must never break a live writer's lock, hence stale time 0.
        p->lock = std::make_unique<QLockFile>(path + QStringLiteral(".lock"));
        p->lock->setStaleLockTime(0);
        if (!p->lock->tryLock(0)) {
            if (p->lock->error() == QLockFile::LockFailedError) {
                qint64 pid = 0;
                QString host, app;
                p->lock->getLockInfo(&pid, &host, &app);
                return Error{tr("library %1 is open in another Copydesk process (pid %2); close "
                                "it or open read-only")
                                 .arg(path)
                                 .arg(pid)};
            }
            return Error{tr("%1: cannot create the lock file %1.lock").arg(path)};
        }
    }

    // The connection is removed by ~Library, or by this guard on every early return.
    p->connectionName = nextConnectionName();
    struct ConnectionGuard {
        Private* p;
        ~ConnectionGuard() {
            if (!p)
                return;
            p->statements.clear();
            p->failedStatement = QSqlQuery();
            p->db.close();
            p->db = QSqlDatabase();
            QSqlDatabase::removeDatabase(p->connectionName);
        }
    } guard{p.get()};
    p->db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), p->connectionName);
    p->db.setDatabaseName(path);
    p->db.setConnectOptions(mode == Mode::ReadOnly
                                ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")
                                : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!p->db.open())
        return Error{fileProblem(path, p->db.lastError())};

    // Read before writing anything: a foreign or damaged file must stay untouched.
    QSqlError error;
    const auto tables = scalar(p->db, QStringLiteral("SELECT count(*) FROM sqlite_master"), &error);
    if (!tables)
        return Error{fileProblem(path, error)};
    const auto appId = scalar(p->db, QStringLiteral("PRAGMA application_id"), &error);
    const auto version = scalar(p->db, QStringLiteral("PRAGMA user_version"), &error);
    if (!appId || !version)
        return Error{fileProblem(path, error)};
    const bool empty = tables->toInt() == 0 && version->toInt() == 0;
    if (!empty && appId->toInt() != detail::kApplicationId)
        return Error{
            tr("%1: not a Copydesk library (an SQLite database of another program)").arg(path)};
    const int fileVersion = version->toInt();
    if (fileVersion > detail::latestSchemaVersion()) {
        return Error{tr("%1: the library was written by a newer Copydesk (schema version %2; "
                        "this version reads up to %3)")
                         .arg(path)
                         .arg(fileVersion)
                         .arg(detail::latestSchemaVersion())};
    }
    if (mode == Mode::ReadOnly) {
        if (empty)
            return Error{tr("%1: not a Copydesk library (empty file)").arg(path)};
        if (fileVersion < detail::latestSchemaVersion()) {
            return Error{tr("%1: the library has the older schema version %2; open it once for "
                            "writing to upgrade it")
                             .arg(path)
                             .arg(fileVersion)};
        }
    }
    // Touch every table once: a truncated file fails here rather than in the middle
    // of the user's work.
    const auto probe =
        scalar(p->db,
               fileVersion == 0
                   ? QStringLiteral("SELECT 1")
                   : QStringLiteral(
                         "SELECT (SELECT max(id) FROM articles) + (SELECT max(id) FROM versions)"
                         " + (SELECT max(id) FROM revisions)"),
               &error);
    if (!probe)
        return Error{fileProblem(path, error)};

    if (!p->exec(QStringLiteral("PRAGMA foreign_keys = ON")))
        return Error{fileProblem(path, p->lastError)};
    if (mode == Mode::ReadWrite) {
        // WAL lets readers (a read-only CLI, the GUI's list) work while a save runs;
        // FULL makes each committed save durable across power loss, not just crashes.
        if (!p->exec(QStringLiteral("PRAGMA journal_mode = WAL")) ||
            !p->exec(QStringLiteral("PRAGMA synchronous = FULL")))
            return Error{fileProblem(path, p->lastError)};
        if (fileVersion < detail::latestSchemaVersion()) {
            if (!p->db.transaction())
                return Error{fileProblem(path, p->db.lastError())};
            const QString problem = detail::migrate(p->db, fileVersion);
            if (!problem.isEmpty()) {
                p->db.rollback();
                return Error{tr("%1: cannot upgrade the library from schema version %2 (%3)")
                                 .arg(path)
                                 .arg(fileVersion)
                                 .arg(problem)};
            }
            if (!p->db.commit()) {
                const QSqlError commitError = p->db.lastError();
                p->db.rollback();
                return Error{fileProblem(path, commitError)};
            }
        }
    }
    guard.p = nullptr;
    return std::unique_ptr<Library>(new Library(std::move(p)));
}

QString Library::defaultPath() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/library.copydesk");
}

namespace {
Result<void> importSamples(Library& library);
} // namespace

Result<std::unique_ptr<Library>> Library::openOrCreateWithSamples(const QString& path, Mode mode) {
    if (QFileInfo::exists(path))
        return open(path, mode);
    auto created = open(path, Mode::ReadWrite);
    if (!created)
        return created;
    const auto imported = importSamples(**created);
    if (!imported) {
        // Leave no half-initialised library behind: the next start tries again.
        created = Error{};
        for (const auto* suffix : {"", "-wal", "-shm"})
            QFile::remove(path + QLatin1String(suffix));
        return Error{imported.error()};
    }
    if (mode == Mode::ReadWrite)
        return created;
    created = Error{};
    return open(path, mode);
}

namespace {
Result<void> importSamples(Library& library) {
    {
        QList<Article> samples;
        QList<QJsonObject> sources;
        const QDir dir(QStringLiteral(":/samples"));
        const QStringList files =
            dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        for (const QString& name : files) {
            QFile file(dir.filePath(name));
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
            auto article = articleFromJson(json, file.fileName());
            if (!article)
                return Error{article.error()};
            samples.append(*article);
            sources.append(json);
        }
        auto saved = library.saveAll(samples, RevisionKind::Import, tr("sample article"));
        if (!saved)
            return Error{saved.error()};
        // Sample files may name tag and category labels: {"tagLabels": {"slug": {"en": …}}}
        for (const QJsonObject& json : std::as_const(sources)) {
            for (const auto kind : {QLatin1String("tagLabels"), QLatin1String("categoryLabels")}) {
                const QJsonObject terms = json.value(kind).toObject();
                for (auto t = terms.begin(); t != terms.end(); ++t) {
                    const QJsonObject labels = t.value().toObject();
                    for (auto l = labels.begin(); l != labels.end(); ++l) {
                        const auto set =
                            kind == QLatin1String("tagLabels")
                                ? library.setTagLabel(t.key(), l.key(), l.value().toString())
                                : library.setCategoryLabel(t.key(), l.key(), l.value().toString());
                        if (!set)
                            return Error{set.error()};
                    }
                }
            }
        }
    }
    return {};
}
} // namespace

QString Library::path() const {
    return d->path;
}

Library::Mode Library::mode() const {
    return d->mode;
}

int Library::schemaVersion() {
    return detail::latestSchemaVersion();
}

// ---- settings ----

QString Library::setting(const QString& key, const QString& fallback) const {
    QSqlQuery& q = d->prepared(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.bindValue(0, key);
    QString value = fallback;
    if (q.exec() && q.next())
        value = q.value(0).toString();
    q.finish();
    return value;
}

Result<void> Library::setSetting(const QString& key, const QString& value) {
    if (auto refused = d->refuseReadOnly())
        return *refused;
    QSqlQuery& q =
        d->prepared(QStringLiteral("INSERT INTO settings(key, value) VALUES (?, ?)"
                                   " ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q.bindValue(0, key);
    q.bindValue(1, value.isNull() ? QStringLiteral("") : value); // NOT NULL column
    if (!q.exec())
        return d->sqlError(tr("cannot store setting '%1'").arg(key), q);
    return {};
}

// ---- tags and categories ----

namespace {

struct TermTables {
    QLatin1String terms, labels, column;
};
constexpr TermTables kTags{QLatin1String("tags"), QLatin1String("tag_labels"),
                           QLatin1String("tag")};
constexpr TermTables kCategories{QLatin1String("categories"), QLatin1String("category_labels"),
                                 QLatin1String("category")};

QList<Term> readTerms(Library::Private& d, const TermTables& t) {
    QSqlQuery& q = d.prepared(
        QStringLiteral("SELECT t.slug, l.language, l.label FROM %1 t LEFT JOIN %2 l ON l.%3 = t.id"
                       " ORDER BY t.slug")
            .arg(t.terms, t.labels, t.column));
    QList<Term> terms;
    if (q.exec()) {
        while (q.next()) {
            const QString slug = q.value(0).toString();
            if (terms.isEmpty() || terms.back().slug != slug)
                terms.append(Term{slug, {}});
            if (!q.value(1).isNull())
                terms.back().labels.insert(q.value(1).toString(), q.value(2).toString());
        }
    }
    q.finish();
    return terms;
}

Result<void> writeLabel(Library::Private& d, const TermTables& t, const QString& slug,
                        const QString& language, const QString& label) {
    if (auto refused = d.refuseReadOnly())
        return *refused;
    if (slug.isEmpty() || language.isEmpty())
        return Error{tr("%1: a label needs a slug and a language").arg(d.path)};
    if (!d.db.transaction())
        return d.sqlError(tr("cannot start a transaction"), d.db.lastError());
    QSqlQuery& add =
        d.prepared(QStringLiteral("INSERT OR IGNORE INTO %1(slug) VALUES (?)").arg(t.terms));
    add.bindValue(0, slug);
    QSqlQuery& set = d.prepared(
        label.isEmpty()
            ? QStringLiteral("DELETE FROM %1 WHERE %2 = (SELECT id FROM %3 WHERE slug = ?)"
                             " AND language = ?")
                  .arg(t.labels, t.column, t.terms)
            : QStringLiteral("INSERT INTO %1(%2, language, label)"
                             " VALUES ((SELECT id FROM %3 WHERE slug = ?), ?, ?)"
                             " ON CONFLICT DO UPDATE SET label = excluded.label")
                  .arg(t.labels, t.column, t.terms));
    set.bindValue(0, slug);
    set.bindValue(1, language);
    if (!label.isEmpty())
        set.bindValue(2, label);
    if (!add.exec() || !set.exec() || !d.db.commit()) {
        const QSqlError error = add.lastError().isValid()   ? add.lastError()
                                : set.lastError().isValid() ? set.lastError()
                                                            : d.db.lastError();
        d.db.rollback();
        return d.sqlError(tr("cannot label '%1'").arg(slug), error);
    }
    return {};
}

} // namespace

QList<Term> Library::tags() const {
    return readTerms(*d, kTags);
}

QList<Term> Library::categories() const {
    return readTerms(*d, kCategories);
}

Result<void> Library::setTagLabel(const QString& slug, const QString& language,
                                  const QString& label) {
    return writeLabel(*d, kTags, slug, language, label);
}

Result<void> Library::setCategoryLabel(const QString& slug, const QString& language,
                                       const QString& label) {
    return writeLabel(*d, kCategories, slug, language, label);
}

// ---- media ----

Result<QString> Library::addMedia(const QByteArray& data, const QString& name,
                                  const QString& mimeType) {
    if (auto refused = d->refuseReadOnly())
        return *refused;
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || name.trimmed() != name)
        return Error{tr("%1: '%2' is not a valid media name").arg(d->path, name)};
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    if (!d->db.transaction())
        return d->sqlError(tr("cannot start a transaction"), d->db.lastError());
    QSqlQuery& blob =
        d->prepared(QStringLiteral("INSERT INTO media_blobs(sha256, data) VALUES (?, ?)"
                                   " ON CONFLICT(sha256) DO NOTHING"));
    blob.bindValue(0, sha);
    blob.bindValue(1, data);
    QSqlQuery& entry =
        d->prepared(QStringLiteral("INSERT INTO media(name, blob, mime_type)"
                                   " VALUES (?, (SELECT id FROM media_blobs WHERE sha256 = ?), ?)"
                                   " ON CONFLICT(name) DO UPDATE SET blob = excluded.blob,"
                                   " mime_type = excluded.mime_type"));
    entry.bindValue(0, name);
    entry.bindValue(1, sha);
    entry.bindValue(2, mimeType.isNull() ? QStringLiteral("") : mimeType);
    // A name re-pointed at new content may leave its old blob unused.
    const QString prune =
        QStringLiteral("DELETE FROM media_blobs WHERE id NOT IN (SELECT blob FROM media)");
    if (!blob.exec() || !entry.exec() || !d->exec(prune) || !d->db.commit()) {
        const QSqlError error = blob.lastError().isValid()    ? blob.lastError()
                                : entry.lastError().isValid() ? entry.lastError()
                                : d->lastError.isValid()      ? d->lastError
                                                              : d->db.lastError();
        d->db.rollback();
        return d->sqlError(tr("cannot store media '%1'").arg(name), error);
    }
    return sha;
}

Result<Media> Library::media(const QString& name) const {
    QSqlQuery& q =
        d->prepared(QStringLiteral("SELECT b.sha256, m.mime_type, b.data FROM media m"
                                   " JOIN media_blobs b ON b.id = m.blob WHERE m.name = ?"));
    q.bindValue(0, name);
    if (!q.exec())
        return d->sqlError(tr("cannot read media '%1'").arg(name), q);
    if (!q.next())
        return Error{tr("%1: no media named '%2'").arg(d->path, name)};
    Media m;
    m.sha256 = q.value(0).toString();
    m.name = name;
    m.mimeType = q.value(1).toString();
    m.data = q.value(2).toByteArray();
    q.finish();
    QSqlQuery& alt =
        d->prepared(QStringLiteral("SELECT language, alt FROM media_alt WHERE name = ?"));
    alt.bindValue(0, name);
    if (alt.exec()) {
        while (alt.next())
            m.altText.insert(alt.value(0).toString(), alt.value(1).toString());
    }
    alt.finish();
    return m;
}

QList<Media> Library::mediaList() const {
    QList<Media> list;
    QSqlQuery& q = d->prepared(
        QStringLiteral("SELECT m.name, b.sha256, m.mime_type, a.language, a.alt FROM media m"
                       " JOIN media_blobs b ON b.id = m.blob"
                       " LEFT JOIN media_alt a ON a.name = m.name ORDER BY m.name"));
    if (q.exec()) {
        while (q.next()) {
            const QString name = q.value(0).toString();
            if (list.isEmpty() || list.back().name != name) {
                Media m;
                m.name = name;
                m.sha256 = q.value(1).toString();
                m.mimeType = q.value(2).toString();
                list.append(m);
            }
            if (!q.value(3).isNull())
                list.back().altText.insert(q.value(3).toString(), q.value(4).toString());
        }
    }
    q.finish();
    return list;
}

Result<void> Library::setMediaAltText(const QString& name, const QString& language,
                                      const QString& alt) {
    if (auto refused = d->refuseReadOnly())
        return *refused;
    QSqlQuery& exists = d->prepared(QStringLiteral("SELECT 1 FROM media WHERE name = ?"));
    exists.bindValue(0, name);
    const bool found = exists.exec() && exists.next();
    exists.finish();
    if (!found)
        return Error{tr("%1: no media named '%2'").arg(d->path, name)};
    QSqlQuery& q = d->prepared(
        alt.isEmpty() ? QStringLiteral("DELETE FROM media_alt WHERE name = ? AND language = ?")
                      : QStringLiteral("INSERT INTO media_alt(name, language, alt) VALUES (?, ?, ?)"
                                       " ON CONFLICT DO UPDATE SET alt = excluded.alt"));
    q.bindValue(0, name);
    q.bindValue(1, language);
    if (!alt.isEmpty())
        q.bindValue(2, alt);
    if (!q.exec())
        return d->sqlError(tr("cannot set the alt text of '%1'").arg(name), q);
    return {};
}

Result<void> Library::removeMedia(const QString& name) {
    if (auto refused = d->refuseReadOnly())
        return *refused;
    if (!d->db.transaction())
        return d->sqlError(tr("cannot start a transaction"), d->db.lastError());
    QSqlQuery& q = d->prepared(QStringLiteral("DELETE FROM media WHERE name = ?"));
    q.bindValue(0, name);
    const QString prune =
        QStringLiteral("DELETE FROM media_blobs WHERE id NOT IN (SELECT blob FROM media)");
    if (!q.exec()) {
        d->db.rollback();
        return d->sqlError(tr("cannot remove media '%1'").arg(name), q);
    }
    if (q.numRowsAffected() == 0) {
        d->db.rollback();
        return Error{tr("%1: no media named '%2'").arg(d->path, name)};
    }
    if (!d->exec(prune) || !d->db.commit()) {
        const QSqlError error = d->lastError.isValid() ? d->lastError : d->db.lastError();
        d->db.rollback();
        return d->sqlError(tr("cannot remove media '%1'").arg(name), error);
    }
    return {};
}

} // namespace copydesk
