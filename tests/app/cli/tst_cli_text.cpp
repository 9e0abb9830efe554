// terminalSafe(): the one escaping of text printed by copydesk-cli. Every expected
// string is written out by hand.
#include "cli/common.h"

#include <QTest>

using namespace copydesk::cli;

class TestCliText final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void terminalSafe_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("kept");    // LineBreaks::Keep
        QTest::addColumn<QString>("oneLine"); // LineBreaks::Escape
        QTest::newRow("plain") << QStringLiteral("Geneva summit") << QStringLiteral("Geneva summit")
                               << QStringLiteral("Geneva summit");
        QTest::newRow("OSC title, BEL, clear screen")
            << QStringLiteral("\x1b]0;x\x07\x1b[2J") << QStringLiteral("\\x1b]0;x\\x07\\x1b[2J")
            << QStringLiteral("\\x1b]0;x\\x07\\x1b[2J");
        QTest::newRow("NUL, backspace, CR")
            << QStringView(u"a\0b\bc\rd", 7).toString() << QStringLiteral("a\\x00b\\x08c\\x0dd")
            << QStringLiteral("a\\x00b\\x08c\\x0dd");
        QTest::newRow("line feed and tab") << QStringLiteral("a\nb\tc") << QStringLiteral("a\nb\tc")
                                           << QStringLiteral("a\\x0ab\\x09c");
        QTest::newRow("DEL") << QStringLiteral("a\x7f") << QStringLiteral("a\\u007f")
                             << QStringLiteral("a\\u007f");
        QTest::newRow("C1 CSI and NEL")
            << QStringLiteral("\u009b2J\u0085") << QStringLiteral("\\u009b2J\\u0085")
            << QStringLiteral("\\u009b2J\\u0085");
        QTest::newRow("bidi override and isolates")
            << QStringLiteral("\u202eabc\u202c \u2067x\u2069 \u202ay\u202c")
            << QStringLiteral("\\u202eabc\\u202c \\u2067x\\u2069 \\u202ay\\u202c")
            << QStringLiteral("\\u202eabc\\u202c \\u2067x\\u2069 \\u202ay\\u202c");
        QTest::newRow("line and paragraph separators")
            << QStringLiteral("a\u2028b\u2029c") << QStringLiteral("a\\u2028b\\u2029c")
            << QStringLiteral("a\\u2028b\\u2029c");
        // Text, not controls: direction marks, joiners, a soft hyphen, emoji tags.
        const QString text = QStringLiteral("مرحبا\u200f عالم \u200e👨\u200d👩\u200d👧 "
                                            "در\u200cها co\u00adop 🏴\U000e0067\U000e0062"
                                            "\U000e0073\U000e0063\U000e0074\U000e007f");
        QTest::newRow("marks, joiners, tags") << text << text << text;
    }

    void terminalSafe() {
        QFETCH(QString, text);
        QFETCH(QString, kept);
        QFETCH(QString, oneLine);
        QCOMPARE(copydesk::cli::terminalSafe(text), kept);
        QCOMPARE(copydesk::cli::terminalSafe(text, LineBreaks::Escape), oneLine);
        QCOMPARE(copydesk::cli::oneLine(text), oneLine);
    }
};

QTEST_GUILESS_MAIN(TestCliText)
#include "tst_cli_text.moc"
