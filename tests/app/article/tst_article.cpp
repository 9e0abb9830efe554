#include "article/article.h"

#include <QTest>

using namespace copydesk;

class TestArticle final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void statusIds_data() {
        QTest::addColumn<Status>("status");
        QTest::addColumn<QString>("id");
        QTest::newRow("draft") << Status::Draft << QStringLiteral("draft");
        QTest::newRow("in-review") << Status::InReview << QStringLiteral("in-review");
        QTest::newRow("ready") << Status::Ready << QStringLiteral("ready");
        QTest::newRow("published") << Status::Published << QStringLiteral("published");
        QTest::newRow("archived") << Status::Archived << QStringLiteral("archived");
    }
    void statusIds() {
        QFETCH(Status, status);
        QFETCH(QString, id);
        QCOMPARE(statusId(status), id);
        QCOMPARE(statusFromId(id), std::optional<Status>(status));
    }
    void unknownStatus() { QVERIFY(!statusFromId(u"finished").has_value()); }

    void transitions_data() {
        QTest::addColumn<Status>("from");
        QTest::addColumn<Status>("to");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("draft->review") << Status::Draft << Status::InReview << true;
        QTest::newRow("draft->published") << Status::Draft << Status::Published << false;
        QTest::newRow("review->ready") << Status::InReview << Status::Ready << true;
        QTest::newRow("ready->published") << Status::Ready << Status::Published << true;
        QTest::newRow("published->archived") << Status::Published << Status::Archived << true;
        QTest::newRow("archived->ready") << Status::Archived << Status::Ready << false;
        QTest::newRow("archived->draft") << Status::Archived << Status::Draft << true;
        QTest::newRow("review->draft") << Status::InReview << Status::Draft << true;
        QTest::newRow("published->draft") << Status::Published << Status::Draft << false;
        QTest::newRow("published->review") << Status::Published << Status::InReview << true;
    }
    void transitions() {
        QFETCH(Status, from);
        QFETCH(Status, to);
        QFETCH(bool, allowed);
        QCOMPARE(canTransition(from, to), allowed);
    }

    void versions() {
        Article a = makeArticle(QStringLiteral("en"), QStringLiteral("Summit opens"));
        QVERIFY(!a.id.isNull());
        LanguageVersion ar;
        ar.language = QStringLiteral("ar");
        ar.title = QStringLiteral("افتتاح القمة");
        a.versions.append(ar);
        QCOMPARE(a.version(u"ar")->title, ar.title);
        QVERIFY(a.version(u"fr") == nullptr);
        QCOMPARE(a.displayTitle(), QStringLiteral("Summit opens"));
        a.sourceLanguage = QStringLiteral("ar");
        QCOMPARE(a.displayTitle(), ar.title);
    }

    void writingThroughVersionDoesNotTouchCopies() {
        Article a = makeArticle(QStringLiteral("en"), QStringLiteral("Original"));
        const Article copy = a;
        a.version(u"en")->title = QStringLiteral("Changed");
        QCOMPARE(a.displayTitle(), QStringLiteral("Changed"));
        QCOMPARE(copy.displayTitle(), QStringLiteral("Original"));
    }
};

QTEST_GUILESS_MAIN(TestArticle)
#include "tst_article.moc"
