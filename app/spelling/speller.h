#pragma once

#include "common/result.h"

#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <memory>

class Hunspell;

namespace copydesk {

/// Spell checking for one language, backed by a Hunspell dictionary. Lookups are
/// cached per word because checks ask about the same tokens over and over (a 5,000-word
/// article has far fewer distinct words), and a Hunspell lookup costs microseconds.
/// Thread-safe: Hunspell itself is not, so calls are serialised.
class Speller final {
public:
    ~Speller();
    Speller(const Speller&) = delete;
    Speller& operator=(const Speller&) = delete;

    /// Loads the dictionary `affPath`/`dicPath` for `language` (a BCP 47 tag).
    static Result<std::unique_ptr<Speller>> load(const QString& language, const QString& affPath,
                                                 const QString& dicPath);

    QString language() const { return m_language; }
    /// File name of the dictionary without extension, e.g. "en_US".
    QString dictionaryName() const { return m_dictionaryName; }

    /// Longest word looked up, in UTF-16 units: Hunspell's own limit (MAXWORDLEN).
    /// Longer tokens are rejected without a lookup and without being cached, so that
    /// a 300 KB run of letters costs nothing (its prefixes once filled the cache with
    /// gigabytes).
    static constexpr qsizetype kMaxWordLength = 100;

    /// Answers kept at most. Past that the cache starts again: text that is not
    /// language (generated, pasted binary, a fuzzer's input) brings ever new "words",
    /// and a session checks article after article.
    static constexpr qsizetype kMaxCachedWords = 100000;
    static constexpr qsizetype kMaxCachedSuggestions = 2000;
    /// How many answers of isCorrect() are cached now.
    qsizetype cachedWords() const;

    /// Whether the dictionary accepts `word` (one word, no surrounding spaces). A
    /// word longer than kMaxWordLength is not accepted.
    bool isCorrect(QStringView word) const;
    /// Hunspell's suggestions; slow (milliseconds), meant for the editor's menu and
    /// for choosing among splits of a glued word. Cached like isCorrect(). None for
    /// a word longer than kMaxWordLength.
    QStringList suggestions(QStringView word) const;

private:
    Speller(QString language, QString dictionaryName, std::unique_ptr<Hunspell> hunspell);
    std::string encode(QStringView word) const;

    QString m_language;
    QString m_dictionaryName;
    std::unique_ptr<Hunspell> m_hunspell;
    bool m_utf8 = true;
    QByteArray m_encoding;
    mutable QMutex m_mutex;
    mutable QHash<QString, bool> m_cache;
    mutable QHash<QString, QStringList> m_suggestionCache;
};

/// Finds and keeps loaded Speller objects, one per dictionary. Loading a dictionary
/// takes tens of milliseconds (Arabic: hundreds), so the application owns one pool and
/// hands it to whatever needs spelling; nothing here is global.
class SpellerPool final {
public:
    /// `searchPaths`: folders holding NAME.aff/NAME.dic; the default is the system's
    /// Hunspell folder.
    explicit SpellerPool(QStringList searchPaths = {QStringLiteral("/usr/share/hunspell")});
    ~SpellerPool();
    SpellerPool(const SpellerPool&) = delete;
    SpellerPool& operator=(const SpellerPool&) = delete;

    /// The speller for BCP 47 tag `language` (en, fr-CA, zh-Hans, …), loading it on
    /// first use. Fails with a message naming the language and the folders searched
    /// when no dictionary fits. The pointer stays valid as long as the pool.
    Result<Speller*> speller(const QString& language);

    /// The dictionary files (without extension) that would serve `language`, best
    /// first, or an empty string when none is installed.
    QString dictionaryFor(const QString& language) const;

    QStringList searchPaths() const { return m_searchPaths; }

private:
    QString findFile(const QString& name) const;

    QStringList m_searchPaths;
    QMutex m_mutex;
    QHash<QString, std::shared_ptr<Speller>> m_byDictionary;
    QHash<QString, QString> m_failures; ///< language -> error, so a miss is not retried
};

} // namespace copydesk
