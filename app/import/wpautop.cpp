#include "import/wpautop_p.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace copydesk::wordpress {

namespace {

/// The elements WordPress does not wrap in paragraphs (its "allblocks" list).
const QString& blockNames() {
    static const QString names = QStringLiteral(
        "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|"
        "form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|"
        "article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)");
    return names;
}

QRegularExpression re(const QString& pattern) {
    return QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption |
                                           QRegularExpression::DotMatchesEverythingOption);
}

/// The attributes of a shortcode ('a="1" b=2 c'), by lower-case name.
QHash<QString, QString> shortcodeAttributes(const QString& text) {
    static const QRegularExpression attribute(
        QStringLiteral("([\\w-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s'\"\\]]+))"));
    QHash<QString, QString> attributes;
    auto it = attribute.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        QString value = m.captured(2);
        if (value.isEmpty())
            value = m.captured(3);
        if (value.isEmpty())
            value = m.captured(4);
        attributes.insert(m.captured(1).toLower(), value);
    }
    return attributes;
}

QString imageTag(const Attachment& image) {
    return QStringLiteral("<img src=\"") + image.url.toHtmlEscaped() + QStringLiteral("\" alt=\"") +
           (image.alt.isEmpty() ? image.title : image.alt).toHtmlEscaped() + QStringLiteral("\">");
}

} // namespace

bool hasBlocks(const QString& content) {
    return content.contains(QLatin1String("<!-- wp:"));
}

QString autoParagraphs(const QString& input) {
    QString text = input;
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    if (text.trimmed().isEmpty())
        return {};
    text += QLatin1Char('\n');

    // <pre> keeps its newlines: set aside, put back at the end.
    QStringList pres;
    static const QRegularExpression pre = re(QStringLiteral("<pre[\\s>].*?</pre>"));
    for (auto m = pre.match(text); m.hasMatch(); m = pre.match(text, m.capturedStart() + 1)) {
        const QString placeholder = QStringLiteral("<pre wp-pre-tag-%1></pre>").arg(pres.size());
        pres.append(m.captured(0));
        text.replace(m.capturedStart(), m.capturedLength(), placeholder);
    }

    static const QRegularExpression doubleBreak = re(QStringLiteral("<br\\s*/?>\\s*<br\\s*/?>"));
    text.replace(doubleBreak, QStringLiteral("\n\n"));
    static const QRegularExpression opening =
        re(QStringLiteral("(<") + blockNames() + QStringLiteral("[\\s/>])"));
    text.replace(opening, QStringLiteral("\n\n\\1"));
    static const QRegularExpression closing =
        re(QStringLiteral("(</") + blockNames() + QStringLiteral(">)"));
    text.replace(closing, QStringLiteral("\\1\n\n"));
    static const QRegularExpression hr = re(QStringLiteral("(<hr\\s*?/?>)"));
    text.replace(hr, QStringLiteral("\\1\n\n"));
    // Newlines inside a shortcode's or an element's own lines do not make paragraphs.
    static const QRegularExpression manyNewlines(QStringLiteral("\n\\s*\n"));
    const QStringList chunks = text.split(manyNewlines, Qt::SkipEmptyParts);
    QString out;
    for (const QString& chunk : chunks) {
        const QString trimmed = chunk.trimmed();
        if (!trimmed.isEmpty())
            out += QStringLiteral("<p>") + trimmed + QStringLiteral("</p>\n");
    }

    static const QRegularExpression emptyParagraph = re(QStringLiteral("<p>\\s*</p>"));
    out.remove(emptyParagraph);
    static const QRegularExpression soleBlock =
        re(QStringLiteral("<p>\\s*(</?") + blockNames() + QStringLiteral("[^>]*>)\\s*</p>"));
    out.replace(soleBlock, QStringLiteral("\\1"));
    static const QRegularExpression listItem = re(QStringLiteral("<p>(<li.+?)</p>"));
    out.replace(listItem, QStringLiteral("\\1"));
    static const QRegularExpression quoteOpen = re(QStringLiteral("<p><blockquote([^>]*)>"));
    out.replace(quoteOpen, QStringLiteral("<blockquote\\1><p>"));
    out.replace(QLatin1String("</blockquote></p>"), QLatin1String("</p></blockquote>"));
    static const QRegularExpression blockAfterP =
        re(QStringLiteral("<p>\\s*(</?") + blockNames() + QStringLiteral("[^>]*>)"));
    out.replace(blockAfterP, QStringLiteral("\\1"));
    static const QRegularExpression blockBeforeEnd =
        re(QStringLiteral("(</?") + blockNames() + QStringLiteral("[^>]*>)\\s*</p>"));
    out.replace(blockBeforeEnd, QStringLiteral("\\1"));

    // The newlines left within a paragraph (between <p> and </p>) are line breaks.
    QString result;
    result.reserve(out.size());
    int depth = 0;
    for (qsizetype i = 0; i < out.size(); ++i) {
        const QStringView at = QStringView(out).mid(i, 3);
        if (at.compare(QLatin1String("<p>"), Qt::CaseInsensitive) == 0 ||
            at.compare(QLatin1String("<p "), Qt::CaseInsensitive) == 0)
            ++depth;
        else if (out.mid(i, 4).compare(QLatin1String("</p>"), Qt::CaseInsensitive) == 0)
            depth = qMax(0, depth - 1);
        if (out.at(i) == QLatin1Char('\n') && depth > 0) {
            result += QStringLiteral("<br />\n");
            continue;
        }
        result += out.at(i);
    }
    static const QRegularExpression breakAfterBlock =
        re(QStringLiteral("(</?") + blockNames() + QStringLiteral("[^>]*>)\\s*<br />"));
    result.replace(breakAfterBlock, QStringLiteral("\\1"));
    static const QRegularExpression breakBeforeBlock =
        re(QStringLiteral("<br />(\\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)"));
    result.replace(breakBeforeBlock, QStringLiteral("\\1"));

    for (qsizetype i = 0; i < pres.size(); ++i)
        result.replace(QStringLiteral("<pre wp-pre-tag-%1></pre>").arg(i), pres.at(i));
    return result;
}

