// copydesk-cli restore ID|SLUG REV
#include "cli/commands.h"
#include "cli/common.h"

#include <QCoreApplication>

namespace copydesk::cli {

int runRestore(const QStringList& args) {
    const QString name = QStringLiteral("restore");
    QCommandLineParser parser;
    addArticleArgument(parser);
    parser.addPositionalArgument(
        QStringLiteral("REV"),
        QCoreApplication::translate("cli", "Revision to restore (see history)."));
    if (const auto exit = parseArguments(
            parser, name,
            QCoreApplication::translate("cli", "Makes an old revision the current state of the "
                                               "article, recorded as a new revision whose number "
                                               "is printed."),
            args))
        return *exit;
    if (parser.positionalArguments().size() != 2)
        return usageError(name, QCoreApplication::translate("cli", "expected ID|SLUG and REV"));
    bool numeric = false;
    const qint64 rev = parser.positionalArguments().at(1).toLongLong(&numeric);
    if (!numeric || rev < 1)
        return usageError(name, QCoreApplication::translate("cli", "'%1' is not a revision number")
                                    .arg(parser.positionalArguments().at(1)));

    auto library = openLibrary(parser, Library::Mode::ReadWrite);
    if (!library)
        return fail(library.error());
    Library& lib = **library;
    auto article = lib.findArticle(parser.positionalArguments().front());
    if (!article)
        return fail(article.error());
    const auto revisions = lib.revisions(article->id);
    if (!revisions)
        return fail(revisions.error());
    bool belongs = false;
    for (const RevisionInfo& r : *revisions)
        belongs = belongs || r.id == rev;
    if (!belongs)
        return fail(QCoreApplication::translate("cli", "article '%1' has no revision %2")
                        .arg(article->slug)
                        .arg(rev));
    // The new revision's number is the answer: when it cannot be written (a full
    // disk behind stdout), the restore is rolled back.
    const auto done = lib.transaction([&]() -> Result<void> {
        const auto restored = lib.restore(rev);
        if (!restored)
            return restored.failure();
        out() << *restored << '\n';
        return finishOutput();
    });
    if (!done)
        return fail(done.error());
    return ExitOk;
}

} // namespace copydesk::cli
