// copydesk-cli search QUERY [--limit N]
#include "cli/commands.h"
#include "cli/common.h"

#include <QCoreApplication>

namespace copydesk::cli {

int runSearch(const QStringList& args) {
    const QString name = QStringLiteral("search");
    QCommandLineParser parser;
    parser.addPositionalArgument(
        QStringLiteral("QUERY"),
        QCoreApplication::translate("cli", "Words to find; all must occur. Put them after '--' "
                                           "when one starts with '-'."));
    const QCommandLineOption limit(
        QStringLiteral("limit"), QCoreApplication::translate("cli", "At most N hits (default 20)."),
        QStringLiteral("N"), QStringLiteral("20"));
    parser.addOption(limit);
    if (const auto exit = parseArguments(
            parser, name,
            QCoreApplication::translate(
                "cli", "Searches titles, summaries and bodies in every language and prints one "
                       "line per matching language version: id, language, title, context."),
            args))
        return *exit;
    const QString query = parser.positionalArguments().join(QLatin1Char(' '));
    if (query.trimmed().isEmpty())
        return usageError(name, QCoreApplication::translate("cli", "no QUERY given"));
    bool numeric = false;
    const int max = parser.value(limit).toInt(&numeric);
    if (!numeric || max < 1)
        return usageError(name,
                          QCoreApplication::translate("cli", "--limit needs a positive number"));

    auto library = openLibrary(parser, Library::Mode::ReadOnly);
    if (!library)
        return fail(library.error());
    const auto found = (*library)->search(query, max);
    if (!found)
        return fail(found.kind() == ErrorKind::Corrupt
                        ? QCoreApplication::translate("cli", "%1 (run 'copydesk-cli repair')")
                              .arg(found.error())
                        : found.error());
    // How a term was read matters when it finds less than expected: say it, apart
    // from the results.
    for (const QString& note : found->notes)
        err() << QCoreApplication::translate("cli", "note: %1").arg(oneLine(note)) << Qt::endl;
    for (const SearchHit& hit : found->hits) {
        out() << hit.articleId.toString(QUuid::WithoutBraces) << "  " << oneLine(hit.language)
              << "  " << oneLine(hit.title) << "\n    " << oneLine(hit.snippet) << '\n';
    }
    return ExitOk;
}

} // namespace copydesk::cli
