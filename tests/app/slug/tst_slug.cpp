#include "article/slug.h"

#include <QRegularExpression>
#include <QTest>
#include <QtConcurrent/QtConcurrentMap>

using namespace copydesk;

class TestSlug final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The one check of slugs given from outside (front matter, new --slug, restore,
    // import, every save).
    void validateSlug_data() {
        QTest::addColumn<QString>("slug");
        QTest::addColumn<QString>("problem"); // empty: valid
        QTest::newRow("empty: derive one") << QString() << QString();
        QTest::newRow("ascii") << QStringLiteral("summit-opens-2024") << QString();
        QTest::newRow("accents") << QStringLiteral("sommet-de-genève") << QString();
        QTest::newRow("Chinese") << QStringLiteral("日内瓦峰会") << QString();
        QTest::newRow("Arabic with marks") << QStringLiteral("قِمَّة-جنيف") << QString();
        QTest::newRow("underscore and dot") << QStringLiteral("my_post.v2") << QString();
        QTest::newRow("200 bytes") << QString(200, u'a') << QString();
        QTest::newRow("path")
            << QStringLiteral("../../tmp/x")
            << QStringLiteral("\"../../tmp/x\" is not a usable slug: it contains '/' (a slug "
                              "has letters, digits, '-', '_' and '.')");
        QTest::newRow("slash") << QStringLiteral("a/b")
                               << QStringLiteral(
                                      "\"a/b\" is not a usable slug: it contains '/' (a slug has "
                                      "letters, digits, '-', '_' and '.')");
        QTest::newRow("backslash")
            << QStringLiteral("a\\b")
            << QStringLiteral("\"a\\b\" is not a usable slug: it contains '\\' (a slug has "
                              "letters, digits, '-', '_' and '.')");
        QTest::newRow("NUL") << QString::fromUtf16(u"keys\0", 5)
                             << QStringLiteral("\"keys\\u0000\" is not a usable slug: it contains "
                                               "a control character (U+0000)");
        QTest::newRow("ESC") << QStringLiteral("a\x1b[2J")
                             << QStringLiteral("\"a\\u001b[2J\" is not a usable slug: it "
                                               "contains a control character (U+001B)");
        QTest::newRow("right-to-left override")
            << QStringLiteral("gpj\u202eexe")
            << QStringLiteral("\"gpj\\u202eexe\" is not a usable slug: it contains an "
                              "invisible character (U+202E)");
        QTest::newRow("space") << QStringLiteral("two words")
                               << QStringLiteral("\"two words\" is not a usable slug: it contains "
                                                 "a space");
        QTest::newRow("dot") << QStringLiteral(".")
                             << QStringLiteral("\".\" is not a usable slug: it starts with '.'");
        QTest::newRow("201 bytes")
            << QString(201, u'a')
            << QString(QStringLiteral("\"") + QString(60, u'a') +
                       QStringLiteral("\u2026\" is not a usable slug: it is longer than 200 "
                                      "bytes"));
    }
    void validateSlug() {
        QFETCH(QString, slug);
        QFETCH(QString, problem);
        const auto valid = copydesk::validateSlug(slug);
        if (problem.isEmpty()) {
            QVERIFY2(valid.ok(), qPrintable(valid.error()));
            return;
        }
        QVERIFY(!valid.ok());
        QCOMPARE(valid.kind(), copydesk::ErrorKind::InvalidInput);
        QCOMPARE(valid.error(), problem);
    }

    void slugify_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("slug");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("plain") << QStringLiteral("Summit opens in Geneva")
                               << QStringLiteral("summit-opens-in-geneva");
        QTest::newRow("accents and apostrophes") << QStringLiteral("Été à Genève : l'ONU s’engage")
                                                 << QStringLiteral("ete-a-geneve-lonu-sengage");
        QTest::newRow("german") << QStringLiteral("Straße über Köln")
                                << QStringLiteral("strasse-uber-koln");
        QTest::newRow("spanish") << QStringLiteral("¿Año nuevo, niño?")
                                 << QStringLiteral("ano-nuevo-nino");
        QTest::newRow("punctuation and digits")
            << QStringLiteral("  COVID-19: WHO update (2024) — part 2!  ")
            << QStringLiteral("covid-19-who-update-2024-part-2");
        QTest::newRow("punctuation only") << QStringLiteral("!!! — … ???") << QString();
        QTest::newRow("emoji only") << QStringLiteral("🎉🎉") << QString();
        QTest::newRow("russian") << QStringLiteral("Саммит ООН") << QStringLiteral("sammit-oon");
        QTest::newRow("russian soft and hard signs")
            << QStringLiteral("Объединённых наций: день первый")
            << QStringLiteral("obedinennyh-nacij-den-pervyj");
        QTest::newRow("chinese") << QStringLiteral("联合国峰会")
                                 << QStringLiteral("lian-he-guo-feng-hui");
        QTest::newRow("arabic") << QStringLiteral("قمة الأمم المتحدة")
                                << QStringLiteral("qmt-alamm-almthdt");
        QTest::newRow("arabic with ayn") << QStringLiteral("الأمين العام يرحب باعتماد القرار")
                                         << QStringLiteral("alamyn-alam-yrhb-batmad-alqrar");
        QTest::newRow("mixed") << QStringLiteral("UN 联合国 Саммит")
                               << QStringLiteral("un-lian-he-guo-sammit");
    }
    void slugify() {
        QFETCH(QString, text);
        QFETCH(QString, slug);
        QCOMPARE(copydesk::slugify(text), slug);
    }

    void longTitles_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("english") << QStringLiteral(
            "The Secretary-General welcomes the adoption of the resolution on climate "
            "finance by the General Assembly and calls on all Member States to act");
        QTest::newRow("russian") << QStringLiteral(
            "Генеральный секретарь приветствует принятие Генеральной Ассамблеей резолюции о "
            "финансировании климатических мероприятий");
        QTest::newRow("chinese") << QStringLiteral(
            "秘书长欢迎大会通过关于气候融资的决议并呼吁所有会员国立即采取行动落实承诺");
        QTest::newRow("one long word") << QStringLiteral("a").repeated(200);
    }
    void longTitles() {
        QFETCH(QString, text);
        const QString slug = copydesk::slugify(text);
        static const QRegularExpression shape(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
        QVERIFY2(shape.match(slug).hasMatch(), qPrintable(slug));
        QVERIFY2(slug.size() <= kMaxSlugLength, qPrintable(slug));
        QVERIFY2(slug.size() > kMaxSlugLength / 2, qPrintable(slug));
        // Cut between words: what is kept is a whole-word prefix of the uncut slug,
        // which is the words' slugs joined (only checkable where words are spaced).
        if (text.contains(u' ')) {
            QStringList words;
            for (const QString& word : text.split(u' '))
                words << copydesk::slugify(word);
            QVERIFY2(words.join(u'-').startsWith(slug + u'-'), qPrintable(slug));
        }
    }

    void threadSafe() {
        const QList<QString> titles{QStringLiteral("Саммит ООН"), QStringLiteral("联合国峰会"),
                                    QStringLiteral("Été à Genève"),
                                    QStringLiteral("قمة الأمم المتحدة")};
        QList<QString> many;
        for (int i = 0; i < 8; ++i)
            many += titles;
        const QList<QString> slugs = QtConcurrent::blockingMapped(
            many, [](const QString& title) { return copydesk::slugify(title); });
        for (qsizetype i = 0; i < many.size(); ++i)
            QCOMPARE(slugs[i], copydesk::slugify(many[i]));
    }
};

QTEST_GUILESS_MAIN(TestSlug)
#include "tst_slug.moc"
