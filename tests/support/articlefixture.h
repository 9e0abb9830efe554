#pragma once

#include "article/article.h"

#include <QString>

namespace copydesk::test {

/// An article in `source` with one translation, as the document and desk tests edit
/// it: the source version is `source`, the translation is appended after it.
inline Article articleWithTranslation(const QString& source, const QString& title,
                                      const QString& body, const QString& language,
                                      const QString& translatedTitle,
                                      const QString& translatedBody) {
    Article a = makeArticle(source, title);
    a.sourceLanguage = source;
    a.versions[0].body = body;
    LanguageVersion translation;
    translation.language = language;
    translation.title = translatedTitle;
    translation.body = translatedBody;
    a.versions.append(translation);
    return a;
}

} // namespace copydesk::test
