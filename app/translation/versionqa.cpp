#include "translation/versionqa.h"

#include "translation/hits_p.h"
#include "translation/segmentqa_p.h"

#include "markdown/anchors.h"
#include "markdown/document.h"

#include <QHash>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

namespace copydesk::translation {

using checks::Field;
using checks::FieldText;
using checks::Finding;
using checks::Severity;
using checks::Sink;
using namespace detail;

namespace detail {

QString normalizedUrl(const QString& url, const QStringList& languages) {
    const QUrl u(url.trimmed(), QUrl::TolerantMode);
    QString host = u.host().toLower();
    QString path = u.path();
    if (host.isEmpty() && u.scheme().isEmpty() && path.startsWith(QLatin1String("www."))) {
        // "www.example.org/x" as written in plain text.
        const qsizetype slash = path.indexOf(QLatin1Char('/'));
        host = (slash < 0 ? path : path.left(slash)).toLower();
        path = slash < 0 ? QString() : path.mid(slash);
    }
    if (host.startsWith(QLatin1String("www.")))
        host = host.mid(4);
    const QString scheme = u.scheme().toLower();
    if (!scheme.isEmpty() && scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return scheme + QLatin1Char(':') + path; // mailto:, tel:
    // Translations link to their own language's page of the same site ("/ja/docs/x",
    // "example.org/fr/plan"): a first path segment that names the version's language
    // or its source's is the site's language prefix and left out. Other segments stay:
    // "/docs/languages/go/" is not "/docs/languages/js/".
    QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (!segments.isEmpty()) {
        const QString first = segments.front().toLower();
        const bool prefix = std::any_of(languages.begin(), languages.end(), [&](const QString& l) {
            const QString lower = l.toLower();
            return first == lower || first == lower.section(QLatin1Char('-'), 0, 0) ||
                   (first.startsWith(lower.section(QLatin1Char('-'), 0, 0) + QLatin1Char('-')) &&
                    first.size() <= 10);
        });
        if (prefix)
            segments.removeFirst();
    }
    QString key = segments.join(QLatin1Char('/'));
    if (path.startsWith(QLatin1Char('/')) || !host.isEmpty())
        key.prepend(QLatin1Char('/'));
    key.prepend(host);
    if (u.hasFragment())
        key += QLatin1Char('#') + u.fragment();
    return key;
}

bool sameTarget(const QString& a, const QString& b) {
    if (a == b)
        return true;
    // A relative link ("../signals/", "concepts/x") against an absolute one
    // ("/docs/concepts/signals/"): the page's own path is not known here, so the
    // relative one is taken to point at the absolute one when its path, without the
    // leading "./" and "../", ends the other's.
    auto relativeTail = [](const QString& link) -> QString {
        if (link.startsWith(QLatin1Char('/')) || link.startsWith(QLatin1Char('#')) ||
            link.contains(QLatin1Char(':')) || link.isEmpty())
            return {};
        QStringList parts = link.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        while (!parts.isEmpty() &&
               (parts.front() == QLatin1String("..") || parts.front() == QLatin1String(".")))
            parts.removeFirst();
        return parts.join(QLatin1Char('/'));
    };
    const QString ra = relativeTail(a);
    const QString rb = relativeTail(b);
    if (!ra.isEmpty() && rb.isEmpty() && b.startsWith(QLatin1Char('/')))
        return b.endsWith(QLatin1Char('/') + ra);
    if (!rb.isEmpty() && ra.isEmpty() && a.startsWith(QLatin1Char('/')))
        return a.endsWith(QLatin1Char('/') + rb);
    return !ra.isEmpty() && ra == rb;
}

QHash<QString, int> headingAnchors(const FieldText& body) {
    QHash<QString, int> anchors;
    int index = 0;
    for (const checks::detail::Block& block : body.scan.blocks) {
        if (block.kind != checks::detail::Block::Kind::Heading)
            continue;
        // The id the page gives the heading (markdown/anchors.h): the one its attribute
        // block names ("{#terms}"), else the slug of its text (prose is as long as the
        // source, with the markup masked).
        const auto attributes = markdown::headingAttributes(
            QStringView(body.text).sliced(block.start, block.end - block.start));
        const QString id =
            !attributes ? markdown::headingSlug(block.prose.trimmed())
            : attributes->id.isEmpty()
                ? markdown::headingSlug(block.prose.left(attributes->start).trimmed())
                : attributes->id;
        if (!id.isEmpty() && !anchors.contains(id))
            anchors.insert(id, index);
        ++index;
    }
    return anchors;
}

QString linkKey(const QString& url, const QStringList& languages,
                const QHash<QString, int>& anchors, const QHash<QString, int>& otherAnchors) {
    // A link to a heading of the page itself ("#spans", "#分布式链路"): translations
    // translate the heading, and so its id; then it is the n-th heading on both sides.
    // An id both sides have ("{#terms}") is compared as written: a glossary sorted by
    // the translated terms has its headings in another order.
    if (url.startsWith(QLatin1Char('#'))) {
        const QString id = QUrl::fromPercentEncoding(url.mid(1).toUtf8());
        const auto it = anchors.constFind(id);
        if (it != anchors.constEnd() && !otherAnchors.contains(id))
            return kHeadingKey + QString::number(it.value());
    }
    return normalizedUrl(url, languages);
}

} // namespace detail

namespace {

// Matches a version's hits against its source's by value, counting repeats: a value
// the source has twice must be there twice. Returns, for each hit of `here`, whether
// it matched, and the source's hits that are left over (missing from `here`).
template <typename Hit>
std::pair<QList<bool>, QList<const Hit*>> matchHits(const QList<Hit>& source,
                                                    const QList<Hit>& here) {
    QHash<QString, int> counts;
    for (const Hit& h : source)
        counts[h.value] += 1;
    QList<bool> matched;
    matched.reserve(here.size());
    for (const Hit& h : here) {
        int& left = counts[h.value];
        matched.append(left > 0);
        if (left > 0)
            --left;
    }
    QList<const Hit*> missing;
    for (const Hit& h : source) {
        int& left = counts[h.value];
        if (left > 0) {
            --left;
            missing.append(&h);
        }
    }
    return {matched, missing};
}

} // namespace

void compareVersions(const LanguageVersion& source, const LanguageVersion& version,
                     const checks::CheckContext& context, QList<Finding>& out) {
    const bool numbers = context.onlyChecks.isEmpty() ||
                         context.onlyChecks.contains(QLatin1String("version-numbers"));
    const bool links =
        context.onlyChecks.isEmpty() || context.onlyChecks.contains(QLatin1String("version-links"));
    const bool dates =
        context.onlyChecks.isEmpty() || context.onlyChecks.contains(QLatin1String("version-dates"));
    const bool segments = detail::segmentChecksEnabled(context);
    if (!numbers && !links && !dates && !segments)
        return;
    const std::array<std::pair<const QString*, Field>, 3> sourceFields{
        {{&source.title, Field::Title},
         {&source.summary, Field::Summary},
         {&source.body, Field::Body}}};
    const std::array<std::pair<const QString*, Field>, 3> fields{
        {{&version.title, Field::Title},
         {&version.summary, Field::Summary},
         {&version.body, Field::Body}}};

    QList<NumberHit> sourceNumbers, numbersHere;
    QList<DateHit> sourceDates, datesHere;
    const QStringList languages{source.language, version.language};
    // The bodies' one parse per thread, shared with the alignment and the other
    // translations' comparisons (the source's is the same for each).
    const auto sourceBody = markdown::sharedParse(source.body);
    const auto bodyHere = markdown::sharedParse(version.body);
    std::vector<std::unique_ptr<FieldText>> sourceTexts;
    for (const auto& [text, field] : sourceFields)
        sourceTexts.push_back(std::make_unique<FieldText>(
            *text, field, source.language, field == Field::Body ? sourceBody.get() : nullptr));
    const QHash<QString, int> sourceAnchors = headingAnchors(*sourceTexts.back());
    std::vector<std::unique_ptr<FieldText>> texts;
    for (const auto& [text, field] : fields) {
        texts.push_back(std::make_unique<FieldText>(
            *text, field, version.language, field == Field::Body ? bodyHere.get() : nullptr));
        collectNumbers(*texts.back(), numbersHere);
        collectDates(*texts.back(), datesHere);
    }
    const QHash<QString, int> anchorsHere = headingAnchors(*texts.back());
    QStringList sourceLinks; // targets, each once
    for (const auto& f : sourceTexts) {
        collectNumbers(*f, sourceNumbers);
        collectDates(*f, sourceDates);
        for (const checks::detail::Link& link : f->scan.links) {
            if (link.image || link.url.isEmpty())
                continue;
            const QString key = linkKey(link.url, languages, sourceAnchors, anchorsHere);
            if (!sourceLinks.contains(key))
                sourceLinks.append(key);
        }
    }
    // The numbers of a date are compared as a date. (Its key leaves the year out when
    // there is a day, so that "12 March" matches "12 mars 2024".)
    auto withoutDates = [](QList<NumberHit>& numbers, const QList<DateHit>& inDates) {
        numbers.removeIf([&](const NumberHit& n) {
            return std::any_of(inDates.begin(), inDates.end(), [&](const DateHit& d) {
                return d.field == n.field && n.start >= d.start && n.end <= d.end;
            });
        });
    };
    withoutDates(sourceNumbers, sourceDates);
    withoutDates(numbersHere, datesHere);
    const FieldText& body = *texts[2];
    const FieldText seoTitle(version.seoTitle, Field::SeoTitle, version.language);
    const FieldText seoDescription(version.seoDescription, Field::SeoDescription, version.language);
    auto fieldText = [&](Field field) -> const FieldText& {
        switch (field) {
        case Field::Title:
            return *texts[0];
        case Field::Summary:
            return *texts[1];
        case Field::SeoTitle:
            return seoTitle;
        case Field::SeoDescription:
            return seoDescription;
        default:
            return *texts[2];
        }
    };
    if (segments)
        detail::compareSegments(source, version, fieldText, context, out);

    if (numbers) {
        const auto [matched, missing] = matchHits(sourceNumbers, numbersHere);
        for (qsizetype i = 0; i < numbersHere.size(); ++i) {
            if (matched[i])
                continue;
            const NumberHit& n = numbersHere[i];
            Sink sink(fieldText(n.field), context, out);
            sink.add(
                "version-numbers", Severity::Warning, n.start, n.end,
                TranslationQa::tr("%1 is not in the %2 version").arg(n.value, source.language));
        }
        for (const NumberHit* n : missing) {
            Sink sink(body, context, out);
            sink.add("version-numbers", Severity::Warning, 0, 0,
                     TranslationQa::tr("%1 in the %2 version is missing here")
                         .arg(n->value, source.language));
        }
    }
    if (dates) {
        const auto [matched, missing] = matchHits(sourceDates, datesHere);
        for (qsizetype i = 0; i < datesHere.size(); ++i) {
            const DateHit& d = datesHere[i];
            const FieldText& text = fieldText(d.field);
            const QString written = text.text.mid(d.start, d.end - d.start);
            if (!matched[i]) {
                Sink sink(text, context, out);
                sink.add("version-dates", Severity::Warning, d.start, d.end,
                         TranslationQa::tr("The date %1 is not in the %2 version")
                             .arg(written, source.language));
                continue;
            }
            // Same day and month: when both sides give a year, it must be one of the
            // source's years for that day ("12 March 2024" vs "12 mars 2025").
            bool sourceHasYear = false;
            bool sameYear = false;
            for (const DateHit& s : std::as_const(sourceDates)) {
                if (s.value == d.value && s.year != 0) {
                    sourceHasYear = true;
                    sameYear = sameYear || s.year == d.year;
                }
            }
            if (d.year != 0 && sourceHasYear && !sameYear) {
                Sink sink(text, context, out);
                sink.add("version-dates", Severity::Warning, d.start, d.end,
                         TranslationQa::tr("The year of %1 differs from the %2 version")
                             .arg(written, source.language));
            }
        }
        for (const DateHit* d : missing) {
            Sink sink(body, context, out);
            sink.add("version-dates", Severity::Warning, 0, 0,
                     TranslationQa::tr("A date (%1) in the %2 version is missing here")
                         .arg(d->value, source.language));
        }
    }
    if (links) {
        // Compared as sets of targets: a translation may link a term once more or once
        // less than its source; a target that only one of them has is the finding.
        QList<bool> sourceLinked(sourceLinks.size(), false);
        for (const auto& text : texts) {
            for (const checks::detail::Link& link : text->scan.links) {
                if (link.image || link.url.isEmpty())
                    continue;
                const QString key = linkKey(link.url, languages, anchorsHere, sourceAnchors);
                bool found = false;
                for (qsizetype k = 0; k < sourceLinks.size(); ++k) {
                    if (sameTarget(key, sourceLinks[k])) {
                        sourceLinked[k] = true;
                        found = true;
                    }
                }
                if (found)
                    continue;
                Sink sink(*text, context, out);
                sink.add("version-links", Severity::Warning, link.start, link.end,
                         TranslationQa::tr("Link to %1 is not in the %2 version")
                             .arg(link.url, source.language));
            }
        }
        QStringList missingLinks;
        // A heading's anchor is named by the source's own id.
        QHash<int, QString> sourceAnchorNames;
        for (auto it = sourceAnchors.cbegin(); it != sourceAnchors.cend(); ++it)
            sourceAnchorNames.insert(it.value(), QLatin1Char('#') + it.key());
        for (qsizetype k = 0; k < sourceLinks.size(); ++k) {
            if (sourceLinked[k])
                continue;
            const QString& key = sourceLinks[k];
            missingLinks.append(key.startsWith(kHeadingKey)
                                    ? sourceAnchorNames.value(key.mid(kHeadingKey.size()).toInt())
                                    : key);
        }
        missingLinks.sort();
        for (const QString& url : std::as_const(missingLinks)) {
            Sink sink(body, context, out);
            sink.add("version-links", Severity::Warning, 0, 0,
                     TranslationQa::tr("Link to %1 in the %2 version is missing here")
                         .arg(url, source.language));
        }
    }
}

checks::Field fieldOfSegment(SegmentKind kind) {
    switch (kind) {
    case SegmentKind::Title:
        return checks::Field::Title;
    case SegmentKind::Summary:
        return checks::Field::Summary;
    case SegmentKind::SeoTitle:
        return checks::Field::SeoTitle;
    case SegmentKind::SeoDescription:
        return checks::Field::SeoDescription;
    default:
        return checks::Field::Body;
    }
}

void addVersionChecks(checks::Catalogue& catalogue) {
    catalogue.add("version-numbers", Severity::Warning, "TranslationQa",
                  QT_TRANSLATE_NOOP("TranslationQa", "Numbers that differ between versions"));
    catalogue.add("version-dates", Severity::Warning, "TranslationQa",
                  QT_TRANSLATE_NOOP("TranslationQa", "Dates that differ between versions"));
    catalogue.add("version-links", Severity::Warning, "TranslationQa",
                  QT_TRANSLATE_NOOP("TranslationQa", "Links that differ between versions"));
    catalogue.add("segment-markup", Severity::Warning, "TranslationQa",
                  QT_TRANSLATE_NOOP("TranslationQa",
                                    "Images, emphasis, code or footnote references that a "
                                    "segment's source has and it has not, or the other way round"));
    catalogue.add("segment-identical", Severity::Warning, "TranslationQa",
                  QT_TRANSLATE_NOOP("TranslationQa", "A segment that is its source's text"));
    catalogue.add("segment-length", Severity::Info, "TranslationQa",
                  QT_TRANSLATE_NOOP("TranslationQa",
                                    "A segment far longer or shorter than the version's usual "
                                    "length against its source"));
    catalogue.add("segment-inconsistent", Severity::Warning, "TranslationQa",
                  QT_TRANSLATE_NOOP("TranslationQa",
                                    "The same source text translated otherwise in the version or "
                                    "in the library's memory"));
    catalogue.addComparison(&compareVersions);
}

checks::Catalogue catalogueWithVersionChecks() {
    checks::Catalogue catalogue = checks::Catalogue::builtIn();
    addVersionChecks(catalogue);
    return catalogue;
}

} // namespace copydesk::translation
