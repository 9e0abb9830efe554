#include "interchange/otherkeys.h"

#include "common/unicode.h"
#include "interchange/frontmatterblock.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>

#include <toml++/toml.h>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <sstream>

namespace copydesk {

namespace {

using detail::Block;

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

QString jsonText(const QJsonValue& value) {
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QString shownValue(const QJsonValue& value) {
    if (value.isString() && typedValue(value.toString()) == value)
        return value.toString();
    return jsonText(value);
}

QJsonValue fromYaml(const YAML::Node& node) {
    switch (node.Type()) {
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const YAML::Node& item : node)
            array.append(fromYaml(item));
        return array;
    }
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto& pair : node)
            object.insert(QString::fromStdString(pair.first.Scalar()), fromYaml(pair.second));
        return object;
    }
    case YAML::NodeType::Scalar: {
        const QString text = QString::fromStdString(node.Scalar());
        // A plain scalar is a number, a boolean or null when it reads as one (YAML 1.2's
        // core schema); a quoted one is text.
        if (node.Tag() == "?") {
            static const QRegularExpression number(
                QStringLiteral("^[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?$"));
            static const QRegularExpression boolean(
                QStringLiteral("^(true|True|TRUE|false|False|FALSE)$"));
            static const QRegularExpression null(QStringLiteral("^(~|null|Null|NULL)$"));
            if (boolean.match(text).hasMatch())
                return text.front().toLower() == u't';
            if (null.match(text).hasMatch())
                return QJsonValue::Null;
            if (number.match(text).hasMatch()) {
                bool whole = false;
                const qint64 integer = text.toLongLong(&whole);
                return whole ? QJsonValue(integer) : QJsonValue(text.toDouble());
            }
        }
        return text;
    }
    case YAML::NodeType::Null:
        return QJsonValue::Null;
    case YAML::NodeType::Undefined:
        break;
    }
    return {};
}

QJsonValue fromToml(const toml::node& node) {
    if (const auto* s = node.as_string())
        return QString::fromStdString(s->get());
    if (const auto* i = node.as_integer())
        return QJsonValue(qint64(i->get()));
    if (const auto* d = node.as_floating_point())
        return d->get();
    if (const auto* b = node.as_boolean())
        return b->get();
    if (const auto* array = node.as_array()) {
        QJsonArray out;
        for (const toml::node& item : *array)
            out.append(fromToml(item));
        return out;
    }
    if (const auto* table = node.as_table()) {
        QJsonObject out;
        for (auto&& [key, value] : *table)
            out.insert(QString::fromUtf8(key.str().data(), qsizetype(key.str().size())),
                       fromToml(value));
        return out;
    }
    // Dates and times, as TOML writes them.
    std::ostringstream text;
    if (const auto* dateTime = node.as_date_time())
        text << dateTime->get();
    else if (const auto* date = node.as_date())
        text << date->get();
    else if (const auto* time = node.as_time())
        text << time->get();
    return QString::fromStdString(text.str());
}

bool isWhole(double d) {
    return std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9.0e15;
}

Result<void> putToml(toml::table& table, const std::string& key, const QJsonValue& value);

Result<void> pushToml(toml::array& array, const QJsonValue& value) {
    toml::table holder;
    if (auto put = putToml(holder, "v", value); !put)
        return put;
    array.push_back(std::move(*holder.get("v")));
    return {};
}

Result<void> putToml(toml::table& table, const std::string& key, const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::Bool:
        table.insert_or_assign(key, value.toBool());
        return {};
    case QJsonValue::Double:
        if (isWhole(value.toDouble()))
            table.insert_or_assign(key, int64_t(value.toDouble()));
        else
            table.insert_or_assign(key, value.toDouble());
        return {};
    case QJsonValue::String:
        table.insert_or_assign(key, value.toString().toStdString());
        return {};
    case QJsonValue::Array: {
        toml::array array;
        for (const QJsonValue& item : value.toArray()) {
            if (auto pushed = pushToml(array, item); !pushed)
                return pushed;
        }
        table.insert_or_assign(key, std::move(array));
        return {};
    }
    case QJsonValue::Object: {
        toml::table inner;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (auto put = putToml(inner, it.key().toStdString(), it.value()); !put)
                return put;
        }
        table.insert_or_assign(key, std::move(inner));
        return {};
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return Error{
        QCoreApplication::translate("FrontMatter", "TOML has no null: leave the key out instead"),
        ErrorKind::InvalidInput};
}

