// MarkdownEditor: spell checking and the context menu.
#include "editor/markdowneditor.h"

#include "document/articledocument.h"
#include "editor/markdownhighlighter.h"
#include "editor/spellchecker.h"
#include "library/library.h"

#include <QContextMenuEvent>
#include <QMenu>
#include <QTextBlock>

namespace copydesk {

namespace {
constexpr int kMaxSuggestions = 7;
}

void MarkdownEditor::setSpelling(SpellerPool* spellers, Library* library) {
    m_spellers = spellers;
    m_library = library;
    delete m_spell;
    m_spell = nullptr;
    createSpellChecker();
}

void MarkdownEditor::createSpellChecker() {
    if (!m_spellers || !m_document || !m_highlighter) {
        Q_EMIT spellingStatusChanged();
        return;
    }
    QStringList personal;
    if (m_library) {
        // Without its personal words the text is still checked; the reason is said.
        if (auto words = m_library->personalWords(m_document->language()))
            personal = *words;
        else
            Q_EMIT statusMessage(words.error());
    }
    m_spell = new SpellChecker(m_highlighter, m_spellers, m_document->language(), personal, this);
    connect(m_spell, &SpellChecker::statusChanged, this, &MarkdownEditor::spellingStatusChanged);
    Q_EMIT spellingStatusChanged();
}

Result<void> MarkdownEditor::addToDictionary(const QString& word) {
    if (!m_spell || !m_document)
        return Error{tr("No spell checking for this version"), ErrorKind::NotFound};
    if (m_library) {
        if (const auto added = m_library->addPersonalWord(m_document->language(), word); !added)
            return added;
    }
    m_spell->accept(word);
    return {};
}

void MarkdownEditor::ignoreWord(const QString& word) {
    if (m_spell)
        m_spell->accept(word);
}

void MarkdownEditor::addContextMenuHook(MenuHook hook) {
    m_menuHooks.append(std::move(hook));
}

QMenu* MarkdownEditor::createContextMenu(int position, QWidget* parent) {
    QMenu* standard = createStandardContextMenu();
    auto* menu = new QMenu(parent);
    // A misspelt word under the pointer: what it may be, and what to do about it.
    if (m_spell && m_highlighter) {
        const QTextBlock block = document()->findBlock(position);
        for (const TextMark& m : m_highlighter->marksAt(position)) {
            if (m.kind != TextMark::Kind::Misspelling)
                continue;
            const QString word = block.text().mid(m.start, m.length);
            const int start = block.position() + m.start;
            const QStringList suggestions = m_spell->suggestions(word).mid(0, kMaxSuggestions);
            for (const QString& suggestion : suggestions) {
                QAction* replace = menu->addAction(suggestion);
                QFont bold = replace->font();
                bold.setBold(true);
                replace->setFont(bold);
                replace->setEnabled(!isReadOnly());
                connect(replace, &QAction::triggered, this, [this, start, word, suggestion] {
                    QTextCursor c(document());
                    c.setPosition(start);
                    c.setPosition(start + int(word.size()), QTextCursor::KeepAnchor);
                    if (c.selectedText() != word)
                        return;               // edited since the menu opened
                    c.insertText(suggestion); // one undo step
                    setTextCursor(c);
                });
            }
            if (suggestions.isEmpty())
                menu->addAction(tr("No suggestions"))->setEnabled(false);
            menu->addSeparator();
            QAction* add = menu->addAction(tr("&Add “%1” to Dictionary").arg(word));
            add->setObjectName(QStringLiteral("addToDictionary"));
            add->setEnabled(m_library && m_library->mode() == Library::Mode::ReadWrite);
            connect(add, &QAction::triggered, this, [this, word] {
                if (const auto added = addToDictionary(word); !added)
                    Q_EMIT statusMessage(added.error());
            });
            QAction* ignore = menu->addAction(tr("&Ignore “%1”").arg(word));
            ignore->setObjectName(QStringLiteral("ignoreWord"));
            ignore->setToolTip(tr("Not marked again until the article is opened again"));
            connect(ignore, &QAction::triggered, this, [this, word] { ignoreWord(word); });
            menu->addSeparator();
            break;
        }
    }
    for (const MenuHook& hook : std::as_const(m_menuHooks))
        hook(menu, position);
    if (!menu->isEmpty() && !menu->actions().constLast()->isSeparator())
        menu->addSeparator();
    // The standard commands move over, with their shortcuts and states.
    const QList<QAction*> actions = standard->actions();
    for (QAction* action : actions) {
        action->setParent(menu);
        menu->addAction(action);
    }
    delete standard;
    return menu;
}

void MarkdownEditor::contextMenuEvent(QContextMenuEvent* event) {
    // From the keyboard, the menu is for the cursor; from the mouse, for the word under it.
    const int position = event->reason() == QContextMenuEvent::Mouse
                             ? cursorForPosition(event->pos()).position()
                             : textCursor().position();
    QMenu* menu = createContextMenu(position, this);
    menu->exec(event->globalPos());
    delete menu;
}

} // namespace copydesk
