// copydesk-cli tm export FILE [--source L --target L]
// copydesk-cli tm import FILE...
// copydesk-cli tm add ARTICLE...|--all
// copydesk-cli tm lookup TEXT --source L --target L [--minimum P] [--limit N]
#include "cli/commands.h"
#include "cli/common.h"
#include "common/atomicfile.h"
#include "common/languagetag.h"
#include "import/inputfile.h"
#include "translation/memory.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace copydesk::cli {

namespace {

const QString kSourceOption = QStringLiteral("source");
const QString kTargetOption = QStringLiteral("target");

QCommandLineOption sourceOption() {
    return {kSourceOption, QCoreApplication::translate("cli", "The language translated from."),
            QStringLiteral("L")};
}

QCommandLineOption targetOption() {
    return {kTargetOption, QCoreApplication::translate("cli", "The language translated into."),
            QStringLiteral("L")};
}

/// The language pair of --source and --target: both or neither (`required`: both).
Result<std::pair<QString, QString>> pairOptions(const QCommandLineParser& parser, bool required) {
    if (parser.isSet(kSourceOption) != parser.isSet(kTargetOption) ||
        (required && !parser.isSet(kSourceOption)))
        return Error{QCoreApplication::translate("cli", "--source and --target go together"),
                     ErrorKind::InvalidInput};
    if (!parser.isSet(kSourceOption))
        return std::make_pair(QString(), QString());
    const auto source = languageOption(parser, kSourceOption);
    if (!source)
        return source.failure();
    const auto target = languageOption(parser, kTargetOption);
    if (!target)
        return target.failure();
    return std::make_pair(*source, *target);
}

/// The largest TMX file read: memories from other tools run to hundreds of megabytes,
/// past the limit of the files an import reads (common/limits.h).
constexpr qint64 kMaxTmxBytes = qint64(512) * 1024 * 1024;

int runTmExport(const QStringList& args) {
    const QString name = QStringLiteral("tm export");
    QCommandLineParser parser;
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QCoreApplication::translate("cli", "The TMX file to write ('-': standard output)."));
    parser.addOptions({sourceOption(), targetOption()});
    if (const auto exit = parseArguments(
            parser, name,
            QCoreApplication::translate(
                "cli", "Writes the library's translation memory (every language pair, or the "
                       "one of --source and --target) as a TMX 1.4b file for another tool."),
            args))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return usageError(name, QCoreApplication::translate("cli", "expected one FILE"));
    const auto pair = pairOptions(parser, false);
    if (!pair)
        return usageError(name, pair.error());
    auto library = openLibrary(parser, Library::Mode::ReadOnly);
    if (!library)
        return fail(library.error());
    // As stored: an en-US -> fr-CA entry keeps its tags in the file.
    const auto memory = translation::loadMemory(**library, pair->first, pair->second,
                                                translation::MemoryTags::AsStored);
    if (!memory)
        return fail(memory.error());
    const QByteArray tmx = memory->toTmx();
    const QString path = parser.positionalArguments().front();
    if (path == QLatin1String("-")) {
        const auto written = writeDocument(tmx);
        return written ? ExitOk : fail(written.error());
    }
    const QFileInfo info(path);
    AtomicFileSet files(info.absolutePath());
    if (auto added = files.add(info.fileName(), tmx); !added)
        return fail(added.error());
    const auto committed = files.commit();
    if (!committed)
        return fail(committed.error());
    out() << QCoreApplication::translate("cli", "%n translations written to %1", nullptr,
                                         int(memory->size()))
                 .arg(oneLine(committed->front()))
          << '\n';
    return ExitOk;
}

/// Stores `entries` in the memory, one transaction, and says how many were new.
int storeAndReport(Library& lib, const QList<translation::MemoryEntry>& entries) {
    int added = 0;
    const auto done = lib.transaction([&]() -> Result<void> {
        auto stored = translation::storeMemory(lib, entries);
        if (!stored)
            return stored.failure();
        added = *stored;
        out() << QCoreApplication::translate("cli", "%n translations read", nullptr,
                                             int(entries.size()))
              << QCoreApplication::translate("cli", ", %n new in the memory", nullptr, added)
              << '\n';
        return flushAndFinishOutput(lib);
    });
    if (!done)
        return fail(done.error() + QLatin1Char(' ') +
                    QCoreApplication::translate("cli", "Nothing was added to the memory."));
    return ExitOk;
}

