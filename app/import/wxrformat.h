#pragma once

#include "import/fileformat.h"

namespace copydesk {

/// WordPress's export file (WXR, "WordPress eXtended RSS", .xml): every post and page
/// is an article, with its title, date, slug, status, author (the display name),
/// categories, tags (their slugs) and excerpt; other items (attachments, menus,
/// templates, revisions) are not articles, and trashed posts are left out. The body
/// is the post's HTML as WordPress shows it: classic posts get WordPress's paragraph
/// rules, [caption] becomes an image with its caption, [gallery] a list of images;
/// other shortcodes stay as written and are reported in the notices. Block-editor
/// footnotes (kept by WordPress beside the post) become GFM footnotes.
///
/// Languages: a post's language is Polylang's "language" term when the export has
/// one, else the site's <language>, else the fallback; posts that Polylang links as
/// translations (one "post_translations" term) are versions of one article. The
/// article's id is derived from the site and the post (or translation group), so
/// that importing the same export again updates the articles it made. Read only.
class WxrFormat final : public FileFormat {
public:
    QString id() const override;
    QStringList aliases() const override;
    QString name() const override;
    QStringList extensions() const override;
    Capabilities capabilities() const override;
    /// The first article of the export (readAll() reads them all).
    Result<ImportedFile> read(const QByteArray& bytes, const QString& path,
                              const QString& fallbackLanguage) const override;
    Result<QList<ImportedFile>> readAll(const QByteArray& bytes, const QString& path,
                                        const QString& fallbackLanguage) const override;
};

} // namespace copydesk
