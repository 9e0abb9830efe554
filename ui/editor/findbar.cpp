#include "editor/findbar.h"

#include "editor/markdowneditor.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

namespace copydesk {

FindBar::FindBar(MarkdownEditor* editor, QWidget* parent)
    : QWidget(parent)
    , m_editor(editor) {
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    m_find = new QLineEdit(this);
    m_find->setPlaceholderText(tr("Find"));
    m_find->setAccessibleName(tr("Find"));
    m_find->setClearButtonEnabled(true);
    m_replace = new QLineEdit(this);
    m_replace->setPlaceholderText(tr("Replace with"));
    m_replace->setAccessibleName(tr("Replace with"));
    m_case = new QCheckBox(tr("Match &case"), this);
    m_words = new QCheckBox(tr("&Whole words"), this);
    m_regex = new QCheckBox(tr("Regular e&xpression"), this);
    auto* next = new QPushButton(tr("&Next"), this);
    next->setToolTip(
        tr("Find the next match (%1)")
            .arg(QKeySequence(QKeySequence::FindNext).toString(QKeySequence::NativeText)));
    auto* previous = new QPushButton(tr("&Previous"), this);
    previous->setToolTip(
        tr("Find the previous match (%1)")
            .arg(QKeySequence(QKeySequence::FindPrevious).toString(QKeySequence::NativeText)));
    auto* replace = new QPushButton(tr("&Replace"), this);
    auto* all = new QPushButton(tr("Replace &All"), this);
    all->setToolTip(tr("Replace every match (one step to undo)"));
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("×"));
    close->setToolTip(tr("Close (Esc)"));
    close->setAccessibleName(tr("Close find bar"));
    m_message = new QLabel(this);

    layout->addWidget(m_find, 0, 0);
    layout->addWidget(next, 0, 1);
    layout->addWidget(previous, 0, 2);
    layout->addWidget(m_case, 0, 3);
    layout->addWidget(m_words, 0, 4);
    layout->addWidget(m_regex, 0, 5);
    layout->addWidget(close, 0, 6);
    layout->addWidget(m_replace, 1, 0);
    layout->addWidget(replace, 1, 1);
    layout->addWidget(all, 1, 2);
    layout->addWidget(m_message, 1, 3, 1, 4);
    layout->setColumnStretch(0, 1);

    connect(m_find, &QLineEdit::returnPressed, this, &FindBar::findNext);
    connect(next, &QPushButton::clicked, this, &FindBar::findNext);
    connect(previous, &QPushButton::clicked, this, &FindBar::findPrevious);
    connect(replace, &QPushButton::clicked, this, [this] {
        if (!m_editor->replaceNext(query(), m_replace->text()))
            say(tr("Not found"));
    });
    connect(m_replace, &QLineEdit::returnPressed, replace, &QPushButton::click);
    connect(all, &QPushButton::clicked, this, &FindBar::replaceAll);
    connect(close, &QToolButton::clicked, this, [this] {
        hide();
        m_editor->setFocus();
    });
    hide();
}

FindQuery FindBar::query() const {
    FindQuery q;
    q.text = m_find->text();
    q.caseSensitive = m_case->isChecked();
    q.wholeWords = m_words->isChecked();
    q.regularExpression = m_regex->isChecked();
    return q;
}

void FindBar::showFind() {
    const QString selected = m_editor->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        m_find->setText(selected);
    m_replace->setVisible(true);
    m_message->clear();
    show();
    m_find->setFocus();
    m_find->selectAll();
}

void FindBar::showReplace() {
    showFind();
    if (!m_find->text().isEmpty())
        m_replace->setFocus();
}

bool FindBar::findNext() {
    const bool found = m_editor->find(query());
    say(found ? QString() : tr("Not found"));
    return found;
}

bool FindBar::findPrevious() {
    const bool found = m_editor->find(query(), true);
    say(found ? QString() : tr("Not found"));
    return found;
}

int FindBar::replaceAll() {
    const int count = m_editor->replaceAll(query(), m_replace->text());
    say(tr("%n replaced", nullptr, count));
    return count;
}

void FindBar::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape) {
        hide();
        m_editor->setFocus();
        return;
    }
    QWidget::keyPressEvent(event);
}

void FindBar::say(const QString& message) {
    m_message->setText(message);
}

} // namespace copydesk