int runTmImport(const QStringList& args) {
    const QString name = QStringLiteral("tm import");
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QCoreApplication::translate("cli", "TMX files (1.1 to 1.4b)."),
                                 QStringLiteral("FILE..."));
    if (const auto exit = parseArguments(
            parser, name,
            QCoreApplication::translate(
                "cli", "Adds the translations of TMX files (from another tool, or from `tm "
                       "export`) to the library's translation memory, all files or none."),
            args))
        return *exit;
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        return usageError(name, QCoreApplication::translate("cli", "expected FILE..."));
    // Every file is read before the library is touched: a broken one adds nothing.
    const QString nothing = QCoreApplication::translate("cli", "Nothing was added to the memory.");
    QList<translation::MemoryEntry> entries;
    for (const QString& path : paths) {
        const auto data = readImportFile(path, kMaxTmxBytes);
        if (!data)
            return fail(data.error() + QLatin1Char(' ') + nothing);
        int skipped = 0;
        const auto memory = translation::TranslationMemory::fromTmx(*data, path, &skipped);
        if (!memory)
            return fail(memory.error() + QLatin1Char(' ') + nothing);
        for (const translation::MemoryEntry& e : memory->entries())
            for (const QString& tag : {e.sourceLanguage, e.targetLanguage})
                if (const auto valid = canonicalLanguageTag(tag); !valid)
                    return fail(QStringLiteral("%1: %2 %3").arg(path, valid.error(), nothing));
        if (skipped)
            err() << QCoreApplication::translate(
                         "cli", "%1: %n unit(s) without a text in their source language left out",
                         nullptr, skipped)
                         .arg(oneLine(path))
                  << '\n';
        entries.append(
            QList<translation::MemoryEntry>(memory->entries().begin(), memory->entries().end()));
    }
    auto library = openLibrary(parser, Library::Mode::ReadWrite);
    if (!library)
        return fail(library.error());
    return storeAndReport(**library, entries);
}

int runTmAdd(const QStringList& args) {
    const QString name = QStringLiteral("tm add");
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("ARTICLE"),
                                 QCoreApplication::translate("cli", "Id, id prefix or slug."),
                                 QStringLiteral("[ARTICLE...]"));
    const QCommandLineOption all(QStringLiteral("all"),
                                 QCoreApplication::translate("cli", "Every article."));
    parser.addOption(all);
    if (const auto exit = parseArguments(
            parser, name,
            QCoreApplication::translate(
                "cli", "Adds the translated and reviewed segments of articles' translations to "
                       "the translation memory (`translation mark` and `xliff import` add "
                       "theirs as they go; this is for translations made before)."),
            args))
        return *exit;
    const QStringList names = parser.positionalArguments();
    if (names.isEmpty() == !parser.isSet(all))
        return usageError(name, QCoreApplication::translate("cli", "expected ARTICLE... or --all"));
    auto library = openLibrary(parser, Library::Mode::ReadWrite);
    if (!library)
        return fail(library.error());
    const auto articles = loadArticles(**library, names, parser.isSet(all));
    if (!articles)
        return fail(articles.error());
    QList<translation::MemoryEntry> entries;
    for (const Article& a : *articles)
        entries.append(translation::memoryEntriesOf(a));
    return storeAndReport(**library, entries);
}

QString diffText(const QList<translation::DiffRun>& runs) {
    // What a terminal can show of the word diff: removed words in [-...-], added ones
    // in {+...+}, as `git diff --word-diff` writes them.
    QString text;
    for (const translation::DiffRun& run : runs) {
        if (run.kind == translation::DiffRun::Removed)
            text += QLatin1String("[-") + run.text + QLatin1String("-]");
        else if (run.kind == translation::DiffRun::Inserted)
            text += QLatin1String("{+") + run.text + QLatin1String("+}");
        else
            text += run.text;
    }
    return text;
}

