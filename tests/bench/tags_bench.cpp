// Vocabulary and browser-filter benchmark (not a ctest test; run tests/bench/tags_bench.sh).
//   tags_bench PATH [RUNS]   on a copy of the library at PATH (library_bench generate):
//   prints median timings of the list filters (first page of 100 and the count), a
//   full-text query, the completer and suggestions, then the merge of a tag used by
//   10,000 articles, revisions included.
#include "library/library.h"
#include "median.h"
#include "tags/matcher.h"
#include "tags/suggest.h"
#include "tags/tags.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTimeZone>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace copydesk;

namespace {

template <typename T>
T check(Result<T> r, const char* what) {
    if (!r) {
        std::fprintf(stderr, "%s: %s\n", what, qPrintable(r.error()));
        std::exit(1);
    }
    return std::move(*r);
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: tags_bench LIBRARY [RUNS]\n");
        return 2;
    }
    const int runs = args.size() > 2 ? args[2].toInt() : 7;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.copydesk"));
    if (!QFile::copy(args[1], path)) {
        std::fprintf(stderr, "cannot copy %s\n", qPrintable(args[1]));
        return 1;
    }
    auto library = check(Library::open(path), "open");
    Library& lib = *library;
    const int total = check(lib.count(), "count");
    std::printf("articles %d\n", total);

    struct Case {
        const char* name;
        ListFilter filter;
    };
    ListFilter f;
    std::vector<Case> cases;
    cases.push_back({"none", f});
    f = {};
    f.tag = QStringLiteral("tag7");
    cases.push_back({"tag", f});
    f = {};
    f.tag = QStringLiteral("topic5");
    cases.push_back({"rare_tag", f});
    f = {};
    f.category = QStringLiteral("region2");
    cases.push_back({"category_tree", f});
    f = {};
    f.status = Status::Draft;
    cases.push_back({"status", f});
    f = {};
    f.language = QStringLiteral("ar");
    cases.push_back({"language", f});
    f = {};
    f.author = QStringLiteral("Author 7");
    cases.push_back({"author", f});
    f = {};
    // Not ASCII: each byline's case folded by the library's casefold() (no match here).
    f.author = QStringLiteral("AUTHÖR 7");
    cases.push_back({"author_not_ascii", f});
    f = {};
    f.since = QDateTime(QDate(2021, 1, 1), QTime(0, 0), QTimeZone::utc());
    f.until = QDateTime(QDate(2021, 7, 1), QTime(0, 0), QTimeZone::utc());
    cases.push_back({"date_range", f});
    f = {};
    f.tag = QStringLiteral("tag7");
    f.language = QStringLiteral("zh-Hans");
    f.author = QStringLiteral("Author 7");
    cases.push_back({"tag_lang_author", f});
    f = {};
    f.text = QStringLiteral("desalination");
    cases.push_back({"text", f});
    f = {};
    f.text = QStringLiteral("desalination");
    f.category = QStringLiteral("region1");
    cases.push_back({"text_category", f});
    f = {};
    f.sort = ListSort::Title;
    cases.push_back({"sort_title", f});
    f = {};
    f.trash = true;
    cases.push_back({"trash", f});
    for (const Case& c : cases) {
        qsizetype rows = 0;
        int matching = 0;
        const double first =
            medianMs(runs, [&] { rows = check(lib.list(c.filter), c.name).size(); });
        const double counted =
            medianMs(runs, [&] { matching = check(lib.count(c.filter), c.name); });
        std::printf("filter_%s first100_ms %.2f count_ms %.2f rows=%lld matching=%d\n", c.name,
                    first, counted, static_cast<long long>(rows), matching);
    }
    qsizetype hits = 0;
    const double search = medianMs(runs, [&] {
        hits = check(lib.search(QStringLiteral("desalination"), 100), "search").hits.size();
    });
    std::printf("search_latin_ms %.2f hits=%lld\n", search, static_cast<long long>(hits));

    const double vocabulary = medianMs(
        runs, [&] { hits = check(tags::list(lib, tags::Vocabulary::Tags), "vocabulary").size(); });
    std::printf("vocabulary_with_counts_ms %.2f tags=%lld\n", vocabulary,
                static_cast<long long>(hits));
    const tags::TermMatcher matcher(check(tags::list(lib, tags::Vocabulary::Tags), "vocabulary"));
    const double complete =
        medianMs(runs, [&] { hits = matcher.match(QStringLiteral("TOPIC9")).size(); });
    std::printf("completer_ms %.3f matches=%lld\n", complete, static_cast<long long>(hits));
    const Article sample = check(lib.findArticle(QStringLiteral("article-1234")), "article");
    const double suggest =
        medianMs(runs, [&] { hits = check(tags::suggest(lib, sample), "suggest").size(); });
    std::printf("suggest_ms %.2f suggestions=%lld\n", suggest, static_cast<long long>(hits));

    // A tag on 10,000 articles (every tenth), then merged into another.
    QList<QUuid> ids;
    ListFilter all;
    all.limit = -1;
    const auto everything = check(lib.list(all), "list all");
    for (qsizetype i = 0; i < everything.size() && ids.size() < 10000; i += 10)
        ids.append(everything[i].id);
    check(tags::create(lib, tags::Vocabulary::Tags, QStringLiteral("big")), "create");
    QElapsedTimer t;
    t.start();
    const auto added =
        check(tags::addToArticles(lib, tags::Vocabulary::Tags, QStringLiteral("big"), ids), "add");
    std::printf("add_tag_to_articles_ms %.1f articles=%d\n", double(t.nsecsElapsed()) / 1e6,
                added.articles);
    t.restart();
    const auto merged = check(
        tags::merge(lib, tags::Vocabulary::Tags, QStringLiteral("big"), QStringLiteral("tag3")),
        "merge");
    std::printf("merge_10000_ms %.1f articles=%d\n", double(t.nsecsElapsed()) / 1e6,
                merged.articles);
    t.restart();
    const auto renamed = check(tags::rename(lib, tags::Vocabulary::Tags, QStringLiteral("tag3"),
                                            QStringLiteral("tag3-renamed")),
                               "rename");
    std::printf("rename_ms %.1f articles=%d\n", double(t.nsecsElapsed()) / 1e6, renamed.articles);
    // The merged article's history still reads whole.
    const auto history = check(lib.revisions(ids.front()), "revisions");
    const Article atMerge = check(lib.articleAtRevision(history.front().id), "revision");
    std::printf("revision_after_merge versions=%lld tags=%s\n",
                static_cast<long long>(atMerge.versions.size()),
                qPrintable(atMerge.tags.join(QLatin1Char(','))));
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak_rss_mb %.1f\n", double(usage.ru_maxrss) / 1024);
    return 0;
}
