// The library browser's model and widget on a real library file: lazy pages, every
// sort order, every filter against the same selection made in C++ and against what
// copydesk-cli list answers on the same file, batch operations as one transaction
// each, saved searches in the library's settings.
#include "browser/browsermodel.h"
#include "browser/browserwidget.h"
#include "document/batchedit.h"
#include "library/browse.h"
#include "library/library.h"
#include "support/clirun.h"
#include "tags/tags.h"
#include "translation/segments.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <algorithm>
#include <functional>
#include <map>

using namespace copydesk;

Q_DECLARE_METATYPE(copydesk::BrowseFilter)

namespace {

constexpr int kArticles = 250;
const QDateTime kBase(QDate(2024, 1, 1), QTime(8, 0), Qt::UTC);

QString bylineOf(int i) {
    static const QStringList names{QStringLiteral("Ana Pérez"), QStringLiteral("Li Wei"),
                                   QStringLiteral("Omar Haddad"), QStringLiteral(""),
                                   // Sorted between A and L, case ignored.
                                   QStringLiteral("de la Cruz")};
    return names[i % names.size()];
}

Status statusOfIndex(int i) {
    static const Status s[] = {Status::Draft, Status::InReview, Status::Ready, Status::Published,
                               Status::Archived};
    return s[i % 5];
}

/// Article i of the test library, as generated.
Article makeTestArticle(int i) {
    Article a = makeArticle(QStringLiteral("en"),
                            QStringLiteral("Item %1 %2").arg(i % 7).arg(QChar(u'a' + i % 26)));
    a.slug = QStringLiteral("item-%1").arg(i);
    a.sourceLanguage = QStringLiteral("en");
    a.status = statusOfIndex(i);
    a.versions[0].status = a.status;
    a.byline = bylineOf(i);
    // Two articles share each updated time: ties must not repeat or lose rows.
    a.created = a.updated = kBase.addSecs(qint64(i / 2) * 86400 / 3);
    a.versions[0].body = i % 10 == 3 ? QStringLiteral("The desalination plant opened.")
                                     : QStringLiteral("Ordinary news.");
    a.tags = {QStringLiteral("t%1").arg(i % 4)};
    if (i % 3 == 0)
        a.tags.append(QStringLiteral("climate"));
    a.categories = {i % 2 ? QStringLiteral("press") : QStringLiteral("news")};
    // "briefings" is a subcategory of "press" (see initTestCase()).
    if (i % 7 == 0)
        a.categories = {QStringLiteral("briefings")};
    if (i % 2) {
        LanguageVersion ar;
        ar.language = QStringLiteral("ar");
        ar.title = QStringLiteral("خبر %1").arg(i);
        ar.translatedFrom = QStringLiteral("en");
        a.versions.append(ar);
    }
    if (i % 5 == 1) {
        LanguageVersion zh;
        zh.language = QStringLiteral("zh-Hans");
        zh.title = QStringLiteral("新闻%1").arg(i);
        a.versions.append(zh);
    }
    return a;
}

/// Reads every page into the model; returns the article ids in order.
QList<QUuid> loadAll(BrowserModel& model) {
    while (model.canFetchMore({}))
        model.fetchMore({});
    QList<QUuid> ids;
    for (int r = 0; r < model.rowCount(); ++r)
        ids.append(model.index(r, 0).data(BrowserModel::ArticleIdRole).toUuid());
    return ids;
}

} // namespace

