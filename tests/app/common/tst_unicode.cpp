// common/unicode.h: the one script classification (ICU), code points, and the
// quotation marks of a language (CLDR). Every expectation is written down from the
// Unicode and CLDR data.
#include "common/datetext.h"
#include "common/unicode.h"

#include <QTest>

using namespace copydesk;

Q_DECLARE_METATYPE(copydesk::CjkScript)

class TestUnicode final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The browser's Updated column: the time today, day and month this year in the
    // locale's own order and words, the short date before.
    void compactDates_data() {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QDateTime>("when");
        QTest::addColumn<QString>("expected");
        const QDateTime july(QDate(2026, 7, 4), QTime(9, 30));
        QTest::newRow("en-US this year") << "en_US" << july << QStringLiteral("Jul 4");
        QTest::newRow("en-GB this year") << "en_GB" << july << QStringLiteral("4 Jul");
        QTest::newRow("fr this year") << "fr_FR" << july << QStringLiteral("4 juil.");
        QTest::newRow("zh this year") << "zh_CN" << july << QStringLiteral("7月4日");
        // In the digits Qt uses for the locale everywhere else, whatever ICU's own
        // default is (they differ on Debian 13).
        QTest::newRow("ar this year")
            << "ar_EG" << july
            << QLocale(QStringLiteral("ar_EG")).toString(4) + QStringLiteral(" يوليو");
        QTest::newRow("en-GB today")
            << "en_GB" << QDateTime(QDate(2026, 12, 3), QTime(14, 5)) << QStringLiteral("14:05");
        QTest::newRow("en-GB last year") << "en_GB" << QDateTime(QDate(2025, 7, 4), QTime(9, 30))
                                         << QStringLiteral("04/07/2025");
    }
    void compactDates() {
        QFETCH(QString, locale);
        QFETCH(QDateTime, when);
        QFETCH(QString, expected);
        const QDateTime now(QDate(2026, 12, 3), QTime(16, 0));
        QCOMPARE(compactDateTime(when, now, QLocale(locale)), expected);
    }

    void script_data() {
        QTest::addColumn<uint>("codePoint");
        QTest::addColumn<CjkScript>("script");
        QTest::addColumn<bool>("withoutSpaces");
        QTest::newRow("U+4E00 一") << 0x4E00u << CjkScript::Han << true;
        QTest::newRow("U+3400 Extension A") << 0x3400u << CjkScript::Han << true;
        QTest::newRow("U+20000 Extension B") << 0x20000u << CjkScript::Han << true;
        QTest::newRow("U+20BB7 𠮷") << 0x20BB7u << CjkScript::Han << true;
        QTest::newRow("U+30000 Extension G") << 0x30000u << CjkScript::Han << true;
        QTest::newRow("U+3042 hiragana a") << 0x3042u << CjkScript::Kana << true;
        QTest::newRow("U+30AB katakana ka") << 0x30ABu << CjkScript::Kana << true;
        QTest::newRow("U+3105 bopomofo b") << 0x3105u << CjkScript::Bopomofo << true;
        QTest::newRow("U+AC00 hangul ga") << 0xAC00u << CjkScript::Hangul << false;
        QTest::newRow("U+3002 ideographic full stop") << 0x3002u << CjkScript::None << true;
        QTest::newRow("U+FF0C full-width comma") << 0xFF0Cu << CjkScript::None << true;
        QTest::newRow("U+0E01 Thai ko kai") << 0x0E01u << CjkScript::None << true;
        QTest::newRow("U+0627 Arabic alef") << 0x0627u << CjkScript::None << false;
        QTest::newRow("U+0416 Cyrillic zhe") << 0x0416u << CjkScript::None << false;
        QTest::newRow("a") << uint('a') << CjkScript::None << false;
        QTest::newRow("U+0661 Arabic-Indic one") << 0x0661u << CjkScript::None << false;
    }
    void script() {
        QFETCH(uint, codePoint);
        QFETCH(CjkScript, script);
        QFETCH(bool, withoutSpaces);
        QCOMPARE(cjkScript(codePoint), script);
        QCOMPARE(isCjk(codePoint), script != CjkScript::None);
        QCOMPARE(isHanOrKana(codePoint), script == CjkScript::Han || script == CjkScript::Kana);
        QCOMPARE(isWrittenWithoutSpaces(codePoint), withoutSpaces);
    }

    void codePoints() {
        const QString text = QStringLiteral("a\U00020000b");
        QCOMPARE(text.size(), 4);
        QCOMPARE(codePointAt(text, 0), U'a');
        QCOMPARE(codePointAt(text, 1), U'\U00020000');
        QCOMPARE(codePointAt(text, 3), U'b');
        QCOMPARE(codePointAt(text, 4), U'\0');
        QCOMPARE(codePointBefore(text, 3), U'\U00020000');
        QCOMPARE(codePointBefore(text, 1), U'a');
        QCOMPARE(codePointBefore(text, 0), U'\0');
    }

    void cjkLanguage_data() {
        QTest::addColumn<QString>("tag");
        QTest::addColumn<bool>("cjk");
        QTest::newRow("zh") << QStringLiteral("zh") << true;
        QTest::newRow("zh-Hans") << QStringLiteral("zh-Hans") << true;
        QTest::newRow("zh-Hant-TW") << QStringLiteral("zh-Hant-TW") << true;
        QTest::newRow("zh-TW") << QStringLiteral("zh-TW") << true;
        QTest::newRow("yue") << QStringLiteral("yue") << true;
        QTest::newRow("ja") << QStringLiteral("ja") << true;
        QTest::newRow("ko") << QStringLiteral("ko") << true;
        QTest::newRow("zh-Latn") << QStringLiteral("zh-Latn") << false;
        QTest::newRow("en") << QStringLiteral("en") << false;
        QTest::newRow("ar") << QStringLiteral("ar") << false;
        QTest::newRow("ru") << QStringLiteral("ru") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("not a tag") << QStringLiteral("zh!") << false;
    }
    void cjkLanguage() {
        QFETCH(QString, tag);
        QFETCH(bool, cjk);
        QCOMPARE(isCjkLanguage(tag), cjk);
    }

    // Chinese alone: the full-width punctuation check is for it, not for Japanese or
    // Korean (175 of 189 findings on one real site were on Korean).
    void chineseLanguage_data() {
        QTest::addColumn<QString>("tag");
        QTest::addColumn<bool>("chinese");
        QTest::newRow("zh") << QStringLiteral("zh") << true;
        QTest::newRow("zh-Hant") << QStringLiteral("zh-Hant") << true;
        QTest::newRow("zh-TW") << QStringLiteral("zh-TW") << true;
        QTest::newRow("yue") << QStringLiteral("yue") << true;
        QTest::newRow("ja") << QStringLiteral("ja") << false;
        QTest::newRow("ko") << QStringLiteral("ko") << false;
        QTest::newRow("zh-Latn") << QStringLiteral("zh-Latn") << false;
        QTest::newRow("en") << QStringLiteral("en") << false;
        QTest::newRow("invalid") << QStringLiteral("../x") << false;
    }
    void chineseLanguage() {
        QFETCH(QString, tag);
        QFETCH(bool, chinese);
        QCOMPARE(isChineseLanguage(tag), chinese);
    }

    void trimPunctuation_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("trimmed");
        QTest::newRow("full stop") << QStringLiteral("Geneva.") << QStringLiteral("Geneva");
        QTest::newRow("hyphens") << QStringLiteral("-summit-") << QStringLiteral("summit");
        QTest::newRow("asterisk") << QStringLiteral("sum*") << QStringLiteral("sum");
        QTest::newRow("inner kept") << QStringLiteral("l’ONU,") << QStringLiteral("l’ONU");
        QTest::newRow("guillemets") << QStringLiteral("«sommet»") << QStringLiteral("sommet");
        QTest::newRow("spanish") << QStringLiteral("¿cumbre?") << QStringLiteral("cumbre");
        QTest::newRow("arabic comma") << QStringLiteral("جنيف،") << QStringLiteral("جنيف");
        QTest::newRow("ideographic") << QStringLiteral("「峰会」。") << QStringLiteral("峰会");
        QTest::newRow("only punctuation") << QStringLiteral("'...'") << QString();
        QTest::newRow("emoji kept") << QStringLiteral("🐳!") << QStringLiteral("🐳");
        QTest::newRow("symbols kept") << QStringLiteral("+€5%") << QStringLiteral("+€5");
        QTest::newRow("supplementary punctuation")
            << QStringLiteral("\U00010100word") // AEGEAN WORD SEPARATOR LINE (Po)
            << QStringLiteral("word");
    }
    void trimPunctuation() {
        QFETCH(QString, text);
        QFETCH(QString, trimmed);
        QCOMPARE(copydesk::trimPunctuation(text).toString(), trimmed);
    }

    void quotes_data() {
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("marks"); // open, close, inner open, inner close
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("“”‘’");
        QTest::newRow("fr") << QStringLiteral("fr") << QStringLiteral("«»«»");
        QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("„“‚‘");
        QTest::newRow("ru") << QStringLiteral("ru") << QStringLiteral("«»„“");
        // No Spanish row: CLDR 44 changed it from « » “ ” to “ ” ‘ ’, so it differs
        // between ICU releases; the checks decide Spanish themselves
        // (CheckContext::defaultQuotationMarks(), tested in tst_checks).
        QTest::newRow("zh-Hans") << QStringLiteral("zh-Hans") << QStringLiteral("“”‘’");
        QTest::newRow("zh-Hant") << QStringLiteral("zh-Hant") << QStringLiteral("「」『』");
        QTest::newRow("ja") << QStringLiteral("ja") << QStringLiteral("「」『』");
        QTest::newRow("ar") << QStringLiteral("ar") << QStringLiteral("”“’‘");
        QTest::newRow("not a tag") << QStringLiteral("e n") << QString();
    }
    void quotes() {
        QFETCH(QString, tag);
        QFETCH(QString, marks);
        const QuotationMarks q = quotationMarks(tag);
        QCOMPARE(q.open + q.close + q.innerOpen + q.innerClose, marks);
    }

    // Sort keys compare bytewise as CLDR's root collation orders the texts.
    void collationKeys_data() {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        QTest::newRow("accent after base letter, before next")
            << QStringLiteral("ecole") << QStringLiteral("École");
        QTest::newRow("accent is not last") << QStringLiteral("École") << QStringLiteral("Zurich");
        QTest::newRow("case breaks ties only")
            << QStringLiteral("apple") << QStringLiteral("Apple");
        QTest::newRow("case below letters") << QStringLiteral("Apple") << QStringLiteral("banana");
        QTest::newRow("numbers by value") << QStringLiteral("Item 2") << QStringLiteral("Item 10");
        QTest::newRow("prefix first") << QStringLiteral("Geneva") << QStringLiteral("Geneva talks");
        QTest::newRow("Cyrillic by alphabet") << QStringLiteral("Ёлка") << QStringLiteral("Жук");
        QTest::newRow("Latin before Cyrillic")
            << QStringLiteral("Zurich") << QStringLiteral("Москва");
        QTest::newRow("Cyrillic before Arabic")
            << QStringLiteral("Москва") << QStringLiteral("القمة");
        QTest::newRow("astral Han after BMP Han") << QStringLiteral("一") << QStringLiteral("𠮷");
        QTest::newRow("empty first") << QString() << QStringLiteral("a");
    }
    void collationKeys() {
        QFETCH(QString, first);
        QFETCH(QString, second);
        const QByteArray a = collationKey(first);
        const QByteArray b = collationKey(second);
        QVERIFY2(a < b, qPrintable(first + QStringLiteral(" < ") + second));
        QCOMPARE(collationKey(first), a); // the same text, the same key
        QVERIFY(!a.contains('\0'));
    }
};

QTEST_GUILESS_MAIN(TestUnicode)
#include "tst_unicode.moc"
