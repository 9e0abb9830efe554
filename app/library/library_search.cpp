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
#include <QFileInfo>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>

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

namespace {

/// Calls `f(c, chars)` for each code point `c` of `text`, `chars` being its one or
/// two UTF-16 units.
template <typename F>
void forEachCodePoint(QStringView text, F f) {
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text[i].unicode();
        qsizetype length = 1;
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            length = 2;
        }
        f(c, text.mid(i, length));
        i += length - 1;
    }
}

} // namespace

QString wordIndexText(QStringView text) {
    QString out;
    out.reserve(text.size() + text.size() / 2);
    forEachCodePoint(text, [&](char32_t c, QStringView chars) {
        if (isCjk(c)) {
            out += QLatin1Char(' ');
            out += chars;
            out += QLatin1Char(' ');
        } else {
            out += chars;
        }
    });
    return out;
}

QString wordIndexBigrams(QStringView text) {
    QString out;
    QStringView previous; // the CJK character just before, if any
    forEachCodePoint(text, [&](char32_t c, QStringView chars) {
        if (!isCjk(c)) {
            previous = {};
            return;
        }
        if (!previous.isEmpty()) {
            out += QLatin1Char(' ');
            out += previous;
            out += chars;
        }
        previous = chars;
    });
    return out;
}

namespace {

/// One column's text for the word index: the characters apart, then the pairs
/// (wordIndexText(), wordIndexBigrams()). The pairs come after the whole text so that
/// the characters keep their positions next to each other for phrases.
QString wordIndexColumn(const QString& text) {
    return wordIndexText(text) + wordIndexBigrams(text);
}

} // namespace

bool wordIndexInsert(QSqlQuery& query, qint64 rowId, const QString& title, const QString& summary,
                     const QString& body) {
    query.bindValue(0, rowId);
    query.bindValue(1, wordIndexColumn(title));
    query.bindValue(2, wordIndexColumn(summary));
    query.bindValue(3, wordIndexColumn(body));
    return query.exec();
}

bool wordIndexDelete(QSqlQuery& query, qint64 rowId, const QString& title, const QString& summary,
                     const QString& body) {
    return wordIndexInsert(query, rowId, title, summary, body);
}

