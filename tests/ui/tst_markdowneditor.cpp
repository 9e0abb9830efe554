#include "codehighlight/codehighlight.h"
#include "document/articledocument.h"
#include "editor/findbar.h"
#include "editor/markdowneditor.h"
#include "editor/markdownhighlighter.h"

#include <QFontDatabase>
#include <QStandardPaths>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

using namespace copydesk;

namespace {

std::unique_ptr<ArticleDocument> documentWith(const QString& body,
                                              const QString& language = QStringLiteral("en")) {
    Article a = makeArticle(language, QStringLiteral("T"));
    a.versions[0].body = body;
    auto opened = ArticleDocument::open(a, language);
    return opened ? std::move(*opened) : nullptr;
}

// The format the highlighter gave block `block` at `offset` (last range wins, as in
// QTextLayout).
QTextCharFormat formatAt(const MarkdownHighlighter* h, int block, int offset) {
    QTextCharFormat merged;
    for (const QTextLayout::FormatRange& r : h->blockFormats(block)) {
        if (offset >= r.start && offset < r.start + r.length)
            merged.merge(r.format);
    }
    return merged;
}

} // namespace

class TestMarkdownEditor final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Fenced code in a named language: KSyntaxHighlighting's tokens over the code style.
    void fencedCodeIsHighlightedByItsLanguage() {
        if (!codehighlight::isAvailable())
            QSKIP("built without KSyntaxHighlighting (Debian 12 has it for Qt 5 only): code "
                  "blocks are plain; this runs on Debian 13");
        auto document = documentWith(QStringLiteral("Text\n\n```cpp\nint main() {\n    return "
                                                    "0;\n}\n```\n\n    return 1;\n"));
        MarkdownEditor editor;
        editor.setArticleDocument(document.get());
        const MarkdownHighlighter* h = editor.highlighter();
        const QTextCharFormat plain = formatAt(h, 3, 1);   // "int" in the cpp block
        const QTextCharFormat keyword = formatAt(h, 4, 5); // "return"
        QVERIFY(keyword.hasProperty(QTextFormat::ForegroundBrush) ||
                keyword.fontWeight() == QFont::Bold);
        QVERIFY(plain.hasProperty(QTextFormat::ForegroundBrush) ||
                plain.fontWeight() == QFont::Bold); // a data type
        // Still code: the monospace font.
        QCOMPARE(keyword.fontFamilies().toStringList().value(0),
                 QFontDatabase::systemFont(QFontDatabase::FixedFont).family());
        // An indented block names no language: plain code style only.
        const QTextCharFormat indented = formatAt(h, 8, 5);
        QVERIFY(!indented.hasProperty(QTextFormat::ForegroundBrush));
        QVERIFY(indented.fontWeight() != QFont::Bold);
    }

    void focusModeDimsAllButTheParagraph() {
        auto document = documentWith(
            QStringLiteral("First paragraph\nstill first.\n\nSecond one.\n\nThird.\n"));
        MarkdownEditor editor;
        editor.setArticleDocument(document.get());
        QTextCursor c(editor.document()->findBlockByNumber(1));
        editor.setTextCursor(c);
        QCOMPARE(editor.focusedParagraph(), (std::pair<int, int>{0, 1}));
        QVERIFY(editor.extraSelections().isEmpty());
        editor.setFocusMode(true);
        // Everything after the paragraph is dimmed; nothing before it.
        QCOMPARE(editor.extraSelections().size(), 1);
        QCOMPARE(editor.extraSelections().front().cursor.selectionStart(), 28);
        c.setPosition(int(editor.toPlainText().indexOf(QStringLiteral("Second"))));
        editor.setTextCursor(c);
        QCOMPARE(editor.focusedParagraph(), (std::pair<int, int>{3, 3}));
        QCOMPARE(editor.extraSelections().size(), 2);
        QCOMPARE(editor.extraSelections().at(0).cursor.selectedText().size(), 29);
        QVERIFY(
            editor.extraSelections().at(1).cursor.selectedText().contains(QStringLiteral("Third")));
        editor.setFocusMode(false);
        QVERIFY(editor.extraSelections().isEmpty());
    }

    // What the parse says each construct is, at a character inside it and one outside.
    void highlightsWhatTheParseFinds_data() {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<int>("block");
        QTest::addColumn<int>("inside");
        QTest::addColumn<int>("outside");
        QTest::addColumn<QString>("property");
        QTest::newRow("atx heading")
            << QStringLiteral("# Title\n\ntext") << 0 << 3 << -1 << QStringLiteral("bold");
        QTest::newRow("setext heading")
            << QStringLiteral("Title\n=====\n") << 0 << 2 << -1 << QStringLiteral("bold");
        QTest::newRow("strong") << QStringLiteral("Some **strong** text") << 0 << 8 << 2
                                << QStringLiteral("bold");
        QTest::newRow("emphasis") << QStringLiteral("An _emphasised_ word") << 0 << 5 << 1
                                  << QStringLiteral("italic");
        QTest::newRow("code span")
            << QStringLiteral("Call `f()` now") << 0 << 6 << 1 << QStringLiteral("mono");
        QTest::newRow("fenced code")
            << QStringLiteral("```\nint x;\n```\n") << 1 << 2 << -1 << QStringLiteral("mono");
        QTest::newRow("indented code")
            << QStringLiteral("Para\n\n    code\n") << 2 << 5 << -1 << QStringLiteral("mono");
        QTest::newRow("link") << QStringLiteral("See [the site](https://example.org).") << 0 << 6
                              << 1 << QStringLiteral("underline");
        QTest::newRow("autolink") << QStringLiteral("At https://example.org today") << 0 << 6 << 1
                                  << QStringLiteral("underline");
        QTest::newRow("image") << QStringLiteral("![A map](media:map.png)") << 0 << 3 << -1
                               << QStringLiteral("foreground");
        QTest::newRow("block quote") << QStringLiteral("> Quoted words\n\nplain") << 0 << 4 << -1
                                     << QStringLiteral("italic");
        QTest::newRow("list marker") << QStringLiteral("- item one\n- item two") << 1 << 0 << 4
                                     << QStringLiteral("foreground");
        QTest::newRow("table") << QStringLiteral("| a | b |\n| --- | --- |\n| 1 | 2 |\n") << 1 << 3
                               << -1 << QStringLiteral("mono");
        QTest::newRow("footnote") << QStringLiteral("A claim[^1].\n\n[^1]: The source.") << 0 << 9
                                  << 2 << QStringLiteral("foreground");
        QTest::newRow("not a heading in code") << QStringLiteral("```\n# not a heading\n```") << 1
                                               << 3 << -1 << QStringLiteral("mono");
    }
    void highlightsWhatTheParseFinds() {
        QFETCH(QString, markdown);
        QFETCH(int, block);
        QFETCH(int, inside);
        QFETCH(int, outside);
        QFETCH(QString, property);
        auto document = documentWith(markdown);
        QVERIFY(document);
        MarkdownEditor editor;
        editor.setArticleDocument(document.get());
        auto has = [&](const QTextCharFormat& f) {
            if (property == QLatin1String("bold"))
                return f.fontWeight() == QFont::Bold;
            if (property == QLatin1String("italic"))
                return f.fontItalic();
            if (property == QLatin1String("underline"))
                return f.fontUnderline();
            if (property == QLatin1String("mono"))
                return f.fontFamilies().toStringList().contains(
                    QFontDatabase::systemFont(QFontDatabase::FixedFont).family());
            return f.hasProperty(QTextFormat::ForegroundBrush);
        };
        QVERIFY2(has(formatAt(editor.highlighter(), block, inside)), qPrintable(property));
        if (outside >= 0)
            QVERIFY(!has(formatAt(editor.highlighter(), block, outside)));
        // And it is what the layout shows.
        const QTextBlock b = document->body()->findBlockByNumber(block);
        bool applied = false;
        for (const QTextLayout::FormatRange& r : b.layout()->formats())
            applied =
                applied || (inside >= r.start && inside < r.start + r.length && has(r.format));
        QVERIFY(applied);
    }

    // A keystroke inside a paragraph re-highlights that paragraph, not the article; a
    // change the parse sees elsewhere (an opened fence) re-highlights what it changes.
    void rehighlightsOnlyChangedBlocks() {
        QString body;
        for (int i = 0; i < 200; ++i)
            body += QStringLiteral("Paragraph %1 with **strong** words.\n\n").arg(i);
        auto document = documentWith(body);
        MarkdownEditor editor;
        editor.setArticleDocument(document.get());
        QTextCursor cursor(document->body()->findBlockByNumber(200));
        cursor.movePosition(QTextCursor::EndOfBlock);
        cursor.insertText(QStringLiteral(" More"));
        QCOMPARE(editor.highlighter()->reparseNow(), 1);
        cursor.movePosition(QTextCursor::StartOfBlock);
        cursor.insertText(QStringLiteral("## "));
        QCOMPARE(editor.highlighter()->reparseNow(), 1);
        QCOMPARE(formatAt(editor.highlighter(), 200, 5).fontWeight(), int(QFont::Bold));
        // A new line in the middle shifts the blocks after it: they are not redone.
        cursor.insertBlock();
        QVERIFY(editor.highlighter()->reparseNow() <= 2);
        // An opened fence turns everything after it into code.
        QTextCursor top(document->body());
        top.insertText(QStringLiteral("```\n"));
        QVERIFY(editor.highlighter()->reparseNow() >= 200);
    }

    void paragraphDirectionFollowsItsText_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("widget");
        QTest::newRow("en") << QStringLiteral("en") << int(Qt::LeftToRight);
        QTest::newRow("ar") << QStringLiteral("ar") << int(Qt::RightToLeft);
    }
    void paragraphDirectionFollowsItsText() {
        QFETCH(QString, language);
        QFETCH(int, widget);
        auto document =
            documentWith(QStringLiteral("\"قال الأمين العام\" at the forum.\n\nThe UN Secretary-"
                                        "General, António Guterres.\n\nأعلن António Guterres.\n"),
                         language);
        MarkdownEditor editor;
        editor.setArticleDocument(document.get());
        QCOMPARE(int(editor.layoutDirection()), widget);
        QTextDocument* body = document->body();
        QCOMPARE(body->defaultTextOption().textDirection(), Qt::LayoutDirectionAuto);
        // The version's edge: right for Arabic, left for English.
        QCOMPARE(bool(body->defaultTextOption().alignment() & Qt::AlignRight),
                 widget == int(Qt::RightToLeft));
        QCOMPARE(body->findBlockByNumber(0).textDirection(), Qt::RightToLeft);
        QCOMPARE(body->findBlockByNumber(2).textDirection(), Qt::LeftToRight);
        QCOMPARE(body->findBlockByNumber(4).textDirection(), Qt::RightToLeft);
    }

    // Arabic script is set a step larger than Latin text, so that it reads at the same
    // size; the script comes from the locale data, so Persian and Urdu follow.
    void arabicScriptIsSetLarger_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("larger");
        QTest::newRow("en") << QStringLiteral("en") << false;
        QTest::newRow("zh-Hans") << QStringLiteral("zh-Hans") << false;
        QTest::newRow("ar") << QStringLiteral("ar") << true;
        QTest::newRow("fa") << QStringLiteral("fa") << true;
    }
    void arabicScriptIsSetLarger() {
        QFETCH(QString, language);
        QFETCH(bool, larger);
        auto document = documentWith(QStringLiteral("نص Text\n"), language);
        MarkdownEditor editor;
        editor.setArticleDocument(document.get());
        const qreal widget = editor.font().pointSizeF();
        const qreal text = document->body()->defaultFont().pointSizeF();
        QCOMPARE(text > widget * 1.1, larger);
        QVERIFY(text >= widget);
    }

    void enterContinuesLists_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bullet") << QStringLiteral("- first") << QStringLiteral("- first\n- ");
        QTest::newRow("star nested")
            << QStringLiteral("  * inner") << QStringLiteral("  * inner\n  * ");
        QTest::newRow("numbered") << QStringLiteral("9. ninth") << QStringLiteral("9. ninth\n10. ");
        QTest::newRow("paren") << QStringLiteral("1) one") << QStringLiteral("1) one\n2) ");
        QTest::newRow("task") << QStringLiteral("- [x] done")
                              << QStringLiteral("- [x] done\n- [ ] ");
        QTest::newRow("quote") << QStringLiteral("> said") << QStringLiteral("> said\n> ");
        QTest::newRow("empty item ends the list") << QStringLiteral("- ") << QString();
        QTest::newRow("plain") << QStringLiteral("Text") << QStringLiteral("Text\n");
    }
    void enterContinuesLists() {
        QFETCH(QString, line);
        QFETCH(QString, expected);
        auto document = documentWith(line);
        MarkdownEditor editor;
        editor.setArticleDocument(document.get());
        editor.setReadOnly(false);
        editor.moveCursor(QTextCursor::End);
        QTest::keyClick(&editor, Qt::Key_Return);
        QCOMPARE(document->bodyText(), expected);
        document->body()->undo();
        QCOMPARE(document->bodyText(), line);
    }

    void formattingIsOneUndoStep_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bold") << QStringLiteral("bold") << QStringLiteral("A **word** here");
        QTest::newRow("italic") << QStringLiteral("italic") << QStringLiteral("A _word_ here");
        QTest::newRow("code") << QStringLiteral("code") << QStringLiteral("A `word` here");
        QTest::newRow("link") << QStringLiteral("link")
                              << QStringLiteral("A [word](https://) here");
        QTest::newRow("heading 2") << QStringLiteral("h2") << QStringLiteral("## A word here");
        QTest::newRow("list") << QStringLiteral("list") << QStringLiteral("- A word here");
        QTest::newRow("numbered") << QStringLiteral("numbered") << QStringLiteral("1. A word here");
        QTest::newRow("quote") << QStringLiteral("quote") << QStringLiteral("> A word here");
    }
    void formattingIsOneUndoStep() {
        QFETCH(QString, command);
        QFETCH(QString, expected);
        const QString original = QStringLiteral("A word here");
        auto document = documentWith(original);
        MarkdownEditor editor;
        editor.setArticleDocument(document.get());
        editor.setReadOnly(false);
        QTextCursor cursor(document->body());
        cursor.setPosition(2);
        cursor.setPosition(6, QTextCursor::KeepAnchor);
        editor.setTextCursor(cursor);
        if (command == QLatin1String("bold"))
            editor.toggleBold();
        else if (command == QLatin1String("italic"))
            editor.toggleItalic();
        else if (command == QLatin1String("code"))
            editor.toggleCode();
        else if (command == QLatin1String("link"))
            editor.insertLink();
        else if (command == QLatin1String("h2"))
            editor.setHeadingLevel(2);
        else if (command == QLatin1String("list"))
            editor.toggleBulletList();
        else if (command == QLatin1String("numbered"))
            editor.toggleNumberedList();
        else
            editor.toggleQuote();
        QCOMPARE(document->bodyText(), expected);
        document->body()->undo();
        QCOMPARE(document->bodyText(), original);
    }

    void toggledTwiceIsUndone() {
        auto document = documentWith(QStringLiteral("## Title"));
        MarkdownEditor editor;
        editor.setArticleDocument(document.get());
        editor.setReadOnly(false);
        editor.setHeadingLevel(0);
        QCOMPARE(document->bodyText(), QStringLiteral("Title"));
        editor.toggleQuote();
        editor.toggleQuote();
        QCOMPARE(document->bodyText(), QStringLiteral("Title"));
        editor.selectAll();
        editor.toggleBold();
        editor.toggleBold();
        QCOMPARE(document->bodyText(), QStringLiteral("Title"));
    }

    void replaceAll_data() {
        QTest::addColumn<QString>("find");
        QTest::addColumn<bool>("caseSensitive");
        QTest::addColumn<bool>("wholeWords");
        QTest::addColumn<bool>("regex");
        QTest::addColumn<QString>("replacement");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("cat") << false << false << false
                               << QStringLiteral("dog") << 4
                               << QStringLiteral("dog dog condog dog\n2 of 10 and 30");
        QTest::newRow("case") << QStringLiteral("cat") << true << false << false
                              << QStringLiteral("dog") << 2
                              << QStringLiteral("Cat dog condog CAT\n2 of 10 and 30");
        QTest::newRow("whole words")
            << QStringLiteral("cat") << false << true << false << QStringLiteral("dog") << 3
            << QStringLiteral("dog dog concat dog\n2 of 10 and 30");
        QTest::newRow("regex") << QStringLiteral("(\\d+)") << false << false << true
                               << QStringLiteral("[\\1]") << 3
                               << QStringLiteral("Cat cat concat CAT\n[2] of [10] and [30]");
        QTest::newRow("regex whole words")
            << QStringLiteral("c.t") << true << true << true << QStringLiteral("x") << 1
            << QStringLiteral("Cat x concat CAT\n2 of 10 and 30");
        QTest::newRow("nothing") << QStringLiteral("bird") << false << false << false
                                 << QStringLiteral("x") << 0
                                 << QStringLiteral("Cat cat concat CAT\n2 of 10 and 30");
    }
    void replaceAll() {
        QFETCH(QString, find);
        QFETCH(bool, caseSensitive);
        QFETCH(bool, wholeWords);
        QFETCH(bool, regex);
        QFETCH(QString, replacement);
        QFETCH(int, count);
        QFETCH(QString, expected);
        const QString original = QStringLiteral("Cat cat concat CAT\n2 of 10 and 30");
        auto document = documentWith(original);
        MarkdownEditor editor;
        editor.setArticleDocument(document.get());
        editor.setReadOnly(false);
        FindQuery query{find, caseSensitive, wholeWords, regex};
        QCOMPARE(editor.replaceAll(query, replacement), count);
        QCOMPARE(document->bodyText(), expected);
        if (count > 0) {
            document->body()->undo();
            QCOMPARE(document->bodyText(), original);
        }
    }

    void findWrapsAround() {
        auto document = documentWith(QStringLiteral("one two one"));
        MarkdownEditor editor;
        editor.setArticleDocument(document.get());
        editor.moveCursor(QTextCursor::End);
        QVERIFY(editor.find(FindQuery{QStringLiteral("one")}));
        QCOMPARE(editor.textCursor().selectionStart(), 0);
        QVERIFY(editor.find(FindQuery{QStringLiteral("one")}));
        QCOMPARE(editor.textCursor().selectionStart(), 8);
        QVERIFY(editor.find(FindQuery{QStringLiteral("one")}, true));
        QCOMPARE(editor.textCursor().selectionStart(), 0);
        QVERIFY(!editor.find(FindQuery{QStringLiteral("three")}));
    }
};

QTEST_MAIN(TestMarkdownEditor)
#include "tst_markdowneditor.moc"
