#include "markdown/cmarkdocument_p.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include <mutex>

namespace copydesk::markdown_p {

void ensureExtensionsRegistered() {
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

namespace {

bool contains(const cmark_llist* list, const void* data) {
    for (; list; list = list->next) {
        if (list->data == data)
            return true;
    }
    return false;
}

} // namespace

CmarkDocument::CmarkDocument(QByteArrayView utf8, int options, const QStringList& extensionNames) {
    ensureExtensionsRegistered();
    m_parser.reset(cmark_parser_new(options));
    for (const QString& name : extensionNames) {
        if (name == u"footnotes")
            continue;
        cmark_syntax_extension* extension = cmark_find_syntax_extension(name.toUtf8().constData());
        // Attaching twice would make the extension act twice on every line.
        if (extension && !contains(extensions(), extension))
            cmark_parser_attach_syntax_extension(m_parser.get(), extension);
    }
    cmark_parser_feed(m_parser.get(), utf8.data(), static_cast<size_t>(utf8.size()));
    // cmark-gfm 0.29 adds the extensions' special characters (~ for strikethrough, …) to
    // a process-wide table while it parses inlines and takes them out again at the end
    // (see standardese/standardese#199): two documents finishing at once on different
    // threads would lose each other's strikethrough. Only this inline phase is
    // serialised; block parsing and HTML rendering still run in parallel.
    static std::mutex inlinePhase;
    const std::lock_guard lock(inlinePhase);
    m_root.reset(cmark_parser_finish(m_parser.get()));
}

cmark_llist* CmarkDocument::extensions() const {
    return cmark_parser_get_syntax_extensions(m_parser.get());
}

QString literal(cmark_node* node) {
    const char* text = cmark_node_get_literal(node);
    return text ? QString::fromUtf8(text) : QString();
}

} // namespace copydesk::markdown_p
