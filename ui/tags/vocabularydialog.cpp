#include "tags/vocabularydialog.h"

#include "common/atomicfile.h"
#include "common/languagetag.h"
#include "library/library.h"
#include "tags/exchange.h"
#include "tags/matcher.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace copydesk {

using tags::Vocabulary;

namespace {

constexpr int kSlugColumn = 0;
constexpr int kCountColumn = 1;
constexpr int kFirstLanguageColumn = 2;

// The organisation's working languages come first, in this order, whether or not a
// label is in them yet.
const QStringList& workingLanguages() {
    static const QStringList list{QStringLiteral("en"),      QStringLiteral("fr"),
                                  QStringLiteral("es"),      QStringLiteral("ar"),
                                  QStringLiteral("zh-Hans"), QStringLiteral("ru")};
    return list;
}

int index(Vocabulary vocabulary) {
    return vocabulary == Vocabulary::Tags ? 0 : 1;
}

} // namespace

/// One change to the library, already made when pushed (the first redo does nothing):
/// a failed change is never on the stack. An undo or redo that fails (someone changed
/// the term meanwhile) says why and leaves the stack.
class VocabularyDialog::Command final : public QUndoCommand {
public:
    using Step = std::function<Result<void>()>;
    Command(VocabularyDialog& dialog, const QString& text, Step undo, Step redo)
        : QUndoCommand(text)
        , m_dialog(dialog)
        , m_undo(std::move(undo))
        , m_redo(std::move(redo)) {}

    void undo() override { run(m_undo); }
    void redo() override {
        if (m_done) {
            m_done = false; // pushed after the change was made
            return;
        }
        run(m_redo);
    }

private:
    void run(const Step& step) {
        if (const auto result = step(); !result) {
            setObsolete(true);
            m_dialog.fail(VocabularyDialog::tr("Cannot undo or redo"), result.failure());
        }
        m_dialog.reload();
        Q_EMIT m_dialog.vocabularyChanged();
    }

    VocabularyDialog& m_dialog;
    Step m_undo;
    Step m_redo;
    bool m_done = true;
};

VocabularyDialog::VocabularyDialog(Library& library, QWidget* parent)
    : QDialog(parent)
    , m_library(library)
    , m_undo(new QUndoStack(this)) {
    setWindowTitle(tr("Tags and Categories"));
    setObjectName(QStringLiteral("vocabularyDialog"));
    auto* layout = new QVBoxLayout(this);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("vocabularyFilter"));
    m_filter->setPlaceholderText(tr("Find a tag or category by any of its labels (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &VocabularyDialog::applyFilter);
    layout->addWidget(m_filter);
    connect(new QShortcut(QKeySequence::Find, this), &QShortcut::activated, m_filter,
            qOverload<>(&QWidget::setFocus));

    m_tabs = new QTabWidget(this);
    buildPage(Vocabulary::Tags);
    buildPage(Vocabulary::Categories);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        m_vocabulary = tab == 0 ? Vocabulary::Tags : Vocabulary::Categories;
        applyFilter();
        updateButtons();
    });
    layout->addWidget(m_tabs, 1);

    auto* row = new QHBoxLayout;
    auto button = [&](const QString& text, void (VocabularyDialog::*slot)(),
                      const QKeySequence& key = {}) {
        auto* b = new QPushButton(text, this);
        b->setAutoDefault(false);
        connect(b, &QPushButton::clicked, this, slot);
        if (!key.isEmpty()) {
            connect(new QShortcut(key, this), &QShortcut::activated, b, &QPushButton::click);
            b->setToolTip(
                QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        }
        row->addWidget(b);
        return b;
    };
    button(tr("&New…"), &VocabularyDialog::askCreate, QKeySequence::New);
    m_rename = button(tr("&Rename…"), &VocabularyDialog::askRename);
    m_merge = button(tr("&Merge Into…"), &VocabularyDialog::askMerge);
    m_remove = button(tr("&Delete…"), &VocabularyDialog::askRemove);
    m_remove->setToolTip(
        tr("Delete… (%1 in the list)")
            .arg(QKeySequence(QKeySequence::Delete).toString(QKeySequence::NativeText)));
    m_move = button(tr("Move &Under…"), &VocabularyDialog::askMove);
    row->addStretch();
    button(tr("&Import…"), &VocabularyDialog::askImport);
    button(tr("E&xport…"), &VocabularyDialog::askExport);
    layout->addLayout(row);

    auto* bottom = new QHBoxLayout;
    auto* undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    auto* redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    addAction(undo);
    addAction(redo);
    for (QAction* action : {undo, redo}) {
        auto* b = new QPushButton(this);
        b->setAutoDefault(false);
        const auto sync = [b, action] {
            b->setText(action->text());
            b->setEnabled(action->isEnabled());
            b->setToolTip(action->shortcut().toString(QKeySequence::NativeText));
        };
        connect(action, &QAction::changed, b, sync);
        connect(b, &QPushButton::clicked, action, &QAction::trigger);
        sync();
        bottom->addWidget(b);
    }
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("vocabularyStatus"));
    bottom->addWidget(m_status, 1);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    bottom->addWidget(close);
    layout->addLayout(bottom);

    reload();
    resize(1040, 560);
}

