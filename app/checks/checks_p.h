#pragma once

#include "checks/bodyscan_p.h"
#include "checks/checkcontext.h"
#include "checks/fieldtext.h"
#include "checks/finding.h"
#include "checks/messages.h"

#include <QList>
#include <QString>

namespace copydesk {
class Speller;
struct Article;
struct LanguageVersion;
} // namespace copydesk

// Internal to app/checks: what the individual checks share.
namespace copydesk::checks::detail {

/// Lower-case letters and digits of `text` with single spaces, for comparing lines
/// and paragraphs regardless of punctuation, case and spacing.
QString normalizeForComparison(QStringView text);
/// The speller for `language` from the context's pool, or nullptr.
Speller* spellerFor(const CheckContext& context, const QString& language);

// The checks, one group per file.
void checkTypography(Sink& sink, Speller* speller); // textchecks.cpp
void checkTruncation(Sink& sink, Speller* speller); // textchecks.cpp
void checkDuplicates(Sink& sink);                   // structurechecks.cpp
void checkBoilerplate(Sink& sink);                  // structurechecks.cpp
void checkLinksAndHeadings(Sink& sink);             // structurechecks.cpp
/// Body paragraphs that repeat the summary.
void checkSummaryRepeated(Sink& bodySink, const FieldText& summary); // structurechecks.cpp
/// Headline, summary and SEO lengths.
void checkLengths(const FieldText& field, const CheckContext& context,
                  QList<Finding>& out); // fieldchecks.cpp
/// Missing title, body, summary, SEO description and featured-image alt text.
void checkMissing(const Article& article, const LanguageVersion& version, const FieldText& title,
                  const FieldText& summary, const FieldText& body, const FieldText& seoDescription,
                  const CheckContext& context, QList<Finding>& out); // fieldchecks.cpp

} // namespace copydesk::checks::detail
