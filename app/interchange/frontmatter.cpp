#include "interchange/frontmatter.h"

#include "article/fieldcheck.h"
#include "article/slug.h"
#include "common/languagetag.h"
#include "import/inputfile.h"
#include "interchange/frontmatterblock.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

#include <toml++/toml.h>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <sstream>
#include <string>

namespace copydesk {

namespace {

// Keys, in the order they are written. Hugo and Jekyll know the first group.
constexpr const char* kTitle = "title";
constexpr const char* kDate = "date";
constexpr const char* kLastmod = "lastmod";
constexpr const char* kSlug = "slug";
constexpr const char* kLang = "lang";
constexpr const char* kTranslationKey = "translationKey";
constexpr const char* kDraft = "draft";
constexpr const char* kSummary = "summary";
constexpr const char* kTags = "tags";
constexpr const char* kCategories = "categories";
constexpr const char* kStatus = "status";
constexpr const char* kVersionStatus = "versionStatus";
constexpr const char* kByline = "byline";
constexpr const char* kDateline = "dateline";
constexpr const char* kPlace = "place";
constexpr const char* kFeaturedImage = "featuredImage";
constexpr const char* kSourceLanguage = "sourceLanguage";
constexpr const char* kSeoTitle = "seoTitle";
constexpr const char* kSeoDescription = "seoDescription";
constexpr const char* kCreated = "created";
constexpr const char* kUpdated = "updated";
constexpr const char* kTranslatedFrom = "translatedFrom";
constexpr const char* kSourceRevision = "sourceRevision";
constexpr const char* kSourceFingerprints = "sourceFingerprints";

// ---------------------------------------------------------------------------------
// Writing

/// Strings that a YAML 1.1 reader (Hugo's go-yaml, Jekyll's Psych) would take for a
/// boolean, null, number or date must be quoted to stay strings; yaml-cpp only quotes
/// what would not parse at all.
bool looksLikeOtherType(const QString& s) {
    static const QList<QRegularExpression> patterns{
        QRegularExpression(
            QStringLiteral("^(y|n|yes|no|true|false|on|off|null|~|[-+]?\\.inf|\\.nan)$"),
            QRegularExpression::CaseInsensitiveOption),
        // Decimal (YAML 1.1 allows "_" and "," in numbers), hexadecimal, octal, binary.
        QRegularExpression(
            QStringLiteral("^[-+]?(\\.[0-9]+|[0-9][0-9_,]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?$")),
        QRegularExpression(QStringLiteral("^[-+]?0(x[0-9a-fA-F_]+|o?[0-7_]+|b[01_]+)$")),
        // Base 60 ("12:30" is 750 in YAML 1.1).
        QRegularExpression(QStringLiteral("^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?$")),
        // Dates and timestamps.
        QRegularExpression(QStringLiteral("^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ]|$)")),
    };
    for (const QRegularExpression& pattern : patterns) {
        if (pattern.match(s).hasMatch())
            return true;
    }
    return false;
}

void emitText(YAML::Emitter& out, const QString& text) {
    if (looksLikeOtherType(text))
        out << YAML::DoubleQuoted;
    out << text.toStdString();
}

void emitText(YAML::Emitter& out, const char* key, const QString& text, bool always = false) {
    if (text.isEmpty() && !always)
        return;
    out << YAML::Key << key << YAML::Value;
    emitText(out, text);
}

void emitList(YAML::Emitter& out, const char* key, const QStringList& items) {
    if (items.isEmpty())
        return;
    out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const QString& item : items)
        emitText(out, item);
    out << YAML::EndSeq;
}

/// ISO 8601 in UTC, unquoted so that Hugo and Jekyll read a date; milliseconds only
/// when there are some, so hand-written files stay short but nothing is lost.
void emitDateTime(YAML::Emitter& out, const char* key, const QDateTime& value) {
    if (!value.isValid())
        return;
    const QDateTime utc = value.toUTC();
    const auto format = utc.time().msec() != 0 ? Qt::ISODateWithMs : Qt::ISODate;
    out << YAML::Key << key << YAML::Value << utc.toString(format).toStdString();
}

// ---------------------------------------------------------------------------------
// Reading

/// A problem with one key; carries the place for the message.
struct FieldError final {
    YAML::Mark mark;
    QString message;
};

int fileLine(const YAML::Mark& mark) {
    // The front matter starts on the file's second line, after "---"; yaml-cpp
    // counts from 0.
    return mark.line < 0 ? -1 : mark.line + 2;
}

/// The column of `mark` in characters, counted from 1: yaml-cpp counts bytes of UTF-8.
int fileColumn(const std::string& yaml, const YAML::Mark& mark) {
    if (mark.pos < 0 || std::size_t(mark.pos) > yaml.size())
        return mark.column + 1;
    const std::size_t end = std::size_t(mark.pos);
    const std::size_t newline = end == 0 ? std::string::npos : yaml.rfind('\n', end - 1);
    const std::size_t start = newline == std::string::npos ? 0 : newline + 1;
    const QString line = QString::fromUtf8(yaml.data() + start, qsizetype(end - start));
    return int(line.toUcs4().size()) + 1;
}

/// "FILE: invalid front matter at line L, column C: message".
QString frontMatterError(const QString& fileName, const std::string& yaml, const YAML::Mark& mark,
                         const QString& message) {
    if (mark.line < 0)
        return fileError(
            fileName,
            QCoreApplication::translate("Import", "invalid front matter: %1").arg(message));
    return fileError(fileName, QCoreApplication::translate(
                                   "Import", "invalid front matter at line %1, column %2: %3")
                                   .arg(QString::number(fileLine(mark)),
                                        QString::number(fileColumn(yaml, mark)), message));
}

[[noreturn]] void failAt(const YAML::Node& node, const QString& message) {
    throw FieldError{node.Mark(), message};
}

QString keyName(const char* key) {
    return QString::fromLatin1(key);
}

QString text(const YAML::Node& node, const char* key) {
    if (!node.IsDefined() || node.IsNull())
        return {};
    if (!node.IsScalar())
        failAt(node, QCoreApplication::translate("Import", "'%1' must be text").arg(keyName(key)));
    return QString::fromStdString(node.Scalar());
}

QStringList textList(const YAML::Node& node, const char* key) {
    if (!node.IsDefined() || node.IsNull())
        return {};
    if (node.IsScalar()) {
        // Jekyll reads "categories: news geneva" as two categories.
        static const QRegularExpression space(QStringLiteral("\\s+"));
        return QString::fromStdString(node.Scalar()).split(space, Qt::SkipEmptyParts);
    }
    if (!node.IsSequence())
        failAt(
            node,
            QCoreApplication::translate("Import", "'%1' must be a list of text").arg(keyName(key)));
    QStringList items;
    for (const YAML::Node& item : node) {
        if (!item.IsScalar())
            failAt(item, QCoreApplication::translate("Import", "'%1' must be a list of text")
                             .arg(keyName(key)));
        items.append(QString::fromStdString(item.Scalar()));
    }
    return items;
}

/// ISO 8601 as Hugo writes it, and Jekyll's forms: "2024-05-01 09:30:00 +0200",
/// "2024-05-01 09:30 -05:00", "2024-05-01 09:30:00 UTC", a one-digit hour. A time
/// without a zone is UTC, as in Hugo's default configuration. (The date is kept as
/// written in the page's front matter; this is the instant, for the library.)
std::optional<QDateTime> parseDateTime(const QString& value) {
    static const QRegularExpression pattern(QStringLiteral(
        "^(\\d{4}-\\d{2}-\\d{2})(?:[Tt ]+(\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)\\s*"
        "(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?)?$"));
    const auto m = pattern.match(value.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date = QDate::fromString(m.captured(1), Qt::ISODate);
    if (!date.isValid())
        return std::nullopt;
    QTime time(0, 0);
    if (m.hasCaptured(2)) {
        QString t = m.captured(2);
        if (t.indexOf(QLatin1Char(':')) == 1)
            t.prepend(QLatin1Char('0'));
        // QTime reads at most milliseconds.
        const qsizetype dot = t.indexOf(QLatin1Char('.'));
        if (dot >= 0)
            t = t.left(dot + 4);
        time = QTime::fromString(t, t.size() == 5 ? QStringLiteral("HH:mm")
                                    : dot >= 0    ? QStringLiteral("HH:mm:ss.z")
                                                  : QStringLiteral("HH:mm:ss"));
        if (!time.isValid())
            return std::nullopt;
    }
    int offset = 0;
    const QString zone = m.captured(3);
    if (!zone.isEmpty() && zone.compare(QLatin1String("Z"), Qt::CaseInsensitive) != 0 &&
        zone != u"UTC" && zone != u"GMT") {
        QString digits = zone.mid(1);
        digits.remove(QLatin1Char(':'));
        const int hours = digits.left(2).toInt();
        const int minutes = digits.size() > 2 ? digits.mid(2).toInt() : 0;
        if (hours > 23 || minutes > 59)
            return std::nullopt;
        offset = (hours * 60 + minutes) * 60 * (zone.startsWith(QLatin1Char('-')) ? -1 : 1);
    }
    return QDateTime(date, time, QTimeZone(offset)).toUTC();
}

QDateTime dateTime(const YAML::Node& node, const char* key) {
    const QString value = text(node, key);
    if (value.isEmpty())
        return {};
    const auto parsed = parseDateTime(value);
    if (!parsed)
        failAt(node, QCoreApplication::translate(
                         "Import", "'%1' is not a date and time: '%2' (expected ISO 8601, such as "
                                   "2024-05-01T09:30:00Z)")
                         .arg(keyName(key), value));
    return *parsed;
}

QDate date(const YAML::Node& node, const char* key) {
    const QString value = text(node, key);
    if (value.isEmpty())
        return {};
    const QDate parsed = QDate::fromString(value.trimmed(), Qt::ISODate);
    if (!parsed.isValid())
        failAt(node, QCoreApplication::translate("Import",
                                                 "'%1' is not a date: '%2' (expected YYYY-MM-DD)")
                         .arg(keyName(key), value));
    return parsed;
}

std::optional<bool> boolean(const YAML::Node& node, const char* key) {
    if (!node.IsDefined() || node.IsNull())
        return std::nullopt;
    bool value = false;
    if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value))
        failAt(
            node,
            QCoreApplication::translate("Import", "'%1' must be true or false").arg(keyName(key)));
    return value;
}

