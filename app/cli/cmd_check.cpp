// copydesk-cli check [ARTICLE...] [--all] [--format text|json] [--only CHECK,...]
//                    [--ignore CHECK:LANG:FIELD:LINE:COL[-LINE:COL] --reason TEXT]
#include "checks/checks.h"
#include "checks/ignore.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/report.h"
#include "common/languagetag.h"
#include "spelling/speller.h"
#include "translation/memory.h"
#include "translation/versionqa.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace copydesk::cli {

namespace {

/// The finding an --ignore option names: the check, the version, the field and where
/// the finding starts (and, optionally, ends), as the text output prints them.
struct IgnoreSpec final {
    QString checkId;
    QString language;
    checks::Field field = checks::Field::Body;
    int line = 0;
    int column = 0;
    int endLine = 0; ///< 0: any end
    int endColumn = 0;

    bool matches(const checks::Finding& f) const {
        return f.checkId == checkId && f.language == language && f.field == field &&
               f.range.start.line == line && f.range.start.column == column &&
               (endLine == 0 || (f.range.end.line == endLine && f.range.end.column == endColumn));
    }
    QString describe() const {
        QString where = QStringLiteral("%1:%2").arg(line).arg(column);
        if (endLine > 0)
            where += QStringLiteral("-%1:%2").arg(endLine).arg(endColumn);
        return QStringLiteral("[%1] %2 %3 %4")
            .arg(language, checks::fieldId(field), where, checkId);
    }
};

/// The finding that `text` names, or the problem: a language that is not a tag is
/// said as such (through the one tag check, so that "../x" is refused here rather than
/// reported later as a finding that does not exist), anything else as a bad spec.
Result<IgnoreSpec> parseIgnoreSpec(const QString& text, const checks::Catalogue& catalogue) {
    const Error badSpec{QCoreApplication::translate(
                            "cli", "'%1' does not name a finding (expected "
                                   "CHECK:LANG:FIELD:LINE:COL, e.g. glued-words:en:body:3:5)")
                            .arg(text),
                        ErrorKind::InvalidInput};
    // Language tags and field ids hold '-' but never ':', so the first three ':'
    // separate the check, the language and the field from the position.
    const QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() < 5)
        return badSpec;
    static const QRegularExpression position(QStringLiteral("^(\\d+):(\\d+)(?:-(\\d+):(\\d+))?$"));
    const auto m = position.match(parts.mid(3).join(QLatin1Char(':')));
    const auto field = checks::fieldFromId(parts.at(2));
    if (!m.hasMatch() || !field || !catalogue.contains(parts.at(0)))
        return badSpec;
    const auto language = canonicalLanguageTag(parts.at(1));
    if (!language)
        return language.failure();
    IgnoreSpec spec;
    spec.checkId = parts.at(0);
    spec.language = *language;
    spec.field = *field;
    spec.line = m.captured(1).toInt();
    spec.column = m.captured(2).toInt();
    if (m.hasCaptured(3)) {
        spec.endLine = m.captured(3).toInt();
        spec.endColumn = m.captured(4).toInt();
    }
    return spec;
}

/// Streams findings as one JSON array, so that checking a large library does not
/// hold every finding in memory.
class JsonArrayWriter final {
public:
    explicit JsonArrayWriter(QTextStream& stream)
        : m_stream(stream) {
        m_stream << '[';
    }
    ~JsonArrayWriter() { m_stream << (m_empty ? "]" : "\n]") << Qt::endl; }
    JsonArrayWriter(const JsonArrayWriter&) = delete;
    JsonArrayWriter& operator=(const JsonArrayWriter&) = delete;

    void add(const QJsonObject& object) {
        m_stream << (m_empty ? "\n" : ",\n")
                 << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
        m_empty = false;
    }

private:
    QTextStream& m_stream;
    bool m_empty = true;
};

int addIgnore(Library& library, const Article& article, const checks::CheckContext& base,
              const IgnoreSpec& spec, const QString& reason) {
    const auto outcome = checks::ignoreFindings(
        library, article, base, [&spec](const checks::Finding& f) { return spec.matches(f); },
        reason);
    if (!outcome)
        return fail(outcome.error());
    switch (outcome->status) {
    case checks::IgnoreOutcome::Status::AlreadyIgnored:
        out() << QCoreApplication::translate("cli", "%1: %2 is already ignored")
                     .arg(article.slug, spec.describe())
              << Qt::endl;
        return ExitOk;
    case checks::IgnoreOutcome::Status::NoSuchFinding:
        return fail(QCoreApplication::translate("cli", "%1: no finding %2")
                        .arg(article.slug, spec.describe()));
    case checks::IgnoreOutcome::Status::Added:
        break;
    }
    for (const checks::IgnoredFinding& i : std::as_const(outcome->added)) {
        out() << QCoreApplication::translate("cli", "%1: ignoring %2 (%3)")
                     .arg(article.slug, spec.describe(), i.reason)
              << '\n';
    }
    out().flush();
    return ExitOk;
}

} // namespace

