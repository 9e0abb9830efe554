#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QStringView>

namespace copydesk::spelling {

/// One word of a text, as UTF-16 offsets into it.
struct WordSpan final {
    qsizetype start = 0;
    qsizetype length = 0;
    bool operator==(const WordSpan&) const = default;
};

/// The words of `text` (running prose, no Markup) that a spell checker should look up,
/// by Unicode's word boundaries (UAX #29, so "don't" and "l'ONU" are one word each).
/// Left out, because a dictionary cannot judge them and flagging them would bury the
/// real misspellings: tokens with a digit ("G20", "3rd"), with a dot, "@" or "_"
/// inside (domains, e-mail addresses, file and variable names), all-capital acronyms
/// ("UNHCR"), entity references ("&amp;" in Markdown source), and tokens longer than
/// Hunspell looks up.
QList<WordSpan> checkableWords(QStringView text);

/// Whether a personal (or ignored) word list accepts `word`: listed as written, or
/// listed in lower case and written with capitals ("copydesk" accepts "Copydesk" at
/// the start of a sentence, "Tedros" does not accept "tedros").
bool listAccepts(const QSet<QString>& words, QStringView word);

} // namespace copydesk::spelling
