#pragma once

// Shared by the export/import tests: a fully populated article, a readable dump of
// an Article for failure messages, and paths to tests/data/interchange.

#include "article/article.h"

#include <QDir>
#include <QMetaType>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTimeZone>

namespace copydesk::testing {

inline QString interchangeData(const QString& relative) {
    const QString root = QProcessEnvironment::systemEnvironment().value(
        QStringLiteral("COPYDESK_SOURCE_DIR"), QStringLiteral(COPYDESK_TEST_SOURCE_DIR));
    return QDir(root).filePath(QStringLiteral("tests/data/interchange/") + relative);
}

inline QString timestamp(const QDateTime& dt) {
    return dt.isValid() ? dt.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral("(none)");
}

/// Every field, one per line, so that QCOMPARE on two dumps shows what differs.
inline QString describe(const Article& a) {
    QStringList lines;
    lines << QStringLiteral("id=") + a.id.toString(QUuid::WithoutBraces)
          << QStringLiteral("slug=") + a.slug << QStringLiteral("status=") + statusId(a.status)
          << QStringLiteral("created=") + timestamp(a.created)
          << QStringLiteral("updated=") + timestamp(a.updated)
          << QStringLiteral("byline=") + a.byline
          << QStringLiteral("dateline=") + a.dateline.place + QLatin1Char('|') +
                 a.dateline.date.toString(Qt::ISODate)
          << QStringLiteral("tags=") + a.tags.join(QLatin1Char('|'))
          << QStringLiteral("categories=") + a.categories.join(QLatin1Char('|'))
          << QStringLiteral("featuredImage=") + a.featuredImage
          << QStringLiteral("sourceLanguage=") + a.sourceLanguage;
    for (const LanguageVersion& v : a.versions) {
        const QString p = QStringLiteral("[") + v.language + QStringLiteral("].");
        lines << p + QStringLiteral("title=") + v.title
              << p + QStringLiteral("summary=") + v.summary << p + QStringLiteral("body=") + v.body
              << p + QStringLiteral("seoTitle=") + v.seoTitle
              << p + QStringLiteral("seoDescription=") + v.seoDescription
              << p + QStringLiteral("status=") + statusId(v.status)
              << p + QStringLiteral("created=") + timestamp(v.created)
              << p + QStringLiteral("updated=") + timestamp(v.updated)
              << p + QStringLiteral("translatedFrom=") + v.translatedFrom
              << p + QStringLiteral("sourceRevision=") + QString::number(v.sourceRevision)
              << p + QStringLiteral("sourceFingerprints=") +
                     v.sourceFingerprints.join(QLatin1Char('|'));
    }
    return lines.join(QLatin1Char('\n'));
}

inline QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0, int ms = 0) {
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::utc());
}

/// An article with every field set, in English (the source), Arabic and Simplified
/// Chinese, with values that stress YAML: look-alikes of booleans, numbers and
/// dates, quotes, colons, "#", leading spaces, several lines.
inline Article fullArticle() {
    Article a;
    a.id = QUuid::fromString(u"3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b");
    a.slug = QStringLiteral("summit-opens");
    a.status = Status::Published;
    a.created = utc(2024, 4, 30, 16, 5, 9, 123);
    a.updated = utc(2024, 5, 2, 8, 0, 0, 0);
    a.byline = QStringLiteral("Ana Müller: Geneva office");
    a.dateline = Dateline{QStringLiteral("Genève"), QDate(2024, 5, 1)};
    a.tags = QStringList{QStringLiteral("climate"), QStringLiteral("true"), QStringLiteral("2024"),
                         QStringLiteral("yes")};
    a.categories = QStringList{QStringLiteral("news"), QStringLiteral("no")};
    a.featuredImage = QStringLiteral("summit-hall.jpg");
    a.sourceLanguage = QStringLiteral("en");

    LanguageVersion en;
    en.language = QStringLiteral("en");
    en.title = QStringLiteral("Summit opens: \"day one\" # 1");
    en.summary = QStringLiteral("First line\nsecond line: with a colon\n");
    en.body = QStringLiteral("Delegates **arrived**.\n\n---\n\n- one\n- two\n\n    code\n");
    en.seoTitle = QStringLiteral("null");
    en.seoDescription = QStringLiteral("  leading and trailing spaces  ");
    en.status = Status::Published;
    en.created = utc(2024, 4, 30, 16, 5, 9, 123);
    en.updated = utc(2024, 5, 2, 7, 59, 58, 1);

    LanguageVersion ar;
    ar.language = QStringLiteral("ar");
    ar.title = QStringLiteral("افتتاح القمة في جنيف");
    ar.summary = QStringLiteral("وصل المندوبون يوم الاثنين.");
    ar.body = QStringLiteral("وصل **المندوبون** من ٤٠ بلدًا.\n\n> اقتباس\n");
    ar.seoTitle = QStringLiteral("القمة");
    ar.seoDescription = QStringLiteral("وصف: القمة");
    ar.status = Status::InReview;
    ar.created = utc(2024, 5, 1, 9, 0);
    ar.updated = utc(2024, 5, 1, 10, 30);
    ar.translatedFrom = QStringLiteral("en");
    ar.sourceRevision = 42;
    ar.sourceFingerprints = QStringList{QStringLiteral("9f86d081"), QStringLiteral("60303ae2"),
                                        QStringLiteral("0e1b3c4d")};

    LanguageVersion zh;
    zh.language = QStringLiteral("zh-Hans");
    zh.title = QStringLiteral("日内瓦峰会开幕");
    zh.summary = QStringLiteral("各国代表周一抵达。");
    zh.body = QStringLiteral("各国代表周一抵达日内瓦。"); // no final newline
    zh.seoTitle = QStringLiteral("峰会 2024");
    zh.seoDescription = QStringLiteral("12:30");
    zh.status = Status::Draft;
    zh.created = utc(2024, 5, 1, 11, 0);
    zh.updated = utc(2024, 5, 1, 12, 0);
    zh.translatedFrom = QStringLiteral("en");
    zh.sourceRevision = 43;
    zh.sourceFingerprints = QStringList{QStringLiteral("9f86d081"), QStringLiteral("60303ae2")};

    a.versions = {en, ar, zh};
    return a;
}

} // namespace copydesk::testing

Q_DECLARE_METATYPE(copydesk::Article)
