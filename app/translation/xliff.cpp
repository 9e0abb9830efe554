#include "translation/xliff.h"

#include "common/languagetag.h"
#include "markdown/document.h"
#include "markdown/markdownescape.h"
#include "translation/segments.h"

#include <QCoreApplication>
#include <QHash>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <map>

namespace copydesk::translation {

namespace {

using markdown::NodeKind;

/// The messages' translation context.
struct Xliff final {
    Q_DECLARE_TR_FUNCTIONS(Xliff)
};

const QString kNs12 = QStringLiteral("urn:oasis:names:tc:xliff:document:1.2");
const QString kNs20 = QStringLiteral("urn:oasis:names:tc:xliff:document:2.0");
const QString kOriginalPrefix = QStringLiteral("copydesk:article/");
const QString kFingerprintCategory = QStringLiteral("copydesk:fingerprint");

// ---- Inline codes -----------------------------------------------------------------

/// One piece of Markdown syntax inside a segment. Paired codes (emphasis, links) wrap
/// text: `open` and `close` are their source; standalone ones (code spans, images,
/// raw HTML, footnote references, hard breaks, bare URLs) are `whole`.
struct Code final {
    bool paired = false;
    QString open;
    QString close;
    QString whole;
    QString ctype; // XLIFF 1.2's ctype
    QString equiv; // what the code shows as text (alt text, code, URL)
    bool image = false;
};

struct Token final {
    enum Kind { Text, Open, Close, Standalone } kind = Text;
    QString text; // Text
    int code = 0; // 1-based index into the codes
};

struct InlineText final {
    QList<Token> tokens;
    QList<Code> codes;
};

class Tokenizer final {
public:
    Tokenizer(const QString& body, const markdown::Document& document)
        : m_body(body)
        , m_doc(document)
        , m_nodes(document.nodes()) {}

    InlineText run(int block) {
        m_out = {};
        children(block);
        return std::move(m_out);
    }

private:
    QString source(qsizetype from, qsizetype to) const { return m_body.mid(from, to - from); }

    void children(int parent) {
        for (int j = parent + 1; j < m_nodes[size_t(parent)].end; j = m_nodes[size_t(j)].end)
            visit(j);
    }

    int add(Code code) {
        m_out.codes.append(std::move(code));
        return int(m_out.codes.size());
    }

    void standalone(Code code) {
        const int id = add(std::move(code));
        m_out.tokens.append({Token::Standalone, {}, id});
    }

    void visit(int j) {
        const markdown::Node& n = m_nodes[size_t(j)];
        const bool hasChildren = n.end > j + 1;
        qsizetype innerStart = n.start, innerStop = n.start;
        if (hasChildren) {
            innerStart = m_nodes[size_t(j) + 1].start;
            for (int k = j + 1; k < n.end; ++k)
                innerStop = std::max(innerStop, m_nodes[size_t(k)].stop);
        }
        switch (n.kind) {
        case NodeKind::Text:
            m_out.tokens.append({Token::Text, n.literal, 0});
            return;
        case NodeKind::SoftBreak:
            m_out.tokens.append({Token::Text, QStringLiteral(" "), 0});
            return;
        case NodeKind::LineBreak:
            standalone({false, {}, {}, QStringLiteral("\\\n"), QStringLiteral("lb"), {}, false});
            return;
        case NodeKind::Code:
            standalone({false,
                        {},
                        {},
                        source(n.start, n.stop),
                        QStringLiteral("x-code"),
                        n.literal,
                        false});
            return;
        case NodeKind::HtmlInline:
            standalone({false,
                        {},
                        {},
                        source(n.start, n.stop),
                        QStringLiteral("x-html"),
                        n.literal,
                        false});
            return;
        case NodeKind::Image: {
            Code c{false,
                   QStringLiteral("!["),
                   source(hasChildren ? innerStop : n.start + 2, n.stop),
                   source(n.start, n.stop),
                   QStringLiteral("image"),
                   m_doc.plainText(j, true),
                   true};
            standalone(std::move(c));
            return;
        }
        case NodeKind::Emph:
        case NodeKind::Strong:
        case NodeKind::Strikethrough:
        case NodeKind::Link:
            if (hasChildren && !(n.kind == NodeKind::Link && n.autolink)) {
                const QString ctype = n.kind == NodeKind::Emph     ? QStringLiteral("italic")
                                      : n.kind == NodeKind::Strong ? QStringLiteral("bold")
                                      : n.kind == NodeKind::Link   ? QStringLiteral("link")
                                                                   : QStringLiteral("x-strike");
                const int id = add({true,
                                    source(n.start, innerStart),
                                    source(innerStop, n.stop),
                                    {},
                                    ctype,
                                    n.url,
                                    false});
                m_out.tokens.append({Token::Open, {}, id});
                children(j);
                m_out.tokens.append({Token::Close, {}, id});
                return;
            }
            standalone({false,
                        {},
                        {},
                        source(n.start, n.stop),
                        n.autolink ? QStringLiteral("x-autolink") : QStringLiteral("x-other"),
                        n.url,
                        false});
            return;
        case NodeKind::FootnoteReference:
            standalone({false,
                        {},
                        {},
                        source(n.start, n.stop),
                        QStringLiteral("x-footnote"),
                        n.literal,
                        false});
            return;
        default:
            standalone(
                {false, {}, {}, source(n.start, n.stop), QStringLiteral("x-other"), {}, false});
            return;
        }
    }

