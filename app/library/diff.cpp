// diffArticles(): a unified diff per field. The line diff comes from dtl (Debian
// package libdtl-dev, header-only), which computes the shortest edit script with
// Wu's O(NP) algorithm and groups it into unified hunks with 3 lines of context.
#include "library/library.h"

#include <dtl/dtl.hpp>

#include <string>
#include <vector>

namespace copydesk {

namespace {

// A final "\n" ends the last line rather than starting an empty one, as in diff(1).
std::vector<QString> linesOf(const QString& text) {
    std::vector<QString> lines;
    if (text.isEmpty())
        return lines;
    QStringList split = text.split(QLatin1Char('\n'));
    if (text.endsWith(QLatin1Char('\n')))
        split.removeLast();
    lines.assign(split.cbegin(), split.cend());
    return lines;
}

QString header(const QString& marker, const QString& field, const QString& label) {
    QString line = marker + QLatin1Char(' ') + field;
    if (!label.isEmpty())
        line += QStringLiteral(" (") + label + QLatin1Char(')');
    return line + QLatin1Char('\n');
}

// One field: headers plus hunks, or nothing when equal.
QString diffField(const QString& field, const QString& before, const QString& after,
                  const QString& beforeLabel, const QString& afterLabel) {
    if (before == after)
        return {};
    const std::vector<QString> a = linesOf(before);
    const std::vector<QString> b = linesOf(after);
    QString out = header(QStringLiteral("---"), field, beforeLabel) +
                  header(QStringLiteral("+++"), field, afterLabel);
    if (a == b) {
        // Only the final newline differs.
        return out + QStringLiteral("@@ -%1,%2 +%1,%2 @@\n\\ %3\n")
                         .arg(qMax<qsizetype>(1, qsizetype(a.size())))
                         .arg(0)
                         .arg(QStringLiteral("final newline added or removed"));
    }
    auto range = [](qsizetype start, qsizetype count) {
        return QStringLiteral("%1,%2").arg(count == 0 ? start - 1 : start).arg(count);
    };
    if (a.empty() || b.empty()) {
        // dtl needs two non-empty sequences for its hunk numbers; one side empty is a
        // single all-added or all-removed hunk.
        out += QStringLiteral("@@ -%1 +%2 @@\n")
                   .arg(range(1, qsizetype(a.size())), range(1, qsizetype(b.size())));
        for (const QString& line : a)
            out += QLatin1Char('-') + line + QLatin1Char('\n');
        for (const QString& line : b)
            out += QLatin1Char('+') + line + QLatin1Char('\n');
        return out;
    }
    dtl::Diff<QString, std::vector<QString>> diff(a, b);
    diff.compose();
    diff.composeUnifiedHunks();
    auto print = [&out](const auto& elements) {
        for (const auto& e : elements) {
            const QChar mark = e.second.type == dtl::SES_ADD      ? QLatin1Char('+')
                               : e.second.type == dtl::SES_DELETE ? QLatin1Char('-')
                                                                  : QLatin1Char(' ');
            out += mark + e.first + QLatin1Char('\n');
        }
    };
    for (const auto& hunk : diff.getUniHunks()) {
        out +=
            QStringLiteral("@@ -%1,%2 +%3,%4 @@\n").arg(hunk.a).arg(hunk.b).arg(hunk.c).arg(hunk.d);
        print(hunk.common[0]);
        print(hunk.change);
        print(hunk.common[1]);
    }
    return out;
}

QString dateline(const Dateline& d) {
    QStringList parts;
    if (!d.place.isEmpty())
        parts.append(d.place);
    if (d.date.isValid())
        parts.append(d.date.toString(Qt::ISODate));
    return parts.join(QStringLiteral(", "));
}

} // namespace

QString diffArticles(const Article& before, const Article& after, const QString& beforeLabel,
                     const QString& afterLabel) {
    QString out;
    auto field = [&](const QString& name, const QString& a, const QString& b) {
        out += diffField(name, a, b, beforeLabel, afterLabel);
    };
    // Timestamps are left out: every save changes them, and they are in the revision
    // list already.
    field(QStringLiteral("slug"), before.slug, after.slug);
    field(QStringLiteral("status"), statusId(before.status), statusId(after.status));
    field(QStringLiteral("byline"), before.byline, after.byline);
    field(QStringLiteral("dateline"), dateline(before.dateline), dateline(after.dateline));
    field(QStringLiteral("tags"), before.tags.join(QLatin1Char('\n')),
          after.tags.join(QLatin1Char('\n')));
    field(QStringLiteral("categories"), before.categories.join(QLatin1Char('\n')),
          after.categories.join(QLatin1Char('\n')));
    field(QStringLiteral("featured-image"), before.featuredImage, after.featuredImage);
    field(QStringLiteral("source-language"), before.sourceLanguage, after.sourceLanguage);

    // Languages in the order of `after`, then those only in `before` (removed).
    QStringList languages;
    for (const auto* side : {&after, &before}) {
        for (const LanguageVersion& v : side->versions) {
            if (!languages.contains(v.language))
                languages.append(v.language);
        }
    }
    const LanguageVersion empty;
    for (const QString& language : std::as_const(languages)) {
        const LanguageVersion* a = before.version(language);
        const LanguageVersion* b = after.version(language);
        const LanguageVersion& x = a ? *a : empty;
        const LanguageVersion& y = b ? *b : empty;
        auto versionField = [&](const char* name, const QString& p, const QString& q) {
            field(language + QLatin1Char('/') + QLatin1String(name), p, q);
        };
        versionField("title", x.title, y.title);
        versionField("summary", x.summary, y.summary);
        versionField("body", x.body, y.body);
        versionField("seo-title", x.seoTitle, y.seoTitle);
        versionField("seo-description", x.seoDescription, y.seoDescription);
        versionField("status", a ? statusId(x.status) : QString(),
                     b ? statusId(y.status) : QString());
        versionField("translated-from", x.translatedFrom, y.translatedFrom);
        versionField("source-revision",
                     x.sourceRevision ? QString::number(x.sourceRevision) : QString(),
                     y.sourceRevision ? QString::number(y.sourceRevision) : QString());
        versionField("source-fingerprints", x.sourceFingerprints.join(QLatin1Char('\n')),
                     y.sourceFingerprints.join(QLatin1Char('\n')));
        versionField("byline", x.byline, y.byline);
        versionField("site-path", x.sitePath, y.sitePath);
        versionField("site-front-matter", x.siteFrontMatter, y.siteFrontMatter);
    }
    return out;
}

} // namespace copydesk
