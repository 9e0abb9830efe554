// Kept apart from checks.cpp so that users of the checks that have no library do not
// pull the library code into their link.
#include "checks/checks.h"
#include "interchange/sitepage.h"
#include "library/library.h"

namespace copydesk::checks {

Result<CheckContext> contextFromLibrary(const Library& library, const QUuid& articleId,
                                        SpellerPool* spellers) {
    CheckContext context;
    const auto boilerplate = library.setting(boilerplateSettingKey());
    if (!boilerplate)
        return boilerplate.failure();
    if (!boilerplate->isEmpty())
        context.boilerplate = boilerplate->split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const auto quotes = library.setting(quotationMarksSettingKey());
    if (!quotes)
        return quotes.failure();
    if (!quotes->isEmpty())
        context.quotationMarks = quotes->split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const auto allowList = library.setting(allowListSettingKey());
    if (!allowList)
        return allowList.failure();
    context.allowList = allowList->split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (!articleId.isNull()) {
        const auto ignored = library.setting(ignoreListSettingKey(articleId));
        if (!ignored)
            return ignored.failure();
        context.ignored = ignoreListFromJson(*ignored);
    }
    context.spellers = spellers;
    context.altText = [&library](const QString& media,
                                 const QString& language) -> std::optional<QString> {
        const auto m = library.media(media);
        if (!m)
            return std::nullopt;
        return m->altText.value(language);
    };
    context.siteSections = [&library](const LanguageVersion& page) {
        QStringList sections;
        for (const QString& folder : siteSectionFolders(page.sitePath)) {
            const auto frontMatter = library.siteSectionFrontMatter(folder, page.language);
            if (frontMatter && !frontMatter->isEmpty())
                sections.append(*frontMatter);
        }
        return sections;
    };
    return context;
}

} // namespace copydesk::checks
