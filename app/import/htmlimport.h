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
/// The title is the first h1 (taken out of the body), else <title>. The summary,
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

} // namespace copydesk
