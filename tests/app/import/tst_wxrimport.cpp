// The WordPress export (WXR) format: one article per post and page with its metadata,
// Polylang translations as language versions, WordPress's paragraph rules and
// shortcodes; on tests/data/import/wordpress and on WordPress's own theme test data
// (../shared/corpora/wordpress, skipped when absent).
#include "import/wxrformat.h"
#include "interchange/formats.h"
#include "interchange/interchange.h"
#include "library/library.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace copydesk;

namespace {

QString dataFile() {
    return QStringLiteral(COPYDESK_TEST_SOURCE_DIR
                          "/tests/data/import/wordpress/desk.wordpress.xml");
}

QString corpora() {
    return QStringLiteral(COPYDESK_CORPORA_DIR);
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QDateTime utc(const char* iso) {
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

const ImportedFile* byTitle(const QList<ImportedFile>& files, const QString& title) {
    for (const ImportedFile& file : files) {
        if (file.article.versions.front().title == title)
            return &file;
    }
    return nullptr;
}

} // namespace

class TestWxrImport final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void registered() {
        const FormatRegistry formats = standardFormats();
        const FileFormat* format =
            formats.forFile(QStringLiteral("site.xml"), FileFormat::Capability::Read);
        QVERIFY(format);
        QCOMPARE(format->id(), QStringLiteral("wxr"));
        QCOMPARE(formats.byId(u"wordpress", FileFormat::Capability::Read), format);
    }

    void posts() {
        const auto files =
            WxrFormat().readAll(readAll(dataFile()), dataFile(), QStringLiteral("de"));
        QVERIFY2(files.ok(), qPrintable(files.error()));
        // Two posts linked as translations, a pending post, a page; not the trashed
        // post, the attachments or the menu item.
        QCOMPARE(files->size(), 4);

        const ImportedFile* port = byTitle(*files, QStringLiteral("Port reopens after the storm"));
        QVERIFY(port);
        const Article& a = port->article;
        QCOMPARE(a.slug, QStringLiteral("port-reopens"));
        QCOMPARE(a.status, Status::Published);
        QCOMPARE(a.byline, QStringLiteral("Jane Doe"));
        QCOMPARE(a.categories, (QStringList{QStringLiteral("news"), QStringLiteral("cafés")}));
        QCOMPARE(a.tags, QStringList{QStringLiteral("storm")});
        QCOMPARE(a.sourceLanguage, QStringLiteral("en"));
        const LanguageVersion& v = a.versions.front();
        QCOMPARE(v.language, QStringLiteral("en")); // Polylang's term, not the site's en-GB
        QCOMPARE(v.created, utc("2021-10-15T08:30:00Z"));
        QCOMPARE(v.updated, utc("2021-10-16T09:00:00Z"));
        QCOMPARE(v.summary, QStringLiteral("The port is open again."));
        QCOMPARE(v.body,
                 QStringLiteral(
                     "The port reopened on Friday morning.\\\nShips queued outside overnight.\n\n"
                     "Harbour master \\[sic\\] Ana Ruiz said the quays were safe.\n\n"
                     "<figure>\n\n![The east quay](https://desk.example.org/wp-content/uploads/"
                     "quay.jpg)\n\n<figcaption>\n\nThe east quay at dawn\n\n</figcaption>\n"
                     "</figure>\n\n- Ferries: normal\n- Cargo: delayed\n\n* Second list\n\n"
                     "- ![ferry](https://desk.example.org/wp-content/uploads/ferry.jpg)\n"
                     "- ![The east quay](https://desk.example.org/wp-content/uploads/quay.jpg)\n\n"
                     "\\[myplugin mode=\"compact\"\\]\n\nMore text.\n"));
        const QString path = dataFile();
        QCOMPARE(port->notices,
                 (QStringList{
                     path + QStringLiteral(": post 30 (\"Port reopens after the storm\"): <figure> "
                                           "kept as HTML (Markdown has no form for it)"),
                     path + QStringLiteral(": post 30 (\"Port reopens after the storm\"): "
                                           "shortcodes kept as written (Copydesk has no form for "
                                           "them): [myplugin]"),
                     path + QStringLiteral(": left out (not posts or pages, or trashed): 2 "
                                           "attachment, 1 nav_menu_item, 1 trash")}));

        const ImportedFile* french =
            byTitle(*files, QStringLiteral("Le port rouvre après la tempête"));
        QVERIFY(french);
        QCOMPARE(french->groupKey, port->groupKey);
        QCOMPARE(french->article.id, port->article.id);
        QCOMPARE(french->article.sourceLanguage, QStringLiteral("en"));
        QCOMPARE(french->article.versions.front().language, QStringLiteral("fr"));
        QCOMPARE(french->article.versions.front().status, Status::Draft);
        QCOMPARE(french->article.byline, QStringLiteral("Pierre Martin"));

        const ImportedFile* tides = byTitle(*files, QStringLiteral("Notes on the tide tables"));
        QVERIFY(tides);
        QCOMPARE(tides->article.status, Status::InReview);
        QCOMPARE(tides->article.slug, QString());
        QCOMPARE(tides->article.versions.front().language, QStringLiteral("en-GB"));
        // No UTC date for an unpublished post: the site's local date.
        QCOMPARE(tides->article.versions.front().created, utc("2021-10-17T09:00:00Z"));
        QCOMPARE(tides->article.versions.front().body,
                 QStringLiteral("High tide is at noon[^1].\n\n[^1]: In *summer*.\n"));

        const ImportedFile* page = byTitle(*files, QStringLiteral("About the desk"));
        QVERIFY(page);
        QCOMPARE(page->article.slug, QStringLiteral("port-reopens-2"));
        QCOMPARE(page->article.versions.front().body,
                 QStringLiteral("## Who we are\n\nWe cover the harbour.\n"));
        QCOMPARE(page->notices,
                 QStringList{path + QStringLiteral(": post \"About the desk\": the slug "
                                                   "\"port-reopens\" is taken by another post of "
                                                   "the export; it is \"port-reopens-2\"")});
    }

    // WPML keeps languages and translations in post meta: three posts of one group are
    // one article whose source is the language the others say they were translated from.
    void wpmlTranslations() {
        const QString path = QStringLiteral(COPYDESK_TEST_SOURCE_DIR
                                            "/tests/data/import/wordpress/wpml.wordpress.xml");
        const auto files = WxrFormat().readAll(readAll(path), path, QStringLiteral("en"));
        QVERIFY2(files.ok(), qPrintable(files.error()));
        QCOMPARE(files->size(), 4);
        const ImportedFile* ar = byTitle(*files, QStringLiteral("الميناء يفتح من جديد"));
        const ImportedFile* es = byTitle(*files, QStringLiteral("El puerto reabre"));
        const ImportedFile* ru = byTitle(*files, QStringLiteral("Порт снова открыт"));
        const ImportedFile* zh = byTitle(*files, QStringLiteral("Timetable"));
        QVERIFY(ar && es && ru && zh);
        QCOMPARE(ar->article.versions.front().language, QStringLiteral("ar"));
        QCOMPARE(es->article.versions.front().language, QStringLiteral("es"));
        QCOMPARE(ru->article.versions.front().language, QStringLiteral("ru"));
        QCOMPARE(zh->article.versions.front().language, QStringLiteral("zh-CN"));
        QCOMPARE(ar->groupKey, es->groupKey);
        QCOMPARE(ru->groupKey, es->groupKey);
        QVERIFY(zh->groupKey != es->groupKey);
        for (const ImportedFile* file : {ar, es, ru})
            QCOMPARE(file->article.sourceLanguage, QStringLiteral("es"));

        QTemporaryDir dir;
        auto library = Library::open(dir.filePath(QStringLiteral("l.copydesk")));
        QVERIFY(library);
        const auto ids = importIntoLibrary(**library, {path});
        QVERIFY2(ids, qPrintable(ids.error()));
        QCOMPARE(ids->size(), 2);
        const Article article = (*library)->article(ids->front()).value();
        QStringList languages;
        for (const LanguageVersion& v : article.versions)
            languages.append(v.language);
        languages.sort();
        QCOMPARE(languages,
                 (QStringList{QStringLiteral("ar"), QStringLiteral("es"), QStringLiteral("ru")}));
        QCOMPARE(article.sourceLanguage, QStringLiteral("es"));
    }

    void autoParagraphs_data() {
        QTest::addColumn<QString>("content");
        QTest::addColumn<QString>("body");
        QTest::newRow("blank lines and line breaks")
            << QStringLiteral("One\ntwo\n\nThree\n\n\n\nFour")
            << QStringLiteral("One\\\ntwo\n\nThree\n\nFour\n");
        QTest::newRow("nextpage") << QStringLiteral(
                                         "Post Page 1\n\n<!--nextpage-->\n\nPost Page 2\n\n"
                                         "<!--nextpage-->\n\nPost Page 3")
                                  << QStringLiteral("Post Page 1\n\nPost Page 2\n\nPost Page 3\n");
        QTest::newRow("block elements are not wrapped")
            << QStringLiteral(
                   "Intro\n<blockquote>Quoted\nlines</blockquote>\n<pre>a\n\nb</pre>\nEnd")
            << QStringLiteral("Intro\n\n> Quoted\\\n> lines\n\n```\na\n\nb\n```\n\nEnd\n");
        QTest::newRow("caption, older form")
            << QStringLiteral("[caption id=\"a\" caption=\"Dawn\"]<img src=\"q.jpg\" alt=\"Q\">"
                              "[/caption]")
            << QStringLiteral("<figure>\n\n![Q](q.jpg)\n\n<figcaption>\n\nDawn\n\n</figcaption>\n"
                              "</figure>\n");
        QTest::newRow("escaped shortcode")
            << QStringLiteral("Write [[gallery]] for a gallery.")
            << QStringLiteral("Write \\[gallery\\] for a gallery.\n");
    }
    void autoParagraphs() {
        QFETCH(QString, content);
        QFETCH(QString, body);
        const QByteArray wxr =
            "<?xml version=\"1.0\"?><rss xmlns:content=\"http://purl.org/rss/1.0/modules/"
            "content/\" xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><item><title>T"
            "</title><content:encoded><![CDATA[" +
            content.toUtf8() +
            "]]></content:encoded><wp:post_id>1</wp:post_id><wp:status>publish</wp:status>"
            "<wp:post_type>post</wp:post_type></item></channel></rss>";
        const auto files = WxrFormat().readAll(wxr, QStringLiteral("t.xml"), QStringLiteral("en"));
        QVERIFY2(files.ok(), qPrintable(files.error()));
        QCOMPARE(files->size(), 1);
        QCOMPARE(files->front().article.versions.front().body, body);
    }

    void notWordPress() {
        const auto files = WxrFormat().readAll("<?xml version=\"1.0\"?><svg><g/></svg>",
                                               QStringLiteral("pic.xml"), QStringLiteral("en"));
        QVERIFY(!files.ok());
        QCOMPARE(files.kind(), ErrorKind::Unsupported);
        QCOMPARE(files.error(), QStringLiteral("pic.xml: is not a WordPress export (WXR) file"));
        const auto broken = WxrFormat().readAll(
            "<?xml version=\"1.0\"?><rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>",
            QStringLiteral("cut.xml"), QStringLiteral("en"));
        QVERIFY(!broken.ok());
        QCOMPARE(broken.kind(), ErrorKind::InvalidInput);
    }

    void reimportUpdates() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto library = Library::open(dir.filePath(QStringLiteral("lib.copydesk")));
        QVERIFY2(library.ok(), qPrintable(library.error()));
        const auto first = importIntoLibrary(**library, {dataFile()});
        QVERIFY2(first.ok(), qPrintable(first.error()));
        QCOMPARE(first->size(), 3); // the translations are one article
        const auto again = importIntoLibrary(**library, {dataFile()});
        QVERIFY2(again.ok(), qPrintable(again.error()));
        QCOMPARE(*again, *first);
        const auto port = (*library)->article(first->front());
        QVERIFY(port.ok());
        QCOMPARE(port->versions.size(), 2);
        QCOMPARE(port->slug, QStringLiteral("port-reopens"));
    }

