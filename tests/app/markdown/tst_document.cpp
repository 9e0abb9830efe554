#include "markdown/document.h"

#include <QTest>

using namespace copydesk::markdown;

namespace {

const char* kindName(NodeKind kind) {
    static const char* const names[] = {"Document",      "BlockQuote",
                                        "List",          "Item",
                                        "CodeBlock",     "HtmlBlock",
                                        "Paragraph",     "Heading",
                                        "Rule",          "FootnoteDefinition",
                                        "Table",         "TableRow",
                                        "TableCell",     "Text",
                                        "SoftBreak",     "LineBreak",
                                        "Code",          "HtmlInline",
                                        "Emph",          "Strong",
                                        "Strikethrough", "Link",
                                        "Image",         "FootnoteReference",
                                        "Other"};
    return names[int(kind)];
}

/// One line per node below the document: indentation by depth, the kind, and the source
/// the node covers (line breaks shown as \n).
QString dump(const QString& markdown) {
    const Document document(markdown);
    QStringList lines;
    for (const Node& node : document.nodes()) {
        if (node.kind == NodeKind::Document)
            continue;
        QString source = markdown.mid(node.start, node.length());
        source.replace(u'\n', QStringLiteral("\\n"));
        lines << QString(2 * (node.depth - 1), u' ') + QLatin1String(kindName(node.kind)) +
                     (node.autolink ? QStringLiteral("(auto)") : QString()) +
                     QStringLiteral(" %1-%2 ").arg(node.startLine).arg(node.endLine) + source;
    }
    return lines.join(u'\n');
}

} // namespace

