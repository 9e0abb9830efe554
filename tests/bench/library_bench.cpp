// Library benchmark (not a ctest test; run tests/bench/library_bench.sh).
//   library_bench generate PATH N   writes a library of N articles x 3 languages
//   library_bench measure PATH RUNS prints median timings of open, list and search
#include "library/library.h"
#include "median.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace copydesk;

namespace {

// Fixed vocabularies: a seeded generator makes every run produce the same library.
const QStringList kEnglish =
    QStringLiteral(
        "the council agreed on a plan to support coastal communities with new funding for water "
        "health schools and energy while ministers called for faster action on climate risks and "
        "data sharing across the region delegates said the programme would be reviewed next year "
        "after consultations with farmers cooperatives and local authorities in every district")
        .split(QLatin1Char(' '));
const QStringList kFrench =
    QStringLiteral(
        "le conseil a adopté un plan pour soutenir les communautés côtières avec un nouveau "
        "financement pour l'eau la santé les écoles et l'énergie tandis que les ministres ont "
        "appelé "
        "à agir plus vite face aux risques climatiques et au partage des données dans la région")
        .split(QLatin1Char(' '));
const QStringList kChinese =
    QStringLiteral(
        "理事会 通过 一项 计划 支持 沿海 社区 提供 新的 资金 用于 水 卫生 学校 能源 部长们 呼吁 "
        "加快 "
        "应对 气候 风险 数据 共享 地区 代表 表示 明年 审查 该 方案 农民 合作社 地方 当局")
        .split(QLatin1Char(' '));
const QStringList kArabic =
    QStringLiteral(
        "وافق المجلس على خطة لدعم المجتمعات الساحلية بتمويل جديد للمياه والصحة والمدارس والطاقة "
        "بينما دعا الوزراء إلى التحرك بسرعة أكبر لمواجهة المخاطر المناخية وتبادل البيانات في "
        "المنطقة")
        .split(QLatin1Char(' '));
// Topic words: each article gets one, so a search for one finds about 1 in 200.
QString topic(int i) {
    return QStringLiteral("topic%1x").arg(i % 200);
}

QString sentence(QRandomGenerator& rng, const QStringList& words, int length, const QString& sep) {
    QStringList out;
    for (int i = 0; i < length; ++i)
        out.append(words[int(rng.bounded(qsizetype(words.size())))]);
    return out.join(sep);
}

int generate(const QString& path, int count) {
    auto library = Library::open(path);
    if (!library) {
        std::fprintf(stderr, "%s\n", qPrintable(library.error()));
        return 1;
    }
    QRandomGenerator rng(42);
    QElapsedTimer timer;
    timer.start();
    // Batches keep memory flat; each batch is one transaction with prepared statements.
    constexpr int kBatch = 5000;
    const QDateTime base = QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
    for (int start = 0; start < count; start += kBatch) {
        QList<Article> batch;
        for (int i = start; i < qMin(count, start + kBatch); ++i) {
            Article a =
                makeArticle(QStringLiteral("en"), sentence(rng, kEnglish, 7, QStringLiteral(" ")));
            a.slug = QStringLiteral("article-%1").arg(i);
            a.created = a.updated = base.addSecs(qint64(i) * 600);
            // Tags, categories (a two-level hierarchy, made below) and bylines for the
            // browser's filters (tests/bench/tags_bench.sh).
            a.tags = {QStringLiteral("tag%1").arg(i % 50), QStringLiteral("topic%1").arg(i % 997)};
            a.categories = {QStringLiteral("region%1-desk%2").arg(i % 5).arg(i % 4)};
            a.byline = QStringLiteral("Author %1").arg(i % 40);
            LanguageVersion& en = a.versions[0];
            en.created = en.updated = a.updated;
            en.summary = sentence(rng, kEnglish, 20, QStringLiteral(" "));
            en.body = sentence(rng, kEnglish, 40, QStringLiteral(" ")) + QLatin1Char(' ') +
                      topic(i) + QStringLiteral(".\n\n") +
                      sentence(rng, kEnglish, 40, QStringLiteral(" ")) +
                      (i % 100 == 7 ? QStringLiteral(" desalination") : QString());
            LanguageVersion fr;
            fr.language = QStringLiteral("fr");
            fr.title = sentence(rng, kFrench, 7, QStringLiteral(" "));
            fr.body = sentence(rng, kFrench, 60, QStringLiteral(" "));
            fr.created = fr.updated = a.updated;
            LanguageVersion third;
            if (i % 2) {
                third.language = QStringLiteral("ar");
                third.title = sentence(rng, kArabic, 6, QStringLiteral(" "));
                third.body = sentence(rng, kArabic, 60, QStringLiteral(" "));
            } else {
                third.language = QStringLiteral("zh-Hans");
                third.title = sentence(rng, kChinese, 6, QString());
                // "峰会" in about 1 of 100 Chinese versions.
                third.body = sentence(rng, kChinese, 70, QString()) +
                             (i % 100 == 4 ? QStringLiteral("峰会") : QString()) +
                             sentence(rng, kChinese, 10, QString());
            }
            third.created = third.updated = a.updated;
            a.versions.append(fr);
            a.versions.append(third);
            batch.append(a);
        }
        const auto saved = (*library)->saveAll(batch, RevisionKind::Import);
        if (!saved) {
            std::fprintf(stderr, "%s\n", qPrintable(saved.error()));
            return 1;
        }
        std::fprintf(stderr, "\r%d articles, %.1f s", qMin(count, start + kBatch),
                     double(timer.elapsed()) / 1000);
    }
    std::fprintf(stderr, "\n");
    // The category hierarchy: region0..4, each with desk0..3 under it.
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("gen"));
        db.setDatabaseName(path);
        if (!db.open())
            return 1;
        QSqlQuery q(db);
        for (int r = 0; r < 5; ++r) {
            const QString region = QStringLiteral("region%1").arg(r);
            if (!q.exec(QStringLiteral("INSERT OR IGNORE INTO categories(slug) VALUES ('%1')")
                            .arg(region)) ||
                !q.exec(QStringLiteral("UPDATE categories SET parent = (SELECT id FROM categories"
                                       " WHERE slug = '%1') WHERE slug LIKE '%1-desk%'")
                            .arg(region))) {
                std::fprintf(stderr, "%s\n", qPrintable(q.lastError().text()));
                return 1;
            }
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("gen"));
    return 0;
}

