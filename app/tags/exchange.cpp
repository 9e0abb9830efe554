#include "tags/exchange.h"

#include "article/slug.h"
#include "common/languagetag.h"
#include "common/limits.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringDecoder>

#include <map>

namespace copydesk::tags {

namespace {

QString vocabularyId(Vocabulary v) {
    return v == Vocabulary::Tags ? QStringLiteral("tags") : QStringLiteral("categories");
}

// ---- CSV ----
// RFC 4180 by hand: Qt has no CSV reader and Debian's libcsv would bring a C callback
// API for what is forty lines here; the rules are few (quotes, doubled quotes, line
// breaks inside quotes, CRLF).

QString csvField(const QString& text) {
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')) &&
        text.trimmed() == text)
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

struct CsvRow {
    int line = 0; ///< where the row starts, from 1
    QStringList cells;
};

/// The rows of `text`, or the line and problem of the first malformed one.
Result<QList<CsvRow>> parseCsv(const QString& text, const QString& fileName) {
    QList<CsvRow> rows;
    int line = 1;
    qsizetype i = 0;
    const qsizetype n = text.size();
    auto bad = [&](int at, const QString& problem) {
        return Error{Tags::tr("%1:%2: %3").arg(fileName).arg(at).arg(problem),
                     ErrorKind::InvalidInput};
    };
    while (i < n) {
        CsvRow row;
        row.line = line;
        QString cell;
        bool quoted = false;
        bool afterQuote = false;
        bool endOfRow = false;
        while (i < n && !endOfRow) {
            const QChar c = text[i];
            if (quoted) {
                if (c == QLatin1Char('"')) {
                    if (i + 1 < n && text[i + 1] == QLatin1Char('"')) {
                        cell += QLatin1Char('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    afterQuote = true;
                } else {
                    if (c == QLatin1Char('\n'))
                        ++line;
                    cell += c;
                }
                ++i;
                continue;
            }
            if (c == QLatin1Char(',')) {
                row.cells.append(cell);
                cell.clear();
                afterQuote = false;
            } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
                if (c == QLatin1Char('\r') && i + 1 < n && text[i + 1] == QLatin1Char('\n'))
                    ++i;
                ++line;
                endOfRow = true;
            } else if (c == QLatin1Char('"')) {
                if (!cell.isEmpty() || afterQuote)
                    return bad(line,
                               Tags::tr("a quote inside a cell that does not start with one"));
                quoted = true;
            } else {
                if (afterQuote)
                    return bad(line, Tags::tr("text after the closing quote of a cell"));
                cell += c;
            }
            ++i;
        }
        if (quoted)
            return bad(row.line, Tags::tr("a quoted cell is not closed"));
        row.cells.append(cell);
        // Blank lines (a trailing newline, spacing) are no rows.
        if (!(row.cells.size() == 1 && row.cells.front().trimmed().isEmpty()))
            rows.append(row);
    }
    return rows;
}

// ---- what a file says ----

struct Entry {
    int line = 0;
    QString slug;
    std::optional<QString> parent; ///< categories: set when the file says (empty: top)
    QHash<QString, QString> labels;
};

Result<QString> checkedLanguage(const QString& tag) {
    auto canonical = canonicalLanguageTag(tag.trimmed());
    if (!canonical)
        return Error{Tags::tr("'%1' is not a language tag").arg(tag.left(40)),
                     ErrorKind::InvalidInput};
    return *canonical;
}

/// The problem with `slug` as a term's slug, or an empty string.
QString slugProblem(Vocabulary v, const QString& slug) {
    auto named = checkName(v, slug);
    if (!named)
        return named.error();
    if (*named != slug)
        return Tags::tr("the slug '%1' has spaces at its ends").arg(slug.trimmed().left(40));
    if (auto valid = validateSlug(slug); !valid)
        return valid.error();
    return {};
}

Result<QList<Entry>> entriesFromCsv(Vocabulary v, const QString& text, const QString& fileName) {
    auto rows = parseCsv(text, fileName);
    if (!rows)
        return rows.failure();
    auto bad = [&](int line, const QString& problem) {
        return Error{Tags::tr("%1:%2: %3").arg(fileName).arg(line).arg(problem),
                     ErrorKind::InvalidInput};
    };
    if (rows->isEmpty())
        return bad(1, Tags::tr("no header row (expected %1)")
                          .arg(v == Vocabulary::Tags ? QStringLiteral("slug,en,fr,...")
                                                     : QStringLiteral("slug,parent,en,fr,...")));
    const CsvRow& header = rows->front();
    if (header.cells.value(0).trimmed() != QLatin1String("slug"))
        return bad(header.line, Tags::tr("the first column must be 'slug'"));
    int firstLanguage = 1;
    const bool hasParent = header.cells.value(1).trimmed() == QLatin1String("parent");
    if (hasParent) {
        if (v == Vocabulary::Tags)
            return bad(header.line, Tags::tr("tags have no parent column"));
        firstLanguage = 2;
    }
    QStringList languages;
    for (qsizetype c = firstLanguage; c < header.cells.size(); ++c) {
        auto language = checkedLanguage(header.cells[c]);
        if (!language)
            return bad(header.line, language.error());
        if (languages.contains(*language))
            return bad(header.line, Tags::tr("the language '%1' has two columns").arg(*language));
        languages.append(*language);
    }
    QList<Entry> entries;
    for (qsizetype r = 1; r < rows->size(); ++r) {
        const CsvRow& row = rows->at(r);
        if (row.cells.size() != header.cells.size())
            return bad(row.line, Tags::tr("%1 cells where the header has %2")
                                     .arg(row.cells.size())
                                     .arg(header.cells.size()));
        Entry e;
        e.line = row.line;
        e.slug = row.cells[0];
        if (hasParent)
            e.parent = row.cells[1].trimmed();
        for (qsizetype c = 0; c < languages.size(); ++c) {
            // A spreadsheet wraps a long label onto lines of its cell: one line here.
            const QString label = row.cells[firstLanguage + c].simplified();
            if (!label.isEmpty())
                e.labels.insert(languages[c], label);
        }
        entries.append(e);
    }
    return entries;
}

Result<QList<Entry>> entriesFromJson(Vocabulary v, const QByteArray& data,
                                     const QString& fileName) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // The line of the byte offset, as a CSV error gives it.
        const int line = int(data.left(parseError.offset).count('\n')) + 1;
        return Error{
            Tags::tr("%1:%2: not JSON (%3)").arg(fileName).arg(line).arg(parseError.errorString()),
            ErrorKind::InvalidInput};
    }
    const QJsonObject root = doc.object();
    auto bad = [&](const QString& problem) {
        return Error{Tags::tr("%1: %2").arg(fileName, problem), ErrorKind::InvalidInput};
    };
    if (root.value(QLatin1String("format")).toString() != QLatin1String("copydesk-vocabulary"))
        return bad(Tags::tr("not a Copydesk vocabulary (no \"format\": \"copydesk-vocabulary\")"));
    const QString kind = root.value(QLatin1String("vocabulary")).toString();
    if (!kind.isEmpty() && kind != vocabularyId(v))
        return bad(Tags::tr("a vocabulary of %1, not of %2").arg(kind.left(40), vocabularyId(v)));
    QList<Entry> entries;
    const QJsonArray terms = root.value(QLatin1String("terms")).toArray();
    for (qsizetype i = 0; i < terms.size(); ++i) {
        // JSON has no rows: the term's place in the list stands for the line.
        auto badTerm = [&](const QString& problem) {
            return bad(Tags::tr("term %1: %2").arg(i + 1).arg(problem));
        };
        if (!terms[i].isObject())
            return badTerm(Tags::tr("not an object"));
        const QJsonObject o = terms[i].toObject();
        Entry e;
        e.line = int(i + 1);
        if (!o.value(QLatin1String("slug")).isString())
            return badTerm(Tags::tr("no \"slug\""));
        e.slug = o.value(QLatin1String("slug")).toString();
        if (o.contains(QLatin1String("parent"))) {
            if (v == Vocabulary::Tags)
                return badTerm(Tags::tr("tags have no parent"));
            e.parent = o.value(QLatin1String("parent")).toString().trimmed();
        }
        const QJsonObject labels = o.value(QLatin1String("labels")).toObject();
        for (auto it = labels.begin(); it != labels.end(); ++it) {
            auto language = checkedLanguage(it.key());
            if (!language)
                return badTerm(language.error());
            if (!it.value().isString())
                return badTerm(Tags::tr("the label in '%1' is not text").arg(*language));
            if (!it.value().toString().isEmpty())
                e.labels.insert(*language, it.value().toString());
        }
        entries.append(e);
    }
    return entries;
}

} // namespace