class TestBrowser final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Library> m_library;
    QList<Article> m_articles;
    QString m_path;

    QSet<QUuid> expected(const std::function<bool(const Article&)>& keep) const {
        QSet<QUuid> ids;
        for (const Article& a : m_articles) {
            if (keep(a))
                ids.insert(a.id);
        }
        return ids;
    }

    /// What `copydesk-cli list` with `options` prints on the same library file (as
    /// JSON) must be `ids`, in that order.
    void compareWithCli(const QStringList& options, const QList<QUuid>& ids) const {
        const test::CliRun cli =
            test::runCli(QStringList{QStringLiteral("list"), QStringLiteral("--library"), m_path,
                                     QStringLiteral("--format"), QStringLiteral("json"),
                                     QStringLiteral("--limit"), QString::number(kArticles)} +
                             options,
                         {}, m_dir.path());
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
        QList<QUuid> cliIds;
        const QJsonArray rows = QJsonDocument::fromJson(cli.rawOut).array();
        for (const QJsonValue& row : rows)
            cliIds.append(QUuid::fromString(row.toObject().value(QLatin1String("id")).toString()));
        QVERIFY2(
            cliIds == ids,
            qPrintable(QStringLiteral("copydesk-cli list %1 gave %2 rows, the browser %3%4")
                           .arg(options.join(QLatin1Char(' ')))
                           .arg(cliIds.size())
                           .arg(ids.size())
                           .arg(cliIds.size() == ids.size() ? QStringLiteral(" in another order")
                                                            : QString())));
    }

