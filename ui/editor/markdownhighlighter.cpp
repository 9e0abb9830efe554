#include "editor/markdownhighlighter.h"

#include "markdown/document.h"

#include <QFontDatabase>
#include <QTextBlock>
#include <QTextDocument>

#include <algorithm>

namespace copydesk {

namespace {

using markdown::NodeKind;

struct Style final {
    QTextCharFormat heading, emphasis, strong, strike, link, image, code, codeBlock, quote, marker,
        table, footnote, html;
};

Style makeStyle(const QPalette& palette) {
    Style s;
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const QColor accent = dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1a, 0x5f, 0xb4);
    const QColor muted = palette.color(QPalette::PlaceholderText);
    const QColor codeBackground = dark ? QColor(0x2d, 0x31, 0x38) : QColor(0xf0, 0xf1, 0xf3);
    s.heading.setFontWeight(QFont::Bold);
    s.heading.setForeground(dark ? QColor(0xf2, 0xa3, 0x6b) : QColor(0x9c, 0x3d, 0x00));
    s.emphasis.setFontItalic(true);
    s.strong.setFontWeight(QFont::Bold);
    s.strike.setFontStrikeOut(true);
    s.link.setForeground(accent);
    s.link.setFontUnderline(true);
    s.image.setForeground(dark ? QColor(0xc5, 0x8a, 0xf9) : QColor(0x7b, 0x2c, 0xbf));
    s.code.setFontFamilies({mono.family()});
    s.code.setBackground(codeBackground);
    s.codeBlock = s.code;
    s.quote.setForeground(dark ? QColor(0x9e, 0xc9, 0x9a) : QColor(0x2e, 0x6b, 0x30));
    s.quote.setFontItalic(true);
    s.marker.setForeground(muted);
    s.table.setFontFamilies({mono.family()});
    s.footnote.setForeground(accent);
    s.footnote.setVerticalAlignment(QTextCharFormat::AlignNormal);
    s.html.setForeground(muted);
    return s;
}

} // namespace

MarkdownHighlighter::MarkdownHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document)
    , m_palette(QPalette()) {
    // Zero: the parse runs once the event loop is idle, after every keystroke of a
    // burst has been applied, so a burst costs one parse.
    m_parseTimer.setSingleShot(true);
    m_parseTimer.setInterval(0);
    connect(&m_parseTimer, &QTimer::timeout, this, [this] { (void)reparseNow(); });
    connect(document, &QTextDocument::contentsChange, this, &MarkdownHighlighter::onContentsChange);
    reparseNow();
}

MarkdownHighlighter::~MarkdownHighlighter() {
    // QSyntaxHighlighter's destructor clears the formats, which signals a change of
    // contents: this part of the object is gone by then.
    if (QTextDocument* doc = document())
        disconnect(doc, nullptr, this, nullptr);
}

void MarkdownHighlighter::setPalette(const QPalette& palette) {
    m_palette = palette;
    m_blocks.clear();
    buildFormats();
    m_selfChange = true;
    rehighlight();
    m_selfChange = false;
}

void MarkdownHighlighter::onContentsChange(int position, int, int added) {
    if (m_selfChange)
        return; // our own re-highlighting
    QTextDocument* doc = document();
    const int first = doc->findBlock(position).blockNumber();
    QTextBlock lastBlock = doc->findBlock(position + added);
    const int last = lastBlock.isValid() ? lastBlock.blockNumber() : doc->blockCount() - 1;
    const int tail = doc->blockCount() - 1 - last;
    if (!m_stale) {
        m_dirtyFirst = first;
        m_dirtyTail = tail;
    } else {
        m_dirtyFirst = std::min(m_dirtyFirst, first);
        m_dirtyTail = std::min(m_dirtyTail, tail);
    }
    m_stale = true;
    m_parseTimer.start();
}

QList<QTextLayout::FormatRange> MarkdownHighlighter::blockFormats(int blockNumber) const {
    if (blockNumber < 0 || size_t(blockNumber) >= m_blocks.size())
        return {};
    return m_blocks[size_t(blockNumber)];
}

int MarkdownHighlighter::reparseNow() {
    m_parseTimer.stop();
    QTextDocument* doc = document();
    if (!doc)
        return 0;
    std::vector<QList<QTextLayout::FormatRange>> before;
    before.swap(m_blocks);
    buildFormats();
    // Only blocks whose formats differ from the last parse are highlighted again: the
    // blocks before the edited ones are compared with the same block, those after it
    // with the block that was as far from the end, the edited ones always.
    const int blockCount = int(m_blocks.size());
    const int shift = blockCount - int(before.size());
    const int editedFirst = m_stale ? m_dirtyFirst : blockCount;
    const int editedLast = m_stale ? blockCount - 1 - m_dirtyTail : -1;
    m_stale = false;
    int count = 0;
    int number = 0;
    m_selfChange = true;
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next(), ++number) {
        int old = -1;
        if (number < editedFirst)
            old = number;
        else if (number > editedLast)
            old = number - shift;
        if (old >= 0 && size_t(old) < before.size() &&
            before[size_t(old)] == m_blocks[size_t(number)])
            continue;
        rehighlightBlock(block);
        ++count;
    }
    m_selfChange = false;
    m_lastRehighlighted = count;
    Q_EMIT highlighted();
    return count;
}

