// copydesk-cli set ARTICLE... [--status S] [--tag T]... [--untag T]... [--category C]...
//                  [--uncategory C]... [--byline B]
#include "article/slug.h"
#include "cli/commands.h"
#include "cli/common.h"

#include <QCoreApplication>

namespace copydesk::cli {

int runSet(const QStringList& args) {
    const QString name = QStringLiteral("set");
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("ARTICLE"),
                                 Cli::tr("Article id, unique id prefix or slug; may be repeated."));
    const QCommandLineOption status(
        QStringLiteral("status"),
        Cli::tr(
            "New status (draft, in-review, ready, published, archived), as the workflow allows."),
        QStringLiteral("S"));
    const QCommandLineOption tag(QStringLiteral("tag"), Cli::tr("Add this tag; may be repeated."),
                                 QStringLiteral("T"));
    const QCommandLineOption untag(
        QStringLiteral("untag"), Cli::tr("Remove this tag; may be repeated."), QStringLiteral("T"));
    const QCommandLineOption category(QStringLiteral("category"),
                                      Cli::tr("Add this category; may be repeated."),
                                      QStringLiteral("C"));
    const QCommandLineOption uncategory(QStringLiteral("uncategory"),
                                        Cli::tr("Remove this category; may be repeated."),
                                        QStringLiteral("C"));
    const QCommandLineOption byline(QStringLiteral("byline"), Cli::tr("New byline."),
                                    QStringLiteral("B"));
    parser.addOptions({status, tag, untag, category, uncategory, byline});
    if (const auto exit = parseArguments(
            parser, name,
            Cli::tr(
                "Changes the metadata of articles, all in one transaction with a revision on each "
                "article changed, whose number is printed."),
            args))
        return *exit;
    const QStringList articles = parser.positionalArguments();
    if (articles.isEmpty())
        return usageError(name, Cli::tr("expected at least one ARTICLE"));
    std::optional<Status> newStatus;
    if (parser.isSet(status)) {
        newStatus = statusFromId(parser.value(status));
        if (!newStatus)
            return usageError(name, Cli::tr("unknown status '%1'").arg(parser.value(status)));
    }
    for (const QCommandLineOption* option : {&tag, &untag, &category, &uncategory}) {
        for (const QString& slug : parser.values(*option)) {
            if (slug.trimmed().isEmpty())
                return usageError(name, Cli::tr("--%1 is empty").arg(option->names().front()));
            if (auto valid = validateSlug(slug); !valid)
                return usageError(name, QStringLiteral("--%1: ").arg(option->names().front()) +
                                            valid.error());
        }
    }
    if (!newStatus && !parser.isSet(tag) && !parser.isSet(untag) && !parser.isSet(category) &&
        !parser.isSet(uncategory) && !parser.isSet(byline))
        return usageError(name, Cli::tr("nothing to set (see --help)"));

    auto library = openLibrary(parser, Library::Mode::ReadWrite);
    if (!library)
        return fail(library.error());
    Library& lib = **library;
    const auto done = lib.transaction([&]() -> Result<void> {
        for (const QString& key : articles) {
            auto article = lib.findArticle(key);
            if (!article)
                return article.failure();
            const Article before = *article;
            if (newStatus)
                article->status = *newStatus;
            for (const QString& slug : parser.values(tag)) {
                if (!article->tags.contains(slug))
                    article->tags.append(slug);
            }
            for (const QString& slug : parser.values(untag))
                article->tags.removeAll(slug);
            for (const QString& slug : parser.values(category)) {
                if (!article->categories.contains(slug))
                    article->categories.append(slug);
            }
            for (const QString& slug : parser.values(uncategory))
                article->categories.removeAll(slug);
            if (parser.isSet(byline))
                article->byline = parser.value(byline).trimmed();
            if (*article == before) {
                out() << oneLine(article->slug) << '\t' << Cli::tr("unchanged") << '\n';
                continue;
            }
            // save() enforces the workflow and names both states when it refuses.
            auto saved = lib.save(*article, RevisionKind::Save,
                                  Cli::tr("metadata set from the command line"));
            if (!saved)
                return saved.failure();
            out() << oneLine(article->slug) << '\t' << *saved << '\n';
        }
        return flushAndFinishOutput(lib);
    });
    if (!done)
        return fail(done.error());
    return ExitOk;
}

} // namespace copydesk::cli
