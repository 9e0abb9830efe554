#include "mainwindow/mainwindow.h"

#include "browser/browserwidget.h"
#include "checks/checklistpanel.h"
#include "checks/checksrunner.h"
#include "common/languagetag.h"
#include "common/setting.h"
#include "document/articledocument.h"
#include "document/autosaver.h"
#include "editor/findbar.h"
#include "editor/markdowneditor.h"
#include "editor/smartpaste.h"
#include "editor/spellchecker.h"
#include "export/exportdialog.h"
#include "export/templatesdialog.h"
#include "history/historypanel.h"
#include "library/library.h"
#include "library/trash.h"
#include "mainwindow/articlelistmodel.h"
#include "mainwindow/indexcheck.h"
#include "markdown/outline.h"
#include "markdown/statistics.h"
#include "metadata/metadatapanel.h"
#include "preview/previewview.h"
#include "spelling/speller.h"
#include "tags/vocabularydialog.h"
#include "translation/memory.h"
#include "translation/segments.h"
#include "translation/translationview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTextBlock>
#include <QTextBoundaryFinder>
#include <QTextDocument>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace copydesk {

namespace {
const Setting<QByteArray> kGeometry("mainwindow/geometry", {});
const Setting<QByteArray> kWindowState("mainwindow/state", {});
const Setting<QByteArray> kListHeader("mainwindow/listHeader", {});
const Setting<QString> kLastArticle("mainwindow/article", {});
const Setting<QString> kLastLanguage("mainwindow/language", {});
const Setting<int> kLastCursor("mainwindow/cursor", 0);

constexpr int kWindowStateVersion = 1;

// "Bold (Ctrl+B)": every command's tooltip names its shortcut.
void addShortcutToTooltip(QAction* action) {
    const QKeySequence key = action->shortcut();
    QString text = action->text();
    text.remove(QLatin1Char('&'));
    text.remove(QStringLiteral("…"));
    if (!key.isEmpty())
        text = QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText));
    action->setToolTip(text);
}

} // namespace

MainWindow::MainWindow(Library& library, QWidget* parent)
    : MainWindow(library, Options{}, parent) {}

MainWindow::MainWindow(Library& library, Options options, QWidget* parent)
    : QMainWindow(parent)
    , m_library(library)
    , m_options(options)
    , m_model(new ArticleListModel(library, this))
    , m_saver(new Autosaver(library, this))
    , m_spellers(options.spellingPaths.isEmpty()
                     ? std::make_unique<SpellerPool>()
                     : std::make_unique<SpellerPool>(options.spellingPaths))
    , m_checks(new ChecksRunner(library, m_spellers.get(), this)) {
    setWindowTitle(tr("%1 — Copydesk").arg(QFileInfo(library.path()).fileName()));
    setDockOptions(AnimatedDocks | AllowTabbedDocks);
    buildLibraryDock();
    buildCentral();
    buildDocks();
    buildStatusBar();
    buildMenus();

    m_statsTimer = new QTimer(this);
    m_statsTimer->setSingleShot(true);
    m_statsTimer->setInterval(250);
    // The language switcher shows each translation's progress, which edits change.
    connect(m_statsTimer, &QTimer::timeout, this, [this] {
        updateStatistics();
        updateLanguages();
    });
    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(30);
    connect(m_previewTimer, &QTimer::timeout, this, [this] { feedPreview(false); });

    connect(m_saver, &Autosaver::stateChanged, this, &MainWindow::updateSaveState);
    connect(m_saver, &Autosaver::saved, this, [this] {
        m_lastSaved = QDateTime::currentDateTime();
        updateSaveState();
        m_history->refresh();
        // What is translated or reviewed in the version edited, as saved, goes into the
        // translation memory (an undone marking never reached it; editing a source adds
        // no translation).
        if (m_document && !m_document->isSource())
            if (const auto stored = translation::storeMemory(
                    m_library,
                    translation::memoryEntriesOf(m_document->article(), m_document->language()));
                !stored)
                statusBar()->showMessage(
                    tr("Not added to the translation memory: %1").arg(stored.error()), 8000);
    });
    // Losing the focus to another application saves at once.
    connect(qApp, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState s) {
        if (s != Qt::ApplicationActive)
            flushQuietly();
    });

    if (library.mode() == Library::Mode::ReadOnly)
        setReadOnlyReason(tr("The library is open read-only."));
    applyFilter();
    restoreSettings();
    updateSaveState();
    if (m_options.preview)
        // After the window shows: QtWebEngine's start is not on the way to typing.
        QTimer::singleShot(0, this, &MainWindow::createPreview);
    // Once the window is up, not on the way to it.
    QTimer::singleShot(1000, m_indexCheck, [this] { m_indexCheck->start(m_library.path()); });
}

MainWindow::~MainWindow() {
    flushQuietly();
    (void)m_saver->setDocument(nullptr);
    // Before the speller pool goes: both wait for the checks they run with it.
    delete m_checks;
    m_checks = nullptr;
    m_editor->setArticleDocument(nullptr);
    m_editor->setSpelling(nullptr, nullptr);
}

PreviewView* MainWindow::preview() const {
    return m_preview;
}

