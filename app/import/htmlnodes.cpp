#include "import/htmlnodes_p.h"

namespace copydesk::html_import {

QString fromXml(const xmlChar* text) {
    return text ? QString::fromUtf8(reinterpret_cast<const char*>(text)) : QString();
}

QByteArray tagOf(const xmlNode* node) {
    if (node->type != XML_ELEMENT_NODE || !node->name)
        return {};
    return QByteArray(reinterpret_cast<const char*>(node->name)).toLower();
}

QString attribute(const xmlNode* node, const char* name) {
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    if (!value)
        return {};
    QString result = fromXml(value);
    xmlFree(value);
    return result;
}

bool hasAttribute(const xmlNode* node, const char* name) {
    return xmlHasProp(node, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

QString styleOf(const xmlNode* node) {
    // Word wraps long style attributes, also inside a declaration
    // ("mso-list:\nIgnore"): every white space goes, not only spaces.
    QString style = attribute(node, "style").toLower();
    style.removeIf([](QChar c) { return c.isSpace(); });
    return style;
}

/// The value of one CSS property in an inline style (already lower-cased, without
/// spaces), or an empty string.
QString cssValue(const QString& style, QLatin1String property) {
    qsizetype from = 0;
    while (true) {
        const qsizetype at = style.indexOf(property + QLatin1Char(':'), from);
        if (at < 0)
            return {};
        // Match whole property names only ("font-weight", not "x-font-weight").
        if (at == 0 || style.at(at - 1) == QLatin1Char(';')) {
            const qsizetype start = at + property.size() + 1;
            const qsizetype end = style.indexOf(QLatin1Char(';'), start);
            return style.mid(start, end < 0 ? -1 : end - start);
        }
        from = at + 1;
    }
}

QStringList tokens(const QString& value) {
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return value.toLower().split(space, Qt::SkipEmptyParts);
}

const QSet<QByteArray>& droppedTags() {
    static const QSet<QByteArray> tags{
        "head",     "script",   "style",  "noscript", "template", "nav",      "aside",  "iframe",
        "frame",    "frameset", "object", "embed",    "applet",   "svg",      "math",   "canvas",
        "audio",    "video",    "button", "select",   "input",    "textarea", "option", "optgroup",
        "datalist", "map",      "area",   "link",     "meta",     "title",    "base",   "dialog",
        "xml",      "param",    "source", "track"};
    return tags;
}

const QSet<QByteArray>& unclosedContainers() {
    // droppedTags() without the void elements, head and title (libxml2 places those
    // itself) and script and style (text up to their end tag, as in a browser).
    static const QSet<QByteArray> tags{
        "noscript", "template", "nav",      "aside", "iframe", "frameset", "object", "applet",
        "svg",      "math",     "canvas",   "audio", "video",  "button",   "select", "textarea",
        "option",   "optgroup", "datalist", "map",   "dialog", "xml"};
    return tags;
}

/// Elements whose content forms blocks of their own.
const QSet<QByteArray>& blockTags() {
    static const QSet<QByteArray> tags{
        "html",    "body",     "div",    "section",   "article",    "main",     "header",
        "footer",  "address",  "center", "figure",    "figcaption", "fieldset", "details",
        "summary", "hgroup",   "form",   "dl",        "dt",         "dd",       "li",
        "td",      "th",       "tr",     "tbody",     "thead",      "tfoot",    "caption",
        "legend",  "noframes", "p",      "h1",        "h2",         "h3",       "h4",
        "h5",      "h6",       "ul",     "ol",        "dir",        "menu",     "blockquote",
        "pre",     "listing",  "xmp",    "plaintext", "table",      "hr"};
    return tags;
}

const QRegularExpression& conditionalComment() {
    static const QRegularExpression re(QStringLiteral("<!\\[(?:if[^\\]]*|endif)\\]>"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

QString textContent(const xmlNode* node, bool breaksAsNewlines) {
    QString out;
    for (const xmlNode* child = node->children; child; child = child->next) {
        if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
            out += fromXml(child->content);
        else if (child->type == XML_ELEMENT_NODE && breaksAsNewlines && tagOf(child) == "br")
            out += QLatin1Char('\n');
        else if (child->type == XML_ELEMENT_NODE && !droppedTags().contains(tagOf(child)) &&
                 // Word's list number or bullet is not text of the paragraph.
                 cssValue(styleOf(child), QLatin1String("mso-list")) != u"ignore")
            out += textContent(child, breaksAsNewlines);
    }
    return out;
}

QString plainText(const xmlNode* node) {
    QString text = textContent(node, false);
    text.remove(conditionalComment());
    return text.simplified();
}

xmlNode* findFirst(xmlNode* node, const char* tag) {
    for (xmlNode* child = node ? node->children : nullptr; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        if (tagOf(child) == tag)
            return child;
        if (xmlNode* found = findFirst(child, tag))
            return found;
    }
    return nullptr;
}

void findAll(xmlNode* node, const QByteArray& tag, const QString& role, QList<xmlNode*>& found) {
    for (xmlNode* child = node->children; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        const QByteArray t = tagOf(child);
        if (t == "head" || t == "script" || t == "style")
            continue;
        if (t == tag || (!role.isEmpty() && attribute(child, "role").toLower() == role))
            found.append(child);
        else
            findAll(child, tag, role, found);
    }
}

int elementDepth(const xmlNode* root) {
    int depth = 0;
    int deepest = 0;
    const xmlNode* node = root ? root->children : nullptr;
    if (node)
        depth = 1;
    while (node) {
        if (node->type == XML_ELEMENT_NODE && depth > deepest)
            deepest = depth;
        if (node->children) {
            node = node->children;
            ++depth;
            continue;
        }
        while (node && !node->next && node != root) {
            node = node->parent;
            --depth;
        }
        if (!node || node == root)
            break;
        node = node->next;
    }
    return deepest;
}

} // namespace copydesk::html_import
