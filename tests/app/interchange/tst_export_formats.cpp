// The interchange formats without a library: front matter round trips, hand-written
// Hugo and Jekyll files, plain-text and HTML conversion, and bad input.
#include "app/interchange/interchangetestutil.h"
#include "import/htmlimport.h"
#include "import/inputfile.h"
#include "import/plaintextimport.h"
#include "interchange/frontmatter.h"
#include "interchange/interchange.h"
#include "markdown/markdownescape.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace copydesk;
using namespace copydesk::testing;

namespace {

QByteArray readAll(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QUuid hugoKeyId(const QString& key) {
    // Same namespace as frontmatter.cpp: non-UUID keys map to name-based UUIDs.
    return QUuid::createUuidV5(QUuid::fromString(u"{6f0e6c8e-2b67-4d8a-9a31-3a9f6c1d7e55}"), key);
}

} // namespace

class TestExportFormats final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void frontMatterRoundTrip_data() {
        QTest::addColumn<Article>("article");
        QTest::newRow("every field, en ar zh-Hans") << fullArticle();

        Article minimal;
        minimal.id = QUuid::createUuid();
        minimal.sourceLanguage = QStringLiteral("fr");
        LanguageVersion fr;
        fr.language = QStringLiteral("fr");
        minimal.versions = {fr};
        QTest::newRow("minimal") << minimal;

        Article lookalikes = fullArticle();
        lookalikes.slug = QStringLiteral("2024-05-01");
        lookalikes.status = Status::Archived;
        lookalikes.byline = QStringLiteral("~");
        lookalikes.tags = {
            QStringLiteral("on"),   QStringLiteral("Off"),   QStringLiteral("1.5"),
            QStringLiteral("0x1F"), QStringLiteral("-.inf"), QStringLiteral("1e3"),
            QStringLiteral("[x]"),  QStringLiteral("a, b"),  QStringLiteral("#hash")};
        lookalikes.categories = {QStringLiteral("NULL"), QStringLiteral("- item")};
        lookalikes.featuredImage = QStringLiteral("'quoted'.png");
        lookalikes.dateline = Dateline{QStringLiteral("N"), QDate()};
        lookalikes.versions[0].title = QStringLiteral("2024-05-01T10:00:00Z");
        lookalikes.versions[0].summary = QStringLiteral("tab\there, emoji 🌍, \\ backslash");
        lookalikes.versions[0].seoTitle = QStringLiteral("1,200");
        lookalikes.versions[0].seoDescription = QStringLiteral("---");
        lookalikes.versions[1].title =
            QStringLiteral("* star: & amp | pipe > gt % pct @ at `tick`");
        lookalikes.versions[2].sourceFingerprints = {QStringLiteral("0123"),
                                                     QStringLiteral("true")};
        QTest::newRow("YAML look-alikes") << lookalikes;

        Article bodies = fullArticle();
        bodies.dateline = Dateline{{}, QDate(2023, 12, 31)};
        bodies.versions[0].body = QStringLiteral("\n\nstarts with blank lines\n\n\n");
        bodies.versions[1].body = QStringLiteral("---\ntitle: not front matter\n---\n");
        bodies.versions[2].body = QString();
        QTest::newRow("body edge cases") << bodies;
    }
    void frontMatterRoundTrip() {
        QFETCH(Article, article);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto written = writeFrontMatterFolder(article, dir.path());
        QVERIFY2(written.ok(), qPrintable(written.error()));
        QCOMPARE(written->size(), article.versions.size());

        const auto imported = importMarkdownFiles(*written);
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        QCOMPARE(describe(*imported), describe(article));
        QVERIFY(*imported == article);

        // Each file alone holds the article's metadata and its own version.
        for (qsizetype i = 0; i < article.versions.size(); ++i) {
            const QByteArray bytes = toFrontMatterMarkdown(article, article.versions.at(i));
            const auto single = parseFrontMatterMarkdown(bytes, written->at(i));
            QVERIFY2(single.ok(), qPrintable(single.error()));
            Article expected = article;
            expected.versions = {article.versions.at(i)};
            QCOMPARE(describe(*single), describe(expected));
        }
    }

    void roundTripInAnyFileOrder() {
        const Article article = fullArticle();
        QTemporaryDir dir;
        auto written = writeFrontMatterFolder(article, dir.path());
        QVERIFY(written.ok());
        QStringList reversed(written->rbegin(), written->rend());
        const auto imported = importMarkdownFiles(reversed);
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        Article expected = article;
        std::reverse(expected.versions.begin(), expected.versions.end());
        QCOMPARE(describe(*imported), describe(expected));
    }

