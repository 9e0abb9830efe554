#pragma once

#include "library/browse.h"
#include "library/library.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTimer;
class QTreeView;

namespace copydesk {

class BrowserModel;
class Library;

/// The library browser: saved searches in a sidebar, a full-text search box and
/// filters (tag, category, status, language, author, date range) above a table of the
/// articles that match (BrowserModel), sortable by any column, and batch operations on
/// the selected rows (add or remove a tag, change the status, move to the trash), each
/// one transaction through app/document's batch functions and library/trash.h. The
/// sidebar's Trash shows the trashed articles, to restore them or empty the trash.
class BrowserWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrowserWidget)

public:
    explicit BrowserWidget(Library& library, QWidget* parent = nullptr);
    ~BrowserWidget() override;

    BrowserModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    /// The filter the controls describe now.
    BrowseFilter currentFilter() const;
    /// Sets the controls to `filter` and shows its articles.
    void setFilter(const BrowseFilter& filter);
    /// The articles selected in the table.
    QList<QUuid> selectedArticles() const;
    /// Reads the vocabulary, the saved searches and the rows again.
    void refresh();

    // The batch operations on selectedArticles(); each says in the status line what it
    // did or why nothing changed.
    Result<int> addTagToSelection(const QString& tag);
    Result<int> removeTagFromSelection(const QString& tag);
    Result<int> setStatusOfSelection(Status status);
    Result<int> moveSelectionToTrash();
    Result<int> restoreSelection();
    /// Removes every trashed article for good, without asking (askEmptyTrash() asks).
    Result<int> emptyTrash();
    /// Saves the current filter as `name` in the library (the sidebar shows it).
    Result<void> saveCurrentSearch(const QString& name);
    Result<void> deleteSavedSearch(const QString& name);

Q_SIGNALS:
    /// The user opened article `id` (double click or Enter).
    void articleActivated(const QUuid& id);
    /// A batch operation changed these articles in the library.
    void articlesChanged(const QList<QUuid>& ids);
    void message(const QString& text);

private:
    void buildFilters();
    void reloadVocabulary();
    void reloadSavedSearches();
    void applyFilter();
    void updateCount();
    void afterBatch(const Result<int>& result, const QList<QUuid>& ids, const QString& done);
    void askAddTag();
    void askRemoveTag();
    void askEmptyTrash();
    void showTrashCommands(bool inTrash);
    QString tagLabel(const Term& term) const;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void fitColumns();

    Library& m_library;
    BrowserModel* m_model = nullptr;
    QListWidget* m_saved = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_tag = nullptr;
    QComboBox* m_category = nullptr;
    QComboBox* m_status = nullptr;
    QComboBox* m_language = nullptr;
    QLineEdit* m_author = nullptr;
    QDateEdit* m_since = nullptr;
    QDateEdit* m_until = nullptr;
    QTreeView* m_view = nullptr;
    QLabel* m_count = nullptr;
    QPushButton* m_trash = nullptr;
    QPushButton* m_restore = nullptr;
    QPushButton* m_empty = nullptr;
    bool m_inTrash = false; ///< the table shows the trash
    QTimer* m_debounce = nullptr;
    QList<Term> m_tags;
    bool m_applying = false;
    bool m_fitting = false;   ///< fitColumns() is resizing the columns
    bool m_userSized = false; ///< a column was resized by hand: fitting stops
};

} // namespace copydesk
