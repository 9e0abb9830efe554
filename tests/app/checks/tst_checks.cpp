#include "checks/checks.h"
#include "spelling/speller.h"
#include "translation/versionqa.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace copydesk;
using namespace copydesk::checks;

namespace {

QString dataDir() {
    return qEnvironmentVariable("COPYDESK_SOURCE_DIR") + QStringLiteral("/tests/data/checks");
}

QString readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

// One line per finding: "check-id severity field line:col-line:col «excerpt»".
QString describe(const Finding& f) {
    return QStringLiteral("%1 %2 %3 %4")
        .arg(f.checkId, severityId(f.severity), fieldId(f.field), formatRange(f.range));
}

QStringList describeAll(const QList<Finding>& findings) {
    QStringList lines;
    for (const Finding& f : findings)
        lines.append(describe(f));
    return lines;
}

QString explain(const QList<Finding>& findings) {
    QString text;
    for (const Finding& f : findings)
        text += describe(f) + QStringLiteral(" «") + f.excerpt + QStringLiteral("» ") + f.message +
                QLatin1Char('\n');
    return text;
}

// The language of a sample is the start of its file name: "fr-web.md" is French.
QString languageOf(const QString& path) {
    return QFileInfo(path).baseName().section(QLatin1Char('-'), 0, 0);
}

} // namespace

class TestChecks final : public QObject {
    Q_OBJECT
private:
    SpellerPool m_spellers;

    CheckContext context() {
        CheckContext c;
        c.spellers = &m_spellers;
        return c;
    }

    void samples(const QString& folder) {
        QTest::addColumn<QString>("path");
        const QDir dir(dataDir() + QLatin1Char('/') + folder);
        const QStringList files = dir.entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name);
        QVERIFY2(!files.isEmpty(), qPrintable(dir.path()));
        for (const QString& name : files)
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
    }

