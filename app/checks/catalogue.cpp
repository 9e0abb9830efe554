#include "checks/catalogue.h"

#include <QCoreApplication>

#include <algorithm>

namespace copydesk::checks {

namespace {

struct BuiltIn final {
    const char* id;
    Severity severity;
    const char* title;
};

constexpr BuiltIn kBuiltIn[] = {
    {"duplicate-paragraph", Severity::Error, QT_TRANSLATE_NOOP("Checks", "Repeated paragraphs")},
    {"boilerplate", Severity::Warning,
     QT_TRANSLATE_NOOP("Checks", "Left-over web and e-mail text")},
    {"punctuation-line", Severity::Warning,
     QT_TRANSLATE_NOOP("Checks", "Lines of punctuation only")},
    {"glued-words", Severity::Warning, QT_TRANSLATE_NOOP("Checks", "Words run together")},
    {"missing-space", Severity::Warning,
     QT_TRANSLATE_NOOP("Checks", "Missing space after punctuation")},
    {"truncated", Severity::Error, QT_TRANSLATE_NOOP("Checks", "Text cut off")},
    {"repeated-word", Severity::Warning, QT_TRANSLATE_NOOP("Checks", "Repeated words")},
    {"double-space", Severity::Info, QT_TRANSLATE_NOOP("Checks", "Several spaces in a row")},
    {"unbalanced", Severity::Warning,
     QT_TRANSLATE_NOOP("Checks", "Unbalanced quotation marks and brackets")},
    {"quotes", Severity::Warning,
     QT_TRANSLATE_NOOP("Checks", "Quotation marks of another language")},
    {"fullwidth-punctuation", Severity::Warning,
     QT_TRANSLATE_NOOP("Checks", "Half-width punctuation in Chinese")},
    {"missing-title", Severity::Error, QT_TRANSLATE_NOOP("Checks", "Missing title")},
    {"missing-body", Severity::Error, QT_TRANSLATE_NOOP("Checks", "Missing body")},
    {"missing-summary", Severity::Warning, QT_TRANSLATE_NOOP("Checks", "Missing summary")},
    {"missing-seo-description", Severity::Warning,
     QT_TRANSLATE_NOOP("Checks", "Missing SEO description")},
    {"title-length", Severity::Warning, QT_TRANSLATE_NOOP("Checks", "Headline length")},
    {"summary-length", Severity::Warning, QT_TRANSLATE_NOOP("Checks", "Summary length")},
    {"seo-length", Severity::Warning,
     QT_TRANSLATE_NOOP("Checks", "SEO title and description length")},
    {"featured-image-alt", Severity::Warning,
     QT_TRANSLATE_NOOP("Checks", "Featured image without alternative text")},
    {"image-alt", Severity::Warning,
     QT_TRANSLATE_NOOP("Checks", "Images without alternative text")},
    {"link-text", Severity::Warning, QT_TRANSLATE_NOOP("Checks", "Links reading “here”")},
    {"heading-level", Severity::Warning, QT_TRANSLATE_NOOP("Checks", "Headings that skip a level")},
    {"tables-as-text", Severity::Info,
     QT_TRANSLATE_NOOP("Checks", "Tables too wide to be shown as tables")},
};

} // namespace

Catalogue Catalogue::builtIn() {
    Catalogue catalogue;
    for (const BuiltIn& b : kBuiltIn)
        catalogue.add(b.id, b.severity, "Checks", b.title);
    return catalogue;
}

void Catalogue::add(const char* id, Severity severity, const char* context, const char* title) {
    m_entries.append(Entry{id, severity, context, title});
}

void Catalogue::addComparison(VersionComparison comparison) {
    m_comparisons.append(std::move(comparison));
}

QList<CheckInfo> Catalogue::checks() const {
    QList<CheckInfo> list;
    list.reserve(m_entries.size());
    for (const Entry& e : m_entries) {
        list.append(CheckInfo{QString::fromLatin1(e.id), e.severity,
                              QCoreApplication::translate(e.context, e.title)});
    }
    return list;
}

bool Catalogue::contains(QStringView id) const {
    return std::any_of(m_entries.begin(), m_entries.end(),
                       [id](const Entry& e) { return id == QLatin1String(e.id); });
}

} // namespace copydesk::checks
