#pragma once

// The HTML-to-Markdown converter's walk over libxml2's tree, split by what it
// handles: inline content (htmlinline.cpp), blocks and lists (htmlblocks.cpp), tables
// (htmltables.cpp) and what Word writes (htmlword.cpp). Internal to app/import.

#include "import/plaintextimport.h"

#include <QHash>
#include <QList>
#include <QString>

#include <libxml/tree.h>

namespace copydesk::html_import {

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
    bool appendWordParagraph(xmlNode* element, QList<Block>& out);
    static QString renderBlocks(const QList<Block>& blocks, bool tight);
    static QString renderWordList(const QList<Block>& items);

    int m_bold = 0;
    int m_italic = 0;
    int m_strike = 0;
    int m_link = 0;
    bool m_singleLine = false;
    QHash<const xmlNode*, bool> m_containsBlock;
};

} // namespace copydesk::html_import
