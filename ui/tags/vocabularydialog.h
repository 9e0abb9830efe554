#pragma once

#include "common/result.h"
#include "tags/exchange.h"
#include "tags/tags.h"

#include <QDialog>
#include <QStringList>

class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;
class QUndoStack;

namespace copydesk {

class Library;

/// The library's tag and category vocabularies in one window: every term with its
/// article count and its label in each language (edited in place), create, rename,
/// merge, delete, the category hierarchy, import and export (CSV, JSON). Everything
/// goes through app/tags, one transaction each. Create, rename, labels, moves and
/// deletions are undoable in the window (Ctrl+Z); a deletion's undo puts the term back
/// on its articles. Merges and imports are not, and say so before they run.
class VocabularyDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VocabularyDialog)

public:
    explicit VocabularyDialog(Library& library, QWidget* parent = nullptr);
    ~VocabularyDialog() override;

    tags::Vocabulary vocabulary() const;
    void setVocabulary(tags::Vocabulary vocabulary);
    QTreeWidget* view(tags::Vocabulary vocabulary) const;
    QUndoStack* undoStack() const { return m_undo; }
    /// The language columns: the six working languages, then every other language a
    /// label is in.
    QStringList languages() const { return m_languages; }

    // What the buttons do, without their questions (the GUI asks first).
    Result<QString> createTerm(const QString& name, const QString& parent = {});
    Result<void> renameTerm(const QString& slug, const QString& name);
    Result<void> setLabel(const QString& slug, const QString& language, const QString& label);
    Result<void> mergeTerm(const QString& from, const QString& into);
    Result<void> removeTerm(const QString& slug);
    Result<void> moveCategory(const QString& slug, const QString& parent);
    Result<tags::ImportSummary> importFile(const QString& path);
    Result<void> exportFile(const QString& path) const;

    /// Reads both vocabularies again; keeps the selection and the filter.
    void reload();

Q_SIGNALS:
    /// Terms or their uses changed in the library: the open article, the browser and
    /// the metadata dock read them again.
    void vocabularyChanged();

private:
    class Command;
    void buildPage(tags::Vocabulary vocabulary);
    QString currentSlug() const;
    void select(const QString& slug);
    void applyFilter();
    void updateButtons();
    void done(const QString& message);
    void fail(const QString& title, const Error& error);
    void labelEdited(QTreeWidgetItem* item, int column);
    void askCreate();
    void askRename();
    void askMerge();
    void askRemove();
    void askMove();
    void askImport();
    void askExport();

    Library& m_library;
    tags::Vocabulary m_vocabulary = tags::Vocabulary::Tags;
    QStringList m_languages;
    QTabWidget* m_tabs = nullptr;
    QTreeWidget* m_views[2] = {nullptr, nullptr};
    QLineEdit* m_filter = nullptr;
    QPushButton* m_rename = nullptr;
    QPushButton* m_merge = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_move = nullptr;
    QLabel* m_status = nullptr;
    QUndoStack* m_undo = nullptr;
    bool m_filling = false; ///< the trees are being filled: no itemChanged handling
    bool m_editing = false; ///< a label is being edited in place: no rebuild
};

} // namespace copydesk
