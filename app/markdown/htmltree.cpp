#include "markdown/htmltree.h"

#include <QHash>

#include <algorithm>
#include <array>

namespace copydesk::markdown {

namespace {

/// The element's name as libxml2 stores it (lower case for HTML), without a copy.
QByteArray nameOf(const xmlNode* node) {
    if (!node->name)
        return {};
    const char* name = reinterpret_cast<const char*>(node->name);
    return QByteArray::fromRawData(name, qsizetype(qstrlen(name)));
}

/// Moves the children of `node` out to follow it, in their order; returns the last
/// node moved (or `node` when it had none).
xmlNode* moveChildrenAfter(xmlNode* node) {
    xmlNode* after = node;
    while (xmlNode* child = node->children) {
        xmlUnlinkNode(child);
        // xmlAddNextSibling merges adjacent text nodes: go on from what it returns.
        after = xmlAddNextSibling(after, child);
    }
    return after;
}

/// Nodes a reader does not see after an element: blank text, comments, processing
/// instructions.
bool isInsignificant(const xmlNode* node) {
    if (node->type == XML_TEXT_NODE) {
        for (const xmlChar* p = node->content; p && *p; ++p) {
            if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != '\f')
                return false;
        }
        return true;
    }
    return node->type != XML_ELEMENT_NODE && node->type != XML_CDATA_SECTION_NODE;
}

/// `from` or the nearest node before it that a reader sees, not going back to `stop`.
xmlNode* significantBack(xmlNode* from, const xmlNode* stop) {
    while (from && from != stop && isInsignificant(from))
        from = from->prev;
    return from == stop ? nullptr : from;
}

bool isAsciiAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// How many end tags of each of `names` `source` holds ("</name" followed by a space,
/// "/" or ">"). NUL bytes are skipped, so UTF-16 and UTF-32 text is read too. A tag
/// name inside a comment or a script counts as well: the element is then taken to be
/// closed, which is what libxml2 did anyway.
QHash<QByteArray, qsizetype> countEndTags(QByteArrayView source, const QSet<QByteArray>& names) {
    QHash<QByteArray, qsizetype> counts;
    const qsizetype size = source.size();
    const auto skipNul = [&source, size](qsizetype at) {
        while (at < size && source[at] == '\0')
            ++at;
        return at;
    };
    constexpr qsizetype kLongestName = 16;
    QByteArray name;
    qsizetype at = 0;
    while (at < size) {
        if (source[at] != '<') {
            ++at;
            continue;
        }
        at = skipNul(at + 1);
        if (at >= size || source[at] != '/')
            continue;
        at = skipNul(at + 1);
        name.clear();
        while (at < size && isAsciiAlnum(source[at]) && name.size() <= kLongestName) {
            name += char(source[at] | 0x20);
            at = skipNul(at + 1);
        }
        if (name.isEmpty() || name.size() > kLongestName)
            continue;
        const char next = at < size ? source[at] : '>';
        if ((next == ' ' || next == '\t' || next == '\n' || next == '\r' || next == '\f' ||
             next == '/' || next == '>') &&
            names.contains(name))
            ++counts[name];
    }
    return counts;
}

} // namespace

bool isVoidHtmlElement(QByteArrayView name) {
    static constexpr std::array<QByteArrayView, 15> kVoid{
        "area", "base", "br",     "col",   "embed",  "hr",    "img", "input",
        "link", "meta", "keygen", "param", "source", "track", "wbr"};
    return std::find(kVoid.begin(), kVoid.end(), name) != kVoid.end();
}

xmlNode* nextInDocument(xmlNode* node, const xmlNode* root, bool descend) {
    if (descend && node->children)
        return node->children;
    while (node && node != root && !node->next)
        node = node->parent;
    return (node && node != root) ? node->next : nullptr;
}

void mendHtmlTree(xmlNode* root, QByteArrayView source, const QSet<QByteArray>& containers) {
    if (!root)
        return;
    // Document order without a stack: void elements first, so that a container after
    // one is seen where a browser has it; containers are counted on the way.
    QHash<QByteArray, qsizetype> open;
    xmlNode* node = root;
    while (node) {
        if (node->type == XML_ELEMENT_NODE) {
            const QByteArray name = nameOf(node);
            if (node->children && isVoidHtmlElement(name))
                moveChildrenAfter(node);
            if (containers.contains(name))
                ++open[QByteArray(name.constData(), name.size())];
        }
        node = nextInDocument(node, root);
    }
    if (open.isEmpty())
        return;
    const QHash<QByteArray, qsizetype> closed = countEndTags(source, containers);
    bool unclosed = false;
    for (auto it = open.begin(); it != open.end(); ++it) {
        it.value() -= closed.value(it.key());
        unclosed = unclosed || it.value() > 0;
    }
    if (!unclosed)
        return;
    // What libxml2 closed at the end of the document lies on the path of last children
    // from the root. Each element on it that misses its end tag gives up its content,
    // which then ends the document, so the walk goes on inside that content.
    xmlNode* candidate = significantBack(root->last, nullptr);
    while (candidate && candidate->type == XML_ELEMENT_NODE) {
        const auto missing = open.find(nameOf(candidate));
        if (missing != open.end() && missing.value() > 0 && candidate->children) {
            --missing.value();
            xmlNode* end = moveChildrenAfter(candidate);
            candidate = significantBack(end, candidate);
            continue;
        }
        candidate = significantBack(candidate->last, nullptr);
    }
}

} // namespace copydesk::markdown
