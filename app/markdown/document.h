#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <utility>
#include <vector>

namespace copydesk::markdown_p {
struct DocumentAccess;
}

/// The one parse of Markdown in Copydesk. Everything that needs to know what a piece of
/// Markdown is (the HTML renderer, the outline, the statistics, the checks, the editor's
/// highlighter, the preview's scroll sync, the translation segmenter) asks a Document;
/// nothing outside app/markdown includes cmark-gfm.
namespace copydesk::markdown {

/// What changes the parse itself. The defaults are the preview's and the export's:
/// every GFM extension and footnotes, no typographic replacements.
struct ParseOptions final {
    /// cmark-gfm syntax extensions to attach, in this order; unknown names are ignored.
    QStringList extensions = defaultExtensions();
    bool footnotes = true;
    /// Curly quotes, en/em dashes and ellipses become part of the text nodes.
    bool smartPunctuation = false;

    /// table, strikethrough, autolink, tagfilter, tasklist.
    static QStringList defaultExtensions();
};

/// Offsets in a Markdown source, both ways between UTF-8 bytes (what cmark-gfm and the
/// preview's data-sourcepos count), UTF-16 code units (what QString, QTextDocument and
/// the editor count) and 1-based line:column (column in UTF-8 bytes, as data-sourcepos
/// writes it). Lines end at "\n", "\r\n" or a lone "\r", as CommonMark says. Every
/// function clamps out-of-range input to the nearest valid offset. Conversions cost a
/// binary search at most; memory is about a tenth of the text's size.
class SourceMap final {
public:
    struct LineColumn final {
        int line = 1;   ///< 1-based
        int column = 1; ///< 1-based, in UTF-8 bytes from the start of the line
        bool operator==(const LineColumn&) const = default;
    };

    SourceMap() = default;
    explicit SourceMap(const QByteArray& utf8);

    qsizetype byteSize() const { return m_utf8.size(); }
    qsizetype utf16Size() const { return m_utf16Size; }
    int lineCount() const { return static_cast<int>(m_lineStarts.size()); }

    /// A byte offset inside a multi-byte character maps to the end of that character.
    qsizetype utf16FromByte(qsizetype byte) const;
    /// An offset between the two halves of a surrogate pair maps to the pair's start.
    qsizetype byteFromUtf16(qsizetype utf16) const;

    LineColumn lineColumnFromByte(qsizetype byte) const;
    LineColumn lineColumnFromUtf16(qsizetype utf16) const {
        return lineColumnFromByte(byteFromUtf16(utf16));
    }
    qsizetype byteFromLineColumn(int line, int column) const;
    qsizetype utf16FromLineColumn(int line, int column) const {
        return utf16FromByte(byteFromLineColumn(line, column));
    }

    /// Byte offset where `line` starts; byteSize() past the last line.
    qsizetype lineStart(int line) const;
    /// Byte offset of the end of `line`'s text, before its line break.
    qsizetype lineEnd(int line) const;

