#include "export/gate.h"

#include "article/article.h"
#include "checks/checks.h"
#include "common/languagetag.h"
#include "library/library.h"
#include "markdown/document.h"

#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace copydesk {

namespace {

using checks::Field;
using checks::Finding;
using checks::Severity;

const QString kUnresolvedMedia = QStringLiteral("unresolved-media");
const QString kBrokenAnchor = QStringLiteral("broken-anchor");

/// The 1-based top-level block of `document` holding UTF-16 offset `offset`; the last
/// block before it when it falls between two.
int paragraphAt(const markdown::Document& document, qsizetype offset) {
    int paragraph = 0;
    for (const markdown::Node& node : document.nodes()) {
        if (node.depth != 1)
            continue;
        if (node.start > offset)
            break;
        ++paragraph;
    }
    return std::max(paragraph, 1);
}

Finding finding(const QString& checkId, const QString& language, Field field, const QString& text,
                qsizetype start, qsizetype stop, const QString& message) {
    Finding f;
    f.checkId = checkId;
    f.severity = Severity::Error;
    f.language = language;
    f.field = field;
    f.range = checks::rangeAt(text, int(start), int(stop));
    f.excerpt = text.mid(start, std::min<qsizetype>(stop - start, 80));
    f.message = message;
    return f;
}

/// The ids an exported page of `document` has for an in-page link: cmark-gfm gives
/// footnotes and their references ids, headings none.
QSet<QString> pageIds(const markdown::Document& document) {
    QSet<QString> ids;
    for (const markdown::Node& node : document.nodes()) {
        if (node.kind == markdown::NodeKind::FootnoteDefinition)
            ids.insert(QStringLiteral("fn-") + node.literal);
        else if (node.kind == markdown::NodeKind::FootnoteReference)
            ids.insert(QStringLiteral("fnref-") + node.literal);
    }
    return ids;
}

} // namespace

QStringList ExportGate::checkIds() {
    return {QStringLiteral("missing-title"), QStringLiteral("missing-body"),
            QStringLiteral("missing-summary"), QStringLiteral("image-alt"),
            QStringLiteral("featured-image-alt")};
}

Result<QList<ExportGate::Block>> ExportGate::check(const Library& library, const Article& article,
                                                   const checks::CheckContext& context,
                                                   const QStringList& languages) {
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
        const markdown::Document document(version.body);
        QList<Finding> findings = checks::checkVersion(article, version, gateContext);

        if (!article.featuredImage.isEmpty() && !mediaNames.contains(article.featuredImage)) {
            Finding f = finding(
                kUnresolvedMedia, version.language, Field::FeaturedImage, article.featuredImage, 0,
                0,
                tr("The featured image media:%1 is not in the library").arg(article.featuredImage));
            findings.append(f);
        }
        QSet<QString> ids = pageIds(document);
        // The labels as written too: cmark-gfm names footnotes by label ([^1] -> fn-1).
        static const QRegularExpression kLabel(QStringLiteral(R"(\[\^([^\]\s]+)\]:)"));
        for (auto it = kLabel.globalMatch(version.body); it.hasNext();) {
            const QString label = it.next().captured(1);
            ids.insert(QStringLiteral("fn-") + label);
            ids.insert(QStringLiteral("fnref-") + label);
        }
        for (const markdown::Node& node : document.nodes()) {
            if (node.kind != markdown::NodeKind::Image && node.kind != markdown::NodeKind::Link)
                continue;
            if (node.url.startsWith(QLatin1String("media:"))) {
                const QString name = QUrl::fromPercentEncoding(node.url.mid(6).toUtf8());
                if (!mediaNames.contains(name))
                    findings.append(finding(kUnresolvedMedia, version.language, Field::Body,
                                            version.body, node.start, node.stop,
                                            tr("media:%1 is not in the library").arg(name)));
            } else if (node.url.startsWith(QLatin1Char('#'))) {
                const QString id = QUrl::fromPercentEncoding(node.url.mid(1).toUtf8());
                if (!ids.contains(id))
                    findings.append(finding(kBrokenAnchor, version.language, Field::Body,
                                            version.body, node.start, node.stop,
                                            tr("The link to #%1 leads nowhere: the page has "
                                               "no such anchor")
                                                .arg(id)));
            }
        }
        // The article's ignore list applies to the gate's own findings too.
        for (const Finding& f : std::as_const(findings)) {
            const bool ignored =
                std::any_of(context.ignored.cbegin(), context.ignored.cend(),
                            [&f](const checks::IgnoredFinding& i) { return i.matches(f); });
            if (ignored)
                continue;
            Block block;
            block.language = language;
            block.finding = f;
            if (f.field == Field::Body)
                block.paragraph = paragraphAt(document, f.range.start.offset);
            blocks.append(block);
        }
    }
    return blocks;
}

QString ExportGate::describe(const Article& article, const Block& block) {
    const QString name = article.slug.isEmpty() ? article.displayTitle() : article.slug;
    const checks::Finding& f = block.finding;
    QString where;
    if (f.field == Field::Body)
        where = tr("paragraph %1 (line %2)").arg(block.paragraph).arg(f.range.start.line);
    else
        where = checks::fieldLabel(f.field);
    return tr("Article '%1', version %2, %3: %4 [%5]")
        .arg(name, block.language, where, f.message, f.checkId);
}

} // namespace copydesk
