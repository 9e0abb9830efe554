#include "markdown/anchors.h"

#include "markdown/document.h"

#include <QHash>
#include <QRegularExpression>

namespace copydesk::markdown {

namespace {

bool isSpace(QChar c) {
    return c == u' ' || c == u'\t';
}

/// Whether `token` is one an attribute block may hold: "#id", ".class", "key=value"
/// or "key="value"" (a quoted value holds no space here: tokens are split at spaces).
bool isAttributeToken(QStringView token) {
    if (token.size() < 2)
        return false;
    if (token.front() == u'#' || token.front() == u'.')
        return true;
    const qsizetype equals = token.indexOf(u'=');
    if (equals <= 0)
        return false;
    for (const QChar c : token.first(equals)) {
        if (!(c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u':'))
            return false;
    }
    return true;
}

/// The footnote ids cmark-gfm writes for `document`: fn-LABEL and fnref-LABEL (then
/// fnref-LABEL-2... for more references to one note). The labels are read from the
/// source: cmark-gfm does not give every footnote node its label.
QSet<QString> footnoteIds(const Document& document) {
    QSet<QString> ids;
    const QByteArray& source = document.sourceMap().utf8();
    if (!document.options().footnotes || !source.contains("[^"))
        return ids;
    static const QRegularExpression kLabel(QStringLiteral(R"(\[\^([^\]\s]+)\])"));
    for (auto it = kLabel.globalMatch(QString::fromUtf8(source)); it.hasNext();) {
        const QString label = it.next().captured(1);
        ids.insert(QStringLiteral("fn-") + label);
        ids.insert(QStringLiteral("fnref-") + label);
    }
    return ids;
}

} // namespace

std::optional<HeadingAttributes> headingAttributes(QStringView text) {
    qsizetype end = text.size();
    while (end > 0 && isSpace(text[end - 1]))
        --end;
    if (end == 0 || text[end - 1] != u'}')
        return std::nullopt;
    const qsizetype open = text.lastIndexOf(u'{', end - 1);
    // "\{" is a brace written as text.
    if (open < 0 || (open > 0 && text[open - 1] == u'\\'))
        return std::nullopt;
    const QStringView inner = text.sliced(open + 1, end - 1 - open - 1);
    HeadingAttributes attributes;
    bool any = false;
    for (const QStringView token : inner.tokenize(u' ', Qt::SkipEmptyParts)) {
        if (token.contains(u'}') || token.contains(u'\\') || !isAttributeToken(token))
            return std::nullopt;
        if (token.front() == u'#' && attributes.id.isEmpty())
            attributes.id = token.sliced(1).toString();
        any = true;
    }
    if (!any)
        return std::nullopt;
    attributes.start = open;
    while (attributes.start > 0 && isSpace(text[attributes.start - 1]))
        --attributes.start;
    return attributes;
}

QString headingSlug(QStringView text) {
    QString slug;
    slug.reserve(text.size());
    const QString lower = text.toString().toLower();
    for (qsizetype i = 0; i < lower.size(); ++i) {
        const QChar c = lower[i];
        if (c == u' ' || c == u'-') {
            slug += u'-';
            continue;
        }
        // Characters outside the BMP (CJK extension B, say) come as surrogate pairs.
        char32_t code = c.unicode();
        if (c.isHighSurrogate() && i + 1 < lower.size() && lower[i + 1].isLowSurrogate())
            code = QChar::surrogateToUcs4(c, lower[i + 1]);
        const QChar::Category category = QChar::category(code);
        const bool kept = QChar::isLetterOrNumber(code) || QChar::isMark(code) ||
                          category == QChar::Punctuation_Connector;
        if (kept)
            slug += lower.sliced(i, QChar::requiresSurrogates(code) ? 2 : 1);
        if (QChar::requiresSurrogates(code))
            ++i;
    }
    return slug;
}

namespace {

/// Ids for headings whose blocks name `named` (empty: none) and whose texts give
/// `slugs`, unique among themselves and `taken` (which gets them): the named ones
/// first, as written where they can be; then the others, numbered from where the last
/// of the same slug stopped (10,000 headings "Notes" try each number once).
QStringList uniqueIds(const QStringList& named, const QStringList& slugs, QSet<QString>& taken) {
    QStringList ids(named.size());
    for (qsizetype k = 0; k < named.size(); ++k) {
        if (!named[k].isEmpty() && !taken.contains(named[k])) {
            ids[k] = named[k];
            taken.insert(named[k]);
        }
    }
    QHash<QString, int> next;
    for (qsizetype k = 0; k < named.size(); ++k) {
        if (!ids[k].isEmpty())
            continue;
        const QString base = slugs[k].isEmpty() ? QStringLiteral("heading") : slugs[k];
        QString id = base;
        int& n = next[base];
        while (taken.contains(id))
            id = base + u'-' + QString::number(++n);
        ids[k] = id;
        taken.insert(id);
    }
    return ids;
}

/// The ids a page holds besides its headings'.
QSet<QString> otherIds(const Document& document) {
    QSet<QString> ids = footnoteIds(document);
    ids.insert(kBodyElementId);
    return ids;
}

/// headingAnchors(), the ids taken in the page left in `taken`.
QList<HeadingAnchor> anchorsOf(const Document& document, QSet<QString>& taken) {
    const std::vector<Node>& nodes = document.nodes();
    QList<HeadingAnchor> anchors;
    QStringList named; // the id each heading's block names, empty for none
    QStringList slugs; // what each heading's id is made from
    for (int i = 0; i < int(nodes.size()); ++i) {
        const Node& heading = nodes[size_t(i)];
        if (heading.kind != NodeKind::Heading)
            continue;
        HeadingAnchor anchor;
        anchor.node = i;
        anchor.text = document.plainText(i, true);
        // The block is in the heading's last text nodes (cmark-gfm may split a run of
        // text in several), not in code or a link.
        QString trailing;
        qsizetype trailingStart = -1;
        qsizetype trailingStop = -1;
        for (int child = heading.end - 1; child > i; --child) {
            const Node& n = nodes[size_t(child)];
            if (n.parent != i)
                continue;
            if (n.kind != NodeKind::Text)
                break;
            trailing.prepend(n.literal);
            trailingStart = n.start;
            if (trailingStop < 0)
                trailingStop = n.stop;
        }
        auto attributes = headingAttributes(trailing);
        // Written as it reads: a brace escaped ("\{#x}", "{\#x}") or an entity
        // ("&#123;#x}") is text, though the text nodes hold the plain characters.
        if (attributes) {
            const SourceMap& map = document.sourceMap();
            const qsizetype from = map.byteFromUtf16(trailingStart);
            const QString source = QString::fromUtf8(
                QByteArrayView(map.utf8()).sliced(from, map.byteFromUtf16(trailingStop) - from));
            if (!source.endsWith(QStringView(trailing).sliced(attributes->start)))
                attributes.reset();
        }
        QString id;
        if (attributes) {
            anchor.attributesLength = trailing.size() - attributes->start;
            anchor.text.chop(anchor.attributesLength);
            id = attributes->id;
        }
        // The slug is made from the text as written (two spaces are two hyphens).
        slugs.append(id.isEmpty() ? headingSlug(anchor.text.trimmed()) : id);
        anchor.text = anchor.text.simplified();
        named.append(id);
        anchors.append(anchor);
    }
    const QStringList ids = uniqueIds(named, slugs, taken);
    for (qsizetype k = 0; k < anchors.size(); ++k)
        anchors[k].id = ids[k];
    return anchors;
}

} // namespace

QList<HeadingAnchor> headingAnchors(const Document& document) {
    QSet<QString> taken = otherIds(document);
    return anchorsOf(document, taken);
}

QStringList headingIds(const Document& document, const QStringList& texts) {
    QStringList slugs;
    slugs.reserve(texts.size());
    for (const QString& text : texts)
        slugs.append(headingSlug(text.trimmed()));
    QSet<QString> taken = otherIds(document);
    return uniqueIds(QStringList(texts.size()), slugs, taken);
}

QSet<QString> pageIds(const Document& document) {
    QSet<QString> taken = otherIds(document);
    anchorsOf(document, taken);
    return taken;
}

} // namespace copydesk::markdown
