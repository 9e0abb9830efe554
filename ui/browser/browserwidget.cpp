#include "browser/browserwidget.h"

#include "article/slug.h"
#include "browser/browsermodel.h"
#include "document/batchedit.h"
#include "library/library.h"
#include "library/trash.h"

#include <QAction>

#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QInputDialog>
#include <QJsonDocument>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <vector>

namespace copydesk {

namespace {

// A date edit shows "any" at its minimum, which stands for "no limit".
const QDate kNoDate(2000, 1, 1);

QDateEdit* makeDateEdit(const QString& name, const QString& any, QWidget* parent) {
    auto* edit = new QDateEdit(parent);
    edit->setObjectName(name);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(kNoDate);
    edit->setSpecialValueText(any);
    edit->setDate(kNoDate);
    return edit;
}

QDate dateOf(const QDateEdit* edit) {
    return edit->date() == kNoDate ? QDate() : edit->date();
}

void selectData(QComboBox* box, const QVariant& data) {
    const int i = box->findData(data);
    box->setCurrentIndex(i < 0 ? 0 : i);
}

constexpr int kAllArticlesRole = Qt::UserRole + 1;
constexpr int kTrashRole = Qt::UserRole + 2;

} // namespace

BrowserWidget::BrowserWidget(Library& library, QWidget* parent)
    : QWidget(parent)
    , m_library(library)
    , m_model(new BrowserModel(library, this)) {
    auto* splitter = new QSplitter(this);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(splitter);

    // Sidebar: saved searches.
    auto* side = new QWidget(splitter);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(4, 4, 0, 4);
    auto* savedTitle = new QLabel(tr("Saved searches"), side);
    QFont bold = savedTitle->font();
    bold.setBold(true);
    savedTitle->setFont(bold);
    sideLayout->addWidget(savedTitle);
    m_saved = new QListWidget(side);
    m_saved->setObjectName(QStringLiteral("savedSearches"));
    m_saved->setAccessibleName(tr("Saved searches"));
    sideLayout->addWidget(m_saved, 1);
    auto* saveButton = new QPushButton(tr("Save Search…"), side);
    saveButton->setObjectName(QStringLiteral("saveSearch"));
    saveButton->setToolTip(tr("Keep the search and filters under a name"));
    auto* deleteButton = new QPushButton(tr("Delete"), side);
    deleteButton->setToolTip(tr("Delete the selected saved search"));
    auto* sideButtons = new QHBoxLayout;
    sideButtons->addWidget(saveButton);
    sideButtons->addWidget(deleteButton);
    sideLayout->addLayout(sideButtons);
    connect(m_saved, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        if (item->data(kAllArticlesRole).toBool() || item->data(kTrashRole).toBool()) {
            BrowseFilter filter;
            filter.trash = item->data(kTrashRole).toBool();
            setFilter(filter);
            return;
        }
        const auto searches = savedSearches(m_library);
        if (!searches) {
            Q_EMIT message(searches.error());
            return;
        }
        for (const SavedSearch& s : *searches) {
            if (s.name == item->text())
                setFilter(s.filter);
        }
    });
    connect(saveButton, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(
            this, tr("Save Search"), tr("Name of the search:"), QLineEdit::Normal, {}, &ok);
        if (!ok)
            return;
        if (const auto saved = saveCurrentSearch(name); !saved)
            QMessageBox::warning(this, tr("Cannot save the search"), saved.error());
    });
    connect(deleteButton, &QPushButton::clicked, this, [this] {
        QListWidgetItem* item = m_saved->currentItem();
        if (!item || item->data(kAllArticlesRole).toBool() || item->data(kTrashRole).toBool())
            return;
        if (const auto deleted = deleteSavedSearch(item->text()); !deleted)
            QMessageBox::warning(this, tr("Cannot delete the search"), deleted.error());
    });

    // Main part: search, filters, batch commands, the table.
    auto* main = new QWidget(splitter);
    auto* layout = new QVBoxLayout(main);
    layout->setContentsMargins(0, 4, 4, 4);
    m_search = new QLineEdit(main);
    m_search->setObjectName(QStringLiteral("browserSearch"));
    m_search->setPlaceholderText(tr("Search titles, summaries and text in every language"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search the library"));
    layout->addWidget(m_search);
    buildFilters();
    // Two lines, so that no filter is cut off beside the docks.
    auto* filters = new QHBoxLayout;
    for (QComboBox* box : {m_tag, m_category, m_status, m_language}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        filters->addWidget(box);
    }
    filters->addStretch(1);
    layout->addLayout(filters);
    auto* more = new QHBoxLayout;
    more->addWidget(m_author, 1);
    more->addWidget(new QLabel(tr("Updated from"), main));
    more->addWidget(m_since);
    more->addWidget(new QLabel(tr("to"), main));
    more->addWidget(m_until);
    layout->addLayout(more);

    auto* commands = new QHBoxLayout;
    auto* addTag = new QPushButton(tr("Add Tag…"), main);
    addTag->setObjectName(QStringLiteral("batchAddTag"));
    addTag->setToolTip(tr("Add a tag to every selected article"));
    auto* removeTag = new QPushButton(tr("Remove Tag…"), main);
    removeTag->setObjectName(QStringLiteral("batchRemoveTag"));
    removeTag->setToolTip(tr("Remove a tag from every selected article"));
    auto* status = new QToolButton(main);
    status->setObjectName(QStringLiteral("batchStatus"));
    status->setText(tr("Set Status"));
    status->setToolTip(tr("Change the status of every selected article"));
    status->setPopupMode(QToolButton::InstantPopup);
    auto* statusMenu = new QMenu(status);
    for (Status s :
         {Status::Draft, Status::InReview, Status::Ready, Status::Published, Status::Archived}) {
        QAction* action = statusMenu->addAction(statusLabel(s));
        connect(action, &QAction::triggered, this, [this, s] { (void)setStatusOfSelection(s); });
    }
    status->setMenu(statusMenu);
    m_trash = new QPushButton(tr("Move to Trash"), main);
    m_trash->setObjectName(QStringLiteral("batchTrash"));
    m_trash->setToolTip(tr("Move the selected articles to the trash (Delete)"));
    m_restore = new QPushButton(tr("Restore"), main);
    m_restore->setObjectName(QStringLiteral("trashRestore"));
    m_restore->setToolTip(tr("Take the selected articles out of the trash"));
    m_empty = new QPushButton(tr("Empty Trash…"), main);
    m_empty->setObjectName(QStringLiteral("trashEmpty"));
    m_empty->setToolTip(tr("Remove every article in the trash for good"));
    m_count = new QLabel(main);
    m_count->setObjectName(QStringLiteral("browserCount"));
    commands->addWidget(addTag);
    commands->addWidget(removeTag);
    commands->addWidget(status);
    commands->addWidget(m_trash);
    commands->addWidget(m_restore);
    commands->addWidget(m_empty);
    commands->addStretch(1);
    commands->addWidget(m_count);
    layout->addLayout(commands);
    connect(addTag, &QPushButton::clicked, this, &BrowserWidget::askAddTag);
    connect(removeTag, &QPushButton::clicked, this, &BrowserWidget::askRemoveTag);
    connect(m_trash, &QPushButton::clicked, this, [this] { (void)moveSelectionToTrash(); });
    connect(m_restore, &QPushButton::clicked, this, [this] { (void)restoreSelection(); });
    connect(m_empty, &QPushButton::clicked, this, &BrowserWidget::askEmptyTrash);
    showTrashCommands(false);

    m_view = new QTreeView(main);
    m_view->setObjectName(QStringLiteral("browserTable"));
    m_view->setAccessibleName(tr("Articles"));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_view->header()->setSortIndicator(BrowserModel::UpdatedColumn, Qt::DescendingOrder);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(BrowserModel::TitleColumn, QHeaderView::Stretch);
    m_view->header()->setMinimumSectionSize(48);
    // The title takes what the others leave; fitColumns() shrinks them when the table
    // is narrow (docks open beside it), until the user sizes a column.
    m_view->viewport()->installEventFilter(this);
    connect(m_view->header(), &QHeaderView::sectionResized, this, [this](int column) {
        if (!m_fitting && column != BrowserModel::TitleColumn)
            m_userSized = true;
    });
    fitColumns();
    layout->addWidget(m_view, 1);
    auto* trashKey = new QShortcut(QKeySequence::Delete, m_view);
    trashKey->setContext(Qt::WidgetShortcut);
    connect(trashKey, &QShortcut::activated, this, [this] {
        if (!m_inTrash)
            (void)moveSelectionToTrash();
    });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex& index) {
        Q_EMIT articleActivated(
            index.siblingAtColumn(0).data(BrowserModel::ArticleIdRole).toUuid());
    });
    connect(m_model, &BrowserModel::reloaded, this, &BrowserWidget::updateCount);
    connect(m_model, &BrowserModel::counted, this, &BrowserWidget::updateCount);
    connect(m_model, &BrowserModel::rowsInserted, this, &BrowserWidget::updateCount);
    connect(m_model, &BrowserModel::failed, this, [this](const QString& error) {
        // An empty table would pass for "nothing found".
        m_count->setText(error);
        Q_EMIT message(error);
    });

    splitter->addWidget(side);
    splitter->addWidget(main);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({150, 900});

    // Search as the user types, but not on every keystroke of a fast typist.
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_author, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &BrowserWidget::applyFilter);
    for (QComboBox* box : {m_tag, m_category, m_status, m_language})
        connect(box, &QComboBox::currentIndexChanged, this, &BrowserWidget::applyFilter);
    for (QDateEdit* edit : {m_since, m_until})
        connect(edit, &QDateEdit::dateChanged, this, &BrowserWidget::applyFilter);

    refresh();
}

