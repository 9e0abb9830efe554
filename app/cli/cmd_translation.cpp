// copydesk-cli translation status [ARTICLE...|--all] [--format text|json]
// copydesk-cli translation segments ARTICLE --lang L
// copydesk-cli translation mark ARTICLE --lang L [--state translated|reviewed|draft]
//     [--segment N]...
#include "cli/commands.h"
#include "cli/common.h"
#include "translation/memory.h"
#include "translation/segments.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <utility>

namespace copydesk::cli {

namespace {

using translation::SegmentState;

/// Version `language` of `a` and the version it is translated from, or the one-line
/// error naming the article: no such version, or it is the source.
Result<std::pair<const LanguageVersion*, const LanguageVersion*>>
translationOf(const Article& a, const QString& language) {
    const LanguageVersion* target = a.version(language);
    if (!target)
        return Error{QCoreApplication::translate("cli", "article '%1' has no '%2' version")
                         .arg(a.slug, language),
                     ErrorKind::NotFound};
    const LanguageVersion* source = translation::sourceVersion(a, *target);
    if (!source)
        return Error{QCoreApplication::translate(
                         "cli", "article '%1': the '%2' version is the source, not a translation")
                         .arg(a.slug, language),
                     ErrorKind::InvalidInput};
    return std::make_pair(target, source);
}

QJsonObject progressJson(const translation::Progress& p) {
    return QJsonObject{{QStringLiteral("segments"), p.total},
                       {QStringLiteral("percentDone"), p.percentDone()},
                       {QStringLiteral("translated"), p.translated},
                       {QStringLiteral("reviewed"), p.reviewed},
                       {QStringLiteral("draft"), p.draft},
                       {QStringLiteral("outdated"), p.outdated},
                       {QStringLiteral("untranslated"), p.untranslated}};
}

QString progressText(const translation::Progress& p) {
    // "fr 92%, 3 outdated": what the browser and the language switcher show, with the
    // other counts after it.
    QString text = QCoreApplication::translate("cli", "%1% translated").arg(p.percentDone());
    if (p.reviewed)
        text += QCoreApplication::translate("cli", ", %n reviewed", nullptr, p.reviewed);
    if (p.outdated)
        text += QCoreApplication::translate("cli", ", %n outdated", nullptr, p.outdated);
    if (p.draft)
        text += QCoreApplication::translate("cli", ", %n draft", nullptr, p.draft);
    if (p.untranslated)
        text += QCoreApplication::translate("cli", ", %n untranslated", nullptr, p.untranslated);
    return text + QCoreApplication::translate("cli", " (%n segments)", nullptr, p.total);
}

int runStatus(const QStringList& args) {
    const QString name = QStringLiteral("translation status");
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("ARTICLE"),
                                 QCoreApplication::translate("cli", "Id, id prefix or slug."),
                                 QStringLiteral("[ARTICLE...]"));
    const QCommandLineOption all(QStringLiteral("all"),
                                 QCoreApplication::translate("cli", "Every article."));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QCoreApplication::translate("cli", "text (default) or json."),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    parser.addOptions({all, format});
    if (const auto exit = parseArguments(
            parser, name,
            QCoreApplication::translate(
                "cli", "Prints, per language version, how much of its source is translated: "
                       "segments translated, reviewed, outdated (the source changed since), "
                       "draft and untranslated."),
            args))
        return *exit;
    const QStringList names = parser.positionalArguments();
    if (names.isEmpty() == !parser.isSet(all))
        return usageError(name, QCoreApplication::translate("cli", "expected ARTICLE... or --all"));
    const QString fmt = parser.value(format);
    if (fmt != QLatin1String("text") && fmt != QLatin1String("json"))
        return usageError(
            name, QCoreApplication::translate("cli", "unknown format '%1' (expected text or json)")
                      .arg(fmt));

    auto library = openLibrary(parser, Library::Mode::ReadOnly);
    if (!library)
        return fail(library.error());
    const auto articles = loadArticles(**library, names, parser.isSet(all));
    if (!articles)
        return fail(articles.error());

