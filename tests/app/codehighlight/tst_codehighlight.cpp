// Highlighted code blocks: on a build with KSyntaxHighlighting (Debian 13) the tokens of
// C++ and Python come out in the spans of its Breeze Light theme, escaped; without it
// (Debian 12) code blocks are plain <pre><code>. Runs under a QCoreApplication only.
#include "codehighlight/codehighlight.h"
#include "markdown/document.h"
#include "markdown/render.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>

using namespace copydesk;

namespace {

// Breeze Light, KSyntaxHighlighting's default light theme (data/themes/breeze-light.theme),
// where its colours are readable on the code background (4.5:1, WCAG AA).
const QString kDataType = QStringLiteral("<span style=\"color:#0057ae\">%1</span>");
const QString kBold = QStringLiteral("<span style=\"font-weight:bold\">%1</span>");
const QString kString = QStringLiteral("<span style=\"color:#bf0303\">%1</span>");
// The theme's #b08000 (3.2:1) and #ca60ca (3.1:1), darkened to 4.5:1 or just above.
const QString kDecimal = QStringLiteral("<span style=\"color:#8c6600\">%1</span>");
const QString kOperator = QStringLiteral("<span style=\"color:#b23bb2\">%1</span>");

/// WCAG 2's contrast ratio of two #rrggbb colours.
double contrastRatio(const QString& a, const QString& b) {
    const auto luminance = [](const QString& hex) {
        double sum = 0;
        const double weights[] = {0.2126, 0.7152, 0.0722};
        for (int i = 0; i < 3; ++i) {
            const double c = hex.mid(1 + 2 * i, 2).toInt(nullptr, 16) / 255.0;
            sum += weights[i] * (c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4));
        }
        return sum;
    };
    const double x = luminance(a);
    const double y = luminance(b);
    return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
}

/// The text of highlighted HTML: the spans taken out, nothing else.
QString withoutSpans(QString html) {
    static const QRegularExpression span(QStringLiteral("<span style=\"[a-z#0-9:;-]*\">|</span>"));
    return html.remove(span);
}

bool onDebian13() {
    QFile file(QStringLiteral("/etc/os-release"));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray release = file.readAll();
    return release.contains("\nID=debian") && release.contains("\nVERSION_ID=\"13\"");
}

RenderOptions bareOptions() {
    RenderOptions options;
    options.sourcePositions = false;
    return options;
}

} // namespace

