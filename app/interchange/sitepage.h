#pragma once

#include <QString>
#include <QStringList>

/// What a Hugo site makes of a page, from where the page is and what its front matter
/// and its sections' say: for the checks, which must not ask a page the site never
/// shows for a headline, or a section's list page for text.
namespace copydesk {

/// Whether `sitePath` (LanguageVersion::sitePath) is a section's list page
/// ("_index.md", "docs/_index.fr.md"): Hugo lists the section's pages there, and the
/// page needs no text of its own.
bool isSiteListPage(const QString& sitePath);

/// The folders whose _index pages are the sections above `sitePath`, nearest first:
/// "en/docs/a.md" gives "en/docs", "en" and "" (the site's root); a section's own
/// _index page is not among its sections. None for a version not from a site (an
/// empty path).
QStringList siteSectionFolders(const QString& sitePath);

/// Whether Hugo leaves the page at `sitePath` out of the site it builds: `headless: true`
/// or `build`/`_build` with `render: never` (or false), as its front matter (as kept,
/// LanguageVersion::siteFrontMatter) sets them, else as the nearest cascade that sets
/// them does: a list page's own, then those of the sections above it (`sections`: their
/// _index pages' front matter in the page's language, nearest first). A cascade entry
/// with a target (`_target`, `target`) is not applied: which pages it targets is not
/// read here.
bool siteOmitsPage(const QString& sitePath, const QString& frontMatter,
                   const QStringList& sections);

} // namespace copydesk
