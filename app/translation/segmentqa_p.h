#pragma once

#include "article/article.h"
#include "checks/fieldtext.h"

#include <functional>

// Internal to app/translation: the QA segment by segment (segmentqa.cpp), run by
// compareVersions() with the texts it has scanned.
namespace copydesk::translation::detail {

/// Whether `context` asks for any of the segment-* checks.
bool segmentChecksEnabled(const checks::CheckContext& context);

/// The findings of segment-markup, segment-identical, segment-length and
/// segment-inconsistent for `version` against `source`; `fieldText` gives the
/// version's scanned text of a field (the one a finding goes to).
void compareSegments(const LanguageVersion& source, const LanguageVersion& version,
                     const std::function<const checks::FieldText&(checks::Field)>& fieldText,
                     const checks::CheckContext& context, QList<checks::Finding>& out);

} // namespace copydesk::translation::detail
