#pragma once

#include "translation/memory.h"
#include "translation/segments.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QTableWidget;
class QTextBrowser;
class QTimer;

namespace copydesk {

class ArticleDocument;
class Library;

/// The side-by-side view of a translation: the source version's segments on the left,
/// the open version's on the right, one row per segment (so the two sides are aligned
/// paragraph by paragraph and scroll as one), each with its state. Under it, for the
/// current row, how its source changed when it is outdated and the translation memory's
/// matches.
///
/// Keyboard: Ctrl+U / Ctrl+Shift+U the next / previous segment to do (untranslated,
/// draft or outdated), Ctrl+Return marks the current one translated and moves on,
/// Ctrl+Shift+Return reviewed, Ctrl+Shift+R puts the source text into the target,
/// Alt+1..Alt+3 take a memory match, Ctrl+Shift+A takes the 100% match for every
/// untranslated segment with the same source. F2 or typing edits the target cell;
/// Ctrl+Shift+E ("Edit Source") lets the source cells be edited too.
///
/// Every change goes into the ArticleDocument as one undoable step
/// (ArticleDocument::applyTranslation()), so the editor's Undo takes it back and the
/// autosave stores it (and the main window feeds what is translated or reviewed to the
/// library's memory when it saves).
class TranslationView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranslationView)

public:
    explicit TranslationView(Library& library, QWidget* parent = nullptr);
    ~TranslationView() override;

    /// Shows `document`'s version beside its source; a placeholder for a source
    /// version or none. The view follows the document's edits.
    void setDocument(ArticleDocument* document);

    /// The current alignment (rows in source order, then the orphans as extra rows).
    const translation::Alignment& alignment() const { return m_alignment; }
    int currentRow() const;
    void setCurrentRow(int row);
    /// Sets the target text of `row` in `state`; false (and a message) when the row
    /// cannot take a text (an orphan, an alt text translated with its paragraph).
    bool setTargetText(int row, const QString& text, translation::SegmentState state);
    /// Puts the text of an open cell editor into the document now (before the document
    /// is replaced: the main window calls it when it opens another version).
    void commitPendingEdit();
    /// Marks the current row (its text as it is, the open cell editor's included).
    void markCurrent(translation::SegmentState state);
    void copySourceToCurrent();
    /// Moves to the next (or previous) row that is untranslated, a draft or outdated;
    /// false when there is none.
    bool goToNextOpen(bool forward = true);
    /// The translation QA's messages for `row` (numbers, dates, links, markup, a copy of
    /// the source, length, consistency), and those about the version as a whole.
    QStringList findingsOf(int row) const { return m_rowFindings.value(row); }
    QStringList versionFindings() const { return m_versionFindings; }
    /// The memory's matches for the current row, best first.
    const QList<translation::MemoryMatch>& matches() const { return m_matches; }
    void acceptMatch(int index);
    /// Takes the current row's 100% match for every untranslated row with the same
    /// source text; returns how many rows took it.
    int applyExactMatchToIdentical();
    /// Whether the memory has been loaded for the current pair (tests wait for it).
    bool memoryReady() const { return m_memory != nullptr; }

    QTableWidget* table() const { return m_table; }
    /// Checked: the source cells are editable too.
    QAction* editSourceAction() const { return m_editSource; }
    QTextBrowser* details() const { return m_details; }

Q_SIGNALS:
    /// A one-line message for the status bar.
    void message(const QString& text);
    void memoryLoaded();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refresh();
    void fillRow(int row);
    void showDetails();
    void runQa();
    void loadMemory();
    void commitEditor();
    bool isEditable(int row) const;
    /// The rows of the document as it is now, without touching the table; false when
    /// there is no translation to show.
    bool realign();
    /// Sets `row`'s target text, the row found again by `sourceText` when rows moved;
    /// the table refreshed now or, from inside its own signal, right after.
    bool apply(int row, const QString& sourceText, const QString& text,
               translation::SegmentState state, bool refreshNow);
    /// Sets the source text of `row`, found again as apply() finds it.
    bool applySource(int row, const QString& sourceText, const QString& text, bool refreshNow);
    /// `row` if its source is still `sourceText`, else the row that has it; -2 (and
    /// `text` on the clipboard) when none has.
    int findRow(int row, const QString& sourceText, const QString& text);
    void refreshSoon(bool now);
    const LanguageVersion* sourceVersion() const;

    Library& m_library;
    QPointer<ArticleDocument> m_document;
    translation::Alignment m_alignment;
    LanguageVersion m_source; ///< as of the last refresh
    LanguageVersion m_target;
    QHash<QString, QString> m_earlierSource; ///< fingerprint -> text (outdated rows)
    std::shared_ptr<translation::TranslationMemory> m_memory;
    QString m_memoryPair; ///< "en\nfr" the memory is (being) loaded for
    QList<translation::MemoryMatch> m_matches;
    /// The translation QA's findings by row, and those about the version as a whole
    /// (what is missing from it).
    QHash<int, QStringList> m_rowFindings;
    QSet<int> m_rowWarnings; ///< rows with a finding above Info
    QStringList m_versionFindings;
    bool m_filling = false;
    bool m_stale = false; ///< changed while hidden: refreshed when shown

    QLabel* m_header = nullptr;
    QAction* m_editSource = nullptr;
    QLabel* m_orphanNotice = nullptr;
    QTableWidget* m_table = nullptr;
    QTextBrowser* m_details = nullptr;
    QTimer* m_refreshTimer = nullptr;
    QTimer* m_resizeTimer = nullptr;
};

} // namespace copydesk
