// Import and export tried as an attacker and as an unlucky user would: language tags
// that are paths, symlinks at the target name, a full disk, imports that fail half-way,
// invalid YAML. After every failed operation the library and the output folder are
// exactly as before (hashes compared).
#include "app/interchange/interchangetestutil.h"
#include "interchange/frontmatter.h"
#include "interchange/interchange.h"
#include "library/library.h"
#include "support/clirun.h"
#include "support/librarydump.h"
#include "support/libraryfixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace copydesk;
using namespace copydesk::test;
using namespace copydesk::testing;

namespace {

bool writeFile(const QString& path, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray article(const QByteArray& frontMatter, const QByteArray& body = "Body text.\n") {
    return "---\n" + frontMatter + "---\n\n" + body;
}

/// A paragraph of `bytes` bytes of words, so that a file of it does not fit on a
/// 64 KB file system.
QByteArray words(int bytes) {
    QByteArray text;
    while (text.size() < bytes)
        text += "Delegates from forty countries arrived in Geneva on Monday. ";
    return text.left(bytes) + "\n";
}

} // namespace

class TestInterchangeSafety final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        const QString problem = prepareCliTest();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_library = m_dir->filePath(QStringLiteral("library.copydesk"));
    }

    // -- Language tags ----------------------------------------------------------------

    void frontMatterLanguageIsValidated_data() {
        QTest::addColumn<QByteArray>("frontMatter");
        QTest::addColumn<QString>("message"); // after "FILE: "
        QTest::newRow("path in lang")
            << QByteArray("title: Pwned\nlang: \"/../../../../tmp/target/pwned\"\n")
            << QStringLiteral("invalid front matter at line 3, column 7: 'lang': "
                              "\"/../../../../tmp/target/pwned\" is not a valid language tag "
                              "(BCP 47, for example en, fr, ar or zh-Hans)");
        QTest::newRow("NUL at the end of lang")
            << QByteArray("title: Keys\nlang: \"authorized_keys\\0\"\n")
            << QStringLiteral("invalid front matter at line 3, column 7: 'lang': "
                              "\"authorized_keys\\u0000\" is not a valid language tag "
                              "(BCP 47, for example en, fr, ar or zh-Hans)");
        QTest::newRow("language key")
            << QByteArray("title: T\nlanguage: ../../x\n")
            << QStringLiteral("invalid front matter at line 3, column 11: 'language': "
                              "\"../../x\" is not a valid language tag (BCP 47, for example "
                              "en, fr, ar or zh-Hans)");
        QTest::newRow("sourceLanguage")
            << QByteArray("title: T\nlang: en\nsourceLanguage: \"en/../..\"\n")
            << QStringLiteral("invalid front matter at line 4, column 17: 'sourceLanguage': "
                              "\"en/../..\" is not a valid language tag (BCP 47, for example "
                              "en, fr, ar or zh-Hans)");
        QTest::newRow("translatedFrom")
            << QByteArray("title: T\nlang: fr\ntranslatedFrom: \"..\"\n")
            << QStringLiteral("invalid front matter at line 4, column 17: 'translatedFrom': "
                              "\"..\" is not a valid language tag (BCP 47, for example en, fr, "
                              "ar or zh-Hans)");
    }
    void frontMatterLanguageIsValidated() {
        QFETCH(QByteArray, frontMatter);
        QFETCH(QString, message);
        const QString file = m_dir->filePath(QStringLiteral("in/pwned.md"));
        QVERIFY(writeFile(file, article(frontMatter)));
        QVERIFY(cli({QStringLiteral("new"), QStringLiteral("--title"), QStringLiteral("Other")})
                    .exitCode == 0);
        const QByteArray before = dumpHash(m_library);
        const CliRun r = cli({QStringLiteral("import"), file});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.errLines(), QStringList{QStringLiteral("copydesk-cli: ") +
                                           QDir::toNativeSeparators(file) + QStringLiteral(": ") +
                                           message + QStringLiteral("; nothing was imported")});
        QCOMPARE(dumpHash(m_library), before);
    }

    void languagesAreCanonical() {
        // zh-hans in the front matter, EN-us in a Hugo file name, zh_TW in <html lang>:
        // stored as their canonical tags.
        const QString md = m_dir->filePath(QStringLiteral("in/a.md"));
        const QString hugo = m_dir->filePath(QStringLiteral("in/b.EN-us.md"));
        const QString html = m_dir->filePath(QStringLiteral("in/c.html"));
        const QString word = m_dir->filePath(QStringLiteral("in/d.html"));
        QVERIFY(writeFile(md, article("title: A\nlang: zh-hans\n")));
        QVERIFY(writeFile(hugo, "# B\n\nText.\n"));
        QVERIFY(writeFile(html, "<html lang=\"zh_TW\"><h1>C</h1><p>Text</p></html>"));
        // Word writes lang=X-NONE; a tag that is not one is a hint ignored.
        QVERIFY(writeFile(word, "<html lang=\"X-NONE\"><h1>D</h1><p>Text</p></html>"));
        const auto imported = readImportFiles({md, hugo, html, word});
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        QCOMPARE(imported->size(), 4);
        QCOMPARE(imported->at(0).article.versions.front().language, QStringLiteral("zh-Hans"));
        QCOMPARE(imported->at(1).article.versions.front().language, QStringLiteral("en-US"));
        QCOMPARE(imported->at(2).article.versions.front().language, QStringLiteral("zh-TW"));
        QCOMPARE(imported->at(3).article.versions.front().language, QStringLiteral("en"));
    }

    void languageOptions_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("import --lang path")
            << QStringList{QStringLiteral("import"), QStringLiteral("--lang"),
                           QStringLiteral("../../x"), QStringLiteral("a.md")};
        QTest::newRow("export --lang path")
            << QStringList{QStringLiteral("export"), QStringLiteral("a"), QStringLiteral("--lang"),
                           QStringLiteral("../../x")};
        QTest::newRow("import --lang NUL")
            << QStringList{QStringLiteral("import"), QStringLiteral("--lang"),
                           QStringLiteral("en\u0001"), QStringLiteral("a.md")};
    }
    void languageOptions() {
        QFETCH(QStringList, args);
        const CliRun r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("is not a valid language tag")), qPrintable(r.err));
        QVERIFY(!QFile::exists(m_library));
    }

    void importLanguageOptionIsCanonical() {
        const QString file = m_dir->filePath(QStringLiteral("in/plain.txt"));
        QVERIFY(writeFile(file, "Title\n\nText.\n"));
        ImportOptions options;
        options.language = QStringLiteral("pt_br");
        const auto imported = readImportFiles({file}, options);
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        QCOMPARE(imported->front().article.versions.front().language, QStringLiteral("pt-BR"));
        options.language = QStringLiteral("/etc");
        const auto refused = readImportFiles({file}, options);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.kind(), ErrorKind::InvalidInput);
    }

    void exportNeverLeavesTheFolder_data() {
        QTest::addColumn<QString>("slug");
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("written"); // false: refused
        QTest::newRow("path as language")
            << QStringLiteral("x") << QStringLiteral("/../../../../target/pwned") << false;
        QTest::newRow("NUL in language")
            << QStringLiteral("x") << QString::fromUtf16(u"en\0", 3) << false;
        QTest::newRow("path as slug")
            << QStringLiteral("../../target/pwned") << QStringLiteral("en") << true;
        QTest::newRow("absolute slug")
            << QStringLiteral("/tmp/target/pwned") << QStringLiteral("en") << true;
    }
    void exportNeverLeavesTheFolder() {
        // Whatever is stored (an old library, a hand-edited one): the file names are
        // built from sanitised parts and stay in the output folder.
        QFETCH(QString, slug);
        QFETCH(QString, language);
        QFETCH(bool, written);
        const QString out = m_dir->filePath(QStringLiteral("a/b/out"));
        QVERIFY(QDir().mkpath(out));
        QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("target"))));
        Article a;
        a.id = QUuid::createUuid();
        a.slug = slug;
        LanguageVersion v;
        v.language = language;
        v.title = QStringLiteral("Title");
        v.body = QStringLiteral("Body\n");
        a.versions = {v};
        const QStringList before = folderState(m_dir->path());
        const auto result = writeFrontMatterFolder(a, out);
        if (!written) {
            QVERIFY(!result.ok());
            QCOMPARE(result.kind(), ErrorKind::InvalidInput);
            QVERIFY2(result.error().contains(QStringLiteral("is not a valid language tag")),
                     qPrintable(result.error()));
            QCOMPARE(folderState(m_dir->path()), before);
            return;
        }
        QVERIFY2(result.ok(), qPrintable(result.error()));
        QCOMPARE(result->size(), 1);
        QCOMPARE(QFileInfo(result->front()).absolutePath(), QFileInfo(out).absoluteFilePath());
        QCOMPARE(QDir(m_dir->filePath(QStringLiteral("target")))
                     .entryList(QDir::NoDotAndDotDot | QDir::AllEntries),
                 QStringList());
    }

    void hugoContentFolders() {
        // content/<lang>/same/path.md are the versions of one page (Hugo's translation by
        // content directory); a language-named folder elsewhere means nothing.
        const QString site = m_dir->filePath(QStringLiteral("site/content"));
        QStringList files{site + QStringLiteral("/en/docs/glossary.md"),
                          site + QStringLiteral("/bn/docs/glossary.md"),
                          site + QStringLiteral("/zh/docs/glossary.md"),
                          site + QStringLiteral("/en/docs/other.md"),
                          m_dir->filePath(QStringLiteral("notes/ar/reading.md"))};
        for (const QString& file : files)
            QVERIFY(writeFile(file, article("title: Glossary\n")));
        const auto imported = readImportFiles(files);
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        QCOMPARE(imported->size(), 3);
        QStringList languages;
        for (const LanguageVersion& v : imported->at(0).article.versions)
            languages.append(v.language);
        QCOMPARE(languages,
                 (QStringList{QStringLiteral("en"), QStringLiteral("bn"), QStringLiteral("zh")}));
        QCOMPARE(imported->at(1).article.versions.size(), 1);
        QCOMPARE(imported->at(2).article.versions.front().language, QStringLiteral("en"));
        // In the library: one article for the three glossaries, nothing refused.
        const CliRun r = cli(QStringList{QStringLiteral("import")} + files);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.lines().size(), 3);
    }

    // -- Symlinks -------------------------------------------------------------------

    void exportDoesNotFollowSymlinks() {
        const QString id = importOne(article("title: X\nslug: x\nlang: en\nsummary: S\n"));
        QVERIFY(!id.isEmpty());
        const QString out = m_dir->filePath(QStringLiteral("out"));
        const QString precious = m_dir->filePath(QStringLiteral("elsewhere/precious.txt"));
        QVERIFY(writeFile(precious, "precious"));
        QVERIFY(QDir().mkpath(out));
        QVERIFY(QFile::link(precious, out + QStringLiteral("/x.en.md")));
        const CliRun r =
            cli({QStringLiteral("export"), QStringLiteral("x"), QStringLiteral("-o"), out});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(readAll(precious), QByteArray("precious"));
        QVERIFY(!QFileInfo(out + QStringLiteral("/x.en.md")).isSymLink());
        QVERIFY(readAll(out + QStringLiteral("/x.en.md")).startsWith("---\ntitle: X\n"));
    }

    // -- Disk full ------------------------------------------------------------------

    void exportToFullDisk_data() {
        QTest::addColumn<int>("enBytes");
        QTest::addColumn<int>("frBytes");
        QTest::newRow("one big version") << 84000 << -1;
        QTest::newRow("second of two fails") << 1000 << 84000;
        QTest::newRow("first of two fails") << 84000 << 1000;
    }
    void exportToFullDisk() {
        QFETCH(int, enBytes);
        QFETCH(int, frBytes);
        TinyTmpfs disk("64k");
        if (!disk.isMounted())
            QSKIP(qPrintable(disk.reason()));
        const QString small = disk.path();

        QStringList files;
        files << m_dir->filePath(QStringLiteral("in/big.en.md"));
        QVERIFY(writeFile(files.last(),
                          article("title: Big\nslug: big\nsummary: S\n", words(enBytes))));
        if (frBytes > 0) {
            files << m_dir->filePath(QStringLiteral("in/big.fr.md"));
            QVERIFY(writeFile(files.last(),
                              article("title: Grand\nslug: big\nsummary: S\n", words(frBytes))));
        }
        const CliRun imported = cli(QStringList{QStringLiteral("import")} + files);
        QCOMPARE(imported.exitCode, 0);
        QVERIFY(writeFile(small + QStringLiteral("/other.txt"), "kept"));

        const QByteArray libraryBefore = dumpHash(m_library);
        const QStringList folderBefore = folderState(small);
        const CliRun r =
            cli({QStringLiteral("export"), QStringLiteral("big"), QStringLiteral("-o"), small});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.errLines().size(), 1);
        QVERIFY2(r.err.contains(QStringLiteral("the disk is full")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("big.")), qPrintable(r.err));
        QCOMPARE(folderState(small), folderBefore);
        QCOMPARE(dumpHash(m_library), libraryBefore); // no "exported" revision
    }

    // -- Slugs: one check at every entry point ---------------------------------------

    void frontMatterSlugIsValidated_data() {
        QTest::addColumn<QByteArray>("frontMatter");
        QTest::addColumn<QString>("message"); // after "FILE: "
        QTest::newRow("path")
            << QByteArray("title: T\nslug: \"../../tmp/x\"\n")
            << QStringLiteral("invalid front matter at line 3, column 7: 'slug': "
                              "\"../../tmp/x\" is not a usable slug: it contains '/' (a slug "
                              "has letters, digits, '-', '_' and '.')");
        QTest::newRow("NUL")
            << QByteArray("title: T\nslug: \"keys\\0\"\n")
            << QStringLiteral("invalid front matter at line 3, column 7: 'slug': \"keys\\u0000\" "
                              "is not a usable slug: it contains a control character (U+0000)");
        QTest::newRow("ESC") << QByteArray("title: T\nslug: \"\\e[2Jx\"\n")
                             << QStringLiteral(
                                    "invalid front matter at line 3, column 7: 'slug': "
                                    "\"\\u001b[2Jx\" is not a usable slug: it contains a control "
                                    "character (U+001B)");
        QTest::newRow("hidden file")
            << QByteArray("title: T\nslug: .htaccess\n")
            << QStringLiteral("invalid front matter at line 3, column 7: 'slug': \".htaccess\" "
                              "is not a usable slug: it starts with '.'");
        QTest::newRow("NUL in title")
            << QByteArray("title: \"Keys\\0\"\n")
            << QStringLiteral("invalid front matter at line 2, column 8: 'title': it contains "
                              "a control character (U+0000)");
        QTest::newRow("ESC in title")
            << QByteArray("title: \"\\e]0;owned\\a\"\n")
            << QStringLiteral("invalid front matter at line 2, column 8: 'title': it contains "
                              "a control character (U+001B)");
    }
    void frontMatterSlugIsValidated() {
        QFETCH(QByteArray, frontMatter);
        QFETCH(QString, message);
        QVERIFY(cli({QStringLiteral("new"), QStringLiteral("--title"), QStringLiteral("Other")})
                    .exitCode == 0);
        const QString file = m_dir->filePath(QStringLiteral("in/bad.md"));
        QVERIFY(writeFile(file, article(frontMatter)));
        const QByteArray before = dumpHash(m_library);
        const CliRun r = cli({QStringLiteral("import"), file});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.errLines(), QStringList{QStringLiteral("copydesk-cli: ") +
                                           QDir::toNativeSeparators(file) + QStringLiteral(": ") +
                                           message + QStringLiteral("; nothing was imported")});
        QCOMPARE(dumpHash(m_library), before);
    }

    void slugsThatStillRead() {
        // Unicode letters, digits, '-', '_' and '.' inside: as sites write them.
        const QString file = m_dir->filePath(QStringLiteral("in/ok.md"));
        QVERIFY(writeFile(file, article("title: T\nslug: sommet-de-genève_2024.v2\n")));
        const CliRun r = cli({QStringLiteral("import"), file});
        QCOMPARE(r.exitCode, 0);
        const CliRun shown =
            cli({QStringLiteral("show"), QStringLiteral("sommet-de-genève_2024.v2")});
        QCOMPARE(shown.exitCode, 0);
    }

    void newSlugOptionIsValidated_data() {
        QTest::addColumn<QString>("slug");
        QTest::addColumn<QString>("message");
        QTest::newRow("path") << QStringLiteral("../../tmp/x")
                              << QStringLiteral("--slug: \"../../tmp/x\" is not a usable slug: it "
                                                "contains '/' (a slug has letters, digits, '-', "
                                                "'_' and '.')");
        QTest::newRow("ESC") << QStringLiteral("a\x1b[2J")
                             << QStringLiteral("--slug: \"a\\u001b[2J\" is not a usable slug: it "
                                               "contains a control character (U+001B)");
        QTest::newRow("space") << QStringLiteral("two words")
                               << QStringLiteral("--slug: \"two words\" is not a usable slug: it "
                                                 "contains a space");
    }
    void newSlugOptionIsValidated() {
        QFETCH(QString, slug);
        QFETCH(QString, message);
        QVERIFY(cli({QStringLiteral("new"), QStringLiteral("--title"), QStringLiteral("Other")})
                    .exitCode == 0);
        const QByteArray before = dumpHash(m_library);
        const CliRun r = cli({QStringLiteral("new"), QStringLiteral("--title"), QStringLiteral("T"),
                              QStringLiteral("--slug"), slug});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.errLines().value(0), QStringLiteral("copydesk-cli new: ") + message);
        QCOMPARE(dumpHash(m_library), before);
        // A good one is taken as given.
        const CliRun ok =
            cli({QStringLiteral("new"), QStringLiteral("--title"), QStringLiteral("T"),
                 QStringLiteral("--slug"), QStringLiteral("my-slug")});
        QCOMPARE(ok.exitCode, 0);
        QCOMPARE(cli({QStringLiteral("show"), QStringLiteral("my-slug")}).exitCode, 0);
    }

    void restoreChecksTheSlug() {
        // A revision whose snapshot holds a slug that is a path (an old library, a
        // hand-edited one): restoring it would bring the path back as the slug.
        const CliRun created =
            cli({QStringLiteral("new"), QStringLiteral("--title"), QStringLiteral("Talks"),
                 QStringLiteral("--slug"), QStringLiteral("talks")});
        QCOMPARE(created.exitCode, 0);
        injectFailure(QStringLiteral("UPDATE revisions SET snapshot = json_set(snapshot, "
                                     "'$.slug', '../../tmp/x')"));
        QVariant revision;
        QVERIFY(rawExec(m_library, {QStringLiteral("SELECT max(id) FROM revisions")}, &revision));
        const QByteArray before = dumpHash(m_library);
        const CliRun r =
            cli({QStringLiteral("restore"), QStringLiteral("talks"), revision.toString()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.errLines(),
                 QStringList{QStringLiteral("copydesk-cli: ") + m_library +
                             QStringLiteral(": revision %1 of article 'Talks' cannot be "
                                            "restored: \"../../tmp/x\" is not a usable slug: it "
                                            "contains '/' (a slug has letters, digits, '-', '_' "
                                            "and '.')")
                                 .arg(revision.toString())});
        QCOMPARE(dumpHash(m_library), before);
    }

    void librarySaveChecksTheSlug() {
        // The last gate, for every other way in (the GUI, another import format).
        auto library = Library::open(m_library);
        QVERIFY2(library, qPrintable(library.error()));
        Article a = makeArticle(QStringLiteral("en"), QStringLiteral("Keys"));
        a.slug = QString::fromUtf16(u"authorized_keys\0", 16);
        const auto saved = (*library)->save(a);
        QVERIFY(!saved);
        QCOMPARE(saved.kind(), ErrorKind::InvalidInput);
        QCOMPARE(saved.error(),
                 m_library + QStringLiteral(": article 'Keys': \"authorized_keys\\u0000\" is not "
                                            "a usable slug: it contains a control character "
                                            "(U+0000)"));
        QCOMPARE((*library)->count().value(), 0);
    }

    // -- The export revision fails ---------------------------------------------------

    void failedExportRevisionLeavesNoFiles_data() {
        QTest::addColumn<QString>("folder"); // relative to the test folder
        QTest::addColumn<bool>("oldFiles");  // an earlier export is in the folder
        QTest::newRow("new files") << QStringLiteral("out") << false;
        QTest::newRow("replacing files") << QStringLiteral("out") << true;
        QTest::newRow("folders created") << QStringLiteral("out/a/b") << false;
    }
    void failedExportRevisionLeavesNoFiles() {
        // The library refuses the "exported" revision (an SQLite trigger): the files,
        // written before, stayed in the folder although the export failed.
        QFETCH(QString, folder);
        QFETCH(bool, oldFiles);
        QStringList files{m_dir->filePath(QStringLiteral("in/p.en.md")),
                          m_dir->filePath(QStringLiteral("in/p.fr.md"))};
        QVERIFY(writeFile(files[0],
                          article("title: Talks\nslug: p\nsummary: S\n", "Talks in Geneva.\n")));
        QVERIFY(writeFile(files[1],
                          article("title: Pourparlers\nslug: p\nsummary: S\n", "À Genève.\n")));
        QCOMPARE(cli(QStringList{QStringLiteral("import")} + files).exitCode, 0);
        const QString out = m_dir->filePath(QStringLiteral("out"));
        QVERIFY(QDir().mkpath(out));
        QVERIFY(writeFile(out + QStringLiteral("/other.txt"), "kept"));
        const QString target = m_dir->filePath(folder);
        if (oldFiles) {
            QVERIFY(writeFile(target + QStringLiteral("/p.en.md"), "an earlier export\n"));
            QVERIFY(writeFile(target + QStringLiteral("/p.fr.md"), "un export plus ancien\n"));
        }
        injectFailure(QStringLiteral("CREATE TRIGGER inject BEFORE INSERT ON revisions WHEN "
                                     "NEW.note LIKE 'exported%' BEGIN SELECT RAISE(ABORT, "
                                     "'injected failure'); END"));
        const QByteArray libraryBefore = dumpHash(m_library);
        const QStringList folderBefore = folderState(out);
        const CliRun r =
            cli({QStringLiteral("export"), QStringLiteral("p"), QStringLiteral("-o"), target});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.errLines().size(), 1);
        QVERIFY2(r.err.contains(QStringLiteral("injected failure")), qPrintable(r.err));
        QCOMPARE(folderState(out), folderBefore);
        QCOMPARE(dumpHash(m_library), libraryBefore);
        if (oldFiles)
            QCOMPARE(readAll(target + QStringLiteral("/p.en.md")),
                     QByteArray("an earlier export\n"));

        // Without the fault, the same command writes both files and the revision.
        injectFailure(QStringLiteral("DROP TRIGGER inject"));
        const CliRun again =
            cli({QStringLiteral("export"), QStringLiteral("p"), QStringLiteral("-o"), target});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.lines().size(), 2);
        QVERIFY(
            readAll(target + QStringLiteral("/p.fr.md")).startsWith("---\ntitle: Pourparlers\n"));
        QVERIFY(dumpHash(m_library) != libraryBefore);
    }

    // -- Imports are all or nothing -------------------------------------------------

    void sameSlugTwiceImportsNothing() {
        // a/summit.md and b/summit.md both give the slug "summit".
        QVERIFY(cli({QStringLiteral("new"), QStringLiteral("--title"), QStringLiteral("Other")})
                    .exitCode == 0);
        const QString a = m_dir->filePath(QStringLiteral("a/summit.md"));
        const QString b = m_dir->filePath(QStringLiteral("b/summit.md"));
        QVERIFY(writeFile(a, article("title: Summit A\n")));
        QVERIFY(writeFile(b, article("title: Summit B\n")));
        const QByteArray before = dumpHash(m_library);
        for (int attempt = 0; attempt < 2; ++attempt) {
            const CliRun r = cli({QStringLiteral("import"), a, b});
            QCOMPARE(r.exitCode, 1);
            QVERIFY(r.out.isEmpty());
            QCOMPARE(r.errLines(),
                     QStringList{QStringLiteral("copydesk-cli: ") + QDir::toNativeSeparators(b) +
                                 QStringLiteral(": gives the slug 'summit', as ") +
                                 QDir::toNativeSeparators(a) +
                                 QStringLiteral(" does; nothing was imported")});
            QCOMPARE(dumpHash(m_library), before);
        }
    }

    void failureWhileSavingImportsNothing() {
        // The library itself refuses the third article in the middle of the
        // transaction (an SQLite trigger): the first two are not kept either.
        QVERIFY(cli({QStringLiteral("new"), QStringLiteral("--title"), QStringLiteral("Other")})
                    .exitCode == 0);
        injectFailure(QStringLiteral("CREATE TRIGGER inject BEFORE INSERT ON articles WHEN "
                                     "NEW.slug = 'third' BEGIN SELECT RAISE(ABORT, 'injected "
                                     "failure'); END"));
        QStringList files;
        for (const char* slug : {"first", "second", "third"}) {
            files << m_dir->filePath(QStringLiteral("in/%1.md").arg(QLatin1String(slug)));
            QVERIFY(writeFile(files.last(), article("title: T\nslug: " + QByteArray(slug) + "\n")));
        }
        const QByteArray before = dumpHash(m_library);
        const CliRun r = cli(QStringList{QStringLiteral("import")} + files);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QStringLiteral("nothing was imported")), qPrintable(r.err));
        QCOMPARE(dumpHash(m_library), before);
    }

    void failedCleanupImportsNothing() {
        // import --fix-safe: the clean-up's revision is refused (an SQLite trigger) after
        // the articles were saved; the import is undone with it.
        QVERIFY(cli({QStringLiteral("new"), QStringLiteral("--title"), QStringLiteral("Other")})
                    .exitCode == 0);
        injectFailure(QStringLiteral("CREATE TRIGGER inject BEFORE INSERT ON revisions WHEN "
                                     "NEW.note LIKE 'cleanup%' BEGIN SELECT RAISE(ABORT, "
                                     "'injected failure'); END"));
        const QString first = m_dir->filePath(QStringLiteral("in/first.md"));
        const QString second = m_dir->filePath(QStringLiteral("in/second.md"));
        QVERIFY(writeFile(first, article("title: First\n")));
        // A missing space after a comma: a safe fix, so the clean-up saves a revision.
        QVERIFY(writeFile(second, article("title: Second\n",
                                          "The delegates arrived on Monday,and the talks "
                                          "began.\n")));
        const QByteArray before = dumpHash(m_library);
        const CliRun r =
            cli({QStringLiteral("import"), QStringLiteral("--fix-safe"), first, second});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QStringLiteral("injected failure")), qPrintable(r.err));
        QVERIFY2(r.err.trimmed().endsWith(QStringLiteral("nothing was imported")),
                 qPrintable(r.err));
        QCOMPARE(dumpHash(m_library), before);
        // Without the fault, the same command imports both.
        injectFailure(QStringLiteral("DROP TRIGGER inject"));
        const CliRun again =
            cli({QStringLiteral("import"), QStringLiteral("--fix-safe"), first, second});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.lines().size(), 2);
    }

    // -- Strict YAML ----------------------------------------------------------------

    void invalidYamlIsRefused_data() {
        QTest::addColumn<QByteArray>("frontMatter");
        QTest::addColumn<QString>("message");
        // Before: the line of the closing "---" and no column.
        QTest::newRow("unclosed quote")
            << QByteArray("title: \"unclosed\ntags: [a,\n")
            << QStringLiteral("invalid front matter at line 2, column 8: a quoted value is not "
                              "closed before the end of the front matter");
        QTest::newRow("unclosed single quote")
            << QByteArray("lang: en\ntitle: 'unclosed\n")
            << QStringLiteral("invalid front matter at line 3, column 8: a quoted value is not "
                              "closed before the end of the front matter");
        QTest::newRow("unclosed quote in a list")
            << QByteArray("title: t\ntags: [a, \"b\n")
            << QStringLiteral("invalid front matter at line 3, column 11: a quoted value is not "
                              "closed before the end of the front matter");
        // yaml-cpp counts bytes; a person counts characters.
        QTest::newRow("column after non-ASCII")
            << QByteArray("title: t\nlieu: Genève\ncatégorie: &c x\n")
            << QStringLiteral("invalid front matter at line 4, column 12: anchors (&name) and "
                              "aliases (*name) are not supported in front matter");
        QTest::newRow("bad map value")
            << QByteArray("title: x\n  bad: : [\n")
            << QStringLiteral("invalid front matter at line 3, column 6: illegal map value");
        // Before: nine lists of nine aliases of... made yaml-cpp build ~10^9 nodes (import
        // never ended); anchors and aliases are refused before any node is built.
        QTest::newRow("alias bomb")
            << aliasBomb()
            << QStringLiteral("invalid front matter at line 2, column 4: anchors "
                              "(&name) and aliases (*name) are not supported in "
                              "front matter");
        QTest::newRow("closed quote, unclosed list")
            << QByteArray("title: t\ntags: [a, \"b\"\n")
            << QStringLiteral("invalid front matter at line 4, column 1: end of sequence flow "
                              "not found");
        // Before: yaml-cpp's message, "bad file".
        QTest::newRow("nested too deeply")
            << QByteArray("title: t\ntags: ") + QByteArray(5000, '[') + "x" +
                   QByteArray(5000, ']') + "\n"
            << QStringLiteral("invalid front matter at line 3, column 10008: values are nested "
                              "too deeply (lists or mappings inside one another)");
        // Found by fuzz_frontmatter: yaml-cpp reports documents without end at a ','
        // it never consumes (YAML::Load reads one and makes it empty front matter).
        QTest::newRow("stray comma")
            << QByteArray(",title: Fine\ntags: x\n")
            << QStringLiteral("invalid front matter at line 2, column 1: expected 'key: value' "
                              "lines");
        QTest::newRow("second document")
            << QByteArray("title: t\n--- x\n")
            << QStringLiteral("invalid front matter at line 3, column 1: expected 'key: value' "
                              "lines");
        QTest::newRow("anchor on a value")
            << QByteArray("title: &t Summit\n")
            << QStringLiteral("invalid front matter at line 2, column 8: anchors (&name) and "
                              "aliases (*name) are not supported in front matter");
        QTest::newRow("unclosed list")
            << QByteArray("title: t\ntags: [a,\n")
            // yaml-cpp notices at the end of the front matter.
            << QStringLiteral("invalid front matter at line 4, column 1: end of sequence flow "
                              "not found");
        QTest::newRow("key twice")
            << QByteArray("title: one\nlang: en\ntitle: two\n")
            << QStringLiteral("invalid front matter at line 4, column 1: 'title' is given twice");
        QTest::newRow("key twice, nested")
            << QByteArray("title: t\ndateline:\n  place: Geneva\n  place: Paris\n")
            << QStringLiteral("invalid front matter at line 5, column 3: 'place' is given twice");
    }
    void invalidYamlIsRefused() {
        QFETCH(QByteArray, frontMatter);
        QFETCH(QString, message);
        const QString file = m_dir->filePath(QStringLiteral("bad.md"));
        QVERIFY(writeFile(file, article(frontMatter)));
        const auto result = readImportFiles({file});
        QVERIFY(!result.ok());
        QCOMPARE(result.kind(), ErrorKind::InvalidInput);
        QCOMPARE(result.error(), QDir::toNativeSeparators(file) + QStringLiteral(": ") + message);
    }

    void validYamlStillReads() {
        // What the strict reading must keep: quotes closed on a later line, a document
        // end marker, multi-line values.
        const QString file = m_dir->filePath(QStringLiteral("ok.md"));
        QVERIFY(writeFile(file, "---\ntitle: \"two\n  lines\"\nsummary: |\n  literal\n  text\n"
                                "tags: [a, b]\n...\n\nBody\n"));
        const auto result = readImportFiles({file});
        QVERIFY2(result.ok(), qPrintable(result.error()));
        const LanguageVersion& v = result->front().article.versions.front();
        QCOMPARE(v.title, QStringLiteral("two lines"));
        QCOMPARE(v.summary, QStringLiteral("literal\ntext\n"));
        QCOMPARE(result->front().article.tags,
                 (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(v.body, QStringLiteral("Body\n"));
    }

private:
    /// The "billion laughs" of YAML: under 400 bytes, ten levels of nine aliases each.
    static QByteArray aliasBomb() {
        QByteArray yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\","
                          "\"lol\",\"lol\"]\n";
        for (char level = 'b'; level <= 'j'; ++level) {
            const char below = char(level - 1);
            yaml += QByteArray(1, level) + ": &" + level + " [";
            for (int i = 0; i < 9; ++i)
                yaml += QByteArray(i == 0 ? "*" : ",*") + below;
            yaml += "]\n";
        }
        return yaml + "tags: *j\n";
    }

    /// Runs `sql` on the library file: a fault the library meets in the middle of its
    /// transaction, as a full disk or a bad sector would be.
    void injectFailure(const QString& sql) {
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inject"));
            db.setDatabaseName(m_library);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("inject"));
    }

    CliRun cli(const QStringList& args) {
        return runCli(args + QStringList{QStringLiteral("--library"), m_library}, {},
                      m_dir->path());
    }

    QString importOne(const QByteArray& content) {
        const QString file = m_dir->filePath(
            QStringLiteral("in/%1.md").arg(QUuid::createUuid().toString(QUuid::WithoutBraces)));
        if (!writeFile(file, content))
            return {};
        const CliRun r = cli({QStringLiteral("import"), file});
        return r.exitCode == 0 ? r.out.trimmed() : QString();
    }

    QString m_library;
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestInterchangeSafety)
#include "tst_interchange_safety.moc"
