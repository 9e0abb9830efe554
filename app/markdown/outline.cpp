#include "markdown/outline.h"

#include "markdown/cmarkdocument_p.h"

namespace copydesk {

using namespace markdown_p;

namespace {

/// Plain text of the inline content of `heading`.
QString headingText(cmark_node* heading) {
    QString text;
    const IterPtr iter(cmark_iter_new(heading));
    for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
        if (event != CMARK_EVENT_ENTER)
            continue;
        cmark_node* node = cmark_iter_get_node(iter.get());
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            text += literal(node);
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            text += u' ';
            break;
        default:
            // Inline HTML is markup, footnote references are only a number: neither is
            // part of the heading's words. Containers (emphasis, links) contribute their
            // children's text.
            break;
        }
    }
    return text.simplified();
}

} // namespace

QList<Heading> outline(const QString& markdown) {
    const QByteArray utf8 = markdown.toUtf8();
    const CmarkDocument document(utf8);
    QList<Heading> headings;
    const IterPtr iter(cmark_iter_new(document.root()));
    for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
        cmark_node* node = cmark_iter_get_node(iter.get());
        if (event != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_HEADING)
            continue;
        headings.append(Heading{cmark_node_get_heading_level(node), headingText(node),
                                cmark_node_get_start_line(node)});
        // A heading holds only inlines; skip them here, headingText() has read them.
        cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT);
    }
    return headings;
}

} // namespace copydesk
