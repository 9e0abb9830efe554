// copydesk-cli: the command-line face of copydesk_core. This file only dispatches;
// each subcommand lives in its own file.
#include "cli/commands.h"
#include "cli/common.h"

#include <QCoreApplication>

#include <array>

namespace {

struct Subcommand {
    const char* name;
    const char* summary;
    int (*run)(const QStringList&);
};

using namespace copydesk::cli;

constexpr std::array kSubcommands{
    Subcommand{"render", QT_TRANSLATE_NOOP("cli", "Markdown on stdin to HTML on stdout"),
               runRender},
    Subcommand{"import", QT_TRANSLATE_NOOP("cli", "Import Markdown, text or HTML files"),
               runImport},
    Subcommand{"export", QT_TRANSLATE_NOOP("cli", "Export an article as Markdown files"),
               runExport},
    Subcommand{"new", QT_TRANSLATE_NOOP("cli", "Create an article and print its id"), runNew},
    Subcommand{"list", QT_TRANSLATE_NOOP("cli", "List articles, newest first"), runList},
    Subcommand{"show", QT_TRANSLATE_NOOP("cli", "Print an article"), runShow},
    Subcommand{"search", QT_TRANSLATE_NOOP("cli", "Full-text search in every language"), runSearch},
    Subcommand{"history", QT_TRANSLATE_NOOP("cli", "List an article's revisions or diff one"),
               runHistory},
    Subcommand{"restore", QT_TRANSLATE_NOOP("cli", "Make an old revision current again"),
               runRestore},
    Subcommand{"check", QT_TRANSLATE_NOOP("cli", "Run the editorial checks on articles"), runCheck},
};

int printUsage(QTextStream& stream) {
    stream << QCoreApplication::translate("cli", "Usage: copydesk-cli COMMAND [OPTIONS]\n\n"
                                                 "Commands:\n");
    for (const auto& c : kSubcommands) {
        stream << "  " << QString::fromLatin1(c.name).leftJustified(10)
               << QCoreApplication::translate("cli", c.summary) << '\n';
    }
    stream << '\n'
           << QCoreApplication::translate(
                  "cli", "Run 'copydesk-cli COMMAND --help' for a command's options.")
           << Qt::endl;
    return 0;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Copydesk"));
    QCoreApplication::setApplicationName(QStringLiteral("Copydesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COPYDESK_VERSION));

    const QStringList args = app.arguments().mid(1);
    if (args.isEmpty()) {
        printUsage(err());
        return ExitUsage;
    }
    const QString& name = args.front();
    if (name == QLatin1String("--help") || name == QLatin1String("-h") ||
        name == QLatin1String("help")) {
        printUsage(out());
        return ExitOk;
    }
    if (name == QLatin1String("--version")) {
        out() << "copydesk-cli " << QCoreApplication::applicationVersion() << Qt::endl;
        return ExitOk;
    }
    for (const auto& c : kSubcommands) {
        if (name == QLatin1String(c.name))
            return c.run(args);
    }
    err() << QCoreApplication::translate("cli", "copydesk-cli: unknown command '%1'").arg(name)
          << '\n';
    printUsage(err());
    return ExitUsage;
}
