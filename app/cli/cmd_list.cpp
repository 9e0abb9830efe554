// copydesk-cli list [--tag T] [--status S] [--lang L] [--text Q] [--limit N] [--format text|json]
#include "cli/commands.h"
#include "cli/common.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace copydesk::cli {

int runList(const QStringList& args) {
    const QString name = QStringLiteral("list");
    QCommandLineParser parser;
    const QCommandLineOption tag(QStringLiteral("tag"),
                                 QCoreApplication::translate("cli", "Only articles with this tag."),
                                 QStringLiteral("T"));
    const QCommandLineOption status(
        QStringLiteral("status"),
        QCoreApplication::translate(
            "cli", "Only articles in this status (draft, in-review, ready, published, archived)."),
        QStringLiteral("S"));
    const QCommandLineOption lang(
        QStringLiteral("lang"),
        QCoreApplication::translate("cli", "Only articles with a version in this language."),
        QStringLiteral("L"));
    const QCommandLineOption text(
        QStringLiteral("text"),
        QCoreApplication::translate("cli", "Only articles matching this full-text query."),
        QStringLiteral("Q"));
    const QCommandLineOption limit(
        QStringLiteral("limit"),
        QCoreApplication::translate("cli", "At most N articles (default 100)."),
        QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QCoreApplication::translate("cli", "text (default) or json."),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    parser.addOptions({tag, status, lang, text, limit, format});
    if (const auto exit = parseArguments(
            parser, name,
            QCoreApplication::translate("cli", "Lists articles, most recently updated first: id, "
                                               "status, last update, languages, title."),
            args))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return usageError(name, QCoreApplication::translate("cli", "unexpected argument '%1'")
                                    .arg(parser.positionalArguments().front()));

    ListFilter filter;
    filter.tag = parser.value(tag);
    if (parser.isSet(lang)) {
        const auto language = languageOption(parser, QStringLiteral("lang"));
        if (!language)
            return usageError(name, language.error());
        filter.language = *language;
    }
    filter.text = parser.value(text);
    if (parser.isSet(status)) {
        filter.status = statusFromId(parser.value(status));
        if (!filter.status)
            return usageError(name, QCoreApplication::translate("cli", "unknown status '%1'")
                                        .arg(parser.value(status)));
    }
    bool numeric = false;
    filter.limit = parser.value(limit).toInt(&numeric);
    if (!numeric || filter.limit < 1)
        return usageError(name,
                          QCoreApplication::translate("cli", "--limit needs a positive number"));
    const QString fmt = parser.value(format);
    if (fmt != QLatin1String("text") && fmt != QLatin1String("json"))
        return usageError(
            name, QCoreApplication::translate("cli", "unknown format '%1' (expected text or json)")
                      .arg(fmt));

    auto library = openLibrary(parser, Library::Mode::ReadOnly);
    if (!library)
        return fail(library.error());
    const auto listed = (*library)->list(filter);
    if (!listed)
        return fail(listed.kind() == ErrorKind::Corrupt
                        ? QCoreApplication::translate("cli", "%1 (run 'copydesk-cli repair')")
                              .arg(listed.error())
                        : listed.error());
    // How the text was read, as search says it.
    if (!filter.text.trimmed().isEmpty()) {
        const QStringList notes = Library::searchNotes(filter.text);
        for (const QString& note : notes)
            err() << QCoreApplication::translate("cli", "note: %1").arg(oneLine(note)) << Qt::endl;
    }
    const QList<ArticleSummary>& rows = *listed;
    if (fmt == QLatin1String("json")) {
        QJsonArray array;
        for (const ArticleSummary& s : rows) {
            QJsonObject o;
            o.insert(QLatin1String("id"), s.id.toString(QUuid::WithoutBraces));
            o.insert(QLatin1String("slug"), s.slug);
            o.insert(QLatin1String("status"), statusId(s.status));
            o.insert(QLatin1String("title"), s.title);
            o.insert(QLatin1String("languages"), QJsonArray::fromStringList(s.languages));
            o.insert(QLatin1String("updated"), s.updated.toUTC().toString(Qt::ISODate));
            array.append(o);
        }
        out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    } else {
        for (const ArticleSummary& s : rows) {
            out() << s.id.toString(QUuid::WithoutBraces) << "  "
                  << statusId(s.status).leftJustified(9) << "  "
                  << s.updated.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) << "  "
                  << oneLine(s.languages.join(QLatin1Char(','))) << "  " << oneLine(s.title)
                  << '\n';
        }
    }
    return ExitOk;
}

} // namespace copydesk::cli
