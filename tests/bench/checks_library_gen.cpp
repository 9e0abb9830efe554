// Fills a library with COUNT articles for tests/bench/checks_library_bench.sh:
//   checks_library_gen LIBRARY COUNT [SAMPLES_DIR]
// Articles are put together from the checks' own samples (tests/data/checks), clean
// and messy, in all six languages, so that `copydesk-cli check --all` meets the mix of
// prose, findings and spell-checked languages a real desk has. A fixed seed makes two
// runs build the same library.
#include "library/library.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTextStream>

#include <cstdio>

using namespace copydesk;

namespace {

struct Sample final {
    QString language;
    QStringList paragraphs; ///< prose paragraphs only: no headings, lists or tables
    bool messy = false;
};

QList<Sample> loadSamples(const QString& root) {
    QList<Sample> samples;
    for (const QString& folder : {QStringLiteral("clean"), QStringLiteral("messy")}) {
        const QDir dir(root + QLatin1Char('/') + folder);
        const QStringList files = dir.entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name);
        for (const QString& name : files) {
            QFile file(dir.filePath(name));
            if (!file.open(QIODevice::ReadOnly))
                continue;
            Sample s;
            s.language = QFileInfo(name).baseName().section(QLatin1Char('-'), 0, 0);
            s.messy = folder == QLatin1String("messy");
            const QStringList blocks =
                QString::fromUtf8(file.readAll()).split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);
            for (const QString& block : blocks) {
                const QString b = block.trimmed();
                // Messy samples keep everything (that is the point of them); clean ones
                // give prose paragraphs to mix freely.
                if (s.messy ||
                    (!b.isEmpty() && !b.startsWith(QLatin1Char('#')) &&
                     !b.startsWith(QLatin1Char('|')) && !b.startsWith(QLatin1Char('-')) &&
                     !b.startsWith(QLatin1Char('`')) && !b.startsWith(QLatin1Char('!'))))
                    s.paragraphs.append(b);
            }
            if (!s.paragraphs.isEmpty())
                samples.append(s);
        }
    }
    return samples;
}

QString firstSentence(const QString& paragraph, int maxLength) {
    QString s = paragraph.simplified();
    if (s.size() > maxLength) {
        s = s.left(maxLength);
        // Cut at a word boundary where there are spaces (not in Chinese).
        if (s.contains(QLatin1Char(' ')))
            s = s.section(QLatin1Char(' '), 0, -2);
    }
    return s;
}

LanguageVersion makeVersion(const Sample& sample, QRandomGenerator& random, int number) {
    LanguageVersion v;
    v.language =
        sample.language == QLatin1String("zh") ? QStringLiteral("zh-Hans") : sample.language;
    const qsizetype size = sample.paragraphs.size();
    const int start = int(random.bounded(int(size)));
    QStringList body;
    if (sample.messy) {
        body = sample.paragraphs;
    } else {
        const int count = 3 + int(random.bounded(4));
        for (int i = 0; i < count && i < size; ++i)
            body.append(sample.paragraphs.at((start + i) % size));
    }
    const bool cjk = v.language.startsWith(QLatin1String("zh"));
    // Titles differ from one article to the next, as slugs must. The summary comes
    // from a paragraph outside the body where there is one: a summary that repeats the
    // body is a finding of its own.
    v.title = firstSentence(body.front(), cjk ? 30 : 60) + QStringLiteral(" %1").arg(number);
    const QString standfirst = sample.paragraphs.at((start + size - 1) % size);
    v.summary = firstSentence(standfirst, cjk ? 100 : 200) +
                (cjk ? QStringLiteral("。") : QStringLiteral("."));
    v.seoDescription = firstSentence(standfirst, cjk ? 60 : 120) +
                       (cjk ? QStringLiteral("。") : QStringLiteral("."));
    v.body = body.join(QStringLiteral("\n\n")) + QLatin1Char('\n');
    return v;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        err << "usage: checks_library_gen LIBRARY COUNT [SAMPLES_DIR]\n";
        return 2;
    }
    const int total = args.at(2).toInt();
    const QString samplesDir = args.size() > 3 ? args.at(3)
                                               : qEnvironmentVariable("COPYDESK_SOURCE_DIR") +
                                                     QStringLiteral("/tests/data/checks");
    const QList<Sample> samples = loadSamples(samplesDir);
    if (samples.isEmpty() || total <= 0) {
        err << "checks_library_gen: no samples in " << samplesDir << " or bad COUNT\n";
        return 1;
    }
    auto library = Library::open(args.at(1));
    if (!library) {
        err << "checks_library_gen: " << library.error() << '\n';
        return 1;
    }

    QRandomGenerator random(20261129);
    QElapsedTimer timer;
    timer.start();
    constexpr int kBatch = 1000;
    for (int done = 0; done < total;) {
        QList<Article> batch;
        for (int i = 0; i < kBatch && done + i < total; ++i) {
            const int number = done + i + 1;
            // One article in ten is a pasted mess; one in five has a translation.
            const bool messy = random.bounded(10) == 0;
            QList<const Sample*> pool;
            for (const Sample& s : samples) {
                if (s.messy == messy)
                    pool.append(&s);
            }
            const Sample& sample = *pool.at(int(random.bounded(pool.size())));
            Article a;
            a.id = QUuid::createUuid();
            a.slug = QStringLiteral("bench-%1").arg(number);
            a.sourceLanguage = sample.language;
            a.versions.append(makeVersion(sample, random, number));
            a.sourceLanguage = a.versions.front().language;
            if (random.bounded(5) == 0) {
                const Sample& other = samples.at(int(random.bounded(samples.size())));
                if (other.language != sample.language && !other.messy) {
                    LanguageVersion t = makeVersion(other, random, number);
                    t.translatedFrom = a.sourceLanguage;
                    a.versions.append(t);
                }
            }
            batch.append(a);
        }
        auto saved =
            (*library)->saveAll(batch, RevisionKind::Import, QStringLiteral("checks_library_gen"));
        if (!saved) {
            err << "checks_library_gen: " << saved.error() << '\n';
            return 1;
        }
        done += int(batch.size());
        if (done % 10000 == 0 || done == total) {
            err << done << " articles, " << timer.elapsed() / 1000 << " s\n";
            err.flush();
        }
    }
    return 0;
}
