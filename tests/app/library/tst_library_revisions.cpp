// Autosave revisions merge so that a typing session leaves a bounded number of them,
// while every other revision is kept as it was; media stored by content.

#include "library/library.h"
#include "support/articlefixture.h"
#include "support/libraryfixture.h"

#include <QStandardPaths>
#include <QTest>

using namespace copydesk;
using namespace std::chrono_literals;

namespace {

// The article's revisions, newest first, as "kind:note".
QStringList history(const Library& library, const QUuid& id) {
    QStringList out;
    const auto revisions = library.revisions(id);
    if (!revisions)
        return {QStringLiteral("error: ") + revisions.error()};
    for (const RevisionInfo& r : *revisions)
        out << revisionKindId(r.kind) + QLatin1Char(':') + r.note;
    return out;
}

QString bodyAt(const Library& library, qint64 revision, const QString& language) {
    const auto article = library.articleAtRevision(revision);
    if (!article || !article->version(language))
        return QStringLiteral("<missing>");
    return article->version(language)->body;
}

void setBody(Article& article, const QString& language, const QString& body) {
    for (LanguageVersion& v : article.versions) {
        if (v.language == language)
            v.body = body;
    }
}

} // namespace

class TestLibraryRevisions final : public QObject {
    Q_OBJECT

    test::LibraryFolder m_dir;
    std::unique_ptr<Library> m_library;
    Article m_article;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void init() {
        auto library = Library::open(m_dir.newPath());
        QVERIFY2(library, qPrintable(library.error()));
        m_library = std::move(*library);
        m_article = test::articleWithTranslation(
            QStringLiteral("en"), QStringLiteral("Cold chain"), QStringLiteral("Vaccines.\n"),
            QStringLiteral("fr"), QStringLiteral("Chaîne du froid"), QStringLiteral("Vaccins.\n"));
        QVERIFY(m_library->save(m_article, RevisionKind::Save, QStringLiteral("created")));
    }
    void cleanup() { m_library.reset(); }

    // A typing session: every autosave after the first replaces the previous one,
    // which ends up holding the last text, at the time of the last save.
    void typingSessionKeepsOneAutosave() {
        qint64 first = 0;
        for (const QString& text :
             {QStringLiteral("V"), QStringLiteral("Va"), QStringLiteral("Vac"),
              QStringLiteral("Vacc"), QStringLiteral("Vaccines travel cold.")}) {
            setBody(m_article, QStringLiteral("en"), text);
            const auto saved = m_library->save(m_article, RevisionKind::Autosave);
            QVERIFY2(saved, qPrintable(saved.error()));
            if (!first)
                first = *saved;
            QCOMPARE(*saved, first);
        }
        QCOMPARE(history(*m_library, m_article.id),
                 (QStringList{QStringLiteral("autosave:en"), QStringLiteral("save:created")}));
        QCOMPARE(bodyAt(*m_library, first, QStringLiteral("en")),
                 QStringLiteral("Vaccines travel cold."));
        QCOMPARE(m_library->article(m_article.id)->version(QStringLiteral("en"))->body,
                 QStringLiteral("Vaccines travel cold."));
    }

    // Named saves, exports, publishes, restores and imports are never merged, nor
    // merged into: each keeps the text it had.
    void otherRevisionsAreKept() {
        auto autosave = [&](const QString& text) {
            setBody(m_article, QStringLiteral("en"), text);
            return m_library->save(m_article, RevisionKind::Autosave);
        };
        QVERIFY(autosave(QStringLiteral("one")));
        QVERIFY(autosave(QStringLiteral("two")));
        setBody(m_article, QStringLiteral("en"), QStringLiteral("three"));
        const auto named = m_library->save(m_article, RevisionKind::Save, QStringLiteral("Sent"));
        QVERIFY(named);
        QVERIFY(autosave(QStringLiteral("four")));
        QVERIFY(autosave(QStringLiteral("five")));
        const auto exported = m_library->save(m_article, RevisionKind::Export, QStringLiteral("x"));
        QVERIFY(exported);
        QVERIFY(autosave(QStringLiteral("six")));
        const auto restored = m_library->restore(*named);
        QVERIFY2(restored, qPrintable(restored.error()));
        m_article = *m_library->article(m_article.id);
        QVERIFY(autosave(QStringLiteral("seven")));
        QVERIFY(autosave(QStringLiteral("eight")));
        // A named save with nothing changed is kept too.
        const auto again = m_library->save(m_article, RevisionKind::Save, QStringLiteral("Again"));
        QVERIFY(again);
        QCOMPARE(history(*m_library, m_article.id),
                 (QStringList{QStringLiteral("save:Again"), QStringLiteral("autosave:en"),
                              QStringLiteral("restore:restored revision %1").arg(*named),
                              QStringLiteral("autosave:en"), QStringLiteral("export:x"),
                              QStringLiteral("autosave:en"), QStringLiteral("save:Sent"),
                              QStringLiteral("autosave:en"), QStringLiteral("save:created")}));
        QCOMPARE(bodyAt(*m_library, *named, QStringLiteral("en")), QStringLiteral("three"));
        QCOMPARE(bodyAt(*m_library, *exported, QStringLiteral("en")), QStringLiteral("five"));
        QCOMPARE(bodyAt(*m_library, *restored, QStringLiteral("en")), QStringLiteral("three"));
        QCOMPARE(bodyAt(*m_library, *again, QStringLiteral("en")), QStringLiteral("eight"));
        const auto revisions = m_library->revisions(m_article.id);
        QVERIFY(revisions);
        // The autosave after the first named save holds the last text before the export.
        QCOMPARE(bodyAt(*m_library, revisions->at(5).id, QStringLiteral("en")),
                 QStringLiteral("five"));
        QCOMPARE(bodyAt(*m_library, revisions->at(7).id, QStringLiteral("en")),
                 QStringLiteral("two"));
    }

