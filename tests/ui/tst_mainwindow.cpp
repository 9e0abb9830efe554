#include "document/articledocument.h"
#include "library/library.h"
#include "mainwindow/articlelistmodel.h"
#include "mainwindow/mainwindow.h"
#include "support/deskfixture.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace copydesk;
using copydesk::test::noPreview;

class TestMainWindow final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void listsSampleArticles() {
        QTemporaryDir dir;
        auto library = Library::openOrCreateWithSamples(dir.filePath(QStringLiteral("l.copydesk")));
        QVERIFY2(library.ok(), qPrintable(library.error()));

        ArticleListModel model(*library.value());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.reload());
        QVERIFY(model.rowCount() >= 3);
        QCOMPARE(model.columnCount(), int(ArticleListModel::ColumnCount));
        bool sawArabic = false;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex languages = model.index(row, ArticleListModel::LanguagesColumn);
            if (model.data(languages).toString().contains(QLatin1String("ar")))
                sawArabic = true;
            QVERIFY(
                !model.data(model.index(row, ArticleListModel::TitleColumn)).toString().isEmpty());
            QVERIFY(!model.data(model.index(row, 0), ArticleListModel::ArticleIdRole)
                         .toUuid()
                         .isNull());
        }
        QVERIFY(sawArabic);
    }

    void rightToLeftTitlesAlignRight_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("title");
        QTest::addColumn<bool>("alignRight");
        QTest::newRow("ar") << QStringLiteral("ar") << QStringLiteral("الأمين العام يرحب بالاتفاق")
                            << true;
        QTest::newRow("zh-Hans") << QStringLiteral("zh-Hans") << QStringLiteral("秘书长欢迎协议")
                                 << false;
        QTest::newRow("fr") << QStringLiteral("fr") << QStringLiteral("Le Secrétaire général")
                            << false;
    }
    void rightToLeftTitlesAlignRight() {
        QFETCH(QString, language);
        QFETCH(QString, title);
        QFETCH(bool, alignRight);
        QTemporaryDir dir;
        auto library = Library::open(dir.filePath(QStringLiteral("l.copydesk")));
        QVERIFY2(library.ok(), qPrintable(library.error()));
        Article a = makeArticle(language, title);
        QVERIFY(library.value()->save(a).ok());
        ArticleListModel model(*library.value());
        QVERIFY(model.reload());
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex index = model.index(0, ArticleListModel::TitleColumn);
        QCOMPARE(index.data().toString(), title);
        const auto alignment = index.data(Qt::TextAlignmentRole).value<Qt::Alignment>();
        QCOMPARE(bool(alignment & Qt::AlignRight), alignRight);
        QVERIFY(alignment & Qt::AlignAbsolute);
        QVERIFY(index.data(Qt::ToolTipRole).toString().contains(title));
    }

    void countSaysWhenTheListIsOnePage() {
        QTemporaryDir dir;
        auto library = Library::open(dir.filePath(QStringLiteral("l.copydesk")));
        QVERIFY2(library.ok(), qPrintable(library.error()));
        QList<Article> articles;
        for (int i = 0; i < ListFilter().limit + 1; ++i)
            articles.append(makeArticle(QStringLiteral("en"), QStringLiteral("Item %1").arg(i)));
        QVERIFY(library.value()->saveAll(articles).ok());

        MainWindow window(*library.value(), noPreview());
        auto* list = window.findChild<QTreeView*>(QStringLiteral("articleList"));
        QCOMPARE(list->model()->rowCount(), ListFilter().limit);
        const auto labels = window.statusBar()->findChildren<QLabel*>();
        const bool saysFirst = std::any_of(labels.begin(), labels.end(), [](const QLabel* l) {
            return l->text() == QStringLiteral("First 100 articles");
        });
        QVERIFY(saysFirst);
        window.findChild<QLineEdit*>(QStringLiteral("librarySearch"))
            ->setText(QStringLiteral("Item 7"));
        QTRY_COMPARE(list->model()->rowCount(), 1);
        const bool saysOne = std::any_of(labels.begin(), labels.end(), [](const QLabel* l) {
            return l->text() == QStringLiteral("1 article(s)");
        });
        QVERIFY(saysOne);
    }

    void searchFiltersTheList() {
        QTemporaryDir dir;
        auto library = Library::openOrCreateWithSamples(dir.filePath(QStringLiteral("l.copydesk")));
        QVERIFY2(library.ok(), qPrintable(library.error()));
        Article a =
            makeArticle(QStringLiteral("zh-Hans"), QStringLiteral("熊猫保护中心在成都开放"));
        a.versions.front().body = QStringLiteral("各国代表出席了会议。");
        QVERIFY(library.value()->save(a).ok());

        MainWindow window(*library.value(), noPreview());
        auto* search = window.findChild<QLineEdit*>(QStringLiteral("librarySearch"));
        auto* list = window.findChild<QTreeView*>(QStringLiteral("articleList"));
        QVERIFY(search && list);
        const int all = list->model()->rowCount();
        QVERIFY(all >= 4);
        search->setText(QStringLiteral("熊猫"));
        QTRY_COMPARE(list->model()->rowCount(), 1);
        QCOMPARE(list->model()->index(0, 0).data().toString(), a.displayTitle());
        search->clear();
        QTRY_COMPARE(list->model()->rowCount(), all);
    }

    // File › Import Files…, Import Site Folder… and New Article from Clipboard, without
    // their dialogs: the import of copydesk-cli, and the first article open after it.
    void importsFromTheFileMenu() {
        QTemporaryDir dir;
        auto library = Library::open(dir.filePath(QStringLiteral("l.copydesk")));
        QVERIFY2(library.ok(), qPrintable(library.error()));
        MainWindow window(*library.value(), noPreview());
        auto* list = window.findChild<QTreeView*>(QStringLiteral("articleList"));

        const QString paste =
            QStringLiteral(COPYDESK_TEST_SOURCE_DIR "/tests/data/import/webpaste/fr-port.txt");
        const auto files = window.importFiles({paste});
        QVERIFY2(files, qPrintable(files.error()));
        QCOMPARE(files->ids.size(), 1);
        QCOMPARE(window.document()->articleId(), files->ids.front());
        QCOMPARE(window.document()->field(ArticleDocument::Field::Title),
                 QStringLiteral("Le port rouvre après trois jours de fermeture"));
        QCOMPARE(list->model()->rowCount(), 1);
        const QString notes = files->notes.join(QLatin1Char('\n'));
        QVERIFY2(notes.contains(QStringLiteral("left out")), qPrintable(notes));
        // How to undo it: the revision with the text as pasted.
        QVERIFY2(notes.contains(QStringLiteral("restore it to undo")), qPrintable(notes));

        QMimeData text;
        text.setText(QStringLiteral("Ferry timetable changes\n\nFrom Monday the first ferry "
                                    "leaves at six.\n"));
        const auto pasted = window.importClipboard(&text);
        QVERIFY2(pasted, qPrintable(pasted.error()));
        QCOMPARE(window.document()->field(ArticleDocument::Field::Title),
                 QStringLiteral("Ferry timetable changes"));
        QMimeData html;
        html.setHtml(QStringLiteral("<h1>Quai rénové</h1><p>Les travaux sont <b>finis</b>.</p>"));
        QVERIFY(window.importClipboard(&html));
        QCOMPARE(window.document()->bodyText(), QStringLiteral("Les travaux sont **finis**.\n"));
        QCOMPARE(list->model()->rowCount(), 3);
        // Nothing to import: said, and nothing changes.
        QMimeData empty;
        const auto none = window.importClipboard(&empty);
        QVERIFY(!none);
        QVERIFY2(none.error().contains(QStringLiteral("clipboard")), qPrintable(none.error()));
        QVERIFY(!window.importFiles({dir.filePath(QStringLiteral("missing.txt"))}));
        QCOMPARE(list->model()->rowCount(), 3);

        // A site: its translations are one article.
        const QString content = dir.filePath(QStringLiteral("content"));
        QVERIFY(QDir().mkpath(content));
        for (const auto& [name, text] :
             {std::pair{"harbour.en.md", "---\ntitle: Harbour\n---\n\nThe harbour.\n"},
              std::pair{"harbour.fr.md", "---\ntitle: Port\n---\n\nLe port.\n"}}) {
            QFile file(content + u'/' + QLatin1String(name));
            QVERIFY(file.open(QIODevice::WriteOnly) && file.write(text) > 0);
        }
        const auto site = window.importSiteFolder(content);
        QVERIFY2(site, qPrintable(site.error()));
        QCOMPARE(site->ids.size(), 1);
        QCOMPARE(window.document()->article().versions.size(), 2);
        QCOMPARE(list->model()->rowCount(), 4);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
