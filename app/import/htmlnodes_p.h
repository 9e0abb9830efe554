#pragma once

// libxml2's tree as the HTML import reads it: element names, attributes, inline
// styles, text content and searches. Internal to app/import.

#include <QByteArray>
#include <QList>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

#include <libxml/tree.h>

namespace copydesk::html_import {

QString fromXml(const xmlChar* text);
/// The element's name in lower case; empty for anything that is not an element.
QByteArray tagOf(const xmlNode* node);
QString attribute(const xmlNode* node, const char* name);
bool hasAttribute(const xmlNode* node, const char* name);
/// The style attribute, lower case, without white space.
QString styleOf(const xmlNode* node);
/// The value of one CSS property in an inline style (already lower-cased, without
/// spaces), or an empty string.
QString cssValue(const QString& style, QLatin1String property);
/// Space-separated tokens (class names), lower case.
QStringList tokens(const QString& value);

/// Elements that are never content (scripts, forms, media, head).
const QSet<QByteArray>& droppedTags();
/// The dropped elements whose content libxml2 lets run to the end of the document
/// when their end tag is missing (markdown::mendHtmlTree()).
const QSet<QByteArray>& unclosedContainers();
/// Elements whose content forms blocks of their own.
const QSet<QByteArray>& blockTags();
/// Leftovers of Word's "downlevel-revealed" conditional comments, which the HTML
/// parser passes through as text.
const QRegularExpression& conditionalComment();

/// The text of `node`'s descendants, without dropped elements and Word's list
/// markers (mso-list:Ignore); <br> as a newline
/// when `breaksAsNewlines`.
QString textContent(const xmlNode* node, bool breaksAsNewlines);
/// textContent() with white space collapsed and conditional comments removed.
QString plainText(const xmlNode* node);
/// The first descendant element named `tag`, in document order.
xmlNode* findFirst(xmlNode* node, const char* tag);
/// The outermost descendants named `tag` (or with ARIA `role`), outside head,
/// scripts and styles.
void findAll(xmlNode* node, const QByteArray& tag, const QString& role, QList<xmlNode*>& found);
/// How deep elements nest below `root` (its children are at depth 1), found without
/// recursion, so that any tree can be measured.
int elementDepth(const xmlNode* root);

} // namespace copydesk::html_import