QString expandShortcodes(const QString& content, const QString& postId,
                         const QHash<QString, Attachment>& attachments, QStringList& unknown) {
    // [name attrs]...[/name] or [name attrs] or [name attrs /]; [[name]] is WordPress's
    // escape for a literal shortcode.
    static const QRegularExpression shortcode = re(QStringLiteral(
        "\\[(\\[?)([A-Za-z][\\w-]*)(?![\\w-])([^\\]]*?)(/?)\\](?:(.*?)\\[/\\2\\])?(\\]?)"));
    static const QSet<QString> known{QStringLiteral("caption"), QStringLiteral("wp_caption"),
                                     QStringLiteral("gallery"), QStringLiteral("embed")};
    QString out;
    qsizetype from = 0;
    auto it = shortcode.globalMatch(content);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString name = m.captured(2).toLower();
        if (!m.captured(1).isEmpty() && !m.captured(6).isEmpty()) {
            // [[gallery]]: shown as "[gallery]".
            out += content.mid(from, m.capturedStart() - from);
            out += m.captured(0).mid(1, m.capturedLength() - 2);
            from = m.capturedEnd();
            continue;
        }
        if (!known.contains(name)) {
            // Only what looks like a shortcode is one: attributes or a closing tag,
            // not "[sic]" in a sentence.
            const bool looksLikeOne =
                !m.captured(3).trimmed().isEmpty() || !m.captured(5).isNull() ||
                !m.captured(4).isEmpty() || name == QLatin1String("audio") ||
                name == QLatin1String("video") || name == QLatin1String("playlist");
            if (looksLikeOne && !unknown.contains(name))
                unknown.append(name);
            continue;
        }
        out += content.mid(from, m.capturedStart() - from);
        from = m.capturedEnd();
        const QHash<QString, QString> attributes = shortcodeAttributes(m.captured(3));
        const QString inner = m.captured(5);
        if (name == QLatin1String("embed")) {
            const QString url = inner.trimmed();
            out += QStringLiteral("<p><a href=\"") + url.toHtmlEscaped() + QStringLiteral("\">") +
                   url.toHtmlEscaped() + QStringLiteral("</a></p>");
            continue;
        }
        if (name == QLatin1String("gallery")) {
            QStringList ids =
                attributes.value(QStringLiteral("ids")).split(QLatin1Char(','), Qt::SkipEmptyParts);
            for (QString& id : ids)
                id = id.trimmed();
            if (ids.isEmpty()) {
                for (auto a = attachments.constBegin(); a != attachments.constEnd(); ++a) {
                    if (a->parent == postId)
                        ids.append(a.key());
                }
                std::sort(ids.begin(), ids.end(), [](const QString& x, const QString& y) {
                    return x.toLongLong() < y.toLongLong();
                });
            }
            QString list;
            for (const QString& id : std::as_const(ids)) {
                const auto a = attachments.constFind(id);
                if (a != attachments.constEnd() && !a->url.isEmpty())
                    list += QStringLiteral("<li>") + imageTag(*a) + QStringLiteral("</li>");
            }
            if (!list.isEmpty())
                out += QStringLiteral("<ul>") + list + QStringLiteral("</ul>");
            continue;
        }
        // [caption]<img ...> The caption[/caption], or caption="..." (older exports).
        QString image = inner;
        QString caption = attributes.value(QStringLiteral("caption"));
        static const QRegularExpression picture =
            re(QStringLiteral("^\\s*((?:<a\\s[^>]*>\\s*)?<img[^>]*>(?:\\s*</a>)?)(.*)$"));
        if (const auto p = picture.match(inner); p.hasMatch()) {
            image = p.captured(1);
            if (caption.isEmpty())
                caption = p.captured(2).trimmed();
        }
        out += QStringLiteral("<figure>") + image;
        if (!caption.isEmpty())
            out += QStringLiteral("<figcaption>") + caption + QStringLiteral("</figcaption>");
        out += QStringLiteral("</figure>");
    }
    out += content.mid(from);
    return out;
}

} // namespace copydesk::wordpress
