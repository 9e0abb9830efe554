#include "markdown/document.h"

#include "markdown/cmarkdocument_p.h"

#include <QCoreApplication>

#include <cmark-gfm-core-extensions.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <limits>
#include <mutex>

namespace copydesk::markdown {

using namespace markdown_p;

// ---------------------------------------------------------------------------------------
// SourceMap

namespace {

/// UTF-16 code units that the character starting with byte `c` takes; 0 for a
/// continuation byte.
inline int utf16Units(unsigned char c) {
    if ((c & 0xC0) == 0x80)
        return 0;
    return c >= 0xF0 ? 2 : 1;
}

} // namespace

SourceMap::SourceMap(const QByteArray& utf8)
    : m_utf8(utf8) {
    const auto* s = reinterpret_cast<const unsigned char*>(m_utf8.constData());
    const qsizetype n = m_utf8.size();
    m_checkpoints.reserve(size_t(n / kStride) + 1);
    qsizetype units = 0;
    for (qsizetype i = 0; i < n; ++i) {
        if (i % kStride == 0)
            m_checkpoints.push_back(units);
        units += utf16Units(s[i]);
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= n || s[i + 1] != '\n')))
            m_lineStarts.push_back(i + 1);
    }
    m_utf16Size = units;
}

qsizetype SourceMap::utf16FromByte(qsizetype byte) const {
    byte = std::clamp<qsizetype>(byte, 0, m_utf8.size());
    if (byte == m_utf8.size())
        return m_utf16Size;
    const auto* s = reinterpret_cast<const unsigned char*>(m_utf8.constData());
    qsizetype from = (byte / kStride) * kStride;
    qsizetype units = m_checkpoints[size_t(byte / kStride)];
    for (; from < byte; ++from)
        units += utf16Units(s[from]);
    // Inside a character: its units were counted at its first byte, so this is the
    // offset after it, except in the middle of a surrogate pair, which counts as after.
    return units;
}

qsizetype SourceMap::byteFromUtf16(qsizetype utf16) const {
    utf16 = std::clamp<qsizetype>(utf16, 0, m_utf16Size);
    if (utf16 == m_utf16Size)
        return m_utf8.size();
    // The last checkpoint at or before utf16.
    const auto it = std::upper_bound(m_checkpoints.begin(), m_checkpoints.end(), utf16);
    size_t k = size_t(it - m_checkpoints.begin()) - 1;
    // Equal checkpoints (a stride of continuation bytes) and checkpoints in the middle of
    // a character: step back to a character start.
    const auto* s = reinterpret_cast<const unsigned char*>(m_utf8.constData());
    qsizetype byte = qsizetype(k) * kStride;
    qsizetype units = m_checkpoints[k];
    while (byte > 0 && utf16Units(s[byte]) == 0) {
        --byte;
        units -= utf16Units(s[byte]);
    }
    while (byte < m_utf8.size()) {
        const int u = utf16Units(s[byte]);
        if (u > 0 && units + u > utf16)
            break;
        units += u;
        ++byte;
        // Skip the continuation bytes of this character.
        while (byte < m_utf8.size() && utf16Units(s[byte]) == 0)
            ++byte;
        if (units == utf16)
            break;
    }
    return byte;
}

SourceMap::LineColumn SourceMap::lineColumnFromByte(qsizetype byte) const {
    byte = std::clamp<qsizetype>(byte, 0, m_utf8.size());
    const auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), byte);
    const int line = int(it - m_lineStarts.begin());
    return {line, int(byte - m_lineStarts[size_t(line - 1)]) + 1};
}

qsizetype SourceMap::lineStart(int line) const {
    if (line < 1)
        return 0;
    if (line > lineCount())
        return m_utf8.size();
    return m_lineStarts[size_t(line - 1)];
}

qsizetype SourceMap::lineEnd(int line) const {
    if (line < 1)
        line = 1;
    if (line > lineCount())
        return m_utf8.size();
    qsizetype end = line < lineCount() ? m_lineStarts[size_t(line)] : m_utf8.size();
    if (end > lineStart(line) && (m_utf8[end - 1] == '\n' || m_utf8[end - 1] == '\r'))
        --end;
    if (end > lineStart(line) && m_utf8[end - 1] == '\r' && line < lineCount())
        --end;
    return end;
}

qsizetype SourceMap::byteFromLineColumn(int line, int column) const {
    if (line < 1)
        return 0;
    if (line > lineCount())
        return m_utf8.size();
    return std::clamp<qsizetype>(lineStart(line) + std::max(column, 1) - 1, lineStart(line),
                                 lineEnd(line));
}

// ---------------------------------------------------------------------------------------
// Document

QStringList ParseOptions::defaultExtensions() {
    return {QStringLiteral("table"), QStringLiteral("strikethrough"), QStringLiteral("autolink"),
            QStringLiteral("tagfilter"), QStringLiteral("tasklist")};
}

struct Document::Private {
    ParseOptions options;
    std::pair<int, int> tooWide{0, 0};
    SourceMap map;
    std::unique_ptr<CmarkDocument> cmark;
    std::once_flag walked;
    std::vector<Node> nodes;
};

