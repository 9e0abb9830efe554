// preview_bench: figures for the live preview (ui/preview) on a 5,000-word article.
// Not a test; run by tests/bench/preview_bench.sh, which also measures ghostwriter.
//
//   preview_bench [--start-ms EPOCH_MS] [--keystrokes N] [--hold SECONDS]
//   preview_bench --write-article PATH     writes the article's Markdown and exits
//
// Prints, one "name: value" a line:
//   ready_ms          process start (EPOCH_MS, else main()) to the preview showing the article
//   keystroke_*_ms    setMarkdown() after a one-character edit to the page's DOM patched
//                     (reported back by the page's script), median/p90/max over N edits
//   render_ms         markdown::renderHtml() of the article alone, median of 20
//   memory_*_mb       PSS and RSS of this process and all its descendants (QtWebEngine's
//                     processes), after --hold seconds with the article open
#include "library/library.h"
#include "markdown/render.h"
#include "preview/previewview.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace copydesk;

namespace {

/// About 5,000 words: headings, paragraphs of 40-70 words, a list and a quote now and
/// then, as a long news feature has them. Deterministic.
QString article(int words) {
    static const char* kWords[] = {
        "the",       "council",   "agreed",  "on",      "a",           "new",     "plan",
        "for",       "water",     "supply",  "in",      "the",         "region",  "after",
        "months",    "of",        "talks",   "between", "delegations", "from",    "twelve",
        "countries", "officials", "said",    "that",    "funding",     "would",   "reach",
        "villages",  "before",    "the",     "rainy",   "season",      "begins",  "and",
        "that",      "schools",   "clinics", "markets", "will",        "benefit", "first"};
    constexpr int kCount = sizeof(kWords) / sizeof(kWords[0]);
    QString markdown;
    int written = 0;
    int paragraph = 0;
    unsigned seed = 7;
    const auto next = [&seed] {
        seed = seed * 1103515245u + 12345u;
        return (seed >> 16) & 0x7fff;
    };
    while (written < words) {
        if (paragraph % 8 == 0)
            markdown += QStringLiteral("## Section %1\n\n").arg(paragraph / 8 + 1);
        const int length = 40 + int(next() % 31);
        QString text;
        for (int i = 0; i < length; ++i) {
            if (i)
                text += QLatin1Char(' ');
            text += QLatin1String(kWords[next() % kCount]);
        }
        text[0] = text[0].toUpper();
        if (paragraph % 11 == 5)
            markdown += QStringLiteral("- ") + text.left(60) + QStringLiteral("\n- ") +
                        text.mid(60, 60) + QStringLiteral("\n- ") + text.mid(120) +
                        QStringLiteral(".\n\n");
        else if (paragraph % 13 == 7)
            markdown += QStringLiteral("> ") + text + QStringLiteral(".\n\n");
        else
            markdown += text + QStringLiteral(", **said** the [report](https://example.org).\n\n");
        written += length + (paragraph % 11 == 5 || paragraph % 13 == 7 ? 0 : 3);
        ++paragraph;
    }
    return markdown;
}

struct Memory final {
    double pssMb = 0;
    double rssMb = 0;
    int processes = 0;
};

/// The kB value of `field` in /proc/PID/`file`.
double procKb(qint64 pid, const char* file, const QByteArray& field) {
    QFile f(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(file)));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().split(' ').first().toDouble();
    }
    return 0;
}

Memory memoryOfTree(qint64 root) {
    // Parent links of every process, then the descendants of root.
    QHash<qint64, QList<qint64>> children;
    for (const QString& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')');
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (fields.size() > 1)
            children[fields.at(1).toLongLong()].append(pid);
    }
    Memory memory;
    QList<qint64> todo{root};
    while (!todo.isEmpty()) {
        const qint64 pid = todo.takeLast();
        memory.pssMb += procKb(pid, "smaps_rollup", "Pss:") / 1024.0;
        memory.rssMb += procKb(pid, "status", "VmRSS:") / 1024.0;
        ++memory.processes;
        todo += children.value(pid);
    }
    return memory;
}

