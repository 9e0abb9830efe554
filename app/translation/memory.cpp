#include "translation/memory.h"

#include "translation/words_p.h"

#include <QSet>
#include <QTimeZone>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <dtl/dtl.hpp>

#include <algorithm>
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
    pair.tokenCounts.push_back(int(distinct.size()));
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
    const QSet<QString> distinct(query.begin(), query.end());
    if (distinct.isEmpty())
        return matches;

    // Candidates by the distinct tokens they share with the text: 2 * shared / (the
    // distinct tokens of both) bounds the similarity from above (a token repeated in
    // both sequences aside), so those below `minimum` need no comparison.
    std::vector<int> shared(pair.entries.size(), 0);
    std::vector<int> touched;
    for (const QString& token : distinct) {
        const auto postings = pair.tokens.constFind(token);
        if (postings == pair.tokens.constEnd())
            continue;
        for (const int position : *postings) {
            if (shared[size_t(position)]++ == 0)
                touched.push_back(position);
        }
    }
    struct Candidate {
        int position;
        int bound;
    };
    std::vector<Candidate> candidates;
    const int queryCount = int(distinct.size());
    for (const int position : touched) {
        const int bound =
            200 * shared[size_t(position)] / (queryCount + pair.tokenCounts[size_t(position)]);
        if (bound >= std::min(minimum, 99))
            candidates.push_back({position, bound});
    }
    // The most promising first; a few dozen compared at most.
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate& a, const Candidate& b) { return a.bound > b.bound; });
    constexpr size_t kCompared = 64;
    if (candidates.size() > kCompared)
        candidates.resize(kCompared);

    const QString simplified = text.simplified();
    for (const Candidate& candidate : candidates) {
        const MemoryEntry& entry = m_entries[size_t(pair.entries[size_t(candidate.position)])];
        int percent = 100;
        if (entry.source.simplified() != simplified)
            percent = std::min(99, similarity(tokensOf(entry.source), query));
        if (percent < minimum)
            continue;
        matches.append(MemoryMatch{entry, percent, wordDiff(entry.source, text)});
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

/// Reads a TMX document; `fail` set on the first problem.
class TmxReader final {
public:
    TmxReader(const QByteArray& data, const QString& what)
        : m_xml(data)
        , m_what(what) {}

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
        const auto sourceVariant =
            std::find_if(variants.cbegin(), variants.cend(), [&source](const auto& variant) {
                return source.isEmpty() || variant.first.compare(source, Qt::CaseInsensitive) == 0;
            });
        if (sourceVariant == variants.cend())
            return true; // no text in the source language: nothing to offer
        // TMX dates are UTC ("Z"), which the format string reads as a literal.
        QDateTime changed = QDateTime::fromString(date, kTmxDate);
        if (changed.isValid())
            changed = QDateTime(changed.date(), changed.time(), QTimeZone::utc());
        for (const auto& variant : std::as_const(variants)) {
            if (&variant == &*sourceVariant)
                continue;
            memory.add(MemoryEntry{sourceVariant->first, variant.first, sourceVariant->second,
                                   variant.second, article, changed});
        }
        return true;
    }

    /// The text of a <seg>, up to its end tag: character data and the text of <hi>;
    /// the native codes inside <bpt>, <ept>, <ph>, <it> and <ut> are left out.
    std::optional<QString> readSegment() {
        QString text;
        int depth = 0;     // elements open inside the <seg>
        int codeDepth = 0; // of those, the depth of the native code being skipped
        while (next()) {
            switch (m_xml.tokenType()) {
            case QXmlStreamReader::StartElement: {
                ++depth;
                const QStringView name = m_xml.name();
                if (codeDepth == 0 && (name == u"bpt" || name == u"ept" || name == u"ph" ||
                                       name == u"it" || name == u"ut"))
                    codeDepth = depth;
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
                if (codeDepth == 0)
                    text += m_xml.text();
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
};

} // namespace

Result<TranslationMemory> TranslationMemory::fromTmx(const QByteArray& tmx, const QString& what) {
    return TmxReader(tmx, what).read();
}

} // namespace copydesk::translation
