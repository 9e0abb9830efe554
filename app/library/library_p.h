#pragma once

// Internals shared by the library_*.cpp files; not part of the API.

#include "library/library.h"

#include <QLockFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <map>
#include <memory>

namespace copydesk {

struct Library::Private {
    QString path;
    Mode mode = Mode::ReadWrite;
    QString connectionName;
    QSqlDatabase db;
    std::unique_ptr<QLockFile> lock;
    /// Prepared statements by SQL text: preparing once matters for bulk saves and
    /// for the list/search timings.
    std::map<QString, QSqlQuery> statements;
    QSqlQuery failedStatement;

    /// A prepared statement for `sql`, reused across calls. Bound values of the last
    /// use are overwritten by the caller.
    QSqlQuery& prepared(const QString& sql);
    /// "PATH: <problem> (<sqlite message>)"
    Error sqlError(const QString& problem, const QSqlError& error) const;
    Error sqlError(const QString& problem, const QSqlQuery& query) const {
        return sqlError(problem, query.lastError());
    }
    /// The error for a write on a read-only library, or nullopt when writable.
    std::optional<Error> refuseReadOnly() const;

    /// Executes `sql` without caching; false on failure (see lastError).
    bool exec(const QString& sql);
    QSqlError lastError;

    // library_articles.cpp
    Result<qint64> saveOne(Article& article, RevisionKind kind, const QString& note,
                           const QDateTime& now);
    std::optional<qint64> rowIdOf(const QUuid& id);
    Result<Article> load(qint64 rowId) const;
};

namespace detail {

/// Text for the word index: every CJK ideograph, kana and hangul syllable stands
/// apart, so that the unicode61 tokenizer indexes each as one token and a phrase
/// query finds two-character words.
QString wordIndexText(QStringView text);

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

/// A full-text query: which index to ask and the FTS5 MATCH expression.
struct SearchMatch {
    QString table;
    QString expression;
    QStringList terms; ///< as typed, for snippets
};
/// Builds the MATCH for user text: each whitespace-separated term must occur. When
/// every term has at least three characters the trigram index finds it anywhere,
/// even inside a word; otherwise the word index matches the terms as words (a CJK
/// term as a run of characters). Terms are quoted as FTS5 strings, so no user input
/// is read as query syntax. nullopt when nothing searchable is left.
std::optional<SearchMatch> searchMatch(const QString& text);

/// The schema: PRAGMA application_id marks Copydesk files, user_version counts the
/// migrations applied.
constexpr int kApplicationId = 0x43447363; // "CDsc"
int latestSchemaVersion();
/// Applies the migrations after `fromVersion` inside the caller's transaction.
/// Returns a description of the failure, or an empty string.
QString migrate(QSqlDatabase& db, int fromVersion);

} // namespace detail

} // namespace copydesk
