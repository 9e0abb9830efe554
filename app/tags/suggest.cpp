#include "tags/suggest.h"

#include "common/unicode.h"
#include "library/library_p.h"
#include "markdown/statistics.h"
#include "tags/functionwords.h"
#include "tags/matcher.h"
#include "tags/tags.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace copydesk::tags {

namespace {

/// Below this many versions, how many contain a word says little about it.
constexpr qint64 kCommonWordMinimumVersions = 20;

struct Word {
    double tf = 0;
    QHash<QString, int> surfaces; ///< as written, for the one shown
};

bool hasCjk(QStringView text) {
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (isCjk(codePointAt(text, i)))
            return true;
    }
    return false;
}

/// Whether text[from, to) is all katakana (the prolonged sound mark included).
bool isKatakana(const QString& text, int32_t from, int32_t to) {
    for (int32_t i = from; i < to; ++i) {
        const char16_t c = text.at(i).unicode();
        if (c < 0x30A1 || c > 0x30FF || c == 0x30FB) // not the middle dot: it separates
            return false;
    }
    return from < to;
}

/// Adds the words of `text` (in `language`) to `words`, each counting `weight`; appends
/// the folded words to `folded`, space-separated, for the tag-label search.
void collect(const QString& text, const QString& language, double weight,
             QHash<QString, Word>& words, QString& folded) {
    if (text.isEmpty())
        return;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale = icu::Locale::forLanguageTag(language.toStdString(), status);
    status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> breaks(icu::BreakIterator::createWordInstance(
        U_SUCCESS(status) ? locale : icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !breaks)
        return;
    const icu::UnicodeString unicode(reinterpret_cast<const UChar*>(text.constData()),
                                     static_cast<int32_t>(text.size()));
    breaks->setText(unicode);
    int32_t start = breaks->first();
    for (int32_t end = breaks->next(); end != icu::BreakIterator::DONE;
         start = end, end = breaks->next()) {
        // Letters, kana and ideographs; not numbers, spaces or punctuation.
        if (breaks->getRuleStatus() < UBRK_WORD_LETTER)
            continue;
        // ICU's dictionary cuts a katakana run longer than it knows into pieces
        // ("ディストリビューション" into four): the run is one loanword.
        if (isKatakana(text, start, end)) {
            for (int32_t next = breaks->following(end);
                 next != icu::BreakIterator::DONE && isKatakana(text, end, next);
                 next = breaks->following(end))
                end = next;
            breaks->following(end - 1); // back on `end`, for the loop's next()
        }
        QStringView surface(text.constData() + start, end - start);
        // ICU's word breaks keep an elided article on its word (French, Italian,
        // Catalan: "l'enseignement", "dell’acqua"); the word is what follows it.
        for (const QChar apostrophe : {QChar(u'\''), QChar(u'\u2019')}) {
            const qsizetype at = surface.indexOf(apostrophe);
            if (at > 0 && at <= 4 && at + 1 < surface.size())
                surface = surface.mid(at + 1);
        }
        const QString key = foldForMatching(surface);
        folded += key + QLatin1Char(' ');
        const bool cjk = hasCjk(surface);
        // One hiragana is an inflection or a particle ICU's dictionary left on its own.
        const bool kana = surface.size() == 1 && surface.front() >= QChar(0x3041) &&
                          surface.front() <= QChar(0x309F);
        if ((!cjk && surface.toString().toUcs4().size() < 3) || kana ||
            isFunctionWord(key, language))
            continue;
        Word& w = words[key];
        w.tf += weight;
        ++w.surfaces[surface.toString()];
    }
}

/// Document counts from the word index (its fts5vocab view, in the temporary schema so
/// that a read-only library works too).
class DocumentCounts final {
public:
    explicit DocumentCounts(Library::Private& d)
        : m_d(d) {}

    Result<void> open() {
        if (!m_d.exec(QStringLiteral("CREATE VIRTUAL TABLE IF NOT EXISTS temp.tags_vocabulary"
                                     " USING fts5vocab(main, 'search_words', 'row')")))
            return m_d.sqlError(Tags::tr("cannot read the word index"), m_d.lastError);
        QSqlQuery& q = m_d.prepared(QStringLiteral("SELECT count(*) FROM versions"));
        if (!q.exec() || !q.next())
            return m_d.sqlError(Tags::tr("cannot count the versions"), q);
        m_total = q.value(0).toLongLong();
        q.finish();
        return {};
    }
    qint64 total() const { return m_total; }

    /// In how many versions `word` (folded) occurs; for CJK, whose characters the word
    /// index holds one by one, the count of its rarest character (an upper bound).
    Result<qint64> of(const QString& word) {
        if (const auto it = m_cache.constFind(word); it != m_cache.constEnd())
            return *it;
        QStringList tokens;
        if (hasCjk(word)) {
            const QList<uint> ucs = word.toUcs4();
            for (const uint c : ucs)
                tokens.append(QString::fromUcs4(reinterpret_cast<const char32_t*>(&c), 1));
        } else {
            tokens.append(word);
        }
        qint64 count = -1;
        QSqlQuery& q =
            m_d.prepared(QStringLiteral("SELECT doc FROM temp.tags_vocabulary WHERE term = ?"));
        for (const QString& token : std::as_const(tokens)) {
            q.bindValue(0, token);
            if (!q.exec())
                return m_d.sqlError(Tags::tr("cannot read the word index"), q);
            const qint64 n = q.next() ? q.value(0).toLongLong() : 0;
            q.finish();
            count = count < 0 ? n : qMin(count, n);
        }
        m_cache.insert(word, qMax<qint64>(0, count));
        return qMax<qint64>(0, count);
    }

    double idf(qint64 df) const { return std::log(double(m_total + 1) / double(df + 1)) + 1e-6; }

private:
    Library::Private& m_d;
    qint64 m_total = 0;
    QHash<QString, qint64> m_cache;
};

} // namespace

