#include "spelling/speller.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace copydesk;

class TestSpeller final : public QObject {
    Q_OBJECT
private:
    SpellerPool m_pool;

private Q_SLOTS:
    void dictionaryFor_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("dictionary");
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("en_US");
        QTest::newRow("en-US") << QStringLiteral("en-US") << QStringLiteral("en_US");
        QTest::newRow("fr") << QStringLiteral("fr") << QStringLiteral("fr_FR");
        QTest::newRow("fr-CA") << QStringLiteral("fr-CA") << QStringLiteral("fr_CA");
        QTest::newRow("es") << QStringLiteral("es") << QStringLiteral("es_ES");
        QTest::newRow("es-MX") << QStringLiteral("es-MX") << QStringLiteral("es_MX");
        // The likely region by CLDR (QLocale): Egypt for Arabic.
        QTest::newRow("ar") << QStringLiteral("ar") << QStringLiteral("ar_EG");
        QTest::newRow("ar-SY") << QStringLiteral("ar-SY") << QStringLiteral("ar_SY");
        QTest::newRow("zh-Hant-TW") << QStringLiteral("zh-Hant-TW") << QString();
        QTest::newRow("ru") << QStringLiteral("ru") << QStringLiteral("ru_RU");
        QTest::newRow("zh-Hans") << QStringLiteral("zh-Hans") << QString();
    }
    void dictionaryFor() {
        QFETCH(QString, language);
        QFETCH(QString, dictionary);
        const QString base = m_pool.dictionaryFor(language);
        QCOMPARE(base.isEmpty() ? QString() : QFileInfo(base).fileName(), dictionary);
    }

    void words_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("word");
        QTest::addColumn<bool>("correct");
        QTest::newRow("en ok") << QStringLiteral("en") << QStringLiteral("delegates") << true;
        QTest::newRow("en glued") << QStringLiteral("en") << QStringLiteral("openedThe") << false;
        QTest::newRow("en typo") << QStringLiteral("en") << QStringLiteral("goverment") << false;
        QTest::newRow("en curly apostrophe")
            << QStringLiteral("en") << QStringLiteral("don’t") << true;
        QTest::newRow("fr accents") << QStringLiteral("fr") << QStringLiteral("sécheresse") << true;
        QTest::newRow("fr elision") << QStringLiteral("fr") << QStringLiteral("l’ONU") << true;
        QTest::newRow("fr glued") << QStringLiteral("fr") << QStringLiteral("ministresde") << false;
        QTest::newRow("es") << QStringLiteral("es") << QStringLiteral("financiación") << true;
        QTest::newRow("es glued") << QStringLiteral("es") << QStringLiteral("apoyode") << false;
        QTest::newRow("ar") << QStringLiteral("ar") << QStringLiteral("المؤتمر") << true;
        QTest::newRow("ar glued") << QStringLiteral("ar") << QStringLiteral("فيالمؤتمر") << false;
        QTest::newRow("ru") << QStringLiteral("ru") << QStringLiteral("конференции") << true;
        QTest::newRow("ru glued") << QStringLiteral("ru") << QStringLiteral("конференциипо")
                                  << false;
    }
    void words() {
        QFETCH(QString, language);
        QFETCH(QString, word);
        QFETCH(bool, correct);
        auto speller = m_pool.speller(language);
        QVERIFY2(speller.ok(), qPrintable(speller.error()));
        QCOMPARE((*speller)->isCorrect(word), correct);
        // The cached answer is the same.
        QCOMPARE((*speller)->isCorrect(word), correct);
    }

    void cachedPerDictionary() {
        auto a = m_pool.speller(QStringLiteral("en"));
        auto b = m_pool.speller(QStringLiteral("en-US"));
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(*a, *b);
        QCOMPARE((*a)->dictionaryName(), QStringLiteral("en_US"));
    }

    // Ever new tokens (generated text, a fuzzer's input) do not grow the cache without
    // bound, and answers stay right when it starts again; a token longer than Hunspell
    // looks at is refused without being cached.
    void boundedCache() {
        auto speller = m_pool.speller(QStringLiteral("en"));
        QVERIFY2(speller, qPrintable(speller.error()));
        Speller& s = **speller;
        for (qsizetype i = 0; i < Speller::kMaxCachedWords + 10; ++i)
            QVERIFY(!s.isCorrect(QStringLiteral("zq%1").arg(i)));
        QVERIFY2(s.cachedWords() <= Speller::kMaxCachedWords,
                 qPrintable(QString::number(s.cachedWords())));
        QVERIFY(s.isCorrect(QStringLiteral("hello")));
        QVERIFY(!s.isCorrect(QStringLiteral("helo")));
        const qsizetype before = s.cachedWords();
        QVERIFY(!s.isCorrect(QString(300000, QLatin1Char('a'))));
        QCOMPARE(s.cachedWords(), before);
        QVERIFY(s.suggestions(QString(300000, QLatin1Char('a'))).isEmpty());
    }

    void suggestions() {
        auto speller = m_pool.speller(QStringLiteral("en"));
        QVERIFY(speller.ok());
        QVERIFY((*speller)
                    ->suggestions(QStringLiteral("goverment"))
                    .contains(QStringLiteral("government")));
    }

    void missingDictionary() {
        auto zh = m_pool.speller(QStringLiteral("zh-Hans"));
        QVERIFY(!zh.ok());
        QVERIFY(zh.error().contains(QStringLiteral("zh-Hans")));
        QVERIFY(zh.error().contains(QStringLiteral("/usr/share/hunspell")));

        QTemporaryDir empty;
        SpellerPool pool({empty.path()});
        auto en = pool.speller(QStringLiteral("en"));
        QVERIFY(!en.ok());
        QVERIFY(en.error().contains(empty.path()));
    }

    void ownFolder() {
        // A library-provided dictionary folder works like the system one.
        QTemporaryDir dir;
        QFile aff(dir.filePath(QStringLiteral("xx_XX.aff")));
        QVERIFY(aff.open(QIODevice::WriteOnly));
        aff.write("SET UTF-8\n");
        aff.close();
        QFile dic(dir.filePath(QStringLiteral("xx_XX.dic")));
        QVERIFY(dic.open(QIODevice::WriteOnly));
        dic.write("2\nkopi\nmeja\n");
        dic.close();
        SpellerPool pool({dir.path()});
        auto xx = pool.speller(QStringLiteral("xx"));
        QVERIFY2(xx.ok(), qPrintable(xx.error()));
        QVERIFY((*xx)->isCorrect(QStringLiteral("kopi")));
        QVERIFY(!(*xx)->isCorrect(QStringLiteral("kopimeja")));
    }
};

QTEST_GUILESS_MAIN(TestSpeller)
#include "tst_speller.moc"
