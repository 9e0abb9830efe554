#pragma once

#include <QString>
#include <QStringView>

namespace copydesk::tags {

/// Whether `folded` (a word as foldForMatching() gives it) is a function word of
/// `language` (a BCP 47 tag; its primary subtag counts): an article, a preposition, a
/// pronoun, an auxiliary or a reporting verb, which no article is about ("the", "avec",
/// "إلى", "который", "的"). Lists for the six working languages (en, fr, es, ar, ru, zh)
/// and Japanese; false for the words of any other language. Written here: Debian packages no
/// stop-word lists, and tag suggestions need only these few hundred words.
bool isFunctionWord(const QString& folded, QStringView language);

} // namespace copydesk::tags