VocabularyDialog::~VocabularyDialog() = default;

void VocabularyDialog::buildPage(Vocabulary vocabulary) {
    auto* view = new QTreeWidget(this);
    view->setObjectName(vocabulary == Vocabulary::Tags ? QStringLiteral("tagTable")
                                                       : QStringLiteral("categoryTree"));
    view->setRootIsDecorated(vocabulary == Vocabulary::Categories);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSortingEnabled(true);
    view->sortByColumn(kSlugColumn, Qt::AscendingOrder);
    // Labels are edited in place (double click, F2); the slug through Rename.
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(view, &QTreeWidget::itemDoubleClicked, this,
            [this, view](QTreeWidgetItem* item, int column) {
                if (column >= kFirstLanguageColumn)
                    view->editItem(item, column);
                else
                    askRename();
            });
    auto* edit =
        new QShortcut(QKeySequence(Qt::Key_F2), view, nullptr, nullptr, Qt::WidgetShortcut);
    connect(edit, &QShortcut::activated, this, [this, view] {
        QTreeWidgetItem* item = view->currentItem();
        if (item && view->currentColumn() >= kFirstLanguageColumn)
            view->editItem(item, view->currentColumn());
        else if (item)
            askRename();
    });
    // Delete in the list only: in the filter field it deletes characters.
    connect(new QShortcut(QKeySequence::Delete, view, nullptr, nullptr, Qt::WidgetShortcut),
            &QShortcut::activated, this, &VocabularyDialog::askRemove);
    connect(view, &QTreeWidget::itemChanged, this, &VocabularyDialog::labelEdited);
    connect(view, &QTreeWidget::currentItemChanged, this, &VocabularyDialog::updateButtons);
    m_views[index(vocabulary)] = view;
    m_tabs->addTab(view, vocabulary == Vocabulary::Tags ? tr("&Tags") : tr("C&ategories"));
}

tags::Vocabulary VocabularyDialog::vocabulary() const {
    return m_vocabulary;
}

void VocabularyDialog::setVocabulary(Vocabulary vocabulary) {
    m_tabs->setCurrentIndex(index(vocabulary));
}

QTreeWidget* VocabularyDialog::view(Vocabulary vocabulary) const {
    return m_views[index(vocabulary)];
}

