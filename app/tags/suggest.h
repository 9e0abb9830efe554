#pragma once

#include "article/article.h"
#include "common/result.h"
#include "library/library.h"

#include <QList>
#include <QString>

/// Tag suggestions for an article from its own text, ranked against the library.
namespace copydesk::tags {

struct Suggestion final {
    QString slug; ///< an existing tag's slug; empty for a new term
    QString text; ///< what to show: the tag's label in the article's language, or the term
    double score = 0;
    bool existing() const { return !slug.isEmpty(); }
};

/// Suggestions for `article`: first the existing tags whose label (in any language) or
/// slug occurs in its title, summary or body and that the article does not have yet,
/// then new terms. Both are ranked by TF-IDF: how often the word occurs in the article
/// (a title counts three times, a summary twice), times the log of how rare it is among
/// the library's versions (the word index's document counts). The body counts by its
/// prose (markdown/statistics.h: no code, no shortcodes). Words come from ICU's
/// word breaks in each version's language, so Chinese and Japanese are words too;
/// numbers, words under three letters outside CJK, function words (tags/functionwords.h)
/// and, in a library of 20 versions or more, words found in more than half of them are
/// left out. At most `limit`.
Result<QList<Suggestion>> suggest(const Library& library, const Article& article, int limit = 10);

} // namespace copydesk::tags
