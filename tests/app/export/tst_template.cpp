// The page templates that the preview and the export share (app/export/template.h).
#include "article/article.h"
#include "export/template.h"
#include "markdown/render.h"

#include <QTest>

using namespace copydesk;

class TestTemplate final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void builtInTemplatesParse_data();
    void builtInTemplatesParse();
    void languageAndDirection_data();
    void languageAndDirection();
    void fragmentCarriesLanguageAndDirection();
    void hostileTextIsEscaped_data();
    void hostileTextIsEscaped();
    void emptyFieldsAreLeftOut();
    void datelineInTheVersionsLanguage();
    void stylesheetInlineOrLinked();
    void headExtraComesFirst();
    void bodyKeepsSourcePositions();
    void invalidLanguageIsRefused();
    void syntaxErrorNamesTemplateAndLine_data();
    void syntaxErrorNamesTemplateAndLine();
    void fromArticle();
};

namespace {

QString renderPage(const PageData& data, Template::Kind kind = Template::Kind::Article) {
    const auto tmpl = Template::builtIn(kind);
    if (!tmpl) {
        qWarning("%s", qPrintable(tmpl.error()));
        return {};
    }
    const auto page = tmpl->render(data);
    if (!page) {
        qWarning("%s", qPrintable(page.error()));
        return {};
    }
    return *page;
}

PageData sample(const QString& language) {
    PageData data;
    data.language = language;
    data.title = QStringLiteral("Title");
    data.bodyHtml = QStringLiteral("<p>Body</p>");
    return data;
}

} // namespace

void TestTemplate::builtInTemplatesParse_data() {
    QTest::addColumn<Template::Kind>("kind");
    QTest::addColumn<QString>("name");
    QTest::newRow("article") << Template::Kind::Article << QStringLiteral("article.mustache");
    QTest::newRow("fragment") << Template::Kind::Fragment << QStringLiteral("fragment.mustache");
}

void TestTemplate::builtInTemplatesParse() {
    QFETCH(Template::Kind, kind);
    QFETCH(QString, name);
    const auto tmpl = Template::builtIn(kind);
    QVERIFY2(tmpl.ok(), qPrintable(tmpl.error()));
    QCOMPARE(tmpl->name(), name);
    QVERIFY(!Template::defaultStyle().isEmpty());
}

void TestTemplate::languageAndDirection_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("htmlTag");
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("<html lang=\"en\" dir=\"ltr\">");
    QTest::newRow("ar") << QStringLiteral("ar") << QStringLiteral("<html lang=\"ar\" dir=\"rtl\">");
    QTest::newRow("zh-Hans") << QStringLiteral("zh-Hans")
                             << QStringLiteral("<html lang=\"zh-Hans\" dir=\"ltr\">");
    QTest::newRow("zh-hans canonicalised")
        << QStringLiteral("zh-hans") << QStringLiteral("<html lang=\"zh-Hans\" dir=\"ltr\">");
    QTest::newRow("fa") << QStringLiteral("fa") << QStringLiteral("<html lang=\"fa\" dir=\"rtl\">");
    QTest::newRow("ru") << QStringLiteral("ru") << QStringLiteral("<html lang=\"ru\" dir=\"ltr\">");
}

void TestTemplate::languageAndDirection() {
    QFETCH(QString, language);
    QFETCH(QString, htmlTag);
    const QString page = renderPage(sample(language));
    QVERIFY(page.startsWith(QStringLiteral("<!DOCTYPE html>\n")));
    QVERIFY2(page.contains(htmlTag), qPrintable(page.left(200)));
    QVERIFY(page.contains(QStringLiteral("<meta charset=\"utf-8\">")));
    QVERIFY(page.contains(QStringLiteral("<title>Title</title>")));
    QVERIFY(page.contains(QStringLiteral("<h1 class=\"copydesk-title\">Title</h1>")));
    QVERIFY(page.contains(QStringLiteral("<p>Body</p>")));
}

void TestTemplate::fragmentCarriesLanguageAndDirection() {
    const QString fragment = renderPage(sample(QStringLiteral("ar")), Template::Kind::Fragment);
    QCOMPARE(fragment,
             QStringLiteral(
                 "<div class=\"copydesk-body\" lang=\"ar\" dir=\"rtl\">\n<p>Body</p>\n</div>\n"));
}

