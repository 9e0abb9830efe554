#pragma once

#include "codehighlight/codehighlight.h"
#include "editor/textmarks.h"

#include <QHash>
#include <QList>
#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextLayout>
#include <QTimer>

#include <vector>

namespace copydesk::markdown {
struct Node;
}

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

    /// The spans of block `blockNumber` that are running text by the parse: text
    /// nodes, not code, URLs, link targets, HTML or Markdown syntax. What the spell
    /// checker looks at.
    QList<TextSpan> proseSpans(int blockNumber) const;

    /// Replaces `block`'s marks of `layer`, highlighting the block again only when
    /// they changed. Marks move with their text as it is edited (a mark the edit
    /// touches is dropped) until their owner sets them again.
    void setMarks(const QTextBlock& block, MarkLayer layer, const QList<TextMark>& marks);
    /// A whole layer at once, by ranges of the document: [start, end) and kind. Only
    /// blocks whose marks change are highlighted again.
    struct Range final {
        int start = 0;
        int end = 0;
        TextMark::Kind kind = TextMark::Kind::Warning;
    };
    void setLayer(MarkLayer layer, const QList<Range>& ranges);
    /// The marks of `block` (its user data; null when it has none).
    static BlockMarks* marksOf(const QTextBlock& block);
    /// The marks of every layer covering document position `position`.
    QList<TextMark> marksAt(int position) const;

Q_SIGNALS:
    /// A parse ended and the blocks it changed are highlighted.
    void highlighted();

protected:
    void highlightBlock(const QString& text) override;

private:
    void onContentsChange(int position, int removed, int added);
    void buildFormats();
    /// Formats of a fenced code block's tokens from KSyntaxHighlighting (where built).
    void highlightCode(const markdown::Node& node, const std::vector<int>& starts,
                       const QString& text, const QTextCharFormat& codeStyle,
                       QHash<QString, QList<codehighlight::Token>>& cache);
    void moveMarks(int position, int removed, int added);
    void rehighlightOwn(const QTextBlock& block);
    QTextCharFormat markFormat(TextMark::Kind kind, const QTextCharFormat& base) const;

    QTimer m_parseTimer;
    QPalette m_palette;
    std::vector<QList<QTextLayout::FormatRange>> m_blocks;
    std::vector<QList<TextSpan>> m_prose;
    QHash<QString, QList<codehighlight::Token>> m_codeCache;
    int m_blockCount = 0; ///< blocks at the last change seen
    bool m_stale = false; ///< edited since the last parse
    bool m_selfChange = false;
    int m_dirtyFirst = 0; ///< first block edited since the last parse
    int m_dirtyTail = 0;  ///< blocks after the last edited one
    int m_lastRehighlighted = 0;
};

} // namespace copydesk
