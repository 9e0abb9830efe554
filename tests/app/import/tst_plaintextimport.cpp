// A web page pasted as text (tests/data/import/webpaste, written for these tests in
// the desk's six languages): site chrome before the headline is left out, the headline
// is the title, the date line the dateline date, the byline line the byline, each
// decision is in the notices; a plain e-mail keeps its first line as the title.
#include "checks/checkcontext.h"
#include "checks/importcleanup.h"
#include "import/plaintextimport.h"
#include "import/textformats.h"
#include "import/webpaste_p.h"
#include "interchange/formats.h"
#include "interchange/interchange.h"
#include "library/library.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace copydesk;

namespace {

QString paste(const QString& name) {
    QFile file(QStringLiteral(COPYDESK_TEST_SOURCE_DIR "/tests/data/import/webpaste/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

PlainTextOptions withChromeList() {
    PlainTextOptions options;
    options.chrome = checks::CheckContext::defaultBoilerplate();
    return options;
}

} // namespace

class TestPlainTextImport final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void webPage_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QString>("byline");
        QTest::addColumn<QString>("firstParagraph");
        QTest::newRow("en") << QStringLiteral("en-port.txt")
                            << QStringLiteral("Floods close the port for a second day")
                            << QDate(2021, 10, 15) << QStringLiteral("Jane Doe")
                            << QStringLiteral("The port of Harbourtown stayed closed on Friday");
        QTest::newRow("en, dots, cookies, 2021.10.15")
            << QStringLiteral("en-council.txt")
            << QStringLiteral("Council approves new harbour budget") << QDate(2021, 10, 15)
            << QStringLiteral("John Smith") << QStringLiteral("The city council approved");
        QTest::newRow("en, weekday and time")
            << QStringLiteral("en-weekday.txt")
            << QStringLiteral("Ferry operator adds a night crossing") << QDate(2021, 10, 15)
            << QString() << QStringLiteral("The ferry operator");
        QTest::newRow("fr") << QStringLiteral("fr-port.txt")
                            << QStringLiteral("Le port rouvre après trois jours de fermeture")
                            << QDate(2021, 10, 15) << QStringLiteral("Marie Dupont")
                            << QStringLiteral("Le port a rouvert vendredi");
        QTest::newRow("fr, label and weekday")
            << QStringLiteral("fr-weekday.txt")
            << QStringLiteral("Les quais seront rénovés en 2022") << QDate(2021, 10, 15)
            << QString() << QStringLiteral("La mairie a voté");
        QTest::newRow("es") << QStringLiteral("es-port.txt")
                            << QStringLiteral("Las lluvias cierran el puerto por segundo día")
                            << QDate(2021, 10, 15) << QStringLiteral("María López")
                            << QStringLiteral("El puerto permaneció cerrado");
        QTest::newRow("es, 15.10.2021")
            << QStringLiteral("es-numeric.txt")
            << QStringLiteral("El ayuntamiento aprueba el presupuesto del puerto")
            << QDate(2021, 10, 15) << QString() << QStringLiteral("El ayuntamiento aprobó");
        QTest::newRow("ar") << QStringLiteral("ar-port.txt")
                            << QStringLiteral("إغلاق الميناء لليوم الثاني بسبب الفيضانات")
                            << QDate(2021, 10, 15) << QStringLiteral("أحمد علي")
                            << QStringLiteral("ظل ميناء المدينة مغلقا");
        QTest::newRow("zh") << QStringLiteral("zh-port.txt")
                            << QStringLiteral("洪水导致港口连续第二天关闭") << QDate(2021, 10, 15)
                            << QStringLiteral("王小明") << QStringLiteral("周五，随着洪水");
        QTest::newRow("zh, ISO date and time")
            << QStringLiteral("zh-iso.txt") << QStringLiteral("港口明年将建新的渡轮码头")
            << QDate(2021, 10, 15) << QString() << QStringLiteral("市议会周四批准");
        QTest::newRow("ru") << QStringLiteral("ru-port.txt")
                            << QStringLiteral("Наводнение закрыло порт второй день подряд")
                            << QDate(2021, 10, 15) << QStringLiteral("Иван Петров")
                            << QStringLiteral("Порт оставался закрытым");
        QTest::newRow("e-mail, no web page")
            << QStringLiteral("en-email.txt") << QStringLiteral("Meeting moved") << QDate()
            << QString() << QStringLiteral("Hello all,");
    }
    void webPage() {
        QFETCH(QString, file);
        QFETCH(QString, title);
        QFETCH(QDate, date);
        QFETCH(QString, byline);
        QFETCH(QString, firstParagraph);
        const QString text = paste(file);
        QVERIFY2(!text.isEmpty(), qPrintable(file));
        const ConvertedDocument doc = plainTextToMarkdown(text, withChromeList());
        QCOMPARE(doc.title, title);
        QCOMPARE(doc.date, date);
        QCOMPARE(doc.byline, byline);
        QVERIFY2(doc.body.startsWith(firstParagraph), qPrintable(doc.body));
    }

    void report() {
        const ConvertedDocument doc =
            plainTextToMarkdown(paste(QStringLiteral("en-port.txt")), withChromeList());
        QCOMPARE(doc.notices,
                 (QStringList{
                     QStringLiteral("line 1 \"The site is currently under maintenance\" left out: "
                                    "web or e-mail chrome of the library's list"),
                     QStringLiteral("line 2 \"Skip to content\" left out: web or e-mail chrome of "
                                    "the library's list"),
                     QStringLiteral("line 3 \"Home > News > Press releases\" left out: a "
                                    "breadcrumb trail"),
                     QStringLiteral("line 4 is the title: \"Floods close the port for a second "
                                    "day\""),
                     QStringLiteral("line 5 \"15 October 2021\" is the dateline date (2021-10-15)"),
                     QStringLiteral("line 6 \"By Jane Doe\" is the byline (Jane Doe)"),
                     QStringLiteral("line 14: the last paragraph is the start of the first one "
                                    "again, cut off (the safe fixes remove it)")}));
        // The body keeps what the checks' safe fixes deal with: "Share this" and the
        // repeated tail.
        QCOMPARE(doc.body,
                 QStringLiteral("The port of Harbourtown stayed closed on Friday as flood water "
                                "rose along the quays, the harbour authority said in a "
                                "statement.\n\nShips were asked to wait outside the breakwater "
                                "until the water level falls below the warning mark.\n\nShare "
                                "this\n\nThe port of Harbourtown stayed closed on Friday as flood "
                                "water rose al\n"));
    }

    // Every decision can be undone: the text as pasted, nothing left out, is a
    // revision of the import before the article as it was read.
    void asPastedIsARevision() {
        const QString path =
            QStringLiteral(COPYDESK_TEST_SOURCE_DIR "/tests/data/import/webpaste/en-port.txt");
        const ConvertedDocument doc =
            plainTextToMarkdown(paste(QStringLiteral("en-port.txt")), withChromeList());
        QVERIFY2(doc.asPasted.startsWith(QStringLiteral(
                     "The site is currently under maintenance\n\nSkip to content\n\n")),
                 qPrintable(doc.asPasted));
        for (const QString& line :
             {QStringLiteral("Floods close the port for a second day\n\n15 October 2021\n\nBy "
                             "Jane Doe\n\n"),
              doc.body})
            QVERIFY2(doc.asPasted.contains(line), qPrintable(line));
        QVERIFY(plainTextToMarkdown(paste(QStringLiteral("en-email.txt")), withChromeList())
                    .asPasted.isEmpty());

        QTemporaryDir dir;
        auto library = Library::open(dir.filePath(QStringLiteral("l.copydesk")));
        QVERIFY(library);
        ImportOptions options;
        options.language = QStringLiteral("en");
        const auto ids = importIntoLibrary(
            **library, standardFormats(checks::CheckContext::defaultBoilerplate()), {path},
            options);
        QVERIFY2(ids, qPrintable(ids.error()));
        const Article imported = (*library)->article(ids->front()).value();
        QCOMPARE(imported.versions.front().body, doc.body);
        QCOMPARE(imported.byline, QStringLiteral("Jane Doe"));
        const auto history = (*library)->revisions(imported.id).value();
        QCOMPARE(history.size(), 2);
        const RevisionInfo& first =
            history.front().id < history.back().id ? history.front() : history.back();
        QCOMPARE(first.kind, RevisionKind::Import);
        QVERIFY2(first.note.startsWith(QStringLiteral("as pasted")), qPrintable(first.note));
        QVERIFY((*library)->restore(first.id));
        const Article undone = (*library)->article(imported.id).value();
        QCOMPARE(undone.versions.front().body, doc.asPasted);
        QCOMPARE(undone.versions.front().title, doc.title);
        QVERIFY(undone.byline.isEmpty());
        QVERIFY(!undone.dateline.date.isValid());
    }

    // A text that names no language is read in the language its script tells when the
    // desk's fallback is written in another script; Latin text keeps the fallback.
    void languageByScript_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("fallback");
        QTest::addColumn<QString>("language");
        QTest::newRow("ar on en") << QStringLiteral("ar-port.txt") << QStringLiteral("en")
                                  << QStringLiteral("ar");
        QTest::newRow("zh on en") << QStringLiteral("zh-port.txt") << QStringLiteral("en")
                                  << QStringLiteral("zh-Hans");
        QTest::newRow("ru on fr") << QStringLiteral("ru-port.txt") << QStringLiteral("fr")
                                  << QStringLiteral("ru");
        QTest::newRow("fr on en") << QStringLiteral("fr-port.txt") << QStringLiteral("en")
                                  << QStringLiteral("en");
        // Persian and Urdu are written in Arabic script too: the fallback stands.
        QTest::newRow("ar on fa") << QStringLiteral("ar-port.txt") << QStringLiteral("fa")
                                  << QStringLiteral("fa");
    }
    // The same on texts of a few lines: brand names in Latin letters in a Chinese story,
    // the letters that tell Ukrainian, Persian and Urdu from Russian and Arabic, Han text
    // on a Japanese desk.
    void languageByScriptOfText_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("fallback");
        QTest::addColumn<QString>("language");
        QTest::newRow("zh with brands")
            << QStringLiteral("微软发布 Windows 12\n\nMicrosoft Corporation 今天发布了 Windows 12 "
                              "操作系统，支持 Surface Pro、Xbox Series X 和 HoloLens 设备。\n")
            << QStringLiteral("en") << QStringLiteral("zh-Hans");
        QTest::newRow("uk") << QStringLiteral("Порт знову відкрито\n\nПорт відкрився в п'ятницю "
                                              "вранці, повідомили в адміністрації.\n")
                            << QStringLiteral("en") << QStringLiteral("uk");
        QTest::newRow("fa") << QStringLiteral("بندر دوباره باز شد\n\nبندر صبح جمعه پس از "
                                              "طوفان دوباره گشایش یافت.\n")
                            << QStringLiteral("en") << QStringLiteral("fa");
        QTest::newRow("ur") << QStringLiteral("بندرگاہ دوبارہ کھل گئی\n\nبندرگاہ جمعہ کی صبح "
                                              "طوفان کے بعد دوبارہ کھل گئی۔\n")
                            << QStringLiteral("en") << QStringLiteral("ur");
        QTest::newRow("han on ja") << QStringLiteral("港口再開\n\n港口昨日再開。\n")
                                   << QStringLiteral("ja") << QStringLiteral("ja");
        QTest::newRow("en with a Chinese name")
            << QStringLiteral("Port reopens\n\nThe mayor, 王小明, said the port of Harbourtown "
                              "reopened on Friday morning after the storm.\n")
            << QStringLiteral("en") << QStringLiteral("en");
    }
    void languageByScriptOfText() {
        QFETCH(QString, text);
        QFETCH(QString, fallback);
        QFETCH(QString, language);
        const auto imported =
            PlainTextFormat().read(text.toUtf8(), QStringLiteral("paste.txt"), fallback);
        QVERIFY2(imported, qPrintable(imported.error()));
        QCOMPARE(imported->article.versions.front().language, language);
    }
    void languageByScript() {
        QFETCH(QString, file);
        QFETCH(QString, fallback);
        QFETCH(QString, language);
        const QString path =
            QStringLiteral(COPYDESK_TEST_SOURCE_DIR "/tests/data/import/webpaste/") + file;
        const auto imported = PlainTextFormat().read(paste(file).toUtf8(), path, fallback);
        QVERIFY2(imported, qPrintable(imported.error()));
        QCOMPARE(imported->article.versions.front().language, language);
        const bool noted = imported->notices.join(QLatin1Char('\n'))
                               .contains(QStringLiteral("read as %1 by its script").arg(language));
        QCOMPARE(noted, language != fallback);
    }

    void safeFixesRemoveTheRest() {
        // What the import left for the checks: "Share this" and the first paragraph
        // again at the end, cut off. The safe fixes remove both; the Import revision
        // keeps them.
        const QString path =
            QStringLiteral(COPYDESK_TEST_SOURCE_DIR "/tests/data/import/webpaste/ru-port.txt");
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto imported = PlainTextFormat(checks::CheckContext::defaultBoilerplate())
                                  .read(file.readAll(), path, QStringLiteral("ru"));
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        QCOMPARE(imported->article.dateline.date, QDate(2021, 10, 15));
        QCOMPARE(imported->article.byline, QStringLiteral("Иван Петров"));
        const checks::ImportCleanup cleanup = checks::cleanImportedArticle(
            imported->article, checks::CheckContext{}, checks::FixRequest::safeOnly());
        QCOMPARE(cleanup.cleaned.versions.front().body,
                 QStringLiteral("Порт оставался закрытым в пятницу, поскольку вода поднималась "
                                "вдоль причалов, сообщили в администрации порта.\n\nСуда "
                                "попросили ждать за волноломом, пока уровень воды не "
                                "опустится."));
    }

    void shortLinesNeedAWebPage() {
        // A short first line and a line that could be a headline, but nothing else of
        // a web page (no date line, byline or chrome): the first line is the title.
        const ConvertedDocument doc =
            plainTextToMarkdown(QStringLiteral("T\n\na <b>tag</b> and more words\n"), {});
        QCOMPARE(doc.title, QStringLiteral("T"));
        QCOMPARE(doc.body, QStringLiteral("a \\<b>tag\\</b> and more words\n"));
        QCOMPARE(doc.notices, QStringList());
    }

    void shortLinesNeedAHeadline() {
        // Without a headline, nothing is taken for chrome but what the list names.
        const ConvertedDocument doc =
            plainTextToMarkdown(QStringLiteral("Hi\nOk\nThe meeting is at ten.\n"), {});
        QCOMPARE(doc.title, QStringLiteral("Hi"));
        QCOMPARE(doc.body, QStringLiteral("Ok The meeting is at ten.\n"));
        QCOMPARE(doc.notices, QStringList());
    }

    void dateLines_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QDate>("date");
        const QDate d(2021, 10, 15);
        QTest::newRow("2021.10.15") << QStringLiteral("2021.10.15") << d;
        QTest::newRow("15/10/2021") << QStringLiteral("15/10/2021") << d;
        QTest::newRow("15 October 2021") << QStringLiteral("15 October 2021") << d;
        QTest::newRow("October 15, 2021") << QStringLiteral("October 15, 2021") << d;
        QTest::newRow("zh") << QStringLiteral("2021年10月15日") << d;
        QTest::newRow("ru") << QStringLiteral("15 октября 2021 г.") << d;
        QTest::newRow("ar, Arabic digits") << QStringLiteral("١٥ أكتوبر ٢٠٢١") << d;
        QTest::newRow("ar, Latin digits") << QStringLiteral("15 أكتوبر 2021") << d;
        QTest::newRow("es") << QStringLiteral("15 de octubre de 2021") << d;
        QTest::newRow("fr") << QStringLiteral("15 octobre 2021") << d;
        // Labels without a colon, a month with a full stop, a time with AM and a zone.
        QTest::newRow("Published …") << QStringLiteral("Published 15 October 2021") << d;
        QTest::newRow("Publié le …") << QStringLiteral("Publié le 15/10/2021") << d;
        QTest::newRow("Опубликовано …") << QStringLiteral("Опубликовано 15.10.2021") << d;
        QTest::newRow("Updated: Oct. 15, 2021 10:42 AM ET")
            << QStringLiteral("Updated: Oct. 15, 2021 10:42 AM ET") << d;
        QTest::newRow("sentence") << QStringLiteral("On 15 October 2021 the port closed")
                                  << QDate();
        QTest::newRow("number") << QStringLiteral("2021") << QDate();
        QTest::newRow("31/02/2021") << QStringLiteral("31/02/2021") << QDate();
    }
    void dateLines() {
        QFETCH(QString, line);
        QFETCH(QDate, date);
        QCOMPARE(web_paste::dateOfLine(line), date);
    }

    void bylines_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("name");
        QTest::newRow("By") << QStringLiteral("By Jane Doe") << QStringLiteral("Jane Doe");
        QTest::newRow("Par") << QStringLiteral("Par Jean Dupont") << QStringLiteral("Jean Dupont");
        QTest::newRow("Por") << QStringLiteral("Por María López") << QStringLiteral("María López");
        QTest::newRow("Автор") << QStringLiteral("Автор: Иван Петров")
                               << QStringLiteral("Иван Петров");
        QTest::newRow("بقلم") << QStringLiteral("بقلم أحمد علي") << QStringLiteral("أحمد علي");
        QTest::newRow("作者") << QStringLiteral("作者：王小明") << QStringLiteral("王小明");
        QTest::newRow("sentence") << QStringLiteral("By the end of the year the port reopens")
                                  << QString();
        QTest::newRow("no prefix") << QStringLiteral("Jane Doe") << QString();
    }
    void bylines() {
        QFETCH(QString, line);
        QFETCH(QString, name);
        QCOMPARE(web_paste::bylineName(line), name);
    }
};

QTEST_GUILESS_MAIN(TestPlainTextImport)
#include "tst_plaintextimport.moc"
