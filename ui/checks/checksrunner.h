#pragma once

#include "checks/checks.h"
#include "common/result.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QTextCursor>
#include <QTimer>

class QMenu;

namespace copydesk {

class ArticleDocument;
class Library;
class MarkdownEditor;
class SpellerPool;

/// The editorial checks as you write: a pause in editing runs app/checks on the
/// version being edited off the GUI thread (a result for text edited meanwhile is
/// dropped), underlines the body's findings in the editor and keeps the list for the
/// checklist panel. Each finding's place is tracked by a cursor in the body, so that
/// a click reaches it and its fix applies, as one undo step, even after edits
/// elsewhere; "ignore" is app/checks' ignoreFindings() on the library.
class ChecksRunner final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChecksRunner)

public:
    /// `spellers` (may be null) serves the spelling-based checks; it and `library`
    /// must outlive the runner.
    ChecksRunner(Library& library, SpellerPool* spellers, QObject* parent = nullptr);
    /// Waits for a run under way.
    ~ChecksRunner() override;

    /// Checks `document` (null: nothing) shown in `editor`.
    void setDocument(ArticleDocument* document, MarkdownEditor* editor);
    /// The pause after the last edit before a run, in milliseconds.
    void setDelay(int milliseconds) { m_timer.setInterval(milliseconds); }
    /// Runs now and waits for the findings (tests, benchmarks).
    void runNow();
    /// Starts a run without waiting for it (when one is under way, the next one is
    /// due after it); findingsChanged() says when it is in.
    void start();
    /// Whether a run is under way on the worker thread.
    bool running() const { return m_watcher.isRunning(); }

    struct Entry final {
        checks::Finding finding;
        /// In the body: the finding's range, and the range of each of its fix's edits,
        /// moving with the text.
        QTextCursor range;
        QList<QTextCursor> edits;
    };
    const QList<Entry>& findings() const { return m_entries; }
    /// Why the checks could not run (the library could not be read), if so.
    QString problem() const { return m_problem; }

    /// Shows finding `index`: in the body, selects its range in the editor.
    void reveal(int index);
    /// Applies finding `index`'s fix as one undo step. Fails when the text it
    /// applies to was edited since (the checks run again).
    Result<void> applyFix(int index);
    /// Puts finding `index` on the article's ignore list in the library.
    Result<void> ignore(int index);

Q_SIGNALS:
    /// New findings (or none) for the text as it is.
    void findingsChanged();
    /// A finding outside the body was revealed: the field to show.
    void fieldRevealed(copydesk::checks::Field field);

private:
    struct Outcome final {
        quint64 generation = 0;
        QList<checks::Finding> findings;
    };
    void finish();
    void apply(const Outcome& outcome);
    void addMenuEntries(QMenu* menu, int position);
    Result<checks::CheckContext> context() const;

    Library& m_library;
    SpellerPool* m_spellers;
    QPointer<ArticleDocument> m_document;
    QPointer<MarkdownEditor> m_editor;
    checks::Catalogue m_catalogue;
    QTimer m_timer;
    QFutureWatcher<Outcome> m_watcher;
    quint64 m_edits = 0;   ///< edits seen; a run is current when it saw them all
    quint64 m_started = 0; ///< m_edits when the running or last run started
    quint64 m_handled = ~quint64(0);
    bool m_ran = false; ///< a run was started (the watcher has a future)
    Article m_checked;  ///< the article the findings are for
    QList<Entry> m_entries;
    QString m_problem;
    QList<QPointer<MarkdownEditor>> m_hooked;
};

} // namespace copydesk
