// Any UTF-8 text as an article body, title and summary, through every check (with
// the installed Hunspell dictionaries, so that the glued-word and cut-off checks run
// too), the QA across versions (the text against its own first half as the source)
// and the fix engine.
#include "checks/checks.h"
#include "checks/fixes.h"
#include "spelling/speller.h"
#include "translation/versionqa.h"

#include <cstddef>
#include <cstdint>

using namespace copydesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    Article article = makeArticle(QStringLiteral("en"), text.left(200));
    article.sourceLanguage = QStringLiteral("en");
    article.versions.first().summary = text.left(400);
    article.versions.first().body = text.left(text.size() / 2);
    LanguageVersion translation = article.versions.first();
    translation.language = QStringLiteral("fr");
    translation.translatedFrom = QStringLiteral("en");
    translation.body = text;
    article.versions.append(translation);
    // Loaded once: a dictionary takes tens of milliseconds to load, and the speller
    // caches lookups across inputs as it does across the articles of one run.
    static SpellerPool spellers;
    checks::CheckContext context;
    context.spellers = &spellers;
    context.catalogue = translation::catalogueWithVersionChecks();
    const QList<checks::Finding> findings = checks::runChecks(article, context);
    (void)checks::applyFixes(text, findings);
    return 0;
}
