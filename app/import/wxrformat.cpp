#include "import/wxrformat.h"

#include "common/languagetag.h"
#include "import/htmlimport.h"
#include "import/inputfile.h"
#include "import/wpautop_p.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTimeZone>
#include <QUrl>
#include <QXmlStreamReader>

#include <algorithm>

namespace copydesk {

namespace {

struct Term final {
    QString domain;
    QString slug;
    QString label;
};

struct Item final {
    QHash<QString, QString> fields; ///< "title", "wp:post_id", "content:encoded", ...
    QList<Term> terms;
    QHash<QString, QString> meta;
};

struct Export final {
    QString site;
    QString language;
    QHash<QString, QString> authors; ///< login -> display name
    QList<Item> items;
};

/// The prefix WXR files use for an element's namespace ("wp", "content", "dc",
/// "excerpt"), whatever URI spelling the exporter wrote (http or https, 1.0 to 1.2).
QString prefixOf(QStringView uri) {
    if (uri.contains(u"wordpress.org/export/"))
        return uri.contains(u"/excerpt") ? QStringLiteral("excerpt") : QStringLiteral("wp");
    if (uri.contains(u"purl.org/rss/1.0/modules/content"))
        return QStringLiteral("content");
    if (uri.contains(u"purl.org/dc/elements"))
        return QStringLiteral("dc");
    return {};
}

QString keyOf(const QXmlStreamReader& xml) {
    const QString prefix = prefixOf(xml.namespaceUri());
    return prefix.isEmpty() ? xml.name().toString()
                            : prefix + QLatin1Char(':') + xml.name().toString();
}

/// The text of the element the reader is on, children's text included, reader left
/// on its end.
QString elementText(QXmlStreamReader& xml) {
    return xml.readElementText(QXmlStreamReader::IncludeChildElements);
}

void readItem(QXmlStreamReader& xml, Item& item) {
    while (xml.readNextStartElement()) {
        const QString key = keyOf(xml);
        if (key == u"category") {
            Term term;
            term.domain = xml.attributes().value(QLatin1String("domain")).toString();
            term.slug = xml.attributes().value(QLatin1String("nicename")).toString();
            term.label = elementText(xml).trimmed();
            item.terms.append(term);
        } else if (key == u"wp:postmeta") {
            QString metaKey, value;
            while (xml.readNextStartElement()) {
                const QString child = keyOf(xml);
                if (child == u"wp:meta_key")
                    metaKey = elementText(xml);
                else if (child == u"wp:meta_value")
                    value = elementText(xml);
                else
                    xml.skipCurrentElement();
            }
            item.meta.insert(metaKey, value);
        } else if (key == u"wp:comment") {
            xml.skipCurrentElement();
        } else {
            item.fields.insert(key, elementText(xml));
        }
    }
}

Result<Export> parseExport(const QByteArray& bytes, const QString& path) {
    Export wxr;
    QXmlStreamReader xml(bytes);
    bool sawWordPress = false;
    bool inChannel = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const QString key = keyOf(xml);
        if (key.startsWith(QLatin1String("wp:")))
            sawWordPress = true;
        if (key == u"channel") {
            inChannel = true;
        } else if (key == u"item") {
            Item item;
            readItem(xml, item);
            sawWordPress = sawWordPress || item.fields.contains(QStringLiteral("wp:post_type"));
            wxr.items.append(std::move(item));
        } else if (key == u"wp:author") {
            QString login, display;
            while (xml.readNextStartElement()) {
                const QString child = keyOf(xml);
                if (child == u"wp:author_login")
                    login = elementText(xml).trimmed();
                else if (child == u"wp:author_display_name")
                    display = elementText(xml).trimmed();
                else
                    xml.skipCurrentElement();
            }
            if (!login.isEmpty())
                wxr.authors.insert(login, display.isEmpty() ? login : display);
        } else if (inChannel && key == u"language" && wxr.language.isEmpty()) {
            wxr.language = elementText(xml).trimmed();
        } else if (key == u"wp:base_blog_url" || key == u"wp:base_site_url") {
            const QString url = elementText(xml).trimmed();
            if (wxr.site.isEmpty() || key == u"wp:base_blog_url")
                wxr.site = url;
        } else if (inChannel && key == u"link" && wxr.site.isEmpty()) {
            wxr.site = elementText(xml).trimmed();
        }
    }
    if (xml.hasError()) {
        return Error{fileError(path, QCoreApplication::translate(
                                         "Import", "not a readable WordPress export: %1 (line %2)")
                                         .arg(xml.errorString())
                                         .arg(xml.lineNumber())),
                     ErrorKind::InvalidInput};
    }
    if (!sawWordPress) {
        return Error{fileError(path, QCoreApplication::translate(
                                         "Import", "is not a WordPress export (WXR) file")),
                     ErrorKind::Unsupported};
    }
    return wxr;
}

QDateTime wordPressDate(const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.startsWith(QLatin1String("0000")))
        return {};
    const QDateTime local = QDateTime::fromString(trimmed, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!local.isValid())
        return {};
    return QDateTime(local.date(), local.time(), QTimeZone::utc());
}

