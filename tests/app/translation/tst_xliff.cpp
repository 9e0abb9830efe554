// XLIFF 1.2 and 2.0: what goes out passes the OASIS schemas (xmllint), inline Markdown
// travels as codes, translations come back into the right paragraphs with their markup,
// a unit whose source changed is left out, hostile files are refused.
#include "translation/segments.h"
#include "translation/xliff.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace copydesk;
using namespace copydesk::translation;

namespace {

Article article() {
    Article a;
    a.id = QUuid::fromString(QStringLiteral("0f8b6c52-6c1e-4d38-9a55-0d2a3f1c7b11"));
    a.slug = QStringLiteral("wetlands");
    a.sourceLanguage = QStringLiteral("en");
    a.tags = {QStringLiteral("environment")};
    LanguageVersion en;
    en.language = QStringLiteral("en");
    en.title = QStringLiteral("Wetlands plan adopted");
    en.summary = QStringLiteral("Delegates agree on a plan.");
    en.body = QStringLiteral(
        "Delegates met in *Geneva* and adopted the [plan](https://example.org/plan \"Plan\").\n\n"
        "## Next steps\n\n"
        "> Run `copydesk-cli check` before you\n> publish.\n\n"
        "![A heron in the marsh](media:heron.jpg)\n\n"
        "Mapping comes **first**, with ![a map](media:map.png) of each site.\n");
    a.versions.append(en);
    return a;
}

QString conformance() {
    const QString dir = qEnvironmentVariable("COPYDESK_CONFORMANCE_DIR");
    return dir.isEmpty() ? QString() : dir + QStringLiteral("/xliff");
}

// xmllint's verdict on `data` against the schema for `version`: empty when valid.
QString schemaErrors(const QByteArray& data, XliffVersion version, const QString& dir) {
    QTemporaryDir tmp;
    const QString file = tmp.filePath(QStringLiteral("f.xlf"));
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        return QStringLiteral("cannot write the file");
    f.close();
    QProcess lint;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XML_CATALOG_FILES"), dir + QStringLiteral("/catalog.xml"));
    lint.setProcessEnvironment(env);
    const QString schema = version == XliffVersion::V12
                               ? dir + QStringLiteral("/1.2/xliff-core-1.2-strict.xsd")
                               : dir + QStringLiteral("/2.0/xliff_core_2.0.xsd");
    lint.start(QStringLiteral("xmllint"), {QStringLiteral("--nonet"), QStringLiteral("--noout"),
                                           QStringLiteral("--schema"), schema, file});
    if (!lint.waitForFinished(60000))
        return QStringLiteral("xmllint did not finish");
    if (lint.exitCode() == 0)
        return {};
    return QString::fromUtf8(lint.readAllStandardError());
}

// Fills every <target> of a 1.2 export: each source's text upper-cased, codes kept.
QByteArray fillTargets12(QByteArray xliff, const QHash<QString, QString>& byKey) {
    QString text = QString::fromUtf8(xliff);
    for (auto it = byKey.begin(); it != byKey.end(); ++it) {
        const QRegularExpression unit(
            QStringLiteral("(<trans-unit [^>]*resname=\"%1\"[^>]*>\\s*<source>.*?</source>)")
                .arg(QRegularExpression::escape(it.key())),
            QRegularExpression::DotMatchesEverythingOption);
        text.replace(unit,
                     QStringLiteral("\\1<target state=\"translated\">%1</target>").arg(it.value()));
    }
    return text.toUtf8();
}

} // namespace

class TestXliff final : public QObject {
    Q_OBJECT

