#include "export/batch.h"

#include "article/article.h"
#include "checks/checks.h"
#include "common/atomicfile.h"
#include "export/gate.h"
#include "export/pagetemplates.h"
#include "export/parsedbodies.h"
#include "library/library.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace copydesk {

namespace {

/// One article as a worker leaves it for the writer.
struct Prepared final {
    bool ready = false;
    bool synced = false; ///< a staged folder's files are on the disk
    BatchEvent event;
    std::optional<Article> article;
    std::optional<Bundle> bundle;
    std::optional<StagedBundle> staged; ///< a folder bundle's files, written by the worker
    BundleOptions options;
    /// Staging failed on a full disk: perhaps only while another article filled it.
    bool diskFull = false;
};

/// The worker's part for one item: look it up, run the gate, skip it when its bundle
/// is current, else render it.
void prepare(const Library& library, const QString& item, const QString& folder,
             const BatchOptions& options, Prepared& out) {
    auto article = library.findArticle(item);
    if (!article) {
        out.event.problem = article.error();
        return;
    }
    out.options = options.bundle;
    // With skipUnchanged: whether the bundle there is made from what out.options would
    // make it from (then it is left alone), or that could not be told; either ends it.
    const auto settled = [&]() {
        if (!out.options.skipUnchanged)
            return false;
        const auto current = BundleWriter::isCurrent(library, *article, folder, out.options);
        if (!current) {
            out.event.problem = current.error();
            return true;
        }
        if (!*current)
            return false;
        out.event.unchanged = true;
        out.article = std::move(*article);
        return true;
    };
    // A bundle there made from the same inputs, with all the versions asked for and the
    // checks not overridden (which its inputs would say), passed the checks then: the
    // article, the media it names, its tags' labels and the templates are as they were,
    // so the checks would pass again. Neither checked nor rendered again (a re-export of
    // 1,000 unchanged articles spent most of its time in the checks).
    if (settled())
        return;
    // One parse of each body for the checks and the rendering.
    ParsedBodies parsed;
    const auto admitted = ExportGate::admit(library, *article, options.bundle.languages,
                                            options.overrideGate, &parsed);
    if (!admitted) {
        out.event.problem = admitted.error();
        return;
    }
    out.event.findings = admitted->findings;
    out.event.problem = admitted->problem;
    out.options.checksOverridden = admitted->overridden;
    if (!admitted->exportable)
        return;
    out.options.languages = admitted->languages;
    // The checks held versions back, or were overridden: other inputs, asked again.
    if ((out.options.languages != options.bundle.languages || out.options.checksOverridden) &&
        settled())
        return;
    auto bundle = BundleWriter::build(library, *article, out.options, &parsed);
    if (!bundle) {
        out.event.problem = bundle.error();
        return;
    }
    // A folder's files are written here, in parallel; the writer makes them durable
    // (one syncfs for all the folders staged by then), records the revision and moves
    // the folder into place. A ZIP is made by the writer.
    if (out.options.container == BundleOptions::Container::Folder) {
        auto staged = BundleWriter::stage(*article, *bundle, folder, false);
        if (!staged) {
            out.event.problem = staged.error();
            out.diskFull = staged.kind() == ErrorKind::DiskFull;
            return;
        }
        out.staged = std::move(*staged);
    }
    out.bundle = std::move(*bundle);
    out.article = std::move(*article);
}

/// Removes what exports killed on the way left in `folder` an hour or more ago: the
/// temporary folders of bundles (".SLUG.partial-HEX", ".SLUG.old-HEX") and files
/// (".copydesk-ID.tmp"). Younger ones may be another export's, at work.
void removeLeftovers(const QString& folder) {
    static const QRegularExpression kLeftover(
        QStringLiteral(R"(^\.(.+\.(partial|old)-[0-9a-f]+|copydesk-[0-9a-z]+\.tmp)$)"));
    const QDateTime hourAgo = QDateTime::currentDateTimeUtc().addSecs(-3600);
    const QDir dir(folder);
    const QFileInfoList entries =
        dir.entryInfoList(QDir::Dirs | QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QFileInfo& entry : entries) {
        if (entry.isSymLink() || !kLeftover.match(entry.fileName()).hasMatch() ||
            entry.lastModified().toUTC() > hourAgo)
            continue;
        if (entry.isDir())
            QDir(entry.filePath()).removeRecursively();
        else
            QFile::remove(entry.filePath());
    }
}

} // namespace

