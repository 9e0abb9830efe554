// The vocabulary operations, set-wise: a merge of a tag used by 10,000 articles is a
// handful of statements and one INSERT ... SELECT of metadata revisions, never a load
// and save of each article (tests/bench/tags_bench.sh measures it).
#include "tags/tags.h"

#include "article/slug.h"
#include "common/languagetag.h"
#include "library/library_p.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace copydesk::tags {

namespace {

struct Tables {
    QString terms, labels, links, column;
};

Tables tablesOf(Vocabulary v) {
    if (v == Vocabulary::Tags)
        return {QStringLiteral("tags"), QStringLiteral("tag_labels"),
                QStringLiteral("article_tags"), QStringLiteral("tag")};
    return {QStringLiteral("categories"), QStringLiteral("category_labels"),
            QStringLiteral("article_categories"), QStringLiteral("category")};
}

// The articles a change touches, for recordMetadataRevisions(). A temporary table
// lives with the connection; it is emptied before each use.
constexpr QLatin1String kChanged("temp.tags_changed");

Result<void> resetChanged(Library::Private& d) {
    if (!d.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS tags_changed"
                               " (article INTEGER PRIMARY KEY)")) ||
        !d.exec(QStringLiteral("DELETE FROM temp.tags_changed")))
        return d.sqlError(Tags::tr("cannot prepare the change"), d.lastError);
    return {};
}

QString shortQuote(const QString& text) {
    constexpr int kShown = 40;
    return text.size() > kShown ? text.left(kShown) + QChar(0x2026) : text;
}

/// The row id of the term, NotFound when there is none.
Result<qint64> termId(Library::Private& d, Vocabulary v, const QString& slug) {
    const Tables t = tablesOf(v);
    QSqlQuery& q = d.prepared(QStringLiteral("SELECT id FROM %1 WHERE slug = ?").arg(t.terms));
    q.bindValue(0, slug);
    if (!q.exec())
        return d.sqlError(Tags::tr("cannot look up %1 '%2'").arg(termNoun(v), slug), q);
    if (!q.next())
        return Error{Tags::tr("%1: no %2 '%3'").arg(d.path, termNoun(v), shortQuote(slug)),
                     ErrorKind::NotFound};
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    return id;
}

Result<bool> termExists(Library::Private& d, Vocabulary v, const QString& slug) {
    auto id = termId(d, v, slug);
    if (id)
        return true;
    if (id.kind() == ErrorKind::NotFound)
        return false;
    return id.failure();
}

/// Runs `sql` with `values` bound, for statements run once per operation.
Result<int> run(Library::Private& d, const QString& sql, const QVariantList& values,
                const QString& problem) {
    QSqlQuery& q = d.prepared(sql);
    for (qsizetype i = 0; i < values.size(); ++i)
        q.bindValue(int(i), values[i]);
    if (!q.exec())
        return d.sqlError(problem, q);
    const int rows = q.numRowsAffected();
    q.finish();
    return rows;
}

/// Whether category `candidate` is `ancestor` or lies below it.
Result<bool> isWithin(Library::Private& d, qint64 candidate, qint64 ancestor) {
    QSqlQuery& q = d.prepared(
        QStringLiteral("WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT c.id FROM categories c"
                       " JOIN sub ON c.parent = sub.id) SELECT 1 FROM sub WHERE id = ?"));
    q.bindValue(0, ancestor);
    q.bindValue(1, candidate);
    if (!q.exec())
        return d.sqlError(Tags::tr("cannot read the categories"), q);
    const bool within = q.next();
    q.finish();
    return within;
}

/// Marks every article that uses term `id` as changed (for recordRevisions()).
Result<int> markUsers(Library::Private& d, const Tables& t, qint64 id, const QString& problem) {
    return run(d,
               QStringLiteral("INSERT INTO %1 SELECT article FROM %2 WHERE %3 = ?")
                   .arg(kChanged, t.links, t.column),
               {id}, problem);
}

