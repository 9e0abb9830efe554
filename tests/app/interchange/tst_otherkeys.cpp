// The front-matter keys Copydesk has no field for, listed and edited one at a time in
// YAML, TOML and JSON front matter; and on every page of the real multilingual Hugo
// site of the corpora (skipped, naming the path, when it is absent).
#include "interchange/frontmatter.h"
#include "interchange/otherkeys.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace copydesk;

namespace {

const QString kYaml = QStringLiteral("---\n"
                                     "title: Wetlands\n"
                                     "weight: 3\n"
                                     "aliases:\n"
                                     "- /old/wetlands\n"
                                     "- /older\n"
                                     "params:\n"
                                     "  hero: true\n"
                                     "# a comment of the site's\n"
                                     "code: \"3\"\n"
                                     "Tags: [water]\n"
                                     "---\n");

QStringList keysOf(const QString& frontMatter) {
    QStringList keys;
    const QList<OtherKey> listed = otherFrontMatterKeys(frontMatter).value();
    for (const OtherKey& k : listed)
        keys.append(k.key);
    return keys;
}

} // namespace

class TestOtherKeys final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void yamlListsWhatNoFieldHolds() {
        const auto keys = otherFrontMatterKeys(kYaml);
        QVERIFY2(keys, qPrintable(keys.error()));
        QCOMPARE(*keys,
                 (QList<OtherKey>{
                     {QStringLiteral("weight"), QStringLiteral("3")},
                     {QStringLiteral("aliases"), QStringLiteral("[\"/old/wetlands\",\"/older\"]")},
                     {QStringLiteral("params"), QStringLiteral("{\"hero\":true}")},
                     // Text that would read as a number is shown quoted.
                     {QStringLiteral("code"), QStringLiteral("\"3\"")},
                 }));
        QVERIFY(otherFrontMatterKeys(QString())->isEmpty());
    }

    // In YAML only the key's own lines change: the comment, the order and the spelling
    // of every other key stay.
    void yamlEditsTouchOnlyTheirLines() {
        auto edited = withOtherFrontMatterKey(kYaml, QStringLiteral("weight"), QStringLiteral("5"));
        QVERIFY2(edited, qPrintable(edited.error()));
        QCOMPARE(*edited,
                 QString(kYaml).replace(QStringLiteral("weight: 3"), QStringLiteral("weight: 5")));
        edited = withOtherFrontMatterKey(kYaml, QStringLiteral("aliases"), std::nullopt);
        QVERIFY2(edited, qPrintable(edited.error()));
        QCOMPARE(*edited,
                 QString(kYaml).remove(QStringLiteral("aliases:\n- /old/wetlands\n- /older\n")));
        // A new key goes last; text is written quoted, so "yes" stays text.
        edited = withOtherFrontMatterKey(kYaml, QStringLiteral("layout"), QStringLiteral("yes"));
        QVERIFY2(edited, qPrintable(edited.error()));
        QVERIFY(edited->endsWith(QStringLiteral("Tags: [water]\nlayout: \"yes\"\n---\n")));
        QCOMPARE(otherFrontMatterKeys(*edited)->last(),
                 (OtherKey{QStringLiteral("layout"), QStringLiteral("yes")}));
        edited = withOtherFrontMatterKey(kYaml, QStringLiteral("params"),
                                         QStringLiteral("{\"hero\": false, \"tone\": \"dark\"}"));
        QVERIFY2(edited, qPrintable(edited.error()));
        // A map written in block style stays in it, the comment after it too.
        QVERIFY2(edited->contains(QStringLiteral("params:\n  hero: false\n  tone: dark\n# a")),
                 qPrintable(*edited));
        // One written in flow style stays in flow style.
        const QString flow = QStringLiteral("---\nkeywords: [a, b]\nweight: 1\n---\n");
        edited =
            withOtherFrontMatterKey(flow, QStringLiteral("keywords"), QStringLiteral("[1, \"c\"]"));
        QVERIFY2(edited, qPrintable(edited.error()));
        QCOMPARE(*edited, QStringLiteral("---\nkeywords: [1, c]\nweight: 1\n---\n"));
        // A quoted key is edited in place too, and stays quoted.
        const QString quoted = QStringLiteral("---\n# c\n\"weight\": 3\nz: 'single'\n---\n");
        edited = withOtherFrontMatterKey(quoted, QStringLiteral("weight"), QStringLiteral("5"));
        QVERIFY2(edited, qPrintable(edited.error()));
        QCOMPARE(*edited, QString(quoted).replace(QStringLiteral(": 3"), QStringLiteral(": 5")));
        // Removing a key that is not there changes nothing.
        QCOMPARE(withOtherFrontMatterKey(kYaml, QStringLiteral("nothere"), std::nullopt).value(),
                 kYaml);
    }

    // Text that a YAML 1.1 reader (Hugo's) would take for a number, a date or a merge
    // key is written quoted.
    void yamlQuotesWhatOlderReadersType() {
        for (const char* text :
             {"0x1F", "0o17", "017", "1_000", "12:30", ".inf", "-.Inf", ".nan", "2024-01-01",
              "2024-01-01 10:00", "<<", "=", "yes", "Off", "~", ""}) {
            const auto edited = withOtherFrontMatterKey(
                kYaml, QStringLiteral("code"), QStringLiteral("\"%1\"").arg(QLatin1String(text)));
            QVERIFY2(edited, qPrintable(edited.error()));
            QVERIFY2(edited->contains(QStringLiteral("\ncode: \"%1\"\n").arg(QLatin1String(text))),
                     qPrintable(*edited));
        }
        // Words stay plain.
        const auto plain =
            withOtherFrontMatterKey(kYaml, QStringLiteral("code"), QStringLiteral("x1"));
        QVERIFY(plain->contains(QStringLiteral("\ncode: x1\n")));
    }

    void refusals_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("says");
        QTest::newRow("field") << QStringLiteral("title") << QStringLiteral("fields");
        QTest::newRow("field, other case") << QStringLiteral("TAGS") << QStringLiteral("fields");
        QTest::newRow("field read as byline")
            << QStringLiteral("author") << QStringLiteral("fields");
        QTest::newRow("empty") << QString() << QStringLiteral("cannot be");
        QTest::newRow("path") << QStringLiteral("../x") << QStringLiteral("cannot be");
        QTest::newRow("colon") << QStringLiteral("a: b") << QStringLiteral("cannot be");
        QTest::newRow("line break") << QStringLiteral("a\nb") << QStringLiteral("cannot be");
        QTest::newRow("escape") << QStringLiteral("a\x1b[2J") << QStringLiteral("cannot be");
    }
    void refusals() {
        QFETCH(QString, key);
        QFETCH(QString, says);
        const auto edited = withOtherFrontMatterKey(kYaml, key, QStringLiteral("1"));
        QVERIFY(!edited);
        QCOMPARE(edited.kind(), ErrorKind::InvalidInput);
        QVERIFY2(edited.error().contains(says), qPrintable(edited.error()));
        QVERIFY(!edited.error().contains(QChar(0x1b)));
    }

    void tomlAndJson() {
        const QString toml =
            QStringLiteral("+++\ntitle = \"Wetlands\"\nweight = 3\n"
                           "date = 2024-05-01T10:00:00Z\n[params]\nhero = true\n+++\n");
        // In the order of the file, not toml++'s sorted one.
        QCOMPARE(*otherFrontMatterKeys(toml),
                 (QList<OtherKey>{{QStringLiteral("weight"), QStringLiteral("3")},
                                  {QStringLiteral("params"), QStringLiteral("{\"hero\":true}")}}));
        // Only the key's line changes.
        auto edited = withOtherFrontMatterKey(toml, QStringLiteral("weight"), QStringLiteral("7"));
        QVERIFY2(edited, qPrintable(edited.error()));
        QCOMPARE(*edited,
                 QString(toml).replace(QStringLiteral("weight = 3"), QStringLiteral("weight = 7")));
        // A new key goes before the first [table], or it would be the table's.
        edited = withOtherFrontMatterKey(toml, QStringLiteral("layout"), QStringLiteral("wide"));
        QVERIFY2(edited, qPrintable(edited.error()));
        QCOMPARE(*edited, QString(toml).replace(QStringLiteral("[params]"),
                                                QStringLiteral("layout = \"wide\"\n[params]")));
        QCOMPARE(*withOtherFrontMatterKey(*edited, QStringLiteral("layout"), std::nullopt), toml);
        // The title and the date are still what they were.
        auto page = parseFrontMatterFile((*edited).toUtf8(), QStringLiteral("p.md"),
                                         FrontMatterOptions{QStringLiteral("en"), true});
        QVERIFY2(page, qPrintable(page.error()));
        QCOMPARE(page->article.versions.front().title, QStringLiteral("Wetlands"));
        QCOMPARE(page->article.versions.front().created,
                 QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC));
        const auto null =
            withOtherFrontMatterKey(toml, QStringLiteral("weight"), QStringLiteral("null"));
        QVERIFY(!null);
        QVERIFY2(null.error().contains(QStringLiteral("weight")), qPrintable(null.error()));

        const QString json = QStringLiteral("{\n  \"title\": \"Wetlands\",\n  \"weight\": 3\n}\n");
        QCOMPARE(*otherFrontMatterKeys(json),
                 (QList<OtherKey>{{QStringLiteral("weight"), QStringLiteral("3")}}));
        edited =
            withOtherFrontMatterKey(json, QStringLiteral("aliases"), QStringLiteral("[\"/a\"]"));
        QVERIFY2(edited, qPrintable(edited.error()));
        QCOMPARE(*edited, QStringLiteral("{\n  \"title\": \"Wetlands\",\n  \"weight\": 3,\n"
                                         "  \"aliases\": [\"/a\"]\n}\n"));
        QCOMPARE(keysOf(*edited),
                 (QStringList{QStringLiteral("weight"), QStringLiteral("aliases")}));
        QCOMPARE(*withOtherFrontMatterKey(*edited, QStringLiteral("aliases"), std::nullopt), json);
        QCOMPARE(*withOtherFrontMatterKey(json, QStringLiteral("weight"), std::nullopt),
                 QStringLiteral("{\n  \"title\": \"Wetlands\"\n}\n"));
    }

    // Every page of a real site: each key listed can be set to what is shown and
    // removed, and the page keeps its title, its other keys and its values.
    void everyPageOfTheCorpus() {
        const QString content =
            QStringLiteral(COPYDESK_CORPORA_DIR) + QStringLiteral("/hugo-multilingual/content");
        if (!QFileInfo(content).isDir())
            QSKIP(qPrintable(
                QStringLiteral("corpus not found at %1 (COPYDESK_CORPORA_DIR)").arg(content)));
        int pages = 0;
        int keys = 0;
        QDirIterator it(content, {QStringLiteral("*.md")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const auto page = parseFrontMatterFile(file.readAll(), path,
                                                   FrontMatterOptions{QStringLiteral("en"), true});
            QVERIFY2(page, qPrintable(page.error()));
            const LanguageVersion& version = page->article.versions.front();
            const auto listed = otherFrontMatterKeys(version.siteFrontMatter);
            QVERIFY2(listed, qPrintable(path + u' ' + listed.error()));
            ++pages;
            for (const OtherKey& k : *listed) {
                ++keys;
                const auto same = withOtherFrontMatterKey(version.siteFrontMatter, k.key, k.value);
                QVERIFY2(same, qPrintable(path + u' ' + k.key + u' ' + same.error()));
                QCOMPARE(*otherFrontMatterKeys(*same), *listed);
                const auto removed =
                    withOtherFrontMatterKey(version.siteFrontMatter, k.key, std::nullopt);
                QVERIFY2(removed, qPrintable(path + u' ' + k.key + u' ' + removed.error()));
                QList<OtherKey> rest = *listed;
                rest.removeOne(k);
                QCOMPARE(*otherFrontMatterKeys(*removed), rest);
                const auto again =
                    parseFrontMatterFile((*removed + version.body).toUtf8(), path,
                                         FrontMatterOptions{QStringLiteral("en"), true});
                QVERIFY2(again, qPrintable(path + u' ' + again.error()));
                QCOMPARE(again->article.versions.front().title, version.title);
                QCOMPARE(again->article.versions.front().summary, version.summary);
            }
        }
        QCOMPARE(pages, 158);
        qInfo("%d pages, %d other keys set and removed", pages, keys);
        QVERIFY(keys > 300);
    }
};

QTEST_GUILESS_MAIN(TestOtherKeys)
#include "tst_otherkeys.moc"
