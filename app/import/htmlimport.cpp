#include "import/htmlimport.h"

#include "import/inputfile.h"
#include "markdown/markdownescape.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QSet>

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <memory>
#include <mutex>

namespace copydesk {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("Import", text);
}

/// Stands for <br> inside an inline run until the run is cut into lines; a private
/// use character, removed from the input text, so it cannot clash with content.
constexpr QChar kBreak(0xE000);
constexpr QChar kNoBreakSpace(0x00A0);

bool isSpace(QChar c) {
    return c == QLatin1Char(' ') || c == kNoBreakSpace;
}

QString fromXml(const xmlChar* text) {
    return text ? QString::fromUtf8(reinterpret_cast<const char*>(text)) : QString();
}

QByteArray tagOf(const xmlNode* node) {
    if (node->type != XML_ELEMENT_NODE || !node->name)
        return {};
    return QByteArray(reinterpret_cast<const char*>(node->name)).toLower();
}

QString attribute(const xmlNode* node, const char* name) {
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    if (!value)
        return {};
    QString result = fromXml(value);
    xmlFree(value);
    return result;
}

bool hasAttribute(const xmlNode* node, const char* name) {
    return xmlHasProp(node, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

QString styleOf(const xmlNode* node) {
    QString style = attribute(node, "style").toLower();
    style.remove(QLatin1Char(' '));
    return style;
}

/// The value of one CSS property in an inline style (already lower-cased, without
/// spaces), or an empty string.
QString cssValue(const QString& style, QLatin1String property) {
    qsizetype from = 0;
    while (true) {
        const qsizetype at = style.indexOf(property + QLatin1Char(':'), from);
        if (at < 0)
            return {};
        // Match whole property names only ("font-weight", not "x-font-weight").
        if (at == 0 || style.at(at - 1) == QLatin1Char(';')) {
            const qsizetype start = at + property.size() + 1;
            const qsizetype end = style.indexOf(QLatin1Char(';'), start);
            return style.mid(start, end < 0 ? -1 : end - start);
        }
        from = at + 1;
    }
}

QStringList tokens(const QString& value) {
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return value.toLower().split(space, Qt::SkipEmptyParts);
}

/// Collapses runs of spaces (and no-break spaces) to one; a lone no-break space is
/// kept, because French typography puts one before ":" and "?".
QString collapseSpaces(const QString& text) {
    QString out;
    out.reserve(text.size());
    qsizetype run = 0;
    QChar last;
    auto flush = [&] {
        if (run == 1)
            out += last;
        else if (run > 1)
            out += QLatin1Char(' ');
        run = 0;
    };
    for (const QChar c : text) {
        if (isSpace(c)) {
            ++run;
            last = c;
            continue;
        }
        flush();
        out += c;
    }
    flush();
    return out;
}

QString trimSpaces(const QString& text) {
    qsizetype start = 0;
    qsizetype end = text.size();
    while (start < end && (isSpace(text.at(start)) || text.at(start) == kBreak))
        ++start;
    while (end > start && (isSpace(text.at(end - 1)) || text.at(end - 1) == kBreak))
        --end;
    return text.mid(start, end - start);
}

/// `inner` between `delimiter`s, with its outer white space moved outside: CommonMark
/// does not close "**bold **".
QString wrap(const QString& inner, QLatin1String delimiter) {
    qsizetype start = 0;
    qsizetype end = inner.size();
    while (start < end && (isSpace(inner.at(start)) || inner.at(start) == kBreak))
        ++start;
    while (end > start && (isSpace(inner.at(end - 1)) || inner.at(end - 1) == kBreak))
        --end;
    if (start == end)
        return inner;
    return inner.left(start) + delimiter + inner.mid(start, end - start) + delimiter +
           inner.mid(end);
}

/// Characters that break a Markdown link destination are percent-encoded.
QString linkDestination(const QString& url) {
    QString out;
    for (const QChar c : url.trimmed()) {
        switch (c.unicode()) {
        case ' ':
            out += QLatin1String("%20");
            break;
        case '(':
            out += QLatin1String("%28");
            break;
        case ')':
            out += QLatin1String("%29");
            break;
        case '<':
            out += QLatin1String("%3C");
            break;
        case '>':
            out += QLatin1String("%3E");
            break;
        case '\n':
        case '\t':
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString linkTitle(const QString& title) {
    const QString t = collapseSpaces(title).trimmed();
    if (t.isEmpty())
        return {};
    QString escaped = t;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QStringLiteral(" \"") + escaped + QLatin1Char('"');
}

/// "EN-us" -> "en-US", "zh_hans" -> "zh-Hans": BCP 47 case conventions.
QString normalizeLanguageTag(const QString& tag) {
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$"));
    if (!valid.match(tag.trimmed()).hasMatch())
        return {};
    QStringList parts = tag.trimmed().split(QRegularExpression(QStringLiteral("[-_]")));
    parts[0] = parts[0].toLower();
    for (qsizetype i = 1; i < parts.size(); ++i) {
        QString& p = parts[i];
        if (p.size() == 4)
            p = p.left(1).toUpper() + p.mid(1).toLower();
        else if (p.size() == 2)
            p = p.toUpper();
        else
            p = p.toLower();
    }
    return parts.join(QLatin1Char('-'));
}

const QSet<QByteArray>& droppedTags() {
    static const QSet<QByteArray> tags{
        "head",     "script",   "style",  "noscript", "template", "nav",      "aside",  "iframe",
        "frame",    "frameset", "object", "embed",    "applet",   "svg",      "math",   "canvas",
        "audio",    "video",    "button", "select",   "input",    "textarea", "option", "optgroup",
        "datalist", "map",      "area",   "link",     "meta",     "title",    "base",   "dialog",
        "xml",      "param",    "source", "track"};
    return tags;
}

/// Elements whose content forms blocks of their own.
const QSet<QByteArray>& blockTags() {
    static const QSet<QByteArray> tags{
        "html",    "body",     "div",    "section",   "article",    "main",     "header",
        "footer",  "address",  "center", "figure",    "figcaption", "fieldset", "details",
        "summary", "hgroup",   "form",   "dl",        "dt",         "dd",       "li",
        "td",      "th",       "tr",     "tbody",     "thead",      "tfoot",    "caption",
        "legend",  "noframes", "p",      "h1",        "h2",         "h3",       "h4",
        "h5",      "h6",       "ul",     "ol",        "dir",        "menu",     "blockquote",
        "pre",     "listing",  "xmp",    "plaintext", "table",      "hr"};
    return tags;
}

/// Leftovers of Word's "downlevel-revealed" conditional comments, which the HTML
/// parser passes through as text.
const QRegularExpression& conditionalComment() {
    static const QRegularExpression re(QStringLiteral("<!\\[(?:if[^\\]]*|endif)\\]>"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

struct Block final {
    enum class Kind { Paragraph, Heading, List, Quote, Code, Table, Rule, WordListItem };
    Kind kind = Kind::Paragraph;
    QString text;  ///< Markdown
    QString plain; ///< headings: the text without markup
    int level = 0; ///< heading level; list level of a Word list paragraph
    bool ordered = false;
};

/// Walks libxml2's tree and writes Markdown. Inline content is gathered into "runs"
/// of Markdown text, which become paragraphs when a block element or the end of a
/// container is reached.
class Converter final {
public:
    ConvertedDocument convert(xmlDoc* doc);

private:
    QList<Block> blocksOf(xmlNode* parent);
    void appendBlocks(xmlNode* parent, QList<Block>& out);
    void appendBlockElement(xmlNode* element, const QByteArray& tag, QList<Block>& out);
    void appendParagraphs(const QString& run, QList<Block>& out) const;
    void appendTable(xmlNode* table, QList<Block>& out);
    QString renderList(xmlNode* list, bool ordered);
    QString inlineChildren(xmlNode* parent);
    QString inlineNode(xmlNode* node);
    QString formatted(xmlNode* node, bool bold, bool italic, bool strike);
    QString singleLine(xmlNode* parent);
    QString paragraphText(xmlNode* parent);
    bool isDropped(xmlNode* element, const QByteArray& tag) const;
    bool isEmptyParagraph(xmlNode* element) const;
    bool containsBlock(xmlNode* node);
    bool isLayoutCell(xmlNode* cell);
    static QString renderBlocks(const QList<Block>& blocks, bool tight);
    static QString renderWordList(const QList<Block>& items);

    int m_bold = 0;
    int m_italic = 0;
    int m_strike = 0;
    int m_link = 0;
    bool m_singleLine = false;
    QHash<const xmlNode*, bool> m_containsBlock;
};

QString textContent(const xmlNode* node, bool breaksAsNewlines) {
    QString out;
    for (const xmlNode* child = node->children; child; child = child->next) {
        if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
            out += fromXml(child->content);
        else if (child->type == XML_ELEMENT_NODE && breaksAsNewlines && tagOf(child) == "br")
            out += QLatin1Char('\n');
        else if (child->type == XML_ELEMENT_NODE && !droppedTags().contains(tagOf(child)))
            out += textContent(child, breaksAsNewlines);
    }
    return out;
}

QString plainText(const xmlNode* node) {
    QString text = textContent(node, false);
    text.remove(conditionalComment());
    return text.simplified();
}

xmlNode* findFirst(xmlNode* node, const char* tag) {
    for (xmlNode* child = node ? node->children : nullptr; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        if (tagOf(child) == tag)
            return child;
        if (xmlNode* found = findFirst(child, tag))
            return found;
    }
    return nullptr;
}

void findAll(xmlNode* node, const QByteArray& tag, const QString& role, QList<xmlNode*>& found) {
    for (xmlNode* child = node->children; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        const QByteArray t = tagOf(child);
        if (t == "head" || t == "script" || t == "style")
            continue;
        if (t == tag || (!role.isEmpty() && attribute(child, "role").toLower() == role))
            found.append(child);
        else
            findAll(child, tag, role, found);
    }
}

bool Converter::isDropped(xmlNode* element, const QByteArray& tag) const {
    if (droppedTags().contains(tag))
        return true;
    if (hasAttribute(element, "hidden") || attribute(element, "aria-hidden") == u"true")
        return true;
    const QString style = styleOf(element);
    if (!style.isEmpty()) {
        if (cssValue(style, QLatin1String("display")) == u"none" ||
            cssValue(style, QLatin1String("visibility")) == u"hidden" ||
            cssValue(style, QLatin1String("mso-list")) == u"ignore") {
            return true;
        }
    }
    static const QSet<QString> landmarks{
        QStringLiteral("navigation"),    QStringLiteral("banner"), QStringLiteral("contentinfo"),
        QStringLiteral("complementary"), QStringLiteral("search"), QStringLiteral("menu"),
        QStringLiteral("menubar")};
    if (landmarks.contains(attribute(element, "role").toLower()))
        return true;
    // Old sites mark their navigation with ids and classes rather than elements.
    static const QSet<QString> navigation{
        QStringLiteral("nav"),        QStringLiteral("navbar"),
        QStringLiteral("navigation"), QStringLiteral("menu"),
        QStringLiteral("mainmenu"),   QStringLiteral("sidebar"),
        QStringLiteral("breadcrumb"), QStringLiteral("breadcrumbs"),
        QStringLiteral("footer"),     QStringLiteral("skip-link"),
        QStringLiteral("skiplink"),   QStringLiteral("cookie-banner")};
    for (const QString& token :
         tokens(attribute(element, "id") + QLatin1Char(' ') + attribute(element, "class"))) {
        if (navigation.contains(token))
            return true;
    }
    return false;
}

/// Word writes <o:p></o:p> (which the parser reads as an empty <p>) at the end of
/// every paragraph, often inside <b> or <span>; it must not split them.
bool Converter::isEmptyParagraph(xmlNode* element) const {
    const QByteArray tag = tagOf(element);
    if (tag != "p" && tag != "o:p")
        return false;
    for (const xmlNode* child = element->children; child; child = child->next) {
        if (child->type == XML_ELEMENT_NODE)
            return false;
        if (child->type == XML_TEXT_NODE &&
            !trimSpaces(fromXml(child->content).simplified()).isEmpty()) {
            return false;
        }
    }
    return true;
}

bool Converter::containsBlock(xmlNode* node) {
    const auto cached = m_containsBlock.constFind(node);
    if (cached != m_containsBlock.constEnd())
        return *cached;
    bool result = false;
    for (xmlNode* child = node->children; child && !result; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        const QByteArray tag = tagOf(child);
        if (isDropped(child, tag) || isEmptyParagraph(child))
            continue;
        result = blockTags().contains(tag) || containsBlock(child);
    }
    m_containsBlock.insert(node, result);
    return result;
}

/// A cell holding more than one paragraph, or a list, heading, quote or table, is
/// page layout, not data. (Word wraps every cell's text in a <p>.)
bool Converter::isLayoutCell(xmlNode* cell) {
    if (!containsBlock(cell))
        return false;
    const QList<Block> blocks = blocksOf(cell);
    return blocks.size() > 1 ||
           (blocks.size() == 1 && blocks.front().kind != Block::Kind::Paragraph);
}

QString Converter::formatted(xmlNode* node, bool bold, bool italic, bool strike) {
    const bool applyBold = bold && m_bold == 0;
    const bool applyItalic = italic && m_italic == 0;
    const bool applyStrike = strike && m_strike == 0;
    m_bold += applyBold;
    m_italic += applyItalic;
    m_strike += applyStrike;
    QString inner = inlineChildren(node);
    m_bold -= applyBold;
    m_italic -= applyItalic;
    m_strike -= applyStrike;
    if (applyStrike)
        inner = wrap(inner, QLatin1String("~~"));
    if (applyItalic)
        inner = wrap(inner, QLatin1String("*"));
    if (applyBold)
        inner = wrap(inner, QLatin1String("**"));
    return inner;
}

QString Converter::inlineChildren(xmlNode* parent) {
    QString out;
    for (xmlNode* child = parent->children; child; child = child->next)
        out += inlineNode(child);
    return out;
}

QString Converter::inlineNode(xmlNode* node) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
        QString text = fromXml(node->content);
        if (text.contains(QLatin1String("<![")))
            text.remove(conditionalComment());
        text.remove(kBreak);
        for (QChar& c : text) {
            if (c == QLatin1Char('\n') || c == QLatin1Char('\t') || c == QLatin1Char('\r') ||
                c == QLatin1Char('\f')) {
                c = QLatin1Char(' ');
            }
        }
        return markdown_escape::escapeInline(text);
    }
    if (node->type != XML_ELEMENT_NODE)
        return {};
    const QByteArray tag = tagOf(node);
    if (isDropped(node, tag))
        return {};

    const QString style = styleOf(node);
    const QString weight = cssValue(style, QLatin1String("font-weight"));
    const QString fontStyle = cssValue(style, QLatin1String("font-style"));
    static const QSet<QString> boldWeights{QStringLiteral("bold"), QStringLiteral("bolder"),
                                           QStringLiteral("600"),  QStringLiteral("700"),
                                           QStringLiteral("800"),  QStringLiteral("900")};
    // Google Docs wraps the whole document in <b style="font-weight:normal">.
    const bool notBold = !weight.isEmpty() && !boldWeights.contains(weight);
    const bool styledBold = boldWeights.contains(weight);
    const bool styledItalic = fontStyle == u"italic" || fontStyle == u"oblique";
    const bool notItalic = fontStyle == u"normal";
    const bool styledStrike =
        cssValue(style, QLatin1String("text-decoration")).contains(QLatin1String("line-through"));

    if (tag == "br")
        return m_singleLine ? QStringLiteral(" ") : QString(kBreak);
    if (tag == "wbr")
        return {};
    if (tag == "b" || tag == "strong")
        return formatted(node, !notBold, styledItalic, styledStrike);
    if (tag == "i" || tag == "em" || tag == "cite" || tag == "dfn" || tag == "var")
        return formatted(node, styledBold, !notItalic, styledStrike);
    if (tag == "s" || tag == "strike" || tag == "del")
        return formatted(node, styledBold, styledItalic, true);
    if (tag == "code" || tag == "kbd" || tag == "samp" || tag == "tt") {
        const QString code =
            collapseSpaces(textContent(node, false).replace(QLatin1Char('\n'), QLatin1Char(' ')));
        if (trimSpaces(code).isEmpty())
            return code;
        return markdown_escape::codeSpan(code);
    }
    if (tag == "img") {
        QString src = attribute(node, "src").trimmed();
        if (src.isEmpty())
            src = attribute(node, "data-src").trimmed();
        if (src.isEmpty())
            return {};
        const QString alt =
            markdown_escape::escapeInline(collapseSpaces(attribute(node, "alt").simplified()));
        return QStringLiteral("![") + alt + QStringLiteral("](") + linkDestination(src) +
               linkTitle(attribute(node, "title")) + QLatin1Char(')');
    }
    if (tag == "a") {
        if (m_link > 0)
            return inlineChildren(node);
        ++m_link;
        const QString inner = inlineChildren(node);
        --m_link;
        const QString href = attribute(node, "href").trimmed();
        if (href.isEmpty() || href.startsWith(QLatin1Char('#')) ||
            href.startsWith(QLatin1String("javascript:"), Qt::CaseInsensitive)) {
            return inner;
        }
        const QString core = trimSpaces(inner);
        if (core.isEmpty())
            return inner;
        const qsizetype lead = inner.indexOf(core);
        const QString before = inner.left(lead);
        const QString after = inner.mid(lead + core.size());
        static const QRegularExpression autolinkable(
            QStringLiteral("^(https?://|mailto:)[^\\s<>]*$"),
            QRegularExpression::CaseInsensitiveOption);
        if (plainText(node) == href && autolinkable.match(href).hasMatch())
            return before + QLatin1Char('<') + href + QLatin1Char('>') + after;
        return before + QLatin1Char('[') + core + QStringLiteral("](") + linkDestination(href) +
               linkTitle(attribute(node, "title")) + QLatin1Char(')') + after;
    }
    if (tag == "q")
        return QStringLiteral("\u201C") + inlineChildren(node) + QStringLiteral("\u201D");
    if (blockTags().contains(tag)) {
        // A block inside a heading or a table cell: keep its words apart.
        return QLatin1Char(' ') + inlineChildren(node) + QLatin1Char(' ');
    }
    if (styledBold || styledItalic || styledStrike)
        return formatted(node, styledBold, styledItalic, styledStrike);
    return inlineChildren(node);
}

QString Converter::singleLine(xmlNode* parent) {
    const bool was = m_singleLine;
    m_singleLine = true;
    QString text = inlineChildren(parent);
    m_singleLine = was;
    text.replace(kBreak, QLatin1Char(' '));
    return trimSpaces(collapseSpaces(text));
}

/// The inline content of `parent` as one paragraph, line breaks kept.
QString Converter::paragraphText(xmlNode* parent) {
    QList<Block> paragraphs;
    appendParagraphs(inlineChildren(parent), paragraphs);
    QStringList texts;
    for (const Block& b : paragraphs)
        texts.append(b.text);
    return texts.join(QStringLiteral("\\\n"));
}

void Converter::appendParagraphs(const QString& run, QList<Block>& out) const {
    const QStringList lines = collapseSpaces(run).split(kBreak);
    QStringList paragraph;
    auto flush = [&] {
        if (paragraph.isEmpty())
            return;
        out.append(
            Block{Block::Kind::Paragraph, paragraph.join(QStringLiteral("\\\n")), {}, 0, false});
        paragraph.clear();
    };
    for (const QString& line : lines) {
        const QString trimmed = trimSpaces(line);
        // Old pages separate paragraphs with <br><br>.
        if (trimmed.isEmpty()) {
            flush();
            continue;
        }
        paragraph.append(markdown_escape::escapeLineStart(trimmed, false));
    }
    flush();
}

QList<Block> Converter::blocksOf(xmlNode* parent) {
    QList<Block> blocks;
    appendBlocks(parent, blocks);
    return blocks;
}

void Converter::appendBlocks(xmlNode* parent, QList<Block>& out) {
    QString run;
    for (xmlNode* child = parent->children; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE) {
            run += inlineNode(child);
            continue;
        }
        const QByteArray tag = tagOf(child);
        if (isDropped(child, tag) || isEmptyParagraph(child))
            continue;
        if (blockTags().contains(tag)) {
            appendParagraphs(run, out);
            run.clear();
            appendBlockElement(child, tag, out);
        } else if (containsBlock(child)) {
            // <font><p>…</p></font>, <a><div>…</div></a>: the blocks matter more than
            // the inline formatting around them.
            appendParagraphs(run, out);
            run.clear();
            appendBlocks(child, out);
        } else {
            run += inlineNode(child);
        }
    }
    appendParagraphs(run, out);
}

void Converter::appendBlockElement(xmlNode* element, const QByteArray& tag, QList<Block>& out) {
    if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') {
        const int level = tag[1] - '0';
        QString text = singleLine(element);
        if (text.isEmpty())
            return;
        // A trailing "#" would be read as a closing sequence.
        if (text.endsWith(QLatin1Char('#')))
            text.insert(text.size() - 1, QLatin1Char('\\'));
        out.append(Block{Block::Kind::Heading,
                         QString(level, QLatin1Char('#')) + QLatin1Char(' ') + text,
                         plainText(element), level, false});
        return;
    }
    if (tag == "p") {
        const QString cls = attribute(element, "class");
        static const QRegularExpression wordList(QStringLiteral("mso-list:l[0-9]+level([0-9]+)"));
        const auto listMatch = wordList.match(styleOf(element));
        if (listMatch.hasMatch() && !containsBlock(element)) {
            // Word writes list items as paragraphs whose bullet or number sits in a
            // span marked mso-list:Ignore.
            Block item{Block::Kind::WordListItem,
                       paragraphText(element),
                       {},
                       listMatch.captured(1).toInt(),
                       false};
            static const QRegularExpression numbered(
                QStringLiteral("^\\(?([0-9]+|[A-Za-z]|[ivxlcdmIVXLCDM]+)[.)]"));
            for (xmlNode* n = element->children; n; n = n->next) {
                if (n->type == XML_ELEMENT_NODE &&
                    cssValue(styleOf(n), QLatin1String("mso-list")) == u"ignore") {
                    item.ordered = numbered.match(plainText(n)).hasMatch();
                    break;
                }
            }
            if (!item.text.isEmpty())
                out.append(item);
            return;
        }
        if (cls.compare(QLatin1String("MsoTitle"), Qt::CaseInsensitive) == 0) {
            const QString text = singleLine(element);
            if (!text.isEmpty())
                out.append(Block{Block::Kind::Heading, QStringLiteral("# ") + text,
                                 plainText(element), 1, false});
            return;
        }
        appendBlocks(element, out);
        return;
    }
    if (tag == "ul" || tag == "ol" || tag == "dir" || tag == "menu") {
        const QString text = renderList(element, tag == "ol");
        if (!text.isEmpty())
            out.append(Block{Block::Kind::List, text, {}, 0, tag == "ol"});
        return;
    }
    if (tag == "blockquote") {
        const QString inner = renderBlocks(blocksOf(element), false);
        if (inner.isEmpty())
            return;
        QStringList lines = inner.split(QLatin1Char('\n'));
        for (QString& line : lines)
            line = line.isEmpty() ? QStringLiteral(">") : QStringLiteral("> ") + line;
        out.append(Block{Block::Kind::Quote, lines.join(QLatin1Char('\n')), {}, 0, false});
        return;
    }
    if (tag == "pre" || tag == "listing" || tag == "xmp" || tag == "plaintext") {
        QString code = textContent(element, true);
        code.remove(conditionalComment());
        // HTML ignores a newline right after <pre>.
        if (code.startsWith(QLatin1Char('\n')))
            code.remove(0, 1);
        while (code.endsWith(QLatin1Char('\n')) || code.endsWith(QLatin1Char(' ')))
            code.chop(1);
        if (code.trimmed().isEmpty())
            return;
        static const QRegularExpression language(QStringLiteral("(?:language|lang)-([^\\s]+)"));
        QString info = language.match(attribute(element, "class")).captured(1);
        if (info.isEmpty()) {
            if (xmlNode* code = findFirst(element, "code"))
                info = language.match(attribute(code, "class")).captured(1);
        }
        out.append(Block{Block::Kind::Code, markdown_escape::codeBlock(code, info), {}, 0, false});
        return;
    }
    if (tag == "table") {
        appendTable(element, out);
        return;
    }
    if (tag == "hr") {
        out.append(Block{Block::Kind::Rule, QStringLiteral("---"), {}, 0, false});
        return;
    }
    if (tag == "dt") {
        const QString term = singleLine(element);
        if (!term.isEmpty())
            out.append(
                Block{Block::Kind::Paragraph, wrap(term, QLatin1String("**")), {}, 0, false});
        return;
    }
    appendBlocks(element, out);
}

QString Converter::renderList(xmlNode* list, bool ordered) {
    QList<QList<Block>> items;
    for (xmlNode* child = list->children; child; child = child->next) {
        if (child->type == XML_ELEMENT_NODE) {
            const QByteArray tag = tagOf(child);
            if (isDropped(child, tag))
                continue;
            if (tag == "li") {
                items.append(blocksOf(child));
                continue;
            }
            if (tag == "ul" || tag == "ol") {
                // <ul><li>a</li><ul>…</ul></ul>: old editors nest lists without an <li>.
                const QString nested = renderList(child, tag == "ol");
                if (nested.isEmpty())
                    continue;
                if (items.isEmpty())
                    items.append(QList<Block>());
                items.last().append(Block{Block::Kind::List, nested, {}, 0, tag == "ol"});
                continue;
            }
        }
        QList<Block> loose;
        appendParagraphs(inlineNode(child), loose);
        if (!loose.isEmpty())
            items.append(loose);
    }

    bool isLoose = false;
    for (const auto& item : items) {
        int paragraphs = 0;
        for (const Block& b : item)
            paragraphs += b.kind != Block::Kind::List;
        isLoose = isLoose || paragraphs > 1;
    }

    int number = 1;
    if (ordered) {
        bool ok = false;
        const int start = attribute(list, "start").toInt(&ok);
        if (ok)
            number = start;
    }
    QStringList rendered;
    for (const auto& item : items) {
        const QString content = renderBlocks(item, !isLoose);
        if (content.isEmpty())
            continue;
        const QString marker =
            ordered ? QString::number(number++) + QStringLiteral(". ") : QStringLiteral("- ");
        const QString indent(marker.size(), QLatin1Char(' '));
        QStringList lines = content.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (i == 0)
                lines[i] = marker + lines[i];
            else if (!lines[i].isEmpty())
                lines[i] = indent + lines[i];
        }
        rendered.append(lines.join(QLatin1Char('\n')));
    }
    return rendered.join(isLoose ? QStringLiteral("\n\n") : QStringLiteral("\n"));
}

void Converter::appendTable(xmlNode* table, QList<Block>& out) {
    QList<xmlNode*> rows;
    xmlNode* caption = nullptr;
    for (xmlNode* child = table->children; child; child = child->next) {
        const QByteArray tag = tagOf(child);
        if (tag == "tr") {
            rows.append(child);
        } else if (tag == "thead" || tag == "tbody" || tag == "tfoot") {
            for (xmlNode* row = child->children; row; row = row->next) {
                if (tagOf(row) == "tr")
                    rows.append(row);
            }
        } else if (tag == "caption") {
            caption = child;
        }
    }
    QList<QList<xmlNode*>> cells;
    bool layout = false;
    qsizetype columns = 0;
    for (xmlNode* row : rows) {
        QList<xmlNode*> rowCells;
        for (xmlNode* cell = row->children; cell; cell = cell->next) {
            const QByteArray tag = tagOf(cell);
            if ((tag != "td" && tag != "th") || isDropped(cell, tag))
                continue;
            rowCells.append(cell);
            layout = layout || isLayoutCell(cell);
        }
        columns = std::max(columns, rowCells.size());
        cells.append(rowCells);
    }
    // Tables that lay out a page (or hold paragraphs, lists, other tables) are not
    // data: their cells' content is kept in reading order.
    if (layout || columns <= 1) {
        if (caption)
            appendBlocks(caption, out);
        for (const auto& row : cells) {
            for (xmlNode* cell : row)
                appendBlocks(cell, out);
        }
        return;
    }

    QList<QStringList> texts;
    for (const auto& row : cells) {
        QStringList line;
        for (xmlNode* cell : row) {
            QString text = singleLine(cell);
            text.replace(QLatin1Char('|'), QLatin1String("\\|"));
            line.append(text);
            const int span = attribute(cell, "colspan").toInt();
            for (int i = 1; i < span && line.size() < columns; ++i)
                line.append(QString());
        }
        while (line.size() < columns)
            line.append(QString());
        texts.append(line);
    }
    columns = 0;
    for (const auto& line : texts)
        columns = std::max(columns, line.size());
    auto format = [&](QStringList line) {
        while (line.size() < columns)
            line.append(QString());
        return QStringLiteral("| ") + line.join(QStringLiteral(" | ")) + QStringLiteral(" |");
    };
    QStringList lines;
    lines.append(format(texts.front()));
    lines.append(format(QStringList(columns, QStringLiteral("---"))));
    for (qsizetype i = 1; i < texts.size(); ++i)
        lines.append(format(texts.at(i)));
    if (caption) {
        const QString text = singleLine(caption);
        if (!text.isEmpty())
            out.append(Block{Block::Kind::Paragraph, text, {}, 0, false});
    }
    out.append(Block{Block::Kind::Table, lines.join(QLatin1Char('\n')), {}, 0, false});
}

QString Converter::renderWordList(const QList<Block>& items) {
    QStringList lines;
    // Per level: the indent of its markers, the width of the last marker, the counter.
    struct Level {
        qsizetype indent = 0;
        qsizetype width = 2;
        int counter = 0;
    };
    QList<Level> levels;
    for (const Block& item : items) {
        const int level = std::clamp<int>(item.level, 1, int(levels.size()) + 1);
        levels.resize(level);
        Level& current = levels.last();
        current.indent = level == 1 ? 0 : levels.at(level - 2).indent + levels.at(level - 2).width;
        const QString marker = item.ordered ? QString::number(++current.counter) + QLatin1Char('.')
                                            : QStringLiteral("-");
        current.width = marker.size() + 1;
        const QString indent(current.indent, QLatin1Char(' '));
        const QString continuation(current.indent + current.width, QLatin1Char(' '));
        const QStringList text = item.text.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < text.size(); ++i) {
            lines.append(i == 0 ? indent + marker + QLatin1Char(' ') + text.at(i)
                                : continuation + text.at(i));
        }
    }
    return lines.join(QLatin1Char('\n'));
}

QString Converter::renderBlocks(const QList<Block>& blocks, bool tight) {
    QString out;
    Block::Kind previous = Block::Kind::Paragraph;
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        QString text;
        Block::Kind kind = blocks.at(i).kind;
        if (kind == Block::Kind::WordListItem) {
            QList<Block> items;
            while (i < blocks.size() && blocks.at(i).kind == Block::Kind::WordListItem)
                items.append(blocks.at(i++));
            --i;
            text = renderWordList(items);
            kind = Block::Kind::List;
        } else {
            text = blocks.at(i).text;
        }
        if (!out.isEmpty()) {
            const bool nestedList =
                tight && kind == Block::Kind::List && previous == Block::Kind::Paragraph;
            out += nestedList ? QStringLiteral("\n") : QStringLiteral("\n\n");
        }
        out += text;
        previous = kind;
    }
    return out;
}

ConvertedDocument Converter::convert(xmlDoc* doc) {
    ConvertedDocument result;
    xmlNode* root = xmlDocGetRootElement(doc);
    if (!root)
        return result;

    if (xmlNode* title = findFirst(root, "title"))
        result.title = plainText(title);
    // Word puts the document language on <body>.
    xmlNode* body = findFirst(root, "body");
    for (xmlNode* element : {root, body}) {
        for (const char* name : {"lang", "xml:lang"}) {
            if (result.language.isEmpty() && element)
                result.language = normalizeLanguageTag(attribute(element, name));
        }
    }
    if (xmlNode* head = findFirst(root, "head")) {
        for (xmlNode* meta = head->children; meta; meta = meta->next) {
            if (tagOf(meta) != "meta")
                continue;
            const QString name = attribute(meta, "name").toLower();
            const QString content = collapseSpaces(attribute(meta, "content").simplified());
            if (name == u"description" && result.summary.isEmpty())
                result.summary = content;
            else if (name == u"author" && result.byline.isEmpty())
                result.byline = content;
        }
    }

    // A page with one <main> or one <article> keeps its content there; everything
    // around it is site furniture.
    xmlNode* content = body;
    if (!content)
        content = root;
    QList<xmlNode*> candidates;
    findAll(content, "main", QStringLiteral("main"), candidates);
    if (candidates.size() != 1) {
        candidates.clear();
        findAll(content, "article", {}, candidates);
    }
    if (candidates.size() == 1)
        content = candidates.front();

    QList<Block> blocks = blocksOf(content);
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        if (blocks.at(i).kind == Block::Kind::Heading && blocks.at(i).level == 1) {
            result.title = blocks.at(i).plain;
            blocks.removeAt(i);
            break;
        }
    }
    result.body = renderBlocks(blocks, false);
    if (!result.body.isEmpty())
        result.body += QLatin1Char('\n');
    return result;
}

