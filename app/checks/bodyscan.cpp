#include "checks/bodyscan_p.h"

#include "markdown/document.h"
#include "markdown/markdownescape.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace copydesk::checks::detail {

namespace {

using markdown::Node;
using markdown::NodeKind;

bool isAsciiPunct(QChar c) {
    return c.unicode() < 128 && (c.isPunct() || c.isSymbol());
}

void mask(QString& prose, qsizetype from, qsizetype to) {
    from = std::max<qsizetype>(from, 0);
    to = std::min(to, prose.size());
    for (qsizetype i = from; i < to; ++i) {
        if (prose[i] != QLatin1Char('\n'))
            prose[i] = kMask;
    }
}

/// Unmasks the text of a text node, [from, to) in `prose`, except the backslash of an
/// escape and entity references. Inside a text node these can only mean that: the
/// parse has already said that this is text, so this is not a second Markdown parser.
void unmaskText(QString& prose, const QString& source, qsizetype base, qsizetype from,
                qsizetype to) {
    for (qsizetype i = from; i < to; ++i) {
        const QChar c = source[base + i];
        if (c == QLatin1Char('\\') && i + 1 < to && isAsciiPunct(source[base + i + 1])) {
            prose[i + 1] = source[base + i + 1];
            ++i;
            continue;
        }
        if (c == QLatin1Char('&')) {
            if (const qsizetype n =
                    markdown_escape::entityReferenceLength(QStringView(source).sliced(base, to), i);
                n > 0) {
                i += n - 1;
                continue;
            }
        }
        prose[i] = c;
    }
}

void trim(const QString& text, Block& block) {
    block.start = std::clamp(block.start, 0, int(text.size()));
    block.end = std::clamp(block.end, block.start, int(text.size()));
    while (block.end > block.start && text[block.end - 1].isSpace())
        --block.end;
    while (block.start < block.end && text[block.start].isSpace())
        ++block.start;
}

/// The prose of a paragraph or heading: the source with everything masked but the text
/// the reader sees (and line breaks), by the ranges of the parse. Text inside code,
/// images (their description is not running text), autolinks (a URL), raw HTML and
/// footnote references stays masked.
void fillProse(Block& block, const QString& text, const std::vector<Node>& nodes, int index) {
    QString& prose = block.prose;
    prose = QString(block.end - block.start, kMask);
    for (int i = block.start; i < block.end; ++i) {
        if (text[i] == QLatin1Char('\n'))
            prose[i - block.start] = QLatin1Char('\n');
    }
    const Node& top = nodes[size_t(index)];
    for (int i = index + 1; i < top.end; ++i) {
        const Node& n = nodes[size_t(i)];
        switch (n.kind) {
        case NodeKind::Code:
            block.code += n.literal + QLatin1Char(' ');
            i = n.end - 1;
            break;
        case NodeKind::Image:
        case NodeKind::HtmlInline:
        case NodeKind::FootnoteReference:
            i = n.end - 1; // nothing below is prose
            break;
        case NodeKind::Link:
            if (n.autolink)
                i = n.end - 1;
            break;
        case NodeKind::Text: {
            const qsizetype from = std::max<qsizetype>(n.start, block.start) - block.start;
            const qsizetype to = std::min<qsizetype>(n.stop, block.end) - block.start;
            if (from < to)
                unmaskText(prose, text, block.start, from, to);
            break;
        }
        default:
            break;
        }
    }
}

// A bare URL starting at `i`, or 0: runs to white space, then gives back trailing
// sentence punctuation and an unbalanced closing parenthesis.
int bareUrlLength(const QString& s, int i) {
    if (i > 0 && (s[i - 1].isLetterOrNumber() || s[i - 1] == QLatin1Char('/')))
        return 0;
    const QStringView rest = QStringView(s).mid(i);
    if (!rest.startsWith(QLatin1String("http://"), Qt::CaseInsensitive) &&
        !rest.startsWith(QLatin1String("https://"), Qt::CaseInsensitive) &&
        !rest.startsWith(QLatin1String("www."), Qt::CaseInsensitive))
        return 0;
    int end = i;
    int open = 0;
    int close = 0;
    while (end < s.size() && !s[end].isSpace() && s[end] != QLatin1Char('<') && s[end] != kMask &&
           s[end].unicode() < 0x3000) {
        open += s[end] == QLatin1Char('(');
        close += s[end] == QLatin1Char(')');
        ++end;
    }
    static const QString trailing = QStringLiteral(".,;:!?'\"*_»”’");
    while (end > i) {
        const QChar last = s[end - 1];
        if (trailing.contains(last)) {
            --end;
        } else if (last == QLatin1Char(')') && open < close) {
            --end;
            --close;
        } else {
            break;
        }
    }
    return end - i;
}

bool isEmailChar(QChar c) {
    return c.unicode() < 128 && (c.isLetterOrNumber() || QStringLiteral("._%+-").contains(c));
}

// Masks URLs and e-mail addresses in plain text (a title, a summary), where nothing is
// Markdown and so the parse has nothing to say. A small linear scanner: every character
// is looked at a bounded number of times (the backward and forward runs around an "@"
// stop at the next "@", which is not an address character).
void maskPlain(QString& prose, int base, QList<Link>& links) {
    const QString src = prose;
    for (int i = 0; i < prose.size(); ++i) {
        if (prose[i] == kMask)
            continue;
        // A code span (`fmt.Print`): Hugo and Jekyll render a description's Markdown.
        if (src[i] == QLatin1Char('`')) {
            const qsizetype close = src.indexOf(QLatin1Char('`'), i + 1);
            if (close > i + 1) {
                mask(prose, i, close + 1);
                i = int(close);
                continue;
            }
        }
        if (const int n = bareUrlLength(src, i); n > 0) {
            links.append(Link{false, true, base + i, base + i + n, src.mid(i, n), src.mid(i, n)});
            mask(prose, i, i + n);
            i += n - 1;
            continue;
        }
        if (src[i] == QLatin1Char('@') && i > 0 && i + 1 < src.size() && isEmailChar(src[i - 1]) &&
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
            if (QStringView(src).mid(i + 1, to - i - 1).contains(QLatin1Char('.'))) {
                mask(prose, from, to);
                i = to - 1;
            }
        }
    }
}

// Template markup of static-site generators in a Markdown body: Hugo shortcodes
// ({{< name args >}}, {{% name args %}}, possibly over several lines and paragraphs)
// and Liquid or Go template actions ({{ site.title }}, {% include x.html %}). They are
// markup, not text: masked like inline HTML. Each opener is matched with the first
// closer of its kind after it; one with no closer within kMaxTemplateTag characters is
// left as text (a brace in prose), which also keeps the scan linear.
constexpr qsizetype kMaxTemplateTag = 4000;

std::vector<std::pair<qsizetype, qsizetype>> templateTags(const QString& text) {
    struct Form {
        QLatin1String open;
        QLatin1String close;
    };
    // Longest openers first: "{{<" and "{{%" before "{{".
    static const Form forms[] = {{QLatin1String("{{<"), QLatin1String(">}}")},
                                 {QLatin1String("{{%"), QLatin1String("%}}")},
                                 {QLatin1String("{{"), QLatin1String("}}")},
                                 {QLatin1String("{%"), QLatin1String("%}")}};
    std::vector<std::pair<qsizetype, qsizetype>> ranges;
    std::vector<int> kinds; // index in forms, per range
    qsizetype i = text.indexOf(QLatin1Char('{'));
    while (i >= 0 && i + 1 < text.size()) {
        qsizetype next = i + 1;
        for (int f = 0; f < int(std::size(forms)); ++f) {
            const Form& form = forms[f];
            if (!QStringView(text).sliced(i).startsWith(form.open))
                continue;
            const qsizetype limit = std::min(text.size(), i + kMaxTemplateTag);
            const qsizetype close =
                QStringView(text).first(limit).indexOf(form.close, i + form.open.size());
            if (close >= 0) {
                ranges.emplace_back(i, close + form.close.size());
                kinds.push_back(f);
                next = close + form.close.size();
            }
            break;
        }
        i = text.indexOf(QLatin1Char('{'), next);
    }
    // Hugo hands the content between {{< name >}} and {{< /name >}} to the shortcode as
    // it is, not rendered as Markdown ({{% %}} renders it): code in {{< highlight >}},
    // configuration in {{< code-toggle >}}. That content is masked too, unless a
    // {{% %}} inside it renders Markdown of its own ({{< tabpane >}} of {{% tab %}}).
    // The shortcode's name, "/name" for a closing one ("{{< /x >}}", "{{</ x >}}").
    auto name = [&](const std::pair<qsizetype, qsizetype>& tag) {
        qsizetype k = tag.first + 3;
        auto skipSpaces = [&] {
            while (k < tag.second && text[k].isSpace())
                ++k;
        };
        skipSpaces();
        const bool closing = k < tag.second && text[k] == QLatin1Char('/');
        if (closing) {
            ++k;
            skipSpaces();
        }
        const qsizetype from = k;
        while (k < tag.second && (text[k].isLetterOrNumber() || text[k] == QLatin1Char('-') ||
                                  text[k] == QLatin1Char('_')))
            ++k;
        if (k == from)
            return QString();
        return (closing ? QStringLiteral("/") : QString()) + text.mid(from, k - from);
    };
    std::vector<std::pair<size_t, QString>> open; // range index, shortcode name
    std::vector<std::pair<qsizetype, qsizetype>> raw;
    for (size_t r = 0; r < ranges.size(); ++r) {
        if (kinds[r] != 0)
            continue;
        const QString n = name(ranges[r]);
        if (n.isEmpty() || QStringView(text)
                               .sliced(ranges[r].first, ranges[r].second - ranges[r].first)
                               .endsWith(QLatin1String("/>}}")))
            continue; // self-closing
        if (!n.startsWith(QLatin1Char('/'))) {
            open.emplace_back(r, n);
            continue;
        }
        auto it = std::find_if(open.rbegin(), open.rend(),
                               [&](const auto& o) { return o.second == QStringView(n).mid(1); });
        if (it == open.rend())
            continue;
        const size_t from = it->first;
        bool markdownInside = false;
        for (size_t k = from + 1; k < r && !markdownInside; ++k)
            markdownInside = kinds[k] == 1;
        if (!markdownInside)
            raw.emplace_back(ranges[from].first, ranges[r].second);
        open.erase(std::next(it).base(), open.end());
    }
    if (raw.empty())
        return ranges;
    ranges.insert(ranges.end(), raw.begin(), raw.end());
    std::sort(ranges.begin(), ranges.end());
    // Sorted and disjoint, as the callers look them up.
    std::vector<std::pair<qsizetype, qsizetype>> merged;
    for (const auto& r : ranges) {
        if (!merged.empty() && r.first < merged.back().second)
            merged.back().second = std::max(merged.back().second, r.second);
        else
            merged.push_back(r);
    }
    return merged;
}

} // namespace

