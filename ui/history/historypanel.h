#pragma once

#include "library/library.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace copydesk {

class ArticleDocument;
class DiffHighlighter;

/// The revision history of the version open in the editor: its revisions, newest first
/// (time in the version's locale, kind, name), the text of one, the changes between it
/// and the current text or between two selected revisions, and a Restore button. The
/// restore itself is the window's (restoreRequested()): it goes through the library's
/// restore and puts the text into the editor as one undo step.
class HistoryPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPanel)

public:
    enum class View { Text, ChangesToCurrent };
    Q_ENUM(View)

    explicit HistoryPanel(Library& library, QWidget* parent = nullptr);
    ~HistoryPanel() override;

    /// Shows the history of `document`'s version (null: nothing).
    void setDocument(ArticleDocument* document);
    /// Reads the revisions again (after a save or a restore), keeping the selection.
    void refresh();

    /// The revisions listed, newest first.
    QList<qint64> revisionIds() const;
    /// Selects the revisions `ids` (one: view it; two: the changes between them).
    void selectRevisions(const QList<qint64>& ids);
    void setView(View view);
    /// What the view shows now (text or unified diff).
    QString viewText() const;
    /// The time as shown for `created` in the open version's locale (its digits).
    QString timeText(const QDateTime& created) const;

Q_SIGNALS:
    void restoreRequested(qint64 revision);

private:
    void updateView();
    QList<qint64> selectedIds() const;

    Library& m_library;
    QPointer<ArticleDocument> m_document;
    QTreeWidget* m_list = nullptr;
    QComboBox* m_mode = nullptr;
    QLabel* m_note = nullptr;
    QPlainTextEdit* m_view = nullptr;
    DiffHighlighter* m_highlighter = nullptr;
    QPushButton* m_restore = nullptr;
    /// The comparison with the current text follows typing after a pause, not on
    /// every keystroke (a diff of the whole version is not free).
    QTimer m_follow;
    QString m_error;
};

} // namespace copydesk