namespace {

bool allCjk(QStringView text) {
    bool any = false;
    for (const char32_t c : text.toUcs4()) {
        if (QChar::isLetterOrNumber(c)) {
            if (!isCjk(c))
                return false;
            any = true;
        }
    }
    return any;
}

bool hasLetterOrNumber(QStringView text) {
    const QList<uint> chars = text.toUcs4();
    return std::any_of(chars.cbegin(), chars.cend(),
                       [](char32_t c) { return QChar::isLetterOrNumber(c); });
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
        // "+word" is "must contain" elsewhere; "+" is a symbol, not punctuation, to ICU.
        qsizetype plus = 0;
        while (plus < typed.size() && typed[plus] == QLatin1Char('+'))
            ++plus;
        const QString t = trimPunctuation(QStringView(typed).mid(plus)).toString().simplified();
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
        else if (before.startsWith(QLatin1Char('+')))
            plan.notes.append(
                Library::tr("'%1': + is not search syntax here (every term must occur "
                            "anyway); searched for '%2'")
                    .arg(typed, t));
        else if (const qsizetype colon = t.indexOf(QLatin1Char(':'));
                 colon > 0 && colon + 1 < t.size() && t.at(colon + 1) != QLatin1Char('/') &&
                 std::all_of(t.cbegin(), t.cbegin() + colon, [](QChar c) { return c.isLetter(); }))
            plan.notes.append(Library::tr("'%1': searching in one field (%2:) is not supported; "
                                          "searched every field for '%1' as written")
                                  .arg(t, t.left(colon)));
        plan.terms.append(t);
        if (characterCount(t) >= 3) {
            // The trigram index finds it anywhere, inside words too, in any script.
            plan.trigram.append(quoted(t));
            plan.trigramTerms.append(t);
        } else if (!hasLetterOrNumber(t)) {
            // An emoji or a symbol: no tokenizer keeps it and it is too short for
            // trigrams, so the text is read. Exact, and slower on a large library.
            plan.scan.append(t);
        } else {
            // Too short for trigrams: the word index, where each CJK character is a
            // word of its own, and so is each pair of adjacent ones (so a CJK term is
            // still found anywhere: a pair as one token, which is much faster than
            // the phrase of its two characters), and other scripts have whole words.
            const QString pair = wordIndexBigrams(t).trimmed();
            plan.words.append(quoted(characterCount(t) == 2 && characterCount(pair) == 2
                                         ? pair
                                         : wordIndexText(t).simplified()));
            plan.wordTerms.append(t);
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
        QStringLiteral("SELECT a.uuid, v.language, v.title, v.summary, v.body, v.id FROM versions v"
                       " JOIN articles a ON a.id = v.article WHERE a.trashed = '' AND (%1)"
                       " ORDER BY v.id DESC LIMIT ?")
            .arg(plan.condition(QStringLiteral("v"))));
    int n = 0;
    for (const QVariant& value : plan.values)
        q.bindValue(n++, value);
    q.bindValue(n, limit < 0 ? -1 : limit);
    const QString problem = Library::tr("cannot search for '%1'").arg(text);
    if (!q.exec())
        return detail::searchFailure(*d, problem, d->errorOf(q));
    QList<qint64> shown;
    while (q.next()) {
        shown.append(q.value(5).toLongLong());
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
    // A damaged index page reads as "no such term" or as a missing row, not as an error.
    if (auto verified = detail::verifyAnswer(*d, plan, results.hits.isEmpty(),
                                             detail::shownRows(QLatin1String("id"), shown));
        !verified)
        return verified.failure();
    return results;
}

QStringList Library::searchNotes(const QString& text) {
    return detail::searchPlan(text).notes;
}

namespace {

/// Runs FTS5's own check on `tables` through `db`; the first error, or none. The check
/// compares the trigram index with the text it indexes; the contentless word index can
/// only be checked for internal consistency.
QSqlError searchIndexProblem(const QSqlDatabase& db, const QStringList& tables) {
    for (const QString& name : tables) {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("INSERT INTO %1(%1) VALUES ('integrity-check')").arg(name)))
            return q.lastError();
    }
    return {};
}

bool isDamage(const QSqlError& error) {
    return detail::errorKindOf(error) == ErrorKind::Corrupt ||
           error.databaseText().contains(QLatin1String("malformed"));
}

Error damaged(const QString& path, const QString& detail) {
    return Error{Library::tr("%1: the search index is damaged (%2); repairing the library "
                             "rebuilds it from the articles")
                     .arg(path, detail),
                 ErrorKind::Corrupt};
}

/// FTS5's check of `tables` (see searchIndexProblem()). On a read-only library it runs
/// on a second connection of this process, as FTS5 runs its check as a write
/// statement (which changes nothing); when that is not possible (a read-only folder or
/// file, a writer holding the lock), the index is taken to be sound.
Result<void> checkIndexes(const Library::Private& d, const QStringList& tables) {
    QSqlError error;
    if (d.mode == Library::Mode::ReadWrite) {
        error = searchIndexProblem(d.db, tables);
    } else {
        const QString name = QStringLiteral("copydesk-check-") + QUuid::createUuid().toString();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(d.path);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=250"));
            if (QFileInfo(d.path).isWritable() && db.open())
                error = searchIndexProblem(db, tables);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        if (error.isValid() && !isDamage(error))
            return {};
    }
    if (!error.isValid())
        return {};
    if (isDamage(error))
        return damaged(d.path, error.databaseText());
    return d.sqlError(Library::tr("cannot check the search index"), error);
}

/// An SQLite varint (as FTS5 writes them) at `at` in `data`, advancing `at`; -1 when
/// the data ends first.
qint64 readVarint(const QByteArray& data, qsizetype& at) {
    quint64 value = 0;
    for (int i = 0; i < 9; ++i) {
        if (at >= data.size())
            return -1;
        const auto byte = quint8(data[at++]);
        if (i == 8)
            return qint64((value << 8) | byte);
        value = (value << 7) | (byte & 0x7f);
        if (!(byte & 0x80))
            return qint64(value);
    }
    return -1;
}

/// FTS5 keeps the list of its segments in one record (rowid 10 of TABLE_data): when
/// that record is damaged into "no segments", every query finds nothing, without an
/// error, and FTS5's own check of a contentless index finds nothing wrong. An index
/// with no segments must index no document.
Result<void> checkSegmentList(const Library::Private& d, const QString& table) {
    QSqlQuery q(d.db);
    if (!q.exec(QStringLiteral("SELECT (SELECT block FROM %1_data WHERE id = 10),"
                               " (SELECT count(*) FROM %1_docsize)")
                    .arg(table)) ||
        !q.next()) {
        const QSqlError error = q.lastError();
        if (isDamage(error))
            return damaged(d.path, error.databaseText());
        return d.sqlError(Library::tr("cannot check the search index"), error);
    }
    const QByteArray structure = q.value(0).toByteArray();
    const qint64 documents = q.value(1).toLongLong();
    qsizetype at = 4; // a cookie, then the number of levels and of segments
    const qint64 levels = readVarint(structure, at);
    const qint64 segments = readVarint(structure, at);
    if (documents > 0 && (levels <= 0 || segments <= 0))
        return damaged(
            d.path, Library::tr("%1 holds %2 documents in no segment").arg(table).arg(documents));
    return {};
}

} // namespace

