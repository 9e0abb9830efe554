#pragma once

#include "common/result.h"
#include "import/plaintextimport.h"

#include <QByteArray>
#include <QString>

namespace copydesk {

/// How deep HTML elements may nest for htmlToMarkdown().
inline constexpr int kMaxHtmlDepth = 1000;

/// HTML as found in the wild (Word's "Save as Web Page", Google Docs, CMS exports,
/// old hand-made web pages) to Markdown, with libxml2's forgiving HTML parser.
///
/// Converts h1-h6, p, br, strong/b, em/i (and the equivalent inline styles that Word
/// and Google Docs write), s/del, code, a, img, nested ul/ol/li, Word's list
/// paragraphs, blockquote, pre, tables (GFM tables; layout tables are unwrapped) and
/// hr. Drops head, scripts, styles, forms, navigation (nav, aside, ARIA landmarks
/// and the usual nav/menu/sidebar/footer classes) and hidden elements. When the page
/// has a single <main> or <article>, only that is converted.
///
/// The title is the page's headline, taken out of the body: the heading that <title>
/// names (whole, or its longest part: "Headline | Site"), else the first h1 unless
/// <title> shows it to be the site's name, else <title>. Footnotes (a <sup> link, or
/// one marked as a note reference, to an element of the page) become GFM footnotes;
/// sup and sub stay inline HTML; details, dl and figure with a figcaption stay HTML
/// blocks around Markdown (reported in the notices); a link within the page is kept
/// when its target is there, else its text is kept and the link reported. The summary,
/// byline and language come from <meta name="description">, <meta name="author">
/// and <html lang>.
///
/// A page whose elements nest deeper than kMaxHtmlDepth is refused with a message
/// (real pages nest a few dozen levels); no text is ever dropped silently. Bytes
/// beyond kMaxTextBytes are refused too.
///
/// The bytes must be UTF-8 unless a <meta charset> (or http-equiv Content-Type)
/// names another encoding, which is then converted.
Result<ConvertedDocument> htmlToMarkdown(const QByteArray& bytes, const QString& fileName);

/// The body of a page whose title is known (a WordPress post): htmlToMarkdown() of
/// `html` as the content of <body>, UTF-8, with every heading kept in the body.
Result<ConvertedDocument> htmlFragmentToMarkdown(const QString& html, const QString& fileName);

} // namespace copydesk
