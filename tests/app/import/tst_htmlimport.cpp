// HTML import: nesting of any depth is converted or refused with a message, never
// dropped silently; URLs that run code are dropped however they are written; Word
// 2016's clipboard HTML (../shared/corpora) still converts.
#include "import/htmlimport.h"
#include "import/textformats.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QStringEncoder>
#include <QTest>

using namespace copydesk;

namespace {

QByteArray nested(const QByteArray& open, const QByteArray& close, int depth,
                  const QByteArray& inner) {
    QByteArray html = "<html><body>";
    html.reserve(depth * (open.size() + close.size()) + 64);
    for (int i = 0; i < depth; ++i)
        html += open;
    html += inner;
    for (int i = 0; i < depth; ++i)
        html += close;
    return html + "</body></html>";
}

QString corpora() {
    return QStringLiteral(COPYDESK_CORPORA_DIR);
}

} // namespace

class TestHtmlImport final : public QObject {
    Q_OBJECT

    /// The test function's html, converted as `fileName`, has the body of its data row.
    static void convertsTo(const QString& fileName) {
        QFETCH(QByteArray, html);
        QFETCH(QString, body);
        const auto doc = htmlToMarkdown(html, fileName);
        QVERIFY2(doc.ok(), qPrintable(doc.error()));
        QCOMPARE(doc->body, body);
    }

private Q_SLOTS:
    void deepNesting_data() {
        QTest::addColumn<QByteArray>("open");
        QTest::addColumn<QByteArray>("close");
        QTest::addColumn<int>("depth");
        QTest::addColumn<QString>("body"); // empty: refused
        // 256 is where libxml2 used to stop building the tree, without a word.
        QTest::newRow("div 256") << QByteArray("<div>") << QByteArray("</div>") << 256
                                 << QStringLiteral("Innermost text\n");
        // html, body, 997 divs and the p: 1,000 levels, the most that is read.
        QTest::newRow("div 997") << QByteArray("<div>") << QByteArray("</div>") << 997
                                 << QStringLiteral("Innermost text\n");
        QTest::newRow("span 256") << QByteArray("<span>") << QByteArray("</span>") << 256
                                  << QStringLiteral("Innermost text\n");
        QTest::newRow("b 256") << QByteArray("<b>") << QByteArray("</b>")
                               << 256
                               // Blocks inside <b> keep their text, not the bold.
                               << QStringLiteral("Innermost text\n");
        QTest::newRow("blockquote 300")
            << QByteArray("<blockquote>") << QByteArray("</blockquote>") << 300
            << QStringLiteral("> ").repeated(300) + QStringLiteral("Innermost text\n");
        // Each level converted a cell twice (to see that it is layout, then to write
        // it): 2^40 conversions here. Word pages nest layout tables a dozen deep.
        QTest::newRow("layout tables 40")
            << QByteArray("<table><tr><td><p>Cell</p>") << QByteArray("</td></tr></table>") << 40
            << QStringLiteral("Innermost text\n");
        QTest::newRow("div 998") << QByteArray("<div>") << QByteArray("</div>") << 998 << QString();
        QTest::newRow("div 10,000")
            << QByteArray("<div>") << QByteArray("</div>") << 10000 << QString();
        QTest::newRow("div 100,000")
            << QByteArray("<div>") << QByteArray("</div>") << 100000 << QString();
        QTest::newRow("span 100,000")
            << QByteArray("<span>") << QByteArray("</span>") << 100000 << QString();
    }
    void deepNesting() {
        QFETCH(QByteArray, open);
        QFETCH(QByteArray, close);
        QFETCH(int, depth);
        QFETCH(QString, body);
        const QString file = QStringLiteral("deep.html");
        const auto doc =
            htmlToMarkdown(nested(open, close, depth, "<p>Before</p><p>Innermost text</p>"), file);
        if (body.isEmpty()) {
            QVERIFY(!doc.ok());
            QCOMPARE(doc.kind(), ErrorKind::InvalidInput);
            QCOMPARE(doc.error(), QStringLiteral("deep.html: elements are nested more than 1000 "
                                                 "levels deep; Copydesk reads at most 1000"));
            return;
        }
        QVERIFY2(doc.ok(), qPrintable(doc.error()));
        QVERIFY2(doc->body.endsWith(body), qPrintable(doc->body.right(200)));
        QVERIFY(doc->body.contains(QStringLiteral("Before")));
    }

