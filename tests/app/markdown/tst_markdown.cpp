#include "markdown/anchors.h"
#include "markdown/document.h"
#include "markdown/outline.h"
#include "markdown/render.h"
#include "markdown/statistics.h"

#include <QTest>
#include <QtConcurrent/QtConcurrentMap>

using namespace copydesk;

namespace {

/// Options with nothing enabled, so that each test turns on only what it checks.
RenderOptions bareOptions() {
    RenderOptions options;
    options.sourcePositions = false;
    options.extensions.clear();
    options.footnotes = false;
    return options;
}

} // namespace

class TestMarkdown final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void extensions_data() {
        QTest::addColumn<QString>("extension");
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("expected");
        QTest::newRow("table") << QStringLiteral("table")
                               << QStringLiteral("| a | b |\n|---|:-:|\n| 1 | 2 |\n")
                               << QStringLiteral("<td style=\"text-align: center\">2</td>");
        QTest::newRow("strikethrough")
            << QStringLiteral("strikethrough") << QStringLiteral("It was ~~cancelled~~ moved.")
            << QStringLiteral("<del>cancelled</del>");
        QTest::newRow("autolink") << QStringLiteral("autolink")
                                  << QStringLiteral("See www.example.org today.")
                                  << QStringLiteral("<a href=\"http://www.example.org\">");
        QTest::newRow("tasklist") << QStringLiteral("tasklist")
                                  << QStringLiteral("- [x] approved\n- [ ] published\n")
                                  << QStringLiteral(
                                         "<li><label><input type=\"checkbox\" checked disabled> "
                                         "approved</label></li>");
        QTest::newRow("tagfilter")
            << QStringLiteral("tagfilter") << QStringLiteral("<iframe src=\"x\"></iframe>\n")
            << QStringLiteral("&lt;iframe src=\"x\">&lt;/iframe>");
        QTest::newRow("footnotes") << QStringLiteral("footnotes")
                                   << QStringLiteral("Said so.[^src]\n\n[^src]: Press office.\n")
                                   << QStringLiteral("<div class=\"footnotes\" data-footnotes>");
    }
    void extensions() {
        QFETCH(QString, extension);
        QFETCH(QString, markdown);
        QFETCH(QString, expected);
        RenderOptions options = bareOptions();
        // Only visible with raw HTML on: in safe mode the tag is omitted anyway. As
        // cmark-gfm writes it: the sanitising would hide what the extension does.
        options.rawHtml = extension == u"tagfilter";
        options.specRaw = options.rawHtml;
        const QString without = renderHtml(markdown, options);
        QVERIFY2(!without.contains(expected), qPrintable(without));
        if (extension == u"footnotes")
            options.footnotes = true;
        else
            options.extensions = {extension};
        const QString with = renderHtml(markdown, options);
        QVERIFY2(with.contains(expected), qPrintable(with));
        // And by default, everything is on.
        RenderOptions defaults;
        defaults.rawHtml = options.rawHtml;
        defaults.specRaw = options.specRaw;
        defaults.sourcePositions = false;
        QCOMPARE(renderHtml(markdown, defaults), with);
    }

    void rawHtml_data() {
        QTest::addColumn<bool>("raw");
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("absent");
        QTest::newRow("inline safe")
            << false << QStringLiteral("Some <b>bold</b> text")
            << QStringLiteral("<!-- raw HTML omitted -->bold") << QStringLiteral("<b>");
        QTest::newRow("inline raw")
            << true << QStringLiteral("Some <b>bold</b> text")
            << QStringLiteral("Some <b>bold</b> text") << QStringLiteral("omitted");
        QTest::newRow("block safe")
            << false << QStringLiteral("<div class=\"x\">\nhi\n</div>\n")
            << QStringLiteral("<!-- raw HTML omitted -->") << QStringLiteral("<div");
        QTest::newRow("block raw") << true << QStringLiteral("<div class=\"x\">\nhi\n</div>\n")
                                   << QStringLiteral("<div class=\"x\">") << QString();
        QTest::newRow("javascript url safe")
            << false << QStringLiteral("[x](javascript:alert(1))")
            << QStringLiteral("<a href=\"\">x</a>") << QStringLiteral("javascript");
        // What the preview, export and publish render (safe mode): no script URL of
        // any spelling reaches an href or a src.
        QTest::newRow("vbscript url safe")
            << false << QStringLiteral("[x](VBScript:msgbox(1))")
            << QStringLiteral("<a href=\"\">x</a>") << QStringLiteral("msgbox");
        QTest::newRow("data:text/html url safe")
            << false << QStringLiteral("[x](data:text/html,%3Cscript%3Ealert(1)%3C/script%3E)")
            << QStringLiteral("<a href=\"\">x</a>") << QStringLiteral("data:");
        QTest::newRow("data:text/html image safe")
            << false << QStringLiteral("![x](data:text/html;base64,PHNjcmlwdD4=)")
            << QStringLiteral("<img src=\"\" alt=\"x\"") << QStringLiteral("data:");
        QTest::newRow("event handler safe")
            << false << QStringLiteral("<img src=x onerror=alert(1)>")
            << QStringLiteral("<!-- raw HTML omitted -->") << QStringLiteral("onerror");
        QTest::newRow("script raw tagfilter")
            << true << QStringLiteral("<script>alert(1)</script>\n")
            << QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;")
            << QStringLiteral("<script>");
    }
    void rawHtml() {
        QFETCH(bool, raw);
        QFETCH(QString, markdown);
        QFETCH(QString, expected);
        QFETCH(QString, absent);
        RenderOptions options;
        options.sourcePositions = false;
        options.rawHtml = raw;
        const QString html = renderHtml(markdown, options);
        QVERIFY2(html.contains(expected), qPrintable(html));
        if (!absent.isEmpty())
            QVERIFY2(!html.contains(absent), qPrintable(html));
    }

    void rawHtmlWithoutTagfilter() {
        RenderOptions options = bareOptions();
        options.rawHtml = true;
        // Sanitised: no script, even without the tagfilter extension.
        QCOMPARE(renderHtml(QStringLiteral("<script>x()</script>\n"), options),
                 QStringLiteral("\n"));
        // The conformance tests' raw mode leaves cmark-gfm's output alone.
        options.specRaw = true;
        QCOMPARE(renderHtml(QStringLiteral("<script>x()</script>\n"), options),
                 QStringLiteral("<script>x()</script>\n"));
    }

    void sourcePositions() {
        const QString markdown = QStringLiteral("# Title\n\nFirst *para*.\n\n- item\n");
        const QString html = renderHtml(markdown);
        QVERIFY2(
            html.contains(QStringLiteral("<h1 id=\"title\" data-sourcepos=\"1:1-1:7\">Title</h1>")),
            qPrintable(html));
        QVERIFY2(html.contains(QStringLiteral("<p data-sourcepos=\"3:1-3:13\">")),
                 qPrintable(html));
        QVERIFY2(html.contains(QStringLiteral("<li data-sourcepos=\"5:1-5:6\">")),
                 qPrintable(html));
        RenderOptions options;
        options.sourcePositions = false;
        QVERIFY(!renderHtml(markdown, options).contains(QStringLiteral("data-sourcepos")));
    }

    // cmark-gfm's bare checkboxes have no accessible name (axe: "label", critical): the
    // item's text labels them, in tight and loose lists, nested and with raw HTML on.
    void taskListsAreLabelled_data() {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<bool>("rawHtml");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("tight") << QStringLiteral("- [x] approved\n- [ ] *published*\n") << false
                               << QStringList{
                                      QStringLiteral("<li><label><input type=\"checkbox\" checked "
                                                     "disabled> approved</label></li>"),
                                      QStringLiteral("<li><label><input type=\"checkbox\" "
                                                     "disabled> <em>published</em></label></li>")};
        QTest::newRow("loose") << QStringLiteral("- [ ] one\n\n- [x] two\n") << false
                               << QStringList{QStringLiteral(
                                      "<p><label><input type=\"checkbox\" checked disabled> "
                                      "two</label></p>")};
        QTest::newRow("nested")
            << QStringLiteral("- [ ] outer\n  - [x] inner\n") << false
            << QStringList{QStringLiteral("<label><input type=\"checkbox\" disabled> "
                                          "outer</label>\n<ul>"),
                           QStringLiteral("<label><input type=\"checkbox\" checked disabled> "
                                          "inner</label>")};
        // The sanitiser writes boolean attributes with their value.
        QTest::newRow("raw html sanitised")
            << QStringLiteral("- [x] <b>bold</b> move\n") << true
            << QStringList{QStringLiteral("<label><input type=\"checkbox\" checked=\"checked\" "
                                          "disabled=\"disabled\"> <b>bold</b> move</label>")};
    }
    void taskListsAreLabelled() {
        QFETCH(QString, markdown);
        QFETCH(bool, rawHtml);
        QFETCH(QStringList, expected);
        RenderOptions options;
        options.sourcePositions = false;
        options.rawHtml = rawHtml;
        const QString html = renderHtml(markdown, options);
        for (const QString& part : std::as_const(expected))
            QVERIFY2(html.contains(part), qPrintable(html));
        QVERIFY2(!html.contains(QStringLiteral("/> ")), qPrintable(html));
        // Every checkbox sits inside a label.
        QCOMPARE(html.count(QStringLiteral("<input")), html.count(QStringLiteral("<label><input")));
    }
    // The document's tree is put back: a second render is the same, positions included,
    // and the spec mode still writes cmark-gfm's own markup.
    void taskListTreeRestored() {
        const QByteArray markdown = "- [x] done\n- [ ] open\n";
        RenderOptions options;
        markdown::Document document(markdown, options.parseOptions());
        const QByteArray first = renderHtmlUtf8(document, options);
        QVERIFY2(first.contains("<li data-sourcepos=\"1:1-1:10\"><label><input"),
                 first.constData());
        QCOMPARE(renderHtmlUtf8(document, options), first);
        options.rawHtml = true;
        options.specRaw = true;
        const QByteArray spec = renderHtmlUtf8(document, options);
        QVERIFY2(spec.contains("><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>"),
                 spec.constData());
        QVERIFY(!spec.contains("<label>"));
    }
    void taskItemWithoutText() {
        RenderOptions options;
        options.sourcePositions = false;
        const QString html = renderHtml(QStringLiteral("- [ ] \n  ```\n  code\n  ```\n"), options);
        if (html.contains(QStringLiteral("<input"))) {
            QVERIFY2(html.contains(QStringLiteral("aria-label=\"Not done\"")), qPrintable(html));
        }
    }

    void tablesUseStyleAttributes() {
        RenderOptions options;
        options.sourcePositions = false;
        const QString html =
            renderHtml(QStringLiteral("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n"), options);
        QVERIFY2(html.contains(QStringLiteral("<th style=\"text-align: left\">a</th>")),
                 qPrintable(html));
        QVERIFY2(html.contains(QStringLiteral("<td style=\"text-align: right\">3</td>")),
                 qPrintable(html));
        QVERIFY(!html.contains(QStringLiteral("align=")));
        options.rawHtml = true;
        QVERIFY(renderHtml(QStringLiteral("| a |\n|:-:|\n| 1 |\n"), options)
                    .contains(QStringLiteral("<td style=\"text-align: center\">1</td>")));
    }

    // HTML5 as the Nu Html Checker wants it: no trailing slash on void elements, the
    // footnotes in a div (a section needs a heading); the spec mode writes XHTML.
    void html5Markup() {
        const QString markdown =
            QStringLiteral("One  \ntwo ![i](a.png)\n\n---\n\nNote.[^1]\n\n[^1]: It `a />` said.\n");
        RenderOptions options;
        options.sourcePositions = false;
        const QString html = renderHtml(markdown, options);
        QVERIFY2(html.contains(QStringLiteral("One<br>\ntwo <img src=\"a.png\" alt=\"i\">")),
                 qPrintable(html));
        QVERIFY2(html.contains(QStringLiteral("<hr>\n")), qPrintable(html));
        QVERIFY2(html.contains(QStringLiteral("<div class=\"footnotes\" data-footnotes>")),
                 qPrintable(html));
        QVERIFY2(html.endsWith(QStringLiteral("</ol>\n</div>\n")), qPrintable(html));
        QVERIFY2(!html.contains(QStringLiteral("section")), qPrintable(html));
        // Text that reads like the end of a tag stays text.
        QVERIFY2(html.contains(QStringLiteral("It <code>a /&gt;</code> said")), qPrintable(html));
        options.rawHtml = true;
        options.specRaw = true;
        const QString spec = renderHtml(markdown, options);
        QVERIFY2(spec.contains(QStringLiteral("<br />")) &&
                     spec.contains(QStringLiteral("<hr />")) &&
                     spec.contains(QStringLiteral("<section class=\"footnotes\"")),
                 qPrintable(spec));
    }

    void smartPunctuation() {
        RenderOptions options = bareOptions();
        options.smartPunctuation = true;
        QCOMPARE(renderHtml(QStringLiteral("\"Yes\" -- it's done..."), options),
                 QStringLiteral("<p>\u201cYes\u201d \u2013 it\u2019s done\u2026</p>\n"));
    }

    void mediaResolver() {
        QStringList asked;
        RenderOptions options = bareOptions();
        options.mediaResolver = [&asked](const QString& name) {
            asked.append(name);
            if (name == u"summit.jpg")
                return QStringLiteral("file:///library/media/ab12.jpg");
            if (name == u"annual report.pdf")
                return QStringLiteral("media/annual-report.pdf");
            return QString();
        };
        const QString html = renderHtml(
            QStringLiteral("![Delegates](media:summit.jpg \"Opening\") "
                           "[report](media:annual%20report.pdf) ![gone](media:missing.png) "
                           "![web](https://example.org/a.png) [not media](mediator.html) "
                           "![author's](file:///etc/hosts)"),
            options);
        QCOMPARE(asked,
                 (QStringList{QStringLiteral("summit.jpg"), QStringLiteral("annual report.pdf"),
                              QStringLiteral("missing.png")}));
        QVERIFY2(html.contains(QStringLiteral("<img src=\"file:///library/media/ab12.jpg\" "
                                              "alt=\"Delegates\" title=\"Opening\">")),
                 qPrintable(html));
        QVERIFY2(html.contains(QStringLiteral("<a href=\"media/annual-report.pdf\">report</a>")),
                 qPrintable(html));
        QVERIFY2(html.contains(QStringLiteral("<img src=\"media:missing.png\" alt=\"gone\">")),
                 qPrintable(html));
        QVERIFY2(html.contains(QStringLiteral("<img src=\"https://example.org/a.png\"")),
                 qPrintable(html));
        // The resolver's file: URL is trusted; the same scheme written by the author is
        // still blanked by safe mode.
        QVERIFY2(html.contains(QStringLiteral("<img src=\"\" alt=\"author's\">")),
                 qPrintable(html));
        QVERIFY2(!html.contains(QStringLiteral("copydesk-media-")), qPrintable(html));
    }

    void utf8AndQStringAgree() {
        const QString markdown =
            QStringLiteral("# Саммит ООН\n\nافتتاح القمة — 联合国 *峰会* 👩\u200d👩\u200d👧\n");
        QCOMPARE(QString::fromUtf8(renderHtmlUtf8(markdown.toUtf8())), renderHtml(markdown));
        QVERIFY(renderHtml(markdown).contains(QStringLiteral("<em>峰会</em>")));
    }

    void threadSafe() {
        QString markdown;
        for (int i = 0; i < 50; ++i) {
            markdown += QStringLiteral("## Part %1\n\n| a | b |\n|---|---|\n| ~~x~~ | www.un.org "
                                       "|\n\n- [ ] task[^%1]\n\n[^%1]: note %1\n\n")
                            .arg(i);
        }
        const QString expected = renderHtml(markdown);
        const QList<int> runs(32, 0);
        const QList<QString> results =
            QtConcurrent::blockingMapped(runs, [&markdown](int) { return renderHtml(markdown); });
        for (const QString& html : results)
            QCOMPARE(html, expected);
    }

    // Headings get the ids Hugo and GitHub give them, so that "#id" links written for
    // those sites work in the preview and the export; an attribute block names one.
    void headingIds_data() {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<QStringList>("texts");
        QTest::newRow("punctuation, case, spaces")
            << QStringLiteral("## Language-Specific API & SDK Implementations\n\n"
                              "### What's new in *v2.1*?\n")
            << QStringList{QStringLiteral("language-specific-api--sdk-implementations"),
                           QStringLiteral("whats-new-in-v21")}
            << QStringList{QStringLiteral("Language-Specific API & SDK Implementations"),
                           QStringLiteral("What's new in v2.1?")};
        QTest::newRow("digits first")
            << QStringLiteral("## 2027 budget\n\n## 3\n")
            << QStringList{QStringLiteral("2027-budget"), QStringLiteral("3")}
            << QStringList{QStringLiteral("2027 budget"), QStringLiteral("3")};
        QTest::newRow("attribute blocks")
            << QStringLiteral("## Ce este observabilitatea? {#what-is-observability}\n\n"
                              "## Colector {#collector .wide}   \n\n"
                              "## Only a class {.note}\n\n"
                              "## Set {braces} stay\n\n"
                              "## Code `{#x}`\n")
            << QStringList{QStringLiteral("what-is-observability"), QStringLiteral("collector"),
                           QStringLiteral("only-a-class"), QStringLiteral("set-braces-stay"),
                           QStringLiteral("code-x")}
            << QStringList{QStringLiteral("Ce este observabilitatea?"), QStringLiteral("Colector"),
                           QStringLiteral("Only a class"), QStringLiteral("Set {braces} stay"),
                           QStringLiteral("Code {#x}")};
        QTest::newRow("escaped braces are text")
            << QStringLiteral("## T \\{#esc}\n\n## U {\\#esc}\n\n## V &#123;#esc}\n")
            << QStringList{QStringLiteral("t-esc"), QStringLiteral("u-esc"),
                           QStringLiteral("v-esc")}
            << QStringList{QStringLiteral("T {#esc}"), QStringLiteral("U {#esc}"),
                           QStringLiteral("V {#esc}")};
        QTest::newRow("scripts")
            << QStringLiteral("## 联合国 总部\n\n## العنوان الرئيسي\n\n## Москва — столица\n\n"
                              "## সংক্ষিপ্ত বিবরণ\n")
            << QStringList{QStringLiteral("联合国-总部"), QStringLiteral("العنوان-الرئيسي"),
                           QStringLiteral("москва--столица"), QStringLiteral("সংক্ষিপ্ত-বিবরণ")}
            << QStringList{QStringLiteral("联合国 总部"), QStringLiteral("العنوان الرئيسي"),
                           QStringLiteral("Москва — столица"), QStringLiteral("সংক্ষিপ্ত বিবরণ")};
        // Every id in a page is unique: repeats are numbered, ids named in the text keep
        // their name, footnotes and the template's element keep theirs.
        QTest::newRow("unique")
            << QStringLiteral("# Notes\n\n## Notes\n\n## Later {#notes-1}\n\n## !!!\n\n"
                              "## Fn 1\n\n## Copydesk body\n\nText[^1].\n\n[^1]: A note.\n")
            << QStringList{QStringLiteral("notes"),   QStringLiteral("notes-2"),
                           QStringLiteral("notes-1"), QStringLiteral("heading"),
                           QStringLiteral("fn-1-1"),  QStringLiteral("copydesk-body-1")}
            << QStringList{QStringLiteral("Notes"), QStringLiteral("Notes"),
                           QStringLiteral("Later"), QStringLiteral("!!!"),
                           QStringLiteral("Fn 1"),  QStringLiteral("Copydesk body")};
    }
    void headingIds() {
        QFETCH(QString, markdown);
        QFETCH(QStringList, ids);
        QFETCH(QStringList, texts);
        const QList<Heading> headings = copydesk::outline(markdown);
        QCOMPARE(headings.size(), ids.size());
        RenderOptions options;
        options.sourcePositions = false;
        const QString html = renderHtml(markdown, options);
        for (qsizetype i = 0; i < headings.size(); ++i) {
            QCOMPARE(headings[i].id, ids[i]);
            QCOMPARE(headings[i].text, texts[i]);
            const QString tag = QStringLiteral("<h%1 id=\"%2\">")
                                    .arg(headings[i].level)
                                    .arg(ids[i].toHtmlEscaped());
            QVERIFY2(html.contains(tag), qPrintable(tag + u'\n' + html));
        }
        // The page's ids, for the export's check of "#id" links.
        const QSet<QString> page = markdown::pageIds(markdown::Document(markdown));
        for (const QString& id : std::as_const(ids))
            QVERIFY2(page.contains(id), qPrintable(id));
        // An attribute block is never shown.
        QVERIFY2(!html.contains(QStringLiteral("{#what")) && !html.contains(QStringLiteral("{.")),
                 qPrintable(html));
    }

    void headingIdsKeepTheTree() {
        // The tree is rendered again unchanged (the preview renders one parse twice), with
        // source positions, raw HTML, and in the conformance tests' raw mode without ids.
        const QString markdown =
            QStringLiteral("# Title {#top}\n\n<h2>Raw</h2>\n\n## Ti*tle* two\n");
        markdown::Document document(markdown);
        RenderOptions options;
        options.rawHtml = true;
        const QByteArray first = renderHtmlUtf8(document, options);
        QCOMPARE(renderHtmlUtf8(document, options), first);
        QVERIFY2(first.contains("<h1 id=\"top\" data-sourcepos=\"1:1-1:14\">Title</h1>"),
                 first.constData());
        QVERIFY2(first.contains("<h2>Raw</h2>"), first.constData());
        QVERIFY2(first.contains("<h2 id=\"title-two\" data-sourcepos=\"5:1-5:14\">Ti<em>"),
                 first.constData());
        options.specRaw = true;
        options.sourcePositions = false;
        QCOMPARE(renderHtmlUtf8(document, options),
                 QByteArray("<h1>Title {#top}</h1>\n<h2>Raw</h2>\n<h2>Ti<em>tle</em> two</h2>\n"));
        QCOMPARE(markdown::headingSlug(u"«!?»"), QString());
        // Many headings of one text are numbered in turn (each number tried once).
        QString many;
        for (int i = 0; i < 5000; ++i)
            many += QStringLiteral("## Notes\n\n");
        const QList<markdown::HeadingAnchor> numbered =
            markdown::headingAnchors(markdown::Document(many));
        QCOMPARE(numbered.size(), 5000);
        QCOMPARE(numbered.front().id, QStringLiteral("notes"));
        QCOMPARE(numbered.back().id, QStringLiteral("notes-4999"));
        QVERIFY(!markdown::headingAttributes(u"{}"));
        QVERIFY(!markdown::headingAttributes(u"{# x}"));
        QCOMPARE(markdown::headingAttributes(u"A {#x}")->start, 1);
    }

    void outline_data() {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QList<Heading>>("expected");
        QTest::newRow("empty") << QString() << QList<Heading>();
        QTest::newRow("atx and setext")
            << QStringLiteral("# Summit *opens*\n\nText.\n\nPress `conference`\n"
                              "-----------------\n\n### [Links](https://un.org) and **more** "
                              "###\n")
            << QList<Heading>{
                   {1, QStringLiteral("Summit opens"), 1, QStringLiteral("summit-opens")},
                   {2, QStringLiteral("Press conference"), 5, QStringLiteral("press-conference")},
                   {3, QStringLiteral("Links and more"), 8, QStringLiteral("links-and-more")}};
        QTest::newRow("not in code, nested in quote")
            << QStringLiteral("```\n# not a heading\n```\n\n> ## Quoted\n\n"
                              "- item\n\n  #### In a list\n")
            << QList<Heading>{{2, QStringLiteral("Quoted"), 5, QStringLiteral("quoted")},
                              {4, QStringLiteral("In a list"), 9, QStringLiteral("in-a-list")}};
        QTest::newRow("multi-line setext, scripts")
            << QStringLiteral("Первая\nчасть\n===\n\n## 联合国 `v2`\n\n## العنوان\n")
            << QList<Heading>{
                   {1, QStringLiteral("Первая часть"), 1, QStringLiteral("первая-часть")},
                   {2, QStringLiteral("联合国 v2"), 5, QStringLiteral("联合国-v2")},
                   {2, QStringLiteral("العنوان"), 7, QStringLiteral("العنوان")}};
        QTest::newRow("crlf") << QStringLiteral("Intro\r\n\r\n# One\r\n\r\n## Two\r\n")
                              << QList<Heading>{
                                     {1, QStringLiteral("One"), 3, QStringLiteral("one")},
                                     {2, QStringLiteral("Two"), 5, QStringLiteral("two")}};
    }
    void outline() {
        QFETCH(QString, markdown);
        QFETCH(QList<Heading>, expected);
        const QList<Heading> actual = copydesk::outline(markdown);
        QCOMPARE(actual.size(), expected.size());
        for (qsizetype i = 0; i < actual.size(); ++i) {
            QCOMPARE(actual[i].text, expected[i].text);
            QCOMPARE(actual[i].level, expected[i].level);
            QCOMPARE(actual[i].line, expected[i].line);
            QCOMPARE(actual[i].id, expected[i].id);
        }
    }

    void statistics_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<int>("words");
        QTest::addColumn<int>("characters");
        QTest::addColumn<int>("withoutSpaces");
        QTest::addColumn<int>("readingSeconds");
        QTest::newRow("empty") << QStringLiteral("en") << QString() << 0 << 0 << 0 << 0;
        QTest::newRow("english, syntax stripped")
            << QStringLiteral("en")
            << QStringLiteral("# Title\n\nThe **quick** brown [fox](https://example.org/fox) "
                              "jumps.\n")
            << 6 << 31 << 27 << 2;
        QTest::newRow("table, code, html")
            << QStringLiteral("en")
            << QStringLiteral("| a | b |\n|---|---|\n| one | two |\n\n```\ncode here\n```\n\n"
                              "<div class=\"hidden\">\n</div>\n\n![alt text](media:x.png)\n")
            << 6 << 17 << 16 << 2;
        QTest::newRow("french apostrophes")
            << QStringLiteral("fr") << QStringLiteral("L'ONU a adopté une résolution aujourd'hui.")
            << 6 << 42 << 37 << 2;
        QTest::newRow("arabic") << QStringLiteral("ar")
                                << QStringLiteral("افتتحت القمة في جنيف اليوم.") << 5 << 27 << 23
                                << 1;
        QTest::newRow("russian") << QStringLiteral("ru")
                                 << QStringLiteral("Саммит ООН открылся в Женеве 12 мая.") << 7
                                 << 36 << 30 << 2;
        QTest::newRow("combining and emoji")
            << QStringLiteral("en")
            << QStringLiteral(
                   "Cafe\u0301 \U0001F469\u200D\U0001F469\u200D\U0001F467 ok \U0001F1FA\U0001F1F3")
            << 2 << 11 << 8 << 1;
    }
    void statistics() {
        QFETCH(QString, language);
        QFETCH(QString, markdown);
        QFETCH(int, words);
        QFETCH(int, characters);
        QFETCH(int, withoutSpaces);
        QFETCH(int, readingSeconds);
        const TextStatistics stats = copydesk::statistics(markdown, language);
        QCOMPARE(stats.words, words);
        QCOMPARE(stats.characters, characters);
        QCOMPARE(stats.charactersWithoutSpaces, withoutSpaces);
        QCOMPARE(stats.readingSeconds, readingSeconds);
    }

    // What tag suggestions read: the prose, without code or a site's shortcodes, one
    // line a block; the words between a shortcode's tags stay.
    void proseText() {
        const QString markdown = QStringLiteral(
            "# Getting *started*\n\nRun `npm install` and [read on](https://x.test/p).\n\n"
            "```js\nconst a = 1;\n```\n\n{{< tab Node >}}Use Node.{{< /tab >}}\n\n"
            "{{% alert title=\"Note\" %}}Mind the gap.{{% /alert %}}\n\n"
            "<div>raw</div>\n\n![a diagram](media:d.png)\n");
        QCOMPARE(copydesk::proseText(markdown),
                 QStringLiteral("Getting started\nRun  and read on.\nUse Node.\n"
                                "Mind the gap.\n"));
    }

    void chineseWithoutSpaces() {
        // 16 ideographs and a full stop, no spaces: a dictionary segmentation gives
        // 联合国/秘书长/今天/在/日内瓦/发表/讲话, never one word for the sentence, nor one
        // per character.
        const QString text = QStringLiteral("联合国秘书长今天在日内瓦发表讲话。");
        const TextStatistics stats = copydesk::statistics(text, QStringLiteral("zh-Hans"));
        QVERIFY2(stats.words >= 6 && stats.words <= 9, QByteArray::number(stats.words));
        QCOMPARE(stats.characters, 17);
        QCOMPARE(stats.charactersWithoutSpaces, 17);
        // 16 characters at 400 a minute.
        QCOMPARE(stats.readingSeconds, 2);
    }

    void readingTime() {
        const QString english = QStringLiteral("word ").repeated(460);
        QCOMPARE(copydesk::statistics(english, QStringLiteral("en")).readingSeconds, 120);
        const QString chinese = QStringLiteral("会议").repeated(400);
        QCOMPARE(copydesk::statistics(chinese, QStringLiteral("zh-Hans")).readingSeconds, 120);
        // Mixed: both rates add up.
        QCOMPARE(copydesk::statistics(english + chinese, QStringLiteral("zh")).readingSeconds, 240);
    }
};

QTEST_GUILESS_MAIN(TestMarkdown)
#include "tst_markdown.moc"
