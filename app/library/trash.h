#pragma once

#include "common/result.h"
#include "library/library.h"

#include <QList>
#include <QUuid>

/// The library's trash: articles moved there leave list() and search() (list() with
/// ListFilter::trash shows only them) and come back as they were with restore;
/// emptying the trash removes them for good. Each call is one transaction.
namespace copydesk {

/// Moves the articles to the trash; those already there stay as they are. Returns how
/// many were moved. An unknown id fails the whole call (ErrorKind::NotFound).
Result<int> moveToTrash(Library& library, const QList<QUuid>& articles);
/// Takes the articles out of the trash. Returns how many came back.
Result<int> restoreFromTrash(Library& library, const QList<QUuid>& articles);
/// Whether the article is in the trash (ErrorKind::NotFound when there is no such article).
Result<bool> isInTrash(const Library& library, const QUuid& article);
/// How many articles are in the trash.
Result<int> trashCount(const Library& library);
/// Removes every article in the trash, with its revisions. Returns how many.
Result<int> emptyTrash(Library& library);

} // namespace copydesk
