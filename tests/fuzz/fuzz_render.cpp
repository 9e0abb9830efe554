// Any UTF-8 text through the renderer (safe and raw HTML), the outline and the
// statistics: everything the preview derives from a keystroke. The bytes also go
// straight to the sanitiser as HTML, and what it writes is parsed again: an element or
// attribute that runs script, or a style that loads a URL, there is a finding (abort).
#include "markdown/htmltree.h"
#include "markdown/outline.h"
#include "markdown/render.h"
#include "markdown/sanitize.h"
#include "markdown/statistics.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace copydesk;

namespace {

bool nameIs(const xmlChar* name, const char* expected) {
    return name && xmlStrcasecmp(name, reinterpret_cast<const xmlChar*>(expected)) == 0;
}

[[noreturn]] void finding(const char* what, const QByteArray& html) {
    std::fprintf(stderr, "sanitiser let through %s:\n%s\n", what, html.constData());
    std::abort();
}

/// No escape, comment, quote or function other than the colour functions.
bool isPlainCss(const QString& style) {
    if (style.contains(u'\\') || style.contains(u'/') || style.contains(u'"') ||
        style.contains(u'\''))
        return false;
    for (qsizetype at = style.indexOf(u'('); at >= 0; at = style.indexOf(u'(', at + 1)) {
        qsizetype from = at;
        while (from > 0 && style[from - 1].isLetter())
            --from;
        const QString function = style.mid(from, at - from).toLower();
        if (function != u"rgb" && function != u"rgba" && function != u"hsl" && function != u"hsla")
            return false;
    }
    return true;
}

/// Parses `html` as the browser side would and aborts on what must not be there.
void checkSanitized(const QByteArray& html) {
    const QByteArray input = QByteArrayLiteral("<body>") + html;
    xmlDoc* doc = htmlReadMemory(input.constData(), int(std::min<qsizetype>(input.size(), INT_MAX)),
                                 nullptr, "UTF-8",
                                 HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                     HTML_PARSE_NONET | XML_PARSE_HUGE);
    if (!doc)
        return;
    xmlNode* root = xmlDocGetRootElement(doc);
    xmlNode* node = root;
    while (node) {
        if (node->type == XML_ELEMENT_NODE) {
            for (const char* bad : {"script", "iframe", "object", "embed", "svg", "math", "style",
                                    "base", "meta", "link", "frame", "applet"}) {
                if (nameIs(node->name, bad))
                    finding(bad, html);
            }
            for (xmlAttr* attr = node->properties; attr; attr = attr->next) {
                const char* name = reinterpret_cast<const char*>(attr->name);
                if ((name[0] == 'o' || name[0] == 'O') && (name[1] == 'n' || name[1] == 'N'))
                    finding("an event handler", html);
                xmlChar* raw = xmlNodeListGetString(doc, attr->children, 1);
                const QString value =
                    raw ? QString::fromUtf8(reinterpret_cast<const char*>(raw)) : QString();
                xmlFree(raw);
                if (markdown::isScriptUrl(value) &&
                    (nameIs(attr->name, "href") || nameIs(attr->name, "src") ||
                     nameIs(attr->name, "action") || nameIs(attr->name, "formaction")))
                    finding("a script URL", html);
                if (nameIs(attr->name, "style") && !isPlainCss(value))
                    finding("CSS beyond plain formatting", html);
            }
        }
        node = markdown::nextInDocument(node, root);
    }
    xmlFreeDoc(doc);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const QString text = QString::fromUtf8(bytes);
    (void)renderHtml(text);
    RenderOptions raw;
    raw.rawHtml = true;
    checkSanitized(renderHtml(text, raw).toUtf8());
    raw.extensions.removeAll(QStringLiteral("tagfilter"));
    checkSanitized(renderHtml(text, raw).toUtf8());
    checkSanitized(markdown::sanitizeHtml(text.toUtf8()));
    (void)outline(text);
    (void)statistics(text, QStringLiteral("en"));
    return 0;
}