void VocabularyDialog::reload() {
    const QString current = currentSlug();
    QList<tags::TermUsage> terms[2];
    QStringList languages = workingLanguages();
    for (const Vocabulary v : {Vocabulary::Tags, Vocabulary::Categories}) {
        auto listed = tags::list(m_library, v);
        if (!listed) {
            fail(tr("Cannot read the vocabulary"), listed.failure());
            continue;
        }
        terms[index(v)] = *listed;
        for (const tags::TermUsage& usage : std::as_const(*listed)) {
            for (auto it = usage.term.labels.cbegin(); it != usage.term.labels.cend(); ++it) {
                if (!languages.contains(it.key()))
                    languages.append(it.key());
            }
        }
    }
    m_languages = languages;
    QStringList headers{tr("Slug"), tr("Articles")};
    for (const QString& language : std::as_const(m_languages))
        headers.append(languageDisplayName(language));

    m_filling = true;
    for (const Vocabulary v : {Vocabulary::Tags, Vocabulary::Categories}) {
        QTreeWidget* tree = view(v);
        tree->setSortingEnabled(false);
        tree->clear();
        tree->setHeaderLabels(headers);
        QHash<QString, QTreeWidgetItem*> items;
        for (const tags::TermUsage& usage : std::as_const(terms[index(v)])) {
            auto* item = new QTreeWidgetItem;
            item->setText(kSlugColumn, usage.term.slug);
            item->setData(kSlugColumn, Qt::UserRole, usage.term.slug);
            item->setData(kCountColumn, Qt::DisplayRole, usage.articles);
            item->setTextAlignment(kCountColumn, Qt::AlignRight | Qt::AlignVCenter);
            item->setFlags(item->flags() | Qt::ItemIsEditable);
            for (qsizetype i = 0; i < m_languages.size(); ++i) {
                const int column = kFirstLanguageColumn + int(i);
                item->setText(column, usage.term.labels.value(m_languages[i]));
                item->setToolTip(column, item->text(column));
                // An Arabic label sits at the right of its cell, as Arabic text does.
                if (QLocale(m_languages[i]).textDirection() == Qt::RightToLeft)
                    item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
            }
            items.insert(usage.term.slug, item);
        }
        for (const tags::TermUsage& usage : std::as_const(terms[index(v)])) {
            QTreeWidgetItem* item = items.value(usage.term.slug);
            if (QTreeWidgetItem* parent = items.value(usage.term.parent); parent && parent != item)
                parent->addChild(item);
            else
                tree->addTopLevelItem(item);
        }
        tree->expandAll();
        tree->setSortingEnabled(true);
        tree->header()->setSectionResizeMode(QHeaderView::Interactive);
        // Wide enough for the header and the labels, but a long label does not push the
        // other languages out of sight: it is elided, and whole in its tooltip.
        for (int column = 0; column < tree->columnCount(); ++column) {
            tree->resizeColumnToContents(column);
            if (column >= kFirstLanguageColumn)
                tree->setColumnWidth(column, std::min(tree->columnWidth(column), 240));
        }
    }
    m_filling = false;
    applyFilter();
    select(current);
    updateButtons();
}

QString VocabularyDialog::currentSlug() const {
    const QTreeWidgetItem* item = view(m_vocabulary)->currentItem();
    return item ? item->data(kSlugColumn, Qt::UserRole).toString() : QString();
}

void VocabularyDialog::select(const QString& slug) {
    QTreeWidget* tree = view(m_vocabulary);
    if (slug.isEmpty())
        return;
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        if ((*it)->data(kSlugColumn, Qt::UserRole).toString() == slug) {
            tree->setCurrentItem(*it);
            tree->scrollToItem(*it);
            return;
        }
    }
}

void VocabularyDialog::applyFilter() {
    // Folded as the completer folds: "enseignement" finds "Enseignement supérieur",
    // "ecole" finds "École".
    const QString needle = tags::foldForMatching(m_filter->text().trimmed());
    QTreeWidget* tree = view(m_vocabulary);
    for (QTreeWidgetItemIterator it(tree, QTreeWidgetItemIterator::All); *it; ++it)
        (*it)->setHidden(false);
    if (needle.isEmpty())
        return;
    std::function<bool(QTreeWidgetItem*)> keep = [&](QTreeWidgetItem* item) {
        bool match = false;
        for (int column = 0; column < item->columnCount() && !match; ++column) {
            if (column != kCountColumn)
                match = tags::foldForMatching(item->text(column)).contains(needle);
        }
        bool child = false;
        for (int i = 0; i < item->childCount(); ++i)
            child = keep(item->child(i)) || child;
        item->setHidden(!match && !child);
        return match || child;
    };
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        keep(tree->topLevelItem(i));
}

void VocabularyDialog::updateButtons() {
    const bool selected = !currentSlug().isEmpty();
    m_rename->setEnabled(selected);
    m_merge->setEnabled(selected);
    m_remove->setEnabled(selected);
    m_move->setVisible(m_vocabulary == Vocabulary::Categories);
    m_move->setEnabled(selected);
}

