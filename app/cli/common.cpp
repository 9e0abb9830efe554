#include "cli/common.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringDecoder>

#include <cstdio>

namespace copydesk::cli {

QTextStream& out() {
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& err() {
    static QTextStream stream(stderr);
    return stream;
}

int fail(const QString& message) {
    out().flush();
    err() << "copydesk-cli: " << message << Qt::endl;
    return ExitFailure;
}

int usageError(const QString& name, const QString& message) {
    err() << "copydesk-cli " << name << ": " << message << '\n'
          << QCoreApplication::translate("cli", "Try 'copydesk-cli %1 --help'.").arg(name)
          << Qt::endl;
    return ExitUsage;
}

std::optional<int> parseArguments(QCommandLineParser& parser, const QString& name,
                                  const QString& description, const QStringList& args,
                                  bool withLibrary) {
    parser.setApplicationDescription(description);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QCoreApplication::translate("cli", "Show this help."));
    parser.addOption(help);
    if (withLibrary) {
        parser.addOption(QCommandLineOption(
            QStringLiteral("library"),
            QCoreApplication::translate("cli", "Library file to use instead of the default one."),
            QStringLiteral("PATH")));
    }
    // parse() skips its first element as the program name: here, the subcommand's.
    if (!parser.parse(args))
        return usageError(name, parser.errorText());
    if (parser.isSet(help)) {
        // helpText() names the program by the path it was started with; show the
        // subcommand instead.
        QString help = parser.helpText();
        const QString program = QCoreApplication::arguments().constFirst();
        const qsizetype at = help.indexOf(program);
        if (at >= 0)
            help.replace(at, program.size(), QStringLiteral("copydesk-cli ") + name);
        out() << help;
        out().flush();
        return ExitOk;
    }
    return std::nullopt;
}

void addArticleArgument(QCommandLineParser& parser) {
    parser.addPositionalArgument(
        QStringLiteral("ARTICLE"),
        QCoreApplication::translate("cli", "Article id (or unique id prefix) or slug."),
        QStringLiteral("ID|SLUG"));
}

Result<std::unique_ptr<Library>> openLibrary(const QCommandLineParser& parser, Library::Mode mode) {
    const QString path = parser.isSet(QStringLiteral("library"))
                             ? parser.value(QStringLiteral("library"))
                             : Library::defaultPath();
    if (parser.isSet(QStringLiteral("library")))
        return Library::open(path, mode);
    return Library::openOrCreateWithSamples(path, mode);
}

Result<QString> readStdin() {
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return Error{QCoreApplication::translate("cli", "cannot read standard input")};
    const QByteArray bytes = in.readAll();
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return Error{QCoreApplication::translate("cli", "standard input: not valid UTF-8 text")};
    return text;
}

} // namespace copydesk::cli