void MainWindow::buildLibraryDock() {
    auto* panel = new QWidget(this);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(4, 4, 4, 4);
    m_search = new QLineEdit(panel);
    m_search->setObjectName(QStringLiteral("librarySearch"));
    m_search->setPlaceholderText(tr("Search titles and text in every language"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search articles"));
    layout->addWidget(m_search);

    m_list = new QTreeView(panel);
    m_list->setObjectName(QStringLiteral("articleList"));
    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setAccessibleName(tr("Articles"));
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(ArticleListModel::TitleColumn, QHeaderView::Stretch);
    // The sidebar is narrow: title and languages say enough; the rest is in the tooltip.
    m_list->setColumnHidden(ArticleListModel::StatusColumn, true);
    m_list->setColumnHidden(ArticleListModel::UpdatedColumn, true);
    layout->addWidget(m_list);
    connect(m_list, &QTreeView::activated, this, [this](const QModelIndex& index) {
        const QString id = index.siblingAtColumn(0)
                               .data(ArticleListModel::ArticleIdRole)
                               .toUuid()
                               .toString(QUuid::WithoutBraces);
        if (const auto opened = openArticle(id); !opened)
            showError(tr("Cannot open article"), opened.error());
    });
    connect(m_list, &QTreeView::clicked, m_list, &QTreeView::activated);

    m_libraryDock = new QDockWidget(tr("Library"), this);
    m_libraryDock->setObjectName(QStringLiteral("libraryDock"));
    m_libraryDock->setWidget(panel);
    addDockWidget(Qt::LeftDockWidgetArea, m_libraryDock);

    // Search as the user types, but not on every keystroke of a fast typist.
    auto* debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, &MainWindow::applyFilter);
}

void MainWindow::buildCentral() {
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_banner = new QLabel(central);
    m_banner->setObjectName(QStringLiteral("readOnlyBanner"));
    m_banner->setWordWrap(true);
    m_banner->setMargin(6);
    m_banner->setAutoFillBackground(true);
    QPalette warning = m_banner->palette();
    warning.setColor(QPalette::Window, QColor(0xff, 0xe8, 0xa3));
    warning.setColor(QPalette::WindowText, QColor(0x3d, 0x2e, 0x00));
    m_banner->setPalette(warning);
    m_banner->hide();
    layout->addWidget(m_banner);
    buildIndexBanner(central);
    layout->addWidget(m_indexBanner);

    auto* header = new QWidget(central);
    auto* headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(6, 4, 6, 4);
    m_title = new QLineEdit(header);
    m_title->setObjectName(QStringLiteral("titleField"));
    m_title->setPlaceholderText(tr("Title"));
    m_title->setAccessibleName(tr("Title of this version"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setFrame(false);
    m_title->installEventFilter(this);
    connect(m_title, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (m_document)
            m_document->setField(ArticleDocument::Field::Title, text);
    });
    headerLayout->addWidget(m_title, 1);
    m_languages = new QComboBox(header);
    m_languages->setObjectName(QStringLiteral("languageSwitcher"));
    m_languages->setAccessibleName(tr("Language version"));
    m_languages->setToolTip(tr("The language versions of this article; the source is marked"));
    m_languages->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_languages, &QComboBox::activated, this, [this](int index) {
        const QString language = m_languages->itemData(index).toString();
        if (!m_document || language == m_document->language())
            return;
        if (const auto opened = openVersion(language); !opened) {
            showError(tr("Cannot open version"), opened.error());
            updateLanguages();
        }
    });
    headerLayout->addWidget(m_languages);
    layout->addWidget(header);

    m_editor = new MarkdownEditor(central);
    m_editor->setObjectName(QStringLiteral("editor"));
    m_editor->setFrameShape(QFrame::NoFrame);
    m_editor->setSpelling(m_spellers.get(), &m_library);
    connect(m_editor, &MarkdownEditor::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(m_editor, &MarkdownEditor::spellingStatusChanged, this,
            &MainWindow::updateSpellingStatus);
    layout->addWidget(m_editor, 1);
    m_findBar = new FindBar(m_editor, central);
    layout->addWidget(m_findBar);
    auto* paste = new SmartPaste(m_library, m_editor);
    m_editor->setSmartPaste(paste);
    connect(paste, &SmartPaste::notesReady, this, [this](const QStringList& notes) {
        statusBar()->showMessage(notes.join(QStringLiteral(" · ")), 15000);
    });
    connect(m_editor, &MarkdownEditor::focusLost, this, &MainWindow::flushQuietly);
    connect(m_editor, &MarkdownEditor::currentLineChanged, this, [this](int line) {
        if (m_preview && !m_syncingScroll)
            m_preview->revealSourceLine(line);
    });
    // The editor and the library browser take turns in the middle of the window.
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(central);
    setCentralWidget(m_pages);
    buildBrowser();
}

void MainWindow::buildBrowser() {
    m_browser = new BrowserWidget(m_library, m_pages);
    m_browser->setObjectName(QStringLiteral("browser"));
    m_pages->addWidget(m_browser);
    connect(m_browser, &BrowserWidget::articleActivated, this, [this](const QUuid& id) {
        if (const auto opened = openArticle(id.toString(QUuid::WithoutBraces)); !opened)
            showError(tr("Cannot open article"), opened.error());
        else
            setBrowsing(false);
    });
    connect(m_browser, &BrowserWidget::articlesChanged, this,
            &MainWindow::articlesChangedElsewhere);
    connect(m_browser, &BrowserWidget::message, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
}

void MainWindow::setBrowsing(bool on) {
    if (on == isBrowsing())
        return;
    if (on) {
        setFocusMode(false);
        // What the editor holds is in the library before the browser reads it.
        flushQuietly();
        m_browser->refresh();
        // The browser takes the editor's place and the room of the panels about the
        // open article's text (the sidebar lists what the browser lists): at 1400
        // pixels its table had 500, and every column but the title was cut. Leaving
        // it brings them back as they were.
        m_stateBeforeBrowsing = saveState(kWindowStateVersion);
        for (QDockWidget* dock :
             {m_libraryDock, m_outlineDock, m_previewDock, m_historyDock, m_checksDock})
            dock->hide();
        m_pages->setCurrentWidget(m_browser);
        m_browser->view()->setFocus();
    } else {
        m_pages->setCurrentIndex(0);
        restoreState(m_stateBeforeBrowsing, kWindowStateVersion);
        m_editor->setFocus();
    }
    if (m_browseAction)
        m_browseAction->setChecked(on);
}

bool MainWindow::isBrowsing() const {
    return m_pages && m_pages->currentWidget() == m_browser;
}

void MainWindow::articlesChangedElsewhere(const QList<QUuid>& ids) {
    applyFilter();
    m_metadata->reloadVocabulary();
    // No ids: the trash was emptied, which may have taken the open article with it.
    if (!m_document || (!ids.isEmpty() && !ids.contains(m_document->articleId())))
        return;
    const QString title = m_document->field(ArticleDocument::Field::Title).simplified();
    const QString name = title.isEmpty() ? m_document->article().slug : title;
    const auto trashed = isInTrash(m_library, m_document->articleId());
    if (!trashed && trashed.kind() == ErrorKind::NotFound) {
        closeArticle(tr("“%1” was removed for good with the trash, and closed.").arg(name));
        return;
    }
    if (ids.isEmpty())
        return;
    if (trashed && *trashed) {
        closeArticle(tr("“%1” is in the trash, and closed: restore it from the library's Trash "
                        "to edit it again.")
                         .arg(name));
        return;
    }
    // The open article changed in the library (a batch operation): the editor takes
    // the library's state, its own unsaved edits having been saved before.
    if (const auto state = m_library.article(m_document->articleId()); state)
        m_document->resetTo(*state);
}

void MainWindow::closeArticle(const QString& why) {
    // Saved before the browser's operation (setBrowsing flushes): nothing is written.
    (void)m_saver->setDocument(nullptr);
    m_editor->setArticleDocument(nullptr);
    m_checks->setDocument(nullptr, m_editor);
    m_metadata->setDocument(nullptr);
    m_history->setDocument(nullptr);
    m_translation->setDocument(nullptr);
    m_document.reset();
    m_title->clear();
    m_title->setReadOnly(true);
    updateLanguages();
    updateTitle();
    updateStatistics();
    updateSaveState();
    if (m_preview)
        m_preview->clear();
    statusBar()->showMessage(why, 10000);
}

void MainWindow::buildDocks() {
    m_outline = new QListWidget(this);
    m_outline->setObjectName(QStringLiteral("outline"));
    m_outline->setAccessibleName(tr("Outline"));
    m_outline->setWordWrap(true);
    connect(m_outline, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        m_editor->goToLine(item->data(Qt::UserRole).toInt());
        m_editor->setFocus();
    });
    connect(m_outline, &QListWidget::itemClicked, m_outline, &QListWidget::itemActivated);
    m_outlineDock = new QDockWidget(tr("Outline"), this);
    m_outlineDock->setObjectName(QStringLiteral("outlineDock"));
    m_outlineDock->setWidget(m_outline);
    addDockWidget(Qt::LeftDockWidgetArea, m_outlineDock);

    m_previewDock = new QDockWidget(tr("Preview"), this);
    m_previewDock->setObjectName(QStringLiteral("previewDock"));
    auto* placeholder = new QLabel(tr("The preview is off."), m_previewDock);
    placeholder->setAlignment(Qt::AlignCenter);
    m_previewDock->setWidget(placeholder);
    addDockWidget(Qt::RightDockWidgetArea, m_previewDock);

    m_checklist = new ChecklistPanel(m_checks, this);
    m_checksDock = new QDockWidget(tr("Checklist"), this);
    m_checksDock->setObjectName(QStringLiteral("checksDock"));
    m_checksDock->setWidget(m_checklist);
    addDockWidget(Qt::RightDockWidgetArea, m_checksDock);
    // Below the preview, not a tab of it: the findings are read beside the page. Split
    // before the history joins the preview as a tab (a tabbed dock cannot be split).
    splitDockWidget(m_previewDock, m_checksDock, Qt::Vertical);
    resizeDocks({m_previewDock, m_checksDock}, {560, 200}, Qt::Vertical);
    connect(m_checklist, &ChecklistPanel::findingOpened, this, [this] { m_editor->setFocus(); });
    connect(m_checklist, &ChecklistPanel::message, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(m_checks, &ChecksRunner::fieldRevealed, this, [this](checks::Field field) {
        if (field == checks::Field::Title) {
            m_title->setFocus();
            m_title->selectAll();
        }
    });

    m_metadata = new MetadataPanel(m_library, this);
    m_metadata->setObjectName(QStringLiteral("metadata"));
    m_metadataDock = new QDockWidget(tr("Metadata"), this);
    m_metadataDock->setObjectName(QStringLiteral("metadataDock"));
    m_metadataDock->setWidget(m_metadata);
    addDockWidget(Qt::LeftDockWidgetArea, m_metadataDock);
    tabifyDockWidget(m_outlineDock, m_metadataDock);
    m_outlineDock->raise();
    // A status change reaches the library at once: the next one is judged from it.
    connect(m_metadata, &MetadataPanel::saveRequested, this, &MainWindow::flushQuietly);
    connect(m_metadata, &MetadataPanel::message, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });

    m_history = new HistoryPanel(m_library, this);
    m_history->setObjectName(QStringLiteral("history"));
    connect(m_history, &HistoryPanel::restoreRequested, this, [this](qint64 revision) {
        if (const auto restored = restoreRevision(revision); !restored)
            showError(tr("Cannot restore revision"), restored.error());
    });
    m_historyDock = new QDockWidget(tr("History"), this);
    m_historyDock->setObjectName(QStringLiteral("historyDock"));
    m_historyDock->setWidget(m_history);
    addDockWidget(Qt::RightDockWidgetArea, m_historyDock);
    tabifyDockWidget(m_previewDock, m_historyDock);

    m_translation = new TranslationView(m_library, this);
    m_translation->setObjectName(QStringLiteral("translation"));
    connect(m_translation, &TranslationView::message, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    m_translationDock = new QDockWidget(tr("Side by Side"), this);
    m_translationDock->setObjectName(QStringLiteral("translationDock"));
    m_translationDock->setWidget(m_translation);
    addDockWidget(Qt::RightDockWidgetArea, m_translationDock);
    tabifyDockWidget(m_previewDock, m_translationDock);
    m_translationDock->toggleViewAction()->setShortcut(QKeySequence(tr("F9")));
    // Two columns of text need room: shown, the view takes half the window.
    connect(m_translationDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && !m_translationDock->isFloating())
            resizeDocks({m_translationDock}, {std::max(width() / 2, 560)}, Qt::Horizontal);
    });
    m_previewDock->raise();
    resizeDocks({m_libraryDock, m_previewDock}, {260, 480}, Qt::Horizontal);
}

void MainWindow::createPreview() {
    auto* preview = new PreviewView(m_library, m_previewDock);
    m_preview = preview;
    m_previewDock->setWidget(preview);
    connect(preview, &PreviewView::sourceLineActivated, this, [this](int line) {
        m_syncingScroll = true;
        m_editor->scrollToLine(line);
        m_syncingScroll = false;
    });
    feedPreview(true);
}

void MainWindow::buildStatusBar() {
    m_count = new QLabel(this);
    statusBar()->addWidget(m_count);
    m_stats = new QLabel(this);
    m_stats->setObjectName(QStringLiteral("statistics"));
    m_languageLabel = new QLabel(this);
    m_languageLabel->setObjectName(QStringLiteral("versionLanguage"));
    m_saveState = new QLabel(this);
    m_saveState->setObjectName(QStringLiteral("saveState"));
    m_spelling = new QLabel(this);
    m_spelling->setObjectName(QStringLiteral("spellingStatus"));
    statusBar()->addPermanentWidget(m_stats);
    statusBar()->addPermanentWidget(m_languageLabel);
    statusBar()->addPermanentWidget(m_spelling);
    statusBar()->addPermanentWidget(m_saveState);
}

void MainWindow::buildMenus() {
    auto add = [this](QMenu* menu, const QString& text, auto slot,
                      const QKeySequence& key = {}) -> QAction* {
        QAction* action = menu->addAction(text);
        connect(action, &QAction::triggered, this, slot);
        action->setShortcut(key);
        addShortcutToTooltip(action);
        return action;
    };
    auto* file = menuBar()->addMenu(tr("&File"));
    m_writeActions << add(file, tr("&New Article…"), &MainWindow::newArticleDialog,
                          QKeySequence::New);
    m_writeActions << add(file, tr("New &Language Version…"), &MainWindow::newVersionDialog,
                          QKeySequence(tr("Ctrl+Shift+N")));
    m_writeActions << add(file, tr("New Article from &Clipboard"), &MainWindow::newFromClipboard,
                          QKeySequence(tr("Ctrl+Alt+V")));
    // Not Ctrl+I: that is Italic.
    m_writeActions << add(file, tr("&Import Files…"), &MainWindow::importFilesDialog,
                          QKeySequence(tr("Ctrl+Shift+O")));
    m_writeActions << add(file, tr("Import Site &Folder…"), &MainWindow::importFolderDialog);
    // An export records a revision: not in a library open read-only.
    m_writeActions << add(file, tr("&Export…"), &MainWindow::exportDialog,
                          QKeySequence(tr("Ctrl+E")));
    m_writeActions << add(file, tr("Page Te&mplates…"), &MainWindow::templatesDialog);
    file->addSeparator();
    m_writeActions << add(file, tr("&Tags and Categories…"), &MainWindow::vocabularyDialog,
                          QKeySequence(tr("Ctrl+Shift+T")));
    file->addSeparator();
    m_writeActions << add(
        file, tr("&Save Revision"), [this] { saveRevision(false); }, QKeySequence::Save);
    m_writeActions << add(
        file, tr("Save Revision &As…"), [this] { saveRevision(true); }, QKeySequence::SaveAs);
    file->addSeparator();
    add(file, tr("&Quit"), &QWidget::close, QKeySequence::Quit);

    auto* edit = menuBar()->addMenu(tr("&Edit"));
    // One Undo for both: the title field's steps are on the metadata stack, the body's
    // in its text document.
    auto titleFocused = [this] {
        return m_document && (m_title->hasFocus() || m_metadata->isAncestorOf(focusWidget()));
    };
    add(
        edit, tr("&Undo"),
        [this, titleFocused] {
            titleFocused() ? m_document->metadataUndo()->undo() : m_editor->undo();
        },
        QKeySequence::Undo);
    add(
        edit, tr("&Redo"),
        [this, titleFocused] {
            titleFocused() ? m_document->metadataUndo()->redo() : m_editor->redo();
        },
        QKeySequence::Redo);
    edit->addSeparator();
    add(
        edit, tr("Cu&t"), [this] { m_editor->cut(); }, QKeySequence::Cut);
    add(
        edit, tr("&Copy"), [this] { m_editor->copy(); }, QKeySequence::Copy);
    add(
        edit, tr("&Paste"), [this] { m_editor->paste(); }, QKeySequence::Paste);
    add(
        edit, tr("Select &All"), [this] { m_editor->selectAll(); }, QKeySequence::SelectAll);
    edit->addSeparator();
    add(
        edit, tr("&Find…"), [this] { m_findBar->showFind(); }, QKeySequence::Find);
    add(
        edit, tr("Find &Next"), [this] { m_findBar->findNext(); }, QKeySequence::FindNext);
    add(
        edit, tr("Find Pre&vious"), [this] { m_findBar->findPrevious(); },
        QKeySequence::FindPrevious);
    add(
        edit, tr("R&eplace…"), [this] { m_findBar->showReplace(); }, QKeySequence::Replace);
    add(
        edit, tr("Find &Articles"),
        [this] {
            m_libraryDock->show();
            m_search->setFocus();
            m_search->selectAll();
        },
        QKeySequence(tr("Ctrl+Shift+F")));

    auto* format = menuBar()->addMenu(tr("F&ormat"));
    add(
        format, tr("&Bold"), [this] { m_editor->toggleBold(); }, QKeySequence::Bold);
    add(
        format, tr("&Italic"), [this] { m_editor->toggleItalic(); }, QKeySequence::Italic);
    add(
        format, tr("&Code"), [this] { m_editor->toggleCode(); }, QKeySequence(tr("Ctrl+`")));
    add(
        format, tr("&Link"), [this] { m_editor->insertLink(); }, QKeySequence(tr("Ctrl+K")));
    format->addSeparator();
    for (int level = 1; level <= 6; ++level)
        add(
            format, tr("Heading &%1").arg(level),
            [this, level] { m_editor->setHeadingLevel(level); },
            QKeySequence(tr("Ctrl+%1").arg(level)));
    add(
        format, tr("&Paragraph"), [this] { m_editor->setHeadingLevel(0); },
        QKeySequence(tr("Ctrl+0")));
    format->addSeparator();
    add(
        format, tr("Bulleted &List"), [this] { m_editor->toggleBulletList(); },
        QKeySequence(tr("Ctrl+Shift+8")));
    add(
        format, tr("&Numbered List"), [this] { m_editor->toggleNumberedList(); },
        QKeySequence(tr("Ctrl+Shift+7")));
    add(
        format, tr("&Quote"), [this] { m_editor->toggleQuote(); },
        QKeySequence(tr("Ctrl+Shift+.")));

    auto* view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock : {m_libraryDock, m_outlineDock, m_metadataDock, m_previewDock,
                              m_historyDock, m_checksDock, m_translationDock}) {
        QAction* toggle = dock->toggleViewAction();
        view->addAction(toggle);
        addShortcutToTooltip(toggle);
    }
    view->addSeparator();
    m_browseAction = add(
        view, tr("Library &Browser"), [this] { setBrowsing(!isBrowsing()); },
        QKeySequence(tr("Ctrl+Shift+L")));
    m_browseAction->setCheckable(true);
    m_focusAction = add(
        view, tr("F&ocus Mode"), [this] { setFocusMode(!m_focusMode); }, QKeySequence(tr("F8")));
    m_focusAction->setCheckable(true);
    m_fullScreenAction =
        add(view, tr("&Full Screen"), &MainWindow::toggleFullScreen, QKeySequence::FullScreen);
    m_fullScreenAction->setCheckable(true);

    auto* help = menuBar()->addMenu(tr("&Help"));
    // The window holds every command too, so that their shortcuts work while focus
    // mode hides the menu bar.
    for (QAction* menu : menuBar()->actions())
        if (menu->menu())
            addActions(menu->menu()->actions());
    add(help, tr("&About Copydesk"), [this] {
        QMessageBox::about(this, tr("About Copydesk"),
                           tr("Copydesk: write, translate and publish news articles."));
    });
}

