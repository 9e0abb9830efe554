#include "checks/checklistpanel.h"

#include "checks/checksrunner.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace copydesk {

namespace {
constexpr int kIndexRole = Qt::UserRole + 1;
}

ChecklistPanel::ChecklistPanel(ChecksRunner* runner, QWidget* parent)
    : QWidget(parent)
    , m_runner(runner) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("checklistSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("checklist"));
    m_list->setAccessibleName(tr("Findings of the checks"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Finding"), tr("Where")});
    m_list->setRootIsDecorated(false);
    m_list->setWordWrap(true);
    m_list->setUniformRowHeights(false);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    layout->addWidget(m_list, 1);

    auto* buttons = new QHBoxLayout;
    m_fix = new QPushButton(tr("&Fix"), this);
    m_fix->setObjectName(QStringLiteral("fixButton"));
    m_fix->setToolTip(tr("Apply the proposed correction (one step of Undo)"));
    m_ignore = new QPushButton(tr("&Ignore"), this);
    m_ignore->setObjectName(QStringLiteral("ignoreButton"));
    m_ignore->setToolTip(tr("Do not report this finding again for this article"));
    buttons->addWidget(m_fix);
    buttons->addWidget(m_ignore);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    connect(m_fix, &QPushButton::clicked, this, &ChecklistPanel::fixSelected);
    connect(m_ignore, &QPushButton::clicked, this, &ChecklistPanel::ignoreSelected);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        updateButtons();
        if (item)
            m_runner->reveal(item->data(0, kIndexRole).toInt());
    });
    connect(m_list, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem* item) { m_runner->reveal(item->data(0, kIndexRole).toInt()); });
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        m_runner->reveal(item->data(0, kIndexRole).toInt());
        Q_EMIT findingOpened();
    });
    connect(m_runner, &ChecksRunner::findingsChanged, this, &ChecklistPanel::refresh);
    refresh();
}

int ChecklistPanel::selectedIndex() const {
    const QTreeWidgetItem* item = m_list->currentItem();
    return item ? item->data(0, kIndexRole).toInt() : -1;
}

void ChecklistPanel::refresh() {
    // The same finding stays selected across runs, when it is still there.
    const int row = m_list->currentItem() ? m_list->indexOfTopLevelItem(m_list->currentItem()) : -1;
    const QSignalBlocker block(m_list);
    m_list->clear();
    const QList<ChecksRunner::Entry>& entries = m_runner->findings();
    int errors = 0;
    int warnings = 0;
    for (int i = 0; i < entries.size(); ++i) {
        const checks::Finding& f = entries[i].finding;
        auto* item = new QTreeWidgetItem(m_list);
        QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
        if (f.severity == checks::Severity::Error)
            icon = QStyle::SP_MessageBoxCritical, ++errors;
        else if (f.severity == checks::Severity::Warning)
            icon = QStyle::SP_MessageBoxWarning, ++warnings;
        item->setIcon(0, style()->standardIcon(icon));
        item->setText(0, f.message);
        // The body is long: its line says where; the other fields are one line or none.
        item->setText(
            1, f.field == checks::Field::Body
                   ? tr("%1, line %2").arg(checks::fieldLabel(f.field)).arg(f.range.start.line)
                   : checks::fieldLabel(f.field));
        QString tip = QStringLiteral("%1 — %2").arg(checks::severityLabel(f.severity), f.message);
        if (!f.excerpt.isEmpty())
            tip += QStringLiteral("\n“%1”").arg(f.excerpt);
        if (f.fix)
            tip += QLatin1Char('\n') + tr("Fix: %1").arg(f.fix->description);
        tip += QLatin1Char('\n') + tr("Check: %1").arg(f.checkId);
        item->setToolTip(0, tip);
        item->setToolTip(1, checks::formatRange(f.range));
        item->setData(0, kIndexRole, i);
    }
    if (!m_runner->problem().isEmpty())
        m_summary->setText(m_runner->problem());
    else if (entries.isEmpty())
        m_summary->setText(tr("No findings"));
    else
        m_summary->setText(tr("%n finding(s)", nullptr, int(entries.size())) +
                           QStringLiteral(": ") + tr("%n error(s)", nullptr, errors) +
                           QStringLiteral(", ") + tr("%n warning(s)", nullptr, warnings));
    if (row >= 0 && row < m_list->topLevelItemCount())
        m_list->setCurrentItem(m_list->topLevelItem(row));
    updateButtons();
}

void ChecklistPanel::updateButtons() {
    const int index = selectedIndex();
    const QList<ChecksRunner::Entry>& entries = m_runner->findings();
    const bool valid = index >= 0 && index < entries.size();
    m_fix->setEnabled(valid && entries[index].finding.fix.has_value());
    m_ignore->setEnabled(valid);
}

void ChecklistPanel::fixSelected() {
    if (const auto fixed = m_runner->applyFix(selectedIndex()); !fixed)
        Q_EMIT message(fixed.error());
}

void ChecklistPanel::ignoreSelected() {
    if (const auto ignored = m_runner->ignore(selectedIndex()); !ignored)
        Q_EMIT message(ignored.error());
}

} // namespace copydesk
