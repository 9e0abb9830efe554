#include "editor/spellchecker.h"

#include "editor/markdownhighlighter.h"
#include "spelling/speller.h"
#include "spelling/wordscan.h"

#include <QTextBlock>
#include <QTextDocument>
#include <QtConcurrent/QtConcurrentRun>

namespace copydesk {

namespace {

SpellChecker::Outcome checkItems(quint64 generation, SpellerPool* pool, const QString& language,
                                 const QSet<QString>& accepted,
                                 std::vector<SpellChecker::Item> items) {
    SpellChecker::Outcome outcome;
    outcome.generation = generation;
    const auto speller = pool->speller(language);
    if (!speller) {
        outcome.problem = speller.error();
        return outcome;
    }
    outcome.speller = *speller;
    for (SpellChecker::Item& item : items) {
        for (const TextSpan& span : std::as_const(item.prose)) {
            const QStringView prose =
                QStringView(item.text).sliced(span.first, span.second - span.first);
            for (const spelling::WordSpan& w : spelling::checkableWords(prose)) {
                const QStringView word = prose.sliced(w.start, w.length);
                if (spelling::listAccepts(accepted, word) || outcome.speller->isCorrect(word))
                    continue;
                item.marks.append(
                    {int(span.first + w.start), int(w.length), TextMark::Kind::Misspelling});
            }
        }
    }
    outcome.items = std::move(items);
    return outcome;
}

} // namespace

SpellChecker::SpellChecker(MarkdownHighlighter* highlighter, SpellerPool* pool, QString language,
                           const QStringList& accepted, QObject* parent)
    : QObject(parent)
    , m_highlighter(highlighter)
    , m_pool(pool)
    , m_language(std::move(language))
    , m_accepted(accepted.begin(), accepted.end()) {
    // A pause in typing, not every keystroke: looking up a paragraph is quick, but a
    // word being typed is not misspelt yet.
    m_timer.setSingleShot(true);
    m_timer.setInterval(300);
    connect(&m_timer, &QTimer::timeout, this, &SpellChecker::start);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &SpellChecker::finish);
    connect(m_highlighter, &MarkdownHighlighter::highlighted, &m_timer,
            qOverload<>(&QTimer::start));
    QTimer::singleShot(0, this, &SpellChecker::start); // the whole text, at once
}

SpellChecker::~SpellChecker() {
    m_watcher.waitForFinished();
}

QStringList SpellChecker::suggestions(const QString& word) const {
    return m_speller ? m_speller->suggestions(word) : QStringList();
}

void SpellChecker::accept(const QString& word) {
    m_accepted.insert(word);
    // Only the blocks where the word is marked need a look.
    const QSet<QString> one{word};
    for (QTextBlock b = m_highlighter->document()->begin(); b.isValid(); b = b.next()) {
        BlockMarks* data = MarkdownHighlighter::marksOf(b);
        if (!data)
            continue;
        for (const TextMark& m : data->layer(MarkLayer::Spelling)) {
            if (spelling::listAccepts(one, QStringView(b.text()).sliced(m.start, m.length))) {
                data->spellChecked = false;
                break;
            }
        }
    }
    start();
}

void SpellChecker::start() {
    m_timer.stop();
    if (m_watcher.isRunning()) {
        m_timer.start(); // after this one
        return;
    }
    if (m_statusKnown && !m_speller)
        return; // no dictionary: nothing to check, ever
    std::vector<Item> items;
    int number = 0;
    for (QTextBlock b = m_highlighter->document()->begin(); b.isValid(); b = b.next(), ++number) {
        const BlockMarks* data = MarkdownHighlighter::marksOf(b);
        QList<TextSpan> prose = m_highlighter->proseSpans(number);
        QString text = b.text();
        if (data && data->spellChecked && data->spellProse == prose && data->spellText == text)
            continue;
        items.push_back({number, std::move(text), std::move(prose), {}});
    }
    if (items.empty() && m_statusKnown)
        return;
    m_lastChecked = int(items.size());
    m_watcher.setFuture(QtConcurrent::run(checkItems, ++m_generation, m_pool, m_language,
                                          m_accepted, std::move(items)));
}

void SpellChecker::finish() {
    const Outcome outcome = m_watcher.result();
    if (outcome.generation == m_handled)
        return; // handled by checkNow()
    m_handled = outcome.generation;
    if (!m_statusKnown) {
        m_statusKnown = true;
        m_speller = outcome.speller;
        m_problem = outcome.problem;
        m_dictionaryName = m_speller ? m_speller->dictionaryName() : QString();
        Q_EMIT statusChanged();
    }
    QTextDocument* doc = m_highlighter->document();
    bool dropped = false;
    for (const Item& item : outcome.items) {
        const QTextBlock block = doc->findBlockByNumber(item.block);
        // Edited while it was checked: the result is for text that is gone.
        if (!block.isValid() || block.text() != item.text ||
            m_highlighter->proseSpans(item.block) != item.prose) {
            dropped = true;
            continue;
        }
        m_highlighter->setMarks(block, MarkLayer::Spelling, item.marks);
        BlockMarks* data = MarkdownHighlighter::marksOf(block);
        if (!data) {
            data = new BlockMarks;
            QTextBlock(block).setUserData(data);
        }
        data->spellText = item.text;
        data->spellProse = item.prose;
        data->spellChecked = true;
    }
    if (dropped)
        m_timer.start();
    Q_EMIT checked();
}

void SpellChecker::checkNow() {
    // Until nothing is due: a check may leave blocks edited meanwhile.
    for (int round = 0; round < 3; ++round) {
        m_highlighter->reparseNow();
        m_watcher.waitForFinished();
        if (m_handled != m_generation)
            finish(); // a check started before
        const quint64 before = m_generation;
        start();
        if (m_generation == before)
            break; // nothing was due
        m_watcher.waitForFinished();
        finish();
    }
    m_timer.stop();
}

} // namespace copydesk