void MainWindow::applyFilter() {
    ListFilter filter;
    filter.text = m_search->text().trimmed();
    if (const auto loaded = m_model->reload(filter); !loaded) {
        // An empty list would pass for "nothing found".
        m_count->setText(loaded.error());
        return;
    }
    // The list holds one page; say so rather than pass it off as the library's size.
    const int rows = m_model->rowCount();
    m_count->setText(rows == filter.limit ? tr("First %n articles", nullptr, rows)
                                          : tr("%n article(s)", nullptr, rows));
}

void MainWindow::restoreSettings() {
    if (!restoreGeometry(kGeometry.value()))
        resize(1280, 800);
    restoreState(kWindowState.value(), kWindowStateVersion);
    m_list->header()->restoreState(kListHeader.value());
}

Result<void> MainWindow::saveSettings() {
    QSettings settings;
    // The next start opens a normal window with its panels: full screen, focus mode
    // and the browser's room are for this session.
    kGeometry.setValue(isFullScreen() ? m_geometryBeforeFullScreen : saveGeometry(), settings);
    kWindowState.setValue(m_focusMode    ? m_stateBeforeFocus
                          : isBrowsing() ? m_stateBeforeBrowsing
                                         : saveState(kWindowStateVersion),
                          settings);
    kListHeader.setValue(m_list->header()->saveState(), settings);
    if (m_document) {
        kLastArticle.setValue(m_document->articleId().toString(QUuid::WithoutBraces), settings);
        kLastLanguage.setValue(m_document->language(), settings);
        kLastCursor.setValue(m_editor->textCursor().position(), settings);
    }
    return copydesk::saveSettings(settings);
}

