#pragma once

// libxml2's HTML parser follows HTML 4: where HTML5 differs, the tree it builds can
// hide text that a browser shows. Both readers of HTML (the sanitiser here and the
// HTML import, which uses this module) mend the tree the same way before walking it.

#include <QByteArray>
#include <QByteArrayView>
#include <QSet>

#include <libxml/tree.h>

namespace copydesk::markdown {

/// Whether `name` (lower case) is an HTML5 void element: area, base, br, col, embed,
/// hr, img, input, keygen, link, meta, param, source, track, wbr.
bool isVoidHtmlElement(QByteArrayView name);

/// The node after `node` in document order below `root`: its first child unless
/// `descend` is false, else the next sibling of it or of its nearest ancestor that has
/// one; null at the end. Walks a tree of any depth without a stack.
xmlNode* nextInDocument(xmlNode* node, const xmlNode* root, bool descend = true);

/// Mends the tree libxml2 built from `source` (below `root`, its root element):
/// - a void element libxml2 does not know (wbr, embed, source, track, keygen) holds
///   what follows it up to its parent's end: that content is moved out to follow it;
/// - an element named in `containers` (lower case) without an end tag holds the rest
///   of the document, which libxml2 closes it at: as many of them as `source` lacks
///   end tags for, taken from the end of the document, have their content moved out to
///   follow them. `source` is the text libxml2 read, in any ASCII-compatible encoding,
///   UTF-16 or UTF-32 (end tags are matched ignoring NUL bytes).
/// A browser shows that content; a caller that drops what is inside such an element
/// would otherwise lose it. No recursion; linear in the size of the tree and `source`.
void mendHtmlTree(xmlNode* root, QByteArrayView source, const QSet<QByteArray>& containers);

} // namespace copydesk::markdown
