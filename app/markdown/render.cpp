#include "markdown/render.h"

#include "markdown/anchors.h"
#include "markdown/cmarkdocument_p.h"
#include "markdown/document.h"
#include "markdown/sanitize.h"

#include "codehighlight/codehighlight.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <optional>
#include <string_view>

namespace copydesk {

using namespace markdown_p;

namespace {

constexpr QByteArrayView kMediaScheme = "media:";

int cmarkOptions(const RenderOptions& options) {
    int flags = CMARK_OPT_DEFAULT;
    if (options.rawHtml)
        flags |= CMARK_OPT_UNSAFE;
    if (options.sourcePositions)
        flags |= CMARK_OPT_SOURCEPOS;
    if (options.footnotes)
        flags |= CMARK_OPT_FOOTNOTES;
    if (options.smartPunctuation)
        flags |= CMARK_OPT_SMART;
    // Table cells aligned with style="text-align: …": HTML5 made <th align> obsolete
    // (the Nu Html Checker reports it). The spec examples expect the attribute.
    if (!options.specRaw)
        flags |= CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES;
    return flags;
}

/// Whether cmark's safe mode would drop `url` (it blanks javascript:, vbscript:, file:
/// and most data: destinations).
bool droppedInSafeMode(const QByteArray& url) {
    const auto starts = [&url](const char* scheme) {
        return url.startsWith(scheme) || url.toLower().startsWith(scheme);
    };
    if (starts("data:")) {
        static constexpr const char* kImages[] = {"data:image/png", "data:image/gif",
                                                  "data:image/jpeg", "data:image/webp"};
        return std::none_of(std::begin(kImages), std::end(kImages), starts);
    }
    return starts("file:") || starts("javascript:") || starts("vbscript:");
}

/// Destinations of links and images that cmark's safe mode lets through but that name
/// the reader's own machine or another page's objects (blob:, filesystem:; file: it
/// blanks itself), blanked for one rendering: {node, url} to put back afterwards, as
/// the tree may be rendered again or read by the checks.
QList<std::pair<cmark_node*, QByteArray>> blankLocalUrls(cmark_node* root) {
    QList<std::pair<cmark_node*, QByteArray>> blanked;
    const IterPtr iter(cmark_iter_new(root));
    for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
        cmark_node* node = cmark_iter_get_node(iter.get());
        const cmark_node_type type = cmark_node_get_type(node);
        if (event != CMARK_EVENT_ENTER || (type != CMARK_NODE_IMAGE && type != CMARK_NODE_LINK))
            continue;
        const char* url = cmark_node_get_url(node);
        if (url && markdown::isLocalUrl(QString::fromUtf8(url))) {
            blanked.append({node, QByteArray(url)});
            cmark_node_set_url(node, "");
        }
    }
    return blanked;
}

/// `url` escaped for an HTML attribute value the way cmark escapes destinations.
QByteArray escapeHref(const QByteArray& url) {
    static constexpr std::string_view kSafe = "-_.+!*(),%#@?=;:/$~[]";
    QByteArray escaped;
    escaped.reserve(url.size() + url.size() / 8);
    for (const char ch : url) {
        const auto c = static_cast<unsigned char>(ch);
        // Not std::isalnum: QCoreApplication switches to the user's locale.
        const bool alnum =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum || kSafe.find(ch) != std::string_view::npos)
            escaped += ch;
        else if (ch == '&')
            escaped += "&amp;";
        else if (ch == '\'')
            escaped += "&#x27;";
        else
            escaped += '%' + QByteArray::number(c, 16).toUpper().rightJustified(2, '0');
    }
    return escaped;
}

/// Replaces each placeholder "<marker><index>" in `html`, and the "-" after it if
/// there is one, with what `put(out, index)` appends to the output so far.
template <typename Put>
void replacePlaceholders(QByteArray& html, const QByteArray& marker, const Put& put) {
    QByteArray out;
    out.reserve(html.size() + html.size() / 8);
    qsizetype from = 0;
    for (qsizetype at; (at = html.indexOf(marker, from)) >= 0;) {
        out.append(QByteArrayView(html).sliced(from, at - from));
        qsizetype end = at + marker.size();
        qsizetype index = 0;
        while (end < html.size() && html[end] >= '0' && html[end] <= '9')
            index = index * 10 + (html[end++] - '0');
        if (end < html.size() && html[end] == '-')
            ++end;
        put(out, index);
        from = end;
    }
    out.append(QByteArrayView(html).sliced(from));
    html = std::move(out);
}

