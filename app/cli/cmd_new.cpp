// copydesk-cli new --title T [--slug S] [--lang L] [--tag t]... [--body-file F]
#include "article/slug.h"
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
    const QCommandLineOption slug(
        QStringLiteral("slug"),
        QCoreApplication::translate("cli", "Slug (file and URL name: letters, digits, '-', '_' "
                                           "and '.'). Default: made from the title."),
        QStringLiteral("S"));
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
    parser.addOptions({title, slug, lang, tag, bodyFile});
    if (const auto exit = parseArguments(
            parser, name,
            QCoreApplication::translate("cli", "Creates an article and prints its id."), args))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return usageError(name, QCoreApplication::translate("cli", "unexpected argument '%1'")
                                    .arg(parser.positionalArguments().front()));
    if (parser.value(title).trimmed().isEmpty())
        return usageError(name, QCoreApplication::translate("cli", "--title is required"));
    const QString slugValue = parser.value(slug).trimmed();
    if (parser.isSet(slug)) {
        if (slugValue.isEmpty())
            return usageError(name, QCoreApplication::translate("cli", "--slug is empty"));
        if (auto valid = validateSlug(slugValue); !valid)
            return usageError(name, QStringLiteral("--slug: ") + valid.error());
    }
    const auto language = languageOption(parser, QStringLiteral("lang"));
    if (!language)
        return usageError(name, language.error());

    Article article = makeArticle(*language, parser.value(title).trimmed());
    article.slug = slugValue;
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
    // The id is printed once the article is on disk, and committed once the id has
    // been written: a full disk fails before the id is printed (an id printed then
    // would name an article that does not exist), and a standard output that cannot
    // take the id leaves no article that the script does not know of (a retry would
    // make a second one).
    Library& lib = **library;
    const auto done = lib.transaction([&]() -> Result<void> {
        if (const auto saved = lib.save(article); !saved)
            return saved.failure();
        if (const auto flushed = lib.flushTransaction(); !flushed)
            return flushed;
        out() << article.id.toString(QUuid::WithoutBraces) << '\n';
        return finishOutput();
    });
    if (!done)
        return fail(done.error());
    return ExitOk;
}

} // namespace copydesk::cli
