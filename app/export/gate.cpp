#include "export/gate.h"

#include "export/parsedbodies.h"

#include "article/article.h"
#include "checks/checks.h"
#include "checks/fieldtext.h"
#include "common/languagetag.h"
#include "library/library.h"
#include "markdown/anchors.h"
#include "markdown/document.h"
#include "translation/segments.h"

#include <QHash>
#include <QSet>
#include <QTextBoundaryFinder>
#include <QUrl>

#include <algorithm>
#include <optional>
#include <vector>

namespace copydesk {

namespace {

using checks::Field;
using checks::Finding;
using checks::Severity;

const QString kUnresolvedMedia = QStringLiteral("unresolved-media");
const QString kBrokenAnchor = QStringLiteral("broken-anchor");
const QString kUntranslated = QStringLiteral("untranslated-segment");
const QString kOutdated = QStringLiteral("outdated-segment");

/// The 1-based top-level block of `document` holding UTF-16 offset `offset`; the last
/// block before it when it falls between two.
/// The top-level block (1-based paragraph) holding an offset of a body, by binary
/// search: a body with 100,000 findings asks 100,000 times.
class Paragraphs final {
public:
    explicit Paragraphs(const markdown::Document& document) {
        for (const markdown::Node& node : document.nodes()) {
            if (node.depth == 1)
                m_starts.push_back(node.start);
        }
    }
    int at(qsizetype offset) const {
        const auto after = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
        return std::max(int(after - m_starts.begin()), 1);
    }

private:
    std::vector<qsizetype> m_starts;
};

/// `lines`, when given, indexes `text` (for many findings in one body).
Finding finding(const QString& checkId, const QString& language, Field field, const QString& text,
                qsizetype start, qsizetype stop, const QString& message,
                const checks::LineIndex* lines = nullptr) {
    Finding f;
    f.checkId = checkId;
    f.severity = Severity::Error;
    f.language = language;
    f.field = field;
    f.range = lines ? checks::SourceRange{lines->at(int(start)), lines->at(int(stop))}
                    : checks::rangeAt(text, int(start), int(stop));
    f.excerpt = text.mid(start, std::min<qsizetype>(stop - start, 80));
    f.message = message;
    return f;
}

/// The ids an exported page of `document` has for an in-page link: cmark-gfm gives
/// footnotes and their references ids, headings none.
/// `text` cut to at most about `length` characters at a word boundary, with "…" when
/// it was cut (a message quotes the start of a paragraph).
QString shortened(const QString& text, qsizetype length) {
    if (text.size() <= length)
        return text;
    QTextBoundaryFinder words(QTextBoundaryFinder::Word, text);
    words.setPosition(int(length));
    if (!words.isAtBoundary())
        words.toPreviousBoundary();
    const qsizetype cut = words.position() > 0 ? words.position() : length;
    return text.left(cut).trimmed() + QStringLiteral("\u2026");
}

Field fieldOf(translation::SegmentKind kind) {
    switch (kind) {
    case translation::SegmentKind::Title:
        return Field::Title;
    case translation::SegmentKind::Summary:
        return Field::Summary;
    case translation::SegmentKind::SeoTitle:
        return Field::SeoTitle;
    case translation::SegmentKind::SeoDescription:
        return Field::SeoDescription;
    case translation::SegmentKind::Block:
    case translation::SegmentKind::AltText:
        break;
    }
    return Field::Body;
}

/// The text of `field` in `version`.
QString fieldText(const LanguageVersion& version, Field field) {
    switch (field) {
    case Field::Title:
        return version.title;
    case Field::Summary:
        return version.summary;
    case Field::SeoTitle:
        return version.seoTitle;
    case Field::SeoDescription:
        return version.seoDescription;
    case Field::Body:
    case Field::FeaturedImage:
        break;
    }
    return version.body;
}

/// One finding per segment of `target` that is untranslated or outdated against
/// `source`, the version it is translated from, and per segment of `target` whose
/// source segment was deleted. An untranslated segment has no text in the target: its
/// finding points at the source's text (`inSource`).
struct SegmentFinding final {
    Finding finding;
    bool inSource = false;
};
QList<SegmentFinding> segmentFindings(const LanguageVersion& source,
                                      const LanguageVersion& target) {
    QList<SegmentFinding> out;
    const translation::Alignment alignment = translation::align(source, target);
    // The bodies' lines indexed once (a body of 20,000 untranslated paragraphs is
    // 20,000 findings).
    std::optional<checks::LineIndex> sourceLines;
    std::optional<checks::LineIndex> targetLines;
    const auto linesOf = [&](const LanguageVersion& holder) -> const checks::LineIndex* {
        std::optional<checks::LineIndex>& lines = &holder == &source ? sourceLines : targetLines;
        if (!lines)
            lines.emplace(holder.body);
        return &*lines;
    };
    for (const translation::AlignedRow& row : alignment.rows) {
        const bool outdated = row.state == translation::SegmentState::Outdated && row.target;
        if (row.state != translation::SegmentState::Untranslated && !outdated)
            continue;
        const translation::Segment& segment = outdated ? *row.target : row.source;
        const LanguageVersion& holder = outdated ? target : source;
        const Field field = fieldOf(segment.kind);
        const QString text = fieldText(holder, field);
        const qsizetype start = field == Field::Body ? segment.start : 0;
        const qsizetype stop = field == Field::Body ? segment.stop : text.size();
        const QString excerpt = shortened(segment.text.simplified(), 60);
        const checks::LineIndex* lines = field == Field::Body ? linesOf(holder) : nullptr;
        SegmentFinding f;
        f.inSource = !outdated;
        f.finding = outdated
                        ? finding(kOutdated, target.language, field, text, start, stop,
                                  ExportGate::tr("Outdated: the %1 text it was translated from has "
                                                 "changed since")
                                      .arg(source.language),
                                  lines)
                        : finding(kUntranslated, target.language, field, text, start, stop,
                                  ExportGate::tr("Not translated from %1: \u201c%2\u201d")
                                      .arg(source.language, excerpt),
                                  lines);
        out.append(f);
    }
    // Text whose source was deleted: published, it would say what the source no longer
    // says.
    for (const translation::Segment& orphan : alignment.orphans) {
        const Field field = fieldOf(orphan.kind);
        const QString text = fieldText(target, field);
        SegmentFinding f;
        f.finding = finding(kOutdated, target.language, field, text,
                            field == Field::Body ? orphan.start : 0,
                            field == Field::Body ? orphan.stop : text.size(),
                            ExportGate::tr("Outdated: the %1 text it was translated from was "
                                           "deleted; remove it here or translate it again")
                                .arg(source.language),
                            field == Field::Body ? linesOf(target) : nullptr);
        out.append(f);
    }
    return out;
}

} // namespace

QStringList ExportGate::checkIds() {
    return {QStringLiteral("missing-title"), QStringLiteral("missing-body"),
            QStringLiteral("missing-summary"), QStringLiteral("image-alt"),
            QStringLiteral("featured-image-alt")};
}

Result<QList<ExportGate::Block>> ExportGate::check(const Library& library, const Article& article,
                                                   const checks::CheckContext& context,
                                                   const QStringList& languages,
                                                   ParsedBodies* parsed) {
    ParsedBodies own;
    ParsedBodies& bodies = parsed ? *parsed : own;
    QStringList wanted;
    for (const QString& language : languages) {
        const auto tag = canonicalLanguageTag(language);
        if (!tag)
            return tag.failure();
        wanted.append(*tag);
    }
    checks::CheckContext gateContext = context;
    gateContext.onlyChecks = checkIds();

    // The library's media names, read once (the media themselves are not needed).
    QSet<QString> mediaNames;
    bool namesMedia = !article.featuredImage.isEmpty();
    for (const LanguageVersion& version : article.versions)
        namesMedia = namesMedia || version.body.contains(QLatin1String("media:"));
    if (namesMedia) {
        const auto list = library.mediaList();
        if (!list)
            return list.failure();
        for (const Media& item : *list)
            mediaNames.insert(item.name);
    }

    QList<Block> blocks;
    for (const LanguageVersion& version : article.versions) {
        const auto tag = canonicalLanguageTag(version.language);
        const QString language = tag ? *tag : version.language;
        if (!wanted.isEmpty() && !wanted.contains(language))
            continue;
        const markdown::Document& document = bodies.of(version);
        QList<Finding> findings = checks::checkVersion(article, version, gateContext, &document);

        if (!article.featuredImage.isEmpty() && !mediaNames.contains(article.featuredImage)) {
            Finding f = finding(
                kUnresolvedMedia, version.language, Field::FeaturedImage, article.featuredImage, 0,
                0,
                tr("The featured image media:%1 is not in the library").arg(article.featuredImage));
            findings.append(f);
        }
        const QSet<QString> ids = markdown::pageIds(document);
        // Each missing target once, at its first link, with the number of links to it:
        // a body of 100,000 links to one missing anchor is one finding.
        struct Missing final {
            QString checkId;
            QString message;
            qsizetype start;
            qsizetype stop;
            int links;
        };
        QList<Missing> missing;
        QHash<QString, qsizetype> missingIndex; // "media:NAME" or "#ID" -> in `missing`
        const auto miss = [&](const QString& key, const QString& checkId, const QString& message,
                              const markdown::Node& node) {
            const auto it = missingIndex.constFind(key);
            if (it != missingIndex.constEnd()) {
                ++missing[*it].links;
                return;
            }
            missingIndex.insert(key, missing.size());
            missing.append(Missing{checkId, message, node.start, node.stop, 1});
        };
        for (const markdown::Node& node : document.nodes()) {
            if (node.kind != markdown::NodeKind::Image && node.kind != markdown::NodeKind::Link)
                continue;
            if (node.url.startsWith(QLatin1String("media:"))) {
                const QString name = QUrl::fromPercentEncoding(node.url.mid(6).toUtf8());
                if (!mediaNames.contains(name))
                    miss(QStringLiteral("media:") + name, kUnresolvedMedia,
                         tr("media:%1 is not in the library").arg(name), node);
            } else if (node.url.startsWith(QLatin1Char('#'))) {
                const QString id = QUrl::fromPercentEncoding(node.url.mid(1).toUtf8());
                // "#" alone is the top of the page.
                if (!id.isEmpty() && !ids.contains(id))
                    miss(QLatin1Char('#') + id, kBrokenAnchor,
                         tr("The link to #%1 leads nowhere: the page has no such anchor").arg(id),
                         node);
            }
        }
        if (!missing.isEmpty()) {
            const checks::LineIndex lines(version.body);
            for (const Missing& m : std::as_const(missing)) {
                findings.append(finding(
                    m.checkId, version.language, Field::Body, version.body, m.start, m.stop,
                    m.links > 1 ? m.message + tr(" (%n links)", nullptr, m.links) : m.message,
                    &lines));
            }
        }
        const Paragraphs paragraphs(document);
        QList<Block> versionBlocks;
        for (const Finding& f : std::as_const(findings)) {
            Block block;
            block.language = language;
            block.finding = f;
            if (f.field == Field::Body)
                block.paragraph = paragraphs.at(f.range.start.offset);
            versionBlocks.append(block);
        }
        // A translation (it names what it was translated from), against its source: the
        // version it names, else the article's source language.
        const LanguageVersion* source = version.translatedFrom.isEmpty()
                                            ? nullptr
                                            : translation::sourceVersion(article, version);
        if (source) {
            // Untranslated text points into the source: its paragraph there.
            std::optional<Paragraphs> sourceParagraphs;
            for (const SegmentFinding& s : segmentFindings(*source, version)) {
                Block block;
                block.language = language;
                block.finding = s.finding;
                if (s.inSource)
                    block.sourceLanguage = source->language;
                if (s.finding.field == Field::Body) {
                    if (s.inSource && !sourceParagraphs)
                        sourceParagraphs.emplace(bodies.of(*source));
                    block.paragraph = (s.inSource ? *sourceParagraphs : paragraphs)
                                          .at(s.finding.range.start.offset);
                }
                versionBlocks.append(block);
            }
        }
        // The article's ignore list applies to the gate's own findings too.
        for (const Block& block : std::as_const(versionBlocks)) {
            const bool ignored = std::any_of(
                context.ignored.cbegin(), context.ignored.cend(),
                [&block](const checks::IgnoredFinding& i) { return i.matches(block.finding); });
            if (!ignored)
                blocks.append(block);
        }
    }
    return blocks;
}

QString ExportGate::describe(const Article& article, const Block& block) {
    const QString name = article.slug.isEmpty() ? article.displayTitle() : article.slug;
    const checks::Finding& f = block.finding;
    QString where;
    if (f.field == Field::Body && !block.sourceLanguage.isEmpty())
        where = tr("paragraph %1 of the %2 version (line %3)")
                    .arg(block.paragraph)
                    .arg(block.sourceLanguage)
                    .arg(f.range.start.line);
    else if (f.field == Field::Body)
        where = tr("paragraph %1 (line %2)").arg(block.paragraph).arg(f.range.start.line);
    else
        where = checks::fieldLabel(f.field);
    return tr("Article '%1', version %2, %3: %4 [%5]")
        .arg(name, block.language, where, f.message, f.checkId);
}

Result<ExportGate::Admission> ExportGate::admit(const Library& library, const Article& article,
                                                const QStringList& languages, bool override,
                                                ParsedBodies* parsed) {
    const auto context = checks::contextFromLibrary(library, article.id, nullptr);
    if (!context)
        return context.failure();
    const auto blocks = check(library, article, *context, languages, parsed);
    if (!blocks)
        return blocks.failure();
    Admission admission;
    admission.languages = languages;
    if (blocks->isEmpty())
        return admission;
    const QString name = article.slug.isEmpty() ? article.displayTitle() : article.slug;
    QStringList stopped;
    for (const Block& block : *blocks) {
        admission.findings.append(describe(article, block));
        if (!stopped.contains(block.language))
            stopped.append(block.language);
    }
    if (override) {
        admission.overridden = true;
        return admission;
    }
    admission.languages.clear();
    for (const LanguageVersion& version : article.versions) {
        const auto tag = canonicalLanguageTag(version.language);
        const QString language = tag ? *tag : version.language;
        if (!stopped.contains(language) && (languages.isEmpty() || languages.contains(language)))
            admission.languages.append(language);
    }
    if (admission.languages.isEmpty()) {
        admission.exportable = false;
        admission.problem =
            tr("Article '%1': not exported: every version fails the checks before export")
                .arg(name);
    } else {
        admission.problem = tr("Article '%1': %2 not exported: the checks before export failed")
                                .arg(name, stopped.join(QStringLiteral(", ")));
    }
    return admission;
}

} // namespace copydesk
