#pragma once

// Which character encoding an HTML file is in, as the HTML import decides it.
// Internal to app/import.

#include "common/result.h"

#include <QByteArray>
#include <QString>

namespace copydesk::html_import {

/// The encoding named by a <meta charset> (or http-equiv Content-Type) or an XML
/// declaration near the start of the file, lower case; empty when none is.
QString declaredEncoding(const QByteArray& bytes);

/// The encoding libxml2 is to read `bytes` in: empty when a byte-order mark says it,
/// else the declared one (Latin-1 and ASCII labels meaning windows-1252, as browsers
/// have it), else UTF-8, which the bytes must then be. Fails for an encoding libxml2
/// does not have and for invalid UTF-8.
Result<QByteArray> htmlEncoding(const QByteArray& bytes, const QString& fileName);

} // namespace copydesk::html_import
