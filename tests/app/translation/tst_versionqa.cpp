// The QA across language versions: numbers, dates and links of a translation against
// its source, run through the checks' runner with the translation catalogue; and the
// QA segment by segment (markup, a copy of the source, length, consistency) in French,
// Arabic and Chinese.
#include "checks/checks.h"
#include "translation/segments.h"
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
    // Segment by segment, for a translation whose record aligns it: the emphasis lost
    // in one paragraph, one left in English, one far longer than the others are, a
    // repeated source paragraph translated two ways, and one the library's memory
    // translates otherwise.
    // Real sites' segments that stay as they are (code, a linked name, a shortcode) are
    // no copy of the source; prose left in English is. Only the checks asked for run.
    void segmentIdenticalOnRealSiteShapes() {
        const QString shared = QStringLiteral("- `apiserver_request_total`\n"
                                              "- [Erlang](/docs/languages/erlang/propagation/)\n"
                                              "- {{% docs/languages/exporters/intro %}}\n"
                                              "- Learn the essential steps *now*.\n");
        // The last item drops the source's strong emphasis: segment-markup would say so,
        // were it asked for.
        Article a = translated(shared + QStringLiteral("- The **second** item here.\n"),
                               QStringLiteral("fr"),
                               shared + QStringLiteral("- Le deuxième élément ici.\n"));
        translation::recordTranslation(a.versions[0], &a.versions[1],
                                       translation::SegmentState::Translated);
        CheckContext c;
        c.onlyChecks = {QStringLiteral("segment-identical")};
        QList<Finding> findings;
        translation::compareVersions(a.versions.front(), a.versions.back(), c, findings);
        QCOMPARE(explain(findings),
                 QStringLiteral("segment-identical body 4:3-4:35 «Learn the essential steps "
                                "*now*.» The same as the en text: not translated yet?\n"));
        c.onlyChecks = {QStringLiteral("segment-markup")};
        findings.clear();
        translation::compareVersions(a.versions.front(), a.versions.back(), c, findings);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings[0].checkId, QStringLiteral("segment-markup"));
    }

    void segmentChecks_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("paragraphs");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fr")
            << QStringLiteral("fr")
            << QStringList{QStringLiteral("Les délégués de quarante États côtiers se sont réunis à "
                                          "Genève lundi."),
                           QStringLiteral("Le plan fixe des objectifs régionaux pour restaurer les "
                                          "mangroves et les marais."),
                           QStringLiteral(
                               "Communities that monitor the sites will be paid for their "
                               "work."),
                           QStringLiteral("Le forum se réunira de nouveau l'an prochain."),
                           QStringLiteral(
                               "Le financement provient des États membres et de donateurs "
                               "privés, selon un barème qui sera fixé par le secrétariat "
                               "après consultation de chacun des États membres, des "
                               "donateurs privés et des communautés concernées, et publié "
                               "dans le registre ouvert du forum chaque année."),
                           QStringLiteral("Le forum se tiendra à nouveau l'année prochaine.")}
            << QStringLiteral(
                   "segment-markup body 1:1-1:70 «Les délégués de quarante États côtiers se sont "
                   "réunis à Genève lundi.» The markup differs from the en segment: 1 emphasis "
                   "there, 0 emphasis here\n"
                   "segment-identical body 5:1-5:64 «Communities that monitor the sites will be "
                   "paid for their work.» The same as the en text: not translated yet?\n"
                   "segment-length body 9:1-9:272 «Le financement provient des États membres et de "
                   "donateurs privés, selon un barèm» 271 characters for 56 in the en text: far "
                   "from this version's usual length (67 for 56)\n"
                   "segment-inconsistent body 11:1-11:49 «Le forum se tiendra à nouveau l'année "
                   "prochaine.» The same en text is translated otherwise in segment 5: “Le forum "
                   "se réunira de nouveau l'an prochain.”\n");
        QTest::newRow("zh-Hans")
            << QStringLiteral("zh-Hans")
            << QStringList{QStringLiteral("四十个沿海国家的代表星期一在*日内瓦*举行会议。"),
                           QStringLiteral("该计划为恢复红树林和沼泽制定了区域目标。"),
                           QStringLiteral("监测这些地点的社区将获得报酬。"),
                           QStringLiteral("论坛明年将再次开会。"),
                           QStringLiteral("资金来自成员国和私人捐助者。"),
                           QStringLiteral("论坛明年将再次开会。")}
            << QString(); // about a third of the English length throughout: nothing to say
        QTest::newRow("ar memory")
            << QStringLiteral("ar")
            << QStringList{QStringLiteral(
                               "اجتمع مندوبون من أربعين دولة ساحلية في *جنيف* يوم الاثنين."),
                           QStringLiteral(
                               "تحدد الخطة أهدافًا إقليمية لاستعادة غابات المانغروف والمستنقعات."),
                           QStringLiteral("ستحصل المجتمعات التي ترصد المواقع على أجر مقابل عملها."),
                           QStringLiteral("يجتمع المنتدى مرة أخرى العام المقبل."),
                           QStringLiteral(
                               "يأتي التمويل من الدول الأعضاء والمانحين من القطاع الخاص."),
                           QStringLiteral("يجتمع المنتدى مرة أخرى العام المقبل.")}
            << QStringLiteral(
                   "segment-inconsistent body 7:1-7:37 «يجتمع المنتدى مرة أخرى العام المقبل.» The "
                   "library's memory translates the same en text otherwise: “سيجتمع المنتدى مجددًا "
                   "في العام القادم.”\n");
    }
    void segmentChecks() {
        QFETCH(QString, language);
        QFETCH(QStringList, paragraphs);
        QFETCH(QString, expected);
        Article a = translated(
            QStringLiteral("Delegates from forty coastal states met in *Geneva* on Monday.\n\n"
                           "The plan sets regional targets for restoring mangroves and marshes.\n\n"
                           "Communities that monitor the sites will be paid for their work.\n\n"
                           "The forum meets again next year.\n\n"
                           "Funding comes from the member states and private donors.\n\n"
                           "The forum meets again next year.\n"),
            language, paragraphs.join(QLatin1String("\n\n")) + u'\n');
        translation::recordTranslation(a.versions[0], &a.versions[1],
                                       translation::SegmentState::Translated);
        CheckContext c;
        c.onlyChecks = {QStringLiteral("segment-markup"), QStringLiteral("segment-identical"),
                        QStringLiteral("segment-length"), QStringLiteral("segment-inconsistent")};
        if (language == u"ar")
            c.otherTranslations = [](const QString& from, const QString& into,
                                     const QString& text) {
                if (from == u"en" && into == u"ar" && text == u"The forum meets again next year.")
                    return QStringList{QStringLiteral("سيجتمع المنتدى مجددًا في العام القادم.")};
                return QStringList{};
            };
        QList<Finding> findings;
        translation::compareVersions(a.versions.front(), a.versions.back(), c, findings);
        QCOMPARE(explain(findings), expected);
        // A version never recorded is aligned by position only: no segment findings.
        a.versions[1].sourceFingerprints.clear();
        findings.clear();
        translation::compareVersions(a.versions.front(), a.versions.back(), c, findings);
        QCOMPARE(explain(findings), QString());
    }
};

QTEST_GUILESS_MAIN(TestVersionQa)
#include "tst_versionqa.moc"
