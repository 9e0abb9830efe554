#pragma once

#include "common/result.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QMimeData;
class QWidget;

namespace copydesk {

class Library;
class MarkdownEditor;

/// Markdown made from HTML on the clipboard, and what making it found.
struct PastedMarkdown final {
    QString markdown;
    /// One translated line each: what the import read otherwise than written, the
    /// clean-up fixes applied and the findings left in the pasted text.
    QStringList notes;
};

/// HTML from the clipboard (a web page, a word processor) to Markdown through the same
/// import as HTML files (htmlToMarkdown(), with Word's and web pages' handling) and the
/// import clean-up (its safe fixes applied; the body's findings reported), for text in
/// `language`. An error says why nothing can be pasted (nesting too deep, too big).
Result<PastedMarkdown> markdownFromClipboardHtml(const QString& html, const QString& language);

/// Smart paste and drop for the MarkdownEditor (MarkdownEditor::setSmartPaste()): HTML
/// becomes Markdown (markdownFromClipboardHtml()), an image (pasted, or an image file
/// dropped) is stored in the library's media by content and inserted as
/// `![alt](media:NAME)` after asking for its alt text; each is one undo step. Plain
/// text, and HTML that Copydesk's own editor put on the clipboard, are not for this:
/// the editor pastes them as plain text.
class SmartPaste final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SmartPaste)

public:
    /// Asks for the alt text of an image (`suggestion`: e.g. the file's name); nullopt
    /// when the user cancels, and then nothing is stored or inserted.
    using AltTextPrompt =
        std::function<std::optional<QString>(QWidget* parent, const QString& suggestion)>;

    SmartPaste(Library& library, MarkdownEditor* editor);
    ~SmartPaste() override;

    /// Replaces the dialog that asks for alt text (tests answer without one).
    void setAltTextPrompt(AltTextPrompt prompt);

    /// Whether `source` is HTML or an image that insert() handles.
    bool handles(const QMimeData* source) const;
    /// Inserts `source` at the editor's cursor; false when it is not for smart paste
    /// (the editor then pastes it as it would).
    bool insert(const QMimeData* source);

Q_SIGNALS:
    /// What the last paste found or why it failed, for the status bar or a checks
    /// panel; emitted when there is something to say.
    void notesReady(const QStringList& notes);

private:
    bool insertImage(const QMimeData* source);
    void insertAsOneStep(const QString& markdown);

    Library& m_library;
    MarkdownEditor* m_editor;
    AltTextPrompt m_prompt;
};

} // namespace copydesk
