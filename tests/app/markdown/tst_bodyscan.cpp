// The checks' view of a Markdown body (app/checks/bodyscan_p.h): blocks and their prose
// with everything that is not prose masked, by the ranges of the one parse.
#include "checks/bodyscan_p.h"

#include <QTest>

using namespace copydesk::checks::detail;

namespace {

/// Each block as "Kind: prose" with the mask shown as "·" and line breaks as "|".
QStringList blocks(const Scan& scan) {
    QStringList out;
    for (const Block& b : scan.blocks) {
        static const char* const kinds[] = {"P", "H", "Code", "Html", "Table", "Rule"};
        QString prose = b.prose;
        prose.replace(kMask, u'·');
        prose.replace(u'\n', u'|');
        QString flags;
        if (b.inList)
            flags += u'L';
        if (b.inQuote)
            flags += u'Q';
        if (b.kind == Block::Kind::Heading)
            flags += QString::number(b.headingLevel);
        out << QStringLiteral("%1%2 %3-%4: %5")
                   .arg(QLatin1String(kinds[int(b.kind)]),
                        flags.isEmpty() ? QString() : u'(' + flags + u')')
                   .arg(b.start)
                   .arg(b.end)
                   .arg(prose);
    }
    return out;
}

QStringList links(const Scan& scan) {
    QStringList out;
    for (const Link& l : scan.links) {
        out << QStringLiteral("%1 %2-%3 \"%4\" %5")
                   .arg(QLatin1String(l.image      ? "image"
                                      : l.autolink ? "auto"
                                                   : "link"))
                   .arg(l.start)
                   .arg(l.end)
                   .arg(l.text, l.url);
    }
    return out;
}

} // namespace

class TestBodyScan final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void markdown_data() {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QStringList>("blocks");
        QTest::addColumn<QStringList>("links");
        QTest::newRow("inline syntax")
            << QStringLiteral("Some *emph*, `code`, [a link](https://un.org \"T\") and "
                              "![alt](media:x.png) \\*AT&amp;T\\*<b>.")
            << QStringList{QStringLiteral("P 0-90: Some ·emph·, ······, ·a link") +
                           QString(21, u'·') + QStringLiteral(" and ") + QString(19, u'·') +
                           QStringLiteral(" ·*AT·····T·*···.")}
            << QStringList{QStringLiteral("link 21-49 \"a link\" https://un.org"),
                           QStringLiteral("image 54-73 \"alt\" media:x.png")};
        QTest::newRow("autolinks and addresses")
            << QStringLiteral("Write to press@un.org or see <https://un.org/x> and www.un.org.")
            << QStringList{QStringLiteral(
                   "P 0-63: Write to ············ or see ·················· and ··········.")}
            << QStringList{QStringLiteral("auto 9-21 \"press@un.org\" mailto:press@un.org"),
                           QStringLiteral("auto 29-47 \"https://un.org/x\" https://un.org/x"),
                           QStringLiteral("auto 52-62 \"www.un.org\" http://www.un.org")};
        QTest::newRow("headings, quotes with a lazy line, lists")
            << QStringLiteral("## Title ##\n\n> Quoted *text*\ngoes on\n\n- item `x`\n  more\n\n"
                              "Setext\n===\n")
            << QStringList{QStringLiteral("H(2) 0-8: ···Title"),
                           QStringLiteral("P(Q) 15-36: Quoted ·text·|goes on"),
                           QStringLiteral("P(L) 40-55: item ···|··more"),
                           QStringLiteral("H(1) 57-67: Setext|···")}
            << QStringList();
        QTest::newRow("code, html, table, rule")
            << QStringLiteral("```\ncode\n```\n\n<div>\nx\n</div>\n\n| a |\n|---|\n| [b](u) |\n\n"
                              "---\n\nText[^1].\n\n[^1]: Note.\n")
            << QStringList{QStringLiteral("Code 0-12: "),        QStringLiteral("Html 14-28: "),
                           QStringLiteral("Table 30-52: "),      QStringLiteral("Rule 54-57: "),
                           QStringLiteral("P 59-68: Text····."), QStringLiteral("P 76-81: Note.")}
            << QStringList{QStringLiteral("link 44-50 \"b\" u")};
        QTest::newRow("nested images: each its own description")
            << QStringLiteral("[![a ![b](c) d](e)](f)")
            << QStringList{QStringLiteral("P 0-22: ······················")}
            << QStringList{QStringLiteral("link 0-22 \"\" f"),
                           QStringLiteral("image 1-18 \"a  d\" e"),
                           QStringLiteral("image 5-12 \"b\" c")};
    }
    void markdown() {
        QFETCH(QString, markdown);
        QFETCH(QStringList, blocks);
        QFETCH(QStringList, links);
        const Scan scan = scanMarkdown(markdown);
        QCOMPARE(::blocks(scan), blocks);
        QCOMPARE(::links(scan), links);
    }

    void plain() {
        const Scan scan =
            scanPlain(QStringLiteral(" See https://un.org/a_(b)). Mail a.b@un.org, not *emph* "));
        QCOMPARE(blocks(scan), QStringList{QStringLiteral("P 1-55: See ") + QString(20, u'·') +
                                           QStringLiteral("). Mail ") + QString(10, u'·') +
                                           QStringLiteral(", not *emph*")});
        QCOMPARE(links(scan), QStringList{QStringLiteral("auto 5-25 \"https://un.org/a_(b)\" "
                                                         "https://un.org/a_(b)")});
    }

    void pathologicalNesting() {
        // Issue 6: '[' * n + 'x' + '](y)' * n. One link (links do not nest); its text
        // is "x", and the brackets around are prose.
        const int n = 2000;
        const QString markdown =
            QString(n, u'[') + QStringLiteral("x") + QStringLiteral("](y)").repeated(n);
        const Scan scan = scanMarkdown(markdown);
        QCOMPARE(scan.links.size(), 1);
        QCOMPARE(scan.links.front().text, QStringLiteral("x"));
        QCOMPARE(scan.links.front().start, n - 1);
        QCOMPARE(scan.links.front().end, n + 5);
        QCOMPARE(scan.blocks.size(), 1);
        QCOMPARE(scan.blocks.front().prose.left(3), QStringLiteral("[[["));
    }
};

QTEST_GUILESS_MAIN(TestBodyScan)
#include "tst_bodyscan.moc"
