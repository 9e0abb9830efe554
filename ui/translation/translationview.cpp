#include "translation/translationview.h"

#include "common/languagetag.h"
#include "document/articledocument.h"
#include "library/library.h"
#include "translation/versionqa.h"

#include <QAction>
#include <QClipboard>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace copydesk {

using translation::AlignedRow;
using translation::SegmentKind;
using translation::SegmentState;

namespace {

enum Column { StateColumn, SourceColumn, TargetColumn };

QString stateLabel(SegmentState state) {
    switch (state) {
    case SegmentState::Untranslated:
        return TranslationView::tr("untranslated");
    case SegmentState::Draft:
        return TranslationView::tr("draft");
    case SegmentState::Translated:
        return TranslationView::tr("translated");
    case SegmentState::Reviewed:
        return TranslationView::tr("reviewed");
    case SegmentState::Outdated:
        return TranslationView::tr("outdated");
    }
    return {};
}

/// A mark per state, readable on light and dark palettes alike (mid tones).
QColor stateColor(SegmentState state) {
    switch (state) {
    case SegmentState::Untranslated:
        return QColor(0xd0, 0x50, 0x50);
    case SegmentState::Draft:
        return QColor(0x90, 0x90, 0x90);
    case SegmentState::Translated:
        return QColor(0x3c, 0xa0, 0x5a);
    case SegmentState::Reviewed:
        return QColor(0x3c, 0x78, 0xd0);
    case SegmentState::Outdated:
        return QColor(0xe0, 0x90, 0x20);
    }
    return {};
}

QIcon stateIcon(const QColor& color) {
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(color);
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(1, 1, 10, 10);
    return QIcon(pixmap);
}

QString kindLabel(SegmentKind kind) {
    switch (kind) {
    case SegmentKind::Title:
        return TranslationView::tr("Title");
    case SegmentKind::Summary:
        return TranslationView::tr("Summary");
    case SegmentKind::SeoTitle:
        return TranslationView::tr("SEO title");
    case SegmentKind::SeoDescription:
        return TranslationView::tr("SEO description");
    case SegmentKind::AltText:
        return TranslationView::tr("Alt text");
    case SegmentKind::Block:
        break;
    }
    return {};
}

bool isOpen(SegmentState state) {
    return state == SegmentState::Untranslated || state == SegmentState::Draft ||
           state == SegmentState::Outdated;
}

/// The word diff as HTML: what only the first text has struck through, what only the
/// second has underlined.
QString diffHtml(const QList<translation::DiffRun>& runs) {
    QString html;
    for (const translation::DiffRun& run : runs) {
        const QString text = run.text.toHtmlEscaped();
        if (run.kind == translation::DiffRun::Removed)
            html += QStringLiteral("<s style=\"color:#c0392b\">%1</s>").arg(text);
        else if (run.kind == translation::DiffRun::Inserted)
            html += QStringLiteral("<u style=\"color:#2e86c1\">%1</u>").arg(text);
        else
            html += text;
    }
    return html;
}

QString dirOf(const QString& text, const QString& language) {
    if (!text.trimmed().isEmpty())
        return text.isRightToLeft() ? QStringLiteral("rtl") : QStringLiteral("ltr");
    return QLocale(language).textDirection() == Qt::RightToLeft ? QStringLiteral("rtl")
                                                                : QStringLiteral("ltr");
}

/// Each cell laid out in the direction of its own text (an Arabic paragraph right to
/// left beside an English one), edited in a multi-line editor in its side's direction.
class SegmentDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    Qt::LayoutDirection sourceDirection = Qt::LeftToRight;
    Qt::LayoutDirection targetDirection = Qt::LeftToRight;
    QPointer<QPlainTextEdit> editor;
    int editorColumn = TargetColumn; ///< the side `editor` edits

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem&,
                          const QModelIndex& index) const override {
        auto* e = new QPlainTextEdit(parent);
        e->setObjectName(QStringLiteral("segmentEditor"));
        e->setLayoutDirection(index.column() == SourceColumn ? sourceDirection : targetDirection);
        e->setTabChangesFocus(true);
        auto* self = const_cast<SegmentDelegate*>(this);
        self->editor = e;
        self->editorColumn = index.column();
        return e;
    }
    void setEditorData(QWidget* w, const QModelIndex& index) const override {
        auto* e = static_cast<QPlainTextEdit*>(w);
        if (e->toPlainText().isEmpty())
            e->setPlainText(index.data(Qt::EditRole).toString());
        e->moveCursor(QTextCursor::End);
    }
    void setModelData(QWidget* w, QAbstractItemModel* model,
                      const QModelIndex& index) const override {
        model->setData(index, static_cast<QPlainTextEdit*>(w)->toPlainText(), Qt::EditRole);
    }
    void updateEditorGeometry(QWidget* w, const QStyleOptionViewItem& option,
                              const QModelIndex&) const override {
        QRect rect = option.rect;
        rect.setHeight(std::max(rect.height(), option.fontMetrics.height() * 6));
        w->setGeometry(rect);
    }

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override {
        QStyledItemDelegate::initStyleOption(option, index);
        const QString text = index.data().toString();
        if (!text.isEmpty())
            option->direction = text.isRightToLeft() ? Qt::RightToLeft : Qt::LeftToRight;
        option->displayAlignment = Qt::AlignLeading | Qt::AlignTop;
    }
};

} // namespace

