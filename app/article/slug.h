#pragma once

#include "common/result.h"

#include <QString>
#include <QStringView>

namespace copydesk {

/// A URL slug for `text` (usually a title): ASCII letters, digits and single dashes,
/// at most kMaxSlugLength characters, cut at a word boundary. Non-Latin scripts are
/// transliterated ("Саммит ООН" -> "sammit-oon", "联合国" -> "lian-he-guo"), so every
/// language version of an article gets a readable, publishable slug. Returns an empty
/// string when nothing usable is left (empty or punctuation-only text); the caller
/// picks a fallback. Thread-safe.
QString slugify(const QString& text);

inline constexpr int kMaxSlugLength = 80;

/// The longest slug accepted from outside (front matter, the command line), in UTF-8
/// bytes: room is left for ".LANG.md" in a 255-byte file name.
inline constexpr int kMaxSlugBytes = 200;

/// THE check of a slug given by a user or a file (front matter, `new --slug`, an
/// import, a revision being restored, every save), before it names a file or a URL.
/// A slug is one path segment: letters, marks and digits of any script, and "-", "_"
/// and "."; not starting with "." or "-" (an option to shell commands) and at most
/// kMaxSlugBytes. An empty slug is valid
/// (it means "derive one from the title"). Otherwise an InvalidInput error quoting the
/// slug with its control characters escaped and saying what is wrong, as one phrase
/// for the caller to prefix with the file or article:
/// "\"../x\" is not a usable slug: it contains '/' (...)".
Result<void> validateSlug(QStringView slug);

} // namespace copydesk
