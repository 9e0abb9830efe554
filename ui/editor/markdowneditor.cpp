#include "editor/markdowneditor.h"

#include "document/articledocument.h"
#include "editor/findbar.h"
#include "editor/markdownhighlighter.h"
#include "editor/smartpaste.h"
#include "editor/spellchecker.h"

#include <QKeyEvent>
#include <QLocale>
#include <QPlainTextDocumentLayout>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextDocument>

namespace copydesk {

namespace {

// The start of a list item or a quote line, for continuing it on Enter. This reads the
// line being typed (not yet a complete block for the parser) and writes its successor.
const QRegularExpression& continuationPattern() {
    static const QRegularExpression pattern(
        QStringLiteral(R"(^(\s*(?:>\s?)*)(?:([-*+])|(\d{1,9})([.)]))?(\s+)(\[[ xX]\]\s+)?)"));
    return pattern;
}

QTextDocument::FindFlags flagsOf(const FindQuery& query, bool backward) {
    QTextDocument::FindFlags flags;
    if (query.caseSensitive)
        flags |= QTextDocument::FindCaseSensitively;
    if (query.wholeWords)
        flags |= QTextDocument::FindWholeWords;
    if (backward)
        flags |= QTextDocument::FindBackward;
    return flags;
}

QRegularExpression regexOf(const FindQuery& query) {
    QRegularExpression re(query.regularExpression ? query.text
                                                  : QRegularExpression::escape(query.text));
    if (query.wholeWords)
        re.setPattern(QStringLiteral("\\b(?:%1)\\b").arg(re.pattern()));
    re.setPatternOptions(query.caseSensitive ? QRegularExpression::NoPatternOption
                                             : QRegularExpression::CaseInsensitiveOption);
    return re;
}

QTextCursor findIn(const QTextDocument* document, const FindQuery& query, const QTextCursor& from,
                   bool backward) {
    if (query.text.isEmpty())
        return {};
    if (query.regularExpression) {
        const QRegularExpression re = regexOf(query);
        if (!re.isValid())
            return {};
        // Whole words are in the pattern already.
        return document->find(re, from, flagsOf(query, backward) & ~QTextDocument::FindWholeWords);
    }
    return document->find(query.text, from, flagsOf(query, backward));
}

} // namespace

MarkdownEditor::MarkdownEditor(QWidget* parent)
    : QPlainTextEdit(parent) {
    setAccessibleName(tr("Article text"));
    setTabChangesFocus(false);
    setCenterOnScroll(false);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    setReadOnly(true);
    // Focus mode's margins are the scroll area's own background: the page's colour,
    // not the window's, so that the column of text sits on one sheet.
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        const int line = currentLine();
        if (line != m_lastLine) {
            m_lastLine = line;
            Q_EMIT currentLineChanged(line);
        }
        if (m_focusMode)
            updateFocusMode();
    });
}

MarkdownEditor::~MarkdownEditor() {
    // The document belongs to the ArticleDocument, which may outlive the editor.
    delete m_spell;
    delete m_highlighter;
}

void MarkdownEditor::setArticleDocument(ArticleDocument* document) {
    delete m_spell; // it marks through the highlighter
    m_spell = nullptr;
    delete m_highlighter;
    m_highlighter = nullptr;
    m_document = document;
    if (!document) {
        auto* empty = new QTextDocument(this);
        empty->setDocumentLayout(new QPlainTextDocumentLayout(empty));
        setDocument(empty);
        setReadOnly(true);
        Q_EMIT spellingStatusChanged();
        return;
    }
    QTextDocument* body = document->body();
    if (!qobject_cast<QPlainTextDocumentLayout*>(body->documentLayout()))
        body->setDocumentLayout(new QPlainTextDocumentLayout(body));
    // Each paragraph takes the direction of its first strong character (Qt resolves
    // it per block with Unicode's bidi classes); the widget takes the version's, so
    // that neutral and empty lines start at the version's edge.
    QTextOption option = body->defaultTextOption();
    option.setTextDirection(Qt::LayoutDirectionAuto);
    // QPlainTextDocumentLayout aligns every block by the document's option, and an
    // automatic direction aligns as left-to-right: the version's direction gives the
    // edge (Arabic lines start on the right), each paragraph's text its bidi order.
    option.setAlignment(
        Qt::AlignAbsolute |
        (document->textDirection() == Qt::RightToLeft ? Qt::AlignRight : Qt::AlignLeft));
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    body->setDefaultTextOption(option);
    body->setDefaultFont(bodyFont(document->language()));
    setDocument(body);
    setLayoutDirection(document->textDirection());
    m_highlighter = new MarkdownHighlighter(body);
    m_highlighter->setPalette(palette());
    m_lastLine = currentLine();
    createSpellChecker();
    m_focused = {-1, -1};
    if (m_focusMode)
        updateFocusMode();
}

