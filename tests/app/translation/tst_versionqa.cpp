// The QA across language versions: numbers, dates and links of a translation against
// its source, run through the checks' runner with the translation catalogue.
#include "checks/checks.h"
#include "translation/versionqa.h"

#include <QTest>

using namespace copydesk;
using namespace copydesk::checks;

namespace {

QString explain(const QList<Finding>& findings) {
    QString text;
    for (const Finding& f : findings) {
        text += QStringLiteral("%1 %2 %3 «%4» %5\n")
                    .arg(f.checkId, fieldId(f.field), formatRange(f.range), f.excerpt, f.message);
    }
    return text;
}

Article translated(const QString& source, const QString& language, const QString& translation) {
    Article a = makeArticle(QStringLiteral("en"), QStringLiteral("Talks"));
    a.versions.front().body = source;
    LanguageVersion v;
    v.language = language;
    v.translatedFrom = QStringLiteral("en");
    v.body = translation;
    a.versions.append(v);
    return a;
}

} // namespace

class TestVersionQa final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Dates with month names compare across languages as dates.
    void versionNumbersAndDates_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("translation");
        QTest::addColumn<QStringList>("expected");
        const QString en = QStringLiteral("The talks open on 12 March 2024 in Geneva.");
        const QStringList none;
        QTest::newRow("fr same") << en << QStringLiteral("fr")
                                 << QStringLiteral("Les négociations s’ouvrent le 12 mars 2024.")
                                 << none;
        QTest::newRow("fr other day")
            << en << QStringLiteral("fr")
            << QStringLiteral("Les négociations s’ouvrent le 13 mars 2024.")
            << QStringList{QStringLiteral("version-dates"), QStringLiteral("version-dates")};
        QTest::newRow("en month first")
            << QStringLiteral("The talks open on March 12, 2024.") << QStringLiteral("fr")
            << QStringLiteral("Les négociations s’ouvrent le 12 mars 2024.") << none;
        QTest::newRow("es same") << en << QStringLiteral("es")
                                 << QStringLiteral(
                                        "Las negociaciones empiezan el 12 de marzo de 2024.")
                                 << none;
        QTest::newRow("es other month")
            << en << QStringLiteral("es")
            << QStringLiteral("Las negociaciones empiezan el 12 de mayo de 2024.")
            << QStringList{QStringLiteral("version-dates"), QStringLiteral("version-dates")};
        QTest::newRow("fr other year")
            << en << QStringLiteral("fr")
            << QStringLiteral("Les négociations s’ouvrent le 12 mars 2025.")
            << QStringList{QStringLiteral("version-dates")};
        QTest::newRow("fr no year")
            << en << QStringLiteral("fr")
            << QStringLiteral("Les négociations s’ouvrent le 12 mars.") << none;
        QTest::newRow("zh other year")
            << QStringLiteral("The talks open on 12 October 2024.") << QStringLiteral("zh-Hans")
            << QStringLiteral("谈判将于2025年10月12日开始。")
            << QStringList{QStringLiteral("version-dates")};
        QTest::newRow("ru genitive")
            << en << QStringLiteral("ru") << QStringLiteral("Переговоры начнутся 12 марта 2024 г.")
            << none;
        QTest::newRow("ar") << en << QStringLiteral("ar")
                            << QStringLiteral("تبدأ المحادثات في ١٢ مارس ٢٠٢٤ في جنيف.") << none;
        QTest::newRow("ar levantine")
            << en << QStringLiteral("ar")
            << QStringLiteral("تبدأ المحادثات في 12 آذار 2024 في جنيف.") << none;
        QTest::newRow("ar two-word month")
            << QStringLiteral("The talks open on 5 January 2024.") << QStringLiteral("ar")
            << QStringLiteral("تبدأ المحادثات في 5 كانون الثاني 2024.") << none;
        QTest::newRow("zh") << QStringLiteral("The talks open on 12 October 2024.")
                            << QStringLiteral("zh-Hans")
                            << QStringLiteral("谈判将于2024年10月12日开始。") << none;
        QTest::newRow("zh other day")
            << QStringLiteral("The talks open on 12 October 2024.") << QStringLiteral("zh-Hans")
            << QStringLiteral("谈判将于2024年10月13日开始。")
            << QStringList{QStringLiteral("version-dates"), QStringLiteral("version-dates")};
        // Numbers: written after ideographs, and with scale words.
        QTest::newRow("zh numbers after ideographs")
            << QStringLiteral("Delegates made 40 commitments and offered 5,000 internships.")
            << QStringLiteral("zh-Hans")
            << QStringLiteral("代表们作出40项承诺，提供5000个实习岗位。") << none;
        QTest::newRow("zh other number")
            << QStringLiteral("Delegates made 40 commitments.") << QStringLiteral("zh-Hans")
            << QStringLiteral("代表们作出41项承诺。")
            << QStringList{QStringLiteral("version-numbers"), QStringLiteral("version-numbers")};
        QTest::newRow("ar thousand")
            << QStringLiteral("They will restore 120,000 hectares.") << QStringLiteral("ar")
            << QStringLiteral("سيعيدون تأهيل 120 ألف هكتار.") << none;
        QTest::newRow("zh wan") << QStringLiteral("They will restore 120,000 hectares.")
                                << QStringLiteral("zh-Hans")
                                << QStringLiteral("将恢复12万公顷湿地。") << none;
        QTest::newRow("fr millions")
            << QStringLiteral("It helps 3.5 million people.") << QStringLiteral("fr")
            << QStringLiteral("Il aide 3,5 millions de personnes.") << none;
        QTest::newRow("ru other scale")
            << QStringLiteral("They will restore 120,000 hectares.") << QStringLiteral("ru")
            << QStringLiteral("Будет восстановлено 12 тысяч гектаров.")
            << QStringList{QStringLiteral("version-numbers"), QStringLiteral("version-numbers")};
        QTest::newRow("may is a verb")
            << QStringLiteral("Ministers may meet again in 2025.") << QStringLiteral("fr")
            << QStringLiteral("Les ministres pourraient se revoir en 2025.") << none;
    }
    void versionNumbersAndDates() {
        QFETCH(QString, source);
        QFETCH(QString, language);
        QFETCH(QString, translation);
        QFETCH(QStringList, expected);
        const Article a = translated(source, language, translation);
        CheckContext c;
        c.catalogue = translation::catalogueWithVersionChecks();
        c.onlyChecks = {QStringLiteral("version-dates"), QStringLiteral("version-numbers")};
        const QList<Finding> findings = checkVersion(a, a.versions.back(), c);
        QStringList got;
        for (const Finding& f : findings)
            got.append(f.checkId);
        if (got != expected)
            qWarning().noquote() << explain(findings);
        QCOMPARE(got, expected);
    }

    // Each finding with its place and message, written down.
    void messages_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("translation");
        QTest::addColumn<QString>("expected");
        QTest::newRow("number")
            << QStringLiteral("Delegates from 42 countries met.") << QStringLiteral("fr")
            << QStringLiteral("Les délégués de 24 pays se sont réunis.")
            << QStringLiteral("version-numbers body 1:17-1:19 «24» 24 is not in the en version\n"
                              "version-numbers body 1:1-1:1 «» 42 in the en version is missing "
                              "here\n");
        QTest::newRow("year")
            << QStringLiteral("The talks open on 12 March 2024.") << QStringLiteral("fr")
            << QStringLiteral("Les négociations s’ouvrent le 12 mars 2025.")
            << QStringLiteral("version-dates body 1:31-1:43 «12 mars 2025» The year of 12 mars "
                              "2025 differs from the en version\n");
        QTest::newRow("links")
            << QStringLiteral("See [the plan](https://www.example.org/en/plan).")
            << QStringLiteral("fr")
            << QStringLiteral("Voir [le plan](https://example.org/fr/plan) et "
                              "[le rapport](https://example.org/report).")
            << QStringLiteral("version-links body 1:48-1:88 «[le rapport](https://example.org/"
                              "report)» Link to https://example.org/report is not in the en "
                              "version\n");
        QTest::newRow("link missing")
            << QStringLiteral("See [the plan](https://example.org/plan).") << QStringLiteral("es")
            << QStringLiteral("Véase el plan.")
            << QStringLiteral("version-links body 1:1-1:1 «» Link to example.org/plan in the en "
                              "version is missing here\n");
        // The site's language prefix, relative links and anchors (real Hugo sites).
        QTest::newRow("language prefix")
            << QStringLiteral(
                   "See [the guide](/docs/guide/) and [the site](https://example.org/en/).")
            << QStringLiteral("ja")
            << QStringLiteral(
                   "[ガイド](/ja/docs/guide/)と[サイト](https://example.org/ja/)を参照。")
            << QString();
        QTest::newRow("prefix of another language")
            << QStringLiteral("See [the guide](/docs/guide/).") << QStringLiteral("ja")
            << QStringLiteral("[ガイド](/fr/docs/guide/)を参照。")
            << QStringLiteral("version-links body 1:1-1:23 «[ガイド](/fr/docs/guide/)» Link to "
                              "/fr/docs/guide/ is not in the en version\n"
                              "version-links body 1:1-1:1 «» Link to /docs/guide in the en "
                              "version is missing here\n");
        QTest::newRow("relative and absolute")
            << QStringLiteral("Read about [signals](/docs/concepts/signals/).")
            << QStringLiteral("fr") << QStringLiteral("Lisez sur les [signaux](../signals/).")
            << QString();
        QTest::newRow("anchor linked twice")
            << QStringLiteral("See [History](#history).") << QStringLiteral("es")
            << QStringLiteral("Ver [Historia](#history) y otra vez [Historia](#history).")
            << QString();
        QTest::newRow("anchor of a translated heading")
            << QStringLiteral("## Distributed traces\n\nSee [traces](#distributed-traces) and "
                              "[logs](#logs).\n\n## Logs {#logs}\n\nText.")
            << QStringLiteral("zh")
            << QStringLiteral("## 分布式链路\n\n参见[链路](#分布式链路)和[日志](#logs)。\n\n"
                              "## 日志 {#logs}\n\n文本。")
            << QString();
        QTest::newRow("anchor of another heading")
            << QStringLiteral("## Traces\n\nSee [traces](#traces).\n\n## Logs\n\nText.")
            << QStringLiteral("fr")
            << QStringLiteral("## Traces\n\nVoir [les journaux](#journaux).\n\n## Journaux\n\n"
                              "Texte.")
            << QStringLiteral("version-links body 3:6-3:31 «[les journaux](#journaux)» Link to "
                              "#journaux is not in the en version\n"
                              "version-links body 1:1-1:1 «» Link to #traces in the en version is "
                              "missing here\n");
        QTest::newRow("anchor ids in another order")
            << QStringLiteral("## Beta {#beta}\n\nText.\n\n## Alpha {#alpha}\n\nSee [Beta](#beta).")
            << QStringLiteral("es")
            << QStringLiteral("## Alfa {#alpha}\n\nVer [Beta](#beta).\n\n## Beta {#beta}\n\nTexto.")
            << QString();
        QTest::newRow("other anchor")
            << QStringLiteral("See [History](#history).") << QStringLiteral("es")
            << QStringLiteral("Ver [Historia](#historia).")
            << QStringLiteral("version-links body 1:5-1:26 «[Historia](#historia)» Link to "
                              "#historia is not in the en version\n"
                              "version-links body 1:1-1:1 «» Link to #history in the en version "
                              "is missing here\n");
        QTest::newRow("two-letter segment is not a prefix")
            << QStringLiteral("See [Go](/docs/languages/go/).") << QStringLiteral("fr")
            << QStringLiteral("Voir [JS](/docs/languages/js/).")
            << QStringLiteral("version-links body 1:6-1:31 «[JS](/docs/languages/js/)» Link to "
                              "/docs/languages/js/ is not in the en version\n"
                              "version-links body 1:1-1:1 «» Link to /docs/languages/go in the en "
                              "version is missing here\n");
    }
    void messages() {
        QFETCH(QString, source);
        QFETCH(QString, language);
        QFETCH(QString, translation);
        QFETCH(QString, expected);
        const Article a = translated(source, language, translation);
        QList<Finding> findings;
        CheckContext c;
        translation::compareVersions(a.versions.front(), a.versions.back(), c, findings);
        QCOMPARE(explain(findings), expected);
    }

    // A translation is compared with the article's source language, not with the
    // version that happens to come first (a site imported in file order: bn, en, ja).
    void sourceIsTheSourceLanguage() {
        Article a = makeArticle(QStringLiteral("bn"), QStringLiteral("শিরোনাম"));
        a.versions.front().body = QStringLiteral("[লিঙ্ক](/docs/bn-only/)।");
        LanguageVersion en;
        en.language = QStringLiteral("en");
        en.body = QStringLiteral("See [the guide](/docs/guide/).");
        LanguageVersion ja;
        ja.language = QStringLiteral("ja");
        ja.body = QStringLiteral("[ガイド](/ja/docs/guide/)を参照。");
        a.versions.append(en);
        a.versions.append(ja);
        a.sourceLanguage = QStringLiteral("en");
        CheckContext c;
        c.catalogue = translation::catalogueWithVersionChecks();
        c.onlyChecks = {QStringLiteral("version-links")};
        QCOMPARE(explain(checkVersion(a, a.versions[2], c)), QString());
        QCOMPARE(explain(checkVersion(a, a.versions[1], c)), QString());
        QCOMPARE(explain(checkVersion(a, a.versions[0], c)),
                 QStringLiteral("version-links body 1:1-1:24 «[লিঙ্ক](/docs/bn-only/)» Link to "
                                "/docs/bn-only/ is not in the en version\n"
                                "version-links body 1:1-1:1 «» Link to /docs/guide in the en "
                                "version is missing here\n"));
    }

    // Without the translation catalogue, the runner makes no comparison.
    void builtInCatalogue() {
        const Article a =
            translated(QStringLiteral("Delegates from 42 countries met."), QStringLiteral("fr"),
                       QStringLiteral("Les délégués de 24 pays se sont réunis."));
        CheckContext c;
        c.onlyChecks = {QStringLiteral("version-numbers")};
        QVERIFY(checkVersion(a, a.versions.back(), c).isEmpty());
        c.catalogue = translation::catalogueWithVersionChecks();
        QCOMPARE(checkVersion(a, a.versions.back(), c).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestVersionQa)
#include "tst_versionqa.moc"
