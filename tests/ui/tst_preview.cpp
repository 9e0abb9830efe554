// The live preview (ui/preview/previewview.h) in a real QtWebEngine: the DOM is read
// back with runJavaScript.
#include "article/article.h"
#include "export/bundle.h"
#include "library/library.h"
#include "preview/previewview.h"

#include <QApplication>
#include <QBuffer>
#include <QDesktopServices>
#include <QFile>
#include <QImage>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEnginePage>
#include <QWebEngineView>

using namespace copydesk;

/// Receives the links that the preview hands to the system browser.
class UrlCatcher final : public QObject {
    Q_OBJECT

public:
    QList<QUrl> urls;

public Q_SLOTS:
    void open(const QUrl& url) { urls.append(url); }
};

class TestPreview final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void showsTheTemplatePage_data();
    void showsTheTemplatePage();
    void patchesOnlyChangedBlocks();
    void insertedBlockKeepsTheOthers();
    void staleRendersAreDropped();
    void revealSourceLineLandsOnTheBlock_data();
    void revealSourceLineLandsOnTheBlock();
    void scrollingReportsTheTopBlock();
    void patchAboveTheViewIsNotReportedAsAScroll();
    void hostileArticleRunsNoScript();
    void injectedHandlerIsRefusedByThePolicy();
    void mediaImageLoadsFromTheLibrary();
    void remoteImageDoesNotLoad();
    void linksOpenInTheSystemBrowser();
    void widthPresets_data();
    void widthPresets();
    void comfortDarkChangesThePreviewOnly();
    void exportedTextIsThePreviewsText_data();
    void exportedTextIsThePreviewsText();

private:
    QVariant js(const QString& script);
    bool waitUpdated();

    QTemporaryDir m_dir;
    std::unique_ptr<Library> m_library;
    std::unique_ptr<PreviewView> m_view;
};

void TestPreview::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    auto library = Library::open(m_dir.filePath(QStringLiteral("preview.copydesk")));
    QVERIFY2(library.ok(), qPrintable(library.error()));
    m_library = std::move(library.value());
}