QFont MarkdownEditor::bodyFont(const QString& language) const {
    QFont f = font();
    // Arabic script at the size of Latin text reads as a size smaller (its letters sit
    // low and short in the em box): a step up, by the language's script as the
    // locale data gives it.
    if (QLocale(language).script() == QLocale::ArabicScript)
        f.setPointSizeF(f.pointSizeF() * 1.2);
    return f;
}

int MarkdownEditor::currentLine() const {
    return textCursor().blockNumber() + 1;
}

void MarkdownEditor::scrollToLine(int line) {
    const QTextBlock block = document()->findBlockByNumber(std::max(0, line - 1));
    if (!block.isValid())
        return;
    // In a QPlainTextEdit the vertical scroll bar counts lines of layout from the top;
    // the first line of a block is the sum of the line counts before it.
    int value = 0;
    for (QTextBlock b = document()->begin(); b.isValid() && b != block; b = b.next())
        value += b.isVisible() ? std::max(1, b.lineCount()) : 0;
    verticalScrollBar()->setValue(value);
}

void MarkdownEditor::goToLine(int line) {
    const QTextBlock block = document()->findBlockByNumber(std::max(0, line - 1));
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    setTextCursor(cursor);
    centerCursor();
}

void MarkdownEditor::wrapSelection(const QString& before, const QString& after) {
    if (isReadOnly())
        return;
    QTextCursor cursor = textCursor();
    cursor.beginEditBlock();
    const QString selected = cursor.selectedText();
    const QString text = document()->toRawText();
    const int selStart = cursor.selectionStart();
    const int selEnd = cursor.selectionEnd();
    if (selStart >= before.size() &&
        QStringView(text).sliced(selStart - before.size()).startsWith(before) &&
        QStringView(text).sliced(selEnd).startsWith(after)) {
        // The selection is the inside of a wrapped span (as left by wrapping it):
        // unwrap it.
        cursor.setPosition(selEnd);
        cursor.setPosition(selEnd + int(after.size()), QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
        cursor.setPosition(selStart - int(before.size()));
        cursor.setPosition(selStart, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
        cursor.setPosition(selStart - int(before.size()));
        cursor.setPosition(selEnd - int(before.size()), QTextCursor::KeepAnchor);
    } else if (selected.size() >= before.size() + after.size() && selected.startsWith(before) &&
               selected.endsWith(after)) {
        // Already wrapped: unwrap.
        const QString inner =
            selected.mid(before.size(), selected.size() - before.size() - after.size());
        const int start = cursor.selectionStart();
        cursor.insertText(inner);
        cursor.setPosition(start);
        cursor.setPosition(start + int(inner.size()), QTextCursor::KeepAnchor);
    } else if (selected.isEmpty()) {
        cursor.insertText(before + after);
        cursor.setPosition(cursor.position() - int(after.size()));
    } else {
        const int start = cursor.selectionStart();
        cursor.insertText(before + selected + after);
        cursor.setPosition(start + int(before.size()));
        cursor.setPosition(start + int(before.size() + selected.size()), QTextCursor::KeepAnchor);
    }
    cursor.endEditBlock();
    setTextCursor(cursor);
}

void MarkdownEditor::toggleBold() {
    wrapSelection(QStringLiteral("**"), QStringLiteral("**"));
}

void MarkdownEditor::toggleItalic() {
    wrapSelection(QStringLiteral("_"), QStringLiteral("_"));
}

void MarkdownEditor::toggleCode() {
    wrapSelection(QStringLiteral("`"), QStringLiteral("`"));
}

void MarkdownEditor::insertLink() {
    if (isReadOnly())
        return;
    QTextCursor cursor = textCursor();
    const QString selected = cursor.selectedText();
    const QString url = QStringLiteral("https://");
    cursor.beginEditBlock();
    const int start = cursor.selectionStart();
    const QString text =
        QLatin1Char('[') + selected + QStringLiteral("](") + url + QLatin1Char(')');
    cursor.insertText(text);
    cursor.endEditBlock();
    // The URL is selected, to be typed over; without a selection, the link text.
    if (selected.isEmpty()) {
        cursor.setPosition(start + 1);
    } else {
        cursor.setPosition(start + int(selected.size()) + 3);
        cursor.setPosition(start + int(selected.size() + url.size()) + 3, QTextCursor::KeepAnchor);
    }
    setTextCursor(cursor);
}

void MarkdownEditor::setHeadingLevel(int level) {
    if (isReadOnly())
        return;
    QTextCursor cursor = textCursor();
    cursor.beginEditBlock();
    cursor.movePosition(QTextCursor::StartOfBlock);
    const QString text = cursor.block().text();
    static const QRegularExpression atx(QStringLiteral("^ {0,3}#{1,6}(?:[ \\t]+|$)"));
    const QRegularExpressionMatch match = atx.match(text);
    if (match.hasMatch()) {
        cursor.setPosition(cursor.block().position() + int(match.capturedLength()),
                           QTextCursor::KeepAnchor);
    }
    cursor.insertText(level > 0 ? QString(level, QLatin1Char('#')) + QLatin1Char(' ') : QString());
    cursor.endEditBlock();
}

void MarkdownEditor::toggleLinePrefix(const QString& prefix, bool numbered) {
    if (isReadOnly())
        return;
    QTextCursor cursor = textCursor();
    QTextBlock first = document()->findBlock(cursor.selectionStart());
    const QTextBlock last = document()->findBlock(cursor.selectionEnd());
    // Remove when every line has it already; otherwise add it where missing.
    static const QRegularExpression numberedPrefix(QStringLiteral("^\\d{1,9}[.)] "));
    auto has = [&](const QTextBlock& b) {
        return numbered ? numberedPrefix.match(b.text()).hasMatch() : b.text().startsWith(prefix);
    };
    bool all = true;
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        all = all && has(b);
        if (b == last)
            break;
    }
    cursor.beginEditBlock();
    int n = 1;
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        QTextCursor line(b);
        if (all) {
            const int length = numbered ? int(numberedPrefix.match(b.text()).capturedLength())
                                        : int(prefix.size());
            line.setPosition(b.position() + length, QTextCursor::KeepAnchor);
            line.removeSelectedText();
        } else if (!has(b)) {
            line.insertText(numbered ? QStringLiteral("%1. ").arg(n) : prefix);
        }
        ++n;
        if (b == last)
            break;
    }
    cursor.endEditBlock();
}

