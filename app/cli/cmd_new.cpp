// copydesk-cli new --title T [--lang L] [--tag t]... [--body-file F]
#include "cli/commands.h"
#include "cli/common.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringDecoder>

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
        QCoreApplication::translate("cli", "UTF-8 Markdown file with the body."),
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
    if (parser.value(lang).isEmpty())
        return usageError(name, QCoreApplication::translate("cli", "--lang needs a language tag"));

    Article article = makeArticle(parser.value(lang), parser.value(title).trimmed());
    article.tags = parser.values(tag);
    if (parser.isSet(bodyFile)) {
        QFile file(parser.value(bodyFile));
        if (!file.open(QIODevice::ReadOnly))
            return fail(QCoreApplication::translate("cli", "%1: cannot read (%2)")
                            .arg(file.fileName(), file.errorString()));
        QStringDecoder decoder(QStringDecoder::Utf8);
        article.versions.front().body = decoder.decode(file.readAll());
        if (decoder.hasError())
            return fail(QCoreApplication::translate("cli", "%1: not valid UTF-8 text")
                            .arg(file.fileName()));
    }

    auto library = openLibrary(parser, Library::Mode::ReadWrite);
    if (!library)
        return fail(library.error());
    const auto saved = (*library)->save(article);
    if (!saved)
        return fail(saved.error());
    out() << article.id.toString(QUuid::WithoutBraces) << Qt::endl;
    return ExitOk;
}

} // namespace copydesk::cli
