#include "common/languagetag.h"

#include <QTest>

using namespace copydesk;

class TestLanguageTag final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void canonical_data() {
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("expected"); // empty: refused
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("en");
        QTest::newRow("zh-Hans") << QStringLiteral("zh-Hans") << QStringLiteral("zh-Hans");
        QTest::newRow("zh-hans") << QStringLiteral("zh-hans") << QStringLiteral("zh-Hans");
        QTest::newRow("EN-us") << QStringLiteral("EN-us") << QStringLiteral("en-US");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("zh-CN");
        QTest::newRow("ar-EG") << QStringLiteral("ar-EG") << QStringLiteral("ar-EG");
        QTest::newRow("sr-Latn-RS") << QStringLiteral("sr-Latn-RS") << QStringLiteral("sr-Latn-RS");
        QTest::newRow("de-CH-1996") << QStringLiteral("de-CH-1996") << QStringLiteral("de-CH-1996");
        QTest::newRow("private use after language")
            << QStringLiteral("en-x-house") << QStringLiteral("en-x-house");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("parent path") << QStringLiteral("../../x") << QString();
        QTest::newRow("absolute path")
            << QStringLiteral("/../../../../tmp/target/pwned") << QString();
        QTest::newRow("NUL at the end") << QStringLiteral("en\u0000") << QString();
        QTest::newRow("NUL inside") << QString::fromUtf16(u"authorized_keys\0.md", 19) << QString();
        QTest::newRow("space") << QStringLiteral("en US") << QString();
        QTest::newRow("dot") << QStringLiteral("en.md") << QString();
        QTest::newRow("subtag too long") << QStringLiteral("ab-cdefghijklmn") << QString();
        QTest::newRow("primary too long") << QStringLiteral("toolongxx") << QString();
        QTest::newRow("private use only") << QStringLiteral("x-foo") << QString();
        QTest::newRow("und") << QStringLiteral("und") << QString();
        QTest::newRow("non-ASCII letters") << QStringLiteral("fr\u00e9") << QString();
        QTest::newRow("huge") << QString(100000, QLatin1Char('a')) << QString();
    }
    void canonical() {
        QFETCH(QString, tag);
        QFETCH(QString, expected);
        const Result<QString> result = canonicalLanguageTag(tag);
        if (expected.isEmpty()) {
            QVERIFY2(!result.ok(), qPrintable(tag));
            QCOMPARE(result.kind(), ErrorKind::InvalidInput);
            QVERIFY(result.error().contains(u"not a valid language tag"));
            // The message quotes the tag with control characters escaped.
            QVERIFY(!result.error().contains(QChar(0)));
            QVERIFY(result.error().size() < 200);
        } else {
            QVERIFY2(result.ok(), qPrintable(result.error()));
            QCOMPARE(result.value(), expected);
            QVERIFY(isValidLanguageTag(tag));
        }
    }

    void nativeName_data() {
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("name");
        // Qt's default locales of en and es name a territory; the tag does not.
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("English");
        QTest::newRow("es") << QStringLiteral("es") << QStringLiteral("español");
        QTest::newRow("fr") << QStringLiteral("fr") << QStringLiteral("français");
        QTest::newRow("ar") << QStringLiteral("ar") << QStringLiteral("العربية");
        QTest::newRow("zh-Hans") << QStringLiteral("zh-Hans") << QStringLiteral("简体中文");
        QTest::newRow("ru") << QStringLiteral("ru") << QStringLiteral("русский");
        QTest::newRow("fa") << QStringLiteral("fa") << QStringLiteral("فارسی");
        // A territory in the tag is named.
        QTest::newRow("es-419") << QStringLiteral("es-419")
                                << QStringLiteral("español latinoamericano");
        QTest::newRow("unknown") << QStringLiteral("x-klingon") << QStringLiteral("x-klingon");
    }
    void nativeName() {
        QFETCH(QString, tag);
        QFETCH(QString, name);
        QCOMPARE(nativeLanguageName(tag), name);
    }
};

QTEST_GUILESS_MAIN(TestLanguageTag)
#include "tst_languagetag.moc"