    // Autosaves of different versions are apart: the history of each version shows
    // its own.
    void versionsAreApart() {
        setBody(m_article, QStringLiteral("en"), QStringLiteral("English"));
        QVERIFY(m_library->save(m_article, RevisionKind::Autosave));
        setBody(m_article, QStringLiteral("fr"), QStringLiteral("Français"));
        QVERIFY(m_library->save(m_article, RevisionKind::Autosave));
        setBody(m_article, QStringLiteral("fr"), QStringLiteral("Français !"));
        QVERIFY(m_library->save(m_article, RevisionKind::Autosave));
        setBody(m_article, QStringLiteral("en"), QStringLiteral("English!"));
        setBody(m_article, QStringLiteral("fr"), QStringLiteral("Français !!"));
        QVERIFY(m_library->save(m_article, RevisionKind::Autosave));
        QCOMPARE(history(*m_library, m_article.id),
                 (QStringList{QStringLiteral("autosave:en,fr"), QStringLiteral("autosave:fr"),
                              QStringLiteral("autosave:en"), QStringLiteral("save:created")}));
    }

    // Past the window a new autosave starts (a zero window keeps every one).
    void windowEnds() {
        QCOMPARE(m_library->autosaveMergeWindow(), 10min);
        m_library->setAutosaveMergeWindow(0ms);
        for (const QString& text :
             {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}) {
            setBody(m_article, QStringLiteral("en"), text);
            QVERIFY(m_library->save(m_article, RevisionKind::Autosave));
        }
        QCOMPARE(history(*m_library, m_article.id),
                 (QStringList{QStringLiteral("autosave:en"), QStringLiteral("autosave:en"),
                              QStringLiteral("autosave:en"), QStringLiteral("save:created")}));
    }

    // A translation names its source revision: that autosave keeps its text.
    void sourceRevisionIsKept() {
        setBody(m_article, QStringLiteral("en"), QStringLiteral("Translated from this."));
        const auto source = m_library->save(m_article, RevisionKind::Autosave);
        QVERIFY(source);
        QVERIFY(test::rawExec(m_library->path(),
                              {QStringLiteral("UPDATE versions SET source_revision = %1"
                                              " WHERE language = 'fr'")
                                   .arg(*source)}));
        m_article = *m_library->article(m_article.id);
        setBody(m_article, QStringLiteral("en"), QStringLiteral("Edited after."));
        const auto after = m_library->save(m_article, RevisionKind::Autosave);
        QVERIFY(after);
        QVERIFY(*after != *source);
        QCOMPARE(bodyAt(*m_library, *source, QStringLiteral("en")),
                 QStringLiteral("Translated from this."));
    }

    // Media by content: the name comes from the bytes (sha256 written down here), the
    // same bytes twice are one item, alt text is stored with it.
    void mediaByContent() {
        const QByteArray data("not really a PNG, only its bytes");
        const auto name = m_library->addMediaContent(data, QStringLiteral("image/png"),
                                                     QStringLiteral("en"), QStringLiteral("A map"));
        QVERIFY2(name, qPrintable(name.error()));
        QCOMPARE(*name, QStringLiteral("bc621f81b4bdbf84.png"));
        const auto media = m_library->media(*name);
        QVERIFY(media);
        QCOMPARE(media->data, data);
        QCOMPARE(media->mimeType, QStringLiteral("image/png"));
        QCOMPARE(
            media->sha256,
            QStringLiteral("bc621f81b4bdbf843f7d2edb3bb85d9a4226acb0b4357b6b6e0eb30d990d5486"));
        QCOMPARE(media->altText.value(QStringLiteral("en")), QStringLiteral("A map"));
        QCOMPARE(*m_library->addMediaContent(data, QStringLiteral("image/png")), *name);
        const auto jpeg = m_library->addMediaContent("other bytes", QStringLiteral("image/jpeg"));
        QVERIFY(jpeg);
        QCOMPARE(*jpeg, QStringLiteral("a3ead5eedad5df82.jpg"));
        QCOMPARE(m_library->mediaList()->size(), 2);
        // Alt text already there stays.
        QCOMPARE(m_library->media(*name)->altText.value(QStringLiteral("en")),
                 QStringLiteral("A map"));

        const auto empty = m_library->addMediaContent({}, QStringLiteral("image/png"));
        QVERIFY(!empty);
        QCOMPARE(empty.kind(), ErrorKind::InvalidInput);
        QCOMPARE(m_library->mediaList()->size(), 2);
    }

    void mediaByContentReadOnly() {
        const QString path = m_library->path();
        m_library.reset();
        auto readOnly = Library::open(path, Library::Mode::ReadOnly);
        QVERIFY(readOnly);
        const auto refused = (*readOnly)->addMediaContent("x", QStringLiteral("image/png"));
        QVERIFY(!refused);
        QVERIFY(refused.error().contains(path));
        QCOMPARE((*readOnly)->mediaList()->size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLibraryRevisions)
#include "tst_library_revisions.moc"
