#pragma once

// Internals shared by the library_*.cpp files; not part of the API.

#include "library/library.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <chrono>
#include <functional>
#include <map>
#include <memory>

struct sqlite3;

namespace copydesk {

/// The one-writer-per-library lock: flock(2) on "LIBRARY.lock", which holds the pid
/// of its owner for the message another process shows. See library.cpp for why.
class WriterLock final {
public:
    /// ErrorKind::Locked when another process (or another Library in this one)
    /// holds the lock, at once or after waiting options.lockWait for it.
    static Result<std::unique_ptr<WriterLock>> acquire(const QString& libraryPath,
                                                       const OpenOptions& options = {});
    ~WriterLock();
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;

private:
    WriterLock(int fd, QString path)
        : m_fd(fd)
        , m_path(std::move(path)) {}
    int m_fd;
    QString m_path;
};

struct Library::Private {
    QString path;
    Mode mode = Mode::ReadWrite;
    QString connectionName;
    QSqlDatabase db;
    /// The writer's lock (see WriterLock in library.cpp); null when read-only.
    std::unique_ptr<WriterLock> lock;
    /// Depth of Library::transaction() calls: 0 outside any, 1 in the outer BEGIN,
    /// more in nested SAVEPOINTs.
    int transactionDepth = 0;
    /// Prepared statements by SQL text: preparing once matters for bulk saves and
    /// for the list/search timings.
    std::map<QString, QSqlQuery> statements;
    QSqlQuery failedStatement;
    /// Why the statement in failedStatement did not prepare: its own lastError()
    /// only says that the bound values do not fit.
    QSqlError prepareError;
    /// The error of the last use of `query`, including a failed prepare.
    QSqlError errorOf(const QSqlQuery& query) const {
        return &query == &failedStatement && prepareError.isValid() ? prepareError
                                                                    : query.lastError();
    }

    /// A prepared statement for `sql`, reused across calls. Bound values of the last
    /// use are overwritten by the caller.
    QSqlQuery& prepared(const QString& sql);
    /// "PATH: <problem> (<sqlite message>)", with the kind the SQLite code means
    /// (disk full, locked, corrupt, I/O...).
    Error sqlError(const QString& problem, const QSqlError& error) const;
    Error sqlError(const QString& problem, const QSqlQuery& query) const {
        return sqlError(problem, errorOf(query));
    }
    /// The error for a write on a read-only library, or nullopt when writable.
    std::optional<Error> refuseReadOnly() const;

    /// Executes `sql` without caching; false on failure (see lastError).
    bool exec(const QString& sql);
    QSqlError lastError;

    /// Runs `work` all or nothing: the outermost call is one BEGIN IMMEDIATE ...
    /// COMMIT, inner calls are SAVEPOINTs (see Library::transaction()).
    Result<void> transaction(const std::function<Result<void>()>& work);

