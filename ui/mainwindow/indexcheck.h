// The search index checked in the background after a library opens.
#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThread;

namespace copydesk {

/// Runs Library::checkSearchIndexTotals() on a read-only connection of its own in a
/// thread of its own (seconds on 100,000 articles; a save meanwhile is not held up),
/// and says when the index is damaged: search() finds a damaged index only when it
/// answers nothing, while this finds the rows it lost among others too.
class IndexCheck final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IndexCheck)

public:
    explicit IndexCheck(QObject* parent = nullptr);
    /// Stops a check under way and waits for its thread.
    ~IndexCheck() override;

    /// Checks the library at `path`, stopping a check under way first.
    void start(const QString& path);

Q_SIGNALS:
    /// The check ended: `damage` is the one-line error naming the library and the
    /// damage, empty when none was found (or the library could not be opened again,
    /// which the window reports its own way).
    void finished(const QString& damage);

private:
    void stop();

    std::unique_ptr<QThread> m_thread;
    std::shared_ptr<std::atomic<bool>> m_stop;
};

} // namespace copydesk