    Result<Article> lookup(const Article& a, const QUuid& id) {
        if (id == a.id)
            return a;
        return Error{QStringLiteral("no such article"), ErrorKind::NotFound};
    }

private Q_SLOTS:
    void exportIsValid_data() {
        QTest::addColumn<int>("version");
        QTest::addColumn<bool>("prefill");
        QTest::newRow("1.2") << int(XliffVersion::V12) << false;
        QTest::newRow("2.0") << int(XliffVersion::V20) << false;
        QTest::newRow("1.2 prefilled") << int(XliffVersion::V12) << true;
        QTest::newRow("2.0 prefilled") << int(XliffVersion::V20) << true;
    }
    void exportIsValid() {
        QFETCH(int, version);
        QFETCH(bool, prefill);
        const QString dir = conformance();
        if (dir.isEmpty() || !QFile::exists(dir))
            QSKIP("no OASIS schemas (COPYDESK_CONFORMANCE_DIR/xliff): schema validation skipped");
        if (QStandardPaths::findExecutable(QStringLiteral("xmllint")).isEmpty())
            QSKIP("xmllint (libxml2-utils) is not installed: schema validation skipped");
        Article a = article();
        // A French version, part translated, so that targets and states are written too.
        LanguageVersion fr;
        fr.language = QStringLiteral("fr");
        fr.title = QStringLiteral("Plan pour les zones humides adopté");
        fr.body = a.versions[0].body;
        fr.body.replace(QStringLiteral("## Next steps"), QStringLiteral("## Étapes suivantes"));
        recordTranslation(a.versions[0], &fr, SegmentState::Translated);
        a.versions.append(fr);
        const auto xliff = exportXliff({a}, QStringLiteral("fr"), XliffVersion(version), prefill);
        QVERIFY2(xliff, qPrintable(xliff.error()));
        const QString errors = schemaErrors(*xliff, XliffVersion(version), dir);
        QVERIFY2(errors.isEmpty(), qPrintable(errors + QString::fromUtf8(*xliff)));
        const QString text = QString::fromUtf8(*xliff);
        // Link targets and image sources are not translatable text.
        QVERIFY(!text.contains(QStringLiteral(">https://example.org/plan")));
        QVERIFY(text.contains(QStringLiteral("A heron in the marsh")));
        QVERIFY(text.contains(QStringLiteral("Étapes suivantes")));
    }

    // A translation tool fills the targets; the import puts each into its paragraph,
    // with the emphasis, link, code and images of the source.
    void roundTrip12() {
        const Article a = article();
        const auto xliff = exportXliff({a}, QStringLiteral("fr"), XliffVersion::V12);
        QVERIFY(xliff);
        const QString s = QString::fromUtf8(*xliff);
        // The codes the source has, in the order it has them.
        QVERIFY2(s.contains(QStringLiteral("<g id=\"1\" ctype=\"italic\">Geneva</g>")),
                 qPrintable(s));
        const QByteArray filled = fillTargets12(
            *xliff,
            {{QStringLiteral("title"), QStringLiteral("Plan adopté")},
             {QStringLiteral("s1"),
              QStringLiteral("Les délégués ont adopté le <g id=\"2\" ctype=\"link\">plan</g> à <g "
                             "id=\"1\" ctype=\"italic\">Genève</g>.")},
             {QStringLiteral("s2"), QStringLiteral("Étapes suivantes")},
             {QStringLiteral("s3"),
              QStringLiteral("Lancez <x id=\"1\" ctype=\"x-code\"/> avant de publier.")},
             {QStringLiteral("s4"), QStringLiteral("Un héron dans le marais")},
             {QStringLiteral("s5"),
              QStringLiteral("La cartographie vient <g id=\"1\" ctype=\"bold\">d'abord</g>, avec "
                             "<x id=\"2\" ctype=\"image\"/> de chaque site [1*].")},
             {QStringLiteral("s6"), QStringLiteral("une carte")}});
        const auto imported = importXliff(filled, QStringLiteral("fr.xlf"),
                                          [&](const QUuid& id) { return lookup(a, id); });
        QVERIFY2(imported, qPrintable(imported.error()));
        QCOMPARE(imported->applied, 7);
        QCOMPARE(imported->outdated, 0);
        QCOMPARE(imported->articles.size(), 1);
        const LanguageVersion* fr = imported->articles[0].version(QStringLiteral("fr"));
        QVERIFY(fr);
        QCOMPARE(fr->title, QStringLiteral("Plan adopté"));
        QCOMPARE(
            fr->body,
            QStringLiteral("Les délégués ont adopté le [plan](https://example.org/plan \"Plan\") "
                           "à *Genève*.\n\n"
                           "## Étapes suivantes\n\n"
                           "> Lancez `copydesk-cli check` avant de publier.\n\n"
                           "![Un héron dans le marais](media:heron.jpg)\n\n"
                           "La cartographie vient **d'abord**, avec ![une carte](media:map.png) "
                           "de chaque site \\[1\\*\\].\n"));
        // Every segment translated, from the source as it is.
        const Progress p = progressOf(align(a.versions[0], *fr));
        QCOMPARE(p.untranslated + p.draft + p.outdated, 1); // the summary was not translated
        QCOMPARE(p.translated, p.total - 1);
    }

