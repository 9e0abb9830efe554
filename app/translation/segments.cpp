#include "translation/segments.h"
#include "translation/words_p.h"

#include "markdown/document.h"

#include <QCryptographicHash>
#include <QTextBoundaryFinder>

#include <dtl/dtl.hpp>

#include <algorithm>
#include <deque>
#include <vector>

namespace copydesk::translation {

namespace {

using markdown::NodeKind;

// The letters of the stored record (recordTranslation()).
QChar stateLetter(SegmentState state) {
    switch (state) {
    case SegmentState::Translated:
        return QLatin1Char('t');
    case SegmentState::Reviewed:
        return QLatin1Char('r');
    case SegmentState::Untranslated:
        return QLatin1Char('u');
    default:
        return QLatin1Char('d');
    }
}

struct RecordEntry final {
    // Without a record of its own (a new segment, an entry of an older or broken
    // form) a segment is a draft; only a "u" entry is a placeholder.
    SegmentState state = SegmentState::Draft;
    QString madeFrom;    // the source segment's fingerprint; empty: made from nothing
    QString targetText;  // the target segment's fingerprint when it was recorded
    bool edited = false; // the target segment changed since (set by recordFor())
};

RecordEntry parseEntry(const QString& entry) {
    const QStringList parts = entry.split(QLatin1Char(':'));
    if (parts.size() != 3 || parts[0].size() != 1)
        return {};
    const QChar letter = parts[0].at(0);
    const SegmentState state = letter == QLatin1Char('t')   ? SegmentState::Translated
                               : letter == QLatin1Char('r') ? SegmentState::Reviewed
                               : letter == QLatin1Char('u') ? SegmentState::Untranslated
                                                            : SegmentState::Draft;
    return {state, parts[1], parts[2]};
}

// Runs of a dtl edit script between two sequences of fingerprints, as index pairs
// (-1 on the side that has none): common elements, then for each run of changes its
// removals and additions paired in order, the rest alone.
struct Pair final {
    qsizetype before = -1;
    qsizetype after = -1;
    bool common = false;
};
std::vector<Pair> matchSequences(const std::vector<QString>& before,
                                 const std::vector<QString>& after) {
    std::vector<Pair> out;
    if (before.empty() || after.empty()) {
        for (size_t k = 0; k < before.size(); ++k)
            out.push_back({qsizetype(k), -1, false});
        for (size_t k = 0; k < after.size(); ++k)
            out.push_back({-1, qsizetype(k), false});
        return out;
    }
    dtl::Diff<QString, std::vector<QString>> diff(before, after);
    diff.compose();
    std::vector<qsizetype> removed, added;
    auto flush = [&] {
        for (size_t k = 0; k < std::max(removed.size(), added.size()); ++k)
            out.push_back(
                {k < removed.size() ? removed[k] : -1, k < added.size() ? added[k] : -1, false});
        removed.clear();
        added.clear();
    };
    for (const auto& e : diff.getSes().getSequence()) {
        if (e.second.type == dtl::SES_COMMON) {
            flush();
            out.push_back({e.second.beforeIdx - 1, e.second.afterIdx - 1, true});
        } else if (e.second.type == dtl::SES_DELETE) {
            removed.push_back(e.second.beforeIdx - 1);
        } else {
            added.push_back(e.second.afterIdx - 1);
        }
    }
    flush();
    return out;
}

// The record entry of each of `to`'s segments: the stored record matched to the
// target's segments as they are now by their own fingerprints, so that editing the
// target (a paragraph added, one reworded) keeps the record of the others. An
// entry for a reworded segment is `edited`; a new segment has an empty entry.
std::vector<RecordEntry> recordFor(const QStringList& stored, const QList<Segment>& to) {
    std::vector<RecordEntry> record;
    std::vector<QString> was;
    for (const QString& entry : stored) {
        record.push_back(parseEntry(entry));
        was.push_back(record.back().targetText);
    }
    std::vector<QString> now;
    for (const Segment& s : to)
        now.push_back(s.fingerprint);
    std::vector<RecordEntry> out(to.size());
    for (const Pair& p : matchSequences(was, now)) {
        if (p.before < 0 || p.after < 0)
            continue;
        out[size_t(p.after)] = record[size_t(p.before)];
        out[size_t(p.after)].edited = !p.common;
    }
    return out;
}

bool isField(SegmentKind kind) {
    return kind != SegmentKind::Block && kind != SegmentKind::AltText;
}

// A segment of the body: trailing white space is not part of what is translated.
Segment bodySegment(SegmentKind kind, QString text, qsizetype start, qsizetype stop, int line) {
    while (!text.isEmpty() && text.back().isSpace()) {
        text.chop(1);
        if (kind == SegmentKind::Block)
            --stop;
    }
    Segment s;
    s.kind = kind;
    s.fingerprint = fingerprint(text);
    s.text = std::move(text);
    s.start = start;
    s.stop = stop;
    s.line = line;
    return s;
}

void addBodySegments(const markdown::Document& document, const QString& body, QList<Segment>& out);

/// The body segments of `body`, made once per parse: a source is aligned with each of
/// its translations and again by the QA, and its segments' fingerprints (a SHA-256
/// each) were most of an alignment's time. Kept per thread beside the parse
/// (markdown::sharedParse()), so a new parse of the text makes them anew.
void addBodySegments(const QString& body, QList<Segment>& out) {
    struct Made final {
        std::shared_ptr<const markdown::Document> document;
        QList<Segment> segments;
    };
    thread_local std::deque<Made> made; // the last used first
    const auto parsed = markdown::sharedParse(body);
    for (auto it = made.begin(); it != made.end(); ++it) {
        if (it->document == parsed) {
            out.append(it->segments);
            if (it != made.begin()) {
                Made found = std::move(*it);
                made.erase(it);
                made.push_front(std::move(found));
            }
            return;
        }
    }
    QList<Segment> segments;
    addBodySegments(*parsed, body, segments);
    out.append(segments);
    made.push_front({parsed, std::move(segments)});
    constexpr size_t kKept = 8; // as many as the parses kept
    if (made.size() > kKept)
        made.pop_back();
}

void addBodySegments(const markdown::Document& document, const QString& body, QList<Segment>& out) {
    const std::vector<markdown::Node>& nodes = document.nodes();
    for (size_t i = 0; i < nodes.size(); ++i) {
        const markdown::Node& n = nodes[i];
        if (n.kind != NodeKind::Paragraph && n.kind != NodeKind::Heading &&
            n.kind != NodeKind::TableCell)
            continue;
        // A block of images only (or an empty table cell) has no text of its own to
        // translate: its alt texts are its segments. What is translated is the block's
        // inline content: a heading without its "## ", a cell without its "|".
        if (!document.plainText(int(i)).trimmed().isEmpty() && n.end > int(i) + 1) {
            const qsizetype start = nodes[i + 1].start;
            qsizetype stop = start;
            for (int k = int(i) + 1; k < n.end; ++k)
                stop = std::max(stop, nodes[size_t(k)].stop);
            out.append(bodySegment(SegmentKind::Block, body.mid(start, stop - start), start, stop,
                                   n.startLine));
        }
        // The alt texts of the block's images, after it.
        for (int k = int(i) + 1; k < n.end; ++k) {
            const markdown::Node& inner = nodes[size_t(k)];
            if (inner.kind != NodeKind::Image)
                continue;
            const QString alt = document.plainText(k, true).trimmed();
            if (!alt.isEmpty())
                out.append(bodySegment(SegmentKind::AltText, alt, inner.start, inner.stop,
                                       inner.startLine));
        }
    }
}

} // namespace

std::vector<QString> detail::words(const QString& text) {
    std::vector<QString> out;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Word, text);
    qsizetype last = 0;
    for (qsizetype at = finder.toNextBoundary(); at != -1; at = finder.toNextBoundary()) {
        out.push_back(text.mid(last, at - last));
        last = at;
    }
    if (last < text.size())
        out.push_back(text.mid(last));
    return out;
}

