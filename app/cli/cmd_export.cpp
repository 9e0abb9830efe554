// copydesk-cli export ID|SLUG... | --all | --tag T | --status S
//                    [--format md|html|fragment] [--lang L] [--output DIR|-] [--base-url URL]
//                    [--zip] [--force] [--rewrite] [--jobs N]
#include "cli/commands.h"
#include "cli/common.h"
#include "common/languagetag.h"
#include "export/batch.h"
#include "export/bundle.h"
#include "export/gate.h"
#include "interchange/formats.h"
#include "interchange/interchange.h"
#include "interchange/sitewriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <cstdio>
#include <optional>
#include <unistd.h>

namespace copydesk::cli {

namespace {

const QString kHtml = QStringLiteral("html");
const QString kFragment = QStringLiteral("fragment");
const QString kHugo = QStringLiteral("hugo");
const QString kJekyll = QStringLiteral("jekyll");

/// "[3/10] slug" on one terminal line, rewritten for each article; nothing when
/// standard error is not a terminal (a log gets the results and the summary only).
class ProgressLine final {
public:
    ProgressLine()
        : m_enabled(::isatty(STDERR_FILENO) == 1) {}
    ~ProgressLine() { clear(); }
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    void show(qsizetype index, qsizetype total, const QString& what) {
        if (!m_enabled)
            return;
        err().flush();
        const QString line = QStringLiteral("[%1/%2] %3").arg(index).arg(total).arg(oneLine(what));
        // \r and "erase to the end of the line": written past err(), which would escape
        // them, and only on a terminal.
        std::fputs(("\r" + line.left(200).toUtf8() + "\x1b[K").constData(), stderr);
        std::fflush(stderr);
        m_shown = true;
    }
    void clear() {
        if (!m_shown)
            return;
        std::fputs("\r\x1b[K", stderr);
        std::fflush(stderr);
        m_shown = false;
    }

private:
    bool m_enabled;
    bool m_shown = false;
};

} // namespace

int runExport(const QStringList& args) {
    const QString name = QStringLiteral("export");
    QCommandLineParser parser;
    parser.addPositionalArgument(
        QStringLiteral("ARTICLE"),
        QCoreApplication::translate("cli", "Article id (or unique id prefix) or slug; several "
                                           "may be given."),
        QStringLiteral("ID|SLUG..."));
    const QCommandLineOption format(
        QStringLiteral("format"),
        QCoreApplication::translate(
            "cli", "Output format: md (Markdown with YAML front matter, as Hugo and Jekyll read "
                   "it), html (a folder per article: LANG/index.html pages, media/, "
                   "article.json) or fragment (the same with LANG/fragment.html, the body "
                   "only, for a CMS), hugo or jekyll (the pages of a site: each page imported "
                   "from a site at its path with its front matter as written; others as Hugo "
                   "page bundles SLUG/index.LANG.md or Jekyll _posts/DATE-SLUG.LANG.md). "
                   "Default md."),
        QStringLiteral("FORMAT"), QStringLiteral("md"));
    const QCommandLineOption lang(
        {QStringLiteral("l"), QStringLiteral("lang")},
        QCoreApplication::translate("cli", "Export only the version in this language; may be "
                                           "given more than once. Default: every version."),
        QStringLiteral("L"));
    const QCommandLineOption output(
        {QStringLiteral("o"), QStringLiteral("output")},
        QCoreApplication::translate("cli", "Folder to write into (created when missing; "
                                           "default the current folder): SLUG.LANG.md files, "
                                           "or a SLUG folder per article for html and "
                                           "fragment; or - to write one Markdown version to "
                                           "standard output."),
        QStringLiteral("DIR"), QStringLiteral("."));
    const QCommandLineOption all(QStringLiteral("all"),
                                 QCoreApplication::translate("cli", "Export every article."));
    const QCommandLineOption tag(
        QStringLiteral("tag"),
        QCoreApplication::translate("cli", "Export the articles with this tag."),
        QStringLiteral("T"));
    const QCommandLineOption status(
        QStringLiteral("status"),
        QCoreApplication::translate("cli", "Export the articles in this status (draft, "
                                           "in-review, ready, published, archived)."),
        QStringLiteral("S"));
    const QCommandLineOption baseUrl(
        QStringLiteral("base-url"),
        QCoreApplication::translate("cli", "html and fragment: the URL the bundles are "
                                           "published under, for canonical and alternate "
                                           "links (default: the library's setting %1).")
            .arg(QString::fromLatin1(kBaseUrlSetting)),
        QStringLiteral("URL"));
    parser.addOption(format);
    parser.addOption(lang);
    parser.addOption(output);
    parser.addOption(all);
    parser.addOption(tag);
    const QCommandLineOption force(
        QStringLiteral("force"),
        QCoreApplication::translate(
            "cli",
            "export the versions that fail the checks before export too (a missing title, summary "
            "or alternative text, a media: "
            "reference not in the library, a link to an anchor the page lacks, a "
            "translation's untranslated or outdated segment); their findings are still reported."));
    const QCommandLineOption zip(
        QStringLiteral("zip"),
        QCoreApplication::translate("cli", "html and fragment: write each bundle as one "
                                           "SLUG.zip archive instead of a folder."));
    const QCommandLineOption jobs(
        {QStringLiteral("j"), QStringLiteral("jobs")},
        QCoreApplication::translate("cli", "html and fragment: threads that check and render "
                                           "(default: one per core)."),
        QStringLiteral("N"));
    parser.addOption(status);
    const QCommandLineOption rewrite(
        QStringLiteral("rewrite"),
        QCoreApplication::translate("cli", "html and fragment: write every bundle again, also "
                                           "those made from the same article and settings "
                                           "(by default such a bundle is left as it is)."));
    parser.addOption(baseUrl);
    parser.addOption(rewrite);
    parser.addOption(force);
    parser.addOption(zip);
    parser.addOption(jobs);
    const QString description = QCoreApplication::translate(
        "cli", "Exports articles, one file (md) or one folder or .zip (html, fragment) per "
               "article, prints the paths written and records an export revision for each. "
               "Every version is checked first (title, summary, alternative text, media, in-page "
               "links, untranslated or outdated segments of a translation): a version that fails "
               "is held back unless --force. Bundles are rendered on every "
               "core; a bundle made from the same article and settings is not written again "
               "unless --rewrite. An article that fails is reported and the others are "
               "exported.");
    if (const auto exit = parseArguments(parser, name, description, args))
        return *exit;

    const QStringList positional = parser.positionalArguments();
    const bool selecting = parser.isSet(all) || parser.isSet(tag) || parser.isSet(status);
    if (positional.isEmpty() && !selecting)
        return usageError(name, QCoreApplication::translate(
                                    "cli", "no ID|SLUG given (or --all, --tag, --status)"));
    if (!positional.isEmpty() && selecting)
        return usageError(name, QCoreApplication::translate(
                                    "cli", "give articles or --all/--tag/--status, not both"));
    std::optional<Status> wantedStatus;
    if (parser.isSet(status)) {
        wantedStatus = statusFromId(parser.value(status));
        if (!wantedStatus)
            return usageError(name, QCoreApplication::translate("cli", "--status: unknown status "
                                                                       "'%1'")
                                        .arg(parser.value(status)));
    }
    const QString formatId = parser.value(format);
    const bool bundle = formatId == kHtml || formatId == kFragment;
    const bool site = formatId == kHugo || formatId == kJekyll;
    const FormatRegistry formats = standardFormats();
    const FileFormat* writer =
        bundle || site ? nullptr : formats.byId(formatId, FileFormat::Capability::Write);
    if (!bundle && !site && !writer) {
        return usageError(name,
                          QCoreApplication::translate("cli", "unknown format '%1' (expected %2)")
                              .arg(formatId, formats.ids(FileFormat::Capability::Write) +
                                                 QStringLiteral(", html, fragment, hugo, jekyll")));
    }
    for (const QCommandLineOption* bundleOnly : {&baseUrl, &rewrite, &zip, &jobs}) {
        if (!bundle && parser.isSet(*bundleOnly))
            return usageError(name, QCoreApplication::translate(
                                        "cli", "--%1 is for the html and fragment formats")
                                        .arg(bundleOnly->names().constLast()));
    }
    int threads = 0;
    if (parser.isSet(jobs)) {
        bool ok = false;
        threads = parser.value(jobs).toInt(&ok);
        if (!ok || threads < 1 || threads > 256)
            return usageError(name, QCoreApplication::translate(
                                        "cli", "--jobs: '%1' is not a number from 1 to 256")
                                        .arg(parser.value(jobs)));
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
    if (toStdout && (bundle || site || selecting || positional.size() > 1))
        return usageError(name, QCoreApplication::translate(
                                    "cli", "--output - writes one Markdown version of one "
                                           "article"));
    if (!toStdout && QFileInfo(target).exists() && !QFileInfo(target).isDir()) {
        return usageError(name, QCoreApplication::translate(
                                    "cli", "--output %1 is a file; give a folder (made when "
                                           "missing)")
                                    .arg(QDir::toNativeSeparators(target)));
    }
    if (toStdout && languages.size() > 1) {
        return usageError(name, QCoreApplication::translate(
                                    "cli", "--output - writes one version; give one --lang"));
    }

    auto library = openLibrary(parser, Library::Mode::ReadWrite);
    if (!library)
        return fail(library.error());

    if (toStdout) {
        auto article = (*library)->findArticle(positional.front());
        if (!article)
            return fail(article.error());
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

    // What to export: the articles named, each looked up (one not found is one
    // failure), or the selection.
    QStringList items; // what to look up: a name given, or an id selected
    if (selecting) {
        const auto ids = BatchExporter::select(
            **library, parser.isSet(tag) ? parser.value(tag) : QString(), wantedStatus);
        if (!ids)
            return fail(ids.error());
        for (const QUuid& id : *ids)
            items.append(id.toString(QUuid::WithoutBraces));
        if (items.isEmpty()) {
            err() << QCoreApplication::translate("cli", "copydesk-cli: no article to export")
                  << '\n';
            return ExitOk;
        }
    } else {
        items = positional;
    }

    SiteLabels labels;
    if (site) {
        auto read = siteLabels(**library);
        if (!read)
            return fail(read.error());
        labels = std::move(*read);
    }

    ProgressLine progress;
    bool held = false; // a version held back by the checks before export
    const auto sayHowToOverride = [&] {
        if (held && !parser.isSet(force))
            err() << QCoreApplication::translate("cli",
                                                 "copydesk-cli: fix what the checks found, or "
                                                 "export those versions anyway with --force")
                  << '\n';
    };
    if (bundle) {
        BatchOptions batch;
        batch.bundle.format =
            formatId == kFragment ? BundleOptions::Format::Fragment : BundleOptions::Format::Html;
        batch.bundle.baseUrl = parser.value(baseUrl);
        batch.bundle.languages = languages;
        batch.bundle.skipUnchanged = !parser.isSet(rewrite);
        batch.bundle.container =
            parser.isSet(zip) ? BundleOptions::Container::Zip : BundleOptions::Container::Folder;
        batch.overrideGate = parser.isSet(force);
        batch.threads = threads;
        QSet<QString> noticesShown;
        progress.show(1, items.size(), items.front());
        const BatchSummary summary =
            BatchExporter::run(**library, items, target, batch, [&](const BatchEvent& event) {
                progress.clear();
                held = held || !event.findings.isEmpty();
                for (const QString& line : event.findings)
                    err() << QStringLiteral("copydesk-cli: ") << line << '\n';
                // The same notice for every article ("no base URL") is said once.
                for (const QString& notice : event.notices) {
                    if (!noticesShown.contains(notice)) {
                        noticesShown.insert(notice);
                        err() << QStringLiteral("copydesk-cli: ") << notice << '\n';
                    }
                }
                if (!event.problem.isEmpty())
                    err() << QStringLiteral("copydesk-cli: ") << event.problem << '\n';
                err().flush();
                if (!event.folder.isEmpty()) {
                    out() << QDir::toNativeSeparators(event.folder) << '\n';
                    out().flush();
                }
                if (event.index + 1 < event.total)
                    progress.show(event.index + 2, event.total, items.at(event.index + 1));
            });
        progress.clear();
        if (items.size() > 1) {
            err() << QCoreApplication::translate("cli", "copydesk-cli: exported %1 of %2 articles")
                         .arg(summary.exported)
                         .arg(summary.total);
            if (summary.unchanged > 0)
                err() << QCoreApplication::translate("cli", " (%n unchanged, not written again)",
                                                     nullptr, int(summary.unchanged));
            if (summary.failed > summary.partial)
                err() << QCoreApplication::translate("cli", " (%n failed)", nullptr,
                                                     int(summary.failed - summary.partial));
            if (summary.partial > 0)
                err() << QCoreApplication::translate("cli", " (%n without some versions)", nullptr,
                                                     int(summary.partial));
            err() << '\n';
        }
        sayHowToOverride();
        return summary.failed > 0 ? ExitFailure : ExitOk;
    }

    qsizetype failed = 0;
    qsizetype exported = 0;
    qsizetype partial = 0; // exported without the versions the checks held back
    for (qsizetype i = 0; i < items.size(); ++i) {
        progress.show(i + 1, items.size(), items.at(i));
        auto article = (*library)->findArticle(items.at(i));
        QString problem;
        // The gate of the bundles, for the pages of a site and Markdown files alike.
        std::optional<ExportGate::Admission> admitted;
        if (!article) {
            problem = article.error();
        } else if (auto gate =
                       ExportGate::admit(**library, *article, languages, parser.isSet(force));
                   !gate) {
            problem = gate.error();
        } else {
            progress.clear();
            held = held || !gate->findings.isEmpty();
            for (const QString& line : gate->findings)
                err() << QStringLiteral("copydesk-cli: ") << line << '\n';
            problem = gate->problem; // some or every version held back
            if (gate->exportable)
                admitted = std::move(*gate);
        }
        if (admitted) {
            const auto written = site ? exportArticleToSite(**library, *article, target,
                                                            formatId == kHugo ? SiteFlavour::Hugo
                                                                              : SiteFlavour::Jekyll,
                                                            admitted->languages, &labels)
                                      : exportArticleToFolder(**library, *writer, *article, target,
                                                              admitted->languages);
            if (!written) {
                problem = written.error();
            } else {
                ++exported;
                if (!problem.isEmpty())
                    ++partial;
                progress.clear();
                for (const QString& path : *written)
                    out() << QDir::toNativeSeparators(path) << '\n';
                out().flush();
            }
        }
        if (!problem.isEmpty()) {
            progress.clear();
            ++failed;
            err() << QStringLiteral("copydesk-cli: ") << problem << '\n';
            err().flush();
        }
    }
    progress.clear();
    if (items.size() > 1) {
        err() << QCoreApplication::translate("cli", "copydesk-cli: exported %1 of %2 articles")
                     .arg(exported)
                     .arg(items.size());
        if (failed > partial)
            err() << QCoreApplication::translate("cli", " (%n failed)", nullptr,
                                                 int(failed - partial));
        if (partial > 0)
            err() << QCoreApplication::translate("cli", " (%n without some versions)", nullptr,
                                                 int(partial));
        err() << '\n';
    }
    sayHowToOverride();
    return failed > 0 ? ExitFailure : ExitOk;
}

} // namespace copydesk::cli