void TestTemplate::hostileTextIsEscaped_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("escaped");
    QTest::newRow("script") << QStringLiteral("<script>alert(1)</script>")
                            << QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;");
    QTest::newRow("mustache tags stay text")
        << QStringLiteral("{{body}} {{{style}}} {{#lang}}x{{/lang}}")
        << QStringLiteral("{{body}} {{{style}}} {{#lang}}x{{/lang}}");
    QTest::newRow("attribute breakout")
        << QStringLiteral("\" onload=\"alert(1)") << QStringLiteral("&quot; onload=&quot;alert(1)");
    QTest::newRow("ampersand and apostrophe")
        << QStringLiteral("R&D's <b>") << QStringLiteral("R&amp;D&apos;s &lt;b&gt;");
}

void TestTemplate::hostileTextIsEscaped() {
    QFETCH(QString, text);
    QFETCH(QString, escaped);
    PageData data = sample(QStringLiteral("en"));
    data.title = text;
    data.summary = text;
    data.byline = text;
    data.datelinePlace = text;
    const QString page = renderPage(data);
    QVERIFY(!page.contains(text) || text == escaped);
    QCOMPARE(page.count(QStringLiteral("<title>") + escaped + QStringLiteral("</title>")), 1);
    QCOMPARE(page.count(QStringLiteral("<meta name=\"description\" content=\"") + escaped +
                        QStringLiteral("\">")),
             1);
    QCOMPARE(page.count(QStringLiteral(">") + escaped + QStringLiteral("</h1>")), 1);
    QCOMPARE(page.count(QStringLiteral("<p class=\"copydesk-summary\">") + escaped +
                        QStringLiteral("</p>")),
             1);
    QCOMPARE(page.count(QStringLiteral("<p class=\"copydesk-byline\">") + escaped +
                        QStringLiteral("</p>")),
             1);
    QCOMPARE(page.count(QStringLiteral("<script")), 0);
    // The body appears once: a title naming {{body}} is not a second body.
    QCOMPARE(page.count(QStringLiteral("<p>Body</p>")), 1);
}

void TestTemplate::emptyFieldsAreLeftOut() {
    const QString page = renderPage(sample(QStringLiteral("en")));
    QVERIFY(!page.contains(QStringLiteral("<p class=\"copydesk-summary\"")));
    QVERIFY(!page.contains(QStringLiteral("<p class=\"copydesk-byline\"")));
    QVERIFY(!page.contains(QStringLiteral("<p class=\"copydesk-dateline\"")));
    QVERIFY(!page.contains(QStringLiteral("name=\"description\"")));
}

void TestTemplate::datelineInTheVersionsLanguage() {
    PageData data = sample(QStringLiteral("fr"));
    data.datelinePlace = QStringLiteral("Genève");
    data.datelineDate = QDate(2026, 3, 14);
    const QString page = renderPage(data);
    QVERIFY2(page.contains(QStringLiteral(
                 "<p class=\"copydesk-dateline\">Genève · <time datetime=\"2026-03-14\">samedi 14 "
                 "mars 2026</time></p>")),
             qPrintable(page));
    data.datelinePlace.clear();
    QVERIFY(renderPage(data).contains(
        QStringLiteral("<p class=\"copydesk-dateline\"><time datetime=\"2026-03-14\">samedi 14 "
                       "mars 2026</time></p>")));
    data.datelinePlace = QStringLiteral("Genève");
    data.datelineDate = {};
    QVERIFY(renderPage(data).contains(QStringLiteral("<p class=\"copydesk-dateline\">Genève</p>")));
}

void TestTemplate::stylesheetInlineOrLinked() {
    PageData data = sample(QStringLiteral("en"));
    QString page = renderPage(data);
    QVERIFY(page.contains(QStringLiteral("<style>\n")));
    QVERIFY(page.contains(QStringLiteral("\"Noto Naskh Arabic\"")));
    QVERIFY(page.contains(QStringLiteral("\"Noto Sans CJK SC\"")));
    QVERIFY(page.contains(QStringLiteral("@media print")));
    QVERIFY(!page.contains(QStringLiteral("<link rel=\"stylesheet\"")));

    data.styleHref = QStringLiteral("../style.css");
    page = renderPage(data);
    QVERIFY(page.contains(QStringLiteral("<link rel=\"stylesheet\" href=\"../style.css\">")));
    QVERIFY(!page.contains(QStringLiteral("<style>")));
}

