#include "markdown/sanitize.h"

#include "markdown/anchors.h"
#include "markdown/htmltree.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <memory>
#include <mutex>
#include <string_view>

namespace copydesk::markdown {

namespace {

struct DocDeleter {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

std::string_view nameOf(const xmlChar* name) {
    return name ? std::string_view(reinterpret_cast<const char*>(name)) : std::string_view();
}

bool isOneOf(std::string_view name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

/// Elements dropped with everything in them.
bool isDroppedElement(std::string_view name) {
    return isOneOf(name, {"script", "style", "iframe", "frame", "frameset", "object", "embed",
                          "applet", "base", "meta", "link", "template", "noscript", "noembed",
                          "noframes", "xmp", "plaintext", "svg", "math"});
}

/// Elements dropped with their content that libxml2 lets hold the rest of the document
/// when their end tag is missing (mendHtmlTree()). Not script and style: libxml2 reads
/// those as text up to their end tag, as a browser does.
const QSet<QByteArray>& unclosedContainers() {
    static const QSet<QByteArray> names{"iframe",   "frameset",  "object",  "applet",
                                        "template", "noscript",  "noembed", "noframes",
                                        "xmp",      "plaintext", "svg",     "math"};
    return names;
}

/// Attributes that hold a URL a browser may follow or load.
bool isUrlAttribute(std::string_view name) {
    return isOneOf(name, {"href", "src", "action", "formaction", "poster", "cite", "data",
                          "background", "codebase", "longdesc", "lowsrc", "dynsrc", "usemap",
                          "ping", "manifest", "icon", "archive", "classid", "profile"});
}

QString lower(std::string_view name) {
    return QString::fromUtf8(name.data(), qsizetype(name.size())).toLower();
}

/// The scheme of `url` in lower case as a browser reads it (spaces and C0 controls
/// around it trimmed, tabs and line breaks removed), or empty for a relative URL.
QString urlScheme(QStringView url) {
    QString clean;
    qsizetype from = 0;
    qsizetype to = url.size();
    while (from < to && url[from].unicode() <= 0x20)
        ++from;
    while (to > from && url[to - 1].unicode() <= 0x20)
        --to;
    for (qsizetype i = from; i < to && clean.size() < 64; ++i) {
        const QChar c = url[i];
        if (c == u'\t' || c == u'\n' || c == u'\r')
            continue;
        if (c == u':')
            return clean;
        const char16_t u = c.toLower().unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'+' || u == u'-' ||
              u == u'.'))
            return {};
        clean += QChar(u);
    }
    return {};
}

} // namespace

bool isLocalUrl(QStringView url) {
    const QString scheme = urlScheme(url);
    return scheme == u"file" || scheme == u"blob" || scheme == u"filesystem";
}

namespace {

bool dangerousUrl(QStringView url) {
    return isScriptUrl(url) || isLocalUrl(url);
}

bool dangerousAttribute(const QString& name, const QString& value) {
    if (name.startsWith(u"on") || name == u"srcdoc")
        return true;
    if (name.contains(u':') && name != u"xml:lang")
        return true;
    if (name == u"srcset" || name == u"imagesrcset") {
        // "url 1x, url 2x": each candidate is a URL followed by a descriptor.
        for (const QString& candidate : value.split(u',')) {
            const QString url = candidate.trimmed().section(u' ', 0, 0);
            if (dangerousUrl(url))
                return true;
        }
        return false;
    }
    return isUrlAttribute(name.toStdString()) && dangerousUrl(value);
}

/// A target that opens a new browsing context, which gets a handle on the page that
/// opened it (window.opener) unless rel says noopener.
bool opensNewContext(const QString& target) {
    const QString t = target.trimmed().toLower();
    return !t.isEmpty() && t != u"_self" && t != u"_parent" && t != u"_top";
}

/// Properties a style attribute may set: text and box formatting that stays inside
/// the element. Not position, display, content, transform, cursor and the like, with
/// which raw HTML could lay itself over the page around it.
bool isAllowedStyleProperty(QStringView property) {
    static const QSet<QString> properties{
        QStringLiteral("color"),           QStringLiteral("background-color"),
        QStringLiteral("font-family"),     QStringLiteral("font-size"),
        QStringLiteral("font-style"),      QStringLiteral("font-variant"),
        QStringLiteral("font-weight"),     QStringLiteral("letter-spacing"),
        QStringLiteral("line-height"),     QStringLiteral("text-align"),
        QStringLiteral("text-decoration"), QStringLiteral("text-indent"),
        QStringLiteral("text-transform"),  QStringLiteral("vertical-align"),
        QStringLiteral("white-space"),     QStringLiteral("word-spacing"),
        QStringLiteral("direction"),       QStringLiteral("width"),
        QStringLiteral("height"),          QStringLiteral("max-width"),
        QStringLiteral("min-width"),       QStringLiteral("max-height"),
        QStringLiteral("min-height"),      QStringLiteral("margin"),
        QStringLiteral("margin-top"),      QStringLiteral("margin-right"),
        QStringLiteral("margin-bottom"),   QStringLiteral("margin-left"),
        QStringLiteral("padding"),         QStringLiteral("padding-top"),
        QStringLiteral("padding-right"),   QStringLiteral("padding-bottom"),
        QStringLiteral("padding-left"),    QStringLiteral("border"),
        QStringLiteral("border-top"),      QStringLiteral("border-right"),
        QStringLiteral("border-bottom"),   QStringLiteral("border-left"),
        QStringLiteral("border-color"),    QStringLiteral("border-style"),
        QStringLiteral("border-width"),    QStringLiteral("border-collapse"),
        QStringLiteral("border-spacing"),  QStringLiteral("float"),
        QStringLiteral("clear"),           QStringLiteral("list-style-type")};
    return properties.contains(property.toString());
}

/// Whether a declaration's value is only words, numbers, lengths, percentages, #hex
/// colours, commas, !important and the colour functions rgb(), rgba(), hsl(), hsla().
/// Without backslashes, slashes, quotes and colons no escape or comment can spell
/// another function (u\72l(, u/**/rl(), and without other functions no url(),
/// image-set(), expression() or var() loads or computes anything.
bool isPlainStyleValue(QStringView value) {
    static const QSet<QString> functions{QStringLiteral("rgb"), QStringLiteral("rgba"),
                                         QStringLiteral("hsl"), QStringLiteral("hsla")};
    qsizetype word = 0; // where the current run of letters, digits and '-' began
    bool inFunction = false;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value[i];
        const char16_t u = c.unicode();
        const bool ascii = u < 0x80;
        if ((ascii && ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                       u == '-' || u == '_')) ||
            (!ascii && c.isLetterOrNumber()))
            continue;
        if (u == '(') {
            if (inFunction ||
                !functions.contains(value.sliced(word, i - word).toString().toLower()))
                return false;
            inFunction = true;
        } else if (u == ')') {
            if (!inFunction)
                return false;
            inFunction = false;
        } else if (u != ' ' && u != '\t' && u != '\n' && u != '\r' && u != '#' && u != '%' &&
                   u != '.' && u != ',' && u != '!') {
            return false;
        }
        word = i + 1;
    }
    return !inFunction;
}

