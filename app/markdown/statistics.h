#pragma once

#include <QString>

namespace copydesk {

/// Counts shown in the editor's status bar and checked against length limits.
struct TextStatistics final {
    int words = 0;
    /// User-perceived characters (grapheme clusters): "é" written e + U+0301 and a
    /// family emoji joined with ZWJs count once each. Line breaks are not counted.
    int characters = 0;
    int charactersWithoutSpaces = 0;
    /// About 230 words a minute for alphabetic scripts, 400 characters a minute for
    /// Chinese and Japanese; mixed text adds both.
    int readingSeconds = 0;
    bool operator==(const TextStatistics&) const = default;
};

/// Statistics of the text a reader sees once `markdown` is rendered: Markdown syntax,
/// raw HTML and link destinations are not counted, image descriptions neither.
/// Words are found with ICU's word breaker for `language` (a BCP 47 tag), which
/// segments Chinese, Japanese and Thai with a dictionary, so unspaced text gets a real
/// word count. Thread-safe.
TextStatistics statistics(const QString& markdown, const QString& language);

/// The prose of `markdown`, one line per block: the text statistics() counts, without
/// code (inline or blocks) and without Hugo shortcodes ("{{< tab >}}", "{{% note %}}"),
/// which are markup of a site, not words of the article. For what an article is about
/// (tag suggestions). Thread-safe.
QString proseText(const QString& markdown);

} // namespace copydesk