    void frontMatterText_data() {
        QTest::addColumn<Status>("status");
        QTest::addColumn<QString>("draft");
        QTest::newRow("draft") << Status::Draft << QStringLiteral("draft: true");
        QTest::newRow("ready") << Status::Ready << QStringLiteral("draft: true");
        QTest::newRow("published") << Status::Published << QStringLiteral("draft: false");
        QTest::newRow("archived") << Status::Archived << QStringLiteral("draft: true");
    }
    void frontMatterText() {
        QFETCH(Status, status);
        QFETCH(QString, draft);
        Article article = fullArticle();
        article.status = status;
        const QString text = QString::fromUtf8(toFrontMatterMarkdown(article, article.versions[1]));
        const QStringList lines = text.split(QLatin1Char('\n'));
        QCOMPARE(lines.front(), QStringLiteral("---"));
        QVERIFY(lines.contains(draft));
        // Hugo's keys, as Hugo spells them.
        QVERIFY(lines.contains(QStringLiteral("title: افتتاح القمة في جنيف"))); // not \u-escaped
        QVERIFY(lines.contains(QStringLiteral("date: 2024-05-01T09:00:00Z")));
        QVERIFY(lines.contains(QStringLiteral("lastmod: 2024-05-01T10:30:00Z")));
        QVERIFY(lines.contains(QStringLiteral("slug: summit-opens")));
        QVERIFY(lines.contains(QStringLiteral("lang: ar")));
        QVERIFY(
            lines.contains(QStringLiteral("translationKey: 3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b")));
        QVERIFY(lines.contains(QStringLiteral("summary: وصل المندوبون يوم الاثنين.")));
        // Strings that YAML 1.1 would read as booleans or numbers stay strings.
        QVERIFY(lines.contains(QStringLiteral("tags: [climate, \"true\", \"2024\", \"yes\"]")));
        QVERIFY(lines.contains(QStringLiteral("categories: [news, \"no\"]")));
        QVERIFY(lines.contains(QStringLiteral("versionStatus: in-review")));
        QVERIFY(lines.contains(QStringLiteral("  date: 2024-05-01")));
        QVERIFY(lines.contains(QStringLiteral("created: 2024-04-30T16:05:09.123Z")));
        QVERIFY(lines.contains(QStringLiteral("sourceRevision: 42")));
        // One blank line, then the body exactly.
        QVERIFY(text.endsWith(QStringLiteral("\n---\n\n") + article.versions[1].body));
    }

    void fileNames_data() {
        QTest::addColumn<QString>("slug");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("fileName");
        QTest::newRow("hugo") << QStringLiteral("summit-opens") << QStringLiteral("zh-Hans")
                              << QStringLiteral("summit-opens.zh-Hans.md");
        QTest::newRow("no slug") << QString() << QStringLiteral("en")
                                 << QStringLiteral("3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b.en.md");
        QTest::newRow("unsafe slug") << QStringLiteral("../a/b:c") << QStringLiteral("fr")
                                     << QStringLiteral("-.-a-b-c.fr.md");
    }
    void fileNames() {
        QFETCH(QString, slug);
        QFETCH(QString, language);
        QFETCH(QString, fileName);
        Article article = fullArticle();
        article.slug = slug;
        LanguageVersion version;
        version.language = language;
        QCOMPARE(frontMatterFileName(article, version), fileName);
    }

    void languageFromFileName_data() {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("baseName");
        QTest::newRow("plain") << QStringLiteral("a/summit.md") << QString()
                               << QStringLiteral("summit");
        QTest::newRow("fr") << QStringLiteral("a/summit.fr.md") << QStringLiteral("fr")
                            << QStringLiteral("summit");
        QTest::newRow("zh-Hans") << QStringLiteral("summit.zh-Hans.md") << QStringLiteral("zh-Hans")
                                 << QStringLiteral("summit");
        QTest::newRow("pt-BR") << QStringLiteral("x.pt-BR.txt") << QStringLiteral("pt-BR")
                               << QStringLiteral("x");
        QTest::newRow("not a language")
            << QStringLiteral("report.final.md") << QString() << QStringLiteral("report.final");
        QTest::newRow("page bundle") << QStringLiteral("/site/content/summit/index.ar.md")
                                     << QStringLiteral("ar") << QStringLiteral("summit");
    }
    void languageFromFileName() {
        QFETCH(QString, fileName);
        QFETCH(QString, language);
        QFETCH(QString, baseName);
        QCOMPARE(copydesk::languageFromFileName(fileName), language);
        QCOMPARE(baseNameWithoutLanguage(fileName), baseName);
    }

