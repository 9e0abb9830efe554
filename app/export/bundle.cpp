#include "export/bundle.h"

#include "export/parsedbodies.h"

#include "article/article.h"
#include "common/atomicfile.h"
#include "common/languagetag.h"
#include "export/pagetemplates.h"
#include "export/template.h"
#include "library/articlejson.h"
#include "library/library.h"
#include "markdown/render.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMimeDatabase>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <optional>

namespace copydesk {

namespace {

const QString kArticleJson = QStringLiteral("article.json");
const QString kMediaFolder = QStringLiteral("media");
const QString kIndexPage = QStringLiteral("index.html");

/// A media item as the bundle holds it.
struct BundleMedia final {
    QString name; ///< as referenced (media:NAME)
    QString fileName;
    QString mimeType;
    QString sha256;
    QByteArray data;
    QHash<QString, QString> altText; ///< language -> alt text
};

QString sha256Hex(const QByteArray& data) {
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

bool isRightToLeft(const QString& language) {
    return QLocale(language).textDirection() == Qt::RightToLeft;
}

/// The usual file suffix of a MIME type, only letters and digits ("png", "svg").
QString suffixFor(const QString& mimeType) {
    static const QRegularExpression kPlain(QStringLiteral("^[a-z0-9]{1,10}$"));
    const QString suffix = QMimeDatabase().mimeTypeForName(mimeType).preferredSuffix().toLower();
    return kPlain.match(suffix).hasMatch() ? suffix : QStringLiteral("bin");
}

QString articleName(const Article& article) {
    return article.slug.isEmpty() ? article.displayTitle() : article.slug;
}

QString errnoText(int error) {
    return QString::fromLocal8Bit(std::strerror(error));
}

ErrorKind errnoKind(int error) {
    return error == ENOSPC || error == EDQUOT ? ErrorKind::DiskFull : ErrorKind::Io;
}

/// A version of the article as it goes into the bundle.
struct PageVersion final {
    const LanguageVersion* version = nullptr;
    QString language; ///< canonical
    QString path;     ///< inside the bundle
};

/// The base URL of the options, else of the library's setting, normalised; empty when
/// neither has one.
Result<QString> resolvedBaseUrl(const Library& library, const BundleOptions& options) {
    if (!options.baseUrl.isEmpty())
        return normalisedBaseUrl(options.baseUrl, BundleWriter::tr("base URL"));
    const auto stored = library.setting(QString::fromLatin1(kBaseUrlSetting));
    if (!stored)
        return stored.failure();
    if (stored->isEmpty())
        return QString();
    return normalisedBaseUrl(
        *stored, BundleWriter::tr("library setting %1").arg(QString::fromLatin1(kBaseUrlSetting)));
}

/// The revision whose text is exported: the newest one that is not itself an export or
/// a publication, so that exporting again gives the same file.
Result<qint64> sourceRevision(const Library& library, const Article& article) {
    if (article.id.isNull())
        return qint64(0);
    const auto revisions = library.revisions(article.id);
    if (!revisions)
        return revisions.failure();
    for (const RevisionInfo& info : *revisions) {
        if (info.kind != RevisionKind::Export && info.kind != RevisionKind::Publish)
            return info.id;
    }
    return qint64(0);
}

/// The article without what changes at every export: the "updated" time moves with
/// each save, the Export revision's too; the versions' times say when the text changed.
QJsonObject stableArticleJson(const Article& article) {
    QJsonObject json = articleToJson(article);
    json.remove(QLatin1String("updated"));
    return json;
}

/// What the renderer and the templates make of a probe text: any change to them (a
/// new cmark-gfm, another template) changes this, and so every bundle's inputs.
const QByteArray& rendererFingerprint() {
    static const QByteArray fingerprint = [] {
        const QString probe =
            QStringLiteral("# H\n\n*a* **b** ~~c~~ `d` <https://e.example> [f](media:g.png)[^1]\n\n"
                           "| h | i |\n|:--|--:|\n| j | k |\n\n- [x] l\n- [ ] m\n\n> n\n\n"
                           "```cpp\nint o;\n```\n\n[^1]: p\n");
        RenderOptions render;
        render.sourcePositions = false;
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(renderHtml(probe, render).toUtf8());
        for (const auto kind : {Template::Kind::Article, Template::Kind::Fragment}) {
            const auto tmpl = Template::builtIn(kind);
            PageData data;
            data.language = QStringLiteral("en");
            data.title = QStringLiteral("q");
            if (tmpl) {
                const auto page = tmpl->render(data);
                if (page)
                    hash.addData(page->toUtf8());
            }
        }
        return hash.result().toHex();
    }();
    return fingerprint;
}

/// The templates `options` carry, else the library's, read now.
Result<std::shared_ptr<const PageTemplates>> templatesFor(const Library& library,
                                                          const BundleOptions& options) {
    if (options.templates)
        return options.templates;
    auto read = PageTemplates::of(library);
    if (!read)
        return read.failure();
    return std::make_shared<const PageTemplates>(std::move(*read));
}

/// Bundle::inputDigest for `article` exported with `options`, the base URL resolved,
/// made with `templates` (the library's).
Result<QString> inputDigest(const Library& library, const Article& article,
                            const BundleOptions& options, const QString& baseUrl, qint64 revision,
                            const PageTemplates& templates) {
    QJsonObject inputs;
    inputs.insert(QLatin1String("bundleFormat"), 1);
    inputs.insert(QLatin1String("renderer"), QString::fromLatin1(rendererFingerprint()));
    inputs.insert(QLatin1String("article"), stableArticleJson(article));
    inputs.insert(QLatin1String("revision"), QString::number(revision));
    inputs.insert(QLatin1String("format"), options.format == BundleOptions::Format::Fragment
                                               ? QStringLiteral("fragment")
                                               : QStringLiteral("html"));
    inputs.insert(QLatin1String("baseUrl"), baseUrl);
    inputs.insert(QLatin1String("templates"),
                  templates.digest(options.format == BundleOptions::Format::Fragment
                                       ? Template::Kind::Fragment
                                       : Template::Kind::Article));
    inputs.insert(QLatin1String("languages"), QJsonArray::fromStringList(options.languages));
    if (options.checksOverridden)
        inputs.insert(QLatin1String("checksOverridden"), true);
    // The labels of the article's tags, and the media its text may name (a name found
    // anywhere in a body is enough: one too many only costs a re-export).
    const auto terms = library.tags();
    if (!terms)
        return terms.failure();
    QJsonObject labels;
    for (const Term& term : *terms) {
        if (!article.tags.contains(term.slug))
            continue;
        QJsonObject byLanguage;
        for (auto it = term.labels.constBegin(); it != term.labels.constEnd(); ++it)
            byLanguage.insert(it.key(), it.value());
        labels.insert(term.slug, byLanguage);
    }
    inputs.insert(QLatin1String("tags"), labels);
    bool namesMedia = !article.featuredImage.isEmpty();
    for (const LanguageVersion& version : article.versions)
        namesMedia = namesMedia || version.body.contains(QLatin1String("media:"));
    if (namesMedia) {
        const auto list = library.mediaList();
        if (!list)
            return list.failure();
        QJsonObject media;
        for (const Media& item : *list) {
            const bool used = item.name == article.featuredImage ||
                              std::any_of(article.versions.cbegin(), article.versions.cend(),
                                          [&item](const LanguageVersion& version) {
                                              return version.body.contains(item.name);
                                          });
            if (!used)
                continue;
            QJsonObject entry;
            entry.insert(QLatin1String("sha256"), item.sha256);
            entry.insert(QLatin1String("mimeType"), item.mimeType);
            QJsonObject alt;
            for (auto it = item.altText.constBegin(); it != item.altText.constEnd(); ++it)
                alt.insert(it.key(), it.value());
            entry.insert(QLatin1String("alt"), alt);
            media.insert(item.name, entry);
        }
        inputs.insert(QLatin1String("media"), media);
    }
    // QJsonObject keeps its keys sorted: the same inputs give the same bytes.
    // BLAKE2b, not SHA-256: Qt's SHA-256 hashes some 160 MB/s here, BLAKE2b 740, and
    // this digest is taken of every article each time a batch asks whether its bundle
    // is current. The checksums of the files, for others to check, stay SHA-256.
    return QStringLiteral("blake2b-256:") +
           QString::fromLatin1(
               QCryptographicHash::hash(QJsonDocument(inputs).toJson(QJsonDocument::Compact),
                                        QCryptographicHash::Blake2b_256)
                   .toHex());
}

} // namespace

Result<QString> normalisedBaseUrl(const QString& text, const QString& origin) {
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") ||
        url.host().isEmpty() || url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        return Error{BundleWriter::tr("%1: '%2' is not an http or https URL without query or "
                                      "fragment")
                         .arg(origin, text),
                     ErrorKind::InvalidInput};
    QString result = url.toString(QUrl::FullyEncoded);
    if (!result.endsWith(QLatin1Char('/')))
        result += QLatin1Char('/');
    return result;
}

QByteArray scriptSafeJson(const QByteArray& json) {
    QByteArray safe;
    safe.reserve(json.size() + 16);
    for (const char c : json) {
        // Outside strings JSON has none of these, so every one is inside a string,
        // where the escape means the same character.
        if (c == '<')
            safe.append("\\u003c");
        else if (c == '>')
            safe.append("\\u003e");
        else if (c == '&')
            safe.append("\\u0026");
        else
            safe.append(c);
    }
    return safe;
}

Result<Bundle> BundleWriter::build(const Library& library, const Article& article,
                                   const BundleOptions& options, ParsedBodies* parsed) {
    ParsedBodies own;
    ParsedBodies& bodies = parsed ? *parsed : own;
    const QString name = articleName(article);
    if (!isSafeFileName(article.slug) || article.slug.startsWith(QLatin1Char('.')))
        return Error{tr("Article '%1': the slug '%2' cannot be a folder name")
                         .arg(article.displayTitle(), article.slug),
                     ErrorKind::InvalidInput};

    Bundle bundle;
    bundle.folderName = article.slug;

    const auto resolvedBase = resolvedBaseUrl(library, options);
    if (!resolvedBase)
        return resolvedBase.failure();
    const QString baseUrl = *resolvedBase;
    if (baseUrl.isEmpty())
        bundle.notices.append(
            tr("No base URL (library setting %1): the pages have no canonical URL and their "
               "links and images are relative")
                .arg(QString::fromLatin1(kBaseUrlSetting)));
    const QString bundleUrl =
        baseUrl.isEmpty()
            ? QString()
            : baseUrl + QString::fromUtf8(QUrl::toPercentEncoding(article.slug)) + QLatin1Char('/');

    // The versions, in the article's order, with their canonical tags.
    QStringList wanted;
    for (const QString& language : options.languages) {
        const auto tag = canonicalLanguageTag(language);
        if (!tag)
            return tag.failure();
        wanted.append(*tag);
    }
    const bool fragment = options.format == BundleOptions::Format::Fragment;
    const QString pageName =
        fragment ? QStringLiteral("fragment.html") : QStringLiteral("index.html");
    QList<PageVersion> pages;
    for (const LanguageVersion& version : article.versions) {
        const auto tag = canonicalLanguageTag(version.language);
        if (!tag)
            return Error{
                tr("Article '%1', version '%2': %3").arg(name, version.language, tag.error()),
                ErrorKind::InvalidInput};
        if (!wanted.isEmpty() && !wanted.contains(*tag))
            continue;
        if (!isSafeFileName(*tag))
            return Error{tr("Article '%1': version '%2' cannot be a folder name").arg(name, *tag),
                         ErrorKind::InvalidInput};
        for (const PageVersion& other : std::as_const(pages)) {
            if (other.language == *tag)
                return Error{tr("Article '%1' has two versions in '%2'").arg(name, *tag),
                             ErrorKind::InvalidInput};
        }
        pages.append(PageVersion{&version, *tag, *tag + QLatin1Char('/') + pageName});
    }
    for (const QString& language : std::as_const(wanted)) {
        const bool found = std::any_of(pages.cbegin(), pages.cend(), [&](const PageVersion& p) {
            return p.language == language;
        });
        if (!found)
            return Error{tr("Article '%1' has no version in '%2'").arg(name, language),
                         ErrorKind::NotFound};
    }
    if (pages.isEmpty())
        return Error{tr("Article '%1' has no version to export").arg(name),
                     ErrorKind::InvalidInput};
    const LanguageVersion* primary = article.primaryVersion();
    QString defaultLanguage = pages.front().language;
    for (const PageVersion& page : std::as_const(pages)) {
        if (primary && page.version == primary)
            defaultLanguage = page.language;
    }

    // Media: looked up once each, named by content, in the order first referenced.
    QHash<QString, int> mediaIndex;
    QList<BundleMedia> media;
    QStringList missing;
    std::optional<Error> mediaError;
    const auto resolveMedia = [&](const QString& mediaName) -> std::optional<int> {
        if (const auto it = mediaIndex.constFind(mediaName); it != mediaIndex.constEnd())
            return *it;
        auto item = library.media(mediaName);
        if (!item) {
            if (item.kind() == ErrorKind::NotFound) {
                if (!missing.contains(mediaName))
                    missing.append(mediaName);
            } else if (!mediaError) {
                mediaError = item.failure();
            }
            return std::nullopt;
        }
        BundleMedia entry;
        entry.name = mediaName;
        entry.mimeType = item->mimeType;
        entry.data = item->data;
        entry.altText = item->altText;
        entry.sha256 = sha256Hex(item->data);
        entry.fileName = entry.sha256.left(16) + QLatin1Char('.') + suffixFor(item->mimeType);
        for (const BundleMedia& other : std::as_const(media)) {
            // Two names for one content share a file; a clash of the first 16 hex
            // digits between two contents gets the whole digest.
            if (other.fileName == entry.fileName && other.sha256 != entry.sha256)
                entry.fileName = entry.sha256 + QLatin1Char('.') + suffixFor(item->mimeType);
        }
        media.append(entry);
        mediaIndex.insert(mediaName, int(media.size() - 1));
        return int(media.size() - 1);
    };

    const auto templates = templatesFor(library, options);
    if (!templates)
        return templates.failure();
    const Template& tmpl =
        (*templates)->page(fragment ? Template::Kind::Fragment : Template::Kind::Article);

    const auto terms = library.tags();
    if (!terms)
        return terms.failure();
    QHash<QString, Term> termBySlug;
    for (const Term& term : *terms)
        termBySlug.insert(term.slug, term);

    const int featuredIndex =
        article.featuredImage.isEmpty() ? -1 : resolveMedia(article.featuredImage).value_or(-1);

    // The link of a version's page, from another page of the bundle or absolute.
    const auto pageUrl = [&](const PageVersion& page) {
        return bundleUrl.isEmpty() ? QStringLiteral("../") + page.language + QLatin1Char('/')
                                   : bundleUrl + page.language + QLatin1Char('/');
    };
    const auto mediaUrl = [&](const BundleMedia& item, bool absolute) {
        return absolute && !bundleUrl.isEmpty()
                   ? bundleUrl + kMediaFolder + QLatin1Char('/') + item.fileName
                   : QStringLiteral("../") + kMediaFolder + QLatin1Char('/') + item.fileName;
    };

    std::map<QString, QByteArray> files; // sorted by path: article.json lists them so
    QJsonArray versionsJson;
    for (const PageVersion& page : std::as_const(pages)) {
        const LanguageVersion& version = *page.version;
        RenderOptions render;
        // The preview's rendering, without the positions it maps clicks with.
        render.sourcePositions = false;
        render.mediaResolver = [&](const QString& mediaName) -> QString {
            const auto index = resolveMedia(mediaName);
            return index ? mediaUrl(media.at(*index), fragment) : QString();
        };
        const QString body = QString::fromUtf8(renderHtmlUtf8(bodies.of(version), render));
        if (mediaError)
            return *mediaError;
        if (!missing.isEmpty())
            return Error{tr("Article '%1', version '%2': media:%3 is not in the library")
                             .arg(name, page.language, missing.join(QStringLiteral(", media:"))),
                         ErrorKind::NotFound};

        PageData data = PageData::from(article, version, body);
        data.style = (*templates)->style();
        if (featuredIndex >= 0 && !fragment) {
            data.imageSrc = mediaUrl(media.at(featuredIndex), false);
            data.imageAlt = media.at(featuredIndex).altText.value(page.language);
        }
        if (!fragment) {
            const QString title = version.seoTitle.isEmpty() ? version.title : version.seoTitle;
            const QString description =
                version.seoDescription.isEmpty() ? version.summary : version.seoDescription;
            const QString canonical = bundleUrl.isEmpty() ? QString() : pageUrl(page);
            data.canonicalUrl = canonical;
            for (const PageVersion& other : std::as_const(pages))
                data.alternates.append({other.language, pageUrl(other)});
            for (const PageVersion& other : std::as_const(pages)) {
                if (other.language == defaultLanguage)
                    data.alternates.append({QStringLiteral("x-default"), pageUrl(other)});
            }
            QStringList keywords;
            for (const QString& tag : article.tags) {
                const auto term = termBySlug.constFind(tag);
                const QString label =
                    term == termBySlug.constEnd() ? QString() : term->labels.value(page.language);
                keywords.append(label.isEmpty() ? tag : label);
            }
            const QString image =
                featuredIndex >= 0 ? mediaUrl(media.at(featuredIndex), true) : QString();
            const QString published = isoTimestamp(version.created);
            const QString modified = isoTimestamp(version.updated);

            const auto property = [&data](const QString& key, const QString& value) {
                if (!value.isEmpty())
                    data.metaProperties.append({key, value});
            };
            property(QStringLiteral("og:type"), QStringLiteral("article"));
            property(QStringLiteral("og:title"), title);
            property(QStringLiteral("og:description"), description);
            property(QStringLiteral("og:url"), canonical);
            property(QStringLiteral("og:image"), image);
            property(QStringLiteral("og:locale"), QLocale(page.language).name());
            for (const PageVersion& other : std::as_const(pages)) {
                if (other.language != page.language)
                    property(QStringLiteral("og:locale:alternate"), QLocale(other.language).name());
            }
            property(QStringLiteral("article:published_time"), published);
            property(QStringLiteral("article:modified_time"), modified);
            for (const QString& keyword : std::as_const(keywords))
                property(QStringLiteral("article:tag"), keyword);

            const auto metaName = [&data](const QString& key, const QString& value) {
                if (!value.isEmpty())
                    data.metaNames.append({key, value});
            };
            metaName(QStringLiteral("twitter:card"), image.isEmpty()
                                                         ? QStringLiteral("summary")
                                                         : QStringLiteral("summary_large_image"));
            metaName(QStringLiteral("twitter:title"), title);
            metaName(QStringLiteral("twitter:description"), description);
            metaName(QStringLiteral("twitter:image"), image);

            QJsonObject ld;
            ld.insert(QLatin1String("@context"), QStringLiteral("https://schema.org"));
            ld.insert(QLatin1String("@type"), QStringLiteral("NewsArticle"));
            ld.insert(QLatin1String("headline"), version.title);
            if (!description.isEmpty())
                ld.insert(QLatin1String("description"), description);
            if (!published.isEmpty())
                ld.insert(QLatin1String("datePublished"), published);
            if (!modified.isEmpty())
                ld.insert(QLatin1String("dateModified"), modified);
            if (!article.byline.isEmpty()) {
                QJsonObject author;
                author.insert(QLatin1String("@type"), QStringLiteral("Person"));
                author.insert(QLatin1String("name"), article.byline);
                ld.insert(QLatin1String("author"), QJsonArray{author});
            }
            if (!image.isEmpty())
                ld.insert(QLatin1String("image"), QJsonArray{image});
            ld.insert(QLatin1String("inLanguage"), page.language);
            if (!keywords.isEmpty())
                ld.insert(QLatin1String("keywords"), QJsonArray::fromStringList(keywords));
            if (!canonical.isEmpty()) {
                ld.insert(QLatin1String("url"), canonical);
                ld.insert(QLatin1String("mainEntityOfPage"), canonical);
            }
            data.jsonLd =
                QString::fromUtf8(scriptSafeJson(QJsonDocument(ld).toJson(QJsonDocument::Compact)));
        }
        auto rendered = tmpl.render(data);
        if (!rendered)
            return Error{
                tr("Article '%1', version '%2': %3").arg(name, page.language, rendered.error()),
                rendered.kind()};
        const QByteArray bytes = rendered->toUtf8();
        files.emplace(page.path, bytes);

        QJsonObject v;
        v.insert(QLatin1String("language"), page.language);
        v.insert(QLatin1String("dir"),
                 isRightToLeft(page.language) ? QStringLiteral("rtl") : QStringLiteral("ltr"));
        v.insert(QLatin1String("title"), version.title);
        v.insert(QLatin1String("status"), statusId(version.status));
        v.insert(QLatin1String("path"), page.path);
        if (!bundleUrl.isEmpty())
            v.insert(QLatin1String("url"), pageUrl(page));
        v.insert(QLatin1String("sha256"), sha256Hex(bytes));
        v.insert(QLatin1String("bytes"), QString::number(bytes.size()));
        versionsJson.append(v);
    }

    // The language index: the bundle's own page, listing its versions, in the default
    // language.
    QJsonObject indexJson;
    if (!fragment) {
        PageData index;
        index.style = (*templates)->style();
        for (const PageVersion& page : std::as_const(pages)) {
            if (page.language == defaultLanguage) {
                index.language = page.language;
                index.title = page.version->title;
            }
            index.versions.append(
                {page.language, page.version->title, page.version->summary, page.path});
        }
        index.canonicalUrl = bundleUrl;
        auto rendered = (*templates)->page(Template::Kind::Index).render(index);
        if (!rendered)
            return Error{tr("Article '%1', language index: %2").arg(name, rendered.error()),
                         rendered.kind()};
        const QByteArray bytes = rendered->toUtf8();
        files.emplace(kIndexPage, bytes);
        indexJson.insert(QLatin1String("path"), kIndexPage);
        indexJson.insert(QLatin1String("sha256"), sha256Hex(bytes));
        indexJson.insert(QLatin1String("bytes"), QString::number(bytes.size()));
    }

    QJsonArray mediaJson;
    for (const BundleMedia& item : std::as_const(media)) {
        const QString path = kMediaFolder + QLatin1Char('/') + item.fileName;
        files.emplace(path, item.data);
        QJsonObject m;
        m.insert(QLatin1String("name"), item.name);
        m.insert(QLatin1String("path"), path);
        m.insert(QLatin1String("mimeType"), item.mimeType);
        m.insert(QLatin1String("sha256"), item.sha256);
        m.insert(QLatin1String("bytes"), QString::number(item.data.size()));
        mediaJson.append(m);
    }

    QJsonArray tagsJson;
    for (const QString& tag : article.tags) {
        QJsonObject t;
        t.insert(QLatin1String("slug"), tag);
        QJsonObject labels;
        const auto term = termBySlug.constFind(tag);
        if (term != termBySlug.constEnd()) {
            for (auto it = term->labels.constBegin(); it != term->labels.constEnd(); ++it)
                labels.insert(it.key(), it.value());
        }
        t.insert(QLatin1String("labels"), labels);
        tagsJson.append(t);
    }

    const auto revision = sourceRevision(library, article);
    if (!revision)
        return revision.failure();
    const auto digest = inputDigest(library, article, options, baseUrl, *revision, **templates);
    if (!digest)
        return digest.failure();
    bundle.inputDigest = *digest;
    // Only the versions the bundle holds: a version held back (by the checks, or not
    // asked for) is not published in article.json either.
    Article published = article;
    published.versions.clear();
    for (const PageVersion& page : std::as_const(pages))
        published.versions.append(*page.version);
    const QJsonObject articleJson = stableArticleJson(published);
    QJsonObject manifest;
    manifest.insert(QLatin1String("format"), QStringLiteral("copydesk-bundle"));
    manifest.insert(QLatin1String("formatVersion"), 1);
    manifest.insert(QLatin1String("article"), articleJson);
    manifest.insert(QLatin1String("revision"), QString::number(*revision));
    manifest.insert(QLatin1String("inputs"), bundle.inputDigest);
    manifest.insert(QLatin1String("pages"),
                    fragment ? QStringLiteral("fragment") : QStringLiteral("html"));
    manifest.insert(QLatin1String("defaultLanguage"), defaultLanguage);
    if (!bundleUrl.isEmpty())
        manifest.insert(QLatin1String("url"), bundleUrl);
    manifest.insert(QLatin1String("versions"), versionsJson);
    if (!indexJson.isEmpty())
        manifest.insert(QLatin1String("index"), indexJson);
    manifest.insert(QLatin1String("media"), mediaJson);
    manifest.insert(QLatin1String("tags"), tagsJson);
    files.emplace(kArticleJson, QJsonDocument(manifest).toJson(QJsonDocument::Indented));

    for (auto& [path, data] : files)
        bundle.files.append(BundleFile{path, std::move(data)});
    return bundle;
}

namespace detail {

/// The temporary folder a bundle is written to, inside the output folder, and its
/// move into place. Whatever is left at the temporary name when it goes away (the
/// new bundle when it was never placed, the old one it replaced) is removed.
class StagedFolder final {
public:
    /// `articleId`: the article whose earlier bundle at `target` may be replaced.
    StagedFolder(QString folder, QString target, QString articleId)
        : m_folder(std::move(folder))
        , m_target(std::move(target))
        , m_articleId(std::move(articleId)) {}
    ~StagedFolder() {
        if (m_placed && !m_finished)
            unplace();
        if (!m_staging.isEmpty())
            QDir(QDir(m_folder).filePath(m_staging)).removeRecursively();
        if (!m_aside.isEmpty())
            QDir(QDir(m_folder).filePath(m_aside)).removeRecursively();
        if (m_dirFd >= 0)
            ::close(m_dirFd);
    }
    StagedFolder(const StagedFolder&) = delete;
    StagedFolder& operator=(const StagedFolder&) = delete;

