#include "export/template.h"

#include "article/article.h"
#include "common/languagetag.h"

#include <QFile>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <mutex>

namespace copydesk {

namespace mustache = kainjow::mustache;

namespace {

QString resourceText(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

std::string utf8(const QString& text) {
    return text.toStdString();
}

/// kainjow reports "<what> at <byte offset>"; the user needs a line number and a
/// translated description.
QString describeSyntaxError(const QString& name, const std::string& text,
                            const std::string& message) {
    static const QRegularExpression kPattern(
        QStringLiteral(R"(^(Unclosed tag|Invalid set delimiter tag|Unopened section|)"
                       R"(Unclosed section)(?: \"([^\"]*)\")? at (\d+)$)"));
    const QString raw = QString::fromStdString(message);
    const QRegularExpressionMatch match = kPattern.match(raw);
    if (!match.hasMatch())
        return Template::tr("Template %1: %2").arg(name, raw);
    const auto offset =
        std::min(static_cast<std::string::size_type>(match.captured(3).toULongLong()), text.size());
    const auto line =
        std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n') + 1;
    const QString what = match.captured(1);
    const QString section = match.captured(2);
    QString problem;
    if (what == u"Unclosed tag")
        problem = Template::tr("a tag is not closed");
    else if (what == u"Invalid set delimiter tag")
        problem = Template::tr("the delimiter tag is not valid");
    else if (what == u"Unopened section")
        problem = Template::tr("section \"%1\" is closed but was never opened").arg(section);
    else
        problem = Template::tr("section \"%1\" is never closed").arg(section);
    return Template::tr("Template %1, line %2: %3").arg(name).arg(line).arg(problem);
}

} // namespace

PageData PageData::from(const Article& article, const LanguageVersion& version,
                        const QString& bodyHtml) {
    PageData data;
    data.language = version.language;
    data.title = version.title;
    data.summary = version.summary;
    data.byline = article.byline;
    data.datelinePlace = article.dateline.place;
    data.datelineDate = article.dateline.date;
    data.bodyHtml = bodyHtml;
    return data;
}

/// kainjow's render() is not const: one page at a time per parse, whichever thread.
struct Template::Parsed final {
    explicit Parsed(const std::string& text)
        : tmpl(text) {}
    std::mutex mutex;
    mustache::mustache tmpl;
};

Template::Template(QString name, std::shared_ptr<Parsed> parsed)
    : m_name(std::move(name))
    , m_parsed(std::move(parsed)) {}

Result<Template> Template::fromText(const QString& name, const QString& text) {
    // kainjow's parser and renderer recurse per section and cost memory per level: a
    // 1 MB file of nested sections took 20 GB. A page template needs neither that size
    // nor that depth, nor partials (there are no other files to include) or delimiters
    // of its own (which would hide its sections from this count).
    constexpr qsizetype kMaxBytes = 1 << 20;
    constexpr int kMaxDepth = 32;
    if (text.size() > kMaxBytes)
        return Error{tr("Template %1: larger than 1 MB").arg(name), ErrorKind::InvalidInput};
    int depth = 0;
    int line = 1;
    for (qsizetype i = 0; i + 2 < text.size(); ++i) {
        if (text[i] == u'\n')
            ++line;
        if (text[i] != u'{' || text[i + 1] != u'{')
            continue;
        const QChar kind = text[i + 2];
        if (kind == u'>' || kind == u'=')
            return Error{tr("Template %1, line %2: %3 is not supported here")
                             .arg(name)
                             .arg(line)
                             .arg(kind == u'>' ? tr("a partial ({{>name}})")
                                               : tr("a delimiter change ({{=… …=}})")),
                         ErrorKind::InvalidInput};
        if (kind == u'#' || kind == u'^') {
            if (++depth > kMaxDepth)
                return Error{tr("Template %1, line %2: sections nested more than %3 deep")
                                 .arg(name)
                                 .arg(line)
                                 .arg(kMaxDepth),
                             ErrorKind::InvalidInput};
        } else if (kind == u'/') {
            --depth;
        }
    }
    // The parses of the last few texts, per thread (a handful of templates serve a
    // whole export; the threads of a batch do not wait for each other's pages).
    thread_local QHash<QString, std::shared_ptr<Parsed>> cache;
    if (const auto it = cache.constFind(text); it != cache.constEnd())
        return Template(name, *it);
    const std::string utf8Text = utf8(text);
    auto parsed = std::make_shared<Parsed>(utf8Text);
    if (!parsed->tmpl.is_valid())
        return Error{describeSyntaxError(name, utf8Text, parsed->tmpl.error_message()),
                     ErrorKind::InvalidInput};
    if (cache.size() >= 16)
        cache.clear();
    cache.insert(text, parsed);
    return Template(name, std::move(parsed));
}

Result<Template> Template::builtIn(Kind kind) {
    const QString file = kind == Kind::Article    ? QStringLiteral("article.mustache")
                         : kind == Kind::Fragment ? QStringLiteral("fragment.mustache")
                                                  : QStringLiteral("index.mustache");
    const QString text = resourceText(QStringLiteral(":/templates/") + file);
    if (text.isEmpty())
        return Error{tr("Template %1: not found in this build").arg(file), ErrorKind::NotFound};
    return fromText(file, text);
}

QString Template::defaultStyle() {
    return resourceText(QStringLiteral(":/templates/style.css"));
}

Result<QString> Template::render(const PageData& data) const {
    const auto language = canonicalLanguageTag(data.language);
    if (!language)
        return language.failure();
    const QLocale locale(*language);

    // Mustache treats every string as true, the empty one too: a field left empty is
    // not set at all, so that {{#summary}}...{{/summary}} leaves out an empty summary.
    mustache::data values;
    const auto set = [&values](const char* key, const QString& value) {
        if (!value.isEmpty())
            values.set(key, utf8(value));
    };
    const auto direction = [](const QLocale& of) {
        return of.textDirection() == Qt::RightToLeft ? QStringLiteral("rtl")
                                                     : QStringLiteral("ltr");
    };
    set("lang", *language);
    set("dir", direction(locale));
    set("title", data.title);
    set("summary", data.summary);
    set("byline", data.byline);
    set("datelinePlace", data.datelinePlace);
    if (data.datelineDate.isValid()) {
        set("datelineDate", data.datelineDate.toString(Qt::ISODate));
        set("datelineDateText", locale.toString(data.datelineDate, QLocale::LongFormat));
    }
    values.set("hasDateline", data.datelineDate.isValid() || !data.datelinePlace.isEmpty());
    set("body", data.bodyHtml);
    set("imageSrc", data.imageSrc);
    set("imageAlt", data.imageAlt);
    set("styleHref", data.styleHref);
    if (data.styleHref.isEmpty())
        set("style", data.style.isEmpty() ? defaultStyle() : data.style);
    set("headExtra", data.headExtra);
    set("canonicalUrl", data.canonicalUrl);
    set("jsonLd", data.jsonLd);
    if (!data.alternates.isEmpty()) {
        mustache::data links{mustache::data::type::list};
        for (const PageData::Link& link : data.alternates) {
            mustache::data item;
            item.set("hreflang", utf8(link.hreflang));
            item.set("href", utf8(link.href));
            links.push_back(item);
        }
        values.set("alternates", links);
    }
    const auto setMeta = [&values](const char* key, const QList<PageData::Meta>& list) {
        if (list.isEmpty())
            return;
        mustache::data items{mustache::data::type::list};
        for (const PageData::Meta& meta : list) {
            mustache::data item;
            item.set("key", utf8(meta.key));
            item.set("content", utf8(meta.content));
            items.push_back(item);
        }
        values.set(key, items);
    };
    setMeta("metaProperties", data.metaProperties);
    setMeta("metaNames", data.metaNames);
    if (!data.versions.isEmpty()) {
        mustache::data items{mustache::data::type::list};
        for (const PageData::Version& version : data.versions) {
            const auto tag = canonicalLanguageTag(version.language);
            if (!tag)
                return tag.failure();
            const QLocale of(*tag);
            mustache::data item;
            item.set("lang", utf8(*tag));
            item.set("dir", utf8(direction(of)));
            item.set("languageName", utf8(nativeLanguageName(*tag)));
            item.set("title", utf8(version.title));
            if (!version.summary.isEmpty())
                item.set("summary", utf8(version.summary));
            item.set("href", utf8(version.href));
            items.push_back(item);
        }
        values.set("versions", items);
    }

    const std::lock_guard lock(m_parsed->mutex);
    return QString::fromStdString(m_parsed->tmpl.render(values));
}

} // namespace copydesk
