// cleanImportedArticle(): the clean-up the import and the GUI's paste dialog share.
#include "checks/checks.h"
#include "checks/importcleanup.h"
#include "cli/report.h"
#include "spelling/speller.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace copydesk;
using namespace copydesk::checks;

namespace {

QString readSample(const QString& name) {
    QFile file(qEnvironmentVariable("COPYDESK_SOURCE_DIR") + QStringLiteral("/tests/data/checks/") +
               name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

Article pastedArticle() {
    Article a = makeArticle(QStringLiteral("en"), QStringLiteral("Ministers agree on water plan"));
    a.slug = QStringLiteral("water-plan");
    LanguageVersion& en = a.versions.front();
    en.summary = QStringLiteral(
        "Forty countries agreed in Lisbon on a plan for shared rivers and yearly river data.");
    en.seoDescription = QStringLiteral("Water plan agreed in Lisbon.");
    en.body = readSample(QStringLiteral("messy/en-email.md"));
    LanguageVersion fr;
    fr.language = QStringLiteral("fr");
    fr.title = QStringLiteral("Les ministres adoptent un plan pour l’eau");
    fr.summary = QStringLiteral("Elle a parlé d’un texte \"ambitieux\" et « urgent» pour les "
                                "fleuves partagés.");
    fr.seoDescription = QStringLiteral("Plan pour l’eau adopté à Lisbonne.");
    fr.body = QStringLiteral("Quarante pays ont adopté lundi à Lisbonne un plan pour les fleuves "
                             "partagés.\n");
    a.versions.append(fr);
    return a;
}

// "LANG CHECK SEVERITY FIELD LINE:COL-LINE:COL", one per finding.
QStringList lines(const QList<Finding>& findings) {
    QStringList result;
    for (const Finding& f : findings) {
        result.append(QStringLiteral("%1 %2 %3 %4 %5")
                          .arg(f.language, f.checkId, severityId(f.severity), fieldId(f.field),
                               formatRange(f.range)));
    }
    return result;
}

QStringList checkIds(const QList<Finding>& findings) {
    QStringList ids;
    for (const Finding& f : findings)
        ids.append(f.checkId);
    return ids;
}

// The findings on pastedArticle() as imported: those of messy/en-email.expected in
// the English body and the French summary's quotation marks.
const QStringList kEnglishFindings{QStringLiteral("en boilerplate warning body 1:1-1:46"),
                                   QStringLiteral("en glued-words warning body 5:11-5:20"),
                                   QStringLiteral("en glued-words warning body 7:5-7:18"),
                                   QStringLiteral("en repeated-word warning body 7:64-7:71"),
                                   QStringLiteral("en missing-space warning body 9:31-9:33"),
                                   QStringLiteral("en duplicate-paragraph error body 11:1-11:110"),
                                   QStringLiteral("en glued-words warning body 11:11-11:20"),
                                   QStringLiteral("en heading-level warning body 13:1-13:16"),
                                   QStringLiteral("en double-space info body 15:15-15:17"),
                                   QStringLiteral("en unbalanced warning body 15:62-15:63"),
                                   QStringLiteral("en link-text warning body 17:14-17:58"),
                                   QStringLiteral("en image-alt warning body 19:1-19:25"),
                                   QStringLiteral("en boilerplate warning body 21:1-21:12"),
                                   QStringLiteral("en boilerplate warning body 23:1-23:20"),
                                   QStringLiteral("en truncated error body 25:71-25:76")};
const QStringList kFrenchFindings{QStringLiteral("fr quotes warning summary 1:25-1:36"),
                                  QStringLiteral("fr quotes warning summary 1:40-1:42"),
                                  QStringLiteral("fr quotes warning summary 1:48-1:49")};
// What is left after the safe fixes: the chrome lines, the repeated paragraph, the
// missing space, the glued word at a case change and the double space are gone, and
// the lines after them moved up.
const QStringList kAfterSafeFixes{QStringLiteral("en glued-words warning body 5:5-5:18"),
                                  QStringLiteral("en repeated-word warning body 5:64-5:71"),
                                  QStringLiteral("en heading-level warning body 9:1-9:16"),
                                  QStringLiteral("en unbalanced warning body 11:61-11:62"),
                                  QStringLiteral("en link-text warning body 13:14-13:58"),
                                  QStringLiteral("en image-alt warning body 15:1-15:25"),
                                  QStringLiteral("en truncated error body 17:71-17:76")};

} // namespace

class TestImportCleanup final : public QObject {
    Q_OBJECT
private:
    SpellerPool m_spellers;

    CheckContext context() {
        CheckContext c;
        c.spellers = &m_spellers;
        return c;
    }

private Q_SLOTS:
    void request_data() {
        QTest::addColumn<bool>("safe");
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<QStringList>("applied"); // check ids, in the order applied
        QTest::addColumn<QStringList>("remaining");
        QTest::newRow("report only")
            << false << QStringList{} << QStringList{} << kEnglishFindings + kFrenchFindings;
        QTest::newRow("safe")
            << true << QStringList{}
            << QStringList{QStringLiteral("boilerplate"),   QStringLiteral("glued-words"),
                           QStringLiteral("missing-space"), QStringLiteral("duplicate-paragraph"),
                           QStringLiteral("double-space"),  QStringLiteral("boilerplate"),
                           QStringLiteral("boilerplate"),   QStringLiteral("quotes"),
                           QStringLiteral("quotes"),        QStringLiteral("quotes")}
            << kAfterSafeFixes;
        QTest::newRow("named") << false << QStringList{QStringLiteral("quotes")}
                               << QStringList{QStringLiteral("quotes"), QStringLiteral("quotes"),
                                              QStringLiteral("quotes")}
                               << kEnglishFindings;
        QTest::newRow("named without a fix") << false << QStringList{QStringLiteral("truncated")}
                                             << QStringList{} << kEnglishFindings + kFrenchFindings;
    }
    void request() {
        QFETCH(bool, safe);
        QFETCH(QStringList, ids);
        QFETCH(QStringList, applied);
        QFETCH(QStringList, remaining);
        const Article article = pastedArticle();
        const FixRequest request{safe, ids};
        const ImportCleanup cleanup = cleanImportedArticle(article, context(), request);

        // The findings are those of the article as it came in.
        QCOMPARE(lines(cleanup.findings), kEnglishFindings + kFrenchFindings);
        QCOMPARE(lines(cleanup.remaining), remaining);
        QCOMPARE(checkIds(cleanup.applied), applied);
        QCOMPARE(cleanup.appliedFixes.size(), applied.size());
        QCOMPARE(cleanup.changed(), !applied.isEmpty());
        for (qsizetype i = 0; i < applied.size(); ++i) {
            // "[en] body 1:1-1:46 boilerplate: Remove the line"
            static const QRegularExpression line(
                QStringLiteral("^\\[(en|fr)\\] [a-z-]+ \\d+:\\d+-\\d+:\\d+ ([a-z-]+): \\S"));
            const auto m = line.match(cleanup.appliedFixes.at(i));
            QVERIFY2(m.hasMatch(), qPrintable(cleanup.appliedFixes.at(i)));
            QCOMPARE(m.captured(2), applied.at(i));
        }
        if (!cleanup.changed()) {
            QCOMPARE(cleanup.cleaned, article);
            QCOMPARE(cleanup.remaining, cleanup.findings);
            return;
        }
        // Only the texts change, and what is left is what the checks find on them.
        QCOMPARE(cleanup.cleaned.id, article.id);
        QCOMPARE(cleanup.cleaned.versions.size(), article.versions.size());
        for (const Finding& f : cleanup.remaining)
            QVERIFY2(!request.wants(f), qPrintable(f.checkId));
        QVERIFY(cleanup.revisionNote().startsWith(
            QStringLiteral("cleanup: %1 fixes (").arg(applied.size())));
        const LanguageVersion* fr = cleanup.cleaned.version(u"fr");
        QCOMPARE(fr->summary, QStringLiteral("Elle a parlé d’un texte «\u202fambitieux\u202f» et "
                                             "«\u202furgent\u202f» pour les fleuves partagés."));
        if (safe) {
            const QString body = cleanup.cleaned.versions.front().body;
            QCOMPARE(body.count(QStringLiteral("The forum opened The delegates")), 1);
            QVERIFY(!body.contains(QStringLiteral("Sent from my iPhone")));
            QVERIFY(!body.contains(QStringLiteral("2030.It")));
        }
    }

    // Several fixes in one field, next to one another, all applied.
    void neighbouringFixes() {
        Article a = makeArticle(QStringLiteral("en"), QStringLiteral("Talks end in Lisbon"));
        a.versions.front().body =
            QStringLiteral("The talks ended on Friday.Delegates  went home on Saturday.\n");
        const ImportCleanup cleanup = cleanImportedArticle(
            a, context(),
            FixRequest::of({QStringLiteral("missing-space"), QStringLiteral("double-space")}));
        QCOMPARE(cleanup.cleaned.versions.front().body,
                 QStringLiteral("The talks ended on Friday. Delegates went home on Saturday.\n"));
        QCOMPARE(checkIds(cleanup.remaining).count(QStringLiteral("missing-space")), 0);
        QCOMPARE(cleanup.revisionNote(), QStringLiteral("cleanup: 2 fixes (missing-space, "
                                                        "double-space)"));
    }

    void report() {
        const ImportCleanup cleanup =
            cleanImportedArticle(pastedArticle(), context(), FixRequest::safeOnly());
        const QStringList lines = cleanupReport(cleanup);
        QCOMPARE(lines.size(), cleanup.appliedFixes.size() + cleanup.remaining.size());
        QCOMPARE(lines.front(),
                 QStringLiteral("water-plan: fixed ") + cleanup.appliedFixes.front());
        QCOMPARE(lines.back(), findingLine(cleanup.remaining.back(), QStringLiteral("water-plan")));
        const QJsonObject json =
            findingToJson(cleanup.remaining.back(), cleanup.cleaned.id, cleanup.cleaned.slug);
        QCOMPARE(json.value(QStringLiteral("check")).toString(), cleanup.remaining.back().checkId);
    }
};

QTEST_GUILESS_MAIN(TestImportCleanup)
#include "tst_importcleanup.moc"
