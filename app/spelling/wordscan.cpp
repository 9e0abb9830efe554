#include "spelling/wordscan.h"

#include "spelling/speller.h"

#include <QTextBoundaryFinder>

namespace copydesk::spelling {

namespace {

bool isEntityReference(QStringView text, qsizetype start, qsizetype end) {
    qsizetype before = start - 1;
    if (before >= 0 && text[before] == u'#')
        --before;
    return before >= 0 && text[before] == u'&' && end < text.size() && text[end] == u';';
}

// Whether the token is something other than a word of the language; see the header.
bool isWordToCheck(QStringView word) {
    if (word.size() > Speller::kMaxWordLength)
        return false;
    bool letter = false;
    bool lower = false;
    for (qsizetype i = 0; i < word.size(); ++i) {
        char32_t c = word[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < word.size() && word[i + 1].isLowSurrogate())
            c = QChar::surrogateToUcs4(word[i], word[i + 1]), ++i;
        if (QChar::isDigit(c) || c == U'.' || c == U'@' || c == U'_')
            return false;
        if (QChar::isLetter(c)) {
            letter = true;
            lower = lower || QChar::isLower(c) || !QChar::isUpper(c); // caseless scripts
        }
    }
    if (!letter)
        return false;
    // An acronym: two or more letters, all capitals.
    return lower || word.size() < 2;
}

} // namespace

QList<WordSpan> checkableWords(QStringView text) {
    QList<WordSpan> words;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Word, text.data(), int(text.size()));
    // The finder starts at the boundary at 0; each next boundary ends a segment.
    qsizetype start = 0;
    for (qsizetype end = finder.toNextBoundary(); end >= 0; end = finder.toNextBoundary()) {
        if (end > start && (finder.boundaryReasons() & QTextBoundaryFinder::EndOfItem)) {
            // UAX #29 keeps U+202F (the narrow no-break space of French "disposons »")
            // inside a word, as it joins the parts of a number: a space is never part
            // of a word to look up.
            qsizetype from = start;
            for (qsizetype i = start; i <= end; ++i) {
                if (i < end && !text[i].isSpace())
                    continue;
                if (i > from) {
                    const QStringView word = text.sliced(from, i - from);
                    if (isWordToCheck(word) && !isEntityReference(text, from, i))
                        words.append({from, i - from});
                }
                from = i + 1;
            }
        }
        start = end;
    }
    return words;
}

bool listAccepts(const QSet<QString>& words, QStringView word) {
    if (words.isEmpty())
        return false;
    const QString w = word.toString();
    if (words.contains(w))
        return true;
    const QString lower = w.toLower();
    return lower != w && words.contains(lower);
}

} // namespace copydesk::spelling
