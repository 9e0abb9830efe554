#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace copydesk {

/// Editorial workflow state, of an article and of each language version.
/// The workflow runs Draft -> InReview -> Ready -> Published; Archived is reachable
/// from every state, and any state can go back to Draft.
enum class Status { Draft, InReview, Ready, Published, Archived };

/// Stable, untranslated identifier used in the library, front matter and the CLI
/// ("draft", "in-review", "ready", "published", "archived").
QString statusId(Status status);
std::optional<Status> statusFromId(QStringView id);
/// Translated name for display.
QString statusLabel(Status status);
/// The workflow: draft -> in review -> ready -> published, back one step from ready or
/// published to in review, to draft from anything but published, to archived from
/// anything; out of the archive only to draft.
bool canTransition(Status from, Status to);

struct Dateline final {
    QString place;
    QDate date;
    bool operator==(const Dateline&) const = default;
};

/// One language of an article. `language` is a BCP 47 tag (en, fr, ar, zh-Hans, …).
struct LanguageVersion final {
    QString language;
    QString title;
    QString summary;
    QString body; ///< Markdown
    QString seoTitle;
    QString seoDescription;
    Status status = Status::Draft;
    QDateTime created;
    QDateTime updated;

    /// For a translation: the language it was translated from, the revision of that
    /// source version, and one fingerprint per source paragraph at that time, so that
    /// paragraphs changed since are known to be stale. Empty for an original.
    QString translatedFrom;
    qint64 sourceRevision = 0;
    QStringList sourceFingerprints;

    /// The version's own byline where it differs from the article's (a Ukrainian
    /// version signed in Cyrillic); empty: the article's.
    QString byline;
    /// For a version imported from a site (Hugo, Jekyll): the file's path in the
    /// site's content folder ("en/docs/intro.md", "_posts/2014-05-06-x.markdown") and
    /// its front matter exactly as written, from the opening "---", "+++" or "{" to
    /// where the body starts (keys Copydesk does not know, and their syntax and order,
    /// included), so that an export to the site writes the page back as it was and
    /// adds nothing. Empty for other versions.
    QString sitePath;
    QString siteFrontMatter;

    bool operator==(const LanguageVersion&) const = default;
};

/// A news item: shared metadata plus one or more language versions.
struct Article final {
    QUuid id;
    QString slug;
    Status status = Status::Draft;
    QDateTime created;
    QDateTime updated;
    QString byline;
    Dateline dateline;
    QStringList tags;       ///< tag slugs
    QStringList categories; ///< category slugs
    QString featuredImage;  ///< media name, as in `media:NAME`
    QString sourceLanguage;
    QList<LanguageVersion> versions;

    bool operator==(const Article&) const = default;

    /// The version in `language`, or nullptr.
    const LanguageVersion* version(QStringView language) const;
    LanguageVersion* version(QStringView language);
    /// The source-language version, else the first one, else nullptr.
    const LanguageVersion* primaryVersion() const;
    /// Title of the primary version, for lists and messages.
    QString displayTitle() const;
};

/// A fresh article with a new UUID, timestamps set to now and one empty version.
Article makeArticle(const QString& language, const QString& title);

} // namespace copydesk