BrowserWidget::~BrowserWidget() = default;

void BrowserWidget::buildFilters() {
    m_tag = new QComboBox(this);
    m_tag->setObjectName(QStringLiteral("tagFilter"));
    m_tag->setAccessibleName(tr("Tag"));
    m_category = new QComboBox(this);
    m_category->setObjectName(QStringLiteral("categoryFilter"));
    m_category->setAccessibleName(tr("Category"));
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->setAccessibleName(tr("Status"));
    m_status->addItem(tr("Any status"), QString());
    for (Status s :
         {Status::Draft, Status::InReview, Status::Ready, Status::Published, Status::Archived})
        m_status->addItem(statusLabel(s), statusId(s));
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageFilter"));
    m_language->setAccessibleName(tr("Language"));
    m_author = new QLineEdit(this);
    m_author->setObjectName(QStringLiteral("authorFilter"));
    m_author->setPlaceholderText(tr("Byline"));
    m_author->setAccessibleName(tr("Author"));
    m_author->setClearButtonEnabled(true);
    m_since = makeDateEdit(QStringLiteral("sinceFilter"), tr("any day"), this);
    m_until = makeDateEdit(QStringLiteral("untilFilter"), tr("any day"), this);
}

QString BrowserWidget::tagLabel(const Term& term) const {
    // The interface's language, else English, else the slug.
    const QString ui = QLocale().name().section(QLatin1Char('_'), 0, 0);
    for (const QString& language : {ui, QStringLiteral("en")}) {
        const QString label = term.labels.value(language);
        if (!label.isEmpty())
            return label;
    }
    return term.slug;
}

