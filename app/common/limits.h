#pragma once

#include <QtGlobal>

namespace copydesk {

/// The one size limit for text entering Copydesk, however it enters (import, a body
/// file, standard input, the editor, a library save), in UTF-8 bytes. Articles are text
/// written by people: ten times the longest real report seen, and a bigger input is
/// almost certainly the wrong file. Checked before reading where the size is known, and
/// while reading where it is not (pipes, /dev/zero).
inline constexpr qint64 kMaxTextBytes = 20 * 1024 * 1024;

} // namespace copydesk
