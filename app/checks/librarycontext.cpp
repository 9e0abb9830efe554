// Kept apart from checks.cpp so that users of the checks that have no library do not
// pull the library code into their link.
#include "checks/checks.h"
#include "library/library.h"

namespace copydesk::checks {

CheckContext contextFromLibrary(const Library& library, const QUuid& articleId,
                                SpellerPool* spellers) {
    CheckContext context;
    const QString boilerplate = library.setting(boilerplateSettingKey());
    if (!boilerplate.isEmpty())
        context.boilerplate = boilerplate.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    context.allowList =
        library.setting(allowListSettingKey()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (!articleId.isNull())
        context.ignored = ignoreListFromJson(library.setting(ignoreListSettingKey(articleId)));
    context.spellers = spellers;
    context.altText = [&library](const QString& media,
                                 const QString& language) -> std::optional<QString> {
        const auto m = library.media(media);
        if (!m)
            return std::nullopt;
        return m->altText.value(language);
    };
    return context;
}

} // namespace copydesk::checks