void MarkdownHighlighter::buildFormats() {
    QTextDocument* doc = document();
    std::vector<int> starts; // UTF-16 position of each block
    QString text;
    text.reserve(doc->characterCount());
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        starts.push_back(int(text.size()));
        if (block != doc->begin())
            starts.back() = int(text.size()) + 1, text += QLatin1Char('\n');
        text += block.text();
    }
    m_blocks.assign(starts.size(), {});
    const Style style = makeStyle(m_palette);
    const markdown::Document parsed(text);
    const std::vector<markdown::Node>& nodes = parsed.nodes();

    auto add = [&](qsizetype from, qsizetype to, const QTextCharFormat& format) {
        if (to <= from)
            return;
        auto it = std::upper_bound(starts.begin(), starts.end(), int(from));
        size_t block = size_t(std::max<ptrdiff_t>(0, (it - starts.begin()) - 1));
        for (; block < starts.size() && starts[block] < to; ++block) {
            const int blockStart = starts[block];
            const int blockEnd =
                block + 1 < starts.size() ? starts[block + 1] - 1 : int(text.size());
            const int start = std::max(int(from), blockStart);
            const int end = std::min(int(to), blockEnd);
            if (end > start)
                m_blocks[block].append({start - blockStart, end - start, format});
        }
    };
    // The syntax around an inline's content ("**", "](url)") is dimmed.
    auto markers = [&](size_t index) {
        const markdown::Node& n = nodes[index];
        if (n.end > int(index) + 1) {
            const markdown::Node& first = nodes[index + 1];
            qsizetype last = first.stop;
            for (int child = int(index) + 1; child < n.end; ++child)
                if (nodes[size_t(child)].parent == int(index))
                    last = nodes[size_t(child)].stop;
            add(n.start, first.start, style.marker);
            add(last, n.stop, style.marker);
        } else {
            add(n.start, n.stop, style.marker);
        }
    };

    // Parents before children (document order), so an inner format is applied over an
    // outer one where they overlap: QTextLayout merges later ranges over earlier ones.
    for (size_t i = 1; i < nodes.size(); ++i) {
        const markdown::Node& n = nodes[i];
        switch (n.kind) {
        case NodeKind::Heading:
            add(n.start, n.stop, style.heading);
            break;
        case NodeKind::BlockQuote:
            add(n.start, n.stop, style.quote);
            break;
        case NodeKind::CodeBlock:
            add(n.start, n.stop, style.codeBlock);
            break;
        case NodeKind::HtmlBlock:
        case NodeKind::HtmlInline:
            add(n.start, n.stop, style.html);
            break;
        case NodeKind::Item:
            // The list marker: from the item's start to its first child's.
            if (n.end > int(i) + 1)
                add(n.start, nodes[i + 1].start, style.marker);
            break;
        case NodeKind::Table:
            add(n.start, n.stop, style.table);
            break;
        case NodeKind::Emph:
            add(n.start, n.stop, style.emphasis);
            markers(i);
            break;
        case NodeKind::Strong:
            add(n.start, n.stop, style.strong);
            markers(i);
            break;
        case NodeKind::Strikethrough:
            add(n.start, n.stop, style.strike);
            markers(i);
            break;
        case NodeKind::Code:
            add(n.start, n.stop, style.code);
            break;
        case NodeKind::Link:
            add(n.start, n.stop, style.link);
            if (!n.autolink)
                markers(i);
            break;
        case NodeKind::Image:
            add(n.start, n.stop, style.image);
            markers(i);
            break;
        case NodeKind::FootnoteReference:
            add(n.start, n.stop, style.footnote);
            break;
        case NodeKind::FootnoteDefinition:
            // The label "[^1]:" of the definition.
            add(n.start, n.end > int(i) + 1 ? nodes[i + 1].start : n.stop, style.footnote);
            break;
        default:
            break;
        }
    }
}

void MarkdownHighlighter::highlightBlock(const QString& text) {
    const int number = currentBlock().blockNumber();
    if (m_stale || number < 0 || size_t(number) >= m_blocks.size()) {
        // Until the coalesced parse runs, the block keeps the formats it had (its text
        // changed; the parse will say how).
        const QList<QTextLayout::FormatRange> kept = currentBlock().layout()->formats();
        for (const QTextLayout::FormatRange& r : kept)
            if (r.start < text.size())
                setFormat(r.start, std::min(r.length, int(text.size()) - r.start), r.format);
        return;
    }
    for (const QTextLayout::FormatRange& r : m_blocks[size_t(number)]) {
        if (r.start < text.size())
            setFormat(r.start, std::min(r.length, int(text.size()) - r.start), r.format);
    }
}

} // namespace copydesk
