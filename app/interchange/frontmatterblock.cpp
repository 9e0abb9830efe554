#include "interchange/frontmatterblock.h"

#include <QRegularExpression>

namespace copydesk::detail {

WrittenForm writtenForm(const QString& kept) {
    return WrittenForm{kept.contains(QStringLiteral("\r\n"))};
}

QString withoutWrittenForm(QString kept) {
    kept.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    return kept;
}

QString inWrittenForm(QString text, WrittenForm form) {
    if (form.crlf)
        text.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
    return text;
}

std::optional<Block> splitBlock(const QString& kept) {
    const QString block = withoutWrittenForm(kept);
    Block b;
    if (block.startsWith(QLatin1Char('{'))) {
        b.syntax = Block::Syntax::Json;
        const qsizetype end = block.lastIndexOf(QLatin1Char('}'));
        if (end < 0)
            return std::nullopt;
        b.inner = block.left(end + 1);
        b.closing = block.mid(end + 1);
        return b;
    }
    const QString fence =
        block.startsWith(QLatin1String("+++")) ? QStringLiteral("+++") : QStringLiteral("---");
    b.syntax = fence == u"+++" ? Block::Syntax::Toml : Block::Syntax::Yaml;
    const qsizetype firstEnd = block.indexOf(QLatin1Char('\n'));
    if (firstEnd < 0)
        return std::nullopt;
    b.opening = block.left(firstEnd + 1);
    static const QRegularExpression closingYaml(QStringLiteral("^(---|\\.\\.\\.)[ \\t]*$"),
                                                QRegularExpression::MultilineOption);
    static const QRegularExpression closingToml(QStringLiteral("^\\+\\+\\+[ \\t]*$"),
                                                QRegularExpression::MultilineOption);
    const auto close =
        (b.syntax == Block::Syntax::Toml ? closingToml : closingYaml).match(block, firstEnd + 1);
    if (!close.hasMatch())
        return std::nullopt;
    b.inner = block.mid(firstEnd + 1, close.capturedStart() - firstEnd - 1);
    b.closing = block.mid(close.capturedStart());
    return b;
}

Result<toml::table> parseToml(const QString& inner) {
    try {
        return toml::parse(inner.toStdString());
    } catch (const toml::parse_error& e) {
        return Error{QString::fromUtf8(e.description().data(), qsizetype(e.description().size())),
                     ErrorKind::InvalidInput};
    }
}

} // namespace copydesk::detail
