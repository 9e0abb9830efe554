#include "export/templatesdialog.h"

#include "library/library.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTextCursor>
#include <QVBoxLayout>

#include <algorithm>

namespace copydesk {

TemplatesDialog::TemplatesDialog(Library& library, QWidget* parent)
    : QDialog(parent)
    , m_library(library) {
    setWindowTitle(tr("Page Templates"));
    resize(900, 640);
    m_tabs = new QTabWidget(this);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QStringList problems;
    for (const TemplateFile file : {TemplateFile::Article, TemplateFile::Fragment,
                                    TemplateFile::Index, TemplateFile::Style}) {
        Page page;
        page.file = file;
        const auto builtIn = PageTemplates::builtInText(file);
        const auto current = PageTemplates::text(m_library, file);
        if (!builtIn || !current) {
            problems.append(!builtIn ? builtIn.error() : current.error());
            continue;
        }
        page.builtIn = *builtIn;
        page.stored = current->own ? current->text : QString();
        page.editor = new QPlainTextEdit(this);
        page.editor->setObjectName(templateFileName(file));
        page.editor->setFont(mono);
        page.editor->setLineWrapMode(QPlainTextEdit::NoWrap);
        // Templates are HTML and CSS, written left to right whatever the interface's
        // direction.
        page.editor->setLayoutDirection(Qt::LeftToRight);
        page.editor->setPlainText(current->text);
        connect(page.editor, &QPlainTextEdit::textChanged, this, &TemplatesDialog::updateTabs);
        m_tabs->addTab(page.editor, templateFileName(file));
        m_pages.append(page);
    }
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (!problems.isEmpty())
        m_status->setText(problems.join(QLatin1Char('\n')));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    QPushButton* restore = buttons->addButton(tr("&Restore Built-in"), QDialogButtonBox::ResetRole);
    restore->setToolTip(tr("Put the built-in file into this tab; Save keeps it."));
    connect(restore, &QPushButton::clicked, this, &TemplatesDialog::restoreBuiltIn);
    connect(buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this, [this] {
        if (const auto saved = save(); !saved)
            QMessageBox::warning(this, tr("Templates not saved"), saved.error());
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &TemplatesDialog::reject);

    auto* layout = new QVBoxLayout(this);
    auto* intro =
        new QLabel(tr("The library's pages are made from these Mustache templates and this "
                      "stylesheet: the preview and every export use them. {{title}} is escaped, "
                      "{{{body}}} is HTML; the article page keeps the body inside the element with "
                      "id=\"copydesk-body\"."),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    updateTabs();
}

TemplatesDialog::~TemplatesDialog() = default;

QPlainTextEdit* TemplatesDialog::editor(TemplateFile file) const {
    for (const Page& page : m_pages) {
        if (page.file == file)
            return page.editor;
    }
    return nullptr;
}

QString TemplatesDialog::ownText(const Page& page) {
    // The built-in text is stored as nothing: the library follows the built-in file.
    const QString text = page.editor->toPlainText();
    return text == page.builtIn ? QString() : text;
}

void TemplatesDialog::updateTabs() {
    for (int i = 0; i < m_pages.size(); ++i) {
        const Page& page = m_pages.at(i);
        const QString own = ownText(page);
        QString label = templateFileName(page.file);
        if (own.isEmpty())
            label = tr("%1 (built-in)").arg(label);
        if (own != page.stored)
            label += QStringLiteral(" *");
        m_tabs->setTabText(i, label);
    }
}

Result<void> TemplatesDialog::save() {
    for (int i = 0; i < m_pages.size(); ++i) {
        const Page& page = m_pages.at(i);
        const QString own = ownText(page);
        if (own == page.stored || own.isEmpty())
            continue;
        if (const auto checked = PageTemplates::check(page.file, own); !checked) {
            m_tabs->setCurrentIndex(i);
            m_status->setText(checked.error());
            return checked;
        }
    }
    bool changed = false;
    const auto stored = m_library.transaction([&]() -> Result<void> {
        for (const Page& page : std::as_const(m_pages)) {
            const QString own = ownText(page);
            if (own == page.stored)
                continue;
            if (const auto set = PageTemplates::setText(m_library, page.file, own); !set)
                return set;
            changed = true;
        }
        return {};
    });
    if (!stored) {
        m_status->setText(stored.error());
        return stored;
    }
    for (Page& page : m_pages)
        page.stored = ownText(page);
    m_status->setText(changed ? tr("Saved: the preview and the next exports use these files.")
                              : tr("Nothing to save."));
    updateTabs();
    if (changed)
        Q_EMIT templatesChanged();
    return {};
}

void TemplatesDialog::restoreBuiltIn() {
    const int index = m_tabs->currentIndex();
    if (index < 0 || index >= m_pages.size())
        return;
    QPlainTextEdit* editor = m_pages.at(index).editor;
    // As one edit, so that Undo in the editor takes it back.
    QTextCursor cursor(editor->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(m_pages.at(index).builtIn);
}

void TemplatesDialog::done(int result) {
    const bool unsaved = std::any_of(m_pages.cbegin(), m_pages.cend(),
                                     [](const Page& page) { return ownText(page) != page.stored; });
    if (unsaved) {
        const auto answer = QMessageBox::question(
            this, tr("Page Templates"), tr("Save the changes to the templates?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel)
            return;
        if (answer == QMessageBox::Save) {
            if (const auto saved = save(); !saved) {
                QMessageBox::warning(this, tr("Templates not saved"), saved.error());
                return;
            }
        }
    }
    QDialog::done(result);
}

} // namespace copydesk
