#pragma once

#include "checks/finding.h"

#include <QList>
#include <QString>

// The fix engine: fixes are text edits, applied here for the CLI's clean-up and
// tests, and by the editor as one undo step.
namespace copydesk::checks {

/// The result of applying fixes to one text.
struct FixResult final {
    QString text;
    QList<Finding> applied;
    QList<Finding> skipped; ///< without a fix, or overlapping a fix applied before
};

/// Applies `edits` to `text` (offsets refer to the original text). Edits must not
/// overlap; overlapping ones after the first are dropped. Returns the new text.
QString applyEdits(const QString& text, QList<TextEdit> edits);

/// Applies the fixes of `findings` (all on the one field whose text is `text`);
/// fixes overlapping an earlier one are skipped, as a fix on changed text could break
/// it (run the checks again to get them).
FixResult applyFixes(const QString& text, const QList<Finding>& findings);

} // namespace copydesk::checks
