#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <QStringList>
#include <QUuid>

#include <memory>

class QComboBox;
class QDockWidget;
class QLabel;
class QLineEdit;
class QListWidget;
class QMimeData;
class QStackedWidget;
class QTimer;
class QTreeView;

namespace copydesk {

struct Article;
class ArticleDocument;
class TranslationView;
class ArticleListModel;
class BrowserWidget;
class Autosaver;
class ChecklistPanel;
class ChecksRunner;
class FindBar;
class HistoryPanel;
class IndexCheck;
class Library;
class MarkdownEditor;
class MetadataPanel;
class PreviewView;
class SpellerPool;

/// The writing desk: the library's articles (searchable) in a dock, the editor of one
/// language version in the middle, its outline and its live preview in docks, a status
/// bar with the text's statistics, the version's language and the save state. Edits
/// reach the library through an Autosaver; nothing asks to be saved.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    struct Options final {
        /// Whether the preview dock holds a live PreviewView (QtWebEngine); tests of
        /// the rest of the window leave it out for speed.
        bool preview = true;
        /// Folders with Hunspell dictionaries (empty: the system's).
        QStringList spellingPaths;
    };

    explicit MainWindow(Library& library, QWidget* parent = nullptr);
    MainWindow(Library& library, Options options, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens version `language` (default: the source language, else the first one) of
    /// the article with id (or unique id prefix) or slug `idOrSlug`, with the keyboard
    /// focus in the body. The open version is saved first; when that fails, or the
    /// article cannot be opened (not found, over the size limit), nothing changes and
    /// the error says why.
    Result<void> openArticle(const QString& idOrSlug, const QString& language = {});
    /// Switches the open article to its version `language`.
    Result<void> openVersion(const QString& language);
    /// Opens the article, version and cursor position of the last session, if any.
    void restoreLastArticle();
    /// Creates an article with one version and opens it.
    Result<void> createArticle(const QString& title, const QString& language);
    /// Adds version `language` (a BCP 47 tag) to the open article, as a translation of
    /// the version open now, and opens it.
    Result<void> addLanguageVersion(const QString& language);
    /// Makes revision `revision` of the open article its current state through the
    /// library's restore (one transaction, itself a new revision) and shows it in the
    /// editor as one step that Undo takes back. The edits before are saved first.
    Result<void> restoreRevision(qint64 revision);
    /// Writes the window's layout and the open article, version and cursor to the
    /// user's settings (done on close, which warns when it fails: the articles are in
    /// the library, only the layout would not come back).
    Result<void> saveSettings();
    /// What an import of the File menu did.
    struct ImportReport final {
        QList<QUuid> ids; ///< the articles imported, in order
        /// One translated line each: what the import read otherwise than written (a
        /// pasted web page's chrome, title, date and byline, and the revision that
        /// undoes it), and the safe fixes applied.
        QStringList notes;
    };
    /// Imports the files `paths` as copydesk-cli import does (all or nothing, a pasted
    /// web page's chrome by the library's list) with the safe fixes applied, the
    /// revisions keeping the text as it came in; then opens the first article. The
    /// open version is saved first.
    Result<ImportReport> importFiles(const QStringList& paths);
    /// importFiles() of the pages of the site folder `folder` (a Hugo content/ or a
    /// Jekyll _posts/): translations linked, a page imported before updated.
    Result<ImportReport> importSiteFolder(const QString& folder);
    /// A new article from the clipboard's HTML, else its text, read as the same in an
    /// .html or .txt file would be.
    Result<ImportReport> importClipboard(const QMimeData* data);
    /// Says what an import did, or why nothing was imported, in a message box.
    void showImportReport(const Result<ImportReport>& report);

    /// Shows `reason` in a banner above the editor and makes everything read-only.
    void setReadOnlyReason(const QString& reason);

    ArticleDocument* document() const { return m_document.get(); }
    MarkdownEditor* editor() const { return m_editor; }
    Autosaver* autosaver() const { return m_saver; }
    PreviewView* preview() const;
    HistoryPanel* history() const { return m_history; }
    ChecksRunner* checksRunner() const { return m_checks; }
    ChecklistPanel* checklist() const { return m_checklist; }
    BrowserWidget* browser() const { return m_browser; }
    MetadataPanel* metadata() const { return m_metadata; }
    TranslationView* translationView() const { return m_translation; }
    QDockWidget* translationDock() const { return m_translationDock; }

    /// Shows the library browser in place of the editor (or the editor again).
    /// Opening an article from the browser opens it in the editor.
    void setBrowsing(bool on);
    bool isBrowsing() const;

    /// Focus mode: the editor alone (docks, menu and status bar hidden), the paragraph
    /// being written in full colour. Leaving it brings back the panels as they were.
    void setFocusMode(bool on);
    bool focusMode() const { return m_focusMode; }
    void toggleFullScreen();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    Result<void> saveAndOpen(Article& article, const QString& language);
    void buildLibraryDock();
    void buildCentral();
    void buildDocks();
    void buildMenus();
    void buildStatusBar();
    void createPreview();
    void applyFilter();
    void restoreSettings();
    Result<void> install(std::unique_ptr<ArticleDocument> document);
    void updateLanguages();
    void updateStatistics();
    void updateSaveState();
    void updateTitle();
    void feedPreview(bool whole);
    void showError(const QString& title, const QString& message);
    void flushQuietly();
    void newArticleDialog();
    void newVersionDialog();
    void vocabularyDialog();
    void exportDialog();
    void templatesDialog();
    Result<ImportReport> importInto(const QStringList& paths, const QString& site);
    void importFilesDialog();
    void importFolderDialog();
    void newFromClipboard();
    void saveRevision(bool askName);
    void updateSpellingStatus();
    void buildBrowser();
    void articlesChangedElsewhere(const QList<QUuid>& ids);
    /// Leaves the editor empty, saying `why` in the status bar. The document has no
    /// unsaved edits: its article is gone or in the trash.
    void closeArticle(const QString& why);
    void buildIndexBanner(QWidget* parent);
    void rebuildSearchIndex();

    Library& m_library;
    Options m_options;
    ArticleListModel* m_model = nullptr;
    Autosaver* m_saver = nullptr;
    std::unique_ptr<SpellerPool> m_spellers;
    ChecksRunner* m_checks = nullptr;
    std::unique_ptr<ArticleDocument> m_document;

    QTreeView* m_list = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_count = nullptr;
    QLabel* m_banner = nullptr;
    IndexCheck* m_indexCheck = nullptr;
    QWidget* m_indexBanner = nullptr; ///< says the search index is damaged
    QLabel* m_indexDamage = nullptr;
    QComboBox* m_languages = nullptr;
    QLineEdit* m_title = nullptr;
    MarkdownEditor* m_editor = nullptr;
    FindBar* m_findBar = nullptr;
    QListWidget* m_outline = nullptr;
    QDockWidget* m_libraryDock = nullptr;
    QDockWidget* m_outlineDock = nullptr;
    QDockWidget* m_previewDock = nullptr;
    QDockWidget* m_historyDock = nullptr;
    HistoryPanel* m_history = nullptr;
    QDateTime m_lastSaved;
    QDockWidget* m_checksDock = nullptr;
    QDockWidget* m_translationDock = nullptr;
    TranslationView* m_translation = nullptr;
    ChecklistPanel* m_checklist = nullptr;
    QLabel* m_spelling = nullptr;
    QStackedWidget* m_pages = nullptr;
    BrowserWidget* m_browser = nullptr;
    QAction* m_browseAction = nullptr;
    QDockWidget* m_metadataDock = nullptr;
    MetadataPanel* m_metadata = nullptr;
    QAction* m_focusAction = nullptr;
    QAction* m_fullScreenAction = nullptr;
    bool m_focusMode = false;
    QByteArray m_stateBeforeFocus;         ///< the docks as they were before focus mode
    QByteArray m_stateBeforeBrowsing;      ///< the docks as they were before the browser
    QByteArray m_geometryBeforeFullScreen; ///< saved instead of a full-screen geometry
    QPointer<PreviewView> m_preview;
    QLabel* m_stats = nullptr;
    QLabel* m_languageLabel = nullptr;
    QLabel* m_saveState = nullptr;
    QTimer* m_statsTimer = nullptr;
    QTimer* m_previewTimer = nullptr;
    QList<QAction*> m_writeActions; ///< disabled on a read-only library
    bool m_readOnly = false;
    bool m_syncingScroll = false;
};

} // namespace copydesk