qint64 integer(const YAML::Node& node, const char* key) {
    if (!node.IsDefined() || node.IsNull())
        return 0;
    long long value = 0;
    if (!node.IsScalar() || !YAML::convert<long long>::decode(node, value))
        failAt(
            node,
            QCoreApplication::translate("Import", "'%1' must be a whole number").arg(keyName(key)));
    return value;
}

/// A BCP 47 tag, in its canonical form (see canonicalLanguageTag()).
QString languageTag(const YAML::Node& node, const char* key) {
    const QString value = text(node, key).trimmed();
    if (value.isEmpty())
        return {};
    auto canonical = canonicalLanguageTag(value);
    if (!canonical)
        failAt(
            node,
            QCoreApplication::translate("Import", "'%1': %2").arg(keyName(key), canonical.error()));
    return std::move(canonical).value();
}

/// Refuses a mapping that names a key twice, as YAML requires (yaml-cpp keeps both and
/// lets the first win silently, where Hugo's reader refuses the file). Iterative, as
/// the nesting of the front matter is the file's to choose; linear, as there are no
/// aliases (checkFrontMatterEvents() refused them), so no node is reached twice.
void refuseDuplicateKeys(const YAML::Node& root) {
    QList<YAML::Node> pending{root};
    while (!pending.isEmpty()) {
        const YAML::Node node = pending.takeLast();
        if (node.IsSequence()) {
            for (const YAML::Node& item : node)
                pending.append(item);
        } else if (node.IsMap()) {
            QSet<QString> seen;
            for (const auto& pair : node) {
                if (pair.first.IsScalar()) {
                    const QString key = QString::fromStdString(pair.first.Scalar());
                    if (seen.contains(key))
                        failAt(
                            pair.first,
                            QCoreApplication::translate("Import", "'%1' is given twice").arg(key));
                    seen.insert(key);
                }
                pending.append(pair.second);
            }
        }
    }
}