    const QString& m_body;
    const markdown::Document& m_doc;
    const std::vector<markdown::Node>& m_nodes;
    InlineText m_out;
};

/// A version's segments with, for body blocks, their inline codes, and a key per
/// segment that names it in a unit: "title", "summary", "seo-title",
/// "seo-description", "s1", "s2"... (body segments, 1-based).
struct Unit final {
    QString key;
    Segment segment;
    InlineText inlines; // for a Block; an alt text or field is one text token
};

QList<Unit> unitsOf(const LanguageVersion& version) {
    const QList<Segment> segments = segmentsOf(version);
    const markdown::Document document(version.body);
    const std::vector<markdown::Node>& nodes = document.nodes();
    // The leaf block whose inline content starts at an offset.
    QHash<qsizetype, int> blockAt;
    for (size_t i = 0; i < nodes.size(); ++i) {
        const NodeKind k = nodes[i].kind;
        if ((k == NodeKind::Paragraph || k == NodeKind::Heading || k == NodeKind::TableCell) &&
            nodes[i].end > int(i) + 1)
            blockAt.insert(nodes[i + 1].start, int(i));
    }
    Tokenizer tokenizer(version.body, document);
    QList<Unit> out;
    int body = 0;
    for (const Segment& s : segments) {
        Unit u;
        u.segment = s;
        switch (s.kind) {
        case SegmentKind::Title:
            u.key = QStringLiteral("title");
            break;
        case SegmentKind::Summary:
            u.key = QStringLiteral("summary");
            break;
        case SegmentKind::SeoTitle:
            u.key = QStringLiteral("seo-title");
            break;
        case SegmentKind::SeoDescription:
            u.key = QStringLiteral("seo-description");
            break;
        default:
            u.key = QStringLiteral("s%1").arg(++body);
            break;
        }
        if (s.kind == SegmentKind::Block && blockAt.contains(s.start))
            u.inlines = tokenizer.run(blockAt.value(s.start));
        else
            u.inlines.tokens.append({Token::Text, s.text, 0});
        out.append(std::move(u));
    }
    return out;
}

// ---- Writing ----------------------------------------------------------------------

void writeTokens(QXmlStreamWriter& xml, const InlineText& text, XliffVersion version) {
    const bool v12 = version == XliffVersion::V12;
    for (const Token& t : text.tokens) {
        switch (t.kind) {
        case Token::Text:
            xml.writeCharacters(t.text);
            break;
        case Token::Open: {
            const Code& c = text.codes[t.code - 1];
            xml.writeStartElement(v12 ? QStringLiteral("g") : QStringLiteral("pc"));
            xml.writeAttribute(QStringLiteral("id"), QString::number(t.code));
            if (v12) {
                xml.writeAttribute(QStringLiteral("ctype"), c.ctype);
            } else {
                xml.writeAttribute(QStringLiteral("type"), c.ctype == QLatin1String("link")
                                                               ? QStringLiteral("link")
                                                               : QStringLiteral("fmt"));
                xml.writeAttribute(QStringLiteral("dispStart"), c.open);
                xml.writeAttribute(QStringLiteral("dispEnd"), c.close);
            }
            break;
        }
        case Token::Close:
            xml.writeEndElement();
            break;
        case Token::Standalone: {
            const Code& c = text.codes[t.code - 1];
            xml.writeStartElement(v12 ? QStringLiteral("x") : QStringLiteral("ph"));
            xml.writeAttribute(QStringLiteral("id"), QString::number(t.code));
            if (v12) {
                xml.writeAttribute(QStringLiteral("ctype"), c.ctype);
                if (!c.equiv.isEmpty())
                    xml.writeAttribute(QStringLiteral("equiv-text"), c.equiv);
            } else {
                if (c.image)
                    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("image"));
                xml.writeAttribute(QStringLiteral("disp"), c.whole);
                if (!c.equiv.isEmpty())
                    xml.writeAttribute(QStringLiteral("equiv"), c.equiv);
            }
            xml.writeEndElement();
            break;
        }
        }
    }
}

QString state12(SegmentState s) {
    switch (s) {
    case SegmentState::Translated:
        return QStringLiteral("translated");
    case SegmentState::Reviewed:
        return QStringLiteral("signed-off");
    case SegmentState::Outdated:
        return QStringLiteral("needs-review-translation");
    default:
        return QStringLiteral("needs-translation");
    }
}

QString state20(SegmentState s) {
    switch (s) {
    case SegmentState::Translated:
        return QStringLiteral("translated");
    case SegmentState::Reviewed:
        return QStringLiteral("reviewed");
    default:
        return QStringLiteral("initial");
    }
}

/// The version `target` is translated from; for a language the article has no version
/// in yet, its source language version.
const LanguageVersion* sourceFor(const Article& a, const QString& target) {
    if (const LanguageVersion* t = a.version(target))
        return sourceVersion(a, *t);
    const LanguageVersion* s = a.version(a.sourceLanguage);
    return s && s->language != target ? s : nullptr;
}

QString context(const Article& a, const LanguageVersion& source) {
    QStringList parts{Xliff::tr("Article: %1").arg(source.title)};
    if (!source.summary.isEmpty())
        parts << Xliff::tr("Summary: %1").arg(source.summary);
    if (!a.tags.isEmpty())
        parts << Xliff::tr("Tags: %1").arg(a.tags.join(QStringLiteral(", ")));
    return parts.join(QLatin1Char('\n'));
}

} // namespace

