#pragma once

#include "checks/finding.h"

#include <QList>
#include <QString>

#include <functional>

namespace copydesk {
struct LanguageVersion;
}

namespace copydesk::checks {

struct CheckContext;

/// One kind of check, for the panel's filter and `copydesk-cli check --only`.
struct CheckInfo final {
    QString id;
    Severity severity; ///< the usual severity; some findings of a check are milder
    QString title;     ///< translated
};

/// A check that compares a translation with the version it was made from and appends
/// its findings to `out` (through a Sink, which honours context.onlyChecks).
using VersionComparison =
    std::function<void(const LanguageVersion& source, const LanguageVersion& version,
                       const CheckContext& context, QList<Finding>& out)>;

/// The checks a run knows: the ones of this module, and those that modules built on it
/// add (app/translation adds its comparisons across language versions). A plain value
/// handed in with the CheckContext, so that no module has to know the ones above it
/// and there is no global registry.
class Catalogue final {
public:
    /// The checks of app/checks: text, structure, lengths and missing fields.
    static Catalogue builtIn();

    /// Adds a check id. `context` and `title` are the untranslated source of its title
    /// (QT_TRANSLATE_NOOP), looked up when the catalogue is listed.
    void add(const char* id, Severity severity, const char* context, const char* title);
    /// Adds a comparison across versions; its check ids are added with add().
    void addComparison(VersionComparison comparison);

    /// Every check, in the order added, with its translated title.
    QList<CheckInfo> checks() const;
    bool contains(QStringView id) const;
    const QList<VersionComparison>& comparisons() const { return m_comparisons; }

private:
    struct Entry final {
        const char* id;
        Severity severity;
        const char* context;
        const char* title;
    };
    QList<Entry> m_entries;
    QList<VersionComparison> m_comparisons;
};

} // namespace copydesk::checks
