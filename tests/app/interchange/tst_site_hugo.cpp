// Hugo itself (Debian's hugo) builds what export --format hugo writes: the real
// multilingual site of ../shared/corpora imported and exported back, and a page bundle
// (SLUG/index.LANG.md with its image beside it) of an article written in Copydesk.
// The site's own shortcodes and theme are not part of the corpus: each shortcode a
// page uses gets a stand-in template, and two plain layouts stand in for the theme.

#include "interchange/interchange.h"
#include "interchange/sitewriter.h"
#include "library/library.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace copydesk;

namespace {

bool write(const QString& path, const QByteArray& content) {
    if (!QDir().mkpath(QFileInfo(path).path()))
        return false;
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QByteArray read(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// A Hugo site around `content` (exported pages, a folder per language when
/// `languages` is not empty): a configuration with those languages, plain layouts,
/// and a stand-in for every shortcode the pages use (with .Inner where a page closes it).
bool writeSite(const QString& site, const QStringList& languages, bool languageFolders) {
    QByteArray config = "baseURL = \"https://example.org/\"\n"
                        "defaultContentLanguage = \"en\"\n"
                        "disableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\"]\n";
    for (const QString& language : languages) {
        config += "[languages." + language.toUtf8() + "]\n";
        if (languageFolders)
            config += "contentDir = \"content/" + language.toUtf8() + "\"\n";
    }
    if (!write(site + QStringLiteral("/config.toml"), config) ||
        !write(site + QStringLiteral("/layouts/_default/single.html"),
               "<h1>{{ .Title }}</h1>{{ .Content }}\n") ||
        !write(site + QStringLiteral("/layouts/_default/list.html"),
               "<h1>{{ .Title }}</h1>{{ range .Pages }}{{ .Title }}{{ end }}\n")) {
        return false;
    }
    static const QRegularExpression shortcode(
        QStringLiteral("\\{\\{[<%]\\s*(/?)([A-Za-z0-9_/-]+)"));
    QSet<QString> used;
    QSet<QString> closed;
    QDirIterator it(site + QStringLiteral("/content"), {QStringLiteral("*.md")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString text = QString::fromUtf8(read(it.next()));
        for (auto m = shortcode.globalMatch(text); m.hasNext();) {
            const auto match = m.next();
            (match.captured(1).isEmpty() ? used : closed).insert(match.captured(2));
        }
    }
    for (const QString& name : std::as_const(used)) {
        const QByteArray stub = closed.contains(name) ? "{{ .Inner }}\n" : "{{/* stand-in */}}\n";
        if (!write(site + QStringLiteral("/layouts/shortcodes/") + name + QStringLiteral(".html"),
                   stub))
            return false;
    }
    return true;
}

/// Runs hugo on `site`; its exit code and what it printed.
std::pair<int, QString> hugo(const QString& executable, const QString& site,
                             const QString& destination, const QStringList& more = {}) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(executable, QStringList{QStringLiteral("--source"), site,
                                          QStringLiteral("--destination"), destination} +
                                  more);
    if (!process.waitForFinished(120000))
        return {-1, QStringLiteral("hugo did not finish")};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAll())};
}

} // namespace

class TestSiteHugo final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void corpusSiteBuilds();
    void pageBundleBuilds();

private:
    QString m_hugo;
};

void TestSiteHugo::initTestCase() {
    m_hugo = QStandardPaths::findExecutable(QStringLiteral("hugo"));
    if (m_hugo.isEmpty())
        QSKIP("hugo is not installed (packaging/install-deps.sh installs it)");
}