void VocabularyDialog::done(const QString& message) {
    if (!m_editing)
        reload();
    Q_EMIT vocabularyChanged();
    m_status->setText(message);
}

void VocabularyDialog::fail(const QString& title, const Error& error) {
    QMessageBox::warning(this, title, error.message);
}

// ---- the changes ----

Result<QString> VocabularyDialog::createTerm(const QString& name, const QString& parent) {
    const Vocabulary v = m_vocabulary;
    // A name that is not a slug becomes the English label, as typed.
    const auto slug = tags::create(m_library, v, name, QStringLiteral("en"), parent);
    if (!slug)
        return slug.failure();
    const QString made = *slug;
    m_undo->push(new Command(
        *this, tr("Create %1 '%2'").arg(tags::termNoun(v), made),
        [this, v, made]() -> Result<void> {
            if (const auto removed = tags::remove(m_library, v, made); !removed)
                return removed.failure();
            return {};
        },
        [this, v, name, parent]() -> Result<void> {
            if (const auto again = tags::create(m_library, v, name, QStringLiteral("en"), parent);
                !again)
                return again.failure();
            return {};
        }));
    done(tr("Created %1 '%2'").arg(tags::termNoun(v), made));
    select(made);
    return made;
}

Result<void> VocabularyDialog::renameTerm(const QString& slug, const QString& name) {
    const Vocabulary v = m_vocabulary;
    const auto target = tags::slugForName(v, name);
    if (!target)
        return target.failure();
    const QString to = *target;
    if (const auto renamed = tags::rename(m_library, v, slug, name); !renamed)
        return renamed.failure();
    auto step = [this, v](const QString& from, const QString& into) -> Result<void> {
        if (const auto r = tags::rename(m_library, v, from, into); !r)
            return r.failure();
        return {};
    };
    m_undo->push(new Command(
        *this, tr("Rename %1 '%2' to '%3'").arg(tags::termNoun(v), slug, to),
        [step, slug, to] { return step(to, slug); }, [step, slug, to] { return step(slug, to); }));
    done(tr("Renamed '%1' to '%2'").arg(slug, to));
    select(to);
    return {};
}

Result<void> VocabularyDialog::setLabel(const QString& slug, const QString& language,
                                        const QString& label) {
    const Vocabulary v = m_vocabulary;
    const auto terms = tags::list(m_library, v);
    if (!terms)
        return terms.failure();
    QString before;
    for (const tags::TermUsage& usage : *terms) {
        if (usage.term.slug == slug)
            before = usage.term.labels.value(language);
    }
    const QString after = label.trimmed();
    if (before == after)
        return {};
    if (const auto set = tags::setLabel(m_library, v, slug, language, after); !set)
        return set;
    auto step = [this, v, slug, language](const QString& text) {
        return tags::setLabel(m_library, v, slug, language, text);
    };
    m_undo->push(new Command(
        *this, tr("Label of '%1' in %2").arg(slug, language),
        [step, before] { return step(before); }, [step, after] { return step(after); }));
    done(tr("Label of '%1' in %2 set").arg(slug, language));
    return {};
}

Result<void> VocabularyDialog::mergeTerm(const QString& from, const QString& into) {
    const auto merged = tags::merge(m_library, m_vocabulary, from, into);
    if (!merged)
        return merged.failure();
    // Steps before it may name the term merged away; they cannot be undone now.
    m_undo->clear();
    done(tr("Merged '%1' into '%2' on %n article(s)", nullptr, merged->articles).arg(from, into));
    select(into);
    return {};
}

Result<void> VocabularyDialog::removeTerm(const QString& slug) {
    const Vocabulary v = m_vocabulary;
    auto removed = tags::remove(m_library, v, slug);
    if (!removed)
        return removed.failure();
    auto removal = std::make_shared<tags::Removal>(*removed);
    m_undo->push(new Command(
        *this, tr("Delete %1 '%2'").arg(tags::termNoun(v), slug),
        [this, removal]() -> Result<void> {
            if (const auto back = tags::undoRemove(m_library, *removal); !back)
                return back.failure();
            return {};
        },
        [this, v, slug, removal]() -> Result<void> {
            auto again = tags::remove(m_library, v, slug);
            if (!again)
                return again.failure();
            *removal = *again;
            return {};
        }));
    done(tr("Deleted '%1' from %n article(s)", nullptr, removal->articles()).arg(slug));
    return {};
}

