// Article bundles (app/export/bundle.h): pages per language version, media, article.json,
// written all or nothing.
#include "article/article.h"
#include "export/bundle.h"
#include "library/library.h"

#include "../../support/libraryfixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace copydesk;
using copydesk::test::LibraryFolder;
using copydesk::test::rawExec;
using copydesk::test::TinyTmpfs;

class TestBundle final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void layout();
    void reExportIsByteIdentical();
    void unchangedIsSkipped_data();
    void unchangedIsSkipped();
    void pagesNameEveryVersion_data();
    void pagesNameEveryVersion();
    void withoutBaseUrl();
    void jsonLd_data();
    void jsonLd();
    void articleJson();
    void hostileText();
    void fragmentFormat();
    void oneLanguage();
    void missingMediaIsRefused();
    void failedRevisionLeavesNothing();
    void failedRevisionKeepsEarlierBundle();
    void fullDiskLeavesNothing();
    void foreignFolderIsNotReplaced();
    void invalidBaseUrl();
};

namespace {

// A 1×1 PNG: the bytes are what matter, not the picture.
const QByteArray kPng = QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUl"
                                               "EQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

QString pngFileName() {
    return QString::fromLatin1(
               QCryptographicHash::hash(kPng, QCryptographicHash::Sha256).toHex().left(16)) +
           QStringLiteral(".png");
}

LanguageVersion version(const QString& language, const QString& title, const QString& body) {
    LanguageVersion v;
    v.language = language;
    v.title = title;
    v.summary = title + QStringLiteral(" — summary");
    v.body = body;
    v.status = Status::Ready;
    v.created = QDateTime(QDate(2026, 3, 14), QTime(8, 0), Qt::UTC);
    v.updated = QDateTime(QDate(2026, 3, 15), QTime(9, 30), Qt::UTC);
    return v;
}

struct Fixture {
    LibraryFolder dir;
    std::unique_ptr<Library> library;
    Article article;
    QString output;
};

/// A library holding one article in en, fr, ar and zh-Hans with an image, a table and
/// tags labelled in two languages.
bool makeFixture(Fixture& f, const QString& title = QStringLiteral("Summit opens")) {
    auto opened = Library::open(f.dir.newPath());
    if (!opened) {
        qWarning("%s", qPrintable(opened.error()));
        return false;
    }
    f.library = std::move(*opened);
    const auto media =
        f.library->addMedia(kPng, QStringLiteral("photo.png"), QStringLiteral("image/png"));
    if (!media || !f.library->setMediaAltText(QStringLiteral("photo.png"), QStringLiteral("fr"),
                                              QStringLiteral("La salle")))
        return false;
    const QString body = QStringLiteral("Text.\n\n![A photo](media:photo.png)\n\n"
                                        "| a | b |\n|:--|--:|\n| 1 | 2 |\n");
    f.article.id = QUuid::createUuid();
    f.article.slug = QStringLiteral("summit");
    f.article.byline = QStringLiteral("Ana Ruiz");
    f.article.status = Status::Ready;
    f.article.created = QDateTime(QDate(2026, 3, 14), QTime(8, 0), Qt::UTC);
    f.article.updated = QDateTime(QDate(2026, 3, 15), QTime(9, 30), Qt::UTC);
    f.article.sourceLanguage = QStringLiteral("en");
    f.article.tags = {QStringLiteral("politics"), QStringLiteral("geneva")};
    f.article.featuredImage = QStringLiteral("photo.png");
    f.article.versions = {version(QStringLiteral("en"), title, body),
                          version(QStringLiteral("fr"), QStringLiteral("Le sommet s'ouvre"), body),
                          version(QStringLiteral("ar"), QStringLiteral("افتتاح القمة"), body),
                          version(QStringLiteral("zh-Hans"), QStringLiteral("峰会开幕"), body)};
    if (!f.library->save(f.article, RevisionKind::Import))
        return false;
    if (!f.library->setTagLabel(QStringLiteral("politics"), QStringLiteral("en"),
                                QStringLiteral("Politics")) ||
        !f.library->setTagLabel(QStringLiteral("politics"), QStringLiteral("fr"),
                                QStringLiteral("Politique")))
        return false;
    f.output = f.dir.filePath(QStringLiteral("out"));
    return true;
}

BundleOptions withBase() {
    BundleOptions options;
    options.baseUrl = QStringLiteral("https://news.example/a");
    return options;
}

QString readText(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

/// Every file under `folder` (hidden ones too), relative, sorted.
QStringList filesUnder(const QString& folder) {
    QStringList files;
    QDirIterator it(folder, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(folder).relativeFilePath(it.next()));
    files.sort();
    return files;
}

QHash<QString, QByteArray> contentsUnder(const QString& folder) {
    QHash<QString, QByteArray> contents;
    for (const QString& file : filesUnder(folder)) {
        QFile f(QDir(folder).filePath(file));
        if (f.open(QIODevice::ReadOnly))
            contents.insert(file, f.readAll());
    }
    return contents;
}

int revisionCount(Library& library, const QUuid& id) {
    const auto revisions = library.revisions(id);
    return revisions ? int(revisions->size()) : -1;
}

QJsonObject jsonLdOf(const QString& page) {
    static const QRegularExpression kScript(
        QStringLiteral("<script type=\"application/ld\\+json\">(.*?)</script>"),
        QRegularExpression::DotMatchesEverythingOption);
    const auto match = kScript.match(page);
    if (!match.hasMatch())
        return {};
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(match.captured(1).toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("JSON-LD: %s", qPrintable(error.errorString()));
    return doc.object();
}

} // namespace

void TestBundle::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
}

void TestBundle::layout() {
    Fixture f;
    QVERIFY(makeFixture(f));
    const int before = revisionCount(*f.library, f.article.id);
    const auto written = BundleWriter::write(*f.library, f.article, f.output, withBase());
    QVERIFY2(written.ok(), qPrintable(written.error()));
    const QString folder = QDir(f.output).filePath(QStringLiteral("summit"));
    QCOMPARE(written->folder, folder);
    QCOMPARE(filesUnder(f.output),
             QStringList(
                 {QStringLiteral("summit"), QStringLiteral("summit/ar"),
                  QStringLiteral("summit/ar/index.html"), QStringLiteral("summit/article.json"),
                  QStringLiteral("summit/en"), QStringLiteral("summit/en/index.html"),
                  QStringLiteral("summit/fr"), QStringLiteral("summit/fr/index.html"),
                  QStringLiteral("summit/index.html"), QStringLiteral("summit/media"),
                  QStringLiteral("summit/media/") + pngFileName(), QStringLiteral("summit/zh-Hans"),
                  QStringLiteral("summit/zh-Hans/index.html")}));
    QCOMPARE(written->files.size(), 7);
    QVERIFY(written->notices.isEmpty());
    QFile image(QDir(folder).filePath(QStringLiteral("media/") + pngFileName()));
    QVERIFY(image.open(QIODevice::ReadOnly));
    QCOMPARE(image.readAll(), kPng);
    QCOMPARE(revisionCount(*f.library, f.article.id), before + 1);
    const auto revisions = f.library->revisions(f.article.id);
    QVERIFY(revisions.ok());
    QCOMPARE(revisions->front().kind, RevisionKind::Export);
    QCOMPARE(revisions->front().id, written->revision);

    const QString en = readText(QDir(folder).filePath(QStringLiteral("en/index.html")));
    // The image points into the bundle; the table is there.
    QVERIFY2(en.contains(QStringLiteral("<img src=\"../media/") + pngFileName() +
                         QStringLiteral("\" alt=\"A photo\"")),
             qPrintable(en));
    QVERIFY(en.contains(QStringLiteral("<table>")));
    QVERIFY(!en.contains(QStringLiteral("media:photo.png")));
    QVERIFY(!en.contains(QStringLiteral("data-sourcepos")));
}

void TestBundle::reExportIsByteIdentical() {
    Fixture f;
    QVERIFY(makeFixture(f));
    QVERIFY(BundleWriter::write(*f.library, f.article, f.output, withBase()).ok());
    const auto first = contentsUnder(f.output);
    QVERIFY(!first.isEmpty());
    QTest::qWait(20); // a later "now", which must show nowhere
    auto again = f.library->article(f.article.id);
    QVERIFY(again.ok());
    const auto second = BundleWriter::write(*f.library, *again, f.output, withBase());
    QVERIFY2(second.ok(), qPrintable(second.error()));
    const auto secondContents = contentsUnder(f.output);
    QCOMPARE(secondContents.keys().size(), first.keys().size());
    for (auto it = first.constBegin(); it != first.constEnd(); ++it)
        QVERIFY2(secondContents.value(it.key()) == it.value(), qPrintable(it.key()));
}

void TestBundle::unchangedIsSkipped_data() {
    QTest::addColumn<QString>("change");
    QTest::addColumn<bool>("rewritten");
    QTest::newRow("nothing") << QString() << false;
    QTest::newRow("body") << QStringLiteral("body") << true;
    QTest::newRow("base URL") << QStringLiteral("baseUrl") << true;
    QTest::newRow("tag label") << QStringLiteral("label") << true;
    QTest::newRow("image content") << QStringLiteral("image") << true;
    QTest::newRow("page removed") << QStringLiteral("removed") << true;
    QTest::newRow("page truncated") << QStringLiteral("truncated") << true;
    QTest::newRow("format") << QStringLiteral("format") << true;
}

// Exporting again what is already there writes nothing (no file replaced, no revision);
// any change to what the bundle is made from, or to the bundle on disk, writes it again.
void TestBundle::unchangedIsSkipped() {
    QFETCH(QString, change);
    QFETCH(bool, rewritten);
    Fixture f;
    QVERIFY(makeFixture(f));
    BundleOptions options = withBase();
    options.skipUnchanged = true;
    const auto first = BundleWriter::write(*f.library, f.article, f.output, options);
    QVERIFY2(first.ok(), qPrintable(first.error()));
    QVERIFY(!first->unchanged);
    const QString folder = QDir(f.output).filePath(QStringLiteral("summit"));
    const QString page = QDir(folder).filePath(QStringLiteral("fr/index.html"));
    const QString json = QDir(folder).filePath(QStringLiteral("article.json"));
    const QFileInfo before(json);
    const QDateTime beforeTime = before.lastModified();
    const int revisions = revisionCount(*f.library, f.article.id);

    auto article = f.library->article(f.article.id);
    QVERIFY(article.ok());
    if (change == u"body") {
        article->versions[1].body += QStringLiteral("\n\nOne more line.\n");
        QVERIFY(f.library->save(*article, RevisionKind::Save).ok());
    } else if (change == u"baseUrl") {
        options.baseUrl = QStringLiteral("https://other.example/");
    } else if (change == u"label") {
        QVERIFY(f.library
                    ->setTagLabel(QStringLiteral("politics"), QStringLiteral("ar"),
                                  QStringLiteral("سياسة"))
                    .ok());
    } else if (change == u"image") {
        QVERIFY(f.library
                    ->addMedia(kPng + QByteArray("\0", 1), QStringLiteral("photo.png"),
                               QStringLiteral("image/png"))
                    .ok());
    } else if (change == u"removed") {
        QVERIFY(QFile::remove(page));
    } else if (change == u"truncated") {
        QFile file(page);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(10));
    } else if (change == u"format") {
        options.format = BundleOptions::Format::Fragment;
    }
    // A later time: a file written again would show it.
    QTest::qWait(20);
    const auto second = BundleWriter::write(*f.library, *article, f.output, options);
    QVERIFY2(second.ok(), qPrintable(second.error()));
    QCOMPARE(second->unchanged, !rewritten);
    QCOMPARE(second->folder, folder);
    const QFileInfo after(json);
    if (rewritten) {
        QVERIFY(after.lastModified() > beforeTime);
        QVERIFY(revisionCount(*f.library, f.article.id) > revisions);
        QVERIFY(second->revision > 0);
        // Written again, it is current: a third export is skipped.
        const auto third = BundleWriter::write(*f.library, *article, f.output, options);
        QVERIFY2(third.ok(), qPrintable(third.error()));
        QVERIFY(third->unchanged);
    } else {
        QCOMPARE(after.lastModified(), beforeTime);
        QCOMPARE(after.fileTime(QFileDevice::FileMetadataChangeTime),
                 before.fileTime(QFileDevice::FileMetadataChangeTime));
        QCOMPARE(revisionCount(*f.library, f.article.id), revisions);
        QCOMPARE(second->revision, 0);
        QVERIFY(second->files.isEmpty());
    }
    // Without skipUnchanged every export writes.
    options.skipUnchanged = false;
    const auto forced = BundleWriter::write(*f.library, *article, f.output, options);
    QVERIFY2(forced.ok(), qPrintable(forced.error()));
    QVERIFY(!forced->unchanged);
}

