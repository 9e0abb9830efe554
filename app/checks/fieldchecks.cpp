// Checks on the fields of a version as a whole: lengths and missing parts.
#include "article/article.h"
#include "checks/checks_p.h"
#include "interchange/sitepage.h"

namespace copydesk::checks::detail {

namespace {

int visibleLength(const QString& text) {
    return int(text.trimmed().size());
}

} // namespace

void checkLengths(const FieldText& field, const CheckContext& context, QList<Finding>& out) {
    Sink sink(field, context, out);
    const LengthLimits& l = context.limits;
    const int length = visibleLength(field.text);
    const int end = int(field.text.size());
    auto tooLong = [&](const char* id, int max, const QString& what) {
        if (length > max && sink.enabled(id)) {
            sink.add(id, Severity::Warning, max, end,
                     Checks::tr("%1 is %2 characters long; keep it under %3")
                         .arg(what)
                         .arg(length)
                         .arg(max));
        }
    };
    switch (field.field) {
    case Field::Title:
        tooLong("title-length", field.cjk ? l.titleMaxCjk : l.titleMax, Checks::tr("The headline"));
        break;
    case Field::Summary:
        tooLong("summary-length", field.cjk ? l.summaryMaxCjk : l.summaryMax,
                Checks::tr("The summary"));
        if (length > 0 && length < (field.cjk ? l.summaryMinCjk : l.summaryMin) &&
            sink.enabled("summary-length")) {
            sink.add("summary-length", Severity::Warning, 0, end,
                     Checks::tr("The summary is only %1 characters long").arg(length));
        }
        break;
    case Field::SeoTitle:
        tooLong("seo-length", field.cjk ? l.seoTitleMaxCjk : l.seoTitleMax,
                Checks::tr("The SEO title"));
        break;
    case Field::SeoDescription:
        tooLong("seo-length", field.cjk ? l.seoDescriptionMaxCjk : l.seoDescriptionMax,
                Checks::tr("The SEO description"));
        break;
    default:
        break;
    }
}

void checkMissing(const Article& article, const LanguageVersion& version, const FieldText& title,
                  const FieldText& summary, const FieldText& body, const FieldText& seoDescription,
                  const CheckContext& context, QList<Finding>& out) {
    Sink bodySink(body, context, out);
    auto missing = [&](const FieldText& f, const char* id, Severity severity,
                       const QString& message) {
        if (f.text.trimmed().isEmpty() && bodySink.enabled(id)) {
            Sink sink(f, context, out);
            sink.add(id, severity, 0, 0, message);
        }
    };
    // A site's page that the site never shows (a snippet other pages include) needs no
    // headline, and a section's list page, which lists the section's pages, no text.
    // Asked only when it matters (it reads the page's front matter).
    const bool headlineOrTextMissing =
        title.text.trimmed().isEmpty() || body.text.trimmed().isEmpty();
    const bool shown =
        !headlineOrTextMissing || version.sitePath.isEmpty() ||
        !siteOmitsPage(version.sitePath, version.siteFrontMatter,
                       context.siteSections ? context.siteSections(version) : QStringList());
    if (shown)
        missing(title, "missing-title", Severity::Error, Checks::tr("The headline is missing"));
    if (shown && !isSiteListPage(version.sitePath))
        missing(body, "missing-body", Severity::Error, Checks::tr("The text is missing"));
    missing(summary, "missing-summary", Severity::Warning, Checks::tr("The summary is missing"));
    missing(seoDescription, "missing-seo-description", Severity::Warning,
            Checks::tr("The SEO description is missing"));

    const QString& language = body.language;
    if (!article.featuredImage.isEmpty() && context.altText &&
        bodySink.enabled("featured-image-alt")) {
        const auto alt = context.altText(article.featuredImage, language);
        if (!alt || alt->trimmed().isEmpty()) {
            const QString none;
            const FieldText image(none, Field::FeaturedImage, language);
            Sink sink(image, context, out);
            sink.add("featured-image-alt", Severity::Warning, 0, 0,
                     Checks::tr("The featured image %1 has no alternative text in %2")
                         .arg(article.featuredImage, language));
        }
    }
}

} // namespace copydesk::checks::detail
