#pragma once

#include <QList>
#include <QString>
#include <QTextBlockUserData>

#include <array>
#include <utility>

namespace copydesk {

/// An underline drawn over a block's Markdown formats: a misspelt word, or the range
/// of an editorial check's finding. Offsets are in the block's text.
struct TextMark final {
    enum class Kind : quint8 { Misspelling, Info, Warning, Error };
    int start = 0;
    int length = 0;
    Kind kind = Kind::Misspelling;
    bool operator==(const TextMark&) const = default;
};

/// Who set a mark: each layer is replaced as a whole by its owner.
enum class MarkLayer : quint8 { Spelling, Findings };

/// A span of a block's text, [first, second).
using TextSpan = std::pair<int, int>;

/// What a block carries besides its text: its marks, and what the spell checker last
/// checked in it (so that only changed blocks are checked again). Kept as the block's
/// user data, so that it moves with the block when lines are added or removed above.
class BlockMarks final : public QTextBlockUserData {
public:
    std::array<QList<TextMark>, 2> layers;
    /// The text and prose spans the Spelling layer was computed for.
    QString spellText;
    QList<TextSpan> spellProse;
    bool spellChecked = false;

    const QList<TextMark>& layer(MarkLayer l) const { return layers[size_t(l)]; }
    QList<TextMark>& layer(MarkLayer l) { return layers[size_t(l)]; }
};

} // namespace copydesk