void TestBundle::pagesNameEveryVersion_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("htmlTag");
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("<html lang=\"en\" dir=\"ltr\">");
    QTest::newRow("fr") << QStringLiteral("fr") << QStringLiteral("<html lang=\"fr\" dir=\"ltr\">");
    QTest::newRow("ar") << QStringLiteral("ar") << QStringLiteral("<html lang=\"ar\" dir=\"rtl\">");
    QTest::newRow("zh-Hans") << QStringLiteral("zh-Hans")
                             << QStringLiteral("<html lang=\"zh-Hans\" dir=\"ltr\">");
}

void TestBundle::pagesNameEveryVersion() {
    QFETCH(QString, language);
    QFETCH(QString, htmlTag);
    Fixture f;
    QVERIFY(makeFixture(f));
    QVERIFY(BundleWriter::write(*f.library, f.article, f.output, withBase()).ok());
    const QString page =
        readText(f.output + QStringLiteral("/summit/") + language + QStringLiteral("/index.html"));
    QVERIFY2(page.contains(htmlTag), qPrintable(page.left(300)));
    // The same list in every page: each names all the others, and itself.
    const QString alternates = QStringLiteral(
        "<link rel=\"alternate\" hreflang=\"en\" href=\"https://news.example/a/summit/en/\">\n"
        "<link rel=\"alternate\" hreflang=\"fr\" href=\"https://news.example/a/summit/fr/\">\n"
        "<link rel=\"alternate\" hreflang=\"ar\" href=\"https://news.example/a/summit/ar/\">\n"
        "<link rel=\"alternate\" hreflang=\"zh-Hans\" "
        "href=\"https://news.example/a/summit/zh-Hans/\">\n"
        "<link rel=\"alternate\" hreflang=\"x-default\" "
        "href=\"https://news.example/a/summit/en/\">\n");
    QVERIFY2(page.contains(alternates), qPrintable(page.left(2000)));
    QCOMPARE(page.count(QStringLiteral("rel=\"alternate\"")), 5);
    QVERIFY(page.contains(QStringLiteral("<link rel=\"canonical\" href=\"https://news.example/a/"
                                         "summit/") +
                          language + QStringLiteral("/\">")));
    QVERIFY(page.contains(QStringLiteral("<meta property=\"og:type\" content=\"article\">")));
    QVERIFY(page.contains(QStringLiteral("<meta property=\"og:url\" content=\"https://news.example/"
                                         "a/summit/") +
                          language + QStringLiteral("/\">")));
    QVERIFY(page.contains(QStringLiteral("<meta property=\"og:image\" content=\"https://"
                                         "news.example/a/summit/media/") +
                          pngFileName() + QStringLiteral("\">")));
    // The featured image above the body, with its text in the page's language (only fr
    // has one here).
    const QString alt = language == u"fr" ? QStringLiteral("La salle") : QString();
    QVERIFY2(page.contains(QStringLiteral("<figure class=\"copydesk-featured\"><img "
                                          "src=\"../media/") +
                           pngFileName() + QStringLiteral("\" alt=\"") + alt +
                           QStringLiteral("\"></figure>")),
             qPrintable(page.left(3000)));
    QVERIFY(page.contains(
        QStringLiteral("<meta name=\"twitter:card\" content=\"summary_large_image\">")));
    QCOMPARE(page.count(QStringLiteral("og:locale:alternate")), 3);
}

