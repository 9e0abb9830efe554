#pragma once

#include "common/result.h"

#include <QList>
#include <QString>

#include <optional>

/// The keys of a page's front matter that Copydesk has no field for (weight, aliases,
/// params, layout…), kept as written in LanguageVersion::siteFrontMatter: listed and
/// changed one at a time, so that nothing imported is invisible and an edit leaves
/// the other keys as they are.
///
/// Values are shown and typed as JSON ("3", "[\"/old/path\"]", "{\"a\": 1}"), which
/// reads the same in YAML, TOML and JSON front matter; a value that is not JSON is
/// text, and text that would read as something else is shown quoted ("\"3\"").
namespace copydesk {

struct OtherKey final {
    QString key;
    QString value;
    bool operator==(const OtherKey&) const = default;
};

/// Whether Copydesk reads `key` (any case) into a field of its own: title, date,
/// tags, author… Those are edited in their fields, not here.
bool isFieldFrontMatterKey(const QString& key);

/// The other keys of `frontMatter` (a block as kept: "---" YAML, "+++" TOML or a
/// JSON object), in the order of the file. Empty for an
/// empty block; an error when it does not parse.
Result<QList<OtherKey>> otherFrontMatterKeys(const QString& frontMatter);

/// `frontMatter` with `key` set to `value` (as otherFrontMatterKeys() shows values),
/// or removed when there is no `value`; only the key's own lines change (detail::withKeys).
/// Refuses, with the key named: an empty key,
/// one with a control character, a line break or (YAML) a ":", a field key, and a
/// block that does not parse.
Result<QString> withOtherFrontMatterKey(const QString& frontMatter, const QString& key,
                                        const std::optional<QString>& value);

} // namespace copydesk