    void hugoFiles() {
        const auto imported =
            importMarkdownFiles({interchangeData(QStringLiteral("hugo/water-report.en.md")),
                                 interchangeData(QStringLiteral("hugo/water-report.fr.md"))});
        QVERIFY2(imported.ok(), qPrintable(imported.error()));

        Article expected;
        expected.id = hugoKeyId(QStringLiteral("water-2024"));
        expected.slug = QStringLiteral("clean-water");
        expected.status = Status::Published; // draft: false, from the first (en) file
        expected.byline = QStringLiteral("Field Office");
        expected.tags = {QStringLiteral("water"), QStringLiteral("kenya")};
        expected.categories = {QStringLiteral("news")};
        expected.sourceLanguage = QStringLiteral("en");
        LanguageVersion en;
        en.language = QStringLiteral("en");
        en.title = QStringLiteral("Clean water reaches 10,000 homes");
        en.summary = QStringLiteral("Annual report of the water project.");
        en.created = utc(2024, 3, 12, 6, 30);
        en.updated = utc(2024, 3, 13, 0, 0);
        en.status = Status::Published;
        en.body = QStringLiteral("The project has connected **10,000** homes to clean water.\n\n"
                                 "- 45 km of pipes\n- 50 technicians trained\n");
        LanguageVersion fr;
        fr.language = QStringLiteral("fr"); // from the file name
        fr.title = QStringLiteral("L’eau potable arrive dans 10 000 foyers");
        fr.summary = QStringLiteral("Rapport annuel : le projet d’eau.");
        fr.created = utc(2024, 3, 14, 8, 0);
        fr.status = Status::Draft; // draft: true
        fr.body = QStringLiteral("Le projet a raccordé **10 000** foyers à l’eau potable.\n");
        expected.versions = {en, fr};
        QCOMPARE(describe(*imported), describe(expected));
    }

    void jekyllFile() {
        const auto imported = parseFrontMatterMarkdown(
            readAll(interchangeData(QStringLiteral("jekyll/2024-05-01-summit.md"))),
            QStringLiteral("2024-05-01-summit.md"));
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        QVERIFY(imported->id.isNull()); // no translationKey: the library assigns one
        QCOMPARE(imported->slug, QStringLiteral("summit"));
        QCOMPARE(imported->categories,
                 (QStringList{QStringLiteral("news"), QStringLiteral("geneva")}));
        QCOMPARE(imported->tags, QStringList{QStringLiteral("summit")});
        QCOMPARE(imported->byline, QStringLiteral("Ana Müller, Wang Fang"));
        QCOMPARE(imported->status, Status::Draft);
        const LanguageVersion& v = imported->versions.front();
        QCOMPARE(v.title, QStringLiteral("Summit opens in Geneva"));
        QCOMPARE(v.created, utc(2024, 5, 1, 7, 30));
        QCOMPARE(v.body, QStringLiteral("Delegates from 40 countries arrived on Monday.\n"));
    }

    void markdownWithoutFrontMatter() {
        ImportOptions options;
        options.language = QStringLiteral("es");
        const auto imported =
            readImportFiles({interchangeData(QStringLiteral("no-front-matter.md"))}, options);
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        QCOMPARE(imported->size(), 1);
        const Article& a = imported->front().article;
        QCOMPARE(a.versions.front().title, QStringLiteral("Budget approved"));
        QCOMPARE(a.versions.front().language, QStringLiteral("es"));
        QCOMPARE(a.sourceLanguage, QStringLiteral("es"));
        QCOMPARE(a.slug, QStringLiteral("no-front-matter"));
        QCOMPARE(a.versions.front().body,
                 QStringLiteral("The assembly approved the budget.\n\n```\n# not a title\n```\n"));
    }

    void hugoFileNamesGroupVersions() {
        // Without translationKey, Hugo pairs summit.en.md and summit.fr.md by name.
        QTemporaryDir dir;
        const QString en = dir.filePath(QStringLiteral("summit.en.md"));
        const QString fr = dir.filePath(QStringLiteral("summit.fr.md"));
        const QString other = dir.filePath(QStringLiteral("other.md"));
        QVERIFY(writeFile(en, "---\ntitle: Summit\n---\nEnglish\n"));
        QVERIFY(writeFile(fr, "---\ntitle: Sommet\n---\nFrançais\n"));
        QVERIFY(writeFile(other, "# Other\n"));
        const auto imported = readImportFiles({en, other, fr});
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        QCOMPARE(imported->size(), 2);
        QCOMPARE(imported->at(0).article.versions.size(), 2);
        QCOMPARE(imported->at(0).article.versions.at(1).title, QStringLiteral("Sommet"));
        QCOMPARE(imported->at(0).article.slug, QStringLiteral("summit"));
        QCOMPARE(imported->at(1).article.versions.front().title, QStringLiteral("Other"));
        const auto two = importMarkdownFiles({en, other});
        QVERIFY(!two.ok());
        QCOMPARE(two.error(), QDir::toNativeSeparators(other) +
                                  QStringLiteral(": not a version of the same article as ") +
                                  QDir::toNativeSeparators(en) +
                                  QStringLiteral(" (another translationKey)"));
    }