void BrowserWidget::reloadVocabulary() {
    const QSignalBlocker blockTag(m_tag);
    const QSignalBlocker blockCategory(m_category);
    const QSignalBlocker blockLanguage(m_language);
    const QString tag = m_tag->currentData().toString();
    const QString category = m_category->currentData().toString();
    const QString language = m_language->currentData().toString();
    m_tag->clear();
    m_tag->addItem(tr("Any tag"), QString());
    m_category->clear();
    m_category->addItem(tr("Any category"), QString());
    m_language->clear();
    m_language->addItem(tr("Any language"), QString());
    if (auto tags = m_library.tags(); tags) {
        m_tags = *tags;
        for (const Term& t : std::as_const(m_tags))
            m_tag->addItem(tagLabel(t), t.slug);
    } else {
        Q_EMIT message(tags.error());
    }
    if (auto categories = m_library.categories(); categories) {
        for (const Term& t : *categories)
            m_category->addItem(tagLabel(t), t.slug);
    } else {
        Q_EMIT message(categories.error());
    }
    if (auto reader = BrowseReader::open(m_library); reader) {
        if (auto languages = (*reader)->languages(); languages) {
            for (const QString& l : *languages)
                m_language->addItem(l, l);
        }
        if (auto bylines = (*reader)->bylines(); bylines) {
            auto* completer = new QCompleter(*bylines, m_author);
            completer->setCaseSensitivity(Qt::CaseInsensitive);
            completer->setFilterMode(Qt::MatchContains);
            delete m_author->completer();
            m_author->setCompleter(completer);
        }
    }
    selectData(m_tag, tag);
    selectData(m_category, category);
    selectData(m_language, language);
}