Result<void> VocabularyDialog::moveCategory(const QString& slug, const QString& parent) {
    const auto terms = tags::list(m_library, Vocabulary::Categories);
    if (!terms)
        return terms.failure();
    QString before;
    for (const tags::TermUsage& usage : *terms) {
        if (usage.term.slug == slug)
            before = usage.term.parent;
    }
    if (before == parent)
        return {};
    if (const auto moved = tags::setParent(m_library, slug, parent); !moved)
        return moved;
    auto step = [this, slug](const QString& under) {
        return tags::setParent(m_library, slug, under);
    };
    m_undo->push(new Command(
        *this, tr("Move category '%1'").arg(slug), [step, before] { return step(before); },
        [step, parent] { return step(parent); }));
    done(tr("Moved '%1'").arg(slug));
    select(slug);
    return {};
}

Result<tags::ImportSummary> VocabularyDialog::importFile(const QString& path) {
    const auto format = tags::formatForFile(path);
    if (!format)
        return Error{tr("%1: not a vocabulary file (.csv or .json)").arg(path),
                     ErrorKind::Unsupported};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("%1: cannot read (%2)").arg(path, file.errorString()), ErrorKind::Io};
    const auto imported =
        tags::importVocabulary(m_library, m_vocabulary, file.readAll(), *format, path);
    if (!imported)
        return imported.failure();
    m_undo->clear();
    done(tr("Imported %1").arg(QFileInfo(path).fileName()));
    return imported;
}

Result<void> VocabularyDialog::exportFile(const QString& path) const {
    const auto format = tags::formatForFile(path);
    if (!format)
        return Error{tr("%1: name the file .csv or .json").arg(path), ErrorKind::InvalidInput};
    const auto data = tags::exportVocabulary(m_library, m_vocabulary, *format);
    if (!data)
        return data.failure();
    const QFileInfo info(path);
    AtomicFileSet files(info.absolutePath());
    if (const auto added = files.add(info.fileName(), *data); !added)
        return added;
    if (const auto committed = files.commit(); !committed)
        return committed.failure();
    return {};
}

// ---- the questions ----

void VocabularyDialog::labelEdited(QTreeWidgetItem* item, int column) {
    if (m_filling || column < kFirstLanguageColumn)
        return;
    const QString slug = item->data(kSlugColumn, Qt::UserRole).toString();
    const QString language = m_languages.value(column - kFirstLanguageColumn);
    // The item is the one being edited: it is not rebuilt under its own signal.
    m_editing = true;
    const auto set = setLabel(slug, language, item->text(column));
    m_editing = false;
    if (!set) {
        fail(tr("Cannot set the label"), set.failure());
        QTimer::singleShot(0, this, &VocabularyDialog::reload);
    }
}

void VocabularyDialog::askCreate() {
    const bool category = m_vocabulary == Vocabulary::Categories;
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, category ? tr("New Category") : tr("New Tag"),
                              category ? tr("Name of the new category (under the selected one):")
                                       : tr("Name of the new tag:"),
                              QLineEdit::Normal, {}, &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    if (const auto created = createTerm(name, category ? currentSlug() : QString()); !created)
        fail(tr("Cannot create"), created.failure());
}

void VocabularyDialog::askRename() {
    const QString slug = currentSlug();
    if (slug.isEmpty())
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("Rename"), tr("New name of '%1':").arg(slug), QLineEdit::Normal, slug, &ok);
    if (!ok || name.trimmed().isEmpty() || name.trimmed() == slug)
        return;
    const auto renamed = renameTerm(slug, name);
    if (renamed || renamed.kind() != ErrorKind::Conflict) {
        if (!renamed)
            fail(tr("Cannot rename"), renamed.failure());
        return;
    }
    // The name is another term's: offer what the user most likely meant.
    const auto slugged = tags::slugForName(m_vocabulary, name);
    const QString into = slugged ? *slugged : QString();
    if (QMessageBox::question(this, tr("Rename"),
                              tr("%1\n\nMerge '%2' into '%3' instead? A merge cannot be undone.")
                                  .arg(renamed.error(), slug, into)) == QMessageBox::Yes) {
        if (const auto merged = mergeTerm(slug, into); !merged)
            fail(tr("Cannot merge"), merged.failure());
    }
}

