#pragma once

// The HTML-to-Markdown converter's walk over libxml2's tree, split by what it
// handles: inline content (htmlinline.cpp), blocks and lists (htmlblocks.cpp), tables
// (htmltables.cpp) and what Word writes (htmlword.cpp). Internal to app/import.

#include "import/plaintextimport.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <libxml/tree.h>

namespace copydesk::html_import {

struct Block final {
    enum class Kind { Paragraph, Heading, List, Quote, Code, Table, Rule, WordListItem };
    Kind kind = Kind::Paragraph;
    QString text;  ///< Markdown
    QString plain; ///< headings: the text without markup
    int level = 0; ///< heading level; list level of a Word list paragraph
    bool ordered = false;
    /// Word list paragraphs: the list they belong to ("l0" of mso-list:l0 level1).
    QString group;
};

/// Walks libxml2's tree and writes Markdown. Inline content is gathered into "runs"
/// of Markdown text, which become paragraphs when a block element or the end of a
/// container is reached.
class Converter final {
public:
    /// `takeTitle`: whether the page's headline (<title>, the first <h1>) is the
    /// title; false for a fragment whose title is known (a WordPress post).
    ConvertedDocument convert(xmlDoc* doc, bool takeTitle = true);

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
    void findFootnotes(xmlNode* root);
    QString footnoteReference(xmlNode* node);
    QString footnoteDefinitions();
    void appendRawHtmlBlock(xmlNode* element, const QByteArray& tag, QList<Block>& out);
    void chooseTitle(const QString& pageTitle, QList<Block>& blocks, ConvertedDocument& doc);

    int m_bold = 0;
    int m_italic = 0;
    int m_strike = 0;
    int m_link = 0;
    bool m_singleLine = false;
    QHash<const xmlNode*, bool> m_containsBlock;
    /// Footnotes: the elements holding the notes (taken out of the text), the label of
    /// each by its id, the ids of the references (a note's link back to them is
    /// dropped), and the labels in the order the text first refers to them.
    QHash<QString, xmlNode*> m_noteTargets;
    QHash<QString, QString> m_noteLabels;
    QSet<QString> m_noteBacklinks;
    QSet<const xmlNode*> m_noteElements;
    QStringList m_noteOrder;
    /// Every id (and anchor name) in the page: a link to "#id" is kept when it is here.
    QSet<QString> m_ids;
    QStringList m_notices;
};

} // namespace copydesk::html_import
