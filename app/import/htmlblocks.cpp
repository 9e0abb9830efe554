#include "import/htmlconverter_p.h"

#include "import/htmlnodes_p.h"
#include "import/htmltext_p.h"
#include "markdown/markdownescape.h"

#include <QRegularExpression>
#include <QSet>

namespace copydesk::html_import {

bool Converter::isDropped(xmlNode* element, const QByteArray& tag) const {
    if (droppedTags().contains(tag))
        return true;
    // Footnotes are written at the end, as GFM's definitions.
    if (m_noteElements.contains(element))
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

void Converter::appendParagraphs(const QString& run, QList<Block>& out) const {
    const QStringList lines = collapseSpaces(run).split(kBreak);
    QStringList paragraph;
    auto flush = [&] {
        if (paragraph.isEmpty())
            return;
        out.append(Block{
            Block::Kind::Paragraph, paragraph.join(QStringLiteral("\\\n")), {}, 0, false, {}});
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
                         plainText(element),
                         level,
                         false,
                         {}});
        return;
    }
    if (tag == "p") {
        if (appendWordParagraph(element, out))
            return;
        appendBlocks(element, out);
        return;
    }
    if (tag == "ul" || tag == "ol" || tag == "dir" || tag == "menu") {
        const QString text = renderList(element, tag == "ol");
        if (!text.isEmpty())
            out.append(Block{Block::Kind::List, text, {}, 0, tag == "ol", {}});
        return;
    }
    if (tag == "blockquote") {
        const QString inner = renderBlocks(blocksOf(element), false);
        if (inner.isEmpty())
            return;
        QStringList lines = inner.split(QLatin1Char('\n'));
        for (QString& line : lines)
            line = line.isEmpty() ? QStringLiteral(">") : QStringLiteral("> ") + line;
        out.append(Block{Block::Kind::Quote, lines.join(QLatin1Char('\n')), {}, 0, false, {}});
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
        out.append(
            Block{Block::Kind::Code, markdown_escape::codeBlock(code, info), {}, 0, false, {}});
        return;
    }
    if (tag == "table") {
        appendTable(element, out);
        return;
    }
    if (tag == "hr") {
        out.append(Block{Block::Kind::Rule, QStringLiteral("---"), {}, 0, false, {}});
        return;
    }
    if (tag == "details" || tag == "dl" || tag == "figure") {
        appendRawHtmlBlock(element, tag, out);
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
                items.last().append(Block{Block::Kind::List, nested, {}, 0, tag == "ol", {}});
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

namespace {

/// `list` (Markdown, markers "-" and "N.") with the other markers of CommonMark on its
/// top level ("*" and "N)"), so that it does not continue the list before it.
QString withOtherMarkers(const QString& list) {
    static const QRegularExpression marker(QStringLiteral("^(?:-|([0-9]+)\\.)(?= |$)"),
                                           QRegularExpression::MultilineOption);
    QString out = list;
    qsizetype shift = 0;
    auto it = marker.globalMatch(list);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString replacement =
            m.captured(1).isEmpty() ? QStringLiteral("*") : m.captured(1) + QLatin1Char(')');
        out.replace(m.capturedStart() + shift, m.capturedLength(), replacement);
        shift += replacement.size() - m.capturedLength();
    }
    return out;
}

} // namespace

QString Converter::renderBlocks(const QList<Block>& blocks, bool tight) {
    QString out;
    Block::Kind previous = Block::Kind::Paragraph;
    bool previousOrdered = false;
    bool alternate = false;
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        QString text;
        bool ordered = false;
        Block::Kind kind = blocks.at(i).kind;
        if (kind == Block::Kind::WordListItem) {
            QList<Block> items;
            // Another list (mso-list:l1 after l0) starts a list of its own; deeper
            // levels belong to the item above them whatever list Word gave them.
            const QString group = blocks.at(i).group;
            while (i < blocks.size() && blocks.at(i).kind == Block::Kind::WordListItem &&
                   (blocks.at(i).group == group || (!items.isEmpty() && blocks.at(i).level > 1)))
                items.append(blocks.at(i++));
            --i;
            text = renderWordList(items);
            kind = Block::Kind::List;
            ordered = items.front().ordered;
        } else {
            text = blocks.at(i).text;
            ordered = blocks.at(i).ordered;
        }
        // Two lists in a row would be read as one: the second takes the other marker.
        if (kind == Block::Kind::List && previous == Block::Kind::List &&
            ordered == previousOrdered) {
            alternate = !alternate;
            if (alternate)
                text = withOtherMarkers(text);
        } else {
            alternate = false;
        }
        if (!out.isEmpty()) {
            const bool nestedList =
                tight && kind == Block::Kind::List && previous == Block::Kind::Paragraph;
            out += nestedList ? QStringLiteral("\n") : QStringLiteral("\n\n");
        }
        out += text;
        previous = kind;
        previousOrdered = ordered;
    }
    return out;
}

ConvertedDocument Converter::convert(xmlDoc* doc, bool takeTitle) {
    ConvertedDocument result;
    xmlNode* root = xmlDocGetRootElement(doc);
    if (!root)
        return result;

    QString pageTitle;
    if (xmlNode* title = findFirst(root, "title"))
        pageTitle = plainText(title);
    // Word puts the document language on <body>.
    xmlNode* body = findFirst(root, "body");
    for (xmlNode* element : {root, body}) {
        for (const char* name : {"lang", "xml:lang"}) {
            if (!result.language.isEmpty() || !element)
                continue;
            // lang="" says the language is unknown: nothing to report.
            const QString declared = attribute(element, name).trimmed();
            result.language = normalizeLanguageTag(declared);
            if (result.language.isEmpty() && result.invalidLanguage.isEmpty())
                result.invalidLanguage = declared;
        }
    }
    if (!result.language.isEmpty())
        result.invalidLanguage.clear();
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

    findFootnotes(content);
    QList<Block> blocks = blocksOf(content);
    if (takeTitle)
        chooseTitle(pageTitle, blocks, result);
    result.body = renderBlocks(blocks, false);
    const QString notes = footnoteDefinitions();
    if (!notes.isEmpty())
        result.body += (result.body.isEmpty() ? QString() : QStringLiteral("\n\n")) + notes;
    if (!result.body.isEmpty())
        result.body += QLatin1Char('\n');
    result.notices = m_notices;
    return result;
}

} // namespace copydesk::html_import