    QJsonArray json;
    for (const Article& a : std::as_const(*articles)) {
        QJsonArray versions;
        if (fmt == QLatin1String("text"))
            out() << oneLine(a.slug) << '\n';
        for (const LanguageVersion& v : a.versions) {
            const LanguageVersion* source = translation::sourceVersion(a, v);
            QJsonObject o{{QStringLiteral("language"), v.language}};
            if (!source) {
                o.insert(QStringLiteral("source"), true);
                if (fmt == QLatin1String("text"))
                    out() << "  " << oneLine(v.language) << ' '
                          << QCoreApplication::translate("cli", "(source)") << '\n';
            } else {
                const translation::Progress p =
                    translation::progressOf(translation::align(*source, v));
                o.insert(QStringLiteral("translatedFrom"), source->language);
                o.insert(QStringLiteral("progress"), progressJson(p));
                if (fmt == QLatin1String("text"))
                    out() << "  " << oneLine(v.language) << ' ' << progressText(p) << '\n';
            }
            versions.append(o);
        }
        json.append(QJsonObject{{QStringLiteral("id"), a.id.toString(QUuid::WithoutBraces)},
                                {QStringLiteral("slug"), a.slug},
                                {QStringLiteral("versions"), versions}});
    }
    if (fmt == QLatin1String("json"))
        out() << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
    return ExitOk;
}

int runSegments(const QStringList& args) {
    const QString name = QStringLiteral("translation segments");
    QCommandLineParser parser;
    addArticleArgument(parser);
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QCoreApplication::translate("cli", "The translated version."),
                                  QStringLiteral("L"));
    parser.addOption(lang);
    if (const auto exit = parseArguments(
            parser, name,
            QCoreApplication::translate(
                "cli", "Lists a translation's segments, numbered, each with its state, its "
                       "source text and its translation; then the translated segments whose "
                       "source segment was deleted."),
            args))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return usageError(name, QCoreApplication::translate("cli", "expected one ARTICLE"));
    if (!parser.isSet(lang))
        return usageError(name, QCoreApplication::translate("cli", "--lang is required"));
    const auto language = languageOption(parser, QStringLiteral("lang"));
    if (!language)
        return usageError(name, language.error());
    auto library = openLibrary(parser, Library::Mode::ReadOnly);
    if (!library)
        return fail(library.error());
    auto article = (*library)->findArticle(parser.positionalArguments().front());
    if (!article)
        return fail(article.error());
    const auto found = translationOf(*article, *language);
    if (!found)
        return fail(found.error());
    const LanguageVersion* target = found->first;
    const LanguageVersion* source = found->second;
    const translation::Alignment alignment = translation::align(*source, *target);
    for (qsizetype i = 0; i < alignment.rows.size(); ++i) {
        const translation::AlignedRow& row = alignment.rows[i];
        out() << QString::number(i + 1).rightJustified(4) << ' '
              << translation::stateName(row.state).leftJustified(12) << ' '
              << oneLine(row.source.text) << '\n';
        if (row.target)
            out() << QString(18, QLatin1Char(' ')) << oneLine(row.target->text) << '\n';
    }
    for (const translation::Segment& orphan : alignment.orphans)
        out() << "   - " << QCoreApplication::translate("cli", "source deleted").leftJustified(12)
              << ' ' << oneLine(orphan.text) << '\n';
    return ExitOk;
}

