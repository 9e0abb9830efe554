#include "checks/finding.h"

#include <QCoreApplication>

namespace copydesk::checks {

namespace {

struct FieldName {
    Field field;
    const char* id;
    const char* label;
};

constexpr FieldName kFields[] = {
    {Field::Title, "title", QT_TRANSLATE_NOOP("Checks", "Title")},
    {Field::Summary, "summary", QT_TRANSLATE_NOOP("Checks", "Summary")},
    {Field::Body, "body", QT_TRANSLATE_NOOP("Checks", "Body")},
    {Field::SeoTitle, "seo-title", QT_TRANSLATE_NOOP("Checks", "SEO title")},
    {Field::SeoDescription, "seo-description", QT_TRANSLATE_NOOP("Checks", "SEO description")},
    {Field::FeaturedImage, "featured-image", QT_TRANSLATE_NOOP("Checks", "Featured image")},
};

struct SeverityName {
    Severity severity;
    const char* id;
    const char* label;
};

constexpr SeverityName kSeverities[] = {
    {Severity::Info, "info", QT_TRANSLATE_NOOP("Checks", "Info")},
    {Severity::Warning, "warning", QT_TRANSLATE_NOOP("Checks", "Warning")},
    {Severity::Error, "error", QT_TRANSLATE_NOOP("Checks", "Error")},
};

} // namespace

QString severityId(Severity severity) {
    for (const auto& s : kSeverities) {
        if (s.severity == severity)
            return QString::fromLatin1(s.id);
    }
    return {};
}

std::optional<Severity> severityFromId(QStringView id) {
    for (const auto& s : kSeverities) {
        if (id == QLatin1String(s.id))
            return s.severity;
    }
    return std::nullopt;
}

QString severityLabel(Severity severity) {
    for (const auto& s : kSeverities) {
        if (s.severity == severity)
            return QCoreApplication::translate("Checks", s.label);
    }
    return {};
}

QString fieldId(Field field) {
    for (const auto& f : kFields) {
        if (f.field == field)
            return QString::fromLatin1(f.id);
    }
    return {};
}

std::optional<Field> fieldFromId(QStringView id) {
    for (const auto& f : kFields) {
        if (id == QLatin1String(f.id))
            return f.field;
    }
    return std::nullopt;
}

QString fieldLabel(Field field) {
    for (const auto& f : kFields) {
        if (f.field == field)
            return QCoreApplication::translate("Checks", f.label);
    }
    return {};
}

QString formatRange(const SourceRange& range) {
    return QStringLiteral("%1:%2-%3:%4")
        .arg(range.start.line)
        .arg(range.start.column)
        .arg(range.end.line)
        .arg(range.end.column);
}

SourcePosition positionAt(const QString& text, int offset) {
    SourcePosition pos;
    offset = std::clamp(offset, 0, int(text.size()));
    pos.offset = offset;
    int lineStart = 0;
    for (int i = 0; i < offset; ++i) {
        if (text.at(i) == QLatin1Char('\n')) {
            ++pos.line;
            lineStart = i + 1;
        }
    }
    pos.column = offset - lineStart + 1;
    return pos;
}

SourceRange rangeAt(const QString& text, int start, int end) {
    return SourceRange{positionAt(text, start), positionAt(text, end)};
}

} // namespace copydesk::checks