void BrowserWidget::reloadSavedSearches() {
    const QString current = m_saved->currentItem() ? m_saved->currentItem()->text() : QString();
    m_saved->clear();
    auto* all = new QListWidgetItem(tr("All articles"), m_saved);
    all->setData(kAllArticlesRole, true);
    const auto searches = savedSearches(m_library);
    if (!searches) {
        Q_EMIT message(searches.error());
    } else {
        for (const SavedSearch& s : *searches) {
            auto* item = new QListWidgetItem(s.name, m_saved);
            item->setToolTip(
                QString::fromUtf8(QJsonDocument(s.filter.toJson()).toJson(QJsonDocument::Compact)));
            if (s.name == current)
                m_saved->setCurrentItem(item);
        }
    }
    // The trash last, with its count, apart from the searches.
    const auto inTrash = trashCount(m_library);
    auto* trash = new QListWidgetItem(
        inTrash && *inTrash > 0 ? tr("Trash (%1)").arg(QLocale().toString(*inTrash)) : tr("Trash"),
        m_saved);
    trash->setData(kTrashRole, true);
    trash->setIcon(QIcon::fromTheme(QStringLiteral("user-trash")));
    if (m_inTrash)
        m_saved->setCurrentItem(trash);
    if (!inTrash)
        Q_EMIT message(inTrash.error());
}

void BrowserWidget::refresh() {
    reloadVocabulary();
    reloadSavedSearches();
    m_applying = true;
    (void)m_model->setFilter(currentFilter());
    m_applying = false;
}

bool BrowserWidget::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fitColumns();
    return QWidget::eventFilter(watched, event);
}

void BrowserWidget::fitColumns() {
    if (m_userSized)
        return;
    // Widths for a wide window. Below it the languages, tags and byline give up space in
    // proportion (their text is elided), so that the title keeps at least half of the
    // table; the status and the date keep theirs. At 700 pixels beside the preview, the
    // title had its minimum and the table a horizontal scrollbar.
    struct Width {
        int column;
        int preferred;
        bool shrinks;
    };
    static const Width widths[] = {{BrowserModel::LanguagesColumn, 150, true},
                                   {BrowserModel::StatusColumn, 80, false},
                                   {BrowserModel::TagsColumn, 130, true},
                                   {BrowserModel::BylineColumn, 105, true},
                                   {BrowserModel::UpdatedColumn, 85, false}};
    int fixed = 0;
    int shrinking = 0;
    int shrinkingColumns = 0;
    for (const Width& w : widths) {
        (w.shrinks ? shrinking : fixed) += w.preferred;
        shrinkingColumns += w.shrinks ? 1 : 0;
    }
    QHeaderView* header = m_view->header();
    const int minimum = header->minimumSectionSize();
    const int budget = m_view->viewport()->width() / 2;
    // Scale factors for the shrinking columns and for the others: when the shrinking ones
    // are down to their minimum, every column gives up space alike.
    double shrink = 1.0;
    double keep = 1.0;
    if (budget < fixed + shrinking) {
        if (budget - fixed >= shrinkingColumns * minimum) {
            shrink = double(budget - fixed) / shrinking;
        } else {
            shrink = keep = qMax(0.0, double(budget) / (fixed + shrinking));
        }
    }
    std::vector<int> sizes;
    int total = 0;
    for (const Width& w : widths) {
        sizes.push_back(qMax(minimum, int(w.preferred * (w.shrinks ? shrink : keep))));
        total += sizes.back();
    }
    // What the minimum width put back over the budget comes off the widest columns.
    while (total > budget) {
        const auto widest = std::max_element(sizes.begin(), sizes.end());
        if (*widest <= minimum)
            break;
        --*widest;
        --total;
    }
    m_fitting = true;
    for (size_t i = 0; i < sizes.size(); ++i)
        header->resizeSection(widths[i].column, sizes[i]);
    m_fitting = false;
}

