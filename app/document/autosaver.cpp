#include "document/autosaver.h"

#include "document/articledocument.h"
#include "library/library.h"

#include <QTimer>

namespace copydesk {

Autosaver::Autosaver(Library& library, QObject* parent)
    : QObject(parent)
    , m_library(library)
    , m_timer(new QTimer(this)) {
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] { (void)flush(); });
    if (m_library.mode() == Library::Mode::ReadOnly)
        m_state = State::ReadOnly;
}

Autosaver::~Autosaver() = default;

std::chrono::milliseconds Autosaver::delay() const {
    return m_delay;
}

void Autosaver::setDelay(std::chrono::milliseconds delay) {
    m_delay = delay;
}

void Autosaver::setRetryDelay(std::chrono::milliseconds delay) {
    m_retryDelay = delay;
}

Result<void> Autosaver::setDocument(ArticleDocument* document) {
    if (document == m_document)
        return {};
    const Result<void> previous = flush();
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_timer->stop();
    m_document = document;
    if (m_document) {
        connect(m_document, &ArticleDocument::edited, this, &Autosaver::onEdited);
        // A document is saved when its owner deletes it after a flush; one deleted
        // unsaved is the owner's bug, but must not leave a dangling pointer here.
        connect(m_document, &QObject::destroyed, m_timer, &QTimer::stop);
    }
    if (m_state != State::ReadOnly)
        setState(m_document && m_document->isModified() ? State::Pending : State::Saved);
    return previous;
}

ArticleDocument* Autosaver::document() const {
    return m_document;
}

Result<void> Autosaver::flush() {
    m_timer->stop();
    if (m_state == State::ReadOnly)
        return {};
    if (!m_document || !m_document->isModified()) {
        // Edits undone back to the saved text (or a restore the library already
        // holds) leave nothing to save: the state says so instead of "saving".
        if (m_state == State::Pending)
            setState(State::Saved);
        return {};
    }
    if (auto saved = save(RevisionKind::Autosave, {}); !saved)
        return saved.failure();
    return {};
}

Result<qint64> Autosaver::saveRevision(const QString& note) {
    m_timer->stop();
    if (!m_document)
        return Error{tr("no article is open"), ErrorKind::NotFound};
    return save(RevisionKind::Save, note);
}

Autosaver::State Autosaver::state() const {
    return m_state;
}

QString Autosaver::error() const {
    return m_error;
}

void Autosaver::onEdited() {
    if (m_state == State::ReadOnly)
        return;
    if (m_state != State::Failed)
        setState(State::Pending);
    m_timer->start(m_delay);
}

Result<qint64> Autosaver::save(RevisionKind kind, const QString& note) {
    if (m_state == State::ReadOnly)
        return Error{
            tr("%1: the library is open read-only; nothing is saved").arg(m_library.path()),
            ErrorKind::Locked};
    Article article = m_document->article();
    qint64 revision = 0;
    const Result<void> done = m_library.transaction([&]() -> Result<void> {
        auto saved = m_library.save(article, kind, note);
        if (!saved)
            return saved.failure();
        revision = *saved;
        return {};
    });
    if (!done) {
        // The text stays in the document, still modified; the next edit or the retry
        // tries again.
        setState(State::Failed, done.error());
        m_timer->start(m_retryDelay);
        return done.failure();
    }
    m_document->markSaved(article);
    setState(m_document->isModified() ? State::Pending : State::Saved);
    Q_EMIT saved(revision);
    return revision;
}

void Autosaver::setState(State state, const QString& error) {
    if (state == m_state && error == m_error)
        return;
    m_state = state;
    m_error = error;
    Q_EMIT stateChanged(state);
}

} // namespace copydesk
