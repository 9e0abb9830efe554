#pragma once

#include <QString>

#include <vector>

namespace copydesk::translation::detail {

/// `text` cut at its Unicode word boundaries (QTextBoundaryFinder): words, and the
/// spaces and punctuation between them, each a piece; Chinese and Japanese one
/// character a piece. Concatenated they give `text` back.
std::vector<QString> words(const QString& text);

} // namespace copydesk::translation::detail
