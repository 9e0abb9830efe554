#include "checks/checks.h"
#include "checks/ignore.h"
#include "library/library.h"

#include <algorithm>

namespace copydesk::checks {

Result<IgnoreOutcome> ignoreFindings(Library& library, const Article& article,
                                     const CheckContext& base,
                                     const std::function<bool(const Finding&)>& matches,
                                     const QString& reason) {
    IgnoreOutcome outcome;
    const QString key = ignoreListSettingKey(article.id);
    const Result<void> done = library.transaction([&]() -> Result<void> {
        const auto stored = library.setting(key);
        if (!stored)
            return stored.failure();
        QList<IgnoredFinding> ignored = ignoreListFromJson(*stored);
        CheckContext context = base;
        context.ignored = ignored;
        const QList<Finding> findings = runChecks(article, context);
        for (const Finding& f : findings) {
            if (matches(f))
                outcome.added.append(IgnoredFinding::fromFinding(f, reason));
        }
        if (outcome.added.isEmpty()) {
            context.ignored.clear();
            const QList<Finding> all = runChecks(article, context);
            outcome.status = std::any_of(all.begin(), all.end(), matches)
                                 ? IgnoreOutcome::Status::AlreadyIgnored
                                 : IgnoreOutcome::Status::NoSuchFinding;
            return {};
        }
        outcome.status = IgnoreOutcome::Status::Added;
        ignored.append(outcome.added);
        return library.setSetting(key, ignoreListToJson(ignored));
    });
    if (!done)
        return done.failure();
    return outcome;
}

} // namespace copydesk::checks
