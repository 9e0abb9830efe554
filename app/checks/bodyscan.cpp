#include "checks/bodyscan_p.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstring>
#include <vector>

namespace copydesk::checks::detail {

namespace {

bool isAsciiPunct(QChar c) {
    return c.unicode() < 128 && (c.isPunct() || c.isSymbol());
}

bool startsWithCi(const QString& s, int i, QLatin1String what) {
    return QStringView(s).mid(i).startsWith(what, Qt::CaseInsensitive);
}

void mask(QString& prose, int from, int to) {
    for (int i = std::max(from, 0); i < std::min(to, int(prose.size())); ++i) {
        if (prose[i] != QLatin1Char('\n'))
            prose[i] = kMask;
    }
}

// The index of the bracket closing the one at `open`, honouring nesting and
// backslash escapes and not crossing a blank line; -1 if none.
int matchingBracket(const QString& s, int open, QChar opening, QChar closing) {
    int depth = 0;
    for (int i = open; i < s.size(); ++i) {
        const QChar c = s[i];
        if (c == QLatin1Char('\\')) {
            ++i;
            continue;
        }
        if (c == opening)
            ++depth;
        else if (c == closing && --depth == 0)
            return i;
    }
    return -1;
}

// A bare URL starting at `i`, or 0: runs to white space, then gives back trailing
// sentence punctuation and an unbalanced closing parenthesis.
int bareUrlLength(const QString& s, int i) {
    if (i > 0 && (s[i - 1].isLetterOrNumber() || s[i - 1] == QLatin1Char('/')))
        return 0;
    if (!startsWithCi(s, i, QLatin1String("http://")) &&
        !startsWithCi(s, i, QLatin1String("https://")) &&
        !startsWithCi(s, i, QLatin1String("www.")))
        return 0;
    int end = i;
    while (end < s.size() && !s[end].isSpace() && s[end] != QLatin1Char('<') && s[end] != kMask &&
           s[end].unicode() < 0x3000)
        ++end;
    while (end > i) {
        const QChar last = s[end - 1];
        if (QStringLiteral(".,;:!?'\"*_»”’").contains(last)) {
            --end;
        } else if (last == QLatin1Char(')')) {
            const auto span = QStringView(s).mid(i, end - i);
            if (span.count(QLatin1Char('(')) < span.count(QLatin1Char(')')))
                --end;
            else
                break;
        } else {
            break;
        }
    }
    return end - i;
}

bool isEmailChar(QChar c) {
    return c.unicode() < 128 && (c.isLetterOrNumber() || QStringLiteral("._%+-").contains(c));
}

// Masks inline syntax, code spans, URLs and e-mail addresses of `prose` (a block's
// text starting at `base`) and records links and images.
void maskInline(QString& prose, int base, bool markdown, QList<Link>& links) {
    const QString src = prose;
    for (int i = 0; i < prose.size(); ++i) {
        const QChar c = src[i];
        if (prose[i] == kMask)
            continue;
        if (markdown && c == QLatin1Char('\\') && i + 1 < src.size() &&
            (isAsciiPunct(src[i + 1]) || src[i + 1] == QLatin1Char('\n'))) {
            mask(prose, i, i + 1);
            ++i;
            continue;
        }
        if (markdown && c == QLatin1Char('`')) {
            int n = 0;
            while (i + n < src.size() && src[i + n] == QLatin1Char('`'))
                ++n;
            int j = i + n;
            int close = -1;
            while (j < src.size()) {
                if (src[j] == QLatin1Char('`')) {
                    int m = 0;
                    while (j + m < src.size() && src[j + m] == QLatin1Char('`'))
                        ++m;
                    if (m == n) {
                        close = j;
                        break;
                    }
                    j += m;
                } else {
                    ++j;
                }
            }
            if (close >= 0) {
                mask(prose, i, close + n);
                i = close + n - 1;
            } else {
                i += n - 1;
            }
            continue;
        }
        const bool image = markdown && c == QLatin1Char('!') && i + 1 < src.size() &&
                           src[i + 1] == QLatin1Char('[');
        if (markdown && (c == QLatin1Char('[') || image)) {
            const int open = image ? i + 1 : i;
            const int close = matchingBracket(src, open, QLatin1Char('['), QLatin1Char(']'));
            if (close < 0)
                continue;
            if (src.mid(open, 2) == QLatin1String("[^")) { // footnote reference
                mask(prose, i, close + 1);
                i = close;
                continue;
            }
            int tailEnd = -1;
            QString url;
            if (close + 1 < src.size() && src[close + 1] == QLatin1Char('(')) {
                const int paren =
                    matchingBracket(src, close + 1, QLatin1Char('('), QLatin1Char(')'));
                if (paren < 0)
                    continue;
                tailEnd = paren + 1;
                url = src.mid(close + 2, paren - close - 2).trimmed();
                if (url.startsWith(QLatin1Char('<')))
                    url = url.mid(1, url.indexOf(QLatin1Char('>')) - 1);
                else
                    url = url.section(QLatin1Char(' '), 0, 0);
            } else if (close + 1 < src.size() && src[close + 1] == QLatin1Char('[')) {
                const int ref = matchingBracket(src, close + 1, QLatin1Char('['), QLatin1Char(']'));
                if (ref < 0)
                    continue;
                tailEnd = ref + 1;
            } else {
                continue; // "[text]" alone is as likely prose as a shortcut reference
            }
            Link link;
            link.image = image;
            link.start = base + i;
            link.end = base + tailEnd;
            link.text = src.mid(open + 1, close - open - 1);
            link.url = url;
            links.append(link);
            if (image) {
                mask(prose, i, tailEnd);
                i = tailEnd - 1;
            } else {
                mask(prose, i, i + 1);
                mask(prose, close, tailEnd);
            }
            continue;
        }
        if (markdown && c == QLatin1Char('<')) {
            const int close = src.indexOf(QLatin1Char('>'), i);
            if (close < 0)
                continue;
            const QString inner = src.mid(i + 1, close - i - 1);
            if (inner.contains(QLatin1Char(' ')) && !inner.startsWith(QLatin1Char('/')) &&
                !(inner.size() > 0 && inner[0].isLetter()))
                continue;
            const bool autolink =
                !inner.contains(QLatin1Char(' ')) &&
                (inner.contains(QLatin1String("://")) || inner.contains(QLatin1Char('@')));
            if (autolink ||
                (!inner.isEmpty() && (inner[0].isLetter() || inner[0] == QLatin1Char('/') ||
                                      inner[0] == QLatin1Char('!')))) {
                if (autolink)
                    links.append(Link{false, true, base + i, base + close + 1, inner, inner});
                mask(prose, i, close + 1);
                i = close;
            }
            continue;
        }
        if (markdown && c == QLatin1Char('&')) {
            int j = i + 1;
            while (j < src.size() && j - i < 10 &&
                   (src[j].isLetterOrNumber() || src[j] == QLatin1Char('#')))
                ++j;
            if (j < src.size() && src[j] == QLatin1Char(';') && j > i + 1) {
                mask(prose, i, j + 1);
                i = j;
            }
            continue;
        }
        if (const int n = bareUrlLength(src, i); n > 0) {
            links.append(Link{false, true, base + i, base + i + n, src.mid(i, n), src.mid(i, n)});
            mask(prose, i, i + n);
            i += n - 1;
            continue;
        }
        if (c == QLatin1Char('@') && i > 0 && i + 1 < src.size() && isEmailChar(src[i - 1]) &&
            src[i + 1].unicode() < 128 && src[i + 1].isLetterOrNumber()) {
            int from = i;
            while (from > 0 && isEmailChar(src[from - 1]) && prose[from - 1] != kMask)
                --from;
            int to = i + 1;
            while (to < src.size() && isEmailChar(src[to]) && src[to] != QLatin1Char('+'))
                ++to;
            while (to > i + 1 &&
                   (src[to - 1] == QLatin1Char('.') || src[to - 1] == QLatin1Char('-')))
                --to;
            if (src.mid(i + 1, to - i - 1).contains(QLatin1Char('.'))) {
                mask(prose, from, to);
                i = to - 1;
            }
        }
    }
}

class ByteMap final {
public:
    explicit ByteMap(const QString& text) {
        m_u16AtByte.reserve(size_t(text.size()) * 2 + 1);
        m_lineStart.push_back(0);
        int byte = 0;
        for (int i = 0; i < text.size(); ++i) {
            const char32_t u = text[i].unicode();
            int bytes = 1;
            if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
                bytes = 4;
            else if (u >= 0x800)
                bytes = 3;
            else if (u >= 0x80)
                bytes = 2;
            for (int b = 0; b < bytes; ++b)
                m_u16AtByte.push_back(i);
            byte += bytes;
            if (bytes == 4)
                ++i;
            if (u == u'\n')
                m_lineStart.push_back(byte);
        }
        m_u16AtByte.push_back(int(text.size()));
    }