namespace {

/// `c` in a GLOB pattern: itself, or a class of its case forms ("[Èè]").
QString globCharacter(char32_t c) {
    QList<char32_t> forms;
    for (const char32_t form :
         {c, QChar::toLower(c), QChar::toUpper(c), QChar::toTitleCase(c), QChar::toCaseFolded(c)}) {
        if (!forms.contains(form))
            forms.append(form);
    }
    if (forms.size() == 1) {
        if (c == U'*' || c == U'?' || c == U'[')
            return QLatin1Char('[') + QChar(c) + QLatin1Char(']');
        return QString::fromUcs4(&c, 1);
    }
    // No case form is one of GLOB's class characters (] - ^), which are not letters.
    return QLatin1Char('[') + QString::fromUcs4(forms.constData(), forms.size()) + QLatin1Char(']');
}

QString globText(QStringView term) {
    QString out;
    for (const char32_t c : term.toUcs4())
        out += globCharacter(c);
    return out;
}

/// Characters that certainly separate words for the unicode61 tokenizer (it keeps
/// letters, numbers and private-use characters together): ASCII punctuation, symbols
/// and white space, and the punctuation that most often touches a word in the six
/// languages. A word next to any other character is not looked for: the pass may miss
/// a row, never claim one.
QString wordBoundaryClass() {
    return QStringLiteral("[]!-/:-@[-\\^-`{-~ \t\n\r\u00a0\u00ab\u00bb\u2018\u2019\u201c\u201d"
                          "\u060c\u061b\u061f\u3001\u3002\uff0c]");
}

/// The version's text, fields apart, for GLOB.
const QLatin1String kVersionText("(char(10) || v.title || char(10) || v.summary || char(10) || "
                                 "v.body || char(10))");

/// Whether `row` (title, summary, body) matches `plan` by FTS5 itself: the row is
/// indexed alone in scratch tables of the same definitions as the library's indexes
/// (in the connection's temporary database, which even a read-only library has).
Result<QSet<qint64>> scratchMatches(const Library::Private& d, const detail::SearchPlan& plan,
                                    const QList<std::pair<qint64, QStringList>>& rows) {
    QSqlQuery q(d.db);
    const auto failed = [&] {
        return Result<QSet<qint64>>(
            d.sqlError(Library::tr("cannot check the search index"), q.lastError()));
    };
    for (const QString& sql :
         {QStringLiteral("CREATE VIRTUAL TABLE IF NOT EXISTS temp.verify_trigram USING "
                         "fts5(title, summary, body, tokenize='trigram')"),
          QStringLiteral("CREATE VIRTUAL TABLE IF NOT EXISTS temp.verify_words USING "
                         "fts5(title, summary, body, tokenize='unicode61 remove_diacritics 2')"),
          QStringLiteral("DELETE FROM temp.verify_trigram"),
          QStringLiteral("DELETE FROM temp.verify_words")}) {
        if (!q.exec(sql))
            return failed();
    }
    QSqlQuery trigram(d.db);
    QSqlQuery words(d.db);
    if (!trigram.prepare(QStringLiteral("INSERT INTO temp.verify_trigram(rowid, title, summary, "
                                        "body) VALUES (?, ?, ?, ?)")) ||
        !words.prepare(QStringLiteral("INSERT INTO temp.verify_words(rowid, title, summary, "
                                      "body) VALUES (?, ?, ?, ?)")))
        return failed();
    for (const auto& [id, fields] : rows) {
        for (int i = 0; i < 3; ++i)
            trigram.bindValue(i + 1, fields[i]);
        trigram.bindValue(0, id);
        if (!trigram.exec() || !detail::wordIndexInsert(words, id, fields[0], fields[1], fields[2]))
            return Error{d.sqlError(Library::tr("cannot check the search index"),
                                    trigram.lastError().isValid() ? trigram.lastError()
                                                                  : words.lastError())};
    }
    QStringList parts;
    QVariantList values;
    if (!plan.trigram.isEmpty()) {
        parts.append(QStringLiteral(
            "rowid IN (SELECT rowid FROM temp.verify_trigram WHERE verify_trigram MATCH ?)"));
        values.append(plan.trigram.join(QLatin1String(" AND ")));
    }
    if (!plan.words.isEmpty()) {
        parts.append(QStringLiteral(
            "rowid IN (SELECT rowid FROM temp.verify_words WHERE verify_words MATCH ?)"));
        values.append(plan.words.join(QLatin1String(" AND ")));
    }
    if (!q.prepare(QStringLiteral("SELECT rowid FROM temp.verify_trigram WHERE %1")
                       .arg(parts.join(QLatin1String(" AND ")))))
        return failed();
    for (qsizetype i = 0; i < values.size(); ++i)
        q.bindValue(int(i), values[i]);
    if (!q.exec())
        return failed();
    QSet<qint64> matched;
    while (q.next())
        matched.insert(q.value(0).toLongLong());
    for (auto it = matched.begin(); it != matched.end();) {
        // Terms without letters are not in the indexes: looked for as written.
        const auto row =
            std::find_if(rows.cbegin(), rows.cend(), [&](const auto& r) { return r.first == *it; });
        const QString text = row->second.join(QLatin1Char('\n'));
        const bool all = std::all_of(plan.scan.cbegin(), plan.scan.cend(),
                                     [&](const QString& t) { return text.contains(t); });
        it = all ? std::next(it) : matched.erase(it);
    }
    return matched;
}

} // namespace