private Q_SLOTS:
    void initTestCase() {
        const QString cliProblem = test::prepareCliTest();
        QVERIFY2(cliProblem.isEmpty(), qPrintable(cliProblem));
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("browse.copydesk"));
        auto library = Library::open(m_path);
        QVERIFY2(library.ok(), qPrintable(library.error()));
        m_library = std::move(*library);
        for (int i = 0; i < kArticles; ++i)
            m_articles.append(makeTestArticle(i));
        auto saved = m_library->saveAll(m_articles, RevisionKind::Import);
        QVERIFY2(saved.ok(), qPrintable(saved.error()));
        QVERIFY(
            tags::setParent(*m_library, QStringLiteral("briefings"), QStringLiteral("press")).ok());
        // save() stamps `updated`; the test needs the generated times.
        for (const Article& a : std::as_const(m_articles)) {
            auto stored = m_library->article(a.id);
            QVERIFY(stored.ok());
        }
        QVERIFY(m_library
                    ->setTagLabel(QStringLiteral("climate"), QStringLiteral("ar"),
                                  QStringLiteral("المناخ"))
                    .ok());
        QVERIFY(m_library
                    ->setTagLabel(QStringLiteral("climate"), QStringLiteral("en"),
                                  QStringLiteral("Climate"))
                    .ok());
        // The times as the library holds them.
        for (Article& a : m_articles)
            a = *m_library->article(a.id);
    }

    // The rows show before the count, which runs on its own thread; a count for a
    // filter changed meanwhile is not the one shown, and the widget says "counting"
    // until it is in.
    void countComesAfterTheRows() {
        BrowserWidget widget(*m_library);
        BrowserModel& model = *widget.model();
        model.setPageSize(5);
        QSignalSpy counted(&model, &BrowserModel::counted);
        QVERIFY(model.setFilter({}).ok());
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.totalCount(), qint64(-1));
        auto* label = widget.findChild<QLabel*>(QStringLiteral("browserCount"));
        QVERIFY(label);
        QCOMPARE(label->text(), QStringLiteral("5 article(s) shown; counting…"));
        BrowseFilter climate;
        climate.tag = QStringLiteral("climate");
        QVERIFY(model.setFilter(climate).ok());
        QCOMPARE(model.totalCount(), qint64(-1));
        const qint64 truth = *(*BrowseReader::open(*m_library))->count(climate);
        QVERIFY(truth > 5 && truth < kArticles);
        QTRY_COMPARE(model.totalCount(), truth);
        QTest::qWait(100);
        QCOMPARE(model.totalCount(), truth);
        QCOMPARE(counted.size(), 1);
        // (the view may have fetched a page more meanwhile)
        QCOMPARE(label->text(),
                 QStringLiteral("%1 of %2 article(s) shown").arg(model.rowCount()).arg(truth));
    }

    void pagesLazilyWithoutRepeats() {
        BrowserModel model(*m_library);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(40);
        QVERIFY(model.setFilter({}).ok());
        QCOMPARE(model.rowCount(), 40);
        QVERIFY(model.canFetchMore({}));
        // (The model tester fetches more on every change, the translation progress
        // coming in too.)
        QTRY_COMPARE(model.totalCount(), qint64(kArticles));
        const QList<QUuid> ids = loadAll(model);
        QCOMPARE(ids.size(), kArticles);
        QCOMPARE(QSet<QUuid>(ids.cbegin(), ids.cend()).size(), kArticles);
        QVERIFY(!model.canFetchMore({}));
        // Newest first by default.
        for (int r = 1; r < model.rowCount(); ++r) {
            const Article* before = nullptr;
            const Article* after = nullptr;
            for (const Article& a : std::as_const(m_articles)) {
                if (a.id == ids[r - 1])
                    before = &a;
                if (a.id == ids[r])
                    after = &a;
            }
            QVERIFY(before && after);
            QVERIFY2(before->updated >= after->updated, qPrintable(QString::number(r)));
        }
    }

    void sortsByEveryColumn_data() {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        for (int c = 0; c < BrowserModel::ColumnCount; ++c) {
            QTest::addRow("column %d asc", c) << c << int(Qt::AscendingOrder);
            QTest::addRow("column %d desc", c) << c << int(Qt::DescendingOrder);
        }
    }
    void sortsByEveryColumn() {
        QFETCH(int, column);
        QFETCH(int, order);
        BrowserModel model(*m_library);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(33);
        QVERIFY(model.setFilter({}).ok());
        model.sort(column, Qt::SortOrder(order));
        QVERIFY2(model.error().isEmpty(), qPrintable(model.error()));
        const QList<QUuid> ids = loadAll(model);
        QCOMPARE(QSet<QUuid>(ids.cbegin(), ids.cend()).size(), kArticles);
        // The orders copydesk-cli list has are the browser's.
        const std::map<int, QString> cliSort{
            {BrowserModel::TitleColumn, QStringLiteral("title")},
            {BrowserModel::StatusColumn, QStringLiteral("status")},
            {BrowserModel::BylineColumn, QStringLiteral("author")},
            {BrowserModel::UpdatedColumn, QStringLiteral("updated")}};
        if (const auto key = cliSort.find(column); key != cliSort.end()) {
            QStringList options{QStringLiteral("--sort"), key->second};
            if (order == Qt::AscendingOrder)
                options.append(QStringLiteral("--ascending"));
            compareWithCli(options, ids);
            if (QTest::currentTestFailed())
                return;
        }
        if (column == BrowserModel::BylineColumn || column == BrowserModel::StatusColumn) {
            // Check the displayed order where it is a plain comparison.
            for (int r = 1; r < model.rowCount(); ++r) {
                const QModelIndex a = model.index(r - 1, column);
                const QModelIndex b = model.index(r, column);
                if (column == BrowserModel::StatusColumn) {
                    const int x = a.data(BrowserModel::StatusRole).toInt();
                    const int y = b.data(BrowserModel::StatusRole).toInt();
                    QVERIFY(order == Qt::AscendingOrder ? x <= y : x >= y);
                } else {
                    const int c = QString::compare(a.data().toString(), b.data().toString(),
                                                   Qt::CaseInsensitive);
                    QVERIFY2(order == Qt::AscendingOrder ? c <= 0 : c >= 0,
                             qPrintable(a.data().toString() + QLatin1String(" / ") +
                                        b.data().toString()));
                }
            }
        }
    }

    void filters_data() {
        QTest::addColumn<BrowseFilter>("filter");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("cliOptions"); // the same filter for copydesk-cli list
        const auto opt = [](const char* a, const QString& b) {
            return QStringList{QString::fromLatin1(a), b};
        };
        BrowseFilter f;
        f.tag = QStringLiteral("climate");
        QTest::newRow("tag") << f << 0 << opt("--tag", f.tag);
        f = {};
        f.category = QStringLiteral("press");
        QTest::newRow("category") << f << 1 << opt("--category", f.category);
        f = {};
        f.status = Status::Ready;
        QTest::newRow("status") << f << 2 << opt("--status", QStringLiteral("ready"));
        f = {};
        f.language = QStringLiteral("zh-Hans");
        QTest::newRow("language") << f << 3 << opt("--lang", f.language);
        f = {};
        f.author = QStringLiteral("pérez");
        QTest::newRow("author") << f << 4 << opt("--author", f.author);
        // Not ASCII: the case of "É" is folded as well.
        f.author = QStringLiteral("PÉREZ");
        QTest::newRow("author in capitals") << f << 4 << opt("--author", f.author);
        f = {};
        f.since = QDate(2024, 1, 10);
        f.until = QDate(2024, 1, 20);
        QTest::newRow("date range") << f << 5
                                    << opt("--since", QStringLiteral("2024-01-10")) +
                                           opt("--until", QStringLiteral("2024-01-20"));
        f = {};
        f.text = QStringLiteral("desalination");
        QTest::newRow("text") << f << 6 << opt("--text", f.text);
        f = {};
        f.text = QStringLiteral("desalination");
        f.tag = QStringLiteral("climate");
        f.language = QStringLiteral("ar");
        QTest::newRow("text, tag and language")
            << f << 7 << opt("--text", f.text) + opt("--tag", f.tag) + opt("--lang", f.language);
    }
    void filters() {
        QFETCH(BrowseFilter, filter);
        QFETCH(int, kind);
        QFETCH(QStringList, cliOptions);
        const auto inRange = [](const Article& a) {
            const QDate day = a.updated.toUTC().date();
            return day >= QDate(2024, 1, 10) && day <= QDate(2024, 1, 20);
        };
        const std::function<bool(const Article&)> keep[] = {
            [](const Article& a) { return a.tags.contains(QStringLiteral("climate")); },
            [](const Article& a) {
                return a.categories.contains(QStringLiteral("press")) ||
                       a.categories.contains(QStringLiteral("briefings"));
            },
            [](const Article& a) { return a.status == Status::Ready; },
            [](const Article& a) { return a.version(u"zh-Hans") != nullptr; },
            // Case ignored, for "é" too: "pérez" and "PÉREZ" match "Pérez".
            [](const Article& a) { return a.byline == QStringLiteral("Ana Pérez"); },
            inRange,
            [](const Article& a) { return a.versions[0].body.contains(QLatin1String("desal")); },
            [](const Article& a) {
                return a.versions[0].body.contains(QLatin1String("desal")) &&
                       a.tags.contains(QStringLiteral("climate")) && a.version(u"ar");
            },
        };
        const QSet<QUuid> want = expected(keep[kind]);
        QVERIFY(!want.isEmpty());
        BrowserModel model(*m_library);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(17);
        QVERIFY2(model.setFilter(filter).ok(), qPrintable(model.error()));
        QTRY_COMPARE(model.totalCount(), qint64(want.size()));
        const QList<QUuid> ids = loadAll(model);
        QCOMPARE(QSet<QUuid>(ids.cbegin(), ids.cend()), want);
        QCOMPARE(ids.size(), want.size());

        // A script sees what the browser sees: the same rows in the same order.
        compareWithCli(cliOptions, ids);
    }

    void showsTagLabelsInTheArticlesLanguage() {
        BrowserModel model(*m_library);
        QVERIFY(model.setFilter({}).ok());
        const int row = model.rowOf(m_articles[0].id);
        QVERIFY(row >= 0 || model.canFetchMore({}));
        loadAll(model);
        const QModelIndex tags =
            model.index(model.rowOf(m_articles[0].id), BrowserModel::TagsColumn);
        QVERIFY2(tags.data().toString().contains(QLatin1String("Climate")),
                 qPrintable(tags.data().toString()));
        const QModelIndex languages =
            model.index(model.rowOf(m_articles[1].id), BrowserModel::LanguagesColumn);
        // The Arabic title was written without a record of its source: a draft, so
        // nothing is translated yet.
        QTRY_VERIFY2(languages.data().toString().startsWith(QStringLiteral("en → ar 0% (Draft)")),
                     qPrintable(languages.data().toString()));
    }

    // Each translation's progress in the Languages column, worked out on a thread as
    // the rows come in, and again after the article changed.
    void showsTranslationProgress() {
        QTemporaryDir dir;
        auto library = Library::open(dir.filePath(QStringLiteral("progress.copydesk")));
        QVERIFY2(library.ok(), qPrintable(library.error()));
        Article a = makeArticle(QStringLiteral("en"), QStringLiteral("Water plan"));
        a.versions[0].body = QStringLiteral("First paragraph.\n\nSecond paragraph.\n\nThird.");
        LanguageVersion fr;
        fr.language = QStringLiteral("fr");
        fr.title = QStringLiteral("Plan de l'eau");
        fr.body = QStringLiteral("Premier paragraphe.\n\nDeuxième paragraphe.\n\nTroisième.");
        translation::recordTranslation(a.versions[0], &fr, translation::SegmentState::Translated);
        a.versions.append(fr);
        // The source's second paragraph changed after it was translated.
        a.versions[0].body.replace(QStringLiteral("Second paragraph."),
                                   QStringLiteral("Second paragraph, changed."));
        QVERIFY((*library)->save(a, RevisionKind::Save).ok());

        BrowserModel model(**library);
        QSignalSpy known(&model, &BrowserModel::progressKnown);
        QVERIFY(model.setFilter({}).ok());
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex languages = model.index(0, BrowserModel::LanguagesColumn);
        QTRY_COMPARE(known.size(), 1);
        const auto progress = model.progressOf(0);
        QCOMPARE(progress.size(), 1);
        QCOMPARE(progress[0].first, QStringLiteral("fr"));
        QCOMPARE(progress[0].second.total, 4);
        QCOMPARE(progress[0].second.outdated, 1);
        QCOMPARE(languages.data().toString(), QStringLiteral("en → fr 75% (1 outdated)"));
        QVERIFY2(languages.data(Qt::ToolTipRole)
                     .toString()
                     .contains(QStringLiteral("fr: translated from en, Draft — 75% translated, "
                                              "1 outdated")),
                 qPrintable(languages.data(Qt::ToolTipRole).toString()));

        // Translated again: the refreshed row is worked out anew.
        a = *(*library)->article(a.id);
        a.versions[1].body.replace(QStringLiteral("Deuxième paragraphe."),
                                   QStringLiteral("Deuxième paragraphe, modifié."));
        translation::recordTranslation(a.versions[0], &a.versions[1],
                                       translation::SegmentState::Reviewed);
        QVERIFY((*library)->save(a, RevisionKind::Save).ok());
        QVERIFY(model.refresh().ok());
        QTRY_COMPARE(known.size(), 2);
        QCOMPARE(model.index(0, BrowserModel::LanguagesColumn).data().toString(),
                 QStringLiteral("en → fr 100%"));
    }

    void punctuationOnlyFindsNothing() {
        BrowserModel model(*m_library);
        BrowseFilter f;
        f.text = QStringLiteral("...");
        QVERIFY(model.setFilter(f).ok());
        QCOMPARE(model.rowCount(), 0);
        QTRY_COMPARE(model.totalCount(), qint64(0));
    }

    void savedSearchesRoundTrip() {
        BrowseFilter f;
        f.tag = QStringLiteral("climate");
        f.status = Status::Draft;
        f.since = QDate(2024, 2, 1);
        QVERIFY(setSavedSearches(*m_library, {{QStringLiteral("Climate drafts"), f}}).ok());
        auto read = savedSearches(*m_library);
        QVERIFY(read.ok());
        QCOMPARE(read->size(), 1);
        QCOMPARE(read->at(0).name, QStringLiteral("Climate drafts"));
        QVERIFY(read->at(0).filter == f);
        // A duplicate or empty name is refused and the stored list stays.
        const auto twice =
            setSavedSearches(*m_library, {{QStringLiteral("A"), f}, {QStringLiteral("A"), {}}});
        QCOMPARE(twice.kind(), ErrorKind::InvalidInput);
        QCOMPARE(setSavedSearches(*m_library, {{QStringLiteral(" "), f}}).kind(),
                 ErrorKind::InvalidInput);
        QCOMPARE(savedSearches(*m_library)->size(), 1);

        // The widget's sidebar lists it and applies it.
        BrowserWidget widget(*m_library);
        QVERIFY(widget.saveCurrentSearch(QStringLiteral("Everything")).ok());
        QCOMPARE(savedSearches(*m_library)->size(), 2);
        widget.setFilter(f);
        QCOMPARE(widget.currentFilter(), f);
        QCOMPARE(widget.model()->filter(), f);
        QVERIFY(widget.deleteSavedSearch(QStringLiteral("Everything")).ok());
        QCOMPARE(savedSearches(*m_library)->size(), 1);
    }

    void batchOperationsAreOneTransactionEach() {
        BrowserWidget widget(*m_library);
        QTreeView* view = widget.view();
        BrowserModel* model = widget.model();
        auto select = [&](const QList<int>& rows) {
            view->selectionModel()->clearSelection();
            for (int r : rows)
                view->selectionModel()->select(model->index(r, 0), QItemSelectionModel::Select |
                                                                       QItemSelectionModel::Rows);
        };
        select({0, 1, 2});
        const QList<QUuid> ids = widget.selectedArticles();
        QCOMPARE(ids.size(), 3);
        const auto revisionsBefore = m_library->revisions(ids[0])->size();
        auto added = widget.addTagToSelection(QStringLiteral("batch-tag"));
        QVERIFY2(added.ok(), qPrintable(added.error()));
        QCOMPARE(*added, 3);
        for (const QUuid& id : ids)
            QVERIFY(m_library->article(id)->tags.contains(QStringLiteral("batch-tag")));
        QCOMPARE(m_library->revisions(ids[0])->size(), revisionsBefore + 1);

        // Removing it from the same rows (the model re-read them, same order).
        select({0, 1, 2});
        auto removed = widget.removeTagFromSelection(QStringLiteral("batch-tag"));
        QVERIFY(removed.ok());
        QCOMPARE(*removed, 3);
        for (const QUuid& id : ids)
            QVERIFY(!m_library->article(id)->tags.contains(QStringLiteral("batch-tag")));

        // A status the workflow refuses for one article changes none of them.
        QList<Status> before;
        for (const QUuid& id : ids)
            before.append(m_library->article(id)->status);
        QVERIFY(before.contains(Status::Draft) || before.contains(Status::InReview) ||
                before.contains(Status::Archived));
        auto published = batch::setStatus(*m_library, ids, Status::Published);
        QVERIFY(!published.ok());
        QCOMPARE(published.kind(), ErrorKind::InvalidInput);
        for (int i = 0; i < ids.size(); ++i)
            QCOMPARE(m_library->article(ids[i])->status, before[i]);
        // Archived is allowed from every state.
        auto archived = batch::setStatus(*m_library, ids, Status::Archived);
        QVERIFY2(archived.ok(), qPrintable(archived.error()));
        for (const QUuid& id : ids)
            QCOMPARE(m_library->article(id)->status, Status::Archived);
    }

    // Last: it removes articles from the shared library for good.
    void titleKeepsHalfOfANarrowTable() {
        // Beside the library and preview docks the table is some 700 pixels wide.
        BrowserWidget widget(*m_library);
        widget.resize(850, 500);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        QTreeView* view = widget.view();
        QHeaderView* header = view->header();
        const int width = view->viewport()->width();
        QVERIFY2(width < 800, qPrintable(QString::number(width)));
        QVERIFY2(header->sectionSize(BrowserModel::TitleColumn) >= width / 2 - 1,
                 qPrintable(QStringLiteral("title %1 of %2")
                                .arg(header->sectionSize(BrowserModel::TitleColumn))
                                .arg(width)));
        QVERIFY(header->length() <= width);
        // Wide again, the columns are back to their widths; once the user sizes one,
        // the table leaves the widths alone.
        widget.resize(1600, 500);
        QTRY_COMPARE(header->sectionSize(BrowserModel::TagsColumn), 130);
        header->resizeSection(BrowserModel::TagsColumn, 300);
        widget.resize(850, 500);
        QTest::qWait(50);
        QCOMPARE(header->sectionSize(BrowserModel::TagsColumn), 300);
    }

    void trashFromTheBrowser() {
        BrowserWidget widget(*m_library);
        QTreeView* view = widget.view();
        BrowserModel* model = widget.model();
        QTRY_VERIFY(model->totalCount() >= 0);
        const qint64 total = model->totalCount();
        QVERIFY(total > 3);
        view->selectionModel()->select(model->index(0, 0),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
        view->selectionModel()->select(model->index(1, 0),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const QList<QUuid> ids = widget.selectedArticles();
        QCOMPARE(ids.size(), 2);
        auto moved = widget.moveSelectionToTrash();
        QVERIFY2(moved.ok(), qPrintable(moved.error()));
        QCOMPARE(*moved, 2);
        QTRY_COMPARE(model->totalCount(), total - 2);
        for (int r = 0; r < model->rowCount(); ++r)
            QVERIFY(!ids.contains(model->index(r, 0).data(BrowserModel::ArticleIdRole).toUuid()));

        // The sidebar's Trash shows them, with its count, and the trash's commands.
        auto* saved = widget.findChild<QListWidget*>(QStringLiteral("savedSearches"));
        QVERIFY(saved);
        QListWidgetItem* trash = saved->item(saved->count() - 1);
        QCOMPARE(trash->text(), QStringLiteral("Trash (2)"));
        Q_EMIT saved->itemClicked(trash);
        QVERIFY(widget.currentFilter().trash);
        QTRY_COMPARE(model->totalCount(), 2);
        QVERIFY(
            widget.findChild<QPushButton*>(QStringLiteral("trashRestore"))->isVisibleTo(&widget));
        QVERIFY(
            !widget.findChild<QPushButton*>(QStringLiteral("batchTrash"))->isVisibleTo(&widget));

        // Restore one; empty the trash of the other.
        view->selectionModel()->clearSelection();
        view->selectionModel()->select(model->index(0, 0),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const QUuid restored = widget.selectedArticles().value(0);
        auto back = widget.restoreSelection();
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(*back, 1);
        QTRY_COMPARE(model->totalCount(), 1);
        auto emptied = widget.emptyTrash();
        QVERIFY2(emptied.ok(), qPrintable(emptied.error()));
        QCOMPARE(*emptied, 1);
        QTRY_COMPARE(model->totalCount(), 0);
        QVERIFY(m_library->article(restored).ok());
        const QUuid gone = ids[0] == restored ? ids[1] : ids[0];
        QCOMPARE(m_library->article(gone).kind(), ErrorKind::NotFound);

        widget.setFilter({});
        QTRY_COMPARE(model->totalCount(), total - 1);
        QCOMPARE(saved->item(saved->count() - 1)->text(), QStringLiteral("Trash"));
    }
};

QTEST_MAIN(TestBrowser)
#include "tst_browser.moc"
