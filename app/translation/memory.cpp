#include "translation/memory.h"

#include "translation/words_p.h"

#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <dtl/dtl.hpp>

#include <algorithm>
#include <functional>
#include <optional>

namespace copydesk::translation {

namespace {

const QString kArticleProperty = QStringLiteral("x-copydesk-article");
const QString kTmxDate = QStringLiteral("yyyyMMdd'T'HHmmss'Z'");

QString pairKey(const QString& source, const QString& target) {
    return source + u'\n' + target;
}

/// What two texts are compared by: their words and punctuation in lower case, white
/// space left out (re-wrapping a sentence changes nothing).
std::vector<QString> tokensOf(const QString& text) {
    std::vector<QString> tokens;
    for (const QString& piece : detail::words(text)) {
        if (!piece.trimmed().isEmpty())
            tokens.push_back(piece.toLower());
    }
    return tokens;
}

/// 2 * common / (a + b) in percent, rounded down: the share of the two token
/// sequences that their longest common subsequence covers.
int similarity(const std::vector<QString>& a, const std::vector<QString>& b) {
    if (a.empty() || b.empty())
        return 0;
    dtl::Diff<QString, std::vector<QString>> diff(a, b);
    diff.compose();
    const long long distance = diff.getEditDistance(); // insertions and deletions
    const long long total = static_cast<long long>(a.size() + b.size());
    return int((total - distance) * 100 / total);
}

} // namespace

void TranslationMemory::add(const MemoryEntry& entry) {
    if (entry.source.trimmed().isEmpty() || entry.target.trimmed().isEmpty())
        return;
    // Keyed by a hash of the texts, confirmed by comparing them: a key holding both
    // texts cost more to hash than all the rest of add().
    const QString source = entry.source.simplified();
    const QString target = entry.target.simplified();
    const size_t key = qHashMulti(0, entry.sourceLanguage, entry.targetLanguage, source, target);
    for (auto it = m_exact.constFind(key); it != m_exact.constEnd() && it.key() == key; ++it) {
        MemoryEntry& stored = m_entries[size_t(*it)];
        if (stored.sourceLanguage != entry.sourceLanguage ||
            stored.targetLanguage != entry.targetLanguage || stored.source.simplified() != source ||
            stored.target.simplified() != target)
            continue;
        if (!stored.changed.isValid() || entry.changed > stored.changed) {
            stored.changed = entry.changed;
            stored.article = entry.article;
        }
        return;
    }
    const int index = int(m_entries.size());
    m_entries.push_back(entry);
    m_exact.insert(key, index);
    Pair& pair = m_pairs[pairKey(entry.sourceLanguage, entry.targetLanguage)];
    const int position = int(pair.entries.size());
    pair.entries.push_back(index);
    const std::vector<QString> tokens = tokensOf(entry.source);
    const QSet<QString> distinct(tokens.begin(), tokens.end());
    for (const QString& token : distinct)
        pair.tokens[token].push_back(position);
    pair.tokenCounts.push_back(int(tokens.size()));
}

QList<MemoryMatch> TranslationMemory::lookup(const QString& sourceLanguage,
                                             const QString& targetLanguage, const QString& text,
                                             int minimum, int limit) const {
    QList<MemoryMatch> matches;
    const auto found = m_pairs.constFind(pairKey(sourceLanguage, targetLanguage));
    if (found == m_pairs.constEnd() || text.trimmed().isEmpty() || limit <= 0)
        return matches;
    const Pair& pair = *found;
    const std::vector<QString> query = tokensOf(text);
    QHash<QString, int> queryCounts; // token -> how often the text has it
    for (const QString& token : query)
        ++queryCounts[token];
    if (queryCounts.isEmpty())
        return matches;

    // Candidates by the tokens they share with the text. The words two sequences have
    // in common (their longest common subsequence) are at most the text's occurrences
    // of the shared tokens, and at most the entry's length: 2 * that / (both lengths)
    // bounds the similarity from above, so those below `minimum` need no comparison.
    std::vector<int> shared(pair.entries.size(), 0); // occurrences in the text
    std::vector<int> touched;
    for (auto token = queryCounts.cbegin(); token != queryCounts.cend(); ++token) {
        const auto postings = pair.tokens.constFind(token.key());
        if (postings == pair.tokens.constEnd())
            continue;
        for (const int position : *postings) {
            if (shared[size_t(position)] == 0)
                touched.push_back(position);
            shared[size_t(position)] += token.value();
        }
    }
    struct Candidate {
        int position;
        int bound;
    };
    std::vector<Candidate> candidates;
    const int queryCount = int(query.size());
    for (const int position : touched) {
        const int length = pair.tokenCounts[size_t(position)];
        const int bound = 200 * std::min(shared[size_t(position)], length) / (queryCount + length);
        if (bound >= std::min(minimum, 99))
            candidates.push_back({position, bound});
    }
    // The most promising first, until no candidate left can beat the `limit` best
    // found (a few hundred compared at most, for a text that is all common words).
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate& a, const Candidate& b) { return a.bound > b.bound; });
    constexpr size_t kMostCompared = 500;
    if (candidates.size() > kMostCompared)
        candidates.resize(kMostCompared);
    std::vector<int> best; // the percentages found, best first, at most `limit`

    const QString simplified = text.simplified();
    for (const Candidate& candidate : candidates) {
        if (best.size() == size_t(limit) && candidate.bound < best.back())
            break;
        const MemoryEntry& entry = m_entries[size_t(pair.entries[size_t(candidate.position)])];
        int percent = 100;
        if (entry.source.simplified() != simplified)
            percent = std::min(99, similarity(tokensOf(entry.source), query));
        if (percent < minimum)
            continue;
        matches.append(MemoryMatch{entry, percent, wordDiff(entry.source, text)});
        best.insert(std::upper_bound(best.begin(), best.end(), percent, std::greater<int>()),
                    percent);
        if (best.size() > size_t(limit))
            best.pop_back();
    }
    std::stable_sort(matches.begin(), matches.end(),
                     [](const MemoryMatch& a, const MemoryMatch& b) {
                         if (a.percent != b.percent)
                             return a.percent > b.percent;
                         return a.entry.changed > b.entry.changed;
                     });
    if (matches.size() > limit)
        matches.resize(limit);
    return matches;
}