/// Reads the front matter as YAML events, before any node tree is built: refuses
/// anchors and aliases (nine aliases of nine aliases of... make a 400-byte file a tree
/// of billions of nodes, and no Hugo or Jekyll front matter needs them) and a quoted
/// value that is never closed (yaml-cpp ends one at the end of the input, so that
/// 'title: "unclosed' would swallow the lines after it; every other reader refuses it).
/// Throws FieldError or YAML::Exception, each with the place.
class FrontMatterEvents final : public YAML::EventHandler {
public:
    explicit FrontMatterEvents(const std::string& yaml)
        : m_yaml(yaml) {}

    /// Where the last scalar that starts with a quotation mark starts.
    std::optional<YAML::Mark> lastQuoted() const { return m_lastQuoted; }
    /// Where the last document starts.
    YAML::Mark lastDocument() const { return m_lastDocument; }

    void OnDocumentStart(const YAML::Mark& mark) override { m_lastDocument = mark; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { refuse(mark, anchor); }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { refuseAt(mark); }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  const std::string&) override {
        refuse(mark, anchor);
        if (mark.pos >= 0 && std::size_t(mark.pos) < m_yaml.size() &&
            (m_yaml[std::size_t(mark.pos)] == '"' || m_yaml[std::size_t(mark.pos)] == '\'')) {
            m_lastQuoted = mark;
        }
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        refuse(mark, anchor);
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        refuse(mark, anchor);
    }
    void OnMapEnd() override {}
    void OnAnchor(const YAML::Mark& mark, const std::string&) override { refuseAt(mark); }

private:
    static void refuse(const YAML::Mark& mark, YAML::anchor_t anchor) {
        if (anchor != YAML::NullAnchor)
            refuseAt(mark);
    }
    [[noreturn]] static void refuseAt(const YAML::Mark& mark) {
        throw FieldError{mark, QCoreApplication::translate(
                                   "Import", "anchors (&name) and aliases (*name) are not "
                                             "supported in front matter")};
    }

    const std::string& m_yaml;
    std::optional<YAML::Mark> m_lastQuoted;
    YAML::Mark m_lastDocument = YAML::Mark::null_mark();
};

/// See FrontMatterEvents; linear in the size of `yaml`.
void checkFrontMatterEvents(const std::string& yaml) {
    FrontMatterEvents events(yaml);
    std::optional<YAML::Exception> invalid;
    try {
        std::istringstream in(yaml);
        YAML::Parser parser(in);
        // Front matter is one document. yaml-cpp also reports a second one, the same
        // without end, at a stray ',' that it never consumes: asking once more is the
        // test, never a loop.
        if (parser.HandleNextDocument(events) && parser.HandleNextDocument(events)) {
            throw FieldError{events.lastDocument(),
                             QCoreApplication::translate("Import", "expected 'key: value' lines")};
        }
    } catch (const YAML::DeepRecursion& e) {
        // yaml-cpp's own message for it is "bad file".
        throw FieldError{
            e.mark, QCoreApplication::translate("Import", "values are nested too deeply (lists or "
                                                          "mappings inside one another)")};
    } catch (const YAML::Exception& e) {
        invalid = e;
    }
    // With a document end marker after the front matter, a quoted value left open
    // meets it and is an error, as in every other YAML reader. That is the first
    // thing to say: what yaml-cpp makes of the rest follows from it.
    const std::string ended = yaml + "\n...\n";
    std::istringstream in(ended);
    YAML::Parser parser(in);
    // The same events again; any anchor or alias was refused in the first reading.
    FrontMatterEvents again(ended);
    try {
        (void)parser.HandleNextDocument(again);
    } catch (const YAML::Exception& e) {
        if (e.mark.pos >= 0 && std::size_t(e.mark.pos) >= yaml.size() &&
            e.msg == YAML::ErrorMsg::DOC_IN_SCALAR) {
            throw FieldError{events.lastQuoted().value_or(e.mark),
                             QCoreApplication::translate(
                                 "Import", "a quoted value is not closed before the end of the "
                                           "front matter")};
        }
        if (!invalid)
            throw;
    }
    if (invalid)
        throw *invalid;
}

