#pragma once

#include "common/result.h"

#include <QPlainTextEdit>

#include <functional>

class QMenu;

namespace copydesk {

class ArticleDocument;
class Library;
class MarkdownHighlighter;
class SmartPaste;
class SpellChecker;
class SpellerPool;
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

    /// Spell checking of every version shown from now on, in its language, with the
    /// dictionaries of `spellers` and the personal dictionary kept in `library` (null:
    /// no spell checking; no personal dictionary). Both must outlive the editor's
    /// documents. See markdowneditor_spelling.cpp.
    void setSpelling(SpellerPool* spellers, Library* library);
    /// The spell checker of the version shown (null when there is none).
    SpellChecker* spellChecker() const { return m_spell; }
    /// Adds `word` to the library's personal dictionary of the version's language, and
    /// stops marking it.
    Result<void> addToDictionary(const QString& word);
    /// Stops marking `word` in this session.
    void ignoreWord(const QString& word);

    /// Adds entries to the context menu at document position `position` (findings of
    /// the checks, for example), above the editing commands.
    using MenuHook = std::function<void(QMenu* menu, int position)>;
    void addContextMenuHook(MenuHook hook);
    /// The context menu at document position `position`: spelling suggestions, "Add
    /// to Dictionary" and "Ignore" on a misspelt word, the hooks' entries, then the
    /// standard editing commands. The caller owns it.
    QMenu* createContextMenu(int position, QWidget* parent);

    /// Focus mode: the paragraph with the cursor in full colour, the rest dimmed.
    /// See markdowneditor_focus.cpp.
    void setFocusMode(bool on);
    bool focusMode() const { return m_focusMode; }
    /// The source paragraph the cursor is in, as [first, last] block numbers.
    std::pair<int, int> focusedParagraph() const;

Q_SIGNALS:
    void focusLost();
    /// The cursor moved to another source line (1-based).
    void currentLineChanged(int line);
    /// The spell checker found its dictionary, or found none (once per version).
    void spellingStatusChanged();
    /// A line for the status bar (a word could not be added to the dictionary, ...).
    void statusMessage(const QString& message);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool canInsertFromMimeData(const QMimeData* source) const override;
    void insertFromMimeData(const QMimeData* source) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    /// The text's font for a version in `language`.
    QFont bodyFont(const QString& language) const;
    void createSpellChecker();
    void updateFocusMode();
    void updateFocusMargins();

    void wrapSelection(const QString& before, const QString& after);
    void toggleLinePrefix(const QString& prefix, bool numbered = false);
    bool continueBlock();

    ArticleDocument* m_document = nullptr;
    MarkdownHighlighter* m_highlighter = nullptr;
    SmartPaste* m_smartPaste = nullptr;
    int m_lastLine = 0;
    SpellerPool* m_spellers = nullptr;
    Library* m_library = nullptr;
    SpellChecker* m_spell = nullptr;
    QList<MenuHook> m_menuHooks;
    bool m_focusMode = false;
    std::pair<int, int> m_focused{-1, -1};
};

} // namespace copydesk
