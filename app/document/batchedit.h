#pragma once

#include "article/article.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QList>
#include <QUuid>

namespace copydesk {

class Library;

/// Metadata changes to many articles at once (the browser's selection, a script):
/// each call is one library transaction that records a revision on every article it
/// changes, and changes nothing at all when one article fails (not found, a status
/// change the workflow refuses); the error names that article. Each returns how many
/// articles changed (an article that has the tag already is not changed).
namespace batch {

Result<int> addTag(Library& library, const QList<QUuid>& articles, const QString& tag);
Result<int> removeTag(Library& library, const QList<QUuid>& articles, const QString& tag);
Result<int> setStatus(Library& library, const QList<QUuid>& articles, Status status);

} // namespace batch
} // namespace copydesk
