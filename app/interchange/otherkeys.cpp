#include "interchange/otherkeys.h"

#include "common/unicode.h"
#include "interchange/frontmatterblock.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QRegularExpression>

namespace copydesk {

namespace {

/// Every name parseFrontMatterFile() reads a field from (interchange/frontmatter.cpp).
const QStringList& fieldKeys() {
    static const QStringList keys = [] {
        QStringList out;
        for (const char* key :
             {"title",          "date",           "lastmod",        "last_modified_at",
              "modified",       "slug",           "lang",           "language",
              "translationKey", "draft",          "summary",        "description",
              "tags",           "categories",     "category",       "status",
              "versionStatus",  "byline",         "author",         "authors",
              "dateline",       "featuredImage",  "featured_image", "image",
              "sourceLanguage", "seoTitle",       "seoDescription", "created",
              "updated",        "translatedFrom", "sourceRevision", "sourceFingerprints"})
            out.append(QLatin1String(key));
        return out;
    }();
    return keys;
}

/// A value as typed: JSON when it reads as JSON, else the text itself.
QJsonValue typedValue(const QString& text) {
    QJsonParseError error;
    const QJsonArray wrapped =
        QJsonDocument::fromJson((u'[' + text + u']').toUtf8(), &error).array();
    if (error.error == QJsonParseError::NoError && wrapped.size() == 1)
        return wrapped.at(0);
    return QJsonValue(text);
}

QString shownValue(const QJsonValue& value) {
    if (value.isString() && typedValue(value.toString()) == value)
        return value.toString();
    return detail::jsonText(value);
}

} // namespace

bool isFieldFrontMatterKey(const QString& key) {
    return fieldKeys().contains(key, Qt::CaseInsensitive);
}

Result<QList<OtherKey>> otherFrontMatterKeys(const QString& frontMatter) {
    if (frontMatter.isEmpty())
        return QList<OtherKey>();
    const auto block = detail::splitBlock(frontMatter);
    if (!block)
        return Error{
            QCoreApplication::translate("FrontMatter", "the front matter has no closing line"),
            ErrorKind::InvalidInput};
    const auto values = detail::topLevelValues(*block);
    if (!values)
        return values.failure();
    QList<OtherKey> out;
    for (const auto& [key, value] : *values) {
        if (!isFieldFrontMatterKey(key))
            out.append(OtherKey{key, shownValue(value)});
    }
    return out;
}

Result<QString> withOtherFrontMatterKey(const QString& frontMatter, const QString& key,
                                        const std::optional<QString>& value) {
    // Names as sites use them ("weight", "cSpell:ignore"); nothing that could end the key
    // early in any syntax.
    static const QRegularExpression name(
        QStringLiteral("^[A-Za-z0-9_]([A-Za-z0-9_.-]|:(?=[A-Za-z0-9_]))*$"));
    if (!name.match(key).hasMatch())
        return Error{QCoreApplication::translate(
                         "FrontMatter",
                         "'%1' cannot be a front-matter key: use letters, digits, '_', '-', '.' "
                         "and ':' between them")
                         .arg(withControlsEscaped(key, 80)),
                     ErrorKind::InvalidInput};
    if (isFieldFrontMatterKey(key))
        return Error{QCoreApplication::translate("FrontMatter",
                                                 "'%1' is one of Copydesk's fields: edit it there")
                         .arg(key),
                     ErrorKind::InvalidInput};
    const auto block = detail::splitBlock(frontMatter);
    if (!block)
        return Error{
            QCoreApplication::translate("FrontMatter", "the front matter has no closing line"),
            ErrorKind::InvalidInput};
    auto edited = detail::withKeys(
        *block, {detail::KeyEdit{{key}, value ? std::optional(typedValue(*value)) : std::nullopt}});
    if (!edited)
        return edited;
    return detail::inWrittenForm(*edited, detail::writtenForm(frontMatter));
}

} // namespace copydesk