    void urls_data() {
        QTest::addColumn<QByteArray>("html");
        QTest::addColumn<QString>("body");
        QTest::newRow("https link")
            << QByteArray("<p><a href=\"https://example.org/x\">site</a></p>")
            << QStringLiteral("[site](https://example.org/x)\n");
        QTest::newRow("relative link") << QByteArray("<p><a href=\"../page.html\">page</a></p>")
                                       << QStringLiteral("[page](../page.html)\n");
        QTest::newRow("javascript")
            << QByteArray("<p><a href=\"javascript:alert(1)\">x</a></p>") << QStringLiteral("x\n");
        QTest::newRow("JaVaScRiPt")
            << QByteArray("<p><a href=\"JaVaScRiPt:alert(1)\">x</a></p>") << QStringLiteral("x\n");
        QTest::newRow("tab inside") << QByteArray("<p><a href=\"java\tscript:alert(1)\">x</a></p>")
                                    << QStringLiteral("x\n");
        QTest::newRow("entity tab inside")
            << QByteArray("<p><a href=\"java&#x09;script:alert(1)\">x</a></p>")
            << QStringLiteral("x\n");
        QTest::newRow("entity letters")
            << QByteArray("<p><a href=\"&#106;&#97;vascript:alert(1)\">x</a></p>")
            << QStringLiteral("x\n");
        QTest::newRow("newline inside")
            << QByteArray("<p><a href=\"jav&#10;ascript:alert(1)\">x</a></p>")
            << QStringLiteral("x\n");
        QTest::newRow("leading space and control")
            << QByteArray("<p><a href=\" &#1;javascript:alert(1)\">x</a></p>")
            << QStringLiteral("x\n");
        QTest::newRow("vbscript") << QByteArray("<p><a href=\"vbscript:msgbox(1)\">x</a></p>")
                                  << QStringLiteral("x\n");
        QTest::newRow("VBScript spaces")
            << QByteArray("<p><a href=\"  VBScript:msgbox(1)\">x</a></p>") << QStringLiteral("x\n");
        QTest::newRow("data:text/html")
            << QByteArray("<p><a href=\"data:text/html,<script>alert(1)</script>\">x</a></p>")
            << QStringLiteral("x\n");
        QTest::newRow("DATA:text/html;base64")
            << QByteArray("<p><a href=\"DATA:text/html;base64,PHNjcmlwdD4=\">x</a></p>")
            << QStringLiteral("x\n");
        QTest::newRow("data image as link")
            << QByteArray("<p><a href=\"data:image/png;base64,iVBOR\">x</a></p>")
            << QStringLiteral("x\n");
        QTest::newRow("img javascript")
            << QByteArray("<p>a<img src=\"javascript:alert(1)\" alt=\"i\">b</p>")
            << QStringLiteral("aib\n"); // the image goes, its alt text stays
        QTest::newRow("img svg data")
            << QByteArray(
                   "<p>a<img src=\"data:image/svg+xml,<svg onload=alert(1)>\" alt=\"i\">b</p>")
            << QStringLiteral("aib\n"); // the image goes, its alt text stays
        QTest::newRow("img data:text/html")
            << QByteArray("<p>a<img src=\"data:text/html,x\" alt=\"i\">b</p>")
            << QStringLiteral("aib\n"); // the image goes, its alt text stays
        QTest::newRow("img png data")
            << QByteArray("<p><img src=\"data:image/png;base64,iVBOR\" alt=\"i\"></p>")
            << QStringLiteral("![i](data:image/png;base64,iVBOR)\n");
        QTest::newRow("img https")
            << QByteArray("<p><img src=\"https://example.org/a.jpg\" alt=\"i\"></p>")
            << QStringLiteral("![i](https://example.org/a.jpg)\n");
        // HTML5 named references, which libxml2 2.9 leaves undecoded (it knows HTML 4's):
        // the Markdown reader decoded them into a working javascript: link.
        QTest::newRow("&colon;") << QByteArray("<p><a href=\"javascript&colon;alert(1)\">x</a></p>")
                                 << QStringLiteral("x\n");
        QTest::newRow("&Tab; inside")
            << QByteArray("<p><a href=\"java&Tab;script:alert(1)\">x</a></p>")
            << QStringLiteral("x\n");
        QTest::newRow("&NewLine; before the colon")
            << QByteArray("<p><a href=\"javascript&NewLine;:alert(1)\">x</a></p>")
            << QStringLiteral("x\n");
        QTest::newRow("mixed case and &colon;")
            << QByteArray("<p><a href=\"JaVaScRiPt&colon;alert(1)\">x</a></p>")
            << QStringLiteral("x\n");
        QTest::newRow("decimal colon")
            << QByteArray("<p><a href=\"javascript&#58;alert(1)\">x</a></p>")
            << QStringLiteral("x\n");
        QTest::newRow("hex colon, upper case X")
            << QByteArray("<p><a href=\"javascript&#X3A;alert(1)\">x</a></p>")
            << QStringLiteral("x\n");
        QTest::newRow("&colon; in an image")
            << QByteArray("<p>a<img src=\"javascript&colon;alert(1)\" alt=\"i\">b</p>")
            << QStringLiteral("aib\n"); // the image goes, its alt text stays
        QTest::newRow("&NewLine; in vbscript")
            << QByteArray("<p><a href=\"vb&NewLine;script&colon;msgbox(1)\">x</a></p>")
            << QStringLiteral("x\n");
        // An "&" that the Markdown reader would take for a reference stays an "&".
        QTest::newRow("reference-like text in a query")
            << QByteArray("<p><a href=\"https://example.org/?a=1&amp;copy;=2\">site</a></p>")
            << QStringLiteral("[site](https://example.org/?a=1\\&copy;=2)\n");
        QTest::newRow("plain & in a query")
            << QByteArray("<p><a href=\"https://example.org/?a=1&amp;b=2\">site</a></p>")
            << QStringLiteral("[site](https://example.org/?a=1&b=2)\n");
        QTest::newRow("backslash in a path")
            << QByteArray("<p><a href=\"https://example.org/a\\*b\">site</a></p>")
            << QStringLiteral("[site](https://example.org/a\\\\*b)\n");
    }
    void urls() { convertsTo(QStringLiteral("links.html")); }