namespace {

int parseFlags(const ParseOptions& options) {
    // Source positions only change how cmark-gfm records inline positions across lines;
    // the tree and the HTML are the same.
    int flags = CMARK_OPT_SOURCEPOS;
    if (options.footnotes)
        flags |= CMARK_OPT_FOOTNOTES;
    if (options.smartPunctuation)
        flags |= CMARK_OPT_SMART;
    return flags;
}

bool isAsciiPunct(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

bool isAsciiAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// cmark-gfm's tree turned into Nodes with exact ranges.
///
/// cmark-gfm records exact positions for blocks, but its inline positions assume that
/// every line of a paragraph starts at the paragraph's first column: on a lazy
/// continuation line, after a block quote marker followed by extra spaces, or after
/// indentation before the paragraph's first line they are off by the difference, and
/// links that span lines get the line of their end. Some extension nodes (bare URLs,
/// e-mail addresses) have none, and the autolink extension merges adjacent text nodes
/// without updating the end of the first. So: block ranges are taken as they are;
/// inline columns are shifted per line by the width of the container prefix that
/// cmark-gfm actually stripped on that line (found by matching the enclosing block
/// quotes, list items and footnote definitions against the line, as cmark-gfm's block
/// parser does); text ends are found by matching the node's literal against the source;
/// emphasis, links and autolinks are spanned from their children and delimiters.
class Builder final {
public:
    Builder(const SourceMap& map, bool smart, std::vector<Node>& out)
        : m_map(map)
        , m_src(map.utf8().constData())
        , m_size(map.byteSize())
        , m_smart(smart)
        , m_out(out) {}

    void run(cmark_node* root);

private:
    struct Container final {
        NodeKind kind;
        int startLine;
        qsizetype contentByte; ///< where its content starts on its first line (in the line)
        int width;             ///< Item, FootnoteDefinition: indentation of continuations
    };

    const SourceMap& m_map;
    const char* m_src;
    qsizetype m_size;
    bool m_smart;
    std::vector<Node>& m_out;
    std::vector<qsizetype> m_bstart, m_bstop; // byte ranges, per node
    std::vector<Container> m_containers;
    std::vector<int> m_open; // indices of nodes entered and not exited
    std::vector<cmark_node*> m_openNodes;

    // The block whose inlines are being read.
    int m_leafLine = 0;
    qsizetype m_leafOffset = 0; ///< cmark-gfm's block offset: first column - 1
    qsizetype m_leafStart = 0, m_leafStop = 0;
    std::vector<qsizetype> m_deltas; ///< per line from m_leafLine; kUnknown until needed
    qsizetype m_cursor = 0;          ///< end of the last inline read
    bool m_table = false;            ///< the leaf block is a table
    static constexpr qsizetype kUnknown = std::numeric_limits<qsizetype>::min();

    /// Bytes of `line` that the first `count` containers take; `matched` tells whether
    /// all of them matched (false on a lazy continuation line).
    qsizetype continuationPrefix(int line, size_t count, bool* matched = nullptr) const;
    void enterLeafBlock(int line, qsizetype offset, int lastLine, qsizetype start, qsizetype stop,
                        bool table);
    qsizetype delta(int line);
    qsizetype inlineByte(int line, int column);
    qsizetype matchLiteral(qsizetype at, const QByteArray& literal, bool acrossLines);
    qsizetype entityLength(qsizetype at) const;
    qsizetype codeSpanEnd(qsizetype at) const;
    int lineOf(qsizetype byte) const { return m_map.lineColumnFromByte(byte).line; }

    void enter(cmark_node* node);
    void exit(int index, cmark_node* node);
    void enterInline(int index, cmark_node* node);
    void exitInline(int index, cmark_node* node);
};

NodeKind kindOf(cmark_node* node) {
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_DOCUMENT:
        return NodeKind::Document;
    case CMARK_NODE_BLOCK_QUOTE:
        return NodeKind::BlockQuote;
    case CMARK_NODE_LIST:
        return NodeKind::List;
    case CMARK_NODE_ITEM:
        return NodeKind::Item;
    case CMARK_NODE_CODE_BLOCK:
        return NodeKind::CodeBlock;
    case CMARK_NODE_HTML_BLOCK:
        return NodeKind::HtmlBlock;
    case CMARK_NODE_PARAGRAPH:
        return NodeKind::Paragraph;
    case CMARK_NODE_HEADING:
        return NodeKind::Heading;
    case CMARK_NODE_THEMATIC_BREAK:
        return NodeKind::ThematicBreak;
    case CMARK_NODE_FOOTNOTE_DEFINITION:
        return NodeKind::FootnoteDefinition;
    case CMARK_NODE_TEXT:
        return NodeKind::Text;
    case CMARK_NODE_SOFTBREAK:
        return NodeKind::SoftBreak;
    case CMARK_NODE_LINEBREAK:
        return NodeKind::LineBreak;
    case CMARK_NODE_CODE:
        return NodeKind::Code;
    case CMARK_NODE_HTML_INLINE:
        return NodeKind::HtmlInline;
    case CMARK_NODE_EMPH:
        return NodeKind::Emph;
    case CMARK_NODE_STRONG:
        return NodeKind::Strong;
    case CMARK_NODE_LINK:
        return NodeKind::Link;
    case CMARK_NODE_IMAGE:
        return NodeKind::Image;
    case CMARK_NODE_FOOTNOTE_REFERENCE:
        return NodeKind::FootnoteReference;
    default:
        break;
    }
    // Extension nodes are known by their type name.
    const char* name = cmark_node_get_type_string(node);
    if (std::strcmp(name, "table") == 0)
        return NodeKind::Table;
    if (std::strcmp(name, "table_header") == 0 || std::strcmp(name, "table_row") == 0)
        return NodeKind::TableRow;
    if (std::strcmp(name, "table_cell") == 0)
        return NodeKind::TableCell;
    if (std::strcmp(name, "strikethrough") == 0)
        return NodeKind::Strikethrough;
    if (std::strcmp(name, "tasklist") == 0)
        return NodeKind::Item;
    return NodeKind::Other;
}

QString toQString(const char* text) {
    return text ? QString::fromUtf8(text) : QString();
}

qsizetype Builder::continuationPrefix(int line, size_t count, bool* matched) const {
    const qsizetype base = m_map.lineStart(line);
    const qsizetype n = m_map.lineEnd(line) - base;
    const char* s = m_src + base;
    if (matched)
        *matched = false;
    // Containers that start on `line` are the innermost ones (a container starts after
    // those around it): where the innermost of them puts its content is known, and all
    // around it matched. Deep nesting on one line ("- - - - x") stays linear so.
    if (count > 0 && m_containers[count - 1].startLine == line) {
        if (matched)
            *matched = true;
        return m_containers[count - 1].contentByte;
    }
    qsizetype p = 0;
    for (size_t k = 0; k < count; ++k) {
        const Container& c = m_containers[k];
        if (c.kind == NodeKind::BlockQuote) {
            qsizetype q = p;
            while (q < n && q - p < 3 && s[q] == ' ')
                ++q;
            if (q >= n || s[q] != '>')
                return p; // a lazy continuation line: the quote does not match
            p = q + 1;
            if (p < n && (s[p] == ' ' || s[p] == '\t'))
                ++p;
        } else {
            qsizetype q = p;
            int columns = 0;
            while (q < n && columns < c.width && (s[q] == ' ' || s[q] == '\t')) {
                columns += s[q] == '\t' ? 4 - columns % 4 : 1;
                ++q;
            }
            if (columns < c.width)
                return p;
            p = q;
        }
    }
    if (matched)
        *matched = true;
    return p;
}

void Builder::enterLeafBlock(int line, qsizetype offset, int lastLine, qsizetype start,
                             qsizetype stop, bool table) {
    m_table = table;
    m_leafLine = line;
    m_leafOffset = offset;
    m_leafStart = start;
    m_leafStop = stop;
    m_deltas.assign(size_t(std::max(lastLine - line + 1, 1)), kUnknown);
    m_deltas[0] = 0;
    m_cursor = start;
}

qsizetype Builder::delta(int line) {
    const qsizetype k = line - m_leafLine;
    if (k < 0 || k >= qsizetype(m_deltas.size()))
        return 0;
    qsizetype& d = m_deltas[size_t(k)];
    if (d == kUnknown) {
        bool matched = false;
        qsizetype p = continuationPrefix(line, m_containers.size(), &matched);
        // On a continuation line that all containers match, a paragraph's text starts at
        // the first non-space (the block parser skips the spaces); on a lazy line and
        // in a table row, the spaces are part of what the inline parser counts.
        if (matched && !m_table) {
            const qsizetype base = m_map.lineStart(line);
            const qsizetype n = m_map.lineEnd(line) - base;
            while (p < n && (m_src[base + p] == ' ' || m_src[base + p] == '\t'))
                ++p;
        }
        d = p - m_leafOffset;
    }
    return d;
}

qsizetype Builder::inlineByte(int line, int column) {
    if (line < m_leafLine || line > m_leafLine + int(m_deltas.size()) - 1 || column < 1)
        return kUnknown;
    const qsizetype b = m_map.lineStart(line) + column - 1 + delta(line);
    if (b < m_map.lineStart(line) || b > m_map.lineEnd(line))
        return kUnknown;
    return b;
}

qsizetype Builder::entityLength(qsizetype at) const {
    // &name; &#123; &#x1F600; as CommonMark reads them.
    qsizetype i = at + 1;
    const qsizetype limit = std::min(m_size, at + 34);
    if (i < limit && m_src[i] == '#') {
        ++i;
        const bool hex = i < limit && (m_src[i] == 'x' || m_src[i] == 'X');
        if (hex)
            ++i;
        const qsizetype digits = i;
        while (i < limit && (hex ? std::isxdigit(static_cast<unsigned char>(m_src[i]))
                                 : (m_src[i] >= '0' && m_src[i] <= '9')))
            ++i;
        if (i == digits || i - digits > (hex ? 6 : 7))
            return 0;
    } else {
        const qsizetype name = i;
        while (i < limit && isAsciiAlnum(m_src[i]))
            ++i;
        if (i == name)
            return 0;
    }
    return i < limit && m_src[i] == ';' ? i + 1 - at : 0;
}

qsizetype Builder::matchLiteral(qsizetype at, const QByteArray& literal, bool acrossLines) {
    qsizetype i = at;
    qsizetype j = 0;
    const qsizetype n = literal.size();
    const char* lit = literal.constData();
    const qsizetype limit = m_leafStop;
    while (j < n && i < limit) {
        const char c = m_src[i];
        const char l = lit[j];
        if (c == '\\' && i + 1 < limit && isAsciiPunct(m_src[i + 1]) && l == m_src[i + 1]) {
            i += 2; // a backslash escape
            ++j;
            continue;
        }
        if (c == '&') {
            if (const qsizetype len = entityLength(i); len > 0) {
                if (j + len <= n && std::memcmp(m_src + i, lit + j, size_t(len)) == 0) {
                    i += len; // not an entity cmark-gfm knows: kept as written
                    j += len;
                    continue;
                }
                // Decoded: one or two characters of up to 4 bytes. Resynchronise on
                // the first length after which literal and source agree again.
                i += len;
                qsizetype k = 1;
                for (; k <= 8 && j + k < n; ++k) {
                    if ((static_cast<unsigned char>(lit[j + k]) & 0xC0) == 0x80)
                        continue;
                    if (i >= limit || lit[j + k] == m_src[i] || m_src[i] == '&' || m_src[i] == '\\')
                        break;
                }
                j += k;
                continue;
            }
        }
        if (c == l) {
            if (acrossLines &&
                (c == '\n' || (c == '\r' && (i + 1 >= m_size || m_src[i + 1] != '\n')))) {
                ++i;
                ++j;
                // The next line's container prefix is not part of the content.
                i += continuationPrefix(lineOf(i), m_containers.size());
                continue;
            }
            ++i;
            ++j;
            continue;
        }
        if (c == '\0' && j + 3 <= n && std::memcmp(lit + j, "\xEF\xBF\xBD", 3) == 0) {
            ++i; // NUL is read as U+FFFD
            j += 3;
            continue;
        }
        if (m_smart && j + 3 <= n && std::memcmp(lit + j, "\xE2\x80", 2) == 0) {
            const auto third = static_cast<unsigned char>(lit[j + 2]);
            if (c == '"' || c == '\'') {
                ++i; // a curly quote
                j += 3;
                continue;
            }
            if (c == '-' && (third == 0x93 || third == 0x94)) {
                i += third == 0x93 ? 2 : 3; // en or em dash
                j += 3;
                continue;
            }
            if (c == '.' && third == 0xA6) {
                i += 3; // ellipsis
                j += 3;
                continue;
            }
        }
        break; // cannot follow further: the text ends here
    }
    return i;
}

qsizetype Builder::codeSpanEnd(qsizetype at) const {
    qsizetype i = at;
    while (i < m_leafStop && m_src[i] == '`')
        ++i;
    const qsizetype ticks = i - at;
    if (ticks == 0)
        return at;
    while (i < m_leafStop) {
        if (m_src[i] != '`') {
            ++i;
            continue;
        }
        const qsizetype run = i;
        while (i < m_leafStop && m_src[i] == '`')
            ++i;
        if (i - run == ticks)
            return i;
    }
    return at + ticks;
}

void Builder::run(cmark_node* root) {
    const IterPtr iter(cmark_iter_new(root));
    for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
        cmark_node* node = cmark_iter_get_node(iter.get());
        if (event == CMARK_EVENT_ENTER) {
            enter(node);
            m_openNodes.push_back(node);
            // Leaves have no exit event.
            if (cmark_node_first_child(node) == nullptr) {
                const cmark_node_type type = cmark_node_get_type(node);
                const bool leaf = type == CMARK_NODE_TEXT || type == CMARK_NODE_SOFTBREAK ||
                                  type == CMARK_NODE_LINEBREAK || type == CMARK_NODE_CODE ||
                                  type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_CODE_BLOCK ||
                                  type == CMARK_NODE_HTML_BLOCK ||
                                  type == CMARK_NODE_THEMATIC_BREAK ||
                                  type == CMARK_NODE_FOOTNOTE_REFERENCE;
                if (leaf) {
                    const int index = m_open.back();
                    m_open.pop_back();
                    m_openNodes.pop_back();
                    exit(index, node);
                }
            }
        } else if (!m_openNodes.empty() && m_openNodes.back() == node) {
            // (Versions of cmark-gfm differ in which leaves also get an exit event.)
            const int index = m_open.back();
            m_open.pop_back();
            m_openNodes.pop_back();
            exit(index, node);
        }
    }
    // Byte ranges to UTF-16, clamped into the parent's range.
    for (size_t i = 0; i < m_out.size(); ++i) {
        Node& n = m_out[i];
        qsizetype s = std::clamp<qsizetype>(m_bstart[i], 0, m_size);
        qsizetype e = std::clamp<qsizetype>(m_bstop[i], s, m_size);
        if (n.parent >= 0) {
            const auto p = size_t(n.parent);
            s = std::clamp(s, m_bstart[p], m_bstop[p]);
            e = std::clamp(e, s, m_bstop[p]);
        }
        m_bstart[i] = s;
        m_bstop[i] = e;
        n.start = m_map.utf16FromByte(s);
        n.stop = m_map.utf16FromByte(e);
        n.startLine = lineOf(s);
        n.endLine = e > s ? lineOf(e - 1) : n.startLine;
    }
}

