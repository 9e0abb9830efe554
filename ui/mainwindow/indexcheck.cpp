#include "mainwindow/indexcheck.h"

#include "library/library.h"

#include <QMetaObject>
#include <QThread>

namespace copydesk {

IndexCheck::IndexCheck(QObject* parent)
    : QObject(parent) {}

IndexCheck::~IndexCheck() {
    stop();
}

void IndexCheck::stop() {
    if (!m_thread)
        return;
    m_stop->store(true);
    m_thread->wait();
    m_thread.reset();
}

void IndexCheck::start(const QString& path) {
    stop();
    m_stop = std::make_shared<std::atomic<bool>>(false);
    m_thread.reset(QThread::create([this, path, stop = m_stop] {
        // A connection of this thread: QSqlDatabase connections stay in the thread
        // that opened them.
        auto library = Library::open(path, Library::Mode::ReadOnly);
        QString damage;
        if (library) {
            const auto checked = (*library)->checkSearchIndexTotals(stop.get());
            if (!checked && checked.kind() == ErrorKind::Corrupt)
                damage = checked.error();
        }
        if (stop->load())
            return;
        // Queued to this object's thread; stop() waits for this thread before the
        // object goes, and a call still queued then goes with it.
        QMetaObject::invokeMethod(
            this, [this, damage] { Q_EMIT finished(damage); }, Qt::QueuedConnection);
    }));
    m_thread->start(QThread::LowestPriority);
}

} // namespace copydesk
