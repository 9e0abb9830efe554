#pragma once

#include <QFutureWatcher>
#include <QString>
#include <QWidget>

#include "export/template.h"

#include <memory>

class QWebEngineProfile;
class QWebEngineView;
class QWebChannel;

namespace copydesk {

class Library;
struct Article;
class PreviewBridge;
class PreviewPage;
class PreviewPageSchemeHandler;
class MediaSchemeHandler;

/// Registers the URL schemes of the preview (`media:` for the library's images and the
/// preview's own `copydesk-preview:` page). QtWebEngine reads the registrations once,
/// when it starts: call this in main() before the QApplication is constructed.
/// Idempotent.
void registerPreviewSchemes();

/// The live preview of one language version: the page as it will be published (the
/// article template of resources/templates, rendered by app/export), in a
/// QWebEngineView. Each change is rendered off the GUI thread; a result overtaken by a
/// newer change is dropped, and the page is patched in place through a QWebChannel
/// bridge (only the top-level blocks that changed are replaced; scroll position and
/// loaded images stay). Metadata changes (language, title, summary, byline, dateline)
/// reload the page and come back to the same place.
///
/// Security: nothing of the article runs. A Content-Security-Policy allows no script but
/// the preview's own two files, no inline handler, no remote load; navigation is
/// blocked, links open in the system browser (QDesktopServices); `media:NAME` images
/// are served from the library, nothing else is loaded.
class PreviewView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreviewView)

public:
    /// The width of the page, to see how it reads on other screens. The page is laid
    /// out at that width (its responsive CSS applies); the widget may be wider.
    enum class WidthPreset {
        Desktop, ///< the whole width of the widget
        Tablet,  ///< 768 CSS pixels
        Phone,   ///< 390 CSS pixels
    };
    Q_ENUM(WidthPreset)

    /// `library` serves the `media:` images and must outlive the view.
    explicit PreviewView(Library& library, QWidget* parent = nullptr);
    ~PreviewView() override;

    /// Shows `markdown` as the body, in the language `languageTag` (which sets the page's
    /// lang and dir); the title and other metadata stay as last set.
    void setMarkdown(const QString& markdown, const QString& languageTag);
    /// Shows the version of `article` in `language`: its title, summary, byline and
    /// dateline, and its body. Nothing happens when the article has no such version.
    void setArticle(const Article& article, const QString& language);
    /// Shows an empty page: no article is open.
    void clear();
    /// Reads the library's page templates and stylesheet again (they were edited) and
    /// shows the page with them.
    void reloadTemplates();

    /// Scrolls the page so that the block holding the 1-based source line `line` is at
    /// the top (the innermost block whose data-sourcepos covers it, else the next one).
    /// Does not emit sourceLineActivated().
    void revealSourceLine(int line);

    void setWidthPreset(WidthPreset preset);
    WidthPreset widthPreset() const { return m_widthPreset; }

    /// A dark page for reading comfort in the preview only; the exported page and its
    /// stylesheet are not affected.
    void setComfortDark(bool dark);
    bool comfortDark() const { return m_comfortDark; }

    /// The web view, for tests and benchmarks that read the page back.
    QWebEngineView* webView() const { return m_view; }

protected:
    void resizeEvent(QResizeEvent* event) override;

Q_SIGNALS:
    /// The user scrolled the page: `line` is the first source line of the block at the
    /// top of the view (from its data-sourcepos), for the editor to follow. Not emitted
    /// for the scrolling that revealSourceLine() or a patch of the page causes, so that
    /// following the editor's caret never loops back.
    void sourceLineActivated(int line);
    /// The page shows the last text given to setMarkdown()/setArticle().
    void pageUpdated();

private:
    struct Rendered final {
        int sequence = 0;
        QString fragment;
        QString page; ///< empty unless the page is to be reloaded
    };

    void scheduleRender(bool reloadPage);
    void startRender();
    void renderFinished();
    void loadPage(const QString& html);
    void bridgeReady();
    void bridgePatched(int sequence);
    void bridgeScrolled(int line);
    void applyWidthPreset();
    void readTemplates();

    Library& m_library;
    std::unique_ptr<QWebEngineProfile> m_profile;
    PreviewPage* m_page = nullptr;
    QWebEngineView* m_view = nullptr;
    QWebChannel* m_channel = nullptr;
    PreviewBridge* m_bridge = nullptr;
    PreviewPageSchemeHandler* m_pageHandler = nullptr;
    MediaSchemeHandler* m_mediaHandler = nullptr;
    Template m_template;

    PageData m_data;      ///< what to show next (bodyHtml unused)
    PageData m_shownData; ///< the metadata of the page loaded
    QString m_markdown;
    int m_sequence = 0;        ///< of the last change asked for
    int m_pageSequence = 0;    ///< of the text in the page loaded
    int m_shownSequence = 0;   ///< of the text the page shows (after patches)
    bool m_pageLoaded = false; ///< the page is loaded and its bridge connected
    bool m_rendering = false;  ///< a render runs or its result is not handled yet
    bool m_pendingRender = false;
    bool m_pendingReload = false;
    int m_lastTopLine = 1;
    Rendered m_pendingFragment; ///< rendered while the page loaded
    QFutureWatcher<Rendered> m_watcher;

    WidthPreset m_widthPreset = WidthPreset::Desktop;
    bool m_comfortDark = false;
};

} // namespace copydesk
