// Any UTF-8 text as an article body, title and summary, through every check (without
// spelling, which needs dictionaries) and the fix engine.
#include "checks/checks.h"

#include <cstddef>
#include <cstdint>

using namespace copydesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    Article article = makeArticle(QStringLiteral("en"), text.left(200));
    article.versions.first().summary = text.left(400);
    article.versions.first().body = text;
    const checks::CheckContext context;
    const QList<checks::Finding> findings = checks::runChecks(article, context);
    (void)checks::applyFixes(text, findings);
    return 0;
}
