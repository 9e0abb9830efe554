#include "checks/checks.h"
#include "markdown/outline.h"
#include "markdown/render.h"
#include "markdown/statistics.h"

#include <QTest>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <atomic>

using namespace copydesk;

namespace {

/// A body that uses every extension, strikethrough in every paragraph: cmark-gfm's
/// process-wide table of special characters is what a parse outside the one lock broke.
QString body() {
    QString markdown;
    for (int i = 0; i < 12; ++i) {
        markdown += QStringLiteral("## Part %1\n\nThe summit ~~was~~ is *now* open, see "
                                   "[the report](https://un.org/r%1) and www.un.org.  Teh "
                                   "delegates  met.\n\n| a | b |\n|---|---|\n| ~~x~~ | "
                                   "`code` |\n\n- [ ] task[^%1]\n\n[^%1]: note %1\n\n")
                        .arg(i);
    }
    return markdown;
}

} // namespace

/// Rendering, checks, outline and statistics on many threads at once give what they
/// give on one.
class TestConcurrency final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void renderWhileChecking() {
        const QString markdown = body();
        RenderOptions options;
        options.sourcePositions = false;
        const QString html = renderHtml(markdown, options);
        QVERIFY(html.contains(QStringLiteral("<del>was</del>")));
        const checks::CheckContext context;
        const QList<checks::Finding> findings =
            checks::checkText(markdown, checks::Field::Body, QStringLiteral("en"), context);
        QVERIFY(!findings.isEmpty());
        const QList<Heading> headings = outline(markdown);
        const TextStatistics stats = statistics(markdown, QStringLiteral("en"));

        QThreadPool pool;
        pool.setMaxThreadCount(8);
        QList<int> jobs(800);
        for (int i = 0; i < jobs.size(); ++i)
            jobs[i] = i;
        std::atomic<int> wrongHtml = 0;
        std::atomic<int> wrongFindings = 0;
        std::atomic<int> wrongOther = 0;
        QtConcurrent::blockingMap(&pool, jobs, [&](int job) {
            switch (job % 4) {
            case 0:
            case 2:
                if (renderHtml(markdown, options) != html)
                    ++wrongHtml;
                break;
            case 1:
                if (checks::checkText(markdown, checks::Field::Body, QStringLiteral("en"),
                                      context) != findings)
                    ++wrongFindings;
                break;
            default:
                if (outline(markdown) != headings ||
                    statistics(markdown, QStringLiteral("en")) != stats)
                    ++wrongOther;
                break;
            }
        });
        QCOMPARE(wrongHtml.load(), 0);
        QCOMPARE(wrongFindings.load(), 0);
        QCOMPARE(wrongOther.load(), 0);
    }
};

QTEST_GUILESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
