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

/// The tag's language by name, without a territory, then the tag: "English (en)" for
/// en-US too (QLocale's own names would say "American English"); the tag alone when Qt
/// does not know the language.
QString languageDisplayName(const QString& tag);

/// The tag's language named in itself ("English", "español", "العربية", "简体中文"),
/// without a territory unless the tag has one; the tag itself when Qt does not know
/// the language.
QString nativeLanguageName(const QString& tag);

} // namespace copydesk
