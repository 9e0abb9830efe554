#pragma once

#include "common/result.h"

#include <QString>

#include <toml++/toml.h>

#include <optional>

// The parts of a front matter block kept as written (LanguageVersion::siteFrontMatter),
// for the code that rewrites some of its keys (sitewriter, otherkeys).
namespace copydesk::detail {

struct Block final {
    enum class Syntax { Yaml, Toml, Json } syntax = Syntax::Yaml;
    QString opening; ///< "---\n", "+++\n", or empty for JSON
    QString inner;
    QString closing; ///< from the closing line to the body
};

/// The parts of a front matter block as parseFrontMatterFile() found it; nothing when
/// it has no closing line.
std::optional<Block> splitBlock(const QString& block);

/// The TOML of `inner` parsed, or toml++'s description of what is wrong.
Result<toml::table> parseToml(const QString& inner);

} // namespace copydesk::detail
