// Library browser benchmark (not a ctest test; run tests/bench/browser_bench.sh).
//   browser_bench generate PATH N    writes a library of N articles (en, fr, and ar or
//                                    zh-Hans; one in five written in Arabic or Chinese)
//                                    with bylines, statuses, tags with labels in six
//                                    languages and categories
//   browser_bench measure PATH RUNS  median timings of the browser model on it
#include "browser/browsermodel.h"
#include "library/browse.h"
#include "library/library.h"
#include "median.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace copydesk;

namespace {

const QStringList kEnglish =
    QStringLiteral("the council agreed on a plan to support coastal communities with new funding "
                   "for water health schools and energy while ministers called for faster action "
                   "on climate risks and data sharing across the region delegates said the "
                   "programme would be reviewed next year")
        .split(QLatin1Char(' '));
const QStringList kFrench =
    QStringLiteral("le conseil a adopté un plan pour soutenir les communautés côtières avec un "
                   "nouveau financement pour l'eau la santé les écoles et l'énergie")
        .split(QLatin1Char(' '));
const QStringList kChinese =
    QStringLiteral("理事会 通过 一项 计划 支持 沿海 社区 提供 新的 资金 用于 水 卫生 学校 能源 "
                   "部长们 呼吁 加快 应对 气候 风险 数据 共享 地区")
        .split(QLatin1Char(' '));
const QStringList kArabic =
    QStringLiteral("وافق المجلس على خطة لدعم المجتمعات الساحلية بتمويل جديد للمياه والصحة "
                   "والمدارس والطاقة بينما دعا الوزراء إلى التحرك بسرعة أكبر")
        .split(QLatin1Char(' '));
const QStringList kBylines{QStringLiteral("Ana Pérez"),   QStringLiteral("Li Wei"),
                           QStringLiteral("Omar Haddad"), QStringLiteral("Olga Ivanova"),
                           QStringLiteral("John Smith"),  QStringLiteral("Marie Dubois")};

struct TagLabels {
    const char* slug;
    QString en, fr, es, ar, zh, ru;
};
const TagLabels kTags[] = {
    {"higher-education", QStringLiteral("Higher education"),
     QStringLiteral("Enseignement supérieur"), QStringLiteral("Educación superior"),
     QStringLiteral("التعليم العالي"), QStringLiteral("高等教育"),
     QStringLiteral("Высшее образование")},
    {"climate", QStringLiteral("Climate"), QStringLiteral("Climat"), QStringLiteral("Clima"),
     QStringLiteral("المناخ"), QStringLiteral("气候"), QStringLiteral("Климат")},
    {"water", QStringLiteral("Water"), QStringLiteral("Eau"), QStringLiteral("Agua"),
     QStringLiteral("المياه"), QStringLiteral("水资源"), QStringLiteral("Вода")},
    {"health", QStringLiteral("Health"), QStringLiteral("Santé"), QStringLiteral("Salud"),
     QStringLiteral("الصحة"), QStringLiteral("卫生"), QStringLiteral("Здравоохранение")},
    {"energy", QStringLiteral("Energy"), QStringLiteral("Énergie"), QStringLiteral("Energía"),
     QStringLiteral("الطاقة"), QStringLiteral("能源"), QStringLiteral("Энергетика")},
};

QString sentence(QRandomGenerator& rng, const QStringList& words, int length, const QString& sep) {
    QStringList out;
    for (int i = 0; i < length; ++i)
        out.append(words[int(rng.bounded(qsizetype(words.size())))]);
    return out.join(sep);
}

LanguageVersion version(const QString& language, const QString& title, const QString& body) {
    LanguageVersion v;
    v.language = language;
    v.title = title;
    v.body = body;
    return v;
}

int generate(const QString& path, int count) {
    auto library = Library::open(path);
    if (!library) {
        std::fprintf(stderr, "%s\n", qPrintable(library.error()));
        return 1;
    }
    Library& lib = **library;
    for (const TagLabels& t : kTags) {
        const QString slug = QString::fromLatin1(t.slug);
        const std::pair<const char*, QString> labels[] = {{"en", t.en},      {"fr", t.fr},
                                                          {"es", t.es},      {"ar", t.ar},
                                                          {"zh-Hans", t.zh}, {"ru", t.ru}};
        for (const auto& [language, label] : labels) {
            if (auto set = lib.setTagLabel(slug, QString::fromLatin1(language), label); !set) {
                std::fprintf(stderr, "%s\n", qPrintable(set.error()));
                return 1;
            }
        }
    }
    QRandomGenerator rng(42);
    QElapsedTimer timer;
    timer.start();
    constexpr int kBatch = 5000;
    const QDateTime base(QDate(2016, 1, 1), QTime(0, 0), Qt::UTC);
    const Status statuses[] = {Status::Published, Status::Published, Status::Published,
                               Status::Draft,     Status::InReview,  Status::Ready,
                               Status::Archived};
    for (int start = 0; start < count; start += kBatch) {
        QList<Article> batch;
        for (int i = start; i < qMin(count, start + kBatch); ++i) {
            const QString en = sentence(rng, kEnglish, 7, QStringLiteral(" "));
            const QString enBody = sentence(rng, kEnglish, 60, QStringLiteral(" ")) +
                                   QStringLiteral(" topic%1x").arg(i % 200) +
                                   (i % 100 == 7 ? QStringLiteral(" desalination") : QString());
            LanguageVersion third =
                i % 2
                    ? version(QStringLiteral("ar"), sentence(rng, kArabic, 6, QStringLiteral(" ")),
                              sentence(rng, kArabic, 60, QStringLiteral(" ")))
                    : version(QStringLiteral("zh-Hans"), sentence(rng, kChinese, 6, QString()),
                              sentence(rng, kChinese, 80, QString()));
            Article a = makeArticle(QStringLiteral("en"), en);
            a.versions[0].body = enBody;
            a.versions.append(version(QStringLiteral("fr"),
                                      sentence(rng, kFrench, 7, QStringLiteral(" ")),
                                      sentence(rng, kFrench, 60, QStringLiteral(" "))));
            a.versions.append(third);
            // One in five written in Arabic or Chinese, translated into English and French.
            a.sourceLanguage = i % 5 == 0 ? third.language : QStringLiteral("en");
            for (LanguageVersion& v : a.versions) {
                if (v.language != a.sourceLanguage)
                    v.translatedFrom = a.sourceLanguage;
            }
            a.slug = QStringLiteral("article-%1").arg(i);
            a.created = a.updated = base.addSecs(qint64(i) * 3000);
            a.status = statuses[i % 7];
            for (LanguageVersion& v : a.versions) {
                v.created = v.updated = a.updated;
                v.status = a.status;
            }
            a.byline = kBylines[i % kBylines.size()];
            a.tags = {QString::fromLatin1(kTags[i % 5].slug)};
            if (i % 3 == 0)
                a.tags.append(QString::fromLatin1(kTags[(i / 3) % 5].slug));
            a.tags.removeDuplicates();
            a.categories = {i % 4 ? QStringLiteral("news") : QStringLiteral("press-release")};
            batch.append(a);
        }
        const auto saved = lib.saveAll(batch, RevisionKind::Import);
        if (!saved) {
            std::fprintf(stderr, "%s\n", qPrintable(saved.error()));
            return 1;
        }
        std::fprintf(stderr, "\r%d articles, %.1f s", qMin(count, start + kBatch),
                     double(timer.elapsed()) / 1000);
    }
    std::fprintf(stderr, "\n");
    return 0;
}

int measure(const QString& path, int runs) {
    auto library = Library::open(path, Library::Mode::ReadOnly);
    if (!library) {
        std::fprintf(stderr, "%s\n", qPrintable(library.error()));
        return 1;
    }
    Library& lib = **library;
    bool failed = false;
    auto check = [&](const Result<void>& r) {
        if (!r) {
            std::fprintf(stderr, "%s\n", qPrintable(r.error()));
            failed = true;
        }
    };
    // Each timing is what the user waits for: the first page of rows and the count.
    // The rows come first; the count of a full page follows from a thread of its own
    // (BrowserModel::counted()): both times are printed.
    auto timeFilter = [&](const char* name, const BrowseFilter& filter) {
        BrowserModel model(lib);
        const auto waitForCount = [&] {
            while (model.totalCount() < 0 && model.error().isEmpty())
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        };
        check(model.setFilter(filter)); // warm: the statement prepared, pages cached
        waitForCount();
        // Each run to its count: the next one does not share the cores with it.
        std::vector<double> rows;
        std::vector<double> counted;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer t;
            t.start();
            check(model.setFilter(filter));
            rows.push_back(double(t.nsecsElapsed()) / 1e6);
            waitForCount();
            counted.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        std::printf("%s_ms %.2f with_count_ms %.2f rows=%d of %lld\n", name, median(rows),
                    median(counted), model.rowCount(), static_cast<long long>(model.totalCount()));
    };
    {
        // The very first page, on a model just made (its own connection opened).
        const double ms = medianMs(runs, [&] {
            BrowserModel model(lib);
            check(model.setFilter({}));
        });
        std::printf("first_page_cold_model_ms %.2f\n", ms);
    }
    timeFilter("first_page", {});
    BrowseFilter f;
    f.status = Status::Ready;
    timeFilter("filter_status", f);
    f = {};
    f.tag = QStringLiteral("climate");
    timeFilter("filter_tag", f);
    f = {};
    f.language = QStringLiteral("ar");
    timeFilter("filter_language", f);
    f = {};
    f.author = QStringLiteral("pérez");
    timeFilter("filter_author", f);
    f = {};
    f.since = QDate(2020, 1, 1);
    f.until = QDate(2020, 12, 31);
    timeFilter("filter_date_range", f);
    f = {};
    f.category = QStringLiteral("press-release");
    f.status = Status::Published;
    timeFilter("filter_category_and_status", f);
    f = {};
    f.text = QStringLiteral("desalination");
    timeFilter("fulltext_latin", f);
    f.text = QStringLiteral("topic42x");
    timeFilter("fulltext_topic", f);
    f.text = QStringLiteral("沿海");
    timeFilter("fulltext_chinese2", f);
    f.text = QStringLiteral("desalination");
    f.tag = QStringLiteral("water");
    timeFilter("fulltext_and_tag", f);
    {
        // The page of rows alone and the count alone, as BrowseReader answers them.
        auto reader = BrowseReader::open(lib);
        for (const auto& [name, query] : {std::pair{"latin", QStringLiteral("desalination")},
                                          std::pair{"chinese2", QStringLiteral("沿海")}}) {
            BrowseFilter text;
            text.text = query;
            const double page = medianMs(runs, [&] {
                (void)(*reader)->page(text, BrowseOrder::Updated, Qt::DescendingOrder, std::nullopt,
                                      100);
            });
            const double count = medianMs(runs, [&] { (void)(*reader)->count(text); });
            std::printf("fulltext_%s_page_only_ms %.2f count_only_ms %.2f\n", name, page, count);
        }
    }
    // Sorting by another column: a top-N sort over every article.
    for (int column : {int(BrowserModel::TitleColumn), int(BrowserModel::StatusColumn),
                       int(BrowserModel::BylineColumn), int(BrowserModel::TagsColumn)}) {
        BrowserModel model(lib);
        check(model.setFilter({}));
        std::vector<double> times;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer t;
            t.start();
            model.sort(column, i % 2 ? Qt::AscendingOrder : Qt::DescendingOrder);
            times.push_back(double(t.nsecsElapsed()) / 1e6);
            while (model.totalCount() < 0 && model.error().isEmpty()) // not timed
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        }
        std::printf("sort_column%d_ms %.2f\n", column, median(times));
    }
    {
        // Scrolling: the next page after 10,000 rows costs what the first did.
        BrowserModel model(lib);
        check(model.setFilter({}));
        while (model.rowCount() < 10000 && model.canFetchMore({}))
            model.fetchMore({});
        const double ms = medianMs(runs, [&] { model.fetchMore({}); });
        std::printf("fetch_more_after_10000_ms %.2f rows=%d\n", ms, model.rowCount());
    }
    {
        // What the window checks in the background after opening: the words of both
        // indexes counted, once (it reads every index page).
        const double ms = medianMs(1, [&] { check(lib.checkSearchIndexTotals()); });
        std::printf("index_totals_check_ms %.0f\n", ms);
    }
    return failed ? 1 : 0;
}

} // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 4 && args[1] == QLatin1String("generate"))
        return generate(args[2], args[3].toInt());
    if (args.size() >= 3 && args[1] == QLatin1String("measure"))
        return measure(args[2], args.size() > 3 ? args[3].toInt() : 7);
    std::fprintf(stderr, "usage: browser_bench generate PATH N | measure PATH [RUNS]\n");
    return 2;
}
