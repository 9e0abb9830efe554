#pragma once

#include "common/result.h"
#include "library/library.h"
#include "tags/tags.h"

#include <QByteArray>
#include <QString>

/// Sharing a vocabulary between libraries: every term with all its labels (and, for
/// categories, its parent), as CSV or JSON.
///
/// CSV (RFC 4180, UTF-8, a header row): `slug,parent,en,fr,...` for categories and
/// `slug,en,fr,...` for tags: one column per language that has a label, an empty cell
/// for a language without one. JSON: {"format": "copydesk-vocabulary", "vocabulary":
/// "tags", "terms": [{"slug": ..., "parent": ..., "labels": {"en": ...}}]}.
namespace copydesk::tags {

enum class ExchangeFormat { Csv, Json };

/// The format a file name says (.csv, .json), or nullopt.
std::optional<ExchangeFormat> formatForFile(const QString& fileName);

/// The whole vocabulary, sorted by slug; the same library gives the same bytes.
Result<QByteArray> exportVocabulary(const Library& library, Vocabulary vocabulary,
                                    ExchangeFormat format);

struct ImportSummary final {
    int created = 0;       ///< terms that were not in the library
    int labelsChanged = 0; ///< labels added or changed (empty cells change nothing)
    int moved = 0;         ///< categories given another parent
};

/// Adds the terms of `data` to the library and sets their labels and parents, all or
/// nothing: a malformed row (a bad slug or label, an unknown language in the header, a
/// wrong number of cells, an unclosed quote, a parent found nowhere, a cycle) fails
/// with "FILE:LINE: problem" and imports nothing. Terms already there keep what the
/// file does not say. `fileName` names the source in messages.
Result<ImportSummary> importVocabulary(Library& library, Vocabulary vocabulary,
                                       const QByteArray& data, ExchangeFormat format,
                                       const QString& fileName);

} // namespace copydesk::tags
