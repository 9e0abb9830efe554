#pragma once

#include "article/article.h"
#include "common/result.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

/// Export of articles back into a site (Hugo, Jekyll): each page imported from a site
/// (LanguageVersion::sitePath) is written at its path with its front matter as it was
/// written, so that import followed by export gives the site back and adds nothing.
namespace copydesk {

class Library;

enum class SiteFlavour { Hugo, Jekyll };

/// The labels of the library's terms in each language (slug -> language -> label),
/// for a version's own words for the article's tags and categories.
struct SiteLabels final {
    QHash<QString, QHash<QString, QString>> tags;
    QHash<QString, QHash<QString, QString>> categories;
};

/// The file of `version` as a page of a site. A version imported from a site gets its
/// front matter back exactly as written while what it says (title, description or
/// summary, date, lastmod, draft or status, author or byline, tags, categories,
/// slug) is still what the version has; where it says otherwise (the title was edited),
/// those keys are rewritten in the front matter's own syntax (YAML, TOML, JSON) and
/// every other key is kept. Any other version gets YAML front matter with what it has:
/// title, date, description, tags, categories, and draft only when not published.
/// The body follows as stored.
Result<QByteArray> sitePageBytes(const Article& article, const LanguageVersion& version,
                                 const SiteLabels& labels = {});

/// Where `version`'s page goes in the site: its sitePath; for a version that did not
/// come from the site, the path of the article's page in another language with this
/// language in it (the language folder of "en/docs/x.md", or "docs/x.fr.md");
/// otherwise, for Hugo, a page bundle "SLUG/index.LANG.md", and for Jekyll
/// "_posts/DATE-SLUG.LANG.md". Always a relative path of checked parts.
QString sitePagePath(const Article& article, const LanguageVersion& version, SiteFlavour flavour);

/// Writes the versions of `article` (those in `languages`, all when empty) into the
/// site folder `folder` at their sitePagePath(), with the images the pages of a Hugo
/// page bundle reference as "media:NAME" beside them, and records an Export revision:
/// all or nothing, as exportArticleToFolder(). Returns the paths written.
Result<QStringList> exportArticleToSite(Library& library, Article& article, const QString& folder,
                                        SiteFlavour flavour, const QStringList& languages = {},
                                        const SiteLabels* labels = nullptr);

/// The labels of every tag and category of `library`.
Result<SiteLabels> siteLabels(const Library& library);

} // namespace copydesk