void MainWindow::restoreLastArticle() {
    const QString id = kLastArticle.value();
    if (id.isEmpty())
        return;
    const int cursor = kLastCursor.value();
    // An article removed since is not an error worth a dialog at start.
    if (!openArticle(id, kLastLanguage.value()) && !openArticle(id))
        return;
    QTextCursor c = m_editor->textCursor();
    c.setPosition(std::clamp(cursor, 0, m_document->body()->characterCount() - 1));
    m_editor->setTextCursor(c);
    m_editor->centerCursor();
}

Result<void> MainWindow::openArticle(const QString& idOrSlug, const QString& language) {
    auto article = m_library.findArticle(idOrSlug);
    if (!article)
        return article.failure();
    QString lang = language;
    if (lang.isEmpty()) {
        const LanguageVersion* primary = article->primaryVersion();
        if (!primary)
            return Error{tr("article '%1' has no language version").arg(article->slug),
                         ErrorKind::NotFound};
        lang = primary->language;
    }
    auto document = ArticleDocument::open(*article, lang);
    if (!document)
        return document.failure();
    return install(std::move(*document));
}

Result<void> MainWindow::openVersion(const QString& language) {
    if (!m_document)
        return Error{tr("no article is open"), ErrorKind::NotFound};
    // From the library, after saving this version: the new one sees every edit.
    if (const auto flushed = m_saver->flush(); !flushed)
        return flushed;
    return openArticle(m_document->articleId().toString(QUuid::WithoutBraces), language);
}