std::optional<ExchangeFormat> formatForFile(const QString& fileName) {
    if (fileName.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        return ExchangeFormat::Csv;
    if (fileName.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return ExchangeFormat::Json;
    return std::nullopt;
}

Result<QByteArray> exportVocabulary(const Library& library, Vocabulary vocabulary,
                                    ExchangeFormat format) {
    auto terms = vocabulary == Vocabulary::Tags ? library.tags() : library.categories();
    if (!terms)
        return terms.failure();
    if (format == ExchangeFormat::Json) {
        QJsonArray array;
        for (const Term& t : std::as_const(*terms)) {
            QJsonObject o;
            o.insert(QLatin1String("slug"), t.slug);
            if (vocabulary == Vocabulary::Categories)
                o.insert(QLatin1String("parent"), t.parent);
            QJsonObject labels;
            for (auto it = t.labels.constBegin(); it != t.labels.constEnd(); ++it)
                labels.insert(it.key(), it.value());
            o.insert(QLatin1String("labels"), labels);
            array.append(o);
        }
        QJsonObject root;
        root.insert(QLatin1String("format"), QStringLiteral("copydesk-vocabulary"));
        root.insert(QLatin1String("vocabulary"), vocabularyId(vocabulary));
        root.insert(QLatin1String("terms"), array);
        return QJsonDocument(root).toJson(QJsonDocument::Indented);
    }
    QStringList languages;
    for (const Term& t : std::as_const(*terms)) {
        for (auto it = t.labels.constBegin(); it != t.labels.constEnd(); ++it) {
            if (!languages.contains(it.key()))
                languages.append(it.key());
        }
    }
    languages.sort();
    QStringList header{QStringLiteral("slug")};
    if (vocabulary == Vocabulary::Categories)
        header.append(QStringLiteral("parent"));
    header.append(languages);
    QString out = header.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (const Term& t : std::as_const(*terms)) {
        QStringList cells{csvField(t.slug)};
        if (vocabulary == Vocabulary::Categories)
            cells.append(csvField(t.parent));
        for (const QString& language : std::as_const(languages))
            cells.append(csvField(t.labels.value(language)));
        out += cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

Result<ImportSummary> importVocabulary(Library& library, Vocabulary vocabulary,
                                       const QByteArray& data, ExchangeFormat format,
                                       const QString& fileName) {
    if (data.size() > kMaxTextBytes)
        return Error{
            Tags::tr("%1: larger than %2 MB").arg(fileName).arg(kMaxTextBytes / (1024 * 1024)),
            ErrorKind::InvalidInput};
    QByteArray bytes = data;
    if (bytes.startsWith("\xEF\xBB\xBF")) // a byte order mark, as spreadsheets write
        bytes.remove(0, 3);
    QStringDecoder decode(QStringDecoder::Utf8);
    const QString text = decode(bytes);
    if (decode.hasError()) {
        return Error{Tags::tr("%1: not UTF-8 text").arg(fileName), ErrorKind::InvalidInput};
    }
    auto entries = format == ExchangeFormat::Csv ? entriesFromCsv(vocabulary, text, fileName)
                                                 : entriesFromJson(vocabulary, bytes, fileName);
    if (!entries)
        return entries.failure();
    const QString where =
        format == ExchangeFormat::Csv ? Tags::tr("%1:%2: %3") : Tags::tr("%1: term %2: %3");
    auto bad = [&](const Entry& e, const QString& problem) {
        return Error{where.arg(fileName).arg(e.line).arg(problem), ErrorKind::InvalidInput};
    };

    auto existing = vocabulary == Vocabulary::Tags ? library.tags() : library.categories();
    if (!existing)
        return existing.failure();
    std::map<QString, Term> known;
    for (const Term& t : std::as_const(*existing))
        known.emplace(t.slug, t);
    // Everything is checked before anything is written.
    QSet<QString> inFile;
    for (const Entry& e : std::as_const(*entries)) {
        if (const QString problem = slugProblem(vocabulary, e.slug); !problem.isEmpty())
            return bad(e, problem);
        if (inFile.contains(e.slug))
            return bad(e, Tags::tr("the slug '%1' is there twice").arg(e.slug));
        inFile.insert(e.slug);
        for (auto it = e.labels.constBegin(); it != e.labels.constEnd(); ++it) {
            if (auto named = checkName(vocabulary, it.value()); !named)
                return bad(e, Tags::tr("label in '%1': %2").arg(it.key(), named.error()));
        }
    }
    for (const Entry& e : std::as_const(*entries)) {
        if (e.parent && !e.parent->isEmpty() && !inFile.contains(*e.parent) &&
            known.find(*e.parent) == known.end())
            return bad(e, Tags::tr("the parent '%1' is neither in the file nor in the library")
                              .arg(e.parent->left(40)));
        if (e.parent && *e.parent == e.slug)
            return bad(e, Tags::tr("the category '%1' is its own parent").arg(e.slug));
    }

    ImportSummary summary;
    const auto done = library.transaction([&]() -> Result<void> {
        for (const Entry& e : std::as_const(*entries)) {
            const auto it = known.find(e.slug);
            if (it == known.end()) {
                // create() would make a slug of a name; the file gives the slug.
                auto set = vocabulary == Vocabulary::Tags
                               ? library.setTagLabel(e.slug, QStringLiteral("und"), QString())
                               : library.setCategoryLabel(e.slug, QStringLiteral("und"), QString());
                if (!set)
                    return bad(e, set.error());
                ++summary.created;
            }
            for (auto l = e.labels.constBegin(); l != e.labels.constEnd(); ++l) {
                const QString label = l.value().trimmed();
                if (it != known.end() && it->second.labels.value(l.key()) == label)
                    continue;
                auto set = setLabel(library, vocabulary, e.slug, l.key(), label);
                if (!set)
                    return bad(e, set.error());
                ++summary.labelsChanged;
            }
        }
        for (const Entry& e : std::as_const(*entries)) {
            if (!e.parent)
                continue;
            const auto it = known.find(e.slug);
            if (it != known.end() && it->second.parent == *e.parent)
                continue;
            if (auto moved = setParent(library, e.slug, *e.parent); !moved)
                return bad(e, moved.error());
            ++summary.moved;
        }
        return {};
    });
    if (!done)
        return done.failure();
    return summary;
}

} // namespace copydesk::tags
