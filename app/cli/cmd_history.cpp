// copydesk-cli history ID|SLUG [--diff REV]
#include "cli/commands.h"
#include "cli/common.h"

#include <QCoreApplication>

namespace copydesk::cli {

int runHistory(const QStringList& args) {
    const QString name = QStringLiteral("history");
    QCommandLineParser parser;
    addArticleArgument(parser);
    const QCommandLineOption diff(
        QStringLiteral("diff"),
        QCoreApplication::translate("cli",
                                    "Show the changes of revision REV against the one before."),
        QStringLiteral("REV"));
    parser.addOption(diff);
    if (const auto exit = parseArguments(
            parser, name,
            QCoreApplication::translate("cli", "Lists an article's revisions, newest first, or "
                                               "shows one as a unified diff."),
            args))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return usageError(name, QCoreApplication::translate("cli", "expected one ID or SLUG"));
    qint64 rev = 0;
    if (parser.isSet(diff)) {
        bool numeric = false;
        rev = parser.value(diff).toLongLong(&numeric);
        if (!numeric || rev < 1)
            return usageError(name,
                              QCoreApplication::translate("cli", "--diff needs a revision number"));
    }

    auto library = openLibrary(parser, Library::Mode::ReadOnly);
    if (!library)
        return fail(library.error());
    Library& lib = **library;
    auto article = lib.findArticle(parser.positionalArguments().front());
    if (!article)
        return fail(article.error());
    const auto listed = lib.revisions(article->id);
    if (!listed)
        return fail(listed.error());
    const QList<RevisionInfo>& revisions = *listed;

    if (!parser.isSet(diff)) {
        for (const RevisionInfo& r : revisions) {
            out() << QString::number(r.id).rightJustified(6) << "  "
                  << r.created.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) << "  "
                  << revisionKindId(r.kind).leftJustified(8) << "  " << oneLine(r.note) << '\n';
        }
        out().flush();
        return ExitOk;
    }

    // revisions() is newest first: the one before REV is the next in the list.
    qsizetype index = -1;
    for (qsizetype i = 0; i < revisions.size(); ++i) {
        if (revisions[i].id == rev)
            index = i;
    }
    if (index < 0)
        return fail(QCoreApplication::translate("cli", "article '%1' has no revision %2")
                        .arg(article->slug)
                        .arg(rev));
    auto after = lib.articleAtRevision(rev);
    if (!after)
        return fail(after.error());
    Article before;
    QString beforeLabel = QCoreApplication::translate("cli", "none");
    if (index + 1 < revisions.size()) {
        auto previous = lib.articleAtRevision(revisions[index + 1].id);
        if (!previous)
            return fail(previous.error());
        before = *previous;
        beforeLabel = QCoreApplication::translate("cli", "rev %1").arg(revisions[index + 1].id);
    }
    out() << diffArticles(before, *after, beforeLabel,
                          QCoreApplication::translate("cli", "rev %1").arg(rev));
    out().flush();
    return ExitOk;
}

} // namespace copydesk::cli