    Result<void> create(const QString& what) {
        m_what = what;
        if (!QDir().mkpath(m_folder))
            return Error{BundleWriter::tr("%1: cannot create folder %2")
                             .arg(what, QDir::toNativeSeparators(m_folder)),
                         ErrorKind::Io};
        m_dirFd =
            ::open(QFile::encodeName(m_folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (m_dirFd < 0)
            return ioError(m_folder, errno);
        // What is there already: nothing, an earlier bundle or an empty folder.
        struct stat st {};
        const QByteArray target = QFile::encodeName(m_target);
        if (::fstatat(m_dirFd, target.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
            if (!S_ISDIR(st.st_mode) || !isBundleOrEmpty())
                return Error{BundleWriter::tr("%1: %2 is there and is not a bundle; not replaced")
                                 .arg(what, QDir::toNativeSeparators(targetPath())),
                             ErrorKind::Conflict};
            m_replacing = true;
        } else if (errno != ENOENT) {
            return ioError(targetPath(), errno);
        }
        for (int attempt = 0; attempt < 16; ++attempt) {
            const QString name = QLatin1Char('.') + m_target + QStringLiteral(".partial-") +
                                 QString::number(QRandomGenerator::global()->generate(), 16);
            if (::mkdirat(m_dirFd, QFile::encodeName(name).constData(), 0777) == 0) {
                m_staging = name;
                return {};
            }
            if (errno != EEXIST)
                return ioError(QDir(m_folder).filePath(name), errno);
        }
        return Error{BundleWriter::tr("%1: cannot create a temporary folder in %2")
                         .arg(what, QDir::toNativeSeparators(m_folder)),
                     ErrorKind::Io};
    }

    QString stagingPath() const { return QDir(m_folder).filePath(m_staging); }
    QString targetPath() const { return QDir(m_folder).filePath(m_target); }

    Result<void> makeSubfolder(const QString& name) {
        const QByteArray path = QFile::encodeName(m_staging + QLatin1Char('/') + name);
        if (::mkdirat(m_dirFd, path.constData(), 0777) != 0)
            return ioError(QDir(stagingPath()).filePath(name), errno);
        return {};
    }

    /// Writes `data` as `sub`/`name` (`sub` empty for the top; made by
    /// makeSubfolder()) into the private temporary folder.
    Result<void> writeFile(const QString& sub, const QString& name, const QByteArray& data) {
        const QString relative = sub.isEmpty() ? m_staging : m_staging + QLatin1Char('/') + sub;
        const int fd = ::openat(m_dirFd, QFile::encodeName(relative).constData(),
                                O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0)
            return ioError(QDir(m_folder).filePath(relative), errno);
        auto written = writeNewFile(fd, QDir(m_folder).filePath(relative), name, data);
        ::close(fd);
        return written;
    }

    /// Everything written so far on the disk: one syncfs for the whole folder, not an
    /// fsync per file and per subfolder (a batch of 1,000 bundles spent a third of
    /// its time in those).
    Result<void> sync() const {
        if (auto synced = syncFileSystem(m_dirFd, stagingPath()); !synced)
            return Error{BundleWriter::tr("%1: %2").arg(m_what, synced.error()), synced.kind()};
        return {};
    }

    /// The bundle takes the target's name; an earlier bundle there goes to the
    /// temporary name (one exchange, where the file system can), to be removed. Its
    /// files must be on the disk already (sync()).
    Result<void> place() {
        const QByteArray staging = QFile::encodeName(m_staging);
        const QByteArray target = QFile::encodeName(m_target);
        if (!m_replacing) {
            if (::renameat2(m_dirFd, staging.constData(), m_dirFd, target.constData(),
                            RENAME_NOREPLACE) != 0)
                return ioError(targetPath(), errno);
        } else if (::renameat2(m_dirFd, staging.constData(), m_dirFd, target.constData(),
                               RENAME_EXCHANGE) == 0) {
            m_exchanged = true;
        } else if (errno == EINVAL || errno == ENOSYS) {
            // No exchange here: the old bundle steps aside first.
            const QString aside = QLatin1Char('.') + m_target + QStringLiteral(".old-") +
                                  QString::number(QRandomGenerator::global()->generate(), 16);
            const QByteArray asideName = QFile::encodeName(aside);
            if (::renameat2(m_dirFd, target.constData(), m_dirFd, asideName.constData(),
                            RENAME_NOREPLACE) != 0)
                return ioError(targetPath(), errno);
            m_aside = aside;
            if (::renameat2(m_dirFd, staging.constData(), m_dirFd, target.constData(),
                            RENAME_NOREPLACE) != 0) {
                const int error = errno;
                if (::renameat2(m_dirFd, asideName.constData(), m_dirFd, target.constData(),
                                RENAME_NOREPLACE) == 0)
                    m_aside.clear();
                return ioError(targetPath(), error);
            }
            m_staging.clear();
        } else {
            return ioError(targetPath(), errno);
        }
        if (!m_exchanged)
            m_staging.clear();
        m_placed = true;
        if (m_syncPlace)
            ::fsync(m_dirFd);
        return {};
    }

    /// The placed bundle stays.
    void finish() { m_finished = true; }

    /// Whether place() makes the new name durable itself (else a later syncfs does).
    void setSyncPlace(bool sync) { m_syncPlace = sync; }

private:
    /// An empty folder, or this article's bundle: its article.json is a bundle
    /// manifest naming the article (a folder of the user's that happens to hold a file
    /// of that name is not replaced, with everything in it).
    bool isBundleOrEmpty() const {
        const int fd = ::openat(m_dirFd, QFile::encodeName(m_target).constData(),
                                O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0)
            return false;
        QByteArray manifest;
        const int file = ::openat(fd, "article.json", O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        ::close(fd);
        if (file >= 0) {
            QFile read;
            if (read.open(file, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle))
                manifest = read.read(64 << 20);
            else
                ::close(file);
            const QJsonObject json = QJsonDocument::fromJson(manifest).object();
            return json.value(QLatin1String("format")).toString() == u"copydesk-bundle" &&
                   json.value(QLatin1String("article"))
                           .toObject()
                           .value(QLatin1String("id"))
                           .toString() == m_articleId;
        }
        return QDir(targetPath())
            .isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    }

    /// Puts the folder back as it was before place().
    void unplace() {
        const QByteArray target = QFile::encodeName(m_target);
        if (m_exchanged) {
            const QByteArray staging = QFile::encodeName(m_staging);
            ::renameat2(m_dirFd, staging.constData(), m_dirFd, target.constData(), RENAME_EXCHANGE);
        } else {
            const QString back = QLatin1Char('.') + m_target + QStringLiteral(".partial-") +
                                 QString::number(QRandomGenerator::global()->generate(), 16);
            if (::renameat2(m_dirFd, target.constData(), m_dirFd,
                            QFile::encodeName(back).constData(), RENAME_NOREPLACE) == 0)
                m_staging = back;
            if (!m_aside.isEmpty() &&
                ::renameat2(m_dirFd, QFile::encodeName(m_aside).constData(), m_dirFd,
                            target.constData(), RENAME_NOREPLACE) == 0)
                m_aside.clear();
        }
        ::fsync(m_dirFd);
        m_placed = false;
    }

    Error ioError(const QString& path, int error) const {
        return Error{BundleWriter::tr("%1: cannot write %2: %3")
                         .arg(m_what, QDir::toNativeSeparators(path), errnoText(error)),
                     errnoKind(error)};
    }

    QString m_folder;
    QString m_target;
    QString m_articleId;
    QString m_what;
    QString m_staging; ///< name inside m_folder; empty once nothing is left there
    QString m_aside;
    int m_dirFd = -1;
    bool m_replacing = false;
    bool m_exchanged = false;
    bool m_placed = false;
    bool m_finished = false;
    bool m_syncPlace = true;
};

} // namespace detail

namespace {

/// The manifest and the sizes of the files of a bundle on disk: a folder or a .zip.
struct OnDisk final {
    QJsonObject manifest;
    QHash<QString, qint64> sizes; ///< path inside the bundle -> bytes
};

/// The files article.json lists with their path, checksum and size: the pages, the
/// media and the language index.
QJsonArray listedFiles(const QJsonObject& manifest) {
    QJsonArray listed = manifest.value(QLatin1String("versions")).toArray();
    for (const QJsonValue& entry : manifest.value(QLatin1String("media")).toArray())
        listed.append(entry);
    if (manifest.contains(QLatin1String("index")))
        listed.append(manifest.value(QLatin1String("index")));
    return listed;
}

std::optional<OnDisk> readFolderBundle(const QString& path) {
    const QDir bundle(path);
    const auto isPlainFile = [](const QFileInfo& info) {
        return info.exists() && info.isFile() && !info.isSymLink();
    };
    const QFileInfo manifestInfo(bundle.filePath(kArticleJson));
    if (!isPlainFile(manifestInfo) || QFileInfo(path).isSymLink())
        return std::nullopt;
    QFile file(manifestInfo.filePath());
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    OnDisk disk;
    disk.manifest = QJsonDocument::fromJson(file.readAll()).object();
    for (const QJsonValue& entry : listedFiles(disk.manifest)) {
        const QString entryPath = entry[QLatin1String("path")].toString();
        const QFileInfo info(bundle.filePath(entryPath));
        if (!entryPath.contains(QLatin1String("..")) && isPlainFile(info))
            disk.sizes.insert(entryPath, info.size());
    }
    return disk;
}

/// A .zip holds the bundle folder: "SLUG/article.json", "SLUG/en/index.html", ...
std::optional<OnDisk> readZipBundle(const QString& path, const QString& slug) {
    const QFileInfo info(path);
    if (!info.isFile() || info.isSymLink())
        return std::nullopt;
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdUnzip))
        return std::nullopt;
    OnDisk disk;
    const QString prefix = slug + QLatin1Char('/');
    for (const QuaZipFileInfo64& entry : zip.getFileInfoList64()) {
        if (entry.name.startsWith(prefix))
            disk.sizes.insert(entry.name.mid(prefix.size()), qint64(entry.uncompressedSize));
    }
    if (!zip.setCurrentFile(prefix + kArticleJson))
        return std::nullopt;
    QuaZipFile file(&zip);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    disk.manifest = QJsonDocument::fromJson(file.readAll()).object();
    return disk;
}

QString targetName(const QString& slug, const BundleOptions& options) {
    return options.container == BundleOptions::Container::Zip ? slug + QStringLiteral(".zip")
                                                              : slug;
}

/// Whether `path` is a bundle made from `digest` with all its files there at the sizes
/// its article.json records (a file removed or truncated since, or a symlink put in
/// its place, means it is written again).
bool holdsBundle(const QString& path, const QString& slug, const BundleOptions& options,
                 const QString& digest) {
    const auto disk = options.container == BundleOptions::Container::Zip ? readZipBundle(path, slug)
                                                                         : readFolderBundle(path);
    if (!disk || disk->manifest.value(QLatin1String("inputs")).toString() != digest)
        return false;
    for (const QJsonValue& entry : listedFiles(disk->manifest)) {
        const auto size = disk->sizes.constFind(entry[QLatin1String("path")].toString());
        if (size == disk->sizes.constEnd() ||
            QString::number(*size) != entry[QLatin1String("bytes")].toString())
            return false;
    }
    return true;
}

/// The bundle as one .zip: entries in path order, each dated 1980-01-01 (the earliest
/// time a ZIP entry can hold) so that the same bundle gives the same bytes.
Result<QByteArray> zipBundle(const Bundle& bundle, const QString& what) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    QuaZip zip(&buffer);
    const auto failed = [&what](int code) {
        return Error{
            BundleWriter::tr("%1: cannot make the ZIP archive (error %2)").arg(what).arg(code),
            ErrorKind::Io};
    };
    if (!zip.open(QuaZip::mdCreate))
        return failed(zip.getZipError());
    const QDateTime fixed(QDate(1980, 1, 1), QTime(0, 0));
    for (const BundleFile& file : bundle.files) {
        QuaZipNewInfo info(bundle.folderName + QLatin1Char('/') + file.path);
        info.dateTime = fixed;
        info.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                            QFileDevice::ReadGroup | QFileDevice::ReadOther);
        QuaZipFile entry(&zip);
        if (!entry.open(QIODevice::WriteOnly, info) || entry.write(file.data) != file.data.size())
            return failed(entry.getZipError());
        entry.close();
        if (entry.getZipError() != ZIP_OK)
            return failed(entry.getZipError());
    }
    zip.close();
    if (zip.getZipError() != ZIP_OK)
        return failed(zip.getZipError());
    return bytes;
}

} // namespace

Result<bool> BundleWriter::isCurrent(const Library& library, const Article& article,
                                     const QString& folder, const BundleOptions& options) {
    if (!isSafeFileName(article.slug) || article.slug.startsWith(QLatin1Char('.')))
        return false;
    const QString path = QDir(folder).filePath(targetName(article.slug, options));
    if (!QFileInfo::exists(path))
        return false;
    const auto base = resolvedBaseUrl(library, options);
    if (!base)
        return base.failure();
    const auto revision = sourceRevision(library, article);
    if (!revision)
        return revision.failure();
    const auto templates = templatesFor(library, options);
    if (!templates)
        return templates.failure();
    const auto digest = inputDigest(library, article, options, *base, *revision, **templates);
    if (!digest)
        return digest.failure();
    return holdsBundle(path, article.slug, options, *digest);
}

Result<BundleExport> BundleWriter::write(Library& library, Article& article, const QString& folder,
                                         const BundleOptions& options) {
    // Nothing to do when the bundle there was made from the same inputs: checked before
    // anything is rendered, so that exporting a library again costs little.
    if (options.skipUnchanged) {
        const auto current = isCurrent(library, article, folder, options);
        if (!current)
            return current.failure();
        if (*current) {
            BundleExport result;
            result.folder = QDir(folder).filePath(targetName(article.slug, options));
            result.unchanged = true;
            return result;
        }
    }
    auto bundle = build(library, article, options);
    if (!bundle)
        return bundle.failure();
    return writeBuilt(library, article, *bundle, folder, options);
}

StagedBundle::StagedBundle() = default;
StagedBundle::StagedBundle(StagedBundle&&) noexcept = default;
StagedBundle& StagedBundle::operator=(StagedBundle&&) noexcept = default;
StagedBundle::~StagedBundle() = default;

Result<BundleExport> BundleWriter::writeBuilt(Library& library, Article& article,
                                              const Bundle& built, const QString& folder,
                                              const BundleOptions& options) {
    if (options.container == BundleOptions::Container::Zip)
        return writeZip(library, article, built, folder, options);
    auto staged = stage(article, built, folder);
    if (!staged)
        return staged.failure();
    return place(library, article, built, *staged, options);
}

Result<StagedBundle> BundleWriter::stage(const Article& article, const Bundle& bundle,
                                         const QString& folder, bool sync) {
    const QString name = articleName(article);
    StagedBundle staged;
    staged.m_folder = std::make_unique<detail::StagedFolder>(
        folder, bundle.folderName, article.id.toString(QUuid::WithoutBraces));
    if (auto created = staged.m_folder->create(tr("Article '%1'").arg(name)); !created)
        return created.failure();

    // Every name is a part checked here (a canonical language tag, a digest, a fixed
    // name), never a path from the user.
    QSet<QString> subfolders;
    for (const BundleFile& file : std::as_const(bundle.files)) {
        const qsizetype slash = file.path.indexOf(QLatin1Char('/'));
        const QString sub = slash < 0 ? QString() : file.path.left(slash);
        const QString leaf = slash < 0 ? file.path : file.path.mid(slash + 1);
        if ((!sub.isEmpty() && !isSafeFileName(sub)) || !isSafeFileName(leaf))
            return Error{tr("Article '%1': %2 is not a file name").arg(name, file.path),
                         ErrorKind::InvalidInput};
        if (!sub.isEmpty() && !subfolders.contains(sub)) {
            if (auto made = staged.m_folder->makeSubfolder(sub); !made)
                return made.failure();
            subfolders.insert(sub);
        }
        if (auto written = staged.m_folder->writeFile(sub, leaf, file.data); !written)
            return Error{tr("Article '%1': %2").arg(name, written.error()), written.kind()};
        staged.m_files.append(QDir(staged.m_folder->targetPath()).filePath(file.path));
    }
    if (sync) {
        if (auto synced = staged.m_folder->sync(); !synced)
            return synced.failure();
    }
    staged.m_folder->setSyncPlace(sync);
    return staged;
}

Result<BundleExport> BundleWriter::place(Library& library, Article& article, const Bundle& bundle,
                                         StagedBundle& staged, const BundleOptions& options) {
    detail::StagedFolder& folder = *staged.m_folder;
    BundleExport result;
    // The revision says the bundle is there: the folder takes its place inside the
    // transaction, once the revision is on the disk, and is put back when the commit
    // fails.
    const auto done = library.transaction([&]() -> Result<void> {
        auto saved = library.save(
            article, RevisionKind::Export,
            exportNote(QDir::toNativeSeparators(folder.targetPath()), options, bundle));
        if (!saved)
            return saved.failure();
        result.revision = *saved;
        if (auto flushed = library.flushTransaction(); !flushed)
            return flushed;
        return folder.place();
    });
    if (!done)
        return done.failure(); // ~StagedFolder puts the folder back
    folder.finish();
    result.folder = folder.targetPath();
    result.files = staged.m_files;
    result.notices = bundle.notices;
    return result;
}

Result<BundleExport> BundleWriter::writeZip(Library& library, Article& article,
                                            const Bundle& bundle, const QString& folder,
                                            const BundleOptions& options) {
    const QString name = articleName(article);
    const QString what = tr("Article '%1'").arg(name);
    const QString fileName = bundle.folderName + QStringLiteral(".zip");
    if (!isSafeFileName(fileName))
        return Error{tr("Article '%1': %2 is not a file name").arg(name, fileName),
                     ErrorKind::InvalidInput};
    auto bytes = zipBundle(bundle, what);
    if (!bytes)
        return bytes.failure();
    if (!QDir().mkpath(folder))
        return Error{tr("%1: cannot create folder %2").arg(what, QDir::toNativeSeparators(folder)),
                     ErrorKind::Io};
    const QString target = QDir(folder).filePath(fileName);
    const QFileInfo existing(target);
    if ((existing.exists() || existing.isSymLink()) && (!existing.isFile() || existing.isSymLink()))
        return Error{tr("%1: %2 is there and is not a file; not replaced")
                         .arg(what, QDir::toNativeSeparators(target)),
                     ErrorKind::Conflict};
    // The archive goes to a temporary name, flushed, and takes its place inside the
    // Export revision's transaction; put back when the transaction fails.
    AtomicFileSet set(folder);
    if (auto added = set.add(fileName, *bytes); !added)
        return Error{tr("Article '%1': %2").arg(name, added.error()), added.kind()};
    BundleExport result;
    const auto done = library.transaction([&]() -> Result<void> {
        auto saved = library.save(article, RevisionKind::Export,
                                  exportNote(QDir::toNativeSeparators(target), options, bundle));
        if (!saved)
            return saved.failure();
        result.revision = *saved;
        if (auto flushed = library.flushTransaction(); !flushed)
            return flushed;
        auto placed = set.place();
        if (!placed)
            return Error{tr("Article '%1': %2").arg(name, placed.error()), placed.kind()};
        return {};
    });
    if (!done) {
        set.revert();
        return done.failure();
    }
    set.finish();
    result.folder = target;
    result.files = {target};
    result.notices = bundle.notices;
    return result;
}

QString BundleWriter::exportNote(const QString& target, const BundleOptions& options,
                                 const Bundle& bundle) {
    QStringList languages;
    for (const BundleFile& file : bundle.files) {
        if (file.path.endsWith(QLatin1String(".html")))
            languages.append(file.path.section(QLatin1Char('/'), 0, 0));
    }
    return tr("exported to %1 (%2): %3")
        .arg(target,
             options.format == BundleOptions::Format::Fragment ? QStringLiteral("fragment")
                                                               : QStringLiteral("html"),
             languages.join(QStringLiteral(", ")));
}

} // namespace copydesk