/// Where the lines of top-level `key` are in YAML `inner`: from its line to the next
/// line at the margin that is not an item of its list. -1 when it has none.
std::pair<qsizetype, qsizetype> yamlKeyLines(const QString& inner, const QString& key) {
    static const QRegularExpression keyLine(
        QStringLiteral("^([^\\s#:-]([^:\\n]|:(?![ \\t\\n]|$))*?)[ \\t]*:([ \\t\\n]|$)"));
    qsizetype start = -1;
    qsizetype at = 0;
    while (at < inner.size()) {
        qsizetype end = inner.indexOf(u'\n', at);
        end = end < 0 ? inner.size() : end + 1;
        const QStringView line = QStringView(inner).sliced(at, end - at);
        const bool margin = !line.isEmpty() && !line.front().isSpace() && !line.startsWith(u'-');
        if (start >= 0 && margin)
            return {start, at};
        if (start < 0 && margin) {
            const auto m = keyLine.match(line.toString());
            if (m.hasMatch() && m.captured(1) == key)
                start = at;
        }
        at = end;
    }
    return {start, inner.size()};
}

Result<QString> withYamlKey(const Block& block, const QString& key,
                            const std::optional<QString>& value) {
    QString inner = block.inner;
    const auto [start, end] = yamlKeyLines(inner, key);
    const QString line =
        value ? key + QStringLiteral(": ") + jsonText(typedValue(*value)) + u'\n' : QString();
    if (start >= 0) {
        inner.replace(start, end - start, line);
    } else if (value) {
        if (!inner.isEmpty() && !inner.endsWith(u'\n'))
            inner += u'\n';
        inner += line;
    }
    // What was written reads back, and as what was typed.
    try {
        const YAML::Node root = YAML::Load(inner.toStdString());
        const YAML::Node written = root[key.toStdString()];
        if (value ? fromYaml(written) != typedValue(*value) : written.IsDefined())
            throw YAML::Exception(YAML::Mark(), "");
    } catch (const YAML::Exception&) {
        return Error{QCoreApplication::translate(
                         "FrontMatter", "'%1': the front matter would not read back as typed")
                         .arg(key),
                     ErrorKind::InvalidInput};
    }
    return block.opening + inner + block.closing;
}

Result<QString> withTomlKey(const Block& block, const QString& key,
                            const std::optional<QString>& value) {
    auto parsed = detail::parseToml(block.inner);
    if (!parsed)
        return parsed.failure();
    toml::table& root = *parsed;
    if (value) {
        if (auto put = putToml(root, key.toStdString(), typedValue(*value)); !put)
            return Error{QStringLiteral("'%1': %2").arg(key, put.error()), put.kind()};
    } else {
        root.erase(key.toStdString());
    }
    std::ostringstream out;
    out << toml::toml_formatter(root);
    return block.opening + QString::fromStdString(out.str()) + u'\n' + block.closing;
}

Result<QString> withJsonKey(const Block& block, const QString& key,
                            const std::optional<QString>& value) {
    QJsonParseError error;
    QJsonObject root = QJsonDocument::fromJson(block.inner.toUtf8(), &error).object();
    if (error.error != QJsonParseError::NoError)
        return Error{error.errorString(), ErrorKind::InvalidInput};
    if (value)
        root.insert(key, typedValue(*value));
    else
        root.remove(key);
    QByteArray json = QJsonDocument(root).toJson(QJsonDocument::Indented);
    json.chop(1); // the closing line's newline is the block's
    return QString::fromUtf8(json) + block.closing;
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
    QList<std::pair<QString, QJsonValue>> values;
    switch (block->syntax) {
    case Block::Syntax::Yaml:
    case Block::Syntax::Json: // JSON is YAML, and so keeps the order of the file
        try {
            const YAML::Node root = YAML::Load(block->inner.toStdString());
            if (root.IsMap()) {
                for (const auto& pair : root)
                    values.append(
                        {QString::fromStdString(pair.first.Scalar()), fromYaml(pair.second)});
            }
        } catch (const YAML::Exception& e) {
            return Error{QString::fromStdString(e.msg), ErrorKind::InvalidInput};
        }
        break;
    case Block::Syntax::Toml: {
        const auto root = detail::parseToml(block->inner);
        if (!root)
            return root.failure();
        for (auto&& [key, value] : *root)
            values.append({QString::fromUtf8(key.str().data(), qsizetype(key.str().size())),
                           fromToml(value)});
        break;
    }
    }
    QList<OtherKey> out;
    for (const auto& [key, value] : std::as_const(values)) {
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
    switch (block->syntax) {
    case Block::Syntax::Yaml:
        return withYamlKey(*block, key, value);
    case Block::Syntax::Toml:
        return withTomlKey(*block, key, value);
    case Block::Syntax::Json:
        return withJsonKey(*block, key, value);
    }
    return frontMatter;
}

} // namespace copydesk
