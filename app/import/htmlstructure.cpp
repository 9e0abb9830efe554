// What HTML says that Markdown says otherwise or not at all: footnotes (GFM's
// [^label]), details, definition lists and figures (kept as raw HTML around
// Markdown), and which of <title> and the headings is the page's headline.
#include "import/htmlconverter_p.h"

#include "import/htmlnodes_p.h"
#include "import/htmltext_p.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace copydesk::html_import {

namespace {

void collectIds(xmlNode* node, QHash<QString, xmlNode*>& ids) {
    for (xmlNode* child = node->children; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        for (const char* name : {"id", "name"}) {
            const QString id = attribute(child, name);
            if (!id.isEmpty() && !ids.contains(id))
                ids.insert(id, child);
        }
        collectIds(child, ids);
    }
}

void collectLinks(xmlNode* node, QList<xmlNode*>& links) {
    for (xmlNode* child = node->children; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        if (tagOf(child) == "a")
            links.append(child);
        collectLinks(child, links);
    }
}

bool isHeading(const QByteArray& tag) {
    return tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
}

/// Whether link `a` is a note reference: marked as one (a class naming footnotes,
/// ARIA's doc-noteref, Word's mso-footnote-id) or the only content of a <sup>.
bool looksLikeNoteReference(xmlNode* a) {
    const QString marks = attribute(a, "class") + QLatin1Char(' ') + attribute(a, "role") +
                          QLatin1Char(' ') + styleOf(a);
    if (marks.contains(QLatin1String("footnote"), Qt::CaseInsensitive) ||
        marks.contains(QLatin1String("noteref"), Qt::CaseInsensitive) ||
        marks.contains(QLatin1String("endnote"), Qt::CaseInsensitive)) {
        return true;
    }
    xmlNode* parent = a->parent;
    if (!parent || tagOf(parent) != "sup")
        return false;
    return plainText(parent) == plainText(a) && plainText(a).size() <= 8;
}

/// The block a note's target belongs to: the target itself unless it is an anchor
/// inside one (Word: <p><a name="_ftn1">).
xmlNode* noteBlock(xmlNode* target) {
    for (xmlNode* n = target; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
        const QByteArray tag = tagOf(n);
        if (tag == "li" || tag == "p" || tag == "div" || tag == "aside" || tag == "section" ||
            tag == "dd")
            return n;
        if (tag == "body")
            break;
    }
    return nullptr;
}

bool containsNode(const xmlNode* ancestor, const xmlNode* node) {
    for (const xmlNode* n = node; n; n = n->parent) {
        if (n == ancestor)
            return true;
    }
    return false;
}

} // namespace

void Converter::findFootnotes(xmlNode* root) {
    QHash<QString, xmlNode*> ids;
    collectIds(root, ids);
    for (auto it = ids.constBegin(); it != ids.constEnd(); ++it)
        m_ids.insert(it.key());
    QList<xmlNode*> links;
    collectLinks(root, links);
    static const QRegularExpression simpleLabel(QStringLiteral("^[A-Za-z0-9_-]{1,20}$"));
    QSet<QString> labels;
    for (xmlNode* a : std::as_const(links)) {
        const QString href = attribute(a, "href").trimmed();
        if (!href.startsWith(QLatin1Char('#')) || href.size() < 2)
            continue;
        const QString id = href.mid(1);
        xmlNode* target = ids.value(id);
        if (!target || !looksLikeNoteReference(a))
            continue;
        // A note's link back to its reference (often marked like a reference) is not
        // one: its target is a reference, or it sits inside a note.
        if (m_noteBacklinks.contains(id) ||
            std::any_of(m_noteElements.begin(), m_noteElements.end(),
                        [a](const xmlNode* note) { return containsNode(note, a); }))
            continue;
        xmlNode* block = noteBlock(target);
        if (!block || isHeading(tagOf(block)) || containsNode(block, a))
            continue;
        if (!m_noteLabels.contains(id)) {
            QString label = plainText(a);
            label.remove(QLatin1Char('[')).remove(QLatin1Char(']'));
            if (!simpleLabel.match(label).hasMatch() || labels.contains(label))
                label = QString::number(m_noteLabels.size() + 1);
            labels.insert(label);
            m_noteLabels.insert(id, label);
            m_noteTargets.insert(id, block);
            m_noteElements.insert(block);
        }
        for (const xmlNode* n :
             {static_cast<const xmlNode*>(a), static_cast<const xmlNode*>(a->parent)}) {
            for (const char* name : {"id", "name"}) {
                const QString own = attribute(n, name);
                if (!own.isEmpty())
                    m_noteBacklinks.insert(own);
            }
        }
    }
}