Result<void> MainWindow::install(std::unique_ptr<ArticleDocument> document) {
    m_translation->commitPendingEdit(); // a segment being typed belongs to the version left
    // The version left is saved first; if that fails it stays open, with its text.
    if (const auto saved = m_saver->setDocument(document.get()); !saved) {
        (void)m_saver->setDocument(m_document.get());
        return saved;
    }
    m_editor->setArticleDocument(document.get());
    m_checks->setDocument(document.get(), m_editor);
    m_document = std::move(document);
    m_document->setSlugResolver([this, id = m_document->articleId()](const QString& base) {
        const auto unique = m_library.uniqueSlug(base, id);
        return unique ? *unique : base;
    });
    m_metadata->setDocument(m_document.get());
    m_metadata->setReadOnly(m_readOnly);
    m_editor->setReadOnly(m_readOnly);
    m_title->setReadOnly(m_readOnly);
    m_title->setText(m_document->field(ArticleDocument::Field::Title));
    m_title->setCursorPosition(0);
    m_title->setLayoutDirection(m_document->textDirection());
    m_outline->setLayoutDirection(m_document->textDirection());
    connect(m_document.get(), &ArticleDocument::edited, this, [this] {
        m_statsTimer->start();
        m_previewTimer->start();
    });
    connect(m_document.get(), &ArticleDocument::fieldChanged, this,
            [this](ArticleDocument::Field field) {
                if (field != ArticleDocument::Field::Title)
                    return;
                const QString title = m_document->field(field);
                if (m_title->text() != title)
                    m_title->setText(title);
                updateTitle();
                feedPreview(true);
            });
    m_lastSaved = {};
    m_history->setDocument(m_document.get());
    m_translation->setDocument(m_document.get());
    updateLanguages();
    updateTitle();
    updateStatistics();
    updateSaveState();
    feedPreview(true);
    m_editor->setFocus();
    return {};
}