/// Resolved media destinations that cmark's safe mode would blank (the preview's
/// file: URLs). They come from the application, not from the author, so they are
/// rendered as unguessable placeholders and put back into the HTML afterwards.
struct TrustedUrls final {
    QByteArray marker; ///< "copydesk-media-<random>-"; followed by the index
    QList<QByteArray> escaped;

    void restoreInto(QByteArray& html) const {
        if (escaped.isEmpty())
            return;
        replacePlaceholders(html, marker, [this](QByteArray& out, qsizetype index) {
            out.append(index < escaped.size() ? escaped[index] : QByteArray());
        });
    }
};

/// Rewrites `media:NAME` destinations of images and links through `resolver`.
TrustedUrls resolveMedia(cmark_node* root, const RenderOptions& options) {
    TrustedUrls trusted;
    const IterPtr iter(cmark_iter_new(root));
    for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
        if (event != CMARK_EVENT_ENTER)
            continue;
        cmark_node* node = cmark_iter_get_node(iter.get());
        const cmark_node_type type = cmark_node_get_type(node);
        if (type != CMARK_NODE_IMAGE && type != CMARK_NODE_LINK)
            continue;
        const char* url = cmark_node_get_url(node);
        if (!url || std::strncmp(url, kMediaScheme.data(), kMediaScheme.size()) != 0)
            continue;
        // Names with spaces may be written percent-encoded (media:my%20photo.jpg) or in
        // angle brackets (<media:my photo.jpg>); both reach the resolver decoded.
        const QString name = QString::fromUtf8(
            QByteArray::fromPercentEncoding(QByteArray(url + kMediaScheme.size())));
        const QByteArray resolved = options.mediaResolver(name).toUtf8();
        if (resolved.isEmpty())
            continue;
        // With raw HTML, the sanitiser drops the file: URLs the preview resolves media
        // to, as it must drop the author's: they are put in after it.
        if (!options.rawHtml && !droppedInSafeMode(resolved)) {
            cmark_node_set_url(node, resolved.constData());
            continue;
        }
        if (trusted.marker.isEmpty()) {
            trusted.marker = "copydesk-media-" +
                             QByteArray::number(QRandomGenerator::global()->generate64(), 36) + '-';
        }
        cmark_node_set_url(
            node, (trusted.marker + QByteArray::number(trusted.escaped.size())).constData());
        trusted.escaped.append(escapeHref(resolved));
    }
    return trusted;
}

/// Fenced code blocks whose language codehighlight knows, rendered as placeholders (cmark
/// would escape the spans): their highlighted HTML is put into the output afterwards,
/// and their text back into the tree, which may be rendered again.
struct HighlightedCode final {
    TrustedUrls spans;
    QList<std::pair<cmark_node*, QByteArray>> literals;

    void restoreLiterals() const {
        for (const auto& [node, text] : literals)
            cmark_node_set_literal(node, text.constData());
    }
};

HighlightedCode highlightCode(cmark_node* root) {
    HighlightedCode code;
    const IterPtr iter(cmark_iter_new(root));
    for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
        cmark_node* node = cmark_iter_get_node(iter.get());
        if (event != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_CODE_BLOCK)
            continue;
        // The language is the info string's first word, as in cmark's class="language-".
        const QByteArrayView info(cmark_node_get_fence_info(node));
        const qsizetype space = info.indexOf(' ');
        const QByteArray text(cmark_node_get_literal(node));
        const auto html = codehighlight::highlightHtml(
            QString::fromUtf8(text), QString::fromUtf8(space < 0 ? info : info.first(space)));
        if (!html)
            continue;
        if (code.spans.marker.isEmpty()) {
            code.spans.marker = "copydesk-code-" +
                                QByteArray::number(QRandomGenerator::global()->generate64(), 36) +
                                '-';
        }
        cmark_node_set_literal(
            node, (code.spans.marker + QByteArray::number(code.spans.escaped.size())).constData());
        code.spans.escaped.append(html->toUtf8());
        code.literals.append({node, text});
    }
    return code;
}