    // Before: "post.english!.md" and the like silently became articles in the default
    // language. The suffix that is not a tag stays part of the name (as Hugo has it for
    // a language it does not know), and the import says so, naming the file.
    void fileNameSuffixThatIsNotATag_data() {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("notice"); ///< after "PATH: "; empty: none
        const QString part = QStringLiteral(
            "\"%1\" before the extension is not a language tag, so it is part of the name; "
            "the file is read as %2");
        QTest::newRow("punctuation")
            << QStringLiteral("post.english!.md") << QByteArray("# Post\n\nText.\n")
            << QStringLiteral("de") << part.arg(QStringLiteral("english!"), QStringLiteral("de"));
        QTest::newRow("unknown language")
            << QStringLiteral("a.zz-invalid-tag-xx.md") << QByteArray("# A\n\nText.\n")
            << QStringLiteral("de")
            << part.arg(QStringLiteral("zz-invalid-tag-xx"), QStringLiteral("de"));
        QTest::newRow("empty suffix")
            << QStringLiteral("index...md") << QByteArray("# Index\n\nText.\n")
            << QStringLiteral("de") << part.arg(QString(), QStringLiteral("de"));
        QTest::newRow("front matter names the language")
            << QStringLiteral("report.final.md")
            << QByteArray("---\ntitle: Report\nlang: fr\n---\n\nTexte.\n") << QStringLiteral("fr")
            << part.arg(QStringLiteral("final"), QStringLiteral("fr"));
        QTest::newRow("plain text")
            << QStringLiteral("notes.v2.txt") << QByteArray("Notes.\n") << QStringLiteral("de")
            << part.arg(QStringLiteral("v2"), QStringLiteral("de"));
        // The file format's own notices come the same way.
        QTest::newRow("HTML lang that is not a tag")
            << QStringLiteral("page.html")
            << QByteArray("<html lang=\"english!!\"><body><p>Text.</p></body></html>")
            << QStringLiteral("de")
            << QStringLiteral(
                   "lang \"english!!\" is not a language tag; the article is read as de");
        QTest::newRow("a tag") << QStringLiteral("summit.fr.md") << QByteArray("# Sommet\n")
                               << QStringLiteral("fr") << QString();
        QTest::newRow("no suffix") << QStringLiteral("summit.md") << QByteArray("# Summit\n")
                                   << QStringLiteral("de") << QString();
        QTest::newRow("hidden file") << QStringLiteral(".draft.md") << QByteArray("# Draft\n")
                                     << QStringLiteral("de") << QString();
    }
    void fileNameSuffixThatIsNotATag() {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, content);
        QFETCH(QString, language);
        QFETCH(QString, notice);
        QTemporaryDir dir;
        const QString path = dir.filePath(fileName);
        QVERIFY(writeFile(path, content));
        QStringList notices;
        ImportOptions options;
        options.language = QStringLiteral("de");
        options.notice = [&notices](const QString& n) { notices.append(n); };
        const auto imported = readImportFiles({path}, options);
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        QCOMPARE(imported->front().article.versions.front().language, language);
        QCOMPARE(notices, notice.isEmpty() ? QStringList()
                                           : QStringList{QDir::toNativeSeparators(path) +
                                                         QStringLiteral(": ") + notice});
    }

    // An import sets exactly the article-level fields its front matter names.
    void mergeSetsTheKeysNamed_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("changed"); ///< the line of describe() that changes
        QTest::newRow("slug") << QStringLiteral("slug") << QStringLiteral("slug=new-slug");
        QTest::newRow("status") << QStringLiteral("status") << QStringLiteral("status=archived");
        QTest::newRow("byline") << QStringLiteral("byline") << QStringLiteral("byline=New Byline");
        QTest::newRow("dateline") << QStringLiteral("dateline")
                                  << QStringLiteral("dateline=Nairobi|2030-01-02");
        QTest::newRow("tags") << QStringLiteral("tags") << QStringLiteral("tags=new-tag");
        QTest::newRow("categories")
            << QStringLiteral("categories") << QStringLiteral("categories=new-category");
        QTest::newRow("featuredImage")
            << QStringLiteral("featuredImage") << QStringLiteral("featuredImage=new.png");
        QTest::newRow("sourceLanguage")
            << QStringLiteral("sourceLanguage") << QStringLiteral("sourceLanguage=ar");
        QTest::newRow("created") << QStringLiteral("created")
                                 << QStringLiteral("created=2030-01-02T03:04:05.000Z");
        QTest::newRow("updated") << QStringLiteral("updated")
                                 << QStringLiteral("updated=2030-01-02T03:04:05.000Z");
        QTest::newRow("not an article key") << QStringLiteral("title") << QString();
    }
    void mergeSetsTheKeysNamed() {
        QFETCH(QString, key);
        QFETCH(QString, changed);
        const Article existing = fullArticle();
        ImportedArticle imported;
        imported.article = existing;
        Article& a = imported.article;
        a.slug = QStringLiteral("new-slug");
        a.status = Status::Archived;
        a.byline = QStringLiteral("New Byline");
        a.dateline = {QStringLiteral("Nairobi"), QDate(2030, 1, 2)};
        a.tags = QStringList{QStringLiteral("new-tag")};
        a.categories = QStringList{QStringLiteral("new-category")};
        a.featuredImage = QStringLiteral("new.png");
        a.sourceLanguage = QStringLiteral("ar");
        a.created = utc(2030, 1, 2, 3, 4, 5);
        a.updated = utc(2030, 1, 2, 3, 4, 5);
        imported.articleKeys = {key};
        const QStringList before = describe(existing).split(QLatin1Char('\n'));
        const QStringList after =
            describe(mergeImportedArticle(existing, imported)).split(QLatin1Char('\n'));
        QStringList differences;
        for (qsizetype i = 0; i < after.size(); ++i) {
            if (i >= before.size() || after.at(i) != before.at(i))
                differences.append(after.at(i));
        }
        QCOMPARE(differences, changed.isEmpty() ? QStringList() : QStringList{changed});
    }

    void plainText_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("body");
        QTest::newRow("paragraphs")
            << QStringLiteral("\n  Title  \n\nFirst line\nsecond line.\n\n\nNext.\n")
            << QStringLiteral("Title") << QStringLiteral("First line second line.\n\nNext.\n");
        QTest::newRow("title only")
            << QStringLiteral("Only a title") << QStringLiteral("Only a title") << QString();
        QTest::newRow("block syntax escaped")
            << QStringLiteral("T\n\n1. one\n\n2) two\n\n# hash\n\n- dash\n\n* star\n\n+ plus\n\n"
                              "> quote\n\n```fence\n\n[a]: b\n\n***\n\n#hashtag")
            << QStringLiteral("T")
            << QStringLiteral("1\\. one\n\n2\\) two\n\n\\# hash\n\n\\- dash\n\n\\* star\n\n"
                              "\\+ plus\n\n\\> quote\n\n\\```fence\n\n\\[a]: b\n\n\\***\n\n"
                              "#hashtag\n");
        QTest::newRow("html and entities")
            << QStringLiteral("T\n\na <b>tag</b> &amp; a < b && c\n") << QStringLiteral("T")
            << QStringLiteral("a \\<b>tag\\</b> \\&amp; a < b && c\n");
        QTest::newRow("chinese lines join without space")
            << QStringLiteral("标题\n\n各国代表\n抵达日内瓦。\nOK then\nmore")
            << QStringLiteral("标题") << QStringLiteral("各国代表抵达日内瓦。 OK then more\n");
        QTest::newRow("arabic") << QStringLiteral("عنوان\n\nسطر أول\nسطر ثان")
                                << QStringLiteral("عنوان") << QStringLiteral("سطر أول سطر ثان\n");
    }
    void plainText() {
        QFETCH(QString, text);
        QFETCH(QString, title);
        QFETCH(QString, body);
        const ConvertedDocument doc = plainTextToMarkdown(text);
        QCOMPARE(doc.title, title);
        QCOMPARE(doc.body, body);
    }

    void html_data() {
        QTest::addColumn<QByteArray>("html");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("body");
        QTest::newRow("title element") << QByteArray("<title>Page title</title><p>Text</p>")
                                       << QStringLiteral("Page title") << QStringLiteral("Text\n");
        QTest::newRow("h1 wins over title")
            << QByteArray("<title>Site | Page</title><h1>Real <em>title</em></h1><h2>Sub</h2>"
                          "<p>x</p>")
            << QStringLiteral("Real title") << QStringLiteral("## Sub\n\nx\n");
        QTest::newRow("inline formatting")
            << QByteArray("<p><strong>bold </strong>and <i>it<b>al</b></i>, <s>gone</s>, "
                          "<code>a`b</code>, H<sub>2</sub>O</p>")
            << QString()
            << QStringLiteral("**bold** and *it**al***, ~~gone~~, ``a`b``, H<sub>2</sub>O\n");
        QTest::newRow("google docs styles")
            << QByteArray(
                   "<b style=\"font-weight:normal;\" id=\"docs-internal-guid-1\"><p dir=\"ltr\">"
                   "<span style=\"font-weight:700\">Bold</span><span> and </span>"
                   "<span style=\"font-style:italic\">italic</span></p></b>")
            << QString() << QStringLiteral("**Bold** and *italic*\n");
        QTest::newRow("links and images")
            << QByteArray("<p><a href=\"https://example.org/a b\" title=\"T\">link</a> "
                          "<a href=\"https://example.org\">https://example.org</a> "
                          "<a href=\"#x\">anchor</a> <a href=\"x.html\"><img src=\"i.png\" "
                          "alt=\"An [image]\"></a></p>")
            << QString()
            << QStringLiteral("[link](https://example.org/a%20b \"T\") <https://example.org> "
                              "anchor [![An \\[image\\]](i.png)](x.html)\n");
        QTest::newRow("escaping text")
            << QByteArray("<p>* not a list, 2. no, *a* _b_ [c] `d` \\ &lt;tag&gt; &amp;amp;</p>"
                          "<p># no heading</p>")
            << QString()
            << QStringLiteral("\\* not a list, 2. no, \\*a\\* \\_b\\_ \\[c\\] \\`d\\` \\\\ "
                              "\\<tag> \\&amp;\n\n\\# no heading\n");
        QTest::newRow("nested lists")
            << QByteArray("<ol start=\"3\"><li>three<ul><li>a</li><li>b</li></ul></li>"
                          "<li>four</li></ol>")
            << QString() << QStringLiteral("3. three\n   - a\n   - b\n4. four\n");
        QTest::newRow("loose list")
            << QByteArray("<ul><li><p>one</p><p>more</p></li><li><p>two</p></li></ul>") << QString()
            << QStringLiteral("- one\n\n  more\n\n- two\n");
        QTest::newRow("blockquote and breaks")
            << QByteArray("<blockquote><p>a<br>b</p><p>c</p></blockquote>") << QString()
            << QStringLiteral("> a\\\n> b\n>\n> c\n");
        QTest::newRow("pre with language")
            << QByteArray("<pre><code class=\"language-python\">if a:\n    b()\n</code></pre>")
            << QString() << QStringLiteral("```python\nif a:\n    b()\n```\n");
        QTest::newRow("data table")
            << QByteArray("<table><caption>Results</caption><thead><tr><th>Name</th><th>A|B</th>"
                          "</tr></thead><tbody><tr><td colspan=2>wide</td></tr><tr><td>x</td>"
                          "</tr></tbody></table>")
            << QString()
            << QStringLiteral("Results\n\n| Name | A\\|B |\n| --- | --- |\n| wide |  |\n"
                              "| x |  |\n");
        QTest::newRow("dropped elements")
            << QByteArray("<head><style>p{}</style><script>x()</script></head><body>"
                          "<nav><a href=/>Home</a></nav><div role=banner>Logo</div>"
                          "<p>Kept</p><aside>Related</aside><div class=\"sidebar\">S</div>"
                          "<p hidden>H</p><p style=\"display: none\">N</p>"
                          "<noscript>JS</noscript><form><input value=v><p>In form</p></form>"
                          "<footer id=footer>F</footer></body>")
            << QString() << QStringLiteral("Kept\n\nIn form\n");
        QTest::newRow("main element only")
            << QByteArray("<body><div>Header</div><main><h1>T</h1><p>Body</p></main>"
                          "<div>Footer</div></body>")
            << QStringLiteral("T") << QStringLiteral("Body\n");
        QTest::newRow("utf-8 bom") << QByteArray("\xEF\xBB\xBF<p>Caf\xC3\xA9</p>") << QString()
                                   << QStringLiteral("Café\n");
        QTest::newRow("meta charset latin-1")
            << QByteArray("<meta charset=\"ISO-8859-1\"><p>Caf\xE9 \x93quoted\x94</p>") << QString()
            << QStringLiteral("Café “quoted”\n");
        QTest::newRow("meta charset gb2312")
            << QByteArray("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
                          "<p>\xD6\xD0\xCE\xC4</p>")
            << QString() << QStringLiteral("中文\n");
        QTest::newRow("empty") << QByteArray("") << QString() << QString();
    }
    void html() {
        QFETCH(QByteArray, html);
        QFETCH(QString, title);
        QFETCH(QString, body);
        const auto doc = htmlToMarkdown(html, QStringLiteral("snippet.html"));
        QVERIFY2(doc.ok(), qPrintable(doc.error()));
        QCOMPARE(doc->body, body);
        QCOMPARE(doc->title, title);
    }

    void htmlMetadata() {
        const auto doc = htmlToMarkdown(
            "<html lang=\"ZH-hans\"><head><meta name=\"description\" content=\" Short "
            " summary \"><meta name=\"Author\" content=\"Wang Fang\"></head><body><p>x</p></body>"
            "</html>",
            QStringLiteral("m.html"));
        QVERIFY(doc.ok());
        QCOMPARE(doc->language, QStringLiteral("zh-Hans"));
        QCOMPARE(doc->summary, QStringLiteral("Short summary"));
        QCOMPARE(doc->byline, QStringLiteral("Wang Fang"));
    }

    void importedFiles_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("expected");
        QTest::newRow("Word, saved as web page (windows-1252)")
            << QStringLiteral("word-save-as-web-page.html")
            << QStringLiteral("Café owners meet in Geneva") << QStringLiteral("en-GB")
            << QStringLiteral("expected/word-save-as-web-page.md");
        QTest::newRow("old web page with nav and scripts")
            << QStringLiteral("old-web-page.html")
            << QStringLiteral("Clean water reaches 10,000 homes") << QStringLiteral("en")
            << QStringLiteral("expected/old-web-page.md");
        QTest::newRow("plain text e-mail (BOM, CRLF)")
            << QStringLiteral("email.txt") << QStringLiteral("Summit opens in Geneva")
            << QStringLiteral("en") << QStringLiteral("expected/email.md");
    }
    void importedFiles() {
        QFETCH(QString, file);
        QFETCH(QString, title);
        QFETCH(QString, language);
        QFETCH(QString, expected);
        const auto imported = readImportFiles({interchangeData(file)});
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        QCOMPARE(imported->size(), 1);
        const Article& a = imported->front().article;
        QCOMPARE(a.versions.size(), 1);
        QCOMPARE(a.versions.front().title, title);
        QCOMPARE(a.versions.front().language, language);
        QCOMPARE(a.sourceLanguage, language);
        QCOMPARE(a.versions.front().body, QString::fromUtf8(readAll(interchangeData(expected))));
    }

    void formatOption() {
        // --format overrides the extension.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("page.dat"));
        QVERIFY(writeFile(path, "<h1>T</h1><p>Text</p>"));
        QVERIFY(!readImportFiles({path}).ok());
        ImportOptions options;
        options.format = QStringLiteral("html");
        const auto imported = readImportFiles({path}, options);
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        QCOMPARE(imported->front().article.versions.front().body, QStringLiteral("Text\n"));
        options.format = QStringLiteral("txt");
        const auto asText = readImportFiles({path}, options);
        QVERIFY(asText.ok());
        QCOMPARE(asText->front().article.versions.front().title,
                 QStringLiteral("<h1>T</h1><p>Text</p>"));
    }

    void badInput_data() {
        QTest::addColumn<QString>("file");     // in tests/data/interchange, or made by the test
        QTest::addColumn<QString>("expected"); // the message after "PATH: "
        QTest::newRow("invalid YAML")
            << QStringLiteral("bad/invalid-yaml.md")
            << QStringLiteral("invalid front matter at line 4, column 8: end of "
                              "sequence flow not found");
        QTest::newRow("invalid UTF-8 md") << QStringLiteral("bad/invalid-utf8.md")
                                          << QStringLiteral("not valid UTF-8 (byte offset 14)");
        QTest::newRow("invalid UTF-8 txt") << QStringLiteral("bad/invalid-utf8.txt")
                                           << QStringLiteral("not valid UTF-8 (byte offset 17)");
        QTest::newRow("invalid UTF-8 html") << QStringLiteral("bad/invalid-utf8.html")
                                            << QStringLiteral("not valid UTF-8 (byte offset 18)");
        QTest::newRow("invalid date")
            << QStringLiteral("bad/invalid-date.md")
            << QStringLiteral(
                   "invalid front matter at line 3, column 7: 'date' is not a date and time: "
                   "'12/03/2024' (expected ISO 8601, such as 2024-05-01T09:30:00Z)");
        QTest::newRow("invalid status")
            << QStringLiteral("bad/invalid-status.md")
            << QStringLiteral("invalid front matter at line 3, column 9: 'status' is not a status: "
                              "'finished' (expected one of draft, in-review, ready, published, "
                              "archived)");
        // toml++'s own words follow (they may change between its versions).
        QTest::newRow("TOML") << QStringLiteral("bad/toml-front-matter.md")
                              << QStringLiteral("invalid front matter at line 2, column 14: ");
        QTest::newRow("unclosed") << QStringLiteral("bad/unclosed-front-matter.md")
                                  << QStringLiteral(
                                         "front matter is not closed (no '---' line after line 1)");
        QTest::newRow("50 MB") << QStringLiteral("@huge.md")
                               << QStringLiteral("too large (50.0 MB; the limit is 20 MB)");
        QTest::newRow("nonexistent")
            << QStringLiteral("@missing.md") << QStringLiteral("no such file");
        QTest::newRow("folder") << QStringLiteral("@folder.md")
                                << QStringLiteral("is a folder, not a file");
        QTest::newRow("empty") << QStringLiteral("@empty.txt")
                               << QStringLiteral("is empty; there is nothing to import");
        // Word's clipboard HTML of one image, whose address is a file of the computer
        // that copied it: the error says what was left out.
        QTest::newRow("only a local image")
            << QStringLiteral("@image.html")
            << QStringLiteral("has nothing to import once this is left out: an image without "
                              "text has an address that is left out "
                              "(file:///C:/Users/me/AppData/Local/Temp/m)");
        QTest::newRow("unknown extension")
            << QStringLiteral("@notes.pdf")
            << QStringLiteral("unknown kind of file (expected .md, .txt, .html, .xml)");
        QTest::newRow("unknown charset")
            << QStringLiteral("@charset.html")
            << QStringLiteral("unsupported character encoding 'x-klingon'");
    }
    void badInput() {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QString path;
        if (file.startsWith(QLatin1Char('@'))) {
            path = dir.filePath(file.mid(1));
            if (file == u"@huge.md") {
                // Sparse: costs no disk space or time; the size check must come before
                // reading.
                QFile huge(path);
                QVERIFY(huge.open(QIODevice::WriteOnly));
                QVERIFY(huge.resize(50LL * 1024 * 1024));
            } else if (file == u"@folder.md") {
                QVERIFY(QDir().mkpath(path));
            } else if (file == u"@empty.txt") {
                QVERIFY(writeFile(path, "\n  \n"));
            } else if (file == u"@image.html") {
                QVERIFY(writeFile(path, "<p><img src=\"file:///C:/Users/me/AppData/Local/Temp/"
                                        "msohtmlclip1/01/clip_image001.jpg\"></p>"));
            } else if (file == u"@notes.pdf") {
                QVERIFY(writeFile(path, "%PDF-1.4"));
            } else if (file == u"@charset.html") {
                QVERIFY(writeFile(path, "<meta charset=x-klingon><p>x</p>"));
            }
        } else {
            path = interchangeData(file);
        }
        const QString message = QDir::toNativeSeparators(path) + QStringLiteral(": ") + expected;
        const auto result = readImportFiles({path});
        QVERIFY(!result.ok());
        if (expected.endsWith(u": "))
            QVERIFY2(result.error().startsWith(message), qPrintable(result.error()));
        else
            QCOMPARE(result.error(), message);
        QVERIFY(!result.error().contains(QLatin1Char('\n')));
        // One bad file spoils the whole set.
        const auto mixed =
            readImportFiles({interchangeData(QStringLiteral("hugo/water-report.en.md")), path});
        QVERIFY(!mixed.ok());
        QCOMPARE(mixed.error(), result.error());
    }

    void sameLanguageTwice() {
        const QString en = interchangeData(QStringLiteral("hugo/water-report.en.md"));
        const auto result = readImportFiles({en, en});
        QVERIFY(!result.ok());
        QCOMPARE(result.error(), QDir::toNativeSeparators(en) +
                                     QStringLiteral(": same article and language (en) as ") +
                                     QDir::toNativeSeparators(en));
    }

    void invalidUtf8Offset_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("offset");
        QTest::newRow("ascii") << QByteArray("abc") << -1;
        QTest::newRow("arabic, chinese, emoji") << QStringLiteral("سلام 中文 🌍").toUtf8() << -1;
        QTest::newRow("latin-1 byte") << QByteArray("ab\xE9"
                                                    "cd")
                                      << 2;
        QTest::newRow("overlong slash") << QByteArray("a\xC0\xAF") << 1;
        QTest::newRow("overlong 3-byte") << QByteArray("\xE0\x80\xAF") << 0;
        QTest::newRow("surrogate") << QByteArray("x\xED\xA0\x80") << 1;
        QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << 0;
        QTest::newRow("truncated") << QByteArray("ok\xE4\xB8") << 2;
        QTest::newRow("lone continuation") << QByteArray("\x80") << 0;
    }
    void invalidUtf8Offset() {
        QFETCH(QByteArray, bytes);
        QFETCH(int, offset);
        QCOMPARE(copydesk::invalidUtf8Offset(bytes), qsizetype(offset));
    }

    void dates_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow("date only") << QStringLiteral("2024-05-01") << utc(2024, 5, 1, 0, 0);
        QTest::newRow("utc") << QStringLiteral("2024-05-01T09:30:00Z") << utc(2024, 5, 1, 9, 30);
        QTest::newRow("offset") << QStringLiteral("2024-05-01T09:30:00+02:00")
                                << utc(2024, 5, 1, 7, 30);
        QTest::newRow("no zone is utc")
            << QStringLiteral("2024-05-01T09:30") << utc(2024, 5, 1, 9, 30);
        QTest::newRow("jekyll") << QStringLiteral("2024-05-01 09:30:00 -0500")
                                << utc(2024, 5, 1, 14, 30);
        QTest::newRow("fraction") << QStringLiteral("2024-05-01T09:30:00.123456Z")
                                  << utc(2024, 5, 1, 9, 30, 0, 123);
    }
    void dates() {
        QFETCH(QString, value);
        QFETCH(QDateTime, expected);
        const QByteArray bytes = "---\ntitle: t\ndate: " + value.toUtf8() + "\nlang: en\n---\n";
        const auto parsed = parseFrontMatterMarkdown(bytes, QStringLiteral("d.md"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
        QCOMPARE(parsed->versions.front().created, expected);
    }

    void escapeLineStart_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("escaped");
        QTest::newRow("plain") << QStringLiteral("Plain") << QStringLiteral("Plain");
        QTest::newRow("heading") << QStringLiteral("## x") << QStringLiteral("\\## x");
        QTest::newRow("hashtag") << QStringLiteral("#tag") << QStringLiteral("#tag");
        QTest::newRow("number") << QStringLiteral("2024. A year")
                                << QStringLiteral("2024\\. A year");
        QTest::newRow("decimal") << QStringLiteral("3.5 percent") << QStringLiteral("3.5 percent");
        QTest::newRow("setext") << QStringLiteral("===") << QStringLiteral("\\===");
        QTest::newRow("dash word") << QStringLiteral("-5 degrees") << QStringLiteral("-5 degrees");
        QTest::newRow("tilde fence") << QStringLiteral("~~~") << QStringLiteral("\\~~~");
    }
    void escapeLineStart() {
        QFETCH(QString, line);
        QFETCH(QString, escaped);
        QCOMPARE(markdown_escape::escapeLineStart(line), escaped);
    }
};

QTEST_GUILESS_MAIN(TestExportFormats)
#include "tst_export_formats.moc"
