#pragma once

#include <QDate>
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
    /// The date of the story (a pasted web page's date line), for the dateline.
    QDate date;
    /// What the conversion decided that the reader should know of, one translated
    /// line each without the file name (the caller adds it): a shortcode kept as
    /// text, the line taken as the title, a line removed as site chrome.
    QStringList notices;
    /// A pasted web page's text as Markdown with nothing left out (the chrome, the
    /// headline, the date line and the byline are paragraphs of it), when its layout made
    /// the import leave lines out or take fields from them; else empty. The import keeps
    /// it as a revision before its own, so that every decision can be undone.
    QString asPasted;
};

/// What plainTextToMarkdown() knows of the desk.
struct PlainTextOptions final {
    /// Lines of web and e-mail chrome ("Skip to content", "Share this", cookie
    /// notices): the checks' boilerplate list, which the library can edit (patterns
    /// with "*" at either end match the start or the end of a line).
    QStringList chrome;
};

/// Plain text (as pasted from e-mails and web pages) to Markdown. A pasted web page is
/// recognised by its layout: the site's chrome before the headline (lines of
/// `options.chrome`, breadcrumb trails, short lines ending in dots, and short lines
/// before the headline) is left out, the headline is the title, a date line below or
/// above it (read with ICU's date formats) is `date` and a byline ("By Jane Doe",
/// "Par ...") is `byline`; each decision is a notice, by line. Without a headline the
/// first line that is not chrome is the title. What the layout decided can be undone
/// with `asPasted`. A last paragraph that repeats the start
/// of the first, cut off, is kept (the checks' safe fixes remove it) and noted.
/// Blank lines separate paragraphs; the lines of a paragraph are joined (with a space,
/// or with nothing between Chinese or Japanese characters, which are not separated by
/// spaces). What Markdown would read as syntax at the start of a paragraph ("1.", "#",
/// "-", "*", ">", ...) is escaped, as are raw HTML tags.
ConvertedDocument plainTextToMarkdown(const QString& text, const PlainTextOptions& options = {});

} // namespace copydesk