/// `[^label]` for a note reference (the <a>, or the <sup> around it), else empty.
QString Converter::footnoteReference(xmlNode* node) {
    if (m_noteLabels.isEmpty())
        return {};
    xmlNode* a = node;
    if (tagOf(node) == "sup") {
        a = nullptr;
        for (xmlNode* child = node->children; child; child = child->next) {
            if (child->type == XML_ELEMENT_NODE) {
                if (a || tagOf(child) != "a")
                    return {};
                a = child;
            }
        }
        if (!a)
            return {};
    }
    const QString href = attribute(a, "href").trimmed();
    if (!href.startsWith(QLatin1Char('#')))
        return {};
    const QString id = href.mid(1);
    const auto label = m_noteLabels.constFind(id);
    if (label == m_noteLabels.constEnd() || !looksLikeNoteReference(a))
        return {};
    if (!m_noteOrder.contains(id))
        m_noteOrder.append(id);
    return QStringLiteral("[^") + *label + QLatin1Char(']');
}

QString Converter::footnoteDefinitions() {
    QStringList definitions;
    // A note may refer to another note: the list grows while it is written.
    for (qsizetype i = 0; i < m_noteOrder.size(); ++i) {
        const QString id = m_noteOrder.at(i);
        const QString text = renderBlocks(blocksOf(m_noteTargets.value(id)), false);
        QStringList lines = text.split(QLatin1Char('\n'));
        for (qsizetype l = 1; l < lines.size(); ++l) {
            if (!lines[l].isEmpty())
                lines[l] = QStringLiteral("    ") + lines[l];
        }
        definitions.append(QStringLiteral("[^") + m_noteLabels.value(id) + QStringLiteral("]: ") +
                           lines.join(QLatin1Char('\n')));
    }
    return definitions.join(QStringLiteral("\n\n"));
}

/// <details>, <dl> and <figure> with a caption: Markdown has no form for them, so
/// they stay HTML, with the Markdown of their content between blank lines (CommonMark
/// ends an HTML block at a blank line and reads what follows as Markdown again).
void Converter::appendRawHtmlBlock(xmlNode* element, const QByteArray& tag, QList<Block>& out) {
    QStringList parts;
    auto markdownOf = [this](xmlNode* node) { return renderBlocks(blocksOf(node), false); };
    if (tag == "details") {
        QString summary;
        for (xmlNode* child = element->children; child && summary.isEmpty(); child = child->next) {
            if (tagOf(child) == "summary")
                summary = plainText(child);
        }
        QString inner;
        {
            QList<Block> blocks;
            QString run;
            for (xmlNode* child = element->children; child; child = child->next) {
                if (tagOf(child) == "summary")
                    continue;
                if (child->type != XML_ELEMENT_NODE ||
                    (!blockTags().contains(tagOf(child)) && !containsBlock(child))) {
                    run += inlineNode(child);
                    continue;
                }
                appendParagraphs(run, blocks);
                run.clear();
                if (!isDropped(child, tagOf(child)) && !isEmptyParagraph(child))
                    appendBlockElement(child, tagOf(child), blocks);
            }
            appendParagraphs(run, blocks);
            inner = renderBlocks(blocks, false);
        }
        QString open = hasAttribute(element, "open") ? QStringLiteral("<details open>")
                                                     : QStringLiteral("<details>");
        if (!summary.isEmpty())
            open += QStringLiteral("\n<summary>") + summary.toHtmlEscaped() +
                    QStringLiteral("</summary>");
        parts.append(open);
        if (!inner.isEmpty())
            parts.append(inner);
        parts.append(QStringLiteral("</details>"));
    } else if (tag == "dl") {
        QString pending = QStringLiteral("<dl>");
        for (xmlNode* child = element->children; child; child = child->next) {
            const QByteArray childTag = tagOf(child);
            if (childTag == "dt") {
                const QString term = plainText(child);
                if (!term.isEmpty())
                    pending +=
                        QStringLiteral("\n<dt>") + term.toHtmlEscaped() + QStringLiteral("</dt>");
            } else if (childTag == "dd") {
                const QString definition = markdownOf(child);
                if (definition.isEmpty())
                    continue;
                parts.append(pending + QStringLiteral("\n<dd>"));
                parts.append(definition);
                pending = QStringLiteral("</dd>");
            }
        }
        parts.append(pending + QStringLiteral("\n</dl>"));
    } else {
        // Only the figure's own caption: a gallery is a figure of figures.
        xmlNode* caption = nullptr;
        for (xmlNode* child = element->children; child && !caption; child = child->next) {
            if (tagOf(child) == "figcaption")
                caption = child;
        }
        QList<Block> blocks;
        QString run;
        for (xmlNode* child = element->children; child; child = child->next) {
            if (child == caption)
                continue;
            if (child->type == XML_ELEMENT_NODE &&
                (blockTags().contains(tagOf(child)) || containsBlock(child))) {
                appendParagraphs(run, blocks);
                run.clear();
                if (!isDropped(child, tagOf(child)) && !isEmptyParagraph(child))
                    appendBlockElement(child, tagOf(child), blocks);
            } else {
                run += inlineNode(child);
            }
        }
        appendParagraphs(run, blocks);
        const QString inner = renderBlocks(blocks, false);
        const QString text = caption ? markdownOf(caption) : QString();
        if (text.isEmpty()) {
            out.append(blocks);
            return;
        }
        parts.append(QStringLiteral("<figure>"));
        if (!inner.isEmpty())
            parts.append(inner);
        parts.append(QStringLiteral("<figcaption>"));
        parts.append(text);
        parts.append(QStringLiteral("</figcaption>\n</figure>"));
    }
    const QString notice =
        QCoreApplication::translate("Import", "<%1> kept as HTML (Markdown has no form for it)")
            .arg(QString::fromLatin1(tag));
    if (!m_notices.contains(notice))
        m_notices.append(notice);
    out.append(Block{Block::Kind::Paragraph, parts.join(QStringLiteral("\n\n")), {}, 0, false, {}});
}

