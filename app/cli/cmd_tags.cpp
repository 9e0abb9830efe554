// copydesk-cli tags|categories list|add|rename|merge|delete|label|import|export [...]
// (and categories parent): the two vocabularies share one implementation, so they
// take the same arguments and say the same things.
#include "cli/commands.h"
#include "cli/common.h"
#include "common/atomicfile.h"
#include "common/limits.h"
#include "tags/exchange.h"
#include "tags/suggest.h"
#include "tags/tags.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace copydesk::cli {

namespace {

using tags::Vocabulary;

/// The actions and their arguments, for --help and usage errors.
QString actionsHelp(Vocabulary v) {
    QString help =
        Cli::tr("Actions:\n"
                "  list                     every %1 with its article count and labels\n"
                "  add NAME                 create one (NAME or the slug made of it; with --lang,\n"
                "                           NAME is also its label in that language)\n"
                "  rename SLUG NEW          give it a new slug (refused when NEW exists: merge)\n"
                "  merge SLUG INTO          move its articles to INTO and delete it\n"
                "  delete SLUG              remove it from every article and the vocabulary\n"
                "  label SLUG LANG [LABEL]  set its label in LANG (without LABEL: remove it)\n"
                "  import FILE              add the terms and labels of a .csv or .json file\n"
                "  export [FILE]            write them as CSV or JSON (to standard output without "
                "FILE)");
    if (v == Vocabulary::Tags)
        help += Cli::tr("\n  suggest ARTICLE          tags for the article from its text: existing "
                        "ones\n                           first (slug and label), then new words");
    if (v == Vocabulary::Categories)
        help += Cli::tr(
            "\n  parent SLUG [PARENT]     move it under PARENT (without PARENT: to the top)");
    return help.arg(tags::termNoun(v));
}

Result<QByteArray> readVocabularyFile(const QString& path) {
    QFile file(path);
    const QFileInfo info(path);
    if (!info.isFile())
        return Error{Cli::tr("%1: not a file").arg(path), ErrorKind::NotFound};
    if (info.size() > kMaxTextBytes)
        return Error{Cli::tr("%1: larger than %2 MB").arg(path).arg(kMaxTextBytes / 1024 / 1024),
                     ErrorKind::InvalidInput};
    if (!file.open(QIODevice::ReadOnly))
        return Error{Cli::tr("%1: cannot read (%2)").arg(path, file.errorString()), ErrorKind::Io};
    return file.read(kMaxTextBytes + 1);
}

int printList(const Library& library, Vocabulary v, bool json) {
    const auto terms = tags::list(library, v);
    if (!terms)
        return fail(terms.error());
    if (json) {
        QJsonArray array;
        for (const tags::TermUsage& u : *terms) {
            QJsonObject o;
            o.insert(QLatin1String("slug"), u.term.slug);
            if (v == Vocabulary::Categories)
                o.insert(QLatin1String("parent"), u.term.parent);
            o.insert(QLatin1String("articles"), u.articles);
            QJsonObject labels;
            for (auto it = u.term.labels.constBegin(); it != u.term.labels.constEnd(); ++it)
                labels.insert(it.key(), it.value());
            o.insert(QLatin1String("labels"), labels);
            array.append(o);
        }
        out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    for (const tags::TermUsage& u : *terms) {
        QStringList languages = u.term.labels.keys();
        languages.sort();
        QStringList labels;
        for (const QString& language : std::as_const(languages))
            labels.append(language + QLatin1Char('=') + u.term.labels.value(language));
        out() << oneLine(u.term.slug) << '\t' << u.articles;
        if (v == Vocabulary::Categories)
            out() << '\t'
                  << (u.term.parent.isEmpty() ? QStringLiteral("-") : oneLine(u.term.parent));
        out() << '\t' << oneLine(labels.join(QStringLiteral("; "))) << '\n';
    }
    return ExitOk;
}

int runVocabulary(const QStringList& args, Vocabulary v) {
    const QString name = args.value(0);
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("ACTION"), Cli::tr("What to do (see below)."));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  Cli::tr("add: the language of NAME as a label."),
                                  QStringLiteral("L"));
    const QCommandLineOption parentOption(QStringLiteral("parent"),
                                          Cli::tr("add (categories): the parent category."),
                                          QStringLiteral("SLUG"));
    const QCommandLineOption format(
        QStringLiteral("format"),
        Cli::tr(
            "list: text (default) or json; import/export: csv or json (default: by the file name, "
            "else csv)."),
        QStringLiteral("FORMAT"));
    parser.addOptions({lang, format});
    if (v == Vocabulary::Categories)
        parser.addOption(parentOption);
    const QString description =
        (v == Vocabulary::Tags
             ? Cli::tr("Manages the library's tags. Each change is one transaction "
                       "and records a revision on every article it changes.")
             : Cli::tr("Manages the library's categories, a hierarchy. Each change "
                       "is one transaction and records a revision on every article "
                       "it changes.")) +
        QLatin1Char('\n') + actionsHelp(v);
    if (const auto exit = parseArguments(parser, name, description, args))
        return *exit;
    const QStringList pos = parser.positionalArguments();
    if (pos.isEmpty())
        return usageError(name,
                          Cli::tr("expected an action: list, add, rename, merge, delete, label, "
                                  "import, export"));
    const QString action = pos.front();
    const QStringList params = pos.mid(1);
    auto expect = [&](qsizetype min, qsizetype max, const QString& shape) -> std::optional<int> {
        if (params.size() < min || params.size() > max)
            return usageError(name, Cli::tr("%1 expects %2").arg(action, shape));
        return std::nullopt;
    };

