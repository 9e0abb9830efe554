#pragma once

#include "checks/bodyscan_p.h"
#include "checks/checkcontext.h"
#include "checks/finding.h"

#include <QList>
#include <QString>

#include <initializer_list>
#include <vector>

namespace copydesk {
class Speller;
}

// What a check works on and reports through: shared by the checks of this module and
// by the modules that add checks to the Catalogue (app/translation).
namespace copydesk::checks {

/// Offsets to line:column in O(log n), for texts with many findings.
class LineIndex final {
public:
    explicit LineIndex(const QString& text);
    SourcePosition at(int offset) const;
    /// Offset of the start of the line holding `offset`, and of the next line.
    int lineStart(int offset) const;
    int nextLineStart(int offset) const;

private:
    std::vector<int> m_starts;
    int m_size = 0;
};

/// One field's text, scanned once and shared by all checks on it. Keeps a reference
/// to `text`, which must outlive it.
struct FieldText final {
    /// `parsed`: for a body, its parse when it is made already.
    FieldText(const QString& text, Field field, const QString& language,
              const markdown::Document* parsed = nullptr);
    const QString& text;
    Field field;
    QString language;
    bool cjk = false; ///< written in Chinese, Japanese or Korean (by the language tag)
    detail::Scan scan;
    LineIndex lines;
};

/// Collects findings for one field, dropping those of checks not asked for.
class Sink final {
public:
    Sink(const FieldText& field, const CheckContext& context, QList<Finding>& out)
        : m_field(field)
        , m_context(context)
        , m_out(out) {}
    bool enabled(const char* checkId) const;
    /// Whether any of `checkIds` is asked for: a group of checks that reports none of
    /// them is not run.
    bool enabledAny(std::initializer_list<const char*> checkIds) const;
    Finding& add(const char* checkId, Severity severity, int start, int end,
                 const QString& message);
    /// The edit that removes a whole block (with its line, list marker and one of
    /// the blank lines around it).
    TextEdit removeBlock(const detail::Block& block) const;
    const FieldText& field() const { return m_field; }
    const CheckContext& context() const { return m_context; }

private:
    const FieldText& m_field;
    const CheckContext& m_context;
    QList<Finding>& m_out;
};

/// Letters and combining marks (Arabic vowel signs) make up words.
inline bool isWordChar(QChar c) {
    return c.isLetter() || c.isMark();
}

} // namespace copydesk::checks