Result<QByteArray> exportXliff(const QList<Article>& articles, const QString& targetLanguage,
                               XliffVersion version, bool prefill) {
    const bool v12 = version == XliffVersion::V12;
    QByteArray data;
    QXmlStreamWriter xml(&data);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(1);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("xliff"));
    QString sourceLanguage;
    for (const Article& a : articles) {
        const LanguageVersion* s = sourceFor(a, targetLanguage);
        if (!s)
            return Error{Xliff::tr("article '%1' has no version to translate into '%2' from")
                             .arg(a.slug, targetLanguage),
                         ErrorKind::InvalidInput};
        if (sourceLanguage.isEmpty())
            sourceLanguage = s->language;
        else if (s->language != sourceLanguage)
            // XLIFF 2.0 has one source language per document.
            return Error{
                Xliff::tr("article '%1' is translated from '%2', the others from '%3': export "
                          "them in separate files")
                    .arg(a.slug, s->language, sourceLanguage),
                ErrorKind::InvalidInput};
    }
    if (v12) {
        xml.writeDefaultNamespace(kNs12);
        xml.writeAttribute(QStringLiteral("version"), QStringLiteral("1.2"));
    } else {
        xml.writeDefaultNamespace(kNs20);
        xml.writeAttribute(QStringLiteral("version"), QStringLiteral("2.0"));
        xml.writeAttribute(QStringLiteral("srcLang"), sourceLanguage);
        xml.writeAttribute(QStringLiteral("trgLang"), targetLanguage);
    }
    int fileNumber = 0;
    for (const Article& a : articles) {
        const LanguageVersion& source = *sourceFor(a, targetLanguage);
        LanguageVersion target;
        target.language = targetLanguage;
        if (const LanguageVersion* existing = a.version(targetLanguage))
            target = *existing;
        const Alignment alignment = align(source, target);
        const QList<Unit> units = unitsOf(source);
        // The target's units, for the translations already there.
        QHash<QString, InlineText> targetInlines;
        {
            const QList<Unit> targetUnits = unitsOf(target);
            for (const Unit& u : targetUnits)
                targetInlines.insert(u.segment.fingerprint + QString::number(u.segment.start),
                                     u.inlines);
        }
        const QString original = kOriginalPrefix + a.id.toString(QUuid::WithoutBraces);
        xml.writeStartElement(QStringLiteral("file"));
        if (v12) {
            xml.writeAttribute(QStringLiteral("original"), original);
            xml.writeAttribute(QStringLiteral("source-language"), source.language);
            xml.writeAttribute(QStringLiteral("target-language"), targetLanguage);
            xml.writeAttribute(QStringLiteral("datatype"), QStringLiteral("x-markdown"));
            xml.writeStartElement(QStringLiteral("header"));
            xml.writeTextElement(QStringLiteral("note"), context(a, source));
            xml.writeEndElement();
            xml.writeStartElement(QStringLiteral("body"));
        } else {
            xml.writeAttribute(QStringLiteral("id"), QStringLiteral("f%1").arg(++fileNumber));
            xml.writeAttribute(QStringLiteral("original"), original);
            xml.writeStartElement(QStringLiteral("notes"));
            xml.writeTextElement(QStringLiteral("note"), context(a, source));
            xml.writeEndElement();
        }
        for (qsizetype i = 0; i < units.size(); ++i) {
            const Unit& u = units[i];
            // Rows are in the source's order, as units are.
            const AlignedRow* row = i < alignment.rows.size() ? &alignment.rows[i] : nullptr;
            const bool hasTarget = row && row->target;
            InlineText targetText;
            if (hasTarget) {
                const auto it = targetInlines.constFind(row->target->fingerprint +
                                                        QString::number(row->target->start));
                if (it != targetInlines.constEnd())
                    targetText = *it;
            }
            // A target's codes are the target's own; they go out only where they are the
            // source's (same number and kinds), or the import could not read them back.
            bool codesMatch = targetText.codes.size() == u.inlines.codes.size();
            for (qsizetype k = 0; codesMatch && k < targetText.codes.size(); ++k)
                codesMatch = targetText.codes[k].ctype == u.inlines.codes[k].ctype;
            if (v12) {
                xml.writeStartElement(QStringLiteral("trans-unit"));
                xml.writeAttribute(QStringLiteral("id"), QStringLiteral("u%1").arg(i + 1));
                xml.writeAttribute(QStringLiteral("resname"), u.key);
                xml.writeAttribute(QStringLiteral("extradata"), u.segment.fingerprint);
                if (hasTarget && row->state == SegmentState::Reviewed)
                    xml.writeAttribute(QStringLiteral("approved"), QStringLiteral("yes"));
                xml.writeAttribute(QStringLiteral("xml:space"), QStringLiteral("preserve"));
                xml.writeStartElement(QStringLiteral("source"));
                writeTokens(xml, u.inlines, version);
                xml.writeEndElement();
                if (hasTarget && codesMatch) {
                    xml.writeStartElement(QStringLiteral("target"));
                    xml.writeAttribute(QStringLiteral("state"), state12(row->state));
                    writeTokens(xml, targetText, version);
                    xml.writeEndElement();
                } else if (prefill) {
                    xml.writeStartElement(QStringLiteral("target"));
                    xml.writeAttribute(QStringLiteral("state"),
                                       state12(SegmentState::Untranslated));
                    writeTokens(xml, u.inlines, version);
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            } else {
                xml.writeStartElement(QStringLiteral("unit"));
                xml.writeAttribute(QStringLiteral("id"), QStringLiteral("u%1").arg(i + 1));
                xml.writeAttribute(QStringLiteral("name"), u.key);
                xml.writeStartElement(QStringLiteral("notes"));
                xml.writeStartElement(QStringLiteral("note"));
                xml.writeAttribute(QStringLiteral("category"), kFingerprintCategory);
                xml.writeCharacters(u.segment.fingerprint);
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeStartElement(QStringLiteral("segment"));
                const bool translated = hasTarget && codesMatch;
                if (translated || prefill)
                    xml.writeAttribute(
                        QStringLiteral("state"),
                        state20(translated ? row->state : SegmentState::Untranslated));
                xml.writeStartElement(QStringLiteral("source"));
                writeTokens(xml, u.inlines, version);
                xml.writeEndElement();
                if (translated || prefill) {
                    xml.writeStartElement(QStringLiteral("target"));
                    writeTokens(xml, translated ? targetText : u.inlines, version);
                    xml.writeEndElement();
                }
                xml.writeEndElement(); // segment
                xml.writeEndElement(); // unit
            }
        }
        if (v12)
            xml.writeEndElement(); // body
        xml.writeEndElement();     // file
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    return data;
}

// ---- Reading ----------------------------------------------------------------------

namespace {

struct ReadUnit final {
    QString id;
    QString key;
    QString fingerprint;
    QString state; // as written
    bool approved = false;
    bool hasTarget = false;
    QList<Token> target;
    qint64 line = 0;
};

struct ReadFile final {
    QUuid article;
    QString sourceLanguage;
    QString targetLanguage;
    QList<ReadUnit> units;
    qint64 line = 0;
};

class Reader final {
public:
    Reader(const QByteArray& data, const QString& name)
        : m_xml(data)
        , m_name(name) {}

    Result<QList<ReadFile>> read() {
        QList<ReadFile> files;
        QString srcLang, trgLang;
        while (!m_xml.atEnd()) {
            const auto token = m_xml.readNext();
            if (token == QXmlStreamReader::DTD)
                return fail(Xliff::tr("a DOCTYPE is not allowed in an XLIFF file"));
            if (token == QXmlStreamReader::EntityReference)
                return fail(Xliff::tr("entity references are not allowed in an XLIFF file"));
            if (token != QXmlStreamReader::StartElement)
                continue;
            const QStringView name = m_xml.name();
            if (name == u"xliff") {
                m_ns = m_xml.namespaceUri().toString();
                if (m_ns != kNs12 && m_ns != kNs20)
                    return fail(
                        Xliff::tr("not an XLIFF 1.2 or 2.0 document (namespace '%1')").arg(m_ns));
                srcLang = m_xml.attributes().value(QStringLiteral("srcLang")).toString();
                trgLang = m_xml.attributes().value(QStringLiteral("trgLang")).toString();
            } else if (name == u"file") {
                ReadFile f;
                f.line = m_xml.lineNumber();
                const QString original =
                    m_xml.attributes().value(QStringLiteral("original")).toString();
                if (!original.startsWith(kOriginalPrefix) ||
                    QUuid::fromString(original.mid(kOriginalPrefix.size())).isNull())
                    return fail(Xliff::tr("the file's 'original' is '%1', not a Copydesk article")
                                    .arg(original));
                f.article = QUuid::fromString(original.mid(kOriginalPrefix.size()));
                if (is12()) {
                    f.sourceLanguage =
                        m_xml.attributes().value(QStringLiteral("source-language")).toString();
                    f.targetLanguage =
                        m_xml.attributes().value(QStringLiteral("target-language")).toString();
                } else {
                    f.sourceLanguage = srcLang;
                    f.targetLanguage = trgLang;
                }
                files.append(f);
            } else if (name == u"trans-unit" || name == u"unit") {
                if (files.isEmpty())
                    return fail(Xliff::tr("a unit outside a <file>"));
                auto unit = readUnit();
                if (!unit)
                    return unit.failure();
                files.back().units.append(std::move(*unit));
            }
        }
        if (m_xml.hasError())
            return fail(m_xml.errorString());
        if (m_ns.isEmpty())
            return fail(Xliff::tr("not an XLIFF document"));
        return files;
    }

private:
    bool is12() const { return m_ns == kNs12; }

    Error fail(const QString& message) const {
        return Error{Xliff::tr("%1, line %2: %3").arg(m_name).arg(m_xml.lineNumber()).arg(message),
                     ErrorKind::InvalidInput};
    }

    // At the start of a trans-unit (1.2) or unit (2.0); reads to its end.
    Result<ReadUnit> readUnit() {
        ReadUnit u;
        u.line = m_xml.lineNumber();
        const QXmlStreamAttributes a = m_xml.attributes();
        u.id = a.value(QStringLiteral("id")).toString();
        if (is12()) {
            u.key = a.value(QStringLiteral("resname")).toString();
            u.fingerprint = a.value(QStringLiteral("extradata")).toString();
            u.approved = a.value(QStringLiteral("approved")) == u"yes";
        } else {
            u.key = a.value(QStringLiteral("name")).toString();
        }
        const QString element = m_xml.name().toString();
        while (m_xml.readNextStartElement() || !(m_xml.isEndElement() && m_xml.name() == element)) {
            if (m_xml.hasError())
                return fail(m_xml.errorString());
            if (m_xml.tokenType() == QXmlStreamReader::DTD ||
                m_xml.tokenType() == QXmlStreamReader::EntityReference)
                return fail(Xliff::tr("entity references are not allowed in an XLIFF file"));
            if (!m_xml.isStartElement())
                continue;
            const QStringView name = m_xml.name();
            if (name == u"notes")
                continue; // its notes are read below
            if (name == u"segment") {
                u.state = m_xml.attributes().value(QStringLiteral("state")).toString();
                continue; // its source and target are read below
            }
            if (name == u"note" &&
                m_xml.attributes().value(QStringLiteral("category")) == kFingerprintCategory) {
                u.fingerprint = m_xml.readElementText();
                continue;
            }
            if (name == u"target") {
                if (is12())
                    u.state = m_xml.attributes().value(QStringLiteral("state")).toString();
                auto tokens = readInline(QStringLiteral("target"));
                if (!tokens)
                    return tokens.failure();
                u.target = std::move(*tokens);
                u.hasTarget = true;
                continue;
            }
            m_xml.skipCurrentElement();
        }
        if (u.key.isEmpty() || u.fingerprint.isEmpty())
            return fail(
                Xliff::tr("unit '%1' was not written by Copydesk (it has no segment name or "
                          "fingerprint)")
                    .arg(u.id));
        return u;
    }

    // Inside `element` (target); reads to its end.
    Result<QList<Token>> readInline(const QString& element) {
        QList<Token> out;
        QList<int> open;
        for (;;) {
            const auto token = m_xml.readNext();
            if (m_xml.hasError())
                return fail(m_xml.errorString());
            if (token == QXmlStreamReader::EntityReference || token == QXmlStreamReader::DTD)
                return fail(Xliff::tr("entity references are not allowed in an XLIFF file"));
            if (token == QXmlStreamReader::Characters) {
                out.append({Token::Text, m_xml.text().toString(), 0});
            } else if (token == QXmlStreamReader::StartElement) {
                const QStringView name = m_xml.name();
                const int id = m_xml.attributes().value(QStringLiteral("id")).toInt();
                if (name == u"g" || name == u"pc") {
                    if (id <= 0)
                        return fail(Xliff::tr("an inline code without a number"));
                    out.append({Token::Open, {}, id});
                    open.append(id);
                } else if (name == u"x" || name == u"ph") {
                    if (id <= 0)
                        return fail(Xliff::tr("an inline code without a number"));
                    out.append({Token::Standalone, {}, id});
                    m_xml.skipCurrentElement();
                } else if (name == u"mrk") {
                    open.append(0); // an annotation: its text is what counts
                } else {
                    return fail(
                        Xliff::tr("<%1> inside a translation is not supported (only g, x, pc, "
                                  "ph and mrk)")
                            .arg(name.toString()));
                }
            } else if (token == QXmlStreamReader::EndElement) {
                if (open.isEmpty() && m_xml.name() == element)
                    return out;
                const int id = open.takeLast();
                if (id > 0)
                    out.append({Token::Close, {}, id});
            } else if (token == QXmlStreamReader::EndDocument) {
                return fail(Xliff::tr("the file ends inside a <%1>").arg(element));
            }
        }
    }

    QXmlStreamReader m_xml;
    QString m_name;
    QString m_ns;
};

/// Whether two token lists say the same: the reader may split a text in several
/// tokens (at an escaped character), so runs of text are compared joined.
bool sameTokens(const QList<Token>& a, const QList<Token>& b) {
    auto joined = [](const QList<Token>& tokens) {
        QList<Token> out;
        for (const Token& t : tokens) {
            if (t.kind == Token::Text && !out.isEmpty() && out.back().kind == Token::Text)
                out.back().text += t.text;
            else
                out.append(t);
        }
        return out;
    };
    const QList<Token> x = joined(a), y = joined(b);
    return std::equal(x.begin(), x.end(), y.begin(), y.end(), [](const Token& l, const Token& r) {
        return l.kind == r.kind && l.text == r.text && l.code == r.code;
    });
}

/// A unit whose state says it is not translated yet (1.2 new, needs-translation; 2.0
/// initial), whatever its target holds.
bool stillToTranslate(const ReadUnit& u) {
    return u.state == u"new" || u.state == u"needs-translation" || u.state == u"initial";
}

SegmentState stateOf(const ReadUnit& u) {
    if (u.approved || u.state == u"signed-off" || u.state == u"final" || u.state == u"reviewed")
        return SegmentState::Reviewed;
    if (u.state == u"translated")
        return SegmentState::Translated;
    return SegmentState::Draft;
}

QString escapeAlt(const QString& alt) {
    return markdown_escape::escapeInline(alt.simplified());
}

/// The Markdown of a translated unit: its text escaped, its codes put back as the
/// source wrote them; images with the translated alt text of their own unit.
Result<QString> assemble(const ReadUnit& unit, const Unit& source,
                         const std::map<int, QString>& altByCode, const QString& where) {
    QString out;
    QList<int> open;
    for (const Token& t : unit.target) {
        if (t.kind == Token::Text) {
            out += source.segment.kind == SegmentKind::Block ? markdown_escape::escapeInline(t.text)
                                                             : t.text;
            continue;
        }
        if (t.code < 1 || t.code > source.inlines.codes.size())
            return Error{
                Xliff::tr("%1: inline code %2 is not in the source segment").arg(where).arg(t.code),
                ErrorKind::InvalidInput};
        const Code& c = source.inlines.codes[t.code - 1];
        if ((t.kind == Token::Standalone) == c.paired)
            return Error{Xliff::tr("%1: inline code %2 %3")
                             .arg(where)
                             .arg(t.code)
                             .arg(c.paired ? Xliff::tr("wraps text in the source")
                                           : Xliff::tr("wraps no text in the source")),
                         ErrorKind::InvalidInput};
        if (t.kind == Token::Open) {
            open.append(t.code);
            out += c.open;
        } else if (t.kind == Token::Close) {
            if (open.isEmpty() || open.takeLast() != t.code)
                return Error{
                    Xliff::tr("%1: inline code %2 is closed out of order").arg(where).arg(t.code),
                    ErrorKind::InvalidInput};
            out += c.close;
        } else if (c.image && altByCode.count(t.code)) {
            out += c.open + escapeAlt(altByCode.at(t.code)) + c.close;
        } else {
            out += c.whole;
        }
    }
    return out;
}

} // namespace

LanguageVersion applyTranslations(const LanguageVersion& source, const LanguageVersion& target,
                                  const std::map<qsizetype, RowTranslation>& changes) {
    const Alignment before = align(source, target);
    const QList<Segment> segments = segmentsOf(source);
    // The body segment holding each alt text's image, if any: an alt text inside a
    // block is translated with the block's text.
    auto inBlock = [&segments](const Segment& alt) {
        return std::any_of(segments.cbegin(), segments.cend(), [&alt](const Segment& other) {
            return other.kind == SegmentKind::Block && other.start <= alt.start &&
                   alt.stop <= other.stop;
        });
    };
    // The source's skeleton with each segment's translation: the change, else the
    // translation already there, else the source text.
    LanguageVersion result = target;
    result.translatedFrom = source.language;
    QString body = source.body;
    std::vector<std::pair<bool, SegmentState>> states(size_t(segments.size()),
                                                      {false, SegmentState::Untranslated});
    // Replacements go from the end, so that earlier offsets stay valid.
    for (qsizetype i = segments.size() - 1; i >= 0; --i) {
        const Segment& segment = segments[i];
        const AlignedRow* row = i < before.rows.size() ? &before.rows[i] : nullptr;
        QString text;
        bool have = false;
        if (const auto change = changes.find(i); change != changes.end()) {
            text = change->second.text;
            have = true;
            states[size_t(i)] = {true, change->second.state};
        } else if (row && row->target) {
            // A translation already there, outdated ones included (kept and marked).
            text = row->target->text;
            have = true;
            if (row->state != SegmentState::Outdated)
                states[size_t(i)] = {true, row->state};
        }
        if (!have)
            continue;
        if (QString* field = segmentField(result, segment.kind)) {
            *field = text;
        } else if (segment.kind == SegmentKind::Block) {
            body.replace(segment.start, segment.stop - segment.start, text);
        } else if (!inBlock(segment)) {
            // An image paragraph's alt text is replaced in place: the image alone,
            // parsed again, has one code that says where its alt text ends.
            const QString image = source.body.mid(segment.start, segment.stop - segment.start);
            const markdown::Document document(image);
            const InlineText inl = Tokenizer(image, document).run(1);
            if (!inl.codes.isEmpty() && inl.codes.front().image)
                body.replace(segment.start, segment.stop - segment.start,
                             inl.codes.front().open + escapeAlt(text) + inl.codes.front().close);
        }
    }
    result.body = body;

    // The record, written directly: the new target has the source's structure, so its
    // k-th body segment stands for the source's k-th, its fields for theirs. A changed
    // or kept translation has its state; an outdated one kept stays outdated (made from
    // the old source text); the source's text where there is no translation is a
    // placeholder (untranslated).
    const QList<Segment> now = segmentsOf(result);
    QList<qsizetype> sourceOf(now.size(), -1);
    {
        QList<qsizetype> sourceBody, nowBody;
        for (qsizetype i = 0; i < segments.size(); ++i)
            if (segments[i].kind == SegmentKind::Block || segments[i].kind == SegmentKind::AltText)
                sourceBody.append(i);
        for (qsizetype k = 0; k < now.size(); ++k) {
            if (now[k].kind == SegmentKind::Block || now[k].kind == SegmentKind::AltText) {
                nowBody.append(k);
            } else {
                for (qsizetype i = 0; i < segments.size(); ++i)
                    if (segments[i].kind == now[k].kind)
                        sourceOf[k] = i;
            }
        }
        if (sourceBody.size() == nowBody.size())
            for (qsizetype k = 0; k < nowBody.size(); ++k)
                sourceOf[nowBody[k]] = sourceBody[k];
    }
    result.sourceFingerprints.clear();
    for (qsizetype k = 0; k < now.size(); ++k) {
        const qsizetype i = sourceOf[k];
        const AlignedRow* row = i >= 0 && i < before.rows.size() ? &before.rows[i] : nullptr;
        if (i >= 0 && states[size_t(i)].first)
            result.sourceFingerprints.append(
                recordEntry(states[size_t(i)].second, segments[i].fingerprint, now[k].fingerprint));
        else if (row && row->state == SegmentState::Outdated && !changes.count(i))
            result.sourceFingerprints.append(
                recordEntry(SegmentState::Translated, row->madeFrom, now[k].fingerprint));
        else if (i >= 0)
            result.sourceFingerprints.append(recordEntry(
                SegmentState::Untranslated, segments[i].fingerprint, now[k].fingerprint));
        else
            result.sourceFingerprints.append(
                recordEntry(SegmentState::Draft, QString(), now[k].fingerprint));
    }
    return result;
}

Result<XliffImport> importXliff(const QByteArray& data, const QString& fileName,
                                const std::function<Result<Article>(const QUuid&)>& lookup) {
    Reader reader(data, fileName);
    auto files = reader.read();
    if (!files)
        return files.failure();
    XliffImport result;
    for (const ReadFile& f : std::as_const(*files)) {
        const QString where = Xliff::tr("%1, line %2").arg(fileName).arg(f.line);
        auto article = lookup(f.article);
        if (!article)
            return Error{Xliff::tr("%1: the file is for article %2: %3")
                             .arg(where, f.article.toString(QUuid::WithoutBraces), article.error()),
                         article.kind()};
        const auto targetTag = canonicalLanguageTag(f.targetLanguage);
        if (!targetTag)
            return Error{Xliff::tr("%1: %2").arg(where, targetTag.error()),
                         ErrorKind::InvalidInput};
        const LanguageVersion* sourcePtr = sourceFor(*article, *targetTag);
        if (!sourcePtr || sourcePtr->language != f.sourceLanguage)
            return Error{
                Xliff::tr("%1: article '%2' is translated into '%3' from '%4', not from '%5'")
                    .arg(where, article->slug, *targetTag,
                         sourcePtr ? sourcePtr->language : Xliff::tr("no version"),
                         f.sourceLanguage),
                ErrorKind::InvalidInput};
        const LanguageVersion source = *sourcePtr;
        LanguageVersion old;
        old.language = *targetTag;
        if (const LanguageVersion* existing = article->version(*targetTag))
            old = *existing;
        const QList<Unit> units = unitsOf(source);
        QHash<QString, qsizetype> unitByKey;
        for (qsizetype i = 0; i < units.size(); ++i)
            unitByKey.insert(units[i].key, i);

        // Which units of the file apply, and their text.
        std::map<qsizetype, const ReadUnit*> applied; // by index into units
        for (const ReadUnit& u : f.units) {
            if (!u.hasTarget)
                continue;
            const auto it = unitByKey.constFind(u.key);
            if (it == unitByKey.constEnd() || units[*it].segment.fingerprint != u.fingerprint) {
                ++result.outdated;
                result.notes << Xliff::tr(
                                    "%1: unit '%2' (%3) of article '%4' is left out: its source "
                                    "text has changed since the export")
                                    .arg(fileName, u.id, u.key, article->slug);
                continue;
            }
            // A target that is its source's copy, in a state that says it is still to
            // translate, is what a prefilled export (or a tool) wrote: no translation.
            if (stillToTranslate(u) && sameTokens(u.target, units[*it].inlines.tokens))
                continue;
            applied[*it] = &u;
        }

        // Alt texts translated in their own units, by the block and code they belong to.
        // An alt text's unit follows its block's; its image is the block's n-th image.
        std::map<qsizetype, std::map<int, QString>> altsOfBlock;
        for (qsizetype i = 0; i < units.size(); ++i) {
            if (units[i].segment.kind != SegmentKind::Block)
                continue;
            int image = 0;
            for (qsizetype k = i + 1;
                 k < units.size() && units[k].segment.kind == SegmentKind::AltText &&
                 units[k].segment.start >= units[i].segment.start &&
                 units[k].segment.stop <= units[i].segment.stop;
                 ++k) {
                // The k-th alt unit is the image code with the same rank.
                int rank = 0;
                for (qsizetype c = 0; c < units[i].inlines.codes.size(); ++c) {
                    if (!units[i].inlines.codes[c].image)
                        continue;
                    if (rank++ == image) {
                        if (const auto a = applied.find(k); a != applied.end()) {
                            QString alt;
                            for (const Token& t : a->second->target)
                                if (t.kind == Token::Text)
                                    alt += t.text;
                            altsOfBlock[i][int(c) + 1] = alt;
                        }
                        break;
                    }
                }
                ++image;
            }
        }

        // The new target: the source's skeleton with each unit's translation. A unit
        // that brings what the version has already, in its state (or in one that says
        // "still to translate", as a file exported and sent back untouched does), is
        // no change; an article without any is left as it is, and not saved.
        const Alignment before = align(source, old);
        std::map<qsizetype, RowTranslation> changes;
        for (const auto& [i, unit] : applied) {
            const std::map<int, QString> none;
            const auto alts = altsOfBlock.find(i);
            auto assembled =
                assemble(*unit, units[i], alts == altsOfBlock.end() ? none : alts->second,
                         Xliff::tr("%1, unit '%2'").arg(fileName, unit->id));
            if (!assembled)
                return assembled.failure();
            const SegmentState state = stateOf(*unit);
            const AlignedRow* row = i < before.rows.size() ? &before.rows[i] : nullptr;
            if (row && row->target && row->target->text == *assembled &&
                (state == row->state || stillToTranslate(*unit)))
                continue;
            changes[i] = RowTranslation{std::move(*assembled), state};
            ++result.applied;
        }
        if (changes.empty())
            continue;
        // Made anew on the source's skeleton, the version keeps only the segments
        // aligned with the source: the others' text would be lost.
        if (!before.orphans.isEmpty())
            return Error{Xliff::tr("%1: article '%2', version '%3': %n segment(s) of the "
                                   "translation match no source segment (\u201c%4\u201d) and "
                                   "would be lost; make its paragraphs match the source's, then "
                                   "import again",
                                   nullptr, int(before.orphans.size()))
                             .arg(where, article->slug, *targetTag,
                                  before.orphans.front().text.simplified().left(60)),
                         ErrorKind::Conflict};
        const LanguageVersion target = applyTranslations(source, old, changes);

        if (LanguageVersion* existing = article->version(*targetTag))
            *existing = target;
        else
            article->versions.append(target);
        result.articles.append(std::move(*article));
    }
    return result;
}

} // namespace copydesk::translation