/// cmark-gfm's XHTML habits as HTML5 writes them, so that the Nu Html Checker has
/// nothing to say: void elements without the trailing slash ("<br />" -> "<br>"), and
/// the footnotes in a <div>, not a <section> without a heading. cmark-gfm escapes ">"
/// in text and attribute values, so " />" only ends a tag it wrote; the footnotes come
/// last, so their section is the last one. Done before the sanitiser (which writes
/// raw HTML its own way) and before the placeholders are filled.
void writeHtml5(QByteArray& html) {
    html.replace(" />", ">");
    static constexpr QByteArrayView kOpen = "<section class=\"footnotes\"";
    const qsizetype open = html.lastIndexOf(kOpen);
    if (open < 0)
        return;
    const qsizetype close = html.indexOf("</section>", open);
    if (close < 0)
        return;
    html.replace(close, qsizetype(std::strlen("</section>")), "</div>");
    html.replace(open, kOpen.size(), "<div class=\"footnotes\"");
}

/// GFM task-list items as accessible checkboxes. cmark-gfm's tasklist extension writes a
/// bare <input type=checkbox> before the item's text, which nothing labels (an axe
/// critical violation: assistive technology announces "checkbox" and nothing else).
/// Here each item is rendered as a plain list item whose first paragraph becomes
/// <label><input ...> text</label>, so the text is the checkbox's name; the tree is put
/// back as it was after rendering.
class AccessibleTaskItems final {
public:
    explicit AccessibleTaskItems(cmark_node* root) {
        const IterPtr iter(cmark_iter_new(root));
        QList<cmark_node*> items;
        for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
            cmark_node* node = cmark_iter_get_node(iter.get());
            if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_ITEM &&
                std::strcmp(cmark_node_get_type_string(node), "tasklist") == 0)
                items.append(node);
        }
        // Changed after the walk: the iterator must not see nodes move under it.
        for (cmark_node* item : std::as_const(items))
            convert(item);
    }
    ~AccessibleTaskItems() {
        for (const Changed& changed : std::as_const(m_changed)) {
            if (changed.paragraph) {
                while (cmark_node* child = cmark_node_first_child(changed.wrapper))
                    cmark_node_insert_before(changed.wrapper, child);
            }
            cmark_node_free(changed.wrapper);
            cmark_node_set_syntax_extension(changed.item, changed.extension);
        }
    }
    AccessibleTaskItems(const AccessibleTaskItems&) = delete;
    AccessibleTaskItems& operator=(const AccessibleTaskItems&) = delete;

private:
    struct Changed final {
        cmark_node* item;
        cmark_syntax_extension* extension;
        cmark_node* wrapper;
        bool paragraph;
    };

    void convert(cmark_node* item) {
        const bool checked = cmark_gfm_extensions_get_tasklist_item_checked(item);
        const char* input = checked ? "<input type=\"checkbox\" checked disabled> "
                                    : "<input type=\"checkbox\" disabled> ";
        cmark_node* first = cmark_node_first_child(item);
        Changed changed{item, cmark_node_get_syntax_extension(item), nullptr, false};
        if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH) {
            cmark_node* label = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
            cmark_node_set_on_enter(label, (QByteArray("<label>") + input).constData());
            cmark_node_set_on_exit(label, "</label>");
            while (cmark_node* child = cmark_node_first_child(first))
                cmark_node_append_child(label, child);
            cmark_node_append_child(first, label);
            changed.wrapper = label;
            changed.paragraph = true;
        } else {
            // No text to label it with (the item starts with a code block, say): the
            // checkbox is named by its state.
            cmark_node* box = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
            const QString name = checked ? QCoreApplication::translate("Markdown", "Done")
                                         : QCoreApplication::translate("Markdown", "Not done");
            const QByteArray html =
                "<input type=\"checkbox\"" + QByteArray(checked ? " checked" : "") +
                " disabled aria-label=\"" + name.toHtmlEscaped().toUtf8() + "\">";
            cmark_node_set_on_enter(box, html.constData());
            cmark_node_set_on_exit(box, "");
            if (first)
                cmark_node_insert_before(first, box);
            else
                cmark_node_append_child(item, box);
            changed.wrapper = box;
        }
        cmark_node_set_syntax_extension(item, nullptr);
        m_changed.append(changed);
    }

    QList<Changed> m_changed;
};

