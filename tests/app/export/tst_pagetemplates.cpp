// A library's own page templates (app/export/pagetemplates.h) on a real library file:
// checked before they are stored (a syntax error by file and line, a page without its
// body, a stylesheet that would end its element), used by the export once stored, part
// of an export's inputs so that a bundle made with other templates is made again, and
// the built-in ones again after a reset. The bundle's language index lists every
// version in its own language and direction.
#include "article/article.h"
#include "export/bundle.h"
#include "export/pagetemplates.h"
#include "library/library.h"

#include "../../support/libraryfixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

using namespace copydesk;
using copydesk::test::LibraryFolder;

namespace {

Article twoLanguages() {
    Article a = makeArticle(QStringLiteral("en"), QStringLiteral("Water for the valley"));
    a.slug = QStringLiteral("valley");
    a.versions[0].summary = QStringLiteral("The council approved the plan.");
    a.versions[0].body = QStringLiteral("The council approved the plan.\n");
    LanguageVersion ar = a.versions[0];
    ar.language = QStringLiteral("ar");
    ar.title = QStringLiteral("مياه للوادي");
    ar.summary = QStringLiteral("وافق المجلس على الخطة.");
    ar.body = QStringLiteral("وافق المجلس على الخطة.\n");
    a.versions.append(ar);
    return a;
}

QByteArray fileOf(const Bundle& bundle, const QString& path) {
    for (const BundleFile& file : bundle.files) {
        if (file.path == path)
            return file.data;
    }
    return {};
}

} // namespace

class TestPageTemplates final : public QObject {
    Q_OBJECT

    std::unique_ptr<LibraryFolder> m_dir;
    std::unique_ptr<Library> m_library;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() {
        m_library.reset();
        m_dir = std::make_unique<LibraryFolder>();
        auto opened = Library::open(m_dir->newPath());
        QVERIFY2(opened, qPrintable(opened.error()));
        m_library = std::move(*opened);
    }

    void builtInUntilTheLibraryHasItsOwn() {
        const auto builtIn = PageTemplates::builtIn();
        const auto ofLibrary = PageTemplates::of(*m_library);
        QVERIFY(builtIn && ofLibrary);
        QCOMPARE(ofLibrary->digest(Template::Kind::Article),
                 builtIn->digest(Template::Kind::Article));
        QVERIFY(ofLibrary->style().contains(QLatin1String("font-family")));
        for (const TemplateFile file : {TemplateFile::Article, TemplateFile::Fragment,
                                        TemplateFile::Index, TemplateFile::Style}) {
            const auto text = PageTemplates::text(*m_library, file);
            QVERIFY(text);
            QVERIFY(!text->own);
            QCOMPARE(text->text, *PageTemplates::builtInText(file));
            QCOMPARE(templateFileFromName(templateFileName(file)), file);
        }
        QVERIFY(!templateFileFromName(u"../article.mustache"));
    }