Status status(const YAML::Node& node, const char* key) {
    const QString value = text(node, key);
    const auto parsed = statusFromId(value);
    if (!parsed) {
        QStringList ids;
        for (Status s : {Status::Draft, Status::InReview, Status::Ready, Status::Published,
                         Status::Archived}) {
            ids.append(statusId(s));
        }
        failAt(node, QCoreApplication::translate("Import",
                                                 "'%1' is not a status: '%2' (expected one of %3)")
                         .arg(keyName(key), value, ids.join(QStringLiteral(", "))));
    }
    return *parsed;
}

/// The first of `names` present in `map`, with the name found. Keys are matched
/// regardless of case, as Hugo reads them ("Title:" is the title).
std::pair<YAML::Node, const char*> lookup(const YAML::Node& map,
                                          std::initializer_list<const char*> names) {
    for (const char* name : names) {
        const QLatin1String wanted(name);
        for (const auto& pair : map) {
            if (pair.first.IsScalar() &&
                QString::fromStdString(pair.first.Scalar()).compare(wanted, Qt::CaseInsensitive) ==
                    0) {
                return {pair.second, name};
            }
        }
    }
    return {YAML::Node(YAML::NodeType::Undefined), *names.begin()};
}

/// The value of `name` in `map` (any case), or an undefined node.
YAML::Node field(const YAML::Node& map, const char* name) {
    return lookup(map, {name}).first;
}

/// A slug that a file name can supply: lower-case words joined by hyphens. Other
/// names ("Press release (final).md") are left for the library to derive a slug from
/// the title.
QString slugFromFileName(const QString& fileName) {
    static const QRegularExpression slugLike(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    static const QRegularExpression jekyllDate(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}-"));
    QString base = baseNameWithoutLanguage(fileName);
    // Jekyll names posts 2024-05-01-summit.md; the date is not part of the slug.
    base.remove(jekyllDate);
    return slugLike.match(base).hasMatch() ? base : QString();
}

/// Takes the first level-1 ATX heading out of `body` as the title: a Markdown file
/// without front matter usually starts with one.
QString takeFirstHeading(QString& body) {
    static const QRegularExpression heading(QStringLiteral("^# +(.*?)(?: +#+)? *$"));
    QStringList lines = body.split(QLatin1Char('\n'));
    bool inFence = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        if (line.startsWith(QLatin1String("```")) || line.startsWith(QLatin1String("~~~")))
            inFence = !inFence;
        if (inFence)
            continue;
        const auto m = heading.match(line);
        if (!m.hasMatch())
            continue;
        const QString title = m.captured(1).trimmed();
        lines.removeAt(i);
        if (i < lines.size() && lines.at(i).trimmed().isEmpty())
            lines.removeAt(i);
        body = lines.join(QLatin1Char('\n'));
        return title;
    }
    return {};
}

/// The article id for a translation key: the key itself when it is a UUID (as
/// Copydesk writes it), else a name-based UUID, so that hand-written files with
/// "translationKey: summit" map to the same article on every import.
QUuid idForTranslationKey(const QString& key) {
    const QUuid direct = QUuid::fromString(key);
    if (!direct.isNull())
        return direct;
    static const QUuid ns = QUuid::fromString(u"{6f0e6c8e-2b67-4d8a-9a31-3a9f6c1d7e55}");
    return QUuid::createUuidV5(ns, key);
}

/// Hugo's translation by content directory: content/fr/docs/x.md is the French version
/// of content/en/docs/x.md. The language of the folder named by a language tag right
/// below a folder named "content", and the file's path below it without extension, or
/// nothing. (Only below "content": a folder elsewhere that happens to be named "ar" or
/// "es" says nothing about the language of what it holds.)
std::optional<std::pair<QString, QString>> contentLanguageFolder(const QString& fileName) {
    const QFileInfo info(fileName);
    const QStringList parts = info.absoluteFilePath().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (qsizetype i = parts.size() - 2; i >= 1; --i) {
        if (parts.at(i - 1) != u"content")
            continue;
        const QString language =
            languageFromFileName(QStringLiteral("x.") + parts.at(i) + QStringLiteral(".md"));
        if (language.isEmpty())
            return std::nullopt;
        QStringList rest = parts.mid(i + 1);
        rest.last() = info.completeBaseName();
        return std::pair{language, parts.mid(0, i).join(QLatin1Char('/')) + QStringLiteral(":") +
                                       rest.join(QLatin1Char('/'))};
    }
    return std::nullopt;
}

