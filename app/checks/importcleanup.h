#pragma once

#include "article/article.h"
#include "checks/checkcontext.h"
#include "checks/finding.h"
#include "common/result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace copydesk {
class FormatRegistry;
class Library;
class SpellerPool;
struct ImportOptions;
} // namespace copydesk

/// Clean-up of pasted and imported text: the checks run on the article as it came
/// in, and the fixes asked for are applied. Shaped for `copydesk-cli import --fix`
/// and the GUI's paste/import dialog alike.
namespace copydesk::checks {

/// Which fixes to apply: every fix marked safe, every fix of the listed checks, or
/// both. An empty request only reports.
struct FixRequest final {
    bool safe = false;
    QStringList checkIds;

    static FixRequest none() { return {}; }
    static FixRequest safeOnly() { return FixRequest{true, {}}; }
    static FixRequest of(QStringList ids) { return FixRequest{false, std::move(ids)}; }

    bool isEmpty() const { return !safe && checkIds.isEmpty(); }
    /// Whether the fix of `finding` (if it has one) is to be applied.
    bool wants(const Finding& finding) const;
};

/// What the clean-up of one imported article found and did.
struct ImportCleanup final {
    /// The article with the requested fixes applied; equal to the input when none
    /// applied.
    Article cleaned;
    /// Findings on the article as imported: their ranges point into the text that
    /// the Import revision holds.
    QList<Finding> findings;
    /// One translated line per applied fix: language, field, range, check and what
    /// was done, e.g. "[en] body 11:1-11:110 duplicate-paragraph: Remove the
    /// repeated paragraph".
    QStringList appliedFixes;
    /// The findings whose fixes were applied, parallel to appliedFixes. Ranges of
    /// fixes applied in a later pass point into the text as the earlier ones left it.
    QList<Finding> applied;
    /// Findings left on `cleaned` (the same as `findings` when nothing applied).
    QList<Finding> remaining;

    bool changed() const { return !appliedFixes.isEmpty(); }
    /// The note of the revision holding the cleaned text: "cleanup: 3 fixes (…)".
    QString revisionNote() const;
};

/// Runs the checks on `article` and applies the fixes `request` asks for, field by
/// field. Fixes that overlap one applied before are retried on the fixed text (a few
/// passes at most), so that e.g. a glued word inside a paragraph removed as a
/// duplicate does not get in the way of the others.
ImportCleanup cleanImportedArticle(const Article& article, const CheckContext& context,
                                   const FixRequest& request);

/// cleanImportedArticle() on article `id` of `library`, with the library's lists
/// (contextFromLibrary) and the checks of `catalogue`. When a fix applied, the cleaned
/// article is saved as a Save revision on top of the import's, so the original text
/// stays in the history and can be restored. One transaction: on failure nothing is
/// saved.
Result<ImportCleanup> cleanUpImportedArticle(Library& library, const QUuid& id,
                                             SpellerPool* spellers, const FixRequest& request,
                                             const Catalogue& catalogue);

/// One article of importWithCleanup().
struct CleanedImport final {
    QUuid id;
    ImportCleanup cleanup;
};

/// Imports `paths` (importIntoLibrary()) and cleans up every article imported
/// (cleanUpImportedArticle()), all in ONE transaction: on any failure, neither the
/// import nor a clean-up is saved. `copydesk-cli import --fix` and the GUI's import
/// dialog call it. Returns the articles in the order imported.
Result<QList<CleanedImport>> importWithCleanup(Library& library, const FormatRegistry& formats,
                                               const QStringList& paths,
                                               const ImportOptions& options, SpellerPool* spellers,
                                               const FixRequest& request,
                                               const Catalogue& catalogue);

} // namespace copydesk::checks