void Builder::enter(cmark_node* node) {
    const int index = int(m_out.size());
    Node n;
    n.kind = kindOf(node);
    n.parent = m_open.empty() ? -1 : m_open.back();
    n.depth = int(m_open.size());
    m_out.push_back(std::move(n));
    m_bstart.push_back(0);
    m_bstop.push_back(0);
    m_open.push_back(index);
    Node& out = m_out.back();

    if (!isBlock(out.kind) && out.kind != NodeKind::Other) {
        enterInline(index, node);
        return;
    }
    if (out.kind == NodeKind::Other && !markdown_p::isBlock(node)) {
        enterInline(index, node);
        return;
    }
    // A block: cmark-gfm's positions are exact.
    const int sl = cmark_node_get_start_line(node);
    const int sc = cmark_node_get_start_column(node);
    const int el = cmark_node_get_end_line(node);
    const int ec = cmark_node_get_end_column(node);
    qsizetype start = out.kind == NodeKind::Document ? 0 : m_map.byteFromLineColumn(sl, sc);
    qsizetype stop = out.kind == NodeKind::Document ? m_size
                     : ec > 0 ? std::min(m_map.lineStart(el) + ec, m_map.lineEnd(el))
                              : m_map.lineStart(el);
    m_bstart.back() = start;
    m_bstop.back() = std::max(start, stop);

    switch (out.kind) {
    case NodeKind::Heading:
        out.level = cmark_node_get_heading_level(node);
        enterLeafBlock(sl, sc - 1, el, start, m_bstop.back(), false);
        break;
    case NodeKind::Paragraph:
        enterLeafBlock(sl, sc - 1, el, start, m_bstop.back(), false);
        break;
    case NodeKind::Table:
        // Cells are read on their own, but their columns count from the table's.
        enterLeafBlock(sl, sc - 1, el, start, m_bstop.back(), true);
        break;
    case NodeKind::TableRow:
    case NodeKind::TableCell: {
        // Positions in the table's columns, like its inlines.
        if (out.kind == NodeKind::TableRow)
            out.header = cmark_gfm_extensions_get_table_row_is_header(node) != 0;
        const qsizetype s = inlineByte(sl, sc);
        const qsizetype e = inlineByte(el, ec + 1);
        if (s != kUnknown) {
            m_bstart.back() = s;
            // A row ends with its line; cmark-gfm gives it the table's last column.
            m_bstop.back() = out.kind == NodeKind::TableRow || e == kUnknown ? m_map.lineEnd(sl)
                                                                             : std::max(s, e);
        }
        m_cursor = m_bstart.back();
        break;
    }
    case NodeKind::List:
        out.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        out.level = out.ordered ? cmark_node_get_list_start(node) : 0;
        out.tight = cmark_node_get_list_tight(node) != 0;
        break;
    case NodeKind::CodeBlock:
        out.literal = toQString(cmark_node_get_literal(node));
        out.info = toQString(cmark_node_get_fence_info(node));
        break;
    case NodeKind::HtmlBlock:
        out.literal = toQString(cmark_node_get_literal(node));
        break;
    case NodeKind::BlockQuote: {
        const qsizetype inLine = start - m_map.lineStart(sl);
        const bool space =
            start + 1 < m_size && (m_src[start + 1] == ' ' || m_src[start + 1] == '\t');
        m_containers.push_back({NodeKind::BlockQuote, sl, inLine + 1 + (space ? 1 : 0), 0});
        break;
    }
    case NodeKind::Item:
    case NodeKind::FootnoteDefinition: {
        if (out.kind == NodeKind::Item &&
            std::strcmp(cmark_node_get_type_string(node), "tasklist") == 0) {
            out.task = true;
            out.checked = cmark_gfm_extensions_get_tasklist_item_checked(node);
        }
        if (out.kind == NodeKind::FootnoteDefinition)
            out.literal = toQString(cmark_node_get_literal(node));
        // The indentation that continues the item: where its first child starts, less
        // what the enclosing containers take on that line.
        int width = out.kind == NodeKind::FootnoteDefinition ? 4 : 2;
        qsizetype contentByte = start - m_map.lineStart(sl) + width;
        if (cmark_node* child = cmark_node_first_child(node)) {
            const int cl = cmark_node_get_start_line(child);
            const int cc = cmark_node_get_start_column(child);
            const qsizetype outer = continuationPrefix(cl, m_containers.size());
            if (out.kind == NodeKind::Item)
                width = std::max(1, int(cc - 1 - outer));
            if (cl == sl)
                contentByte = cc - 1;
        }
        m_containers.push_back({out.kind, sl, contentByte, width});
        break;
    }
    default:
        break;
    }
}

