#pragma once

#include "editor/textmarks.h"

#include <QFutureWatcher>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <vector>

namespace copydesk {

class MarkdownHighlighter;
class Speller;
class SpellerPool;

/// Spell checking of the editor's text, off the keystroke path: a pause in typing
/// (debounced after the highlighter's parse) sends the blocks whose text or prose
/// spans changed since they were last checked to a worker thread, which looks their
/// words up with Hunspell; the misspellings come back as marks of the highlighter's
/// Spelling layer. Only running text is checked (the parse's text nodes: not code,
/// URLs, link targets or HTML). A result for text edited meanwhile is dropped and the
/// block checked again. A missing dictionary is found once, and said by status().
class SpellChecker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpellChecker)

public:
    /// Checks `highlighter`'s document in BCP 47 `language` with a dictionary of
    /// `pool` (loaded on the worker: Arabic takes hundreds of milliseconds), accepting
    /// also `accepted` (the personal dictionary). `pool` must outlive this object.
    SpellChecker(MarkdownHighlighter* highlighter, SpellerPool* pool, QString language,
                 const QStringList& accepted, QObject* parent = nullptr);
    /// Waits for a check under way.
    ~SpellChecker() override;

    QString language() const { return m_language; }
    /// The dictionary in use ("en_US"), once loaded.
    QString dictionaryName() const { return m_dictionaryName; }
    /// Why there is no spell checking (no dictionary for the language), once known.
    QString problem() const { return m_problem; }

    /// Hunspell's suggestions for `word` (empty without a dictionary).
    QStringList suggestions(const QString& word) const;
    /// Accepts `word` from now on (added to the personal dictionary, or ignored for
    /// this session) and checks again the blocks where it was marked.
    void accept(const QString& word);

    /// Checks what is due now and waits for the result (tests, benchmarks).
    void checkNow();
    /// Blocks the last check looked at.
    int lastCheckedBlocks() const { return m_lastChecked; }
    /// The debounce after the last parse, in milliseconds.
    void setDelay(int milliseconds) { m_timer.setInterval(milliseconds); }

    struct Item final {
        int block = 0;
        QString text;
        QList<TextSpan> prose;
        QList<TextMark> marks;
    };
    struct Outcome final {
        quint64 generation = 0;
        Speller* speller = nullptr;
        QString problem;
        std::vector<Item> items;
    };

Q_SIGNALS:
    /// The dictionary was loaded, or found missing (once per checker).
    void statusChanged();
    /// A check's results are on the marks.
    void checked();

private:
    void start();
    void finish();

    MarkdownHighlighter* m_highlighter;
    SpellerPool* m_pool;
    QString m_language;
    QSet<QString> m_accepted;
    Speller* m_speller = nullptr;
    QString m_dictionaryName;
    QString m_problem;
    bool m_statusKnown = false;
    QTimer m_timer;
    QFutureWatcher<Outcome> m_watcher;
    quint64 m_generation = 0;
    quint64 m_handled = 0;
    int m_lastChecked = 0;
};

} // namespace copydesk