/// The text nodes that end `heading` (cmark-gfm may split a run of text in several).
QList<cmark_node*> trailingTextNodes(cmark_node* heading) {
    QList<cmark_node*> trailing;
    for (cmark_node* child = cmark_node_last_child(heading);
         child && cmark_node_get_type(child) == CMARK_NODE_TEXT; child = cmark_node_previous(child))
        trailing.prepend(child);
    return trailing;
}

QString joinedLiterals(const QList<cmark_node*>& nodes) {
    QByteArray text;
    for (cmark_node* node : nodes)
        text += cmark_node_get_literal(node);
    return QString::fromUtf8(text);
}

/// What Document::plainText(heading, true) gives, read off the tree: text and code,
/// a space for a line break, image descriptions included, raw HTML not.
QString plainTextOf(cmark_node* heading) {
    QByteArray text;
    const IterPtr iter(cmark_iter_new(heading));
    for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
        if (event != CMARK_EVENT_ENTER)
            continue;
        cmark_node* node = cmark_iter_get_node(iter.get());
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            text += cmark_node_get_literal(node);
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            text += ' ';
            break;
        default:
            break;
        }
    }
    return QString::fromUtf8(text);
}

/// Headings with their anchors (markdown/anchors.h): each opening tag gets its id, and
/// an attribute block that named one is not shown. cmark-gfm writes headings without
/// attributes, so a placeholder starts each heading's content and the id goes into the
/// tag before it; the tree is put back as it was after rendering.
class HeadingIds final {
public:
    HeadingIds(cmark_node* root, const markdown::Document& document) {
        QList<cmark_node*> headings;
        const IterPtr iter(cmark_iter_new(root));
        for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
            cmark_node* node = cmark_iter_get_node(iter.get());
            if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HEADING)
                headings.append(node);
        }
        if (headings.isEmpty())
            return;
        // The ids from the texts read off the tree; only a page with something like an
        // attribute block takes the Document's walk, which tells an escaped brace (a
        // render of a long article took 1.6 times as long with the walk).
        QStringList texts;
        bool attributes = false;
        for (cmark_node* heading : std::as_const(headings)) {
            texts.append(plainTextOf(heading));
            attributes = attributes ||
                         markdown::headingAttributes(joinedLiterals(trailingTextNodes(heading)));
        }
        QStringList ids;
        QList<qsizetype> hidden(headings.size(), 0);
        if (attributes) {
            const QList<markdown::HeadingAnchor> anchors = markdown::headingAnchors(document);
            // The Document is a walk of this tree: one anchor per heading, in order.
            if (anchors.size() != headings.size())
                return;
            for (qsizetype k = 0; k < anchors.size(); ++k) {
                ids.append(anchors[k].id);
                hidden[k] = anchors[k].attributesLength;
            }
        } else {
            ids = markdown::headingIds(document, texts);
        }
        m_marker = "copydesk-heading-" +
                   QByteArray::number(QRandomGenerator::global()->generate64(), 36) + '-';
        for (qsizetype k = 0; k < headings.size(); ++k) {
            if (hidden[k] > 0)
                hide(headings[k], hidden[k]);
            cmark_node* placeholder = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
            cmark_node_set_on_enter(placeholder,
                                    (m_marker + QByteArray::number(k) + '-').constData());
            cmark_node_set_on_exit(placeholder, "");
            cmark_node_prepend_child(headings[k], placeholder);
            m_placeholders.append(placeholder);
            m_ids.append(ids[k].toHtmlEscaped().toUtf8());
        }
    }
    ~HeadingIds() {
        for (cmark_node* placeholder : std::as_const(m_placeholders))
            cmark_node_free(placeholder);
        for (const auto& [node, text] : std::as_const(m_literals))
            cmark_node_set_literal(node, text.constData());
    }
    HeadingIds(const HeadingIds&) = delete;
    HeadingIds& operator=(const HeadingIds&) = delete;

    /// Moves each placeholder's id into the heading tag that precedes it (the "-" after
    /// the index keeps it apart from a heading that starts with a digit).
    void restoreInto(QByteArray& html) const {
        if (m_ids.isEmpty())
            return;
        replacePlaceholders(html, m_marker, [this](QByteArray& out, qsizetype index) {
            // The placeholder is the first thing inside <hN> or <hN data-sourcepos="…">.
            const qsizetype tag = out.lastIndexOf("<h");
            if (index < m_ids.size() && tag >= 0 && out.endsWith('>'))
                out.insert(tag + 3, " id=\"" + m_ids[index] + '"');
        });
    }