/// Reads the keys Copydesk knows from `root` into `file`. With `site` (a page of a
/// site), a value that does not fit what Copydesk makes of its key ("status:
/// Completed", a date Copydesk does not read) is the site's own and is left alone (it
/// stays in the front matter kept as written) instead of refusing the file.
void readFrontMatter(const YAML::Node& root, FrontMatterFile& file, bool site) {
    Article& article = file.article;
    LanguageVersion& version = article.versions.front();
    auto present = [&](const char* canonical, std::initializer_list<const char*> names) {
        auto found = lookup(root, names);
        if (found.first.IsDefined())
            file.keys.insert(QString::fromLatin1(canonical));
        return found;
    };
    // Runs `read`; in a site, a value that does not fit is skipped.
    auto tolerant = [site](auto&& read) {
        try {
            read();
            return true;
        } catch (const FieldError&) {
            if (!site)
                throw;
            return false;
        }
    };

    // One-line fields hold no control character, many-line ones none but line breaks and
    // tabs (fieldProblem(), the rule Library::save applies too); said here with the line.
    const auto checked = [](const YAML::Node& node, const char* name, QString value,
                            FieldLines lines) {
        if (lines == FieldLines::One)
            value = value.trimmed(); // a folded YAML scalar ends with a line break
        if (auto problem = fieldProblem(value, lines))
            failAt(node,
                   QCoreApplication::translate("Import", "'%1': %2").arg(keyName(name), *problem));
        return value;
    };
    const YAML::Node titleNode = field(root, kTitle);
    version.title = checked(titleNode, kTitle, text(titleNode, kTitle), FieldLines::One);
    tolerant([&] {
        auto [langNode, langKey] = lookup(root, {kLang, "language"});
        version.language = languageTag(langNode, langKey);
    });
    if (!tolerant([&] { version.created = dateTime(field(root, kDate), kDate); }))
        version.created = {};
    tolerant([&] {
        auto [updatedNode, updatedKey] = lookup(root, {kLastmod, "last_modified_at", "modified"});
        version.updated = dateTime(updatedNode, updatedKey);
    });
    tolerant([&] {
        auto [summaryNode, summaryKey] = lookup(root, {kSummary, "description"});
        version.summary =
            checked(summaryNode, summaryKey, text(summaryNode, summaryKey), FieldLines::Many);
    });
    tolerant([&] {
        const YAML::Node node = field(root, kSeoTitle);
        version.seoTitle = checked(node, kSeoTitle, text(node, kSeoTitle), FieldLines::One);
    });
    tolerant([&] {
        const YAML::Node node = field(root, kSeoDescription);
        version.seoDescription =
            checked(node, kSeoDescription, text(node, kSeoDescription), FieldLines::Many);
    });
    tolerant([&] {
        version.translatedFrom = languageTag(field(root, kTranslatedFrom), kTranslatedFrom);
    });
    tolerant(
        [&] { version.sourceRevision = integer(field(root, kSourceRevision), kSourceRevision); });
    tolerant([&] {
        version.sourceFingerprints =
            textList(field(root, kSourceFingerprints), kSourceFingerprints);
    });

    tolerant([&] {
        const QString key = text(field(root, kTranslationKey), kTranslationKey).trimmed();
        if (!key.isEmpty()) {
            article.id = idForTranslationKey(key);
            file.groupKey = QStringLiteral("key:") + article.id.toString(QUuid::WithoutBraces);
        }
    });

    tolerant([&] {
        if (auto [node, name] = present(kSlug, {kSlug}); node.IsDefined()) {
            article.slug = text(node, name).trimmed();
            // An empty slug means "derive one from the title"; a blank one is a mistake.
            if (article.slug.isEmpty() && !text(node, name).isEmpty())
                failAt(node, QCoreApplication::translate(
                                 "Import", "'%1' is blank (leave it out to derive the slug "
                                           "from the title)")
                                 .arg(keyName(name)));
            if (auto valid = validateSlug(article.slug); !valid) {
                article.slug.clear();
                failAt(node, QCoreApplication::translate("Import", "'%1': %2")
                                 .arg(keyName(name), valid.error()));
            }
        }
    });

    // The article's status, when the value is one of Copydesk's: a site's own
    // "status: Completed" says something else. Hugo's draft flag stands in for it.
    bool statusRead = false;
    if (auto [node, name] = lookup(root, {kStatus}); node.IsDefined()) {
        const auto parsed =
            node.IsScalar() ? statusFromId(QString::fromStdString(node.Scalar())) : std::nullopt;
        if (parsed) {
            article.status = *parsed;
            file.keys.insert(keyName(kStatus));
            statusRead = true;
        } else if (!site) {
            article.status = status(node, name); // the error, naming the statuses
        }
    }
    if (!statusRead) {
        tolerant([&] {
            if (auto draft = boolean(field(root, kDraft), kDraft)) {
                article.status = *draft ? Status::Draft : Status::Published;
                file.keys.insert(keyName(kStatus));
            }
        });
    }
    version.status = article.status;
    if (auto [node, name] = lookup(root, {kVersionStatus}); node.IsDefined())
        tolerant([&, node = node, name = name] { version.status = status(node, name); });

    tolerant([&] {
        if (auto [node, name] = present(kByline, {kByline, "author", "authors"});
            node.IsDefined()) {
            // Jekyll and many Hugo themes allow a list of authors.
            article.byline =
                checked(node, name,
                        node.IsSequence() ? textList(node, name).join(QStringLiteral(", "))
                                          : text(node, name),
                        FieldLines::One);
        }
    });
    if (site)
        version.byline = article.byline; // a site's versions may each have their own
    tolerant([&] {
        if (auto [node, name] = present(kDateline, {kDateline});
            node.IsDefined() && !node.IsNull()) {
            if (!node.IsMap())
                failAt(node,
                       QCoreApplication::translate("Import", "'%1' must have 'place' and 'date'")
                           .arg(keyName(name)));
            const YAML::Node dateline = node;
            const YAML::Node place = field(dateline, kPlace);
            article.dateline.place = checked(place, kPlace, text(place, kPlace), FieldLines::One);
            article.dateline.date = date(field(dateline, kDate), kDate);
        }
    });
    tolerant([&] {
        if (auto [node, name] = present(kTags, {kTags}); node.IsDefined())
            article.tags = textList(node, name);
    });
    tolerant([&] {
        if (auto [node, name] = present(kCategories, {kCategories, "category"}); node.IsDefined())
            article.categories = textList(node, name);
    });
    tolerant([&] {
        if (auto [node, name] =
                present(kFeaturedImage, {kFeaturedImage, "featured_image", "image"});
            node.IsDefined()) {
            article.featuredImage = text(node, name);
        }
    });
    tolerant([&] {
        if (auto [node, name] = present(kSourceLanguage, {kSourceLanguage}); node.IsDefined())
            article.sourceLanguage = languageTag(node, name);
    });
    tolerant([&] {
        if (auto [node, name] = present(kCreated, {kCreated}); node.IsDefined())
            article.created = dateTime(node, name);
    });
    tolerant([&] {
        if (auto [node, name] = present(kUpdated, {kUpdated}); node.IsDefined())
            article.updated = dateTime(node, name);
    });
}

