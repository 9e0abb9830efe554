#pragma once

#include "common/result.h"
#include "library/library.h"
#include "translation/segments.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMultiHash>
#include <QSet>
#include <QString>

#include <vector>

/// Translation memory: the translated segments of the library, looked up for the
/// segment a translator is on (exact and fuzzy matches), and exchanged with other
/// tools as TMX 1.4b.
namespace copydesk::translation {

/// One translation unit: a source text and its translation.
struct MemoryEntry final {
    QString sourceLanguage; ///< canonical tags ("en", "zh-Hans")
    QString targetLanguage;
    QString source;
    QString target;
    QString article; ///< the id of the article it comes from; empty when imported
    QDateTime changed;
    bool operator==(const MemoryEntry&) const = default;
};

/// A stored translation offered for a text.
struct MemoryMatch final {
    MemoryEntry entry;
    /// 100 for the same text (white space aside); below, how much of the words and
    /// punctuation the two texts share: 2 * common / (words of one + words of the
    /// other), in percent, rounded down, never 100.
    int percent = 0;
    /// The stored source against the text looked up, word by word: Removed runs are
    /// in the stored source only, Inserted runs in the text only.
    QList<DiffRun> difference;
};

class TranslationMemory final {
    Q_DECLARE_TR_FUNCTIONS(TranslationMemory)

public:
    /// Adds `entry`; the same source and target in the same languages again only
    /// updates its date and article. Entries with an empty source or target are left
    /// out.
    void add(const MemoryEntry& entry);
    qsizetype size() const { return qsizetype(m_entries.size()); }
    const std::vector<MemoryEntry>& entries() const { return m_entries; }

    /// The stored translations of `text` from `sourceLanguage` into `targetLanguage`
    /// of at least `minimum` percent, best first (then newest first), at most `limit`.
    QList<MemoryMatch> lookup(const QString& sourceLanguage, const QString& targetLanguage,
                              const QString& text, int minimum = 70, int limit = 5) const;

    /// The memory as a TMX 1.4b document: one <tu> per entry, the article in a
    /// "x-copydesk-article" property, dates in TMX's form (20261204T101500Z).
    QByteArray toTmx() const;
    /// The entries of a TMX document (1.1 to 1.4b): each <tu>'s source variant (its
    /// srclang, else the header's, else its first) with each of its other variants.
    /// The native codes of inline elements (<bpt>, <ept>, <ph>, <it>, <ut>, with any
    /// <sub> inside them) are left out of the text, the text of <hi> kept. A DOCTYPE with
    /// declarations of its own or an entity reference (XXE, "billion laughs") is refused; an error
    /// names `what`, the line and the problem, and then nothing is read. A unit's source
    /// variant may be a regional form of the source language (srclang "en", variants in
    /// en-US); variants in the source's own language are no translations; `skipped`
    /// counts the units without a variant in the source language.
    static Result<TranslationMemory> fromTmx(const QByteArray& tmx, const QString& what,
                                             int* skipped = nullptr);

private:
    struct Pair final {
        std::vector<int> entries;                ///< indexes into m_entries
        QHash<QString, std::vector<int>> tokens; ///< token -> positions in `entries`
        std::vector<int> tokenCounts;            ///< tokens of each entry
    };
    std::vector<MemoryEntry> m_entries;
    QMultiHash<size_t, int> m_exact; ///< hash of (languages, source, target) -> entries
    QHash<QString, Pair> m_pairs;    ///< "en\nfr" -> the entries of that pair
};

/// What `article`'s translations give the memory: every translated or reviewed
/// segment (a draft is not yet a translation, an outdated one no longer one of its
/// source), as its source segment's text and its own, dated when its version changed;
/// only version `language`'s when one is named.
QList<MemoryEntry> memoryEntriesOf(const Article& article, const QString& language = {});

/// Adds `entries` to the memory kept in `library`, in one transaction (or as part of
/// the caller's transaction()): languages are stored canonical (an invalid tag fails
/// before anything is written), entries with an empty text are left out, and a
/// translation stored already only takes the newer date and its article. Returns how
/// many entries are new.
Result<int> storeMemory(Library& library, const QList<MemoryEntry>& entries);

/// How loadMemory() tags the entries of a regional form.
enum class MemoryTags {
    AsAskedFor, ///< the pair asked for: what lookup() finds them by
    AsStored,   ///< their own tags: what a TMX export writes
};

/// The memory kept in `library` for translating from `sourceLanguage` into
/// `targetLanguage`, any regional form of either included (an en-US to fr-CA entry
/// serves en to fr, and en-GB to fr); every pair when both are empty.
Result<TranslationMemory> loadMemory(const Library& library, const QString& sourceLanguage = {},
                                     const QString& targetLanguage = {},
                                     MemoryTags tags = MemoryTags::AsAskedFor);

/// What outdated translations were made from: the texts, in earlier revisions of
/// article `articleId`, of its `sourceLanguage` version's segments with the
/// fingerprints `fingerprints` (AlignedRow::madeFrom), so that the change of the source
/// can be shown word by word. Goes back through at most `depth` revisions, newest
/// first; a fingerprint not found in them is left out of the result.
Result<QHash<QString, QString>> earlierSourceTexts(const Library& library, const QUuid& articleId,
                                                   const QString& sourceLanguage,
                                                   QSet<QString> fingerprints, int depth = 50);

} // namespace copydesk::translation
