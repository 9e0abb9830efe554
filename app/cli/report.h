#pragma once

#include "checks/finding.h"
#include "checks/importcleanup.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUuid>

/// Findings as the command line prints them: one grep-friendly line each, or one
/// JSON object each. Shared by `copydesk-cli check` and `copydesk-cli import`.
namespace copydesk::checks {

/// "SLUG [LANG] FIELD L:C-L:C SEVERITY CHECK: MESSAGE", on one line whatever the
/// message holds. Ids and the severity are untranslated so that scripts can grep.
QString findingLine(const Finding& finding, const QString& article);

/// The finding with its article: ids, severity, field, range (1-based lines and
/// columns, 0-based offsets), excerpt, message and the fix as edits.
QJsonObject findingToJson(const Finding& finding, const QUuid& articleId, const QString& slug);

/// What an import's clean-up did and left, for the import's report: first one
/// "SLUG: fixed …" line per applied fix, then findingLine() for each finding left.
QStringList cleanupReport(const ImportCleanup& cleanup);

} // namespace copydesk::checks