Result<void> MainWindow::restoreRevision(qint64 revision) {
    if (!m_document || m_readOnly)
        return Error{tr("no article is open for writing"), ErrorKind::NotFound};
    const auto snapshot = m_library.articleAtRevision(revision);
    if (!snapshot)
        return snapshot.failure();
    if (snapshot->id != m_document->articleId() || !snapshot->version(m_document->language()))
        return Error{tr("revision %1 has no '%2' version of this article")
                         .arg(revision)
                         .arg(m_document->language()),
                     ErrorKind::NotFound};
    // What is on screen is in the library (as an autosave) before the restore.
    if (const auto flushed = m_saver->flush(); !flushed)
        return flushed;
    const auto restored = m_library.restore(revision);
    if (!restored)
        return restored.failure();
    const auto state = m_library.article(m_document->articleId());
    if (!state)
        return state.failure();
    m_document->resetTo(*state);
    m_lastSaved = QDateTime::currentDateTime();
    m_history->refresh();
    updateLanguages();
    updateStatistics();
    updateSaveState();
    feedPreview(true);
    statusBar()->showMessage(
        tr("Revision %1 restored as revision %2; Undo brings back the text before")
            .arg(revision)
            .arg(*restored),
        6000);
    return {};
}

void MainWindow::updateLanguages() {
    m_languages->clear();
    if (!m_document)
        return;
    const Article article = m_document->article();
    for (const LanguageVersion& v : article.versions) {
        QString label = languageDisplayName(v.language);
        if (const LanguageVersion* source = translation::sourceVersion(article, v)) {
            // "fr 92%, 3 outdated": how far the translation is, beside its name.
            const translation::Progress p = translation::progressOf(translation::align(*source, v));
            label = p.outdated ? tr("%1 — %2%, %n outdated", nullptr, p.outdated)
                                     .arg(label)
                                     .arg(p.percentDone())
                               : tr("%1 — %2%").arg(label).arg(p.percentDone());
        } else if (v.language == article.sourceLanguage) {
            label = tr("%1 — source").arg(label);
        }
        m_languages->addItem(label, v.language);
    }
    m_languages->setCurrentIndex(m_languages->findData(m_document->language()));
}

void MainWindow::updateStatistics() {
    m_outline->clear();
    if (!m_document) {
        m_stats->clear();
        m_languageLabel->clear();
        return;
    }
    const QString text = m_document->bodyText();
    const TextStatistics stats = statistics(text, m_document->language());
    const int minutes = std::max(1, (stats.readingSeconds + 30) / 60);
    // Numbers about the version are written in its locale's digits, as the history's
    // times are: Arabic-Indic in an Arabic version, whatever the interface's language.
    const QLocale locale(m_document->language());
    m_stats->setText(
        tr("%1 word(s)", nullptr, stats.words).arg(locale.toString(stats.words)) +
        QStringLiteral(" · ") +
        tr("%1 character(s)", nullptr, stats.characters).arg(locale.toString(stats.characters)) +
        QStringLiteral(" · ") + tr("%1 min read", nullptr, minutes).arg(locale.toString(minutes)));
    m_languageLabel->setText(m_document->isSource()
                                 ? tr("%1, source").arg(languageDisplayName(m_document->language()))
                                 : languageDisplayName(m_document->language()));
    for (const Heading& h : outline(text)) {
        auto* item =
            new QListWidgetItem(QString(2 * (h.level - 1), QLatin1Char(' ')) + h.text, m_outline);
        item->setData(Qt::UserRole, h.line);
        QFont font = item->font();
        font.setBold(h.level <= 2);
        item->setFont(font);
    }
}

void MainWindow::updateSaveState() {
    switch (m_saver->state()) {
    case Autosaver::State::Saved:
        // The time of the last save, in the version's locale (its digits).
        m_saveState->setText(m_lastSaved.isValid() && m_document
                                 ? tr("Saved at %1")
                                       .arg(QLocale(m_document->language())
                                                .toString(m_lastSaved.time(), QLocale::ShortFormat))
                                 : tr("Saved"));
        m_saveState->setToolTip(tr("Every edit is in the library"));
        break;
    case Autosaver::State::Pending:
        m_saveState->setText(tr("Saving…"));
        m_saveState->setToolTip(tr("Edits are saved within two seconds"));
        break;
    case Autosaver::State::Failed:
        m_saveState->setText(m_saver->error());
        m_saveState->setToolTip(
            tr("Not saved; the text is kept and saving is retried: %1").arg(m_saver->error()));
        break;
    case Autosaver::State::ReadOnly:
        m_saveState->setText(tr("Read-only"));
        m_saveState->setToolTip(m_banner->text());
        break;
    }
}

