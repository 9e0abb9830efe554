// Segments, alignment and staleness: a translation is aligned to its source paragraph
// by paragraph by the fingerprints of the source text each translated paragraph was
// made from, so that a changed source paragraph makes exactly its translation
// outdated, and inserted or removed paragraphs shift nothing.
#include "translation/segments.h"

#include <QTest>

using namespace copydesk;
using namespace copydesk::translation;

namespace {

LanguageVersion version(const QString& language, const QString& title, const QString& body) {
    LanguageVersion v;
    v.language = language;
    v.title = title;
    v.body = body;
    return v;
}

const QString kSource = QStringLiteral("Delegates from 120 countries met in Geneva.\n\n"
                                       "## The agreement\n\n"
                                       "The plan covers **three** regions:\n\n"
                                       "- coastal wetlands\n"
                                       "- river deltas\n\n"
                                       "| Region | Sites |\n| --- | --- |\n| Coast | 40 |\n\n"
                                       "![A heron in the marsh](media:heron.jpg)\n\n"
                                       "```\ncode is not translated\n```\n");

const QString kFrench = QStringLiteral("Des délégués de 120 pays se sont réunis à Genève.\n\n"
                                       "## L'accord\n\n"
                                       "Le plan couvre **trois** régions :\n\n"
                                       "- les zones humides côtières\n"
                                       "- les deltas\n\n"
                                       "| Région | Sites |\n| --- | --- |\n| Côte | 40 |\n\n"
                                       "![Un héron dans le marais](media:heron.jpg)\n\n"
                                       "```\ncode is not translated\n```\n");

QStringList states(const Alignment& a) {
    QStringList out;
    for (const AlignedRow& row : a.rows)
        out << stateName(row.state);
    return out;
}

} // namespace

