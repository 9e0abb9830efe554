// The library schema as a list of migrations. A file records in PRAGMA user_version
// how many it has had; opening it ReadWrite applies the rest in one transaction, so
// an old file is upgraded in place without losing anything, or not at all.
//
// Never edit a released step: add a new one. tests/app/library keeps a frozen copy
// of version 1 to check the upgrade path with real data.
#include "common/unicode.h"
#include "library/library_p.h"

#include <functional>
#include <vector>

namespace copydesk::detail {

namespace {

struct Migration {
    int version;
    QStringList statements;
    /// Data conversion that SQL alone cannot do; runs after the statements.
    std::function<QString(QSqlDatabase&)> convert;
};

// The search indexes as first created; rebuildSearchIndexes() recreates them alike.
QString trigramIndexSql() {
    // External content: the text lives once, in versions.
    return QStringLiteral("CREATE VIRTUAL TABLE search_trigram USING fts5("
                          "title, summary, body, content='versions', content_rowid='id',"
                          " tokenize='trigram')");
}

QString wordIndexSql() {
    return QStringLiteral("CREATE VIRTUAL TABLE search_words USING fts5("
                          "title, summary, body, content='',"
                          " tokenize='unicode61 remove_diacritics 2')");
}

// Version 1: articles, language versions, tags, categories, revisions, media,
// settings, and a trigram full-text index kept in step by triggers.
QStringList version1() {
    return {
        QStringLiteral("CREATE TABLE articles ("
                       " id INTEGER PRIMARY KEY,"
                       " uuid TEXT NOT NULL UNIQUE," // lowercase, without braces
                       " slug TEXT NOT NULL UNIQUE,"
                       " status TEXT NOT NULL DEFAULT 'draft',"
                       " created TEXT NOT NULL DEFAULT ''," // ISO 8601 UTC with ms: sorts as time
                       " updated TEXT NOT NULL DEFAULT '',"
                       " byline TEXT NOT NULL DEFAULT '',"
                       " dateline_place TEXT NOT NULL DEFAULT '',"
                       " dateline_date TEXT NOT NULL DEFAULT '',"
                       " featured_image TEXT NOT NULL DEFAULT '',"
                       " source_language TEXT NOT NULL DEFAULT '')"),
        // The list view sorts by updated; the index makes "first 100" a short walk.
        QStringLiteral("CREATE INDEX articles_by_updated ON articles(updated)"),
        QStringLiteral("CREATE INDEX articles_by_status ON articles(status, updated)"),
        QStringLiteral("CREATE TABLE versions ("
                       " id INTEGER PRIMARY KEY," // also the rowid in the full-text indexes
                       " article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
                       " position INTEGER NOT NULL DEFAULT 0,"
                       " language TEXT NOT NULL,"
                       " title TEXT NOT NULL DEFAULT '',"
                       " summary TEXT NOT NULL DEFAULT '',"
                       " body TEXT NOT NULL DEFAULT '',"
                       " seo_title TEXT NOT NULL DEFAULT '',"
                       " seo_description TEXT NOT NULL DEFAULT '',"
                       " status TEXT NOT NULL DEFAULT 'draft',"
                       " created TEXT NOT NULL DEFAULT '',"
                       " updated TEXT NOT NULL DEFAULT '',"
                       " translated_from TEXT NOT NULL DEFAULT '',"
                       " source_revision INTEGER NOT NULL DEFAULT 0,"
                       " source_fingerprints TEXT NOT NULL DEFAULT '[]'," // JSON array
                       " UNIQUE (article, language))"),
        QStringLiteral("CREATE INDEX versions_by_language ON versions(language)"),
        QStringLiteral("CREATE TABLE tags (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE)"),
        QStringLiteral("CREATE TABLE tag_labels ("
                       " tag INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,"
                       " language TEXT NOT NULL, label TEXT NOT NULL,"
                       " PRIMARY KEY (tag, language)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE article_tags ("
                       " article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
                       " tag INTEGER NOT NULL REFERENCES tags(id),"
                       " position INTEGER NOT NULL,"
                       " PRIMARY KEY (article, tag)) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX article_tags_by_tag ON article_tags(tag, article)"),
        QStringLiteral(
            "CREATE TABLE categories (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE)"),
        QStringLiteral("CREATE TABLE category_labels ("
                       " category INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,"
                       " language TEXT NOT NULL, label TEXT NOT NULL,"
                       " PRIMARY KEY (category, language)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE article_categories ("
                       " article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
                       " category INTEGER NOT NULL REFERENCES categories(id),"
                       " position INTEGER NOT NULL,"
                       " PRIMARY KEY (article, category)) WITHOUT ROWID"),
        QStringLiteral(
            "CREATE INDEX article_categories_by_category ON article_categories(category, article)"),
        // AUTOINCREMENT: a revision id is never reused, even after an article is
        // removed, because translations refer to source revisions by id.
        QStringLiteral("CREATE TABLE revisions ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
                       " kind TEXT NOT NULL,"
                       " created TEXT NOT NULL,"
                       " note TEXT NOT NULL DEFAULT '',"
                       " snapshot TEXT NOT NULL)"), // articleToJson()
        QStringLiteral("CREATE INDEX revisions_by_article ON revisions(article, id)"),
        QStringLiteral("CREATE TABLE media_blobs (id INTEGER PRIMARY KEY,"
                       " sha256 TEXT NOT NULL UNIQUE, data BLOB NOT NULL)"),
        QStringLiteral("CREATE TABLE media ("
                       " name TEXT PRIMARY KEY,"
                       " blob INTEGER NOT NULL REFERENCES media_blobs(id),"
                       " mime_type TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX media_by_blob ON media(blob)"),
        QStringLiteral("CREATE TABLE media_alt ("
                       " name TEXT NOT NULL REFERENCES media(name) ON DELETE CASCADE,"
                       " language TEXT NOT NULL, alt TEXT NOT NULL,"
                       " PRIMARY KEY (name, language)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
                       " WITHOUT ROWID"),
        trigramIndexSql(),
        QStringLiteral("CREATE TRIGGER versions_ai AFTER INSERT ON versions BEGIN"
                       " INSERT INTO search_trigram(rowid, title, summary, body)"
                       " VALUES (new.id, new.title, new.summary, new.body); END"),
        QStringLiteral("CREATE TRIGGER versions_ad AFTER DELETE ON versions BEGIN"
                       " INSERT INTO search_trigram(search_trigram, rowid, title, summary, body)"
                       " VALUES ('delete', old.id, old.title, old.summary, old.body); END"),
        QStringLiteral("CREATE TRIGGER versions_au AFTER UPDATE OF title, summary, body ON versions"
                       " BEGIN"
                       " INSERT INTO search_trigram(search_trigram, rowid, title, summary, body)"
                       " VALUES ('delete', old.id, old.title, old.summary, old.body);"
                       " INSERT INTO search_trigram(rowid, title, summary, body)"
                       " VALUES (new.id, new.title, new.summary, new.body); END"),
    };
}

// Version 2: the trigram index cannot match queries shorter than three characters,
// and Chinese words are often two. A second, contentless index holds the text with
// every CJK character apart (see wordIndexText()), for short queries.
QStringList version2() {
    return {wordIndexSql()};
}

QString fillWordIndex(QSqlDatabase& db) {
    QSqlQuery read(db);
    read.setForwardOnly(true);
    QSqlQuery insert(db);
    if (!read.exec(QStringLiteral("SELECT id, title, summary, body FROM versions")) ||
        !insert.prepare(wordIndexInsertSql())) {
        return read.lastError().isValid() ? read.lastError().text() : insert.lastError().text();
    }
    while (read.next()) {
        if (!wordIndexInsert(insert, read.value(0).toLongLong(), read.value(1).toString(),
                             read.value(2).toString(), read.value(3).toString()))
            return insert.lastError().text();
    }
    return {};
}

// Version 3: which characters wordIndexText() sets apart now comes from ICU's
// script data (common/unicode.h) instead of Qt's. The contentless word index can only
// forget text given exactly as it was indexed, so it is indexed again with the new
// rule, or a later save would remove tokens that were never there.
QStringList version3() {
    return {QStringLiteral("DROP TABLE search_words"), wordIndexSql()};
}

// Version 4: personal spelling dictionaries, the words the desk accepts in a language
// beyond Hunspell's (names, local terms), shared by everyone using the library.
// `language` is the primary language subtag (see Library::personalWords()).
QStringList version4() {
    return {QStringLiteral("CREATE TABLE personal_words ("
                           " language TEXT NOT NULL,"
                           " word TEXT NOT NULL,"
                           " added TEXT NOT NULL DEFAULT ''," // ISO 8601 UTC
                           " PRIMARY KEY (language, word)) WITHOUT ROWID")};
}

// Version 5: what a version imported from a site (Hugo, Jekyll) brings beyond the
// fields of every version: its own byline, its path in the site and its front matter
// as written (see LanguageVersion::sitePath), for an export that gives the site back.
QStringList version5() {
    return {
        QStringLiteral("ALTER TABLE versions ADD COLUMN byline TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE versions ADD COLUMN site_path TEXT NOT NULL DEFAULT ''"),
        QStringLiteral(
            "ALTER TABLE versions ADD COLUMN site_front_matter TEXT NOT NULL DEFAULT ''"),
    };
}

// Version 6: the vocabulary, the trash and cheap metadata revisions (issue 9).
// - categories.parent makes the categories a hierarchy (NULL at the top).
// - articles.trashed: when the article was moved to the trash ('' when it is not).
//   list() leaves trashed articles out; emptying the trash removes them.
// - revisions.base: 0 for a full snapshot; otherwise the snapshot holds only the
//   article's own fields (slug, status, tags, categories, byline...) and the versions
//   are those of revision `base`, a full snapshot. A change of tags, categories or
//   status on 10,000 articles so writes 10,000 short rows, not 10,000 copies of every
//   body (see detail::recordMetadataRevisions()).
// - Indexes for the browser's filters: by byline (author) and the trash.
QStringList version6() {
    return {
        QStringLiteral("ALTER TABLE categories ADD COLUMN parent INTEGER"
                       " REFERENCES categories(id) ON DELETE SET NULL"),
        QStringLiteral("CREATE INDEX categories_by_parent ON categories(parent)"),
        QStringLiteral("ALTER TABLE articles ADD COLUMN trashed TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("CREATE INDEX articles_by_trash ON articles(trashed, updated)"),
        // Which articles have a version in a language, without reading the versions.
        QStringLiteral("DROP INDEX versions_by_language"),
        QStringLiteral("CREATE INDEX versions_by_language ON versions(language, article)"),
        QStringLiteral("CREATE INDEX articles_by_byline ON articles(byline, updated)"),
        QStringLiteral("ALTER TABLE revisions ADD COLUMN base INTEGER NOT NULL DEFAULT 0"),
    };
}

// Version 7: articles.title_key, the collation key of the article's title (the source
// version's, else the first version's; see detail::titleKey()), and an index on it
// beside the trash flag, so that sorting by title walks the index instead of reading
// every article's versions (346 ms for the first 100 of 100,000 articles before).
QStringList version7() {
    return {
        QStringLiteral("ALTER TABLE articles ADD COLUMN title_key BLOB NOT NULL DEFAULT x''"),
        QStringLiteral("CREATE INDEX articles_by_title ON articles(trashed, title_key)"),
    };
}

QString fillTitleKeys(QSqlDatabase& db) {
    QSqlQuery read(db);
    read.setForwardOnly(true);
    QSqlQuery update(db);
    if (!read.exec(QStringLiteral(
            "SELECT a.id, coalesce((SELECT title FROM versions v WHERE v.article = a.id"
            "  AND v.language = a.source_language),"
            " (SELECT title FROM versions v WHERE v.article = a.id ORDER BY v.position LIMIT 1),"
            " '') FROM articles a")) ||
        !update.prepare(QStringLiteral("UPDATE articles SET title_key = ? WHERE id = ?"))) {
        return read.lastError().isValid() ? read.lastError().text() : update.lastError().text();
    }
    while (read.next()) {
        update.bindValue(0, titleKey(read.value(1).toString()));
        update.bindValue(1, read.value(0));
        if (!update.exec())
            return update.lastError().text();
    }
    return read.lastError().isValid() ? read.lastError().text() : QString();
}

// Version 8: the status and byline indexes lead with the trash flag, as every list()
// and count() asks for it. Without it SQLite answered "trashed = '' AND status = ?"
// through articles_by_title and read every row: 188 ms to count 100,000 articles by
// status, 244 ms for an author's 2,500, on every filter change in the browser. Now
// both counts read the index alone.
QStringList version8() {
    return {
        QStringLiteral("DROP INDEX articles_by_status"),
        QStringLiteral("CREATE INDEX articles_by_status ON articles(trashed, status, updated)"),
        QStringLiteral("DROP INDEX articles_by_byline"),
        QStringLiteral("CREATE INDEX articles_by_byline ON articles(trashed, byline, updated)"),
    };
}

// Version 9: the word index holds every pair of adjacent CJK characters as a token
// of its own (see wordIndexBigrams()): a two-character Chinese query was a phrase of
// two single characters, each in most Chinese articles (433 ms on 100,000 articles).
// Indexed again, as in version 3. And the article of each version in an index of
// its own: a full-text filter maps every version the index found to its article, and
// read from the table (which holds the text) that took 80 ms for 48,742 versions.
QStringList version9() {
    return version3() << QStringLiteral(
               "CREATE INDEX versions_article_by_id ON versions(id, article)");
}

// Version 10: an export records a revision by saving the article as it is, which
// rewrote every version's text to itself, and the trigram index deleted and added
// each one again (7 s of an export of 3,000 versions): the trigger now fires only when
// the text changes. And the site sections by path within a language, which the checks
// look up for every page of a site (each lookup read every version of the language).
QStringList version10() {
    return {
        QStringLiteral("DROP TRIGGER versions_au"),
        QStringLiteral("CREATE TRIGGER versions_au AFTER UPDATE OF title, summary, body ON versions"
                       " WHEN old.title IS NOT new.title OR old.summary IS NOT new.summary"
                       " OR old.body IS NOT new.body"
                       " BEGIN"
                       " INSERT INTO search_trigram(search_trigram, rowid, title, summary, body)"
                       " VALUES ('delete', old.id, old.title, old.summary, old.body);"
                       " INSERT INTO search_trigram(rowid, title, summary, body)"
                       " VALUES (new.id, new.title, new.summary, new.body); END"),
        QStringLiteral("CREATE INDEX versions_by_site_path ON versions(language, site_path)"),
    };
}

// Version 11: the translation memory (app/translation/memorystore.cpp), one row per
// source text and its translation in a language pair. `article` is the uuid of the
// article a translation was made in, not a reference: the memory keeps what was
// translated after the article is gone; empty for one imported from another tool.
QStringList version11() {
    return {QStringLiteral("CREATE TABLE memory ("
                           " id INTEGER PRIMARY KEY,"
                           " source_language TEXT NOT NULL,"
                           " target_language TEXT NOT NULL,"
                           " source TEXT NOT NULL,"
                           " target TEXT NOT NULL,"
                           " article TEXT NOT NULL DEFAULT '',"
                           " changed TEXT NOT NULL DEFAULT ''," // ISO 8601 UTC with ms
                           " UNIQUE (source_language, target_language, source, target))")};
}

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> list{
        {1, version1(), {}},
        {2, version2(), fillWordIndex},
        {3, version3(), fillWordIndex},
        {4, version4(), {}},
        {5, version5(), {}},
        {6, version6(), {}},
        {7, version7(), fillTitleKeys},
        {8, version8(), {}},
        {9, version9(), fillWordIndex},
        {10, version10(), {}},
        {11, version11(), {}},
    };
    return list;
}

} // namespace

QByteArray titleKey(const QString& title) {
    const QByteArray key = collationKey(title);
    return key.isNull() ? QByteArray("") : key;
}

int latestSchemaVersion() {
    return migrations().back().version;
}

QString rebuildSearchIndexes(QSqlDatabase& db) {
    // Dropped and created anew rather than emptied: the pages of a damaged index may
    // not even read back. The triggers on versions refer to search_trigram by name
    // and work again once it exists.
    QSqlQuery query(db);
    for (const QString& sql :
         {QStringLiteral("DROP TABLE IF EXISTS search_trigram"), trigramIndexSql(),
          QStringLiteral("INSERT INTO search_trigram(search_trigram) VALUES ('rebuild')"),
          QStringLiteral("DROP TABLE IF EXISTS search_words"), wordIndexSql()}) {
        if (!query.exec(sql))
            return query.lastError().text();
    }
    return fillWordIndex(db);
}

QString migrate(QSqlDatabase& db, int fromVersion) {
    QSqlQuery query(db);
    for (const Migration& m : migrations()) {
        if (m.version <= fromVersion)
            continue;
        for (const QString& sql : m.statements) {
            if (!query.exec(sql))
                return query.lastError().text();
        }
        if (m.convert) {
            const QString problem = m.convert(db);
            if (!problem.isEmpty())
                return problem;
        }
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(m.version)))
            return query.lastError().text();
    }
    if (!query.exec(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId)))
        return query.lastError().text();
    return {};
}

} // namespace copydesk::detail
