#pragma once

#include "article/article.h"
#include "checks/catalogue.h"
#include "checks/checkcontext.h"
#include "checks/finding.h"
#include "translation/segments.h"

#include <QList>

/// Translation QA: a translation must say what its source says. Numbers (in any
/// script, with scale words: "120,000" = "120 ألف" = "12万"), dates written with
/// month names ("12 March" = "12 mars" = "3月12日") and link targets are compared
/// between a version and the version it was translated from.
namespace copydesk::translation {

/// Findings of the checks version-numbers, version-dates and version-links for
/// `version` against `source`, appended to `out`; honours context.onlyChecks.
void compareVersions(const LanguageVersion& source, const LanguageVersion& version,
                     const checks::CheckContext& context, QList<checks::Finding>& out);

/// The field a segment of `kind` is in (a body segment's is the body).
checks::Field fieldOfSegment(SegmentKind kind);

/// Adds these checks and compareVersions() to `catalogue`.
void addVersionChecks(checks::Catalogue& catalogue);

/// The built-in checks plus the QA across versions: what `copydesk-cli check`, the
/// import's clean-up and the desk run.
checks::Catalogue catalogueWithVersionChecks();

} // namespace copydesk::translation