    // libxml2 2.9 nests what follows an HTML5 void element it does not know in it, and
    // lets an element without its end tag hold the rest of the page; the import drops
    // some of those elements with their content.
    void textAfterElements_data() {
        QTest::addColumn<QByteArray>("html");
        QTest::addColumn<QString>("body");
        for (const char* element : {"wbr", "embed", "source", "track", "keygen"}) {
            QTest::newRow(element)
                << "<p>Before<" + QByteArray(element) + ">after</p><p>Next paragraph</p>"
                << QStringLiteral("Beforeafter\n\nNext paragraph\n");
        }
        QTest::newRow("embed with attributes, then a heading")
            << QByteArray("<p>Clip: <embed src=\"clip.swf\" type=\"application/x-shockwave-"
                          "flash\"></p><h2>Heading</h2><p>Text</p>")
            << QStringLiteral("Clip:\n\n## Heading\n\nText\n");
        QTest::newRow("video with sources and a track")
            << QByteArray("<video controls><source src=\"a.webm\"><source src=\"a.mp4\">"
                          "<track src=\"a.vtt\"></video><p>After the video</p>")
            << QStringLiteral("After the video\n");
        // 2,000 of them would nest 2,000 deep and be refused as too deep.
        QTest::newRow("2,000 wbr")
            << QByteArray("<p>") + QByteArray("a<wbr>").repeated(2000) + QByteArray("</p>")
            << QString(2000, u'a') + QLatin1Char('\n');
        for (const char* element : {"object", "applet", "template"}) {
            QTest::newRow(QByteArray("unclosed ") + element)
                << "<body><p>Before</p><" + QByteArray(element) +
                       "><p>Rest of the page</p><p>Last</p></body>"
                << QStringLiteral("Before\n\nRest of the page\n\nLast\n");
            QTest::newRow(QByteArray("closed ") + element)
                << "<body><p>Before</p><" + QByteArray(element) + "><p>Inside</p></" +
                       QByteArray(element) + "><p>After</p></body>"
                << QStringLiteral("Before\n\nAfter\n");
        }
        QTest::newRow("unclosed nav inside an article")
            << QByteArray("<html><body><article><h1>Title</h1><nav><a href=\"/\">Home</a>"
                          "<p>Story</p></article></body></html>")
            << QStringLiteral("[Home](/)\n\nStory\n"); // the h1 is the title
        QTest::newRow("one template of two unclosed")
            << QByteArray("<body><template><p>Kept hidden</p></template><p>Middle</p>"
                          "<template><p>End</p></body>")
            << QStringLiteral("Middle\n\nEnd\n");
        QTest::newRow("unclosed template, UTF-16")
            << QByteArray("\xff\xfe") +
                   QByteArray(QStringEncoder(QStringEncoder::Utf16LE)(
                       QStringLiteral("<p>A</p><template><p>t</p></template><template><p>B</p>")))
            << QStringLiteral("A\n\nB\n");
    }
    void textAfterElements() { convertsTo(QStringLiteral("page.html")); }