/// TOML front matter as the YAML node tree the rest of the reader takes: tables as
/// mappings (keys in the order written: toml++ keeps tables sorted), arrays as
/// sequences, every value as the scalar that says it (strings as they are, dates and
/// times in RFC 3339, as TOML writes them).
YAML::Node yamlFromToml(const toml::node& node) {
    if (const toml::table* table = node.as_table()) {
        std::vector<std::pair<const toml::key*, const toml::node*>> entries;
        for (auto&& [key, value] : *table)
            entries.emplace_back(&key, &value);
        std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
            const toml::source_position& x = a.first->source().begin;
            const toml::source_position& y = b.first->source().begin;
            return x.line != y.line ? x.line < y.line : x.column < y.column;
        });
        YAML::Node map(YAML::NodeType::Map);
        for (const auto& [key, value] : entries)
            map[std::string(key->str())] = yamlFromToml(*value);
        return map;
    }
    if (const toml::array* array = node.as_array()) {
        YAML::Node sequence(YAML::NodeType::Sequence);
        for (const toml::node& item : *array)
            sequence.push_back(yamlFromToml(item));
        return sequence;
    }
    if (const auto* string = node.as_string())
        return YAML::Node(string->get());
    std::ostringstream written;
    node.visit([&written](const auto& value) { written << value; });
    return YAML::Node(written.str());
}

/// JSON front matter as a YAML node tree (see yamlFromToml()).
YAML::Node yamlFromJson(const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::Object: {
        YAML::Node map(YAML::NodeType::Map);
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            map[it.key().toStdString()] = yamlFromJson(it.value());
        return map;
    }
    case QJsonValue::Array: {
        YAML::Node sequence(YAML::NodeType::Sequence);
        const QJsonArray array = value.toArray();
        for (const QJsonValue& item : array)
            sequence.push_back(yamlFromJson(item));
        return sequence;
    }
    case QJsonValue::Bool:
        return YAML::Node(std::string(value.toBool() ? "true" : "false"));
    case QJsonValue::Double: {
        const double d = value.toDouble();
        const auto whole = static_cast<long long>(d);
        return YAML::Node(double(whole) == d ? std::to_string(whole)
                                             : QString::number(d, 'g', 17).toStdString());
    }
    case QJsonValue::String:
        return YAML::Node(value.toString().toStdString());
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return YAML::Node(YAML::NodeType::Null);
}

/// Where the JSON object that starts `text` ends (the index after its closing "}"),
/// or -1 when it does not end. Strings are skipped, so braces inside them do not count.
qsizetype jsonObjectEnd(const QString& text) {
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inString) {
            if (c == u'\\')
                ++i;
            else if (c == u'"')
                inString = false;
        } else if (c == u'"') {
            inString = true;
        } else if (c == u'{' || c == u'[') {
            ++depth;
        } else if (c == u'}' || c == u']') {
            if (--depth == 0)
                return i + 1;
        }
    }
    return -1;
}

/// The date in a Jekyll post's file name ("2014-05-06-title.markdown"), or none.
QDateTime dateFromFileName(const QString& fileName) {
    static const QRegularExpression jekyllDate(QStringLiteral("^([0-9]{4}-[0-9]{2}-[0-9]{2})-"));
    const auto m = jekyllDate.match(QFileInfo(fileName).fileName());
    if (!m.hasMatch())
        return {};
    const QDate date = QDate::fromString(m.captured(1), Qt::ISODate);
    return date.isValid() ? QDateTime(date, QTime(0, 0), QTimeZone::utc()) : QDateTime();
}

/// The first line with text, for the title of a page without front matter or
/// heading: without the marks of a heading, quotation or list, at most 200 characters.
QString firstLine(const QString& body) {
    static const QRegularExpression marks(QStringLiteral("^\\s*([#>*+-]+\\s+)?"));
    const QStringList lines = body.split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        QString text = line;
        text.remove(marks);
        text = text.trimmed();
        if (!text.isEmpty())
            return text.left(200);
    }
    return {};
}

/// The first level-1 heading's text, left in the body.
QString firstHeading(const QString& body) {
    QString copy = body;
    return takeFirstHeading(copy);
}

} // namespace

QStringList frontMatterArticleKeys() {
    QStringList keys;
    for (const char* key : {kSlug, kStatus, kByline, kDateline, kTags, kCategories, kFeaturedImage,
                            kSourceLanguage, kCreated, kUpdated}) {
        keys.append(keyName(key));
    }
    return keys;
}

