#pragma once

#include "article/article.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>

/// Segments: the units a translation is aligned to its source by. A version's
/// segments are its title, summary, SEO title and SEO description, then the blocks of
/// its body that hold text (headings, paragraphs, table cells: the leaf blocks of the
/// one Markdown parse, so a list item's or a block quote's paragraphs are segments of
/// their own), each followed by the alt texts of its images. Code and raw HTML blocks
/// are not translated and are no segments.
namespace copydesk::translation {

enum class SegmentKind { Title, Summary, SeoTitle, SeoDescription, Block, AltText };

struct Segment final {
    SegmentKind kind = SegmentKind::Block;
    /// The text as written: for a block, the Markdown source of its inline content
    /// (emphasis and links included; a heading's "#" and a list item's "-" not; for a
    /// paragraph inside a block quote, the continuation lines' "> " are in it), for an
    /// alt text and a field their plain text. Trailing white space is not part of it.
    QString text;
    /// In the body (Block, AltText): the UTF-16 range of `text` in the body (for an alt
    /// text, of its image), [start, stop), and its first line (1-based); -1 and 0 for
    /// the fields.
    qsizetype start = -1;
    qsizetype stop = -1;
    int line = 0;
    /// fingerprint(text).
    QString fingerprint;

    bool operator==(const Segment&) const = default;
};

/// The version `version` of `article` is translated from: the one its translatedFrom
/// names, else the article's source language version; never the order of the versions.
/// Null for the source version itself, or when there is no such version.
const LanguageVersion* sourceVersion(const Article& article, const LanguageVersion& version);

/// A short, stable digest of `text` with its runs of white space made one space and
/// its ends trimmed, so that re-wrapping a paragraph does not make its translations
/// outdated: 16 hex digits of SHA-256.
QString fingerprint(const QString& text);

/// The segments of `version`, in the order described above. Fields that are empty are
/// left out (an empty summary is nothing to translate).
QList<Segment> segmentsOf(const LanguageVersion& version);

/// The field of `version` a segment of `kind` is (title, summary, SEO title or
/// description); null for a body segment.
QString* segmentField(LanguageVersion& version, SegmentKind kind);

/// `version` with `segment` (one of segmentsOf(version)) holding `text` instead: a field
/// set, a block's inline source replaced in the body (trailing white space dropped, which
/// would end the block). An alt text is part of its image's Markdown and is not replaced
/// here (the version comes back unchanged). What editing the source beside its
/// translation does.
LanguageVersion withSegmentText(const LanguageVersion& version, const Segment& segment,
                                const QString& text);

/// What a target segment is, as the translator sees it.
enum class SegmentState {
    Untranslated, ///< no target text for the source segment
    Draft,        ///< target text, not confirmed as a translation
    Translated,
    Reviewed,
    Outdated, ///< translated from a source text that has changed since
};

/// The name used in the CLI, in XLIFF notes and in the stored record: "untranslated",
/// "draft", "translated", "reviewed", "outdated".
QString stateName(SegmentState state);

/// One row of an alignment: a source segment and the target segment translated from
/// it (if any), with its state. For an Outdated row, `madeFrom` is the fingerprint of
/// the source text the translation was made from.
struct AlignedRow final {
    Segment source;
    std::optional<Segment> target;
    SegmentState state = SegmentState::Untranslated;
    QString madeFrom;
};

/// A target version aligned to its source, row by row in the source's order, plus the
/// target segments whose source segment was deleted (`orphans`: shown to the
/// translator, who removes them).
struct Alignment final {
    QList<AlignedRow> rows;
    QList<Segment> orphans;
};

/// Aligns `target` to `source` with the record kept in target.sourceFingerprints (see
/// recordTranslation()). Body segments are matched by the fingerprints of the source
/// text each translation was made from (a longest common subsequence, so inserted and
/// removed paragraphs shift nothing); a target made before any record is aligned by
/// position, its non-empty segments as drafts. Fields (title, summary, SEO) are matched
/// by kind.
Alignment align(const LanguageVersion& source, const LanguageVersion& target);

/// Per-version progress: how many of the source's segments are in each state.
struct Progress final {
    int total = 0;
    int untranslated = 0;
    int draft = 0;
    int translated = 0; ///< translated and not reviewed
    int reviewed = 0;
    int outdated = 0;
    /// Translated or reviewed, in percent of total (rounded down; 100 for no segments).
    int percentDone() const;
    bool operator==(const Progress&) const = default;
};
Progress progressOf(const Alignment& alignment);

/// Records in `target` (sourceFingerprints, translatedFrom) that its segments were
/// translated from `source`'s as they are now, in `state` (Draft, Translated or
/// Reviewed): rows listed in `rows` (indexes into align(source, *target).rows; empty:
/// every row that has a target segment) take the state, the others keep theirs. The
/// record is one entry per target segment, in the target's order,
/// "STATE:SOURCE:TARGET": STATE is d, t or r; SOURCE the fingerprint of the source
/// segment it was made from (empty: none); TARGET the segment's own fingerprint, by
/// which align() finds the entry again after the target was edited (an edited segment
/// reads as a draft until it is recorded again). STATE u marks a placeholder:
/// the source's text standing in for a translation not made yet (applyTranslations()
/// writes them), an untranslated row until the text is edited.
void recordTranslation(const LanguageVersion& source, LanguageVersion* target, SegmentState state,
                       const QList<int>& rows = {});

/// A new text and state for one row of an alignment (see applyTranslations()).
struct RowTranslation final {
    QString text;
    SegmentState state = SegmentState::Draft;
};

/// `target` made anew on `source`'s skeleton (its blocks, code and markup) with, for
/// each row of align(source, target), the translation in `changes` (keyed by row), else
/// the translation it has, else the source text as a placeholder (the row stays
/// untranslated); and its record written to
/// match. A Block's text is Markdown with its images, whose alt texts' rows then only
/// take their state from `changes`; an image paragraph's alt text is put into its image.
/// Target segments without a source segment (Alignment::orphans) are left out. What the
/// XLIFF import and the side-by-side view put into a version. (In xliff.cpp, which
/// knows the inline codes of an image.)
LanguageVersion applyTranslations(const LanguageVersion& source, const LanguageVersion& target,
                                  const std::map<qsizetype, RowTranslation>& changes);

/// One entry of the record recordTranslation() writes: `state` (Draft, Translated or
/// Reviewed) of a target segment with fingerprint `targetFingerprint` made from the
/// source segment with fingerprint `madeFrom` (empty: from none).
QString recordEntry(SegmentState state, const QString& madeFrom, const QString& targetFingerprint);

/// A word-level comparison of two texts, for showing what changed in an outdated
/// segment's source: runs of equal, removed and inserted text that, concatenated
/// (equal + removed, equal + inserted), give back `before` and `after`. Words are
/// Unicode word boundaries (QTextBoundaryFinder), so Chinese compares per character.
struct DiffRun final {
    enum Kind { Equal, Removed, Inserted } kind = Equal;
    QString text;
    bool operator==(const DiffRun&) const = default;
};
QList<DiffRun> wordDiff(const QString& before, const QString& after);

} // namespace copydesk::translation