Scan scanMarkdown(const QString& text, const markdown::Document* parsed) {
    Scan scan;
    // The same parse as the preview's: what is a link, code or a heading there is one
    // here.
    std::optional<markdown::Document> own;
    if (!parsed)
        own.emplace(text);
    const markdown::Document& document = parsed ? *parsed : *own;
    scan.tablesAsText = document.tableCellsOverLimit();
    const std::vector<Node>& nodes = document.nodes();
    // Enclosing lists and quotes, as the index after their subtree.
    std::vector<int> lists;
    std::vector<int> quotes;
    for (int i = 0; i < int(nodes.size()); ++i) {
        while (!lists.empty() && lists.back() <= i)
            lists.pop_back();
        while (!quotes.empty() && quotes.back() <= i)
            quotes.pop_back();
        const Node& n = nodes[size_t(i)];
        Block block;
        switch (n.kind) {
        case NodeKind::Item:
            lists.push_back(n.end);
            continue;
        case NodeKind::BlockQuote:
            quotes.push_back(n.end);
            continue;
        case NodeKind::Link:
        case NodeKind::Image:
            // An image's text is its description without that of images nested in
            // it, so that the texts of all links stay linear in the size of the body.
            scan.links.append(Link{n.kind == NodeKind::Image, n.autolink, int(n.start), int(n.stop),
                                   document.plainText(i), n.url});
            continue;
        case NodeKind::Paragraph:
            block.kind = Block::Kind::Paragraph;
            break;
        case NodeKind::Heading:
            block.kind = Block::Kind::Heading;
            block.headingLevel = n.level;
            break;
        case NodeKind::CodeBlock:
            block.kind = Block::Kind::Code;
            break;
        case NodeKind::HtmlBlock:
            block.kind = Block::Kind::Html;
            break;
        case NodeKind::ThematicBreak:
            block.kind = Block::Kind::Rule;
            break;
        case NodeKind::Table:
            block.kind = Block::Kind::Table;
            break;
        default:
            continue;
        }
        block.inList = !lists.empty();
        block.inQuote = !quotes.empty();
        block.start = int(n.start);
        block.end = int(n.stop);
        trim(text, block);
        if (block.kind == Block::Kind::Paragraph || block.kind == Block::Kind::Heading)
            fillProse(block, text, nodes, i);
        scan.blocks.append(block);
    }
    // Shortcodes are markup wherever they are, also where the parse saw text.
    const auto tags = templateTags(text);
    if (!tags.empty()) {
        for (Block& block : scan.blocks) {
            if (block.prose.isEmpty())
                continue;
            // Tags overlapping the block (sorted, disjoint).
            auto it = std::lower_bound(tags.begin(), tags.end(), qsizetype(block.start),
                                       [](const std::pair<qsizetype, qsizetype>& t, qsizetype at) {
                                           return t.second <= at;
                                       });
            for (; it != tags.end() && it->first < block.end; ++it)
                mask(block.prose, it->first - block.start, it->second - block.start);
        }
        // A link inside a shortcode's arguments is not one of the page's links.
        scan.links.removeIf([&](const Link& link) {
            auto it = std::upper_bound(tags.begin(), tags.end(), qsizetype(link.start),
                                       [](qsizetype at, const std::pair<qsizetype, qsizetype>& t) {
                                           return at < t.first;
                                       });
            return it != tags.begin() && std::prev(it)->second > link.start;
        });
    }
    std::stable_sort(scan.links.begin(), scan.links.end(),
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
    maskPlain(block.prose, block.start, scan.links);
    if (block.end > block.start)
        scan.blocks.append(block);
    return scan;
}

} // namespace copydesk::checks::detail
