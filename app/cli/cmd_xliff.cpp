// copydesk-cli xliff export ARTICLE...|--all --target LANG [--version 1.2|2.0] --output FILE
//     [--prefill]
// copydesk-cli xliff import FILE...
#include "cli/commands.h"
#include "cli/common.h"
#include "common/atomicfile.h"
#include "import/inputfile.h"
#include "translation/memory.h"
#include "translation/xliff.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace copydesk::cli {

namespace {

int runXliffExport(const QStringList& args) {
    const QString name = QStringLiteral("xliff export");
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("ARTICLE"),
                                 QCoreApplication::translate("cli", "Id, id prefix or slug."),
                                 QStringLiteral("[ARTICLE...]"));
    const QCommandLineOption all(QStringLiteral("all"),
                                 QCoreApplication::translate("cli", "Every article."));
    const QCommandLineOption target(
        QStringLiteral("target"),
        QCoreApplication::translate("cli", "The language to translate into (BCP 47)."),
        QStringLiteral("LANG"));
    const QCommandLineOption version(
        QStringLiteral("version"),
        QCoreApplication::translate("cli", "XLIFF 1.2 (default: what most tools read) or 2.0."),
        QStringLiteral("VERSION"), QStringLiteral("1.2"));
    const QCommandLineOption output(
        QStringLiteral("output"),
        QCoreApplication::translate("cli", "The file to write ('-': standard output)."),
        QStringLiteral("FILE"));
    const QCommandLineOption prefill(
        QStringLiteral("prefill"),
        QCoreApplication::translate(
            "cli", "Give each untranslated unit its source as target, marked as still to "
                   "translate: OmegaT translates only units that have a target."));
    parser.addOptions({all, target, version, output, prefill});
    if (const auto exit = parseArguments(
            parser, name,
            QCoreApplication::translate(
                "cli", "Writes the segments of articles, with the translations there are, as "
                       "one XLIFF file for a translation tool."),
            args))
        return *exit;
    const QStringList names = parser.positionalArguments();
    if (names.isEmpty() == !parser.isSet(all))
        return usageError(name, QCoreApplication::translate("cli", "expected ARTICLE... or --all"));
    if (!parser.isSet(target) || !parser.isSet(output))
        return usageError(name,
                          QCoreApplication::translate("cli", "--target and --output are required"));
    const auto language = languageOption(parser, QStringLiteral("target"));
    if (!language)
        return usageError(name, language.error());
    const QString v = parser.value(version);
    if (v != QLatin1String("1.2") && v != QLatin1String("2.0"))
        return usageError(name, QCoreApplication::translate(
                                    "cli", "unknown XLIFF version '%1' (expected 1.2 or 2.0)")
                                    .arg(v));

    auto library = openLibrary(parser, Library::Mode::ReadOnly);
    if (!library)
        return fail(library.error());
    const auto articles = loadArticles(**library, names, parser.isSet(all));
    if (!articles)
        return fail(articles.error());
    const auto xliff = translation::exportXliff(
        *articles, *language,
        v == QLatin1String("2.0") ? translation::XliffVersion::V20 : translation::XliffVersion::V12,
        parser.isSet(prefill));
    if (!xliff)
        return fail(xliff.error());
    const QString path = parser.value(output);
    if (path == QLatin1String("-")) {
        const auto written = writeDocument(*xliff);
        return written ? ExitOk : fail(written.error());
    }
    const QFileInfo info(path);
    AtomicFileSet files(info.absolutePath());
    if (auto added = files.add(info.fileName(), *xliff); !added)
        return fail(added.error());
    const auto committed = files.commit();
    if (!committed)
        return fail(committed.error());
    out() << oneLine(committed->front()) << '\n';
    return ExitOk;
}

int runXliffImport(const QStringList& args) {
    const QString name = QStringLiteral("xliff import");
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QCoreApplication::translate("cli", "XLIFF 1.2 or 2.0 files."),
                                 QStringLiteral("FILE..."));
    if (const auto exit = parseArguments(
            parser, name,
            QCoreApplication::translate(
                "cli", "Puts the translations of XLIFF files (written by `xliff export` and "
                       "filled in by a translation tool) into their articles, as one "
                       "transaction. A unit whose source text changed since the export is "
                       "left out and said."),
            args))
        return *exit;
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        return usageError(name, QCoreApplication::translate("cli", "expected FILE..."));
    auto library = openLibrary(parser, Library::Mode::ReadWrite);
    if (!library)
        return fail(library.error());
    Library& lib = **library;
    QStringList notes;
    int applied = 0;
    int outdated = 0;
    QList<Article> changed;
    for (const QString& path : paths) {
        const auto data = readImportFile(path);
        if (!data)
            return fail(data.error());
        // The articles as this import has changed them so far: a second file for the
        // same article builds on the first.
        auto lookup = [&](const QUuid& id) -> Result<Article> {
            for (const Article& a : std::as_const(changed))
                if (a.id == id)
                    return a;
            return lib.article(id);
        };
        auto imported = translation::importXliff(*data, path, lookup);
        if (!imported)
            return fail(imported.error() + QLatin1Char(' ') +
                        QCoreApplication::translate("cli", "Nothing was imported."));
        for (Article& a : imported->articles) {
            bool replaced = false;
            for (Article& c : changed)
                if (c.id == a.id) {
                    c = a;
                    replaced = true;
                }
            if (!replaced)
                changed.append(a);
        }
        applied += imported->applied;
        outdated += imported->outdated;
        notes += imported->notes;
    }
    // The articles and what their translations give the memory, in one transaction.
    const auto saved = lib.transaction([&]() -> Result<void> {
        auto revisions = lib.saveAll(changed, RevisionKind::Import,
                                     QCoreApplication::translate("cli", "XLIFF import"));
        if (!revisions)
            return revisions.failure();
        QList<translation::MemoryEntry> entries;
        for (const Article& a : std::as_const(changed))
            entries.append(translation::memoryEntriesOf(a));
        const auto stored = translation::storeMemory(lib, entries);
        if (!stored)
            return stored.failure();
        return {};
    });
    if (!saved)
        return fail(saved.error() + QLatin1Char(' ') +
                    QCoreApplication::translate("cli", "Nothing was imported."));
    for (const QString& n : std::as_const(notes))
        err() << oneLine(n) << '\n';
    out() << QCoreApplication::translate("cli", "%n translations imported", nullptr, applied);
    if (outdated)
        out() << QCoreApplication::translate("cli", ", %n left out (source changed)", nullptr,
                                             outdated);
    out() << '\n';
    return ExitOk;
}

} // namespace

int runXliff(const QStringList& args) {
    const auto [sub, rest] = subcommandArguments(args);
    if (sub == QLatin1String("export"))
        return runXliffExport(rest);
    if (sub == QLatin1String("import"))
        return runXliffImport(rest);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        out() << QCoreApplication::translate(
            "cli", "Usage: copydesk-cli xliff export|import ...\n"
                   "  export ARTICLE...|--all --target LANG --output FILE [--version 1.2|2.0]\n"
                   "         [--prefill]\n"
                   "  import FILE...\n");
        return ExitOk;
    }
    return usageError(QStringLiteral("xliff"),
                      sub.isEmpty()
                          ? QCoreApplication::translate("cli", "expected export or import")
                          : QCoreApplication::translate(
                                "cli", "unknown subcommand '%1' (expected export or import)")
                                .arg(sub));
}

} // namespace copydesk::cli
