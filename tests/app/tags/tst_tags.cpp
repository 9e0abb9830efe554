// The tag and category vocabularies on real library files: every operation, its
// revisions (metadata revisions that restore like any other), bad input refused with
// nothing changed, a failure in the middle rolled back, the trash and the list filters.
#include "library/library.h"
#include "library/trash.h"
#include "support/libraryfixture.h"
#include "tags/tags.h"

#include <QStandardPaths>
#include <QTest>

using namespace copydesk;
using namespace copydesk::test;
using tags::Vocabulary;

namespace {

Article article(const QString& slug, const QStringList& tagSlugs, const QStringList& cats = {}) {
    Article a;
    a.slug = slug;
    a.sourceLanguage = QStringLiteral("en");
    a.byline = slug.startsWith(QLatin1String("b")) ? QStringLiteral("Bea") : QStringLiteral("Ann");
    a.tags = tagSlugs;
    a.categories = cats;
    LanguageVersion en;
    en.language = QStringLiteral("en");
    en.title = QStringLiteral("Title of ") + slug;
    en.body = QStringLiteral("The body of ") + slug + QStringLiteral(" about water and schools.");
    a.versions.append(en);
    return a;
}

QStringList tagsOf(const Library& library, const QString& slug) {
    auto a = library.findArticle(slug);
    return a ? a->tags : QStringList{QStringLiteral("error: ") + a.error()};
}

QStringList slugsOf(const Result<QList<ArticleSummary>>& rows) {
    if (!rows)
        return {QStringLiteral("error: ") + rows.error()};
    QStringList out;
    for (const ArticleSummary& s : *rows)
        out.append(s.slug);
    out.sort();
    return out;
}

QStringList termSlugs(const Library& library, Vocabulary v) {
    auto list = tags::list(library, v);
    if (!list)
        return {QStringLiteral("error: ") + list.error()};
    QStringList out;
    for (const tags::TermUsage& t : *list)
        out.append(t.term.slug + QLatin1Char('=') + QString::number(t.articles));
    return out;
}

} // namespace

class TestTags final : public QObject {
    Q_OBJECT

    LibraryFolder m_folder;
    std::unique_ptr<Library> m_library;

    Library& lib() { return *m_library; }

    void populate() {
        QList<Article> articles{
            article(QStringLiteral("a1"), {QStringLiteral("water"), QStringLiteral("schools")}),
            article(QStringLiteral("a2"), {QStringLiteral("water")}),
            article(QStringLiteral("a3"), {QStringLiteral("schools"), QStringLiteral("h2o")}),
            article(QStringLiteral("b4"), {QStringLiteral("h2o"), QStringLiteral("water")}),
            article(QStringLiteral("b5"), {}),
        };
        QVERIFY(lib().saveAll(articles, RevisionKind::Import));
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        auto opened = Library::open(m_folder.newPath());
        QVERIFY2(opened, qPrintable(opened.error()));
        m_library = std::move(*opened);
        populate();
    }
    void cleanup() { m_library.reset(); }

