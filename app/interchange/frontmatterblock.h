#pragma once

#include "common/result.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <toml++/toml.h>

#include <optional>
#include <utility>

// The parts of a front matter block kept as written (LanguageVersion::siteFrontMatter),
// for the code that rewrites some of its keys (sitewriter, otherkeys).
namespace copydesk::detail {

struct Block final {
    enum class Syntax { Yaml, Toml, Json } syntax = Syntax::Yaml;
    QString opening; ///< "---\n", "+++\n", or empty for JSON
    QString inner;
    QString closing; ///< from the closing line to the body
};

/// How a site's file was written beyond its text: Windows line ends. The front matter as
/// kept carries them (LanguageVersion::siteFrontMatter), so that the page is written back
/// as it was. (Not a byte-order mark: SQLite takes one at the start of a text for its
/// own and drops it.)
struct WrittenForm final {
    bool crlf = false;
};
WrittenForm writtenForm(const QString& kept);
/// `kept` with "\n" line ends.
QString withoutWrittenForm(QString kept);
/// `text` ("\n" line ends) in `form`.
QString inWrittenForm(QString text, WrittenForm form);

/// The parts of a front matter block as parseFrontMatterFile() found it (in "\n" line
/// ends); nothing when it has no closing line.
std::optional<Block> splitBlock(const QString& block);

/// The TOML of `inner` parsed, or toml++'s description of what is wrong.
Result<toml::table> parseToml(const QString& inner);

/// A value as compact JSON ("3", "[\"a\"]"), the form values are compared and typed in.
QString jsonText(const QJsonValue& value);

/// The top-level keys of `block` and their values as JSON (TOML's dates as text, YAML's
/// plain scalars typed by YAML 1.2's core schema), in the order of the file.
Result<QList<std::pair<QString, QJsonValue>>> topLevelValues(const Block& block);

/// One top-level key to set or to remove.
struct KeyEdit final {
    /// The names the key is read under: the first one present in the block (in any
    /// case) is the one changed, else the first is added.
    QStringList names;
    std::optional<QJsonValue> value; ///< nothing: the key is removed
    /// The value is a date: TOML writes it as a date-time when it reads as one.
    bool date = false;
};

/// `block` with `edits` made in its own syntax, written again whole: only the lines of
/// the edited keys change, and a new key goes after the last one at the top level, so
/// the order, the comments and the spelling of every other key stay as written. Where
/// a key's lines cannot be told apart (a TOML table or dotted keys, a quoted or flow
/// YAML key) the block is written again from its parse instead. Checked by reading the
/// result back: every other key has its value, every edited key the one asked for.
Result<QString> withKeys(const Block& block, const QList<KeyEdit>& edits);

} // namespace copydesk::detail