bool waitUpdated(PreviewView& view, int timeoutMs = 30000) {
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    bool updated = false;
    QObject::connect(&view, &PreviewView::pageUpdated, &loop, [&] {
        updated = true;
        loop.quit();
    });
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();
    return updated;
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const auto index = static_cast<size_t>(p * double(values.size() - 1) + 0.5);
    return values.at(std::min(index, values.size() - 1));
}

} // namespace

int main(int argc, char* argv[]) {
    QElapsedTimer sinceMain;
    sinceMain.start();
    const qint64 mainEpochMs = QDateTime::currentMSecsSinceEpoch();
    qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1"); // runs as root in CI
    registerPreviewSchemes();
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);

    qint64 startEpochMs = mainEpochMs;
    int keystrokes = 100;
    int holdSeconds = 5;
    const QStringList args = QCoreApplication::arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--start-ms")
            startEpochMs = args[i + 1].toLongLong();
        else if (args[i] == u"--keystrokes")
            keystrokes = args[i + 1].toInt();
        else if (args[i] == u"--hold")
            holdSeconds = args[i + 1].toInt();
        else if (args[i] == u"--write-article") {
            QFile out(args[i + 1]);
            if (!out.open(QIODevice::WriteOnly))
                return 1;
            out.write(article(5000).toUtf8());
            return 0;
        }
    }

    QTemporaryDir dir;
    auto library = Library::open(dir.filePath(QStringLiteral("bench.copydesk")));
    if (!library) {
        std::fprintf(stderr, "%s\n", qPrintable(library.error()));
        return 1;
    }
    QString markdown = article(5000);

    PreviewView view(*library.value());
    view.resize(900, 1000);
    view.show();
    view.setMarkdown(markdown, QStringLiteral("en"));
    if (!waitUpdated(view, 60000)) {
        std::fprintf(stderr, "preview_bench: the page never showed the article\n");
        return 1;
    }
    const qint64 readyMs = QDateTime::currentMSecsSinceEpoch() - startEpochMs;
    std::printf("words: %lld\n", static_cast<long long>(
                                     markdown.split(QLatin1Char(' '), Qt::SkipEmptyParts).size()));
    std::printf("markdown_bytes: %lld\n", static_cast<long long>(markdown.toUtf8().size()));
    std::printf("ready_ms: %lld\n", static_cast<long long>(readyMs));
    std::printf("ready_since_main_ms: %lld\n", static_cast<long long>(sinceMain.elapsed()));

    // Typing in the middle of the article: one character at a time at the end of a
    // paragraph halfway down.
    qsizetype caret = markdown.indexOf(QStringLiteral(".\n\n"), markdown.size() / 2);
    std::vector<double> latencies;
    for (int i = 0; i < keystrokes + 5; ++i) {
        markdown.insert(caret++, QLatin1Char(i % 6 == 5 ? ' ' : 'x'));
        QElapsedTimer timer;
        timer.start();
        view.setMarkdown(markdown, QStringLiteral("en"));
        if (!waitUpdated(view)) {
            std::fprintf(stderr, "preview_bench: no update after keystroke %d\n", i);
            return 1;
        }
        if (i >= 5) // the first edits warm the caches up
            latencies.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("keystroke_median_ms: %.2f\n", percentile(latencies, 0.5));
    std::printf("keystroke_p90_ms: %.2f\n", percentile(latencies, 0.9));
    std::printf("keystroke_max_ms: %.2f\n", percentile(latencies, 1.0));

    std::vector<double> renders;
    for (int i = 0; i < 20; ++i) {
        QElapsedTimer timer;
        timer.start();
        const QString html = renderHtml(markdown);
        renders.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (html.isEmpty())
            return 1;
    }
    std::printf("render_ms: %.2f\n", percentile(renders, 0.5));

    // Memory as a user has it: the article open, some seconds after start.
    const qint64 holdUntil = mainEpochMs + holdSeconds * 1000;
    while (QDateTime::currentMSecsSinceEpoch() < holdUntil) {
        QEventLoop loop;
        QTimer::singleShot(100, &loop, &QEventLoop::quit);
        loop.exec();
    }
    const Memory memory = memoryOfTree(QCoreApplication::applicationPid());
    std::printf("memory_pss_mb: %.1f\n", memory.pssMb);
    std::printf("memory_rss_mb: %.1f\n", memory.rssMb);
    std::printf("processes: %d\n", memory.processes);
    std::fflush(stdout);
    return 0;
}
