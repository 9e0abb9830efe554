#pragma once

#include "library/library.h"

#include <QAbstractTableModel>

namespace copydesk {

/// The articles of a library as a table (title, status, languages, updated), for the
/// main window's list. Loads rows through Library::list(), so bodies are never read.
class ArticleListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArticleListModel)

public:
    enum Column { TitleColumn, StatusColumn, LanguagesColumn, UpdatedColumn, ColumnCount };
    enum Role { ArticleIdRole = Qt::UserRole + 1 };

    explicit ArticleListModel(Library& library, QObject* parent = nullptr);

    /// Re-reads the list with `filter` (limit/offset included).
    /// On failure the list is empty and the error says why.
    Result<void> reload(const ListFilter& filter = {});

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Library& m_library;
    QList<ArticleSummary> m_rows;
};

} // namespace copydesk
