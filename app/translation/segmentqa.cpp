// The QA of a translation segment by segment: markup that differs from the source
// segment's, a target that is the source's text, a length far from the version's
// usual ratio, and a source text translated in two ways.
#include "translation/segmentqa_p.h"

#include "markdown/document.h"
#include "translation/hits_p.h"
#include "translation/segments.h"
#include "translation/versionqa.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace copydesk::translation::detail {

namespace {

using checks::Field;
using checks::Severity;
using markdown::NodeKind;

/// The inline markup a translation keeps: its kinds, in the order messages name them.
/// Links are version-links' (compared as sets of targets: a translation may link a term
/// once more or once less).
constexpr std::array<NodeKind, 6> kMarkup{NodeKind::Image,         NodeKind::Emph,
                                          NodeKind::Strong,        NodeKind::Code,
                                          NodeKind::Strikethrough, NodeKind::FootnoteReference};
using MarkupCounts = std::array<int, kMarkup.size()>;

QString markupName(NodeKind kind, int n) {
    switch (kind) {
    case NodeKind::Image:
        return TranslationQa::tr("%n image(s)", nullptr, n);
    case NodeKind::Emph:
        return TranslationQa::tr("%n emphasis", nullptr, n);
    case NodeKind::Strong:
        return TranslationQa::tr("%n strong emphasis", nullptr, n);
    case NodeKind::Code:
        return TranslationQa::tr("%n code span(s)", nullptr, n);
    case NodeKind::Strikethrough:
        return TranslationQa::tr("%n strikethrough", nullptr, n);
    default:
        return TranslationQa::tr("%n footnote reference(s)", nullptr, n);
    }
}

/// The markup counts of each body segment of `body` (by its start offset), from one
/// parse.
QHash<qsizetype, MarkupCounts> markupOf(const QString& body, const QList<Segment>& segments) {
    std::vector<std::pair<qsizetype, qsizetype>> blocks; // [start, stop), sorted
    for (const Segment& s : segments)
        if (s.kind == SegmentKind::Block)
            blocks.emplace_back(s.start, s.stop);
    QHash<qsizetype, MarkupCounts> counts;
    if (blocks.empty())
        return counts;
    const auto parsed = markdown::sharedParse(body); // the alignment parsed it
    const markdown::Document& document = *parsed;
    for (const markdown::Node& node : document.nodes()) {
        const auto kind = std::find(kMarkup.begin(), kMarkup.end(), node.kind);
        if (kind == kMarkup.end())
            continue;
        // The block whose range holds the node's start: the last one starting at or
        // before it.
        auto it = std::upper_bound(blocks.begin(), blocks.end(), node.start,
                                   [](qsizetype at, const auto& b) { return at < b.first; });
        if (it == blocks.begin())
            continue;
        --it;
        if (node.start >= it->second)
            continue;
        auto found = counts.find(it->first);
        if (found == counts.end())
            found = counts.insert(it->first, MarkupCounts{}); // zeros
        ++(*found)[size_t(kind - kMarkup.begin())];
    }
    return counts;
}

/// Words of letters in what `text` shows as prose, without its code spans, link and
/// image destinations and site shortcodes: a segment that is a number, a name, a
/// linked name or code alone ("`apiserver_request_total`", "[Erlang](/docs/erlang/)",
/// "{{% docs/intro %}}", as real sites have them) is the same in every language.
int letterWords(const QString& text) {
    static const QRegularExpression notProse(
        QStringLiteral("`+[^`]*`+|\\]\\([^)]*\\)|\\{\\{[^}]*\\}\\}|https?://\\S+"));
    const QString prose = QString(text).remove(notProse);
    int n = 0;
    bool inWord = false;
    for (const QChar c : prose) {
        const bool letter = c.isLetter();
        if (letter && !inWord)
            ++n;
        inWord = letter;
    }
    return n;
}

QString primaryLanguage(const QString& tag) {
    return tag.section(QLatin1Char('-'), 0, 0).toLower();
}

} // namespace

bool segmentChecksEnabled(const checks::CheckContext& context) {
    return context.onlyChecks.isEmpty() ||
           std::any_of(context.onlyChecks.begin(), context.onlyChecks.end(),
                       [](const QString& id) { return id.startsWith(u"segment-"); });
}