void TestBundle::withoutBaseUrl() {
    Fixture f;
    QVERIFY(makeFixture(f));
    const auto written = BundleWriter::write(*f.library, f.article, f.output, BundleOptions());
    QVERIFY2(written.ok(), qPrintable(written.error()));
    QCOMPARE(written->notices.size(), 1);
    QVERIFY(written->notices.front().contains(QStringLiteral("export.baseUrl")));
    const QString page = readText(f.output + QStringLiteral("/summit/fr/index.html"));
    QVERIFY(!page.contains(QStringLiteral("rel=\"canonical\"")));
    QVERIFY(!page.contains(QStringLiteral("og:url")));
    QVERIFY(page.contains(
        QStringLiteral("<link rel=\"alternate\" hreflang=\"ar\" href=\"../ar/\">\n")));
    QVERIFY(page.contains(
        QStringLiteral("<link rel=\"alternate\" hreflang=\"x-default\" href=\"../en/\">\n")));

    // The library's setting is the default base URL.
    QVERIFY(f.library
                ->setSetting(QStringLiteral("export.baseUrl"),
                             QStringLiteral("https://site.example/news/"))
                .ok());
    const auto again = BundleWriter::write(*f.library, f.article, f.output, BundleOptions());
    QVERIFY(again.ok());
    QVERIFY(again->notices.isEmpty());
    QVERIFY(readText(f.output + QStringLiteral("/summit/fr/index.html"))
                .contains(QStringLiteral(
                    "<link rel=\"canonical\" href=\"https://site.example/news/summit/fr/\">")));
}

