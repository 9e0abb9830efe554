#pragma once

#include "common/result.h"

#include <QString>
#include <QStringView>

namespace copydesk {

/// The one check of a language tag in Copydesk: every tag that enters (import, front
/// matter, HTML lang, CLI options, the GUI) goes through here before it is stored or
/// used in a file name. Parsed by ICU as BCP 47; "_" is taken for "-" (zh_CN, as POSIX
/// locale names and some sites write it). Returns the canonical form ("EN-us" gives
/// "en-US", "zh-hans" gives "zh-Hans"), or an InvalidInput error quoting the tag with
/// its control characters escaped. A canonical tag holds only ASCII letters, digits and
/// "-", so it is safe in a file name.
Result<QString> canonicalLanguageTag(QStringView tag);

/// canonicalLanguageTag(tag).ok().
bool isValidLanguageTag(QStringView tag);

} // namespace copydesk
