#pragma once

#include <QString>
#include <QStringView>

/// Escaping of text that goes into Markdown, so that text imported from plain-text
/// or HTML files reads back as the same text and not as Markdown syntax.
namespace copydesk::markdown_escape {

/// Escapes what CommonMark/GFM would read as the start of a block at the beginning of
/// `line`: ATX headings ("# "), block quotes (">"), bullets ("- ", "* ", "+ "),
/// ordered list markers ("1. ", "1) "), thematic breaks and setext underlines
/// ("---", "==="), code fences ("```", "~~~") and, when `bracket` is true, link
/// reference definitions ("["). Text that went through escapeInline() has its
/// brackets escaped already, and a "[" at its start is a link.
QString escapeLineStart(const QString& line, bool bracket = true);

/// Escapes the characters that would otherwise start inline Markdown in running text
/// taken from HTML: backslash, emphasis, code, links, strikethrough, raw HTML and
/// entity references.
QString escapeInline(QStringView text);

/// Lighter escaping for plain-text files: only what would change the text's meaning
/// or inject HTML (backslash escapes, raw HTML tags, entity references); asterisks
/// and underscores typed as emphasis in e-mails are left to mean emphasis.
QString escapePlainText(QStringView text);

/// Length of the entity reference ("&amp;", "&#233;", "&#xE9;") that CommonMark reads
/// at `at` in `text`, ";" included; 0 when there is none.
qsizetype entityReferenceLength(QStringView text, qsizetype at);

/// `text` with its character references decoded as CommonMark and HTML5 decode them
/// ("&colon;", "&Tab;", "&#58;", "&#x3A;" ...), by cmark-gfm's own table: what a
/// link destination written with `text` turns into. Backslash escapes are not read.
QString decodeCharacterReferences(QStringView text);

/// `code` as an inline code span, with a backtick fence longer than any run inside.
QString codeSpan(QStringView code);

/// `code` as a fenced code block with an optional info string.
QString codeBlock(QStringView code, const QString& info = {});

} // namespace copydesk::markdown_escape