void TestBundle::jsonLd_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("headline");
    QTest::addColumn<QStringList>("keywords");
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("Summit opens")
                        << QStringList{QStringLiteral("Politics"), QStringLiteral("geneva")};
    QTest::newRow("fr") << QStringLiteral("fr") << QStringLiteral("Le sommet s'ouvre")
                        << QStringList{QStringLiteral("Politique"), QStringLiteral("geneva")};
    QTest::newRow("ar") << QStringLiteral("ar") << QStringLiteral("افتتاح القمة")
                        << QStringList{QStringLiteral("politics"), QStringLiteral("geneva")};
}

void TestBundle::jsonLd() {
    QFETCH(QString, language);
    QFETCH(QString, headline);
    QFETCH(QStringList, keywords);
    Fixture f;
    QVERIFY(makeFixture(f));
    QVERIFY(BundleWriter::write(*f.library, f.article, f.output, withBase()).ok());
    const QString page =
        readText(f.output + QStringLiteral("/summit/") + language + QStringLiteral("/index.html"));
    const QJsonObject ld = jsonLdOf(page);
    QCOMPARE(ld.value(QStringLiteral("@context")).toString(), QStringLiteral("https://schema.org"));
    QCOMPARE(ld.value(QStringLiteral("@type")).toString(), QStringLiteral("NewsArticle"));
    QCOMPARE(ld.value(QStringLiteral("headline")).toString(), headline);
    QCOMPARE(ld.value(QStringLiteral("inLanguage")).toString(), language);
    QCOMPARE(ld.value(QStringLiteral("datePublished")).toString(),
             QStringLiteral("2026-03-14T08:00:00.000Z"));
    QCOMPARE(ld.value(QStringLiteral("dateModified")).toString(),
             QStringLiteral("2026-03-15T09:30:00.000Z"));
    const QJsonArray authors = ld.value(QStringLiteral("author")).toArray();
    QCOMPARE(authors.size(), 1);
    QCOMPARE(authors.at(0).toObject().value(QStringLiteral("@type")).toString(),
             QStringLiteral("Person"));
    QCOMPARE(authors.at(0).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("Ana Ruiz"));
    QCOMPARE(ld.value(QStringLiteral("image")).toArray(),
             QJsonArray{QStringLiteral("https://news.example/a/summit/media/") + pngFileName()});
    QStringList gotKeywords;
    for (const QJsonValue& k : ld.value(QStringLiteral("keywords")).toArray())
        gotKeywords.append(k.toString());
    QCOMPARE(gotKeywords, keywords);
    QCOMPARE(ld.value(QStringLiteral("mainEntityOfPage")).toString(),
             QStringLiteral("https://news.example/a/summit/") + language + QLatin1Char('/'));
}

