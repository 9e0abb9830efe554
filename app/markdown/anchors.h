#pragma once

#include <QLatin1StringView>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace copydesk::markdown {

class Document;

/// An attribute block at the end of a heading's text, as Hugo, Pandoc, kramdown and PHP
/// Markdown Extra read one: "## Results {#results .wide}". It is markup, not words:
/// the page shows the heading without it, and its id (when it names one) is the
/// heading's anchor. Only "#id", ".class" and "key=value" tokens make a block; anything
/// else in braces is text.
struct HeadingAttributes final {
    qsizetype start = 0; ///< where the block starts in the text, the spaces before it included
    QString id;          ///< empty when the block names no id
};

/// The attribute block that ends `text`, if there is one.
std::optional<HeadingAttributes> headingAttributes(QStringView text);

/// The anchor GitHub and Hugo give a heading whose plain text is `text`: lower case,
/// letters, marks, digits, "_" and "-" kept, each space a "-", everything else dropped
/// ("Language-Specific API & SDK" -> "language-specific-api--sdk"). Scripts other
/// than Latin stay as they are ("## 联合国" -> "联合国"). Empty when nothing is left.
QString headingSlug(QStringView text);

/// The id of the page template's element around the body (resources/templates, which
/// the preview and the export fill): no heading or raw HTML takes it.
inline constexpr QLatin1StringView kBodyElementId("copydesk-body");

/// One heading's anchor in a rendered page.
struct HeadingAnchor final {
    int node = 0; ///< the heading's index in Document::nodes()
    QString id;   ///< unique in the page
    QString text; ///< the heading's plain text, without its attribute block
    /// The UTF-16 length of the attribute block (and the spaces before it) that ends
    /// the heading's last text nodes; 0 when there is none.
    qsizetype attributesLength = 0;
};

/// Every heading's anchor, in document order: the id its attribute block names, else
/// its headingSlug() ("heading" when that is empty); an id taken already (by an earlier
/// heading, a footnote, or "copydesk-body", the page template's element around the
/// body) gets "-1", "-2"... as Hugo does, so that every id in the page is unique.
QList<HeadingAnchor> headingAnchors(const Document& document);

/// The ids headingAnchors() gives headings without attribute blocks whose plain texts
/// (as written, not simplified) are `texts`, in `document`: for the renderer, which
/// reads the texts off the parse tree without the walk Document::nodes() makes.
QStringList headingIds(const Document& document, const QStringList& texts);

/// The ids a rendered page of `document` has: its headings', its footnotes'
/// ("fn-LABEL", "fnref-LABEL") and "copydesk-body", for checking "#id" links.
QSet<QString> pageIds(const Document& document);

} // namespace copydesk::markdown