int measure(const QString& path, int runs) {
    qsizetype sink = 0;
    const double openRo = medianMs(runs, [&] {
        auto l = Library::open(path, Library::Mode::ReadOnly);
        sink += l ? 1 : 0;
    });
    const double openRw = medianMs(runs, [&] {
        auto l = Library::open(path, Library::Mode::ReadWrite);
        sink += l ? 1 : 0;
    });
    auto library = Library::open(path, Library::Mode::ReadOnly);
    if (!library) {
        std::fprintf(stderr, "%s\n", qPrintable(library.error()));
        return 1;
    }
    Library& lib = **library;
    qsizetype listed = 0, latin = 0, chinese = 0, chinese3 = 0;
    const double list = medianMs(runs, [&] { listed = lib.list().value().size(); });
    const double searchLatin = medianMs(
        runs, [&] { latin = lib.search(QStringLiteral("desalination"), 100)->hits.size(); });
    const double searchChinese =
        medianMs(runs, [&] { chinese = lib.search(QStringLiteral("峰会"), 100)->hits.size(); });
    const double searchChinese3 =
        medianMs(runs, [&] { chinese3 = lib.search(QStringLiteral("合作社"), 100)->hits.size(); });
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("file_mb %.1f\n", double(QFileInfo(path).size()) / 1e6);
    std::printf("open_readonly_ms %.2f\n", openRo);
    std::printf("open_readwrite_ms %.2f\n", openRw);
    std::printf("list100_ms %.2f rows=%lld\n", list, static_cast<long long>(listed));
    std::printf("search_latin_ms %.2f hits=%lld\n", searchLatin, static_cast<long long>(latin));
    std::printf("search_chinese2_ms %.2f hits=%lld\n", searchChinese,
                static_cast<long long>(chinese));
    std::printf("search_chinese3_ms %.2f hits=%lld\n", searchChinese3,
                static_cast<long long>(chinese3));
    std::printf("peak_rss_mb %.1f\n", double(usage.ru_maxrss) / 1024);
    return sink >= 0 ? 0 : 1;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 4 && args[1] == QLatin1String("generate"))
        return generate(args[2], args[3].toInt());
    if (args.size() >= 3 && args[1] == QLatin1String("measure"))
        return measure(args[2], args.size() > 3 ? args[3].toInt() : 7);
    std::fprintf(stderr, "usage: library_bench generate PATH N | measure PATH [RUNS]\n");
    return 2;
}