    // Prefilled: every unit has a target; the untranslated ones are their source's copy
    // still to translate, and importing the file as it came back leaves them out.
    void prefilledCopiesAreNoTranslations_data() {
        QTest::addColumn<int>("version");
        QTest::newRow("1.2") << int(XliffVersion::V12);
        QTest::newRow("2.0") << int(XliffVersion::V20);
    }
    void prefilledCopiesAreNoTranslations() {
        QFETCH(int, version);
        const Article a = article();
        const auto xliff = exportXliff({a}, QStringLiteral("fr"), XliffVersion(version), true);
        QVERIFY(xliff);
        const QString s = QString::fromUtf8(*xliff);
        const int units = int(
            s.count(QLatin1String(version == int(XliffVersion::V12) ? "<trans-unit " : "<unit ")));
        QVERIFY(units > 5);
        QCOMPARE(int(s.count(QLatin1String("<target"))), units);
        QVERIFY2(s.contains(QLatin1String(version == int(XliffVersion::V12)
                                              ? "<target state=\"needs-translation\">"
                                                "Delegates met in <g id=\"1\" ctype=\"italic\">"
                                              : "<segment state=\"initial\">")),
                 qPrintable(s));
        auto imported = importXliff(*xliff, QStringLiteral("fr.xlf"),
                                    [&](const QUuid& id) { return lookup(a, id); });
        QVERIFY2(imported, qPrintable(imported->notes.join(u'\n')));
        QCOMPARE(imported->applied, 0);
        QCOMPARE(imported->outdated, 0);
        // A copy marked translated is a translation (a name that stays as it is).
        QString kept = s;
        kept.replace(QLatin1String(version == int(XliffVersion::V12)
                                       ? "<target state=\"needs-translation\">Next steps"
                                       : "<segment state=\"initial\">\n    <source>Next steps"),
                     QLatin1String(version == int(XliffVersion::V12)
                                       ? "<target state=\"translated\">Next steps"
                                       : "<segment state=\"translated\">\n    <source>Next steps"));
        QVERIFY(kept != s);
        imported = importXliff(kept.toUtf8(), QStringLiteral("fr.xlf"),
                               [&](const QUuid& id) { return lookup(a, id); });
        QVERIFY(imported);
        QCOMPARE(imported->applied, 1);
    }

