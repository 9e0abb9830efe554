#pragma once

#include "common/result.h"
#include "library/library.h"

#include <QObject>
#include <QPointer>

#include <chrono>

class QTimer;

namespace copydesk {

class ArticleDocument;

/// Carries the edits of one ArticleDocument to the library so that nothing typed is
/// ever only in memory for long: a save follows the last edit after delay() (debounced,
/// under 2 s in all), and flush() saves at once (the window calls it on switching
/// article or version, on losing focus and on quit). Each save is one library
/// transaction recording an autosave revision (the library merges consecutive ones, see
/// Library::save()); saveRevision() records a named one (Ctrl+S), which is always kept.
///
/// A failed save (disk full, library locked) keeps the text in the document, modified,
/// says why in error() and is retried at the next edit or after retryDelay().
class Autosaver final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Autosaver)

public:
    enum class State {
        Saved,    ///< the library has everything
        Pending,  ///< edits wait for the debounce to end
        Failed,   ///< the last save failed: error() says why
        ReadOnly, ///< the library is read-only; nothing is saved
    };
    Q_ENUM(State)

    static constexpr std::chrono::milliseconds kDefaultDelay{1500};
    static constexpr std::chrono::milliseconds kDefaultRetryDelay{10000};

    explicit Autosaver(Library& library, QObject* parent = nullptr);
    ~Autosaver() override;

    std::chrono::milliseconds delay() const;
    void setDelay(std::chrono::milliseconds delay);
    void setRetryDelay(std::chrono::milliseconds delay);

    /// Starts watching `document` (may be null); the previous one is saved first, so
    /// that switching article or version loses nothing. Returns that save's outcome.
    Result<void> setDocument(ArticleDocument* document);
    ArticleDocument* document() const;

    /// Saves the document now if it is modified. Does nothing on a read-only library.
    Result<void> flush();
    /// Records a revision named `note` with the current text, modified or not.
    /// Returns the revision id.
    Result<qint64> saveRevision(const QString& note);

    State state() const;
    /// The one-line message of the last failed save; empty unless state() is Failed.
    QString error() const;

Q_SIGNALS:
    void stateChanged(copydesk::Autosaver::State state);
    /// A save reached the library as revision `revision`.
    void saved(qint64 revision);

private:
    void onEdited();
    Result<qint64> save(RevisionKind kind, const QString& note);
    void setState(State state, const QString& error = {});

    Library& m_library;
    QPointer<ArticleDocument> m_document;
    QTimer* m_timer = nullptr;
    std::chrono::milliseconds m_delay = kDefaultDelay;
    std::chrono::milliseconds m_retryDelay = kDefaultRetryDelay;
    State m_state = State::Saved;
    QString m_error;
};

} // namespace copydesk