    /// UTF-16 offset of 1-based (line, byte column); column may point one past the line.
    int offset(int line, int column) const {
        if (line < 1)
            return 0;
        if (line > int(m_lineStart.size()))
            return m_u16AtByte.back();
        const size_t byte = size_t(m_lineStart[size_t(line - 1)]) + size_t(std::max(column - 1, 0));
        return byte < m_u16AtByte.size() ? m_u16AtByte[byte] : m_u16AtByte.back();
    }

private:
    std::vector<int> m_u16AtByte;
    std::vector<int> m_lineStart;
};

bool hasAncestor(cmark_node* node, cmark_node_type type) {
    for (cmark_node* p = cmark_node_parent(node); p; p = cmark_node_parent(p)) {
        if (cmark_node_get_type(p) == type)
            return true;
    }
    return false;
}

void finishProse(Block& block, const QString& text, QList<Link>& links) {
    block.prose = text.mid(block.start, block.end - block.start);
    QString& p = block.prose;
    if (block.kind == Block::Kind::Heading) {
        const int lastBreak = int(p.lastIndexOf(QLatin1Char('\n')));
        if (lastBreak >= 0) { // setext underline
            mask(p, lastBreak + 1, int(p.size()));
        } else {
            int i = 0;
            while (i < p.size() && p[i] == QLatin1Char('#'))
                ++i;
            mask(p, 0, i);
            int j = int(p.size());
            while (j > i && p[j - 1] == QLatin1Char('#'))
                --j;
            if (j < p.size() && j > i && p[j - 1] == QLatin1Char(' '))
                mask(p, j, int(p.size()));
        }
    }
    if (block.inQuote) {
        // Continuation lines carry the quote markers of their container.
        for (int i = 0; i < p.size(); ++i) {
            if (p[i] != QLatin1Char('\n'))
                continue;
            int j = i + 1;
            while (j < p.size() && (p[j] == QLatin1Char('>') || p[j] == QLatin1Char(' ')))
                ++j;
            mask(p, i + 1, j);
        }
    }
    maskInline(p, block.start, true, links);
}

void trim(const QString& text, Block& block) {
    block.start = std::clamp(block.start, 0, int(text.size()));
    block.end = std::clamp(block.end, block.start, int(text.size()));
    while (block.end > block.start && text[block.end - 1].isSpace())
        --block.end;
    while (block.start < block.end && text[block.start].isSpace())
        ++block.start;
}

} // namespace

Scan scanMarkdown(const QString& text) {
    Scan scan;
    cmark_gfm_core_extensions_ensure_registered();
    cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES);
    for (const char* name : {"table", "strikethrough"}) {
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser, ext);
    }
    const QByteArray utf8 = text.toUtf8();
    cmark_parser_feed(parser, utf8.constData(), size_t(utf8.size()));
    cmark_node* doc = cmark_parser_finish(parser);
    const ByteMap map(text);

    cmark_iter* iter = cmark_iter_new(doc);
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        if (event != CMARK_EVENT_ENTER)
            continue;
        cmark_node* node = cmark_iter_get_node(iter);
        const cmark_node_type type = cmark_node_get_type(node);
        Block block;
        if (type == CMARK_NODE_PARAGRAPH) {
            block.kind = Block::Kind::Paragraph;
        } else if (type == CMARK_NODE_HEADING) {
            block.kind = Block::Kind::Heading;
            block.headingLevel = cmark_node_get_heading_level(node);
        } else if (type == CMARK_NODE_CODE_BLOCK) {
            block.kind = Block::Kind::Code;
        } else if (type == CMARK_NODE_HTML_BLOCK) {
            block.kind = Block::Kind::Html;
        } else if (type == CMARK_NODE_THEMATIC_BREAK) {
            block.kind = Block::Kind::Rule;
        } else if (std::strcmp(cmark_node_get_type_string(node), "table") == 0) {
            block.kind = Block::Kind::Table;
        } else {
            continue;
        }
        if (hasAncestor(node, CMARK_NODE_CODE_BLOCK))
            continue;
        block.inList = hasAncestor(node, CMARK_NODE_ITEM);
        block.inQuote = hasAncestor(node, CMARK_NODE_BLOCK_QUOTE);
        block.start =
            map.offset(cmark_node_get_start_line(node), cmark_node_get_start_column(node));
        const int endLine = cmark_node_get_end_line(node);
        const int endColumn = cmark_node_get_end_column(node);
        block.end = endColumn > 0 ? map.offset(endLine, endColumn + 1) : map.offset(endLine, 1);
        trim(text, block);
        if (block.kind == Block::Kind::Paragraph || block.kind == Block::Kind::Heading)
            finishProse(block, text, scan.links);
        scan.blocks.append(block);
    }
    cmark_iter_free(iter);
    cmark_node_free(doc);
    cmark_parser_free(parser);
    std::sort(scan.links.begin(), scan.links.end(),
              [](const Link& a, const Link& b) { return a.start < b.start; });
    return scan;
}

Scan scanPlain(const QString& text) {
    Scan scan;
    Block block;
    block.start = 0;
    block.end = int(text.size());
    trim(text, block);
    block.prose = text.mid(block.start, block.end - block.start);
    maskInline(block.prose, block.start, false, scan.links);
    if (block.end > block.start)
        scan.blocks.append(block);
    return scan;
}

} // namespace copydesk::checks::detail