    // Word 2016's list paragraphs: the number or bullet sits in a span marked
    // mso-list:Ignore, nested in the run's <span lang>, and Word wraps long style
    // attributes anywhere, also inside "mso-list:\nIgnore".
    void wordLists_data() {
        QTest::addColumn<QByteArray>("html");
        QTest::addColumn<QString>("body");
        const QByteArray item =
            "<p class=MsoListParagraph style='mso-list:%1'><![if !supportLists]>"
            "<span lang=PL style='mso-ansi-language:PL'><span style='mso-list:"
            "%2'>%3<span style='font:7.0pt \"Times New Roman\"'>&nbsp; </span>"
            "</span></span><![endif]><span lang=PL>%4<o:p></o:p></span></p>";
        auto p = [&](const char* list, const char* ignore, const char* marker, const char* text) {
            return QByteArray(item)
                .replace("%1", list)
                .replace("%2", ignore)
                .replace("%3", marker)
                .replace("%4", text);
        };
        QTest::newRow("numbered, marker in span lang")
            << p("l0 level1 lfo1", "Ignore", "1.", "One") +
                   p("l0 level1 lfo1", "Ignore", "2.", "Two")
            << QStringLiteral("1. One\n2. Two\n");
        QTest::newRow("wrapped mso-list:\\nIgnore, Wingdings bullet")
            << p("l0 level1 lfo1", "\nIgnore", "\xc2\xa7", "Bullet") +
                   p("l0 level1 lfo1", "\r\n\tIgnore", "\xc2\xb7", "Dot")
            << QStringLiteral("- Bullet\n- Dot\n");
        QTest::newRow("levels") << p("l0 level1 lfo1", "Ignore", "1.", "A") +
                                       p("l0 level2 lfo1", "Ignore", "a.", "B") +
                                       p("l0 level3 lfo1", "Ignore", "o", "C") +
                                       p("l0 level1 lfo1", "Ignore", "2.", "D")
                                << QStringLiteral("1. A\n   1. B\n      - C\n2. D\n");
        QTest::newRow("two lists in a row stay two")
            << p("l0 level1 lfo1", "Ignore", "1.", "A") + p("l1 level1 lfo2", "Ignore", "1.", "B")
            << QStringLiteral("1. A\n\n1) B\n");
        QTest::newRow("numbered heading keeps no number in its text")
            << QByteArray("<h1 style='mso-list:l0 level1 lfo1'><span><span style='mso-list:Ignore'>"
                          "1.</span></span><span>Heading</span></h1><p>Text</p>")
            << QStringLiteral("Text\n");
    }
    void wordLists() { convertsTo(QStringLiteral("word.html")); }

