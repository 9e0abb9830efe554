// Figures for tests/bench/editor_bench.sh: keystroke to re-highlighted on a 5,000-word
// article (median, p90, over 300 keystrokes), without and with spell checking and the
// checks as you write; the time of a full spell check and of a run of the checks; and
// writes the article as Markdown for the start-time measures of the script. Not a
// test: it asserts nothing.
#include "checks/checksrunner.h"
#include "document/articledocument.h"
#include "editor/markdowneditor.h"
#include "editor/markdownhighlighter.h"
#include "editor/spellchecker.h"
#include "library/library.h"
#include "spelling/speller.h"

#include <QApplication>
#include <QElapsedTimer>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <ctime>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

namespace {

// About 5,000 words of typical news Markdown: headings, emphasis, links, lists, a table.
QString article() {
    QString text;
    int words = 0;
    for (int section = 0; words < 5000; ++section) {
        text += QStringLiteral("## Section %1 of the report\n\n").arg(section);
        words += 4;
        for (int p = 0; p < 4; ++p) {
            text += QStringLiteral("Delegates from **forty-one** coastal states agreed on "
                                   "_Tuesday_ to restore mangroves, salt marshes and seagrass "
                                   "meadows, said [the Forum](https://example.org/forum) in "
                                   "a statement with `code` and a footnote[^%1].\n\n")
                        .arg(section);
            words += 27;
        }
        text += QStringLiteral("- mapping every site\n- protecting restored areas\n- paying "
                               "local communities\n\n");
        words += 11;
    }
    text += QStringLiteral("[^1]: The source.\n");
    return text;
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[size_t(p * double(v.size() - 1))];
}

double median(std::vector<double> v) {
    return percentile(std::move(v), 0.5);
}

// The GUI thread's own CPU time in milliseconds. On a shared machine the wall time of
// a keystroke includes waiting for a core; the CPU time is the work itself.
double threadCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

// Keystrokes in the middle of the article, each timed to re-highlighted: the work on
// the keystroke path (spelling and checks wait for a pause and run on other threads).
void typeAndMeasure(copydesk::MarkdownEditor& editor, const char* label) {
    QTextDocument* body = editor.document();
    QTextCursor cursor(body->findBlockByNumber(body->blockCount() / 2));
    cursor.movePosition(QTextCursor::EndOfBlock);
    editor.setTextCursor(cursor);
    editor.ensureCursorVisible();
    std::vector<double> times;
    std::vector<double> cpu;
    std::vector<int> blocks;
    for (int i = 0; i < 300; ++i) {
        QElapsedTimer timer;
        const double cpuStart = threadCpuMs();
        timer.start();
        QTest::keyClick(&editor, i % 10 == 9 ? ' ' : 'a');
        blocks.push_back(editor.highlighter()->reparseNow());
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
        cpu.push_back(threadCpuMs() - cpuStart);
    }
    std::printf("keystroke to re-highlighted%s: median %.2f ms, p90 %.2f ms, max %.2f ms "
                "(GUI thread's CPU time: median %.2f ms, p90 %.2f ms); "
                "blocks re-highlighted per keystroke: median %d\n",
                label, percentile(times, 0.5), percentile(times, 0.9), percentile(times, 1.0),
                percentile(cpu, 0.5), percentile(cpu, 0.9),
                int(percentile(std::vector<double>(blocks.begin(), blocks.end()), 0.5)));
}

int markedWords(const copydesk::MarkdownEditor& editor) {
    int n = 0;
    for (QTextBlock b = editor.document()->begin(); b.isValid(); b = b.next())
        if (const auto* data = copydesk::MarkdownHighlighter::marksOf(b))
            n += int(data->layer(copydesk::MarkLayer::Spelling).size());
    return n;
}

// With spell checking and the checks as you write: the time of a full spell check and
// of a run of the checks (each five times, median), then keystrokes as above.
int spellingFigures(const QString& markdown) {
    QTemporaryDir dir;
    auto library = copydesk::Library::open(dir.filePath(QStringLiteral("bench.copydesk")));
    if (!library)
        return 1;
    copydesk::Article a = copydesk::makeArticle(QStringLiteral("en"), QStringLiteral("Bench"));
    a.versions[0].body = markdown;
    if (!(*library)->save(a))
        return 1;
    copydesk::SpellerPool pool;
    (void)pool.speller(QStringLiteral("en")); // the dictionary loaded, as after the first article
    std::vector<double> spell;
    std::vector<double> checks;
    int misspelt = 0;
    int findings = 0;
    for (int run = 0; run < 5; ++run) {
        auto document = copydesk::ArticleDocument::open(a, QStringLiteral("en"));
        copydesk::MarkdownEditor editor;
        editor.setSpelling(&pool, library->get());
        QElapsedTimer timer;
        timer.start();
        editor.setArticleDocument(document->get());
        editor.spellChecker()->checkNow();
        spell.push_back(double(timer.nsecsElapsed()) / 1e6);
        misspelt = markedWords(editor);
        copydesk::ChecksRunner runner(**library, &pool);
        timer.restart();
        runner.setDocument(document->get(), &editor);
        runner.runNow();
        checks.push_back(double(timer.nsecsElapsed()) / 1e6);
        findings = int(runner.findings().size());
    }
    std::printf("full spell check of the article (open to every block marked, worker thread): "
                "median %.1f ms; %d words marked\n",
                median(spell), misspelt);
    std::printf("checks as you write, one run on the article (worker thread, findings "
                "underlined and listed): median %.1f ms; %d findings\n",
                median(checks), findings);

    auto document = copydesk::ArticleDocument::open(a, QStringLiteral("en"));
    copydesk::MarkdownEditor editor;
    editor.resize(900, 700);
    editor.setSpelling(&pool, library->get());
    editor.setArticleDocument(document->get());
    editor.setReadOnly(false);
    copydesk::ChecksRunner runner(**library, &pool);
    runner.setDocument(document->get(), &editor);
    editor.spellChecker()->checkNow();
    runner.runNow();
    editor.show();
    if (!QTest::qWaitForWindowExposed(&editor))
        return 1;
    typeAndMeasure(editor, " with spelling and checks on");
    // The pause after typing: the edited paragraph checked again, the checks run again.
    QElapsedTimer timer;
    timer.start();
    editor.spellChecker()->checkNow();
    const double recheck = double(timer.nsecsElapsed()) / 1e6;
    const int rechecked = editor.spellChecker()->lastCheckedBlocks();
    timer.restart();
    runner.runNow();
    std::printf("after the typing: spelling of the changed blocks %.2f ms (%d block(s) "
                "checked), checks %.1f ms\n",
                recheck, rechecked, double(timer.nsecsElapsed()) / 1e6);
    return 0;
}

} // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    const QStringList args = QApplication::arguments();
    const QString markdown = article();
    if (args.size() > 2 && args.at(1) == QLatin1String("--write")) {
        QFile file(args.at(2));
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        file.write(markdown.toUtf8());
        return 0;
    }
    copydesk::Article a = copydesk::makeArticle(QStringLiteral("en"), QStringLiteral("Bench"));
    a.versions[0].body = markdown;
    auto document = copydesk::ArticleDocument::open(a, QStringLiteral("en"));
    copydesk::MarkdownEditor editor;
    editor.resize(900, 700);
    editor.setArticleDocument(document->get());
    editor.setReadOnly(false);
    editor.show();
    if (!QTest::qWaitForWindowExposed(&editor))
        return 1;
    std::printf("words: about 5000 (%lld characters)\n", qlonglong(markdown.size()));
    typeAndMeasure(editor, "");
    return spellingFigures(markdown);
}