int runTmLookup(const QStringList& args) {
    const QString name = QStringLiteral("tm lookup");
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("TEXT"),
                                 QCoreApplication::translate("cli", "The text to translate."));
    const QCommandLineOption minimum(
        QStringLiteral("minimum"),
        QCoreApplication::translate("cli", "The lowest match to show, in percent (default 70)."),
        QStringLiteral("P"), QStringLiteral("70"));
    const QCommandLineOption limit(
        QStringLiteral("limit"),
        QCoreApplication::translate("cli", "How many matches at most (default 5)."),
        QStringLiteral("N"), QStringLiteral("5"));
    parser.addOptions({sourceOption(), targetOption(), minimum, limit});
    if (const auto exit = parseArguments(
            parser, name,
            QCoreApplication::translate(
                "cli", "Prints the memory's translations of TEXT, best first, each with how "
                       "much its source matches and the words that differ ([-only in the "
                       "stored source-], {+only in TEXT+})."),
            args))
        return *exit;
    if (parser.positionalArguments().size() != 1 ||
        parser.positionalArguments().front().trimmed().isEmpty())
        return usageError(name, QCoreApplication::translate("cli", "expected one TEXT"));
    const auto pair = pairOptions(parser, true);
    if (!pair)
        return usageError(name, pair.error());
    bool ok = false;
    const int lowest = parser.value(minimum).toInt(&ok);
    if (!ok || lowest < 1 || lowest > 100)
        return usageError(name, QCoreApplication::translate(
                                    "cli", "--minimum expects a percentage from 1 to 100, not '%1'")
                                    .arg(parser.value(minimum)));
    const int most = parser.value(limit).toInt(&ok);
    if (!ok || most < 1)
        return usageError(
            name, QCoreApplication::translate("cli", "--limit expects a number from 1, not '%1'")
                      .arg(parser.value(limit)));
    auto library = openLibrary(parser, Library::Mode::ReadOnly);
    if (!library)
        return fail(library.error());
    const auto memory = translation::loadMemory(**library, pair->first, pair->second);
    if (!memory)
        return fail(memory.error());
    const auto matches = memory->lookup(pair->first, pair->second,
                                        parser.positionalArguments().front(), lowest, most);
    if (matches.isEmpty()) {
        err() << QCoreApplication::translate("cli", "no match of %1% or more").arg(lowest) << '\n';
        return ExitFailure;
    }
    for (const translation::MemoryMatch& m : matches) {
        out() << QString::number(m.percent).rightJustified(3) << "% " << oneLine(m.entry.target)
              << '\n';
        if (m.percent < 100)
            out() << "      " << oneLine(diffText(m.difference)) << '\n';
    }
    return ExitOk;
}

} // namespace

int runTm(const QStringList& args) {
    const auto [sub, rest] = subcommandArguments(args);
    if (sub == QLatin1String("export"))
        return runTmExport(rest);
    if (sub == QLatin1String("import"))
        return runTmImport(rest);
    if (sub == QLatin1String("add"))
        return runTmAdd(rest);
    if (sub == QLatin1String("lookup"))
        return runTmLookup(rest);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        out() << QCoreApplication::translate(
            "cli", "Usage: copydesk-cli tm export|import|add|lookup ...\n"
                   "  export FILE [--source L --target L]   the memory as TMX 1.4b\n"
                   "  import FILE...                        add the translations of TMX files\n"
                   "  add ARTICLE...|--all                  add articles' translated segments\n"
                   "  lookup TEXT --source L --target L     the memory's matches for TEXT\n");
        return ExitOk;
    }
    return usageError(
        QStringLiteral("tm"),
        sub.isEmpty() ? QCoreApplication::translate("cli", "expected export, import, add or lookup")
                      : QCoreApplication::translate(
                            "cli", "unknown subcommand '%1' (expected export, import, add or "
                                   "lookup)")
                            .arg(sub));
}

} // namespace copydesk::cli
