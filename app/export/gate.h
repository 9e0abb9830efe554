#pragma once

#include "checks/checkcontext.h"
#include "checks/finding.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace copydesk {

class ParsedBodies;

struct Article;
class Library;

/// The editorial checks that must pass before a version leaves the desk: a title and a
/// summary, alternative text for every image and the featured image (app/checks), every
/// `media:` reference in the library and every link inside the page (#anchor) to
/// something the page has (checked here: they need the library and the rendered ids),
/// and, in a translation, no segment left untranslated or outdated against the version
/// it was translated from (app/translation's alignment).
/// A version with such a finding is not exported unless the user overrides the gate.
class ExportGate final {
    Q_DECLARE_TR_FUNCTIONS(ExportGate)

public:
    /// One finding that blocks a version.
    struct Block final {
        QString language;
        checks::Finding finding;
        /// The paragraph of the body it is in (1-based, top-level blocks of the
        /// Markdown); 0 for the title, the summary and the featured image.
        int paragraph = 0;
        /// For a segment left untranslated, the language of the source version whose
        /// text it points at (`paragraph` is then the source's); empty otherwise.
        QString sourceLanguage;
    };

    /// The check ids of app/checks that block an export.
    static QStringList checkIds();

    /// The blocking findings of `article`'s versions in `languages` (all when empty),
    /// in the article's order. `context` is the checks' context for the article
    /// (checks::contextFromLibrary()); its onlyChecks is replaced by checkIds(). Fails
    /// only when the library cannot be read. The bodies are parsed into `parsed` when
    /// given, for the rendering to use.
    static Result<QList<Block>> check(const Library& library, const Article& article,
                                      const checks::CheckContext& context,
                                      const QStringList& languages = {},
                                      ParsedBodies* parsed = nullptr);

    /// "Article 'summit', version fr, paragraph 3 (line 5): Image without alternative
    /// text [image-alt]": the line the CLI and the export dialog show.
    static QString describe(const Article& article, const Block& block);

    /// What an export of `article`'s versions in `languages` (all when empty) may take
    /// once the gate has run (check()).
    struct Admission final {
        /// False: every version asked for is blocked (and the gate not overridden).
        bool exportable = true;
        /// The versions to export: `languages` as given when nothing is blocked or the
        /// gate is overridden, else those asked for that are not blocked.
        QStringList languages;
        QStringList findings; ///< describe() of each blocking finding
        /// Some or every version held back: "Article 'summit': fr not exported: ...".
        QString problem;
        bool overridden = false; ///< blocked findings exported all the same
    };
    /// check() in the article's context in the library, and what follows from it, with
    /// the gate overridden when `override`: the one rule for the bundles, the site
    /// pages and the Markdown files.
    static Result<Admission> admit(const Library& library, const Article& article,
                                   const QStringList& languages, bool override,
                                   ParsedBodies* parsed = nullptr);
};

} // namespace copydesk
