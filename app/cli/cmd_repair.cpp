// copydesk-cli repair
#include "cli/commands.h"
#include "cli/common.h"

#include <QCoreApplication>

namespace copydesk::cli {

int runRepair(const QStringList& args) {
    const QString name = QStringLiteral("repair");
    QCommandLineParser parser;
    if (const auto exit = parseArguments(
            parser, name,
            QCoreApplication::translate(
                "cli", "Checks the search index against the articles and rebuilds it from them "
                       "(also when no damage is found: part of the index cannot be compared "
                       "with the articles); when the damage goes deeper, builds a new library "
                       "file from the articles and keeps the damaged one beside it. Prints what "
                       "was done."),
            args))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return usageError(name, QCoreApplication::translate("cli", "expected no arguments"));
    const QString path = parser.isSet(QStringLiteral("library"))
                             ? parser.value(QStringLiteral("library"))
                             : Library::defaultPath();
    const auto repaired = Library::repair(path);
    if (!repaired)
        return fail(repaired.error());
    out() << oneLine(*repaired) << '\n';
    return ExitOk;
}

} // namespace copydesk::cli
