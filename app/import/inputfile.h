#pragma once

#include "common/limits.h"
#include "common/result.h"

#include <QByteArray>
#include <QString>

namespace copydesk {

/// Files larger than this are refused before they are read.
inline constexpr qint64 kMaxImportFileSize = kMaxTextBytes;

/// Reads `path` for import. Fails with a one-line message naming the file when it
/// does not exist, is a folder, cannot be read or is larger than `limit` (checked
/// before reading, so a huge file costs nothing).
Result<QByteArray> readImportFile(const QString& path, qint64 limit = kMaxImportFileSize);

/// Fails with "FILE: too large" when `bytes` is over kMaxTextBytes: the check of every
/// format's read function, whoever read the bytes.
Result<void> checkTextSize(qint64 bytes, const QString& fileName);

/// Byte offset of the first byte that is not part of well-formed UTF-8 (no overlong
/// forms, no surrogates, nothing above U+10FFFF), or -1 when all of `bytes` is valid.
qsizetype invalidUtf8Offset(const QByteArray& bytes);

/// Decodes an import file as UTF-8: strips a byte-order mark, turns CRLF and lone CR
/// line ends into LF. Fails with "FILE: not valid UTF-8 (byte offset N)".
Result<QString> decodeUtf8File(const QByteArray& bytes, const QString& fileName);

/// The language tag in a Hugo-style file name, canonical ("summit.fr.md" -> "fr",
/// "index.zh-hans.md" -> "zh-Hans"), or an empty string when the part before the
/// extension is not the tag of a known language (checked by canonicalLanguageTag()).
QString languageFromFileName(const QString& fileName);

/// The file name without folder, language tag and extension ("a/summit.fr.md" ->
/// "summit"); for Hugo page bundles ("summit/index.fr.md") the folder name.
QString baseNameWithoutLanguage(const QString& fileName);

/// "FILE: message" — the shape of every import and export error.
QString fileError(const QString& fileName, const QString& message);

} // namespace copydesk
