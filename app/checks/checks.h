#pragma once

#include "article/article.h"
#include "checks/checkcontext.h"
#include "checks/finding.h"
#include "common/result.h"

#include <QList>
#include <QString>

namespace copydesk {
class Library;
}

/// Editorial checks run before anything leaves the desk: on import of pasted text, in
/// the editor's checklist panel, and as the gate of export and publish. Every check has
/// a stable id (see checkCatalogue()); findings carry the field, the source range and,
/// where one is obvious, a fix described as text edits.
namespace copydesk::checks {

/// One kind of check, for the panel's filter and `copydesk-cli check --id`.
struct CheckInfo final {
    QString id;
    Severity severity; ///< the usual severity; some findings of a check are milder
    QString title;     ///< translated
};

QList<CheckInfo> checkCatalogue();
bool isKnownCheck(QStringView id);

/// All checks on every version of `article`, minus the ignored findings, sorted by
/// language, field and position.
QList<Finding> runChecks(const Article& article, const CheckContext& context);

/// The checks on one version (its own fields plus the comparisons with the source
/// version of `article` when it is a translation).
QList<Finding> checkVersion(const Article& article, const LanguageVersion& version,
                            const CheckContext& context);

/// The text checks on one field's text, e.g. the editor's current body or pasted text
/// before it becomes an article. `field` Body means Markdown; the others plain text.
QList<Finding> checkText(const QString& text, Field field, const QString& language,
                         const CheckContext& context);

/// Whether any finding is an error (the gate of export, publish and `check`).
bool hasErrors(const QList<Finding>& findings);

/// The result of applying fixes to one text.
struct FixResult final {
    QString text;
    QList<Finding> applied;
    QList<Finding> skipped; ///< without a fix, or overlapping a fix applied before
};

/// Applies `edits` to `text` (offsets refer to the original text). Edits must not
/// overlap; overlapping ones after the first are dropped. Returns the new text.
QString applyEdits(const QString& text, QList<TextEdit> edits);

/// Applies the fixes of `findings` that concern `field` and `language` to `text`;
/// fixes overlapping an earlier one are skipped, as a fix on changed text could break
/// it (run the checks again to get them).
FixResult applyFixes(const QString& text, const QList<Finding>& findings);

/// The context for `articleId` in `library`: its editable boilerplate and allow lists
/// and the article's ignore list; an error when the library cannot be read.
Result<CheckContext> contextFromLibrary(const Library& library, const QUuid& articleId,
                                        SpellerPool* spellers);

} // namespace copydesk::checks
