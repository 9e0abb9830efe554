#include "editor/markdownhighlighter.h"

#include "codehighlight/codehighlight.h"
#include "markdown/document.h"

#include <QFontDatabase>
#include <QHash>
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
    // Marks and spelling state of an earlier editor of this document are not ours: its
    // spell checker may have accepted other words.
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next())
        block.setUserData(nullptr);
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

void MarkdownHighlighter::onContentsChange(int position, int removed, int added) {
    if (m_selfChange)
        return; // our own re-highlighting
    moveMarks(position, removed, added);
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
    m_prose.assign(starts.size(), {});
    m_blockCount = doc->blockCount();
    const Style style = makeStyle(m_palette);
    const markdown::Document parsed(text);
    const std::vector<markdown::Node>& nodes = parsed.nodes();

    // Calls `f(block, start, length)` for each block's part of [from, to).
    auto spread = [&](qsizetype from, qsizetype to, auto&& f) {
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
                f(block, start - blockStart, end - start);
        }
    };
    auto add = [&](qsizetype from, qsizetype to, const QTextCharFormat& format) {
        spread(from, to, [&](size_t block, int start, int length) {
            m_blocks[block].append({start, length, format});
        });
    };
    // Code highlighted by the last parse, by language and code: a keystroke in the
    // prose does not highlight every code block again.
    QHash<QString, QList<codehighlight::Token>> codeCache;
    // Text inside an autolink is its URL: not prose.
    int autolinkEnd = 0;
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
            highlightCode(n, starts, text, style.codeBlock, codeCache);
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
            else
                autolinkEnd = std::max(autolinkEnd, n.end);
            break;
        case NodeKind::Text:
            if (int(i) >= autolinkEnd)
                spread(n.start, n.stop, [&](size_t block, int start, int length) {
                    // cmark leaves a text node at each unmatched delimiter ("snake_case"
                    // is three): touching spans are one run of text.
                    QList<TextSpan>& spans = m_prose[block];
                    if (!spans.isEmpty() && spans.back().second == start)
                        spans.back().second = start + length;
                    else
                        spans.append({start, start + length});
                });
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
    m_codeCache.swap(codeCache);
}

void MarkdownHighlighter::highlightCode(const markdown::Node& n, const std::vector<int>& starts,
                                        const QString& text, const QTextCharFormat& codeStyle,
                                        QHash<QString, QList<codehighlight::Token>>& cache) {
    if (!codehighlight::isAvailable() || n.info.isEmpty())
        return;
    const QString language = n.info.section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty);
    // The content lines: after the opening fence, up to the closing one if there is one.
    // Only where they are the code as written (not inside a quote or a list item,
    // whose markers and indentation the parse takes off each line).
    const int firstLine = n.startLine; // 0-based index of the line after the fence
    auto lineText = [&](int index) {
        const int from = starts[size_t(index)];
        const int to =
            size_t(index) + 1 < starts.size() ? starts[size_t(index) + 1] - 1 : int(text.size());
        return QStringView(text).sliced(from, to - from);
    };
    int lastLine = -1;
    for (const int candidate : {n.endLine - 2, n.endLine - 1}) {
        if (candidate < firstLine - 1 || size_t(candidate) >= starts.size())
            continue;
        QString joined;
        for (int i = firstLine; i <= candidate; ++i) {
            joined += lineText(i);
            joined += QLatin1Char('\n');
        }
        if (joined == n.literal) {
            lastLine = candidate;
            break;
        }
    }
    if (lastLine < firstLine)
        return;
    const QString key = language + QChar(0) + n.literal;
    auto cached = m_codeCache.constFind(key);
    QList<codehighlight::Token> tokens;
    if (cached != m_codeCache.constEnd()) {
        tokens = cached.value();
    } else {
        const bool dark = m_palette.color(QPalette::Base).lightness() < 128;
        tokens = codehighlight::highlightTokens(n.literal, language,
                                                dark ? codehighlight::Theme::Dark
                                                     : codehighlight::Theme::Light)
                     .value_or(QList<codehighlight::Token>());
    }
    cache.insert(key, tokens);
    const int codeStart = starts[size_t(firstLine)];
    for (const codehighlight::Token& t : std::as_const(tokens)) {
        QTextCharFormat f = codeStyle;
        if (t.foreground)
            f.setForeground(QColor::fromRgba(t.foreground));
        if (t.background)
            f.setBackground(QColor::fromRgba(t.background));
        if (t.bold)
            f.setFontWeight(QFont::Bold);
        f.setFontItalic(t.italic);
        f.setFontUnderline(t.underline);
        f.setFontStrikeOut(t.strikeOut);
        // Code offsets count a "\n" per line, as the source does.
        const int from = codeStart + int(t.offset);
        const int to = from + int(t.length);
        auto it = std::upper_bound(starts.begin(), starts.end(), from);
        size_t block = size_t(std::max<ptrdiff_t>(0, (it - starts.begin()) - 1));
        for (; block < starts.size() && starts[block] < to; ++block) {
            const int blockStart = starts[block];
            const int blockEnd =
                block + 1 < starts.size() ? starts[block + 1] - 1 : int(text.size());
            const int start = std::max(from, blockStart);
            const int end = std::min(to, blockEnd);
            if (end > start)
                m_blocks[block].append({start - blockStart, end - start, f});
        }
    }
}

