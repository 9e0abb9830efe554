#pragma once

#include "article/article.h"
#include "common/result.h"
#include "export/bundle.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <functional>
#include <optional>

namespace copydesk {

class Library;

/// How a batch of articles is exported.
struct BatchOptions final {
    BundleOptions bundle;
    /// Export the versions that fail the checks before export too (their findings are
    /// still reported).
    bool overrideGate = false;
    /// Threads that check and render; 0 for one per core.
    int threads = 0;
};

/// What happened to one article of a batch.
struct BatchEvent final {
    qsizetype index = 0; ///< in the items given, 0-based
    qsizetype total = 0;
    QString item;   ///< as given (id or slug)
    QString folder; ///< the bundle written or left unchanged; empty on failure
    bool unchanged = false;
    /// The findings that held versions back (ExportGate::describe()) and the bundle's
    /// notices, one translated line each.
    QStringList findings;
    QStringList notices;
    /// Why the article, or some of its versions, was not exported; empty when all
    /// went out.
    QString problem;
};

/// The counts at the end of a batch.
struct BatchSummary final {
    qsizetype total = 0;
    qsizetype exported = 0;  ///< written, or unchanged (see `unchanged`)
    qsizetype unchanged = 0; ///< already there from the same inputs
    qsizetype failed = 0;    ///< not exported, or exported without some versions
    qsizetype partial = 0;   ///< of `failed`: exported without some of their versions
    qsizetype cancelled = 0; ///< never started: the batch was cancelled
};

/// Exports many articles as bundles into one folder, using every core: the articles are
/// looked up, checked by the export gate and rendered on worker threads (each with a
/// read-only Library of the same file), then written one after the other, in the order
/// given, on the calling thread through `library`, which records each Export revision.
/// One article's failure (not found, a version that fails the gate, a folder that cannot
/// be written) is reported in its event and the others go on; each bundle is written
/// all or nothing (BundleWriter::writeBuilt()). Temporary folders and files that a
/// killed export left in the folder an hour or more before are removed first.
class BatchExporter final {
    Q_DECLARE_TR_FUNCTIONS(BatchExporter)

public:
    /// `onArticle` is called on the calling thread after each article, in order;
    /// `cancelled`, polled between articles, stops the batch (what is written stays).
    static BatchSummary run(Library& library, const QStringList& items, const QString& folder,
                            const BatchOptions& options,
                            const std::function<void(const BatchEvent&)>& onArticle,
                            const std::function<bool()>& cancelled = {});

    /// The articles with tag `tag` (a slug; empty: any) and status `status` (none: any),
    /// in the library's order, out of the trash: what `export --all | --tag | --status`
    /// and the export dialog export. Read whole before the export, whose revisions
    /// reorder the list.
    static Result<QList<QUuid>> select(const Library& library, const QString& tag = {},
                                       std::optional<Status> status = {});
};

} // namespace copydesk
