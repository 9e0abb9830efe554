#include "import/htmlconverter_p.h"

#include "import/htmlnodes_p.h"
#include "import/htmltext_p.h"

#include <QRegularExpression>

#include <algorithm>

namespace copydesk::html_import {

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

namespace {

/// The first element below `node` marked mso-list:Ignore (Word's bullet or number).
const xmlNode* findListMarker(const xmlNode* node) {
    for (const xmlNode* n = node->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (cssValue(styleOf(n), QLatin1String("mso-list")) == u"ignore")
            return n;
        if (const xmlNode* found = findListMarker(n))
            return found;
    }
    return nullptr;
}

} // namespace

/// Word's paragraphs that are not paragraphs: list items (a paragraph whose bullet or
/// number sits in a span marked mso-list:Ignore) and the document title (MsoTitle).
/// Returns false for an ordinary paragraph.
bool Converter::appendWordParagraph(xmlNode* element, QList<Block>& out) {
    const QString cls = attribute(element, "class");
    static const QRegularExpression wordList(QStringLiteral("mso-list:(l[0-9]+)level([0-9]+)"));
    const auto listMatch = wordList.match(styleOf(element));
    if (listMatch.hasMatch() && !containsBlock(element)) {
        // Word writes list items as paragraphs whose bullet or number sits in a
        // span marked mso-list:Ignore.
        Block item{Block::Kind::WordListItem,
                   paragraphText(element),
                   {},
                   listMatch.captured(2).toInt(),
                   false,
                   listMatch.captured(1)};
        static const QRegularExpression numbered(
            QStringLiteral("^\\(?([0-9]+|[A-Za-z]|[ivxlcdmIVXLCDM]+)[.)]"));
        // The marker span sits anywhere inside the paragraph: Word nests it in the
        // <span lang=...> of the run it belongs to.
        if (const xmlNode* marker = findListMarker(element))
            item.ordered = numbered.match(plainText(marker)).hasMatch();
        if (!item.text.isEmpty())
            out.append(item);
        return true;
    }
    if (cls.compare(QLatin1String("MsoTitle"), Qt::CaseInsensitive) == 0) {
        const QString text = singleLine(element);
        if (!text.isEmpty())
            out.append(Block{Block::Kind::Heading,
                             QStringLiteral("# ") + text,
                             plainText(element),
                             1,
                             false,
                             {}});
        return true;
    }
    return false;
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

} // namespace copydesk::html_import
