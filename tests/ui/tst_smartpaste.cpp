// Smart paste: HTML from Word and from a web page becomes Markdown through the file
// import and its clean-up, in one undo step, with its notes; plain text stays plain;
// an image is stored in the library's media by content and inserted with its alt text.
#include "document/articledocument.h"
#include "editor/markdowneditor.h"
#include "editor/smartpaste.h"
#include "library/library.h"

#include "support/articlefixture.h"

#include <QApplication>
#include <QClipboard>
#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QMimeData>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace copydesk;

namespace {

QString corpora() {
    return QStringLiteral(COPYDESK_CORPORA_DIR);
}

QString readFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

} // namespace

class TestSmartPaste final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<Library> m_library;
    std::unique_ptr<ArticleDocument> m_document;
    std::unique_ptr<MarkdownEditor> m_editor;
    SmartPaste* m_paste = nullptr;
    QStringList m_suggestions; ///< what the stubbed prompt was offered
    std::optional<QString> m_answer;

    // Pastes `mime` at the end of the editor's text, as Ctrl+V does.
    void paste(QMimeData* mime) {
        m_editor->moveCursor(QTextCursor::End);
        QApplication::clipboard()->setMimeData(mime);
        m_editor->paste();
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }
    void init() {
        auto library =
            Library::open(m_dir.filePath(QStringLiteral("l%1.copydesk").arg(++m_counter)));
        QVERIFY2(library, qPrintable(library.error()));
        m_library = std::move(*library);
        Article a = test::articleWithTranslation(
            QStringLiteral("en"), QStringLiteral("Harbour"), QStringLiteral("Before.\n"),
            QStringLiteral("ar"), QStringLiteral("الميناء"), QStringLiteral("قبل.\n"));
        QVERIFY(m_library->save(a));
        auto document = ArticleDocument::open(a, QStringLiteral("en"));
        QVERIFY(document);
        m_document = std::move(*document);
        m_editor = std::make_unique<MarkdownEditor>();
        m_editor->setArticleDocument(m_document.get());
        m_editor->setReadOnly(false); // as the window does for a writable library
        m_paste = new SmartPaste(*m_library, m_editor.get());
        m_editor->setSmartPaste(m_paste);
        m_suggestions.clear();
        m_answer = QStringLiteral("A harbour map");
        m_paste->setAltTextPrompt([this](QWidget*, const QString& suggestion) {
            m_suggestions << suggestion;
            return m_answer;
        });
    }
    void cleanup() {
        QApplication::clipboard()->clear();
        m_editor.reset();
        m_document.reset();
        m_library.reset();
    }

    // What Word 2016 puts on the clipboard (the CKEditor corpus), pasted as Markdown.
    void wordHtml_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("styles")
            << QStringLiteral("basic-styles/multiple-styles-multiline")
            << QStringLiteral("\nLine **bold** and *italics*\n\nLine **foo** bar\n\n~~Third~~ line "
                              "**styling, *space on e*nd**");
        QTest::newRow("link") << QStringLiteral("link/within-text")
                              << QStringLiteral("Regular [link](https://ckeditor.com/)1");
    }
    void wordHtml() {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const QString path = corpora() + QStringLiteral("/word2016/") + file +
                             QStringLiteral("/input.word2016.html");
        if (!QFile::exists(path))
            QSKIP(qPrintable(QStringLiteral("no corpus at %1").arg(path)));
        auto* mime = new QMimeData;
        mime->setHtml(readFile(path));
        mime->setText(QStringLiteral("plain version"));
        paste(mime);
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("Before.\n") + expected);
        QVERIFY(m_document->bodyText().endsWith(expected));
        // One undo step takes the whole paste back.
        m_editor->undo();
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("Before.\n"));
    }

    // A web page's HTML: navigation dropped, scripts dropped, a repeated paragraph
    // removed and English quotation marks put in by the clean-up, which says so.
    void webHtml() {
        QSignalSpy notes(m_paste, &SmartPaste::notesReady);
        auto* mime = new QMimeData;
        mime->setHtml(QStringLiteral(
            "<meta charset='windows-1252'><nav><a href='/'>Home</a> | <a href='/a'>About</a></nav>"
            "<h2>Port reopens</h2><p>Ships <b>returned</b> on Monday, said the "
            "<a href=\"https://example.org/port\">port authority</a>.</p>"
            "<script>alert(1)</script><p>Ships <b>returned</b> on Monday, said the "
            "<a href=\"https://example.org/port\">port authority</a>.</p><p>Café « quai ».</p>"));
        paste(mime);
        QCOMPARE(
            m_editor->toPlainText(),
            QStringLiteral("Before.\n\n## Port reopens\n\nShips **returned** on Monday, said the "
                           "[port authority](https://example.org/port).\n\nCafé “quai”."));
        QCOMPARE(notes.count(), 1);
        const QStringList said = notes.at(0).at(0).toStringList();
        QCOMPARE(said.filter(QStringLiteral("Fixed: ")).size(), 2);
        m_editor->undo();
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("Before.\n"));
    }

    // Pasted paragraphs stay paragraphs: a blank line keeps them from joining the
    // text around the cursor, while a phrase goes inside the line.
    void blocksStayApartFromTheLine() {
        m_editor->setPlainText(QStringLiteral("Start end.\nNext line."));
        auto placeCursor = [this] {
            QTextCursor cursor = m_editor->textCursor();
            cursor.setPosition(6); // after "Start "
            m_editor->setTextCursor(cursor);
        };
        placeCursor();
        auto* blocks = new QMimeData;
        blocks->setHtml(QStringLiteral("<p>First pasted.</p><p>Second pasted.</p>"));
        QApplication::clipboard()->setMimeData(blocks);
        m_editor->paste();
        QCOMPARE(m_editor->toPlainText(),
                 QStringLiteral("Start \n\nFirst pasted.\n\nSecond pasted.\n\nend.\nNext line."));
        m_editor->undo();
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("Start end.\nNext line."));

        placeCursor();
        auto* phrase = new QMimeData;
        phrase->setHtml(QStringLiteral("<b>bold</b> "));
        QApplication::clipboard()->setMimeData(phrase);
        m_editor->paste();
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("Start **bold**end.\nNext line."));
    }

    // Plain text, and what Copydesk's own editor copies, are pasted as they are.
    void plainTextStaysPlain() {
        auto* mime = new QMimeData;
        mime->setText(QStringLiteral("**not** <b>HTML</b> here"));
        paste(mime);
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("Before.\n**not** <b>HTML</b> here"));

        m_editor->selectAll();
        m_editor->copy();
        QVERIFY(!m_paste->handles(QApplication::clipboard()->mimeData()));
        m_editor->moveCursor(QTextCursor::End);
        m_editor->paste();
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("Before.\n**not** <b>HTML</b> here"
                                                         "Before.\n**not** <b>HTML</b> here"));
    }

    // An image from the clipboard: stored by content with its alt text, inserted as a
    // media: image in one undo step.
    void pastedImage() {
        QImage image(4, 3, QImage::Format_RGB32);
        image.fill(Qt::red);
        auto* mime = new QMimeData;
        mime->setImageData(image);
        m_answer = QStringLiteral("Harbour map [draft]");
        paste(mime);
        static const QRegularExpression inserted(
            QStringLiteral("^Before\\.\\n!\\[Harbour map \\\\\\[draft\\\\\\]\\]\\(media:"
                           "([0-9a-f]{16})\\.png\\)$"));
        const auto match = inserted.match(m_editor->toPlainText());
        QVERIFY2(match.hasMatch(), qPrintable(m_editor->toPlainText()));
        QCOMPARE(m_suggestions, QStringList{QString()});
        const auto media = m_library->media(match.captured(1) + QStringLiteral(".png"));
        QVERIFY2(media, qPrintable(media.error()));
        QCOMPARE(media->mimeType, QStringLiteral("image/png"));
        QCOMPARE(media->altText.value(QStringLiteral("en")), QStringLiteral("Harbour map [draft]"));
        QVERIFY(QCryptographicHash::hash(media->data, QCryptographicHash::Sha256)
                    .toHex()
                    .startsWith(match.captured(1).toLatin1()));
        QImage back;
        QVERIFY(back.loadFromData(media->data));
        QCOMPARE(back.size(), QSize(4, 3));
        m_editor->undo();
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("Before.\n"));
    }

    // Cancel at the prompt: nothing stored, nothing inserted.
    void cancelInsertsNothing() {
        QImage image(2, 2, QImage::Format_RGB32);
        image.fill(Qt::blue);
        auto* mime = new QMimeData;
        mime->setImageData(image);
        m_answer = std::nullopt;
        paste(mime);
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("Before.\n"));
        QCOMPARE(m_library->mediaList()->size(), 0);
        QCOMPARE(m_suggestions.size(), 1);
    }

    // An image file dropped (its URL): the file's bytes as they are, its name offered
    // as the alt text.
    void droppedImageFile() {
        const QString file = m_dir.filePath(QStringLiteral("harbour-map.png"));
        QImage image(3, 3, QImage::Format_RGB32);
        image.fill(Qt::green);
        QVERIFY(image.save(file, "PNG"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        auto* mime = new QMimeData;
        mime->setUrls({QUrl::fromLocalFile(file)});
        QVERIFY(m_paste->handles(mime));
        paste(mime);
        QCOMPARE(m_suggestions, QStringList{QStringLiteral("harbour-map")});
        const QString name =
            QString::fromLatin1(
                QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().left(16)) +
            QStringLiteral(".png");
        QCOMPARE(m_editor->toPlainText(),
                 QStringLiteral("Before.\n![A harbour map](media:%1)").arg(name));
        QCOMPARE(m_library->media(name)->data, bytes);
    }
};

QTEST_MAIN(TestSmartPaste)
#include "tst_smartpaste.moc"