QString fingerprint(const QString& text) {
    return QString::fromLatin1(
        QCryptographicHash::hash(text.simplified().toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(16));
}

QList<Segment> segmentsOf(const LanguageVersion& version) {
    QList<Segment> out;
    auto field = [&out](SegmentKind kind, const QString& text) {
        if (text.trimmed().isEmpty())
            return;
        Segment s;
        s.kind = kind;
        s.text = text;
        s.fingerprint = fingerprint(text);
        out.append(std::move(s));
    };
    field(SegmentKind::Title, version.title);
    field(SegmentKind::Summary, version.summary);
    field(SegmentKind::SeoTitle, version.seoTitle);
    field(SegmentKind::SeoDescription, version.seoDescription);
    addBodySegments(version.body, out);
    return out;
}

QString stateName(SegmentState state) {
    switch (state) {
    case SegmentState::Untranslated:
        return QStringLiteral("untranslated");
    case SegmentState::Draft:
        return QStringLiteral("draft");
    case SegmentState::Translated:
        return QStringLiteral("translated");
    case SegmentState::Reviewed:
        return QStringLiteral("reviewed");
    case SegmentState::Outdated:
        return QStringLiteral("outdated");
    }
    return {};
}

Alignment align(const LanguageVersion& source, const LanguageVersion& target) {
    const QList<Segment> from = segmentsOf(source);
    const QList<Segment> to = segmentsOf(target);
    const bool recorded = !target.sourceFingerprints.isEmpty();
    const std::vector<RecordEntry> record =
        recorded ? recordFor(target.sourceFingerprints, to) : std::vector<RecordEntry>();
    auto rowFor = [&](const Segment& s, qsizetype targetIndex) {
        AlignedRow row;
        row.source = s;
        if (targetIndex < 0)
            return row; // untranslated
        const RecordEntry* entry = recorded ? &record[size_t(targetIndex)] : nullptr;
        if (entry && entry->state == SegmentState::Untranslated && !entry->edited)
            return row; // the source text standing in, untouched: nothing translated yet
        row.target = to[targetIndex];
        if (!entry || entry->madeFrom.isEmpty()) {
            row.state = SegmentState::Draft;
        } else if (entry->madeFrom != s.fingerprint) {
            row.state = SegmentState::Outdated;
            row.madeFrom = entry->madeFrom;
        } else {
            row.state = entry->edited ? SegmentState::Draft : entry->state;
        }
        return row;
    };

    Alignment out;
    // Fields by kind.
    for (const Segment& s : from) {
        if (!isField(s.kind))
            continue;
        qsizetype match = -1;
        for (qsizetype i = 0; i < to.size(); ++i)
            if (to[i].kind == s.kind)
                match = i;
        out.rows.append(rowFor(s, match));
    }

    // The body: what each target segment was made from (its record, or without one
    // its position) against the source's segments as they are. Common entries are rows
    // with their translation; a removal paired with an addition is a translation of a
    // source segment that changed (outdated); an addition alone is untranslated, a
    // removal alone a target segment whose source segment is gone (an orphan).
    std::vector<qsizetype> fromBody, toBody;
    for (qsizetype i = 0; i < from.size(); ++i)
        if (!isField(from[i].kind))
            fromBody.push_back(i);
    for (qsizetype i = 0; i < to.size(); ++i)
        if (!isField(to[i].kind))
            toBody.push_back(i);
    std::vector<QString> current, madeFrom;
    for (qsizetype i : fromBody)
        current.push_back(from[i].fingerprint);
    for (size_t k = 0; k < toBody.size(); ++k) {
        if (recorded)
            madeFrom.push_back(record[size_t(toBody[k])].madeFrom);
        else // the k-th target block stands for the k-th source block
            madeFrom.push_back(k < current.size() ? current[k] : QString());
        if (madeFrom.back().isEmpty()) // made from nothing: matches no source segment
            madeFrom.back() = QStringLiteral("-%1").arg(k);
    }
    for (const Pair& p : matchSequences(madeFrom, current)) {
        if (p.after < 0)
            out.orphans.append(to[toBody[size_t(p.before)]]);
        else
            out.rows.append(rowFor(from[fromBody[size_t(p.after)]],
                                   p.before < 0 ? -1 : toBody[size_t(p.before)]));
    }
    return out;
}

int Progress::percentDone() const {
    if (total == 0)
        return 100;
    return (translated + reviewed) * 100 / total;
}

Progress progressOf(const Alignment& alignment) {
    Progress p;
    for (const AlignedRow& row : alignment.rows) {
        ++p.total;
        switch (row.state) {
        case SegmentState::Untranslated:
            ++p.untranslated;
            break;
        case SegmentState::Draft:
            ++p.draft;
            break;
        case SegmentState::Translated:
            ++p.translated;
            break;
        case SegmentState::Reviewed:
            ++p.reviewed;
            break;
        case SegmentState::Outdated:
            ++p.outdated;
            break;
        }
    }
    return p;
}

void recordTranslation(const LanguageVersion& source, LanguageVersion* target, SegmentState state,
                       const QList<int>& rows) {
    const Alignment alignment = align(source, *target);
    const QList<Segment> to = segmentsOf(*target);
    const std::vector<RecordEntry> before = target->sourceFingerprints.isEmpty()
                                                ? std::vector<RecordEntry>(to.size())
                                                : recordFor(target->sourceFingerprints, to);
    QStringList record;
    for (qsizetype i = 0; i < to.size(); ++i) {
        const RecordEntry& e = before[size_t(i)];
        record.append(recordEntry(e.madeFrom.isEmpty() || e.edited ? SegmentState::Draft : e.state,
                                  e.madeFrom, to[i].fingerprint));
    }
    for (int r = 0; r < alignment.rows.size(); ++r) {
        const AlignedRow& row = alignment.rows[r];
        if (!row.target)
            continue;
        const qsizetype index = to.indexOf(*row.target);
        if (index < 0)
            continue;
        if (rows.isEmpty() || rows.contains(r))
            record[index] = recordEntry(state, row.source.fingerprint, to[index].fingerprint);
        else if (before[size_t(index)].madeFrom.isEmpty())
            // Never recorded: a draft of the source segment it is aligned with, so that
            // its place in the alignment is kept.
            record[index] =
                recordEntry(SegmentState::Draft, row.source.fingerprint, to[index].fingerprint);
    }
    target->sourceFingerprints = record;
    target->translatedFrom = source.language;
}

QString recordEntry(SegmentState state, const QString& madeFrom, const QString& targetFingerprint) {
    return stateLetter(state) + QLatin1Char(':') + madeFrom + QLatin1Char(':') + targetFingerprint;
}

QList<DiffRun> wordDiff(const QString& before, const QString& after) {
    const std::vector<QString> a = detail::words(before);
    const std::vector<QString> b = detail::words(after);
    QList<DiffRun> out;
    auto push = [&out](DiffRun::Kind kind, const QString& text) {
        if (!out.isEmpty() && out.back().kind == kind)
            out.back().text += text;
        else
            out.append({kind, text});
    };
    if (a.empty() || b.empty()) {
        if (!before.isEmpty())
            push(DiffRun::Removed, before);
        if (!after.isEmpty())
            push(DiffRun::Inserted, after);
        return out;
    }
    dtl::Diff<QString, std::vector<QString>> diff(a, b);
    diff.compose();
    for (const auto& e : diff.getSes().getSequence()) {
        push(e.second.type == dtl::SES_COMMON ? DiffRun::Equal
             : e.second.type == dtl::SES_ADD  ? DiffRun::Inserted
                                              : DiffRun::Removed,
             e.first);
    }
    return out;
}

QString* segmentField(LanguageVersion& version, SegmentKind kind) {
    switch (kind) {
    case SegmentKind::Title:
        return &version.title;
    case SegmentKind::Summary:
        return &version.summary;
    case SegmentKind::SeoTitle:
        return &version.seoTitle;
    case SegmentKind::SeoDescription:
        return &version.seoDescription;
    case SegmentKind::Block:
    case SegmentKind::AltText:
        break;
    }
    return nullptr;
}

LanguageVersion withSegmentText(const LanguageVersion& version, const Segment& segment,
                                const QString& text) {
    LanguageVersion changed = version;
    if (QString* field = segmentField(changed, segment.kind)) {
        *field = text;
    } else if (segment.kind == SegmentKind::Block && segment.start >= 0 &&
               segment.stop <= changed.body.size()) {
        qsizetype end = text.size();
        while (end > 0 && text[end - 1].isSpace())
            --end;
        changed.body.replace(segment.start, segment.stop - segment.start, text.left(end));
    }
    return changed;
}

const LanguageVersion* sourceVersion(const Article& article, const LanguageVersion& version) {
    if (!version.translatedFrom.isEmpty() && version.translatedFrom != version.language) {
        if (const LanguageVersion* named = article.version(version.translatedFrom))
            return named;
    }
    const LanguageVersion* source = article.version(article.sourceLanguage);
    return source && source->language != version.language ? source : nullptr;
}

} // namespace copydesk::translation
