#pragma once

#include "library/library.h"
#include "tags/tags.h"

#include <QList>
#include <QString>
#include <QStringView>

/// Finding a term from what is typed in a tag or category entry, in any language.
namespace copydesk::tags {

/// `text` folded for matching: accents and other combining marks removed, Latin letters
/// written in ASCII (œ -> oe, ß -> ss, ø -> o), lowercase, full-width forms narrowed;
/// other scripts stay in their script (Arabic loses its vowel marks). ICU's
/// transliterator does it, by its rules, not a table of ours. Thread-safe.
QString foldForMatching(QStringView text);

/// What matched: the term, and the label (or slug) that the typed text was found in.
struct TermMatch final {
    QString slug;
    QString label;    ///< as stored
    QString language; ///< of `label`; empty when the slug matched
};

/// The completer's index of a vocabulary: every label in every language, and the slug,
/// folded once. match() ranks an exact match first, then a label starting with the
/// text, then one with a word starting with it, then one containing it; among equals,
/// the term used by more articles, then the shorter label. Each term appears once, with
/// its best label.
class TermMatcher final {
public:
    explicit TermMatcher(const QList<TermUsage>& terms);
    QList<TermMatch> match(QStringView typed, int limit = 20) const;
    qsizetype size() const { return m_entries.size(); }

private:
    struct Entry {
        qsizetype term;
        QString folded;
        QString label;
        QString language;
    };
    QList<TermUsage> m_terms;
    QList<Entry> m_entries;
};

} // namespace copydesk::tags