Result<QList<Suggestion>> suggest(const Library& library, const Article& article, int limit) {
    QHash<QString, Word> words;
    QString folded = QStringLiteral(" ");
    for (const LanguageVersion& v : article.versions) {
        collect(v.title, v.language, 3, words, folded);
        collect(v.summary, v.language, 2, words, folded);
        collect(proseText(v.body), v.language, 1, words, folded);
    }
    auto& d = const_cast<Library::Private&>(LibraryAccess::of(library));
    DocumentCounts counts(d);
    if (auto opened = counts.open(); !opened)
        return opened.failure();

    auto vocabulary = list(library, Vocabulary::Tags);
    if (!vocabulary)
        return vocabulary.failure();
    const QSet<QString> has(article.tags.cbegin(), article.tags.cend());
    const QString language = article.sourceLanguage.isEmpty() && !article.versions.isEmpty()
                                 ? article.versions.front().language
                                 : article.sourceLanguage;

    QList<Suggestion> existing;
    QSet<QString> covered; // words that an existing tag stands for
    for (const TermUsage& t : std::as_const(*vocabulary)) {
        QStringList names;
        QString slugWords = t.term.slug;
        slugWords.replace(QLatin1Char('-'), QLatin1Char(' '));
        names.append(slugWords);
        for (auto it = t.term.labels.constBegin(); it != t.term.labels.constEnd(); ++it)
            names.append(it.value());
        double best = 0;
        QStringList bestWords;
        for (const QString& name : std::as_const(names)) {
            const QString key = foldForMatching(name);
            if (key.isEmpty())
                continue;
            // Whole words, except in CJK text, which has no spaces to find them by.
            const QString needle = hasCjk(key) ? key : QLatin1Char(' ') + key + QLatin1Char(' ');
            const qsizetype occurrences = hasCjk(key)
                                              ? QString(folded).remove(QLatin1Char(' ')).count(key)
                                              : folded.count(needle);
            if (occurrences == 0)
                continue;
            double rarest = 0;
            const QStringList parts = key.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            for (const QString& part : parts) {
                auto df = counts.of(part);
                if (!df)
                    return df.failure();
                rarest = qMax(rarest, counts.idf(*df));
            }
            const double score = double(occurrences) * rarest;
            if (score > best) {
                best = score;
                bestWords = parts;
            }
        }
        if (best <= 0)
            continue;
        for (const QString& w : std::as_const(bestWords))
            covered.insert(w);
        if (!has.contains(t.term.slug))
            existing.append(Suggestion{t.term.slug, labelFor(t.term, language), best});
    }

    // New terms: the article's most frequent words first, then by TF-IDF. Looking up
    // the document count of every word of a long article is needless: a word that is
    // rare in the article cannot come first.
    QList<QString> candidates = words.keys();
    std::sort(candidates.begin(), candidates.end(), [&](const QString& a, const QString& b) {
        return words[a].tf != words[b].tf ? words[a].tf > words[b].tf : a < b;
    });
    candidates = candidates.mid(0, qMax(60, limit * 6));
    QList<Suggestion> fresh;
    for (const QString& key : std::as_const(candidates)) {
        if (covered.contains(key))
            continue;
        auto df = counts.of(key);
        if (!df)
            return df.failure();
        // A word in most of a sizeable library is its language's, not a topic, whatever
        // the language: the lists of function words know only six.
        if (counts.total() >= kCommonWordMinimumVersions && *df * 2 > counts.total())
            continue;
        const Word& w = words[key];
        QString shown;
        int seen = -1;
        for (auto it = w.surfaces.constBegin(); it != w.surfaces.constEnd(); ++it) {
            if (it.value() > seen || (it.value() == seen && it.key() < shown)) {
                shown = it.key();
                seen = it.value();
            }
        }
        fresh.append(Suggestion{QString(), shown, w.tf * counts.idf(*df)});
    }
    auto byScore = [](const Suggestion& a, const Suggestion& b) {
        return a.score != b.score ? a.score > b.score : a.text < b.text;
    };
    std::sort(existing.begin(), existing.end(), byScore);
    std::sort(fresh.begin(), fresh.end(), byScore);
    QList<Suggestion> out = existing.mid(0, limit);
    out.append(fresh.mid(0, limit - out.size()));
    return out;
}

} // namespace copydesk::tags