void VocabularyDialog::askMerge() {
    const QString from = currentSlug();
    if (from.isEmpty())
        return;
    QStringList others;
    for (QTreeWidgetItemIterator it(view(m_vocabulary)); *it; ++it) {
        const QString slug = (*it)->data(kSlugColumn, Qt::UserRole).toString();
        if (slug != from)
            others.append(slug);
    }
    others.sort();
    if (others.isEmpty())
        return;
    bool ok = false;
    const QString into = QInputDialog::getItem(
        this, tr("Merge"), tr("Move every article of '%1' to, and delete '%1':").arg(from), others,
        0, true, &ok);
    if (!ok || into.isEmpty())
        return;
    const auto used = tags::usage(m_library, m_vocabulary, from);
    const int count = used ? *used : 0;
    if (QMessageBox::question(
            this, tr("Merge"),
            tr("Merge '%1' (%n article(s)) into '%2'? A merge cannot be undone.", nullptr, count)
                .arg(from, into)) != QMessageBox::Yes)
        return;
    if (const auto merged = mergeTerm(from, into); !merged)
        fail(tr("Cannot merge"), merged.failure());
}

void VocabularyDialog::askRemove() {
    const QString slug = currentSlug();
    if (slug.isEmpty())
        return;
    const auto used = tags::usage(m_library, m_vocabulary, slug);
    const int count = used ? *used : 0;
    if (QMessageBox::question(
            this, tr("Delete"),
            tr("Delete '%1' from %n article(s)? Undo (%2) puts it back.", nullptr, count)
                .arg(slug, QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText))) !=
        QMessageBox::Yes)
        return;
    if (const auto removed = removeTerm(slug); !removed)
        fail(tr("Cannot delete"), removed.failure());
}

void VocabularyDialog::askMove() {
    const QString slug = currentSlug();
    if (slug.isEmpty() || m_vocabulary != Vocabulary::Categories)
        return;
    const QString top = tr("(top level)");
    QStringList choices{top};
    for (QTreeWidgetItemIterator it(view(Vocabulary::Categories)); *it; ++it) {
        const QString other = (*it)->data(kSlugColumn, Qt::UserRole).toString();
        if (other != slug)
            choices.append(other);
    }
    bool ok = false;
    const QString parent = QInputDialog::getItem(
        this, tr("Move Under"), tr("Move '%1' under:").arg(slug), choices, 0, false, &ok);
    if (!ok)
        return;
    if (const auto moved = moveCategory(slug, parent == top ? QString() : parent); !moved)
        fail(tr("Cannot move"), moved.failure());
}

void VocabularyDialog::askImport() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Vocabulary"), {},
                                                      tr("Vocabulary (*.csv *.json)"));
    if (path.isEmpty())
        return;
    if (QMessageBox::question(this, tr("Import Vocabulary"),
                              tr("Add the terms and labels of %1 to the library? An import "
                                 "cannot be undone.")
                                  .arg(QFileInfo(path).fileName())) != QMessageBox::Yes)
        return;
    const auto imported = importFile(path);
    if (!imported) {
        fail(tr("Cannot import"), imported.failure());
        return;
    }
    QMessageBox::information(this, tr("Import Vocabulary"),
                             tr("%1 new, %2 labels changed, %3 moved.")
                                 .arg(imported->created)
                                 .arg(imported->labelsChanged)
                                 .arg(imported->moved));
}

void VocabularyDialog::askExport() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Vocabulary"),
                                                      m_vocabulary == Vocabulary::Tags
                                                          ? QStringLiteral("tags.csv")
                                                          : QStringLiteral("categories.csv"),
                                                      tr("CSV (*.csv);;JSON (*.json)"));
    if (path.isEmpty())
        return;
    if (const auto exported = exportFile(path); !exported)
        fail(tr("Cannot export"), exported.failure());
}

} // namespace copydesk