    void refusedTemplatesAreNotStored_data() {
        QTest::addColumn<TemplateFile>("file");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("section never closed")
            << TemplateFile::Article
            << QStringLiteral("<html>\n<body>\n{{#title}}\n<div id=\"copydesk-body\">{{{body}}}"
                              "</div>\n</body>\n</html>\n")
            << QStringLiteral("Template article.mustache, line 3: section \"title\" is never "
                              "closed");
        QTest::newRow("unclosed tag")
            << TemplateFile::Fragment << QStringLiteral("<div>\n\n{{{body}}\n</div>\n")
            << QStringLiteral("Template fragment.mustache, line 3: a tag is not closed");
        QTest::newRow("article without the body element")
            << TemplateFile::Article << QStringLiteral("<main>{{{body}}}</main>")
            << QStringLiteral("Template article.mustache: the body ({{{body}}}) must be in it "
                              "once, directly inside the element with id=\"copydesk-body\"");
        QTest::newRow("body after the element")
            << TemplateFile::Article << QStringLiteral("<div id=\"copydesk-body\"></div>{{{body}}}")
            << QStringLiteral("Template article.mustache: the body ({{{body}}}) must be in it "
                              "once");
        QTest::newRow("element in a comment")
            << TemplateFile::Article
            << QStringLiteral("<!-- <div id=\"copydesk-body\"> -->{{{body}}}")
            << QStringLiteral("Template article.mustache: the body ({{{body}}}) must be in it "
                              "once");
        QTest::newRow("body twice")
            << TemplateFile::Article
            << QStringLiteral("<div id=\"copydesk-body\">{{{body}}}{{{body}}}</div>")
            << QStringLiteral("Template article.mustache: the body ({{{body}}}) must be in it "
                              "once");
        QTest::newRow("partial")
            << TemplateFile::Fragment << QStringLiteral("<div>\n{{{body}}}\n{{>/etc/passwd}}</div>")
            << QStringLiteral("Template fragment.mustache, line 3: a partial ({{>name}}) is not "
                              "supported here");
        QTest::newRow("delimiter change")
            << TemplateFile::Fragment << QStringLiteral("{{=<% %>=}}<%{body}%>")
            << QStringLiteral("Template fragment.mustache, line 1: a delimiter change");
        QTest::newRow("nested 100,000 deep")
            << TemplateFile::Fragment
            << QStringLiteral("{{{body}}}") + QStringLiteral("{{#a}}").repeated(100000) +
                   QStringLiteral("x") + QStringLiteral("{{/a}}").repeated(100000)
            << QStringLiteral("Template fragment.mustache: larger than 1 MB");
        QTest::newRow("nested 33 deep")
            << TemplateFile::Fragment
            << QStringLiteral("{{{body}}}\n") + QStringLiteral("{{#a}}").repeated(33) +
                   QStringLiteral("x") + QStringLiteral("{{/a}}").repeated(33)
            << QStringLiteral("Template fragment.mustache, line 2: sections nested more than 32 "
                              "deep");
        QTest::newRow("body escaped is no body")
            << TemplateFile::Fragment << QStringLiteral("<div>{{body}}</div>")
            << QStringLiteral("Template fragment.mustache: the body ({{{body}}}) must be in it "
                              "once");
        QTest::newRow("index without versions")
            << TemplateFile::Index << QStringLiteral("<h1>{{title}}</h1>")
            << QStringLiteral("Template index.mustache: the versions");
        QTest::newRow("stylesheet ending its element")
            << TemplateFile::Style
            << QStringLiteral("body { color: red }\n</STYLE><script>alert(1)</script>")
            << QStringLiteral("Template style.css: a stylesheet cannot hold \"</style\"");
    }
    void refusedTemplatesAreNotStored() {
        QFETCH(TemplateFile, file);
        QFETCH(QString, text);
        QFETCH(QString, error);
        const auto before = PageTemplates::of(*m_library);
        QVERIFY(before);
        const auto stored = PageTemplates::setText(*m_library, file, text);
        QVERIFY(!stored);
        QCOMPARE(stored.kind(), ErrorKind::InvalidInput);
        QVERIFY2(stored.error().startsWith(error), qPrintable(stored.error()));
        QVERIFY(!PageTemplates::text(*m_library, file)->own);
        QCOMPARE(PageTemplates::of(*m_library)->digest(Template::Kind::Article),
                 before->digest(Template::Kind::Article));
        QCOMPARE(PageTemplates::of(*m_library)->digest(Template::Kind::Fragment),
                 before->digest(Template::Kind::Fragment));
    }