void Builder::enterInline(int index, cmark_node* node) {
    Node& out = m_out[size_t(index)];
    const int sl = cmark_node_get_start_line(node);
    const int sc = cmark_node_get_start_column(node);
    qsizetype start = inlineByte(sl, sc);
    if (start == kUnknown || start < m_cursor)
        start = m_cursor;
    m_bstart[size_t(index)] = start;
    switch (out.kind) {
    case NodeKind::Text:
    case NodeKind::Code:
    case NodeKind::HtmlInline:
    case NodeKind::FootnoteReference:
        out.literal = toQString(cmark_node_get_literal(node));
        break;
    case NodeKind::Link:
    case NodeKind::Image:
        out.url = toQString(cmark_node_get_url(node));
        out.title = toQString(cmark_node_get_title(node));
        // cmark-gfm gives these the line of their end: where they start is found when
        // they end; until then only the lower bound is known.
        m_bstart[size_t(index)] = m_cursor;
        break;
    default:
        break;
    }
}

void Builder::exit(int index, cmark_node* node) {
    const NodeKind kind = m_out[size_t(index)].kind;
    m_out[size_t(index)].end = int(m_out.size());
    if (!isBlock(kind) && !(kind == NodeKind::Other && markdown_p::isBlock(node))) {
        exitInline(index, node);
        return;
    }
    const auto i = size_t(index);
    if (kind == NodeKind::Heading && m_bstart[i] < m_size && m_src[m_bstart[i]] != '#') {
        // A setext heading: cmark-gfm ends it on the line after its underline.
        const int underline = lineOf(std::max(m_cursor, m_bstart[i])) + 1;
        m_bstop[i] = std::clamp(m_map.lineEnd(underline), m_bstart[i], m_bstop[i]);
    }
    if (kind == NodeKind::BlockQuote || kind == NodeKind::Item ||
        kind == NodeKind::FootnoteDefinition) {
        if (!m_containers.empty())
            m_containers.pop_back();
    }
}

