#pragma once

#include "article/article.h"
#include "common/result.h"
#include "library/library.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

/// The library's tag and category vocabularies: create, rename, merge, delete, labels
/// per language, the category hierarchy, batch changes on articles, import and export
/// (tags/exchange.h), matching for a completer (tags/matcher.h) and suggestions
/// (tags/suggest.h). Every function that changes the library is one transaction and
/// records a revision on every article it changes (a metadata revision: see
/// schema version 6), and is called alike by copydesk-cli and the GUI. Errors name the
/// library and the term; nothing changes on a failure.
namespace copydesk::tags {

/// The translation context of the vocabulary's messages: call it as `Tags::tr("…")`,
/// which lupdate files under "Tags", where it is looked up at run time.
struct Tags final {
    Q_DECLARE_TR_FUNCTIONS(Tags)
};

enum class Vocabulary { Tags, Categories };

/// A name (tag or category, as typed) is at most this long, in characters.
inline constexpr int kMaxNameLength = 200;

/// A term with the number of articles using it (trash included).
struct TermUsage final {
    Term term;
    int articles = 0;
};

/// What a change did: how many articles it changed (each got one revision).
struct Change final {
    int articles = 0;
};

/// What remove() took away, for undoRemove() (the GUI's undo of a deletion).
struct Removal final {
    Vocabulary vocabulary = Vocabulary::Tags;
    Term term;
    struct Link {
        QUuid article;
        int position = 0;
    };
    QList<Link> links;    ///< the articles that had it, and where in their list
    QStringList children; ///< categories only: the subcategories moved up to its parent
    int articles() const { return int(links.size()); }
};

/// "tag" or "category", translated, for messages.
QString termNoun(Vocabulary vocabulary);

/// The name trimmed, or InvalidInput when it is empty, only whitespace, or longer than
/// kMaxNameLength characters (the message quotes it and says which).
Result<QString> checkName(Vocabulary vocabulary, const QString& name);
/// The slug a name gets: the name itself when it is already a slug (lowercase ASCII
/// letters, digits and dashes), else slugify(name). InvalidInput when checkName()
/// refuses it or nothing usable is left ("!!!").
Result<QString> slugForName(Vocabulary vocabulary, const QString& name);

/// Every term of the vocabulary, sorted by slug, with its labels, parent (categories)
/// and article count: one query.
Result<QList<TermUsage>> list(const Library& library, Vocabulary vocabulary);
/// How many articles use `slug` (for "delete 'x' from 1,204 articles?"). NotFound when
/// there is no such term.
Result<int> usage(const Library& library, Vocabulary vocabulary, const QString& slug);

/// Creates a term from `name` (see slugForName()); when `language` is given and the
/// name is not its slug, the name becomes its label in that language (so typing
/// "Enseignement supérieur" in a French article creates enseignement-superieur
/// labelled so). `parent` (categories only) must exist. Conflict when the slug is taken.
/// Returns the slug.
Result<QString> create(Library& library, Vocabulary vocabulary, const QString& name,
                       const QString& language = {}, const QString& parent = {});

/// Gives term `from` the slug made of `to`. When that slug is another term's, fails
/// with ErrorKind::Conflict and a message offering the merge instead. Every article
/// using it gets a revision (its list of slugs changed).
Result<Change> rename(Library& library, Vocabulary vocabulary, const QString& from,
                      const QString& to);

/// Moves every article of `from` to `into` and deletes `from` (its labels fill the
/// languages `into` has none in; for categories, its subcategories move under `into`).
/// An article that had both keeps one, at the earlier position. Refused: a merge into
/// itself, an unknown term; for categories, a merge into one of its own subcategories.
Result<Change> merge(Library& library, Vocabulary vocabulary, const QString& from,
                     const QString& into);

/// Deletes the term from the vocabulary and from every article (for categories, its
/// subcategories move up to its parent). Returns what undoRemove() needs.
Result<Removal> remove(Library& library, Vocabulary vocabulary, const QString& slug);
/// Puts back what remove() took: the term, its labels, its place in the hierarchy and
/// its articles (each gets a revision). Conflict when a term of that slug exists again.
Result<Change> undoRemove(Library& library, const Removal& removal);

/// Sets the label of `slug` in `language` (a BCP 47 tag, checked); an empty label
/// removes it. The label follows checkName()'s rules.
Result<void> setLabel(Library& library, Vocabulary vocabulary, const QString& slug,
                      const QString& language, const QString& label);

/// Moves category `slug` under `parent` (empty: to the top). Refused when `parent` is
/// the category itself or one of its subcategories.
Result<void> setParent(Library& library, const QString& slug, const QString& parent);

/// The label of `term` in `language`, else in its primary language (fr for fr-CA),
/// else in English, else the slug: what an article in `language` shows and publishes.
QString labelFor(const Term& term, const QString& language);

/// Adds the term to the articles that lack it (at the end of their list), in one
/// transaction; the term must exist. Returns how many articles changed.
Result<Change> addToArticles(Library& library, Vocabulary vocabulary, const QString& slug,
                             const QList<QUuid>& articles);
/// Removes the term from those articles that have it.
Result<Change> removeFromArticles(Library& library, Vocabulary vocabulary, const QString& slug,
                                  const QList<QUuid>& articles);

} // namespace copydesk::tags