/// The encoding named by a <meta> or XML declaration near the start of the file.
QString declaredEncoding(const QByteArray& bytes) {
    static const QRegularExpression meta(
        QStringLiteral("<meta\\s[^>]*charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)|"
                       "<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9_.:-]+)"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = meta.match(QString::fromLatin1(bytes.left(64 * 1024)));
    if (!m.hasMatch())
        return {};
    return (m.captured(1).isEmpty() ? m.captured(2) : m.captured(1)).toLower();
}

struct DocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

} // namespace

Result<ConvertedDocument> htmlToMarkdown(const QByteArray& bytes, const QString& fileName) {
    static std::once_flag init;
    std::call_once(init, [] { xmlInitParser(); });

    QByteArray encoding = "UTF-8";
    const QByteArrayView view(bytes);
    if (view.startsWith("\xFF\xFE") || view.startsWith("\xFE\xFF")) {
        encoding.clear(); // libxml2 reads the byte-order mark
    } else {
        QString declared = declaredEncoding(bytes);
        // As browsers do (WHATWG Encoding): Latin-1 and ASCII labels mean windows-1252,
        // which is what such pages really contain.
        static const QSet<QString> latin1{
            QStringLiteral("iso-8859-1"), QStringLiteral("iso8859-1"),  QStringLiteral("latin1"),
            QStringLiteral("latin-1"),    QStringLiteral("l1"),         QStringLiteral("us-ascii"),
            QStringLiteral("ascii"),      QStringLiteral("iso_8859-1"), QStringLiteral("cp819")};
        if (latin1.contains(declared))
            declared = QStringLiteral("windows-1252");
        if (!declared.isEmpty() && declared != u"utf-8" && declared != u"utf8") {
            xmlCharEncodingHandler* handler =
                xmlFindCharEncodingHandler(declared.toLatin1().constData());
            if (!handler) {
                return Error{
                    fileError(fileName, tr("unsupported character encoding '%1'").arg(declared))};
            }
            xmlCharEncCloseFunc(handler);
            encoding = declared.toLatin1();
        } else {
            const qsizetype bad = invalidUtf8Offset(bytes);
            if (bad >= 0) {
                return Error{fileError(fileName, tr("not valid UTF-8 (byte offset %1)").arg(bad))};
            }
        }
    }

    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_COMPACT;
    std::unique_ptr<xmlDoc, DocFree> doc(
        htmlReadMemory(bytes.constData(), int(bytes.size()), nullptr,
                       encoding.isEmpty() ? nullptr : encoding.constData(), options));
    if (!doc) {
        if (bytes.trimmed().isEmpty())
            return ConvertedDocument{};
        return Error{fileError(fileName, tr("cannot be read as HTML"))};
    }
    Converter converter;
    return converter.convert(doc.get());
}

} // namespace copydesk
