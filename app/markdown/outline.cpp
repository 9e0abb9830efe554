#include "markdown/outline.h"

#include "markdown/document.h"

namespace copydesk {

QList<Heading> outline(const QString& markdown) {
    const markdown::Document document(markdown);
    const std::vector<markdown::Node>& nodes = document.nodes();
    QList<Heading> headings;
    for (size_t i = 0; i < nodes.size(); ++i) {
        const markdown::Node& node = nodes[i];
        if (node.kind != markdown::NodeKind::Heading)
            continue;
        // Inline HTML is markup, footnote references are only a number: neither is part
        // of the heading's words; an image's description is.
        headings.append(
            Heading{node.level, document.plainText(int(i), true).simplified(), node.startLine});
    }
    return headings;
}

} // namespace copydesk