class TestSegments final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void segmentsAreTheLeafBlocksAndAltTexts() {
        const QList<Segment> s =
            segmentsOf(version(QStringLiteral("en"), QStringLiteral("Wetlands"), kSource));
        QStringList texts;
        for (const Segment& seg : s)
            texts << seg.text;
        QCOMPARE(
            texts,
            (QStringList{QStringLiteral("Wetlands"),
                         QStringLiteral("Delegates from 120 countries met in Geneva."),
                         QStringLiteral("The agreement"),
                         QStringLiteral("The plan covers **three** regions:"),
                         QStringLiteral("coastal wetlands"), QStringLiteral("river deltas"),
                         QStringLiteral("Region"), QStringLiteral("Sites"), QStringLiteral("Coast"),
                         QStringLiteral("40"), QStringLiteral("A heron in the marsh")}));
        QCOMPARE(s[0].kind, SegmentKind::Title);
        QCOMPARE(s.back().kind, SegmentKind::AltText);
        QCOMPARE(s[1].line, 1);
        QCOMPARE(s[2].line, 3);
        // Re-wrapping a paragraph keeps its fingerprint; a changed word does not.
        QCOMPARE(fingerprint(QStringLiteral("a  b\nc ")), fingerprint(QStringLiteral("a b c")));
        QVERIFY(fingerprint(QStringLiteral("a b c")) != fingerprint(QStringLiteral("a b d")));
    }

    // A target never recorded is aligned by position: every segment is a draft.
    void withoutRecordEverythingIsDraft() {
        const LanguageVersion en =
            version(QStringLiteral("en"), QStringLiteral("Wetlands"), kSource);
        const LanguageVersion fr =
            version(QStringLiteral("fr"), QStringLiteral("Zones humides"), kFrench);
        const Alignment a = align(en, fr);
        QCOMPARE(a.rows.size(), 11);
        QVERIFY(a.orphans.isEmpty());
        QCOMPARE(states(a), QStringList(11, QStringLiteral("draft")));
        QCOMPARE(a.rows[1].target->text,
                 QStringLiteral("Des délégués de 120 pays se sont réunis à Genève."));
        const Progress p = progressOf(a);
        QCOMPARE(p.draft, 11);
        QCOMPARE(p.percentDone(), 0);
    }

    void changedSourceParagraphMakesOnlyItsTranslationOutdated() {
        LanguageVersion en = version(QStringLiteral("en"), QStringLiteral("Wetlands"), kSource);
        LanguageVersion fr =
            version(QStringLiteral("fr"), QStringLiteral("Zones humides"), kFrench);
        recordTranslation(en, &fr, SegmentState::Translated);
        QCOMPARE(fr.translatedFrom, QStringLiteral("en"));
        QCOMPARE(fr.sourceFingerprints.size(), 11);
        QCOMPARE(progressOf(align(en, fr)).percentDone(), 100);

        // The source's third paragraph changes; a new paragraph is inserted at the top;
        // the second list item is removed.
        en.body.replace(QStringLiteral("**three** regions"), QStringLiteral("**four** regions"));
        en.body.prepend(QStringLiteral("Geneva, 3 March.\n\n"));
        en.body.replace(QStringLiteral("- river deltas\n"), QString());
        const Alignment a = align(en, fr);
        QCOMPARE(states(a), (QStringList{QStringLiteral("translated"),   // title
                                         QStringLiteral("untranslated"), // inserted
                                         QStringLiteral("translated"), QStringLiteral("translated"),
                                         QStringLiteral("outdated"), QStringLiteral("translated"),
                                         QStringLiteral("translated"), QStringLiteral("translated"),
                                         QStringLiteral("translated"), QStringLiteral("translated"),
                                         QStringLiteral("translated")}));
        QCOMPARE(a.rows[4].target->text, QStringLiteral("Le plan couvre **trois** régions :"));
        QCOMPARE(a.rows[4].madeFrom,
                 fingerprint(QStringLiteral("The plan covers **three** regions:")));
        QCOMPARE(a.orphans.size(), 1);
        QCOMPARE(a.orphans[0].text, QStringLiteral("les deltas"));
        const Progress p = progressOf(a);
        QCOMPARE(p.total, 11);
        QCOMPARE(p.translated, 9);
        QCOMPARE(p.outdated, 1);
        QCOMPARE(p.untranslated, 1);
        QCOMPARE(p.percentDone(), 81);

        // The translator updates the outdated paragraph and marks it reviewed.
        LanguageVersion updated = fr;
        updated.body.replace(QStringLiteral("**trois** régions"),
                             QStringLiteral("**quatre** régions"));
        QCOMPARE(stateName(align(en, updated).rows[4].state), QStringLiteral("outdated"));
        recordTranslation(en, &updated, SegmentState::Reviewed, {4});
        const Alignment after = align(en, updated);
        QCOMPARE(stateName(after.rows[4].state), QStringLiteral("reviewed"));
        QCOMPARE(stateName(after.rows[2].state), QStringLiteral("translated"));
    }

    // Editing the target in the normal editor keeps the record of the paragraphs not
    // touched; the edited one reads as a draft until it is confirmed.
    void editingTheTargetKeepsTheRecord() {
        const LanguageVersion en =
            version(QStringLiteral("en"), QStringLiteral("Wetlands"), kSource);
        LanguageVersion fr =
            version(QStringLiteral("fr"), QStringLiteral("Zones humides"), kFrench);
        recordTranslation(en, &fr, SegmentState::Reviewed);
        fr.body.replace(QStringLiteral("se sont réunis à Genève"),
                        QStringLiteral("se sont retrouvés à Genève"));
        fr.body.append(QStringLiteral("\nUn paragraphe ajouté par le traducteur.\n"));
        const Alignment a = align(en, fr);
        QCOMPARE(stateName(a.rows[1].state), QStringLiteral("draft"));
        QCOMPARE(stateName(a.rows[2].state), QStringLiteral("reviewed"));
        QCOMPARE(a.orphans.size(), 1);
        QCOMPARE(a.orphans[0].text, QStringLiteral("Un paragraphe ajouté par le traducteur."));
        QCOMPARE(progressOf(a).reviewed, 10);
    }

    // What applyTranslations() fills in from the source is a placeholder: untranslated,
    // with no target, until it is edited (then a draft). A segment with no record entry
    // of the current form (one typed in since, a record of an older form) is a draft
    // with its text, never hidden as untranslated.
    void placeholdersAndSegmentsWithoutRecord() {
        const LanguageVersion en =
            version(QStringLiteral("en"), QStringLiteral("Wetlands"),
                    QStringLiteral("One.\n\nTwo two.\n\nThree three three.\n"));
        LanguageVersion fr = version(QStringLiteral("fr"), QString(), QString());
        fr = applyTranslations(
            en, fr, {{1, RowTranslation{QStringLiteral("Un."), SegmentState::Translated}}});
        QCOMPARE(fr.body, QStringLiteral("Un.\n\nTwo two.\n\nThree three three.\n"));
        Alignment a = align(en, fr);
        QCOMPARE(a.rows.size(), 4);
        QCOMPARE(a.rows[1].state, SegmentState::Translated);
        QCOMPARE(a.rows[2].state, SegmentState::Untranslated);
        QVERIFY(!a.rows[2].target);
        QCOMPARE(a.rows[3].state, SegmentState::Untranslated);
        QVERIFY(a.orphans.isEmpty());
        // The placeholder translated in place, in the editor: a draft.
        fr.body.replace(QStringLiteral("Two two."), QStringLiteral("Deux deux."));
        a = align(en, fr);
        QCOMPARE(a.rows[2].state, SegmentState::Draft);
        QCOMPARE(a.rows[2].target->text, QStringLiteral("Deux deux."));
        QCOMPARE(a.rows[3].state, SegmentState::Untranslated);
        // A record of an older form: every segment a draft with its text.
        fr.sourceFingerprints = {QStringLiteral("p1:7c2e"), QStringLiteral("p2:91ab"),
                                 QStringLiteral("p3:04fd")};
        a = align(en, fr);
        for (qsizetype i = 1; i < a.rows.size(); ++i) {
            QCOMPARE(a.rows[i].state, SegmentState::Draft);
            QVERIFY(a.rows[i].target);
        }
    }

    // Arabic, Chinese and Russian targets of one source, each recorded, then one source
    // sentence edited: each language has exactly one outdated segment.
    void sixLanguages() {
        LanguageVersion en = version(QStringLiteral("en"), QStringLiteral("Port reopens"),
                                     QStringLiteral("Ships returned on Monday.\n\nThe port had "
                                                    "been closed for 12 days.\n"));
        const QList<LanguageVersion> targets{
            version(QStringLiteral("ar"), QStringLiteral("إعادة فتح الميناء"),
                    QStringLiteral("عادت السفن يوم الاثنين.\n\nكان الميناء مغلقًا لمدة ١٢ يومًا.\n")),
            version(QStringLiteral("zh-Hans"), QStringLiteral("港口重新开放"),
                    QStringLiteral("船只于周一返回。\n\n港口已关闭12天。\n")),
            version(QStringLiteral("ru"), QStringLiteral("Порт вновь открыт"),
                    QStringLiteral("Суда вернулись в понедельник.\n\nПорт был закрыт 12 дней.\n")),
            version(QStringLiteral("es"), QStringLiteral("Reabre el puerto"),
                    QStringLiteral("Los barcos volvieron el lunes.\n\nEl puerto estuvo cerrado "
                                   "12 días.\n")),
            version(QStringLiteral("fr"), QStringLiteral("Le port rouvre"),
                    QStringLiteral("Les navires sont revenus lundi.\n\nLe port était fermé "
                                   "depuis 12 jours.\n"))};
        QList<LanguageVersion> recorded;
        for (LanguageVersion t : targets) {
            recordTranslation(en, &t, SegmentState::Translated);
            recorded << t;
        }
        en.body.replace(QStringLiteral("12 days"), QStringLiteral("14 days"));
        for (const LanguageVersion& t : std::as_const(recorded)) {
            const Progress p = progressOf(align(en, t));
            QCOMPARE(p.outdated, 1);
            QCOMPARE(p.translated, 2);
            QCOMPARE(p.percentDone(), 66);
        }
    }

    // A segment's text replaced where it is: a heading keeps its marker, a quoted
    // paragraph its neighbours, a field is set, an alt text is left to its image.
    void withSegmentText() {
        LanguageVersion v;
        v.language = QStringLiteral("en");
        v.title = QStringLiteral("Old title");
        v.body = QStringLiteral("## Port news\n\n> Quoted *once*.\n\nAfter ![a ship](s.png).\n");
        const QList<Segment> segments = segmentsOf(v);
        QCOMPARE(segments.size(), 5);
        QCOMPARE(translation::withSegmentText(v, segments[0], QStringLiteral("New")).title,
                 QStringLiteral("New"));
        QCOMPARE(
            translation::withSegmentText(v, segments[1], QStringLiteral("Harbour news\n\n")).body,
            QStringLiteral("## Harbour news\n\n> Quoted *once*.\n\nAfter ![a ship](s.png).\n"));
        QCOMPARE(
            translation::withSegmentText(v, segments[2], QStringLiteral("Quoted **twice**.")).body,
            QStringLiteral("## Port news\n\n> Quoted **twice**.\n\nAfter ![a ship](s.png).\n"));
        QCOMPARE(segments[4].kind, SegmentKind::AltText);
        QCOMPARE(translation::withSegmentText(v, segments[4], QStringLiteral("a boat")), v);
    }

    void wordDiff_data() {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QStringList>("runs"); // "=text", "-text", "+text"
        QTest::newRow("word") << QStringLiteral("The plan covers three regions.")
                              << QStringLiteral("The plan covers four regions.")
                              << QStringList{QStringLiteral("=The plan covers "),
                                             QStringLiteral("-three"), QStringLiteral("+four"),
                                             QStringLiteral("= regions.")};
        QTest::newRow("chinese") << QStringLiteral("港口已关闭12天。")
                                 << QStringLiteral("港口已关闭14天。")
                                 << QStringList{QStringLiteral("=港口已关闭"),
                                                QStringLiteral("-12"), QStringLiteral("+14"),
                                                QStringLiteral("=天。")};
        QTest::newRow("empty before")
            << QString() << QStringLiteral("New.") << QStringList{QStringLiteral("+New.")};
    }
    void wordDiff() {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(QStringList, runs);
        QStringList got;
        QString rebuiltBefore, rebuiltAfter;
        for (const DiffRun& r : translation::wordDiff(before, after)) {
            const QChar mark = r.kind == DiffRun::Equal     ? QLatin1Char('=')
                               : r.kind == DiffRun::Removed ? QLatin1Char('-')
                                                            : QLatin1Char('+');
            got << mark + r.text;
            if (r.kind != DiffRun::Inserted)
                rebuiltBefore += r.text;
            if (r.kind != DiffRun::Removed)
                rebuiltAfter += r.text;
        }
        QCOMPARE(got, runs);
        QCOMPARE(rebuiltBefore, before);
        QCOMPARE(rebuiltAfter, after);
    }
};

QTEST_GUILESS_MAIN(TestSegments)
#include "tst_segments.moc"
