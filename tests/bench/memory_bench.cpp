// Translation memory lookups (issue target: a fuzzy lookup over 200,000 stored segments
// under 30 ms): prints the figures, asserts nothing. Run through
// tests/bench/memory_bench.sh; not part of ctest.
//
// The segments are made here, seeded: sentences of 8 to 40 words drawn from a
// vocabulary of 20,000 with Zipf's law (the few common words in most segments, as in
// real text: the case that makes candidate lists long). Half the lookups are a stored
// segment with one word changed (a fuzzy match exists), half new sentences.
#include "translation/memory.h"

#include "median.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <cmath>
#include <cstdio>
#include <vector>

using namespace copydesk::translation;

namespace {

class Sentences final {
public:
    explicit Sentences(int vocabulary)
        : m_random(20261204) {
        double total = 0;
        for (int r = 1; r <= vocabulary; ++r) {
            total += 1.0 / r;
            m_cumulative.push_back(total);
        }
    }
    QString word() {
        const double x = m_random.generateDouble() * m_cumulative.back();
        const auto it = std::lower_bound(m_cumulative.begin(), m_cumulative.end(), x);
        return QStringLiteral("w%1").arg(it - m_cumulative.begin());
    }
    QStringList sentence() {
        QStringList words;
        const int length = 8 + int(m_random.bounded(33));
        for (int i = 0; i < length; ++i)
            words.append(word());
        return words;
    }
    int bounded(int n) { return int(m_random.bounded(n)); }

private:
    QRandomGenerator m_random;
    std::vector<double> m_cumulative;
};

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int stored = argc > 1 ? std::atoi(argv[1]) : 200000;
    Sentences sentences(20000);
    TranslationMemory memory;
    std::vector<QStringList> kept;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < stored; ++i) {
        QStringList words = sentences.sentence();
        const QString text = words.join(u' ') + u'.';
        memory.add(MemoryEntry{QStringLiteral("en"),
                               QStringLiteral("fr"),
                               text,
                               QStringLiteral("fr ") + text,
                               {},
                               {}});
        if (i % (stored / 100 + 1) == 0)
            kept.push_back(words);
    }
    const double addMs = double(timer.nsecsElapsed()) / 1e6;

    std::vector<double> fuzzy;
    std::vector<double> none;
    int found = 0;
    for (size_t q = 0; q < kept.size(); ++q) {
        QStringList near = kept[q];
        near[sentences.bounded(int(near.size()))] = sentences.word();
        const QString nearText = near.join(u' ') + u'.';
        const QString newText = sentences.sentence().join(u' ') + u'.';
        QList<MemoryMatch> matches;
        fuzzy.push_back(medianMs(3, [&] {
            matches = memory.lookup(QStringLiteral("en"), QStringLiteral("fr"), nearText);
        }));
        found += matches.isEmpty() ? 0 : 1;
        none.push_back(medianMs(
            3, [&] { (void)memory.lookup(QStringLiteral("en"), QStringLiteral("fr"), newText); }));
    }
    std::sort(fuzzy.begin(), fuzzy.end());
    std::sort(none.begin(), none.end());
    std::printf("memory: %d segments stored in %.0f ms (%.1f us each)\n", stored, addMs,
                addMs * 1000 / stored);
    std::printf("fuzzy lookup, a stored segment with one word changed (%zu lookups, %d found "
                "a match): median %.2f ms, slowest %.2f ms\n",
                fuzzy.size(), found, median(fuzzy), fuzzy.back());
    std::printf("lookup of a new sentence (%zu lookups): median %.2f ms, slowest %.2f ms\n",
                none.size(), median(none), none.back());
    const double worst = std::max(fuzzy.back(), none.back());
    std::printf("target: a lookup over %d segments under 30 ms: %s (slowest %.2f ms)\n", stored,
                worst < 30 ? "met" : "MISSED", worst);
    return 0;
}
