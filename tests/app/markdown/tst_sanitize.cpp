// Raw HTML in the preview, the export and publishing (RenderOptions::rawHtml): nothing
// that runs script gets through, whatever the author writes.
#include "markdown/render.h"
#include "markdown/sanitize.h"

#include <QTest>

using namespace copydesk;

class TestSanitize final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hostile_data() {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("expected");
        // Ids are unique in a page: one a heading or the template has already is dropped.
        QTest::newRow("id of a heading again")
            << QStringLiteral("## Hello\n\n<div id=\"hello\" class=\"x\">a</div>\n\n"
                              "<p id=\"copydesk-body\">b</p><p id=\"\">c</p>\n")
            << QStringLiteral("<h2 id=\"hello\">Hello</h2>\n<div class=\"x\">a</div>\n"
                              "<p>b</p><p>c</p>\n");
        QTest::newRow("onerror") << QStringLiteral("<img src=\"a.png\" onerror=\"alert(1)\">")
                                 << QStringLiteral("<img src=\"a.png\">\n");
        QTest::newRow("onclick, unquoted, upper case")
            << QStringLiteral("<div ONCLICK=alert(1) class=box>\nText\n</div>")
            << QStringLiteral("<div class=\"box\">\nText\n</div>\n");
        QTest::newRow("javascript: href")
            << QStringLiteral("<a href=\"javascript:alert(1)\" title=\"t\">x</a>")
            << QStringLiteral("<p><a title=\"t\">x</a></p>\n");
        QTest::newRow("JaVaScRiPt: with spaces and a tab")
            << QStringLiteral("<a href=\"  JaVa\tScRiPt:alert(1)\">x</a>")
            << QStringLiteral("<p><a>x</a></p>\n");
        QTest::newRow("entity-encoded javascript:")
            << QStringLiteral("<a href=\"&#106;avascript&#58;alert(1)\">x</a> "
                              "<a href=\"&#x6A;avascript:1\">y</a>")
            << QStringLiteral("<p><a>x</a> <a>y</a></p>\n");
        QTest::newRow("entity without semicolon stays text")
            << QStringLiteral("<a href=\"&#106avascript:1\">x</a>")
            << QStringLiteral("<p><a>x</a></p>\n");
        QTest::newRow("vbscript:") << QStringLiteral("<a href='vbscript:msgbox(1)'>x</a>")
                                   << QStringLiteral("<p><a>x</a></p>\n");
        QTest::newRow("data:text/html")
            << QStringLiteral("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a> "
                              "<iframe src=\"data:text/html,<script>1</script>\"></iframe>")
            << QStringLiteral(
                   "<p><a>x</a> &lt;iframe src=\"data:text/html,\"&gt;&lt;/iframe&gt;</p>\n");
        QTest::newRow("data: images stay")
            << QStringLiteral("<img src=\"data:image/png;base64,iVBOR\" alt=\"dot\">")
            << QStringLiteral("<img src=\"data:image/png;base64,iVBOR\" alt=\"dot\">\n");
        QTest::newRow("svg onload")
            << QStringLiteral("<svg onload=\"alert(1)\"><circle r=\"1\"/></svg> after")
            << QStringLiteral("<p> after</p>\n");
        QTest::newRow("srcset")
            << QStringLiteral("<img src=\"a.png\" srcset=\"a.png 1x, javascript:alert(1) 2x\">")
            << QStringLiteral("<img src=\"a.png\">\n");
        QTest::newRow("formaction")
            << QStringLiteral("<form action=\"/s\"><button formaction=\"javascript:alert(1)\">"
                              "Go</button></form>")
            << QStringLiteral("<form action=\"/s\"><button>Go</button></form>\n");
        QTest::newRow("script without tagfilter, style, object")
            << QStringLiteral("<script>alert(1)</script>\n\n<style>p{}</style>\n\n"
                              "<object data=\"x.swf\"></object>\n\nkept")
            << QStringLiteral(
                   "&lt;script&gt;alert(1)&lt;/script&gt;\n&lt;style&gt;p{}&lt;/style&gt;\n"
                   "<p></p>\n<p>kept</p>\n");
        QTest::newRow("comment that HTML5 closes early")
            << QStringLiteral("<!--><img src=x onerror=alert(1)>-->\n\nkept")
            << QStringLiteral("\n<p>kept</p>\n");
        QTest::newRow("attribute value is not markup")
            << QStringLiteral("<p title=\"</p><img src=x onerror=alert(1)>\">t</p>")
            << QStringLiteral("<p title=\"&lt;/p&gt;&lt;img src=x onerror=alert(1)&gt;\">t</p>\n");
        QTest::newRow("tag split by a blank line")
            << QStringLiteral("<div\nonclick=\"alert(1)\"\n\n>")
            << QStringLiteral("<div>\n\n</div>");
        QTest::newRow("Markdown link to javascript:")
            << QStringLiteral("[x](javascript:alert(1)) ![y](VBSCRIPT:1)")
            << QStringLiteral("<p><a>x</a> <img alt=\"y\"></p>\n");
        // libxml2 2.9 nests what follows these HTML5 void elements in them.
        QTest::newRow("wbr") << QStringLiteral("Long<wbr>word *after*\n\nNext")
                             << QStringLiteral(
                                    "<p>Long<wbr>word <em>after</em></p>\n<p>Next</p>\n");
        QTest::newRow("embed, dropped")
            << QStringLiteral("Clip <embed src=\"javascript:alert(1)\"> after\n\nNext")
            << QStringLiteral("<p>Clip  after</p>\n<p>Next</p>\n");
        QTest::newRow("source and track")
            << QStringLiteral("<audio controls><source src=\"a.ogg\" onerror=\"alert(1)\">"
                              "<track src=\"javascript:alert(1)\">Fallback</audio> after")
            << QStringLiteral("<p><audio controls><source src=\"a.ogg\"><track>Fallback</audio> "
                              "after</p>\n");
        QTest::newRow("keygen") << QStringLiteral("<keygen name=\"k\" onfocus=\"alert(1)\">after")
                                << QStringLiteral("<p><keygen name=\"k\">after</p>\n");
        QTest::newRow("wbr holding a handler")
            << QStringLiteral("a<wbr onclick=\"alert(1)\">b<img src=\"x\" onerror=\"alert(1)\">")
            << QStringLiteral("<p>a<wbr>b<img src=\"x\"></p>\n");
        // Without its end tag, libxml2 lets one of these hold the rest of the article.
        QTest::newRow("unclosed object")
            << QStringLiteral(
                   "<object data=\"x.swf\">\n\nRest *of* it\n\n<img src=x onerror=alert(1)>")
            << QStringLiteral("\n<p>Rest <em>of</em> it</p>\n<img src=\"x\">\n");
        QTest::newRow("unclosed applet") << QStringLiteral("<applet code=\"A.class\">\n\nRest")
                                         << QStringLiteral("\n<p>Rest</p>\n");
        QTest::newRow("unclosed template")
            << QStringLiteral("<template>\n\n<a href=\"javascript:alert(1)\">Rest</a>")
            << QStringLiteral("\n<p><a>Rest</a></p>\n");
        QTest::newRow("closed template stays dropped")
            << QStringLiteral("<template>\n<p>Hidden</p>\n</template>\n\nAfter")
            << QStringLiteral("\n<p>After</p>\n");
        QTest::newRow("unclosed svg")
            << QStringLiteral("<svg onload=\"alert(1)\">\n\nRest <b onclick=\"alert(1)\">b</b>")
            << QStringLiteral("\n<p>Rest <b>b</b></p>\n");
        // --unsafe let these through before.
        QTest::newRow("target=_blank gets noopener")
            << QStringLiteral("<a href=\"https://un.org\" target=\"_blank\">x</a>")
            << QStringLiteral("<p><a href=\"https://un.org\" target=\"_blank\" "
                              "rel=\"noopener noreferrer\">x</a></p>\n");
        QTest::newRow("named target, rel kept and completed")
            << QStringLiteral("<a rel=\"nofollow\" target=\"News\" href=\"https://un.org\">x</a>")
            << QStringLiteral("<p><a target=\"News\" href=\"https://un.org\" "
                              "rel=\"nofollow noopener noreferrer\">x</a></p>\n");
        QTest::newRow("target=_self needs nothing")
            << QStringLiteral("<a href=\"/a\" target=\"_self\" rel=\"next\">x</a>")
            << QStringLiteral("<p><a href=\"/a\" target=\"_self\" rel=\"next\">x</a></p>\n");
        QTest::newRow("form target")
            << QStringLiteral("<form action=\"/s\" target=\"_BLANK\"><input name=\"q\"></form>")
            << QStringLiteral("<form action=\"/s\" target=\"_BLANK\" rel=\"noopener noreferrer\">"
                              "<input name=\"q\"></form>\n");
        QTest::newRow("file: and blob: hrefs")
            << QStringLiteral("<a href=\"file:///etc/passwd\">a</a> "
                              "<a href=\" FILE:///c:/x\">b</a> "
                              "<a href=\"blob:https://un.org/1\">c</a> "
                              "<img src=\"file:///home/me/.ssh/id_rsa\" alt=\"d\"> "
                              "<a href=\"filesystem:https://un.org/t/x\">e</a>")
            << QStringLiteral("<p><a>a</a> <a>b</a> <a>c</a> <img alt=\"d\"> <a>e</a></p>\n");
        QTest::newRow("file: in Markdown")
            << QStringLiteral("[a](file:///etc/passwd) ![b](blob:https://un.org/1)")
            << QStringLiteral("<p><a>a</a> <img alt=\"b\"></p>\n");
        QTest::newRow("benign HTML and Markdown are kept")
            << QStringLiteral("Caf\u00e9 <b class=\"k\">bold</b> &amp; *em* [l](https://un.org) "
                              "<br/>")
            << QStringLiteral("<p>Caf\u00e9 <b class=\"k\">bold</b> &amp; <em>em</em> "
                              "<a href=\"https://un.org\">l</a> <br></p>\n");
    }
    void hostile() {
        QFETCH(QString, markdown);
        QFETCH(QString, expected);
        RenderOptions options;
        options.sourcePositions = false;
        options.rawHtml = true;
        QCOMPARE(renderHtml(markdown, options), expected);
        // Without tagfilter too: the sanitising does not depend on it. No tag may hold
        // what runs script (text, escaped, may mention anything).
        for (const bool tagfilter : {true, false}) {
            if (!tagfilter)
                options.extensions.removeAll(QStringLiteral("tagfilter"));
            const QString html = renderHtml(markdown, options);
            // The tags without their quoted attribute values.
            QString tags;
            bool inTag = false;
            bool inValue = false;
            for (const QChar c : html) {
                if (inTag && c == u'"')
                    inValue = !inValue;
                if (c == u'<' && !inValue)
                    inTag = true;
                if (inTag && !inValue)
                    tags += c.toLower();
                if (c == u'>' && !inValue)
                    inTag = false;
            }
            for (const char* bad :
                 {"javascript:", "vbscript:", "data:text", " on", "<script", "<style", "<svg",
                  "<iframe", "<object", "formaction", "srcset", "file:", "blob:"}) {
                QVERIFY2(!tags.contains(QLatin1String(bad)), qPrintable(html));
            }
        }
    }

    // CSS loads URLs (url(), image-set()) and, in old engines, runs script
    // (expression(), behavior, -moz-binding): a style attribute keeps only plain
    // formatting, however the value is spelt.
    void styles_data() {
        QTest::addColumn<QString>("style"); // as written in the attribute
        QTest::addColumn<QString>("kept");  // the style attribute written, or none
        QTest::newRow("plain") << QStringLiteral("color: red; font-weight: bold")
                               << QStringLiteral("color: red; font-weight: bold");
        QTest::newRow("case and spaces") << QStringLiteral(" COLOR :Red ;;text-align:center;")
                                         << QStringLiteral("color: Red; text-align: center");
        QTest::newRow("colour functions, !important")
            << QStringLiteral("color: rgb(255, 0, 0) !important; background-color: #fafafa; "
                              "border: 1px solid hsla(0, 0%, 50%, .5)")
            << QStringLiteral("color: rgb(255, 0, 0) !important; background-color: #fafafa; "
                              "border: 1px solid hsla(0, 0%, 50%, .5)");
        QTest::newRow("url(javascript:)")
            << QStringLiteral("color: red; background: url(javascript:alert(1))")
            << QStringLiteral("color: red");
        QTest::newRow("url(data:) in an allowed property")
            << QStringLiteral("background-color: url(data:image/svg+xml,<svg onload=alert(1)>)")
            << QString();
        QTest::newRow("expression()") << QStringLiteral("width: expression(alert(1))") << QString();
        QTest::newRow("behavior") << QStringLiteral("behavior: url(#default#time2)") << QString();
        QTest::newRow("-moz-binding")
            << QStringLiteral("-moz-binding: url(http://x.example/xss.xml#x); color: blue")
            << QStringLiteral("color: blue");
        QTest::newRow("escape spelling url")
            << QStringLiteral("background-color: u\\72l(javascript:alert(1)); color: red")
            << QStringLiteral("color: red");
        QTest::newRow("escape with a space")
            << QStringLiteral("background-color: \\75 rl(x)") << QString();
        QTest::newRow("escape from an entity")
            << QStringLiteral("background-color: &#92;75rl(x)") << QString();
        QTest::newRow("escaped property name")
            << QStringLiteral("b\\65havior: url(x.htc); color: red")
            << QStringLiteral("color: red");
        QTest::newRow("comment inside the function name")
            << QStringLiteral("background-color: u/**/rl(x)") << QString();
        QTest::newRow("comment inside the value") << QStringLiteral("color: /**/red") << QString();
        QTest::newRow("expression with a comment")
            << QStringLiteral("width: expr/**/ession(alert(1))") << QString();
        QTest::newRow("nested function") << QStringLiteral("color: rgb(url(x))") << QString();
        QTest::newRow("var() and image-set()")
            << QStringLiteral("color: var(--x); background-color: image-set('a.png' 1x)")
            << QString();
        QTest::newRow("full-width letters")
            << QStringLiteral("background-color: \uff55\uff52\uff4c(x)") << QString();
        QTest::newRow("overlay properties")
            << QStringLiteral("position: fixed; top: 0; z-index: 9; font-family: Georgia, serif")
            << QStringLiteral("font-family: Georgia, serif");
        QTest::newRow("quoted font name")
            << QStringLiteral("font-family: 'Times New Roman'") << QString();
        QTest::newRow("import") << QStringLiteral("@import url(x.css); color: red")
                                << QStringLiteral("color: red");
        QTest::newRow("empty") << QString() << QString();
    }
    void styles() {
        QFETCH(QString, style);
        QFETCH(QString, kept);
        const QString html = QStringLiteral("<span style=\"%1\">x</span>").arg(style);
        const QString expected = kept.isEmpty()
                                     ? QStringLiteral("<span>x</span>")
                                     : QStringLiteral("<span style=\"%1\">x</span>").arg(kept);
        QCOMPARE(QString::fromUtf8(markdown::sanitizeHtml(html.toUtf8())), expected);
    }
    void styleInMarkdown() {
        // The same through the renderer, with single quotes around the value.
        RenderOptions options;
        options.sourcePositions = false;
        options.rawHtml = true;
        QCOMPARE(renderHtml(QStringLiteral("<p style='color:green;background:url(\"javascript:"
                                           "alert(1)\")'>Text</p>"),
                            options),
                 QStringLiteral("<p style=\"color: green\">Text</p>\n"));
    }

    void deepNesting() {
        // libxml2 stops at 256 levels unless told otherwise; nothing may be lost.
        const QString markdown = QString(3000, u'>') + QStringLiteral(" deep\n");
        RenderOptions options;
        options.sourcePositions = false;
        options.rawHtml = true;
        const QString rendered = renderHtml(markdown, options);
        QVERIFY2(rendered.contains(QStringLiteral("<p>deep</p>")), qPrintable(rendered.right(80)));
        QCOMPARE(rendered.count(QStringLiteral("<blockquote>")), 3000);
        const QString html = QStringLiteral("<div>").repeated(3000) + QStringLiteral("deep") +
                             QStringLiteral("</div>").repeated(3000);
        QVERIFY(QString::fromUtf8(markdown::sanitizeHtml(html.toUtf8()))
                    .contains(QStringLiteral("<div>deep</div>")));
    }

    void scriptUrls_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("script");
        QTest::newRow("https") << QStringLiteral("https://un.org/") << false;
        QTest::newRow("relative") << QStringLiteral("media/a.png") << false;
        QTest::newRow("relative with colon later") << QStringLiteral("a/b:c") << false;
        QTest::newRow("file") << QStringLiteral("file:///library/media/a.png") << false;
        QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << true;
        QTest::newRow("mixed case") << QStringLiteral("JaVaScRiPt:alert(1)") << true;
        QTest::newRow("control before") << QStringLiteral("\x01 javascript:1") << true;
        QTest::newRow("newline inside") << QStringLiteral("java\nscript:1") << true;
        QTest::newRow("vbscript") << QStringLiteral("VBScript:x") << true;
        QTest::newRow("data html") << QStringLiteral("data:text/html,<b>") << true;
        QTest::newRow("data svg") << QStringLiteral("data:image/svg+xml,<svg>") << true;
        QTest::newRow("data png") << QStringLiteral("DATA:image/png;base64,AA") << false;
    }
    void scriptUrls() {
        QFETCH(QString, url);
        QFETCH(bool, script);
        QCOMPARE(markdown::isScriptUrl(url), script);
    }
};

QTEST_GUILESS_MAIN(TestSanitize)
#include "tst_sanitize.moc"
