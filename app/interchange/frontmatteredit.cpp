// Front matter edited key by key in its own syntax (YAML, TOML, JSON), so that a page
// written back keeps the order, the comments and the spelling of the keys nobody
// changed. yaml-cpp, toml++ and QJsonDocument read and write values; what they cannot
// do is say where a key's text is in the file, so that part is found here: YAML by its
// lines at the margin, TOML by toml++'s source positions, JSON by a scan of the
// object's members (Qt's parser gives no positions).
#include "interchange/frontmatterblock.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace copydesk::detail {

namespace {

using Values = QList<std::pair<QString, QJsonValue>>;

QString tomlKey(const toml::key& key) {
    return QString::fromUtf8(key.str().data(), qsizetype(key.str().size()));
}

/// What YAML 1.2's core schema reads a plain scalar as when it is not text.
std::optional<QJsonValue> coreSchemaValue(const QString& text) {
    static const QRegularExpression number(
        QStringLiteral("^[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?$"));
    static const QRegularExpression boolean(QStringLiteral("^(true|True|TRUE|false|False|FALSE)$"));
    static const QRegularExpression null(QStringLiteral("^(~|null|Null|NULL)?$"));
    if (boolean.match(text).hasMatch())
        return text.front().toLower() == u't';
    if (null.match(text).hasMatch())
        return QJsonValue(QJsonValue::Null);
    if (number.match(text).hasMatch()) {
        bool whole = false;
        const qint64 integer = text.toLongLong(&whole);
        return whole ? QJsonValue(integer) : QJsonValue(text.toDouble());
    }
    return std::nullopt;
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
        // A plain scalar ("?") is typed; a quoted one is text.
        if (node.Tag() == "?") {
            if (auto typed = coreSchemaValue(text))
                return *typed;
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
            out.insert(tomlKey(key), fromToml(value));
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

Error noNullInToml() {
    return Error{
        QCoreApplication::translate("FrontMatter", "TOML has no null: leave the key out instead"),
        ErrorKind::InvalidInput};
}

Result<void> putToml(toml::table& table, const std::string& key, const QJsonValue& value);

Result<void> pushToml(toml::array& array, const QJsonValue& value) {
    toml::table holder;
    if (auto put = putToml(holder, "v", value); !put)
        return put;
    array.push_back(std::move(*holder.get("v")));
    return {};
}

/// `value` as TOML under `key`; objects as inline tables, so that they stay on the
/// key's line.
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
        inner.is_inline(true);
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
    return noNullInToml();
}

/// `edit`'s value put into `table` under `key`: a date as a TOML date-time when its
/// text reads as one.
Result<void> putEdit(toml::table& table, const QString& key, const KeyEdit& edit) {
    if (edit.date && edit.value->isString()) {
        try {
            const toml::table parsed = toml::parse("d = " + edit.value->toString().toStdString());
            if (const toml::node* d = parsed.get("d")) {
                table.insert_or_assign(key.toStdString(), *d);
                return {};
            }
        } catch (const toml::parse_error&) {
        }
    }
    return putToml(table, key.toStdString(), *edit.value);
}

QString tomlText(const toml::table& table) {
    // Strings in double quotes, as Hugo's sites write them.
    std::ostringstream out;
    out << toml::toml_formatter(table, toml::toml_formatter::default_flags &
                                           ~toml::format_flags::allow_literal_strings);
    return QString::fromStdString(out.str());
}

/// Where each line of `text` starts, and the text's end last.
QList<qsizetype> lineStarts(const QString& text) {
    QList<qsizetype> starts{0};
    for (qsizetype at = text.indexOf(u'\n'); at >= 0; at = text.indexOf(u'\n', at + 1))
        starts.append(at + 1);
    if (starts.last() != text.size())
        starts.append(text.size());
    return starts;
}

/// The text of `inner` with its lines [first, last] (1-based) replaced by `lines`.
QString replacedLines(const QString& inner, qsizetype first, qsizetype last, const QString& lines) {
    const QList<qsizetype> starts = lineStarts(inner);
    const qsizetype from = starts.value(first - 1, inner.size());
    const qsizetype to = starts.value(last, inner.size());
    QString out = inner;
    out.replace(from, to - from, lines);
    return out;
}

QString withFinalNewline(QString text) {
    if (!text.isEmpty() && !text.endsWith(u'\n'))
        text += u'\n';
    return text;
}

// --- YAML -----------------------------------------------------------------------------

/// A YAML key as written, without the quotes around it ("title", 'title').
QString unquoted(const QString& key) {
    if (key.size() >= 2 && (key.front() == u'"' || key.front() == u'\'') &&
        key.back() == key.front())
        return key.mid(1, key.size() - 2);
    return key;
}

/// Where the lines of top-level `key` are in YAML `inner`: from its line to the next
/// line at the margin that is not an item of its list, blank lines after it left out,
/// and the key as that line writes it. start -1 when no line at the margin names it.
struct YamlKeyLines final {
    qsizetype start = -1;
    qsizetype end = -1; ///< after the last line that is not blank
    QString written;
};
YamlKeyLines yamlKeyLines(const QString& inner, const QString& key) {
    static const QRegularExpression keyLine(
        QStringLiteral("^([^\\s#:-]([^:\\n]|:(?![ \\t\\n]|$))*?)[ \\t]*:([ \\t\\n]|$)"));
    YamlKeyLines found;
    qsizetype at = 0;
    while (at < inner.size()) {
        qsizetype next = inner.indexOf(u'\n', at);
        next = next < 0 ? inner.size() : next + 1;
        const QStringView line = QStringView(inner).sliced(at, next - at);
        const bool margin = !line.isEmpty() && !line.front().isSpace() && !line.startsWith(u'-');
        if (found.start >= 0 && margin)
            return found;
        if (found.start < 0 && margin) {
            const auto m = keyLine.match(line.toString());
            if (m.hasMatch() && unquoted(m.captured(1)) == key) {
                found.start = at;
                found.written = m.captured(1);
            }
        }
        if (found.start >= 0 && !line.trimmed().isEmpty())
            found.end = next;
        at = next;
    }
    return found;
}

/// Whether a YAML reader could take `text` written plain for something else: YAML 1.2's
/// core schema, and what YAML 1.1 readers (Hugo's among them) also read as booleans,
/// numbers (0x1F, 0o17, 1_000, 12:30, .inf), dates (2024-01-01) or a merge key; a
/// date itself (`date`: a date's text) is written plain.
bool needsQuotes(const QString& text, bool date) {
    static const QRegularExpression yaml11(
        QStringLiteral("^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|<<|=|"
                       "[-+]?0[xX][0-9a-fA-F_]+|[-+]?0[oO]?[0-7_]+|[-+]?0[bB][01_]+|"
                       "[-+]?([0-9][0-9_]*)?\\.?[0-9_]+([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?"
                       "[0-9])+(\\.[0-9_]*)?|"
                       "[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))$"));
    static const QRegularExpression dateStart(QStringLiteral("^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"));
    return coreSchemaValue(text) || yaml11.match(text).hasMatch() ||
           (!date && dateStart.match(text).hasMatch());
}

void emitYaml(YAML::Emitter& out, const QJsonValue& value, bool date = false) {
    switch (value.type()) {
    case QJsonValue::Bool:
        out << value.toBool();
        return;
    case QJsonValue::Double:
        if (isWhole(value.toDouble()))
            out << qint64(value.toDouble());
        else
            out << value.toDouble();
        return;
    case QJsonValue::String: {
        const QString text = value.toString();
        if (needsQuotes(text, date))
            out << YAML::DoubleQuoted;
        out << text.toStdString();
        return;
    }
    case QJsonValue::Array:
        out << YAML::BeginSeq;
        for (const QJsonValue& item : value.toArray())
            emitYaml(out, item);
        out << YAML::EndSeq;
        return;
    case QJsonValue::Object: {
        out << YAML::BeginMap;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            out << YAML::Key << it.key().toStdString() << YAML::Value;
            emitYaml(out, it.value());
        }
        out << YAML::EndMap;
        return;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    out << YAML::Null;
}

/// "key: value" lines; a list or map in flow style ("[a, b]") when `flow`, a date's
/// text plain when `date`.
QString yamlLines(const QString& key, const QJsonValue& value, bool flow, bool date) {
    YAML::Emitter out;
    out.SetOutputCharset(YAML::EmitNonAscii);
    out << YAML::BeginMap << YAML::Key << key.toStdString() << YAML::Value;
    if (flow)
        out << YAML::Flow;
    emitYaml(out, value, date);
    out << YAML::EndMap;
    return QString::fromUtf8(out.c_str()) + u'\n';
}

std::optional<QString> yamlEdited(const QString& inner, const QString& key, const KeyEdit& edit,
                                  bool present) {
    const auto [start, end, writtenKey] = yamlKeyLines(inner, key);
    if (start < 0 && present)
        return std::nullopt; // the front matter is one flow map, or a key in it is odd
    QString out = inner;
    if (start < 0) {
        if (edit.value)
            out = withFinalNewline(out) + yamlLines(key, *edit.value, false, edit.date);
        return out;
    }
    // The key as written ("title", 'title', title) and a list or map written "[a, b]"
    // stay as they are.
    const QString first = inner.mid(start, inner.indexOf(u'\n', start) - start);
    const QString after = first.mid(first.indexOf(u':', writtenKey.size()) + 1).trimmed();
    const bool flow = after.startsWith(u'[') || after.startsWith(u'{');
    QString lines;
    if (edit.value)
        lines = writtenKey + yamlLines(key, *edit.value, flow, edit.date).mid(key.size());
    out.replace(start, end - start, lines);
    return out;
}

YAML::Node yamlNode(const QJsonValue& value) {
    YAML::Emitter out;
    emitYaml(out, value);
    return YAML::Load(out.c_str());
}

Result<QString> yamlWhole(const QString& inner, const QList<std::pair<QString, KeyEdit>>& edits) {
    YAML::Node root;
    try {
        root = YAML::Load(inner.toStdString());
    } catch (const YAML::Exception& e) {
        return Error{QString::fromStdString(e.msg), ErrorKind::InvalidInput};
    }
    if (!root.IsMap())
        root = YAML::Node(YAML::NodeType::Map);
    for (const auto& [key, edit] : edits) {
        if (edit.value)
            root[key.toStdString()] = yamlNode(*edit.value);
        else
            root.remove(key.toStdString());
    }
    YAML::Emitter out;
    out.SetOutputCharset(YAML::EmitNonAscii);
    out << root;
    return QString::fromUtf8(out.c_str()) + u'\n';
}

// --- TOML -----------------------------------------------------------------------------

/// Whether `node` is written as "key = value" on lines of its own: not a [table] or
/// [[array of tables]], nor a table made of dotted keys.
bool onItsOwnLines(const toml::node& node) {
    if (const auto* table = node.as_table())
        return table->is_inline();
    if (const auto* array = node.as_array()) {
        if (!array->empty()) {
            if (const auto* table = array->front().as_table())
                return table->is_inline();
        }
    }
    return true;
}

Result<std::optional<QString>> tomlEdited(const QString& inner, const QString& key,
                                          const KeyEdit& edit) {
    auto parsed = parseToml(inner);
    if (!parsed)
        return parsed.failure();
    QString lines;
    if (edit.value) {
        toml::table one;
        if (auto put = putEdit(one, key, edit); !put)
            return Error{QStringLiteral("'%1': %2").arg(key, put.error()), put.kind()};
        lines = tomlText(one) + u'\n';
    }
    qsizetype lastLine = 0; // of the keys at the top, before any [table]
    for (auto&& [name, value] : *parsed) {
        if (!onItsOwnLines(value)) {
            if (tomlKey(name) == key)
                return std::optional<QString>();
            continue;
        }
        const auto first = qsizetype(name.source().begin.line);
        const auto last = qsizetype(value.source().end.line);
        if (tomlKey(name) == key)
            return std::optional<QString>(replacedLines(inner, first, last, lines));
        lastLine = std::max(lastLine, last);
    }
    if (!edit.value)
        return std::optional<QString>(inner);
    // A new key goes after the last one at the top: after a [table] it would be the
    // table's.
    return std::optional<QString>(
        replacedLines(withFinalNewline(inner), lastLine + 1, lastLine, lines));
}

Result<QString> tomlWhole(const QString& inner, const QList<std::pair<QString, KeyEdit>>& edits) {
    auto parsed = parseToml(inner);
    if (!parsed)
        return parsed.failure();
    for (const auto& [key, edit] : edits) {
        if (!edit.value) {
            parsed->erase(key.toStdString());
        } else if (auto put = putEdit(*parsed, key, edit); !put) {
            return Error{QStringLiteral("'%1': %2").arg(key, put.error()), put.kind()};
        }
    }
    return tomlText(*parsed) + u'\n';
}

// --- JSON -----------------------------------------------------------------------------

struct JsonMember final {
    QString key;
    qsizetype start = 0;      ///< the key's opening quote
    qsizetype valueStart = 0; ///< the value's first character
    qsizetype end = 0;        ///< just after the value
};

qsizetype skipSpace(const QString& text, qsizetype at) {
    while (at < text.size() &&
           (text[at] == u' ' || text[at] == u'\t' || text[at] == u'\n' || text[at] == u'\r'))
        ++at;
    return at;
}

/// After the string that starts at `at` (a '"'), or -1.
qsizetype afterString(const QString& text, qsizetype at) {
    for (qsizetype i = at + 1; i < text.size(); ++i) {
        if (text[i] == u'\\')
            ++i;
        else if (text[i] == u'"')
            return i + 1;
    }
    return -1;
}

/// The members of the JSON object `text` with where each one's text is; nothing when
/// `text` is not one object (it has been parsed before this is asked).
std::optional<QList<JsonMember>> jsonMembers(const QString& text) {
    QList<JsonMember> members;
    qsizetype at = skipSpace(text, 0);
    if (at >= text.size() || text[at] != u'{')
        return std::nullopt;
    at = skipSpace(text, at + 1);
    if (at < text.size() && text[at] == u'}')
        return members;
    while (at < text.size()) {
        JsonMember member;
        member.start = at;
        const qsizetype keyEnd = text[at] == u'"' ? afterString(text, at) : -1;
        if (keyEnd < 0)
            return std::nullopt;
        member.key = QJsonDocument::fromJson((u'[' + text.mid(at, keyEnd - at) + u']').toUtf8())
                         .array()
                         .at(0)
                         .toString();
        at = skipSpace(text, keyEnd);
        if (at >= text.size() || text[at] != u':')
            return std::nullopt;
        member.valueStart = at = skipSpace(text, at + 1);
        int depth = 0;
        while (at < text.size()) {
            const QChar c = text[at];
            if (c == u'"') {
                at = afterString(text, at);
                if (at < 0)
                    return std::nullopt;
                continue;
            }
            if (depth == 0 && (c == u',' || c == u'}'))
                break;
            if (c == u'[' || c == u'{')
                ++depth;
            else if (c == u']' || c == u'}')
                --depth;
            ++at;
        }
        member.end = at;
        while (member.end > member.valueStart && text[member.end - 1].isSpace())
            --member.end;
        members.append(member);
        if (at >= text.size())
            return std::nullopt;
        if (text[at] == u'}')
            return members;
        at = skipSpace(text, at + 1);
    }
    return std::nullopt;
}

std::optional<QString> jsonEdited(const QString& inner, const QString& key, const KeyEdit& edit) {
    const auto members = jsonMembers(inner);
    if (!members)
        return std::nullopt;
    QString out = inner;
    const auto it = std::find_if(members->begin(), members->end(),
                                 [&](const JsonMember& m) { return m.key == key; });
    if (it != members->end()) {
        const qsizetype i = it - members->begin();
        if (edit.value)
            out.replace(it->valueStart, it->end - it->valueStart, jsonText(*edit.value));
        else if (i + 1 < members->size()) // up to the next member, the comma with it
            out.remove(it->start, members->at(i + 1).start - it->start);
        else if (i > 0) // from the end of the one before, its comma with it
            out.remove(members->at(i - 1).end, it->end - members->at(i - 1).end);
        else
            out.remove(it->start, it->end - it->start);
        return out;
    }
    if (!edit.value)
        return out;
    const QString member = jsonText(key) + QStringLiteral(": ") + jsonText(*edit.value);
    if (members->isEmpty()) {
        const qsizetype brace = inner.indexOf(u'{') + 1;
        out.insert(brace,
                   QStringLiteral("\n  ") + member +
                       (inner.mid(brace).startsWith(u'\n') ? QString() : QStringLiteral("\n")));
        return out;
    }
    // Indented as the first member is, on a line of its own when that one is.
    const qsizetype firstStart = members->front().start;
    const qsizetype lineStart = inner.lastIndexOf(u'\n', firstStart) + 1;
    const QString indent = inner.mid(lineStart, firstStart - lineStart);
    const bool ownLine = lineStart > 0 && indent.trimmed().isEmpty();
    out.insert(members->last().end,
               (ownLine ? QStringLiteral(",\n") + indent : QStringLiteral(", ")) + member);
    return out;
}

Result<QString> jsonWhole(const QString& inner, const QList<std::pair<QString, KeyEdit>>& edits) {
    QJsonParseError error;
    QJsonObject root = QJsonDocument::fromJson(inner.toUtf8(), &error).object();
    if (error.error != QJsonParseError::NoError)
        return Error{error.errorString(), ErrorKind::InvalidInput};
    for (const auto& [key, edit] : edits) {
        if (edit.value)
            root.insert(key, *edit.value);
        else
            root.remove(key);
    }
    QByteArray json = QJsonDocument(root).toJson(QJsonDocument::Indented);
    json.chop(1); // the closing line's newline is the block's
    return QString::fromUtf8(json);
}

/// The key of `values` that one of `names` names in any case, or the first name.
QString resolvedKey(const Values& values, const QStringList& names) {
    for (const QString& name : names) {
        for (const auto& [key, value] : values) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return key;
        }
    }
    return names.front();
}

} // namespace

QString jsonText(const QJsonValue& value) {
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

Result<Values> topLevelValues(const Block& block) {
    Values values;
    switch (block.syntax) {
    case Block::Syntax::Yaml:
    case Block::Syntax::Json: // JSON is YAML, and so keeps the order of the file
        try {
            const YAML::Node root = YAML::Load(block.inner.toStdString());
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
        const auto root = parseToml(block.inner);
        if (!root)
            return root.failure();
        // toml++ keeps a table's keys sorted; their place in the file orders them here.
        QList<std::pair<toml::source_position, std::pair<QString, QJsonValue>>> placed;
        for (auto&& [key, value] : *root)
            placed.append({key.source().begin, {tomlKey(key), fromToml(value)}});
        std::stable_sort(placed.begin(), placed.end(), [](const auto& a, const auto& b) {
            return a.first.line != b.first.line ? a.first.line < b.first.line
                                                : a.first.column < b.first.column;
        });
        for (const auto& [position, value] : std::as_const(placed))
            values.append(value);
        break;
    }
    }
    return values;
}

Result<QString> withKeys(const Block& block, const QList<KeyEdit>& edits) {
    const auto before = topLevelValues(block);
    if (!before)
        return before.failure();
    Values expected = *before;
    QList<std::pair<QString, KeyEdit>> resolved;
    QString inner = block.inner;
    bool inPlace = true;
    for (const KeyEdit& edit : edits) {
        const QString key = resolvedKey(expected, edit.names);
        const auto it = std::find_if(expected.begin(), expected.end(),
                                     [&](const auto& pair) { return pair.first == key; });
        const bool present = it != expected.end();
        resolved.append({key, edit});
        if (inPlace) {
            std::optional<QString> edited;
            switch (block.syntax) {
            case Block::Syntax::Yaml:
                edited = yamlEdited(inner, key, edit, present);
                break;
            case Block::Syntax::Toml: {
                auto toml = tomlEdited(inner, key, edit);
                if (!toml)
                    return toml.failure();
                edited = *toml;
                break;
            }
            case Block::Syntax::Json:
                edited = jsonEdited(inner, key, edit);
                break;
            }
            if (edited)
                inner = *edited;
            inPlace = edited.has_value();
        }
        if (!edit.value) {
            if (present)
                expected.erase(it);
        } else if (present) {
            it->second = *edit.value;
        } else {
            expected.append({key, *edit.value});
        }
    }
    if (!inPlace) {
        Result<QString> whole = QString();
        switch (block.syntax) {
        case Block::Syntax::Yaml:
            whole = yamlWhole(block.inner, resolved);
            break;
        case Block::Syntax::Toml:
            whole = tomlWhole(block.inner, resolved);
            break;
        case Block::Syntax::Json:
            whole = jsonWhole(block.inner, resolved);
            break;
        }
        if (!whole)
            return whole.failure();
        inner = *whole;
    }

    // What was written reads back: every key as expected, a TOML date as some date.
    Block written = block;
    written.inner = inner;
    auto after = topLevelValues(written);
    auto differs = [&](const QString& key) {
        return Error{QCoreApplication::translate(
                         "FrontMatter", "'%1': the front matter would not read back as written")
                         .arg(key),
                     ErrorKind::InvalidInput};
    };
    if (!after)
        return differs(resolved.isEmpty() ? QString() : resolved.front().first);
    QJsonObject want;
    QJsonObject got;
    for (const auto& [key, value] : std::as_const(expected))
        want.insert(key, value);
    for (const auto& [key, value] : std::as_const(*after))
        got.insert(key, value);
    for (const auto& [key, edit] : std::as_const(resolved)) {
        if (edit.date && block.syntax == Block::Syntax::Toml && got.contains(key))
            want.insert(key, got.value(key));
    }
    if (want != got) {
        QStringList keys = want.keys() + got.keys();
        for (const QString& key : std::as_const(keys)) {
            if (want.value(key) != got.value(key))
                return differs(key);
        }
    }
    return block.opening + inner + block.closing;
}

} // namespace copydesk::detail