QList<TextSpan> MarkdownHighlighter::proseSpans(int blockNumber) const {
    if (blockNumber < 0 || size_t(blockNumber) >= m_prose.size())
        return {};
    return m_prose[size_t(blockNumber)];
}

BlockMarks* MarkdownHighlighter::marksOf(const QTextBlock& block) {
    return static_cast<BlockMarks*>(block.userData());
}

void MarkdownHighlighter::rehighlightOwn(const QTextBlock& block) {
    m_selfChange = true;
    rehighlightBlock(block);
    m_selfChange = false;
}

void MarkdownHighlighter::setMarks(const QTextBlock& block, MarkLayer layer,
                                   const QList<TextMark>& marks) {
    if (!block.isValid())
        return;
    if (m_stale)
        (void)reparseNow(); // a stale block keeps its old formats; marks need the new ones
    BlockMarks* data = marksOf(block);
    if (!data) {
        if (marks.isEmpty())
            return;
        data = new BlockMarks;
        QTextBlock(block).setUserData(data);
    }
    if (data->layer(layer) == marks)
        return;
    data->layer(layer) = marks;
    rehighlightOwn(block);
}

void MarkdownHighlighter::setLayer(MarkLayer layer, const QList<Range>& ranges) {
    QTextDocument* doc = document();
    if (!doc)
        return;
    // Block number -> its new marks.
    QHash<int, QList<TextMark>> byBlock;
    for (const Range& r : ranges) {
        for (QTextBlock b = doc->findBlock(r.start); b.isValid() && b.position() <= r.end;
             b = b.next()) {
            const int start = std::max(r.start, b.position()) - b.position();
            const int end = std::min(r.end, b.position() + b.length() - 1) - b.position();
            // An empty range (something missing) is marked by the character after it.
            const int length = std::max(end - start, r.start == r.end ? 1 : 0);
            if (length > 0 || b.position() == r.start)
                byBlock[b.blockNumber()].append({start, std::max(length, 1), r.kind});
            if (r.end <= b.position() + b.length() - 1)
                break;
        }
    }
    int number = 0;
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next(), ++number) {
        const auto it = byBlock.constFind(number);
        setMarks(b, layer, it == byBlock.constEnd() ? QList<TextMark>() : it.value());
    }
}

QList<TextMark> MarkdownHighlighter::marksAt(int position) const {
    QList<TextMark> found;
    const QTextBlock block = document()->findBlock(position);
    const BlockMarks* data = marksOf(block);
    if (!data)
        return found;
    const int at = position - block.position();
    for (const QList<TextMark>& layer : data->layers)
        for (const TextMark& m : layer)
            if (at >= m.start && at <= m.start + m.length)
                found.append(m);
    return found;
}

void MarkdownHighlighter::moveMarks(int position, int removed, int added) {
    QTextDocument* doc = document();
    const QTextBlock first = doc->findBlock(position);
    const bool sameBlocks = doc->blockCount() == m_blockCount;
    m_blockCount = doc->blockCount();
    if (sameBlocks && first.isValid() && doc->findBlock(position + added) == first) {
        // An edit inside one block (typing): marks before it stay, marks after it
        // move with their text, marks it touches go until they are set again.
        BlockMarks* data = marksOf(first);
        if (!data)
            return;
        const int at = position - first.position();
        for (QList<TextMark>& layer : data->layers) {
            for (qsizetype i = layer.size() - 1; i >= 0; --i) {
                TextMark& m = layer[i];
                if (m.start + m.length <= at)
                    continue;
                if (m.start >= at + removed)
                    m.start += added - removed;
                else
                    layer.removeAt(i);
            }
        }
        return;
    }
    // Lines joined or split: the marks of the blocks the edit touched go.
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        if (BlockMarks* data = marksOf(b))
            for (QList<TextMark>& layer : data->layers)
                layer.clear();
        if (b.position() + b.length() > position + added)
            break;
    }
}

QTextCharFormat MarkdownHighlighter::markFormat(TextMark::Kind kind,
                                                const QTextCharFormat& base) const {
    QTextCharFormat f = base;
    const bool dark = m_palette.color(QPalette::Base).lightness() < 128;
    switch (kind) {
    case TextMark::Kind::Misspelling:
        f.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        f.setUnderlineColor(dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xd0, 0x10, 0x20));
        break;
    case TextMark::Kind::Error:
        f.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        f.setUnderlineColor(dark ? QColor(0xf0, 0x7a, 0xd0) : QColor(0xb0, 0x1a, 0x8a));
        break;
    case TextMark::Kind::Warning:
        f.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        f.setUnderlineColor(dark ? QColor(0xf5, 0xc2, 0x42) : QColor(0xc0, 0x80, 0x00));
        break;
    case TextMark::Kind::Info:
        f.setUnderlineStyle(QTextCharFormat::DotLine);
        f.setUnderlineColor(dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1a, 0x5f, 0xb4));
        break;
    }
    return f;
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
    // The marks over the Markdown formats: a misspelt word keeps its bold or its link
    // colour and is underlined. Findings after spelling, so that a finding shows
    // where both mark a word.
    if (const BlockMarks* data = marksOf(currentBlock())) {
        for (const QList<TextMark>& layer : data->layers) {
            for (const TextMark& m : layer) {
                const int end = std::min(m.start + m.length, int(text.size()));
                for (int i = std::max(0, m.start); i < end; ++i)
                    setFormat(i, 1, markFormat(m.kind, format(i)));
            }
        }
    }
}

} // namespace copydesk