    const QByteArray& utf8() const { return m_utf8; }

private:
    static constexpr qsizetype kStride = 64;
    QByteArray m_utf8;
    qsizetype m_utf16Size = 0;
    std::vector<qsizetype> m_lineStarts{0}; ///< byte offsets
    std::vector<qsizetype> m_checkpoints;   ///< UTF-16 offset at byte k * kStride
};

enum class NodeKind : quint8 {
    // Blocks
    Document,
    BlockQuote,
    List,
    Item, ///< a list item; Node::task says whether it is a task list item
    CodeBlock,
    HtmlBlock,
    Paragraph,
    Heading,
    ThematicBreak,
    FootnoteDefinition,
    Table,
    TableRow, ///< Node::header for the first row
    TableCell,
    // Inlines
    Text,
    SoftBreak,
    LineBreak,
    Code,
    HtmlInline,
    Emph,
    Strong,
    Strikethrough,
    Link, ///< Node::autolink for <…> and bare URLs or e-mail addresses
    Image,
    FootnoteReference,
    Other, ///< a node of an extension this API does not know
};

/// True for the kinds that are blocks (Document to TableCell).
constexpr bool isBlock(NodeKind kind) {
    return kind <= NodeKind::TableCell;
}

/// One node of the parsed tree. Ranges are UTF-16 offsets into the source, [start, end).
/// Blocks cover their whole source, container markers included (a block quote's ">",
/// a list item's "- "); an inline covers its syntax too (the "**" of strong emphasis,
/// the "](url)" of a link), a text node exactly the source of its text (escapes and
/// entity references included, trailing spaces before a line break not), a soft or
/// hard line break from the end of the preceding inline to the start of the next line.
struct Node final {
    NodeKind kind = NodeKind::Other;
    int parent = -1; ///< index in Document::nodes(); -1 for the document
    int end = 0;     ///< index after the last descendant: the subtree is [index, end)
    int depth = 0;   ///< 0 for the document
    qsizetype start = 0;
    qsizetype stop = 0; ///< end of the range (UTF-16, exclusive)
    int startLine = 0;  ///< 1-based lines of the range
    int endLine = 0;
    int level = 0;         ///< Heading: 1 to 6; List: start number of an ordered list
    bool ordered = false;  ///< List
    bool tight = false;    ///< List
    bool task = false;     ///< Item: a task list item ("- [ ] …")
    bool checked = false;  ///< Item: a ticked task
    bool header = false;   ///< TableRow: the header row
    bool autolink = false; ///< Link: written as a URL, not as [text](url)
    /// Text, Code, HtmlInline, HtmlBlock and CodeBlock: their content as cmark-gfm reads
    /// it (entities decoded, escapes removed); FootnoteReference and FootnoteDefinition:
    /// the label.
    QString literal;
    QString url;   ///< Link, Image: the destination (an e-mail autolink's is mailto:)
    QString title; ///< Link, Image
    QString info;  ///< CodeBlock: the info string of a fenced block ("cpp", …)

    qsizetype length() const { return stop - start; }
};

/// The most cells a GFM table row may have. cmark-gfm's table extension takes time
/// quadratic in the cells of a row (5,000 cells: seconds for one megabyte); a document
/// with a line of more than this many "|" and a table delimiter row is parsed without
/// the table extension, so parsing stays linear: every table of it is shown as text,
/// and Document::tableCellsOverLimit() says so. No real article comes near it.
inline constexpr int kMaxTableCells = 128;

/// The note for a document whose tables were left as text (see kMaxTableCells), naming
/// the line: "line 12 has 5001 table cells, more than 128: tables are shown as text".
QString tablesAsTextNotice(int line, int cells);

/// A parsed Markdown text. Parsing takes cmark-gfm's one lock for its inline phase (see
/// cmarkdocument.cpp), so Documents may be built on any number of threads at once. A
/// Document is immutable once built: its const functions may be called from several
/// threads. The walk (nodes()) is built on first use.
class Document final {
public:
    explicit Document(const QString& markdown, const ParseOptions& options = {});
    /// For callers that hold UTF-8 already (the CLI, the export); `utf8` must be valid.
    explicit Document(QByteArray utf8, const ParseOptions& options = {});
    ~Document();
    Document(Document&&) noexcept;
    Document& operator=(Document&&) noexcept;
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    const ParseOptions& options() const;
    const SourceMap& sourceMap() const;
    /// When tables were asked for but left as text because a line has more than
    /// kMaxTableCells cells: that line (1-based) and its cells; {0, 0} otherwise.
    std::pair<int, int> tableCellsOverLimit() const;
    /// Every node in document order (pre-order: a parent before its children); index 0
    /// is the document.
    const std::vector<Node>& nodes() const;

    /// The text a reader sees in the subtree of node `index`: text and code, a space for
    /// each line break. Images contribute their description only when
    /// `imageDescriptions` is true (it is alt text, not running text); with false the
    /// cost over all links and images of a document stays linear, whatever the nesting.
    QString plainText(int index, bool imageDescriptions = false) const;
    /// The source of node `index`.
    QStringView source(const QString& markdown, int index) const {
        const Node& n = nodes()[size_t(index)];
        return QStringView(markdown).sliced(n.start, n.length());
    }

private:
    friend struct markdown_p::DocumentAccess;
    struct Private;
    std::unique_ptr<Private> d;
};

/// The Document of `markdown` (default options), parsed once per thread for the last
/// few texts asked for: the translation desk aligns, compares and checks the same
/// versions many times over (the source against each of five translations, the QA
/// after the alignment), and each would parse them again. Texts are compared whole, so
/// a changed text is parsed anew. Kept per thread, so no lock and no sharing.
std::shared_ptr<const Document> sharedParse(const QString& markdown);
/// Forgets this thread's parses (for benchmarks that time a first parse).
void clearSharedParses();

} // namespace copydesk::markdown
