// copydesk-cli: the command-line face of copydesk_core. This file only dispatches;
// each subcommand lives in its own file.
#include "cli/commands.h"
#include "cli/common.h"

#include <QCoreApplication>

#include <array>
#include <cstdio>
#include <exception>
#include <new>
#include <optional>

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
    Subcommand{"import", QT_TRANSLATE_NOOP("cli", "Import Markdown, text, HTML or WordPress files"),
               runImport},
    Subcommand{"export",
               QT_TRANSLATE_NOOP("cli", "Export articles as Markdown files or HTML bundles"),
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
    Subcommand{"translation",
               QT_TRANSLATE_NOOP("cli", "Translation progress of versions; record translations"),
               runTranslation},
    Subcommand{"xliff", QT_TRANSLATE_NOOP("cli", "Export segments to XLIFF, import translations"),
               runXliff},
    Subcommand{"tm",
               QT_TRANSLATE_NOOP("cli", "Translation memory: TMX export and import, lookup"),
               runTm},
    Subcommand{"repair", QT_TRANSLATE_NOOP("cli", "Check the search index and rebuild it"),
               runRepair},
    Subcommand{
        "tags",
        QT_TRANSLATE_NOOP("cli", "List, add, rename, merge, delete, label, import and export tags"),
        runTags},
    Subcommand{"categories", QT_TRANSLATE_NOOP("cli", "The same for categories, a hierarchy"),
               runCategories},
    Subcommand{"set",
               QT_TRANSLATE_NOOP("cli", "Change status, tags, categories or byline of articles"),
               runSet},
    Subcommand{"trash",
               QT_TRANSLATE_NOOP("cli", "Move articles to the trash, restore them, empty it"),
               runTrash},
    Subcommand{"template",
               QT_TRANSLATE_NOOP("cli", "The library's page templates: list, show, set, reset"),
               runTemplate},
};

int printUsage(QTextStream& stream) {
    stream << QCoreApplication::translate(
        "cli", "Usage: copydesk-cli [--library PATH] COMMAND [OPTIONS] [--] [ARGUMENTS]\n"
               "       copydesk-cli --version\n\n"
               "Commands:\n");
    for (const auto& c : kSubcommands) {
        stream << "  " << QString::fromLatin1(c.name).leftJustified(12)
               << QCoreApplication::translate("cli", c.summary) << '\n';
    }
    stream << '\n'
           << QCoreApplication::translate(
                  "cli", "--library PATH, before or after the command: the library file to use "
                         "instead of the default one.\n"
                         "Run 'copydesk-cli COMMAND --help' for a command's options.")
           << Qt::endl;
    return 0;
}

/// Options that every subcommand takes, accepted before the command too, as git and
/// cargo take theirs: `copydesk-cli --library PATH list`. They are passed on right
/// after the command's name, so they stay in front of a "--" in the rest.
struct GlobalOptions {
    QStringList forwarded;
    bool help = false;
    bool version = false;
    qsizetype commandIndex = 0; ///< index in args of the command's name
};

std::optional<GlobalOptions> takeGlobalOptions(const QStringList& args) {
    GlobalOptions g;
    qsizetype i = 0;
    while (i < args.size() && args.at(i).startsWith(QLatin1Char('-'))) {
        const QString& a = args.at(i);
        if (a == u"--help" || a == u"-h") {
            g.help = true;
        } else if (a == u"--version") {
            g.version = true;
        } else if (a == u"--library" || a == u"-library") {
            if (i + 1 >= args.size()) {
                err() << QCoreApplication::translate("cli",
                                                     "copydesk-cli: missing value after '%1'")
                             .arg(a)
                      << '\n';
                return std::nullopt;
            }
            g.forwarded << a << args.at(i + 1);
            ++i;
        } else if (a.startsWith(u"--library=") || a.startsWith(u"-library=")) {
            g.forwarded << a;
        } else {
            err() << QCoreApplication::translate("cli", "copydesk-cli: unknown option '%1'")
                         .arg(oneLine(a))
                  << '\n';
            return std::nullopt;
        }
        ++i;
    }
    g.commandIndex = i;
    return g;
}

