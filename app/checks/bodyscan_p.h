#pragma once

#include <QList>
#include <QString>

// Internal to app/checks: where the prose is in a field's text.
namespace copydesk::markdown {
class Document;
}

namespace copydesk::checks::detail {

/// Stands in for characters that are not prose (code, URLs, Markdown syntax) in a
/// masked copy of the text, so that offsets stay those of the source. A private-use
/// character is neither a letter, a space nor punctuation to the checks.
inline constexpr QChar kMask = QChar(0xE000);

struct Block final {
    enum class Kind { Paragraph, Heading, Code, Html, Table, Rule };
    Kind kind = Kind::Paragraph;
    int headingLevel = 0;
    bool inList = false;
    bool inQuote = false;
    int start = 0; ///< offset of the first character in the field's text
    int end = 0;   ///< offset after the last non-space character
    /// text.mid(start, end - start) with everything that is not prose replaced by
    /// kMask; empty for code, HTML and tables.
    QString prose;
    /// The text of the block's code spans, each followed by a space: not prose, but
    /// what tells "`id`: the id attribute" from "`class`: the class attribute".
    QString code;
};

struct Link final {
    bool image = false;
    bool autolink = false; ///< a bare or <angle> URL: no link text of its own
    int start = 0;         ///< whole construct
    int end = 0;
    QString text; ///< link text or image alt
    QString url;
};

struct Scan final {
    /// The parse's markdown::Document::tableCellsOverLimit(): {line, cells} when its
    /// tables are text, else {0, 0}.
    std::pair<int, int> tablesAsText{0, 0};
    QList<Block> blocks; ///< in source order
    QList<Link> links;   ///< in source order
};

/// Block structure of a Markdown body, from the one parse (markdown::Document, with the
/// preview's extensions), with inline syntax, code spans, URLs and e-mail addresses
/// (autolinks), images, raw HTML, escapes and entity references masked out of each
/// block's prose. Links are those of the parse: `url` as the renderer writes it
/// ("http://www.example.org" for a bare www.example.org, "mailto:…" for an address).
/// `parsed`, when given, is that parse of `text`, made already (the export's).
Scan scanMarkdown(const QString& text, const markdown::Document* parsed = nullptr);
/// A plain-text field as one paragraph, with URLs and e-mail addresses masked.
Scan scanPlain(const QString& text);

} // namespace copydesk::checks::detail