int runCheck(const QStringList& args) {
    const QString name = QStringLiteral("check");
    QCommandLineParser parser;
    parser.addPositionalArgument(
        QStringLiteral("ARTICLE"),
        QCoreApplication::translate("cli", "Article to check: id, unique id prefix or slug."),
        QStringLiteral("[ARTICLE...]"));
    const QCommandLineOption all(
        QStringLiteral("all"),
        QCoreApplication::translate("cli", "Check every article in the library."));
    const QCommandLineOption format(
        QStringLiteral("format"),
        QCoreApplication::translate("cli", "Output as text (default: one finding a line, "
                                           "\"SLUG [LANG] FIELD LINE:COL-LINE:COL SEVERITY CHECK: "
                                           "MESSAGE\") or json (one array of finding objects)."),
        QStringLiteral("FORMAT"), QStringLiteral("text"));
    const QCommandLineOption only(
        QStringLiteral("only"),
        QCoreApplication::translate("cli", "Run only these checks (comma-separated ids; see "
                                           "--list-checks). May be repeated."),
        QStringLiteral("CHECK,..."));
    const QCommandLineOption listChecks(
        QStringLiteral("list-checks"),
        QCoreApplication::translate("cli", "List the check ids with their usual severity."));
    const QCommandLineOption ignore(
        QStringLiteral("ignore"),
        QCoreApplication::translate(
            "cli",
            "Stop reporting one finding of the one ARTICLE given: its check, language, field "
            "and position as the text output prints them, e.g. glued-words:en:body:3:5 or "
            "glued-words:en:body:3:5-3:12. Needs --reason. The entry is kept in the library "
            "and later runs respect it."),
        QStringLiteral("CHECK:LANG:FIELD:LINE:COL"));
    const QCommandLineOption reason(
        QStringLiteral("reason"),
        QCoreApplication::translate("cli", "Why the finding named by --ignore is not a problem."),
        QStringLiteral("TEXT"));
    parser.addOption(all);
    parser.addOption(format);
    parser.addOption(only);
    parser.addOption(listChecks);
    parser.addOption(ignore);
    parser.addOption(reason);
    const QString description = QCoreApplication::translate(
        "cli", "Runs the editorial checks (repeated paragraphs, left-over web and e-mail text, "
               "words run together, text cut off, quotation marks, lengths, missing alternative "
               "text, differences between language versions, …) and prints every finding.\n"
               "Exit status: 0 when no finding is an error, 1 when one is (or on failure, with "
               "one line on stderr), 2 on a usage error.");
    if (const auto exit = parseArguments(parser, name, description, args))
        return *exit;

    const checks::Catalogue catalogue = translation::catalogueWithVersionChecks();
    if (parser.isSet(listChecks)) {
        const QList<checks::CheckInfo> infos = catalogue.checks();
        for (const checks::CheckInfo& info : infos) {
            out() << info.id.leftJustified(24) << checks::severityId(info.severity).leftJustified(8)
                  << info.title << '\n';
        }
        out().flush();
        return ExitOk;
    }

    const QString formatId = parser.value(format);
    if (formatId != QLatin1String("text") && formatId != QLatin1String("json")) {
        return usageError(
            name, QCoreApplication::translate("cli", "unknown format '%1' (expected text or json)")
                      .arg(parser.value(format)));
    }
    const bool json = formatId == QLatin1String("json");
    QStringList onlyChecks;
    const QStringList onlyValues = parser.values(only);
    for (const QString& value : onlyValues) {
        const QStringList ids = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString& id : ids) {
            if (!catalogue.contains(id.trimmed())) {
                return usageError(name, QCoreApplication::translate(
                                            "cli", "unknown check '%1' (see --list-checks)")
                                            .arg(id));
            }
            onlyChecks.append(id.trimmed());
        }
    }
    const QStringList keys = parser.positionalArguments();
    if (parser.isSet(all) && !keys.isEmpty())
        return usageError(
            name, QCoreApplication::translate("cli", "give ARTICLE ids or --all, not both"));
    if (!parser.isSet(all) && keys.isEmpty())
        return usageError(name, QCoreApplication::translate("cli", "no ARTICLE given (or --all)"));
    std::optional<IgnoreSpec> spec;
    if (parser.isSet(ignore)) {
        if (keys.size() != 1)
            return usageError(
                name, QCoreApplication::translate("cli", "--ignore takes exactly one ARTICLE"));
        auto parsed = parseIgnoreSpec(parser.value(ignore), catalogue);
        if (!parsed)
            return usageError(name, parsed.error());
        spec = std::move(parsed).value();
        if (parser.value(reason).trimmed().isEmpty())
            return usageError(name,
                              QCoreApplication::translate("cli", "--ignore needs a --reason"));
    } else if (parser.isSet(reason)) {
        return usageError(name, QCoreApplication::translate("cli", "--reason goes with --ignore"));
    }

    // Checking only reads; recording an ignore entry is the one write.
    auto library = openLibrary(parser, spec ? Library::Mode::ReadWrite : Library::Mode::ReadOnly);
    if (!library)
        return fail(library.error());
    Library& lib = **library;

    // Resolve every article before printing anything: a typo in the last id must not
    // leave half a report behind.
    QList<QUuid> ids;
    QList<Article> named;
    if (parser.isSet(all)) {
        ListFilter filter;
        filter.limit = -1;
        const auto summaries = lib.list(filter);
        if (!summaries)
            return fail(summaries.error());
        for (const ArticleSummary& s : *summaries)
            ids.append(s.id);
    } else {
        for (const QString& key : keys) {
            auto article = lib.findArticle(key);
            if (!article)
                return fail(article.error());
            named.append(std::move(*article));
        }
    }

    SpellerPool spellers;
    // The library-wide lists once; only the ignore list differs from one article to
    // the next.
    const auto libraryContext = checks::contextFromLibrary(lib, QUuid(), &spellers);
    if (!libraryContext)
        return fail(libraryContext.error());
    checks::CheckContext base = *libraryContext;
    base.catalogue = catalogue;
    // A text translated alike across the library: the translations its memory has of
    // the same source text, each language pair read once.
    auto memories = std::make_shared<std::map<QString, translation::TranslationMemory>>();
    // The article being checked: its own translations in the memory (stored when they
    // were marked, perhaps since changed) are no disagreement.
    auto checking = std::make_shared<QString>();
    base.otherTranslations = [&lib, memories, checking](const QString& from, const QString& into,
                                                        const QString& text) {
        const QString pair = from + u'\n' + into;
        auto it = memories->find(pair);
        if (it == memories->end()) {
            auto loaded = translation::loadMemory(lib, from, into);
            it = memories
                     ->emplace(pair, loaded ? std::move(*loaded) : translation::TranslationMemory())
                     .first;
        }
        QStringList targets;
        for (const translation::MemoryMatch& m : it->second.lookup(from, into, text, 100, 10))
            if (m.entry.article != *checking)
                targets.append(m.entry.target);
        return targets;
    };
    if (spec)
        return addIgnore(lib, named.front(), base, *spec, parser.value(reason).trimmed());

    std::optional<JsonArrayWriter> writer;
    if (json)
        writer.emplace(out());
    bool errors = false;
    checks::CheckContext context = base;
    // A restricted run reports exactly the full run's findings for these ids.
    context.onlyChecks = onlyChecks;
    // Returns the error of a library read, or nullopt.
    auto check = [&](const Article& article) -> std::optional<QString> {
        const auto ignored = lib.setting(checks::ignoreListSettingKey(article.id));
        if (!ignored)
            return ignored.error();
        context.ignored = checks::ignoreListFromJson(*ignored);
        *checking = article.id.toString(QUuid::WithoutBraces);
        const QList<checks::Finding> findings = checks::runChecks(article, context);
        errors = errors || checks::hasErrors(findings);
        for (const checks::Finding& f : findings) {
            if (writer)
                writer->add(checks::findingToJson(f, article.id, article.slug));
            else
                out() << checks::findingLine(f, article.slug) << '\n';
        }
        return std::nullopt;
    };
    for (const Article& article : std::as_const(named)) {
        if (const auto error = check(article)) {
            writer.reset();
            return fail(*error);
        }
    }
    for (const QUuid& id : std::as_const(ids)) {
        const auto article = lib.article(id);
        if (!article) {
            writer.reset();
            return fail(article.error());
        }
        if (const auto error = check(*article)) {
            writer.reset();
            return fail(*error);
        }
    }
    writer.reset();
    out().flush();
    return errors ? ExitFailure : ExitOk;
}

} // namespace copydesk::cli
