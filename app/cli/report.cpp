#include "cli/report.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace copydesk::checks {

namespace {

// Messages are one line by contract, but excerpts and URLs quoted in them come from
// pasted text; a stray line break would split a finding over two lines of output.
QString oneLine(QString text) {
    for (QChar& c : text) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t'))
            c = QLatin1Char(' ');
    }
    return text;
}

QJsonObject positionToJson(const SourcePosition& p) {
    return QJsonObject{{QStringLiteral("line"), p.line},
                       {QStringLiteral("column"), p.column},
                       {QStringLiteral("offset"), p.offset}};
}

} // namespace

QString findingLine(const Finding& finding, const QString& article) {
    return QStringLiteral("%1 [%2] %3 %4 %5 %6: %7")
        .arg(article, finding.language, fieldId(finding.field), formatRange(finding.range),
             severityId(finding.severity), finding.checkId, oneLine(finding.message));
}

QJsonObject findingToJson(const Finding& finding, const QUuid& articleId, const QString& slug) {
    QJsonObject o{
        {QStringLiteral("article"), articleId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("slug"), slug},
        {QStringLiteral("language"), finding.language},
        {QStringLiteral("field"), fieldId(finding.field)},
        {QStringLiteral("check"), finding.checkId},
        {QStringLiteral("severity"), severityId(finding.severity)},
        {QStringLiteral("range"),
         QJsonObject{{QStringLiteral("start"), positionToJson(finding.range.start)},
                     {QStringLiteral("end"), positionToJson(finding.range.end)}}},
        {QStringLiteral("excerpt"), finding.excerpt},
        {QStringLiteral("message"), finding.message},
    };
    if (finding.fix) {
        QJsonArray edits;
        for (const TextEdit& e : finding.fix->edits) {
            edits.append(QJsonObject{{QStringLiteral("offset"), e.offset},
                                     {QStringLiteral("length"), e.length},
                                     {QStringLiteral("replacement"), e.replacement}});
        }
        o.insert(QStringLiteral("fix"),
                 QJsonObject{{QStringLiteral("description"), finding.fix->description},
                             {QStringLiteral("safe"), finding.safeFix},
                             {QStringLiteral("edits"), edits}});
    }
    return o;
}

QStringList cleanupReport(const ImportCleanup& cleanup) {
    QStringList lines;
    const QString& slug = cleanup.cleaned.slug;
    for (const QString& fix : cleanup.appliedFixes)
        lines.append(QCoreApplication::translate("cli", "%1: fixed %2").arg(slug, oneLine(fix)));
    for (const Finding& f : cleanup.remaining)
        lines.append(findingLine(f, slug));
    return lines;
}

} // namespace copydesk::checks
