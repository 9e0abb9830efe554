#pragma once

// A frozen copy of schema version 1 as released, so the migration test builds a
// genuinely old file with data in it, independent of today's migration code.

#include <QStringList>

inline QStringList schemaVersion1() {
    return {
        QStringLiteral("CREATE TABLE articles (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
                       " slug TEXT NOT NULL UNIQUE, status TEXT NOT NULL DEFAULT 'draft',"
                       " created TEXT NOT NULL DEFAULT '', updated TEXT NOT NULL DEFAULT '',"
                       " byline TEXT NOT NULL DEFAULT '', dateline_place TEXT NOT NULL DEFAULT '',"
                       " dateline_date TEXT NOT NULL DEFAULT '',"
                       " featured_image TEXT NOT NULL DEFAULT '',"
                       " source_language TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE INDEX articles_by_updated ON articles(updated)"),
        QStringLiteral("CREATE INDEX articles_by_status ON articles(status, updated)"),
        QStringLiteral(
            "CREATE TABLE versions (id INTEGER PRIMARY KEY,"
            " article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
            " position INTEGER NOT NULL DEFAULT 0, language TEXT NOT NULL,"
            " title TEXT NOT NULL DEFAULT '', summary TEXT NOT NULL DEFAULT '',"
            " body TEXT NOT NULL DEFAULT '', seo_title TEXT NOT NULL DEFAULT '',"
            " seo_description TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'draft',"
            " created TEXT NOT NULL DEFAULT '', updated TEXT NOT NULL DEFAULT '',"
            " translated_from TEXT NOT NULL DEFAULT '', source_revision INTEGER NOT NULL DEFAULT 0,"
            " source_fingerprints TEXT NOT NULL DEFAULT '[]', UNIQUE (article, language))"),
        QStringLiteral("CREATE INDEX versions_by_language ON versions(language)"),
        QStringLiteral("CREATE TABLE tags (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE)"),
        QStringLiteral("CREATE TABLE tag_labels (tag INTEGER NOT NULL REFERENCES tags(id) ON DELETE"
                       " CASCADE, language TEXT NOT NULL, label TEXT NOT NULL,"
                       " PRIMARY KEY (tag, language)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE article_tags (article INTEGER NOT NULL REFERENCES articles(id)"
                       " ON DELETE CASCADE, tag INTEGER NOT NULL REFERENCES tags(id),"
                       " position INTEGER NOT NULL, PRIMARY KEY (article, tag)) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX article_tags_by_tag ON article_tags(tag, article)"),
        QStringLiteral(
            "CREATE TABLE categories (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE)"),
        QStringLiteral("CREATE TABLE category_labels (category INTEGER NOT NULL REFERENCES"
                       " categories(id) ON DELETE CASCADE, language TEXT NOT NULL,"
                       " label TEXT NOT NULL, PRIMARY KEY (category, language)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE article_categories (article INTEGER NOT NULL REFERENCES"
                       " articles(id) ON DELETE CASCADE, category INTEGER NOT NULL REFERENCES"
                       " categories(id), position INTEGER NOT NULL,"
                       " PRIMARY KEY (article, category)) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX article_categories_by_category ON"
                       " article_categories(category, article)"),
        QStringLiteral("CREATE TABLE revisions (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
                       " kind TEXT NOT NULL, created TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',"
                       " snapshot TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX revisions_by_article ON revisions(article, id)"),
        QStringLiteral("CREATE TABLE media_blobs (id INTEGER PRIMARY KEY,"
                       " sha256 TEXT NOT NULL UNIQUE, data BLOB NOT NULL)"),
        QStringLiteral("CREATE TABLE media (name TEXT PRIMARY KEY, blob INTEGER NOT NULL"
                       " REFERENCES media_blobs(id), mime_type TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX media_by_blob ON media(blob)"),
        QStringLiteral("CREATE TABLE media_alt (name TEXT NOT NULL REFERENCES media(name) ON"
                       " DELETE CASCADE, language TEXT NOT NULL, alt TEXT NOT NULL,"
                       " PRIMARY KEY (name, language)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
                       " WITHOUT ROWID"),
        QStringLiteral("CREATE VIRTUAL TABLE search_trigram USING fts5(title, summary, body,"
                       " content='versions', content_rowid='id', tokenize='trigram')"),
        QStringLiteral("CREATE TRIGGER versions_ai AFTER INSERT ON versions BEGIN"
                       " INSERT INTO search_trigram(rowid, title, summary, body)"
                       " VALUES (new.id, new.title, new.summary, new.body); END"),
        QStringLiteral("CREATE TRIGGER versions_ad AFTER DELETE ON versions BEGIN"
                       " INSERT INTO search_trigram(search_trigram, rowid, title, summary, body)"
                       " VALUES ('delete', old.id, old.title, old.summary, old.body); END"),
        QStringLiteral("CREATE TRIGGER versions_au AFTER UPDATE OF title, summary, body ON versions"
                       " BEGIN INSERT INTO search_trigram(search_trigram, rowid, title, summary,"
                       " body) VALUES ('delete', old.id, old.title, old.summary, old.body);"
                       " INSERT INTO search_trigram(rowid, title, summary, body)"
                       " VALUES (new.id, new.title, new.summary, new.body); END"),
        QStringLiteral("PRAGMA application_id = 1128559459"), // 0x43447363
        QStringLiteral("PRAGMA user_version = 1"),
    };
}