/// The declarations of a style attribute that isAllowedStyleProperty() and
/// isPlainStyleValue() accept, "property: value" joined by "; "; empty when none is.
QString sanitizedStyle(const QString& style) {
    QStringList kept;
    for (const QString& declaration : style.split(u';')) {
        const qsizetype colon = declaration.indexOf(u':');
        if (colon < 0)
            continue;
        const QString property = declaration.first(colon).trimmed().toLower();
        const QString value = declaration.sliced(colon + 1).trimmed();
        if (!value.isEmpty() && isAllowedStyleProperty(property) && isPlainStyleValue(value))
            kept.append(property + QStringLiteral(": ") + value);
    }
    return kept.join(QStringLiteral("; "));
}

void appendEscaped(QByteArray& out, const xmlChar* text, bool attribute) {
    if (!text)
        return;
    for (const char* p = reinterpret_cast<const char*>(text); *p; ++p) {
        switch (*p) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            if (attribute) {
                out += "&quot;";
                break;
            }
            out += '"';
            break;
        default:
            out += *p;
            break;
        }
    }
}

/// `ids`: the id attributes written so far. An id a page has already (a heading's, or
/// the page template's copydesk-body) is dropped: ids are unique in a page, and a link
/// to one goes to its first element.
void writeStartTag(QByteArray& out, xmlNode* element, QSet<QString>& ids) {
    const std::string_view name = nameOf(element->name);
    out += '<';
    out.append(name.data(), qsizetype(name.size()));
    // rel is written last, with noopener and noreferrer added when a target opens a
    // new window or tab.
    bool newContext = false;
    QStringList rel;
    for (xmlAttr* attr = element->properties; attr; attr = attr->next) {
        const QString attrName = lower(nameOf(attr->name));
        xmlChar* raw = xmlNodeListGetString(element->doc, attr->children, 1);
        const QString value =
            raw ? QString::fromUtf8(reinterpret_cast<const char*>(raw)) : QString();
        if (attrName == u"target")
            newContext = newContext || opensNewContext(value);
        if (attrName == u"rel") {
            rel = value.simplified().split(u' ', Qt::SkipEmptyParts);
            xmlFree(raw);
            continue;
        }
        if (attrName == u"id") {
            const bool taken = value.isEmpty() || value == kBodyElementId || ids.contains(value);
            ids.insert(value);
            if (taken) {
                xmlFree(raw);
                continue;
            }
        }
        if (attrName == u"style") {
            // CSS can load URLs and, in old engines, run script: only plain formatting
            // is kept, and no style attribute at all when none is left.
            const QByteArray style = sanitizedStyle(value).toUtf8();
            if (!style.isEmpty()) {
                out += " style=\"";
                appendEscaped(out, reinterpret_cast<const xmlChar*>(style.constData()), true);
                out += '"';
            }
        } else if (!dangerousAttribute(attrName, value)) {
            out += ' ';
            out += attrName.toUtf8();
            // HTML boolean attributes (checked, disabled) come back without a value.
            if (raw || attr->children) {
                out += "=\"";
                appendEscaped(out, raw, true);
                out += '"';
            }
        }
        xmlFree(raw);
    }
    if (newContext) {
        for (const auto* token : {"noopener", "noreferrer"}) {
            if (!rel.contains(QLatin1String(token), Qt::CaseInsensitive))
                rel.append(QLatin1String(token));
        }
    }
    if (!rel.isEmpty()) {
        const QByteArray value = rel.join(u' ').toUtf8();
        out += " rel=\"";
        appendEscaped(out, reinterpret_cast<const xmlChar*>(value.constData()), true);
        out += '"';
    }
    out += '>';
}

