// The translation memory kept in the library (table `memory`, schema version 11), and
// the earlier source texts of outdated translations, read from the revisions.
#include "translation/memory.h"

#include "common/languagetag.h"
#include "library/library_p.h"

namespace copydesk::translation {

namespace {

/// The query arguments that select a language and its regional forms: the tag
/// without its region, and every tag that starts with it and "-" ("en" and "en-GB" both
/// take en, en-US and en-GB; "zh-Hans" takes zh-Hans-CN but not zh-Hant), as a range
/// the unique index serves.
struct LanguageRange final {
    QString exact, from, to;
    explicit LanguageRange(const QString& tag)
        : exact(withoutRegion(tag))
        , from(exact + u'-')
        , to(exact + u'.') {} // '.' follows '-' in ASCII

    /// A canonical tag's region is its last subtag when that is two letters or three
    /// digits ("en-GB", "es-419"); the language and script stay.
    static QString withoutRegion(const QString& tag) {
        const qsizetype dash = tag.lastIndexOf(u'-');
        if (dash <= 0)
            return tag;
        const QStringView last = QStringView(tag).sliced(dash + 1);
        const bool region = (last.size() == 2 && last.front().isUpper()) ||
                            (last.size() == 3 && last.front().isDigit());
        return region ? tag.left(dash) : tag;
    }
};

} // namespace

QList<MemoryEntry> memoryEntriesOf(const Article& article, const QString& language) {
    QList<MemoryEntry> entries;
    const QString id = article.id.toString(QUuid::WithoutBraces);
    for (const LanguageVersion& version : article.versions) {
        const LanguageVersion* source = sourceVersion(article, version);
        if (!source || (!language.isEmpty() && version.language != language))
            continue;
        const QDateTime changed = version.updated.isValid() ? version.updated : article.updated;
        for (const AlignedRow& row : align(*source, version).rows) {
            if (!row.target ||
                (row.state != SegmentState::Translated && row.state != SegmentState::Reviewed))
                continue;
            if (row.source.text.trimmed().isEmpty() || row.target->text.trimmed().isEmpty())
                continue;
            entries.append(MemoryEntry{source->language, version.language, row.source.text,
                                       row.target->text, id, changed});
        }
    }
    return entries;
}

Result<int> storeMemory(Library& library, const QList<MemoryEntry>& entries) {
    // Checked before anything is written: an entry from a file names its languages
    // as that file wrote them.
    QList<MemoryEntry> rows;
    rows.reserve(entries.size());
    for (const MemoryEntry& entry : entries) {
        if (entry.source.trimmed().isEmpty() || entry.target.trimmed().isEmpty())
            continue;
        const auto source = canonicalLanguageTag(entry.sourceLanguage);
        if (!source)
            return source.failure();
        const auto target = canonicalLanguageTag(entry.targetLanguage);
        if (!target)
            return target.failure();
        MemoryEntry row = entry;
        row.sourceLanguage = *source;
        row.targetLanguage = *target;
        rows.append(std::move(row));
    }
    Library::Private& d = LibraryAccess::of(library);
    int added = 0;
    const auto done = library.transaction([&]() -> Result<void> {
        // A new translation is inserted; one stored already takes the newer date and
        // the article it was made in. Two statements, so that each tells which it was
        // (a count of the table before and after would read all of it).
        QSqlQuery& insert = d.prepared(QStringLiteral(
            "INSERT INTO memory(source_language, target_language, source, target, article,"
            " changed) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(source_language, target_language, source, target) DO NOTHING"));
        QSqlQuery& update = d.prepared(
            QStringLiteral("UPDATE memory SET article = ?, changed = ? WHERE source_language = ?"
                           " AND target_language = ? AND source = ? AND target = ?"
                           " AND changed < ?"));
        for (const MemoryEntry& row : std::as_const(rows)) {
            // Qt binds a null QString as NULL, and the columns are NOT NULL.
            const QVariantList values{
                row.sourceLanguage,
                row.targetLanguage,
                row.source,
                row.target,
                row.article.isNull() ? QString(QLatin1String("")) : row.article,
                row.changed.isValid() ? row.changed.toUTC().toString(Qt::ISODateWithMs)
                                      : QString(QLatin1String(""))};
            for (int k = 0; k < values.size(); ++k)
                insert.bindValue(k, values[k]);
            if (!insert.exec())
                return d.sqlError(TranslationMemory::tr("cannot add to the translation memory"),
                                  insert);
            if (insert.numRowsAffected() == 1) {
                ++added;
                continue;
            }
            int k = 0;
            for (const int v : {4, 5, 0, 1, 2, 3, 5})
                update.bindValue(k++, values[v]);
            if (!update.exec())
                return d.sqlError(TranslationMemory::tr("cannot add to the translation memory"),
                                  update);
        }
        return {};
    });
    if (!done)
        return done.failure();
    return added;
}

Result<TranslationMemory> loadMemory(const Library& library, const QString& sourceLanguage,
                                     const QString& targetLanguage, MemoryTags tags) {
    auto& d = const_cast<Library::Private&>(LibraryAccess::of(library));
    const bool all = sourceLanguage.isEmpty() && targetLanguage.isEmpty();
    QSqlQuery& q = d.prepared(
        all ? QStringLiteral("SELECT source_language, target_language, source, target, article,"
                             " changed FROM memory ORDER BY id")
            : QStringLiteral(
                  "SELECT source_language, target_language, source, target, article, changed"
                  " FROM memory WHERE (source_language = ? OR (source_language >= ? AND"
                  " source_language < ?)) AND (target_language = ? OR (target_language >= ?"
                  " AND target_language < ?)) ORDER BY id"));
    if (!all) {
        const LanguageRange source(sourceLanguage), target(targetLanguage);
        int i = 0;
        for (const QString* value :
             {&source.exact, &source.from, &source.to, &target.exact, &target.from, &target.to})
            q.bindValue(i++, *value);
    }
    const QString problem = TranslationMemory::tr("cannot read the translation memory");
    if (!q.exec())
        return d.sqlError(problem, q);
    TranslationMemory memory;
    while (q.next()) {
        // Regional forms are looked up as the pair asked for: an en-US -> fr-FR memory
        // from another tool serves an en -> fr translation.
        const bool stored = all || tags == MemoryTags::AsStored;
        memory.add(MemoryEntry{stored ? q.value(0).toString() : sourceLanguage,
                               stored ? q.value(1).toString() : targetLanguage,
                               q.value(2).toString(), q.value(3).toString(), q.value(4).toString(),
                               QDateTime::fromString(q.value(5).toString(), Qt::ISODateWithMs)});
    }
    const QSqlError error = q.lastError();
    q.finish();
    if (error.isValid())
        return d.sqlError(problem, error);
    return memory;
}

Result<QHash<QString, QString>> earlierSourceTexts(const Library& library, const QUuid& articleId,
                                                   const QString& sourceLanguage,
                                                   QSet<QString> fingerprints, int depth) {
    QHash<QString, QString> texts;
    if (fingerprints.isEmpty())
        return texts;
    const auto revisions = library.revisions(articleId);
    if (!revisions)
        return revisions.failure();
    for (qsizetype i = 0; i < revisions->size() && i < depth && !fingerprints.isEmpty(); ++i) {
        const auto old = library.articleAtRevision(revisions->at(i).id);
        if (!old)
            return old.failure();
        const LanguageVersion* source = old->version(sourceLanguage);
        if (!source)
            continue;
        for (const Segment& segment : segmentsOf(*source))
            if (fingerprints.remove(segment.fingerprint))
                texts.insert(segment.fingerprint, segment.text);
    }
    return texts;
}

} // namespace copydesk::translation
