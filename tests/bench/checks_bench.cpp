// All checks on a 5,000-word article (target: under 20 ms): prints the figures, asserts
// nothing. Run through tests/bench/checks_bench.sh; not part of ctest.
#include "checks/checks.h"
#include "spelling/speller.h"
#include "translation/versionqa.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>

using namespace copydesk;
using namespace copydesk::checks;

namespace {

QString readSample(const QString& name) {
    QFile file(qEnvironmentVariable("COPYDESK_SOURCE_DIR") + QStringLiteral("/tests/data/checks/") +
               name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

// A long article made of the English samples, each paragraph made unique by a
// running number so that the duplicate check sees distinct paragraphs, with the
// messy e-mail paste in the middle.
Article longArticle(int words) {
    const QString clean = readSample(QStringLiteral("clean/en-summit.md")) +
                          QStringLiteral("\n\n") + readSample(QStringLiteral("clean/en-tricky.md"));
    const QString messy = readSample(QStringLiteral("messy/en-email.md"));
    const QStringList paragraphs = clean.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);
    QString body;
    int count = 0;
    int round = 0;
    while (count < words) {
        for (const QString& p : paragraphs) {
            QString paragraph = p;
            if (!p.startsWith(QLatin1Char('#')) && !p.startsWith(QLatin1Char('|')) &&
                !p.startsWith(QLatin1Char('`')) && !p.startsWith(QLatin1Char('-')))
                paragraph = QStringLiteral("In round %1, ").arg(++round) + p;
            body += paragraph + QStringLiteral("\n\n");
            count += int(paragraph.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts).size());
        }
        if (round > 0 && round < 30)
            body += messy + QStringLiteral("\n\n");
    }
    Article a =
        makeArticle(QStringLiteral("en"), QStringLiteral("Delegates agree to share river data"));
    LanguageVersion& v = a.versions.front();
    v.summary = QStringLiteral(
        "Forty-two countries will publish river data every year under a deal reached in Lisbon.");
    v.seoDescription = QStringLiteral("River data deal reached in Lisbon.");
    v.body = body;
    return a;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    // Without the samples the article could never reach its length.
    if (readSample(QStringLiteral("clean/en-summit.md")).isEmpty()) {
        std::fprintf(stderr, "checks_bench: tests/data/checks not found: set COPYDESK_SOURCE_DIR "
                             "(tests/bench/checks_bench.sh does)\n");
        return 2;
    }
    const Article article = longArticle(5000);
    const qsizetype words = article.versions.front()
                                .body.simplified()
                                .split(QLatin1Char(' '), Qt::SkipEmptyParts)
                                .size();
    SpellerPool spellers;
    CheckContext context;
    context.spellers = &spellers;
    context.catalogue = translation::catalogueWithVersionChecks();
    if (!spellers.speller(QStringLiteral("en")).ok()) { // loading is not what we measure
        std::fprintf(stderr, "checks_bench: no English dictionary (hunspell-en-us)\n");
        return 2;
    }

    // Cold: the first run fills the speller's per-word cache.
    QElapsedTimer timer;
    timer.start();
    QList<Finding> findings = runChecks(article, context);
    const double cold = double(timer.nsecsElapsed()) / 1e6;
    constexpr int runs = 20;
    timer.restart();
    for (int i = 0; i < runs; ++i)
        findings = runChecks(article, context);
    const double warm = double(timer.nsecsElapsed()) / 1e6 / runs;
    std::printf("all checks, %lld words, %lld findings: first run %.1f ms, then %.1f ms per run "
                "(target: under 20 ms)\n",
                qlonglong(words), qlonglong(findings.size()), cold, warm);
    return 0;
}