void MainWindow::updateTitle() {
    const QString library = QFileInfo(m_library.path()).fileName();
    if (!m_document) {
        setWindowTitle(tr("%1 — Copydesk").arg(library));
        return;
    }
    QString title = m_document->field(ArticleDocument::Field::Title).simplified();
    if (title.isEmpty())
        title = tr("Untitled");
    // A long headline would push the language and the application off the title bar:
    // cut at a grapheme boundary. Isolated (FSI…PDI), an Arabic title does not turn the
    // whole bar right-to-left and reorder its parts.
    constexpr int kMaxTitleGraphemes = 60;
    QTextBoundaryFinder graphemes(QTextBoundaryFinder::Grapheme, title);
    int count = 0;
    while (graphemes.toNextBoundary() >= 0 && ++count < kMaxTitleGraphemes) {
    }
    if (graphemes.position() >= 0 && graphemes.position() < title.size())
        title = title.left(graphemes.position()).trimmed() + QStringLiteral("…");
    title = QChar(0x2068) + title + QChar(0x2069);
    setWindowTitle(tr("%1 [%2] — %3 — Copydesk").arg(title, m_document->language(), library));
}

void MainWindow::feedPreview(bool whole) {
    if (!m_preview || !m_document)
        return;
    m_previewTimer->stop();
    if (whole)
        m_preview->setArticle(m_document->article(), m_document->language());
    else
        m_preview->setMarkdown(m_document->bodyText(), m_document->language());
}

void MainWindow::buildIndexBanner(QWidget* parent) {
    m_indexBanner = new QWidget(parent);
    m_indexBanner->setObjectName(QStringLiteral("indexBanner"));
    m_indexBanner->setAutoFillBackground(true);
    m_indexBanner->setPalette(m_banner->palette());
    auto* row = new QHBoxLayout(m_indexBanner);
    row->setContentsMargins(6, 2, 6, 2);
    m_indexDamage = new QLabel(m_indexBanner);
    m_indexDamage->setWordWrap(true);
    m_indexDamage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(m_indexDamage, 1);
    auto* rebuild = new QPushButton(tr("Rebuild the Search Index"), m_indexBanner);
    rebuild->setObjectName(QStringLiteral("rebuildIndex"));
    rebuild->setToolTip(tr("Index every article again; the articles themselves are intact"));
    connect(rebuild, &QPushButton::clicked, this, &MainWindow::rebuildSearchIndex);
    row->addWidget(rebuild);
    m_indexBanner->hide();
    m_indexCheck = new IndexCheck(this);
    connect(m_indexCheck, &IndexCheck::finished, this, [this, rebuild](const QString& damage) {
        if (damage.isEmpty()) {
            m_indexBanner->hide();
            return;
        }
        const bool writable = m_library.mode() == Library::Mode::ReadWrite;
        m_indexDamage->setText(
            writable ? tr("Searches may miss articles: %1").arg(damage)
                     : tr("Searches may miss articles: %1. Once no other Copydesk has the "
                          "library open, run copydesk-cli repair.")
                           .arg(damage));
        rebuild->setVisible(writable);
        m_indexBanner->show();
    });
}

void MainWindow::rebuildSearchIndex() {
    flushQuietly();
    statusBar()->showMessage(tr("Rebuilding the search index…"));
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const auto rebuilt = m_library.rebuildSearchIndex();
    QApplication::restoreOverrideCursor();
    if (!rebuilt) {
        statusBar()->clearMessage();
        showError(tr("Cannot rebuild the search index"), rebuilt.error());
        return;
    }
    m_indexBanner->hide();
    statusBar()->showMessage(tr("The search index was rebuilt from the articles."), 5000);
    applyFilter();
    m_indexCheck->start(m_library.path()); // to be sure
}

void MainWindow::setReadOnlyReason(const QString& reason) {
    m_readOnly = true;
    m_banner->setText(reason);
    m_banner->show();
    m_editor->setReadOnly(true);
    m_title->setReadOnly(true);
    m_metadata->setReadOnly(true);
    for (QAction* action : std::as_const(m_writeActions))
        action->setEnabled(false);
    updateSaveState();
}

void MainWindow::showError(const QString& title, const QString& message) {
    QMessageBox::warning(this, title, message);
}

void MainWindow::flushQuietly() {
    // A failure shows in the status bar (the save state) and is retried.
    (void)m_saver->flush();
}

/// Saves a new article or version and opens `language` of it in the editor.
Result<void> MainWindow::saveAndOpen(Article& article, const QString& language) {
    if (const auto revision = m_library.save(article); !revision)
        return revision.failure();
    applyFilter();
    return openArticle(article.id.toString(QUuid::WithoutBraces), language);
}

Result<void> MainWindow::createArticle(const QString& title, const QString& language) {
    const auto tag = canonicalLanguageTag(language);
    if (!tag)
        return tag.failure();
    if (const auto flushed = m_saver->flush(); !flushed)
        return flushed;
    Article article = makeArticle(*tag, title);
    article.sourceLanguage = *tag;
    return saveAndOpen(article, *tag);
}

Result<void> MainWindow::addLanguageVersion(const QString& language) {
    if (!m_document)
        return Error{tr("no article is open"), ErrorKind::NotFound};
    const auto tag = canonicalLanguageTag(language);
    if (!tag)
        return tag.failure();
    if (const auto flushed = m_saver->flush(); !flushed)
        return flushed;
    Article article = m_document->article();
    if (article.version(*tag))
        return Error{tr("article '%1' has a '%2' version already").arg(article.slug, *tag),
                     ErrorKind::Conflict};
    LanguageVersion version;
    version.language = *tag;
    version.translatedFrom = m_document->language();
    article.versions.append(version);
    return saveAndOpen(article, *tag);
}