void TestSiteHugo::corpusSiteBuilds() {
    const QString content =
        QStringLiteral(COPYDESK_CORPORA_DIR) + QStringLiteral("/hugo-multilingual/content");
    if (!QFileInfo(content).isDir())
        QSKIP(qPrintable(
            QStringLiteral("corpus not found at %1 (COPYDESK_CORPORA_DIR)").arg(content)));
    QTemporaryDir dir;
    auto library = Library::open(dir.filePath(QStringLiteral("l.copydesk")));
    QVERIFY(library);
    ImportOptions options;
    options.siteRoot = siteRoot(content);
    const auto files = siteFiles(content);
    QVERIFY(files);
    const auto ids = importIntoLibrary(**library, *files, options);
    QVERIFY2(ids, qPrintable(ids.error()));
    const QString site = dir.filePath(QStringLiteral("site"));
    for (const QUuid& id : *ids) {
        Article article = (*library)->article(id).value();
        const auto written = exportArticleToSite(
            **library, article, site + QStringLiteral("/content"), SiteFlavour::Hugo);
        QVERIFY2(written, qPrintable(written.error()));
    }
    const QStringList languages =
        QDir(site + QStringLiteral("/content")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QVERIFY(languages.contains(QStringLiteral("en")));
    QVERIFY(writeSite(site, languages, true));
    const auto [code, output] = hugo(m_hugo, site, dir.filePath(QStringLiteral("public")));
    QVERIFY2(code == 0 && !output.contains(QStringLiteral("ERROR")), qPrintable(output));
    QVERIFY2(
        QFile::exists(dir.filePath(QStringLiteral("public/ja/docs/concepts/glossary/index.html"))),
        qPrintable(output));
}

void TestSiteHugo::pageBundleBuilds() {
    QTemporaryDir dir;
    auto library = Library::open(dir.filePath(QStringLiteral("l.copydesk")));
    QVERIFY(library);
    // A PNG of one pixel.
    const QByteArray png =
        QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+"
                               "M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    const auto image = (*library)->addMediaContent(png, QStringLiteral("image/png"));
    QVERIFY2(image, qPrintable(image.error()));
    Article article = makeArticle(QStringLiteral("en"), QStringLiteral("Summit opens"));
    article.slug = QStringLiteral("summit-opens");
    article.versions.front().body =
        QStringLiteral("The summit opened.\n\n![The hall](media:") + *image + QStringLiteral(")\n");
    LanguageVersion fr = article.versions.front();
    fr.language = QStringLiteral("fr");
    fr.title = QStringLiteral("Le sommet s'ouvre");
    fr.body = QStringLiteral("Le sommet s'est ouvert.\n\n![La salle](media:") + *image +
              QStringLiteral(")\n");
    article.versions.append(fr);
    QVERIFY((*library)->save(article));

    const QString site = dir.filePath(QStringLiteral("site"));
    const auto written = exportArticleToSite(**library, article, site + QStringLiteral("/content"),
                                             SiteFlavour::Hugo);
    QVERIFY2(written, qPrintable(written.error()));
    const QString bundle = site + QStringLiteral("/content/summit-opens/");
    QCOMPARE(read(bundle + *image), png);
    const QByteArray en = read(bundle + QStringLiteral("index.en.md"));
    QVERIFY2(en.startsWith("---\ntitle: Summit opens\n"), en.constData());
    QVERIFY2(en.contains("](" + image->toUtf8() + ")") && !en.contains("media:"), en.constData());
    QVERIFY(QFile::exists(bundle + QStringLiteral("index.fr.md")));

    QVERIFY(writeSite(site, {QStringLiteral("en"), QStringLiteral("fr")}, false));
    // The article is a draft, and says so (draft: true): Hugo builds it when asked to.
    QVERIFY(read(bundle + QStringLiteral("index.en.md")).contains("\ndraft: true\n"));
    const QString pub = dir.filePath(QStringLiteral("public"));
    const auto [code, output] = hugo(m_hugo, site, pub, {QStringLiteral("--buildDrafts")});
    QVERIFY2(code == 0 && !output.contains(QStringLiteral("ERROR")), qPrintable(output));
    const QByteArray page = read(pub + QStringLiteral("/summit-opens/index.html"));
    QVERIFY2(page.contains("Summit opens") && page.contains("src=\"" + image->toUtf8() + "\""),
             page.constData());
    QVERIFY(read(pub + QStringLiteral("/fr/summit-opens/index.html")).contains("Le sommet"));
}

QTEST_GUILESS_MAIN(TestSiteHugo)
#include "tst_site_hugo.moc"