QByteArray TranslationMemory::toTmx() const {
    QSet<QString> sources;
    for (const MemoryEntry& entry : m_entries)
        sources.insert(entry.sourceLanguage);
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(1);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("tmx"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("1.4"));
    xml.writeStartElement(QStringLiteral("header"));
    xml.writeAttribute(QStringLiteral("creationtool"), QStringLiteral("Copydesk"));
    xml.writeAttribute(QStringLiteral("creationtoolversion"),
                       QCoreApplication::applicationVersion().isEmpty()
                           ? QStringLiteral("0")
                           : QCoreApplication::applicationVersion());
    // Segments are paragraphs, headings, cells and fields, not sentences.
    xml.writeAttribute(QStringLiteral("segtype"), QStringLiteral("paragraph"));
    xml.writeAttribute(QStringLiteral("o-tmf"), QStringLiteral("Copydesk"));
    xml.writeAttribute(QStringLiteral("adminlang"), QStringLiteral("en"));
    xml.writeAttribute(QStringLiteral("srclang"),
                       sources.size() == 1 ? *sources.begin() : QStringLiteral("*all*"));
    xml.writeAttribute(QStringLiteral("datatype"), QStringLiteral("plaintext"));
    xml.writeEndElement(); // header
    xml.writeStartElement(QStringLiteral("body"));
    for (const MemoryEntry& entry : m_entries) {
        xml.writeStartElement(QStringLiteral("tu"));
        xml.writeAttribute(QStringLiteral("srclang"), entry.sourceLanguage);
        if (entry.changed.isValid()) {
            const QString date = entry.changed.toUTC().toString(kTmxDate);
            xml.writeAttribute(QStringLiteral("creationdate"), date);
            xml.writeAttribute(QStringLiteral("changedate"), date);
        }
        if (!entry.article.isEmpty()) {
            xml.writeStartElement(QStringLiteral("prop"));
            xml.writeAttribute(QStringLiteral("type"), kArticleProperty);
            xml.writeCharacters(entry.article);
            xml.writeEndElement();
        }
        for (const auto& [language, text] : {std::pair{entry.sourceLanguage, entry.source},
                                             {entry.targetLanguage, entry.target}}) {
            xml.writeStartElement(QStringLiteral("tuv"));
            xml.writeAttribute(QStringLiteral("xml:lang"), language);
            xml.writeTextElement(QStringLiteral("seg"), text);
            xml.writeEndElement();
        }
        xml.writeEndElement(); // tu
    }
    xml.writeEndElement(); // body
    xml.writeEndElement(); // tmx
    xml.writeEndDocument();
    return out;
}