void TestBundle::articleJson() {
    Fixture f;
    QVERIFY(makeFixture(f));
    const auto revisions = f.library->revisions(f.article.id);
    QVERIFY(revisions.ok());
    const qint64 saved = revisions->front().id;
    QVERIFY(BundleWriter::write(*f.library, f.article, f.output, withBase()).ok());
    const QString folder = f.output + QStringLiteral("/summit/");
    const QJsonObject manifest =
        QJsonDocument::fromJson(readText(folder + QStringLiteral("article.json")).toUtf8())
            .object();
    QCOMPARE(manifest.value(QStringLiteral("format")).toString(),
             QStringLiteral("copydesk-bundle"));
    QCOMPARE(manifest.value(QStringLiteral("revision")).toString(), QString::number(saved));
    QCOMPARE(manifest.value(QStringLiteral("defaultLanguage")).toString(), QStringLiteral("en"));
    const QJsonArray versions = manifest.value(QStringLiteral("versions")).toArray();
    QCOMPARE(versions.size(), 4);
    QStringList languages;
    for (const QJsonValue& value : versions) {
        const QJsonObject v = value.toObject();
        languages.append(v.value(QStringLiteral("language")).toString());
        const QString path = v.value(QStringLiteral("path")).toString();
        QCOMPARE(path,
                 v.value(QStringLiteral("language")).toString() + QStringLiteral("/index.html"));
        QCOMPARE(v.value(QStringLiteral("sha256")).toString().toLatin1(),
                 copydesk::test::sha256Of(folder + path));
    }
    QCOMPARE(languages, QStringList({QStringLiteral("en"), QStringLiteral("fr"),
                                     QStringLiteral("ar"), QStringLiteral("zh-Hans")}));
    QCOMPARE(versions.at(2).toObject().value(QStringLiteral("dir")).toString(),
             QStringLiteral("rtl"));
    const QJsonArray media = manifest.value(QStringLiteral("media")).toArray();
    QCOMPARE(media.size(), 1);
    QCOMPARE(media.at(0).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("photo.png"));
    QCOMPARE(media.at(0).toObject().value(QStringLiteral("path")).toString(),
             QStringLiteral("media/") + pngFileName());
    QCOMPARE(media.at(0).toObject().value(QStringLiteral("sha256")).toString().toLatin1(),
             QCryptographicHash::hash(kPng, QCryptographicHash::Sha256).toHex());
    const QJsonArray tags = manifest.value(QStringLiteral("tags")).toArray();
    QCOMPARE(tags.size(), 2);
    QCOMPARE(tags.at(0).toObject().value(QStringLiteral("slug")).toString(),
             QStringLiteral("politics"));
    QCOMPARE(tags.at(0)
                 .toObject()
                 .value(QStringLiteral("labels"))
                 .toObject()
                 .value(QStringLiteral("fr"))
                 .toString(),
             QStringLiteral("Politique"));
    const QJsonObject article = manifest.value(QStringLiteral("article")).toObject();
    QCOMPARE(article.value(QStringLiteral("slug")).toString(), QStringLiteral("summit"));
    QCOMPARE(article.value(QStringLiteral("versions")).toArray().size(), 4);
    QVERIFY(!article.contains(QStringLiteral("updated")));
}