    void ownTemplatesMakeTheBundleAndItsInputs() {
        Article a = twoLanguages();
        QVERIFY(m_library->save(a));
        const QString folder = m_dir->filePath(QStringLiteral("out"));
        BundleOptions options;
        options.skipUnchanged = true;
        const auto first = BundleWriter::write(*m_library, a, folder, options);
        QVERIFY2(first, qPrintable(first.error()));
        QVERIFY(!first->unchanged);
        QVERIFY(*BundleWriter::isCurrent(*m_library, a, folder, options));
        // The fragment template is not what web pages are made with.
        QVERIFY(PageTemplates::setText(*m_library, TemplateFile::Fragment,
                                       QStringLiteral("<section>{{{body}}}</section>")));
        QVERIFY(*BundleWriter::isCurrent(*m_library, a, folder, options));

        QString article = *PageTemplates::builtInText(TemplateFile::Article);
        article.replace(QStringLiteral("<main>"),
                        QStringLiteral("<main class=\"ours\">\n<p>{{lang}} edition</p>"));
        QVERIFY(PageTemplates::setText(*m_library, TemplateFile::Article, article));
        QVERIFY(PageTemplates::setText(*m_library, TemplateFile::Style,
                                       QStringLiteral("main.ours { max-width: 40em; }\n")));
        QVERIFY(PageTemplates::text(*m_library, TemplateFile::Article)->own);
        // Other templates: the bundle there is no longer current, and is made again.
        QVERIFY(!*BundleWriter::isCurrent(*m_library, a, folder, options));
        const auto bundle = BundleWriter::build(*m_library, a, options);
        QVERIFY2(bundle, qPrintable(bundle.error()));
        const QByteArray page = fileOf(*bundle, QStringLiteral("ar/index.html"));
        QVERIFY2(page.contains("<main class=\"ours\">\n<p>ar edition</p>"), page.constData());
        QVERIFY(page.contains("<style>\nmain.ours { max-width: 40em; }\n"));
        QVERIFY(fileOf(*bundle, QStringLiteral("index.html")).contains("main.ours"));
        const auto second = BundleWriter::write(*m_library, a, folder, options);
        QVERIFY2(second, qPrintable(second.error()));
        QVERIFY(!second->unchanged);

        // Reset: the built-in ones again, and the first bundle's bytes.
        QVERIFY(PageTemplates::setText(*m_library, TemplateFile::Article, {}));
        QVERIFY(PageTemplates::setText(*m_library, TemplateFile::Style, {}));
        QCOMPARE(PageTemplates::of(*m_library)->digest(Template::Kind::Article),
                 PageTemplates::builtIn()->digest(Template::Kind::Article));
        const auto again = BundleWriter::build(*m_library, a, options);
        QVERIFY(again);
        QVERIFY(fileOf(*again, QStringLiteral("ar/index.html")).contains("<main>\n<article"));
    }

    void languageIndexListsEveryVersion() {
        Article a = twoLanguages();
        QVERIFY(m_library->save(a));
        const auto bundle = BundleWriter::build(*m_library, a, BundleOptions{});
        QVERIFY2(bundle, qPrintable(bundle.error()));
        const QString index = QString::fromUtf8(fileOf(*bundle, QStringLiteral("index.html")));
        QVERIFY2(
            index.startsWith(QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">")),
            qPrintable(index));
        QVERIFY2(index.contains(QStringLiteral(
                     "<li lang=\"en\" dir=\"ltr\"><p class=\"copydesk-language\">English</p><a "
                     "class=\"copydesk-version-title\" href=\"en/index.html\" hreflang=\"en\">"
                     "Water for the valley</a>")),
                 qPrintable(index));
        QVERIFY2(index.contains(QStringLiteral(
                     "<li lang=\"ar\" dir=\"rtl\"><p class=\"copydesk-language\">العربية</p><a "
                     "class=\"copydesk-version-title\" href=\"ar/index.html\" hreflang=\"ar\">"
                     "مياه للوادي</a>")),
                 qPrintable(index));
        QVERIFY(index.contains(QStringLiteral("<title>Water for the valley</title>")));
        // article.json lists it with its checksum; a fragment bundle has none.
        const QJsonObject manifest =
            QJsonDocument::fromJson(fileOf(*bundle, QStringLiteral("article.json"))).object();
        QCOMPARE(manifest.value(QLatin1String("index"))[QLatin1String("path")].toString(),
                 QStringLiteral("index.html"));
        BundleOptions fragment;
        fragment.format = BundleOptions::Format::Fragment;
        const auto fragments = BundleWriter::build(*m_library, a, fragment);
        QVERIFY(fragments);
        QVERIFY(fileOf(*fragments, QStringLiteral("index.html")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPageTemplates)
#include "tst_pagetemplates.moc"
