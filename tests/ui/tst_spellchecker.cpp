// Spell checking in the editor: misspellings marked in the version's language, not in
// code, URLs or link targets; suggestions, "Add to Dictionary" kept in the library,
// "Ignore"; only changed blocks checked again; a missing dictionary said once.
#include "document/articledocument.h"
#include "editor/markdowneditor.h"
#include "editor/markdownhighlighter.h"
#include "editor/spellchecker.h"
#include "library/library.h"
#include "spelling/speller.h"

#include <QAction>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

using namespace copydesk;

namespace {

std::unique_ptr<ArticleDocument> documentOf(const QString& language, const QString& body) {
    Article a = makeArticle(language, QStringLiteral("Title"));
    a.versions[0].body = body;
    auto document = ArticleDocument::open(a, language);
    return document ? std::move(*document) : nullptr;
}

// The words the Spelling layer marks, in document order.
QStringList markedWords(const MarkdownEditor& editor) {
    QStringList words;
    for (QTextBlock b = editor.document()->begin(); b.isValid(); b = b.next()) {
        if (const BlockMarks* data = MarkdownHighlighter::marksOf(b))
            for (const TextMark& m : data->layer(MarkLayer::Spelling))
                words.append(b.text().mid(m.start, m.length));
    }
    return words;
}

QAction* actionNamed(QMenu* menu, const QString& name) {
    for (QAction* a : menu->actions())
        if (a->objectName() == name)
            return a;
    return nullptr;
}

int positionOf(const MarkdownEditor& editor, const QString& text) {
    return int(editor.toPlainText().indexOf(text));
}

} // namespace

