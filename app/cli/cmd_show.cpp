// copydesk-cli show ID|SLUG [--lang L] [--format text|json|md]
#include "cli/commands.h"
#include "cli/common.h"
#include "library/articlejson.h"
#include "markdown/statistics.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace copydesk::cli {

namespace {

/// "45 s", "4 min": a reading time is an estimate, whole minutes are precise enough
/// once it passes one.
QString readingTime(int seconds) {
    if (seconds < 60)
        return QCoreApplication::translate("cli", "%1 s").arg(seconds);
    return QCoreApplication::translate("cli", "%1 min").arg((seconds + 30) / 60);
}

QJsonObject statisticsToJson(const TextStatistics& s) {
    return QJsonObject{{QStringLiteral("words"), s.words},
                       {QStringLiteral("characters"), s.characters},
                       {QStringLiteral("charactersWithoutSpaces"), s.charactersWithoutSpaces},
                       {QStringLiteral("readingSeconds"), s.readingSeconds}};
}

void printText(const Article& a, const QList<const LanguageVersion*>& versions) {
    auto line = [](const char* label, const QString& value) {
        if (!value.isEmpty())
            out() << QCoreApplication::translate("cli", label).leftJustified(12) << ' '
                  << oneLine(value) << '\n';
    };
    line(QT_TRANSLATE_NOOP("cli", "id"), a.id.toString(QUuid::WithoutBraces));
    line(QT_TRANSLATE_NOOP("cli", "slug"), a.slug);
    line(QT_TRANSLATE_NOOP("cli", "status"), statusId(a.status));
    line(QT_TRANSLATE_NOOP("cli", "created"), a.created.toUTC().toString(Qt::ISODate));
    line(QT_TRANSLATE_NOOP("cli", "updated"), a.updated.toUTC().toString(Qt::ISODate));
    line(QT_TRANSLATE_NOOP("cli", "byline"), a.byline);
    QString dateline = a.dateline.place;
    if (a.dateline.date.isValid())
        dateline += (dateline.isEmpty() ? QString() : QStringLiteral(", ")) +
                    a.dateline.date.toString(Qt::ISODate);
    line(QT_TRANSLATE_NOOP("cli", "dateline"), dateline);
    line(QT_TRANSLATE_NOOP("cli", "tags"), a.tags.join(QStringLiteral(", ")));
    line(QT_TRANSLATE_NOOP("cli", "categories"), a.categories.join(QStringLiteral(", ")));
    line(QT_TRANSLATE_NOOP("cli", "image"), a.featuredImage);
    line(QT_TRANSLATE_NOOP("cli", "source"), a.sourceLanguage);
    for (const LanguageVersion* v : versions) {
        out() << "\n=== " << oneLine(v->language) << " (" << statusId(v->status) << ") ===\n";
        line(QT_TRANSLATE_NOOP("cli", "title"), v->title);
        line(QT_TRANSLATE_NOOP("cli", "summary"), v->summary);
        line(QT_TRANSLATE_NOOP("cli", "seo title"), v->seoTitle);
        line(QT_TRANSLATE_NOOP("cli", "seo desc."), v->seoDescription);
        if (!v->translatedFrom.isEmpty())
            line(QT_TRANSLATE_NOOP("cli", "translated"),
                 QStringLiteral("%1 @ rev %2").arg(v->translatedFrom).arg(v->sourceRevision));
        // Of the body, as the editor's status bar counts: what a reader reads.
        const TextStatistics stats = statistics(v->body, v->language);
        // Plain digits, as the rest of the report: the same in every locale, for grep.
        line(QT_TRANSLATE_NOOP("cli", "words"), QString::number(stats.words));
        line(QT_TRANSLATE_NOOP("cli", "characters"), QString::number(stats.characters));
        line(QT_TRANSLATE_NOOP("cli", "reading"), readingTime(stats.readingSeconds));
        out() << '\n' << v->body << '\n';
    }
}

} // namespace

int runShow(const QStringList& args) {
    const QString name = QStringLiteral("show");
    QCommandLineParser parser;
    addArticleArgument(parser);
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QCoreApplication::translate("cli", "Only this language version."),
                                  QStringLiteral("L"));
    const QCommandLineOption format(
        QStringLiteral("format"),
        QCoreApplication::translate("cli", "text (default), json or md (one version's Markdown)."),
        QStringLiteral("FORMAT"), QStringLiteral("text"));
    parser.addOptions({lang, format});
    if (const auto exit = parseArguments(
            parser, name, QCoreApplication::translate("cli", "Prints an article."), args))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return usageError(name, QCoreApplication::translate("cli", "expected one ID or SLUG"));
    const QString fmt = parser.value(format);
    if (fmt != QLatin1String("text") && fmt != QLatin1String("json") && fmt != QLatin1String("md"))
        return usageError(name, QCoreApplication::translate(
                                    "cli", "unknown format '%1' (expected text, json or md)")
                                    .arg(fmt));
    Result<QString> language = QString();
    if (parser.isSet(lang)) {
        language = languageOption(parser, QStringLiteral("lang"));
        if (!language)
            return usageError(name, language.error());
    }

    auto library = openLibrary(parser, Library::Mode::ReadOnly);
    if (!library)
        return fail(library.error());
    auto article = (*library)->findArticle(parser.positionalArguments().front());
    if (!article)
        return fail(article.error());
    Article& a = *article;
    QList<const LanguageVersion*> versions;
    if (parser.isSet(lang)) {
        const LanguageVersion* v = a.version(*language);
        if (!v)
            return fail(QCoreApplication::translate("cli", "article '%1' has no '%2' version")
                            .arg(a.slug, *language));
        versions.append(v);
    } else if (fmt == QLatin1String("md")) {
        if (const LanguageVersion* v = a.primaryVersion())
            versions.append(v);
    } else {
        for (const LanguageVersion& v : a.versions)
            versions.append(&v);
    }

    if (fmt == QLatin1String("json")) {
        Article copy = a;
        copy.versions.clear();
        for (const LanguageVersion* v : std::as_const(versions))
            copy.versions.append(*v);
        QJsonObject json = articleToJson(copy);
        // articleToJson() writes the versions in order.
        const QJsonArray plain = json.value(QLatin1String("versions")).toArray();
        QJsonArray withStatistics;
        for (qsizetype i = 0; i < plain.size() && i < copy.versions.size(); ++i) {
            const LanguageVersion& v = copy.versions.at(i);
            QJsonObject o = plain.at(i).toObject();
            o.insert(QLatin1String("statistics"), statisticsToJson(statistics(v.body, v.language)));
            withStatistics.append(o);
        }
        json.insert(QLatin1String("versions"), withStatistics);
        out() << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
    } else if (fmt == QLatin1String("md")) {
        // A document, not a report: a redirected file gets the exact text.
        QString markdown;
        for (const LanguageVersion* v : std::as_const(versions)) {
            markdown += QStringLiteral("# ") + v->title + QStringLiteral("\n\n");
            if (!v->summary.isEmpty())
                markdown += v->summary + QStringLiteral("\n\n");
            markdown += v->body + QLatin1Char('\n');
        }
        const auto written = writeDocument(markdown.toUtf8());
        if (!written)
            return fail(written.error());
    } else {
        printText(a, versions);
    }
    return ExitOk;
}

} // namespace copydesk::cli
