#include "preview/previewpage_p.h"

#include "library/library.h"

#include <QBuffer>
#include <QDesktopServices>
#include <QFile>
#include <QLoggingCategory>
#include <QWebEngineUrlRequestJob>

namespace copydesk {

namespace {

Q_LOGGING_CATEGORY(lcPreview, "copydesk.preview", QtWarningMsg)

/// Hands `data` to `job`; the buffer is deleted with the job.
void reply(QWebEngineUrlRequestJob* job, const QByteArray& mimeType, const QByteArray& data) {
    auto* buffer = new QBuffer(job);
    buffer->setData(data);
    job->reply(mimeType, buffer);
}

} // namespace

PreviewPage::PreviewPage(QWebEngineProfile* profile, QObject* parent)
    : QWebEnginePage(profile, parent) {}

bool PreviewPage::acceptNavigationRequest(const QUrl& url, NavigationType type, bool isMainFrame) {
    // The preview's own loads (PreviewView::loadPage) come as typed or reload
    // navigations of its own scheme; a click on a link within the page only scrolls.
    if (url.scheme() == QLatin1String(kPreviewScheme)) {
        if (type != NavigationTypeLinkClicked)
            return isMainFrame;
        return url.adjusted(QUrl::RemoveFragment) == this->url().adjusted(QUrl::RemoveFragment);
    }
    if (type == NavigationTypeLinkClicked) {
        static const QStringList kOutside = {QStringLiteral("http"), QStringLiteral("https"),
                                             QStringLiteral("mailto")};
        if (kOutside.contains(url.scheme()))
            QDesktopServices::openUrl(url);
    }
    return false;
}

QWebEnginePage* PreviewPage::createWindow(WebWindowType) {
    return nullptr;
}

void PreviewPage::javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level,
                                           const QString& message, int line,
                                           const QString& source) {
    // Content-Security-Policy refusals land here; QT_LOGGING_RULES=copydesk.preview.debug=true
    // shows them.
    qCDebug(lcPreview) << level << source << line << message;
}

void PreviewBridge::setComfortDark(bool dark) {
    if (m_comfortDark == dark)
        return;
    m_comfortDark = dark;
    Q_EMIT comfortDarkChanged(dark);
}

void PreviewBridge::ready() {
    Q_EMIT pageReady();
}

void PreviewBridge::patched(int sequence) {
    Q_EMIT pagePatched(sequence);
}

void PreviewBridge::scrolled(int line) {
    Q_EMIT pageScrolled(line);
}

void PreviewPageSchemeHandler::requestStarted(QWebEngineUrlRequestJob* job) {
    const QString path = job->requestUrl().path();
    if (path == u"/page.html") {
        reply(job, "text/html;charset=utf-8", m_page);
        return;
    }
    if (path == u"/style.css") {
        reply(job, "text/css", m_style);
        return;
    }
    struct Resource final {
        const char16_t* path;
        const char16_t* file;
        const char* mimeType;
    };
    static constexpr Resource kResources[] = {
        {u"/comfort-light.css", u":/preview/comfort-light.css", "text/css"},
        {u"/comfort-dark.css", u":/preview/comfort-dark.css", "text/css"},
        {u"/preview.js", u":/preview/preview.js", "text/javascript"},
        {u"/qwebchannel.js", u":/qtwebchannel/qwebchannel.js", "text/javascript"},
    };
    for (const Resource& resource : kResources) {
        if (path != resource.path)
            continue;
        QFile file(QString::fromUtf16(resource.file));
        if (!file.open(QIODevice::ReadOnly))
            break;
        reply(job, resource.mimeType, file.readAll());
        return;
    }
    job->fail(QWebEngineUrlRequestJob::UrlNotFound);
}

MediaSchemeHandler::MediaSchemeHandler(Library& library, QObject* parent)
    : QWebEngineUrlSchemeHandler(parent)
    , m_library(library) {}

void MediaSchemeHandler::requestStarted(QWebEngineUrlRequestJob* job) {
    const QString name = job->requestUrl().path(QUrl::FullyDecoded);
    const auto media = m_library.media(name);
    if (!media) {
        job->fail(media.kind() == ErrorKind::NotFound ? QWebEngineUrlRequestJob::UrlNotFound
                                                      : QWebEngineUrlRequestJob::RequestFailed);
        return;
    }
    if (!media->mimeType.startsWith(QLatin1String("image/"))) {
        job->fail(QWebEngineUrlRequestJob::RequestDenied);
        return;
    }
    reply(job, media->mimeType.toLatin1(), media->data);
}

void PreviewRequestFilter::interceptRequest(QWebEngineUrlRequestInfo& info) {
    const QString scheme = info.requestUrl().scheme();
    if (scheme != QLatin1String(kPreviewScheme) && scheme != QLatin1String(kMediaScheme) &&
        scheme != QLatin1String("data"))
        info.block(true);
}

} // namespace copydesk
