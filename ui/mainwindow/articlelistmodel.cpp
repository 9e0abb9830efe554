#include "mainwindow/articlelistmodel.h"

#include <QLocale>

namespace copydesk {

ArticleListModel::ArticleListModel(Library& library, QObject* parent)
    : QAbstractTableModel(parent)
    , m_library(library) {}

Result<void> ArticleListModel::reload(const ListFilter& filter) {
    beginResetModel();
    auto rows = m_library.list(filter);
    m_rows = rows ? *rows : QList<ArticleSummary>();
    endResetModel();
    if (!rows)
        return rows.failure();
    return {};
}

int ArticleListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ArticleListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ArticleListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ArticleSummary& row = m_rows.at(index.row());
    if (role == ArticleIdRole)
        return row.id;
    if (index.column() == TitleColumn) {
        // Long titles are elided in the list: the tooltip shows them whole.
        if (role == Qt::ToolTipRole)
            return QStringLiteral("%1\n%2").arg(row.title, row.slug);
        if (role == Qt::TextAlignmentRole) {
            // The title starts at its own script's edge, whatever the UI's direction.
            const bool rtl = QLocale(row.titleLanguage).textDirection() == Qt::RightToLeft;
            return QVariant::fromValue(Qt::AlignVCenter | Qt::AlignAbsolute |
                                       (rtl ? Qt::AlignRight : Qt::AlignLeft));
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TitleColumn:
        return row.title;
    case StatusColumn:
        return statusLabel(row.status);
    case LanguagesColumn:
        return row.languages.join(QStringLiteral(", "));
    case UpdatedColumn:
        return QLocale().toString(row.updated.toLocalTime(), QLocale::ShortFormat);
    default:
        return {};
    }
}

QVariant ArticleListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case StatusColumn:
        return tr("Status");
    case LanguagesColumn:
        return tr("Languages");
    case UpdatedColumn:
        return tr("Updated");
    default:
        return {};
    }
}

} // namespace copydesk
