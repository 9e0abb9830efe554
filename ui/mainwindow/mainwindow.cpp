#include "mainwindow/mainwindow.h"

#include "common/setting.h"
#include "library/library.h"
#include "mainwindow/articlelistmodel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QStatusBar>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace copydesk {

namespace {
const Setting<QByteArray> kGeometry("mainwindow/geometry", {});
const Setting<QByteArray> kListHeader("mainwindow/listHeader", {});
} // namespace

MainWindow::MainWindow(Library& library, QWidget* parent)
    : QMainWindow(parent)
    , m_library(library)
    , m_model(new ArticleListModel(library, this)) {
    setWindowTitle(tr("%1 — Copydesk").arg(QFileInfo(library.path()).fileName()));

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    m_search = new QLineEdit(central);
    m_search->setPlaceholderText(tr("Search titles and text in every language (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search articles"));
    layout->addWidget(m_search);

    m_list = new QTreeView(central);
    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setAccessibleName(tr("Articles"));
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(ArticleListModel::TitleColumn, QHeaderView::Stretch);
    layout->addWidget(m_list);
    setCentralWidget(central);

    m_count = new QLabel(this);
    statusBar()->addPermanentWidget(m_count);
    statusBar()->showMessage(QDir::toNativeSeparators(library.path()));

    auto* fileMenu = menuBar()->addMenu(tr("&File"));
    auto* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    auto* editMenu = menuBar()->addMenu(tr("&Edit"));
    auto* find =
        editMenu->addAction(tr("&Find Articles"), m_search, qOverload<>(&QWidget::setFocus));
    find->setShortcut(QKeySequence::Find);

    // Search as the user types, but not on every keystroke of a fast typist.
    auto* debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, &MainWindow::applyFilter);

    applyFilter();
    restoreSettings();
}

MainWindow::~MainWindow() = default;

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
        resize(900, 600);
    m_list->header()->restoreState(kListHeader.value());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    kGeometry.setValue(saveGeometry());
    kListHeader.setValue(m_list->header()->saveState());
    event->accept();
}

} // namespace copydesk
