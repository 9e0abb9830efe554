#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace copydesk::checks {

enum class Severity { Info, Warning, Error };

/// The part of a language version a finding is about.
enum class Field { Title, Summary, Body, SeoTitle, SeoDescription, FeaturedImage };

/// Untranslated ids used in JSON, the CLI and stored ignore lists.
QString severityId(Severity severity);
std::optional<Severity> severityFromId(QStringView id);
QString severityLabel(Severity severity);
QString fieldId(Field field);
std::optional<Field> fieldFromId(QStringView id);
QString fieldLabel(Field field);

/// A place in a field's text: 1-based line and column (columns count UTF-16 code
/// units, as the editor's QTextCursor does) and the 0-based offset into the QString.
struct SourcePosition final {
    int line = 1;
    int column = 1;
    int offset = 0;
    bool operator==(const SourcePosition&) const = default;
};

/// A half-open span [start, end) of a field's text. Empty (start == end) for
/// findings about something missing; they point where it would go.
struct SourceRange final {
    SourcePosition start;
    SourcePosition end;
    bool operator==(const SourceRange&) const = default;
    int length() const { return end.offset - start.offset; }
};

/// One replacement in a field's text. Edits of one fix never overlap; offsets refer
/// to the text the checks ran on.
struct TextEdit final {
    int offset = 0;
    int length = 0;
    QString replacement;
    bool operator==(const TextEdit&) const = default;
};

/// A proposed correction, as edits so that the editor can apply them as one undo step.
struct Fix final {
    QString description; ///< translated, e.g. "Remove the repeated paragraph"
    QList<TextEdit> edits;
    bool operator==(const Fix&) const = default;
};

/// What one check found in one field of one language version.
struct Finding final {
    QString checkId; ///< stable, e.g. "duplicate-paragraph"
    Severity severity = Severity::Warning;
    QString language; ///< BCP 47 tag of the version
    Field field = Field::Body;
    SourceRange range;
    QString excerpt; ///< the text covered by `range` (shortened), for lists and ignore matching
    QString message; ///< translated, one line
    std::optional<Fix> fix;
    /// Whether `fix` can be applied without a human looking at it (import --fix-safe).
    bool safeFix = false;
    bool operator==(const Finding&) const = default;
};

/// "title 3:14-3:20" style location for messages and the CLI.
QString formatRange(const SourceRange& range);

/// The position of `offset` in `text` (lines split at \n; \r before \n is ignored).
SourcePosition positionAt(const QString& text, int offset);
SourceRange rangeAt(const QString& text, int start, int end);

} // namespace copydesk::checks

Q_DECLARE_METATYPE(copydesk::checks::Finding)