void Converter::chooseTitle(const QString& pageTitle, QList<Block>& blocks,
                            ConvertedDocument& doc) {
    qsizetype firstH1 = -1;
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        if (blocks.at(i).kind == Block::Kind::Heading && blocks.at(i).level == 1) {
            firstH1 = i;
            break;
        }
    }
    if (pageTitle.isEmpty()) {
        if (firstH1 >= 0) {
            doc.title = blocks.at(firstH1).plain;
            blocks.removeAt(firstH1);
        }
        return;
    }
    // "Headline | Site", "Site – Headline": the longest part is the headline.
    static const QRegularExpression separator(
        QStringLiteral("\\s+[|\u2013\u2014\u00B7\u00BB:\\-]+\\s+"));
    const QStringList parts = pageTitle.split(separator, Qt::SkipEmptyParts);
    QString headline = pageTitle;
    for (const QString& part : parts) {
        if (parts.size() > 1 && part.size() > headline.size() / 2 &&
            (headline == pageTitle || part.size() > headline.size()))
            headline = part;
    }
    auto same = [](const QString& a, const QString& b) {
        return a.compare(b, Qt::CaseInsensitive) == 0;
    };
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        const Block& b = blocks.at(i);
        if (b.kind != Block::Kind::Heading || b.level > 3)
            continue;
        if (same(b.plain, pageTitle) || same(b.plain, headline)) {
            doc.title = b.plain;
            blocks.removeAt(i);
            return;
        }
    }
    if (firstH1 >= 0) {
        const QString h1 = blocks.at(firstH1).plain;
        const bool siteName = parts.size() > 1 && !same(h1, headline) &&
                              std::any_of(parts.begin(), parts.end(),
                                          [&](const QString& part) { return same(part, h1); });
        if (!siteName) {
            doc.title = h1;
            blocks.removeAt(firstH1);
            return;
        }
        // The first heading is the site's name, as in the <title>: the rest of the
        // <title> is the headline.
        doc.title = headline;
        m_notices.append(QCoreApplication::translate(
                             "Import", "the title is \"%1\" from <title>; the heading \"%2\" is "
                                       "the site's name and was left out")
                             .arg(headline, h1));
        blocks.removeAt(firstH1);
        return;
    }
    doc.title = pageTitle;
}

} // namespace copydesk::html_import