int runMark(const QStringList& args) {
    const QString name = QStringLiteral("translation mark");
    QCommandLineParser parser;
    addArticleArgument(parser);
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QCoreApplication::translate("cli", "The translated version."),
                                  QStringLiteral("L"));
    const QCommandLineOption state(
        QStringLiteral("state"),
        QCoreApplication::translate("cli", "translated (default), reviewed or draft."),
        QStringLiteral("STATE"), QStringLiteral("translated"));
    const QCommandLineOption segment(
        QStringLiteral("segment"),
        QCoreApplication::translate(
            "cli", "Only segment N (1-based, as `translation segments` numbers them); repeatable."),
        QStringLiteral("N"));
    parser.addOptions({lang, state, segment});
    if (const auto exit = parseArguments(
            parser, name,
            QCoreApplication::translate(
                "cli", "Records that a version's segments are translated from its source as "
                       "the source is now (all, or the --segment ones), so that a later change "
                       "of a source paragraph makes its translation outdated."),
            args))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return usageError(name, QCoreApplication::translate("cli", "expected one ARTICLE"));
    if (!parser.isSet(lang))
        return usageError(name, QCoreApplication::translate("cli", "--lang is required"));
    const auto language = languageOption(parser, QStringLiteral("lang"));
    if (!language)
        return usageError(name, language.error());
    const QString stateName = parser.value(state);
    SegmentState chosen = SegmentState::Translated;
    if (stateName == QLatin1String("reviewed"))
        chosen = SegmentState::Reviewed;
    else if (stateName == QLatin1String("draft"))
        chosen = SegmentState::Draft;
    else if (stateName != QLatin1String("translated"))
        return usageError(name, QCoreApplication::translate(
                                    "cli", "unknown state '%1' (expected translated, reviewed "
                                           "or draft)")
                                    .arg(stateName));
    QList<int> rows;
    for (const QString& n : parser.values(segment)) {
        bool ok = false;
        const int row = n.toInt(&ok);
        if (!ok || row < 1)
            return usageError(name, QCoreApplication::translate(
                                        "cli", "--segment expects a number from 1, not '%1'")
                                        .arg(n));
        rows.append(row - 1);
    }

    auto library = openLibrary(parser, Library::Mode::ReadWrite);
    if (!library)
        return fail(library.error());
    auto article = (*library)->findArticle(parser.positionalArguments().front());
    if (!article)
        return fail(article.error());
    const auto found = translationOf(*article, *language);
    if (!found)
        return fail(found.error());
    LanguageVersion* target = article->version(*language);
    const LanguageVersion* source = found->second;
    const int total = int(translation::align(*source, *target).rows.size());
    for (int row : std::as_const(rows))
        if (row >= total)
            return fail(QCoreApplication::translate(
                            "cli", "article '%1', version '%2': there is no segment %3 (it has %4)")
                            .arg(article->slug, *language)
                            .arg(row + 1)
                            .arg(total));
    const LanguageVersion sourceCopy = *source; // `target` may move when the list grows
    translation::recordTranslation(sourceCopy, target, chosen, rows);
    // The translations as recorded feed the memory in the same transaction.
    Library& lib = **library;
    const auto saved = lib.transaction([&]() -> Result<void> {
        auto revision =
            lib.save(*article, RevisionKind::Save,
                     QCoreApplication::translate("cli", "%1 marked %2").arg(*language, stateName));
        if (!revision)
            return revision.failure();
        const auto stored = translation::storeMemory(lib, translation::memoryEntriesOf(*article));
        if (!stored)
            return stored.failure();
        return {};
    });
    if (!saved)
        return fail(saved.error());
    const translation::Progress p =
        translation::progressOf(translation::align(sourceCopy, *article->version(*language)));
    out() << oneLine(*language) << ' ' << progressText(p) << '\n';
    return ExitOk;
}

} // namespace

int runTranslation(const QStringList& args) {
    const auto [sub, rest] = subcommandArguments(args);
    if (sub == QLatin1String("status"))
        return runStatus(rest);
    if (sub == QLatin1String("mark"))
        return runMark(rest);
    if (sub == QLatin1String("segments"))
        return runSegments(rest);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        out() << QCoreApplication::translate(
            "cli", "Usage: copydesk-cli translation status|segments|mark ...\n"
                   "  status [ARTICLE...|--all]   how much of each version is translated\n"
                   "  segments ARTICLE --lang L   a translation's segments and their states\n"
                   "  mark ARTICLE --lang L       record segments as translated from the "
                   "source as it is\n");
        return ExitOk;
    }
    return usageError(
        QStringLiteral("translation"),
        sub.isEmpty() ? QCoreApplication::translate("cli", "expected status, segments or mark")
                      : QCoreApplication::translate(
                            "cli", "unknown subcommand '%1' (expected status, segments or mark)")
                            .arg(sub));
}

} // namespace copydesk::cli