QDateTime postDate(const Item& item, const QString& gmtKey, const QString& localKey) {
    const QDateTime gmt = wordPressDate(item.fields.value(gmtKey));
    if (gmt.isValid())
        return gmt;
    // Without the UTC time, the site's local time is the best there is.
    return wordPressDate(item.fields.value(localKey));
}

std::optional<Status> statusOf(const QString& wordPress) {
    if (wordPress == u"publish")
        return Status::Published;
    if (wordPress == u"future")
        return Status::Ready;
    if (wordPress == u"pending")
        return Status::InReview;
    if (wordPress == u"draft" || wordPress == u"private" || wordPress.isEmpty())
        return Status::Draft;
    return std::nullopt; // trash, auto-draft, inherit
}

QString decodedSlug(const QString& slug) {
    return QUrl::fromPercentEncoding(slug.trimmed().toUtf8());
}

/// The block editor's footnotes, which WordPress keeps in the post's "footnotes"
/// field, as the list its footnotes block shows (the references point to the ids).
QString footnotesHtml(const QString& json) {
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    QString list;
    for (const QJsonValue& value : doc.array()) {
        const QJsonObject note = value.toObject();
        const QString id = note.value(QLatin1String("id")).toString();
        if (id.isEmpty())
            continue;
        list += QStringLiteral("<li id=\"") + id.toHtmlEscaped() + QStringLiteral("\">") +
                note.value(QLatin1String("content")).toString() + QStringLiteral("</li>");
    }
    return list.isEmpty() ? QString() : QStringLiteral("<ol>") + list + QStringLiteral("</ol>");
}

QString plainSummary(const QString& excerpt, const QString& path) {
    if (excerpt.trimmed().isEmpty())
        return {};
    if (!excerpt.contains(QLatin1Char('<')) && !excerpt.contains(QLatin1Char('&')))
        return excerpt.simplified();
    const auto doc = htmlFragmentToMarkdown(excerpt, path);
    return doc ? doc->body.simplified() : excerpt.simplified();
}

} // namespace

QString WxrFormat::id() const {
    return QStringLiteral("wxr");
}

QStringList WxrFormat::aliases() const {
    return {QStringLiteral("wordpress")};
}

QString WxrFormat::name() const {
    return QCoreApplication::translate("FileFormat", "WordPress export");
}

QStringList WxrFormat::extensions() const {
    return {QStringLiteral("xml")};
}

FileFormat::Capabilities WxrFormat::capabilities() const {
    return Capability::Read;
}

Result<ImportedFile> WxrFormat::read(const QByteArray& bytes, const QString& path,
                                     const QString& fallbackLanguage) const {
    auto all = readAll(bytes, path, fallbackLanguage);
    if (!all)
        return all.failure();
    return std::move(all->front());
}

