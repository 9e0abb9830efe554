#pragma once

// The parts of PreviewView that talk to QtWebEngine: the page (navigation policy), the
// QWebChannel bridge object, the URL scheme handlers and the request filter.

#include <QObject>
#include <QString>
#include <QWebEnginePage>
#include <QWebEngineUrlRequestInterceptor>
#include <QWebEngineUrlSchemeHandler>

namespace copydesk {

class Library;

/// The preview's own scheme: the page (copydesk-preview:/page.html) and the files it
/// links to (the template's style.css, the bridge scripts, the comfort styles).
inline constexpr char kPreviewScheme[] = "copydesk-preview";
/// Images stored in the library, as the Markdown references them: media:NAME.
inline constexpr char kMediaScheme[] = "media";

/// Blocks every navigation but the preview's own loads; a link the user clicks opens
/// in the system browser (http, https, mailto) or nowhere; a link within the page
/// (footnotes) scrolls it.
class PreviewPage final : public QWebEnginePage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreviewPage)

public:
    PreviewPage(QWebEngineProfile* profile, QObject* parent);

protected:
    bool acceptNavigationRequest(const QUrl& url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage* createWindow(WebWindowType type) override;
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString& message,
                                  int line, const QString& source) override;
};

/// The object the page's script sees as `bridge` (QWebChannel). C++ pushes through the
/// signals; the page calls the invokable methods.
class PreviewBridge final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreviewBridge)
    Q_PROPERTY(bool comfortDark READ comfortDark NOTIFY comfortDarkChanged)

public:
    using QObject::QObject;

    bool comfortDark() const { return m_comfortDark; }
    void setComfortDark(bool dark);

    /// From the page: its script is connected.
    Q_INVOKABLE void ready();
    /// From the page: the fragment of `sequence` is in the DOM.
    Q_INVOKABLE void patched(int sequence);
    /// From the page: the user scrolled; `line` starts the block at the top.
    Q_INVOKABLE void scrolled(int line);

Q_SIGNALS:
    /// To the page: replace the body by `html`, patching only changed blocks.
    void fragmentReady(int sequence, const QString& html);
    /// To the page: scroll to the block of `line`, silently.
    void revealRequested(int line);
    void comfortDarkChanged(bool dark);

    void pageReady();
    void pagePatched(int sequence);
    void pageScrolled(int line);

private:
    bool m_comfortDark = false;
};

/// Serves copydesk-preview: URLs: the current page and the preview's resources.
class PreviewPageSchemeHandler final : public QWebEngineUrlSchemeHandler {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreviewPageSchemeHandler)

public:
    using QWebEngineUrlSchemeHandler::QWebEngineUrlSchemeHandler;

    void setPage(const QString& html) { m_page = html.toUtf8(); }
    /// The page's stylesheet: the library's (PageTemplates::style()).
    void setStyle(const QString& css) { m_style = css.toUtf8(); }
    void requestStarted(QWebEngineUrlRequestJob* job) override;

private:
    QByteArray m_page;
    QByteArray m_style;
};

/// Serves media:NAME from the library; only images, so that nothing a library holds can
/// be loaded as a document or a script.
class MediaSchemeHandler final : public QWebEngineUrlSchemeHandler {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MediaSchemeHandler)

public:
    MediaSchemeHandler(Library& library, QObject* parent);
    void requestStarted(QWebEngineUrlRequestJob* job) override;

private:
    Library& m_library;
};

/// Refuses every request whose scheme is not the preview's own, media: or data:,
/// whatever the page says: a second wall behind the Content-Security-Policy.
class PreviewRequestFilter final : public QWebEngineUrlRequestInterceptor {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreviewRequestFilter)

public:
    using QWebEngineUrlRequestInterceptor::QWebEngineUrlRequestInterceptor;
    void interceptRequest(QWebEngineUrlRequestInfo& info) override;
};

} // namespace copydesk
