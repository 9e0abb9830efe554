#pragma once

#include "library/browse.h"
#include "translation/segments.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace copydesk {

class Library;

/// The library's articles as a table for the browser, read a page at a time as the
/// view scrolls (canFetchMore()/fetchMore() over BrowseReader's keyset pages), so
/// that a library of 100,000 articles shows its first rows at once and never holds
/// more rows than were scrolled past. sort() and setFilter() read the first page anew.
class BrowserModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrowserModel)

public:
    enum Column {
        TitleColumn,
        LanguagesColumn,
        StatusColumn,
        TagsColumn,
        BylineColumn,
        UpdatedColumn,
        ColumnCount
    };
    enum Role {
        ArticleIdRole = Qt::UserRole + 1, ///< QUuid
        SlugRole,
        StatusRole, ///< int(Status)
        TagsRole,   ///< QStringList of tag slugs
    };

    static constexpr int kDefaultPageSize = 100;

    explicit BrowserModel(Library& library, QObject* parent = nullptr);
    ~BrowserModel() override;

    /// Shows the articles matching `filter` from the first page on. On failure the
    /// table is empty and error() says why.
    Result<void> setFilter(const BrowseFilter& filter);
    const BrowseFilter& filter() const { return m_filter; }
    /// Reads the first page again (after the library changed), same filter and order.
    Result<void> refresh();
    void setPageSize(int rows);
    /// How many articles match the filter (all pages); -1 while they are being
    /// counted. A first page that is not full is every match, counted at once; after a
    /// full one the count runs on a thread of its own (with a connection of its own),
    /// so that the rows show without waiting for it (60 ms for a term in half of
    /// 100,000 articles), and counted() says when it is in.
    qint64 totalCount() const { return m_total; }
    /// The last failure to read, or empty.
    QString error() const { return m_error; }
    /// The row of article `id` among those loaded, or -1.
    int rowOf(const QUuid& id) const;
    /// How far each translation of row `row`'s article is (translation::align() against
    /// its source), by language; empty until known. Worked out on a thread of its own for
    /// the rows as they come in (reading and aligning an article takes a millisecond or
    /// more, too long for a page of rows on the GUI thread), kept per article until it
    /// changes, and shown in the Languages column ("fr 92% (3 outdated)").
    QList<std::pair<QString, translation::Progress>> progressOf(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    /// A read failed: the rows shown may be incomplete.
    void failed(const QString& message);
    /// The first page of a new filter, order or refresh is in; totalCount() is set,
    /// or -1 until counted().
    void reloaded();
    /// totalCount() is known for the rows shown now.
    void counted();
    /// progressOf() is known for more rows.
    void progressKnown();

private:
    struct Count {
        int generation = 0;
        qint64 total = -1;
        QString error;
    };
    Result<void> reload();
    void startCount();
    void countDone();
    void setError(const QString& message);
    struct ArticleProgress {
        QDateTime updated; ///< of the row it was worked out for
        QList<std::pair<QString, translation::Progress>> versions;
    };
    /// Works out progressOf() for those of `rows` that have translations and are not
    /// known as they are.
    void startProgress(const QList<BrowseRow>& rows);
    void progressDone(const QHash<QUuid, ArticleProgress>& known);

    Library& m_library;
    std::unique_ptr<BrowseReader> m_reader;
    BrowseFilter m_filter;
    BrowseOrder m_order = BrowseOrder::Updated;
    Qt::SortOrder m_direction = Qt::DescendingOrder;
    int m_pageSize = kDefaultPageSize;
    QList<BrowseRow> m_rows;
    bool m_more = false;
    bool m_signalling = false;
    qint64 m_total = 0;
    QString m_error;
    QThreadPool m_countThread; ///< one thread; waited for when the model goes
    QFutureWatcher<Count> m_countWatcher;
    int m_countGeneration = 0; ///< a count of an older filter is dropped
    QHash<QUuid, ArticleProgress> m_progress;
    QThreadPool m_progressThread;                 ///< one thread
    std::shared_ptr<std::atomic_bool> m_stopping; ///< tells its work to end
};

} // namespace copydesk
