// copydesk-cli list [--tag T] [--category C] [--status S] [--lang L] [--author A]
//                   [--since DATE] [--until DATE] [--text Q] [--trash] [--sort KEY]
//                   [--limit N] [--offset N] [--format text|json]
// The same filters as the library browser (Library::list()), so scripts see what it shows.
#include "cli/commands.h"
#include "cli/common.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

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
    const QCommandLineOption category(
        QStringLiteral("category"),
        QCoreApplication::translate("cli", "Only articles in this category or one below it."),
        QStringLiteral("C"));
    const QCommandLineOption author(
        QStringLiteral("author"),
        QCoreApplication::translate("cli",
                                    "Only articles whose byline contains this text, case ignored."),
        QStringLiteral("A"));
    const QCommandLineOption since(
        QStringLiteral("since"),
        QCoreApplication::translate(
            "cli", "Only articles updated at or after this time (YYYY-MM-DD or ISO 8601, UTC)."),
        QStringLiteral("DATE"));
    const QCommandLineOption until(
        QStringLiteral("until"),
        QCoreApplication::translate(
            "cli", "Only articles updated before this time (YYYY-MM-DD: before that day ends)."),
        QStringLiteral("DATE"));
    const QCommandLineOption trash(
        QStringLiteral("trash"),
        QCoreApplication::translate("cli", "List the articles in the trash (and only those)."));
    const QCommandLineOption sort(
        QStringLiteral("sort"),
        QCoreApplication::translate("cli",
                                    "Sort by updated (default), created, title, status or author; "
                                    "newest or Z first unless --ascending."),
        QStringLiteral("KEY"), QStringLiteral("updated"));
    const QCommandLineOption ascending(
        QStringLiteral("ascending"),
        QCoreApplication::translate("cli", "Sort A to Z, oldest first."));
    const QCommandLineOption offset(
        QStringLiteral("offset"),
        QCoreApplication::translate("cli", "Skip the first N articles (paging)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption count(
        QStringLiteral("count"),
        QCoreApplication::translate("cli", "Print only how many articles match (all pages)."));
    const QCommandLineOption limit(
        QStringLiteral("limit"),
        QCoreApplication::translate("cli", "At most N articles (default 100)."),
        QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QCoreApplication::translate("cli", "text (default) or json."),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    parser.addOptions({tag, category, status, lang, author, since, until, text, trash, sort,
                       ascending, limit, offset, count, format});
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
    filter.category = parser.value(category);
    filter.author = parser.value(author);
    filter.trash = parser.isSet(trash);
    // A date alone is the start of that day (--since) or the end of it (--until).
    auto time = [&](const QCommandLineOption& option, bool endOfDay) -> std::optional<QDateTime> {
        const QString value = parser.value(option).trimmed();
        const QDate day = QDate::fromString(value, Qt::ISODate);
        if (day.isValid() && value.size() == 10)
            return QDateTime(endOfDay ? day.addDays(1) : day, QTime(0, 0), QTimeZone::utc());
        QDateTime at = QDateTime::fromString(value, Qt::ISODateWithMs);
        if (!at.isValid())
            return std::nullopt;
        if (at.timeSpec() == Qt::LocalTime)
            at.setTimeZone(QTimeZone::utc());
        return at;
    };
    if (parser.isSet(since)) {
        const auto at = time(since, false);
        if (!at)
            return usageError(name,
                              QCoreApplication::translate("cli", "--since: '%1' is not a date")
                                  .arg(parser.value(since)));
        filter.since = *at;
    }
    if (parser.isSet(until)) {
        const auto at = time(until, true);
        if (!at)
            return usageError(name,
                              QCoreApplication::translate("cli", "--until: '%1' is not a date")
                                  .arg(parser.value(until)));
        filter.until = *at;
    }
    const QString sortKey = parser.value(sort);
    const std::pair<const char*, ListSort> sorts[] = {{"updated", ListSort::Updated},
                                                      {"created", ListSort::Created},
                                                      {"title", ListSort::Title},
                                                      {"status", ListSort::Status},
                                                      {"author", ListSort::Byline}};
    bool sortFound = false;
    for (const auto& [id, key] : sorts) {
        if (sortKey == QLatin1String(id)) {
            filter.sort = key;
            sortFound = true;
        }
    }
    if (!sortFound)
        return usageError(name,
                          QCoreApplication::translate("cli", "unknown sort key '%1'").arg(sortKey));
    filter.descending = !parser.isSet(ascending);
    bool numeric = false;
    filter.offset = parser.value(offset).toInt(&numeric);
    if (!numeric || filter.offset < 0)
        return usageError(name, QCoreApplication::translate("cli", "--offset needs a number"));
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
    if (parser.isSet(count)) {
        const auto n = (*library)->count(filter);
        if (!n)
            return fail(n.error());
        out() << *n << '\n';
        return ExitOk;
    }
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
            o.insert(QLatin1String("byline"), s.byline);
            o.insert(QLatin1String("tags"), QJsonArray::fromStringList(s.tags));
            o.insert(QLatin1String("categories"), QJsonArray::fromStringList(s.categories));
            if (s.trashed.isValid())
                o.insert(QLatin1String("trashed"), s.trashed.toUTC().toString(Qt::ISODate));
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
