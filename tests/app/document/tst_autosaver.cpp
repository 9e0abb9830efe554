#include "document/articledocument.h"
#include "document/autosaver.h"
#include "library/library.h"
#include "support/articlefixture.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>

using namespace copydesk;
using namespace std::chrono_literals;

namespace {

void type(QTextDocument* document, const QString& text) {
    QTextCursor cursor(document);
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text);
}

// The connection of the one Library open in this process (max_page_count is set per
// connection).
QSqlDatabase libraryConnection() {
    for (const QString& name : QSqlDatabase::connectionNames()) {
        if (name.startsWith(QLatin1String("copydesk-library-")))
            return QSqlDatabase::database(name, false);
    }
    return {};
}

int revisionCount(const Library& library, const QUuid& id) {
    auto revisions = library.revisions(id);
    return revisions ? int(revisions->size()) : -1;
}

QString storedBody(const Library& library, const QUuid& id, const QString& language) {
    auto article = library.article(id);
    if (!article || !article->version(language))
        return QStringLiteral("<missing>");
    return article->version(language)->body;
}

} // namespace

class TestAutosaver final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<Library> m_library;
    Article m_article;

    // A library holding one article with an English (source) and a French version.
    void openLibrary() {
        auto library =
            Library::open(m_dir.filePath(QStringLiteral("l%1.copydesk").arg(++m_counter)));
        QVERIFY2(library, qPrintable(library.error()));
        m_library = std::move(*library);
        m_article = test::articleWithTranslation(
            QStringLiteral("en"), QStringLiteral("Cold chain"),
            QStringLiteral("Vaccines travel cold.\n"), QStringLiteral("fr"),
            QStringLiteral("Chaîne du froid"), QStringLiteral("Les vaccins voyagent au froid.\n"));
        QVERIFY(m_library->save(m_article));
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }
    void init() { openLibrary(); }
    void cleanup() { m_library.reset(); }

    // Several keystrokes, one save after the pause, as one revision.
    void savesAfterThePause() {
        auto document = ArticleDocument::open(m_article, QStringLiteral("en"));
        QVERIFY(document);
        Autosaver saver(*m_library);
        saver.setDelay(50ms);
        QVERIFY(saver.setDocument(document->get()));
        QCOMPARE(saver.state(), Autosaver::State::Saved);
        const int before = revisionCount(*m_library, m_article.id);
        QSignalSpy saved(&saver, &Autosaver::saved);
        for (const QString& key : {QStringLiteral("S"), QStringLiteral("o"), QStringLiteral("on")})
            type((*document)->body(), key);
        QCOMPARE(saver.state(), Autosaver::State::Pending);
        QTRY_COMPARE(saved.count(), 1);
        QCOMPARE(saver.state(), Autosaver::State::Saved);
        QVERIFY(!(*document)->isModified());
        QCOMPARE(storedBody(*m_library, m_article.id, QStringLiteral("en")),
                 QStringLiteral("Vaccines travel cold.\nSoon"));
        QCOMPARE(revisionCount(*m_library, m_article.id), before + 1);
        // The French version is saved as it was.
        QCOMPARE(storedBody(*m_library, m_article.id, QStringLiteral("fr")),
                 QStringLiteral("Les vaccins voyagent au froid.\n"));
    }

    void nothingToSaveRecordsNothing() {
        auto document = ArticleDocument::open(m_article, QStringLiteral("en"));
        QVERIFY(document);
        Autosaver saver(*m_library);
        QVERIFY(saver.setDocument(document->get()));
        const int before = revisionCount(*m_library, m_article.id);
        QVERIFY(saver.flush());
        QVERIFY(saver.setDocument(nullptr));
        QCOMPARE(revisionCount(*m_library, m_article.id), before);
    }

    // Typing undone back to the saved text leaves nothing to save: the state goes back
    // to Saved (it stayed "Pending" for ever) and no revision is recorded.
    void undoneEditsAreSaved() {
        auto document = ArticleDocument::open(m_article, QStringLiteral("en"));
        QVERIFY(document);
        Autosaver saver(*m_library);
        saver.setDelay(1h);
        QVERIFY(saver.setDocument(document->get()));
        const int before = revisionCount(*m_library, m_article.id);
        type((*document)->body(), QStringLiteral("Oops"));
        QCOMPARE(saver.state(), Autosaver::State::Pending);
        (*document)->body()->undo();
        QVERIFY(!(*document)->isModified());
        QVERIFY(saver.flush());
        QCOMPARE(saver.state(), Autosaver::State::Saved);
        QCOMPARE(revisionCount(*m_library, m_article.id), before);
    }

    // Autosaves are of kind Autosave and merge; the named one is a Save, kept.
    void autosavesMergeNamedOnesStay() {
        auto document = ArticleDocument::open(m_article, QStringLiteral("en"));
        QVERIFY(document);
        Autosaver saver(*m_library);
        saver.setDelay(1h);
        QVERIFY(saver.setDocument(document->get()));
        const int before = revisionCount(*m_library, m_article.id);
        for (const QString& key : {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}) {
            type((*document)->body(), key);
            QVERIFY(saver.flush());
        }
        QCOMPARE(revisionCount(*m_library, m_article.id), before + 1);
        QVERIFY(saver.saveRevision(QStringLiteral("Named")));
        type((*document)->body(), QStringLiteral("D"));
        QVERIFY(saver.flush());
        const auto revisions = m_library->revisions(m_article.id);
        QVERIFY(revisions);
        QCOMPARE(revisions->size(), before + 3);
        QCOMPARE(revisions->at(0).kind, RevisionKind::Autosave);
        QCOMPARE(revisions->at(1).kind, RevisionKind::Save);
        QCOMPARE(revisions->at(1).note, QStringLiteral("Named"));
        QCOMPARE(revisions->at(2).kind, RevisionKind::Autosave);
        QCOMPARE(revisions->at(2).note, QStringLiteral("en"));
    }

    // Switching version saves the one left at once, before any debounce.
    void switchingSavesThePreviousDocument() {
        auto english = ArticleDocument::open(m_article, QStringLiteral("en"));
        QVERIFY(english);
        Autosaver saver(*m_library);
        saver.setDelay(1h);
        QVERIFY(saver.setDocument(english->get()));
        type((*english)->body(), QStringLiteral("Left behind."));
        QVERIFY(saver.setDocument(nullptr));
        // The French version opens from the article as saved, English edits included.
        auto latest = m_library->article(m_article.id);
        QVERIFY(latest);
        QCOMPARE(latest->version(QStringLiteral("en"))->body,
                 QStringLiteral("Vaccines travel cold.\nLeft behind."));
        auto french = ArticleDocument::open(*latest, QStringLiteral("fr"));
        QVERIFY(french);
        QVERIFY(saver.setDocument(french->get()));
        type((*french)->body(), QStringLiteral("Fin."));
        QVERIFY(saver.flush());
        latest = m_library->article(m_article.id);
        QCOMPARE(latest->version(QStringLiteral("en"))->body,
                 QStringLiteral("Vaccines travel cold.\nLeft behind."));
        QCOMPARE(latest->version(QStringLiteral("fr"))->body,
                 QStringLiteral("Les vaccins voyagent au froid.\nFin."));
    }

    void metadataEditsAreSaved() {
        auto document = ArticleDocument::open(m_article, QStringLiteral("fr"));
        QVERIFY(document);
        Autosaver saver(*m_library);
        saver.setDelay(50ms);
        QVERIFY(saver.setDocument(document->get()));
        (*document)->setField(ArticleDocument::Field::Title, QStringLiteral("La chaîne du froid"));
        QCOMPARE(saver.state(), Autosaver::State::Pending);
        QTRY_COMPARE(saver.state(), Autosaver::State::Saved);
        QCOMPARE(m_library->article(m_article.id)->version(QStringLiteral("fr"))->title,
                 QStringLiteral("La chaîne du froid"));
    }

    void namedRevision() {
        auto document = ArticleDocument::open(m_article, QStringLiteral("en"));
        QVERIFY(document);
        Autosaver saver(*m_library);
        QVERIFY(saver.setDocument(document->get()));
        const auto revision = saver.saveRevision(QStringLiteral("Sent to the desk"));
        QVERIFY2(revision, qPrintable(revision.error()));
        const auto revisions = m_library->revisions(m_article.id);
        QVERIFY(revisions);
        QCOMPARE(revisions->front().id, *revision);
        QCOMPARE(revisions->front().note, QStringLiteral("Sent to the desk"));
        QCOMPARE(revisions->front().kind, RevisionKind::Save);
    }

    // A full disk: the save fails with the library's message, the text stays in the
    // document (still modified) and the retry saves it once there is room again.
    void failedSaveKeepsTheText() {
        auto document = ArticleDocument::open(m_article, QStringLiteral("en"));
        QVERIFY(document);
        Autosaver saver(*m_library);
        saver.setDelay(1h);
        saver.setRetryDelay(50ms);
        QVERIFY(saver.setDocument(document->get()));
        QSqlDatabase db = libraryConnection();
        QVERIFY(db.isValid());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA page_count")) && q.next());
        const qint64 pages = q.value(0).toLongLong();
        QVERIFY(q.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages)));
        q.finish();
        const QString typed =
            QStringLiteral("A long paragraph that needs new pages. ").repeated(2000);
        type((*document)->body(), typed);
        QSignalSpy states(&saver, &Autosaver::stateChanged);
        const auto flushed = saver.flush();
        QVERIFY(!flushed);
        QCOMPARE(flushed.kind(), ErrorKind::DiskFull);
        QCOMPARE(saver.state(), Autosaver::State::Failed);
        QVERIFY2(saver.error().contains(QStringLiteral("the disk is full")),
                 qPrintable(saver.error()));
        QVERIFY(!saver.error().contains(QLatin1Char('\n')));
        QVERIFY((*document)->isModified());
        QCOMPARE((*document)->bodyText(), QStringLiteral("Vaccines travel cold.\n") + typed);
        QCOMPARE(storedBody(*m_library, m_article.id, QStringLiteral("en")),
                 QStringLiteral("Vaccines travel cold.\n"));

        QVERIFY(q.exec(QStringLiteral("PRAGMA max_page_count = 1073741823")));
        q.finish();
        QTRY_COMPARE(saver.state(), Autosaver::State::Saved);
        QCOMPARE(storedBody(*m_library, m_article.id, QStringLiteral("en")),
                 QStringLiteral("Vaccines travel cold.\n") + typed);
        QVERIFY(saver.error().isEmpty());
    }

    void readOnlyLibrarySavesNothing() {
        const QString path = m_library->path();
        m_library.reset();
        auto readOnly = Library::open(path, Library::Mode::ReadOnly);
        QVERIFY2(readOnly, qPrintable(readOnly.error()));
        auto document = ArticleDocument::open(m_article, QStringLiteral("en"));
        QVERIFY(document);
        Autosaver saver(**readOnly);
        saver.setDelay(10ms);
        QVERIFY(saver.setDocument(document->get()));
        QCOMPARE(saver.state(), Autosaver::State::ReadOnly);
        type((*document)->body(), QStringLiteral("Not saved"));
        QTest::qWait(50);
        QCOMPARE(saver.state(), Autosaver::State::ReadOnly);
        QVERIFY(saver.flush());
        const auto named = saver.saveRevision(QStringLiteral("x"));
        QVERIFY(!named);
        QCOMPARE(named.kind(), ErrorKind::Locked);
        QCOMPARE(storedBody(**readOnly, m_article.id, QStringLiteral("en")),
                 QStringLiteral("Vaccines travel cold.\n"));
    }
};

QTEST_MAIN(TestAutosaver)
#include "tst_autosaver.moc"