QByteArray toFrontMatterMarkdown(const Article& article, const LanguageVersion& version) {
    YAML::Emitter out;
    out.SetOutputCharset(YAML::EmitNonAscii);
    out << YAML::BeginMap;
    emitText(out, kTitle, version.title, true);
    emitDateTime(out, kDate, version.created);
    emitDateTime(out, kLastmod, version.updated);
    emitText(out, kSlug, article.slug);
    emitText(out, kLang, version.language);
    if (!article.id.isNull())
        emitText(out, kTranslationKey, article.id.toString(QUuid::WithoutBraces));
    out << YAML::Key << kDraft << YAML::Value << (article.status != Status::Published);
    emitText(out, kSummary, version.summary);
    emitList(out, kTags, article.tags);
    emitList(out, kCategories, article.categories);

    emitText(out, kStatus, statusId(article.status));
    emitText(out, kVersionStatus, statusId(version.status));
    emitText(out, kByline, article.byline);
    if (!article.dateline.place.isEmpty() || article.dateline.date.isValid()) {
        out << YAML::Key << kDateline << YAML::Value << YAML::BeginMap;
        emitText(out, kPlace, article.dateline.place);
        if (article.dateline.date.isValid()) {
            out << YAML::Key << kDate << YAML::Value
                << article.dateline.date.toString(Qt::ISODate).toStdString();
        }
        out << YAML::EndMap;
    }
    emitText(out, kFeaturedImage, article.featuredImage);
    emitText(out, kSourceLanguage, article.sourceLanguage);
    emitText(out, kSeoTitle, version.seoTitle);
    emitText(out, kSeoDescription, version.seoDescription);
    emitDateTime(out, kCreated, article.created);
    emitDateTime(out, kUpdated, article.updated);
    emitText(out, kTranslatedFrom, version.translatedFrom);
    if (version.sourceRevision != 0) {
        out << YAML::Key << kSourceRevision << YAML::Value
            << static_cast<long long>(version.sourceRevision);
    }
    emitList(out, kSourceFingerprints, version.sourceFingerprints);
    out << YAML::EndMap;

    QByteArray bytes("---\n");
    bytes += out.c_str();
    bytes += "\n---\n\n";
    bytes += version.body.toUtf8();
    return bytes;
}

QString frontMatterFileName(const Article& article, const LanguageVersion& version) {
    QString base = article.slug.trimmed();
    if (base.isEmpty())
        base = article.id.toString(QUuid::WithoutBraces);
    // Slugs are meant to be safe already; this guards against hand-edited ones.
    for (QChar& c : base) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.category() == QChar::Other_Control ||
            QStringView(u"/\\:*?\"<>|").contains(c)) {
            c = QLatin1Char('-');
        }
    }
    if (base.startsWith(QLatin1Char('.')))
        base.replace(0, 1, QLatin1Char('-'));
    if (base.isEmpty())
        base = QStringLiteral("article");
    QString name = base;
    if (!version.language.isEmpty()) {
        // The language goes into the name: only a valid tag's canonical form, which is
        // ASCII letters, digits and "-", can be trusted there.
        QString language;
        if (auto canonical = canonicalLanguageTag(version.language)) {
            language = *canonical;
        } else {
            for (const QChar c : version.language) {
                if (c.isLetterOrNumber() && c.unicode() < 0x80)
                    language += c;
                else if (c == QLatin1Char('-') && !language.isEmpty())
                    language += c;
            }
        }
        if (!language.isEmpty())
            name += QLatin1Char('.') + language;
    }
    return name + QStringLiteral(".md");
}

Result<FrontMatterFile> parseFrontMatterFile(const QByteArray& bytes, const QString& fileName,
                                             const QString& fallbackLanguage) {
    FrontMatterOptions options;
    options.fallbackLanguage = fallbackLanguage;
    return parseFrontMatterFile(bytes, fileName, options);
}