private Q_SLOTS:
    // Messy samples: each finding expected, with its range, in NAME.expected.
    void messy_data() { samples(QStringLiteral("messy")); }
    void messy() {
        QFETCH(QString, path);
        const QString text = readFile(path);
        const QList<Finding> findings = checkText(text, Field::Body, languageOf(path), context());
        const QString expectedPath = path.chopped(3) + QStringLiteral(".expected");
        if (qEnvironmentVariableIsSet("COPYDESK_UPDATE_EXPECTED")) {
            QFile out(expectedPath);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(explain(findings).toUtf8());
        }
        QStringList expected;
        const QStringList lines =
            readFile(expectedPath).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString& line : lines)
            expected.append(line.section(QLatin1Char(' '), 0, 3));
        if (describeAll(findings) != expected)
            qWarning().noquote() << "\n" << explain(findings);
        QCOMPARE(describeAll(findings), expected);
        // Every excerpt is the text its range covers.
        for (const Finding& f : findings)
            QCOMPARE(f.excerpt, text.mid(f.range.start.offset, std::min(f.range.length(), 80)));
    }

    // Well-written articles: any finding is a false positive.
    void clean_data() { samples(QStringLiteral("clean")); }
    void clean() {
        QFETCH(QString, path);
        const QList<Finding> findings =
            checkText(readFile(path), Field::Body, languageOf(path), context());
        if (!findings.isEmpty())
            qWarning().noquote() << "\n" << explain(findings);
        QCOMPARE(findings.size(), 0);
    }
    // Safe fixes of the pasted e-mail leave a text with nothing left to fix safely.
    void safeFixes() {
        const QString text = readFile(dataDir() + QStringLiteral("/messy/en-email.md"));
        QList<Finding> findings = checkText(text, Field::Body, QStringLiteral("en"), context());
        QList<Finding> safe;
        for (const Finding& f : std::as_const(findings)) {
            if (f.safeFix)
                safe.append(f);
        }
        const FixResult result = applyFixes(text, safe);
        QVERIFY(!result.applied.isEmpty());
        // The glued word inside the repeated paragraph goes with the paragraph.
        QCOMPARE(result.skipped.size(), 1);
        QCOMPARE(result.skipped.front().checkId, QStringLiteral("glued-words"));
        QVERIFY(!result.text.contains(QStringLiteral("Sent from my iPhone")));
        QVERIFY(!result.text.contains(QStringLiteral("Click here to view")));
        QVERIFY(!result.text.contains(QStringLiteral("Read more")));
        QVERIFY(result.text.contains(QStringLiteral("The forum opened The delegates")));
        QVERIFY(result.text.contains(QStringLiteral("2030. It asks")));
        QVERIFY(result.text.contains(QStringLiteral("Officials said the first")));
        QCOMPARE(result.text.count(QStringLiteral("The forum opened")), 1);
        QVERIFY(!result.text.contains(QStringLiteral("\n\n\n")));
        QVERIFY(result.text.startsWith(QStringLiteral("# Ministers")));

        const QList<Finding> after =
            checkText(result.text, Field::Body, QStringLiteral("en"), context());
        for (const Finding& f : after)
            QVERIFY2(!f.safeFix, qPrintable(describe(f)));
        QVERIFY(!describeAll(after).join(QLatin1Char(',')).contains(QStringLiteral("duplicate")));
    }

    void applyEditsInOrder() {
        const QString text = QStringLiteral("abcdef");
        QCOMPARE(applyEdits(text, {TextEdit{4, 1, QStringLiteral("E")},
                                   TextEdit{0, 0, QStringLiteral(">")}, TextEdit{1, 2, QString()}}),
                 QStringLiteral(">adEf"));
        // An edit overlapping an earlier one is dropped.
        QCOMPARE(applyEdits(text, {TextEdit{1, 3, QStringLiteral("X")},
                                   TextEdit{2, 1, QStringLiteral("Y")}}),
                 QStringLiteral("aXef"));
    }

    void frenchQuotesFix() {
        const QString text = QStringLiteral("Elle a parlé d’un texte \"ambitieux\" et « urgent».");
        const QList<Finding> findings =
            checkText(text, Field::Summary, QStringLiteral("fr"), context());
        QCOMPARE(describeAll(findings),
                 QStringList({QStringLiteral("quotes warning summary 1:25-1:36"),
                              QStringLiteral("quotes warning summary 1:40-1:42"),
                              QStringLiteral("quotes warning summary 1:48-1:49")}));
        const FixResult result = applyFixes(text, findings);
        QCOMPARE(result.text,
                 QStringLiteral(
                     "Elle a parlé d’un texte «\u202fambitieux\u202f» et «\u202furgent\u202f»."));
    }

    void chineseFix() {
        const QString text = QStringLiteral("秘书长表示, 水是每个人的基本权利.");
        const FixResult result =
            applyFixes(text, checkText(text, Field::Summary, QStringLiteral("zh-Hans"), context()));
        QCOMPARE(result.text, QStringLiteral("秘书长表示，水是每个人的基本权利。"));
    }

    void allowList() {
        const QString text = QStringLiteral("The delegates flew to Lisbon with easyJet on Sunday.");
        CheckContext c = context();
        QCOMPARE(describeAll(checkText(text, Field::Body, QStringLiteral("en"), c)),
                 QStringList{QStringLiteral("glued-words warning body 1:35-1:42")});
        c.allowList = {QStringLiteral("easyjet")};
        QVERIFY(checkText(text, Field::Body, QStringLiteral("en"), c).isEmpty());
    }

    void customBoilerplate() {
        const QString text = QStringLiteral(
            "The talks ended on Friday in Lisbon after a long week.\n\nPowered by WordPress\n");
        CheckContext c = context();
        // Without an entry, the line is only a short paragraph with no full stop.
        QVERIFY(checkText(text, Field::Body, QStringLiteral("en"), c).isEmpty());
        c.boilerplate.append(QStringLiteral("powered by *"));
        QCOMPARE(describeAll(checkText(text, Field::Body, QStringLiteral("en"), c)),
                 QStringList{QStringLiteral("boilerplate warning body 3:1-3:21")});
    }

    void onlyChecks() {
        const QString text = readFile(dataDir() + QStringLiteral("/messy/en-email.md"));
        CheckContext c = context();
        c.onlyChecks = {QStringLiteral("repeated-word")};
        QCOMPARE(describeAll(checkText(text, Field::Body, QStringLiteral("en"), c)),
                 QStringList{QStringLiteral("repeated-word warning body 7:64-7:71")});
        QVERIFY(Catalogue::builtIn().contains(u"repeated-word"));
        QVERIFY(!Catalogue::builtIn().contains(u"spelling"));
        // The QA across versions is app/translation's.
        QVERIFY(!Catalogue::builtIn().contains(u"version-numbers"));
        QVERIFY(translation::catalogueWithVersionChecks().contains(u"version-numbers"));
    }

    // A run restricted to one check reports exactly the full run's findings of it.
    void onlyChecksSubset_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("id");
        const QDir dir(dataDir() + QStringLiteral("/messy"));
        const QStringList files = dir.entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name);
        QVERIFY(!files.isEmpty());
        for (const QString& name : files) {
            for (const CheckInfo& info : Catalogue::builtIn().checks())
                QTest::newRow(qPrintable(name + QLatin1Char(' ') + info.id))
                    << dir.filePath(name) << info.id;
        }
    }
    void onlyChecksSubset() {
        QFETCH(QString, path);
        QFETCH(QString, id);
        const QString text = readFile(path);
        QStringList expected;
        for (const Finding& f : checkText(text, Field::Body, languageOf(path), context())) {
            if (f.checkId == id)
                expected.append(describe(f));
        }
        CheckContext c = context();
        c.onlyChecks = {id};
        QCOMPARE(describeAll(checkText(text, Field::Body, languageOf(path), c)), expected);
    }

    // Splits at a case change are fixed without asking; splits elsewhere may be a
    // compound the dictionary lacks.
    void gluedFixSafety_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("fixed");
        QTest::addColumn<bool>("safe");
        QTest::newRow("case change")
            << QStringLiteral("en") << QStringLiteral("The forum openedThe talks.")
            << QStringLiteral("The forum opened The talks.") << true;
        QTest::newRow("anywhere") << QStringLiteral("en")
                                  << QStringLiteral("They discussed climatefinance today.")
                                  << QStringLiteral("They discussed climate finance today.")
                                  << false;
        QTest::newRow("elision") << QStringLiteral("fr")
                                 << QStringLiteral("Les ministresdel’ONU sont arrivés.")
                                 << QStringLiteral("Les ministres de l’ONU sont arrivés.") << false;
        // A capitalised word mid-sentence is a name: only function-word splits there.
        QTest::newRow("name") << QStringLiteral("en")
                              << QStringLiteral("They met Climatefinance officials.") << QString()
                              << false;
    }
    void gluedFixSafety() {
        QFETCH(QString, language);
        QFETCH(QString, text);
        QFETCH(QString, fixed);
        QFETCH(bool, safe);
        CheckContext c = context();
        c.onlyChecks = {QStringLiteral("glued-words")};
        const QList<Finding> findings = checkText(text, Field::Summary, language, c);
        if (fixed.isEmpty()) {
            QVERIFY2(findings.isEmpty(), qPrintable(explain(findings)));
            return;
        }
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.front().safeFix, safe);
        QCOMPARE(applyFixes(text, findings).text, fixed);
    }

    void article() {
        Article a =
            makeArticle(QStringLiteral("en"), QStringLiteral("Ministers agree on water plan"));
        a.featuredImage = QStringLiteral("lisbon.jpg");
        LanguageVersion& en = a.versions.front();
        en.summary =
            QStringLiteral("Forty-two countries will share river data every year from 2027.");
        en.seoDescription = QStringLiteral("River data agreement signed in Lisbon.");
        en.body =
            QStringLiteral("Delegates from 42 countries agreed on Friday to share river data.\n\n"
                           "The [text](https://example.org/en/water) sets a review in 2030.\n");
        LanguageVersion fr;
        fr.language = QStringLiteral("fr");
        fr.translatedFrom = QStringLiteral("en");
        fr.title = QStringLiteral("Les ministres adoptent un plan pour l’eau");
        fr.seoDescription = QStringLiteral("Accord sur les données fluviales signé à Lisbonne.");
        fr.body = QStringLiteral(
            "Les délégués de 24 pays ont convenu vendredi de partager leurs données.\n\n"
            "Le [texte](https://example.org/fr/water) prévoit un bilan en 2030.\n\n"
            "Voir aussi [le rapport](https://example.org/report).\n");
        a.versions.append(fr);

        CheckContext c = context();
        c.catalogue = translation::catalogueWithVersionChecks();
        c.altText = [](const QString& media, const QString& language) -> std::optional<QString> {
            if (media == QLatin1String("lisbon.jpg") && language == QLatin1String("en"))
                return QStringLiteral("Delegates in Lisbon");
            return QString();
        };
        const QList<Finding> findings = runChecks(a, c);
        QStringList got;
        for (const Finding& f : findings)
            got.append(f.language + QLatin1Char(' ') + describe(f));
        const QStringList expected{
            QStringLiteral("fr missing-summary warning summary 1:1-1:1"),
            QStringLiteral("fr version-numbers warning body 1:1-1:1"),
            QStringLiteral("fr version-numbers warning body 1:1-1:1"),
            QStringLiteral("fr version-numbers warning body 1:17-1:19"),
            QStringLiteral("fr version-links warning body 5:12-5:52"),
            QStringLiteral("fr featured-image-alt warning featured-image 1:1-1:1"),
        };
        if (got != expected)
            qWarning().noquote() << explain(findings);
        QCOMPARE(got, expected);
        QVERIFY(!hasErrors(findings));
        a.versions.front().title.clear(); // `en` dangles after the append
        QVERIFY(hasErrors(runChecks(a, c)));
    }

    void ignoreList() {
        const QString text =
            QStringLiteral("The forum met in Lisbon and the the delegates agreed on a plan.");
        CheckContext c = context();
        Article a = makeArticle(QStringLiteral("en"), QStringLiteral("Forum meets"));
        a.versions.front().body = text;
        a.versions.front().summary =
            QStringLiteral("The forum met in Lisbon to agree on a plan for rivers.");
        a.versions.front().seoDescription = QStringLiteral("The forum met in Lisbon.");
        QList<Finding> findings = runChecks(a, c);
        QCOMPARE(describeAll(findings),
                 QStringList{QStringLiteral("repeated-word warning body 1:29-1:36")});

        c.ignored = ignoreListFromJson(ignoreListToJson(
            {IgnoredFinding::fromFinding(findings.front(), QStringLiteral("quoting a sign"))}));
        QCOMPARE(c.ignored.front().reason, QStringLiteral("quoting a sign"));
        QVERIFY(runChecks(a, c).isEmpty());
        // Still ignored after text was added before it.
        a.versions.front().body = QStringLiteral("Geneva, Monday.\n\n") + text;
        QVERIFY(runChecks(a, c).isEmpty());
        // Another language version is not covered by the entry.
        c.ignored.front().language = QStringLiteral("fr");
        QCOMPARE(runChecks(a, c).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestChecks)
#include "tst_checks.moc"