void TestBundle::hostileText() {
    const QString hostile = QStringLiteral("</script><script>alert(1)</script><!-- & \"x\"");
    Fixture f;
    QVERIFY(makeFixture(f, hostile));
    f.article.byline = QStringLiteral("\"><img src=x onerror=alert(1)>");
    QVERIFY(f.library->save(f.article).ok());
    QVERIFY(BundleWriter::write(*f.library, f.article, f.output, withBase()).ok());
    const QString page = readText(f.output + QStringLiteral("/summit/en/index.html"));
    // The JSON-LD is the one script; the title ends it nowhere.
    QCOMPARE(page.count(QStringLiteral("<script")), 1);
    QCOMPARE(page.count(QStringLiteral("</script>")), 1);
    QVERIFY(!page.contains(QStringLiteral("<img src=x")));
    QVERIFY(!page.contains(QStringLiteral("<!--")));
    QVERIFY(page.contains(QStringLiteral("<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/"
                                         "script&gt;&lt;!-- &amp; &quot;x&quot;</title>")));
    QVERIFY(page.contains(QStringLiteral(
        "<meta property=\"og:title\" content=\"&lt;/script&gt;&lt;script&gt;alert(1)&lt;/"
        "script&gt;&lt;!-- &amp; &quot;x&quot;\">")));
    const QJsonObject ld = jsonLdOf(page);
    QCOMPARE(ld.value(QStringLiteral("headline")).toString(), hostile);
    QCOMPARE(ld.value(QStringLiteral("author"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
             f.article.byline);
    QVERIFY(page.contains(QStringLiteral("\"headline\":\"\\u003c/script\\u003e\\u003cscript"
                                         "\\u003ealert(1)\\u003c/script\\u003e\\u003c!-- \\u0026 "
                                         "\\\"x\\\"\"")));
}

void TestBundle::fragmentFormat() {
    Fixture f;
    QVERIFY(makeFixture(f));
    BundleOptions options = withBase();
    options.format = BundleOptions::Format::Fragment;
    const auto written = BundleWriter::write(*f.library, f.article, f.output, options);
    QVERIFY2(written.ok(), qPrintable(written.error()));
    const QString fragment = readText(f.output + QStringLiteral("/summit/ar/fragment.html"));
    QVERIFY2(fragment.startsWith(QStringLiteral("<div class=\"copydesk-body\" lang=\"ar\" "
                                                "dir=\"rtl\">\n<p>Text.</p>\n")),
             qPrintable(fragment));
    // Pasted into a CMS, the image is found at the published bundle.
    QVERIFY(fragment.contains(QStringLiteral("<img src=\"https://news.example/a/summit/media/") +
                              pngFileName() + QStringLiteral("\"")));
    QVERIFY(!QFile::exists(f.output + QStringLiteral("/summit/ar/index.html")));
    QVERIFY(QFile::exists(f.output + QStringLiteral("/summit/article.json")));
}

void TestBundle::oneLanguage() {
    Fixture f;
    QVERIFY(makeFixture(f));
    BundleOptions options = withBase();
    options.languages = {QStringLiteral("zh-hans")};
    QVERIFY(BundleWriter::write(*f.library, f.article, f.output, options).ok());
    QCOMPARE(filesUnder(f.output + QStringLiteral("/summit")),
             QStringList({QStringLiteral("article.json"), QStringLiteral("index.html"),
                          QStringLiteral("media"), QStringLiteral("media/") + pngFileName(),
                          QStringLiteral("zh-Hans"), QStringLiteral("zh-Hans/index.html")}));
    options.languages = {QStringLiteral("de")};
    const auto missing = BundleWriter::write(*f.library, f.article, f.output, options);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.kind(), ErrorKind::NotFound);
}

void TestBundle::missingMediaIsRefused() {
    Fixture f;
    QVERIFY(makeFixture(f));
    f.article.versions[1].body += QStringLiteral("\n![x](media:gone.png)\n");
    QVERIFY(f.library->save(f.article).ok());
    const int before = revisionCount(*f.library, f.article.id);
    const auto written = BundleWriter::write(*f.library, f.article, f.output, withBase());
    QVERIFY(!written.ok());
    QCOMPARE(written.kind(), ErrorKind::NotFound);
    QCOMPARE(written.error(), QStringLiteral("Article 'summit', version 'fr': media:gone.png is "
                                             "not in the library"));
    QVERIFY(filesUnder(f.output).isEmpty());
    QCOMPARE(revisionCount(*f.library, f.article.id), before);
}

void TestBundle::failedRevisionLeavesNothing() {
    Fixture f;
    QVERIFY(makeFixture(f));
    const int before = revisionCount(*f.library, f.article.id);
    QVERIFY(rawExec(f.library->path(),
                    {QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON revisions BEGIN "
                                    "SELECT RAISE(ABORT, 'refused by the test'); END")}));
    const auto written = BundleWriter::write(*f.library, f.article, f.output, withBase());
    QVERIFY(!written.ok());
    QVERIFY(filesUnder(f.output).isEmpty());
    QCOMPARE(revisionCount(*f.library, f.article.id), before);
}

