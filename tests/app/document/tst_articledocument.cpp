#include "common/limits.h"
#include "document/articledocument.h"
#include "support/articlefixture.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QSyntaxHighlighter>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>
#include <QUndoStack>

using namespace copydesk;

namespace {

Article twoVersions() {
    return test::articleWithTranslation(QStringLiteral("en"), QStringLiteral("Wetlands"),
                                        QStringLiteral("First paragraph.\n\nSecond.\n"),
                                        QStringLiteral("ar"), QStringLiteral("الأراضي الرطبة"),
                                        QStringLiteral("فقرة أولى.\n"));
}

void type(QTextDocument* document, const QString& text, int position = -1) {
    QTextCursor cursor(document);
    cursor.setPosition(position < 0 ? document->characterCount() - 1 : position);
    cursor.insertText(text);
}

// Colours every block: a format change of the layout, which is no edit.
class Painter final : public QSyntaxHighlighter {
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;
    void highlightBlock(const QString& text) override {
        QTextCharFormat bold;
        bold.setFontWeight(QFont::Bold);
        setFormat(0, int(text.size()), bold);
    }
};

} // namespace

class TestArticleDocument final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void opensEachVersion_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("body");
        QTest::addColumn<bool>("source");
        QTest::addColumn<int>("direction");
        QTest::newRow("en") << QStringLiteral("en")
                            << QStringLiteral("First paragraph.\n\nSecond.\n") << true
                            << int(Qt::LeftToRight);
        QTest::newRow("ar") << QStringLiteral("ar") << QStringLiteral("فقرة أولى.\n") << false
                            << int(Qt::RightToLeft);
    }
    void opensEachVersion() {
        QFETCH(QString, language);
        QFETCH(QString, body);
        QFETCH(bool, source);
        QFETCH(int, direction);
        auto document = ArticleDocument::open(twoVersions(), language);
        QVERIFY2(document, qPrintable(document.error()));
        QCOMPARE((*document)->language(), language);
        QCOMPARE((*document)->bodyText(), body);
        QCOMPARE((*document)->isSource(), source);
        QCOMPARE(int((*document)->textDirection()), direction);
        QVERIFY(!(*document)->isModified());
        QVERIFY(!(*document)->body()->isUndoAvailable());
    }

    void missingVersionIsNotFound() {
        auto document = ArticleDocument::open(twoVersions(), QStringLiteral("fr"));
        QVERIFY(!document);
        QCOMPARE(document.kind(), ErrorKind::NotFound);
        QCOMPARE(document.error(), QStringLiteral("article 'Wetlands' has no 'fr' version"));
    }

    void oversizedBodyIsRefused() {
        Article a = twoVersions();
        a.slug = QStringLiteral("big");
        a.versions[0].body = QString(int(kMaxTextBytes) + 1, QLatin1Char('x'));
        auto document = ArticleDocument::open(a, QStringLiteral("en"));
        QVERIFY(!document);
        QCOMPARE(document.kind(), ErrorKind::InvalidInput);
        QCOMPARE(document.error(), QStringLiteral("article 'big', version 'en': the text is 20.0 "
                                                  "MB, over the limit of 20 MB; it is not opened"));
    }

    void bodyTextKeepsEveryCharacter_data() {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no-break space")
            << QStringLiteral("Prix\u00a0: 10\u00a0€") << QStringLiteral("Prix\u00a0: 10\u00a0€");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("trailing lines") << QStringLiteral("a\n\n") << QStringLiteral("a\n\n");
        QTest::newRow("crlf") << QStringLiteral("a\r\nb\r\n") << QStringLiteral("a\nb\n");
        QTest::newRow("tab and emoji")
            << QStringLiteral("\tcode 👍🏽\n") << QStringLiteral("\tcode 👍🏽\n");
    }
    void bodyTextKeepsEveryCharacter() {
        QFETCH(QString, stored);
        QFETCH(QString, expected);
        Article a = twoVersions();
        a.versions[0].body = stored;
        auto document = ArticleDocument::open(a, QStringLiteral("en"));
        QVERIFY(document);
        QCOMPARE((*document)->bodyText(), expected);
        QCOMPARE((*document)->article().versions.at(0).body, expected);
    }

    void typingModifiesAndUndoRestores() {
        auto opened = ArticleDocument::open(twoVersions(), QStringLiteral("en"));
        QVERIFY(opened);
        ArticleDocument& document = **opened;
        QSignalSpy edited(&document, &ArticleDocument::edited);
        QSignalSpy modified(&document, &ArticleDocument::modifiedChanged);
        type(document.body(), QStringLiteral("Third."));
        QCOMPARE(edited.count(), 1);
        QVERIFY(document.isModified());
        QCOMPARE(modified.count(), 1);
        QCOMPARE(document.article().versions.at(0).body,
                 QStringLiteral("First paragraph.\n\nSecond.\nThird."));
        // The other version travels unchanged.
        QCOMPARE(document.article().versions.at(1).body, QStringLiteral("فقرة أولى.\n"));
        document.body()->undo();
        QCOMPARE(edited.count(), 2);
        QCOMPARE(document.bodyText(), QStringLiteral("First paragraph.\n\nSecond.\n"));
        QVERIFY(!document.isModified());
        QCOMPARE(modified.count(), 2);
    }

    void formattingIsNoEdit() {
        auto opened = ArticleDocument::open(twoVersions(), QStringLiteral("en"));
        QVERIFY(opened);
        QSignalSpy edited(opened->get(), &ArticleDocument::edited);
        Painter painter((*opened)->body());
        painter.rehighlight();
        QCOMPARE(edited.count(), 0);
        QVERIFY(!(*opened)->isModified());
        type((*opened)->body(), QStringLiteral("x"));
        QCOMPARE(edited.count(), 1);
        // A replacement of the same length is an edit too.
        QTextCursor cursor((*opened)->body());
        cursor.setPosition(0);
        cursor.setPosition(1, QTextCursor::KeepAnchor);
        cursor.insertText(QStringLiteral("f"));
        QCOMPARE(edited.count(), 2);
        QCOMPARE((*opened)->bodyText(), QStringLiteral("first paragraph.\n\nSecond.\nx"));
    }

    void fieldsAreUndoableAndMerge() {
        auto opened = ArticleDocument::open(twoVersions(), QStringLiteral("en"));
        QVERIFY(opened);
        ArticleDocument& document = **opened;
        QSignalSpy changed(&document, &ArticleDocument::fieldChanged);
        document.setField(ArticleDocument::Field::Title, QStringLiteral("Wetlands r"));
        document.setField(ArticleDocument::Field::Title, QStringLiteral("Wetlands re"));
        document.setField(ArticleDocument::Field::Title, QStringLiteral("Wetlands return"));
        QCOMPARE(document.metadataUndo()->count(), 1);
        document.setField(ArticleDocument::Field::Summary, QStringLiteral("A summary"));
        QCOMPARE(document.metadataUndo()->count(), 2);
        document.setField(ArticleDocument::Field::Summary, QStringLiteral("A summary"));
        QCOMPARE(document.metadataUndo()->count(), 2);
        QCOMPARE(changed.count(), 4);
        QVERIFY(document.isModified());
        QCOMPARE(document.article().versions.at(0).title, QStringLiteral("Wetlands return"));

        document.metadataUndo()->undo();
        QCOMPARE(document.field(ArticleDocument::Field::Summary), QString());
        document.metadataUndo()->undo();
        QCOMPARE(document.field(ArticleDocument::Field::Title), QStringLiteral("Wetlands"));
        QVERIFY(!document.isModified());
        document.metadataUndo()->redo();
        QCOMPARE(document.article().versions.at(0).title, QStringLiteral("Wetlands return"));
        QCOMPARE(document.metadataUndo()->undoText(), QStringLiteral("Edit title"));
    }

    void markSavedTakesWhatTheLibraryFilledIn() {
        auto opened = ArticleDocument::open(twoVersions(), QStringLiteral("en"));
        QVERIFY(opened);
        ArticleDocument& document = **opened;
        type(document.body(), QStringLiteral("More."));
        Article saved = document.article();
        saved.slug = QStringLiteral("wetlands");
        const QDateTime when(QDate(2026, 3, 4), QTime(5, 6), Qt::UTC);
        saved.updated = when;
        saved.versions[0].updated = when;
        document.markSaved(saved);
        QVERIFY(!document.isModified());
        QCOMPARE(document.article().slug, QStringLiteral("wetlands"));
        QCOMPARE(document.article().versions.at(0).updated, when);

        // Typed again between taking the snapshot and the save's end: still modified.
        const Article snapshot = document.article();
        type(document.body(), QStringLiteral(" Again."));
        document.markSaved(snapshot);
        QVERIFY(document.isModified());
        QCOMPARE(document.bodyText(), QStringLiteral("First paragraph.\n\nSecond.\nMore. Again."));
    }
};

QTEST_MAIN(TestArticleDocument)
#include "tst_articledocument.moc"
