#pragma once

// Markdown text as the HTML import writes it: spaces, delimiters, link destinations
// and titles, the URLs it keeps. Internal to app/import.

#include <QChar>
#include <QLatin1String>
#include <QString>

namespace copydesk::html_import {

/// Stands for <br> inside an inline run until the run is cut into lines; a private
/// use character, removed from the input text, so it cannot clash with content.
constexpr QChar kBreak(0xE000);
constexpr QChar kNoBreakSpace(0x00A0);

bool isSpace(QChar c);
/// Collapses runs of spaces (and no-break spaces) to one; a lone no-break space is
/// kept, because French typography puts one before ":" and "?".
QString collapseSpaces(const QString& text);
/// `text` without spaces and breaks at either end.
QString trimSpaces(const QString& text);
/// `inner` between `delimiter`s, with its outer white space moved outside: CommonMark
/// does not close "**bold **".
QString wrap(const QString& inner, QLatin1String delimiter);
/// Characters that break a Markdown link destination are percent-encoded.
QString linkDestination(const QString& url);
/// ` "title"` for a link or image, escaped; empty for no title.
QString linkTitle(const QString& title);
/// The canonical form of a lang attribute, or an empty string when it is not a valid
/// tag (Word writes lang=X-NONE): the language is a hint, and the import's default
/// language applies instead.
QString normalizeLanguageTag(const QString& tag);
/// False for a URL that runs code when followed or shown: javascript:, vbscript:, and
/// data: other than images (data:text/html, data:image/svg+xml), however the scheme
/// is written (any case, with tabs, newlines or control characters inside or spaces
/// before it, from entities the parser has already decoded). For an image source,
/// data: images are kept; a link keeps no data: URL at all.
bool isSafeUrl(const QString& url, bool forImage);

} // namespace copydesk::html_import
