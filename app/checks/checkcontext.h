#pragma once

#include "checks/catalogue.h"
#include "checks/finding.h"

#include <QString>
#include <QStringList>
#include <QUuid>

#include <functional>
#include <optional>
#include <utility>

namespace copydesk {
class SpellerPool;
class Library;
struct LanguageVersion;
} // namespace copydesk

namespace copydesk::checks {

/// "Don't report this again": one finding a person looked at and dismissed. Matched by
/// check id, language and field, and then by range or, after the text moved, by the
/// text the finding covered.
struct IgnoredFinding final {
    QString checkId;
    QString language;
    Field field = Field::Body;
    int offset = 0;
    int length = 0;
    QString excerpt;
    QString reason;
    bool operator==(const IgnoredFinding&) const = default;

    bool matches(const Finding& finding) const;
    static IgnoredFinding fromFinding(const Finding& finding, const QString& reason);
};

/// Length limits, in characters. Chinese, Japanese and Korean text carries roughly
/// twice the information per character, hence the separate CJK limits.
struct LengthLimits final {
    int titleMax = 110;
    int titleMaxCjk = 45;
    int summaryMin = 40;
    int summaryMinCjk = 15;
    int summaryMax = 320;
    int summaryMaxCjk = 150;
    int seoTitleMax = 60;
    int seoTitleMaxCjk = 30;
    int seoDescriptionMax = 160;
    int seoDescriptionMaxCjk = 80;
};

/// Everything checks need besides the article: the library's editable lists, the
/// article's ignore list and the spell checkers. A default-constructed context uses
/// the built-in boilerplate list and runs no spelling-based checks.
struct CheckContext final {
    /// Lines of web and e-mail chrome, one phrase per entry, matched against whole
    /// lines after normalising case, spacing and punctuation. An entry ending in '*'
    /// matches lines that start with it.
    QStringList boilerplate = defaultBoilerplate();
    /// The quotation marks the desk writes, one entry per language: a BCP 47 tag and
    /// its pairs, outermost first, each pair as its two marks: "es «» “” ‘’". The first
    /// pair is what other double marks are changed to; every pair listed is right. A
    /// language without an entry (its own tag, else its primary language) gets CLDR's
    /// usual and inner pairs (common/unicode.h).
    QStringList quotationMarks = defaultQuotationMarks();
    /// Names and product names that glued-word checks must leave alone ("iPhone",
    /// "WhatsApp", "McDonald").
    QStringList allowList;
    QList<IgnoredFinding> ignored;
    /// Spellers for glued-word checks; nullptr skips them.
    SpellerPool* spellers = nullptr;
    /// Alt text of a library medium in a language; unset skips the featured-image
    /// check, an empty string means "no alt text".
    std::function<std::optional<QString>(const QString& media, const QString& language)> altText;
    LengthLimits limits;
    /// For a page of a site (LanguageVersion::sitePath): the front matter of the list
    /// pages of the sections above it, nearest first (siteSectionFolders()), whose
    /// cascade may keep it out of the site; unset: the page's own front matter decides.
    std::function<QStringList(const LanguageVersion& page)> siteSections;
    /// The library's translations of `sourceText` from `sourceLanguage` into
    /// `targetLanguage` (its translation memory), for the check that a text is
    /// translated alike across the library; unset: within the version only.
    std::function<QStringList(const QString& sourceLanguage, const QString& targetLanguage,
                              const QString& sourceText)>
        otherTranslations;
    /// Run only these check ids (empty: all).
    QStringList onlyChecks;
    /// The checks known to this run, with the comparisons across versions; the
    /// built-in ones skip the translation QA (app/translation adds it).
    Catalogue catalogue = Catalogue::builtIn();

    static QStringList defaultBoilerplate();
    static QStringList defaultQuotationMarks();
};

/// A pair of quotation marks: opening, closing.
using QuotePair = std::pair<QString, QString>;
/// The pairs the checks accept in `language`, outermost first, from `entries` (as
/// CheckContext::quotationMarks) or CLDR. Malformed entries are skipped. Empty for a
/// tag that is not one.
QList<QuotePair> quotationPairs(const QStringList& entries, const QString& language);

/// Where the library keeps the editable lists and per-article ignore lists (settings
/// stored in the library file).
QString boilerplateSettingKey();
QString allowListSettingKey();
/// CheckContext::quotationMarks, one entry per line; absent or empty: the defaults.
QString quotationMarksSettingKey();
QString ignoreListSettingKey(const QUuid& articleId);

QString ignoreListToJson(const QList<IgnoredFinding>& list);
QList<IgnoredFinding> ignoreListFromJson(const QString& json);

} // namespace copydesk::checks