void TestTemplate::headExtraComesFirst() {
    PageData data = sample(QStringLiteral("en"));
    data.headExtra = QStringLiteral(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">");
    const QString page = renderPage(data);
    QVERIFY(page.contains(QStringLiteral("<head>\n<meta charset=\"utf-8\">\n") + data.headExtra +
                          QStringLiteral("\n<meta name=\"viewport\"")));
}

void TestTemplate::bodyKeepsSourcePositions() {
    PageData data = sample(QStringLiteral("en"));
    data.bodyHtml = renderHtml(QStringLiteral("# Heading\n\nText.\n"));
    const QString page = renderPage(data);
    QVERIFY2(
        page.contains(QStringLiteral("<h1 id=\"heading\" data-sourcepos=\"1:1-1:9\">Heading</h1>\n"
                                     "<p data-sourcepos=\"3:1-3:5\">Text.</p>")),
        qPrintable(page));
}

void TestTemplate::invalidLanguageIsRefused() {
    const auto tmpl = Template::builtIn(Template::Kind::Article);
    QVERIFY(tmpl.ok());
    const auto page = tmpl->render(sample(QStringLiteral("not a tag!")));
    QVERIFY(!page.ok());
    QCOMPARE(page.kind(), ErrorKind::InvalidInput);
}

void TestTemplate::syntaxErrorNamesTemplateAndLine_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("unclosed tag") << QStringLiteral("<p>\n{{title</p>\n")
                                  << QStringLiteral(
                                         "Template custom.mustache, line 2: a tag is not closed");
    QTest::newRow("unclosed section")
        << QStringLiteral("<html>\n<body>\n{{#summary}}\n<p>{{summary}}</p>\n</body>\n")
        << QStringLiteral("Template custom.mustache, line 3: section \"summary\" is never closed");
    QTest::newRow("unopened section")
        << QStringLiteral("one\ntwo\nthree {{/byline}}\n")
        << QStringLiteral("Template custom.mustache, line 3: section \"byline\" is closed but was "
                          "never opened");
    // Delimiters of its own would hide a template's sections from the depth limit.
    QTest::newRow("delimiter change")
        << QStringLiteral("<p>\n{{=<%%>=}}\n")
        << QStringLiteral("Template custom.mustache, line 2: a delimiter change ({{=\u2026 "
                          "\u2026=}}) is not supported here");
}

void TestTemplate::syntaxErrorNamesTemplateAndLine() {
    QFETCH(QString, text);
    QFETCH(QString, message);
    const auto tmpl = Template::fromText(QStringLiteral("custom.mustache"), text);
    QVERIFY(!tmpl.ok());
    QCOMPARE(tmpl.kind(), ErrorKind::InvalidInput);
    QCOMPARE(tmpl.error(), message);
    QVERIFY(!tmpl.error().contains(QLatin1Char('\n')));
}

void TestTemplate::fromArticle() {
    Article article = makeArticle(QStringLiteral("ar"), QStringLiteral("عنوان"));
    article.byline = QStringLiteral("Staff");
    LanguageVersion& version = article.versions.first();
    version.summary = QStringLiteral("ملخص");
    const PageData data = PageData::from(article, version, QStringLiteral("<p>نص</p>"));
    const QString page = renderPage(data);
    QVERIFY(page.contains(QStringLiteral("<html lang=\"ar\" dir=\"rtl\">")));
    QVERIFY(page.contains(QStringLiteral("<title>عنوان</title>")));
    QVERIFY(page.contains(QStringLiteral("<p class=\"copydesk-summary\">ملخص</p>")));
    QVERIFY(page.contains(QStringLiteral("<p class=\"copydesk-byline\">Staff</p>")));
    QVERIFY(page.contains(QStringLiteral("<p>نص</p>")));
}

QTEST_GUILESS_MAIN(TestTemplate)
#include "tst_template.moc"