namespace {

/// Whether two language tags name the same language and script, whatever the region:
/// "en" and "EN-US", "zh-Hans" and "zh-Hans-CN", not "zh-Hans" and "zh-Hant".
bool sameLanguage(const QString& a, const QString& b) {
    auto key = [](const QString& tag) {
        QStringList parts = tag.toLower().split(QRegularExpression(QStringLiteral("[-_]")));
        // A region is two letters or three digits after the language (and script).
        parts.removeIf([&](const QString& p) {
            return &p != &parts.front() &&
                   (p.size() == 2 || (p.size() == 3 && p.front().isDigit()));
        });
        return parts.join(u'-');
    };
    return key(a) == key(b);
}

/// Reads a TMX document; `fail` set on the first problem.
class TmxReader final {
public:
    TmxReader(const QByteArray& data, const QString& what)
        : m_xml(data)
        , m_what(what) {}

    /// Units left out: no variant in the source language.
    int skipped() const { return m_skipped; }

    Result<TranslationMemory> read() {
        TranslationMemory memory;
        bool root = false;
        QString headerSource;
        while (next()) {
            if (m_xml.tokenType() != QXmlStreamReader::StartElement)
                continue;
            const QStringView name = m_xml.name();
            if (!root) {
                if (name != u"tmx")
                    return fail(TranslationMemory::tr("not a TMX file (its root is <%1>)")
                                    .arg(name.toString()));
                root = true;
            } else if (name == u"header") {
                headerSource = m_xml.attributes().value(QLatin1String("srclang")).toString();
            } else if (name == u"tu") {
                if (!readUnit(headerSource, memory))
                    break;
            }
        }
        if (!m_error.isEmpty())
            return Error{m_error, ErrorKind::InvalidInput};
        if (!root)
            return fail(TranslationMemory::tr("not a TMX file (no <tmx> element)"));
        return memory;
    }

private:
    /// The next token; false at the end or on an error (declarations and entity
    /// references included: Qt does not expand external entities, but an internal one
    /// is as bad).
    bool next() {
        if (!m_error.isEmpty())
            return false;
        m_xml.readNext();
        // Tools write <!DOCTYPE tmx SYSTEM "tmx14.dtd"> (translate-toolkit does), which
        // Qt does not load; declarations of their own (an internal subset) are refused.
        if (m_xml.tokenType() == QXmlStreamReader::DTD && m_xml.text().contains(u'[')) {
            fail(TranslationMemory::tr("a DOCTYPE with declarations is not allowed in a TMX "
                                       "file"));
            return false;
        }
        if (m_xml.tokenType() == QXmlStreamReader::EntityReference) {
            fail(TranslationMemory::tr("entity references are not allowed in a TMX file"));
            return false;
        }
        if (m_xml.hasError()) {
            fail(m_xml.errorString());
            return false;
        }
        return !m_xml.atEnd();
    }

    Error fail(const QString& problem) {
        if (m_error.isEmpty())
            m_error = TranslationMemory::tr("%1: line %2: %3")
                          .arg(m_what)
                          .arg(m_xml.lineNumber())
                          .arg(problem);
        return Error{m_error, ErrorKind::InvalidInput};
    }

    static QString languageOf(const QXmlStreamAttributes& attributes) {
        // TMX 1.4 writes xml:lang, TMX 1.1 lang.
        QString language = attributes
                               .value(QStringLiteral("http://www.w3.org/XML/1998/namespace"),
                                      QLatin1String("lang"))
                               .toString();
        if (language.isEmpty())
            language = attributes.value(QLatin1String("xml:lang")).toString();
        if (language.isEmpty())
            language = attributes.value(QLatin1String("lang")).toString();
        return language;
    }

