#pragma once

#include "article/article.h"
#include "common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

namespace copydesk {

/// Why a revision was recorded. Save is a named save (Ctrl+S, a command's save);
/// Autosave is the editor's save after a pause in typing, and the only kind that is
/// merged (see Library::save()).
enum class RevisionKind { Save, Autosave, Export, Publish, Restore, Import };
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
    QString byline;
    QStringList tags;       ///< slugs, in the article's order
    QStringList categories; ///< slugs, in the article's order
    QDateTime trashed;      ///< when it was moved to the trash; invalid when it is not there
};

/// The column list() sorts by. Updated (newest first) is the cheap one: the index
/// walks it. Ties are broken by the article's row, so paging is stable.
enum class ListSort { Updated, Created, Title, Status, Byline };

/// Which articles list() and count() answer: every field set narrows it.
struct ListFilter final {
    QString tag;      ///< slug
    QString category; ///< slug; articles in a subcategory of it count too
    std::optional<Status> status;
    QString language;
    QString author;  ///< occurs in the byline, case ignored for A to Z
    QDateTime since; ///< updated at or after
    QDateTime until; ///< updated before
    QString text;    ///< full-text query, as search()
    /// Articles in the trash are left out, unless `trash` is set: then only they are listed.
    bool trash = false;
    ListSort sort = ListSort::Updated;
    bool descending = true;
    int limit = 100;
    int offset = 0;
};

struct SearchHit final {
    QUuid articleId;
    QString language;
    QString title;
    QString snippet;
};

/// What search() found, and how it read the query.
struct SearchResults final {
    QList<SearchHit> hits;
    /// One translated line per term that was not matched as a plain substring (a
    /// term under three characters is matched as a whole word), for the user to see
    /// why a hit is or is not there.
    QStringList notes;
};

/// A tag or category: a stable slug and a label per language.
struct Term final {
    QString slug;
    QHash<QString, QString> labels; ///< language -> label
    QString parent;                 ///< categories only: the parent's slug, empty at the top
};

struct Media final {
    QString sha256; ///< hex
    QString name;   ///< as referenced by `media:NAME`
    QString mimeType;
    QByteArray data;
    QHash<QString, QString> altText; ///< language -> alt text
};

/// How Library::open() treats a write lock held by another process.
struct OpenOptions final {
    /// How long a ReadWrite open waits for the other writer to close the library
    /// before failing with ErrorKind::Locked. Zero (the default, and the GUI's choice,
    /// which then opens read-only) fails at once; a short command-line write waits.
    std::chrono::milliseconds lockWait{0};
    /// Called once when the wait has lasted `waitNotice`, with the holder's pid (0 when
    /// unknown), for the user to learn why nothing happens.
    std::function<void(qint64 pid)> onWaiting;
    std::chrono::milliseconds waitNotice{1000};
};

/// One Copydesk library: a single SQLite file holding articles, revisions, tags,
/// media and settings. Every mutating call is one transaction: on failure nothing
/// in the file changes; transaction() groups several into one. Reads fail loudly:
/// an SQL error is an error, never an empty list. Not thread-safe; one Library per
/// thread.
class Library final {
    Q_DECLARE_TR_FUNCTIONS(Library)

public:
    enum class Mode { ReadWrite, ReadOnly };

    /// Opens (and, in ReadWrite mode, creates or migrates) the library at `path`,
    /// which must be a regular file (a FIFO, device, socket or folder is refused
    /// before anything opens it). ReadWrite fails with ErrorKind::Locked when another
    /// process is writing the library (open it ReadOnly then), at once or after
    /// `options.lockWait`. A new library is built
    /// under a temporary name and renamed into place, so a full disk leaves nothing
    /// behind (ErrorKind::DiskFull). ReadOnly never writes to the file: a library of
    /// an older schema is refused (ErrorKind::Unsupported) until a writer upgrades it.
    static Result<std::unique_ptr<Library>> open(const QString& path, Mode mode = Mode::ReadWrite,
                                                 const OpenOptions& options = {});
    /// QStandardPaths::AppDataLocation/library.copydesk
    static QString defaultPath();
    /// Opens the library at `path`; if the file does not exist yet, creates it with
    /// the sample articles from resources/samples (all in the new file before it
    /// takes its name, or no file at all).
    static Result<std::unique_ptr<Library>>
    openOrCreateWithSamples(const QString& path, Mode mode = Mode::ReadWrite,
                            const OpenOptions& options = {});

    /// Repairs the library at `path`, which no one may be writing: checks the search
    /// indexes and rebuilds them from the articles (the truth), also when the check
    /// finds nothing (the contentless word index cannot be compared with the articles).
    /// When the damage is such that the index cannot even be dropped (pages that no
    /// longer read as a table), builds a new library file from the articles, revisions,
    /// tags, media and settings, keeps the damaged file beside it under a
    /// ".damaged-TIME" name and says so. Returns one line saying what was done.
    static Result<QString> repair(const QString& path);

