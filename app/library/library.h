#pragma once

#include "article/article.h"
#include "common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>

namespace copydesk {

/// Why a revision was recorded.
enum class RevisionKind { Save, Export, Publish, Restore, Import };
QString revisionKindId(RevisionKind kind);

struct RevisionInfo final {
    qint64 id = 0;
    QUuid articleId;
    RevisionKind kind = RevisionKind::Save;
    QDateTime created;
    QString note;
};

/// A row of an article list: enough to show it without loading the bodies.
struct ArticleSummary final {
    QUuid id;
    QString slug;
    Status status = Status::Draft;
    QString title;         ///< of the source-language version (else the first one)
    QString titleLanguage; ///< the language `title` is in
    QStringList languages;
    QDateTime updated;
};

struct ListFilter final {
    QString tag;
    std::optional<Status> status;
    QString language;
    QString text; ///< full-text query, as search()
    int limit = 100;
    int offset = 0;
};

struct SearchHit final {
    QUuid articleId;
    QString language;
    QString title;
    QString snippet;
};

/// A tag or category: a stable slug and a label per language.
struct Term final {
    QString slug;
    QHash<QString, QString> labels; ///< language -> label
};

struct Media final {
    QString sha256; ///< hex
    QString name;   ///< as referenced by `media:NAME`
    QString mimeType;
    QByteArray data;
    QHash<QString, QString> altText; ///< language -> alt text
};

/// One Copydesk library: a single SQLite file holding articles, revisions, tags,
/// media and settings. Every mutating call is one transaction: on failure nothing
/// in the file changes. Not thread-safe; one Library per thread.
class Library final {
public:
    enum class Mode { ReadWrite, ReadOnly };

    /// Opens (and, in ReadWrite mode, creates or migrates) the library at `path`.
    /// ReadWrite fails with a clear message when another process holds the library
    /// open for writing. ReadOnly upgrades a library of an older schema first when the
    /// file is writable and nobody is writing to it, and fails clearly otherwise.
    static Result<std::unique_ptr<Library>> open(const QString& path, Mode mode = Mode::ReadWrite);
    /// QStandardPaths::AppDataLocation/library.copydesk
    static QString defaultPath();
    /// Opens the library at `path`; if the file does not exist yet, creates it with
    /// the sample articles from resources/samples.
    static Result<std::unique_ptr<Library>> openOrCreateWithSamples(const QString& path,
                                                                    Mode mode = Mode::ReadWrite);

    ~Library();
    Library(const Library&) = delete;
    Library& operator=(const Library&) = delete;

    QString path() const;
    Mode mode() const;
    /// The schema version this build writes (PRAGMA user_version). Older files are
    /// upgraded when opened ReadWrite.
    static int schemaVersion();

    // Articles
    Result<Article> article(const QUuid& id) const;
    /// Looks up by UUID (or unique UUID prefix) or by slug.
    Result<Article> findArticle(const QString& idOrSlug) const;
    /// Inserts or updates `article` and records a revision of `kind`. Fills in a
    /// missing id, a missing slug (from the primary title, unique in the library) and
    /// the timestamps. Returns the new revision id.
    Result<qint64> save(Article& article, RevisionKind kind = RevisionKind::Save,
                        const QString& note = {});
    /// Saves several articles in ONE transaction (all or nothing), e.g. an import of
    /// many files. Returns the new revision ids in order.
    Result<QList<qint64>> saveAll(QList<Article>& articles,
                                  RevisionKind kind = RevisionKind::Import,
                                  const QString& note = {});
    Result<void> remove(const QUuid& id);
    QList<ArticleSummary> list(const ListFilter& filter = {}) const;
    int count() const;

    /// Full-text search of titles, summaries and bodies in every language; finds
    /// substrings in any script, including a two-character Chinese word.
    QList<SearchHit> search(const QString& text, int limit = 100) const;

    /// `base` if no other article uses it, else base-2, base-3, …
    QString uniqueSlug(const QString& base, const QUuid& exclude = {}) const;

    // Revisions
    /// Newest first.
    QList<RevisionInfo> revisions(const QUuid& articleId) const;
    /// The article as it was saved in revision `revisionId`.
    Result<Article> articleAtRevision(qint64 revisionId) const;
    /// Makes revision `revisionId` the current state (recorded as a new revision).
    Result<qint64> restore(qint64 revisionId);

    // Tags and categories: slugs are created on first use by save(); labels are
    // per language.
    QList<Term> tags() const;
    QList<Term> categories() const;
    Result<void> setTagLabel(const QString& slug, const QString& language, const QString& label);
    Result<void> setCategoryLabel(const QString& slug, const QString& language,
                                  const QString& label);

    // Media. addMedia() stores the blob under its sha256 and (re)points `name` at it;
    // returns the sha256.
    Result<QString> addMedia(const QByteArray& data, const QString& name, const QString& mimeType);
    Result<Media> media(const QString& name) const;
    Result<void> setMediaAltText(const QString& name, const QString& language, const QString& alt);
    /// Every media item, without its data.
    QList<Media> mediaList() const;
    Result<void> removeMedia(const QString& name);

    // Settings stored in the library file
    QString setting(const QString& key, const QString& fallback = {}) const;
    Result<void> setSetting(const QString& key, const QString& value);

    struct Private;

private:
    explicit Library(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

/// Unified diff, field by field, between two states of an article (for `history`
/// and the revision browser). Empty when they are equal. Each field gets headers
/// like `--- en/body (rev 3)` / `+++ en/body (rev 5)`, where the parenthesised
/// labels are `beforeLabel` and `afterLabel` (omitted when empty).
QString diffArticles(const Article& before, const Article& after, const QString& beforeLabel = {},
                     const QString& afterLabel = {});

} // namespace copydesk
