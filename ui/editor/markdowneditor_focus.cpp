// MarkdownEditor: focus mode.
#include "editor/markdowneditor.h"

#include <QResizeEvent>
#include <QTextBlock>
#include <QTextEdit>

#include <algorithm>

namespace copydesk {

namespace {

constexpr int kFocusColumnCharacters = 80;

bool isBlank(const QTextBlock& block) {
    return block.text().trimmed().isEmpty();
}

QColor mixed(const QColor& a, const QColor& b, double weightOfA) {
    return QColor::fromRgbF(float(a.redF() * weightOfA + b.redF() * (1 - weightOfA)),
                            float(a.greenF() * weightOfA + b.greenF() * (1 - weightOfA)),
                            float(a.blueF() * weightOfA + b.blueF() * (1 - weightOfA)));
}

} // namespace

void MarkdownEditor::setFocusMode(bool on) {
    if (m_focusMode == on)
        return;
    m_focusMode = on;
    m_focused = {-1, -1};
    updateFocusMode();
    updateFocusMargins();
}

void MarkdownEditor::resizeEvent(QResizeEvent* event) {
    QPlainTextEdit::resizeEvent(event);
    updateFocusMargins();
}

void MarkdownEditor::updateFocusMargins() {
    // In focus mode the text is a column of readable width in the middle of the
    // screen, not lines as wide as the monitor.
    int side = 0;
    if (m_focusMode) {
        const QMargins now = viewportMargins();
        const int total = viewport()->width() + now.left() + now.right();
        const int column = fontMetrics().averageCharWidth() * kFocusColumnCharacters;
        side = std::max(0, (total - column) / 2);
    }
    if (viewportMargins() != QMargins(side, 0, side, 0))
        setViewportMargins(side, 0, side, 0);
}

std::pair<int, int> MarkdownEditor::focusedParagraph() const {
    // A paragraph of the source: the lines around the cursor up to blank lines. Not
    // the parse's paragraph: this follows every keystroke and must cost nothing.
    QTextBlock first = textCursor().block();
    QTextBlock last = first;
    if (!isBlank(first)) {
        while (first.previous().isValid() && !isBlank(first.previous()))
            first = first.previous();
        while (last.next().isValid() && !isBlank(last.next()))
            last = last.next();
    }
    return {first.blockNumber(), last.blockNumber()};
}

void MarkdownEditor::updateFocusMode() {
    if (!m_focusMode) {
        setExtraSelections({});
        return;
    }
    const std::pair<int, int> paragraph = focusedParagraph();
    if (paragraph == m_focused)
        return; // the cursor moved inside the paragraph: nothing to repaint
    m_focused = paragraph;
    // The rest of the text is drawn in a colour between the text's and the
    // background's: still readable, no longer calling for attention.
    QTextCharFormat dim;
    dim.setForeground(
        mixed(palette().color(QPalette::Text), palette().color(QPalette::Base), 0.35));
    QList<QTextEdit::ExtraSelection> selections;
    const QTextBlock first = document()->findBlockByNumber(paragraph.first);
    const QTextBlock last = document()->findBlockByNumber(paragraph.second);
    if (first.position() > 0) {
        QTextCursor before(document());
        before.setPosition(first.position() - 1, QTextCursor::KeepAnchor);
        selections.append({before, dim});
    }
    const int end = last.position() + last.length() - 1;
    if (end < document()->characterCount() - 1) {
        QTextCursor after(document());
        after.setPosition(end);
        after.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
        selections.append({after, dim});
    }
    setExtraSelections(selections);
}

} // namespace copydesk
