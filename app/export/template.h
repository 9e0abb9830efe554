#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

#include <memory>

namespace copydesk {

struct Article;
struct LanguageVersion;

/// What a page template is given for one language version. Text fields are plain
/// text (the template escapes them); bodyHtml and headExtra are HTML and trusted.
struct PageData final {
    QString language; ///< BCP 47 tag; canonicalised before use
    QString title;
    QString summary;
    QString byline;
    QString datelinePlace;
    QDate datelineDate;
    /// The article body: markdown::renderHtml()'s fragment, already safe.
    QString bodyHtml;
    /// The featured image shown above the body: its address (media:NAME in the
    /// preview, the bundle's file in an export) and its alternative text in the
    /// version's language; empty: none.
    QString imageSrc;
    QString imageAlt;
    /// The stylesheet as a URL to link to; empty puts `style` inline, so that an
    /// exported page stands alone.
    QString styleHref;
    /// The stylesheet put inline: the library's (PageTemplates::style); empty: the
    /// default style.css.
    QString style;
    /// HTML put first in <head>, right after the charset: the preview's
    /// Content-Security-Policy and its bridge scripts. Empty for an export.
    QString headExtra;

    /// What an exported page says about itself (empty in the preview): its canonical
    /// URL, the other language versions (hreflang, x-default included), Open Graph and
    /// Twitter card tags, and schema.org JSON-LD. Text and URLs are escaped by the
    /// template; jsonLd is trusted and must already be safe inside <script> (see
    /// scriptSafeJson()).
    struct Link final {
        QString hreflang;
        QString href;
    };
    struct Meta final {
        QString key; ///< og:title (as property=) or twitter:card (as name=)
        QString content;
    };
    QString canonicalUrl;
    QList<Link> alternates;
    QList<Meta> metaProperties; ///< <meta property=key content=...>: Open Graph
    QList<Meta> metaNames;      ///< <meta name=key content=...>: Twitter cards
    QString jsonLd;

    /// For the language index (Template::Kind::Index): every version of the article,
    /// its title and summary and the address of its page relative to the index.
    struct Version final {
        QString language;
        QString title;
        QString summary;
        QString href;
    };
    QList<Version> versions;

    /// The fields of `version` (and of `article`'s byline and dateline) around an
    /// already rendered body.
    static PageData from(const Article& article, const LanguageVersion& version,
                         const QString& bodyHtml);
};

/// A Mustache page template (kainjow Mustache). The built-in ones live in
/// resources/templates and are compiled into the binary; the preview and the export
/// render the same ones, so what is previewed is what is published. Variables:
/// lang, dir ("ltr"/"rtl" from QLocale(lang).textDirection()), title, summary, byline,
/// datelinePlace, datelineDate (ISO), datelineDateText (in the version's language),
/// hasDateline, body (HTML), imageSrc and imageAlt (the featured image), style (the
/// library's CSS), styleHref, headExtra (HTML),
/// canonicalUrl, alternates (hreflang, href), metaProperties and metaNames (key,
/// content), jsonLd (JSON text safe in a script element); for the language index,
/// versions (lang, dir, languageName in its own language, title, summary, href).
/// Cheap to copy, immutable, and usable from any thread.
class Template final {
    Q_DECLARE_TR_FUNCTIONS(Template)

public:
    enum class Kind {
        Article,  ///< a whole HTML5 page (article.mustache)
        Fragment, ///< the body only, for pasting into a CMS (fragment.mustache)
        Index,    ///< a bundle's index.html: its language versions (index.mustache)
    };

    /// Parses `text`; a syntax error gives ErrorKind::InvalidInput and one line naming
    /// `name` and the line of the error ("Template x.mustache, line 3: unclosed tag").
    static Result<Template> fromText(const QString& name, const QString& text);
    /// One of the templates compiled into the binary.
    static Result<Template> builtIn(Kind kind);
    /// The default stylesheet (resources/templates/style.css).
    static QString defaultStyle();

    const QString& name() const { return m_name; }

    /// The page for `data`. Fails (InvalidInput) only when data.language is not a
    /// valid BCP 47 tag.
    Result<QString> render(const PageData& data) const;

private:
    struct Parsed;
    Template(QString name, std::shared_ptr<Parsed> parsed);

    QString m_name;
    /// The parse, shared by the copies of a Template and by the Templates made from
    /// the same text (an export of 1,000 articles parses each template once).
    std::shared_ptr<Parsed> m_parsed;
};

} // namespace copydesk
