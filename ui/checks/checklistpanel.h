#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace copydesk {

class ChecksRunner;

/// The checklist: the findings of the editorial checks on the version being edited,
/// most severe first within each field, as the ChecksRunner finds them while the text
/// is written. Selecting a finding shows it in the editor; "Fix" applies its fix as
/// one undo step; "Ignore" puts it on the article's ignore list in the library.
class ChecklistPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChecklistPanel)

public:
    explicit ChecklistPanel(ChecksRunner* runner, QWidget* parent = nullptr);

    QTreeWidget* list() const { return m_list; }
    /// Fix or ignore the selected finding (the buttons).
    void fixSelected();
    void ignoreSelected();

Q_SIGNALS:
    /// A finding was opened (double click, Enter): the editor may take the focus.
    void findingOpened();
    /// Something went wrong with a button; one line for the status bar.
    void message(const QString& text);

private:
    void refresh();
    void updateButtons();
    int selectedIndex() const;

    ChecksRunner* m_runner;
    QLabel* m_summary = nullptr;
    QTreeWidget* m_list = nullptr;
    QPushButton* m_fix = nullptr;
    QPushButton* m_ignore = nullptr;
};

} // namespace copydesk
