#pragma once

#include "article/article.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <optional>

namespace copydesk {

class Library;

/// What the library browser shows: the articles matching every field that is set.
struct BrowseFilter final {
    QString text;     ///< full-text query, matched as Library::search() matches
    QString tag;      ///< tag slug
    QString category; ///< category slug; its subcategories' articles are in it too
    std::optional<Status> status;
    QString language;   ///< has a version in this BCP 47 tag
    QString author;     ///< occurs in the byline, case ignored for A to Z
    QDate since;        ///< updated on or after this day (UTC)
    QDate until;        ///< updated on or before this day (UTC)
    bool trash = false; ///< the articles in the trash instead of the others

    bool isEmpty() const;
    bool operator==(const BrowseFilter&) const = default;
    /// For saved searches; fromJson() ignores unknown and malformed members.
    QJsonObject toJson() const;
    static BrowseFilter fromJson(const QJsonObject& object);
};

/// The column a browse is ordered by; ties are broken by the article's row.
enum class BrowseOrder { Title, Languages, Status, Tags, Byline, Updated };

struct BrowseVersion final {
    QString language;
    Status status = Status::Draft;
    QString translatedFrom; ///< empty for an original
};

/// One row of the browser: the article without its bodies.
struct BrowseRow final {
    qint64 rowId = 0;
    QUuid id;
    QString slug;
    Status status = Status::Draft;
    QString title;         ///< of the source-language version, else the first one
    QString titleLanguage; ///< the language `title` is in
    QString sourceLanguage;
    QList<BrowseVersion> versions;
    QStringList tags;      ///< slugs, in the article's order
    QStringList tagLabels; ///< the label in the source language, else the slug
    QString byline;
    QDateTime updated;
    QVariant sortValue; ///< the value ordered by, for the next page's cursor
};

/// Where the next page starts: after the row with this sort value and row id.
struct BrowseCursor final {
    QVariant sortValue;
    qint64 rowId = 0;
};

/// A saved search: a filter set with a name, kept in the library's settings.
struct SavedSearch final {
    QString name;
    BrowseFilter filter;
    bool operator==(const SavedSearch&) const = default;
};

/// Reads the library's article list for browsing, a page at a time (keyset paging:
/// each page starts after the last row of the one before, so page 1,000 costs what
/// page 1 costs and rows never repeat or vanish while scrolling). It reads through a
/// read-only SQLite connection of its own on the library's file, so it sees what the
/// library has committed and never writes; one per thread.
class BrowseReader final {
    Q_DECLARE_TR_FUNCTIONS(BrowseReader)

public:
    static Result<std::unique_ptr<BrowseReader>> open(const Library& library);
    /// The same on the library file at `path`, from any thread.
    static Result<std::unique_ptr<BrowseReader>> open(const QString& path);
    ~BrowseReader();
    BrowseReader(const BrowseReader&) = delete;
    BrowseReader& operator=(const BrowseReader&) = delete;

    /// Up to `limit` rows matching `filter` in `order`, after `after` (from the start
    /// without it).
    Result<QList<BrowseRow>> page(const BrowseFilter& filter, BrowseOrder order,
                                  Qt::SortOrder direction, const std::optional<BrowseCursor>& after,
                                  int limit) const;
    /// How many articles match `filter`.
    Result<qint64> count(const BrowseFilter& filter) const;
    /// The distinct bylines, sorted, for the author filter's completer.
    Result<QStringList> bylines() const;
    /// The languages that have versions, sorted.
    Result<QStringList> languages() const;

private:
    struct Private;
    explicit BrowseReader(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

/// The saved searches of `library` (the setting "browser.savedSearches"), in order.
Result<QList<SavedSearch>> savedSearches(const Library& library);
/// Stores `searches` as the library's saved searches (one transaction). A name that
/// is empty or used twice is refused with ErrorKind::InvalidInput.
Result<void> setSavedSearches(Library& library, const QList<SavedSearch>& searches);

} // namespace copydesk
