#include "preview/previewview.h"

#include "preview/previewpage_p.h"

#include "article/article.h"
#include "export/pagetemplates.h"
#include "library/library.h"
#include "markdown/render.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QQuickWindow>
#include <QUrl>
#include <QUrlQuery>
#include <QWebChannel>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineUrlScheme>
#include <QWebEngineView>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace copydesk {

namespace {

/// What the preview puts first in the template's <head>: the policy, then its own two
/// scripts and the comfort style. Scripts: only the preview's scheme (the bridge and
/// qwebchannel.js), no inline script and no event handler attribute; styles: the
/// preview's stylesheets and style attributes (the code highlighter colours spans with
/// them); images: the library's media: and data: images; nothing else, from nowhere.
QString headExtra(bool comfortDark) {
    return QStringLiteral(
               "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
               "script-src copydesk-preview:; style-src copydesk-preview: 'unsafe-inline'; "
               "img-src media: data:; base-uri 'none'; form-action 'none'\">\n"
               "<link rel=\"stylesheet\" id=\"copydesk-comfort\" "
               "href=\"copydesk-preview:/comfort-") +
           (comfortDark ? QStringLiteral("dark") : QStringLiteral("light")) +
           QStringLiteral(".css\">\n"
                          "<script src=\"copydesk-preview:/qwebchannel.js\"></script>\n"
                          "<script src=\"copydesk-preview:/preview.js\" defer></script>");
}

bool sameHeader(const PageData& a, const PageData& b) {
    return a.language == b.language && a.title == b.title && a.summary == b.summary &&
           a.byline == b.byline && a.datelinePlace == b.datelinePlace &&
           a.datelineDate == b.datelineDate && a.imageSrc == b.imageSrc && a.imageAlt == b.imageAlt;
}

int presetWidth(PreviewView::WidthPreset preset) {
    switch (preset) {
    case PreviewView::WidthPreset::Tablet:
        return 768;
    case PreviewView::WidthPreset::Phone:
        return 390;
    case PreviewView::WidthPreset::Desktop:
        break;
    }
    return QWIDGETSIZE_MAX;
}

} // namespace

void registerPreviewSchemes() {
    static bool registered = false;
    if (registered)
        return;
    registered = true;
    // Local schemes: nothing on the web may load them; the preview's page may load
    // media: because its own scheme is allowed local access. Neither is exempt from the
    // page's Content-Security-Policy.
    QWebEngineUrlScheme page(kPreviewScheme);
    page.setSyntax(QWebEngineUrlScheme::Syntax::Path);
    page.setFlags(QWebEngineUrlScheme::SecureScheme | QWebEngineUrlScheme::LocalScheme |
                  QWebEngineUrlScheme::LocalAccessAllowed);
    QWebEngineUrlScheme::registerScheme(page);
    QWebEngineUrlScheme media(kMediaScheme);
    media.setSyntax(QWebEngineUrlScheme::Syntax::Path);
    media.setFlags(QWebEngineUrlScheme::SecureScheme | QWebEngineUrlScheme::LocalScheme);
    QWebEngineUrlScheme::registerScheme(media);
    // QtWebEngine shares OpenGL contexts with the widgets; it must be said before the
    // application object exists.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    // The page is composited in software (Qt Quick's software renderer; QtWebEngine
    // then runs Chromium without GPU compositing): it shows a document, not an
    // animation, and no OpenGL driver is loaded into the process for it. Where there is
    // no GPU that driver is Mesa's llvmpipe, 43 MB of the window's 269 MB (PSS of all
    // its processes, tests/bench/editor_bench.sh; ghostwriter's was 267 MB in the same
    // run). A QT_QUICK_BACKEND or QSG_RHI_BACKEND the user sets wins.
    if (qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND") &&
        qEnvironmentVariableIsEmpty("QSG_RHI_BACKEND"))
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
}