    // A file sent back as it was exported changes nothing (no article to save), with
    // or without prefilled targets, whatever the version's states; one real change to a
    // version with text that matches no source segment is refused, naming it, rather
    // than losing that text.
    void untouchedFileChangesNothing_data() {
        QTest::addColumn<int>("version");
        QTest::addColumn<bool>("prefill");
        QTest::addColumn<bool>("recorded");
        QTest::newRow("1.2 drafts") << int(XliffVersion::V12) << false << false;
        QTest::newRow("1.2 prefilled drafts") << int(XliffVersion::V12) << true << false;
        QTest::newRow("2.0 prefilled drafts") << int(XliffVersion::V20) << true << false;
        QTest::newRow("1.2 prefilled translated") << int(XliffVersion::V12) << true << true;
        QTest::newRow("2.0 translated") << int(XliffVersion::V20) << false << true;
    }
    void untouchedFileChangesNothing() {
        QFETCH(int, version);
        QFETCH(bool, prefill);
        QFETCH(bool, recorded);
        Article a = article();
        LanguageVersion fr;
        fr.language = QStringLiteral("fr");
        fr.title = QStringLiteral("Plan adopté");
        fr.body = QStringLiteral("Les délégués ont adopté le plan.\n\n## Étapes suivantes\n\n"
                                 "Un paragraphe sans source.\n");
        if (recorded) {
            // Translated as the source was; then the source's heading is deleted, and
            // the paragraph "translated" from it has no source any more.
            a.versions[0].body.replace(QStringLiteral("## Next steps"),
                                       QStringLiteral("Next steps, a paragraph."));
            fr.body.replace(QStringLiteral("## Étapes suivantes"), QStringLiteral("Étapes."));
            recordTranslation(a.versions[0], &fr, SegmentState::Translated);
            // (recorded from the third source block on: it stands for it)
            a.versions[0].body.replace(QStringLiteral("Next steps, a paragraph.\n\n"), QString());
        } else {
            // More segments than the source has: the last ones match none.
            for (int i = 0; i < 6; ++i)
                fr.body += QStringLiteral("\nUn paragraphe sans source %1.\n").arg(i);
        }
        a.versions.append(fr);
        QVERIFY(!align(a.versions[0], fr).orphans.isEmpty());
        const auto xliff = exportXliff({a}, QStringLiteral("fr"), XliffVersion(version), prefill);
        QVERIFY(xliff);
        auto imported = importXliff(*xliff, QStringLiteral("fr.xlf"),
                                    [&](const QUuid& id) { return lookup(a, id); });
        QVERIFY2(imported, qPrintable(imported.error()));
        QCOMPARE(imported->applied, 0);
        QVERIFY(imported->articles.isEmpty());

        QString changed = QString::fromUtf8(*xliff);
        QVERIFY(changed.contains(QStringLiteral(">Plan adopté<")));
        changed.replace(QStringLiteral(">Plan adopté<"), QStringLiteral(">Le plan est adopté<"));
        if (version == int(XliffVersion::V12))
            changed.replace(QLatin1String("state=\"needs-translation\">Le plan"),
                            QLatin1String("state=\"translated\">Le plan"));
        imported = importXliff(changed.toUtf8(), QStringLiteral("fr.xlf"),
                               [&](const QUuid& id) { return lookup(a, id); });
        QVERIFY(!imported);
        QCOMPARE(imported.kind(), ErrorKind::Conflict);
        QVERIFY2(imported.error().contains(QLatin1String("article 'wetlands', version 'fr'")) &&
                     imported.error().contains(QLatin1String("match no source segment")),
                 qPrintable(imported.error()));
    }

    void roundTrip20() {
        const Article a = article();
        const auto xliff = exportXliff({a}, QStringLiteral("ar"), XliffVersion::V20);
        QVERIFY(xliff);
        QString s = QString::fromUtf8(*xliff);
        const QRegularExpression segment(
            QStringLiteral("(<unit id=\"u3\" name=\"s1\">.*?<segment)(>\\s*<source>.*?</source>)"),
            QRegularExpression::DotMatchesEverythingOption);
        QVERIFY(segment.match(s).hasMatch());
        s.replace(segment,
                  QStringLiteral("\\1 state=\"reviewed\"\\2<target>اعتمد المندوبون <pc "
                                 "id=\"2\">الخطة</pc> في <pc id=\"1\">جنيف</pc>.</target>"));
        const auto imported = importXliff(s.toUtf8(), QStringLiteral("ar.xlf"),
                                          [&](const QUuid& id) { return lookup(a, id); });
        QVERIFY2(imported, qPrintable(imported.error()));
        QCOMPARE(imported->applied, 1);
        const LanguageVersion* ar = imported->articles[0].version(QStringLiteral("ar"));
        QVERIFY(ar);
        QVERIFY2(ar->body.startsWith(QStringLiteral(
                     "اعتمد المندوبون [الخطة](https://example.org/plan \"Plan\") في *جنيف*.\n\n")),
                 qPrintable(ar->body));
        const Alignment al = align(a.versions[0], *ar);
        QCOMPARE(stateName(al.rows[2].state), QStringLiteral("reviewed"));
    }