class TestSpellChecker final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    SpellerPool m_pool;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void marksMisspellings_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QStringList>("marked");
        QTest::newRow("en") << QStringLiteral("en")
                            << QStringLiteral("The goverment met on Tuesday.\n")
                            << QStringList{QStringLiteral("goverment")};
        QTest::newRow("fr") << QStringLiteral("fr")
                            << QStringLiteral("Le gouvernment a réuni les délégués de l’ONU.\n")
                            << QStringList{QStringLiteral("gouvernment")};
        QTest::newRow("fr, narrow no-break space before a closing quotation mark")
            << QStringLiteral("fr")
            << QStringLiteral("« Les zones dont nous disposons\u202F», dit-elle, « sont "
                              "chèrres\u202F».\n")
            << QStringList{QStringLiteral("chèrres")};
        QTest::newRow("fr, English words are French misspellings")
            << QStringLiteral("fr") << QStringLiteral("The government met.\n")
            << QStringList{QStringLiteral("The"), QStringLiteral("government")};
        QTest::newRow("not in code") << QStringLiteral("en")
                                     << QStringLiteral("Run `recieve` now.\n\n"
                                                       "```\nfunctoin teh() {}\n```\n\n"
                                                       "    indentd codde\n")
                                     << QStringList();
        QTest::newRow("not in URLs or link targets")
            << QStringLiteral("en")
            << QStringLiteral("See [the report](https://exampel.org/reprot), "
                              "<https://wrongg.example/zzzq> and https://www.mispeled.example/x."
                              "\n\n![a photo](media:imgae.png)\n")
            << QStringList();
        QTest::newRow("link text and headings are text")
            << QStringLiteral("en")
            << QStringLiteral("## The sumit\n\nSee [the reprot](https://example.org/report).\n")
            << QStringList{QStringLiteral("sumit"), QStringLiteral("reprot")};
        QTest::newRow("acronyms, numbers, domains and entities left alone")
            << QStringLiteral("en")
            << QStringLiteral("UNHCR and the G20 met at example.org on the 3rd; AT&amp;T.\n")
            << QStringList();
        QTest::newRow("emphasis keeps words whole")
            << QStringLiteral("en") << QStringLiteral("A **strnog** _statment_.\n")
            << QStringList{QStringLiteral("strnog"), QStringLiteral("statment")};
    }
    void marksMisspellings() {
        QFETCH(QString, language);
        QFETCH(QString, body);
        QFETCH(QStringList, marked);
        auto document = documentOf(language, body);
        QVERIFY(document);
        MarkdownEditor editor;
        editor.setSpelling(&m_pool, nullptr);
        editor.setArticleDocument(document.get());
        QVERIFY(editor.spellChecker());
        editor.spellChecker()->checkNow();
        QVERIFY2(editor.spellChecker()->problem().isEmpty(),
                 qPrintable(editor.spellChecker()->problem()));
        QCOMPARE(markedWords(editor), marked);
        // A misspelling is underlined with a wave, over its Markdown format.
        if (!marked.isEmpty()) {
            const int at = positionOf(editor, marked.front());
            const QTextBlock block = editor.document()->findBlock(at);
            bool underlined = false;
            for (const QTextLayout::FormatRange& r : block.layout()->formats())
                underlined =
                    underlined || (r.start <= at - block.position() &&
                                   r.format.underlineStyle() == QTextCharFormat::WaveUnderline);
            QVERIFY(underlined);
        }
    }

    void suggestionReplacesAsOneUndoStep() {
        auto document = documentOf(QStringLiteral("en"), QStringLiteral("The goverment met.\n"));
        MarkdownEditor editor;
        editor.setSpelling(&m_pool, nullptr);
        editor.setArticleDocument(document.get());
        editor.setReadOnly(false);
        editor.spellChecker()->checkNow();
        std::unique_ptr<QMenu> menu(
            editor.createContextMenu(positionOf(editor, QStringLiteral("goverment")) + 2, nullptr));
        QAction* government = nullptr;
        for (QAction* a : menu->actions())
            if (a->text() == QStringLiteral("government"))
                government = a;
        QVERIFY(government);
        QVERIFY(actionNamed(menu.get(), QStringLiteral("ignoreWord")));
        government->trigger();
        QCOMPARE(editor.toPlainText(), QStringLiteral("The government met.\n"));
        editor.spellChecker()->checkNow();
        QCOMPARE(markedWords(editor), QStringList());
        editor.undo();
        QCOMPARE(editor.toPlainText(), QStringLiteral("The goverment met.\n"));
    }

    void ignoreIsForTheSession() {
        auto document = documentOf(QStringLiteral("en"),
                                   QStringLiteral("Zorblat spoke.\n\nThen Zorblat left.\n"));
        MarkdownEditor editor;
        editor.setSpelling(&m_pool, nullptr);
        editor.setArticleDocument(document.get());
        editor.spellChecker()->checkNow();
        QCOMPARE(markedWords(editor),
                 (QStringList{QStringLiteral("Zorblat"), QStringLiteral("Zorblat")}));
        std::unique_ptr<QMenu> menu(editor.createContextMenu(1, nullptr));
        // No library: nowhere to keep the word.
        QVERIFY(!actionNamed(menu.get(), QStringLiteral("addToDictionary"))->isEnabled());
        actionNamed(menu.get(), QStringLiteral("ignoreWord"))->trigger();
        editor.spellChecker()->checkNow();
        QCOMPARE(markedWords(editor), QStringList());
        // The next time the version is opened, it is marked again.
        editor.setArticleDocument(document.get());
        editor.spellChecker()->checkNow();
        QCOMPARE(markedWords(editor).size(), 2);
    }

    void addToDictionaryIsKeptInTheLibrary() {
        const QString path = m_dir.filePath(QStringLiteral("personal.copydesk"));
        const QString body = QStringLiteral("Ngozi Okonjo-Iweala and Zorblat spoke.\n");
        {
            auto library = Library::open(path);
            QVERIFY2(library, qPrintable(library.error()));
            auto document = documentOf(QStringLiteral("en-GB"), body);
            MarkdownEditor editor;
            editor.setSpelling(&m_pool, library->get());
            editor.setArticleDocument(document.get());
            editor.spellChecker()->checkNow();
            QVERIFY(markedWords(editor).contains(QStringLiteral("Zorblat")));
            std::unique_ptr<QMenu> menu(
                editor.createContextMenu(positionOf(editor, QStringLiteral("Zorblat")), nullptr));
            QAction* add = actionNamed(menu.get(), QStringLiteral("addToDictionary"));
            QVERIFY(add && add->isEnabled());
            add->trigger();
            editor.spellChecker()->checkNow();
            QVERIFY(!markedWords(editor).contains(QStringLiteral("Zorblat")));
            QCOMPARE((*library)->personalWords(QStringLiteral("en")).value(),
                     QStringList{QStringLiteral("Zorblat")});
        }
        auto library = Library::open(path);
        QVERIFY2(library, qPrintable(library.error()));
        {
            // Another English version, after the library was opened again.
            auto document = documentOf(QStringLiteral("en"), body);
            MarkdownEditor editor;
            editor.setSpelling(&m_pool, library->get());
            editor.setArticleDocument(document.get());
            editor.spellChecker()->checkNow();
            QVERIFY(!markedWords(editor).contains(QStringLiteral("Zorblat")));
        }
        {
            // The French list is another one.
            auto document = documentOf(QStringLiteral("fr"), QStringLiteral("Zorblat parle.\n"));
            MarkdownEditor editor;
            editor.setSpelling(&m_pool, library->get());
            editor.setArticleDocument(document.get());
            editor.spellChecker()->checkNow();
            QCOMPARE(markedWords(editor), QStringList{QStringLiteral("Zorblat")});
        }
    }

    void onlyChangedBlocksAreCheckedAgain() {
        QString body;
        for (int i = 0; i < 40; ++i)
            body += QStringLiteral("Paragraph %1 with a mistkae.\n\n").arg(i);
        auto document = documentOf(QStringLiteral("en"), body);
        MarkdownEditor editor;
        editor.setSpelling(&m_pool, nullptr);
        editor.setArticleDocument(document.get());
        editor.setReadOnly(false);
        editor.spellChecker()->checkNow();
        QCOMPARE(editor.spellChecker()->lastCheckedBlocks(), 81);
        QCOMPARE(markedWords(editor).size(), 40);
        QTextCursor c(editor.document()->findBlockByNumber(10));
        c.movePosition(QTextCursor::EndOfBlock);
        editor.setTextCursor(c);
        QTest::keyClicks(&editor, QStringLiteral(" Anothr"));
        editor.spellChecker()->checkNow();
        QCOMPARE(editor.spellChecker()->lastCheckedBlocks(), 1);
        QCOMPARE(markedWords(editor).size(), 41);
        // The marks after the edit moved with their text.
        QCOMPARE(markedWords(editor).at(6), QStringLiteral("Anothr"));
    }

    void missingDictionaryIsSaidOnce() {
        QTemporaryDir empty;
        SpellerPool none({empty.path()});
        auto document = documentOf(QStringLiteral("en"), QStringLiteral("Teh goverment.\n"));
        MarkdownEditor editor;
        QSignalSpy status(&editor, &MarkdownEditor::spellingStatusChanged);
        editor.setSpelling(&none, nullptr);
        editor.setArticleDocument(document.get());
        editor.setReadOnly(false);
        status.clear();
        editor.spellChecker()->checkNow();
        QCOMPARE(status.size(), 1);
        QVERIFY2(editor.spellChecker()->problem().contains(QStringLiteral("en")),
                 qPrintable(editor.spellChecker()->problem()));
        QTest::keyClicks(&editor, QStringLiteral("More wrods. "));
        editor.spellChecker()->checkNow();
        QCOMPARE(status.size(), 1);
        QCOMPARE(markedWords(editor), QStringList());
    }
};

QTEST_MAIN(TestSpellChecker)
#include "tst_spellchecker.moc"
