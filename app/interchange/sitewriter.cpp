#include "interchange/sitewriter.h"

#include "article/slug.h"
#include "common/atomicfile.h"
#include "common/languagetag.h"
#include "import/inputfile.h"
#include "interchange/frontmatter.h"
#include "interchange/frontmatterblock.h"
#include "interchange/interchange.h"
#include "library/library.h"
#include "markdown/render.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <map>
#include <memory>

namespace copydesk {

using detail::Block;
using detail::inWrittenForm;
using detail::splitBlock;
using detail::withoutWrittenForm;

namespace {

/// The article's terms in `language`: each one's label there, else the term itself.
QStringList labelled(const QStringList& terms,
                     const QHash<QString, QHash<QString, QString>>& labels,
                     const QString& language) {
    QStringList out;
    for (const QString& term : terms)
        out.append(labels.value(term).value(language, term));
    return out;
}

QString isoDate(const QDateTime& value) {
    const QDateTime utc = value.toUTC();
    return utc.toString(utc.time().msec() != 0 ? Qt::ISODateWithMs : Qt::ISODate);
}

/// One key of the front matter that Copydesk may have to write again: the names it is
/// read under (the first is the one a new key gets) and the value the version has now.
struct Field final {
    QStringList names;
    enum class Kind { Text, Date, Bool, List } kind = Kind::Text;
    QString text;
    bool flag = false;
    QStringList list;
    bool byline = false; ///< the author's name, written in the shape the page has it
};

/// What the version has that differs from what its front matter says, as the keys
/// to write. Only the keys the front matter has are compared where the library fills
/// a value in when there is none (dates, status): a page without a date gets none.
/// What belongs to the article (its status, tags and categories) is told edited against
/// `source`, the page of the source language it was read from: a translation's page may
/// say otherwise (tags of its own, a draft), and keeps that until the article changes.
QList<Field> changedFields(const Article& article, const LanguageVersion& version,
                           const SiteLabels& labels, const FrontMatterFile& written,
                           const FrontMatterFile& source) {
    const Article& was = written.article;
    const LanguageVersion& old = was.versions.front();
    QList<Field> fields;
    auto text = [&](QStringList names, const QString& now, const QString& before) {
        if (now != before)
            fields.append(Field{std::move(names), Field::Kind::Text, now, false, {}});
    };
    text({QStringLiteral("title")}, version.title, old.title);
    text({QStringLiteral("summary"), QStringLiteral("description")}, version.summary, old.summary);
    if (old.created.isValid() && version.created.isValid() && old.created != version.created)
        fields.append(Field{
            {QStringLiteral("date")}, Field::Kind::Date, isoDate(version.created), false, {}});
    if (old.updated.isValid() && version.updated.isValid() && old.updated != version.updated) {
        fields.append(Field{{QStringLiteral("lastmod"), QStringLiteral("last_modified_at"),
                             QStringLiteral("modified")},
                            Field::Kind::Date,
                            isoDate(version.updated),
                            false,
                            {}});
    }
    // A page without a draft flag is published (Hugo's and Jekyll's default).
    const bool hasDraft = written.keys.contains(QStringLiteral("status"));
    const bool statusEdited = article.status != source.article.status;
    const Status now = statusEdited ? article.status : version.status;
    const Status before = hasDraft ? old.status : Status::Published;
    if ((hasDraft || statusEdited) && (now == Status::Published) != (before == Status::Published)) {
        fields.append(
            Field{{QStringLiteral("draft")}, Field::Kind::Bool, {}, now != Status::Published, {}});
    }
    const QString byline = version.byline.isEmpty() ? article.byline : version.byline;
    if ((written.keys.contains(QStringLiteral("byline")) || !byline.isEmpty()) &&
        byline != was.byline) {
        fields.append(
            Field{{QStringLiteral("author"), QStringLiteral("byline"), QStringLiteral("authors")},
                  Field::Kind::Text,
                  byline,
                  false,
                  {},
                  true});
    }
    auto list = [&](const QString& key, QStringList names, const QStringList& terms,
                    const QStringList& fromSource, const QHash<QString, QHash<QString, QString>>& l,
                    const QStringList& before) {
        if (terms == fromSource)
            return; // as the import read them: each page keeps its own
        const QStringList now = labelled(terms, l, version.language);
        if ((written.keys.contains(key) || !now.isEmpty()) && now != before)
            fields.append(Field{std::move(names), Field::Kind::List, {}, false, now});
    };
    list(QStringLiteral("tags"), {QStringLiteral("tags")}, article.tags, source.article.tags,
         labels.tags, was.tags);
    list(QStringLiteral("categories"), {QStringLiteral("categories"), QStringLiteral("category")},
         article.categories, source.article.categories, labels.categories, was.categories);
    // The library makes a slug unique ("introduction-2" for the second page of that
    // name): that is the library's, not a change to the page's slug.
    if (written.keys.contains(QStringLiteral("slug")) && article.slug != was.slug) {
        static const QRegularExpression suffix(QStringLiteral("-[0-9]+$"));
        QString base = article.slug;
        base.remove(suffix);
        if (base != was.slug)
            fields.append(
                Field{{QStringLiteral("slug")}, Field::Kind::Text, article.slug, false, {}});
    }
    return fields;
}

/// The keys to write for `fields`, in the block's own syntax (detail::withKeys).
Result<QString> rewritten(const Block& block, const QList<Field>& fields) {
    const auto values = detail::topLevelValues(block);
    const QList<std::pair<QString, QJsonValue>> current = values ? *values : decltype(current)();
    // The value the page has under one of `names` (any case), if any.
    auto existing = [&](const QStringList& names) {
        for (const QString& name : names) {
            for (const auto& [key, value] : current) {
                if (key.compare(name, Qt::CaseInsensitive) == 0)
                    return value;
            }
        }
        return QJsonValue(QJsonValue::Undefined);
    };
    QList<detail::KeyEdit> edits;
    for (const Field& field : fields) {
        QJsonValue value;
        const QJsonValue was = existing(field.names);
        switch (field.kind) {
        case Field::Kind::Bool:
            value = field.flag;
            break;
        case Field::Kind::List:
            value = QJsonArray::fromStringList(field.list);
            break;
        case Field::Kind::Text:
        case Field::Kind::Date:
            value = field.text;
            // A byline kept in the shape the page gives its author: a list of names
            // (read as "Jane, Joe"), or a map whose name it is (an e-mail beside it).
            if (field.byline && was.isArray()) {
                value = QJsonArray::fromStringList(field.text.split(QStringLiteral(", ")));
            } else if (field.byline && was.isObject()) {
                QJsonObject author = was.toObject();
                author.insert(QStringLiteral("name"), field.text);
                value = author;
            }
            break;
        }
        edits.append(detail::KeyEdit{field.names, value, field.kind == Field::Kind::Date});
    }
    return detail::withKeys(block, edits);
}

/// YAML front matter for a version that has none from the site.
QString newFrontMatter(const Article& article, const LanguageVersion& version,
                       const SiteLabels& labels) {
    QList<Field> fields;
    fields.append(Field{{QStringLiteral("title")}, Field::Kind::Text, version.title, false, {}});
    if (version.created.isValid())
        fields.append(Field{
            {QStringLiteral("date")}, Field::Kind::Date, isoDate(version.created), false, {}});
    if (!version.summary.isEmpty())
        fields.append(
            Field{{QStringLiteral("description")}, Field::Kind::Text, version.summary, false, {}});
    const QString byline = version.byline.isEmpty() ? article.byline : version.byline;
    if (!byline.isEmpty())
        fields.append(Field{{QStringLiteral("author")}, Field::Kind::Text, byline, false, {}});
    if (!article.tags.isEmpty())
        fields.append(Field{{QStringLiteral("tags")},
                            Field::Kind::List,
                            {},
                            false,
                            labelled(article.tags, labels.tags, version.language)});
    if (!article.categories.isEmpty())
        fields.append(Field{{QStringLiteral("categories")},
                            Field::Kind::List,
                            {},
                            false,
                            labelled(article.categories, labels.categories, version.language)});
    if (version.status != Status::Published)
        fields.append(Field{{QStringLiteral("draft")}, Field::Kind::Bool, {}, true, {}});
    Block block;
    block.opening = QStringLiteral("---\n");
    block.closing = QStringLiteral("---\n\n");
    auto written = rewritten(block, fields);
    return written ? *written : QString();
}

/// "a/b/c.md" split into checked parts, or nothing when a part cannot be a name in a
/// folder ("..", empty, a control character) or the path is absolute.
std::optional<QStringList> safeParts(const QString& path) {
    if (path.isEmpty() || path.startsWith(QLatin1Char('/')))
        return std::nullopt;
    const QStringList parts = path.split(QLatin1Char('/'));
    for (const QString& part : parts) {
        if (!isSafeFileName(part) || part == u"..")
            return std::nullopt;
    }
    return parts;
}

/// The media a body references as media:NAME (images and links), found by the one
/// parse, so that a name in a code block or in running text is none.
QStringList referencedMedia(const QString& body) {
    QStringList names;
    RenderOptions options;
    options.sourcePositions = false;
    options.mediaResolver = [&names](const QString& name) {
        if (!names.contains(name))
            names.append(name);
        return QString();
    };
    (void)renderHtml(body, options);
    return names;
}

/// `body` with its media:NAME destinations as NAME: in a page bundle the image is a
/// resource of the page, beside it.
QString bundleBody(QString body, const QStringList& names) {
    for (const QString& name : names) {
        const QString media = QStringLiteral("media:") + name;
        body.replace(QStringLiteral("](") + media, QStringLiteral("](") + name);
        body.replace(QLatin1Char('<') + media + QLatin1Char('>'),
                     QLatin1Char('<') + name + QLatin1Char('>'));
        body.replace(QStringLiteral("]: ") + media, QStringLiteral("]: ") + name);
    }
    return body;
}

bool hasSitePage(const Article& article) {
    for (const LanguageVersion& version : article.versions) {
        if (!version.sitePath.isEmpty())
            return true;
    }
    return false;
}

QString articleName(const Article& article) {
    return article.slug.isEmpty() ? article.id.toString(QUuid::WithoutBraces) : article.slug;
}

} // namespace

/// The page of `version` as the site wrote it, read again: its front matter as kept, or
/// for a page without any its body.
Result<FrontMatterFile> pageAsWritten(const LanguageVersion& version) {
    FrontMatterOptions options;
    options.site = true;
    options.fallbackLanguage = version.language;
    const QString path = version.sitePath.isEmpty() ? QStringLiteral("page.md") : version.sitePath;
    return parseFrontMatterFile(
        (version.siteFrontMatter.isEmpty() ? version.body : version.siteFrontMatter).toUtf8(), path,
        options);
}

Result<QByteArray> sitePageBytes(const Article& article, const LanguageVersion& version,
                                 const SiteLabels& labels) {
    // The source language's page, which the article's own metadata was read from.
    std::optional<FrontMatterFile> source;
    if (const LanguageVersion* s = article.version(article.sourceLanguage);
        s && s->language != version.language && !s->sitePath.isEmpty()) {
        if (auto read = pageAsWritten(*s))
            source = std::move(*read);
    }
    if (version.siteFrontMatter.isEmpty()) {
        if (!version.sitePath.isEmpty()) {
            // A page of the site without front matter gets none now either, unless
            // something was edited since (a tag, a title that is no longer its first
            // heading): then the keys edited, and only those.
            const auto was = pageAsWritten(version);
            if (was) {
                const QList<Field> fields =
                    changedFields(article, version, labels, *was, source ? *source : *was);
                if (fields.isEmpty())
                    return version.body.toUtf8();
                Block block;
                block.opening = QStringLiteral("---\n");
                block.closing = QStringLiteral("---\n\n");
                const auto written = rewritten(block, fields);
                if (!written)
                    return Error{fileError(version.sitePath, written.error()), written.kind()};
                return (*written + version.body).toUtf8();
            }
        }
        return (newFrontMatter(article, version, labels) + version.body).toUtf8();
    }
    const QString path = version.sitePath.isEmpty() ? QStringLiteral("page.md") : version.sitePath;
    const auto written = pageAsWritten(version);
    if (!written)
        return written.failure();
    const QList<Field> fields =
        changedFields(article, version, labels, *written, source ? *source : *written);
    // The page as the site wrote it: its line ends.
    const detail::WrittenForm form = detail::writtenForm(version.siteFrontMatter);
    if (fields.isEmpty())
        return inWrittenForm(withoutWrittenForm(version.siteFrontMatter) + version.body, form)
            .toUtf8();
    const auto block = splitBlock(version.siteFrontMatter);
    if (!block) {
        return Error{fileError(path, QCoreApplication::translate(
                                         "Export", "the front matter kept for the page cannot be "
                                                   "read again")),
                     ErrorKind::InvalidInput};
    }
    const auto edited = rewritten(*block, fields);
    if (!edited)
        return Error{fileError(path, edited.error()), edited.kind()};
    return inWrittenForm(*edited + version.body, form).toUtf8();
}

QString sitePagePath(const Article& article, const LanguageVersion& version, SiteFlavour flavour) {
    if (!version.sitePath.isEmpty())
        return version.sitePath;
    const auto tag = canonicalLanguageTag(version.language);
    const QString language = tag ? *tag : QStringLiteral("und");
    // Beside the article's page in another language, as the site links translations.
    for (const LanguageVersion& other : article.versions) {
        if (other.sitePath.isEmpty())
            continue;
        QStringList parts = other.sitePath.split(QLatin1Char('/'));
        const QString otherLanguage = languageFromFileName(parts.last());
        if (otherLanguage.isEmpty() && parts.size() > 1 &&
            !languageFromFileName(QStringLiteral("x.") + parts.front() + QStringLiteral(".md"))
                 .isEmpty()) {
            parts.front() = language;
            return parts.join(QLatin1Char('/'));
        }
        const QFileInfo info(parts.last());
        QString stem = info.completeBaseName();
        if (!otherLanguage.isEmpty())
            stem = stem.left(stem.lastIndexOf(QLatin1Char('.')));
        parts.last() = stem + QLatin1Char('.') + language + QLatin1Char('.') + info.suffix();
        return parts.join(QLatin1Char('/'));
    }
    QString slug = article.slug;
    if (slug.isEmpty() || !validateSlug(slug))
        slug = article.id.toString(QUuid::WithoutBraces);
    if (flavour == SiteFlavour::Jekyll) {
        const QDateTime date = version.created.isValid() ? version.created : article.created;
        const QString prefix = date.isValid()
                                   ? date.toUTC().date().toString(Qt::ISODate) + QLatin1Char('-')
                                   : QString();
        return QStringLiteral("_posts/") + prefix + slug + QLatin1Char('.') + language +
               QStringLiteral(".md");
    }
    return slug + QStringLiteral("/index.") + language + QStringLiteral(".md");
}

Result<SiteLabels> siteLabels(const Library& library) {
    SiteLabels labels;
    const auto tags = library.tags();
    if (!tags)
        return tags.failure();
    for (const Term& term : *tags)
        labels.tags.insert(term.slug, term.labels);
    const auto categories = library.categories();
    if (!categories)
        return categories.failure();
    for (const Term& term : *categories)
        labels.categories.insert(term.slug, term.labels);
    return labels;
}

Result<QStringList> exportArticleToSite(Library& library, Article& article, const QString& folder,
                                        SiteFlavour flavour, const QStringList& languages,
                                        const SiteLabels* labels) {
    SiteLabels fetched;
    if (!labels) {
        auto read = siteLabels(library);
        if (!read)
            return read.failure();
        fetched = std::move(*read);
        labels = &fetched;
    }
    auto versions = selectVersions(article, languages);
    if (!versions)
        return versions.failure();
    const QFileInfo folderInfo(folder);
    if (folderInfo.exists() && !folderInfo.isDir())
        return Error{fileError(folder, QCoreApplication::translate("Export", "is not a folder")),
                     ErrorKind::InvalidInput};
    const QString root = QDir::cleanPath(folderInfo.absoluteFilePath());

    // One staged set per folder the pages go into; the folders this export creates
    // go with the set of the deepest one and are removed when it fails.
    std::map<QString, std::unique_ptr<StagedArticleFiles>> staged;
    QStringList names;
    QSet<QString> bundled; // media written, by path
    for (const LanguageVersion& version : *versions) {
        const QString relative = sitePagePath(article, version, flavour);
        const auto parts = safeParts(relative);
        if (!parts) {
            return Error{QCoreApplication::translate(
                             "Export", "%1: the page's path '%2' would leave the folder %3")
                             .arg(articleName(article), relative, QDir::toNativeSeparators(folder)),
                         ErrorKind::InvalidInput};
        }
        QString at = root;
        QStringList created;
        for (qsizetype i = 0; i + 1 < parts->size(); ++i) {
            at += QLatin1Char('/') + parts->at(i);
            const QFileInfo info(at);
            if (info.isSymLink() || (info.exists() && !info.isDir())) {
                return Error{fileError(at, QCoreApplication::translate(
                                               "Export", "is not a folder (a link or a file); "
                                                         "nothing is written through it")),
                             ErrorKind::InvalidInput};
            }
            if (!info.exists())
                created.append(at);
        }
        for (QString up = root; !QFileInfo::exists(up);) {
            created.prepend(up);
            const QString parent = QFileInfo(up).path();
            if (parent == up)
                break;
            up = parent;
        }
        if (!created.isEmpty() && !QDir().mkpath(at)) {
            for (auto it = created.crbegin(); it != created.crend(); ++it)
                QDir().rmdir(*it);
            return Error{
                fileError(at, QCoreApplication::translate("Export", "cannot create the folder")),
                ErrorKind::Io};
        }
        auto& set = staged[at];
        if (!set)
            set = std::make_unique<StagedArticleFiles>(at, created);
        // An article that is not from a site becomes a Hugo page bundle: its images
        // beside its pages, referenced by name.
        LanguageVersion page = version;
        QStringList media;
        if (flavour == SiteFlavour::Hugo && !hasSitePage(article)) {
            media = referencedMedia(version.body);
            page.body = bundleBody(version.body, media);
        }
        auto bytes = sitePageBytes(article, page, *labels);
        if (!bytes)
            return bytes.failure();
        if (auto added = set->files().add(parts->last(), *bytes); !added)
            return added.failure();
        names.append(relative);
        for (const QString& name : std::as_const(media)) {
            if (bundled.contains(at + QLatin1Char('/') + name))
                continue;
            bundled.insert(at + QLatin1Char('/') + name);
            auto item = library.media(name);
            if (!item || !isSafeFileName(name)) {
                return Error{QCoreApplication::translate(
                                 "Export", "%1, version '%2': media:%3 is not in the library")
                                 .arg(articleName(article), version.language, name),
                             ErrorKind::NotFound};
            }
            if (auto added = set->files().add(name, item->data); !added)
                return added.failure();
        }
    }

    // As exportArticleToFolder(): the revision, then the files in place inside its
    // transaction, taken back when it fails.
    QStringList written;
    const auto done = library.transaction([&]() -> Result<void> {
        auto saved = library.save(
            article, RevisionKind::Export,
            QCoreApplication::translate("Export", "exported to %1: %2")
                .arg(QDir::toNativeSeparators(folder), names.join(QStringLiteral(", "))));
        if (!saved)
            return saved.failure();
        if (auto flushed = library.flushTransaction(); !flushed)
            return flushed;
        for (auto& [at, set] : staged) {
            auto placed = set->place();
            if (!placed)
                return placed.failure();
            written += *placed;
        }
        return {};
    });
    if (!done)
        return done.failure(); // each ~StagedArticleFiles puts its folder back
    for (auto& [at, set] : staged)
        set->finish();
    return written;
}

} // namespace copydesk
