// copydesk-cli trash ARTICLE... | trash --restore ARTICLE... | trash --empty
#include "cli/commands.h"
#include "cli/common.h"
#include "library/trash.h"

#include <QCoreApplication>

namespace copydesk::cli {

int runTrash(const QStringList& args) {
    const QString name = QStringLiteral("trash");
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("ARTICLE"),
                                 Cli::tr("Article id, unique id prefix or slug; may be repeated."));
    const QCommandLineOption restore(QStringLiteral("restore"),
                                     Cli::tr("Take the articles out of the trash instead."));
    const QCommandLineOption empty(QStringLiteral("empty"),
                                   Cli::tr("Remove every article in the trash for good."));
    parser.addOptions({restore, empty});
    if (const auto exit = parseArguments(
            parser, name,
            Cli::tr("Moves articles to the trash (list --trash shows them), brings them back, or "
                    "empties the trash. Prints how many articles it moved or removed."),
            args))
        return *exit;
    const QStringList keys = parser.positionalArguments();
    if (parser.isSet(empty) && (!keys.isEmpty() || parser.isSet(restore)))
        return usageError(name, Cli::tr("--empty takes no ARTICLE and no --restore"));
    if (!parser.isSet(empty) && keys.isEmpty())
        return usageError(name, Cli::tr("expected at least one ARTICLE, or --empty"));

    auto library = openLibrary(parser, Library::Mode::ReadWrite);
    if (!library)
        return fail(library.error());
    Library& lib = **library;
    const auto done = lib.transaction([&]() -> Result<void> {
        Result<int> changed = 0;
        if (parser.isSet(empty)) {
            changed = emptyTrash(lib);
        } else {
            QList<QUuid> ids;
            for (const QString& key : keys) {
                // Slugs of articles in the trash resolve too.
                auto article = lib.findArticle(key);
                if (!article)
                    return article.failure();
                ids.append(article->id);
            }
            changed = parser.isSet(restore) ? restoreFromTrash(lib, ids) : moveToTrash(lib, ids);
        }
        if (!changed)
            return changed.failure();
        out() << *changed << '\n';
        return flushAndFinishOutput(lib);
    });
    if (!done)
        return fail(done.error());
    return ExitOk;
}

} // namespace copydesk::cli
