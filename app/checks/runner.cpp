// The runner: which checks run on which field, what is dropped, in which order the
// findings come.
#include "checks/checks.h"
#include "checks/checks_p.h"

#include <algorithm>

namespace copydesk::checks {

using namespace detail;

namespace {

bool isChrome(const Finding& f) {
    return f.checkId == QLatin1String("boilerplate") ||
           f.checkId == QLatin1String("punctuation-line");
}

/// With `chromeToSilence`, the chrome checks are not asked for themselves: they only
/// silence the other checks' findings on chrome lines, and are skipped when there are
/// none.
void runAllTextChecks(const FieldText& field, const CheckContext& context, QList<Finding>& out,
                      bool chromeToSilence = false) {
    const qsizetype first = out.size();
    Sink sink(field, context, out);
    Speller* speller = spellerFor(context, field.language);
    checkTypography(sink, speller);
    const bool bodyOrSummary = field.field == Field::Body || field.field == Field::Summary;
    if (bodyOrSummary)
        checkTruncation(sink, speller);
    if (field.field == Field::Body) {
        checkDuplicates(sink);
        checkLinksAndHeadings(sink);
    }
    if (bodyOrSummary && (!chromeToSilence || out.size() > first))
        checkBoilerplate(sink);
    // A line that is to be dropped as chrome needs no other remarks ("Read more »"
    // is not an unbalanced quotation mark).
    QList<std::pair<int, int>> chrome;
    for (qsizetype i = first; i < out.size(); ++i) {
        if (isChrome(out[i]))
            chrome.append({out[i].range.start.offset, out[i].range.end.offset});
    }
    if (chrome.isEmpty())
        return;
    for (qsizetype i = out.size() - 1; i >= first; --i) {
        const Finding& f = out[i];
        if (isChrome(f))
            continue;
        for (const auto& [from, to] : std::as_const(chrome)) {
            if (f.range.start.offset >= from && f.range.end.offset <= to) {
                out.removeAt(i);
                break;
            }
        }
    }
}

// A run restricted to some checks must report exactly what the full run reports for
// them. Chrome lines silence the other text checks (see above), so those two always
// run, and only the requested findings are kept.
void runTextChecks(const FieldText& field, const CheckContext& context, QList<Finding>& out) {
    if (context.onlyChecks.isEmpty()) {
        runAllTextChecks(field, context, out);
        return;
    }
    CheckContext inner = context;
    for (const QString& id : {QStringLiteral("boilerplate"), QStringLiteral("punctuation-line")}) {
        if (!inner.onlyChecks.contains(id))
            inner.onlyChecks.append(id);
    }
    QList<Finding> all;
    runAllTextChecks(field, inner, all,
                     !context.onlyChecks.contains(u"boilerplate") &&
                         !context.onlyChecks.contains(u"punctuation-line"));
    for (Finding& f : all) {
        if (context.onlyChecks.contains(f.checkId))
            out.append(std::move(f));
    }
}

bool lessFinding(const Finding& a, const Finding& b) {
    if (a.language != b.language)
        return a.language < b.language;
    if (a.field != b.field)
        return a.field < b.field;
    if (a.range.start.offset != b.range.start.offset)
        return a.range.start.offset < b.range.start.offset;
    return a.checkId < b.checkId;
}

} // namespace

QList<Finding> checkText(const QString& text, Field field, const QString& language,
                         const CheckContext& context) {
    QList<Finding> out;
    const FieldText f(text, field, language);
    runTextChecks(f, context, out);
    checkLengths(f, context, out);
    std::stable_sort(out.begin(), out.end(), lessFinding);
    return out;
}

QList<Finding> checkVersion(const Article& article, const LanguageVersion& version,
                            const CheckContext& context, const markdown::Document* parsedBody) {
    QList<Finding> out;
    const FieldText title(version.title, Field::Title, version.language);
    const FieldText summary(version.summary, Field::Summary, version.language);
    const FieldText body(version.body, Field::Body, version.language, parsedBody);
    const FieldText seoTitle(version.seoTitle, Field::SeoTitle, version.language);
    const FieldText seoDescription(version.seoDescription, Field::SeoDescription, version.language);

    for (const FieldText* f : {&title, &summary, &body, &seoTitle, &seoDescription}) {
        runTextChecks(*f, context, out);
        checkLengths(*f, context, out);
    }
    Sink bodySink(body, context, out);
    checkSummaryRepeated(bodySink, summary);
    checkMissing(article, version, title, summary, body, seoDescription, context, out);

    const LanguageVersion* source = nullptr;
    if (!version.translatedFrom.isEmpty())
        source = article.version(version.translatedFrom);
    if (!source)
        source = article.primaryVersion();
    if (source && source->language != version.language) {
        for (const VersionComparison& compare : context.catalogue.comparisons())
            compare(*source, version, context, out);
    }

    out.erase(std::remove_if(out.begin(), out.end(),
                             [&](const Finding& f) {
                                 return std::any_of(
                                     context.ignored.begin(), context.ignored.end(),
                                     [&](const IgnoredFinding& i) { return i.matches(f); });
                             }),
              out.end());
    std::stable_sort(out.begin(), out.end(), lessFinding);
    return out;
}

QList<Finding> runChecks(const Article& article, const CheckContext& context) {
    QList<Finding> out;
    for (const LanguageVersion& version : article.versions)
        out.append(checkVersion(article, version, context));
    std::stable_sort(out.begin(), out.end(), lessFinding);
    return out;
}

bool hasErrors(const QList<Finding>& findings) {
    return std::any_of(findings.begin(), findings.end(),
                       [](const Finding& f) { return f.severity == Severity::Error; });
}

} // namespace copydesk::checks