private:
    /// Takes the last `length` characters (the attribute block) off the heading's
    /// last text nodes.
    void hide(cmark_node* heading, qsizetype length) {
        const QList<cmark_node*> trailing = trailingTextNodes(heading);
        QString text = joinedLiterals(trailing);
        text.chop(length);
        QByteArray kept = text.toUtf8();
        for (cmark_node* node : trailing) {
            m_literals.append({node, QByteArray(cmark_node_get_literal(node))});
            cmark_node_set_literal(node, kept.constData());
            kept.clear();
        }
    }

    QByteArray m_marker;
    QList<QByteArray> m_ids;
    QList<cmark_node*> m_placeholders;
    QList<std::pair<cmark_node*, QByteArray>> m_literals;
};

} // namespace

QStringList RenderOptions::defaultExtensions() {
    return markdown::ParseOptions::defaultExtensions();
}

markdown::ParseOptions RenderOptions::parseOptions() const {
    markdown::ParseOptions parse;
    parse.extensions = extensions;
    parse.footnotes = footnotes;
    parse.smartPunctuation = smartPunctuation;
    return parse;
}

QStringList availableExtensions() {
    return RenderOptions::defaultExtensions() << QStringLiteral("footnotes");
}

QByteArray renderHtmlUtf8(markdown::Document& document, const RenderOptions& options) {
    const int flags = cmarkOptions(options);
    cmark_node* root = DocumentAccess::root(document);
    // Before anything below changes the tree: the anchors are read from its walk.
    std::optional<HeadingIds> headingIds;
    if (!options.specRaw)
        headingIds.emplace(root, document);
    // With raw HTML, the sanitiser drops them (from links, images and HTML alike).
    const auto blanked =
        options.rawHtml ? QList<std::pair<cmark_node*, QByteArray>>() : blankLocalUrls(root);
    TrustedUrls trusted;
    if (options.mediaResolver)
        trusted = resolveMedia(root, options);
    HighlightedCode code;
    if (options.highlightCode && codehighlight::isAvailable())
        code = highlightCode(root);
    char* html = nullptr;
    {
        // As cmark-gfm writes them in the spec examples, accessible otherwise.
        std::optional<AccessibleTaskItems> tasks;
        if (!options.specRaw)
            tasks.emplace(root);
        html = cmark_render_html(root, flags, DocumentAccess::extensions(document));
    }
    code.restoreLiterals();
    for (const auto& [node, url] : blanked)
        cmark_node_set_url(node, url.constData());
    QByteArray result(html);
    // cmark allocates with its default allocator, which is calloc/realloc/free.
    cmark_get_default_mem_allocator()->free(html);
    if (!options.specRaw) {
        headingIds->restoreInto(result);
        headingIds.reset();
        writeHtml5(result);
    }
    code.spans.restoreInto(result);
    if (options.rawHtml && !options.specRaw)
        result = markdown::sanitizeHtml(result);
    trusted.restoreInto(result);
    return result;
}

QByteArray renderHtmlUtf8(QByteArrayView markdown, const RenderOptions& options) {
    markdown::Document document(markdown.toByteArray(), options.parseOptions());
    return renderHtmlUtf8(document, options);
}

QString renderHtml(const QString& markdown, const RenderOptions& options) {
    return QString::fromUtf8(renderHtmlUtf8(markdown.toUtf8(), options));
}

} // namespace copydesk