    std::optional<tags::ExchangeFormat> exchange;
    const QString fmt = parser.value(format);
    if (action == QLatin1String("list")) {
        if (parser.isSet(format) && fmt != QLatin1String("text") && fmt != QLatin1String("json"))
            return usageError(name,
                              Cli::tr("unknown format '%1' (expected text or json)").arg(fmt));
    } else if (action == QLatin1String("import") || action == QLatin1String("export")) {
        if (parser.isSet(format)) {
            if (fmt == QLatin1String("csv"))
                exchange = tags::ExchangeFormat::Csv;
            else if (fmt == QLatin1String("json"))
                exchange = tags::ExchangeFormat::Json;
            else
                return usageError(name,
                                  Cli::tr("unknown format '%1' (expected csv or json)").arg(fmt));
        }
    }

    const bool reads = action == QLatin1String("list") || action == QLatin1String("export") ||
                       action == QLatin1String("suggest");
    struct Action {
        const char* id;
        qsizetype min, max;
        const char* shape;
    };
    static const Action known[] = {
        {"list", 0, 0, QT_TRANSLATE_NOOP("cli", "no arguments")},
        {"add", 1, 1, QT_TRANSLATE_NOOP("cli", "NAME")},
        {"rename", 2, 2, QT_TRANSLATE_NOOP("cli", "SLUG NEW")},
        {"merge", 2, 2, QT_TRANSLATE_NOOP("cli", "SLUG INTO")},
        {"delete", 1, 1, QT_TRANSLATE_NOOP("cli", "SLUG")},
        {"label", 2, 3, QT_TRANSLATE_NOOP("cli", "SLUG LANG [LABEL]")},
        {"import", 1, 1, QT_TRANSLATE_NOOP("cli", "FILE")},
        {"export", 0, 1, QT_TRANSLATE_NOOP("cli", "[FILE]")},
        {"parent", 1, 2, QT_TRANSLATE_NOOP("cli", "SLUG [PARENT]")},
        {"suggest", 1, 1, QT_TRANSLATE_NOOP("cli", "ARTICLE")},
    };
    const Action* found = nullptr;
    for (const Action& a : known) {
        const bool applies = action == QLatin1String("parent")    ? v == Vocabulary::Categories
                             : action == QLatin1String("suggest") ? v == Vocabulary::Tags
                                                                  : true;
        if (action == QLatin1String(a.id) && applies)
            found = &a;
    }
    if (!found)
        return usageError(name, Cli::tr("unknown action '%1'").arg(action));
    if (const auto exit = expect(found->min, found->max, Cli::tr(found->shape)))
        return *exit;
    QString language;
    if (parser.isSet(lang)) {
        const auto canonical = languageOption(parser, QStringLiteral("lang"));
        if (!canonical)
            return usageError(name, canonical.error());
        language = *canonical;
    }

    auto library = openLibrary(parser, reads ? Library::Mode::ReadOnly : Library::Mode::ReadWrite);
    if (!library)
        return fail(library.error());
    Library& lib = **library;
    const QString noun = tags::termNoun(v);