QString detail::shownRows(QLatin1String column, const QList<qint64>& ids) {
    if (ids.isEmpty())
        return {};
    QStringList list;
    list.reserve(ids.size());
    for (const qint64 id : ids)
        list.append(QString::number(id));
    return QStringLiteral("v.%1 IN (%2)").arg(column, list.join(QLatin1Char(',')));
}

Result<void> detail::verifyAnswer(const Library::Private& d, const SearchPlan& plan,
                                  bool answerEmpty, const QString& shown) {
    if (plan.trigram.isEmpty() && plan.words.isEmpty())
        return {}; // the text itself was searched
    // A segment list damaged into "no segments" (one record) is told apart at once.
    if (!plan.words.isEmpty()) {
        if (auto listed = checkSegmentList(d, QStringLiteral("search_words")); !listed)
            return listed;
    }
    if (!plan.trigram.isEmpty()) {
        if (auto listed = checkSegmentList(d, QStringLiteral("search_trigram")); !listed)
            return listed;
    }
    // The text's answer: each term in its case forms, a word of the word index between
    // two certain word boundaries (a CJK character is a word of its own).
    QStringList text;
    QVariantList values;
    for (const QString& term : plan.trigramTerms) {
        text.append(kVersionText + QLatin1String(" GLOB ?"));
        values.append(QLatin1Char('*') + globText(term) + QLatin1Char('*'));
    }
    for (const QString& term : plan.wordTerms) {
        text.append(kVersionText + QLatin1String(" GLOB ?"));
        const QString boundary = allCjk(term) ? QString() : wordBoundaryClass();
        values.append(QLatin1Char('*') + boundary + globText(term) + boundary + QLatin1Char('*'));
    }
    for (const QString& term : plan.scan) {
        text.append(kVersionText + QLatin1String(" GLOB ?"));
        values.append(QLatin1Char('*') + globText(term) + QLatin1Char('*'));
    }
    // Rows where the text and the indexes disagree; a few decide it. Each row the answer
    // shows and the index found is checked against its text (the text's terms come
    // first, as their values are bound first); an answer that shows nothing although
    // the text was found (other filters left nothing) needs no row checked. Only an
    // empty answer reads every version's text for what the index may have lost: on
    // 100,000 articles a scan of all text on every query took 4 s
    // (tests/bench/tags_bench.sh), where the search takes 35 ms.
    if (!answerEmpty && shown.isEmpty())
        return {};
    constexpr int kRowsChecked = 64;
    QSqlQuery q(d.db);
    q.prepare(answerEmpty
                  ? QStringLiteral("SELECT id, title, summary, body, p FROM (SELECT v.id AS id,"
                                   " v.title AS title, v.summary AS summary, v.body AS body,"
                                   " (%1) AS p, (%2) AS f FROM versions v) WHERE p <> f LIMIT %3")
                        .arg(text.join(QLatin1String(" AND ")), plan.condition(QStringLiteral("v")))
                        .arg(kRowsChecked)
                  : QStringLiteral("SELECT v.id, v.title, v.summary, v.body, 0 FROM versions v"
                                   " WHERE %1 AND NOT (%2) AND (%3) LIMIT %4")
                        .arg(shown, text.join(QLatin1String(" AND ")),
                             plan.condition(QStringLiteral("v")))
                        .arg(kRowsChecked));
    int n = 0;
    for (const QVariant& value : std::as_const(values))
        q.bindValue(n++, value);
    for (const QVariant& value : plan.values)
        q.bindValue(n++, value);
    if (!q.exec())
        return searchFailure(d, Library::tr("cannot check the search index"), q.lastError());
    QList<std::pair<qint64, QStringList>> rows;
    QSet<qint64> foundByIndex;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        rows.append({id, {q.value(1).toString(), q.value(2).toString(), q.value(3).toString()}});
        if (!q.value(4).toBool())
            foundByIndex.insert(id);
    }
    if (q.lastError().isValid())
        return searchFailure(d, Library::tr("cannot check the search index"), q.lastError());
    q.finish();
    if (rows.isEmpty())
        return {};
    const auto truth = scratchMatches(d, plan, rows);
    if (!truth)
        return truth.failure();
    for (const auto& [id, fields] : std::as_const(rows)) {
        if (truth->contains(id) == foundByIndex.contains(id))
            continue;
        const QString terms = plan.terms.join(QLatin1Char(' '));
        return damaged(d.path,
                       truth->contains(id)
                           ? Library::tr("'%1' is in the articles but not in the index").arg(terms)
                           : Library::tr("the index finds '%1' where it is not").arg(terms));
    }
    return {};
}

