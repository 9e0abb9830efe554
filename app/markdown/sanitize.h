#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

/// What the preview, the export and the publish path do to HTML that contains raw HTML
/// from the author (RenderOptions::rawHtml): nothing that runs script survives, whatever
/// the setting.
namespace copydesk::markdown {

/// Whether a browser following `url` (an href, a src, …, entities already decoded)
/// would run script or load an HTML document made from the URL itself: javascript:,
/// vbscript: and livescript:, and data: except PNG, GIF, JPEG and WebP images.
/// Browsers ignore ASCII tabs and line breaks anywhere in a URL and spaces and
/// controls around it, and schemes are case-insensitive: so does this.
bool isScriptUrl(QStringView url);

/// A URL of the reader's own machine or of an object of another page (file:, blob:,
/// filesystem:): nothing an article can mean to link to or show, and a way to read
/// local files where the preview allows it. Dropped by the renderer in every mode and
/// by the HTML import.
bool isLocalUrl(QStringView url);

/// `html` (a fragment, UTF-8) parsed as a browser would (libxml2's HTML parser) and
/// written out again without:
/// - the elements script, style, iframe, frame, frameset, object, embed, applet, base,
///   meta, link, template, noscript, noembed, noframes, xmp, plaintext, svg and math,
///   with their content (script, plug-ins, documents in documents, foreign content
///   whose parsing differs between parsers);
/// - event handler attributes (on…), srcdoc, namespaced attributes other than xml:lang;
/// - URL attributes (href, src, srcset, action, formaction, poster, cite, data,
///   background, …) holding a script URL (isScriptUrl()) or a local one (file:,
///   blob:, filesystem:);
/// - comments, processing instructions and doctypes;
/// - in style attributes, every declaration but those of plain formatting (color,
///   background-color, font-*, text-*, line-height, width, height, margin, padding,
///   border, float, clear, …) with a value of words, numbers, lengths, #hex colours,
///   commas, !important and rgb(), rgba(), hsl(), hsla(): no url(), expression(),
///   var() or other function, no backslash escape, comment, quote or colon; the
///   attribute goes when no declaration is left.
/// Before that the tree is mended (mendHtmlTree()): what follows a void element libxml2
/// does not know (wbr, embed, source, track, keygen) stays outside it, and one of the
/// dropped elements left without its end tag (an unclosed <object>, <template>, <svg>)
/// does not take the rest of the text with it.
/// An element with a target that opens a new browsing context (other than _self,
/// _parent, _top) gets rel="noopener noreferrer" (added to its own rel tokens).
/// Everything else is kept, written with every text and attribute escaped, so that the
/// browser builds the same tree from it. Linear in the size of `html`, any nesting depth.
QByteArray sanitizeHtml(QByteArrayView html);

} // namespace copydesk::markdown