PreviewView::PreviewView(Library& library, QWidget* parent)
    : QWidget(parent)
    , m_library(library)
    // An off-the-record profile of its own: no cache or cookie on disk, and the scheme
    // handlers installed here serve this view only.
    , m_profile(std::make_unique<QWebEngineProfile>())
    , m_template(Template::builtIn(Template::Kind::Article).value()) {
    m_profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    m_pageHandler = new PreviewPageSchemeHandler(this);
    m_mediaHandler = new MediaSchemeHandler(m_library, this);
    m_profile->installUrlSchemeHandler(kPreviewScheme, m_pageHandler);
    m_profile->installUrlSchemeHandler(kMediaScheme, m_mediaHandler);
    m_profile->setUrlRequestInterceptor(new PreviewRequestFilter(this));

    m_page = new PreviewPage(m_profile.get(), this);
    QWebEngineSettings* settings = m_page->settings();
    settings->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    settings->setAttribute(QWebEngineSettings::JavascriptCanAccessClipboard, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    settings->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    settings->setAttribute(QWebEngineSettings::AutoLoadIconsForPage, false);
    settings->setAttribute(QWebEngineSettings::NavigateOnDropEnabled, false);
    settings->setAttribute(QWebEngineSettings::ErrorPageEnabled, false);

    m_bridge = new PreviewBridge(this);
    m_channel = new QWebChannel(this);
    m_channel->registerObject(QStringLiteral("bridge"), m_bridge);
    m_page->setWebChannel(m_channel);
    connect(m_bridge, &PreviewBridge::pageReady, this, &PreviewView::bridgeReady);
    connect(m_bridge, &PreviewBridge::pagePatched, this, &PreviewView::bridgePatched);
    connect(m_bridge, &PreviewBridge::pageScrolled, this, &PreviewView::bridgeScrolled);

    m_view = new QWebEngineView(this);
    m_view->setPage(m_page);
    m_view->setContextMenuPolicy(Qt::NoContextMenu);
    m_view->setAcceptDrops(false);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    applyWidthPreset();

    connect(&m_watcher, &QFutureWatcher<Rendered>::finished, this, &PreviewView::renderFinished);

    m_data.language = QStringLiteral("en");
    readTemplates();
    scheduleRender(true);
}

void PreviewView::readTemplates() {
    // The library's own templates, checked when they were stored; should the file hold
    // one that no longer parses, the built-in ones show the text all the same.
    auto templates = PageTemplates::of(m_library);
    if (!templates) {
        qWarning("%s", qPrintable(templates.error()));
        templates = PageTemplates::builtIn();
    }
    if (!templates)
        return;
    m_template = templates->page(Template::Kind::Article);
    m_pageHandler->setStyle(templates->style());
}

void PreviewView::reloadTemplates() {
    readTemplates();
    scheduleRender(true);
}

PreviewView::~PreviewView() {
    // The page must go before its profile (QtWebEngine warns otherwise), and a render
    // still running must not report to a view that is gone.
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
    delete m_view;
    delete m_page;
}

void PreviewView::setMarkdown(const QString& markdown, const QString& languageTag) {
    m_markdown = markdown;
    m_data.language = languageTag;
    scheduleRender(!sameHeader(m_data, m_shownData));
}

void PreviewView::setArticle(const Article& article, const QString& language) {
    const LanguageVersion* version = article.version(language);
    if (!version)
        return;
    m_markdown = version->body;
    m_data = PageData::from(article, *version, {});
    if (!article.featuredImage.isEmpty()) {
        // As the export shows it: the library's image with its text in this language.
        m_data.imageSrc = QStringLiteral("media:") +
                          QString::fromUtf8(QUrl::toPercentEncoding(article.featuredImage));
        if (const auto media = m_library.media(article.featuredImage))
            m_data.imageAlt = media->altText.value(m_data.language);
    }
    scheduleRender(!sameHeader(m_data, m_shownData));
}

void PreviewView::clear() {
    m_markdown.clear();
    m_data = PageData{};
    scheduleRender(true);
}

void PreviewView::revealSourceLine(int line) {
    m_lastTopLine = line;
    Q_EMIT m_bridge->revealRequested(line);
}

void PreviewView::setWidthPreset(WidthPreset preset) {
    m_widthPreset = preset;
    applyWidthPreset();
}

void PreviewView::applyWidthPreset() {
    // Narrower presets centre the page in the widget; a widget narrower than the
    // preset shows the page at the widget's width.
    const int margin = std::max(0, (width() - presetWidth(m_widthPreset)) / 2);
    layout()->setContentsMargins(margin, 0, margin, 0);
}

void PreviewView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    applyWidthPreset();
}