    void structure_data() {
        QTest::addColumn<QByteArray>("html");
        QTest::addColumn<QString>("body");
        QTest::newRow("adjacent lists stay separate")
            << QByteArray("<ul><li>a</li></ul><ul><li>b</li></ul><ul><li>c</li></ul>"
                          "<ol><li>1</li></ol><ol><li>2</li></ol>")
            << QStringLiteral("- a\n\n* b\n\n- c\n\n1. 1\n\n1) 2\n");
        QTest::newRow("footnotes, WordPress")
            << QByteArray(
                   "<p>A paragraph<sup data-fn=\"f1\" class=\"fn\"><a href=\"#f1\" "
                   "id=\"f1-link\">1</a></sup> and more.</p><ol class=\"wp-block-footnotes\">"
                   "<li id=\"f1\">A note <a href=\"#f1-link\">\xe2\x86\xa9</a></li></ol>")
            << QStringLiteral("A paragraph[^1] and more.\n\n[^1]: A note\n");
        QTest::newRow("footnotes, Word")
            << QByteArray(
                   "<p>Text<a style='mso-footnote-id:ftn1' href=\"#_ftn1\" name=\"_ftnref1\">"
                   "<span class=MsoFootnoteReference>[1]</span></a>.</p>"
                   "<div style='mso-element:footnote-list'><div style='mso-element:footnote' "
                   "id=ftn1><p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' "
                   "href=\"#_ftnref1\" name=\"_ftn1\">[1]</a> The note.</p></div></div>")
            << QStringLiteral("Text[^1].\n\n[^1]: The note.\n");
        QTest::newRow("footnote of two paragraphs, pandoc")
            << QByteArray("<p>x<a href=\"#fn1\" class=\"footnote-ref\" id=\"fnref1\"><sup>1</sup>"
                          "</a></p><section class=\"footnotes\"><hr><ol><li id=\"fn1\"><p>One.</p>"
                          "<p>Two. <a href=\"#fnref1\" class=\"footnote-back\">\xe2\x86\xa9</a></p>"
                          "</li></ol></section>")
            << QStringLiteral("x[^1]\n\n---\n\n[^1]: One.\n\n    Two.\n");
        QTest::newRow("sup and sub")
            << QByteArray("<p>E = mc<sup>2</sup>, H<sub>2</sub>O, x<sup><em>n</em></sup></p>")
            << QStringLiteral("E = mc<sup>2</sup>, H<sub>2</sub>O, x<sup>*n*</sup>\n");
        QTest::newRow("details")
            << QByteArray("<details><summary>More & less</summary><p>Hidden <b>text</b></p>"
                          "</details>")
            << QStringLiteral("<details>\n<summary>More &amp; less</summary>\n\nHidden "
                              "**text**\n\n</details>\n");
        QTest::newRow("definition list")
            << QByteArray("<dl><dt>Term</dt><dd>Its <i>meaning</i></dd><dt>A</dt><dt>B</dt>"
                          "<dd>Both</dd></dl>")
            << QStringLiteral("<dl>\n<dt>Term</dt>\n<dd>\n\nIts *meaning*\n\n</dd>\n<dt>A</dt>\n"
                              "<dt>B</dt>\n<dd>\n\nBoth\n\n</dd>\n</dl>\n");
        QTest::newRow("figure with caption")
            << QByteArray("<figure><img src=\"a.jpg\" alt=\"A\"><figcaption>By <a "
                          "href=\"https://example.org\">us</a></figcaption></figure>")
            << QStringLiteral("<figure>\n\n![A](a.jpg)\n\n<figcaption>\n\nBy "
                              "[us](https://example.org)\n\n</figcaption>\n</figure>\n");
        QTest::newRow("figure without caption")
            << QByteArray("<figure><img src=\"a.jpg\" alt=\"A\"></figure>")
            << QStringLiteral("![A](a.jpg)\n");
        QTest::newRow("links within the page")
            << QByteArray("<p><a href=\"#part2\">Part 2</a>, <a href=\"#\">top</a>, <a "
                          "href=\"#gone\">gone</a></p><h2 id=\"part2\">Part 2</h2>")
            << QStringLiteral("[Part 2](#part2), top, gone\n\n## Part 2\n");
    }
    void structure() { convertsTo(QStringLiteral("page.html")); }