void MarkdownEditor::toggleBulletList() {
    toggleLinePrefix(QStringLiteral("- "));
}

void MarkdownEditor::toggleNumberedList() {
    toggleLinePrefix({}, true);
}

void MarkdownEditor::toggleQuote() {
    toggleLinePrefix(QStringLiteral("> "));
}

bool MarkdownEditor::continueBlock() {
    QTextCursor cursor = textCursor();
    if (cursor.hasSelection())
        return false;
    const QTextBlock block = cursor.block();
    const QString text = block.text();
    const QRegularExpressionMatch m = continuationPattern().match(text);
    const bool quote = m.hasMatch() && m.captured(1).contains(QLatin1Char('>'));
    const bool item = m.hasMatch() && (m.capturedLength(2) > 0 || m.capturedLength(3) > 0);
    if (!quote && !item)
        return false;
    if (cursor.positionInBlock() < m.capturedLength(0))
        return false; // Enter inside the marker: a plain line break
    cursor.beginEditBlock();
    if (m.capturedLength(0) == text.size()) {
        // An empty item or quote line ends the list or quote.
        cursor.movePosition(QTextCursor::StartOfBlock);
        cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
    } else {
        QString next = m.captured(1);
        if (m.capturedLength(2) > 0)
            next += m.captured(2);
        else if (m.capturedLength(3) > 0)
            next += QString::number(m.captured(3).toLongLong() + 1) + m.captured(4);
        next += m.captured(5);
        if (m.capturedLength(6) > 0)
            next += QStringLiteral("[ ] ");
        cursor.insertBlock();
        cursor.insertText(next);
    }
    cursor.endEditBlock();
    setTextCursor(cursor);
    return true;
}

