#pragma once

#include "article/article.h"
#include "common/result.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace copydesk {

/// What a text field of an article may hold.
enum class FieldLines {
    One,  ///< shown on one line everywhere (lists, terminals, feeds, file names): a title
    Many, ///< a summary or description: line breaks and tabs, but no other control
};

/// THE rule for control characters in an article's metadata, applied wherever such a
/// field enters (front matter, `new`, an import, every Library::save, so the GUI too):
/// a one-line field (title, SEO title, byline, dateline place, featured image, tags,
/// categories) holds no control character at all (C0, DEL, C1: escape sequences,
/// BEL, NUL, line breaks); a many-line field (summary, SEO description) none but line
/// breaks and tabs. The body is Markdown text and is not checked here. The problem as
/// one phrase ("it contains a control character (U+001B)"), or nothing.
std::optional<QString> fieldProblem(QStringView text, FieldLines lines);

/// fieldProblem() over every metadata field of `article`: an InvalidInput error naming
/// the field (and the version's language) and the problem, as a phrase for the caller
/// to prefix with the file or article: "title (fr): it contains a control character
/// (U+001B)".
Result<void> validateFields(const Article& article);

} // namespace copydesk
