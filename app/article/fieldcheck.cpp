#include "article/fieldcheck.h"

#include <QCoreApplication>

namespace copydesk {

std::optional<QString> fieldProblem(QStringView text, FieldLines lines) {
    for (const char32_t c : text.toUcs4()) {
        if (QChar::category(c) != QChar::Other_Control)
            continue;
        if (lines == FieldLines::Many && (c == u'\n' || c == u'\r' || c == u'\t'))
            continue;
        return QCoreApplication::translate("Article", "it contains a control character (%1)")
            .arg(QStringLiteral("U+%1").arg(uint(c), 4, 16, QLatin1Char('0')).toUpper());
    }
    return std::nullopt;
}

Result<void> validateFields(const Article& article) {
    const auto check = [](const QString& field, const QString& text,
                          FieldLines lines) -> Result<void> {
        if (auto problem = fieldProblem(text, lines))
            return Error{QCoreApplication::translate("Article", "%1: %2").arg(field, *problem),
                         ErrorKind::InvalidInput};
        return {};
    };
    const auto one = FieldLines::One;
    for (const auto& [name, text] :
         {std::pair{QCoreApplication::translate("Article", "byline"), article.byline},
          std::pair{QCoreApplication::translate("Article", "dateline place"),
                    article.dateline.place},
          std::pair{QCoreApplication::translate("Article", "featured image"),
                    article.featuredImage}}) {
        if (auto ok = check(name, text, one); !ok)
            return ok;
    }
    for (const QString& tag : article.tags) {
        if (auto ok = check(QCoreApplication::translate("Article", "tag"), tag, one); !ok)
            return ok;
    }
    for (const QString& category : article.categories) {
        if (auto ok = check(QCoreApplication::translate("Article", "category"), category, one); !ok)
            return ok;
    }
    for (const LanguageVersion& v : article.versions) {
        const auto field = [&](const char* name) {
            return QCoreApplication::translate("Article", "%1 (%2)")
                .arg(QCoreApplication::translate("Article", name), v.language);
        };
        if (auto ok = check(field(QT_TRANSLATE_NOOP("Article", "title")), v.title, one); !ok)
            return ok;
        if (auto ok = check(field(QT_TRANSLATE_NOOP("Article", "SEO title")), v.seoTitle, one); !ok)
            return ok;
        if (auto ok =
                check(field(QT_TRANSLATE_NOOP("Article", "summary")), v.summary, FieldLines::Many);
            !ok)
            return ok;
        if (auto ok = check(field(QT_TRANSLATE_NOOP("Article", "SEO description")),
                            v.seoDescription, FieldLines::Many);
            !ok)
            return ok;
    }
    return {};
}

} // namespace copydesk