class TestDocument final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // cmark-gfm's table parser is quadratic in the cells of a row (5,000 cells, 1 MB:
    // 9.7 s to render); a document with a row wider than kMaxTableCells is parsed
    // without tables, and says so.
    void wideTables_data() {
        QTest::addColumn<QByteArray>("markdown");
        QTest::addColumn<int>("line"); // of tableCellsOverLimit(); 0: tables are parsed
        QTest::addColumn<int>("cells");
        QTest::addColumn<int>("tables");
        const auto row = [](int cells, const char* cell) {
            return "|" + QByteArray(cell).append('|').repeated(cells) + "\n";
        };
        QTest::newRow("128 cells: a table")
            << row(128, "h") + row(128, "-") + row(128, "x") << 0 << 0 << 1;
        QTest::newRow("129 in the header")
            << row(129, "h") + row(129, "-") + row(129, "x") << 1 << 129 << 0;
        QTest::newRow("5,000 in a body row")
            << QByteArray("Text\n\n") + row(3, "h") + row(3, "-") + row(5000, "x") << 5 << 5000
            << 0;
        QTest::newRow("CRLF lines")
            << QByteArray("| a | b |\r\n|---|---|\r\n") + row(200, "x").replace("\n", "\r\n") << 3
            << 200 << 0;
        QTest::newRow("many pipes, no delimiter row: no table anyway")
            << QByteArray("Text\n\n") + row(300, "x") << 0 << 0 << 0;
        // Where no table row can be, a wide line costs nothing and the document's tables
        // stay tables (before, any such line made every table text).
        QTest::newRow("narrow table and a wide line in indented code")
            << row(2, "h") + row(2, "-") + QByteArray("\n    ") + row(200, "c") << 0 << 0 << 1;
        QTest::newRow("narrow table and a wide line in fenced code")
            << row(2, "h") + row(2, "-") + QByteArray("\n```\n") + row(200, "c") + row(2, "-") +
                   "```\n"
            << 0 << 0 << 1;
        QTest::newRow("narrow table and a wide prose line")
            << QByteArray("Prose ") + row(300, " or ") + "\n" + row(2, "h") + row(2, "-") << 0 << 0
            << 1;
        QTest::newRow("narrow table, a wide line in a quoted fence")
            << QByteArray("> ~~~\n> ") + row(200, "c") + "> ~~~\n\n" + row(2, "h") + row(2, "-")
            << 0 << 0 << 1;
        // Still guarded: a wide row of a table in a quote, after a fence that its
        // container closed, after a fence that is not one.
        QTest::newRow("wide row of a table in a quote")
            << QByteArray("> ") + row(2, "h") + "> " + row(2, "-") + "> " + row(200, "x") << 3
            << 200 << 0;
        QTest::newRow("quoted fence ended by its quote")
            << QByteArray("> ```\n> code\n\n") + row(2, "h") + row(2, "-") + row(200, "x") << 6
            << 200 << 0;
        QTest::newRow("backticks in the info string: no fence")
            << QByteArray("```a`b\n") + row(2, "h") + row(2, "-") + row(200, "x") << 4 << 200 << 0;
        QTest::newRow("list item fence closed by a less indented line")
            << QByteArray("- a\n\n  ```\n  code\n") + row(2, "h") + row(2, "-") + row(200, "x") << 7
            << 200 << 0;
    }
    void wideTables() {
        QFETCH(QByteArray, markdown);
        QFETCH(int, line);
        QFETCH(int, cells);
        QFETCH(int, tables);
        const Document document(markdown);
        QCOMPARE(document.tableCellsOverLimit(), std::make_pair(line, cells));
        int found = 0;
        for (const Node& n : document.nodes())
            found += n.kind == NodeKind::Table ? 1 : 0;
        QCOMPARE(found, tables);
        // Without the table extension nothing is left out.
        ParseOptions plain;
        plain.extensions.clear();
        QCOMPARE(Document(markdown, plain).tableCellsOverLimit(), std::make_pair(0, 0));
    }

    void ranges_data() {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("expected");
        QTest::newRow("escapes, entities, bare URL and e-mail")
            << QStringLiteral("a \\* b &amp; c x@y.org and www.un.org now\n")
            << QStringLiteral("Paragraph 1-1 a \\* b &amp; c x@y.org and www.un.org now\n"
                              "  Text 1-1 a \\* b &amp; c \n"
                              "  Link(auto) 1-1 x@y.org\n"
                              "    Text 1-1 x@y.org\n"
                              "  Text 1-1  and \n"
                              "  Link(auto) 1-1 www.un.org\n"
                              "    Text 1-1 www.un.org\n"
                              "  Text 1-1  now");
        // cmark-gfm's own inline columns are two off on the lazy lines here.
        QTest::newRow("lazy continuation in a quote")
            << QStringLiteral("> foo *bar*\nlazy `c\node` x [l\nk](u) e\n")
            << QStringLiteral("BlockQuote 1-4 > foo *bar*\\nlazy `c\\node` x [l\\nk](u) e\n"
                              "  Paragraph 1-4 foo *bar*\\nlazy `c\\node` x [l\\nk](u) e\n"
                              "    Text 1-1 foo \n"
                              "    Emph 1-1 *bar*\n"
                              "      Text 1-1 bar\n"
                              "    SoftBreak 1-1 \\n\n"
                              "    Text 2-2 lazy \n"
                              "    Code 2-3 `c\\node`\n"
                              "    Text 3-3  x \n"
                              "    Link 3-4 [l\\nk](u)\n"
                              "      Text 3-3 l\n"
                              "      SoftBreak 3-3 \\n\n"
                              "      Text 4-4 k\n"
                              "    Text 4-4  e");
        QTest::newRow("code, html, entities")
            << QStringLiteral("a `b` ``d`` <span\nclass=\"a\">y</span> &#x1F600; &copy;z \\\\\n")
            << QStringLiteral("Paragraph 1-2 a `b` ``d`` <span\\nclass=\"a\">y</span> &#x1F600; "
                              "&copy;z \\\\\n"
                              "  Text 1-1 a \n"
                              "  Code 1-1 `b`\n"
                              "  Text 1-1  \n"
                              "  Code 1-1 ``d``\n"
                              "  Text 1-1  \n"
                              "  HtmlInline 1-2 <span\\nclass=\"a\">\n"
                              "  Text 2-2 y\n"
                              "  HtmlInline 2-2 </span>\n"
                              "  Text 2-2  &#x1F600; &copy;z \\\\");
        QTest::newRow("table in a quote")
            << QStringLiteral(">  | a | *b* |\n> |---|---|\n>| x \\| y | `c` |\n")
            << QStringLiteral("BlockQuote 1-3 >  | a | *b* |\\n> |---|---|\\n>| x \\| y | `c` |\n"
                              "  Table 1-3 | a | *b* |\\n> |---|---|\\n>| x \\| y | `c` |\n"
                              "    TableRow 1-1 | a | *b* |\n"
                              "      TableCell 1-1  a \n"
                              "        Text 1-1 a\n"
                              "      TableCell 1-1  *b* \n"
                              "        Emph 1-1 *b*\n"
                              "          Text 1-1 b\n"
                              "    TableRow 3-3 | x \\| y | `c` |\n"
                              "      TableCell 3-3  x \\| y \n"
                              "        Text 3-3 x \\| y\n"
                              "      TableCell 3-3  `c` \n"
                              "        Code 3-3 `c`");
        QTest::newRow("list, autolinks, strikethrough, strong in emph")
            << QStringLiteral("- item <http://a.b> www.c.d\n  more ~~del~~ ***x***\n")
            << QStringLiteral("List 1-2 - item <http://a.b> www.c.d\\n  more ~~del~~ ***x***\n"
                              "  Item 1-2 - item <http://a.b> www.c.d\\n  more ~~del~~ ***x***\n"
                              "    Paragraph 1-2 item <http://a.b> www.c.d\\n  more ~~del~~ "
                              "***x***\n"
                              "      Text 1-1 item \n"
                              "      Link(auto) 1-1 <http://a.b>\n"
                              "        Text 1-1 http://a.b\n"
                              "      Text 1-1  \n"
                              "      Link(auto) 1-1 www.c.d\n"
                              "        Text 1-1 www.c.d\n"
                              "      SoftBreak 1-1 \\n\n"
                              "      Text 2-2 more \n"
                              "      Strikethrough 2-2 ~~del~~\n"
                              "        Text 2-2 del\n"
                              "      Text 2-2  \n"
                              "      Emph 2-2 ***x***\n"
                              "        Strong 2-2 **x**\n"
                              "          Text 2-2 x");
        QTest::newRow("footnote, image")
            << QStringLiteral("1. [^n] and ![im *g*](u \"t\")\n\n[^n]: note\n    cont\n")
            << QStringLiteral("List 1-1 1. [^n] and ![im *g*](u \"t\")\\n\n"
                              "  Item 1-1 1. [^n] and ![im *g*](u \"t\")\\n\n"
                              "    Paragraph 1-1 [^n] and ![im *g*](u \"t\")\n"
                              "      FootnoteReference 1-1 [^n]\n"
                              "      Text 1-1  and \n"
                              "      Image 1-1 ![im *g*](u \"t\")\n"
                              "        Text 1-1 im \n"
                              "        Emph 1-1 *g*\n"
                              "          Text 1-1 g\n"
                              "FootnoteDefinition 3-4 note\\n    cont\n"
                              "  Paragraph 3-4 note\\n    cont\n"
                              "    Text 3-3 note\n"
                              "    SoftBreak 3-3 \\n\n"
                              "    Text 4-4 cont");
        QTest::newRow("indented continuation lines, setext heading")
            << QStringLiteral("  two\n spaces\n\nSet\n  ext\n---\n- a\n    b\n")
            << QStringLiteral("Paragraph 1-2 two\\n spaces\n"
                              "  Text 1-1 two\n"
                              "  SoftBreak 1-1 \\n\n"
                              "  Text 2-2 spaces\n"
                              "Heading 4-6 Set\\n  ext\\n---\n"
                              "  Text 4-4 Set\n"
                              "  SoftBreak 4-4 \\n\n"
                              "  Text 5-5 ext\n"
                              "List 7-8 - a\\n    b\n"
                              "  Item 7-8 - a\\n    b\n"
                              "    Paragraph 7-8 a\\n    b\n"
                              "      Text 7-7 a\n"
                              "      SoftBreak 7-7 \\n\n"
                              "      Text 8-8 b");
        QTest::newRow("list in a quote, lazy line")
            << QStringLiteral(">  - c\n>    d *e*\n> f\nh *i*\n")
            << QStringLiteral("BlockQuote 1-4 >  - c\\n>    d *e*\\n> f\\nh *i*\n"
                              "  List 1-4 - c\\n>    d *e*\\n> f\\nh *i*\n"
                              "    Item 1-4 - c\\n>    d *e*\\n> f\\nh *i*\n"
                              "      Paragraph 1-4 c\\n>    d *e*\\n> f\\nh *i*\n"
                              "        Text 1-1 c\n"
                              "        SoftBreak 1-1 \\n\n"
                              "        Text 2-2 d \n"
                              "        Emph 2-2 *e*\n"
                              "          Text 2-2 e\n"
                              "        SoftBreak 2-2 \\n\n"
                              "        Text 3-3 f\n"
                              "        SoftBreak 3-3 \\n\n"
                              "        Text 4-4 h \n"
                              "        Emph 4-4 *i*\n"
                              "          Text 4-4 i");
        QTest::newRow("multi-byte text counts in UTF-16")
            << QStringLiteral(
                   "Саммит *ООН* 👩‍👩‍👧 [联合国](https://un.org)\n")
            << QStringLiteral("Paragraph 1-1 Саммит *ООН* 👩‍👩‍👧 "
                              "[联合国](https://un.org)\n"
                              "  Text 1-1 Саммит \n"
                              "  Emph 1-1 *ООН*\n"
                              "    Text 1-1 ООН\n"
                              "  Text 1-1  👩‍👩‍👧 \n"
                              "  Link 1-1 [联合国](https://un.org)\n"
                              "    Text 1-1 联合国");
        QTest::newRow("crlf, hard breaks") << QStringLiteral("a  \r\nb\\\r\nc\r\n")
                                           << QStringLiteral("Paragraph 1-3 a  \r\\nb\\\r\\nc\n"
                                                             "  Text 1-1 a\n"
                                                             "  LineBreak 1-1   \r\\n\n"
                                                             "  Text 2-2 b\n"
                                                             "  LineBreak 2-2 \\\r\\n\n"
                                                             "  Text 3-3 c");
    }
    void ranges() {
        QFETCH(QString, markdown);
        QFETCH(QString, expected);
        const QString actual = dump(markdown);
        if (actual != expected)
            qWarning().noquote() << "actual:\n" << actual;
        QCOMPARE(actual, expected);
    }

    void attributes() {
        const QString markdown =
            QStringLiteral("## Two\n\n3. [x] done\n4. [ ] open\n\n```cpp\nint x;\n```\n\n"
                           "[a](http://x \"T\") <b>\n\n| h |\n|---|\n| c |\n");
        const Document document(markdown);
        const std::vector<Node>& nodes = document.nodes();
        QList<NodeKind> kinds;
        for (const Node& n : nodes)
            kinds << n.kind;
        const auto find = [&](NodeKind kind, int nth = 0) -> const Node& {
            for (const Node& n : nodes) {
                if (n.kind == kind && nth-- == 0)
                    return n;
            }
            return nodes.front();
        };
        QCOMPARE(find(NodeKind::Heading).level, 2);
        QVERIFY(find(NodeKind::List).ordered);
        QCOMPARE(find(NodeKind::List).level, 3);
        QVERIFY(find(NodeKind::List).tight);
        QVERIFY(find(NodeKind::Item).task);
        QVERIFY(find(NodeKind::Item).checked);
        QVERIFY(find(NodeKind::Item, 1).task);
        QVERIFY(!find(NodeKind::Item, 1).checked);
        QCOMPARE(find(NodeKind::CodeBlock).info, QStringLiteral("cpp"));
        QCOMPARE(find(NodeKind::CodeBlock).literal, QStringLiteral("int x;\n"));
        QCOMPARE(find(NodeKind::Link).url, QStringLiteral("http://x"));
        QCOMPARE(find(NodeKind::Link).title, QStringLiteral("T"));
        QCOMPARE(find(NodeKind::HtmlInline).literal, QStringLiteral("<b>"));
        QVERIFY(find(NodeKind::TableRow).header);
        QVERIFY(!find(NodeKind::TableRow, 1).header);
        // Parents and subtrees.
        for (size_t i = 1; i < nodes.size(); ++i) {
            const Node& n = nodes[i];
            QVERIFY(n.parent >= 0 && size_t(n.parent) < i);
            QVERIFY(nodes[size_t(n.parent)].end >= n.end);
            QCOMPARE(n.depth, nodes[size_t(n.parent)].depth + 1);
        }
    }

    void plainText() {
        const QString markdown =
            QStringLiteral("See [the **full** `report`\nhere](x) ![a ![b](c) d](e)\n");
        const Document document(markdown);
        const std::vector<Node>& nodes = document.nodes();
        QCOMPARE(document.plainText(0), QStringLiteral("See the full report here "));
        QCOMPARE(document.plainText(0, true), QStringLiteral("See the full report here a b d"));
        int image = -1;
        for (size_t i = 0; i < nodes.size(); ++i) {
            if (nodes[i].kind == NodeKind::Image) {
                image = int(i);
                break;
            }
        }
        QVERIFY(image > 0);
        // Its own description; the nested image's is its own.
        QCOMPARE(document.plainText(image), QStringLiteral("a  d"));
    }

    void sourceMap_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qsizetype>("byte");
        QTest::addColumn<qsizetype>("utf16");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        // "é" is 2 bytes and 1 unit, "联" 3 bytes and 1 unit, "👩" 4 bytes and 2 units.
        const QString text = QStringLiteral("aé\r\n联👩x\rz\n");
        QTest::newRow("start") << text << qsizetype(0) << qsizetype(0) << 1 << 1;
        QTest::newRow("after é") << text << qsizetype(3) << qsizetype(2) << 1 << 4;
        QTest::newRow("crlf is one line end") << text << qsizetype(5) << qsizetype(4) << 2 << 1;
        QTest::newRow("after 联") << text << qsizetype(8) << qsizetype(5) << 2 << 4;
        QTest::newRow("after the emoji") << text << qsizetype(12) << qsizetype(7) << 2 << 8;
        QTest::newRow("a lone cr ends a line") << text << qsizetype(14) << qsizetype(9) << 3 << 1;
        QTest::newRow("end") << text << qsizetype(16) << qsizetype(11) << 4 << 1;
        QString longer = QString(100, u'é') + QStringLiteral("\nb");
        QTest::newRow("past a checkpoint") << longer << qsizetype(201) << qsizetype(101) << 2 << 1;
    }
    void sourceMap() {
        QFETCH(QString, text);
        QFETCH(qsizetype, byte);
        QFETCH(qsizetype, utf16);
        QFETCH(int, line);
        QFETCH(int, column);
        const SourceMap map(text.toUtf8());
        QCOMPARE(map.utf16FromByte(byte), utf16);
        QCOMPARE(map.byteFromUtf16(utf16), byte);
        QCOMPARE(map.lineColumnFromByte(byte), (SourceMap::LineColumn{line, column}));
        QCOMPARE(map.lineColumnFromUtf16(utf16), (SourceMap::LineColumn{line, column}));
        QCOMPARE(map.byteFromLineColumn(line, column), byte);
        QCOMPARE(map.utf16FromLineColumn(line, column), utf16);
    }

    void sourceMapEdges() {
        const SourceMap map(QStringLiteral("a👩\nb").toUtf8());
        QCOMPARE(map.lineCount(), 2);
        QCOMPARE(map.byteSize(), qsizetype(7));
        QCOMPARE(map.utf16Size(), qsizetype(5));
        // Inside the emoji's bytes: after it; between its surrogates: before it.
        QCOMPARE(map.utf16FromByte(2), qsizetype(3));
        QCOMPARE(map.byteFromUtf16(2), qsizetype(1));
        QCOMPARE(map.lineEnd(1), qsizetype(5));
        QCOMPARE(map.lineStart(2), qsizetype(6));
        // Clamped.
        QCOMPARE(map.utf16FromByte(-4), qsizetype(0));
        QCOMPARE(map.utf16FromByte(99), qsizetype(5));
        QCOMPARE(map.byteFromLineColumn(1, 99), qsizetype(5));
        QCOMPARE(map.byteFromLineColumn(9, 1), qsizetype(7));
    }
};

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
