#include "import/htmlconverter_p.h"

#include "import/htmlnodes_p.h"
#include "import/htmltext_p.h"
#include "markdown/markdownescape.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace copydesk::html_import {

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

    if (tag == "sup" || tag == "a") {
        if (const QString note = footnoteReference(node); !note.isEmpty())
            return note;
    }
    if (tag == "sup" || tag == "sub") {
        // Markdown has no form for them: inline HTML, with Markdown inside.
        const QString inner = inlineChildren(node);
        if (trimSpaces(inner).isEmpty())
            return inner;
        const QString name = QString::fromLatin1(tag);
        return QLatin1Char('<') + name + QLatin1Char('>') + inner + QStringLiteral("</") + name +
               QLatin1Char('>');
    }
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
        const QString alt =
            markdown_escape::escapeInline(collapseSpaces(attribute(node, "alt").simplified()));
        if (src.isEmpty() || !isSafeUrl(src, true)) {
            // The picture cannot come along; what it said does, as text. Either way the
            // notices say so: a Word paste of a picture alone must not vanish unsaid.
            if (!src.isEmpty()) {
                const QString notice =
                    alt.isEmpty()
                        ? QCoreApplication::translate("Import", "an image without text has an "
                                                                "address that is left out (%1)")
                              .arg(src.left(40))
                        : QCoreApplication::translate("Import", "the image \"%1\" has an "
                                                                "address that is left out (%2); "
                                                                "its text is kept")
                              .arg(attribute(node, "alt").simplified(), src.left(40));
                if (!m_notices.contains(notice))
                    m_notices.append(notice);
            }
            return alt;
        }
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
        // A note's link back to its reference goes with the reference.
        if (href.startsWith(QLatin1Char('#')) && m_noteBacklinks.contains(href.mid(1)))
            return {};
        // A link within the page is kept when its target is there; "#" and a missing
        // target lead nowhere, so the text stays and the import says so.
        if (href.startsWith(QLatin1Char('#')) && !m_ids.contains(href.mid(1))) {
            if (!trimSpaces(inner).isEmpty()) {
                const QString notice =
                    QCoreApplication::translate(
                        "Import",
                        "the link \"%1\" to %2 leads nowhere in the page; its text is kept")
                        .arg(plainText(node), href);
                if (!m_notices.contains(notice))
                    m_notices.append(notice);
            }
            return inner;
        }
        // A link that would run code keeps its text only.
        if (href.isEmpty() || !isSafeUrl(href, false))
            return inner;
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

} // namespace copydesk::html_import
