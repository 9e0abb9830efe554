#include "tags/matcher.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <QHash>

#include <algorithm>
#include <memory>

namespace copydesk::tags {

namespace {

/// One per thread: building it parses rule sets, and ICU transliterators are not
/// thread-safe. nullptr when the ICU data lacks the rules; folding is then lowercase only.
icu::Transliterator* folder() {
    thread_local const std::unique_ptr<icu::Transliterator> instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
            icu::UnicodeString(u"NFD; [:Nonspacing Mark:] Remove; NFC; Fullwidth-Halfwidth;"
                               u" Latin-ASCII; Any-Lower"),
            UTRANS_FORWARD, status));
        return U_SUCCESS(status) ? std::move(t) : nullptr;
    }();
    return instance.get();
}

bool startsWord(const QString& text, qsizetype at) {
    return at == 0 || !text.at(at - 1).isLetterOrNumber();
}

} // namespace

QString foldForMatching(QStringView text) {
    icu::Transliterator* t = folder();
    if (!t)
        return text.toString().toLower();
    icu::UnicodeString unicode(reinterpret_cast<const UChar*>(text.data()),
                               static_cast<int32_t>(text.size()));
    t->transliterate(unicode);
    return QString(reinterpret_cast<const QChar*>(unicode.getBuffer()), unicode.length())
        .simplified();
}

TermMatcher::TermMatcher(const QList<TermUsage>& terms)
    : m_terms(terms) {
    for (qsizetype i = 0; i < m_terms.size(); ++i) {
        const Term& term = m_terms[i].term;
        // The slug reads as words: "higher-education" is found by "higher ed".
        // Labels first: on a tie the label is what the completer shows, not the slug.
        for (auto it = term.labels.constBegin(); it != term.labels.constEnd(); ++it)
            m_entries.append(Entry{i, foldForMatching(it.value()), it.value(), it.key()});
        QString slugWords = term.slug;
        slugWords.replace(QLatin1Char('-'), QLatin1Char(' '));
        m_entries.append(Entry{i, foldForMatching(slugWords), term.slug, QString()});
    }
}

QList<TermMatch> TermMatcher::match(QStringView typed, int limit) const {
    const QString key = foldForMatching(typed);
    if (key.isEmpty())
        return {};
    struct Hit {
        int rank; // lower is better
        qsizetype entry;
    };
    QHash<qsizetype, Hit> best; // by term
    for (qsizetype e = 0; e < m_entries.size(); ++e) {
        const Entry& entry = m_entries[e];
        const qsizetype at = entry.folded.indexOf(key);
        if (at < 0)
            continue;
        int rank = 3;
        if (entry.folded.size() == key.size())
            rank = 0;
        else if (at == 0)
            rank = 1;
        else if (startsWord(entry.folded, at))
            rank = 2;
        else {
            // A later occurrence may start a word.
            for (qsizetype next = entry.folded.indexOf(key, at + 1); next >= 0;
                 next = entry.folded.indexOf(key, next + 1)) {
                if (startsWord(entry.folded, next)) {
                    rank = 2;
                    break;
                }
            }
        }
        auto it = best.find(entry.term);
        if (it == best.end() || rank < it->rank ||
            (rank == it->rank && entry.label.size() < m_entries[it->entry].label.size()))
            best.insert(entry.term, Hit{rank, e});
    }
    QList<Hit> hits = best.values();
    std::sort(hits.begin(), hits.end(), [&](const Hit& a, const Hit& b) {
        if (a.rank != b.rank)
            return a.rank < b.rank;
        const int useA = m_terms[m_entries[a.entry].term].articles;
        const int useB = m_terms[m_entries[b.entry].term].articles;
        if (useA != useB)
            return useA > useB;
        const QString& la = m_entries[a.entry].label;
        const QString& lb = m_entries[b.entry].label;
        if (la.size() != lb.size())
            return la.size() < lb.size();
        return m_terms[m_entries[a.entry].term].term.slug <
               m_terms[m_entries[b.entry].term].term.slug;
    });
    QList<TermMatch> out;
    for (const Hit& h : std::as_const(hits)) {
        if (out.size() >= limit)
            break;
        const Entry& e = m_entries[h.entry];
        out.append(TermMatch{m_terms[e.term].term.slug, e.label, e.language});
    }
    return out;
}

} // namespace copydesk::tags
