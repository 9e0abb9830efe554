// copydesk-cli render [--unsafe | --spec-raw] [-e NAME]... [--no-extensions] [--sourcepos]
//                     [--smart] [--no-highlight]
//                     [--library PATH] < in.md > out.html
#include "cli/commands.h"
#include "cli/common.h"
#include "markdown/document.h"
#include "markdown/render.h"

#include <QCoreApplication>

namespace copydesk::cli {

namespace {

bool isTrue(const QString& value) {
    return value == u"true" || value == u"1" || value == u"yes" || value == u"on";
}

} // namespace

int runRender(const QStringList& args) {
    const QString name = QStringLiteral("render");
    QCommandLineParser parser;
    const QCommandLineOption unsafe(
        QStringLiteral("unsafe"),
        QCoreApplication::translate(
            "cli", "Pass raw HTML through, sanitised as the preview and the export do: "
                   "kept are elements and attributes that do not run script; removed are "
                   "script, style, iframe, frame, frameset, object, embed, applet, base, meta, "
                   "link, template, noscript, noembed, noframes, xmp, plaintext, svg and math "
                   "elements with their content (of one without its end tag, the text after it "
                   "is kept), on... event handler, srcdoc and namespaced "
                   "attributes, comments, and href, src, srcset, action, formaction and other "
                   "URLs that are javascript:, vbscript:, file:, blob:, filesystem: or data: "
                   "other than PNG, GIF, JPEG and WebP images. An element whose target opens "
                   "a new window or tab (anything but _self, _parent and _top) gets "
                   "rel=\"noopener noreferrer\". A style attribute keeps only declarations of "
                   "color, "
                   "background-color, font-*, text-*, line-height, width, height, margin, "
                   "padding, border, float and a few more layout-neutral properties whose "
                   "value is words, numbers, lengths, #hex colours, commas, !important and "
                   "rgb(), rgba(), hsl(), hsla(); any other function (url(), expression()), "
                   "escape, comment, quote or colon drops the declaration. Everything else is "
                   "let through: any other element (form, input, button, img, video, audio, "
                   "details, table...) and attribute (class, id, name, target, width...), and "
                   "http:, https:, mailto:, tel: and relative URLs, so an image or a video "
                   "from another site is loaded when the HTML is shown and a form may send "
                   "what is typed into it elsewhere. Default: raw HTML is left out."));
    const QCommandLineOption specRaw(
        QStringLiteral("spec-raw"),
        QCoreApplication::translate(
            "cli", "For the CommonMark/GFM conformance tests only: raw HTML exactly as "
                   "cmark-gfm writes it, NOT sanitised (script and event handlers pass). "
                   "Never what the preview, an export or a publication does."));
    const QCommandLineOption extension(
        {QStringLiteral("e"), QStringLiteral("extension")},
        QCoreApplication::translate("cli", "Enable only the named extensions (repeatable): "
                                           "%1. Default: all of them.")
            .arg(availableExtensions().join(QStringLiteral(", "))),
        QStringLiteral("NAME"));
    const QCommandLineOption noExtensions(
        QStringLiteral("no-extensions"),
        QCoreApplication::translate("cli", "Plain CommonMark: no extension unless named "
                                           "with -e."));
    const QCommandLineOption sourcepos(
        QStringLiteral("sourcepos"),
        QCoreApplication::translate("cli", "Add data-sourcepos attributes, as the preview "
                                           "does."));
    const QCommandLineOption smart(
        QStringLiteral("smart"),
        QCoreApplication::translate("cli", "Typographic quotes, dashes and ellipses."));
    const QCommandLineOption noHighlight(
        QStringLiteral("no-highlight"),
        QCoreApplication::translate("cli", "Leave fenced code blocks plain (by default they "
                                           "are syntax-highlighted where Copydesk is built "
                                           "with KSyntaxHighlighting)."));
    parser.addOptions({unsafe, specRaw, extension, noExtensions, sourcepos, smart, noHighlight});
    const QString description = QCoreApplication::translate(
        "cli", "Renders Markdown from standard input as an HTML fragment on standard output, "
               "exactly as the preview and the export do. With --library, raw HTML follows "
               "that library's markdown.rawHtml setting.");
    if (const auto exit = parseArguments(parser, name, description, args))
        return *exit;
    if (!parser.positionalArguments().isEmpty()) {
        return usageError(name, QCoreApplication::translate("cli", "unexpected argument '%1'")
                                    .arg(parser.positionalArguments().front()));
    }

    RenderOptions options;
    options.sourcePositions = parser.isSet(sourcepos);
    options.smartPunctuation = parser.isSet(smart);
    options.highlightCode = !parser.isSet(noHighlight);
    if (parser.isSet(noExtensions) || parser.isSet(extension)) {
        const QStringList known = availableExtensions();
        options.extensions.clear();
        options.footnotes = false;
        for (const QString& e : parser.values(extension)) {
            if (!known.contains(e)) {
                return usageError(
                    name, QCoreApplication::translate("cli", "unknown extension '%1' (known: %2)")
                              .arg(e, known.join(QStringLiteral(", "))));
            }
            if (e == u"footnotes")
                options.footnotes = true;
            else
                options.extensions.append(e);
        }
    }
    // Opened only when asked for: the default library would be created with samples.
    if (parser.isSet(QStringLiteral("library"))) {
        auto library = openLibrary(parser, Library::Mode::ReadOnly);
        if (!library)
            return fail(library.error());
        const auto rawHtml = (*library)->setting(QStringLiteral("markdown.rawHtml"));
        if (!rawHtml)
            return fail(rawHtml.error());
        options.rawHtml = isTrue(*rawHtml);
    }
    if (parser.isSet(unsafe))
        options.rawHtml = true;
    if (parser.isSet(specRaw)) {
        options.rawHtml = true;
        options.specRaw = true;
    }

    const auto input = readStdinBytes();
    if (!input)
        return fail(input.error());
    if (!QByteArrayView(*input).isValidUtf8())
        return fail(QCoreApplication::translate("cli", "standard input: not valid UTF-8 text"));

    markdown::Document document(*input, options.parseOptions());
    if (const auto [line, cells] = document.tableCellsOverLimit(); line != 0)
        err() << QCoreApplication::translate("cli", "note: standard input: %1")
                     .arg(markdown::tablesAsTextNotice(line, cells))
              << Qt::endl;
    const QByteArray html = renderHtmlUtf8(document, options);
    if (const auto written = writeDocument(html); !written)
        return fail(written.error());
    return ExitOk;
}

} // namespace copydesk::cli