    /// One <tu>, up to its end tag.
    bool readUnit(const QString& headerSource, TranslationMemory& memory) {
        QString source = m_xml.attributes().value(QLatin1String("srclang")).toString();
        if (source.isEmpty() || source == u"*all*")
            source = headerSource == u"*all*" ? QString() : headerSource;
        QString date = m_xml.attributes().value(QLatin1String("changedate")).toString();
        if (date.isEmpty())
            date = m_xml.attributes().value(QLatin1String("creationdate")).toString();
        QString article;
        QList<std::pair<QString, QString>> variants; // language, text
        while (next()) {
            if (m_xml.tokenType() == QXmlStreamReader::EndElement && m_xml.name() == u"tu")
                break;
            if (m_xml.tokenType() != QXmlStreamReader::StartElement)
                continue;
            if (m_xml.name() == u"prop" &&
                m_xml.attributes().value(QLatin1String("type")) == kArticleProperty) {
                article = m_xml.readElementText().trimmed();
            } else if (m_xml.name() == u"tuv") {
                const QString language = languageOf(m_xml.attributes());
                if (language.isEmpty()) {
                    fail(TranslationMemory::tr("a <tuv> without a language"));
                    return false;
                }
                variants.append({language, QString()});
            } else if (m_xml.name() == u"seg") {
                if (variants.isEmpty()) {
                    fail(TranslationMemory::tr("a <seg> outside a <tuv>"));
                    return false;
                }
                const auto text = readSegment();
                if (!text)
                    return false;
                variants.back().second = *text;
            }
        }
        if (!m_error.isEmpty())
            return false;
        // The source variant: the source language's tag itself, else a regional form of
        // it or the language it is a form of (srclang "en" with variants in en-US).
        auto findSource = [&](auto matches) {
            return std::find_if(variants.cbegin(), variants.cend(), [&](const auto& variant) {
                return source.isEmpty() || matches(variant.first);
            });
        };
        auto sourceVariant = findSource(
            [&](const QString& tag) { return tag.compare(source, Qt::CaseInsensitive) == 0; });
        if (sourceVariant == variants.cend())
            sourceVariant =
                findSource([&](const QString& tag) { return sameLanguage(tag, source); });
        if (sourceVariant == variants.cend()) {
            ++m_skipped; // no text in the source language: nothing to offer
            return true;
        }
        // TMX dates are UTC ("Z"), which the format string reads as a literal.
        QDateTime changed = QDateTime::fromString(date, kTmxDate);
        if (changed.isValid())
            changed = QDateTime(changed.date(), changed.time(), QTimeZone::utc());
        for (const auto& variant : std::as_const(variants)) {
            // Another variant in the source's own language is no translation.
            if (&variant == &*sourceVariant || sameLanguage(variant.first, sourceVariant->first))
                continue;
            memory.add(MemoryEntry{sourceVariant->first, variant.first, sourceVariant->second,
                                   variant.second, article, changed});
        }
        return true;
    }

    /// The text of a <seg>, up to its end tag: character data and the text of <hi>;
    /// the native codes inside <bpt>, <ept>, <ph>, <it> and <ut> are left out, a
    /// placeholder (<ph>, <it>, <ut>: a line break, an image) leaving a space between
    /// the words around it.
    std::optional<QString> readSegment() {
        QString text;
        int depth = 0;      // elements open inside the <seg>
        int codeDepth = 0;  // of those, the depth of the native code being skipped
        bool apart = false; // a placeholder was skipped since the last text
        while (next()) {
            switch (m_xml.tokenType()) {
            case QXmlStreamReader::StartElement: {
                ++depth;
                const QStringView name = m_xml.name();
                if (codeDepth == 0 && (name == u"bpt" || name == u"ept" || name == u"ph" ||
                                       name == u"it" || name == u"ut")) {
                    codeDepth = depth;
                    if (name != u"bpt" && name != u"ept")
                        apart = true;
                }
                break;
            }
            case QXmlStreamReader::EndElement:
                if (depth == 0)
                    return text; // </seg>
                if (depth == codeDepth)
                    codeDepth = 0;
                --depth;
                break;
            case QXmlStreamReader::Characters:
                if (codeDepth == 0) {
                    const QStringView chars = m_xml.text();
                    // One space where a placeholder stood between two words.
                    if (apart && !text.isEmpty() && !text.back().isSpace() && !chars.isEmpty() &&
                        !chars.front().isSpace())
                        text += u' ';
                    apart = false;
                    text += chars;
                }
                break;
            default:
                break;
            }
        }
        if (m_error.isEmpty())
            fail(TranslationMemory::tr("the file ends inside a <seg>"));
        return std::nullopt;
    }

    QXmlStreamReader m_xml;
    QString m_what;
    QString m_error;
    int m_skipped = 0;
};

} // namespace

Result<TranslationMemory> TranslationMemory::fromTmx(const QByteArray& tmx, const QString& what,
                                                     int* skipped) {
    TmxReader reader(tmx, what);
    auto memory = reader.read();
    if (skipped)
        *skipped = reader.skipped();
    return memory;
}

} // namespace copydesk::translation