namespace {

/// The words an index holds in all by the record FTS5 keeps beside it and updates
/// with every row (rowid 1 of TABLE_data: the number of rows, then the words of each
/// column); -1 when the record does not read as that.
qint64 recordedWords(const QByteArray& record) {
    qsizetype at = 0;
    if (record.isEmpty())
        return 0; // an index that never held a row
    if (readVarint(record, at) < 0)
        return -1;
    qint64 total = 0;
    while (at < record.size()) {
        const qint64 words = readVarint(record, at);
        if (words < 0)
            return -1;
        total += words;
    }
    return total;
}

} // namespace

Result<void> Library::checkSearchIndexTotals(const std::atomic<bool>* stop) const {
    const auto failed = [&](const QSqlError& error) -> Result<void> {
        if (isDamage(error))
            return damaged(d->path, error.databaseText());
        return d->sqlError(tr("cannot check the search index"), error);
    };
    const QStringList tables{QStringLiteral("search_trigram"), QStringLiteral("search_words")};
    QSqlQuery q(d->db);
    for (const QString& table : tables) {
        // In the connection's temporary database, which a read-only library has too.
        if (!q.exec(QStringLiteral("CREATE VIRTUAL TABLE IF NOT EXISTS temp.%1_vocabulary USING "
                                   "fts5vocab(main, '%1', 'row')")
                        .arg(table)))
            return failed(q.lastError());
    }
    // One read transaction: the record and the index are read as they were at one
    // moment, whatever another connection saves meanwhile.
    const bool own = d->transactionDepth == 0;
    if (own && !q.exec(QStringLiteral("BEGIN")))
        return failed(q.lastError());
    const auto check = [&]() -> Result<void> {
        for (const QString& table : tables) {
            if (!q.exec(QStringLiteral("SELECT block FROM %1_data WHERE id = 1").arg(table)))
                return failed(q.lastError());
            const qint64 recorded =
                recordedWords(q.next() ? q.value(0).toByteArray() : QByteArray());
            if (q.lastError().isValid())
                return failed(q.lastError());
            if (recorded < 0)
                return damaged(d->path, tr("the record of %1's totals does not read").arg(table));
            QSqlQuery words(d->db);
            words.setForwardOnly(true);
            if (!words.exec(QStringLiteral("SELECT cnt FROM temp.%1_vocabulary").arg(table)))
                return failed(words.lastError());
            qint64 indexed = 0;
            for (int row = 0; words.next(); ++row) {
                indexed += words.value(0).toLongLong();
                if (stop && row % 64 == 0 && stop->load())
                    return {};
            }
            if (words.lastError().isValid())
                return failed(words.lastError());
            if (indexed != recorded)
                return damaged(d->path, tr("%1 holds %2 words where its record says %3")
                                            .arg(table)
                                            .arg(indexed)
                                            .arg(recorded));
        }
        return {};
    };
    const Result<void> result = check();
    if (own)
        (void)q.exec(QStringLiteral("COMMIT"));
    return result;
}

Result<void> Library::checkSearchIndex() const {
    if (auto totals = checkSearchIndexTotals(); !totals)
        return totals;
    return checkIndexes(*d, {QStringLiteral("search_trigram"), QStringLiteral("search_words")});
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