void Builder::exitInline(int index, cmark_node* node) {
    Node& out = m_out[size_t(index)];
    const auto i = size_t(index);
    const qsizetype start = m_bstart[i];
    const bool hasChildren = out.end > index + 1;
    switch (out.kind) {
    case NodeKind::Text:
        m_bstop[i] = matchLiteral(start, QByteArray(cmark_node_get_literal(node)), false);
        break;
    case NodeKind::HtmlInline:
        m_bstop[i] = matchLiteral(start, QByteArray(cmark_node_get_literal(node)), true);
        break;
    case NodeKind::Code: {
        // cmark-gfm's range is that of the content, inside the backticks.
        qsizetype s = start;
        while (s > m_cursor && m_src[s - 1] == '`')
            --s;
        m_bstart[i] = s;
        m_bstop[i] = codeSpanEnd(s);
        break;
    }
    case NodeKind::SoftBreak:
    case NodeKind::LineBreak:
        m_bstop[i] = std::max(start, m_map.lineStart(lineOf(start) + 1));
        break;
    case NodeKind::FootnoteReference: {
        const qsizetype e =
            inlineByte(cmark_node_get_end_line(node), cmark_node_get_end_column(node));
        m_bstop[i] = e != kUnknown && e >= start && e < m_size && m_src[e] == ']' ? e + 1 : start;
        break;
    }
    case NodeKind::Emph:
    case NodeKind::Strong:
    case NodeKind::Strikethrough: {
        if (!hasChildren) {
            m_bstop[i] = start;
            break;
        }
        const qsizetype first = m_bstart[i + 1];
        const qsizetype last = m_cursor;
        const char delimiter =
            out.kind == NodeKind::Strikethrough ? '~' : (first > 0 ? m_src[first - 1] : '*');
        qsizetype k = out.kind == NodeKind::Strong ? 2 : 1;
        if (out.kind == NodeKind::Strikethrough && first >= 2 && m_src[first - 2] == '~')
            k = 2;
        qsizetype s = first;
        qsizetype e = last;
        for (qsizetype d = 0; d < k && s > 0 && m_src[s - 1] == delimiter; ++d)
            --s;
        for (qsizetype d = 0; d < k && e < m_size && m_src[e] == delimiter; ++d)
            ++e;
        m_bstart[i] = s;
        m_bstop[i] = e;
        break;
    }
    case NodeKind::Link:
    case NodeKind::Image: {
        // The opening bracket's column is right on its line; the line is that of the
        // first child (cmark-gfm gives the line of the closing bracket).
        const int line = hasChildren ? lineOf(m_bstart[i + 1]) : cmark_node_get_end_line(node);
        const qsizetype bracket = inlineByte(line, cmark_node_get_start_column(node));
        const char opener = out.kind == NodeKind::Image ? '!' : '[';
        const qsizetype childStart = hasChildren ? m_bstart[i + 1] : m_cursor;
        if (bracket != kUnknown && bracket <= childStart && bracket < m_size &&
            m_src[bracket] == opener && bracket >= start) {
            m_bstart[i] = bracket;
            const qsizetype e =
                inlineByte(cmark_node_get_end_line(node), cmark_node_get_end_column(node));
            if (e != kUnknown && e >= m_cursor && e < m_size &&
                (m_src[e] == ')' || m_src[e] == ']'))
                m_bstop[i] = e + 1;
            else
                m_bstop[i] = m_cursor < m_size && m_src[m_cursor] == ']' ? m_cursor + 1 : m_cursor;
        } else {
            // Written as a URL: <https://…>, a bare URL or an e-mail address.
            out.autolink = true;
            qsizetype s = childStart;
            qsizetype e = m_cursor;
            if (s > 0 && m_src[s - 1] == '<' && e < m_size && m_src[e] == '>') {
                --s;
                ++e;
            }
            m_bstart[i] = s;
            m_bstop[i] = e;
        }
        break;
    }
    default:
        m_bstop[i] = hasChildren ? std::max(start, m_cursor) : start;
        break;
    }
    m_bstop[i] = std::max(m_bstop[i], m_bstart[i]);
    m_cursor = std::max(m_cursor, m_bstop[i]);
}

} // namespace

