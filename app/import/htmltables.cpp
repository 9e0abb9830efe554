#include "import/htmlconverter_p.h"

#include "import/htmlnodes_p.h"
#include "import/htmltext_p.h"

#include <QHash>

#include <algorithm>

namespace copydesk::html_import {

/// A cell holding more than one paragraph, or a list, heading, quote or table, is
/// page layout, not data. (Word wraps every cell's text in a <p>.)
static bool isLayout(const QList<Block>& blocks) {
    return blocks.size() > 1 ||
           (blocks.size() == 1 && blocks.front().kind != Block::Kind::Paragraph);
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
    // Each cell's blocks are converted once and kept: converting a cell to decide
    // whether the table is layout and again to output it doubles the work at every
    // level of nested layout tables (a Word page nests a dozen), which is exponential.
    QHash<xmlNode*, QList<Block>> converted;
    bool layout = false;
    qsizetype columns = 0;
    for (xmlNode* row : rows) {
        QList<xmlNode*> rowCells;
        for (xmlNode* cell = row->children; cell; cell = cell->next) {
            const QByteArray tag = tagOf(cell);
            if ((tag != "td" && tag != "th") || isDropped(cell, tag))
                continue;
            rowCells.append(cell);
            if (containsBlock(cell)) {
                const auto it = converted.insert(cell, blocksOf(cell));
                layout = layout || isLayout(it.value());
            }
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
            for (xmlNode* cell : row) {
                if (const auto it = converted.constFind(cell); it != converted.constEnd())
                    out.append(it.value());
                else
                    appendBlocks(cell, out);
            }
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
            out.append(Block{Block::Kind::Paragraph, text, {}, 0, false, {}});
    }
    out.append(Block{Block::Kind::Table, lines.join(QLatin1Char('\n')), {}, 0, false, {}});
}

} // namespace copydesk::html_import