BrowseFilter BrowserWidget::currentFilter() const {
    BrowseFilter f;
    f.text = m_search->text().trimmed();
    f.tag = m_tag->currentData().toString();
    f.category = m_category->currentData().toString();
    f.status = statusFromId(m_status->currentData().toString());
    f.language = m_language->currentData().toString();
    f.author = m_author->text().trimmed();
    f.since = dateOf(m_since);
    f.until = dateOf(m_until);
    f.trash = m_inTrash;
    return f;
}

void BrowserWidget::setFilter(const BrowseFilter& filter) {
    m_applying = true;
    {
        const QSignalBlocker b1(m_search), b2(m_tag), b3(m_category), b4(m_status), b5(m_language),
            b6(m_author), b7(m_since), b8(m_until);
        m_search->setText(filter.text);
        selectData(m_tag, filter.tag);
        selectData(m_category, filter.category);
        selectData(m_status, filter.status ? statusId(*filter.status) : QString());
        selectData(m_language, filter.language);
        m_author->setText(filter.author);
        m_since->setDate(filter.since.isValid() ? filter.since : kNoDate);
        m_until->setDate(filter.until.isValid() ? filter.until : kNoDate);
    }
    showTrashCommands(filter.trash);
    m_applying = false;
    m_debounce->stop();
    applyFilter();
}

void BrowserWidget::showTrashCommands(bool inTrash) {
    m_inTrash = inTrash;
    m_trash->setVisible(!inTrash);
    m_restore->setVisible(inTrash);
    m_empty->setVisible(inTrash);
}

void BrowserWidget::applyFilter() {
    m_debounce->stop();
    const BrowseFilter filter = currentFilter();
    if (filter == m_model->filter() && m_model->rowCount() > 0)
        return;
    (void)m_model->setFilter(filter);
}

void BrowserWidget::updateCount() {
    if (!m_model->error().isEmpty())
        return;
    const QLocale locale;
    // Both numbers in the locale's digits and grouping ("200 of 100,000").
    if (m_model->totalCount() < 0) {
        m_count->setText(tr("%1 article(s) shown; counting…", nullptr, m_model->rowCount())
                             .arg(locale.toString(m_model->rowCount())));
        return;
    }
    const int total = int(qMin<qint64>(m_model->totalCount(), INT_MAX));
    m_count->setText(tr("%1 of %2 article(s) shown", nullptr, total)
                         .arg(locale.toString(m_model->rowCount()), locale.toString(total)));
}

QList<QUuid> BrowserWidget::selectedArticles() const {
    QList<QUuid> ids;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows())
        ids.append(index.data(BrowserModel::ArticleIdRole).toUuid());
    return ids;
}

void BrowserWidget::afterBatch(const Result<int>& result, const QList<QUuid>& ids,
                               const QString& done) {
    if (!result) {
        QMessageBox::warning(this, tr("Nothing was changed"), result.error());
        return;
    }
    Q_EMIT message(done);
    Q_EMIT articlesChanged(ids);
    reloadVocabulary();
    (void)m_model->refresh();
}

Result<int> BrowserWidget::addTagToSelection(const QString& tag) {
    const QList<QUuid> ids = selectedArticles();
    auto result = batch::addTag(m_library, ids, tag);
    afterBatch(result, ids,
               result ? tr("Tag '%1' added to %n article(s)", nullptr, *result).arg(tag)
                      : QString());
    return result;
}

Result<int> BrowserWidget::removeTagFromSelection(const QString& tag) {
    const QList<QUuid> ids = selectedArticles();
    auto result = batch::removeTag(m_library, ids, tag);
    afterBatch(result, ids,
               result ? tr("Tag '%1' removed from %n article(s)", nullptr, *result).arg(tag)
                      : QString());
    return result;
}

Result<int> BrowserWidget::setStatusOfSelection(Status status) {
    const QList<QUuid> ids = selectedArticles();
    auto result = batch::setStatus(m_library, ids, status);
    afterBatch(result, ids,
               result ? tr("%n article(s) set to %1", nullptr, *result).arg(statusLabel(status))
                      : QString());
    return result;
}

