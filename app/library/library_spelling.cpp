// Personal spelling dictionaries (see Library::personalWords()).
#include "library/library.h"
#include "library/library_p.h"

#include <QDateTime>

#include <algorithm>

namespace copydesk {

namespace {

// "fr-CA" -> "fr": regional spellings differ, but the words a desk adds are names and
// terms that every region of the language writes alike.
QString listLanguage(const QString& language) {
    const QString tag = language.trimmed();
    const qsizetype dash = tag.indexOf(QLatin1Char('-'));
    return (dash < 0 ? tag : tag.left(dash)).toLower();
}

constexpr qsizetype kLongestPersonalWord = 100; // Hunspell's own limit

} // namespace

Result<QStringList> Library::personalWords(const QString& language) const {
    QSqlQuery& q = d->prepared(
        QStringLiteral("SELECT word FROM personal_words WHERE language = ? ORDER BY word"));
    q.bindValue(0, listLanguage(language));
    if (!q.exec())
        return d->sqlError(Library::tr("cannot read the %1 personal dictionary").arg(language), q);
    QStringList words;
    while (q.next())
        words.append(q.value(0).toString());
    const QSqlError error = q.lastError();
    q.finish();
    if (error.isValid())
        return d->sqlError(Library::tr("cannot read the %1 personal dictionary").arg(language),
                           error);
    return words;
}

Result<void> Library::addPersonalWord(const QString& language, const QString& word) {
    const QString lang = listLanguage(language);
    if (lang.isEmpty() || word.isEmpty() || word.size() > kLongestPersonalWord ||
        std::any_of(word.begin(), word.end(), [](QChar c) { return c.isSpace(); }))
        return Error{Library::tr("'%1' cannot be added to the %2 personal dictionary: one word "
                                 "of at most %3 characters")
                         .arg(word.left(kLongestPersonalWord), language)
                         .arg(kLongestPersonalWord),
                     ErrorKind::InvalidInput};
    return d->transaction([&]() -> Result<void> {
        QSqlQuery& q = d->prepared(
            QStringLiteral("INSERT INTO personal_words(language, word, added) VALUES (?, ?, ?)"
                           " ON CONFLICT(language, word) DO NOTHING"));
        q.bindValue(0, lang);
        q.bindValue(1, word);
        q.bindValue(2, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        if (!q.exec())
            return d->sqlError(
                Library::tr("cannot add '%1' to the %2 personal dictionary").arg(word, language),
                q);
        return {};
    });
}

Result<void> Library::removePersonalWord(const QString& language, const QString& word) {
    return d->transaction([&]() -> Result<void> {
        QSqlQuery& q = d->prepared(
            QStringLiteral("DELETE FROM personal_words WHERE language = ? AND word = ?"));
        q.bindValue(0, listLanguage(language));
        q.bindValue(1, word);
        if (!q.exec())
            return d->sqlError(Library::tr("cannot remove '%1' from the %2 personal dictionary")
                                   .arg(word, language),
                               q);
        return {};
    });
}

} // namespace copydesk