Document::Document(const QString& markdown, const ParseOptions& options)
    : Document(markdown.toUtf8(), options) {}

namespace {

struct SharedParse final {
    QString text;
    std::shared_ptr<const Document> document;
};
constexpr size_t kSharedParses = 8; // six versions and a little room

std::deque<SharedParse>& sharedParses() {
    thread_local std::deque<SharedParse> parses; // the last used first
    return parses;
}

} // namespace

std::shared_ptr<const Document> sharedParse(const QString& markdown) {
    std::deque<SharedParse>& parses = sharedParses();
    for (auto it = parses.begin(); it != parses.end(); ++it) {
        if (it->text == markdown) {
            SharedParse found = std::move(*it);
            parses.erase(it);
            parses.push_front(std::move(found));
            return parses.front().document;
        }
    }
    parses.push_front({markdown, std::make_shared<const Document>(markdown)});
    if (parses.size() > kSharedParses)
        parses.pop_back();
    return parses.front().document;
}

void clearSharedParses() {
    sharedParses().clear();
}

namespace {

/// One line of Markdown as the wide-table guard sees it.
struct GuardLine final {
    int pipes = 0;          ///< "|", escaped or not: at least pipes - 1 cells
    bool blank = false;     ///< only white space and block quote markers
    bool delimiter = false; ///< could be a table's delimiter row ("|---|:-:|")
    bool code = false;      ///< inside a fenced code block, or its fence
};

/// A fence opening or closing a code block: its character, length and indentation,
/// after the block quote markers that `line` starts with (`depth` of them).
struct Fence final {
    char mark = 0;
    int length = 0;
    int indent = 0;
    int depth = 0;
    bool onlyFence = false; ///< nothing but white space after it (a closer may be)
};

Fence fenceOf(const char* p, const char* end) {
    Fence f;
    // Block quote markers, each after at most three spaces.
    for (;;) {
        const char* q = p;
        while (q < end && q - p < 3 && *q == ' ')
            ++q;
        if (q < end && *q == '>') {
            ++f.depth;
            p = q + 1;
            if (p < end && *p == ' ')
                ++p;
        } else {
            break;
        }
    }
    const char* q = p;
    while (q < end && *q == ' ')
        ++q;
    f.indent = int(q - p);
    if (f.indent > 3 || q == end || (*q != '`' && *q != '~'))
        return f;
    const char mark = *q;
    const char* r = q;
    while (r < end && *r == mark)
        ++r;
    if (r - q < 3)
        return f;
    bool rest = true;
    for (const char* s = r; s < end; ++s) {
        if (mark == '`' && *s == '`')
            return f; // "```a`b" is code text, not a fence
        rest = rest && (*s == ' ' || *s == '\t');
    }
    f.mark = mark;
    f.length = int(r - q);
    f.onlyFence = rest;
    return f;
}

/// The first line with more than kMaxTableCells cells where a table could be: in a run
/// of lines (no blank line between them, none in fenced code) that also holds a line
/// that could be a table's delimiter row; {line, cells}, else {0, 0}. cmark-gfm parses
/// a row only in a table or as the header of one, so a wide line in code or in prose
/// away from any table costs nothing and leaves the document's tables alone. Counts "|"
/// per line, escaped or not, and takes any run with a delimiter-like line for a table:
/// an overestimate that costs one pass over the text.
std::pair<int, int> widestTableLine(const QByteArray& utf8) {
    std::vector<GuardLine> lines;
    const char* p = utf8.constData();
    const char* const end = p + utf8.size();
    Fence open; // the fence of the code block we are in (mark 0: none)
    while (p < end) {
        const char* eol = p;
        while (eol < end && *eol != '\n' && *eol != '\r')
            ++eol;
        GuardLine g;
        bool onlyDelimiter = true;
        bool dash = false;
        bool content = false;
        bool leading = true; // still in the block quote markers and indentation
        for (const char* c = p; c < eol; ++c) {
            g.pipes += *c == '|';
            if (leading && (*c == '>' || *c == ' ' || *c == '\t'))
                continue;
            leading = false;
            content = content || (*c != ' ' && *c != '\t');
            dash = dash || *c == '-';
            onlyDelimiter =
                onlyDelimiter && (*c == '|' || *c == '-' || *c == ':' || *c == ' ' || *c == '\t');
        }
        g.blank = !content;
        const Fence f = fenceOf(p, eol);
        if (open.mark != 0) {
            // In a code block until its closing fence, or until its container ends: a
            // line with fewer block quote markers, or (for an indented fence, maybe in
            // a list item) a line indented less than the fence was.
            int indent = 0;
            for (const char* c = p; c < eol && *c == ' '; ++c)
                ++indent;
            const bool closes = f.mark == open.mark && f.length >= open.length && f.onlyFence;
            // (A line without the quote's markers ends the quote even when blank.)
            const bool containerEnds =
                f.depth < open.depth ||
                (!g.blank && open.indent > 0 && indent < open.indent && open.depth == 0);
            if (closes || !containerEnds) {
                g.code = true;
                if (closes)
                    open = Fence();
                lines.push_back(g);
                p = eol < end && *eol == '\r' && eol + 1 < end && eol[1] == '\n' ? eol + 2
                                                                                 : eol + 1;
                continue;
            }
            open = Fence();
        }
        if (f.mark != 0) {
            open = f;
            g.code = true;
        }
        g.delimiter = !g.code && onlyDelimiter && dash;
        lines.push_back(g);
        p = eol < end && *eol == '\r' && eol + 1 < end && eol[1] == '\n' ? eol + 2 : eol + 1;
    }
    for (size_t first = 0; first < lines.size();) {
        if (lines[first].blank || lines[first].code) {
            ++first;
            continue;
        }
        size_t last = first;
        bool delimiter = false;
        for (; last < lines.size() && !lines[last].blank && !lines[last].code; ++last)
            delimiter = delimiter || lines[last].delimiter;
        if (delimiter) {
            for (size_t i = first; i < last; ++i) {
                // At least this many cells: "|a|b|" has two and three pipes, "a|b" two
                // and one.
                if (const int cells = lines[i].pipes - 1; cells > kMaxTableCells)
                    return {int(i) + 1, cells};
            }
        }
        first = last;
    }
    return {0, 0};
}

} // namespace