    void corpus_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("articles");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("body");
        QTest::newRow("classic posts")
            << QStringLiteral("themeunittestdata.wordpress.xml") << 79
            << QStringLiteral("Template: Paginated")
            << QStringLiteral("Post Page 1\n\nPost Page 2\n\nPost Page 3\n");
        QTest::newRow("block posts")
            << QStringLiteral("64-block-test-data.xml") << 62 << QStringLiteral("Footnotes")
            << QStringLiteral("Each post can only have one footnotes block, remember to also "
                              "test the block options.\n\nA paragraph[^1]\n\nAnother "
                              "paragraph[^2]\n\n[^1]: A note\n\n[^2]: Another note\n");
    }
    void corpus() {
        QFETCH(QString, file);
        QFETCH(int, articles);
        QFETCH(QString, title);
        QFETCH(QString, body);
        const QString path = corpora() + QStringLiteral("/wordpress/") + file;
        if (!QFile::exists(path))
            QSKIP(qPrintable(QStringLiteral("no corpus at %1").arg(path)));
        const auto files = WxrFormat().readAll(readAll(path), path, QStringLiteral("en"));
        QVERIFY2(files.ok(), qPrintable(files.error()));
        QCOMPARE(files->size(), articles);
        const ImportedFile* post = byTitle(*files, title);
        QVERIFY(post);
        QCOMPARE(post->article.versions.front().body, body);
        QCOMPARE(post->article.status, Status::Published);
        QVERIFY(!post->article.byline.isEmpty());
        // Every post imports: the whole export goes into a library in one go.
        QTemporaryDir dir;
        auto library = Library::open(dir.filePath(QStringLiteral("lib.copydesk")));
        QVERIFY2(library.ok(), qPrintable(library.error()));
        const auto ids = importIntoLibrary(**library, {path});
        QVERIFY2(ids.ok(), qPrintable(ids.error()));
        QCOMPARE(ids->size(), articles);
    }
};

QTEST_GUILESS_MAIN(TestWxrImport)
#include "tst_wxrimport.moc"
