#pragma once

#include "article/article.h"
#include "checks/catalogue.h"
#include "checks/checkcontext.h"
#include "checks/finding.h"
#include "checks/fixes.h"
#include "common/result.h"

#include <QList>
#include <QString>

namespace copydesk {
class Library;
namespace markdown {
class Document;
}
} // namespace copydesk

/// Editorial checks run before anything leaves the desk: on import of pasted text, in
/// the editor's checklist panel, and as the gate of export and publish. Every check has
/// a stable id (see Catalogue); findings carry the field, the source range and, where
/// one is obvious, a fix described as text edits (fixes.h). This header is the runner.
namespace copydesk::checks {

/// All checks on every version of `article`, minus the ignored findings, sorted by
/// language, field and position.
QList<Finding> runChecks(const Article& article, const CheckContext& context);

/// The checks on one version: its own fields, plus the comparisons of the context's
/// catalogue with the source version of `article` when it is a translation. `body`,
/// when given, is the parse of the version's body, made already (the export's).
QList<Finding> checkVersion(const Article& article, const LanguageVersion& version,
                            const CheckContext& context, const markdown::Document* body = nullptr);

/// The text checks on one field's text, e.g. the editor's current body or pasted text
/// before it becomes an article. `field` Body means Markdown; the others plain text.
QList<Finding> checkText(const QString& text, Field field, const QString& language,
                         const CheckContext& context);

/// Whether any finding is an error (the gate of export, publish and `check`).
bool hasErrors(const QList<Finding>& findings);

/// The context for `articleId` in `library`: its editable boilerplate and allow lists
/// and the article's ignore list, with the built-in catalogue (callers that run the
/// translation QA too set context.catalogue); an error when the library cannot be read.
Result<CheckContext> contextFromLibrary(const Library& library, const QUuid& articleId,
                                        SpellerPool* spellers);

} // namespace copydesk::checks