void TestBundle::failedRevisionKeepsEarlierBundle() {
    Fixture f;
    QVERIFY(makeFixture(f));
    QVERIFY(BundleWriter::write(*f.library, f.article, f.output, withBase()).ok());
    const auto earlier = contentsUnder(f.output);
    const int before = revisionCount(*f.library, f.article.id);
    f.article.versions[0].title = QStringLiteral("Changed");
    QVERIFY(f.library->save(f.article).ok());
    QVERIFY(rawExec(f.library->path(),
                    {QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON revisions WHEN "
                                    "NEW.kind = 'export' BEGIN SELECT RAISE(ABORT, 'refused'); "
                                    "END")}));
    const auto written = BundleWriter::write(*f.library, f.article, f.output, withBase());
    QVERIFY(!written.ok());
    QCOMPARE(contentsUnder(f.output), earlier);
    QCOMPARE(revisionCount(*f.library, f.article.id), before + 1);
}

void TestBundle::fullDiskLeavesNothing() {
    TinyTmpfs disk("64k");
    if (!disk.isMounted())
        QSKIP(qPrintable(disk.reason()));
    Fixture f;
    QVERIFY(makeFixture(f));
    QByteArray big(256 * 1024, '\0');
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = char((i * 7919) % 251);
    QVERIFY(
        f.library->addMedia(big, QStringLiteral("photo.png"), QStringLiteral("image/png")).ok());
    const int before = revisionCount(*f.library, f.article.id);
    const auto written = BundleWriter::write(*f.library, f.article,
                                             disk.filePath(QStringLiteral("out")), withBase());
    QVERIFY(!written.ok());
    QCOMPARE(written.kind(), ErrorKind::DiskFull);
    QCOMPARE(filesUnder(disk.filePath(QStringLiteral("out"))), QStringList());
    QCOMPARE(revisionCount(*f.library, f.article.id), before);
}