int dispatch(const QStringList& args) {
    if (args.isEmpty()) {
        printUsage(err());
        return ExitUsage;
    }
    const auto global = takeGlobalOptions(args);
    if (!global) {
        printUsage(err());
        return ExitUsage;
    }
    // As git takes it: --version before a command answers and does nothing else.
    if (global->version) {
        out() << "copydesk-cli " << QCoreApplication::applicationVersion() << Qt::endl;
        return ExitOk;
    }
    if (global->commandIndex >= args.size()) {
        printUsage(global->help ? out() : err());
        return global->help ? ExitOk : ExitUsage;
    }
    const QString& name = args.at(global->commandIndex);
    if (name == u"help") {
        printUsage(out());
        return ExitOk;
    }
    QStringList commandArgs{name};
    if (global->help)
        commandArgs << QStringLiteral("--help");
    commandArgs << global->forwarded << args.mid(global->commandIndex + 1);
    for (const auto& c : kSubcommands) {
        if (name == QLatin1String(c.name))
            return c.run(commandArgs);
    }
    err() << QCoreApplication::translate("cli", "copydesk-cli: unknown command '%1'")
                 .arg(oneLine(name))
          << '\n';
    printUsage(err());
    return ExitUsage;
}

/// Qt's own warnings (SQL drivers, file engines) quote paths and data too: they go
/// through err() like everything else. Installed for main()'s lifetime only, since
/// err() is a function-local static that is gone once main() returns.
class MessageRouting final {
public:
    MessageRouting()
        : m_previous(qInstallMessageHandler(&MessageRouting::print)) {}
    ~MessageRouting() { qInstallMessageHandler(m_previous); }
    MessageRouting(const MessageRouting&) = delete;
    MessageRouting& operator=(const MessageRouting&) = delete;

private:
    static void print(QtMsgType type, const QMessageLogContext& context, const QString& text) {
        err() << qFormatLogMessage(type, context, text) << Qt::endl;
    }

    QtMessageHandler m_previous;
};

/// The last word on an exception nobody caught: one line, exit 1. Formatting the
/// message allocates, which may fail again when memory ran out; then the untranslated
/// text goes out as it is.
int reportFatal(const char* message, const char* detail = nullptr) {
    try {
        QString line = QCoreApplication::translate("cli", message);
        if (detail)
            line += QStringLiteral(": ") + QString::fromLocal8Bit(detail);
        fail(line);
    } catch (...) {
        std::fprintf(stderr, "copydesk-cli: %s\n", message);
    }
    return ExitFailure;
}

} // namespace

int main(int argc, char* argv[]) {
    try {
        const MessageRouting routing;
        QCoreApplication app(argc, argv);
        QCoreApplication::setOrganizationName(QStringLiteral("Copydesk"));
        QCoreApplication::setApplicationName(QStringLiteral("Copydesk"));
        QCoreApplication::setApplicationVersion(QStringLiteral(COPYDESK_VERSION));

        const int code = dispatch(app.arguments().mid(1));
        // Output that did not arrive is a failure, even when the command has
        // nothing else to report: `list > /dev/full` must not look like success.
        const auto written = finishOutput();
        if (!written && code == ExitOk)
            return fail(written.error());
        err().flush();
        return code;
    } catch (const std::bad_alloc&) {
        return reportFatal(QT_TRANSLATE_NOOP("cli", "out of memory"));
    } catch (const std::exception& e) {
        return reportFatal(QT_TRANSLATE_NOOP("cli", "internal error"), e.what());
    } catch (...) {
        return reportFatal(QT_TRANSLATE_NOOP("cli", "internal error"));
    }
}