void compareSegments(const LanguageVersion& source, const LanguageVersion& version,
                     const std::function<const checks::FieldText&(Field)>& fieldText,
                     const checks::CheckContext& context, QList<checks::Finding>& out) {
    // A version never recorded is aligned by position: a paragraph added or moved in
    // it would pair texts that are no translations of each other.
    if (version.sourceFingerprints.isEmpty())
        return;
    // Sink::add() keeps what it is given: the checks not asked for are not run.
    auto asked = [&context](QStringView id) {
        return context.onlyChecks.isEmpty() || context.onlyChecks.contains(id);
    };
    const bool markup = asked(u"segment-markup"), identical = asked(u"segment-identical"),
               length = asked(u"segment-length"), consistent = asked(u"segment-inconsistent");
    const Alignment alignment = align(source, version);
    QList<Segment> sourceSegments, targetSegments;
    for (const AlignedRow& row : alignment.rows) {
        sourceSegments.append(row.source);
        if (row.target)
            targetSegments.append(*row.target);
    }
    const QHash<qsizetype, MarkupCounts> sourceMarkup = markupOf(source.body, sourceSegments);
    const QHash<qsizetype, MarkupCounts> targetMarkup = markupOf(version.body, targetSegments);
    const bool sameLanguage = primaryLanguage(source.language) == primaryLanguage(version.language);
    const MarkupCounts none{};

    // The version's usual length ratio: the median over its longer segments, so that a
    // language pair needs no table of norms (Chinese is shorter than English, French
    // longer) and a segment far from it stands out.
    constexpr qsizetype kLongEnough = 40;
    std::vector<double> ratios;
    for (const AlignedRow& row : alignment.rows)
        if (row.target && row.source.text.size() >= kLongEnough)
            ratios.push_back(double(row.target->text.size()) / double(row.source.text.size()));
    double median = 0;
    if (ratios.size() >= 3) {
        std::nth_element(ratios.begin(), ratios.begin() + qsizetype(ratios.size() / 2),
                         ratios.end());
        median = ratios[ratios.size() / 2];
    }

    // Translations of the same source text in this version, by text.
    QHash<QString, int> firstRowOf;
    for (int i = 0; i < alignment.rows.size(); ++i) {
        const AlignedRow& row = alignment.rows[i];
        if (!row.target)
            continue;
        const checks::FieldText& text = fieldText(translation::fieldOfSegment(row.target->kind));
        // A field's segment is the whole field; a body segment is its range.
        const int start = row.target->start < 0 ? 0 : int(row.target->start);
        const int stop = row.target->start < 0 ? int(text.text.size()) : int(row.target->stop);
        checks::Sink sink(text, context, out);

        if (markup && row.source.kind == SegmentKind::Block) {
            const MarkupCounts& from =
                sourceMarkup.contains(row.source.start) ? sourceMarkup[row.source.start] : none;
            const MarkupCounts& to =
                targetMarkup.contains(row.target->start) ? targetMarkup[row.target->start] : none;
            QStringList differences;
            for (size_t k = 0; k < kMarkup.size(); ++k)
                if (from[k] != to[k])
                    differences << TranslationQa::tr("%1 there, %2 here")
                                       .arg(markupName(kMarkup[k], from[k]),
                                            markupName(kMarkup[k], to[k]));
            if (!differences.isEmpty())
                sink.add("segment-markup", Severity::Warning, start, stop,
                         TranslationQa::tr("The markup differs from the %1 segment: %2")
                             .arg(source.language, differences.join(QLatin1String("; "))));
        }

        const QString simplified = row.target->text.simplified();
        if (identical && !sameLanguage && letterWords(row.source.text) >= 3 &&
            simplified == row.source.text.simplified())
            sink.add("segment-identical", Severity::Warning, start, stop,
                     TranslationQa::tr("The same as the %1 text: not translated yet?")
                         .arg(source.language));

        if (length && median > 0 && row.source.text.size() >= kLongEnough) {
            const double ratio = double(row.target->text.size()) / double(row.source.text.size());
            // Far from the version's own ratio, and far from any language pair's: where
            // a version is aligned badly (marked translated by position, paragraphs
            // out of step) its median means little, and a plain 1.2 is no finding.
            constexpr double kFar = 2.5;
            constexpr double kLongest = 4.0, kShortest = 0.25;
            if ((ratio > median * kFar || ratio < median / kFar) &&
                (ratio > kLongest || ratio < kShortest))
                sink.add("segment-length", Severity::Info, start, stop,
                         TranslationQa::tr("%1 characters for %2 in the %3 text: far from "
                                           "this version's usual length (%4 for %2)")
                             .arg(row.target->text.size())
                             .arg(row.source.text.size())
                             .arg(source.language)
                             .arg(qRound(double(row.source.text.size()) * median)));
        }

        if (!consistent)
            continue;
        const QString key = row.source.text.simplified();
        if (const auto first = firstRowOf.constFind(key); first != firstRowOf.constEnd()) {
            const AlignedRow& earlier = alignment.rows[*first];
            if (earlier.target->text.simplified() != simplified)
                sink.add("segment-inconsistent", Severity::Warning, start, stop,
                         TranslationQa::tr("The same %1 text is translated otherwise in "
                                           "segment %2: \u201c%3\u201d")
                             .arg(source.language)
                             .arg(*first + 1)
                             .arg(earlier.target->text.simplified().left(80)));
            continue;
        }
        firstRowOf.insert(key, i);
        if (context.otherTranslations &&
            (row.state == SegmentState::Translated || row.state == SegmentState::Reviewed)) {
            const QStringList others =
                context.otherTranslations(source.language, version.language, row.source.text);
            const bool agrees = others.isEmpty() ||
                                std::any_of(others.begin(), others.end(), [&](const QString& t) {
                                    return t.simplified() == simplified;
                                });
            if (!agrees)
                sink.add("segment-inconsistent", Severity::Warning, start, stop,
                         TranslationQa::tr("The library's memory translates the same %1 "
                                           "text otherwise: \u201c%2\u201d")
                             .arg(source.language, others.front().simplified().left(80)));
        }
    }
}

} // namespace copydesk::translation::detail