    void badNamesAreRefused_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QString() << QStringLiteral("cannot be empty");
        QTest::newRow("whitespace")
            << QStringLiteral(" \t\u3000 ") << QStringLiteral("only whitespace");
        QTest::newRow("201 characters")
            << QString(201, QLatin1Char('x')) << QStringLiteral("201 characters long");
        // Characters, not UTF-16 units: 150 CJK extension B characters are 300 units.
        QTest::newRow("201 astral characters")
            << QString::fromUcs4(std::u32string(201, U'\U00020000').c_str())
            << QStringLiteral("201 characters long");
        QTest::newRow("control character")
            << QStringLiteral("bad\x1b[2Jname") << QStringLiteral("control character");
        QTest::newRow("punctuation only") << QStringLiteral("!!!") << QStringLiteral("no letters");
    }
    void badNamesAreRefused() {
        QFETCH(QString, name);
        QFETCH(QString, message);
        const QStringList before = termSlugs(lib(), Vocabulary::Tags);
        for (const Vocabulary v : {Vocabulary::Tags, Vocabulary::Categories}) {
            auto created = tags::create(lib(), v, name);
            QVERIFY(!created);
            QCOMPARE(created.kind(), ErrorKind::InvalidInput);
            QVERIFY2(created.error().contains(message), qPrintable(created.error()));
            QVERIFY(!created.error().contains(QLatin1Char('\n')));
        }
        auto renamed = tags::rename(lib(), Vocabulary::Tags, QStringLiteral("water"), name);
        QVERIFY(!renamed);
        QCOMPARE(renamed.kind(), ErrorKind::InvalidInput);
        auto labelled =
            tags::setLabel(lib(), Vocabulary::Tags, QStringLiteral("water"), QStringLiteral("fr"),
                           name.isEmpty() ? QStringLiteral(" ") : name);
        // A label is shown, not turned into a slug: "!!!" is a poor label, not a bad one.
        QCOMPARE(bool(labelled), name == QLatin1String("!!!"));
        QCOMPARE(termSlugs(lib(), Vocabulary::Tags), before);
    }

    void nameOfTwoHundredCharactersIsAccepted() {
        auto created = tags::create(lib(), Vocabulary::Tags, QString(200, QLatin1Char('y')));
        QVERIFY2(created, qPrintable(created.error()));
    }

    void createMakesSlugAndLabel_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("slug");
        QTest::addColumn<QString>("label");
        QTest::newRow("slug") << QStringLiteral("climate") << QString() << QStringLiteral("climate")
                              << QString();
        QTest::newRow("French label")
            << QStringLiteral("  Enseignement supérieur ") << QStringLiteral("fr")
            << QStringLiteral("enseignement-superieur") << QStringLiteral("Enseignement supérieur");
        QTest::newRow("Russian label")
            << QStringLiteral("Высшее образование") << QStringLiteral("ru")
            << QStringLiteral("vyssee-obrazovanie") << QStringLiteral("Высшее образование");
    }
    void createMakesSlugAndLabel() {
        QFETCH(QString, name);
        QFETCH(QString, language);
        QFETCH(QString, slug);
        QFETCH(QString, label);
        auto created = tags::create(lib(), Vocabulary::Tags, name, language);
        QVERIFY2(created, qPrintable(created.error()));
        QCOMPARE(*created, slug);
        const auto all = lib().tags();
        QVERIFY(all);
        const auto it =
            std::find_if(all->begin(), all->end(), [&](const Term& t) { return t.slug == slug; });
        QVERIFY(it != all->end());
        QCOMPARE(it->labels.value(language), label);
        // Twice is a conflict.
        auto again = tags::create(lib(), Vocabulary::Tags, name, language);
        QVERIFY(!again);
        QCOMPARE(again.kind(), ErrorKind::Conflict);
    }

    void listCountsArticles() {
        QCOMPARE(termSlugs(lib(), Vocabulary::Tags),
                 (QStringList{QStringLiteral("h2o=2"), QStringLiteral("schools=2"),
                              QStringLiteral("water=3")}));
        QCOMPARE(*tags::usage(lib(), Vocabulary::Tags, QStringLiteral("water")), 3);
        QCOMPARE(tags::usage(lib(), Vocabulary::Tags, QStringLiteral("nope")).kind(),
                 ErrorKind::NotFound);
    }

    void mergeMovesArticlesAndRecordsRevisions() {
        QVERIFY(
            lib().setTagLabel(QStringLiteral("h2o"), QStringLiteral("fr"), QStringLiteral("eau")));
        QVERIFY(lib().setTagLabel(QStringLiteral("water"), QStringLiteral("en"),
                                  QStringLiteral("Water")));
        const Article b4Before = *lib().findArticle(QStringLiteral("b4"));
        const auto revisionsBefore = lib().revisions(b4Before.id);
        auto merged =
            tags::merge(lib(), Vocabulary::Tags, QStringLiteral("h2o"), QStringLiteral("water"));
        QVERIFY2(merged, qPrintable(merged.error()));
        QCOMPARE(merged->articles, 2);
        // b4 had both: one left, at the earlier place.
        QCOMPARE(tagsOf(lib(), QStringLiteral("b4")), QStringList{QStringLiteral("water")});
        QCOMPARE(tagsOf(lib(), QStringLiteral("a3")),
                 (QStringList{QStringLiteral("schools"), QStringLiteral("water")}));
        QCOMPARE(termSlugs(lib(), Vocabulary::Tags),
                 (QStringList{QStringLiteral("schools=2"), QStringLiteral("water=4")}));
        const auto all = lib().tags();
        QCOMPARE(all->back().labels.value(QStringLiteral("fr")), QStringLiteral("eau"));
        QCOMPARE(all->back().labels.value(QStringLiteral("en")), QStringLiteral("Water"));
        // One new revision on each changed article, none on the others.
        const auto revisions = lib().revisions(b4Before.id);
        QCOMPARE(revisions->size(), revisionsBefore->size() + 1);
        QVERIFY2(revisions->front().note.contains(QLatin1String("merged")),
                 qPrintable(revisions->front().note));
        QCOMPARE(lib().revisions(lib().findArticle(QStringLiteral("a2"))->id)->size(), 1);
        // The metadata revision reads back as the whole article.
        const auto atMerge = lib().articleAtRevision(revisions->front().id);
        QVERIFY2(atMerge, qPrintable(atMerge.error()));
        const Article now = *lib().findArticle(QStringLiteral("b4"));
        QCOMPARE(atMerge->tags, QStringList{QStringLiteral("water")});
        QCOMPARE(atMerge->versions, now.versions);
        QCOMPARE(atMerge->byline, now.byline);
        QCOMPARE(atMerge->updated, now.updated);
        QVERIFY(now.updated > b4Before.updated);
        // Restoring the revision before the merge brings the old tag back, body and all.
        auto restored = lib().restore(revisions->at(1).id);
        QVERIFY2(restored, qPrintable(restored.error()));
        QCOMPARE(tagsOf(lib(), QStringLiteral("b4")),
                 (QStringList{QStringLiteral("h2o"), QStringLiteral("water")}));
        QCOMPARE(lib().findArticle(QStringLiteral("b4"))->versions, b4Before.versions);
        // And restoring the metadata revision after a text change restores its text too.
        Article edited = *lib().findArticle(QStringLiteral("b4"));
        edited.versions[0].body = QStringLiteral("Changed later.");
        QVERIFY(lib().save(edited));
        QVERIFY(lib().restore(revisions->front().id));
        const Article back = *lib().findArticle(QStringLiteral("b4"));
        QCOMPARE(back.tags, QStringList{QStringLiteral("water")});
        QCOMPARE(back.versions.front().body, b4Before.versions.front().body);
    }

    void metadataRevisionOnMetadataRevision() {
        // Two vocabulary changes in a row: the second is based on the same full snapshot.
        QVERIFY(tags::rename(lib(), Vocabulary::Tags, QStringLiteral("water"),
                             QStringLiteral("fresh-water")));
        QVERIFY(tags::merge(lib(), Vocabulary::Tags, QStringLiteral("schools"),
                            QStringLiteral("fresh-water")));
        const Article a1 = *lib().findArticle(QStringLiteral("a1"));
        const auto revisions = lib().revisions(a1.id);
        QCOMPARE(revisions->size(), 3);
        QCOMPARE(lib().articleAtRevision(revisions->at(0).id)->tags,
                 QStringList{QStringLiteral("fresh-water")});
        QCOMPARE(lib().articleAtRevision(revisions->at(1).id)->tags,
                 (QStringList{QStringLiteral("fresh-water"), QStringLiteral("schools")}));
        QCOMPARE(lib().articleAtRevision(revisions->at(1).id)->versions, a1.versions);
        // diffArticles (history) between the two sees the tag line only.
        const QString diff = diffArticles(*lib().articleAtRevision(revisions->at(1).id),
                                          *lib().articleAtRevision(revisions->at(0).id));
        QVERIFY2(diff.contains(QLatin1String("schools")), qPrintable(diff));
        QVERIFY2(!diff.contains(QLatin1String("body")), qPrintable(diff));
    }

    void mergeIntoItselfOrUnknownIsRefused_data() {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("into");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("itself") << QStringLiteral("water") << QStringLiteral("water")
                                << int(ErrorKind::InvalidInput) << QStringLiteral("into itself");
        QTest::newRow("unknown source")
            << QStringLiteral("nope") << QStringLiteral("water") << int(ErrorKind::NotFound)
            << QStringLiteral("no tag 'nope'");
        QTest::newRow("unknown target")
            << QStringLiteral("water") << QStringLiteral("nope") << int(ErrorKind::NotFound)
            << QStringLiteral("no tag 'nope'");
    }
    void mergeIntoItselfOrUnknownIsRefused() {
        QFETCH(QString, from);
        QFETCH(QString, into);
        QFETCH(int, kind);
        QFETCH(QString, message);
        const QByteArray before = sha256Of(lib().path());
        auto merged = tags::merge(lib(), Vocabulary::Tags, from, into);
        QVERIFY(!merged);
        QCOMPARE(int(merged.kind()), kind);
        QVERIFY2(merged.error().contains(message), qPrintable(merged.error()));
        QVERIFY2(merged.error().contains(lib().path()), qPrintable(merged.error()));
        QCOMPARE(termSlugs(lib(), Vocabulary::Tags).size(), 3);
    }

    void renameOntoExistingOffersMerge() {
        auto renamed =
            tags::rename(lib(), Vocabulary::Tags, QStringLiteral("h2o"), QStringLiteral("water"));
        QVERIFY(!renamed);
        QCOMPARE(renamed.kind(), ErrorKind::Conflict);
        QVERIFY2(renamed.error().contains(QLatin1String("tags merge h2o water")),
                 qPrintable(renamed.error()));
        QCOMPARE(tagsOf(lib(), QStringLiteral("a3")),
                 (QStringList{QStringLiteral("schools"), QStringLiteral("h2o")}));
    }

    void renameKeepsPlaceAndLabels() {
        QVERIFY(
            lib().setTagLabel(QStringLiteral("h2o"), QStringLiteral("ar"), QStringLiteral("مياه")));
        auto renamed = tags::rename(lib(), Vocabulary::Tags, QStringLiteral("h2o"),
                                    QStringLiteral("Drinking water"));
        QVERIFY2(renamed, qPrintable(renamed.error()));
        QCOMPARE(renamed->articles, 2);
        QCOMPARE(tagsOf(lib(), QStringLiteral("b4")),
                 (QStringList{QStringLiteral("drinking-water"), QStringLiteral("water")}));
        QCOMPARE(lib().tags()->front().labels.value(QStringLiteral("ar")), QStringLiteral("مياه"));
    }

    void removeAndUndo() {
        QVERIFY(lib().setTagLabel(QStringLiteral("water"), QStringLiteral("zh-Hans"),
                                  QStringLiteral("水")));
        auto removed = tags::remove(lib(), Vocabulary::Tags, QStringLiteral("water"));
        QVERIFY2(removed, qPrintable(removed.error()));
        QCOMPARE(removed->articles(), 3);
        QCOMPARE(tagsOf(lib(), QStringLiteral("b4")), QStringList{QStringLiteral("h2o")});
        QCOMPARE(termSlugs(lib(), Vocabulary::Tags),
                 (QStringList{QStringLiteral("h2o=2"), QStringLiteral("schools=2")}));
        auto undone = tags::undoRemove(lib(), *removed);
        QVERIFY2(undone, qPrintable(undone.error()));
        QCOMPARE(undone->articles, 3);
        QCOMPARE(tagsOf(lib(), QStringLiteral("b4")),
                 (QStringList{QStringLiteral("h2o"), QStringLiteral("water")}));
        QCOMPARE(tagsOf(lib(), QStringLiteral("a1")),
                 (QStringList{QStringLiteral("water"), QStringLiteral("schools")}));
        QCOMPARE(lib().tags()->back().labels.value(QStringLiteral("zh-Hans")),
                 QStringLiteral("水"));
        // Two revisions on b4 (delete, undo), besides the import.
        QCOMPARE(lib().revisions(lib().findArticle(QStringLiteral("b4"))->id)->size(), 3);
    }

    // A failure in the last statement (the revisions) leaves everything as it was. The
    // fault is injected: a trigger refusing new revisions, as a full disk would refuse.
    void failureInTheMiddleChangesNothing() {
        QVERIFY(rawExec(lib().path(),
                        {QStringLiteral("CREATE TRIGGER no_revisions BEFORE INSERT ON revisions"
                                        " BEGIN SELECT RAISE(ABORT, 'injected fault'); END")}));
        const QStringList before = termSlugs(lib(), Vocabulary::Tags);
        auto merged =
            tags::merge(lib(), Vocabulary::Tags, QStringLiteral("h2o"), QStringLiteral("water"));
        QVERIFY(!merged);
        QVERIFY2(merged.error().contains(QLatin1String("injected fault")),
                 qPrintable(merged.error()));
        QCOMPARE(termSlugs(lib(), Vocabulary::Tags), before);
        QCOMPARE(tagsOf(lib(), QStringLiteral("b4")),
                 (QStringList{QStringLiteral("h2o"), QStringLiteral("water")}));
        QVERIFY(!tags::remove(lib(), Vocabulary::Tags, QStringLiteral("water")));
        QCOMPARE(termSlugs(lib(), Vocabulary::Tags), before);
        QVERIFY(
            !tags::rename(lib(), Vocabulary::Tags, QStringLiteral("water"), QStringLiteral("w")));
        QCOMPARE(termSlugs(lib(), Vocabulary::Tags), before);
    }

    void batchAddAndRemove() {
        const QUuid a2 = lib().findArticle(QStringLiteral("a2"))->id;
        const QUuid b5 = lib().findArticle(QStringLiteral("b5"))->id;
        auto added = tags::addToArticles(lib(), Vocabulary::Tags, QStringLiteral("schools"),
                                         {a2, b5, lib().findArticle(QStringLiteral("a1"))->id});
        QVERIFY2(added, qPrintable(added.error()));
        QCOMPARE(added->articles, 2); // a1 had it
        QCOMPARE(tagsOf(lib(), QStringLiteral("a2")),
                 (QStringList{QStringLiteral("water"), QStringLiteral("schools")}));
        QCOMPARE(tagsOf(lib(), QStringLiteral("b5")), QStringList{QStringLiteral("schools")});
        auto removed =
            tags::removeFromArticles(lib(), Vocabulary::Tags, QStringLiteral("water"), {a2, b5});
        QCOMPARE(removed->articles, 1);
        QCOMPARE(tagsOf(lib(), QStringLiteral("a2")), QStringList{QStringLiteral("schools")});
        // An unknown article fails the whole batch.
        auto unknown = tags::addToArticles(lib(), Vocabulary::Tags, QStringLiteral("h2o"),
                                           {a2, QUuid::createUuid()});
        QCOMPARE(unknown.kind(), ErrorKind::NotFound);
        QCOMPARE(tagsOf(lib(), QStringLiteral("a2")), QStringList{QStringLiteral("schools")});
    }

    void categoriesAreAHierarchy() {
        QVERIFY(tags::create(lib(), Vocabulary::Categories, QStringLiteral("news")));
        QVERIFY(tags::create(lib(), Vocabulary::Categories, QStringLiteral("africa"), {},
                             QStringLiteral("news")));
        QVERIFY(tags::create(lib(), Vocabulary::Categories, QStringLiteral("sahel"), {},
                             QStringLiteral("africa")));
        QCOMPARE(
            tags::create(lib(), Vocabulary::Tags, QStringLiteral("x"), {}, QStringLiteral("news"))
                .kind(),
            ErrorKind::InvalidInput);
        Article a = *lib().findArticle(QStringLiteral("a1"));
        a.categories = {QStringLiteral("sahel")};
        QVERIFY(lib().save(a));
        Article b = *lib().findArticle(QStringLiteral("b4"));
        b.categories = {QStringLiteral("news")};
        QVERIFY(lib().save(b));
        // A category lists the articles of its subcategories.
        ListFilter f;
        f.category = QStringLiteral("news");
        QCOMPARE(slugsOf(lib().list(f)), (QStringList{QStringLiteral("a1"), QStringLiteral("b4")}));
        QCOMPARE(*lib().count(f), 2);
        f.category = QStringLiteral("africa");
        QCOMPARE(slugsOf(lib().list(f)), QStringList{QStringLiteral("a1")});
        // No cycles.
        auto cycle = tags::setParent(lib(), QStringLiteral("news"), QStringLiteral("sahel"));
        QCOMPARE(cycle.kind(), ErrorKind::InvalidInput);
        QVERIFY2(cycle.error().contains(QLatin1String("subcategories")), qPrintable(cycle.error()));
        QCOMPARE(tags::setParent(lib(), QStringLiteral("news"), QStringLiteral("news")).kind(),
                 ErrorKind::InvalidInput);
        QCOMPARE(tags::merge(lib(), Vocabulary::Categories, QStringLiteral("africa"),
                             QStringLiteral("sahel"))
                     .kind(),
                 ErrorKind::InvalidInput);
        // Deleting africa moves sahel up to news; undo puts it back.
        auto removed = tags::remove(lib(), Vocabulary::Categories, QStringLiteral("africa"));
        QVERIFY2(removed, qPrintable(removed.error()));
        QCOMPARE(removed->children, QStringList{QStringLiteral("sahel")});
        auto parentOf = [&](const QString& slug) {
            const auto categories = lib().categories();
            for (const Term& t : *categories)
                if (t.slug == slug)
                    return t.parent;
            return QStringLiteral("<none>");
        };
        QCOMPARE(parentOf(QStringLiteral("sahel")), QStringLiteral("news"));
        QVERIFY(tags::undoRemove(lib(), *removed));
        QCOMPARE(parentOf(QStringLiteral("sahel")), QStringLiteral("africa"));
        QCOMPARE(parentOf(QStringLiteral("africa")), QStringLiteral("news"));
        // Merging sahel into news: a1 moves, sahel's children would too.
        auto merged = tags::merge(lib(), Vocabulary::Categories, QStringLiteral("sahel"),
                                  QStringLiteral("news"));
        QVERIFY2(merged, qPrintable(merged.error()));
        QCOMPARE(lib().findArticle(QStringLiteral("a1"))->categories,
                 QStringList{QStringLiteral("news")});
    }

    void labelsPerLanguage() {
        QVERIFY(tags::setLabel(lib(), Vocabulary::Tags, QStringLiteral("schools"),
                               QStringLiteral("zh_hans"), QStringLiteral("学校")));
        QVERIFY(tags::setLabel(lib(), Vocabulary::Tags, QStringLiteral("schools"),
                               QStringLiteral("fr"), QStringLiteral("Écoles")));
        const Term t = lib().tags()->at(1);
        QCOMPARE(t.labels.value(QStringLiteral("zh-Hans")), QStringLiteral("学校"));
        QCOMPARE(tags::labelFor(t, QStringLiteral("fr-CA")), QStringLiteral("Écoles"));
        QCOMPARE(tags::labelFor(t, QStringLiteral("zh-Hant")), QStringLiteral("学校"));
        QCOMPARE(tags::labelFor(t, QStringLiteral("ru")), QStringLiteral("schools"));
        QCOMPARE(tags::setLabel(lib(), Vocabulary::Tags, QStringLiteral("schools"),
                                QStringLiteral("not a tag!"), QStringLiteral("x"))
                     .kind(),
                 ErrorKind::InvalidInput);
        QCOMPARE(tags::setLabel(lib(), Vocabulary::Tags, QStringLiteral("nope"),
                                QStringLiteral("fr"), QStringLiteral("x"))
                     .kind(),
                 ErrorKind::NotFound);
        // An empty label removes it.
        QVERIFY(tags::setLabel(lib(), Vocabulary::Tags, QStringLiteral("schools"),
                               QStringLiteral("fr"), QString()));
        QVERIFY(!lib().tags()->at(1).labels.contains(QStringLiteral("fr")));
    }

    void trashLeavesListAndSearch() {
        const QUuid a1 = lib().findArticle(QStringLiteral("a1"))->id;
        QCOMPARE(*moveToTrash(lib(), {a1}), 1);
        QCOMPARE(*moveToTrash(lib(), {a1}), 0);
        QCOMPARE(*trashCount(lib()), 1);
        QVERIFY(!slugsOf(lib().list()).contains(QStringLiteral("a1")));
        ListFilter inTrash;
        inTrash.trash = true;
        QCOMPARE(slugsOf(lib().list(inTrash)), QStringList{QStringLiteral("a1")});
        QVERIFY(lib().list(inTrash)->front().trashed.isValid());
        const auto found = lib().search(QStringLiteral("a1 about"));
        QVERIFY(found);
        QVERIFY(found->hits.isEmpty());
        QCOMPARE(*restoreFromTrash(lib(), {a1}), 1);
        QCOMPARE(slugsOf(lib().list()).size(), 5);
        QCOMPARE(lib().search(QStringLiteral("a1 about"))->hits.size(), 1);
        QCOMPARE(moveToTrash(lib(), {QUuid::createUuid()}).kind(), ErrorKind::NotFound);
        QCOMPARE(*moveToTrash(lib(), {a1, lib().findArticle(QStringLiteral("b5"))->id}), 2);
        QCOMPARE(*emptyTrash(lib()), 2);
        QCOMPARE(*lib().count(), 3);
        QCOMPARE(lib().findArticle(QStringLiteral("a1")).kind(), ErrorKind::NotFound);
    }

    void listFilters_data() {
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("author");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("tag") << QStringLiteral("h2o") << QString() << QString()
                             << QStringList{QStringLiteral("a3"), QStringLiteral("b4")};
        QTest::newRow("author") << QString() << QStringLiteral("Bea") << QString()
                                << QStringList{QStringLiteral("b4"), QStringLiteral("b5")};
        QTest::newRow("tag and author") << QStringLiteral("water") << QStringLiteral("Bea")
                                        << QString() << QStringList{QStringLiteral("b4")};
        QTest::newRow("language") << QString() << QString() << QStringLiteral("fr")
                                  << QStringList{};
        QTest::newRow("unknown tag")
            << QStringLiteral("nope") << QString() << QString() << QStringList{};
    }
    void listFilters() {
        QFETCH(QString, tag);
        QFETCH(QString, author);
        QFETCH(QString, language);
        QFETCH(QStringList, expected);
        ListFilter f;
        f.tag = tag;
        f.author = author;
        f.language = language;
        QCOMPARE(slugsOf(lib().list(f)), expected);
        QCOMPARE(*lib().count(f), int(expected.size()));
    }

    void listDateRangeAndSort() {
        const auto all = lib().list();
        QVERIFY(all);
        ListFilter f;
        f.since = all->at(2).updated;
        f.until = all->at(0).updated.addMSecs(1);
        // [since, until): the three newest, and any saved in the same instant as the third.
        const int n = *lib().count(f);
        QVERIFY2(n >= 3 && n <= int(all->size()), qPrintable(QString::number(n)));
        f.since = all->at(0).updated.addSecs(1);
        QCOMPARE(*lib().count(f), 0);
        f = {};
        f.sort = ListSort::Byline;
        f.descending = false;
        const auto byAuthor = lib().list(f);
        QCOMPARE(byAuthor->front().byline, QStringLiteral("Ann"));
        QCOMPARE(byAuthor->back().byline, QStringLiteral("Bea"));
        QCOMPARE(byAuthor->front().tags.isEmpty(), false);
    }
};

QTEST_GUILESS_MAIN(TestTags)
#include "tst_tags.moc"
