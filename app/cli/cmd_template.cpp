// copydesk-cli template [list] | show FILE | set FILE [PATH|-] | reset FILE
#include "cli/commands.h"
#include "cli/common.h"
#include "export/pagetemplates.h"

#include <QCoreApplication>

namespace copydesk::cli {

int runTemplate(const QStringList& args) {
    const QString name = QStringLiteral("template");
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("ACTION"), Cli::tr("list, show, set or reset."));
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        Cli::tr("article.mustache, fragment.mustache, index.mustache or style.css."));
    parser.addPositionalArgument(QStringLiteral("PATH"),
                                 Cli::tr("set: the file to read, or - for standard input."));
    if (const auto exit = parseArguments(
            parser, name,
            Cli::tr("The library's page templates and stylesheet, which the preview and every "
                    "export use: list says which are the library's own, show prints one, set "
                    "checks a file and stores it as the library's own (a syntax error is "
                    "named by template and line, and nothing is stored), reset goes back to "
                    "the built-in one."),
            args))
        return *exit;
    QStringList positional = parser.positionalArguments();
    const QString action = positional.isEmpty() ? QStringLiteral("list") : positional.takeFirst();
    const int wanted = action == u"list" ? 0 : action == u"set" ? 2 : 1;
    if (action != u"list" && action != u"show" && action != u"set" && action != u"reset")
        return usageError(
            name, Cli::tr("unknown action '%1' (expected list, show, set or reset)").arg(action));
    if (positional.size() != wanted && !(action == u"set" && positional.size() == 1))
        return usageError(name, Cli::tr("%1: wrong number of arguments").arg(action));
    std::optional<TemplateFile> file;
    if (!positional.isEmpty()) {
        file = templateFileFromName(positional.front());
        if (!file)
            return usageError(name, Cli::tr("unknown template '%1' (expected article.mustache, "
                                            "fragment.mustache, index.mustache or style.css)")
                                        .arg(positional.front()));
    }

    // Read before the library is opened for writing: a slow pipe must not hold its lock.
    QString text;
    if (action == u"set") {
        const QString path = positional.size() > 1 ? positional.at(1) : QStringLiteral("-");
        const auto read = path == u"-" ? readStdin() : readTextFile(path);
        if (!read)
            return fail(read.error());
        if (read->isEmpty())
            return fail(Cli::tr("%1: the file is empty (reset goes back to the built-in "
                                "template)")
                            .arg(path));
        text = *read;
    }
    const bool writes = action == u"set" || action == u"reset";
    auto library = openLibrary(parser, writes ? Library::Mode::ReadWrite : Library::Mode::ReadOnly);
    if (!library)
        return fail(library.error());

    if (action == u"list") {
        for (const TemplateFile each : {TemplateFile::Article, TemplateFile::Fragment,
                                        TemplateFile::Index, TemplateFile::Style}) {
            const auto text = PageTemplates::text(**library, each);
            if (!text)
                return fail(text.error());
            out() << templateFileName(each) << '\t'
                  << (text->own ? Cli::tr("library's own") : Cli::tr("built-in")) << '\n';
        }
        const auto finished = finishOutput();
        return finished ? ExitOk : fail(finished.error());
    }
    if (action == u"show") {
        const auto text = PageTemplates::text(**library, *file);
        if (!text)
            return fail(text.error());
        const auto written = writeDocument(text->text.toUtf8());
        return written ? ExitOk : fail(written.error());
    }
    const auto stored = PageTemplates::setText(**library, *file, text);
    if (!stored)
        return fail(stored.error());
    return ExitOk;
}

} // namespace copydesk::cli
