#include "checks/fixes.h"

#include <algorithm>

namespace copydesk::checks {

QString applyEdits(const QString& text, QList<TextEdit> edits) {
    std::stable_sort(edits.begin(), edits.end(),
                     [](const TextEdit& a, const TextEdit& b) { return a.offset < b.offset; });
    QString result;
    result.reserve(text.size());
    int pos = 0;
    for (const TextEdit& e : std::as_const(edits)) {
        if (e.offset < pos || e.offset + e.length > text.size())
            continue; // overlaps an edit already made, or out of range
        result.append(QStringView(text).mid(pos, e.offset - pos));
        result.append(e.replacement);
        pos = e.offset + e.length;
    }
    result.append(QStringView(text).mid(pos));
    return result;
}

FixResult applyFixes(const QString& text, const QList<Finding>& findings) {
    FixResult result;
    QList<TextEdit> edits;
    // Spans already taken, to refuse fixes that touch one another.
    QList<std::pair<int, int>> taken;
    for (const Finding& f : findings) {
        if (!f.fix || f.fix->edits.isEmpty()) {
            result.skipped.append(f);
            continue;
        }
        bool clash = false;
        for (const TextEdit& e : f.fix->edits) {
            for (const auto& [from, to] : std::as_const(taken)) {
                const bool inside = e.offset < to && e.offset + e.length > from;
                const bool sameInsert = e.length == 0 && e.offset >= from && e.offset <= to;
                const bool touches =
                    (to == from) && e.offset <= from && from <= e.offset + e.length;
                clash = clash || inside || sameInsert || touches;
            }
            clash = clash || e.offset < 0 || e.offset + e.length > text.size();
        }
        if (clash) {
            result.skipped.append(f);
            continue;
        }
        for (const TextEdit& e : f.fix->edits) {
            taken.append({e.offset, e.offset + e.length});
            edits.append(e);
        }
        result.applied.append(f);
    }
    result.text = applyEdits(text, edits);
    return result;
}

} // namespace copydesk::checks