TranslationView::TranslationView(Library& library, QWidget* parent)
    : QWidget(parent)
    , m_library(library) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* top = new QHBoxLayout;
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("translationHeader"));
    m_header->setWordWrap(true);
    top->addWidget(m_header, 1);
    // The source is read-only unless the translator asks (a typo found while
    // translating): its edits make the translations of the segment outdated.
    m_editSource = new QAction(tr("Edit Source"), this);
    m_editSource->setObjectName(QStringLiteral("editSource"));
    m_editSource->setCheckable(true);
    m_editSource->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    m_editSource->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_editSource->setToolTip(tr("Let the source column be edited (Ctrl+Shift+E); the "
                                "translations of a changed segment become outdated"));
    addAction(m_editSource);
    auto* editSourceButton = new QToolButton(this);
    editSourceButton->setDefaultAction(m_editSource);
    editSourceButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    top->addWidget(editSourceButton, 0, Qt::AlignTop);
    layout->addLayout(top);
    m_orphanNotice = new QLabel(this);
    m_orphanNotice->setObjectName(QStringLiteral("orphanNotice"));
    m_orphanNotice->setWordWrap(true);
    m_orphanNotice->hide();
    layout->addWidget(m_orphanNotice);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_table = new QTableWidget(0, 3, splitter);
    m_table->setObjectName(QStringLiteral("segments"));
    m_table->setAccessibleName(tr("Segments"));
    m_table->setWordWrap(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->horizontalHeader()->setSectionResizeMode(StateColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(SourceColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(TargetColumn, QHeaderView::Stretch);
    m_table->setItemDelegate(new SegmentDelegate(m_table));
    m_details = new QTextBrowser(splitter);
    m_details->setObjectName(QStringLiteral("segmentDetails"));
    m_details->setAccessibleName(tr("Source change and memory matches"));
    m_details->setOpenLinks(false);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    connect(m_editSource, &QAction::toggled, this, [this] {
        commitEditor();
        refresh();
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (m_filling)
            return;
        if (item->column() == SourceColumn) {
            const int row = item->row();
            if (row < m_alignment.rows.size() && m_alignment.rows[row].source.text != item->text())
                applySource(row, m_alignment.rows[row].source.text, item->text(), false);
            return;
        }
        if (item->column() != TargetColumn)
            return;
        // Typed into a cell: the text as a draft until it is marked. Applied at once
        // (the click that ends the edit may open another article next), the rows laid
        // out again once the table is done with the item.
        const int row = item->row();
        const QTableWidgetItem* source = m_table->item(row, SourceColumn);
        const bool same = row < m_alignment.rows.size() && m_alignment.rows[row].target &&
                          m_alignment.rows[row].target->text == item->text();
        if (!same && source)
            apply(row, source->text(), item->text(), SegmentState::Draft, false);
    });
    connect(m_table, &QTableWidget::currentCellChanged, this, [this] { showDetails(); });
    connect(m_details, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == u"match")
            acceptMatch(url.path().toInt());
    });

    // Rows take the height of their text at the columns' widths, which the layout
    // settles after a refresh and the user changes.
    m_resizeTimer = new QTimer(this);
    m_resizeTimer->setSingleShot(true);
    m_resizeTimer->setInterval(0);
    connect(m_resizeTimer, &QTimer::timeout, m_table, &QTableWidget::resizeRowsToContents);
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, m_resizeTimer,
            qOverload<>(&QTimer::start));
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(300);
    connect(m_refreshTimer, &QTimer::timeout, this, &TranslationView::refresh);

    auto add = [this](const QString& text, const QKeySequence& key, auto slot) {
        auto* action = new QAction(text, this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    add(tr("Next Segment to Do"), QKeySequence(tr("Ctrl+U")), [this] { goToNextOpen(true); });
    add(tr("Previous Segment to Do"), QKeySequence(tr("Ctrl+Shift+U")),
        [this] { goToNextOpen(false); });
    add(tr("Mark Translated"), QKeySequence(tr("Ctrl+Return")),
        [this] { markCurrent(SegmentState::Translated); });
    add(tr("Mark Reviewed"), QKeySequence(tr("Ctrl+Shift+Return")),
        [this] { markCurrent(SegmentState::Reviewed); });
    add(tr("Copy Source into Target"), QKeySequence(tr("Ctrl+Shift+R")),
        [this] { copySourceToCurrent(); });
    for (int i = 0; i < 3; ++i)
        add(tr("Take Memory Match %1").arg(i + 1), QKeySequence(tr("Alt+%1").arg(i + 1)),
            [this, i] { acceptMatch(i); });
    add(tr("Take the 100% Match for All Identical Segments"), QKeySequence(tr("Ctrl+Shift+A")),
        [this] { applyExactMatchToIdentical(); });
    setContextMenuPolicy(Qt::ActionsContextMenu);
    refresh();
}

TranslationView::~TranslationView() = default;

void TranslationView::setDocument(ArticleDocument* document) {
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_earlierSource.clear();
    m_memoryPair.clear(); // read again: what was translated since is in the library now
    if (document)
        connect(document, &ArticleDocument::edited, m_refreshTimer, qOverload<>(&QTimer::start));
    refresh();
    m_table->setCurrentCell(-1, -1); // from the first row on
    goToNextOpen(true);
}

const LanguageVersion* TranslationView::sourceVersion() const {
    return m_source.language.isEmpty() ? nullptr : &m_source;
}

void TranslationView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

bool TranslationView::realign() {
    m_source = {};
    m_alignment = {};
    const Article article = m_document ? m_document->article() : Article{};
    const LanguageVersion* target = m_document ? article.version(m_document->language()) : nullptr;
    const LanguageVersion* source = target ? translation::sourceVersion(article, *target) : nullptr;
    if (!source)
        return false;
    m_source = *source;
    m_target = *target;
    m_alignment = translation::align(m_source, m_target);

    // What the outdated rows were made from, looked up once per fingerprint.
    QSet<QString> missing;
    for (const AlignedRow& row : std::as_const(m_alignment.rows))
        if (row.state == SegmentState::Outdated && !m_earlierSource.contains(row.madeFrom))
            missing.insert(row.madeFrom);
    if (!missing.isEmpty()) {
        const auto found =
            translation::earlierSourceTexts(m_library, article.id, m_source.language, missing);
        if (found)
            m_earlierSource.insert(*found);
        else
            Q_EMIT message(found.error());
        for (const QString& fingerprint : std::as_const(missing))
            if (!m_earlierSource.contains(fingerprint))
                m_earlierSource.insert(fingerprint, QString()); // not in the history
    }
    return true;
}

void TranslationView::refresh() {
    m_refreshTimer->stop();
    // Aligning and laying out every row costs milliseconds per edit: not while hidden.
    m_stale = !isVisible();
    if (m_stale)
        return;
    const int current = currentRow();
    const int scroll = m_table->verticalScrollBar()->value();
    m_filling = true;
    if (!realign()) {
        m_table->setRowCount(0);
        m_table->setHorizontalHeaderLabels({tr("State"), tr("Source"), tr("Translation")});
        m_header->setText(m_document
                              ? tr("This version is the article's source. Open one of its "
                                   "translations (the language switcher) to work on it beside it.")
                              : tr("No article is open."));
        m_orphanNotice->hide();
        m_details->clear();
        m_filling = false;
        return;
    }

    const translation::Progress progress = translation::progressOf(m_alignment);
    QString summary =
        tr("From %1 into %2: %3% translated")
            .arg(languageDisplayName(m_source.language), languageDisplayName(m_target.language))
            .arg(progress.percentDone());
    if (progress.outdated)
        summary += tr(", %n outdated", nullptr, progress.outdated);
    if (progress.untranslated)
        summary += tr(", %n untranslated", nullptr, progress.untranslated);
    if (progress.draft)
        summary += tr(", %n draft", nullptr, progress.draft);
    if (!m_versionFindings.isEmpty())
        summary += u'\n' + m_versionFindings.join(u'\n');
    m_header->setText(summary);
    if (m_alignment.orphans.isEmpty()) {
        m_orphanNotice->hide();
    } else {
        m_orphanNotice->setText(
            tr("%n translated segment(s) at the end have no source segment any more: the next "
               "change made here leaves them out (Undo brings them back).",
               nullptr, int(m_alignment.orphans.size())));
        m_orphanNotice->show();
    }

    runQa();
    auto* delegate = static_cast<SegmentDelegate*>(m_table->itemDelegate());
    delegate->sourceDirection = QLocale(m_source.language).textDirection();
    delegate->targetDirection = QLocale(m_target.language).textDirection();
    m_table->setHorizontalHeaderLabels({tr("State"),
                                        m_editSource->isChecked()
                                            ? tr("%1 (editable)", "the source column's header")
                                                  .arg(nativeLanguageName(m_source.language))
                                            : nativeLanguageName(m_source.language),
                                        nativeLanguageName(m_target.language)});
    m_table->setRowCount(int(m_alignment.rows.size() + m_alignment.orphans.size()));
    for (int row = 0; row < m_table->rowCount(); ++row)
        fillRow(row);
    m_table->resizeRowsToContents();
    m_resizeTimer->start(); // again once the columns have their widths
    m_filling = false;
    if (current >= 0 && current < m_table->rowCount())
        m_table->setCurrentCell(current, TargetColumn);
    m_table->verticalScrollBar()->setValue(scroll);

    const QString pair = m_source.language + u'\n' + m_target.language;
    if (pair != m_memoryPair)
        loadMemory();
    showDetails();
}

void TranslationView::fillRow(int row) {
    auto item = [this, row](int column, const QString& text, bool editable) {
        QTableWidgetItem* cell = m_table->item(row, column);
        if (!cell) {
            cell = new QTableWidgetItem;
            m_table->setItem(row, column, cell);
        }
        cell->setText(text);
        Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
        if (editable)
            flags |= Qt::ItemIsEditable;
        cell->setFlags(flags);
        return cell;
    };
    if (row >= m_alignment.rows.size()) {
        const translation::Segment& orphan = m_alignment.orphans[row - m_alignment.rows.size()];
        QTableWidgetItem* state = item(StateColumn, tr("source deleted"), false);
        state->setIcon(stateIcon(QColor(0x90, 0x90, 0x90)));
        item(SourceColumn, QString(), false);
        item(TargetColumn, orphan.text, false)->setForeground(palette().placeholderText());
        return;
    }
    const AlignedRow& r = m_alignment.rows[row];
    QString label = stateLabel(r.state);
    if (const QString kind = kindLabel(r.source.kind); !kind.isEmpty())
        label += u'\n' + kind;
    const QStringList findings = m_rowFindings.value(row);
    if (!findings.isEmpty())
        label += u'\n' + tr("%n check(s)", nullptr, int(findings.size()));
    QTableWidgetItem* state = item(StateColumn, label, false);
    state->setIcon(findings.isEmpty() ? stateIcon(stateColor(r.state))
                   : m_rowWarnings.contains(row)
                       ? style()->standardIcon(QStyle::SP_MessageBoxWarning)
                       : style()->standardIcon(QStyle::SP_MessageBoxInformation));
    state->setToolTip(findings.join(u'\n'));
    // An alt text is edited in its image's Markdown, in the editor.
    QTableWidgetItem* source =
        item(SourceColumn, r.source.text,
             m_editSource->isChecked() && r.source.kind != SegmentKind::AltText);
    source->setToolTip(m_editSource->isChecked() && r.source.kind == SegmentKind::AltText
                           ? tr("Edit this alt text in the source version's editor.")
                           : QString());
    // An alt text inside a paragraph is translated with the paragraph's text.
    bool editable = true;
    if (r.source.kind == SegmentKind::AltText)
        for (const AlignedRow& other : std::as_const(m_alignment.rows))
            if (other.source.kind == SegmentKind::Block && other.source.start <= r.source.start &&
                r.source.stop <= other.source.stop)
                editable = false;
    QTableWidgetItem* target = item(TargetColumn, r.target ? r.target->text : QString(), editable);
    target->setToolTip(editable ? QString()
                                : tr("This alt text is translated in its paragraph's row."));
}

bool TranslationView::isEditable(int row) const {
    const QTableWidgetItem* cell = m_table->item(row, TargetColumn);
    return row >= 0 && row < m_alignment.rows.size() && cell &&
           cell->flags().testFlag(Qt::ItemIsEditable);
}

int TranslationView::currentRow() const {
    return m_table->currentRow();
}

void TranslationView::setCurrentRow(int row) {
    if (row >= 0 && row < m_table->rowCount()) {
        m_table->setCurrentCell(row, TargetColumn);
        m_table->scrollToItem(m_table->item(row, TargetColumn));
    }
}

void TranslationView::commitEditor() {
    auto* delegate = static_cast<SegmentDelegate*>(m_table->itemDelegate());
    if (!delegate->editor)
        return;
    // Closed without writing into the cell: the caller applies a target's text itself,
    // in the state it chooses, as one step; a source's is applied here.
    QPlainTextEdit* editor = delegate->editor;
    const bool source = delegate->editorColumn == SourceColumn;
    const int row = currentRow();
    const QString text = editor->toPlainText();
    Q_EMIT delegate->closeEditor(editor, QAbstractItemDelegate::RevertModelCache);
    if (source && row >= 0 && row < m_alignment.rows.size() &&
        m_alignment.rows[row].source.text != text)
        applySource(row, m_alignment.rows[row].source.text, text, true);
}

bool TranslationView::setTargetText(int row, const QString& text, SegmentState state) {
    if (row < 0 || row >= m_alignment.rows.size())
        return apply(row, QString(), text, state, true);
    return apply(row, m_alignment.rows[row].source.text, text, state, true);
}

int TranslationView::findRow(int row, const QString& sourceText, const QString& text) {
    if (m_refreshTimer->isActive())
        realign(); // the rows as the document is now: an edit in the editor may move them
    if (!m_document || !sourceVersion())
        return -2;
    // The row the text was written for, found by its source text if rows moved.
    if (row >= 0 && row < m_alignment.rows.size() &&
        m_alignment.rows[row].source.text != sourceText) {
        row = -1;
        for (int i = 0; i < m_alignment.rows.size() && row < 0; ++i)
            if (m_alignment.rows[i].source.text == sourceText)
                row = i;
        if (row < 0) {
            QGuiApplication::clipboard()->setText(text);
            Q_EMIT message(tr("The segment's source changed meanwhile: your text was not put "
                              "in, it is on the clipboard."));
            return -2;
        }
    }
    return row;
}

void TranslationView::refreshSoon(bool now) {
    if (now)
        refresh();
    else // from inside the table's own signal: once it is done with the item
        QTimer::singleShot(0, this, &TranslationView::refresh);
}

bool TranslationView::applySource(int row, const QString& sourceText, const QString& text,
                                  bool refreshNow) {
    row = findRow(row, sourceText, text);
    if (row < 0 || row >= m_alignment.rows.size())
        return false;
    const translation::Segment& segment = m_alignment.rows[row].source;
    if (segment.kind == SegmentKind::AltText) {
        Q_EMIT message(tr("Edit this alt text in the source version's editor."));
        return false;
    }
    m_document->replaceOtherVersion(translation::withSegmentText(m_source, segment, text));
    refreshSoon(refreshNow);
    return true;
}

bool TranslationView::apply(int row, const QString& sourceText, const QString& text,
                            SegmentState state, bool refreshNow) {
    row = findRow(row, sourceText, text);
    if (row == -2)
        return false;
    if (!isEditable(row)) {
        Q_EMIT message(row >= m_alignment.rows.size()
                           ? tr("This segment has no source segment: edit it in the editor.")
                           : tr("This alt text is translated in its paragraph's row."));
        return false;
    }
    std::map<qsizetype, translation::RowTranslation> changes{
        {row, translation::RowTranslation{text, state}}};
    m_document->applyTranslation(translation::applyTranslations(m_source, m_target, changes));
    refreshSoon(refreshNow);
    return true;
}

void TranslationView::commitPendingEdit() {
    auto* delegate = static_cast<SegmentDelegate*>(m_table->itemDelegate());
    if (!delegate->editor)
        return;
    if (delegate->editorColumn == SourceColumn) {
        commitEditor();
        return;
    }
    const int row = currentRow();
    const QString text = delegate->editor->toPlainText();
    commitEditor();
    const QTableWidgetItem* source = m_table->item(row, SourceColumn);
    const QTableWidgetItem* target = m_table->item(row, TargetColumn);
    if (source && target && target->text() != text)
        apply(row, source->text(), text, SegmentState::Draft, true);
}

void TranslationView::markCurrent(SegmentState state) {
    const int row = currentRow();
    if (row < 0 || row >= m_alignment.rows.size())
        return;
    auto* delegate = static_cast<SegmentDelegate*>(m_table->itemDelegate());
    const AlignedRow& r = m_alignment.rows[row];
    QString text = delegate->editor && delegate->editorColumn == TargetColumn
                       ? delegate->editor->toPlainText()
                       : (r.target ? r.target->text : QString());
    commitEditor();
    if (text.trimmed().isEmpty()) {
        Q_EMIT message(tr("Nothing to mark: type the translation, copy the source "
                          "(Ctrl+Shift+R) or take a memory match (Alt+1)."));
        return;
    }
    if (setTargetText(row, text, state))
        goToNextOpen(true);
}

void TranslationView::copySourceToCurrent() {
    const int row = currentRow();
    if (row < 0 || row >= m_alignment.rows.size())
        return;
    commitEditor();
    setTargetText(row, m_alignment.rows[row].source.text, SegmentState::Draft);
}

bool TranslationView::goToNextOpen(bool forward) {
    const int rows = int(m_alignment.rows.size());
    for (int row = currentRow() + (forward ? 1 : -1); row >= 0 && row < rows;
         row += forward ? 1 : -1) {
        if (isOpen(m_alignment.rows[row].state)) {
            setCurrentRow(row);
            return true;
        }
    }
    if (rows)
        Q_EMIT message(forward ? tr("No segment left to translate after this one.")
                               : tr("No segment left to translate before this one."));
    return false;
}

void TranslationView::acceptMatch(int index) {
    const int row = currentRow();
    if (index < 0 || index >= m_matches.size() || row < 0)
        return;
    commitEditor();
    // A 100% match is a translation of this very text; a fuzzy one needs editing.
    const translation::MemoryMatch match = m_matches[index];
    setTargetText(row, match.entry.target,
                  match.percent == 100 ? SegmentState::Translated : SegmentState::Draft);
}

int TranslationView::applyExactMatchToIdentical() {
    const int row = currentRow();
    if (row < 0 || row >= m_alignment.rows.size() || m_matches.isEmpty() ||
        m_matches.front().percent != 100) {
        Q_EMIT message(tr("The current segment has no 100% match in the memory."));
        return 0;
    }
    commitEditor();
    const QString source = m_alignment.rows[row].source.text.simplified();
    const QString translation = m_matches.front().entry.target;
    std::map<qsizetype, translation::RowTranslation> changes;
    for (qsizetype i = 0; i < m_alignment.rows.size(); ++i) {
        const AlignedRow& r = m_alignment.rows[i];
        if ((i == row || r.state == SegmentState::Untranslated) && isEditable(int(i)) &&
            r.source.text.simplified() == source)
            changes[i] = translation::RowTranslation{translation, SegmentState::Translated};
    }
    if (changes.empty())
        return 0;
    m_document->applyTranslation(translation::applyTranslations(m_source, m_target, changes));
    refresh();
    Q_EMIT message(tr("The 100% match went into %n segment(s).", nullptr, int(changes.size())));
    return int(changes.size());
}

void TranslationView::loadMemory() {
    m_memory.reset();
    m_memoryPair = m_source.language + u'\n' + m_target.language;
    // A large memory takes seconds to index: read on a thread of its own, through a
    // connection of its own (a Library is for one thread).
    const QString path = m_library.path();
    const QString from = m_source.language;
    const QString into = m_target.language;
    auto* watcher =
        new QFutureWatcher<std::pair<std::shared_ptr<translation::TranslationMemory>, QString>>(
            this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, pair = m_memoryPair] {
        watcher->deleteLater();
        if (pair != m_memoryPair)
            return; // another article's pair was asked for since
        auto [memory, problem] = watcher->result();
        if (!problem.isEmpty())
            Q_EMIT message(tr("The translation memory cannot be read: %1").arg(problem));
        m_memory = memory ? memory : std::make_shared<translation::TranslationMemory>();
        showDetails();
        Q_EMIT memoryLoaded();
    });
    watcher->setFuture(QtConcurrent::run([path, from, into] {
        std::pair<std::shared_ptr<translation::TranslationMemory>, QString> out;
        const auto library = Library::open(path, Library::Mode::ReadOnly);
        if (!library) {
            out.second = library.error();
            return out;
        }
        auto memory = translation::loadMemory(**library, from, into);
        if (!memory)
            out.second = memory.error();
        else
            out.first = std::make_shared<translation::TranslationMemory>(std::move(*memory));
        return out;
    }));
}