void PreviewView::setComfortDark(bool dark) {
    m_comfortDark = dark;
    m_page->setBackgroundColor(dark ? QColor(0x1e, 0x1f, 0x22) : QColor(Qt::white));
    // The page that is loaded switches through the bridge; a page loaded later gets the
    // comfort style in its head.
    m_bridge->setComfortDark(dark);
}

void PreviewView::scheduleRender(bool reloadPage) {
    ++m_sequence;
    m_pendingReload = m_pendingReload || reloadPage;
    // Not m_watcher.isRunning(): a render that is done but whose finished() is still
    // queued counts as running, or setFuture() would drop its result unseen.
    if (m_rendering) {
        // At most one render runs; the newest text waits and overtakes the running one,
        // whose result is then dropped.
        m_pendingRender = true;
        return;
    }
    startRender();
}

void PreviewView::startRender() {
    m_rendering = true;
    m_pendingRender = false;
    const bool reload = m_pendingReload;
    m_pendingReload = false;
    PageData data = m_data;
    if (reload) {
        data.styleHref = QStringLiteral("copydesk-preview:/style.css");
        data.headExtra = headExtra(m_comfortDark);
        m_shownData = m_data;
    }
    const int sequence = m_sequence;
    m_watcher.setFuture(QtConcurrent::run([sequence, markdown = m_markdown, data = std::move(data),
                                           reload, tmpl = m_template]() mutable {
        Rendered rendered;
        rendered.sequence = sequence;
        rendered.fragment = renderHtml(markdown);
        if (reload) {
            data.bodyHtml = rendered.fragment;
            auto page = tmpl.render(data);
            if (!page) {
                // An invalid language tag: the page says so instead of going blank.
                data.language = QStringLiteral("und");
                data.title = page.error();
                page = tmpl.render(data);
            }
            rendered.page = page ? *page : QString();
        }
        return rendered;
    }));
}

void PreviewView::renderFinished() {
    m_rendering = false;
    Rendered rendered = m_watcher.result();
    const bool reload = !rendered.page.isEmpty();
    if (m_pendingRender) {
        // Overtaken: drop this result, but keep its reload for the next one.
        m_pendingReload = m_pendingReload || reload;
        startRender();
        return;
    }
    if (reload) {
        m_pageSequence = rendered.sequence;
        loadPage(rendered.page);
    } else if (m_pageLoaded) {
        Q_EMIT m_bridge->fragmentReady(rendered.sequence, rendered.fragment);
    } else {
        // The page is still loading: it will be patched when its bridge is ready.
        m_pendingFragment = std::move(rendered);
    }
}

void PreviewView::loadPage(const QString& html) {
    m_pageLoaded = false;
    m_pageHandler->setPage(html);
    QUrl url(QStringLiteral("copydesk-preview:/page.html"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("v"), QString::number(m_pageSequence));
    url.setQuery(query);
    m_page->load(url);
}

void PreviewView::bridgeReady() {
    m_pageLoaded = true;
    m_shownSequence = m_pageSequence;
    if (m_lastTopLine > 1)
        Q_EMIT m_bridge->revealRequested(m_lastTopLine);
    if (m_pendingFragment.sequence > m_shownSequence) {
        Q_EMIT m_bridge->fragmentReady(m_pendingFragment.sequence, m_pendingFragment.fragment);
        m_pendingFragment = {};
        return;
    }
    if (m_shownSequence == m_sequence)
        Q_EMIT pageUpdated();
}

void PreviewView::bridgePatched(int sequence) {
    m_shownSequence = sequence;
    if (sequence == m_sequence)
        Q_EMIT pageUpdated();
}

void PreviewView::bridgeScrolled(int line) {
    m_lastTopLine = line;
    Q_EMIT sourceLineActivated(line);
}

} // namespace copydesk