Result<int> recordRevisions(Library::Private& d, const QString& note) {
    return detail::recordMetadataRevisions(d, kChanged, RevisionKind::Save, note,
                                           QDateTime::currentDateTimeUtc());
}

} // namespace

QString termNoun(Vocabulary vocabulary) {
    return vocabulary == Vocabulary::Tags ? Tags::tr("tag") : Tags::tr("category");
}

Result<QString> checkName(Vocabulary vocabulary, const QString& name) {
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Error{
            name.isEmpty()
                ? Tags::tr("a %1 name cannot be empty").arg(termNoun(vocabulary))
                : Tags::tr("a %1 name cannot be only whitespace").arg(termNoun(vocabulary)),
            ErrorKind::InvalidInput};
    const qsizetype length = trimmed.toUcs4().size();
    if (length > kMaxNameLength)
        return Error{Tags::tr("the %1 name '%2' is %3 characters long; the limit is %4")
                         .arg(termNoun(vocabulary), shortQuote(trimmed))
                         .arg(length)
                         .arg(kMaxNameLength),
                     ErrorKind::InvalidInput};
    for (const QChar c : trimmed) {
        if (c.category() == QChar::Other_Control)
            return Error{Tags::tr("the %1 name '%2' contains a control character")
                             .arg(termNoun(vocabulary), shortQuote(trimmed).toHtmlEscaped()),
                         ErrorKind::InvalidInput};
    }
    return trimmed;
}