/// Writes the children of `parent`, depth first without recursion.
void writeChildren(QByteArray& out, xmlNode* parent) {
    QSet<QString> ids;
    xmlNode* node = parent->children;
    while (node) {
        bool descend = false;
        switch (node->type) {
        case XML_ELEMENT_NODE: {
            const std::string_view name = nameOf(node->name);
            if (isDroppedElement(name))
                break;
            writeStartTag(out, node, ids);
            if (isVoidHtmlElement(QByteArrayView(name.data(), qsizetype(name.size()))))
                break;
            // A browser drops the first line break after <pre>, <textarea> and <listing>.
            if (isOneOf(name, {"pre", "textarea", "listing"}) && node->children &&
                node->children->type == XML_TEXT_NODE && node->children->content &&
                node->children->content[0] == '\n')
                out += '\n';
            if (node->children) {
                descend = true;
            } else {
                out += "</";
                out.append(name.data(), qsizetype(name.size()));
                out += '>';
            }
            break;
        }
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
            appendEscaped(out, node->content, false);
            break;
        default:
            // Comments, processing instructions, doctypes: nothing a reader sees, and
            // comments are where parsers disagree most ("<!-->").
            break;
        }
        if (descend) {
            node = node->children;
            continue;
        }
        // Next sibling, or up to the nearest ancestor that has one, closing elements.
        while (node && node != parent && !node->next) {
            node = node->parent;
            if (node && node != parent && node->type == XML_ELEMENT_NODE) {
                const std::string_view name = nameOf(node->name);
                out += "</";
                out.append(name.data(), qsizetype(name.size()));
                out += '>';
            }
        }
        if (!node || node == parent)
            break;
        node = node->next;
    }
}