    if (action == QLatin1String("list"))
        return printList(lib, v, fmt == QLatin1String("json"));
    if (action == QLatin1String("suggest")) {
        const auto article = lib.findArticle(params.front());
        if (!article)
            return fail(article.error());
        const auto suggestions = tags::suggest(lib, *article);
        if (!suggestions)
            return fail(suggestions.error());
        // "existing", the slug and its label; or "new", "-" and the word as written.
        for (const tags::Suggestion& s : *suggestions)
            out() << (s.existing() ? QStringLiteral("existing") : QStringLiteral("new")) << '\t'
                  << (s.existing() ? oneLine(s.slug) : QStringLiteral("-")) << '\t'
                  << oneLine(s.text) << '\n';
        return ExitOk;
    }
    if (action == QLatin1String("export")) {
        const QString file = params.value(0);
        const tags::ExchangeFormat f =
            exchange.value_or(tags::formatForFile(file).value_or(tags::ExchangeFormat::Csv));
        const auto data = tags::exportVocabulary(lib, v, f);
        if (!data)
            return fail(data.error());
        if (file.isEmpty() || file == QLatin1String("-")) {
            if (auto written = writeDocument(*data); !written)
                return fail(written.error());
            return ExitOk;
        }
        if (auto written = writeFileAtomically(file, *data); !written)
            return fail(written.error());
        return ExitOk;
    }

    // The change and what is printed about it are one: a standard output that cannot
    // take the line rolls the change back.
    const auto done = lib.transaction([&]() -> Result<void> {
        if (action == QLatin1String("add")) {
            auto created =
                tags::create(lib, v, params[0], language,
                             v == Vocabulary::Categories ? parser.value(parentOption) : QString());
            if (!created)
                return created.failure();
            out() << *created << '\n';
        } else if (action == QLatin1String("rename")) {
            auto renamed = tags::rename(lib, v, params[0], params[1]);
            if (!renamed)
                return renamed.failure();
            out() << Cli::tr("renamed %1 '%2'; %3 articles changed")
                         .arg(noun, oneLine(params[0]))
                         .arg(renamed->articles)
                  << '\n';
        } else if (action == QLatin1String("merge")) {
            auto merged = tags::merge(lib, v, params[0], params[1]);
            if (!merged)
                return merged.failure();
            out() << Cli::tr("merged %1 '%2' into '%3'; %4 articles changed")
                         .arg(noun, oneLine(params[0]), oneLine(params[1]))
                         .arg(merged->articles)
                  << '\n';
        } else if (action == QLatin1String("delete")) {
            auto removed = tags::remove(lib, v, params[0]);
            if (!removed)
                return removed.failure();
            out() << Cli::tr("deleted %1 '%2' from %3 articles")
                         .arg(noun, oneLine(params[0]))
                         .arg(removed->articles())
                  << '\n';
        } else if (action == QLatin1String("label")) {
            if (auto set = tags::setLabel(lib, v, params[0], params[1], params.value(2)); !set)
                return set;
        } else if (action == QLatin1String("parent")) {
            if (auto set = tags::setParent(lib, params[0], params.value(1)); !set)
                return set;
        } else if (action == QLatin1String("import")) {
            const QString& file = params[0];
            const auto f = exchange ? exchange : tags::formatForFile(file);
            if (!f)
                return Error{
                    Cli::tr("%1: say --format csv or json (the name says neither)").arg(file),
                    ErrorKind::InvalidInput};
            auto data = readVocabularyFile(file);
            if (!data)
                return data.failure();
            auto imported = tags::importVocabulary(lib, v, *data, *f, file);
            if (!imported)
                return imported.failure();
            out() << Cli::tr("%1: %2 created, %3 labels set, %4 moved")
                         .arg(oneLine(file))
                         .arg(imported->created)
                         .arg(imported->labelsChanged)
                         .arg(imported->moved)
                  << '\n';
        }
        return flushAndFinishOutput(lib);
    });
    if (!done)
        return fail(done.error());
    return ExitOk;
}

} // namespace

int runTags(const QStringList& args) {
    return runVocabulary(args, Vocabulary::Tags);
}

int runCategories(const QStringList& args) {
    return runVocabulary(args, Vocabulary::Categories);
}

} // namespace copydesk::cli