void TranslationView::runQa() {
    m_rowFindings.clear();
    m_rowWarnings.clear();
    m_versionFindings.clear();
    checks::CheckContext context;
    context.onlyChecks = {QStringLiteral("version-numbers"),     QStringLiteral("version-dates"),
                          QStringLiteral("version-links"),       QStringLiteral("segment-markup"),
                          QStringLiteral("segment-identical"),   QStringLiteral("segment-length"),
                          QStringLiteral("segment-inconsistent")};
    if (m_memory)
        context.otherTranslations = [this](const QString& from, const QString& into,
                                           const QString& text) {
            // Other articles' translations: this one's own earlier ones, saved before an
            // edit made here, are no disagreement.
            const QString self = m_document->articleId().toString(QUuid::WithoutBraces);
            QStringList targets;
            for (const translation::MemoryMatch& m : m_memory->lookup(from, into, text, 100, 10))
                if (m.entry.article != self)
                    targets.append(m.entry.target);
            return targets;
        };
    QList<checks::Finding> findings;
    translation::compareVersions(m_source, m_target, context, findings);
    for (const checks::Finding& f : std::as_const(findings)) {
        // The row whose target holds the finding: a field's row, or the body segment
        // its start falls in; else it is about the version (something missing).
        int found = -1;
        for (int i = 0; i < m_alignment.rows.size() && found < 0; ++i) {
            const auto& target = m_alignment.rows[i].target;
            if (!target || translation::fieldOfSegment(target->kind) != f.field)
                continue;
            if (f.field != checks::Field::Body ||
                (f.range.length() > 0 && f.range.start.offset >= target->start &&
                 f.range.start.offset < target->stop))
                found = i;
        }
        if (found >= 0) {
            m_rowFindings[found].append(f.message);
            if (f.severity != checks::Severity::Info)
                m_rowWarnings.insert(found);
        } else
            m_versionFindings.append(f.message);
    }
}

