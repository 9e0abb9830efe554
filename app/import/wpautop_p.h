#pragma once

// What WordPress does to a classic post's text before showing it: paragraphs from
// blank lines (wpautop) and the shortcodes Copydesk has a form for. Internal to
// app/import (the WordPress export format, wxrformat.h).

#include <QHash>
#include <QString>
#include <QStringList>

namespace copydesk::wordpress {

/// WordPress's paragraph rules for text stored without <p> tags: a blank line
/// separates paragraphs, a single newline is a line break, and block elements
/// (tables, lists, headings, blockquotes, ...) are not wrapped in paragraphs; <pre>
/// is left as written.
QString autoParagraphs(const QString& text);

/// Whether `content` was written by the block editor (it marks every block with an
/// HTML comment "<!-- wp:... -->"); WordPress applies no paragraph rules to it.
bool hasBlocks(const QString& content);

/// One image of the export (an attachment post).
struct Attachment final {
    QString url;
    QString title;
    QString alt;
    QString parent; ///< the post it was uploaded to
};

/// `content` with [caption] as <figure> with <figcaption>, [gallery] as a list of its
/// images (the ids="..." attachments, else those uploaded to `postId`) and [embed] as
/// a link. Other shortcodes stay as written; their names are added to `unknown`.
QString expandShortcodes(const QString& content, const QString& postId,
                         const QHash<QString, Attachment>& attachments, QStringList& unknown);

} // namespace copydesk::wordpress