QString tablesAsTextNotice(int line, int cells) {
    return QCoreApplication::translate("Markdown", "line %1 has %2 table cells, more than %3: "
                                                   "tables are shown as text")
        .arg(line)
        .arg(cells)
        .arg(kMaxTableCells);
}

Document::Document(QByteArray utf8, const ParseOptions& options)
    : d(std::make_unique<Private>()) {
    d->options = options;
    d->map = SourceMap(utf8);
    QStringList extensions = options.extensions;
    if (extensions.contains(QLatin1String("table"))) {
        d->tooWide = widestTableLine(d->map.utf8());
        if (d->tooWide.first != 0)
            extensions.removeAll(QStringLiteral("table"));
    }
    d->cmark = std::make_unique<CmarkDocument>(d->map.utf8(), parseFlags(options), extensions);
}

std::pair<int, int> Document::tableCellsOverLimit() const {
    return d->tooWide;
}

Document::~Document() = default;
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;

const ParseOptions& Document::options() const {
    return d->options;
}

const SourceMap& Document::sourceMap() const {
    return d->map;
}

const std::vector<Node>& Document::nodes() const {
    std::call_once(d->walked, [this] {
        Builder(d->map, d->options.smartPunctuation, d->nodes).run(d->cmark->root());
    });
    return d->nodes;
}

QString Document::plainText(int index, bool imageDescriptions) const {
    const std::vector<Node>& all = nodes();
    QString text;
    const Node& top = all[size_t(index)];
    for (int i = index + 1; i < top.end; ++i) {
        const Node& n = all[size_t(i)];
        switch (n.kind) {
        case NodeKind::Text:
        case NodeKind::Code:
            text += n.literal;
            break;
        case NodeKind::SoftBreak:
        case NodeKind::LineBreak:
            text += u' ';
            break;
        case NodeKind::Image:
            if (!imageDescriptions)
                i = n.end - 1; // skip the description
            break;
        default:
            break;
        }
    }
    return text;
}

} // namespace copydesk::markdown

namespace copydesk::markdown_p {

cmark_node* DocumentAccess::root(const markdown::Document& document) {
    return document.d->cmark->root();
}

cmark_llist* DocumentAccess::extensions(const markdown::Document& document) {
    return document.d->cmark->extensions();
}

} // namespace copydesk::markdown_p
