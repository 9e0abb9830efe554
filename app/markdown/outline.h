#pragma once

#include <QList>
#include <QString>

namespace copydesk {

/// One heading of an article, for the outline pane and the table of contents.
struct Heading final {
    int level = 1; ///< 1 to 6
    /// Plain text: emphasis, links and an attribute block ("{#id}") dropped, inline code
    /// and image descriptions kept (inline HTML is markup, a footnote reference only a
    /// number).
    QString text;
    int line = 0; ///< 1-based line in the Markdown source where the heading starts
    QString id;   ///< its anchor in the page (markdown/anchors.h)
    bool operator==(const Heading&) const = default;
};

/// The headings of `markdown` in document order, ATX and setext alike, including those
/// nested in block quotes and lists. Parsed like the preview (all GFM extensions), so
/// what looks like a heading there is one here.
QList<Heading> outline(const QString& markdown);

} // namespace copydesk
