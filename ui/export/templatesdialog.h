#pragma once

#include "common/result.h"
#include "export/pagetemplates.h"

#include <QDialog>
#include <QList>

class QLabel;
class QPlainTextEdit;
class QTabWidget;

namespace copydesk {

class Library;

/// File > Page Templates…: the library's article page, fragment and language index
/// templates and its stylesheet, one tab each, edited as text (each editor with its own
/// undo). Save checks every changed file (PageTemplates::check(): a syntax error names
/// the template and its line) and stores them all or none; Restore Built-in puts the
/// built-in file back in the editor, to be saved like any edit. The preview and every
/// export use what is saved.
class TemplatesDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TemplatesDialog)

public:
    /// `library` must outlive the dialog.
    explicit TemplatesDialog(Library& library, QWidget* parent = nullptr);
    ~TemplatesDialog() override;

    QPlainTextEdit* editor(TemplateFile file) const;
    /// Checks and stores every edited file; on a failure nothing is stored, the tab of
    /// the file at fault is shown and the error returned.
    Result<void> save();
    /// Puts the built-in text of the current tab's file into its editor (not saved).
    void restoreBuiltIn();

Q_SIGNALS:
    /// Files were stored: the preview shows the page with them.
    void templatesChanged();

private:
    struct Page final {
        TemplateFile file;
        QPlainTextEdit* editor = nullptr;
        QString stored; ///< the library's own text when the dialog opened; empty: built-in
        QString builtIn;
    };
    /// What `page` stores for the text in its editor: empty for the built-in text.
    static QString ownText(const Page& page);
    void updateTabs();
    void done(int result) override;

    Library& m_library;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_status = nullptr;
    QList<Page> m_pages;
};

} // namespace copydesk
