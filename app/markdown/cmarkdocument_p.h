#pragma once

// Internal to app/markdown: owns a cmark-gfm parser and the tree it produced. Nothing
// outside app/markdown includes this (nor cmark-gfm): they use markdown::Document.

#include <QByteArrayView>
#include <QStringList>

#include <cmark-gfm.h>

#include <memory>

namespace copydesk::markdown {
class Document;
}

namespace copydesk::markdown_p {

struct ParserDeleter {
    void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeDeleter {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterDeleter {
    void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};
using IterPtr = std::unique_ptr<cmark_iter, IterDeleter>;

/// A parsed Markdown document. The parser is kept alive with the tree because the HTML
/// renderer needs the parser's list of attached extensions.
class CmarkDocument final {
public:
    /// Parses `utf8` with cmark `options` (CMARK_OPT_*) and the syntax extensions named
    /// in `extensionNames`; "footnotes" there, like unknown names, is ignored (it is the
    /// CMARK_OPT_FOOTNOTES option).
    CmarkDocument(QByteArrayView utf8, int options, const QStringList& extensionNames);

    CmarkDocument(const CmarkDocument&) = delete;
    CmarkDocument& operator=(const CmarkDocument&) = delete;

    cmark_node* root() const { return m_root.get(); }
    cmark_llist* extensions() const;

private:
    // Declared first so that it is destroyed last, after the tree.
    std::unique_ptr<cmark_parser, ParserDeleter> m_parser;
    std::unique_ptr<cmark_node, NodeDeleter> m_root;
};

/// The cmark-gfm tree behind a markdown::Document, for the renderer.
struct DocumentAccess final {
    static cmark_node* root(const markdown::Document& document);
    static cmark_llist* extensions(const markdown::Document& document);
};

/// Registers cmark-gfm's core extensions once per process. Registration writes to a
/// global list in cmark-gfm; everything after it only reads that list.
void ensureExtensionsRegistered();

/// Literal text of a node as a QString (empty when it has none).
QString literal(cmark_node* node);

inline bool isBlock(cmark_node* node) {
    return (static_cast<int>(cmark_node_get_type(node)) & CMARK_NODE_TYPE_MASK) ==
           CMARK_NODE_TYPE_BLOCK;
}

} // namespace copydesk::markdown_p
