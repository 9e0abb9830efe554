// Full-text search. Two FTS5 indexes cover every script:
//  - search_trigram (trigram tokenizer, external content = versions): substring
//    search for queries of three or more characters, in any script, including
//    Arabic inside a word;
//  - search_words (unicode61, contentless): the text with every CJK character set
//    apart, so a two-character Chinese word is a two-token phrase; serves the
//    shorter queries the trigram index cannot answer.
#include "library/library.h"
#include "library/library_p.h"

#include "common/unicode.h"

#include <QCoreApplication>

namespace copydesk {

namespace detail {

namespace {

qsizetype characterCount(QStringView text) {
    qsizetype n = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!(text[i].isLowSurrogate() && i > 0 && text[i - 1].isHighSurrogate()))
            ++n;
    }
    return n;
}

QString quoted(const QString& term) {
    QString escaped = term;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

QString wordIndexText(QStringView text) {
    QString out;
    out.reserve(text.size() + text.size() / 2);
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text[i].unicode();
        qsizetype length = 1;
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            length = 2;
        }
        if (isCjk(c)) {
            out += QLatin1Char(' ');
            out += text.mid(i, length);
            out += QLatin1Char(' ');
        } else {
            out += text.mid(i, length);
        }
        i += length - 1;
    }
    return out;
}

bool wordIndexInsert(QSqlQuery& query, qint64 rowId, const QString& title, const QString& summary,
                     const QString& body) {
    query.bindValue(0, rowId);
    query.bindValue(1, wordIndexText(title));
    query.bindValue(2, wordIndexText(summary));
    query.bindValue(3, wordIndexText(body));
    return query.exec();
}

bool wordIndexDelete(QSqlQuery& query, qint64 rowId, const QString& title, const QString& summary,
                     const QString& body) {
    return wordIndexInsert(query, rowId, title, summary, body);
}

namespace {

bool allCjk(QStringView text) {
    bool any = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text[i].unicode();
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            ++i;
        }
        if (QChar::isLetterOrNumber(c)) {
            if (!isCjk(c))
                return false;
            any = true;
        }
    }
    return any;
}

bool hasLetterOrNumber(QStringView text) {
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text[i].unicode();
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            ++i;
        }
        if (QChar::isLetterOrNumber(c))
            return true;
    }
    return false;
}

} // namespace

SearchPlan searchPlan(const QString& text) {
    // Whitespace separates terms; "double quotes" keep a phrase together.
    QStringList terms;
    QString current;
    bool inQuotes = false;
    for (const QChar c : text) {
        if (c == QLatin1Char('"')) {
            inQuotes = !inQuotes;
        } else if (c.isSpace() && !inQuotes) {
            if (!current.isEmpty())
                terms.append(current);
            current.clear();
        } else {
            current += c.isSpace() ? QLatin1Char(' ') : c;
        }
    }
    if (!current.trimmed().isEmpty())
        terms.append(current);
    for (QString& t : terms)
        t = t.simplified();
    terms.removeAll(QString());

    SearchPlan plan;
    for (const QString& typed : std::as_const(terms)) {
        // Punctuation at a term's edges is the sentence around the word ("Geneva.",
        // "(summit)", "«sommet»") or search syntax Copydesk does not have: matched
        // literally it would find nothing (the trigram index keeps punctuation). The
        // term is searched without it.
        const QString t = trimPunctuation(typed).toString().simplified();
        if (t.isEmpty()) {
            plan.notes.append(
                Library::tr("'%1' is only punctuation: left out of the search").arg(typed));
            continue;
        }
        const QStringView before = QStringView(typed).left(typed.indexOf(t));
        const QStringView after = QStringView(typed).mid(typed.indexOf(t) + t.size());
        if (before.contains(QLatin1Char('*')) || after.contains(QLatin1Char('*')))
            plan.notes.append(Library::tr("'%1': * is not a wildcard here; searched for '%2' "
                                          "(a term of three characters or more is found inside "
                                          "words too)")
                                  .arg(typed, t));
        else if (before.startsWith(QLatin1Char('-')))
            plan.notes.append(
                Library::tr("'%1': a leading - excludes nothing; searched for '%2'").arg(typed, t));
        plan.terms.append(t);
        if (characterCount(t) >= 3) {
            // The trigram index finds it anywhere, inside words too, in any script.
            plan.trigram.append(quoted(t));
        } else if (!hasLetterOrNumber(t)) {
            // An emoji or a symbol: no tokenizer keeps it and it is too short for
            // trigrams, so the text is read. Exact, and slower on a large library.
            plan.scan.append(t);
        } else {
            // Too short for trigrams: the word index, where each CJK character is a
            // word of its own (so a CJK term is still found anywhere) and other
            // scripts have whole words.
            plan.words.append(quoted(wordIndexText(t).simplified()));
            if (!allCjk(t))
                plan.notes.append(
                    Library::tr("'%1' has fewer than three characters: found as a whole word only")
                        .arg(t));
        }
    }
    if (!plan.trigram.isEmpty())
        plan.values.append(plan.trigram.join(QLatin1String(" AND ")));
    if (!plan.words.isEmpty())
        plan.values.append(plan.words.join(QLatin1String(" AND ")));
    for (const QString& t : std::as_const(plan.scan))
        plan.values.append(t);
    return plan;
}

