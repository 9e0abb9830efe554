#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace copydesk {

class MarkdownEditor;

/// What to look for in the editor.
struct FindQuery final {
    QString text;
    bool caseSensitive = false;
    bool wholeWords = false;
    bool regularExpression = false;
};

/// The find and replace bar under the editor (Ctrl+F, Ctrl+H): plain text, whole
/// words, case, regular expressions; "Replace all" is one undo step.
class FindBar final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindBar)

public:
    explicit FindBar(MarkdownEditor* editor, QWidget* parent = nullptr);

    FindQuery query() const;
    /// Shows the bar with the editor's selection as the text to find.
    void showFind();
    void showReplace();
    bool findNext();
    bool findPrevious();
    int replaceAll();
    QLineEdit* findField() const { return m_find; }
    QLineEdit* replaceField() const { return m_replace; }

private:
    void keyPressEvent(QKeyEvent* event) override;
    void say(const QString& message);

    MarkdownEditor* m_editor;
    QLineEdit* m_find = nullptr;
    QLineEdit* m_replace = nullptr;
    QCheckBox* m_case = nullptr;
    QCheckBox* m_words = nullptr;
    QCheckBox* m_regex = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace copydesk
