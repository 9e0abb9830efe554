#include "spelling/speller.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMutexLocker>
#include <QStringDecoder>
#include <QStringEncoder>

#include <hunspell/hunspell.hxx>

namespace copydesk {

Speller::Speller(QString language, QString dictionaryName, std::unique_ptr<Hunspell> hunspell)
    : m_language(std::move(language))
    , m_dictionaryName(std::move(dictionaryName))
    , m_hunspell(std::move(hunspell)) {
    m_encoding = QByteArray(m_hunspell->get_dict_encoding().c_str()).trimmed().toUpper();
    m_utf8 = m_encoding.isEmpty() || m_encoding == "UTF-8" || m_encoding == "UTF8";
}

Speller::~Speller() = default;

Result<std::unique_ptr<Speller>> Speller::load(const QString& language, const QString& affPath,
                                               const QString& dicPath) {
    for (const QString& path : {affPath, dicPath}) {
        if (!QFileInfo(path).isReadable()) {
            return Error{
                QCoreApplication::translate("spelling", "Cannot read the %1 spelling dictionary %2")
                    .arg(language, QDir::toNativeSeparators(path))};
        }
    }
    auto hunspell = std::make_unique<Hunspell>(QFile::encodeName(affPath).constData(),
                                               QFile::encodeName(dicPath).constData());
    return std::unique_ptr<Speller>(
        new Speller(language, QFileInfo(dicPath).completeBaseName(), std::move(hunspell)));
}

std::string Speller::encode(QStringView word) const {
    if (m_utf8)
        return word.toUtf8().toStdString();
    QStringEncoder encoder(m_encoding.constData());
    if (!encoder.isValid())
        return word.toUtf8().toStdString();
    const QByteArray bytes = encoder.encode(word);
    return bytes.toStdString();
}

bool Speller::isCorrect(QStringView word) const {
    if (word.isEmpty())
        return true;
    if (word.size() > kMaxWordLength)
        return false;
    QMutexLocker lock(&m_mutex);
    const QString key = word.toString();
    const auto it = m_cache.constFind(key);
    if (it != m_cache.constEnd())
        return it.value();
    const bool correct = m_hunspell->spell(encode(word));
    if (m_cache.size() >= kMaxCachedWords)
        m_cache.clear();
    m_cache.insert(key, correct);
    return correct;
}

qsizetype Speller::cachedWords() const {
    QMutexLocker lock(&m_mutex);
    return m_cache.size();
}

QStringList Speller::suggestions(QStringView word) const {
    if (word.size() > kMaxWordLength)
        return {};
    QMutexLocker lock(&m_mutex);
    const QString key = word.toString();
    if (const auto it = m_suggestionCache.constFind(key); it != m_suggestionCache.constEnd())
        return it.value();
    QStringList result;
    QStringDecoder decoder(m_utf8 ? "UTF-8" : m_encoding.constData());
    for (const std::string& s : m_hunspell->suggest(encode(word))) {
        const QByteArray bytes(s.data(), qsizetype(s.size()));
        result.append(decoder.isValid() ? decoder.decode(bytes) : QString::fromUtf8(bytes));
    }
    if (m_suggestionCache.size() >= kMaxCachedSuggestions)
        m_suggestionCache.clear();
    m_suggestionCache.insert(key, result);
    return result;
}

SpellerPool::SpellerPool(QStringList searchPaths)
    : m_searchPaths(std::move(searchPaths)) {}

SpellerPool::~SpellerPool() = default;

QString SpellerPool::findFile(const QString& name) const {
    for (const QString& dir : m_searchPaths) {
        const QString base = QDir(dir).filePath(name);
        if (QFileInfo::exists(base + QStringLiteral(".aff")) &&
            QFileInfo::exists(base + QStringLiteral(".dic")))
            return base;
    }
    return {};
}

QString SpellerPool::dictionaryFor(const QString& language) const {
    // BCP 47 uses '-', Hunspell file names '_': "fr-CA" -> "fr_CA". A script subtag
    // (zh-Hans) never names a dictionary, so only language and region are tried.
    const QStringList parts = language.trimmed().split(QLatin1Char('-'), Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return {};
    const QString primary = parts.front().toLower();
    QStringList candidates;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        if (parts[i].size() == 2)
            candidates.append(primary + QLatin1Char('_') + parts[i].toUpper());
    }
    // A bare language is served by its likely region by CLDR, as QLocale knows it:
    // "en" by en_US, "fr" by fr_FR, "ar" by ar_EG, "pt" by pt_BR.
    const QString likely = QLocale(language).name();
    if (likely.startsWith(primary + QLatin1Char('_')) && !candidates.contains(likely))
        candidates.append(likely);
    candidates.append(primary);
    for (const QString& candidate : std::as_const(candidates)) {
        const QString base = findFile(candidate);
        if (!base.isEmpty())
            return base;
    }
    // Any regional dictionary of the language, in a stable order.
    for (const QString& dir : m_searchPaths) {
        QStringList found =
            QDir(dir).entryList({primary + QStringLiteral("_*.dic")}, QDir::Files, QDir::Name);
        if (!found.isEmpty())
            return QDir(dir).filePath(QFileInfo(found.front()).completeBaseName());
    }
    return {};
}

Result<Speller*> SpellerPool::speller(const QString& language) {
    QMutexLocker lock(&m_mutex);
    const QString failure = m_failures.value(language);
    if (!failure.isEmpty())
        return Error{failure};
    const QString base = dictionaryFor(language);
    if (base.isEmpty()) {
        const QString message =
            QCoreApplication::translate("spelling", "No spelling dictionary for %1 in %2")
                .arg(language, m_searchPaths.join(QLatin1String(", ")));
        m_failures.insert(language, message);
        return Error{message};
    }
    if (auto it = m_byDictionary.constFind(base); it != m_byDictionary.constEnd())
        return it.value().get();
    auto loaded =
        Speller::load(language, base + QStringLiteral(".aff"), base + QStringLiteral(".dic"));
    if (!loaded)
        return Error{loaded.error()};
    std::shared_ptr<Speller> speller(std::move(loaded).value().release());
    m_byDictionary.insert(base, speller);
    return speller.get();
}

} // namespace copydesk