xmlNode* findBody(xmlNode* root) {
    for (xmlNode* n = root; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (nameOf(n->name) == "body")
            return n;
        if (nameOf(n->name) == "html") {
            if (xmlNode* body = findBody(n->children))
                return body;
        }
    }
    return nullptr;
}

} // namespace

bool isScriptUrl(QStringView url) {
    // What the URL parser of a browser does first: trim spaces and C0 controls, remove
    // tabs and line breaks everywhere.
    QString clean;
    clean.reserve(std::min<qsizetype>(url.size(), 64));
    qsizetype from = 0;
    qsizetype to = url.size();
    while (from < to && url[from].unicode() <= 0x20)
        ++from;
    while (to > from && url[to - 1].unicode() <= 0x20)
        --to;
    for (qsizetype i = from; i < to && clean.size() < 64; ++i) {
        const QChar c = url[i];
        if (c == u'\t' || c == u'\n' || c == u'\r')
            continue;
        clean += c.toLower();
    }
    const qsizetype colon = clean.indexOf(u':');
    if (colon < 0)
        return false;
    const QStringView scheme = QStringView(clean).first(colon);
    if (scheme == u"javascript" || scheme == u"vbscript" || scheme == u"livescript")
        return true;
    if (scheme != u"data")
        return false;
    static constexpr std::u16string_view kImages[] = {u"data:image/png", u"data:image/gif",
                                                      u"data:image/jpeg", u"data:image/webp"};
    return std::none_of(std::begin(kImages), std::end(kImages),
                        [&clean](std::u16string_view image) {
                            return QStringView(clean).startsWith(
                                QStringView(image.data(), qsizetype(image.size())));
                        });
}

QByteArray sanitizeHtml(QByteArrayView html) {
    static std::once_flag init;
    std::call_once(init, [] { xmlInitParser(); });
    QByteArray out;
    if (html.isEmpty())
        return out;
    // XML_PARSE_HUGE lifts libxml2's nesting limit of 256, which would otherwise drop
    // the content of a deep block quote.
    const int flags = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_NONET | HTML_PARSE_NODEFDTD | XML_PARSE_HUGE;
    // An explicit <body> first: text before any element would otherwise get an implied
    // <p> around it.
    const QByteArray input = QByteArrayLiteral("<body>") + html.toByteArray();
    const std::unique_ptr<xmlDoc, DocDeleter> doc(
        htmlReadMemory(input.constData(), int(std::min<qsizetype>(input.size(), INT_MAX)), nullptr,
                       "UTF-8", flags));
    if (!doc)
        return out;
    out.reserve(html.size() + html.size() / 16);
    xmlNode* root = xmlDocGetRootElement(doc.get());
    mendHtmlTree(root, input, unclosedContainers());
    if (xmlNode* body = findBody(root)) {
        writeChildren(out, body);
    }
    // A fragment that is only a head element's content (rare: "<title>") has no body;
    // nothing of it is shown.
    return out;
}

} // namespace copydesk::markdown
