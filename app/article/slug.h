#pragma once

#include <QString>

namespace copydesk {

/// A URL slug for `text` (usually a title): ASCII letters, digits and single dashes,
/// at most kMaxSlugLength characters, cut at a word boundary. Non-Latin scripts are
/// transliterated ("Саммит ООН" -> "sammit-oon", "联合国" -> "lian-he-guo"), so every
/// language version of an article gets a readable, publishable slug. Returns an empty
/// string when nothing usable is left (empty or punctuation-only text); the caller
/// picks a fallback. Thread-safe.
QString slugify(const QString& text);

inline constexpr int kMaxSlugLength = 80;

} // namespace copydesk
