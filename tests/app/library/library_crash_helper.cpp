// Test helper for tst_library_crash: saves one article in a loop and prints the id of
// each revision on stdout only after save() has committed it. The test kills this
// process at random moments and checks that every printed revision survived.
#include "library/library.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <cstdio>

using namespace copydesk;

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: library_crash_helper LIBRARY\n");
        return 2;
    }
    auto library = Library::open(QString::fromLocal8Bit(argv[1]));
    if (!library) {
        std::fprintf(stderr, "%s\n", qPrintable(library.error()));
        return 1;
    }
    Library& lib = **library;
    auto found = lib.findArticle(QStringLiteral("crash-test"));
    Article article;
    if (found) {
        article = *found;
    } else {
        article = makeArticle(QStringLiteral("en"), QStringLiteral("Crash test"));
        article.slug = QStringLiteral("crash-test");
        LanguageVersion zh;
        zh.language = QStringLiteral("zh-Hans");
        article.versions.append(zh);
    }
    auto* random = QRandomGenerator::global();
    for (quint64 n = 0;; ++n) {
        // Vary the size so saves touch different numbers of pages, and keep the
        // body from growing without bound.
        QString body = QStringLiteral("Save %1\n").arg(n);
        const int paragraphs = int(random->bounded(1, 40));
        for (int i = 0; i < paragraphs; ++i)
            body += QStringLiteral("Paragraph %1 峰会 人民 %2\n\n").arg(i).arg(random->generate());
        article.versions[0].body = body;
        article.versions[1].body = body;
        article.versions[1].title = QStringLiteral("崩溃测试 %1").arg(n);
        auto saved = lib.save(article);
        if (!saved) {
            std::fprintf(stderr, "%s\n", qPrintable(saved.error()));
            return 1;
        }
        std::printf("%lld\n", static_cast<long long>(*saved));
        std::fflush(stdout);
    }
}
