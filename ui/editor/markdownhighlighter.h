#pragma once

#include <QList>
#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextLayout>
#include <QTimer>

#include <vector>

namespace copydesk {

/// Highlights Markdown from app/markdown's parse (markdown::Document and its source
/// map), never from regular expressions: what looks like a heading in the editor is a
/// heading in the preview. After an edit the text is parsed again (coalesced: one parse
/// for a burst of keystrokes), the formats of every block are computed from the nodes,
/// and only the blocks whose formats changed are highlighted again, so a keystroke
/// re-highlights its own paragraph and whatever the parse says it changed (a fence
/// opened, a setext underline typed).
class MarkdownHighlighter final : public QSyntaxHighlighter {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MarkdownHighlighter)

public:
    explicit MarkdownHighlighter(QTextDocument* document);
    ~MarkdownHighlighter() override;

    /// The colours follow `palette` (light or dark).
    void setPalette(const QPalette& palette);
    /// Parses now and re-highlights what changed, instead of waiting for the coalesced
    /// parse (tests, benchmarks, and before a screenshot). Returns how many blocks were
    /// highlighted again.
    int reparseNow();
    /// Blocks highlighted again by the last parse.
    int lastRehighlightedBlocks() const { return m_lastRehighlighted; }

    /// The format ranges the parse gave block `blockNumber` (for tests).
    QList<QTextLayout::FormatRange> blockFormats(int blockNumber) const;

Q_SIGNALS:
    /// A parse ended and the blocks it changed are highlighted.
    void highlighted();

protected:
    void highlightBlock(const QString& text) override;

private:
    void onContentsChange(int position, int removed, int added);
    void buildFormats();

    QTimer m_parseTimer;
    QPalette m_palette;
    std::vector<QList<QTextLayout::FormatRange>> m_blocks;
    bool m_stale = false; ///< edited since the last parse
    bool m_selfChange = false;
    int m_dirtyFirst = 0; ///< first block edited since the last parse
    int m_dirtyTail = 0;  ///< blocks after the last edited one
    int m_lastRehighlighted = 0;
};

} // namespace copydesk