void TranslationView::showDetails() {
    m_matches.clear();
    const int row = currentRow();
    if (!sourceVersion() || row < 0 || row >= m_alignment.rows.size()) {
        m_details->clear();
        return;
    }
    const AlignedRow& r = m_alignment.rows[row];
    QString html;
    for (const QString& finding : m_rowFindings.value(row))
        html += QStringLiteral("<p>\u26a0 %1</p>").arg(finding.toHtmlEscaped());
    if (r.state == SegmentState::Outdated) {
        const QString earlier = m_earlierSource.value(r.madeFrom);
        html += QStringLiteral("<p><b>%1</b></p>")
                    .arg(tr("The source changed since this was translated:").toHtmlEscaped());
        html += earlier.isEmpty()
                    ? QStringLiteral("<p><i>%1</i></p>")
                          .arg(tr("(its earlier text is not in the article's recent history)")
                                   .toHtmlEscaped())
                    : QStringLiteral("<p dir=\"%1\">%2</p>")
                          .arg(dirOf(r.source.text, m_source.language),
                               diffHtml(translation::wordDiff(earlier, r.source.text)));
    }
    if (!m_memory) {
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(tr("Reading the translation memory…").toHtmlEscaped());
    } else {
        m_matches = m_memory->lookup(m_source.language, m_target.language, r.source.text, 70, 3);
        // This version's own translations of the same text, as they are now (an undone
        // one is gone), before the library's, which has what was saved.
        const QString text = r.source.text.simplified();
        for (int i = int(m_alignment.rows.size()) - 1; i >= 0; --i) {
            const AlignedRow& other = m_alignment.rows[i];
            if (i == row || !other.target || other.source.text.simplified() != text ||
                (other.state != SegmentState::Translated && other.state != SegmentState::Reviewed))
                continue;
            m_matches.removeIf([&](const translation::MemoryMatch& m) {
                return m.entry.target == other.target->text;
            });
            m_matches.prepend(translation::MemoryMatch{
                translation::MemoryEntry{m_source.language,
                                         m_target.language,
                                         other.source.text,
                                         other.target->text,
                                         m_document->articleId().toString(QUuid::WithoutBraces),
                                         {}},
                100,
                {}});
        }
        if (m_matches.size() > 3)
            m_matches.resize(3);
        html += QStringLiteral("<p><b>%1</b></p>")
                    .arg((m_matches.isEmpty() ? tr("No match in the translation memory.")
                                              : tr("Translation memory:"))
                             .toHtmlEscaped());
        for (int i = 0; i < m_matches.size(); ++i) {
            const translation::MemoryMatch& m = m_matches[i];
            html +=
                QStringLiteral("<p><a href=\"match:%1\">%2</a> <b>%3%</b> "
                               "<span dir=\"%4\">%5</span>")
                    .arg(i)
                    .arg(tr("Alt+%1").arg(i + 1).toHtmlEscaped())
                    .arg(m.percent)
                    .arg(dirOf(m.entry.target, m_target.language), m.entry.target.toHtmlEscaped());
            if (m.percent < 100)
                html += QStringLiteral("<br><small dir=\"%1\">%2</small>")
                            .arg(dirOf(r.source.text, m_source.language), diffHtml(m.difference));
            html += QStringLiteral("</p>");
        }
    }
    m_details->setHtml(html);
}

} // namespace copydesk
