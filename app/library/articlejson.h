#pragma once

#include "article/article.h"
#include "common/result.h"

#include <QJsonObject>

namespace copydesk {

/// The JSON form of an Article: the revision snapshots in the library and the sample
/// articles in resources/samples use it. Every field of Article and LanguageVersion
/// is written, so a snapshot restores the article exactly.
QJsonObject articleToJson(const Article& article);

/// Reads what articleToJson() wrote. A version "body" may also be an array of lines
/// (joined with "\n"), which keeps hand-written sample files readable. `context`
/// names the source (file, revision) in error messages.
Result<Article> articleFromJson(const QJsonObject& json, const QString& context);

/// ISO 8601 in UTC with milliseconds ("2024-05-01T09:30:00.000Z"), or "" when
/// invalid. Fixed width, so the text sorts like the time.
QString isoTimestamp(const QDateTime& time);
QDateTime parseIsoTimestamp(const QString& text);

} // namespace copydesk