Result<FrontMatterFile> parseFrontMatterFile(const QByteArray& bytes, const QString& fileName,
                                             const FrontMatterOptions& options) {
    if (auto size = checkTextSize(bytes.size(), fileName); !size)
        return size.failure();
    auto decoded = decodeUtf8File(bytes, fileName);
    if (!decoded)
        return decoded.failure();
    const QString& text = *decoded;

    FrontMatterFile file;
    file.article.versions.append(LanguageVersion{});
    LanguageVersion& version = file.article.versions.front();

    // YAML between "---" lines, TOML between "+++" lines (Hugo), or a JSON object
    // (Hugo): the three forms of front matter.
    static const QRegularExpression yamlOpening(QStringLiteral("^---[ \\t]*(\\n|$)"));
    static const QRegularExpression yamlClosing(QStringLiteral("^(---|\\.\\.\\.)[ \\t]*$"),
                                                QRegularExpression::MultilineOption);
    static const QRegularExpression tomlOpening(QStringLiteral("^\\+\\+\\+[ \\t]*(\\n|$)"));
    static const QRegularExpression tomlClosing(QStringLiteral("^\\+\\+\\+[ \\t]*$"),
                                                QRegularExpression::MultilineOption);
    enum class Syntax { None, Yaml, Toml, Json };
    Syntax syntax = Syntax::None;
    QString inner;
    qsizetype bodyStart = 0;
    if (const auto open = yamlOpening.match(text); open.hasMatch()) {
        syntax = Syntax::Yaml;
        const auto close = yamlClosing.match(text, open.capturedEnd());
        if (!close.hasMatch()) {
            return Error{
                fileError(fileName,
                          QCoreApplication::translate(
                              "Import", "front matter is not closed (no '---' line after line 1)")),
                ErrorKind::InvalidInput};
        }
        inner = text.mid(open.capturedEnd(), close.capturedStart() - open.capturedEnd());
        bodyStart = close.capturedEnd();
    } else if (const auto tomlOpen = tomlOpening.match(text); tomlOpen.hasMatch()) {
        syntax = Syntax::Toml;
        const auto close = tomlClosing.match(text, tomlOpen.capturedEnd());
        if (!close.hasMatch()) {
            return Error{
                fileError(fileName,
                          QCoreApplication::translate(
                              "Import", "front matter is not closed (no '+++' line after line 1)")),
                ErrorKind::InvalidInput};
        }
        inner = text.mid(tomlOpen.capturedEnd(), close.capturedStart() - tomlOpen.capturedEnd());
        bodyStart = close.capturedEnd();
    } else if (text.startsWith(QLatin1Char('{'))) {
        syntax = Syntax::Json;
        const qsizetype end = jsonObjectEnd(text);
        if (end < 0) {
            return Error{fileError(fileName, QCoreApplication::translate(
                                                 "Import", "JSON front matter is not closed (no "
                                                           "'}' for the '{' on line 1)")),
                         ErrorKind::InvalidInput};
        }
        inner = text.left(end);
        bodyStart = end;
        // The rest of the closing line.
        while (bodyStart < text.size() &&
               (text.at(bodyStart) == u' ' || text.at(bodyStart) == u'\t'))
            ++bodyStart;
    }

    if (syntax != Syntax::None) {
        if (bodyStart < text.size())
            ++bodyStart; // the newline after the closing line
        // One blank line after the front matter is the convention (and what
        // toFrontMatterMarkdown() writes); it is not part of the body.
        if (bodyStart < text.size() && text.at(bodyStart) == QLatin1Char('\n'))
            ++bodyStart;
        version.body = text.mid(bodyStart);
        file.hasFrontMatter = true;
        if (options.site) {
            // With the file's line ends, which the page is written back with.
            version.siteFrontMatter =
                detail::inWrittenForm(text.left(bodyStart), {bytes.contains("\r\n")});
        }

        const std::string innerText = inner.toStdString();
        try {
            YAML::Node root;
            if (syntax == Syntax::Yaml) {
                checkFrontMatterEvents(innerText);
                root = YAML::Load(innerText);
            } else if (syntax == Syntax::Toml) {
                try {
                    const toml::table table = toml::parse(innerText);
                    root = yamlFromToml(table);
                } catch (const toml::parse_error& e) {
                    YAML::Mark mark = YAML::Mark::null_mark();
                    mark.line = int(e.source().begin.line) - 1;
                    mark.column = int(e.source().begin.column) - 1;
                    throw FieldError{mark, QString::fromUtf8(e.description().data(),
                                                             qsizetype(e.description().size()))};
                }
            } else {
                QJsonParseError error;
                const QJsonDocument json = QJsonDocument::fromJson(inner.toUtf8(), &error);
                if (json.isNull() || !json.isObject())
                    throw FieldError{YAML::Mark::null_mark(), error.errorString()};
                root = yamlFromJson(json.object());
            }
            if (!root.IsNull()) {
                if (!root.IsMap())
                    failAt(root,
                           QCoreApplication::translate("Import", "expected 'key: value' lines"));
                refuseDuplicateKeys(root);
                readFrontMatter(root, file, options.site);
            }
        } catch (const FieldError& e) {
            return Error{frontMatterError(fileName, innerText, e.mark, e.message),
                         ErrorKind::InvalidInput};
        } catch (const YAML::Exception& e) {
            return Error{
                frontMatterError(fileName, innerText, e.mark, QString::fromStdString(e.msg)),
                ErrorKind::InvalidInput};
        }
    } else if (options.site) {
        // A page of a site keeps its body as written; its title is its first heading
        // (which stays in it) or its first line.
        version.body = text;
        version.title = firstHeading(text);
        if (version.title.isEmpty())
            version.title = firstLine(text);
    } else {
        version.body = text;
        version.title = takeFirstHeading(version.body);
    }
    // Jekyll takes a post's date from its file name when the front matter has none.
    if (!version.created.isValid() && !file.keys.contains(keyName(kDate)))
        version.created = dateFromFileName(fileName);

    const QString languageFromName = languageFromFileName(fileName);
    const auto contentFolder = contentLanguageFolder(fileName);
    if (version.language.isEmpty())
        version.language = languageFromName;
    if (version.language.isEmpty() && contentFolder)
        version.language = contentFolder->first;
    if (version.language.isEmpty())
        version.language = options.fallbackLanguage;
    // Hugo takes a missing slug from the file name; Copydesk names files after the
    // id when an article has no slug, and that is no slug either.
    if (file.article.slug.isEmpty() && !file.keys.contains(keyName(kSlug))) {
        const QString fromName = slugFromFileName(fileName);
        if (fromName != file.article.id.toString(QUuid::WithoutBraces))
            file.article.slug = fromName;
    }
    if (file.groupKey.isEmpty() && languageFromName.isEmpty() && contentFolder &&
        contentFolder->first == version.language) {
        file.groupKey = QStringLiteral("content:") + contentFolder->second;
    }
    if (file.groupKey.isEmpty()) {
        // Hugo's own convention: summit.en.md and summit.fr.md are one page.
        const QFileInfo info(fileName);
        file.groupKey = languageFromFileName(fileName).isEmpty()
                            ? QStringLiteral("path:") + info.absoluteFilePath()
                            : QStringLiteral("name:") + info.absolutePath() + QLatin1Char('/') +
                                  baseNameWithoutLanguage(fileName);
    }
    return file;
}

Result<Article> parseFrontMatterMarkdown(const QByteArray& bytes, const QString& fileName) {
    auto file = parseFrontMatterFile(bytes, fileName);
    if (!file)
        return Error{file.error()};
    Article article = std::move(file->article);
    if (article.sourceLanguage.isEmpty() && !file->keys.contains(keyName(kSourceLanguage)))
        article.sourceLanguage = article.versions.front().language;
    return article;
}

} // namespace copydesk