void TestPreview::init() {
    m_view = std::make_unique<PreviewView>(*m_library);
    m_view->resize(900, 600);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestPreview::cleanup() {
    m_view.reset();
}

namespace {

/// What `script` gives in `page`, waited for.
QVariant runScript(QWebEnginePage* page, const QString& script) {
    QVariant result;
    bool done = false;
    page->runJavaScript(script, [&](const QVariant& value) {
        result = value;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        qWarning("no answer from the page to %s", qPrintable(script));
    return result;
}

} // namespace

QVariant TestPreview::js(const QString& script) {
    return runScript(m_view->webView()->page(), script);
}

bool TestPreview::waitUpdated() {
    QSignalSpy spy(m_view.get(), &PreviewView::pageUpdated);
    return spy.wait(15000);
}

void TestPreview::showsTheTemplatePage_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("dir");
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("ltr");
    QTest::newRow("ar") << QStringLiteral("ar") << QStringLiteral("rtl");
    QTest::newRow("zh-Hans") << QStringLiteral("zh-Hans") << QStringLiteral("ltr");
}

void TestPreview::showsTheTemplatePage() {
    QFETCH(QString, language);
    QFETCH(QString, dir);
    Article article = makeArticle(language, QStringLiteral("<script>window.pwned = 1</script>"));
    article.versions.first().body = QStringLiteral("# Heading\n\nText.\n");
    m_view->setArticle(article, language);
    QVERIFY(waitUpdated());
    QCOMPARE(js(QStringLiteral("document.documentElement.lang")).toString(), language);
    QCOMPARE(js(QStringLiteral("document.documentElement.dir")).toString(), dir);
    QCOMPARE(js(QStringLiteral("document.title")).toString(),
             QStringLiteral("<script>window.pwned = 1</script>"));
    QCOMPARE(js(QStringLiteral("document.querySelector('#copydesk-body h1').outerHTML")).toString(),
             QStringLiteral("<h1 id=\"heading\" data-sourcepos=\"1:1-1:9\">Heading</h1>"));
    QCOMPARE(js(QStringLiteral("typeof window.pwned")).toString(), QStringLiteral("undefined"));
    // The template's own stylesheet applies.
    QVERIFY(js(QStringLiteral("getComputedStyle(document.querySelector('main')).maxWidth"))
                .toString() != QLatin1String("none"));
}

void TestPreview::patchesOnlyChangedBlocks() {
    m_view->setMarkdown(QStringLiteral("# Title\n\nOne.\n\nTwo.\n\nThree.\n"),
                        QStringLiteral("en"));
    QVERIFY(waitUpdated());
    QCOMPARE(js(QStringLiteral("Array.from(document.querySelectorAll('#copydesk-body > *'))"
                               ".map((e, i) => { e.__mark = i; return e.tagName; }).join()"))
                 .toString(),
             QStringLiteral("H1,P,P,P"));

    m_view->setMarkdown(QStringLiteral("# Title\n\nOne.\n\nTwo, changed.\n\nThree.\n"),
                        QStringLiteral("en"));
    QVERIFY(waitUpdated());
    QCOMPARE(js(QStringLiteral("Array.from(document.querySelectorAll('#copydesk-body > *'))"
                               ".map(e => (e.__mark === undefined ? 'new' : e.__mark) + ':' + "
                               "e.textContent).join('|')"))
                 .toString(),
             QStringLiteral("0:Title|1:One.|new:Two, changed.|3:Three."));
}

void TestPreview::insertedBlockKeepsTheOthers() {
    m_view->setMarkdown(QStringLiteral("One.\n\nTwo.\n"), QStringLiteral("en"));
    QVERIFY(waitUpdated());
    js(QStringLiteral(
        "document.querySelectorAll('#copydesk-body > p').forEach((e, i) => e.__mark = i)"));
    m_view->setMarkdown(QStringLiteral("Zero.\n\nOne.\n\nTwo.\n"), QStringLiteral("en"));
    QVERIFY(waitUpdated());
    // The old blocks are the same nodes, moved two lines down.
    QCOMPARE(js(QStringLiteral("Array.from(document.querySelectorAll('#copydesk-body > p'))"
                               ".map(e => (e.__mark === undefined ? 'new' : e.__mark) + '@' + "
                               "e.dataset.sourcepos).join()"))
                 .toString(),
             QStringLiteral("new@1:1-1:5,0@3:1-3:4,1@5:1-5:4"));
}

void TestPreview::staleRendersAreDropped() {
    for (int i = 1; i <= 30; ++i)
        m_view->setMarkdown(QStringLiteral("Version %1.\n").arg(i), QStringLiteral("en"));
    QVERIFY(waitUpdated());
    QCOMPARE(js(QStringLiteral("document.getElementById('copydesk-body').textContent.trim()"))
                 .toString(),
             QStringLiteral("Version 30."));
}

namespace {

/// A list whose items are lines 1-3, then 150 paragraphs, paragraph N on line 2N + 3.
QString longArticle() {
    QString markdown = QStringLiteral("- item one\n- item two\n- item three\n\n");
    for (int i = 1; i <= 150; ++i)
        markdown += QStringLiteral("Paragraph %1 has enough words to take a line or two of the "
                                   "page at this width.\n\n")
                        .arg(i);
    return markdown;
}

} // namespace

void TestPreview::revealSourceLineLandsOnTheBlock_data() {
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("sourcepos");
    QTest::newRow("a paragraph's line") << 101 << QStringLiteral("101:1-101:83");
    QTest::newRow("the blank line before a paragraph") << 120 << QStringLiteral("121:1-121:83");
    QTest::newRow("a list item") << 2 << QStringLiteral("2:1-2:10");
}

void TestPreview::revealSourceLineLandsOnTheBlock() {
    QFETCH(int, line);
    QFETCH(QString, sourcepos);
    m_view->setMarkdown(longArticle(), QStringLiteral("en"));
    QVERIFY(waitUpdated());
    QSignalSpy activated(m_view.get(), &PreviewView::sourceLineActivated);
    m_view->revealSourceLine(line);
    const QString top = QStringLiteral("document.querySelector('[data-sourcepos=\"%1\"]')"
                                       ".getBoundingClientRect().top")
                            .arg(sourcepos);
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(js(top).toDouble()) < 1.0, 5000);
    QVERIFY(js(QStringLiteral("window.scrollY")).toDouble() > 100);
    // The scroll the editor asked for is not reported back as the user's: a user's
    // scroll after it is the first report.
    js(QStringLiteral("window.scrollBy(0, window.innerHeight)"));
    // Not activated.wait(): the report may come while js() waits for the page.
    QTRY_COMPARE_WITH_TIMEOUT(activated.count(), 1, 5000);
    QVERIFY(activated.first().at(0).toInt() > line);
}

void TestPreview::scrollingReportsTheTopBlock() {
    m_view->setMarkdown(longArticle(), QStringLiteral("en"));
    QVERIFY(waitUpdated());
    QSignalSpy activated(m_view.get(), &PreviewView::sourceLineActivated);
    // As the user would: the page scrolls so that paragraph 60 (line 119) is on top.
    js(QStringLiteral("window.scrollTo(0, window.scrollY + document.querySelector("
                      "'[data-sourcepos^=\"119:\"]').getBoundingClientRect().top + 2)"));
    QTRY_VERIFY_WITH_TIMEOUT(!activated.isEmpty(), 5000);
    QCOMPARE(activated.last().at(0).toInt(), 119);
}

void TestPreview::patchAboveTheViewIsNotReportedAsAScroll() {
    const QString markdown = longArticle();
    m_view->setMarkdown(markdown, QStringLiteral("en"));
    QVERIFY(waitUpdated());
    m_view->revealSourceLine(101);
    QTRY_VERIFY(js(QStringLiteral("window.scrollY")).toDouble() > 100);
    QSignalSpy activated(m_view.get(), &PreviewView::sourceLineActivated);
    // Two paragraphs more above the view: the browser keeps the view where it was
    // (scroll anchoring), which is no scroll of the user's.
    m_view->setMarkdown(QStringLiteral("New.\n\nNewer, and long enough to wrap onto a second line "
                                       "of the page at this width, for sure.\n\n") +
                            markdown,
                        QStringLiteral("en"));
    QVERIFY(waitUpdated());
    QTRY_VERIFY(std::abs(js(QStringLiteral("document.querySelector('[data-sourcepos^=\"105:\"]')"
                                           ".getBoundingClientRect().top"))
                             .toDouble()) < 2);
    js(QStringLiteral("window.scrollBy(0, window.innerHeight)"));
    QTRY_VERIFY_WITH_TIMEOUT(!activated.isEmpty(), 5000);
    QVERIFY2(activated.first().at(0).toInt() > 105,
             qPrintable(QString::number(activated.first().at(0).toInt())));
}

void TestPreview::hostileArticleRunsNoScript() {
    m_view->setMarkdown(
        QStringLiteral("<script>window.pwned = 'script'</script>\n\n"
                       "<img src=x onerror=\"window.pwned = 'onerror'\">\n\n"
                       "<div onmouseover=\"window.pwned = 'handler'\">raw</div>\n\n"
                       "[click](javascript:window.pwned='link') "
                       "<a href=\"javascript:window.pwned='raw link'\">raw link</a>\n\n"
                       "<iframe src=\"javascript:parent.pwned='iframe'\"></iframe>\n\n"
                       "<svg><script>window.pwned = 'svg'</script></svg>\n\n"
                       "<style>body { background: url(https://example.com/x) }</style>\n"),
        QStringLiteral("en"));
    QVERIFY(waitUpdated());
    js(QStringLiteral("document.querySelectorAll('#copydesk-body a').forEach(a => a.click())"));
    // Let a handler that would run have its turn (image errors, clicks) before looking.
    QTest::qWait(200);
    QCOMPARE(js(QStringLiteral("typeof window.pwned")).toString(), QStringLiteral("undefined"));
    QCOMPARE(js(QStringLiteral("document.querySelectorAll('#copydesk-body script, #copydesk-body "
                               "iframe, #copydesk-body [onerror]').length"))
                 .toInt(),
             0);
    QVERIFY(m_view->webView()->url().toString().startsWith(
        QLatin1String("copydesk-preview:/page.html")));
}

void TestPreview::injectedHandlerIsRefusedByThePolicy() {
    // Behind the renderer's own escaping, the page's policy: markup with event handlers
    // that reached the DOM anyway still runs nothing.
    m_view->setMarkdown(QStringLiteral("Text.\n"), QStringLiteral("en"));
    QVERIFY(waitUpdated());
    js(QStringLiteral(
        "(() => { document.getElementById('copydesk-body').insertAdjacentHTML('beforeend', "
        "'<img src=\"media:none\" onerror=\"window.pwned = 1\">"
        "<a id=\"j\" href=\"javascript:window.pwned = 2\">j</a>'); "
        "document.getElementById('j').click(); "
        "const s = document.createElement('script'); "
        "s.textContent = 'window.pwned = 3'; document.body.appendChild(s); })()"));
    QTest::qWait(200);
    QCOMPARE(js(QStringLiteral("typeof window.pwned")).toString(), QStringLiteral("undefined"));
}

namespace {

QByteArray png(int width, int height) {
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::red);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

void TestPreview::mediaImageLoadsFromTheLibrary() {
    QVERIFY(
        m_library->addMedia(png(37, 21), QStringLiteral("red dot.png"), QStringLiteral("image/png"))
            .ok());
    m_view->setMarkdown(QStringLiteral("![A red dot](<media:red dot.png>)\n\n"
                                       "![missing](media:nothing.png)\n"),
                        QStringLiteral("en"));
    QVERIFY(waitUpdated());
    QTRY_COMPARE_WITH_TIMEOUT(
        js(QStringLiteral(
               "(() => { const i = document.querySelector('img[alt=\"A red dot\"]'); "
               "return i.complete ? i.naturalWidth + 'x' + i.naturalHeight : 'loading'; })()"))
            .toString(),
        QStringLiteral("37x21"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(
        js(QStringLiteral("(() => { const m = document.querySelector('img[alt=\"missing\"]'); "
                          "return m.complete ? String(m.naturalWidth) : 'loading'; })()"))
            .toString(),
        QStringLiteral("0"), 5000);
}

void TestPreview::remoteImageDoesNotLoad() {
    m_view->setMarkdown(QStringLiteral("![remote](https://example.com/x.png)\n"),
                        QStringLiteral("en"));
    QVERIFY(waitUpdated());
    QTRY_COMPARE_WITH_TIMEOUT(
        js(QStringLiteral("(() => { const i = document.querySelector('img'); "
                          "return i.complete ? String(i.naturalWidth) : 'loading'; })()"))
            .toString(),
        QStringLiteral("0"), 5000);
}

void TestPreview::linksOpenInTheSystemBrowser() {
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &catcher, "open");
    const auto unset =
        qScopeGuard([] { QDesktopServices::unsetUrlHandler(QStringLiteral("https")); });
    m_view->setMarkdown(QStringLiteral("See [the report](https://example.org/report?id=1).\n\n"
                                       "A note.[^1]\n\n[^1]: The note.\n"),
                        QStringLiteral("en"));
    QVERIFY(waitUpdated());
    const QUrl page = m_view->webView()->url();
    js(QStringLiteral("document.querySelector('a[href^=\"https:\"]').click()"));
    QTRY_COMPARE_WITH_TIMEOUT(catcher.urls.size(), 1, 5000);
    QCOMPARE(catcher.urls.first(), QUrl(QStringLiteral("https://example.org/report?id=1")));
    QCOMPARE(m_view->webView()->url(), page);
    // A footnote reference scrolls within the page.
    js(QStringLiteral("document.querySelector('a[href^=\"#fn\"]').click()"));
    QTRY_VERIFY_WITH_TIMEOUT(m_view->webView()->url().hasFragment(), 5000);
    QCOMPARE(m_view->webView()->url().adjusted(QUrl::RemoveFragment), page);
    QCOMPARE(catcher.urls.size(), 1);
}

void TestPreview::widthPresets_data() {
    QTest::addColumn<PreviewView::WidthPreset>("preset");
    QTest::addColumn<int>("width");
    QTest::newRow("desktop") << PreviewView::WidthPreset::Desktop << 900;
    QTest::newRow("tablet") << PreviewView::WidthPreset::Tablet << 768;
    QTest::newRow("phone") << PreviewView::WidthPreset::Phone << 390;
}

void TestPreview::widthPresets() {
    QFETCH(PreviewView::WidthPreset, preset);
    QFETCH(int, width);
    m_view->setMarkdown(QStringLiteral("Text.\n"), QStringLiteral("en"));
    QVERIFY(waitUpdated());
    m_view->setWidthPreset(preset);
    QCOMPARE(m_view->widthPreset(), preset);
    QTRY_COMPARE(m_view->webView()->width(), width);
    QTRY_COMPARE(js(QStringLiteral("window.innerWidth")).toInt(), width);
}

void TestPreview::comfortDarkChangesThePreviewOnly() {
    m_view->setMarkdown(QStringLiteral("Text.\n"), QStringLiteral("en"));
    QVERIFY(waitUpdated());
    const QString background = QStringLiteral("getComputedStyle(document.body).backgroundColor");
    QCOMPARE(js(background).toString(), QStringLiteral("rgb(255, 255, 255)"));
    m_view->setComfortDark(true);
    QVERIFY(m_view->comfortDark());
    QTRY_COMPARE_WITH_TIMEOUT(js(background).toString(), QStringLiteral("rgb(30, 31, 34)"), 5000);
    // A page loaded later (another language) comes up dark at once.
    m_view->setMarkdown(QStringLiteral("نص.\n"), QStringLiteral("ar"));
    QVERIFY(waitUpdated());
    QCOMPARE(js(background).toString(), QStringLiteral("rgb(30, 31, 34)"));
    m_view->setComfortDark(false);
    QTRY_COMPARE_WITH_TIMEOUT(js(background).toString(), QStringLiteral("rgb(255, 255, 255)"),
                              5000);
}

void TestPreview::exportedTextIsThePreviewsText_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("words");
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("Water for the valley")
                        << QStringLiteral("The council *approved* the plan");
    QTest::newRow("fr") << QStringLiteral("fr") << QStringLiteral("De l’eau pour la vallée")
                        << QStringLiteral("Le conseil a « approuvé » le plan");
    QTest::newRow("ar") << QStringLiteral("ar") << QStringLiteral("مياه للوادي")
                        << QStringLiteral("وافق المجلس على **الخطة** (UN-Water)");
    QTest::newRow("zh-Hans") << QStringLiteral("zh-Hans") << QStringLiteral("山谷的水")
                             << QStringLiteral("理事会*批准*了该计划");
}

/// What the reader sees of a version is the same in the preview and in the exported
/// page: the DOM text of the whole body of both, read by the same engine.
void TestPreview::exportedTextIsThePreviewsText() {
    QFETCH(QString, language);
    QFETCH(QString, title);
    QFETCH(QString, words);
    static const QByteArray kPng =
        QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwA"
                               "DhgGAWjR9awAAAABJRU5ErkJggg==");
    if (!m_library->media(QStringLiteral("valley.png")))
        QVERIFY(
            m_library->addMedia(kPng, QStringLiteral("valley.png"), QStringLiteral("image/png")));
    Article article = makeArticle(language, title);
    article.slug = QStringLiteral("valley-") + language.toLower();
    article.byline = QStringLiteral("Ana Pérez");
    article.dateline = {QStringLiteral("Genève"), QDate(2026, 3, 14)};
    article.featuredImage = QStringLiteral("valley.png");
    QVERIFY(m_library->setMediaAltText(QStringLiteral("valley.png"), language,
                                       QStringLiteral("alt: ") + title));
    LanguageVersion& version = article.versions.first();
    version.summary = words + QStringLiteral(" — summary.");
    version.body =
        QStringLiteral("# %1\n\n%2, 1,250 m³ a day.[^1]\n\n"
                       "![%1](media:valley.png)\n\n"
                       "| Year | m³ |\n|---:|:---|\n| 2025 | 1,000 |\n| 2026 | 1,250 |\n\n"
                       "- [x] %2\n- [ ] 2027\n\n"
                       "> %2\n\n```\ncode < stays & as it is\n```\n\n"
                       "See [the plan](https://example.org/plan) and [the note](#fn-1).\n\n"
                       "[^1]: %2.\n")
            .arg(title, words);
    QVERIFY(m_library->save(article));

    m_view->setArticle(article, language);
    QVERIFY(waitUpdated());
    const QString previewText = js(QStringLiteral("document.body.innerText")).toString();
    // The images, the featured one first, by their alternative text.
    const QString imagesScript =
        QStringLiteral("Array.from(document.images).map(i => i.alt).join(' | ')");
    const QString previewImages = js(imagesScript).toString();
    QCOMPARE(previewImages, QStringLiteral("alt: %1 | %1").arg(title));
    QVERIFY2(previewText.contains(title), qPrintable(previewText));

    BundleOptions options;
    const auto bundle = BundleWriter::build(*m_library, article, options);
    QVERIFY2(bundle, qPrintable(bundle.error()));
    const QString path = m_dir.filePath(article.slug + QStringLiteral(".html"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (const BundleFile& f : bundle->files) {
            if (f.path.endsWith(QStringLiteral("/index.html")))
                file.write(f.data);
        }
    }
    QWebEngineView exported;
    exported.resize(900, 600);
    QSignalSpy loaded(&exported, &QWebEngineView::loadFinished);
    exported.load(QUrl::fromLocalFile(path));
    QVERIFY(loaded.wait(15000));
    QVERIFY(loaded.first().first().toBool());
    QCOMPARE(runScript(exported.page(), QStringLiteral("document.body.innerText")).toString(),
             previewText);
    QCOMPARE(runScript(exported.page(), imagesScript).toString(), previewImages);
}

int main(int argc, char* argv[]) {
    // QtWebEngine's sandbox refuses to run as root, which CI is; ctest sets this too
    // (tests/CMakeLists.txt), this is for running the test by hand.
    qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    // The schemes must be known before QtWebEngine starts, as in ui/main.cpp.
    registerPreviewSchemes();
    QApplication app(argc, argv);
    TestPreview test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_preview.moc"
