// copydesk-cli import FILE...|DIR [--lang L] [--source-lang L] [--format md|txt|html|wxr]
//                    [--fix CHECK,...] [--fix-safe]
#include "checks/checks.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/report.h"
#include "common/languagetag.h"
#include "interchange/formats.h"
#include "interchange/interchange.h"
#include "spelling/speller.h"
#include "translation/versionqa.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>

namespace copydesk::cli {

int runImport(const QStringList& args) {
    const QString name = QStringLiteral("import");
    QCommandLineParser parser;
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QCoreApplication::translate("cli", "Markdown (.md, with or without YAML front matter), "
                                           "plain-text (.txt), HTML (.html) or WordPress export "
                                           "(.xml: every post and page) file; or one folder "
                                           "of a site (a Hugo site's content/, a Jekyll "
                                           "site's _posts/): every Markdown file in it."),
        QStringLiteral("FILE...|DIR"));
    const QCommandLineOption lang(
        {QStringLiteral("l"), QStringLiteral("lang")},
        QCoreApplication::translate("cli", "Language of files that do not name one in their "
                                           "front matter, <html lang> or file name "
                                           "(name.LANG.md); default en."),
        QStringLiteral("L"));
    const QCommandLineOption format(
        QStringLiteral("format"),
        QCoreApplication::translate("cli", "Read every file as md, txt, html or wxr (default: by "
                                           "each file's extension)."),
        QStringLiteral("FORMAT"));
    const QCommandLineOption sourceLang(
        QStringLiteral("source-lang"),
        QCoreApplication::translate("cli", "DIR: the site's default language, the source of "
                                           "the articles that have a page in it (default: en "
                                           "where there is English, else the language of most "
                                           "pages)."),
        QStringLiteral("L"));
    parser.addOption(lang);
    parser.addOption(sourceLang);
    parser.addOption(format);
    // Clean-up of pasted text (app/checks/importcleanup.h): the findings and the fixes
    // applied go to stderr, so that stdout stays one article id a line for scripts.
    const QCommandLineOption fix(
        QStringLiteral("fix"),
        QCoreApplication::translate(
            "cli", "Apply the fixes of these checks (comma-separated ids, see 'copydesk-cli "
                   "check --list-checks'). The imported text is kept as the import revision; "
                   "the fixed text is saved as a second revision (note \"cleanup: …\")."),
        QStringLiteral("CHECK,..."));
    const QCommandLineOption fixSafe(
        QStringLiteral("fix-safe"),
        QCoreApplication::translate("cli", "Apply the fixes that are safe without review: remove "
                                           "repeated paragraphs and left-over web and e-mail "
                                           "lines, insert missing spaces, replace quotation "
                                           "marks."));
    parser.addOption(fix);
    parser.addOption(fixSafe);
    const QString description = QCoreApplication::translate(
        "cli", "Imports files into the library and prints the id of each article. Markdown "
               "files that share a translationKey become language versions of one article; "
               "an article already in the library gets the versions added or updated.\n"
               "A folder is imported as a site, all of it or nothing: the versions of a page "
               "are linked by name.LANG.md files, by the same path under content/LANG/ and by "
               "translationKey; each page keeps its path and front matter as written, for "
               "'copydesk-cli export --format hugo|jekyll'; a page imported again is updated "
               "(an import revision) or reported unchanged.\n"
               "The editorial checks run on what was imported: each finding left is printed "
               "on stderr as 'copydesk-cli check' prints it, after one 'SLUG: fixed …' line "
               "per fix applied (--fix, --fix-safe), and a 'note:' line for a file name whose part "
               "before the extension (name.LANG.md) is not a language tag and for an HTML lang "
               "attribute that is not one. Findings and notes do not change the exit status.");
    if (const auto exit = parseArguments(parser, name, description, args))
        return *exit;

    QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return usageError(name, QCoreApplication::translate("cli", "no FILE given"));
    const FormatRegistry formats = standardFormats();
    ImportOptions options;
    // A folder is a site: its Markdown files, their paths kept relative to its root.
    const bool site = std::any_of(files.cbegin(), files.cend(),
                                  [](const QString& path) { return QFileInfo(path).isDir(); });
    if (site) {
        if (files.size() != 1)
            return usageError(
                name, QCoreApplication::translate("cli", "give one folder, or files, not both"));
        const QString folder = files.front();
        auto pages = siteFiles(folder);
        if (!pages)
            return fail(pages.error());
        files = *pages;
        options.siteRoot = siteRoot(folder);
    }
    if (parser.isSet(sourceLang)) {
        if (!site)
            return usageError(name, QCoreApplication::translate(
                                        "cli", "--source-lang is for the import of a folder"));
        auto tag = canonicalLanguageTag(parser.value(sourceLang));
        if (!tag)
            return usageError(name, QStringLiteral("--source-lang: ") + tag.error());
        options.sourceLanguage = *tag;
    }
    if (parser.isSet(format)) {
        options.format = parser.value(format);
        if (!formats.byId(options.format, FileFormat::Capability::Read)) {
            return usageError(
                name, QCoreApplication::translate("cli", "unknown format '%1' (expected %2)")
                          .arg(options.format, formats.ids(FileFormat::Capability::Read)));
        }
    }
    if (parser.isSet(lang)) {
        auto tag = canonicalLanguageTag(parser.value(lang));
        if (!tag)
            return usageError(name, tag.error());
        options.language = *tag;
    }

    const checks::Catalogue catalogue = translation::catalogueWithVersionChecks();
    checks::FixRequest fixes;
    fixes.safe = parser.isSet(fixSafe);
    const QStringList fixValues = parser.values(fix);
    for (const QString& value : fixValues) {
        const QStringList checkIds = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString& id : checkIds) {
            if (!catalogue.contains(id.trimmed())) {
                return usageError(
                    name,
                    QCoreApplication::translate("cli", "unknown check '%1' in --fix").arg(id));
            }
            fixes.checkIds.append(id.trimmed());
        }
    }

    auto library = openLibrary(parser, Library::Mode::ReadWrite);
    if (!library)
        return fail(library.error());
    // A pasted web page's chrome is what the library's boilerplate list (the checks'
    // list, which the library can edit) names, in every language of the desk.
    const auto context = checks::contextFromLibrary(**library, {}, nullptr);
    if (!context)
        return fail(context.error());
    const FormatRegistry importFormats = standardFormats(context->boilerplate);
    // Notices go to stderr with the findings, once the import has succeeded.
    QStringList notices;
    options.notice = [&notices](const QString& notice) { notices.append(notice); };
    SpellerPool spellers;
    // The import, every clean-up and the printing of the ids are one transaction: a
    // failure, also a standard output that cannot take the ids (a script would not
    // know what was imported, and a retry would import it again), leaves the library
    // as it was.
    Library& lib = **library;
    const auto done = lib.transaction([&]() -> Result<void> {
        const auto imported = checks::importWithCleanup(lib, importFormats, files, options,
                                                        &spellers, fixes, catalogue);
        if (!imported)
            return imported.failure();
        // On disk before the ids are printed: a full disk fails here, with nothing
        // printed and nothing imported.
        if (const auto flushed = lib.flushTransaction(); !flushed)
            return Error{
                QCoreApplication::translate("cli", "%1; nothing was imported").arg(flushed.error()),
                flushed.kind()};
        for (const QString& notice : std::as_const(notices))
            err() << QCoreApplication::translate("cli", "note: %1").arg(notice) << '\n';
        for (const checks::CleanedImport& article : *imported) {
            out() << article.id.toString(QUuid::WithoutBraces) << '\n';
            for (const QString& line : checks::cleanupReport(article.cleanup))
                err() << line << '\n';
        }
        err().flush();
        return finishOutput();
    });
    if (!done)
        return fail(done.error());
    return ExitOk;
}

} // namespace copydesk::cli