BatchSummary BatchExporter::run(Library& library, const QStringList& items, const QString& folder,
                                const BatchOptions& options,
                                const std::function<void(const BatchEvent&)>& onArticle,
                                const std::function<bool()>& cancelled) {
    BatchSummary summary;
    const qsizetype total = items.size();
    summary.total = total;
    if (total == 0)
        return summary;

    std::vector<Prepared> prepared(static_cast<size_t>(total));
    std::mutex mutex;
    std::condition_variable changed;
    std::atomic<qsizetype> next{0};
    qsizetype written = 0; // under mutex: the writer's position
    bool stop = false;     // under mutex
    const int threads = int(std::min<qsizetype>(
        total, options.threads > 0 ? options.threads : std::max(1, QThread::idealThreadCount())));
    // Workers run at most this far ahead of the writer, so a large batch does not
    // hold every rendered bundle in memory at once.
    const qsizetype ahead = qsizetype(threads) * 4;
    const QString path = library.path();

    const auto work = [&]() {
        auto opened = Library::open(path, Library::Mode::ReadOnly);
        // The templates, read once for this thread's bundles (a failure to read them
        // is each bundle's, reading them again).
        BatchOptions threadOptions = options;
        if (opened && !threadOptions.bundle.templates) {
            if (auto templates = PageTemplates::of(**opened))
                threadOptions.bundle.templates =
                    std::make_shared<const PageTemplates>(std::move(*templates));
        }
        for (;;) {
            const qsizetype i = next.fetch_add(1);
            if (i >= total)
                break;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return stop || i < written + ahead; });
                if (stop)
                    break;
            }
            Prepared result;
            if (!opened)
                result.event.problem = opened.error();
            else
                prepare(**opened, items.at(i), folder, threadOptions, result);
            {
                const std::lock_guard lock(mutex);
                prepared[size_t(i)] = std::move(result);
                prepared[size_t(i)].ready = true;
            }
            changed.notify_all();
        }
    };
    // The file system the bundles go to, open before any is written, so that a syncfs
    // reports every write error since: the output folder, or the nearest folder above
    // it that exists (one that does not exist yet is on the same file system).
    struct OutputFolder final {
        int fd = -1;
        explicit OutputFolder(const QString& folder) {
            QString existing = QDir::cleanPath(QDir(folder).absolutePath());
            while ((fd = ::open(QFile::encodeName(existing).constData(),
                                O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0 &&
                   errno == ENOENT && existing != QDir::rootPath())
                existing = QFileInfo(existing).path();
        }
        ~OutputFolder() {
            if (fd >= 0)
                ::close(fd);
        }
        OutputFolder(const OutputFolder&) = delete;
        OutputFolder& operator=(const OutputFolder&) = delete;
    } output(folder);

    removeLeftovers(folder);

    QThreadPool pool;
    pool.setMaxThreadCount(threads);
    QList<QFuture<void>> futures;
    for (int t = 0; t < threads; ++t)
        futures.append(QtConcurrent::run(&pool, work));

    for (qsizetype i = 0; i < total; ++i) {
        if (cancelled && cancelled()) {
            summary.cancelled = total - i;
            break;
        }
        Prepared item;
        // The staged folders that will be on the disk after the next syncfs: those
        // written before it starts (every one ready by then).
        QList<qsizetype> syncing;
        {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return prepared[size_t(i)].ready; });
            if (prepared[size_t(i)].staged && !prepared[size_t(i)].synced) {
                for (qsizetype j = i; j < total && prepared[size_t(j)].ready; ++j) {
                    if (prepared[size_t(j)].staged && !prepared[size_t(j)].synced) {
                        prepared[size_t(j)].synced = true;
                        syncing.append(j);
                    }
                }
            }
            item = std::move(prepared[size_t(i)]);
        }
        QString unsynced;
        if (!syncing.isEmpty()) {
            if (auto synced = syncFileSystem(output.fd, folder); !synced) {
                unsynced = tr("Article '%1': %2").arg(items.at(i), synced.error());
                // Each of the others tries again.
                const std::lock_guard lock(mutex);
                for (const qsizetype j : std::as_const(syncing))
                    prepared[size_t(j)].synced = false;
            }
        }
        if (item.diskFull) {
            // Staged while the disk was full, perhaps only because another article
            // being staged at the same time filled it (one too large for the disk fails
            // and takes its files away): once those in progress are done, once more,
            // here, alone.
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] {
                    const qsizetype claimed = std::min(next.load(), total);
                    for (qsizetype j = i + 1; j < claimed && j < i + ahead; ++j)
                        if (!prepared[size_t(j)].ready)
                            return false;
                    return true;
                });
            }
            Prepared again;
            prepare(library, items.at(i), folder, options, again);
            if (again.staged) {
                if (auto synced = syncFileSystem(output.fd, folder); !synced) {
                    again.event.problem = tr("Article '%1': %2").arg(items.at(i), synced.error());
                    again.bundle.reset();
                }
            }
            item = std::move(again);
        }
        BatchEvent event = std::move(item.event);
        event.index = i;
        event.total = total;
        event.item = items.at(i);
        if (!unsynced.isEmpty()) {
            event.problem = unsynced;
        } else if (item.bundle) {
            auto result = item.staged
                              ? BundleWriter::place(library, *item.article, *item.bundle,
                                                    *item.staged, item.options)
                              : BundleWriter::writeBuilt(library, *item.article, *item.bundle,
                                                         folder, item.options);
            if (result) {
                event.folder = result->folder;
                event.notices = result->notices;
            } else {
                event.problem = result.error();
                event.folder.clear();
            }
        } else if (event.unchanged) {
            event.folder =
                QDir(folder).filePath(item.options.container == BundleOptions::Container::Zip
                                          ? item.article->slug + QStringLiteral(".zip")
                                          : item.article->slug);
        }
        if (!event.folder.isEmpty())
            ++summary.exported;
        if (event.unchanged)
            ++summary.unchanged;
        if (!event.problem.isEmpty()) {
            ++summary.failed;
            if (!event.folder.isEmpty())
                ++summary.partial;
        }
        {
            const std::lock_guard lock(mutex);
            written = i + 1;
        }
        changed.notify_all();
        if (onArticle)
            onArticle(event);
    }
    {
        const std::lock_guard lock(mutex);
        stop = true;
    }
    changed.notify_all();
    for (QFuture<void>& future : futures)
        future.waitForFinished();
    // The names of the folders placed (the revisions say they are there; a bundle
    // whose rename a crash lost is exported again, as it is not current).
    if (summary.exported > summary.unchanged)
        (void)syncFileSystem(output.fd, folder);
    return summary;
}

Result<QList<QUuid>> BatchExporter::select(const Library& library, const QString& tag,
                                           std::optional<Status> status) {
    QList<QUuid> ids;
    ListFilter filter;
    filter.tag = tag;
    filter.status = status;
    filter.limit = 500;
    for (;;) {
        const auto page = library.list(filter);
        if (!page)
            return page.failure();
        for (const ArticleSummary& summary : *page)
            ids.append(summary.id);
        if (page->size() < filter.limit)
            break;
        filter.offset += filter.limit;
    }
    return ids;
}

} // namespace copydesk
