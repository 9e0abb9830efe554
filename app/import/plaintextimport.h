#pragma once

#include <QString>
#include <QStringList>

namespace copydesk {

/// A document converted for import: plain text fields plus a Markdown body.
struct ConvertedDocument final {
    QString title;
    QString body; ///< Markdown, ending in a newline unless empty
    QString summary;
    QString language; ///< as the document declares it, else empty
    /// A declared language that is not a language tag (<html lang="english!!">), as
    /// written, when the document declares no valid one; else empty.
    QString invalidLanguage;
    QString byline;
    /// What the conversion decided that the reader should know of, one translated
    /// line each without the file name (the caller adds it): a shortcode kept as
    /// text, the line taken as the title, a line removed as site chrome.
    QStringList notices;
};

/// Plain text (as pasted from e-mails) to Markdown: the first non-empty line is the
/// title; blank lines separate paragraphs; the lines of a paragraph are joined (with
/// a space, or with nothing between Chinese or Japanese characters, which are not
/// separated by spaces). What Markdown would read as syntax at the start of a
/// paragraph ("1.", "#", "-", "*", ">", …) is escaped, as are raw HTML tags.
ConvertedDocument plainTextToMarkdown(const QString& text);

} // namespace copydesk
