#include "library/articlejson.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace copydesk {

namespace {

// Bumped when the snapshot layout changes incompatibly, so old snapshots can be read
// by a converter instead of being misread.
constexpr int kFormatVersion = 1;

QJsonArray toArray(const QStringList& list) {
    return QJsonArray::fromStringList(list);
}

QStringList toStringList(const QJsonValue& value) {
    QStringList list;
    const QJsonArray array = value.toArray();
    list.reserve(array.size());
    for (const QJsonValue& v : array)
        list.append(v.toString());
    return list;
}

QString textOrLines(const QJsonValue& value) {
    if (value.isArray())
        return toStringList(value).join(QLatin1Char('\n'));
    return value.toString();
}

QString str(const QJsonObject& o, QLatin1String key) {
    return o.value(key).toString();
}

} // namespace

QString isoTimestamp(const QDateTime& time) {
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime parseIsoTimestamp(const QString& text) {
    if (text.isEmpty())
        return {};
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

QJsonObject articleToJson(const Article& article) {
    QJsonObject o;
    o.insert(QLatin1String("format"), QStringLiteral("copydesk-article"));
    o.insert(QLatin1String("formatVersion"), kFormatVersion);
    o.insert(QLatin1String("id"), article.id.toString(QUuid::WithoutBraces));
    o.insert(QLatin1String("slug"), article.slug);
    o.insert(QLatin1String("status"), statusId(article.status));
    o.insert(QLatin1String("created"), isoTimestamp(article.created));
    o.insert(QLatin1String("updated"), isoTimestamp(article.updated));
    o.insert(QLatin1String("byline"), article.byline);
    QJsonObject dateline;
    dateline.insert(QLatin1String("place"), article.dateline.place);
    dateline.insert(QLatin1String("date"), article.dateline.date.isValid()
                                               ? article.dateline.date.toString(Qt::ISODate)
                                               : QString());
    o.insert(QLatin1String("dateline"), dateline);
    o.insert(QLatin1String("tags"), toArray(article.tags));
    o.insert(QLatin1String("categories"), toArray(article.categories));
    o.insert(QLatin1String("featuredImage"), article.featuredImage);
    o.insert(QLatin1String("sourceLanguage"), article.sourceLanguage);
    QJsonArray versions;
    for (const LanguageVersion& v : article.versions) {
        QJsonObject j;
        j.insert(QLatin1String("language"), v.language);
        j.insert(QLatin1String("title"), v.title);
        j.insert(QLatin1String("summary"), v.summary);
        j.insert(QLatin1String("body"), v.body);
        j.insert(QLatin1String("seoTitle"), v.seoTitle);
        j.insert(QLatin1String("seoDescription"), v.seoDescription);
        j.insert(QLatin1String("status"), statusId(v.status));
        j.insert(QLatin1String("created"), isoTimestamp(v.created));
        j.insert(QLatin1String("updated"), isoTimestamp(v.updated));
        j.insert(QLatin1String("translatedFrom"), v.translatedFrom);
        // JSON numbers are doubles; a string keeps all 64 bits of the revision id.
        j.insert(QLatin1String("sourceRevision"), QString::number(v.sourceRevision));
        j.insert(QLatin1String("sourceFingerprints"), toArray(v.sourceFingerprints));
        // Only when set: most versions have none, and older snapshots lack them.
        if (!v.byline.isEmpty())
            j.insert(QLatin1String("byline"), v.byline);
        if (!v.sitePath.isEmpty())
            j.insert(QLatin1String("sitePath"), v.sitePath);
        if (!v.siteFrontMatter.isEmpty())
            j.insert(QLatin1String("siteFrontMatter"), v.siteFrontMatter);
        versions.append(j);
    }
    o.insert(QLatin1String("versions"), versions);
    return o;
}

Result<Article> articleFromJson(const QJsonObject& o, const QString& context) {
    auto invalid = [&](const QString& problem) {
        return Error{QCoreApplication::translate("Library", "%1: not a Copydesk article (%2)")
                         .arg(context, problem),
                     ErrorKind::InvalidInput};
    };
    if (o.value(QLatin1String("format")).toString() != QLatin1String("copydesk-article"))
        return invalid(QCoreApplication::translate("Library", "missing \"format\" marker"));
    if (o.value(QLatin1String("formatVersion")).toInt() > kFormatVersion) {
        return invalid(QCoreApplication::translate("Library", "written by a newer Copydesk"));
    }
    Article a;
    const QString id = str(o, QLatin1String("id"));
    a.id = QUuid::fromString(id);
    if (!id.isEmpty() && a.id.isNull())
        return invalid(QCoreApplication::translate("Library", "bad id '%1'").arg(id));
    a.slug = str(o, QLatin1String("slug"));
    auto status = [&](const QJsonObject& j) -> std::optional<Status> {
        const QString s = str(j, QLatin1String("status"));
        return s.isEmpty() ? std::optional<Status>(Status::Draft) : statusFromId(s);
    };
    const auto articleStatus = status(o);
    if (!articleStatus) {
        return invalid(QCoreApplication::translate("Library", "unknown status '%1'")
                           .arg(str(o, QLatin1String("status"))));
    }
    a.status = *articleStatus;
    a.created = parseIsoTimestamp(str(o, QLatin1String("created")));
    a.updated = parseIsoTimestamp(str(o, QLatin1String("updated")));
    a.byline = str(o, QLatin1String("byline"));
    const QJsonObject dateline = o.value(QLatin1String("dateline")).toObject();
    a.dateline.place = str(dateline, QLatin1String("place"));
    a.dateline.date = QDate::fromString(str(dateline, QLatin1String("date")), Qt::ISODate);
    a.tags = toStringList(o.value(QLatin1String("tags")));
    a.categories = toStringList(o.value(QLatin1String("categories")));
    a.featuredImage = str(o, QLatin1String("featuredImage"));
    a.sourceLanguage = str(o, QLatin1String("sourceLanguage"));
    const QJsonArray versions = o.value(QLatin1String("versions")).toArray();
    for (const QJsonValue& value : versions) {
        const QJsonObject j = value.toObject();
        LanguageVersion v;
        v.language = str(j, QLatin1String("language"));
        if (v.language.isEmpty())
            return invalid(QCoreApplication::translate("Library", "a version has no language"));
        v.title = str(j, QLatin1String("title"));
        v.summary = textOrLines(j.value(QLatin1String("summary")));
        v.body = textOrLines(j.value(QLatin1String("body")));
        v.seoTitle = str(j, QLatin1String("seoTitle"));
        v.seoDescription = str(j, QLatin1String("seoDescription"));
        const auto versionStatus = status(j);
        if (!versionStatus) {
            return invalid(QCoreApplication::translate("Library", "unknown status '%1'")
                               .arg(str(j, QLatin1String("status"))));
        }
        v.status = *versionStatus;
        v.created = parseIsoTimestamp(str(j, QLatin1String("created")));
        v.updated = parseIsoTimestamp(str(j, QLatin1String("updated")));
        v.translatedFrom = str(j, QLatin1String("translatedFrom"));
        const QJsonValue revision = j.value(QLatin1String("sourceRevision"));
        v.sourceRevision =
            revision.isString() ? revision.toString().toLongLong() : revision.toInteger();
        v.sourceFingerprints = toStringList(j.value(QLatin1String("sourceFingerprints")));
        v.byline = str(j, QLatin1String("byline"));
        v.sitePath = str(j, QLatin1String("sitePath"));
        v.siteFrontMatter = str(j, QLatin1String("siteFrontMatter"));
        a.versions.append(v);
    }
    return a;
}

} // namespace copydesk