void MarkdownEditor::keyPressEvent(QKeyEvent* event) {
    if (!isReadOnly() && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)) {
        // Shift+Enter would insert a Unicode line separator, which is no Markdown line
        // break: every Enter makes a new line of the source.
        if (event->modifiers() == Qt::NoModifier && continueBlock())
            return;
        if ((event->modifiers() & ~Qt::KeypadModifier) == Qt::ShiftModifier ||
            event->modifiers() == Qt::NoModifier) {
            textCursor().insertBlock();
            ensureCursorVisible();
            return;
        }
    }
    QPlainTextEdit::keyPressEvent(event);
}

void MarkdownEditor::focusOutEvent(QFocusEvent* event) {
    QPlainTextEdit::focusOutEvent(event);
    Q_EMIT focusLost();
}

void MarkdownEditor::changeEvent(QEvent* event) {
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_highlighter)
        m_highlighter->setPalette(palette());
}

bool MarkdownEditor::find(const FindQuery& query, bool backward) {
    QTextCursor found = findIn(document(), query, textCursor(), backward);
    if (found.isNull()) {
        QTextCursor wrap(document());
        if (backward)
            wrap.movePosition(QTextCursor::End);
        found = findIn(document(), query, wrap, backward);
    }
    if (found.isNull())
        return false;
    setTextCursor(found);
    return true;
}

bool MarkdownEditor::replaceNext(const FindQuery& query, const QString& replacement) {
    if (isReadOnly())
        return false;
    QTextCursor cursor = textCursor();
    if (cursor.hasSelection()) {
        QTextCursor from(document());
        from.setPosition(cursor.selectionStart());
        const QTextCursor match = findIn(document(), query, from, false);
        if (!match.isNull() && match.selectionStart() == cursor.selectionStart() &&
            match.selectionEnd() == cursor.selectionEnd()) {
            QString text = replacement;
            if (query.regularExpression)
                text = match.selectedText().replace(regexOf(query), replacement);
            cursor.insertText(text);
            setTextCursor(cursor);
        }
    }
    return find(query);
}

int MarkdownEditor::replaceAll(const FindQuery& query, const QString& replacement) {
    if (isReadOnly() || query.text.isEmpty())
        return 0;
    const QRegularExpression re = regexOf(query);
    if (query.regularExpression && !re.isValid())
        return 0;
    int count = 0;
    QTextCursor edit(document());
    edit.beginEditBlock();
    QTextCursor from(document());
    for (;;) {
        QTextCursor match = findIn(document(), query, from, false);
        if (match.isNull())
            break;
        const bool empty = !match.hasSelection();
        QString text = replacement;
        if (query.regularExpression)
            text = match.selectedText().replace(re, replacement);
        match.insertText(text);
        ++count;
        from = match;
        if (empty) {
            // A pattern that matches nothing (^, \b) moves on by one character.
            if (!from.movePosition(QTextCursor::NextCharacter))
                break;
        }
    }
    edit.endEditBlock();
    return count;
}

bool MarkdownEditor::canInsertFromMimeData(const QMimeData* source) const {
    return (m_smartPaste && m_smartPaste->handles(source)) ||
           QPlainTextEdit::canInsertFromMimeData(source);
}

void MarkdownEditor::insertFromMimeData(const QMimeData* source) {
    // Smart paste (ui/editor/smartpaste.h) takes HTML and images; the rest is plain.
    if (!m_smartPaste || !m_smartPaste->insert(source))
        QPlainTextEdit::insertFromMimeData(source);
}

} // namespace copydesk
