// copydesk-cli new --title T [--lang L] [--tag t]... [--body-file F]
#include "cli/commands.h"
#include "cli/common.h"
#include "common/limits.h"

#include <QCoreApplication>

namespace copydesk::cli {

int runNew(const QStringList& args) {
    const QString name = QStringLiteral("new");
    QCommandLineParser parser;
    const QCommandLineOption title(QStringLiteral("title"),
                                   QCoreApplication::translate("cli", "Title (required)."),
                                   QStringLiteral("T"));
    const QCommandLineOption lang(
        QStringLiteral("lang"),
        QCoreApplication::translate("cli", "Language of the first version (default en)."),
        QStringLiteral("L"), QStringLiteral("en"));
    const QCommandLineOption tag(QStringLiteral("tag"),
                                 QCoreApplication::translate("cli", "Tag slug; may be repeated."),
                                 QStringLiteral("t"));
    const QCommandLineOption bodyFile(
        QStringLiteral("body-file"),
        QCoreApplication::translate("cli", "UTF-8 Markdown file with the body (at most %1 MB).")
            .arg(kMaxTextBytes / 1024 / 1024),
        QStringLiteral("F"));
    parser.addOptions({title, lang, tag, bodyFile});
    if (const auto exit = parseArguments(
            parser, name,
            QCoreApplication::translate("cli", "Creates an article and prints its id."), args))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return usageError(name, QCoreApplication::translate("cli", "unexpected argument '%1'")
                                    .arg(parser.positionalArguments().front()));
    if (parser.value(title).trimmed().isEmpty())
        return usageError(name, QCoreApplication::translate("cli", "--title is required"));
    const auto language = languageOption(parser, QStringLiteral("lang"));
    if (!language)
        return usageError(name, language.error());

    Article article = makeArticle(*language, parser.value(title).trimmed());
    article.tags = parser.values(tag);
    if (parser.isSet(bodyFile)) {
        auto body = readTextFile(parser.value(bodyFile));
        if (!body)
            return fail(body.error());
        article.versions.front().body = std::move(*body);
    }

    auto library = openLibrary(parser, Library::Mode::ReadWrite);
    if (!library)
        return fail(library.error());
    // The id is printed only once the article is committed: a full disk fails at the
    // commit, and an id printed then would name an article that does not exist. A
    // standard output that cannot take the id undoes the article (nobody else knows
    // of it yet): a script that cannot receive the id must not be left with an article
    // it does not know of, and a retry would make a second one.
    Library& lib = **library;
    const auto saved = lib.save(article);
    if (!saved)
        return fail(saved.error());
    out() << article.id.toString(QUuid::WithoutBraces) << '\n';
    const auto written = finishOutput();
    if (!written) {
        if (const auto removed = lib.remove(article.id); !removed) {
            return fail(QCoreApplication::translate(
                            "cli", "%1; article %2 was saved, and removing it failed: %3")
                            .arg(written.error(), article.id.toString(QUuid::WithoutBraces),
                                 removed.error()));
        }
        return fail(written.error());
    }
    return ExitOk;
}

} // namespace copydesk::cli
