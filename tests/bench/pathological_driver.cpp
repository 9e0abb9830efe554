// One operation on one file, for tests/bench/pathological_bench.sh, which measures its
// time and peak memory from outside (/usr/bin/time -v). Not a test.
//
// Usage: pathological_driver render|checks|import-text|import-html FILE
//   render       the preview's rendering of the file as Markdown
//   checks       every check on an article whose body is the file (Markdown)
//   import-text  plain-text import of the file, then the checks on the result
//   import-html  HTML import of the file, then the checks on the result
#include "checks/checks.h"
#include "import/htmlimport.h"
#include "import/plaintextimport.h"
#include "markdown/render.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

using namespace copydesk;

namespace {

int checkBody(const QString& title, const QString& body) {
    Article article =
        makeArticle(QStringLiteral("en"), title.isEmpty() ? QStringLiteral("T") : title);
    article.versions.front().body = body;
    const QList<checks::Finding> findings = checks::runChecks(article, checks::CheckContext{});
    std::printf("%lld findings\n", static_cast<long long>(findings.size()));
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s render|checks|import-text|import-html FILE\n", argv[0]);
        return 2;
    }
    const QByteArray mode = argv[1];
    QFile file(QString::fromLocal8Bit(argv[2]));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot open %s\n", argv[2]);
        return 2;
    }
    const QByteArray bytes = file.readAll();
    if (mode == "render") {
        const QByteArray html = renderHtmlUtf8(bytes);
        std::printf("%lld bytes of HTML\n", static_cast<long long>(html.size()));
        return 0;
    }
    if (mode == "checks")
        return checkBody(QString(), QString::fromUtf8(bytes));
    if (mode == "import-text") {
        const ConvertedDocument doc = plainTextToMarkdown(QString::fromUtf8(bytes));
        return checkBody(doc.title, doc.body);
    }
    if (mode == "import-html") {
        const auto doc = htmlToMarkdown(bytes, file.fileName());
        if (!doc) {
            std::printf("refused: %s\n", qPrintable(doc.error()));
            return 0;
        }
        return checkBody(doc->title, doc->body);
    }
    std::fprintf(stderr, "unknown mode %s\n", mode.constData());
    return 2;
}
