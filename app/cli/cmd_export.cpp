// copydesk-cli export ID|SLUG --format md [--lang L] [--output DIR|-]
#include "cli/commands.h"
#include "cli/common.h"
#include "common/languagetag.h"
#include "interchange/formats.h"
#include "interchange/interchange.h"

#include <QCoreApplication>
#include <QDir>

namespace copydesk::cli {

int runExport(const QStringList& args) {
    const QString name = QStringLiteral("export");
    QCommandLineParser parser;
    addArticleArgument(parser);
    const QCommandLineOption format(
        QStringLiteral("format"),
        QCoreApplication::translate("cli", "Output format: md (Markdown with YAML front matter, "
                                           "as Hugo and Jekyll read it). Default md."),
        QStringLiteral("FORMAT"), QStringLiteral("md"));
    const QCommandLineOption lang(
        {QStringLiteral("l"), QStringLiteral("lang")},
        QCoreApplication::translate("cli", "Export only the version in this language; may be "
                                           "given more than once. Default: every version."),
        QStringLiteral("L"));
    const QCommandLineOption output(
        {QStringLiteral("o"), QStringLiteral("output")},
        QCoreApplication::translate("cli", "Folder to write SLUG.LANG.md files into (created "
                                           "when missing; default the current folder), or - "
                                           "to write one version to standard output."),
        QStringLiteral("DIR"), QStringLiteral("."));
    parser.addOption(format);
    parser.addOption(lang);
    parser.addOption(output);
    const QString description = QCoreApplication::translate(
        "cli", "Exports an article, one file per language version, prints the paths written "
               "and records an export revision.");
    if (const auto exit = parseArguments(parser, name, description, args))
        return *exit;

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        return usageError(name, positional.isEmpty()
                                    ? QCoreApplication::translate("cli", "no ID|SLUG given")
                                    : QCoreApplication::translate("cli", "give one article only"));
    }
    const FormatRegistry formats = standardFormats();
    const FileFormat* writer = formats.byId(parser.value(format), FileFormat::Capability::Write);
    if (!writer) {
        return usageError(
            name, QCoreApplication::translate("cli", "unknown format '%1' (expected %2)")
                      .arg(parser.value(format), formats.ids(FileFormat::Capability::Write)));
    }
    QStringList languages;
    for (const QString& value : parser.values(lang)) {
        const auto tag = canonicalLanguageTag(value);
        if (!tag)
            return usageError(name, QStringLiteral("--lang: ") + tag.error());
        languages.append(*tag);
    }
    const QString target = parser.value(output);
    const bool toStdout = target == u"-";
    if (toStdout && languages.size() > 1) {
        return usageError(name, QCoreApplication::translate(
                                    "cli", "--output - writes one version; give one --lang"));
    }

    auto library = openLibrary(parser, Library::Mode::ReadWrite);
    if (!library)
        return fail(library.error());
    auto article = (*library)->findArticle(positional.front());
    if (!article)
        return fail(article.error());

    if (toStdout) {
        const auto versions = selectVersions(*article, languages);
        if (!versions)
            return fail(versions.error());
        if (versions->size() != 1) {
            return usageError(name,
                              QCoreApplication::translate(
                                  "cli", "--output - writes one version; choose one of the %1 with "
                                         "--lang")
                                  .arg(QString::number(versions->size())));
        }
        // Recorded only once the text has arrived: a full disk behind stdout is a
        // failed export.
        const auto bytes = writer->write(*article, versions->front());
        if (!bytes)
            return fail(bytes.error());
        const auto written = writeDocument(*bytes);
        if (!written)
            return fail(written.error());
        auto saved =
            (*library)->save(*article, RevisionKind::Export,
                             QCoreApplication::translate("cli", "exported to standard output: %1")
                                 .arg(versions->front().language));
        if (!saved)
            return fail(saved.error());
        return ExitOk;
    }

    const auto written = exportArticleToFolder(**library, *writer, *article, target, languages);
    if (!written)
        return fail(written.error());
    for (const QString& path : *written)
        out() << QDir::toNativeSeparators(path) << '\n';
    out().flush();
    return ExitOk;
}

} // namespace copydesk::cli