Result<QString> slugForName(Vocabulary vocabulary, const QString& name) {
    auto checked = checkName(vocabulary, name);
    if (!checked)
        return checked.failure();
    static const QRegularExpression plain(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    if (plain.match(*checked).hasMatch() && checked->size() <= kMaxSlugLength)
        return *checked;
    const QString slug = slugify(*checked);
    if (slug.isEmpty())
        return Error{Tags::tr("the %1 name '%2' has no letters or digits to make a slug of")
                         .arg(termNoun(vocabulary), shortQuote(*checked)),
                     ErrorKind::InvalidInput};
    return slug;
}

QString labelFor(const Term& term, const QString& language) {
    if (const auto it = term.labels.constFind(language); it != term.labels.constEnd())
        return *it;
    const QString primary = language.section(QLatin1Char('-'), 0, 0);
    if (const auto it = term.labels.constFind(primary); it != term.labels.constEnd())
        return *it;
    // A label of another variant of the language (zh-Hant for zh-Hans) beats English.
    for (auto it = term.labels.constBegin(); it != term.labels.constEnd(); ++it) {
        if (!primary.isEmpty() && it.key().section(QLatin1Char('-'), 0, 0) == primary)
            return it.value();
    }
    if (const auto it = term.labels.constFind(QStringLiteral("en")); it != term.labels.constEnd())
        return *it;
    return term.slug;
}

Result<QList<TermUsage>> list(const Library& library, Vocabulary vocabulary) {
    auto terms = vocabulary == Vocabulary::Tags ? library.tags() : library.categories();
    if (!terms)
        return terms.failure();
    auto& d = const_cast<Library::Private&>(LibraryAccess::of(library));
    const Tables t = tablesOf(vocabulary);
    // One pass over the by-term index: counting per term with a subquery each would
    // walk it once per term.
    QSqlQuery& q =
        d.prepared(QStringLiteral("SELECT t.slug, n.c FROM (SELECT %1 AS id, count(*)"
                                  " AS c FROM %2 GROUP BY %1) n JOIN %3 t ON t.id = n.id")
                       .arg(t.column, t.links, t.terms));
    if (!q.exec())
        return d.sqlError(
            Tags::tr("cannot count the articles of each %1").arg(termNoun(vocabulary)), q);
    QHash<QString, int> counts;
    while (q.next())
        counts.insert(q.value(0).toString(), q.value(1).toInt());
    q.finish();
    QList<TermUsage> result;
    result.reserve(terms->size());
    for (const Term& term : std::as_const(*terms))
        result.append(TermUsage{term, counts.value(term.slug)});
    return result;
}

Result<int> usage(const Library& library, Vocabulary vocabulary, const QString& slug) {
    auto& d = const_cast<Library::Private&>(LibraryAccess::of(library));
    auto id = termId(d, vocabulary, slug);
    if (!id)
        return id.failure();
    const Tables t = tablesOf(vocabulary);
    QSqlQuery& q =
        d.prepared(QStringLiteral("SELECT count(*) FROM %1 WHERE %2 = ?").arg(t.links, t.column));
    q.bindValue(0, *id);
    if (!q.exec() || !q.next())
        return d.sqlError(
            Tags::tr("cannot count the articles of %1 '%2'").arg(termNoun(vocabulary), slug), q);
    const int n = q.value(0).toInt();
    q.finish();
    return n;
}

Result<QString> create(Library& library, Vocabulary vocabulary, const QString& name,
                       const QString& language, const QString& parent) {
    auto slug = slugForName(vocabulary, name);
    if (!slug)
        return slug.failure();
    QString labelLanguage;
    if (!language.isEmpty()) {
        auto canonical = canonicalLanguageTag(language);
        if (!canonical)
            return canonical.failure();
        labelLanguage = *canonical;
    }
    if (!parent.isEmpty() && vocabulary != Vocabulary::Categories)
        return Error{Tags::tr("only categories have a parent"), ErrorKind::InvalidInput};
    Library::Private& d = LibraryAccess::of(library);
    const Tables t = tablesOf(vocabulary);
    const auto done = library.transaction([&]() -> Result<void> {
        auto exists = termExists(d, vocabulary, *slug);
        if (!exists)
            return exists.failure();
        if (*exists)
            return Error{
                Tags::tr("%1: the %2 '%3' already exists").arg(d.path, termNoun(vocabulary), *slug),
                ErrorKind::Conflict};
        QVariant parentId;
        if (!parent.isEmpty()) {
            auto id = termId(d, vocabulary, parent);
            if (!id)
                return id.failure();
            parentId = *id;
        }
        auto inserted =
            vocabulary == Vocabulary::Categories
                ? run(d, QStringLiteral("INSERT INTO categories(slug, parent) VALUES (?, ?)"),
                      {*slug, parentId},
                      Tags::tr("cannot create %1 '%2'").arg(termNoun(vocabulary), *slug))
                : run(d, QStringLiteral("INSERT INTO %1(slug) VALUES (?)").arg(t.terms), {*slug},
                      Tags::tr("cannot create %1 '%2'").arg(termNoun(vocabulary), *slug));
        if (!inserted)
            return inserted.failure();
        const QString label = name.trimmed();
        if (!labelLanguage.isEmpty() && label != *slug) {
            auto labelled = run(d,
                                QStringLiteral("INSERT INTO %1(%2, language, label) VALUES"
                                               " ((SELECT id FROM %3 WHERE slug = ?), ?, ?)")
                                    .arg(t.labels, t.column, t.terms),
                                {*slug, labelLanguage, label},
                                Tags::tr("cannot label %1 '%2'").arg(termNoun(vocabulary), *slug));
            if (!labelled)
                return labelled.failure();
        }
        return {};
    });
    if (!done)
        return done.failure();
    return *slug;
}

Result<Change> rename(Library& library, Vocabulary vocabulary, const QString& from,
                      const QString& to) {
    auto slug = slugForName(vocabulary, to);
    if (!slug)
        return slug.failure();
    Library::Private& d = LibraryAccess::of(library);
    const Tables t = tablesOf(vocabulary);
    Change change;
    const auto done = library.transaction([&]() -> Result<void> {
        auto id = termId(d, vocabulary, from);
        if (!id)
            return id.failure();
        if (*slug == from)
            return {};
        auto exists = termExists(d, vocabulary, *slug);
        if (!exists)
            return exists.failure();
        if (*exists)
            return Error{Tags::tr("%1: the %2 '%3' already exists; merge '%4' into it instead"
                                  " (copydesk-cli %5 merge %4 %3)")
                             .arg(d.path, termNoun(vocabulary), *slug, from,
                                  vocabulary == Vocabulary::Tags ? QStringLiteral("tags")
                                                                 : QStringLiteral("categories")),
                         ErrorKind::Conflict};
        const QString problem = Tags::tr("cannot rename %1 '%2'").arg(termNoun(vocabulary), from);
        if (auto r = resetChanged(d); !r)
            return r;
        auto renamed = run(d, QStringLiteral("UPDATE %1 SET slug = ? WHERE id = ?").arg(t.terms),
                           {*slug, *id}, problem);
        if (!renamed)
            return renamed.failure();
        if (auto marked = markUsers(d, t, *id, problem); !marked)
            return marked.failure();
        auto revisions = recordRevisions(
            d, Tags::tr("%1 '%2' renamed to '%3'").arg(termNoun(vocabulary), from, *slug));
        if (!revisions)
            return revisions.failure();
        change.articles = *revisions;
        return {};
    });
    if (!done)
        return done.failure();
    return change;
}

Result<Change> merge(Library& library, Vocabulary vocabulary, const QString& from,
                     const QString& into) {
    if (from == into)
        return Error{Tags::tr("%1: cannot merge the %2 '%3' into itself")
                         .arg(library.path(), termNoun(vocabulary), from),
                     ErrorKind::InvalidInput};
    Library::Private& d = LibraryAccess::of(library);
    const Tables t = tablesOf(vocabulary);
    Change change;
    const auto done = library.transaction([&]() -> Result<void> {
        auto fromId = termId(d, vocabulary, from);
        if (!fromId)
            return fromId.failure();
        auto intoId = termId(d, vocabulary, into);
        if (!intoId)
            return intoId.failure();
        if (vocabulary == Vocabulary::Categories) {
            auto within = isWithin(d, *intoId, *fromId);
            if (!within)
                return within.failure();
            if (*within)
                return Error{
                    Tags::tr("%1: cannot merge the category '%2' into '%3', which is one of "
                             "its subcategories")
                        .arg(d.path, from, into),
                    ErrorKind::InvalidInput};
        }
        const QString problem =
            Tags::tr("cannot merge %1 '%2' into '%3'").arg(termNoun(vocabulary), from, into);
        if (auto r = resetChanged(d); !r)
            return r;
        const QStringList statements{
            QStringLiteral("INSERT INTO %1 SELECT article FROM %2 WHERE %3 = :from")
                .arg(kChanged, t.links, t.column),
            // Articles that have both keep `into` at the earlier of the two places.
            QStringLiteral("UPDATE %1 SET position = min(position, (SELECT f.position FROM %1 f"
                           " WHERE f.article = %1.article AND f.%2 = :from))"
                           " WHERE %2 = :into AND article IN"
                           " (SELECT article FROM %1 WHERE %2 = :from)")
                .arg(t.links, t.column),
            QStringLiteral("DELETE FROM %1 WHERE %2 = :from AND article IN"
                           " (SELECT article FROM %1 WHERE %2 = :into)")
                .arg(t.links, t.column),
            QStringLiteral("UPDATE %1 SET %2 = :into WHERE %2 = :from").arg(t.links, t.column),
            QStringLiteral("INSERT OR IGNORE INTO %1(%2, language, label)"
                           " SELECT :into, language, label FROM %1 WHERE %2 = :from")
                .arg(t.labels, t.column),
        };
        for (QString sql : statements) {
            // Named placeholders are not repeated by QSqlQuery: number them.
            QVariantList values;
            for (qsizetype at = sql.indexOf(QLatin1Char(':')); at >= 0;
                 at = sql.indexOf(QLatin1Char(':'))) {
                const bool isFrom = sql.mid(at, 5) == QLatin1String(":from");
                sql.replace(at, isFrom ? 5 : 5, QStringLiteral("?"));
                values.append(isFrom ? *fromId : *intoId);
            }
            auto ran = run(d, sql, values, problem);
            if (!ran)
                return ran.failure();
        }
        if (vocabulary == Vocabulary::Categories) {
            auto moved = run(d, QStringLiteral("UPDATE categories SET parent = ? WHERE parent = ?"),
                             {*intoId, *fromId}, problem);
            if (!moved)
                return moved.failure();
        }
        auto deleted =
            run(d, QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(t.terms), {*fromId}, problem);
        if (!deleted)
            return deleted.failure();
        auto revisions = recordRevisions(
            d, Tags::tr("%1 '%2' merged into '%3'").arg(termNoun(vocabulary), from, into));
        if (!revisions)
            return revisions.failure();
        change.articles = *revisions;
        return {};
    });
    if (!done)
        return done.failure();
    return change;
}

Result<Removal> remove(Library& library, Vocabulary vocabulary, const QString& slug) {
    Library::Private& d = LibraryAccess::of(library);
    const Tables t = tablesOf(vocabulary);
    Removal removal;
    removal.vocabulary = vocabulary;
    const auto done = library.transaction([&]() -> Result<void> {
        auto id = termId(d, vocabulary, slug);
        if (!id)
            return id.failure();
        const QString problem = Tags::tr("cannot delete %1 '%2'").arg(termNoun(vocabulary), slug);
        auto all = vocabulary == Vocabulary::Tags ? library.tags() : library.categories();
        if (!all)
            return all.failure();
        for (const Term& term : std::as_const(*all)) {
            if (term.slug == slug)
                removal.term = term;
            else if (vocabulary == Vocabulary::Categories && term.parent == slug)
                removal.children.append(term.slug);
        }
        QSqlQuery& links =
            d.prepared(QStringLiteral("SELECT a.uuid, l.position FROM %1 l JOIN"
                                      " articles a ON a.id = l.article WHERE l.%2 = ?"
                                      " ORDER BY a.id")
                           .arg(t.links, t.column));
        links.bindValue(0, *id);
        if (!links.exec())
            return d.sqlError(problem, links);
        while (links.next())
            removal.links.append(Removal::Link{QUuid::fromString(links.value(0).toString()),
                                               links.value(1).toInt()});
        links.finish();
        if (auto r = resetChanged(d); !r)
            return r;
        if (auto marked = markUsers(d, t, *id, problem); !marked)
            return marked.failure();
        auto unlinked = run(d, QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(t.links, t.column),
                            {*id}, problem);
        if (!unlinked)
            return unlinked.failure();
        if (vocabulary == Vocabulary::Categories) {
            auto moved = run(d,
                             QStringLiteral("UPDATE categories SET parent = (SELECT parent FROM"
                                            " categories WHERE id = ?) WHERE parent = ?"),
                             {*id, *id}, problem);
            if (!moved)
                return moved.failure();
        }
        auto deleted =
            run(d, QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(t.terms), {*id}, problem);
        if (!deleted)
            return deleted.failure();
        auto revisions =
            recordRevisions(d, Tags::tr("%1 '%2' deleted").arg(termNoun(vocabulary), slug));
        if (!revisions)
            return revisions.failure();
        return {};
    });
    if (!done)
        return done.failure();
    return removal;
}

Result<Change> undoRemove(Library& library, const Removal& removal) {
    const Vocabulary vocabulary = removal.vocabulary;
    const QString& slug = removal.term.slug;
    Library::Private& d = LibraryAccess::of(library);
    const Tables t = tablesOf(vocabulary);
    Change change;
    const auto done = library.transaction([&]() -> Result<void> {
        auto exists = termExists(d, vocabulary, slug);
        if (!exists)
            return exists.failure();
        if (*exists)
            return Error{
                Tags::tr("%1: cannot bring back the %2 '%3': there is one of that name again")
                    .arg(d.path, termNoun(vocabulary), slug),
                ErrorKind::Conflict};
        const QString problem =
            Tags::tr("cannot bring back %1 '%2'").arg(termNoun(vocabulary), slug);
        // Inserted as it was: create() would make a slug of it anew.
        auto created =
            run(d, QStringLiteral("INSERT INTO %1(slug) VALUES (?)").arg(t.terms), {slug}, problem);
        if (!created)
            return created.failure();
        auto id = termId(d, vocabulary, slug);
        if (!id)
            return id.failure();
        for (auto it = removal.term.labels.constBegin(); it != removal.term.labels.constEnd();
             ++it) {
            if (auto labelled = vocabulary == Vocabulary::Tags
                                    ? library.setTagLabel(slug, it.key(), it.value())
                                    : library.setCategoryLabel(slug, it.key(), it.value());
                !labelled)
                return labelled;
        }
        if (vocabulary == Vocabulary::Categories) {
            // Back where it was, and its subcategories under it, when those still exist.
            if (!removal.term.parent.isEmpty()) {
                auto parent = termId(d, vocabulary, removal.term.parent);
                if (parent) {
                    auto set =
                        run(d, QStringLiteral("UPDATE categories SET parent = ? WHERE id = ?"),
                            {*parent, *id}, problem);
                    if (!set)
                        return set.failure();
                } else if (parent.kind() != ErrorKind::NotFound) {
                    return parent.failure();
                }
            }
            for (const QString& child : removal.children) {
                auto set = run(d, QStringLiteral("UPDATE categories SET parent = ? WHERE slug = ?"),
                               {*id, child}, problem);
                if (!set)
                    return set.failure();
            }
        }
        if (auto r = resetChanged(d); !r)
            return r;
        for (const Removal::Link& link : removal.links) {
            // An article removed since is left out.
            auto linked =
                run(d,
                    QStringLiteral("INSERT OR IGNORE INTO %1(article, %2, position) SELECT id, ?, ?"
                                   " FROM articles WHERE uuid = ?")
                        .arg(t.links, t.column),
                    {*id, link.position, link.article.toString(QUuid::WithoutBraces)}, problem);
            if (!linked)
                return linked.failure();
        }
        if (auto marked = markUsers(d, t, *id, problem); !marked)
            return marked.failure();
        auto revisions =
            recordRevisions(d, Tags::tr("%1 '%2' brought back").arg(termNoun(vocabulary), slug));
        if (!revisions)
            return revisions.failure();
        change.articles = *revisions;
        return {};
    });
    if (!done)
        return done.failure();
    return change;
}

Result<void> setLabel(Library& library, Vocabulary vocabulary, const QString& slug,
                      const QString& language, const QString& label) {
    auto canonical = canonicalLanguageTag(language);
    if (!canonical)
        return canonical.failure();
    QString text;
    if (!label.isEmpty()) {
        auto checked = checkName(vocabulary, label);
        if (!checked)
            return checked.failure();
        text = *checked;
    }
    Library::Private& d = LibraryAccess::of(library);
    return library.transaction([&]() -> Result<void> {
        // setTagLabel() creates a missing term; here the term must exist.
        if (auto id = termId(d, vocabulary, slug); !id)
            return id.failure();
        return vocabulary == Vocabulary::Tags ? library.setTagLabel(slug, *canonical, text)
                                              : library.setCategoryLabel(slug, *canonical, text);
    });
}

Result<void> setParent(Library& library, const QString& slug, const QString& parent) {
    Library::Private& d = LibraryAccess::of(library);
    return library.transaction([&]() -> Result<void> {
        auto id = termId(d, Vocabulary::Categories, slug);
        if (!id)
            return id.failure();
        QVariant parentId;
        if (!parent.isEmpty()) {
            auto p = termId(d, Vocabulary::Categories, parent);
            if (!p)
                return p.failure();
            auto within = isWithin(d, *p, *id);
            if (!within)
                return within.failure();
            if (*within)
                return Error{
                    parent == slug
                        ? Tags::tr("%1: the category '%2' cannot be its own parent")
                              .arg(d.path, slug)
                        : Tags::tr("%1: the category '%2' cannot go under '%3', one of its "
                                   "subcategories")
                              .arg(d.path, slug, parent),
                    ErrorKind::InvalidInput};
            parentId = *p;
        }
        auto set = run(d, QStringLiteral("UPDATE categories SET parent = ? WHERE id = ?"),
                       {parentId, *id}, Tags::tr("cannot move category '%1'").arg(slug));
        if (!set)
            return set.failure();
        return {};
    });
}

namespace {

Result<Change> changeArticles(Library& library, Vocabulary vocabulary, const QString& slug,
                              const QList<QUuid>& articles, bool add) {
    Library::Private& d = LibraryAccess::of(library);
    const Tables t = tablesOf(vocabulary);
    Change change;
    const auto done = library.transaction([&]() -> Result<void> {
        auto id = termId(d, vocabulary, slug);
        if (!id)
            return id.failure();
        const QString problem =
            add ? Tags::tr("cannot add %1 '%2'").arg(termNoun(vocabulary), slug)
                : Tags::tr("cannot remove %1 '%2'").arg(termNoun(vocabulary), slug);
        if (auto r = resetChanged(d); !r)
            return r;
        QSqlQuery& row = d.prepared(QStringLiteral("SELECT id FROM articles WHERE uuid = ?"));
        QSqlQuery& mark = d.prepared(
            QStringLiteral("INSERT OR IGNORE INTO %1 SELECT ? WHERE %2 EXISTS (SELECT 1 FROM %3"
                           " WHERE article = ? AND %4 = ?)")
                .arg(kChanged, add ? QStringLiteral("NOT") : QString(), t.links, t.column));
        for (const QUuid& uuid : articles) {
            row.bindValue(0, uuid.toString(QUuid::WithoutBraces));
            if (!row.exec())
                return d.sqlError(problem, row);
            if (!row.next())
                return Error{Tags::tr("%1: no article with id %2")
                                 .arg(d.path, uuid.toString(QUuid::WithoutBraces)),
                             ErrorKind::NotFound};
            const qint64 article = row.value(0).toLongLong();
            row.finish();
            mark.bindValue(0, article);
            mark.bindValue(1, article);
            mark.bindValue(2, *id);
            if (!mark.exec())
                return d.sqlError(problem, mark);
        }
        auto changed =
            add ? run(d,
                      QStringLiteral("INSERT INTO %1(article, %2, position) SELECT c.article, ?,"
                                     " coalesce((SELECT max(position) + 1 FROM %1 l WHERE"
                                     " l.article = c.article), 0) FROM %3 c")
                          .arg(t.links, t.column, kChanged),
                      {*id}, problem)
                : run(d,
                      QStringLiteral("DELETE FROM %1 WHERE %2 = ? AND article IN"
                                     " (SELECT article FROM %3)")
                          .arg(t.links, t.column, kChanged),
                      {*id}, problem);
        if (!changed)
            return changed.failure();
        auto revisions =
            recordRevisions(d, add ? Tags::tr("%1 '%2' added").arg(termNoun(vocabulary), slug)
                                   : Tags::tr("%1 '%2' removed").arg(termNoun(vocabulary), slug));
        if (!revisions)
            return revisions.failure();
        change.articles = *revisions;
        return {};
    });
    if (!done)
        return done.failure();
    return change;
}

} // namespace

Result<Change> addToArticles(Library& library, Vocabulary vocabulary, const QString& slug,
                             const QList<QUuid>& articles) {
    return changeArticles(library, vocabulary, slug, articles, true);
}

Result<Change> removeFromArticles(Library& library, Vocabulary vocabulary, const QString& slug,
                                  const QList<QUuid>& articles) {
    return changeArticles(library, vocabulary, slug, articles, false);
}

} // namespace copydesk::tags
