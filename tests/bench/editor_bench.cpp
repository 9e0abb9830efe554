// Figures for tests/bench/editor_bench.sh: keystroke to re-highlighted on a 5,000-word
// article (median, p90, over 300 keystrokes), and writes the article as Markdown for
// the start-time measures of the script. Not a test: it asserts nothing.
#include "document/articledocument.h"
#include "editor/markdowneditor.h"
#include "editor/markdownhighlighter.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <algorithm>
#include <cstdio>
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
    // In the middle of the article, in a paragraph.
    QTextCursor cursor(
        document->get()->body()->findBlockByNumber(document->get()->body()->blockCount() / 2));
    cursor.movePosition(QTextCursor::EndOfBlock);
    editor.setTextCursor(cursor);
    editor.ensureCursorVisible();
    std::vector<double> times;
    std::vector<int> blocks;
    for (int i = 0; i < 300; ++i) {
        QElapsedTimer timer;
        timer.start();
        QTest::keyClick(&editor, i % 10 == 9 ? ' ' : 'a');
        blocks.push_back(editor.highlighter()->reparseNow());
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("words: about 5000 (%lld characters)\n", qlonglong(markdown.size()));
    std::printf("keystroke to re-highlighted: median %.2f ms, p90 %.2f ms, max %.2f ms; "
                "blocks re-highlighted per keystroke: median %d\n",
                percentile(times, 0.5), percentile(times, 0.9), percentile(times, 1.0),
                int(percentile(std::vector<double>(blocks.begin(), blocks.end()), 0.5)));
    return 0;
}