    void notices() {
        const auto doc = htmlToMarkdown("<p><a href=\"#\">top</a></p><details><p>x</p></details>",
                                        QStringLiteral("page.html"));
        QVERIFY2(doc.ok(), qPrintable(doc.error()));
        QCOMPARE(doc->notices,
                 (QStringList{QStringLiteral("the link \"top\" to # leads nowhere in the page; its "
                                             "text is kept"),
                              QStringLiteral("<details> kept as HTML (Markdown has no form for "
                                             "it)")}));
    }

    void title_data() {
        QTest::addColumn<QByteArray>("html");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("body");
        QTest::newRow("h1 only") << QByteArray("<h1>Headline</h1><p>Text</p>")
                                 << QStringLiteral("Headline") << QStringLiteral("Text\n");
        QTest::newRow("title only") << QByteArray("<title>Headline</title><p>Text</p>")
                                    << QStringLiteral("Headline") << QStringLiteral("Text\n");
        QTest::newRow("title names the h2 under a site-name h1")
            << QByteArray("<title>Floods close the port | Harbour News</title><h1>Harbour "
                          "News</h1><h2>Floods close the port</h2><p>Text</p>")
            << QStringLiteral("Floods close the port")
            << QStringLiteral("# Harbour News\n\nText\n");
        QTest::newRow("h1 is the site name, no heading for the headline")
            << QByteArray("<title>Harbour News \xe2\x80\x93 Floods close the port</title>"
                          "<h1>Harbour News</h1><p>Text</p>")
            << QStringLiteral("Floods close the port") << QStringLiteral("Text\n");
        QTest::newRow("h1 and an unrelated title: the h1")
            << QByteArray("<title>Welcome</title><h1>Floods close the port</h1><p>Text</p>")
            << QStringLiteral("Floods close the port") << QStringLiteral("Text\n");
        QTest::newRow("title equals the h1")
            << QByteArray("<title>Floods close the port</title><h1>Floods close the port</h1>"
                          "<p>Text</p>")
            << QStringLiteral("Floods close the port") << QStringLiteral("Text\n");
    }
    void title() {
        QFETCH(QByteArray, html);
        QFETCH(QString, title);
        QFETCH(QString, body);
        const auto doc = htmlToMarkdown(html, QStringLiteral("page.html"));
        QVERIFY2(doc.ok(), qPrintable(doc.error()));
        QCOMPARE(doc->title, title);
        QCOMPARE(doc->body, body);
    }