void TestBundle::foreignFolderIsNotReplaced() {
    Fixture f;
    QVERIFY(makeFixture(f));
    QVERIFY(QDir().mkpath(f.output + QStringLiteral("/summit")));
    QFile mine(f.output + QStringLiteral("/summit/notes.txt"));
    QVERIFY(mine.open(QIODevice::WriteOnly));
    mine.write("mine");
    mine.close();
    const auto written = BundleWriter::write(*f.library, f.article, f.output, withBase());
    QVERIFY(!written.ok());
    QCOMPARE(written.kind(), ErrorKind::Conflict);
    QCOMPARE(filesUnder(f.output),
             QStringList({QStringLiteral("summit"), QStringLiteral("summit/notes.txt")}));
}

void TestBundle::invalidBaseUrl() {
    Fixture f;
    QVERIFY(makeFixture(f));
    BundleOptions options;
    options.baseUrl = QStringLiteral("javascript:alert(1)");
    const auto written = BundleWriter::write(*f.library, f.article, f.output, options);
    QVERIFY(!written.ok());
    QCOMPARE(written.kind(), ErrorKind::InvalidInput);
    QVERIFY(filesUnder(f.output).isEmpty());
}

QTEST_GUILESS_MAIN(TestBundle)
#include "tst_bundle.moc"
