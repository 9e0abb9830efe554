// A site (Hugo's content/, Jekyll's _posts/) imported as one transaction and exported
// back: translations linked the three ways Hugo links them, the same site imported
// again adds nothing, and every page comes back at its path with the same bytes. On
// the real multilingual Hugo site of ../shared/corpora and on small sites written here
// for what it lacks (TOML and JSON front matter, Jekyll dates, keys in capitals, a
// site's own "status").

#include "interchange/interchange.h"
#include "interchange/otherkeys.h"
#include "interchange/sitewriter.h"
#include "library/library.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <yaml-cpp/yaml.h>

using namespace copydesk;

namespace {

void write(const QString& root, const QString& relative, const QByteArray& content) {
    const QString path = QDir(root).filePath(relative);
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

QByteArray read(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(missing)");
}

/// Imports `folder` as a site, as `copydesk-cli import DIR` does.
Result<QList<QUuid>> importSite(Library& library, const QString& folder,
                                QStringList* notices = nullptr,
                                const QString& sourceLanguage = {}) {
    auto files = siteFiles(folder);
    if (!files)
        return files.failure();
    ImportOptions options;
    options.siteRoot = siteRoot(folder);
    options.sourceLanguage = sourceLanguage;
    options.notice = [notices](const QString& notice) {
        if (notices)
            notices->append(notice);
    };
    return importIntoLibrary(library, *files, options);
}

/// A library in `dir` with the site folder `site` imported (the test stops when that
/// fails); the import's articles in `ids`.
std::unique_ptr<Library> withSite(const QTemporaryDir& dir, const QString& site,
                                  QList<QUuid>* ids = nullptr) {
    auto library = Library::open(dir.filePath(QStringLiteral("l.copydesk")));
    if (!library)
        qFatal("%s", qPrintable(library.error()));
    auto imported = importSite(**library, site);
    if (!imported)
        qFatal("%s", qPrintable(imported.error()));
    if (ids)
        *ids = *imported;
    return std::move(*library);
}

/// Exports every article of `library` into `folder` as a site; the paths written.
QStringList exportAll(Library& library, const QString& folder, SiteFlavour flavour) {
    QStringList written;
    ListFilter filter;
    filter.limit = 10000;
    const auto list = library.list(filter);
    if (!list)
        return {QStringLiteral("list failed: ") + list.error()};
    for (const ArticleSummary& summary : *list) {
        auto article = library.article(summary.id);
        if (!article)
            return {article.error()};
        auto paths = exportArticleToSite(library, *article, folder, flavour);
        if (!paths)
            return {QStringLiteral("export failed: ") + paths.error()};
        written += *paths;
    }
    return written;
}

/// The pages below `root`, relative to it.
QStringList pagesBelow(const QString& root) {
    QStringList pages;
    QDirIterator it(root, {QStringLiteral("*.md"), QStringLiteral("*.markdown")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        pages.append(QDir(root).relativeFilePath(it.next()));
    pages.sort();
    return pages;
}

YAML::Node frontMatterOf(const QByteArray& page) {
    const qsizetype end = page.indexOf("\n---", 3);
    return YAML::Load(page.mid(4, end - 4).toStdString());
}

} // namespace

class TestSite final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void corpusRoundTrip();
    void linkedThreeWays();
    void keysOfTheSite();
    void tomlAndJson();
    void jekyllDates();
    void pageWithoutFrontMatter();
    void editedPageKeepsItsKeys();
    void labelsAndBylinesPerLanguage();
    void translationKeepsWhatItsPageSays();
    void windowsLineEnds();
    void bylineKeepsItsShape();
    void allOrNothing();
};

void TestSite::corpusRoundTrip() {
    const QString content =
        QStringLiteral(COPYDESK_CORPORA_DIR) + QStringLiteral("/hugo-multilingual/content");
    if (!QFileInfo(content).isDir())
        QSKIP(qPrintable(
            QStringLiteral("corpus not found at %1 (COPYDESK_CORPORA_DIR)").arg(content)));
    QTemporaryDir dir;
    auto library = Library::open(dir.filePath(QStringLiteral("l.copydesk")));
    QVERIFY2(library, qPrintable(library.error()));

    // One language first, then the whole site: no duplicates, English the source.
    QVERIFY2(importSite(**library, content + QStringLiteral("/fr")), "fr");
    auto ids = importSite(**library, content);
    QVERIFY2(ids, qPrintable(ids.error()));
    const QStringList pages = pagesBelow(content);
    QCOMPARE(pages.size(), 158);
    QSet<QString> distinct; // pages by their path below the language folder
    for (const QString& page : pages)
        distinct.insert(page.section(QLatin1Char('/'), 1));
    QCOMPARE((*library)->count().value(), int(distinct.size()));
    auto glossary = (*library)->findArticle(QStringLiteral("glossary"));
    QVERIFY2(glossary, qPrintable(glossary.error()));
    QCOMPARE(glossary->sourceLanguage, QStringLiteral("en"));
    QVERIFY(glossary->versions.size() >= 8);
    QCOMPARE(glossary->version(u"ja")->sitePath, QStringLiteral("ja/docs/concepts/glossary.md"));
    // Two pages named glossary-2 ... no more: one article per page.
    QVERIFY(!(*library)->findArticle(QStringLiteral("glossary-2")));

    // Hugo and Jekyll alike: every page back at its path, byte for byte.
    for (const SiteFlavour flavour : {SiteFlavour::Hugo, SiteFlavour::Jekyll}) {
        const QString out = dir.filePath(flavour == SiteFlavour::Hugo ? QStringLiteral("hugo")
                                                                      : QStringLiteral("jekyll"));
        const QStringList written = exportAll(**library, out, flavour);
        QCOMPARE(written.size(), pages.size());
        QCOMPARE(pagesBelow(out), pages);
        for (const QString& page : pages)
            QVERIFY2(read(QDir(out).filePath(page)) == read(QDir(content).filePath(page)),
                     qPrintable(page));
    }

    // Imported again: nothing changes, nothing is recorded, every page says so.
    const auto revisionsBefore = (*library)->revisions(glossary->id).value().size();
    QStringList notices;
    QVERIFY(importSite(**library, content, &notices));
    QCOMPARE(notices.filter(QStringLiteral("unchanged")).size(), int(distinct.size()));
    QCOMPARE((*library)->count().value(), int(distinct.size()));
    QCOMPARE((*library)->revisions(glossary->id).value().size(), revisionsBefore);
}

void TestSite::linkedThreeWays() {
    QTemporaryDir dir;
    const QString site = dir.filePath(QStringLiteral("site"));
    // By file name (the default language without a suffix), by translationKey.
    write(site, QStringLiteral("blog/summit.md"), "---\ntitle: Summit\n---\n\nText.\n");
    write(site, QStringLiteral("blog/summit.fr.md"), "---\ntitle: Sommet\n---\n\nTexte.\n");
    write(site, QStringLiteral("blog/a.md"), "---\ntitle: A\ntranslationKey: k1\n---\nA\n");
    write(site, QStringLiteral("blog/b.es.md"), "---\ntitle: B\ntranslationKey: k1\n---\nB\n");
    // Two pages of one name in different folders keep their paths.
    write(site, QStringLiteral("docs/one/introduction.md"), "---\ntitle: One\n---\n1\n");
    write(site, QStringLiteral("docs/two/introduction.md"), "---\ntitle: Two\n---\n2\n");
    auto library = Library::open(dir.filePath(QStringLiteral("l.copydesk")));
    QVERIFY(library);
    auto ids = importSite(**library, site);
    QVERIFY2(ids, qPrintable(ids.error()));
    QCOMPARE((*library)->count().value(), 4);
    const Article summit = (*library)->findArticle(QStringLiteral("summit")).value();
    QCOMPARE(summit.versions.size(), 2);
    QCOMPARE(summit.version(u"fr")->title, QStringLiteral("Sommet"));
    const Article a = (*library)->article(ids->at(0)).value();
    QVERIFY(a.version(u"en") && a.version(u"es"));
    const QString out = dir.filePath(QStringLiteral("out"));
    QCOMPARE(exportAll(**library, out, SiteFlavour::Hugo).size(), 6);
    for (const QString& page : pagesBelow(site))
        QCOMPARE(read(QDir(out).filePath(page)), read(QDir(site).filePath(page)));
}

void TestSite::keysOfTheSite() {
    QTemporaryDir dir;
    const QString site = dir.filePath(QStringLiteral("content"));
    const QByteArray page = "---\nTitle: Capital\nstatus: Completed\nweight: 3\n"
                            "cSpell:ignore: otel\nDescription: Said\n---\n\nBody\n";
    write(site, QStringLiteral("en/page.md"), page);
    auto library = Library::open(dir.filePath(QStringLiteral("l.copydesk")));
    QVERIFY(library);
    auto ids = importSite(**library, site);
    QVERIFY2(ids, qPrintable(ids.error()));
    const Article article = (*library)->article(ids->front()).value();
    QCOMPARE(article.versions.front().title, QStringLiteral("Capital"));
    QCOMPARE(article.versions.front().summary, QStringLiteral("Said"));
    QCOMPARE(article.status, Status::Draft); // "Completed" is the site's, not a status
    const QString out = dir.filePath(QStringLiteral("out"));
    exportAll(**library, out, SiteFlavour::Hugo);
    QCOMPARE(read(out + QStringLiteral("/en/page.md")), page);
}

void TestSite::tomlAndJson() {
    QTemporaryDir dir;
    const QString site = dir.filePath(QStringLiteral("content"));
    const QByteArray toml = "+++\ntitle = \"Toml page\"\ndate = 2023-04-05T10:00:00+02:00\n"
                            "# the site's own\nweight = 4\ntags = [\"a\", \"b\"]\n"
                            "[params]\nx = 1\n+++\n\nToml body\n";
    const QByteArray json = "{\n  \"title\": \"Json page\",\n  \"weight\": 2\n}\n\nJson body\n";
    write(site, QStringLiteral("toml.md"), toml);
    write(site, QStringLiteral("json.md"), json);
    auto library = Library::open(dir.filePath(QStringLiteral("l.copydesk")));
    QVERIFY(library);
    auto ids = importSite(**library, site);
    QVERIFY2(ids, qPrintable(ids.error()));
    const Article t = (*library)->findArticle(QStringLiteral("toml")).value();
    QCOMPARE(t.versions.front().title, QStringLiteral("Toml page"));
    QCOMPARE(t.versions.front().created,
             QDateTime(QDate(2023, 4, 5), QTime(8, 0), QTimeZone::utc()));
    QCOMPARE(t.tags, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(t.versions.front().body, QStringLiteral("Toml body\n"));
    const Article j = (*library)->findArticle(QStringLiteral("json")).value();
    QCOMPARE(j.versions.front().title, QStringLiteral("Json page"));
    QCOMPARE(j.versions.front().body, QStringLiteral("Json body\n"));
    const QString out = dir.filePath(QStringLiteral("out"));
    exportAll(**library, out, SiteFlavour::Hugo);
    QCOMPARE(read(out + QStringLiteral("/toml.md")), toml);
    QCOMPARE(read(out + QStringLiteral("/json.md")), json);

    // Edited: only the edited key's line changes, in the page's own syntax; the order,
    // the comment and every other key stay as written.
    auto editTitle = [&](const Article& article, const QString& title) {
        Article edited = article;
        edited.versions.front().title = title;
        QVERIFY((*library)->save(edited));
        Article e = (*library)->article(edited.id).value();
        QVERIFY(exportArticleToSite(**library, e, out, SiteFlavour::Hugo));
    };
    editTitle(t, QStringLiteral("New title"));
    QCOMPARE(read(out + QStringLiteral("/toml.md")),
             QByteArray(toml).replace("title = \"Toml page\"", "title = \"New title\""));
    editTitle(j, QStringLiteral("Nouveau \"titre\""));
    QCOMPARE(read(out + QStringLiteral("/json.md")),
             QByteArray(json).replace("\"Json page\"", "\"Nouveau \\\"titre\\\"\""));
}

void TestSite::jekyllDates() {
    QTemporaryDir dir;
    const QString posts = dir.filePath(QStringLiteral("docs/_posts"));
    const QByteArray noDate = "---\ntitle: Hello\n---\n\nHi\n";
    const QByteArray zone = "---\ntitle: Zone\ndate: 2015-01-01 10:00:00 +0200\n---\n\nZ\n";
    write(posts, QStringLiteral("2014-05-06-hello.markdown"), noDate);
    write(posts, QStringLiteral("2015-01-01-zone.md"), zone);
    auto library = Library::open(dir.filePath(QStringLiteral("l.copydesk")));
    QVERIFY(library);
    auto ids = importSite(**library, posts);
    QVERIFY2(ids, qPrintable(ids.error()));
    const Article hello = (*library)->findArticle(QStringLiteral("hello")).value();
    QCOMPARE(hello.versions.front().created.date(), QDate(2014, 5, 6));
    QCOMPARE(hello.versions.front().sitePath, QStringLiteral("_posts/2014-05-06-hello.markdown"));
    const Article z = (*library)->findArticle(QStringLiteral("zone")).value();
    QCOMPARE(z.versions.front().created,
             QDateTime(QDate(2015, 1, 1), QTime(8, 0), QTimeZone::utc()));
    const QString out = dir.filePath(QStringLiteral("out"));
    exportAll(**library, out, SiteFlavour::Jekyll);
    // No date added to the first, the zone kept as written in the second.
    QCOMPARE(read(out + QStringLiteral("/_posts/2014-05-06-hello.markdown")), noDate);
    QCOMPARE(read(out + QStringLiteral("/_posts/2015-01-01-zone.md")), zone);
}

void TestSite::pageWithoutFrontMatter() {
    QTemporaryDir dir;
    const QString site = dir.filePath(QStringLiteral("site"));
    write(site, QStringLiteral("heading.md"), "Intro line\n\n# The heading\n\nText\n");
    write(site, QStringLiteral("plain.fr.md"), "Première ligne\n\nSuite\n");
    auto library = Library::open(dir.filePath(QStringLiteral("l.copydesk")));
    QVERIFY(library);
    auto ids = importSite(**library, site);
    QVERIFY2(ids, qPrintable(ids.error()));
    const Article heading = (*library)->article(ids->at(0)).value();
    QCOMPARE(heading.versions.front().title, QStringLiteral("The heading"));
    QCOMPARE(heading.versions.front().body,
             QStringLiteral("Intro line\n\n# The heading\n\nText\n"));
    const Article plain = (*library)->article(ids->at(1)).value();
    QCOMPARE(plain.versions.front().title, QStringLiteral("Première ligne"));
    QCOMPARE(plain.versions.front().language, QStringLiteral("fr"));
    const QString out = dir.filePath(QStringLiteral("out"));
    exportAll(**library, out, SiteFlavour::Hugo);
    QCOMPARE(read(out + QStringLiteral("/heading.md")), read(site + QStringLiteral("/heading.md")));
    QCOMPARE(read(out + QStringLiteral("/plain.fr.md")),
             read(site + QStringLiteral("/plain.fr.md")));
    // Edited: the page gets front matter with what was edited, and only that (no date
    // of the import, no title it has in its heading).
    Article tagged = heading;
    tagged.tags = {QStringLiteral("harbour")};
    QVERIFY((*library)->save(tagged));
    QVERIFY(exportArticleToSite(**library, tagged, out, SiteFlavour::Hugo));
    QCOMPARE(read(out + QStringLiteral("/heading.md")),
             "---\ntags:\n  - harbour\n---\n\n" + read(site + QStringLiteral("/heading.md")));
}

void TestSite::editedPageKeepsItsKeys() {
    QTemporaryDir dir;
    const QString site = dir.filePath(QStringLiteral("content"));
    write(site, QStringLiteral("en/page.md"),
          "---\ntitle: Old\nweight: 3\naliases: [/old/]\nparams:\n  x: 1\nstatus: Completed\n"
          "---\n\nBody\n");
    auto library = Library::open(dir.filePath(QStringLiteral("l.copydesk")));
    QVERIFY(library);
    auto ids = importSite(**library, site);
    QVERIFY(ids);
    Article article = (*library)->article(ids->front()).value();
    article.versions.front().title = QStringLiteral("New");
    QVERIFY((*library)->save(article));
    const QString out = dir.filePath(QStringLiteral("out"));
    QVERIFY(exportArticleToSite(**library, article, out, SiteFlavour::Hugo));
    const QByteArray page = read(out + QStringLiteral("/en/page.md"));
    QCOMPARE(page, QByteArray("---\ntitle: New\nweight: 3\naliases: [/old/]\nparams:\n  x: 1\n"
                              "status: Completed\n---\n\nBody\n"));
    const YAML::Node fm = frontMatterOf(page);
    QCOMPARE(QString::fromStdString(fm["title"].Scalar()), QStringLiteral("New"));
    QCOMPARE(fm["weight"].Scalar(), std::string("3"));
    QCOMPARE(fm["aliases"][0].Scalar(), std::string("/old/"));
    QCOMPARE(fm["params"]["x"].Scalar(), std::string("1"));
    QCOMPARE(fm["status"].Scalar(), std::string("Completed"));
    for (const char* injected : {"draft", "slug", "lang", "lastmod", "date", "translationKey"})
        QVERIFY2(!fm[injected].IsDefined(), injected);
    QVERIFY(page.endsWith("---\n\nBody\n"));
}

void TestSite::labelsAndBylinesPerLanguage() {
    QTemporaryDir dir;
    const QString site = dir.filePath(QStringLiteral("content"));
    write(site, QStringLiteral("en/news.md"),
          "---\ntitle: News\nauthor: Olena Shevchenko\ncategories: [technology]\n---\n\nN\n");
    write(site, QStringLiteral("uk/news.md"),
          "---\ntitle: Новини\nauthor: Олена Шевченко\ncategories: [Технології]\n---\n\nН\n");
    write(site, QStringLiteral("es/news.md"),
          "---\ntitle: Noticias\nauthor: Olena Shevchenko\ncategories: [Tecnología]\n---\n\nN\n");
    auto library = Library::open(dir.filePath(QStringLiteral("l.copydesk")));
    QVERIFY(library);
    auto ids = importSite(**library, site);
    QVERIFY2(ids, qPrintable(ids.error()));
    const Article news = (*library)->article(ids->front()).value();
    QCOMPARE(news.sourceLanguage, QStringLiteral("en"));
    QCOMPARE(news.byline, QStringLiteral("Olena Shevchenko"));
    QCOMPARE(news.version(u"uk")->byline, QStringLiteral("Олена Шевченко"));
    QCOMPARE(news.version(u"es")->byline, QString()); // the article's
    QCOMPARE(news.categories, QStringList{QStringLiteral("technology")});
    const auto categories = (*library)->categories().value();
    QCOMPARE(categories.size(), 1);
    QCOMPARE(categories.front().labels.value(QStringLiteral("es")), QStringLiteral("Tecnología"));
    QCOMPARE(categories.front().labels.value(QStringLiteral("uk")), QStringLiteral("Технології"));
    const QString out = dir.filePath(QStringLiteral("out"));
    exportAll(**library, out, SiteFlavour::Hugo);
    for (const QString& page : pagesBelow(site))
        QCOMPARE(read(QDir(out).filePath(page)), read(QDir(site).filePath(page)));
}

// A translation's page may list tags the source page has not, or be a draft where the
// source is published: that stays until the article's own tags or status are edited.
void TestSite::translationKeepsWhatItsPageSays() {
    QTemporaryDir dir;
    const QString site = dir.filePath(QStringLiteral("content"));
    const QByteArray en = "---\ntitle: Harbour\ndraft: false\n---\n\nThe harbour.\n";
    const QByteArray fr = "---\ntitle: Port\ndraft: true\ntags: [seul]\ncategories: [cat]\n---\n"
                          "\nLe port.\n";
    const QByteArray es = "---\ntitle: Puerto\n---\n\nEl puerto.\n";
    write(site, QStringLiteral("q.md"), en);
    write(site, QStringLiteral("q.fr.md"), fr);
    write(site, QStringLiteral("q.es.md"), es);
    QList<QUuid> ids;
    const auto library = withSite(dir, site, &ids);
    const QString out = dir.filePath(QStringLiteral("out"));
    exportAll(*library, out, SiteFlavour::Hugo);
    QCOMPARE(read(out + QStringLiteral("/q.md")), en);
    QCOMPARE(read(out + QStringLiteral("/q.fr.md")), fr);
    QCOMPARE(read(out + QStringLiteral("/q.es.md")), es);
    // The article archived: every page that was published is a draft now.
    Article article = library->article(ids.front()).value();
    article.status = Status::Archived;
    QVERIFY(library->save(article));
    article = library->article(ids.front()).value();
    QVERIFY(exportArticleToSite(*library, article, out, SiteFlavour::Hugo));
    QCOMPARE(read(out + QStringLiteral("/q.md")), QByteArray(en).replace("false", "true"));
    QCOMPARE(read(out + QStringLiteral("/q.fr.md")), fr);
    QCOMPARE(read(out + QStringLiteral("/q.es.md")),
             QByteArray(es).replace("Puerto\n", "Puerto\ndraft: true\n"));
}

// A page written on Windows (CRLF) comes back as it was, also when edited; the other
// keys' editor keeps its line ends too. A byte-order mark is not kept.
void TestSite::windowsLineEnds() {
    QTemporaryDir dir;
    const QString site = dir.filePath(QStringLiteral("content"));
    const QByteArray crlf =
        "---\r\ntitle: Old\r\nweight: 1\r\n---\r\n\r\nLine one.\r\nLine two.\r\n";
    const QByteArray bom = "\xEF\xBB\xBF+++\ntitle = \"Toml\"\n+++\n\nBody.\n";
    write(site, QStringLiteral("crlf.md"), crlf);
    write(site, QStringLiteral("bom.md"), bom);
    const auto library = withSite(dir, site);
    const QString out = dir.filePath(QStringLiteral("out"));
    exportAll(*library, out, SiteFlavour::Hugo);
    QCOMPARE(read(out + QStringLiteral("/crlf.md")), crlf);
    QCOMPARE(read(out + QStringLiteral("/bom.md")), bom.mid(3));
    for (const QString& slug : {QStringLiteral("crlf"), QStringLiteral("bom")}) {
        Article article = library->findArticle(slug).value();
        article.versions.front().title = QStringLiteral("New");
        QVERIFY(library->save(article));
        QVERIFY(exportArticleToSite(*library, article, out, SiteFlavour::Hugo));
    }
    QCOMPARE(read(out + QStringLiteral("/crlf.md")), QByteArray(crlf).replace("Old", "New"));
    QCOMPARE(read(out + QStringLiteral("/bom.md")), bom.mid(3).replace("\"Toml\"", "\"New\""));
    const Article article = library->findArticle(QStringLiteral("crlf")).value();
    const auto keyed = withOtherFrontMatterKey(article.versions.front().siteFrontMatter,
                                               QStringLiteral("weight"), QStringLiteral("2"));
    QVERIFY2(keyed, qPrintable(keyed.error()));
    QCOMPARE(*keyed, QStringLiteral("---\r\ntitle: Old\r\nweight: 2\r\n---\r\n\r\n"));
}

// A new byline is written in the shape the page gives its author: a list of names, or
// a map whose other keys stay.
void TestSite::bylineKeepsItsShape() {
    QTemporaryDir dir;
    const QString site = dir.filePath(QStringLiteral("content"));
    write(site, QStringLiteral("list.md"), "---\ntitle: L\nauthors: [Jane, Joe]\n---\n\nL.\n");
    write(site, QStringLiteral("map.md"),
          "---\ntitle: M\nauthor:\n  name: Jane\n  email: j@example.org\n---\n\nM.\n");
    const auto library = withSite(dir, site);
    const QString out = dir.filePath(QStringLiteral("out"));
    for (const QString& slug : {QStringLiteral("list"), QStringLiteral("map")}) {
        Article article = library->findArticle(slug).value();
        article.byline = QStringLiteral("Ana Ruiz, Li Wei");
        article.versions.front().byline.clear();
        QVERIFY(library->save(article));
        QVERIFY(exportArticleToSite(*library, article, out, SiteFlavour::Hugo));
    }
    QCOMPARE(read(out + QStringLiteral("/list.md")),
             QByteArray("---\ntitle: L\nauthors: [Ana Ruiz, Li Wei]\n---\n\nL.\n"));
    const YAML::Node map = frontMatterOf(read(out + QStringLiteral("/map.md")));
    QCOMPARE(QString::fromStdString(map["author"]["name"].Scalar()),
             QStringLiteral("Ana Ruiz, Li Wei"));
    QCOMPARE(map["author"]["email"].Scalar(), std::string("j@example.org"));
}

void TestSite::allOrNothing() {
    QTemporaryDir dir;
    const QString site = dir.filePath(QStringLiteral("content"));
    write(site, QStringLiteral("en/a.md"), "---\ntitle: A\n---\nA\n");
    write(site, QStringLiteral("en/b.md"), "---\ntitle: \"unclosed\n---\nB\n");
    auto library = Library::open(dir.filePath(QStringLiteral("l.copydesk")));
    QVERIFY(library);
    auto ids = importSite(**library, site);
    QVERIFY(!ids);
    QVERIFY2(ids.error().contains(QStringLiteral("b.md")) &&
                 ids.error().contains(QStringLiteral("nothing was imported")),
             qPrintable(ids.error()));
    QCOMPARE((*library)->count().value(), 0);
}

QTEST_GUILESS_MAIN(TestSite)
#include "tst_site.moc"