void MainWindow::newArticleDialog() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("New Article"));
    auto* form = new QFormLayout(&dialog);
    auto* title = new QLineEdit(&dialog);
    auto* language =
        new QLineEdit(m_document ? m_document->language() : QLocale().bcp47Name(), &dialog);
    language->setToolTip(tr("A BCP 47 language tag: en, fr, es, ar, zh-Hans, ru…"));
    form->addRow(tr("&Title:"), title);
    form->addRow(tr("&Language:"), language);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const auto created = createArticle(title->text().trimmed(), language->text().trimmed());
        !created)
        showError(tr("Cannot create article"), created.error());
}

void MainWindow::vocabularyDialog() {
    // The editor's edits are in the library before terms move on its articles.
    if (const auto flushed = m_saver->flush(); !flushed) {
        showError(tr("Not saved"), flushed.error());
        return;
    }
    VocabularyDialog dialog(m_library, this);
    connect(&dialog, &VocabularyDialog::vocabularyChanged, this, [this] {
        articlesChangedElsewhere(m_document ? QList<QUuid>{m_document->articleId()}
                                            : QList<QUuid>{});
    });
    dialog.exec();
    if (isBrowsing())
        m_browser->refresh();
}

void MainWindow::exportDialog() {
    // What the editor holds is what is exported.
    if (const auto flushed = m_saver->flush(); !flushed) {
        showError(tr("Not saved"), flushed.error());
        return;
    }
    const QList<QUuid> selection = isBrowsing() ? m_browser->selectedArticles() : QList<QUuid>{};
    ExportDialog dialog(m_library, m_document ? m_document->articleId() : QUuid(), selection, this);
    connect(&dialog, &ExportDialog::exported, this, [this](const QList<QUuid>& ids) {
        if (m_document && ids.contains(m_document->articleId()))
            m_history->refresh();
    });
    dialog.exec();
    if (isBrowsing())
        m_browser->refresh();
}

void MainWindow::templatesDialog() {
    TemplatesDialog dialog(m_library, this);
    connect(&dialog, &TemplatesDialog::templatesChanged, this, [this] {
        if (PreviewView* view = preview())
            view->reloadTemplates();
    });
    dialog.exec();
}

void MainWindow::newVersionDialog() {
    if (!m_document)
        return;
    bool ok = false;
    const QString language =
        QInputDialog::getText(this, tr("New Language Version"),
                              tr("Language of the new version (a BCP 47 tag such as fr or ar):"),
                              QLineEdit::Normal, {}, &ok);
    if (!ok)
        return;
    if (const auto added = addLanguageVersion(language.trimmed()); !added)
        showError(tr("Cannot add language version"), added.error());
}

void MainWindow::saveRevision(bool askName) {
    if (!m_document)
        return;
    QString note = tr("Saved");
    if (askName) {
        bool ok = false;
        note = QInputDialog::getText(this, tr("Save Revision"), tr("Name of the revision:"),
                                     QLineEdit::Normal, {}, &ok);
        if (!ok)
            return;
    }
    const auto revision = m_saver->saveRevision(note);
    if (!revision) {
        showError(tr("Cannot save revision"), revision.error());
        return;
    }
    statusBar()->showMessage(tr("Revision %1 recorded: %2").arg(*revision).arg(note), 4000);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (const auto flushed = m_saver->flush(); !flushed) {
        const auto answer = QMessageBox::warning(
            this, tr("Not saved"),
            tr("%1\n\nClose anyway? The edits since the last save would be lost.")
                .arg(flushed.error()),
            QMessageBox::Close | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Close) {
            event->ignore();
            return;
        }
    }
    if (const auto saved = saveSettings(); !saved)
        QMessageBox::warning(this, tr("Layout not saved"),
                             tr("%1\n\nYour articles are saved in the library; only the window "
                                "layout and the article open now will not come back at the "
                                "next start.")
                                 .arg(saved.error()));
    event->accept();
}

void MainWindow::updateSpellingStatus() {
    const SpellChecker* spell = m_editor->spellChecker();
    if (!spell) {
        m_spelling->clear();
        m_spelling->setToolTip({});
    } else if (!spell->problem().isEmpty()) {
        // Said here once for the version, never word by word.
        m_spelling->setText(tr("No spelling dictionary"));
        m_spelling->setToolTip(spell->problem());
    } else if (!spell->dictionaryName().isEmpty()) {
        m_spelling->setText(tr("Spelling: %1").arg(spell->dictionaryName()));
        m_spelling->setToolTip(tr("Spelling checked with the %1 dictionary and the library's "
                                  "personal dictionary")
                                   .arg(spell->dictionaryName()));
    } else {
        m_spelling->clear();
    }
}

void MainWindow::setFocusMode(bool on) {
    if (on == m_focusMode)
        return;
    if (on) {
        m_stateBeforeFocus = saveState(kWindowStateVersion);
        for (QDockWidget* dock : findChildren<QDockWidget*>())
            dock->hide();
        menuBar()->hide();
        statusBar()->hide();
    } else {
        menuBar()->show();
        statusBar()->show();
        restoreState(m_stateBeforeFocus, kWindowStateVersion);
    }
    m_focusMode = on;
    m_focusAction->setChecked(on);
    m_editor->setFocusMode(on);
    m_editor->setFocus();
}

void MainWindow::toggleFullScreen() {
    if (isFullScreen()) {
        showNormal();
    } else {
        m_geometryBeforeFullScreen = saveGeometry();
        showFullScreen();
    }
}

void MainWindow::changeEvent(QEvent* event) {
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::WindowStateChange && m_fullScreenAction)
        m_fullScreenAction->setChecked(isFullScreen());
    if (event->type() == QEvent::ActivationChange && !isActiveWindow())
        flushQuietly();
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    // The title field's own undo would bypass the metadata stack: leave Undo and Redo
    // to the window's commands.
    if (watched == m_title && event->type() == QEvent::ShortcutOverride) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
            event->ignore();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

} // namespace copydesk