Result<int> BrowserWidget::moveSelectionToTrash() {
    const QList<QUuid> ids = selectedArticles();
    auto result = moveToTrash(m_library, ids);
    afterBatch(result, ids,
               result ? tr("%n article(s) moved to the trash", nullptr, *result) : QString());
    if (result)
        reloadSavedSearches(); // the trash's count
    return result;
}

Result<int> BrowserWidget::restoreSelection() {
    const QList<QUuid> ids = selectedArticles();
    auto result = restoreFromTrash(m_library, ids);
    afterBatch(result, ids,
               result ? tr("%n article(s) restored from the trash", nullptr, *result) : QString());
    if (result)
        reloadSavedSearches();
    return result;
}

Result<int> BrowserWidget::emptyTrash() {
    auto result = copydesk::emptyTrash(m_library);
    afterBatch(result, {},
               result ? tr("%n article(s) removed for good", nullptr, *result) : QString());
    if (result)
        reloadSavedSearches();
    return result;
}

void BrowserWidget::askEmptyTrash() {
    const auto count = trashCount(m_library);
    if (!count) {
        QMessageBox::warning(this, tr("Cannot empty the trash"), count.error());
        return;
    }
    if (*count == 0)
        return;
    const auto answer = QMessageBox::question(
        this, tr("Empty Trash"),
        tr("Remove %n article(s) and their history for good? This cannot be undone.", nullptr,
           *count),
        QMessageBox::Cancel | QMessageBox::Discard, QMessageBox::Cancel);
    if (answer == QMessageBox::Discard)
        (void)emptyTrash();
}

void BrowserWidget::askAddTag() {
    if (selectedArticles().isEmpty())
        return;
    QStringList labels;
    for (const Term& t : std::as_const(m_tags))
        labels.append(tagLabel(t));
    bool ok = false;
    const QString chosen =
        QInputDialog::getItem(this, tr("Add Tag"), tr("Tag to add to the selected articles:"),
                              labels, -1, true, &ok)
            .trimmed();
    if (!ok || chosen.isEmpty())
        return;
    QString slug;
    for (const Term& t : std::as_const(m_tags)) {
        if (tagLabel(t) == chosen || t.slug == chosen)
            slug = t.slug;
    }
    if (slug.isEmpty())
        slug = slugify(chosen);
    if (slug.isEmpty()) {
        QMessageBox::warning(this, tr("Add Tag"), tr("'%1' cannot be a tag").arg(chosen));
        return;
    }
    (void)addTagToSelection(slug);
}

void BrowserWidget::askRemoveTag() {
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    QStringList slugs;
    for (const QModelIndex& index : rows) {
        for (const QString& slug : index.data(BrowserModel::TagsRole).toStringList()) {
            if (!slugs.contains(slug))
                slugs.append(slug);
        }
    }
    if (slugs.isEmpty())
        return;
    bool ok = false;
    const QString slug = QInputDialog::getItem(this, tr("Remove Tag"),
                                               tr("Tag to remove from the selected articles:"),
                                               slugs, 0, false, &ok);
    if (ok)
        (void)removeTagFromSelection(slug);
}

Result<void> BrowserWidget::saveCurrentSearch(const QString& name) {
    auto searches = savedSearches(m_library);
    if (!searches)
        return searches.failure();
    QList<SavedSearch> list = *searches;
    const QString trimmed = name.trimmed();
    bool replaced = false;
    for (SavedSearch& s : list) {
        if (s.name == trimmed) {
            s.filter = currentFilter();
            replaced = true;
        }
    }
    if (!replaced)
        list.append(SavedSearch{trimmed, currentFilter()});
    if (auto stored = setSavedSearches(m_library, list); !stored)
        return stored;
    reloadSavedSearches();
    return {};
}

Result<void> BrowserWidget::deleteSavedSearch(const QString& name) {
    auto searches = savedSearches(m_library);
    if (!searches)
        return searches.failure();
    QList<SavedSearch> list = *searches;
    list.removeIf([&](const SavedSearch& s) { return s.name == name; });
    if (auto stored = setSavedSearches(m_library, list); !stored)
        return stored;
    reloadSavedSearches();
    return {};
}

} // namespace copydesk