    // A unit whose source text changed after the export is left out, never applied.
    void changedSourceIsLeftOut() {
        Article a = article();
        const auto xliff = exportXliff({a}, QStringLiteral("fr"), XliffVersion::V12);
        QVERIFY(xliff);
        const QByteArray filled =
            fillTargets12(*xliff, {{QStringLiteral("s2"), QStringLiteral("Étapes suivantes")},
                                   {QStringLiteral("title"), QStringLiteral("Plan adopté")}});
        a.versions[0].body.replace(QStringLiteral("## Next steps"),
                                   QStringLiteral("## What comes next"));
        const auto imported = importXliff(filled, QStringLiteral("fr.xlf"),
                                          [&](const QUuid& id) { return lookup(a, id); });
        QVERIFY2(imported, qPrintable(imported.error()));
        QCOMPARE(imported->applied, 1);
        QCOMPARE(imported->outdated, 1);
        QVERIFY(imported->notes.at(0).contains(QStringLiteral("(s2)")));
        const LanguageVersion* fr = imported->articles[0].version(QStringLiteral("fr"));
        QVERIFY(!fr->body.contains(QStringLiteral("Étapes")));
    }

    void hostileFilesAreRefused_data() {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("message");
        const QByteArray head = "<?xml version=\"1.0\"?>";
        QTest::newRow("doctype")
            << head + "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                      "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"/>"
            << QStringLiteral("a DOCTYPE is not allowed");
        QTest::newRow("external entity")
            << head + "<!DOCTYPE x SYSTEM \"file:///etc/passwd\"><xliff/>"
            << QStringLiteral("a DOCTYPE is not allowed");
        QTest::newRow("malformed")
            << head +
                   "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"><file>"
            << QStringLiteral("fr.xlf, line 1:");
        QTest::newRow("not xliff") << head + "<html/>" << QStringLiteral("not an XLIFF document");
        QTest::newRow("other article")
            << head + "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\">"
                      "<file original=\"copydesk:article/11111111-2222-3333-4444-555555555555\" "
                      "source-language=\"en\" target-language=\"fr\" datatype=\"x-markdown\">"
                      "<body/></file></xliff>"
            << QStringLiteral("no such article");
        QTest::newRow("wrong source language")
            << head + "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\">"
                      "<file original=\"copydesk:article/0f8b6c52-6c1e-4d38-9a55-0d2a3f1c7b11\" "
                      "source-language=\"de\" target-language=\"fr\" datatype=\"x-markdown\">"
                      "<body/></file></xliff>"
            << QStringLiteral("not from 'de'");
        QTest::newRow("unknown code")
            << head +
                   "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\">"
                   "<file original=\"copydesk:article/0f8b6c52-6c1e-4d38-9a55-0d2a3f1c7b11\" "
                   "source-language=\"en\" target-language=\"fr\" datatype=\"x-markdown\"><body>"
                   "<trans-unit id=\"u5\" resname=\"s2\" extradata=\"" +
                   fingerprint(QStringLiteral("Next steps")).toLatin1() +
                   "\"><source>Next steps</source><target>Étapes <x id=\"9\"/></target>"
                   "</trans-unit></body></file></xliff>"
            << QStringLiteral("inline code 9 is not in the source segment");
    }
    void hostileFilesAreRefused() {
        QFETCH(QByteArray, data);
        QFETCH(QString, message);
        const Article a = article();
        const auto imported = importXliff(data, QStringLiteral("fr.xlf"),
                                          [&](const QUuid& id) { return lookup(a, id); });
        QVERIFY(!imported);
        QVERIFY2(imported.error().contains(message), qPrintable(imported.error()));
    }
};

QTEST_GUILESS_MAIN(TestXliff)
#include "tst_xliff.moc"