    ~Library();
    Library(const Library&) = delete;
    Library& operator=(const Library&) = delete;

    QString path() const;
    Mode mode() const;
    /// The schema version this build writes (PRAGMA user_version). Older files are
    /// upgraded when opened ReadWrite.
    static int schemaVersion();

    /// Runs `work` as one transaction: when it returns an error (or throws), every
    /// change made inside it is rolled back and the error is returned; otherwise all
    /// of it is committed at once. Every mutating call of Library (save, saveAll,
    /// remove, restore, setSetting, labels, media) may be used inside.
    /// Nesting: a transaction() inside another is a SAVEPOINT. An inner failure rolls
    /// back the inner part only and returns its error to the enclosing `work`, which
    /// decides: pass it on (everything is rolled back) or carry on without it. Nothing
    /// is durable until the outermost transaction() commits. Values that calls inside
    /// hand back (revision ids, slugs and ids filled into articles) mean nothing once
    /// the transaction holding them is rolled back.
    /// Fails at once on a read-only library.
    Result<void> transaction(const std::function<Result<void>()>& work);
    /// Inside a transaction(): writes what it changed so far to the library's files
    /// (the write-ahead log) without committing it, so that a full disk fails here,
    /// where the transaction is still rolled back, and the commit has only its last
    /// page left to write. For work that must say something it cannot take back (print
    /// the id of what it saved) only once the change is as good as saved.
    Result<void> flushTransaction();
    // Articles
    Result<Article> article(const QUuid& id) const;
    /// Looks up by UUID (or unique UUID prefix) or by slug.
    Result<Article> findArticle(const QString& idOrSlug) const;
    /// The front matter, as kept, of the list page ("_index.md", "_index.fr.md") of the
    /// site section `folder` ("" for the site's root) in `language` (a cascade is for the
    /// pages of its own language); empty when the library has no such page.
    Result<QString> siteSectionFrontMatter(const QString& folder, const QString& language) const;
    /// Inserts or updates `article` and records a revision of `kind`. Fills in a
    /// missing id, a missing slug (from the primary title, unique in the library) and
    /// the timestamps. Returns the new revision id. A status change that the workflow
    /// does not allow (canTransition(), of the article or of a version) is refused
    /// with ErrorKind::InvalidInput, except for a restore (which brings back a state
    /// the article had).
    ///
    /// Autosaves do not pile up: an autosave whose note is empty gets as note the
    /// versions it changed ("en", "en,fr"), and it replaces the previous revision
    /// instead of adding one when that is an autosave with the same note, the revision
    /// before it is younger than autosaveMergeWindow(), and no translation names it
    /// as its source revision; the id returned is then that revision's. A typing
    /// session so keeps one autosave per window. Every other kind is always kept.
    Result<qint64> save(Article& article, RevisionKind kind = RevisionKind::Save,
                        const QString& note = {});
    /// How long consecutive autosaves merge (see save()); kAutosaveMergeWindow unless
    /// set. Zero keeps every autosave.
    static constexpr std::chrono::milliseconds kAutosaveMergeWindow{10 * 60 * 1000};
    std::chrono::milliseconds autosaveMergeWindow() const;
    void setAutosaveMergeWindow(std::chrono::milliseconds window);
    /// Saves several articles in ONE transaction (all or nothing), e.g. an import of
    /// many files. Returns the new revision ids in order.
    Result<QList<qint64>> saveAll(QList<Article>& articles,
                                  RevisionKind kind = RevisionKind::Import,
                                  const QString& note = {});
    Result<void> remove(const QUuid& id);
    /// Articles matching `filter`, sorted by filter.sort, a page of filter.limit.
    Result<QList<ArticleSummary>> list(const ListFilter& filter = {}) const;
    /// Every article, trash included.
    Result<int> count() const;
    /// How many articles list(filter) has in all pages (limit and offset ignored).
    Result<int> count(const ListFilter& filter) const;

    /// Full-text search of titles, summaries and bodies in every language. Every
    /// whitespace-separated term (or "quoted phrase") must occur, each matched on its
    /// own: a term of three or more characters anywhere, even inside a word, in any
    /// script; a shorter one as a whole word, except CJK characters, which are found
    /// anywhere; a term without letters or digits (an emoji, a symbol) anywhere.
    /// Punctuation at a term's edges is left out ("Geneva." finds Geneva); a term of
    /// punctuation only is left out of the search, and what looks like search syntax
    /// (sum*, -summit) is searched as plain text; notes say so.
    /// Case is ignored for letters. A damaged search index is ErrorKind::Corrupt
    /// (rebuildSearchIndex() repairs it).
    Result<SearchResults> search(const QString& text, int limit = 100) const;
    /// The notes search() gives for `text` (SearchResults::notes), without searching:
    /// for list() with ListFilter::text, which matches the same way.
    static QStringList searchNotes(const QString& text);

