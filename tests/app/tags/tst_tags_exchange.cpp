// Vocabulary import and export (CSV and JSON, all labels, all or nothing), the
// completer's matching in every language, and tag suggestions, on real library files.
#include "library/library.h"
#include "support/libraryfixture.h"
#include "tags/exchange.h"
#include "tags/matcher.h"
#include "tags/suggest.h"
#include "tags/tags.h"

#include <QStandardPaths>
#include <QTest>

using namespace copydesk;
using namespace copydesk::test;
using tags::ExchangeFormat;
using tags::Vocabulary;

Q_DECLARE_METATYPE(ExchangeFormat)

namespace {

QByteArray dump(const Library& library, Vocabulary v) {
    auto data = tags::exportVocabulary(library, v, ExchangeFormat::Json);
    return data ? *data : QByteArray("error: ") + data.error().toUtf8();
}

} // namespace

class TestTagsExchange final : public QObject {
    Q_OBJECT

    LibraryFolder m_folder;

    std::unique_ptr<Library> newLibrary() {
        auto opened = Library::open(m_folder.newPath());
        return opened ? std::move(*opened) : nullptr;
    }

    void fill(Library& lib) {
        QVERIFY(tags::create(lib, Vocabulary::Tags, QStringLiteral("higher-education")));
        for (const auto& [language, label] :
             {std::pair{"en", "Higher education"}, std::pair{"fr", "Enseignement supérieur"},
              std::pair{"es", "Educación superior"}, std::pair{"ar", "التعليم العالي"},
              std::pair{"zh-Hans", "高等教育"}, std::pair{"ru", "Высшее образование"}})
            QVERIFY(tags::setLabel(lib, Vocabulary::Tags, QStringLiteral("higher-education"),
                                   QLatin1String(language), QString::fromUtf8(label)));
        QVERIFY(tags::create(lib, Vocabulary::Tags, QStringLiteral("water")));
        QVERIFY(tags::setLabel(lib, Vocabulary::Tags, QStringLiteral("water"), QStringLiteral("en"),
                               QStringLiteral("Water, \"clean\" and safe")));
        QVERIFY(tags::create(lib, Vocabulary::Categories, QStringLiteral("news")));
        QVERIFY(tags::create(lib, Vocabulary::Categories, QStringLiteral("africa"), {},
                             QStringLiteral("news")));
        QVERIFY(tags::setLabel(lib, Vocabulary::Categories, QStringLiteral("africa"),
                               QStringLiteral("fr"), QStringLiteral("Afrique")));
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void roundTrip_data() {
        QTest::addColumn<ExchangeFormat>("format");
        QTest::addColumn<int>("vocabulary");
        QTest::newRow("tags csv") << ExchangeFormat::Csv << int(Vocabulary::Tags);
        QTest::newRow("tags json") << ExchangeFormat::Json << int(Vocabulary::Tags);
        QTest::newRow("categories csv") << ExchangeFormat::Csv << int(Vocabulary::Categories);
        QTest::newRow("categories json") << ExchangeFormat::Json << int(Vocabulary::Categories);
    }
    void roundTrip() {
        QFETCH(ExchangeFormat, format);
        QFETCH(int, vocabulary);
        const auto v = Vocabulary(vocabulary);
        auto from = newLibrary();
        QVERIFY(from);
        fill(*from);
        const auto exported = tags::exportVocabulary(*from, v, format);
        QVERIFY2(exported, qPrintable(exported.error()));
        // The same library, the same bytes.
        QCOMPARE(*tags::exportVocabulary(*from, v, format), *exported);
        auto into = newLibrary();
        QVERIFY(into);
        const auto imported =
            tags::importVocabulary(*into, v, *exported, format, QStringLiteral("vocabulary"));
        QVERIFY2(imported, qPrintable(imported.error()));
        QCOMPARE(imported->created, v == Vocabulary::Tags ? 2 : 2);
        QCOMPARE(dump(*into, v), dump(*from, v));
        // Importing again changes nothing.
        const auto again = tags::importVocabulary(*into, v, *exported, format, QStringLiteral("x"));
        QCOMPARE(again->created, 0);
        QCOMPARE(again->labelsChanged, 0);
        QCOMPARE(again->moved, 0);
    }

    void csvLayout() {
        auto lib = newLibrary();
        fill(*lib);
        const QByteArray csv = *tags::exportVocabulary(*lib, Vocabulary::Tags, ExchangeFormat::Csv);
        const QList<QByteArray> lines = csv.split('\n');
        QCOMPARE(lines.value(0), QByteArray("slug,ar,en,es,fr,ru,zh-Hans\r"));
        QCOMPARE(lines.value(2), QByteArray("water,,\"Water, \"\"clean\"\" and safe\",,,,\r"));
    }

    void malformedImportReportsLineAndImportsNothing_data() {
        QTest::addColumn<int>("vocabulary");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<ExchangeFormat>("format");
        QTest::addColumn<QString>("message");
        const int tagsV = int(Vocabulary::Tags);
        const int cats = int(Vocabulary::Categories);
        QTest::newRow("cell count") << tagsV << QByteArray("slug,en\nok,Fine\nbad,One,Two\n")
                                    << ExchangeFormat::Csv << QStringLiteral("in.csv:3: 3 cells");
        QTest::newRow("unclosed quote")
            << tagsV << QByteArray("slug,en\nok,Fine\nbad,\"never closed\nmore\n")
            << ExchangeFormat::Csv << QStringLiteral("in.csv:3: a quoted cell is not closed");
        QTest::newRow("stray quote") << tagsV << QByteArray("slug,en\nok,Fi\"ne\n")
                                     << ExchangeFormat::Csv << QStringLiteral("in.csv:2: a quote");
        QTest::newRow("line counted across quoted line breaks")
            << tagsV << QByteArray("slug,en\nok,\"two\nlines\"\n,Empty slug\n")
            << ExchangeFormat::Csv << QStringLiteral("in.csv:4: a tag name cannot be empty");
        QTest::newRow("bad language") << tagsV << QByteArray("slug,en,not a language!\n")
                                      << ExchangeFormat::Csv << QStringLiteral("in.csv:1: 'not a");
        QTest::newRow("bad slug") << tagsV << QByteArray("slug,en\nok,Fine\n../up,Up\n")
                                  << ExchangeFormat::Csv << QStringLiteral("in.csv:3:");
        QTest::newRow("long label")
            << tagsV << (QByteArray("slug,en\nok,") + QByteArray(201, 'x') + '\n')
            << ExchangeFormat::Csv << QStringLiteral("in.csv:2: label in 'en'");
        QTest::newRow("twice") << tagsV << QByteArray("slug\nok\nok\n") << ExchangeFormat::Csv
                               << QStringLiteral("in.csv:3: the slug 'ok' is there twice");
        QTest::newRow("no header") << tagsV << QByteArray("") << ExchangeFormat::Csv
                                   << QStringLiteral("in.csv:1: no header");
        QTest::newRow("not UTF-8") << tagsV << QByteArray("slug,en\nok,\xff\xfe\n")
                                   << ExchangeFormat::Csv << QStringLiteral("not UTF-8");
        QTest::newRow("unknown parent")
            << cats << QByteArray("slug,parent\nnews,\nafrica,nowhere\n") << ExchangeFormat::Csv
            << QStringLiteral("in.csv:3: the parent 'nowhere'");
        QTest::newRow("cycle") << cats << QByteArray("slug,parent\na,b\nb,a\n")
                               << ExchangeFormat::Csv << QStringLiteral("in.csv:3:");
        QTest::newRow("json syntax")
            << tagsV << QByteArray("{\"format\": \"copydesk-vocabulary\",\n\"terms\": [}\n")
            << ExchangeFormat::Json << QStringLiteral("in.csv:2: not JSON");
        QTest::newRow("json term") << tagsV
                                   << QByteArray("{\"format\": \"copydesk-vocabulary\", \"terms\":"
                                                 " [{\"slug\": \"ok\"}, {\"labels\": {}}]}")
                                   << ExchangeFormat::Json << QStringLiteral("term 2: no \"slug\"");
        QTest::newRow("json wrong vocabulary")
            << tagsV
            << QByteArray("{\"format\": \"copydesk-vocabulary\", \"vocabulary\": \"categories\"}")
            << ExchangeFormat::Json << QStringLiteral("a vocabulary of categories");
    }
    void malformedImportReportsLineAndImportsNothing() {
        QFETCH(int, vocabulary);
        QFETCH(QByteArray, data);
        QFETCH(ExchangeFormat, format);
        QFETCH(QString, message);
        auto lib = newLibrary();
        fill(*lib);
        const auto v = Vocabulary(vocabulary);
        const QByteArray before = dump(*lib, v);
        const auto imported =
            tags::importVocabulary(*lib, v, data, format, QStringLiteral("in.csv"));
        QVERIFY(!imported);
        QCOMPARE(imported.kind(), ErrorKind::InvalidInput);
        QVERIFY2(imported.error().contains(message), qPrintable(imported.error()));
        QVERIFY(!imported.error().contains(QLatin1Char('\n')));
        QCOMPARE(dump(*lib, v), before);
    }

    void importKeepsWhatTheFileDoesNotSay() {
        auto lib = newLibrary();
        fill(*lib);
        const auto imported =
            tags::importVocabulary(*lib, Vocabulary::Tags,
                                   QByteArray("\xEF\xBB\xBFslug,fr,de\r\nhigher-education,,"
                                              "Hochschulbildung\r\nnew-one,Nouveau,\r\n"),
                                   ExchangeFormat::Csv, QStringLiteral("in.csv"));
        QVERIFY2(imported, qPrintable(imported.error()));
        QCOMPARE(imported->created, 1);
        QCOMPARE(imported->labelsChanged, 2);
        const auto all = *lib->tags();
        QCOMPARE(all.at(0).labels.value(QStringLiteral("fr")),
                 QStringLiteral("Enseignement supérieur"));
        QCOMPARE(all.at(0).labels.value(QStringLiteral("de")), QStringLiteral("Hochschulbildung"));
        QCOMPARE(all.at(1).labels.value(QStringLiteral("fr")), QStringLiteral("Nouveau"));
    }

    void matchesAnyLanguageIgnoringAccentsAndCase_data() {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("slug");
        QTest::addColumn<QString>("label");
        QTest::newRow("French without accents")
            << QStringLiteral("ENSEIGNEMENT SUPERIEUR") << QStringLiteral("higher-education")
            << QStringLiteral("Enseignement supérieur");
        QTest::newRow("a word inside")
            << QStringLiteral("superieu") << QStringLiteral("higher-education")
            << QStringLiteral("Enseignement supérieur");
        QTest::newRow("Spanish") << QStringLiteral("educacion")
                                 << QStringLiteral("higher-education")
                                 << QStringLiteral("Educación superior");
        QTest::newRow("Russian, another case")
            << QStringLiteral("ВЫСШЕЕ") << QStringLiteral("higher-education")
            << QStringLiteral("Высшее образование");
        QTest::newRow("Chinese") << QStringLiteral("高等") << QStringLiteral("higher-education")
                                 << QStringLiteral("高等教育");
        // With vowel marks typed, matching the unmarked label.
        QTest::newRow("Arabic with harakat")
            << QStringLiteral("التَّعْلِيم") << QStringLiteral("higher-education")
            << QStringLiteral("التعليم العالي");
        QTest::newRow("slug words")
            << QStringLiteral("higher ed") << QStringLiteral("higher-education")
            << QStringLiteral("Higher education");
        QTest::newRow("ligature") << QStringLiteral("oeuvre") << QStringLiteral("oeuvre")
                                  << QStringLiteral("Œuvre");
    }
    void matchesAnyLanguageIgnoringAccentsAndCase() {
        QFETCH(QString, typed);
        QFETCH(QString, slug);
        QFETCH(QString, label);
        auto lib = newLibrary();
        fill(*lib);
        QVERIFY(
            tags::create(*lib, Vocabulary::Tags, QStringLiteral("Œuvre"), QStringLiteral("fr")));
        const tags::TermMatcher matcher(*tags::list(*lib, Vocabulary::Tags));
        const auto matches = matcher.match(typed);
        QVERIFY2(!matches.isEmpty(), qPrintable(typed));
        QCOMPARE(matches.front().slug, slug);
        QCOMPARE(matches.front().label, label);
    }

    void rankingPrefersExactThenPrefixThenUse() {
        auto lib = newLibrary();
        for (const char* name : {"water", "water-policy", "wastewater", "fresh-water"})
            QVERIFY(tags::create(*lib, Vocabulary::Tags, QLatin1String(name)));
        const tags::TermMatcher matcher(*tags::list(*lib, Vocabulary::Tags));
        QStringList order;
        for (const tags::TermMatch& m : matcher.match(QStringLiteral("Water")))
            order.append(m.slug);
        QCOMPARE(order, (QStringList{QStringLiteral("water"), QStringLiteral("water-policy"),
                                     QStringLiteral("fresh-water"), QStringLiteral("wastewater")}));
        QVERIFY(matcher.match(QStringLiteral("   ")).isEmpty());
        QVERIFY(matcher.match(QStringLiteral("zzz")).isEmpty());
    }

    void suggestionsPutExistingTagsFirst() {
        auto lib = newLibrary();
        // A library where "council" is everywhere and "desalination" rare.
        QList<Article> articles;
        for (int i = 0; i < 30; ++i) {
            Article a =
                makeArticle(QStringLiteral("en"), QStringLiteral("Council meeting %1").arg(i));
            a.versions[0].body = QStringLiteral("The council met again and the council agreed.");
            articles.append(a);
        }
        QVERIFY(lib->saveAll(articles, RevisionKind::Import));
        QVERIFY(tags::create(*lib, Vocabulary::Tags, QStringLiteral("higher-education")));
        QVERIFY(tags::setLabel(*lib, Vocabulary::Tags, QStringLiteral("higher-education"),
                               QStringLiteral("fr"), QStringLiteral("Enseignement supérieur")));
        QVERIFY(tags::create(*lib, Vocabulary::Tags, QStringLiteral("unrelated")));
        Article a = makeArticle(QStringLiteral("en"), QStringLiteral("Desalination plant opens"));
        a.versions[0].body = QStringLiteral(
            "The council opened a desalination plant. Desalination gives the council water.");
        LanguageVersion fr;
        fr.language = QStringLiteral("fr");
        fr.title = QStringLiteral("Une usine de dessalement");
        fr.body = QStringLiteral("L'enseignement supérieur y forme des ingénieurs.");
        a.versions.append(fr);
        const auto suggestions = tags::suggest(*lib, a);
        QVERIFY2(suggestions, qPrintable(suggestions.error()));
        QVERIFY(!suggestions->isEmpty());
        QCOMPARE(suggestions->front().slug, QStringLiteral("higher-education"));
        QVERIFY(suggestions->front().existing());
        QStringList fresh;
        for (const tags::Suggestion& s : *suggestions) {
            QVERIFY(s.slug != QLatin1String("unrelated"));
            if (!s.existing())
                fresh.append(s.text.toLower());
        }
        // The rare word ranks above the one every article has.
        QVERIFY2(fresh.indexOf(QStringLiteral("desalination")) >= 0, qPrintable(fresh.join(u',')));
        QVERIFY2(fresh.indexOf(QStringLiteral("council")) < 0 ||
                     fresh.indexOf(QStringLiteral("desalination")) <
                         fresh.indexOf(QStringLiteral("council")),
                 qPrintable(fresh.join(u',')));
        // A tag the article has is not suggested again.
        a.tags = {QStringLiteral("higher-education")};
        QVERIFY(!tags::suggest(*lib, a)->front().existing());
    }

    // Function words are never offered as tags, in any of the six languages, even in a
    // library too small for their document counts to say so; in a larger one, a word
    // most versions have is not offered either, whatever its language.
    void suggestionsLeaveFunctionWordsOut_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QStringList>("functionWords");
        QTest::newRow("en") << QStringLiteral("en")
                            << QStringLiteral("The plan and the plan for the water of the "
                                              "region, which they said was the plan.\n\n"
                                              "```js\nconst insertCell = function() {}\n"
                                              "const insertCell = function() {}\n```\n\n"
                                              "{{< tabpane lang=shell >}} `insertCell` "
                                              "{{< /tabpane >}}")
                            << QStringLiteral("plan")
                            << QStringList{QStringLiteral("the"),        QStringLiteral("and"),
                                           QStringLiteral("for"),        QStringLiteral("which"),
                                           QStringLiteral("they"),       QStringLiteral("said"),
                                           QStringLiteral("insertCell"), QStringLiteral("const"),
                                           QStringLiteral("function"),   QStringLiteral("tabpane")};
        QTest::newRow("fr") << QStringLiteral("fr")
                            << QStringLiteral("Le plan pour les eaux, avec les régions dans "
                                              "le plan, selon le plan qui est très suivi.")
                            << QStringLiteral("plan")
                            << QStringList{QStringLiteral("pour"),  QStringLiteral("les"),
                                           QStringLiteral("avec"),  QStringLiteral("dans"),
                                           QStringLiteral("selon"), QStringLiteral("très")};
        QTest::newRow("es") << QStringLiteral("es")
                            << QStringLiteral("El plan para las aguas con los planes del plan, "
                                              "según el plan que fue aprobado.")
                            << QStringLiteral("plan")
                            << QStringList{QStringLiteral("para"), QStringLiteral("las"),
                                           QStringLiteral("con"),  QStringLiteral("los"),
                                           QStringLiteral("del"),  QStringLiteral("según")};
        QTest::newRow("ar") << QStringLiteral("ar")
                            << QStringLiteral("اتفق المندوبون على خطة إلى جانب خطة المياه "
                                              "التي في المنطقة على خطة إلى أن")
                            << QStringLiteral("خطة")
                            << QStringList{QStringLiteral("على"), QStringLiteral("إلى"),
                                           QStringLiteral("التي")};
        QTest::newRow("ru") << QStringLiteral("ru")
                            << QStringLiteral("План, который был принят, это план для воды, "
                                              "который также был план.")
                            << QStringLiteral("план")
                            << QStringList{QStringLiteral("который"), QStringLiteral("был"),
                                           QStringLiteral("это"), QStringLiteral("для"),
                                           QStringLiteral("также")};
        QTest::newRow("zh") << QStringLiteral("zh-Hans")
                            << QStringLiteral("我们的计划是水的计划，我们的计划已经进行。")
                            << QStringLiteral("计划")
                            << QStringList{QStringLiteral("的"), QStringLiteral("是"),
                                           QStringLiteral("我们"), QStringLiteral("已经"),
                                           QStringLiteral("进行")};
        // A katakana loanword longer than ICU's dictionary knows stays one word.
        QTest::newRow("ja") << QStringLiteral("ja")
                            << QStringLiteral("ディストリビューションの設定は、"
                                              "ディストリビューションのページにあります。")
                            << QStringLiteral("ディストリビューション")
                            << QStringList{QStringLiteral("の"), QStringLiteral("は"),
                                           QStringLiteral("ディス"), QStringLiteral("ション")};
    }
    void suggestionsLeaveFunctionWordsOut() {
        QFETCH(QString, language);
        QFETCH(QString, text);
        QFETCH(QString, topic);
        QFETCH(QStringList, functionWords);
        auto lib = newLibrary();
        Article other = makeArticle(QStringLiteral("en"), QStringLiteral("Another story"));
        QVERIFY(lib->save(other));
        Article a = makeArticle(language, QString());
        a.versions[0].body = text;
        const auto suggestions = tags::suggest(*lib, a, 20);
        QVERIFY2(suggestions, qPrintable(suggestions.error()));
        QStringList offered;
        for (const tags::Suggestion& s : *suggestions)
            offered.append(tags::foldForMatching(s.text));
        QVERIFY2(offered.contains(tags::foldForMatching(topic)), qPrintable(offered.join(u',')));
        for (const QString& word : std::as_const(functionWords))
            QVERIFY2(!offered.contains(tags::foldForMatching(word)),
                     qPrintable(word + QStringLiteral(" in ") + offered.join(u',')));

        // 25 versions with a word no list has: now it is the language's, not a topic.
        QList<Article> many;
        for (int i = 0; i < 25; ++i) {
            Article m = makeArticle(language, QStringLiteral("Story %1").arg(i));
            m.versions[0].body = QStringLiteral("zorblat ") + topic;
            many.append(m);
        }
        QVERIFY(lib->saveAll(many, RevisionKind::Import));
        a.versions[0].body = text + QStringLiteral(" zorblat zorblat zorblat zorblat");
        const auto common = tags::suggest(*lib, a, 20);
        QVERIFY2(common, qPrintable(common.error()));
        for (const tags::Suggestion& s : *common)
            QVERIFY2(tags::foldForMatching(s.text) != QLatin1String("zorblat"), qPrintable(s.text));
    }
};

QTEST_GUILESS_MAIN(TestTagsExchange)
#include "tst_tags_exchange.moc"
