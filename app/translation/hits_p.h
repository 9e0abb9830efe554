#pragma once

#include "checks/fieldtext.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

// Internal to app/translation: what the version comparisons find in a field.
namespace copydesk::translation::detail {

/// The translation context of the QA's messages: call it as `TranslationQa::tr()`.
struct TranslationQa final {
    Q_DECLARE_TR_FUNCTIONS(TranslationQa)
};

// Numbers with their digits in any script, thousands separators removed: "1,500",
// "1 500", "1.500" and "١٬٥٠٠" are all "1500"; "2,5" and "2.5" are "2.5".
struct NumberHit {
    QString value;
    checks::Field field;
    int start;
    int end;
};

void collectNumbers(const checks::FieldText& field, QList<NumberHit>& out); // numbers.cpp

// Dates written with a month name, as "MM-DD" (or "YYYY-MM" without a day), so that
// "12 March", "March 12", "12 mars", "12 de marzo", "12 марта", "12 آذار" and
// "3月12日" compare equal. Their numbers are left out of the number comparison, which
// would otherwise see "10" in "2024年10月12日" and not in "12 October 2024".
struct DateHit {
    QString value; ///< month-day, or year-month when there is no day
    checks::Field field;
    int start;
    int end;
    int year = 0; ///< 0 when the text gives none
};

void collectDates(const checks::FieldText& field, QList<DateHit>& out); // dates.cpp

/// A link target reduced for comparison: host without "www.", path without language
/// segments.
/// A link target for comparing versions: host without "www.", path without the site's
/// language prefix (a first segment naming one of `languages`), fragment kept.
QString normalizedUrl(const QString& url, const QStringList& languages); // versionqa.cpp
/// The ids of a body's headings (written "{#id}", else made from the text as Hugo and
/// GitHub make them) with each heading's index.
QHash<QString, int> headingAnchors(const checks::FieldText& body); // versionqa.cpp
/// The key a link is compared by: "\x1Fheading:N" for a link to the N-th heading of
/// the page whose id the other version's headings lack, else normalizedUrl().
inline const QString kHeadingKey = QStringLiteral("\x1Fheading:");
QString linkKey(const QString& url, const QStringList& languages,
                const QHash<QString, int>& anchors,
                const QHash<QString, int>& otherAnchors); // versionqa.cpp
/// Whether two normalised targets are the same page, a relative one matching an
/// absolute one that it ends.
bool sameTarget(const QString& a, const QString& b); // versionqa.cpp

} // namespace copydesk::translation::detail