    // A parser reads what follows <style>, <script> or <title> as their content up to
    // the end tag; when that is missing, the rest of the page is gone, and the import
    // says so (it was silent).
    void unclosedRawTextIsNoted_data() {
        QTest::addColumn<QByteArray>("html");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QStringList>("notes");
        for (const char* element : {"style", "script", "title"}) {
            const QByteArray name(element);
            QTest::newRow(("unclosed " + name).constData())
                << "<body><p>Before</p>\n<" + name + ">x\n<p>After</p></body>"
                << QStringLiteral("Before\n")
                << QStringList{QStringLiteral("<%1> on line 2 has no end tag </%1>: the text "
                                              "after it is read as its content and left out")
                                   .arg(QLatin1String(element))};
            QTest::newRow(("closed " + name).constData())
                << "<body><p>Before</p><" + name + ">x</" + name + "><p>After</p></body>"
                << QStringLiteral("Before\n\nAfter\n") << QStringList{};
        }
        QTest::newRow("upper case, with attributes")
            << QByteArray("<body><p>Before</p><STYLE type=\"text/css\">p {}<p>After</p>")
            << QStringLiteral("Before\n")
            << QStringList{QStringLiteral("<style> on line 1 has no end tag </style>: the text "
                                          "after it is read as its content and left out")};
        QTest::newRow("unclosed at the very end") << QByteArray("<body><p>Before</p><script>")
                                                  << QStringLiteral("Before\n") << QStringList{};
        QTest::newRow("another name") << QByteArray("<body><p>Before</p><scripts>x</body>")
                                      << QStringLiteral("Before\n\nx\n") << QStringList{};
    }
    void unclosedRawTextIsNoted() {
        QFETCH(QByteArray, html);
        QFETCH(QString, body);
        QFETCH(QStringList, notes);
        const auto doc = htmlToMarkdown(html, QStringLiteral("page.html"));
        QVERIFY2(doc.ok(), qPrintable(doc.error()));
        QCOMPARE(doc->body, body);
        QCOMPARE(doc->notices, notes);
    }

    void languageAttribute_data() {
        QTest::addColumn<QByteArray>("html");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("notice"); // of HtmlFormat::read(), fallback "de"
        QTest::newRow("fr") << QByteArray("<html lang=\"fr\"><p>x</p></html>")
                            << QStringLiteral("fr") << QString();
        QTest::newRow("EN-us") << QByteArray("<html lang=\"EN-us\"><p>x</p></html>")
                               << QStringLiteral("en-US") << QString();
        QTest::newRow("zh_hans on body (Word)")
            << QByteArray("<html><body lang=\"zh_hans\"><p>x</p></body></html>")
            << QStringLiteral("zh-Hans") << QString();
        QTest::newRow("empty: unknown")
            << QByteArray("<html lang=\"\"><p>x</p></html>") << QString() << QString();
        QTest::newRow("X-NONE") << QByteArray("<html lang=\"X-NONE\"><p>x</p></html>") << QString()
                                << QStringLiteral("page.html: lang \"X-NONE\" is not a language "
                                                  "tag; the article is read as de");
        QTest::newRow("path") << QByteArray("<html lang=\"../../etc/passwd\"><p>x</p></html>")
                              << QString()
                              << QStringLiteral("page.html: lang \"../../etc/passwd\" is not a "
                                                "language tag; the article is read as de");
        QTest::newRow("english!!")
            << QByteArray("<html lang=\"english!!\"><p>x</p></html>") << QString()
            << QStringLiteral("page.html: lang \"english!!\" is not a "
                              "language tag; the article is read as de");
        QTest::newRow("invalid on html, valid on body")
            << QByteArray("<html lang=\"../x\"><body lang=\"it\"><p>x</p></body></html>")
            << QStringLiteral("it") << QString();
        QTest::newRow("line break and escape, long")
            << QByteArray("<html lang=\"a\nb\x1b[2J") + QByteArray(60, 'c') +
                   QByteArray("\"><p>x</p></html>")
            << QString()
            << QStringLiteral("page.html: lang \"a b\x1b[2J") + QString(33, u'c') +
                   QStringLiteral("\u2026\" is not a language tag; the article is read as de");
    }
    void languageAttribute() {
        QFETCH(QByteArray, html);
        QFETCH(QString, language);
        QFETCH(QString, notice);
        const auto doc = htmlToMarkdown(html, QStringLiteral("lang.html"));
        QVERIFY2(doc.ok(), qPrintable(doc.error()));
        QCOMPARE(doc->language, language);
        // The import says what it did with a lang that is not a language tag.
        const auto file =
            HtmlFormat().read(html, QStringLiteral("page.html"), QStringLiteral("de"));
        QVERIFY2(file.ok(), qPrintable(file.error()));
        QCOMPARE(file->article.versions.front().language,
                 language.isEmpty() ? QStringLiteral("de") : language);
        QCOMPARE(file->notices, notice.isEmpty() ? QStringList() : QStringList{notice});
    }