    /// Checks the search indexes against the articles; ErrorKind::Corrupt if they
    /// do not match. Reads every article (seconds on 10,000). On a read-only library
    /// it needs write access to the file (FTS5 runs its check as a write statement,
    /// which changes nothing); without it, it reports no damage. search() and list()
    /// check more cheaply before they answer "nothing found", which a damaged index
    /// page often looks like.
    Result<void> checkSearchIndex() const;
    /// Part of checkSearchIndex() that only reads, so it runs beside a writer (on a
    /// read-only library of another thread, say): the words each index holds are
    /// counted and compared with the totals FTS5 records beside the index. A damaged
    /// page loses its words, so this finds the rows a damaged index lost even when
    /// search() still answers with others. Reads the whole index (seconds on 100,000
    /// articles); when `stop` becomes true it returns early, having found nothing.
    Result<void> checkSearchIndexTotals(const std::atomic<bool>* stop = nullptr) const;
    /// Rebuilds both search indexes from the articles, which are the truth.
    Result<void> rebuildSearchIndex();

    /// `base` if no other article uses it, else base-2, base-3, …
    Result<QString> uniqueSlug(const QString& base, const QUuid& exclude = {}) const;

    // Revisions
    /// Newest first.
    Result<QList<RevisionInfo>> revisions(const QUuid& articleId) const;
    /// The article as it was saved in revision `revisionId`.
    Result<Article> articleAtRevision(qint64 revisionId) const;
    /// Makes revision `revisionId` the current state (recorded as a new revision),
    /// in one transaction.
    Result<qint64> restore(qint64 revisionId);

    // Tags and categories: slugs are created on first use by save(); labels are
    // per language.
    Result<QList<Term>> tags() const;
    Result<QList<Term>> categories() const;
    Result<void> setTagLabel(const QString& slug, const QString& language, const QString& label);
    Result<void> setCategoryLabel(const QString& slug, const QString& language,
                                  const QString& label);

    // Media. addMedia() stores the blob under its sha256 and (re)points `name` at it;
    // returns the sha256.
    Result<QString> addMedia(const QByteArray& data, const QString& name, const QString& mimeType);
    /// Stores `data` under a name made from its content (the first 16 hex digits of
    /// its sha256 and the MIME type's usual suffix: "3f2a…9c01.png"), so that the same
    /// image stored twice is one item, with alt text `alt` in `language` when both are
    /// given; one transaction. Returns the name, for `media:NAME`.
    Result<QString> addMediaContent(const QByteArray& data, const QString& mimeType,
                                    const QString& language = {}, const QString& alt = {});
    Result<Media> media(const QString& name) const;
    Result<void> setMediaAltText(const QString& name, const QString& language, const QString& alt);
    /// Every media item, without its data.
    Result<QList<Media>> mediaList() const;
    Result<void> removeMedia(const QString& name);

    // Settings stored in the library file
    /// The value stored for `key`, or `fallback` when there is none.
    Result<QString> setting(const QString& key, const QString& fallback = {}) const;
    Result<void> setSetting(const QString& key, const QString& value);

    // Personal spelling dictionaries: words accepted in a language beyond the
    // dictionary's (names, local terms), one list per language for everyone using the
    // library. `language` is a BCP 47 tag; its primary language subtag keys the list,
    // so that fr, fr-CA and fr-CH share one.
    /// The words of `language`'s list, sorted.
    Result<QStringList> personalWords(const QString& language) const;
    /// Adds `word` (one word: no spaces, at most 100 characters; ErrorKind::InvalidInput
    /// otherwise). Adding a listed word again changes nothing.
    Result<void> addPersonalWord(const QString& language, const QString& word);
    Result<void> removePersonalWord(const QString& language, const QString& word);

    struct Private;

private:
    /// Gives the modules that keep their tables in the library (tags, trash) its
    /// connection: see library_p.h.
    friend struct LibraryAccess;
    explicit Library(std::unique_ptr<Private> d);
    /// open(); when the library does not exist, creates it and lets `populate` fill
    /// it before it takes its name.
    static Result<std::unique_ptr<Library>>
    openWith(const QString& path, Mode mode, const OpenOptions& options,
             const std::function<Result<void>(Library&)>& populate);
    std::unique_ptr<Private> d;
};

/// Unified diff, field by field, between two states of an article (for `history`
/// and the revision browser). Empty when they are equal. Each field gets headers
/// like `--- en/body (rev 3)` / `+++ en/body (rev 5)`, where the parenthesised
/// labels are `beforeLabel` and `afterLabel` (omitted when empty).
QString diffArticles(const Article& before, const Article& after, const QString& beforeLabel = {},
                     const QString& afterLabel = {});

} // namespace copydesk