Result<QList<ImportedFile>> WxrFormat::readAll(const QByteArray& bytes, const QString& path,
                                               const QString& fallbackLanguage) const {
    if (auto size = checkTextSize(bytes.size(), path); !size)
        return size.failure();
    auto parsed = parseExport(bytes, path);
    if (!parsed)
        return parsed.failure();
    const Export& wxr = *parsed;

    auto siteLanguage = canonicalLanguageTag(wxr.language);
    const QString defaultLanguage = siteLanguage ? *siteLanguage : fallbackLanguage;

    QHash<QString, wordpress::Attachment> attachments;
    for (const Item& item : wxr.items) {
        if (item.fields.value(QStringLiteral("wp:post_type")) != u"attachment")
            continue;
        wordpress::Attachment a;
        a.url = item.fields.value(QStringLiteral("wp:attachment_url")).trimmed();
        a.title = item.fields.value(QStringLiteral("title")).trimmed();
        a.alt = item.meta.value(QStringLiteral("_wp_attachment_image_alt")).trimmed();
        a.parent = item.fields.value(QStringLiteral("wp:post_parent")).trimmed();
        attachments.insert(item.fields.value(QStringLiteral("wp:post_id")).trimmed(), a);
    }

    static const QUuid ns = QUuid::fromString(u"{3b0f8f52-6a43-4f1e-9d0c-5b8e2f7a4c11}");
    const QString site = wxr.site.isEmpty() ? QFileInfo(path).absoluteFilePath() : wxr.site;
    QList<ImportedFile> files;
    QStringList declaredSources; // per file: the language it was translated from (WPML)
    QMap<QString, int> leftOut;  // post type or status -> count
    for (const Item& item : wxr.items) {
        const QString type = item.fields.value(QStringLiteral("wp:post_type")).trimmed();
        if (type != u"post" && type != u"page") {
            ++leftOut[type.isEmpty() ? QStringLiteral("?") : type];
            continue;
        }
        const QString wpStatus = item.fields.value(QStringLiteral("wp:status")).trimmed();
        const std::optional<Status> status = statusOf(wpStatus);
        if (!status) {
            ++leftOut[wpStatus];
            continue;
        }
        const QString postId = item.fields.value(QStringLiteral("wp:post_id")).trimmed();
        const QString title = item.fields.value(QStringLiteral("title")).trimmed();
        const QString where =
            QCoreApplication::translate("Import", "post %1 (\"%2\")").arg(postId, title);

        ImportedFile file;
        file.hasFrontMatter = true;
        LanguageVersion version;
        version.title = title;
        version.status = *status;
        version.created =
            postDate(item, QStringLiteral("wp:post_date_gmt"), QStringLiteral("wp:post_date"));
        version.updated = postDate(item, QStringLiteral("wp:post_modified_gmt"),
                                   QStringLiteral("wp:post_modified"));
        version.summary = plainSummary(item.fields.value(QStringLiteral("excerpt:encoded")), path);

        QString language;
        QString translations;
        Article& article = file.article;
        for (const Term& term : item.terms) {
            const QString slug = decodedSlug(term.slug);
            if (term.domain == u"category" && !slug.isEmpty())
                article.categories.append(slug);
            else if (term.domain == u"post_tag" && !slug.isEmpty())
                article.tags.append(slug);
            else if (term.domain == u"language" && language.isEmpty()) {
                // Polylang: the term's slug is the language's code.
                if (auto tag = canonicalLanguageTag(slug))
                    language = *tag;
            } else if (term.domain == u"post_translations") {
                translations = slug;
            }
        }
        // WPML: the language, the group of translations and the language translated from
        // are post meta (as its Export and Import add-on writes them, and _icl_lang_code).
        auto meta = [&](std::initializer_list<const char*> keys) {
            for (const char* key : keys) {
                const QString value = item.meta.value(QLatin1String(key)).trimmed();
                if (!value.isEmpty())
                    return value;
            }
            return QString();
        };
        if (language.isEmpty()) {
            if (auto tag = canonicalLanguageTag(
                    meta({"_wpml_import_language_code", "_icl_lang_code"}).replace(u'_', u'-')))
                language = *tag;
        }
        if (translations.isEmpty())
            translations = meta({"_wpml_import_translation_group"});
        const auto translatedFrom =
            canonicalLanguageTag(meta({"_wpml_import_source_language_code"}).replace(u'_', u'-'));
        version.language = language.isEmpty() ? defaultLanguage : language;

        QString html = item.fields.value(QStringLiteral("content:encoded"));
        QStringList unknown;
        html = wordpress::expandShortcodes(html, postId, attachments, unknown);
        if (!wordpress::hasBlocks(html))
            html = wordpress::autoParagraphs(html);
        html += footnotesHtml(item.meta.value(QStringLiteral("footnotes")));
        auto body = htmlFragmentToMarkdown(html, path);
        if (!body)
            return Error{fileError(path, where + QStringLiteral(": ") + body.error()), body.kind()};
        version.body = body->body;
        for (const QString& notice : std::as_const(body->notices))
            file.notices.append(fileError(path, where + QStringLiteral(": ") + notice));
        if (!unknown.isEmpty()) {
            QStringList shown;
            for (const QString& name : std::as_const(unknown))
                shown.append(QLatin1Char('[') + name + QLatin1Char(']'));
            file.notices.append(fileError(
                path, where + QStringLiteral(": ") +
                          QCoreApplication::translate(
                              "Import", "shortcodes kept as written (Copydesk has no form for "
                                        "them): %1")
                              .arg(shown.join(QStringLiteral(", ")))));
        }

        article.slug = decodedSlug(item.fields.value(QStringLiteral("wp:post_name")));
        article.status = *status;
        article.created = version.created;
        article.updated = version.updated;
        const QString login = item.fields.value(QStringLiteral("dc:creator")).trimmed();
        article.byline = wxr.authors.value(login, login);
        const QString group = translations.isEmpty()
                                  ? QStringLiteral("post:") + postId
                                  : QStringLiteral("translations:") + translations;
        article.id = QUuid::createUuidV5(ns, site + QLatin1Char('#') + group);
        file.groupKey =
            QStringLiteral("wxr:") + QFileInfo(path).absoluteFilePath() + QLatin1Char('#') + group;
        file.keys = {QStringLiteral("slug"),       QStringLiteral("status"),
                     QStringLiteral("byline"),     QStringLiteral("tags"),
                     QStringLiteral("categories"), QStringLiteral("created")};
        article.versions.append(version);
        files.append(std::move(file));
        declaredSources.append(translatedFrom ? *translatedFrom : QString());
    }

    // The source language of a group of translations: the one its versions say they
    // were translated from (WPML), else the site's language when one version is in it,
    // else the version written first.
    QHash<QString, QList<qsizetype>> groups;
    for (qsizetype i = 0; i < files.size(); ++i)
        groups[files.at(i).groupKey].append(i);
    for (const QList<qsizetype>& members : std::as_const(groups)) {
        qsizetype source = -1;
        for (qsizetype i : members) {
            for (qsizetype j : members) {
                if (source < 0 && !declaredSources.at(i).isEmpty() &&
                    files.at(j).article.versions.front().language == declaredSources.at(i))
                    source = j;
            }
        }
        for (qsizetype i : members) {
            if (source >= 0)
                break;
            if (files.at(i).article.versions.front().language == defaultLanguage)
                source = i;
        }
        if (source < 0) {
            source = members.front();
            for (qsizetype i : members) {
                const LanguageVersion& v = files.at(i).article.versions.front();
                const LanguageVersion& s = files.at(source).article.versions.front();
                if (v.created.isValid() && (!s.created.isValid() || v.created < s.created))
                    source = i;
            }
        }
        const QString language = files.at(source).article.versions.front().language;
        for (qsizetype i : members)
            files[i].article.sourceLanguage = language;
    }

    // WordPress lets a page and a post (or posts of different dates) share a slug;
    // in the library a slug names one article.
    QHash<QString, QString> slugGroups; // slug -> group that has it
    for (ImportedFile& file : files) {
        QString& slug = file.article.slug;
        if (slug.isEmpty())
            continue;
        const QString wanted = slug;
        for (int n = 2; slugGroups.contains(slug) && slugGroups.value(slug) != file.groupKey; ++n)
            slug = wanted + QLatin1Char('-') + QString::number(n);
        if (slug != wanted) {
            file.notices.append(fileError(
                path,
                QCoreApplication::translate("Import", "post \"%1\": the slug \"%2\" is taken by "
                                                      "another post of the export; it is \"%3\"")
                    .arg(file.article.versions.front().title, wanted, slug)));
        }
        slugGroups.insert(slug, file.groupKey);
    }

    if (files.isEmpty()) {
        return Error{fileError(path, QCoreApplication::translate(
                                         "Import", "holds no posts or pages; there is nothing "
                                                   "to import")),
                     ErrorKind::InvalidInput};
    }
    if (!leftOut.isEmpty()) {
        QStringList counts;
        for (auto it = leftOut.constBegin(); it != leftOut.constEnd(); ++it)
            counts.append(QStringLiteral("%1 %2").arg(it.value()).arg(it.key()));
        files.front().notices.append(fileError(
            path, QCoreApplication::translate("Import", "left out (not posts or pages, or "
                                                        "trashed): %1")
                      .arg(counts.join(QStringLiteral(", ")))));
    }
    return files;
}

} // namespace copydesk
