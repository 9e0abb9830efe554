// Full-text search. Two FTS5 indexes cover every script:
//  - search_trigram (trigram tokenizer, external content = versions): substring
//    search for queries of three or more characters, in any script, including
//    Arabic inside a word;
//  - search_words (unicode61, contentless): the text with every CJK character set
//    apart, so a two-character Chinese word is a two-token phrase; serves the
//    shorter queries the trigram index cannot answer.
#include "library/library.h"
#include "library/library_p.h"

#include <QCoreApplication>

namespace copydesk {

namespace detail {

namespace {

bool isCjk(char32_t c) {
    switch (QChar::script(c)) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Hangul:
    case QChar::Script_Bopomofo:
        return true;
    default:
        return false;
    }
}

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

bool hasWordCharacter(QStringView text) {
    for (const QChar c : text) {
        if (c.isLetterOrNumber() || c.isSurrogate())
            return true;
    }
    return false;
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

std::optional<SearchMatch> searchMatch(const QString& text) {
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
    if (terms.isEmpty())
        return std::nullopt;
    bool allLong = true;
    for (const QString& t : std::as_const(terms))
        allLong = allLong && characterCount(t) >= 3;
    SearchMatch m;
    m.terms = terms;
    QStringList parts;
    if (allLong) {
        m.table = QStringLiteral("search_trigram");
        for (const QString& t : std::as_const(terms))
            parts.append(quoted(t));
    } else {
        m.table = QStringLiteral("search_words");
        for (const QString& t : std::as_const(terms)) {
            // Punctuation alone gives the tokenizer nothing; an empty phrase would
            // match nothing, so drop it.
            if (hasWordCharacter(t))
                parts.append(quoted(wordIndexText(t).simplified()));
        }
    }
    if (parts.isEmpty())
        return std::nullopt;
    m.expression = parts.join(QLatin1String(" AND "));
    return m;
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

QList<SearchHit> Library::search(const QString& text, int limit) const {
    const auto match = detail::searchMatch(text);
    if (!match)
        return {};
    // Newest versions first: FTS5 walks its rowids backwards and stops at LIMIT,
    // where ranking by relevance would score every match first.
    QSqlQuery& q = d->prepared(
        QStringLiteral("SELECT a.uuid, v.language, v.title, v.summary, v.body FROM %1 s"
                       " JOIN versions v ON v.id = s.rowid JOIN articles a ON a.id = v.article"
                       " WHERE %1 MATCH ? ORDER BY s.rowid DESC LIMIT ?")
            .arg(match->table));
    q.bindValue(0, match->expression);
    q.bindValue(1, limit < 0 ? -1 : limit);
    QList<SearchHit> hits;
    if (q.exec()) {
        while (q.next()) {
            SearchHit hit;
            hit.articleId = QUuid::fromString(q.value(0).toString());
            hit.language = q.value(1).toString();
            hit.title = q.value(2).toString();
            hit.snippet = makeSnippet(match->terms, q.value(3).toString(), q.value(4).toString());
            hits.append(hit);
        }
    }
    q.finish();
    return hits;
}

} // namespace copydesk