class TestCodeHighlight final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        // The code highlighter must work without a QGuiApplication (copydesk-cli).
        QVERIFY(!QCoreApplication::instance()->inherits("QGuiApplication"));
        if (onDebian13())
            QVERIFY2(codehighlight::isAvailable(), "Debian 13 has KSyntaxHighlighting for Qt 6");
    }

    void highlightsTokens_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QStringList>("spans");

        const QString cpp = QStringLiteral("int main() {\n    return \"hi\";\n}\n");
        const QStringList cppSpans{kDataType.arg(u"int"), kBold.arg(u"return"),
                                   kString.arg(u"&quot;hi&quot;")};
        QTest::newRow("cpp") << QStringLiteral("cpp") << cpp << cppSpans;
        QTest::newRow("c++") << QStringLiteral("c++") << cpp << cppSpans;
        QTest::newRow("C++") << QStringLiteral("C++") << cpp << cppSpans;

        const QString python = QStringLiteral("def greet(name):\n    return 'hi ' + name\n");
        const QStringList pythonSpans{kBold.arg(u"def"), kBold.arg(u"return"),
                                      kString.arg(u"'hi '")};
        QTest::newRow("python") << QStringLiteral("python") << python << pythonSpans;
        QTest::newRow("Python") << QStringLiteral("Python") << python << pythonSpans;
        QTest::newRow("py") << QStringLiteral("py") << python << pythonSpans;
    }

    void highlightsTokens() {
        QFETCH(QString, language);
        QFETCH(QString, code);
        QFETCH(QStringList, spans);
        const auto html = codehighlight::highlightHtml(code, language);
        if (!codehighlight::isAvailable()) {
            QVERIFY(!html);
            return;
        }
        QVERIFY(html);
        for (const QString& span : spans)
            QVERIFY2(html->contains(span), qPrintable(span + QStringLiteral(" not in ") + *html));
        QCOMPARE(withoutSpans(*html),
                 QString(code).replace(QStringLiteral("\""), QStringLiteral("&quot;")));
    }

    void escapesEverything_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("escaped");
        QTest::newRow("operators")
            << QStringLiteral("cpp") << QStringLiteral("if (a < b && c > \"d\") {}\n")
            << QStringLiteral("if (a &lt; b &amp;&amp; c &gt; &quot;d&quot;) {}\n");
        QTest::newRow("markup in a comment")
            << QStringLiteral("cpp") << QStringLiteral("// </code><script>x()</script>\n")
            << QStringLiteral("// &lt;/code&gt;&lt;script&gt;x()&lt;/script&gt;\n");
        QTest::newRow("markup in a string")
            << QStringLiteral("python") << QStringLiteral("s = \"<img src=x onerror=y>\"")
            << QStringLiteral("s = &quot;&lt;img src=x onerror=y&gt;&quot;");
        QTest::newRow("html itself")
            << QStringLiteral("html") << QStringLiteral("<a href=\"x\">&amp;</a>\n")
            << QStringLiteral("&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt;\n");
    }

    void escapesEverything() {
        QFETCH(QString, language);
        QFETCH(QString, code);
        QFETCH(QString, escaped);
        const auto html = codehighlight::highlightHtml(code, language);
        if (!codehighlight::isAvailable()) {
            QVERIFY(!html);
            return;
        }
        QVERIFY(html);
        QVERIFY2(html->contains(u"<span"), qPrintable(*html));
        QCOMPARE(withoutSpans(*html), escaped);
    }

    void unknownLanguages_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("empty") << QString();
        QTest::newRow("unknown") << QStringLiteral("no-such-language");
        QTest::newRow("a path") << QStringLiteral("../../etc/passwd");
        QTest::newRow("a wildcard") << QStringLiteral("*");
        QTest::newRow("markup") << QStringLiteral("cpp\"><script>");
    }

    void unknownLanguages() {
        QFETCH(QString, language);
        QVERIFY(!codehighlight::highlightHtml(u"int x;\n", language));
    }

    void renderedCodeBlocks_data() {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("plain");
        QTest::addColumn<QString>("highlighted");
        QTest::newRow("c++") << QStringLiteral("```cpp\nint x = \"a<b\";\n```\n")
                             << QStringLiteral("<pre><code class=\"language-cpp\">int x = "
                                               "&quot;a&lt;b&quot;;\n</code></pre>\n")
                             << (QStringLiteral("<pre><code class=\"language-cpp\">") +
                                 kDataType.arg(u"int") + QStringLiteral(" x ") +
                                 kOperator.arg(u"=") + QStringLiteral(" ") +
                                 kString.arg(u"&quot;a&lt;b&quot;") + kOperator.arg(u";") +
                                 QStringLiteral("\n</code></pre>\n"));
        QTest::newRow("python with more info")
            << QStringLiteral("~~~ python title=x\nn = 42\n~~~\n")
            << QStringLiteral("<pre><code class=\"language-python\">n = 42\n</code></pre>\n")
            << (QStringLiteral("<pre><code class=\"language-python\">n ") + kOperator.arg(u"=") +
                QStringLiteral(" ") + kDecimal.arg(u"42") + QStringLiteral("\n</code></pre>\n"));
        const QString none = QStringLiteral("```\nint x;\n```\n");
        QTest::newRow("no info string")
            << none << QStringLiteral("<pre><code>int x;\n</code></pre>\n")
            << QStringLiteral("<pre><code>int x;\n</code></pre>\n");
        QTest::newRow("unknown language")
            << QStringLiteral("```klingon\nint x;\n```\n")
            << QStringLiteral("<pre><code class=\"language-klingon\">int x;\n</code></pre>\n")
            << QStringLiteral("<pre><code class=\"language-klingon\">int x;\n</code></pre>\n");
        QTest::newRow("indented") << QStringLiteral("    int x;\n")
                                  << QStringLiteral("<pre><code>int x;\n</code></pre>\n")
                                  << QStringLiteral("<pre><code>int x;\n</code></pre>\n");
    }

    void renderedCodeBlocks() {
        QFETCH(QString, markdown);
        QFETCH(QString, plain);
        QFETCH(QString, highlighted);
        const QString html = renderHtml(markdown, bareOptions());
        QCOMPARE(html, codehighlight::isAvailable() ? highlighted : plain);
        RenderOptions off = bareOptions();
        off.highlightCode = false;
        QCOMPARE(renderHtml(markdown, off), plain);
    }

    void coloursAreReadable_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("code");
        QTest::newRow("cpp") << QStringLiteral("cpp")
                             << QStringLiteral("#include <x>\n// note\nint f(int a) { return a * "
                                               "0x1F + 'c' + 2.5; } /* done */\n");
        QTest::newRow("python") << QStringLiteral("python")
                                << QStringLiteral(
                                       "@decorator\ndef f(x=None):\n    \"\"\"Doc.\"\"\"\n"
                                       "    return f'{x!r}' + r'\\d' # c\n");
        QTest::newRow("javascript")
            << QStringLiteral("js")
            << QStringLiteral("const re = /a+b/g; let n = 1e3; console.log(`t ${n}`); // c\n");
        QTest::newRow("html") << QStringLiteral("html")
                              << QStringLiteral(
                                     "<!DOCTYPE html><a href=\"x\">&amp;</a><!-- c -->\n");
        QTest::newRow("css") << QStringLiteral("css")
                             << QStringLiteral("@media print { a:hover { color: #fff !important; "
                                               "margin: 2px; } }\n");
        QTest::newRow("bash") << QStringLiteral("bash")
                              << QStringLiteral(
                                     "for f in *.md; do echo \"$f\" $((1+2)); done # c\n");
        QTest::newRow("diff") << QStringLiteral("diff")
                              << QStringLiteral("--- a\n+++ b\n@@ -1 +1 @@\n-old\n+new\n");
        QTest::newRow("json") << QStringLiteral("json")
                              << QStringLiteral("{\"a\": [1, true, null, \"s\"]}\n");
        QTest::newRow("yaml") << QStringLiteral("yaml")
                              << QStringLiteral(
                                     "key: value # c\nlist: [1, 2]\nanchor: &a !!str x\n");
        QTest::newRow("sql") << QStringLiteral("sql")
                             << QStringLiteral("SELECT count(*) FROM t WHERE a = 'x' -- c\n");
    }
    void coloursAreReadable() {
        // An exported page is checked by axe-core: every highlighted colour must reach
        // 4.5:1 on the style sheet's code backgrounds (screen and print) or on the
        // token's own background.
        QFETCH(QString, language);
        QFETCH(QString, code);
        if (!codehighlight::isAvailable())
            QSKIP("built without KSyntaxHighlighting: code is not coloured");
        const auto html = codehighlight::highlightHtml(code, language);
        QVERIFY(html);
        static const QRegularExpression style(QStringLiteral("<span style=\"([^\"]*)\">"));
        static const QRegularExpression colour(QStringLiteral("(?:^|;)color:(#[0-9a-f]{6})"));
        static const QRegularExpression background(
            QStringLiteral("background-color:(#[0-9a-f]{6})"));
        int coloured = 0;
        for (const QRegularExpressionMatch& span : style.globalMatch(*html)) {
            const QString declarations = span.captured(1);
            const QRegularExpressionMatch fg = colour.match(declarations);
            if (!fg.hasMatch())
                continue;
            ++coloured;
            const QRegularExpressionMatch bg = background.match(declarations);
            const QStringList backgrounds =
                bg.hasMatch() ? QStringList{bg.captured(1)}
                              : QStringList{QStringLiteral("#f3f4f6"), QStringLiteral("#f3f3f3")};
            for (const QString& on : backgrounds) {
                const double ratio = contrastRatio(fg.captured(1), on);
                QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("%1 on %2: %3:1 in %4")
                                                      .arg(fg.captured(1), on)
                                                      .arg(ratio, 0, 'f', 2)
                                                      .arg(declarations)));
            }
        }
        QVERIFY2(coloured > 0, qPrintable(*html));
    }

    void documentRendersTwiceAlike() {
        // The renderer puts placeholders into the parsed tree while cmark writes it; the
        // code must be back in the tree for the next rendering of the same document.
        markdown::Document document(QByteArray("```cpp\nint x;\n```\n"));
        const QByteArray first = renderHtmlUtf8(document, bareOptions());
        QVERIFY(first.contains("int"));
        QCOMPARE(renderHtmlUtf8(document, bareOptions()), first);
    }

    void keepsSourcePositions() {
        const QString html = renderHtml(QStringLiteral("Text\n\n```cpp\nint x;\n```\n"));
        QVERIFY2(html.contains(u"<pre data-sourcepos=\"3:1-5:3\"><code class=\"language-cpp\">"),
                 qPrintable(html));
    }

    void concurrentRendersAgree() {
        const QString markdown = QStringLiteral(
            "# Code\n\n```cpp\nint f() { return 1; }\n```\n\n```python\ndef g():\n    "
            "pass\n```\n\n~~strike~~\n");
        const QString single = renderHtml(markdown);
        QList<int> runs(200);
        const QStringList outputs =
            QtConcurrent::blockingMapped(runs, [&markdown](int) { return renderHtml(markdown); });
        for (const QString& output : outputs)
            QCOMPARE(output, single);
    }
};

QTEST_GUILESS_MAIN(TestCodeHighlight)
#include "tst_codehighlight.moc"