QString SearchPlan::condition(const QString& alias) const {
    QStringList parts;
    if (!trigram.isEmpty())
        parts.append(QStringLiteral("%1.id IN (SELECT rowid FROM search_trigram"
                                    " WHERE search_trigram MATCH ?)")
                         .arg(alias));
    if (!words.isEmpty())
        parts.append(QStringLiteral("%1.id IN (SELECT rowid FROM search_words"
                                    " WHERE search_words MATCH ?)")
                         .arg(alias));
    for (qsizetype i = 0; i < scan.size(); ++i)
        parts.append(QStringLiteral("instr(%1.title || char(10) || %1.summary || char(10) ||"
                                    " %1.body, ?) > 0")
                         .arg(alias));
    return parts.join(QLatin1String(" AND "));
}

Error searchFailure(const Library::Private& d, const QString& problem, const QSqlError& error) {
    if (errorKindOf(error) == ErrorKind::Corrupt)
        return Error{Library::tr("%1: the search index is damaged (%2); repairing the library "
                                 "rebuilds it from the articles")
                         .arg(d.path, error.databaseText()),
                     ErrorKind::Corrupt};
    return d.sqlError(problem, error);
}

} // namespace detail
namespace {

// A line of context around the first term found, for result lists. Done here rather
// than with FTS5 snippet() because the word index is contentless and stores no text.
QString makeSnippet(const QStringList& terms, const QString& summary, const QString& body) {
    constexpr qsizetype kBefore = 40;
    constexpr qsizetype kLength = 160;
    for (const QString* field : {&body, &summary}) {
        for (const QString& term : terms) {
            const qsizetype at = field->indexOf(term, 0, Qt::CaseInsensitive);
            if (at < 0)
                continue;
            const qsizetype start = qMax<qsizetype>(0, at - kBefore);
            QString snippet = field->mid(start, kLength).simplified();
            if (start > 0)
                snippet.prepend(QStringLiteral("…"));
            if (start + kLength < field->size())
                snippet.append(QStringLiteral("…"));
            return snippet;
        }
    }
    const QString& fallback = summary.isEmpty() ? body : summary;
    QString snippet = fallback.left(kLength).simplified();
    if (fallback.size() > kLength)
        snippet.append(QStringLiteral("…"));
    return snippet;
}

} // namespace

Result<SearchResults> Library::search(const QString& text, int limit) const {
    const detail::SearchPlan plan = detail::searchPlan(text);
    SearchResults results;
    results.notes = plan.notes;
    if (plan.empty())
        return results;
    // Newest versions first.
    QSqlQuery& q = d->prepared(
        QStringLiteral("SELECT a.uuid, v.language, v.title, v.summary, v.body FROM versions v"
                       " JOIN articles a ON a.id = v.article WHERE %1 ORDER BY v.id DESC LIMIT ?")
            .arg(plan.condition(QStringLiteral("v"))));
    int n = 0;
    for (const QVariant& value : plan.values)
        q.bindValue(n++, value);
    q.bindValue(n, limit < 0 ? -1 : limit);
    const QString problem = Library::tr("cannot search for '%1'").arg(text);
    if (!q.exec())
        return detail::searchFailure(*d, problem, d->errorOf(q));
    while (q.next()) {
        SearchHit hit;
        hit.articleId = QUuid::fromString(q.value(0).toString());
        hit.language = q.value(1).toString();
        hit.title = q.value(2).toString();
        hit.snippet = makeSnippet(plan.terms, q.value(3).toString(), q.value(4).toString());
        results.hits.append(hit);
    }
    const QSqlError error = d->errorOf(q);
    q.finish();
    if (error.isValid())
        return detail::searchFailure(*d, problem, error);
    return results;
}

QStringList Library::searchNotes(const QString& text) {
    return detail::searchPlan(text).notes;
}

Result<void> Library::checkSearchIndex() const {
    // FTS5's own check compares the trigram index with the text it indexes; the
    // contentless word index can only be checked for internal consistency.
    for (const auto* table : {"search_trigram", "search_words"}) {
        QSqlQuery q(d->db);
        const QString name = QLatin1String(table);
        if (!q.exec(QStringLiteral("INSERT INTO %1(%1) VALUES ('integrity-check')").arg(name))) {
            const QSqlError error = q.lastError();
            if (detail::errorKindOf(error) == ErrorKind::Corrupt ||
                error.databaseText().contains(QLatin1String("malformed")))
                return Error{Library::tr("%1: the search index is damaged (%2); repairing the "
                                         "library rebuilds it from the articles")
                                 .arg(d->path, error.databaseText()),
                             ErrorKind::Corrupt};
            return d->sqlError(Library::tr("cannot check the search index"), error);
        }
    }
    return {};
}

Result<void> Library::rebuildSearchIndex() {
    return d->transaction([&]() -> Result<void> {
        // Cached statements may refer to the tables about to be replaced.
        d->statements.clear();
        const QString problem = detail::rebuildSearchIndexes(d->db);
        if (!problem.isEmpty())
            return Error{
                Library::tr("%1: cannot rebuild the search index (%2)").arg(d->path, problem)};
        return {};
    });
}

} // namespace copydesk
