// Test helper for tst_library_crash and tst_library, a second process on a library:
//   library_crash_helper LIBRARY         saves one article in a loop and prints the id
//                                        of each revision on stdout only after save()
//                                        has committed it (the test kills it at random
//                                        moments and checks every printed revision);
//   library_crash_helper hold LIBRARY    opens LIBRARY for writing, prints "locked"
//                                        and holds it until a line or the end of its
//                                        standard input, or until it is killed;
//   library_crash_helper read LIBRARY    opens LIBRARY read-only, lists and searches,
//                                        closes, again and again; prints each failure
//                                        on stderr and exits 1 on the first.
#include "library/library.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <cstdio>

using namespace copydesk;

namespace {

int hold(const QString& path) {
    auto library = Library::open(path);
    if (!library) {
        std::fprintf(stderr, "%s\n", qPrintable(library.error()));
        return 1;
    }
    std::printf("locked\n");
    std::fflush(stdout);
    char line[64];
    (void)!std::fgets(line, sizeof line, stdin);
    library->reset(); // releases the lock
    std::printf("released\n");
    std::fflush(stdout);
    return 0;
}

int read(const QString& path) {
    for (quint64 n = 0;; ++n) {
        auto library = Library::open(path, Library::Mode::ReadOnly);
        if (!library) {
            std::fprintf(stderr, "open %llu: %s\n", static_cast<unsigned long long>(n),
                         qPrintable(library.error()));
            return 1;
        }
        const auto listed = (*library)->list();
        const auto found = (*library)->search(QStringLiteral("峰会"));
        if (!listed || !found) {
            std::fprintf(stderr, "read %llu: %s\n", static_cast<unsigned long long>(n),
                         qPrintable(listed ? found.error() : listed.error()));
            return 1;
        }
        if (n == 0) {
            std::printf("reading\n");
            std::fflush(stdout);
        }
    }
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    if (argc == 3 && argv[1] == QByteArrayView("hold"))
        return hold(QString::fromLocal8Bit(argv[2]));
    if (argc == 3 && argv[1] == QByteArrayView("read"))
        return read(QString::fromLocal8Bit(argv[2]));
    if (argc != 2) {
        std::fprintf(stderr, "usage: library_crash_helper [hold|read] LIBRARY\n");
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
