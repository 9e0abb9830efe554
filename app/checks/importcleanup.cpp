#include "checks/importcleanup.h"

#include "checks/checks.h"

#include <QCoreApplication>

namespace copydesk::checks {

namespace {

// Each pass can only unblock fixes that overlapped one applied in the pass before;
// three passes cover every case seen in the samples and bound a fix that keeps
// producing the finding it fixes.
constexpr int kMaxPasses = 3;

QString* fieldText(LanguageVersion& version, Field field) {
    switch (field) {
    case Field::Title:
        return &version.title;
    case Field::Summary:
        return &version.summary;
    case Field::Body:
        return &version.body;
    case Field::SeoTitle:
        return &version.seoTitle;
    case Field::SeoDescription:
        return &version.seoDescription;
    case Field::FeaturedImage:
        break;
    }
    return nullptr;
}

QString describeFix(const Finding& f) {
    return QCoreApplication::translate("Checks", "[%1] %2 %3 %4: %5")
        .arg(f.language, fieldId(f.field), formatRange(f.range), f.checkId,
             f.fix ? f.fix->description : f.message);
}

} // namespace

bool FixRequest::wants(const Finding& finding) const {
    if (!finding.fix || finding.fix->edits.isEmpty())
        return false;
    return (safe && finding.safeFix) || checkIds.contains(finding.checkId);
}

QString ImportCleanup::revisionNote() const {
    QStringList ids;
    for (const Finding& f : applied) {
        if (!ids.contains(f.checkId))
            ids.append(f.checkId);
    }
    // Spelled out rather than "%n fix(es)": notes are shown as they are stored, also
    // where no translation with plural forms is loaded.
    if (applied.size() == 1) {
        return QCoreApplication::translate("Checks", "cleanup: 1 fix (%1)")
            .arg(ids.join(QStringLiteral(", ")));
    }
    return QCoreApplication::translate("Checks", "cleanup: %1 fixes (%2)")
        .arg(applied.size())
        .arg(ids.join(QStringLiteral(", ")));
}

ImportCleanup cleanImportedArticle(const Article& article, const CheckContext& context,
                                   const FixRequest& request) {
    ImportCleanup result;
    result.cleaned = article;
    result.findings = runChecks(article, context);
    result.remaining = result.findings;
    if (request.isEmpty())
        return result;

    for (int pass = 0; pass < kMaxPasses; ++pass) {
        // runChecks() sorts by language, field and position: one run per field.
        bool appliedAny = false;
        const QList<Finding>& current = result.remaining;
        for (qsizetype i = 0; i < current.size();) {
            qsizetype end = i;
            QList<Finding> wanted;
            while (end < current.size() && current[end].language == current[i].language &&
                   current[end].field == current[i].field) {
                if (request.wants(current[end]))
                    wanted.append(current[end]);
                ++end;
            }
            LanguageVersion* version = result.cleaned.version(current[i].language);
            QString* text = version ? fieldText(*version, current[i].field) : nullptr;
            i = end;
            if (!text || wanted.isEmpty())
                continue;
            const FixResult fixed = applyFixes(*text, wanted);
            if (fixed.applied.isEmpty() || fixed.text == *text)
                continue;
            *text = fixed.text;
            appliedAny = true;
            for (const Finding& f : fixed.applied) {
                result.appliedFixes.append(describeFix(f));
                result.applied.append(f);
            }
        }
        if (!appliedAny)
            break;
        result.remaining = runChecks(result.cleaned, context);
    }
    return result;
}

} // namespace copydesk::checks
