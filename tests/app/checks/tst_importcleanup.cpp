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

QStringList checkIds(const QList<Finding>& findings) {
    QStringList ids;
    for (const Finding& f : findings)
        ids.append(f.checkId);
    return ids;
}

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
        QTest::newRow("report only") << false << QStringList{} << QStringList{};
        QTest::newRow("safe")
            << true << QStringList{}
            << QStringList{QStringLiteral("boilerplate"),   QStringLiteral("glued-words"),
                           QStringLiteral("missing-space"), QStringLiteral("duplicate-paragraph"),
                           QStringLiteral("double-space"),  QStringLiteral("boilerplate"),
                           QStringLiteral("boilerplate"),   QStringLiteral("quotes"),
                           QStringLiteral("quotes"),        QStringLiteral("quotes")};
        QTest::newRow("named") << false << QStringList{QStringLiteral("quotes")}
                               << QStringList{QStringLiteral("quotes"), QStringLiteral("quotes"),
                                              QStringLiteral("quotes")};
        QTest::newRow("named without a fix")
            << false << QStringList{QStringLiteral("truncated")} << QStringList{};
    }
    void request() {
        QFETCH(bool, safe);
        QFETCH(QStringList, ids);
        QFETCH(QStringList, applied);
        const Article article = pastedArticle();
        const FixRequest request{safe, ids};
        const ImportCleanup cleanup = cleanImportedArticle(article, context(), request);

        // The findings are those of the article as it came in.
        QCOMPARE(cleanup.findings, runChecks(article, context()));
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
        QCOMPARE(cleanup.remaining, runChecks(cleanup.cleaned, context()));
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
