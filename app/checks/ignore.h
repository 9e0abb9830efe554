#pragma once

#include "article/article.h"
#include "checks/checkcontext.h"
#include "checks/finding.h"
#include "common/result.h"

#include <QList>
#include <QString>

#include <functional>

namespace copydesk {
class Library;
}

namespace copydesk::checks {

/// What ignoreFindings() did.
struct IgnoreOutcome final {
    enum class Status {
        Added,          ///< the findings in `added` are now on the article's ignore list
        AlreadyIgnored, ///< what `matches` names is on the list already; nothing written
        NoSuchFinding,  ///< the checks find nothing that `matches`; nothing written
    };
    Status status = Status::NoSuchFinding;
    QList<IgnoredFinding> added;
};

/// "Don't report this again" for `article` in `library`: runs the checks of `context`
/// (its ignore list is replaced by the article's stored one), and adds every finding
/// that `matches` to the article's ignore list with `reason`. One transaction: the
/// stored list is read and written inside it, so that two desks ignoring at once do not
/// drop each other's entries. The CLI (`check --ignore`) and the checklist panel call it.
Result<IgnoreOutcome> ignoreFindings(Library& library, const Article& article,
                                     const CheckContext& context,
                                     const std::function<bool(const Finding&)>& matches,
                                     const QString& reason);

} // namespace copydesk::checks