    void tooLarge() {
        const QByteArray html = "<p>" + QByteArray(20 * 1024 * 1024, 'a') + "</p>";
        const auto doc = htmlToMarkdown(html, QStringLiteral("big.html"));
        QVERIFY(!doc.ok());
        QCOMPARE(doc.kind(), ErrorKind::InvalidInput);
        QCOMPARE(doc.error(), QStringLiteral("big.html: too large (20.0 MB; the limit is 20 MB)"));
    }

    void word2016Lists_data() {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("body");
        QTest::newRow("simple") << QStringLiteral("list/simple")
                                << QStringLiteral("1. Item1\n2. Item 2\n");
        QTest::newRow("multiple-combined")
            << QStringLiteral("list/multiple-combined")
            << QStringLiteral("1. Item1\n2. Item 2\n\n1) Item 1\n2) Item2\n");
        QTest::newRow("nested")
            << QStringLiteral("list/nested")
            << QStringLiteral(
                   "1. A1\n2. B1\n   1. C2\n      1. D4\n   2. E2\n      1. F3\n3. G1\n");
        QTest::newRow("multiple") << QStringLiteral("list/multiple")
                                  << QStringLiteral(
                                         "1. Item1\n2. Item 2\n\nSome text\n\n- Bullet 1\n");
    }
    void word2016Lists() {
        QFETCH(QString, folder);
        QFETCH(QString, body);
        const QString path = corpora() + QStringLiteral("/word2016/") + folder +
                             QStringLiteral("/input.word2016.html");
        QFile file(path);
        if (!file.exists())
            QSKIP(qPrintable(QStringLiteral("no corpus at %1").arg(path)));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto doc = htmlToMarkdown(file.readAll(), path);
        QVERIFY2(doc.ok(), qPrintable(doc.error()));
        QCOMPARE(doc->body, body);
    }

    void word2016Corpus() {
        // Real clipboard HTML from Word 2016: every case converts, to some text.
        const QString root = corpora() + QStringLiteral("/word2016");
        if (!QDir(root).exists())
            QSKIP(qPrintable(QStringLiteral("no corpus at %1").arg(root)));
        QDirIterator it(root, {QStringLiteral("input.word2016.html")}, QDir::Files,
                        QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const auto doc = htmlToMarkdown(file.readAll(), path);
            QVERIFY2(doc.ok(), qPrintable(doc.error()));
            // (A picture alone, at a file: address of the machine it was copied on, is
            // left out, and the notices say so.)
            QVERIFY2(!doc->body.trimmed().isEmpty() || !doc->title.isEmpty() ||
                         doc->notices.join(QLatin1Char('\n')).contains(QLatin1String("file:///")),
                     qPrintable(path));
            // Word's list glyphs (Wingdings "§", Symbol "·", Courier "o") never leak.
            static const QRegularExpression glyph(
                QStringLiteral("^\\s*(?:[-*]|[0-9]+[.)]) +[\u00A7\u00B7o\uF0A7\uF0B7] "),
                QRegularExpression::MultilineOption);
            QVERIFY2(!doc->body.contains(QChar(0x00A7)), qPrintable(path));
            QVERIFY2(!glyph.match(doc->body).hasMatch(), qPrintable(path + doc->body));
            ++files;
        }
        QCOMPARE(files, 33);
    }
};

QTEST_GUILESS_MAIN(TestHtmlImport)
#include "tst_htmlimport.moc"
