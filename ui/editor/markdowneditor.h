#pragma once

#include <QPlainTextEdit>

namespace copydesk {

class ArticleDocument;
class MarkdownHighlighter;
class SmartPaste;
struct FindQuery;

/// The Markdown editor: a QPlainTextEdit showing an ArticleDocument's body (typing
/// uses that text document's undo). Highlighting comes from the one parse
/// (MarkdownHighlighter); each paragraph is laid out in the direction of its own first
/// strong character (Arabic quotes inside English, Latin names inside Arabic), the
/// widget in the version's direction. Formatting commands edit the Markdown source,
/// each as one undo step; Enter continues a list or a quote.
class MarkdownEditor final : public QPlainTextEdit {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MarkdownEditor)

public:
    explicit MarkdownEditor(QWidget* parent = nullptr);
    ~MarkdownEditor() override;

    /// Shows `document`'s body (null: an empty, read-only editor).
    void setArticleDocument(ArticleDocument* document);
    ArticleDocument* articleDocument() const { return m_document; }
    MarkdownHighlighter* highlighter() const { return m_highlighter; }
    /// Pastes and drops of HTML and images go through `paste` (null: plain text only).
    void setSmartPaste(SmartPaste* paste) { m_smartPaste = paste; }
    SmartPaste* smartPaste() const { return m_smartPaste; }

    /// 1-based line of the cursor (a block is a line of the Markdown source).
    int currentLine() const;
    /// Scrolls so that 1-based source `line` is at the top; the cursor stays.
    void scrollToLine(int line);
    /// Moves the cursor to the start of 1-based `line` and shows it.
    void goToLine(int line);

    void toggleBold();
    void toggleItalic();
    void toggleCode();
    void insertLink();
    /// 0 removes the heading.
    void setHeadingLevel(int level);
    void toggleBulletList();
    void toggleNumberedList();
    void toggleQuote();

    /// Selects the next (or previous) match of `query` from the cursor, wrapping around.
    bool find(const FindQuery& query, bool backward = false);
    /// Replaces the selection if it is a match, then finds the next one.
    bool replaceNext(const FindQuery& query, const QString& replacement);
    /// Replaces every match as one undo step; returns how many.
    int replaceAll(const FindQuery& query, const QString& replacement);

Q_SIGNALS:
    void focusLost();
    /// The cursor moved to another source line (1-based).
    void currentLineChanged(int line);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool canInsertFromMimeData(const QMimeData* source) const override;
    void insertFromMimeData(const QMimeData* source) override;

private:
    void wrapSelection(const QString& before, const QString& after);
    void toggleLinePrefix(const QString& prefix, bool numbered = false);
    bool continueBlock();

    ArticleDocument* m_document = nullptr;
    MarkdownHighlighter* m_highlighter = nullptr;
    SmartPaste* m_smartPaste = nullptr;
    int m_lastLine = 0;
};

} // namespace copydesk
