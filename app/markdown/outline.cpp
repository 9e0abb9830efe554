#include "markdown/outline.h"

#include "markdown/anchors.h"
#include "markdown/document.h"

namespace copydesk {

QList<Heading> outline(const QString& markdown) {
    const markdown::Document document(markdown);
    QList<Heading> headings;
    for (const markdown::HeadingAnchor& anchor : markdown::headingAnchors(document)) {
        const markdown::Node& node = document.nodes()[size_t(anchor.node)];
        headings.append(Heading{node.level, anchor.text, node.startLine, anchor.id});
    }
    return headings;
}

} // namespace copydesk
