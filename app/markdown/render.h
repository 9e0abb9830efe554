#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <functional>

namespace copydesk {

namespace markdown {
class Document;
struct ParseOptions;
} // namespace markdown

/// How Markdown becomes HTML. The defaults are the preview's and the export's: GitHub
/// Flavored Markdown with every extension, raw HTML escaped, source positions on.
struct RenderOptions final {
    /// Pass the author's raw HTML through, sanitised (markdown::sanitizeHtml()): no
    /// element, attribute or URL that runs script survives, whatever this setting. Off
    /// by default because articles are pasted from e-mails and old web pages: then raw
    /// HTML is left out and cmark-gfm blanks javascript:, vbscript:, file: and data:
    /// destinations other than images.
    bool rawHtml = false;
    /// For the CommonMark/GFM conformance tests only: with rawHtml, the HTML exactly as
    /// cmark-gfm writes it, without sanitising (script and event handlers included), so
    /// that the spec examples compare byte for byte. Never set by the preview, the
    /// export or publishing.
    bool specRaw = false;
    /// Adds data-sourcepos="line:col-line:col" to block elements, which the preview
    /// uses to map a click or the caret back to the editor.
    bool sourcePositions = true;
    /// cmark-gfm syntax extensions to attach, in this order; unknown names are ignored
    /// (availableExtensions() lists the valid ones).
    QStringList extensions = defaultExtensions();
    bool footnotes = true;
    /// Curly quotes, en/em dashes and ellipses.
    bool smartPunctuation = false;
    /// Highlights fenced code blocks whose info string names a known syntax (where
    /// Copydesk is built with KSyntaxHighlighting; see codehighlight::highlightHtml()).
    bool highlightCode = true;
    /// Maps the NAME of a `media:NAME` image or link destination to a URL the output
    /// can use (a file: URL in the preview, a relative path in an export bundle).
    /// Returning an empty string leaves the destination unchanged. What it returns is
    /// trusted: a file: or data: URL survives safe mode, which would blank it if the
    /// author had written it. Called on the rendering thread.
    std::function<QString(const QString& name)> mediaResolver;

    /// table, strikethrough, autolink, tagfilter, tasklist.
    static QStringList defaultExtensions();
    /// The part of these options that the parse uses (extensions, footnotes, smart
    /// punctuation), for building the markdown::Document that is rendered.
    markdown::ParseOptions parseOptions() const;
};

/// Every extension name the renderer knows, including "footnotes" (which cmark-gfm
/// implements as a parser option, not a syntax extension).
QStringList availableExtensions();

/// Renders `markdown` as an HTML fragment. Thread-safe; meant to run off the GUI thread.
QString renderHtml(const QString& markdown, const RenderOptions& options = {});

/// renderHtml() on UTF-8 bytes, for callers that already hold UTF-8 (the CLI, the
/// export): saves two conversions of the whole document. `markdown` must be valid
/// UTF-8; it is not checked again here (the CLI rejects invalid input before).
QByteArray renderHtmlUtf8(QByteArrayView markdown, const RenderOptions& options = {});

/// Renders a document parsed already (for a caller that also reads its nodes, as the
/// preview does for scroll sync). The parse options of `options` are ignored: those of
/// the document apply. Rewrites the `media:` destinations of the document's tree, so a
/// Document must not be rendered on two threads at once; its nodes() are not affected.
QByteArray renderHtmlUtf8(markdown::Document& document, const RenderOptions& options);

} // namespace copydesk