    // library_articles.cpp
    Result<qint64> saveOne(Article& article, RevisionKind kind, const QString& note,
                           const QDateTime& now);
    /// For an autosave of article row `rowId`: puts `snapshot` into the previous
    /// autosave revision when the merge rule allows (see Library::save()) and returns
    /// its id; nullopt when a new revision is to be recorded.
    Result<std::optional<qint64>> mergeAutosave(qint64 rowId, const QString& note,
                                                const QString& snapshot, const QDateTime& now);
    std::chrono::milliseconds autosaveMergeWindow = Library::kAutosaveMergeWindow;
    /// The row of article `id`: nullopt when there is none, an error when SQL fails.
    Result<std::optional<qint64>> rowIdOf(const QUuid& id);
    Result<Article> load(qint64 rowId) const;
};

/// The connection of a Library for the modules whose tables live in it and that
/// work on them set-wise (app/tags: a merge of a tag on 10,000 articles is a few
/// statements, not 10,000 loads and saves). They use Private's statement cache,
/// sqlError() and transaction(), and record revisions with
/// detail::recordMetadataRevisions().
struct LibraryAccess final {
    static Library::Private& of(Library& library) { return *library.d; }
    static const Library::Private& of(const Library& library) { return *library.d; }
};

namespace detail {

/// Inside a transaction: records a revision of `kind` with `note` for every article
/// whose row id is in the temporary table `articleTable` (one column, `article`),
/// after its own fields (status, tags, categories, byline...) were changed in place
/// and none of its versions. Sets `updated` of those articles to `now` first. Each
/// revision holds the article's fields only and names as its base the full snapshot
/// of the article's latest revision (see schema version 6), so recording 10,000 of them
/// is one INSERT ... SELECT. Library::articleAtRevision() puts the two together.
/// Returns the number of revisions recorded.
Result<int> recordMetadataRevisions(Library::Private& d, const QString& articleTable,
                                    RevisionKind kind, const QString& note, const QDateTime& now);

/// `articles.title_key` for an article titled `title` (Article::displayTitle()): its
/// collationKey(), never NULL (the column is NOT NULL; Qt binds an empty QByteArray
/// as NULL). The browser and list() sort by title with it, through an index.
QByteArray titleKey(const QString& title);

/// Text for the word index: every CJK ideograph, kana and hangul syllable stands
/// apart, so that the unicode61 tokenizer indexes each as one token and a phrase
/// query finds two-character words.
QString wordIndexText(QStringView text);
/// Every pair of adjacent CJK characters in `text`, each after a space: the word
/// index holds them too, so that a two-character Chinese word is one token.
QString wordIndexBigrams(QStringView text);

/// Keeps the contentless word index in step with `versions`. A contentless FTS5
/// table can only forget a row when given the exact text it indexed, so callers pass
/// the old values.
bool wordIndexInsert(QSqlQuery& query, qint64 rowId, const QString& title, const QString& summary,
                     const QString& body);
bool wordIndexDelete(QSqlQuery& query, qint64 rowId, const QString& title, const QString& summary,
                     const QString& body);
inline QString wordIndexInsertSql() {
    return QStringLiteral(
        "INSERT INTO search_words(rowid, title, summary, body) VALUES (?, ?, ?, ?)");
}
inline QString wordIndexDeleteSql() {
    return QStringLiteral("INSERT INTO search_words(search_words, rowid, title, summary, body) "
                          "VALUES ('delete', ?, ?, ?, ?)");
}

/// How search() and list() answer a query: each term on its own merits (see
/// Library::search()). condition() is SQL over a `versions` row, with one `?` per
/// entry of `values`, in order.
struct SearchPlan {
    QStringList trigram;      ///< FTS5 strings for search_trigram (3+ characters)
    QStringList trigramTerms; ///< the same terms unquoted, for verifyAnswer()
    QStringList words;        ///< FTS5 phrases for search_words (shorter terms)
    QStringList wordTerms;    ///< the same terms unquoted, for verifyAnswer()
    QStringList scan;         ///< substrings looked for in the text itself (no letters)
    QStringList terms;        ///< as typed, for snippets
    QStringList notes;        ///< see SearchResults::notes
    QVariantList values;
    bool empty() const { return trigram.isEmpty() && words.isEmpty() && scan.isEmpty(); }
    QString condition(const QString& alias) const;
};
/// Splits user text into terms (whitespace separates them, "double quotes" keep a
/// phrase) and decides how each is matched. Terms are quoted as FTS5 strings, so no
/// user input is read as query syntax.
SearchPlan searchPlan(const QString& text);
/// Before search() or list() answers `plan`: a damaged index page reads as a missing
/// term (or a wrong row) rather than as an error, so the answer of the indexes is
/// compared with the text itself (the versions table, the truth). GLOB patterns that
/// find each term in its usual case forms (whole words for the word index) are tried
/// on the rows the answer shows (`shown`, a condition on versions `v` made by
/// shownRows()) and, when the answer is empty (`answerEmpty`), on every version's
/// text; a row where the indexes and the text disagree is then decided exactly, by
/// indexing just that row again in a scratch FTS5 table of the same definition. No
/// false alarm is possible. Not caught here: rows a damaged index lost while it still
/// found others, and wrong rows on pages not shown (Library::checkSearchIndexTotals()
/// finds the damage; the window runs it after opening a library, `copydesk-cli repair`
/// too). A found answer costs a look at the rows it shows (the whole set the index
/// found took 45 ms for 1,000 articles in three languages, more than the query); an
/// empty one a pass over the text (as fast as a LIKE scan). ErrorKind::Corrupt when
/// damaged.
Result<void> verifyAnswer(const Library::Private& d, const SearchPlan& plan, bool answerEmpty,
                          const QString& shown);
/// The condition verifyAnswer() takes for the rows an answer shows: `column` (of
/// versions `v`) in `ids`, which are the library's own rowids, written into the SQL.
QString shownRows(QLatin1String column, const QList<qint64>& ids);
/// The error for a failed query that used the search indexes: a damaged index says
/// so (ErrorKind::Corrupt) and how to repair it.
Error searchFailure(const Library::Private& d, const QString& problem, const QSqlError& error);

/// What a ListFilter selects, as SQL over `articles a`: `from` is " FROM articles a"
/// with the joins the filter needs, `where` the " WHERE ..." clause, `values` the bound
/// values of both, in order. The one reading of a filter: list() and count() (what
/// copydesk-cli list prints) and the browser's pages and counts all use it, so that a
/// script sees what the browser shows. `nothing` is set when nothing can match (a
/// text query of punctuation only).
struct FilterSql {
    QString from;
    QString where;
    QVariantList values;
    bool nothing = false;
};
FilterSql filterSql(const ListFilter& filter);

/// The SQLite connection under `db`, or null when it is not one.
sqlite3* connectionOf(const QSqlDatabase& db);
/// Adds the SQL functions filterSql() uses to the open connection `db`: casefold(text),
/// the text in Unicode's case folding (SQLite's LIKE and NOCASE fold ASCII only).
bool addFunctions(const QSqlDatabase& db);

/// The kind of failure an SQLite error code means.
ErrorKind errorKindOf(const QSqlError& error);

/// Drops and rebuilds both search indexes from the versions table, inside the
/// caller's transaction. Returns a description of the failure, or an empty string.
QString rebuildSearchIndexes(QSqlDatabase& db);

/// The schema: PRAGMA application_id marks Copydesk files, user_version counts the
/// migrations applied.
constexpr int kApplicationId = 0x43447363; // "CDsc"
int latestSchemaVersion();
/// Applies the migrations after `fromVersion` inside the caller's transaction.
/// Returns a description of the failure, or an empty string.
QString migrate(QSqlDatabase& db, int fromVersion);

} // namespace detail

} // namespace copydesk
