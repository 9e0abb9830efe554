// The translation desk's targets (issue): aligning and checking a 5,000-word article
// with 6 versions under 20 ms, and the XLIFF export of 1,000 articles under 5 s. Prints
// the figures, asserts nothing. Run through tests/bench/translation_bench.sh; not part
// of ctest.
//
// The content is the library's sample article in six languages (en, fr, es, ar,
// zh-Hans, ru: written for the project, each a real translation of the English),
// its body repeated under numbered headings until the English has 5,000 words, every
// translation recorded as translated from it.
#include "checks/checks.h"
#include "library/library.h"
#include "markdown/document.h"
#include "markdown/statistics.h"
#include "translation/segments.h"
#include "translation/versionqa.h"
#include "translation/xliff.h"

#include "median.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <cstdio>

using namespace copydesk;

namespace {

/// `body` repeated `copies` times, each copy under a heading of its own ("## 3").
QString repeated(const QString& body, int copies) {
    QString out;
    for (int i = 1; i <= copies; ++i)
        out += QStringLiteral("## %1\n\n").arg(i) + body + u'\n';
    return out;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::atoi(argv[1]) : 15;
    QTemporaryDir dir;
    auto library = Library::openOrCreateWithSamples(dir.filePath(QStringLiteral("b.copydesk")));
    if (!library) {
        std::fprintf(stderr, "%s\n", qPrintable(library.error()));
        return 2;
    }
    auto sample =
        (*library)->findArticle(QStringLiteral("coastal-forum-adopts-wetland-restoration-plan"));
    if (!sample || sample->versions.size() != 6) {
        std::fprintf(stderr, "the sample article with six versions is missing\n");
        return 2;
    }
    Article article = *sample;
    const LanguageVersion* en = article.version(QStringLiteral("en"));
    const int words = statistics(en->body, QStringLiteral("en")).words;
    const int copies = (5000 + words - 1) / words;
    for (LanguageVersion& v : article.versions)
        v.body = repeated(v.body, copies);
    const LanguageVersion source = *article.version(QStringLiteral("en"));
    for (LanguageVersion& v : article.versions)
        if (v.language != source.language)
            translation::recordTranslation(source, &v, translation::SegmentState::Translated);
    const int englishWords = statistics(source.body, QStringLiteral("en")).words;

    // Each run from cold: the bodies parsed anew (markdown::sharedParse() would keep
    // them from the run before; the warm figure is printed apart).
    int segments = 0;
    const double alignMs = medianMs(runs, [&] {
        markdown::clearSharedParses();
        segments = 0;
        for (const LanguageVersion& v : article.versions)
            if (v.language != source.language)
                segments += int(translation::align(source, v).rows.size());
    });
    checks::CheckContext qa;
    qa.catalogue = translation::catalogueWithVersionChecks();
    qa.onlyChecks = {QStringLiteral("version-numbers"),     QStringLiteral("version-dates"),
                     QStringLiteral("version-links"),       QStringLiteral("segment-markup"),
                     QStringLiteral("segment-identical"),   QStringLiteral("segment-length"),
                     QStringLiteral("segment-inconsistent")};
    int findings = 0;
    const double bothMs = medianMs(runs, [&] {
        markdown::clearSharedParses();
        for (const LanguageVersion& v : article.versions)
            if (v.language != source.language)
                (void)translation::align(source, v);
        QList<checks::Finding> out;
        for (const LanguageVersion& v : article.versions)
            if (v.language != source.language)
                translation::compareVersions(source, v, qa, out);
    });
    // Warm: a version edited in the desk, the others parsed already.
    const double warmMs = medianMs(runs, [&] {
        markdown::clearSharedParses();
        for (const LanguageVersion& v : article.versions)
            (void)markdown::sharedParse(v.body);
        LanguageVersion edited = *article.version(QStringLiteral("fr"));
        edited.body += QStringLiteral("\nUne phrase de plus.\n");
        (void)translation::align(source, edited);
        QList<checks::Finding> out;
        translation::compareVersions(source, edited, qa, out);
    });
    const double qaMs = medianMs(runs, [&] {
        markdown::clearSharedParses();
        QList<checks::Finding> out;
        for (const LanguageVersion& v : article.versions)
            if (v.language != source.language)
                translation::compareVersions(source, v, qa, out);
        findings = int(out.size());
    });
    // The two halves apart, to see where the time goes.
    checks::CheckContext versionOnly = qa;
    versionOnly.onlyChecks = {QStringLiteral("version-numbers"), QStringLiteral("version-dates"),
                              QStringLiteral("version-links")};
    checks::CheckContext segmentOnly = qa;
    segmentOnly.onlyChecks = {QStringLiteral("segment-markup"), QStringLiteral("segment-identical"),
                              QStringLiteral("segment-length"),
                              QStringLiteral("segment-inconsistent")};
    QHash<QString, int> byCheck;
    for (const auto* context : {&versionOnly, &segmentOnly}) {
        QList<checks::Finding> out;
        const double ms = medianMs(runs, [&] {
            out.clear();
            markdown::clearSharedParses();
            for (const LanguageVersion& v : article.versions)
                if (v.language != source.language)
                    translation::compareVersions(source, v, *context, out);
        });
        for (const checks::Finding& f : out) {
            if (qEnvironmentVariableIsSet("BENCH_FINDINGS") && byCheck[f.checkId] < 4)
                std::printf("    %s %s %s\n", qPrintable(f.checkId), qPrintable(f.language),
                            qPrintable(f.message));
            ++byCheck[f.checkId];
        }
        std::printf("  %s checks alone: median %.2f ms\n",
                    context == &versionOnly ? "version-*" : "segment-*", ms);
    }
    for (auto it = byCheck.cbegin(); it != byCheck.cend(); ++it)
        std::printf("  %s: %d findings\n", qPrintable(it.key()), it.value());
    checks::CheckContext everything;
    everything.catalogue = translation::catalogueWithVersionChecks();
    const double allMs =
        medianMs(std::max(3, runs / 3), [&] { (void)checks::runChecks(article, everything); });
    std::printf("article: %d English words, 6 versions, %d aligned segments in the 5 "
                "translations\n",
                englishWords, segments);
    std::printf("align the 5 translations: median %.2f ms\n", alignMs);
    std::printf("translation QA alone (version-* and segment-* checks, %d findings): median "
                "%.2f ms\n",
                findings, qaMs);
    std::printf("align + translation QA of the 5 translations, from cold: median %.2f ms\n",
                bothMs);
    std::printf("one translation edited, the others parsed already: median %.2f ms\n", warmMs);
    std::printf("target: aligning and checking under 20 ms: %s (%.2f ms from cold)\n",
                bothMs < 20 ? "met" : "MISSED", bothMs);
    std::printf("every check of the article (all 6 versions, the built-in checks too): "
                "median %.1f ms\n",
                allMs);

    // XLIFF: 1,000 articles (the sample, 6 versions, as it is), into French.
    QList<Article> many;
    for (int i = 0; i < 1000; ++i) {
        Article a = *sample;
        a.id = QUuid::createUuid();
        many.append(a);
    }
    for (const auto& [version, name] : {std::pair{translation::XliffVersion::V12, "1.2"},
                                        std::pair{translation::XliffVersion::V20, "2.0"}}) {
        qsizetype bytes = 0;
        const double ms = medianMs(3, [&] {
            const auto xliff = translation::exportXliff(many, QStringLiteral("fr"), version);
            bytes = xliff ? xliff->size() : -1;
        });
        std::printf("XLIFF %s export of 1000 articles: median %.0f ms (%.1f MB)\n", name, ms,
                    double(bytes) / 1e6);
        std::printf("target: under 5 s: %s\n", ms < 5000 ? "met" : "MISSED");
    }
    return 0;
}
