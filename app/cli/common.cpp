#include "cli/common.h"

#include "common/languagetag.h"
#include "common/limits.h"
#include "import/inputfile.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QStringDecoder>

#include <cerrno>
#include <cstdio>
#include <unistd.h>

namespace copydesk::cli {

namespace {

bool needsEscape(char32_t c, LineBreaks breaks) {
    if (c == U'\n' || c == U'\t')
        return breaks == LineBreaks::Escape;
    switch (QChar::category(c)) {
    case QChar::Other_Control: // C0, DEL, C1
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        break;
    }
    // The controls that reorder the text around them ("Trojan Source"); the marks
    // (LRM, RLM, ALM) only settle a neutral's direction and are kept, since Arabic
    // and Hebrew text needs them.
    switch (QChar::direction(c)) {
    case QChar::DirLRE:
    case QChar::DirLRO:
    case QChar::DirRLE:
    case QChar::DirRLO:
    case QChar::DirPDF:
    case QChar::DirLRI:
    case QChar::DirRLI:
    case QChar::DirFSI:
    case QChar::DirPDI:
        return true;
    default:
        return false;
    }
}

/// A file descriptor as a QIODevice for QTextStream: what is written goes out through
/// terminalSafe(), and the first failed write is kept (errno) for finishOutput().
class TerminalDevice final : public QIODevice {
public:
    explicit TerminalDevice(int fd)
        : m_fd(fd) {
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }

    bool isSequential() const override { return true; }
    int failedErrno() const { return m_errno; }

    /// Writes all of `bytes` as they are; false (and nothing more is written, ever)
    /// once a write has failed: what would follow a gap is not the output any more.
    bool writeRaw(QByteArrayView bytes) {
        const char* data = bytes.data();
        qsizetype left = bytes.size();
        while (left > 0 && m_errno == 0) {
            const ssize_t written = ::write(m_fd, data, static_cast<size_t>(left));
            if (written < 0) {
                if (errno != EINTR)
                    m_errno = errno;
                continue;
            }
            data += written;
            left -= written;
        }
        return m_errno == 0;
    }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override {
        // QTextStream hands over UTF-8 in chunks that may split a character; the
        // decoder keeps the partial sequence for the next call.
        const QString text = m_decoder.decode(QByteArrayView(data, size));
        if (!writeRaw(terminalSafe(text).toUtf8()))
            return -1;
        return size;
    }

private:
    int m_fd;
    int m_errno = 0;
    QStringDecoder m_decoder{QStringDecoder::Utf8};
};

TerminalDevice& stdoutDevice() {
    static TerminalDevice device(STDOUT_FILENO);
    return device;
}

TerminalDevice& stderrDevice() {
    static TerminalDevice device(STDERR_FILENO);
    return device;
}

QString tooLarge(const QString& what) {
    return QCoreApplication::translate("cli", "%1: too large (more than %2 MB)")
        .arg(what, QString::number(kMaxTextBytes / 1024 / 1024));
}

/// "-summit" as the user typed it, for a name QCommandLineParser reports without dashes.
QString typedOption(const QStringList& args, const QString& name) {
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString& a = args.at(i);
        if (a == u"--")
            break;
        for (const QString& form : {QStringLiteral("-") + name, QStringLiteral("--") + name}) {
            if (a == form || a.startsWith(form + QLatin1Char('=')))
                return a;
        }
    }
    return QStringLiteral("--") + name;
}

} // namespace

QString terminalSafe(QStringView text, LineBreaks breaks) {
    QString shown;
    shown.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        // Surrogate pairs carry nothing that is escaped: keep them as they are.
        if (!needsEscape(c.unicode(), breaks)) {
            shown.append(c);
        } else if (c.unicode() < 0x20) {
            shown.append(QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0')));
        } else {
            // \u works inside JSON strings too, where it stands for the same character.
            shown.append(QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0')));
        }
    }
    return shown;
}

QString oneLine(QStringView text) {
    return terminalSafe(text, LineBreaks::Escape);
}

QTextStream& out() {
    static QTextStream stream(&stdoutDevice());
    return stream;
}

QTextStream& err() {
    static QTextStream stream(&stderrDevice());
    return stream;
}

Result<void> writeDocument(QByteArrayView bytes) {
    out().flush();
    TerminalDevice& device = stdoutDevice();
    if (::isatty(STDOUT_FILENO))
        device.write(bytes.data(), bytes.size());
    else
        device.writeRaw(bytes);
    return finishOutput();
}

Result<void> finishOutput() {
    out().flush();
    const int e = stdoutDevice().failedErrno();
    if (e == 0)
        return {};
    return Error{QCoreApplication::translate("cli", "cannot write standard output: %1")
                     .arg(qt_error_string(e)),
                 e == ENOSPC ? ErrorKind::DiskFull : ErrorKind::Io};
}

Result<void> flushAndFinishOutput(Library& lib) {
    if (auto flushed = lib.flushTransaction(); !flushed)
        return flushed;
    return finishOutput();
}

int fail(const QString& message) {
    out().flush();
    err() << "copydesk-cli: " << oneLine(message) << Qt::endl;
    return ExitFailure;
}

int usageError(const QString& name, const QString& message) {
    err() << "copydesk-cli " << name << ": " << oneLine(message) << '\n'
          << QCoreApplication::translate("cli", "Try 'copydesk-cli %1 --help'.").arg(name)
          << Qt::endl;
    return ExitUsage;
}

std::optional<int> parseArguments(QCommandLineParser& parser, const QString& name,
                                  const QString& description, const QStringList& args,
                                  bool withLibrary) {
    parser.setApplicationDescription(description);
    // "-summit" is one word to a user, not the letters s, u, m, m, i, t.
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QCoreApplication::translate("cli", "Show this help."));
    parser.addOption(help);
    if (withLibrary) {
        parser.addOption(QCommandLineOption(
            QStringLiteral("library"),
            QCoreApplication::translate("cli", "Library file to use instead of the default one."),
            QStringLiteral("PATH")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("lock-wait"),
            QCoreApplication::translate(
                "cli", "How long a command that changes the library waits for another Copydesk "
                       "process to close it (default 10; 0: fail at once)."),
            QStringLiteral("SECONDS"), QString::number(kDefaultLockWaitSeconds)));
    }
    // parse() skips its first element as the program name: here, the subcommand's.
    // It stops taking options at "--": what follows is arguments, whatever it looks like.
    if (!parser.parse(args)) {
        const QStringList unknown = parser.unknownOptionNames();
        if (unknown.isEmpty())
            return usageError(name, parser.errorText());
        const QString typed = typedOption(args, unknown.front());
        err() << "copydesk-cli " << name << ": "
              << QCoreApplication::translate("cli", "unknown option '%1'").arg(oneLine(typed))
              << '\n';
        if (!typed.startsWith(QLatin1String("--"))) {
            err() << QCoreApplication::translate(
                         "cli", "An argument that starts with '-' goes after '--', as in "
                                "'copydesk-cli %1 -- %2'.")
                         .arg(name, oneLine(typed))
                  << '\n';
        }
        err() << QCoreApplication::translate("cli", "Try 'copydesk-cli %1 --help'.").arg(name)
              << Qt::endl;
        return ExitUsage;
    }
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
    // A malformed global option is a usage error, whichever command it came with
    // (openLibrary() reads the value).
    if (withLibrary && parser.isSet(QStringLiteral("lock-wait"))) {
        bool numeric = false;
        const double seconds = parser.value(QStringLiteral("lock-wait")).toDouble(&numeric);
        // Written so that NaN ("nan") fails too.
        if (!numeric || !(seconds >= 0 && seconds <= 3600))
            return usageError(name, QCoreApplication::translate(
                                        "cli", "--lock-wait: '%1' is not a number of seconds "
                                               "(0 to 3600)")
                                        .arg(parser.value(QStringLiteral("lock-wait"))));
    }
    return std::nullopt;
}

void addArticleArgument(QCommandLineParser& parser) {
    parser.addPositionalArgument(
        QStringLiteral("ARTICLE"),
        QCoreApplication::translate("cli", "Article id (or unique id prefix) or slug."),
        QStringLiteral("ID|SLUG"));
}

Result<QString> languageOption(const QCommandLineParser& parser, const QString& option) {
    auto tag = canonicalLanguageTag(parser.value(option));
    if (!tag)
        return Error{QStringLiteral("--%1: %2").arg(option, tag.error()), tag.kind()};
    return tag;
}

Result<std::unique_ptr<Library>> openLibrary(const QCommandLineParser& parser, Library::Mode mode) {
    const QString path = parser.isSet(QStringLiteral("library"))
                             ? parser.value(QStringLiteral("library"))
                             : Library::defaultPath();
    // A command that writes is short: rather than fail because the editor saves or
    // another command runs, it waits a while for the lock, and says so.
    OpenOptions options;
    if (mode == Library::Mode::ReadWrite) {
        bool numeric = false;
        const QString value = parser.value(QStringLiteral("lock-wait"));
        const double seconds = value.toDouble(&numeric);
        // Written so that NaN ("nan") fails too.
        if (!numeric || !(seconds >= 0 && seconds <= 3600))
            return Error{QCoreApplication::translate(
                             "cli", "--lock-wait: '%1' is not a number of seconds (0 to 3600)")
                             .arg(value),
                         ErrorKind::InvalidInput};
        options.lockWait = std::chrono::milliseconds(qint64(seconds * 1000));
        options.onWaiting = [seconds](qint64 pid) {
            const QString waitFor = QString::number(seconds);
            err() << "copydesk-cli: "
                  << (pid > 0 ? QCoreApplication::translate(
                                    "cli", "waiting for the library lock held by pid %1 (up to "
                                           "%2 s)")
                                    .arg(pid)
                                    .arg(waitFor)
                              : QCoreApplication::translate(
                                    "cli", "waiting for the library lock (up to %1 s)")
                                    .arg(waitFor))
                  << Qt::endl;
        };
    }
    if (parser.isSet(QStringLiteral("library")))
        return Library::open(path, mode, options);
    return Library::openOrCreateWithSamples(path, mode, options);
}

Result<QByteArray> readStdinBytes() {
    const QString name = QCoreApplication::translate("cli", "standard input");
    QByteArray data;
    constexpr qsizetype kChunk = 1 << 16;
    for (;;) {
        const qsizetype used = data.size();
        data.resize(used + kChunk);
        const size_t got = std::fread(data.data() + used, 1, kChunk, stdin);
        data.resize(used + static_cast<qsizetype>(got));
        if (data.size() > kMaxTextBytes)
            return Error{tooLarge(name), ErrorKind::InvalidInput};
        if (got < static_cast<size_t>(kChunk))
            break;
    }
    if (std::ferror(stdin)) {
        return Error{QCoreApplication::translate("cli", "cannot read standard input: %1")
                         .arg(qt_error_string(errno)),
                     ErrorKind::Io};
    }
    return data;
}

Result<QString> readStdin() {
    const auto bytes = readStdinBytes();
    if (!bytes)
        return bytes.failure();
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(*bytes);
    if (decoder.hasError()) {
        return Error{QCoreApplication::translate("cli", "standard input: not valid UTF-8 text"),
                     ErrorKind::InvalidInput};
    }
    return text;
}

Result<QString> readTextFile(const QString& path) {
    const auto bytes = readImportFile(path);
    if (!bytes)
        return bytes.failure();
    return decodeUtf8File(*bytes, path);
}

std::pair<QString, QStringList> subcommandArguments(const QStringList& args) {
    QStringList global;
    qsizetype i = 1;
    while (i < args.size()) {
        const QString& a = args.at(i);
        if ((a == u"--library" || a == u"-library") && i + 1 < args.size()) {
            global << a << args.at(i + 1);
            i += 2;
        } else if (a.startsWith(u"--library=") || a.startsWith(u"-library=")) {
            global << a;
            ++i;
        } else {
            break;
        }
    }
    if (i >= args.size())
        return {QString(), QStringList{args.value(0)} + global};
    return {args.at(i), QStringList{args.at(i)} + global + args.mid(i + 1)};
}

Result<QList<Article>> loadArticles(const Library& library, const QStringList& names, bool all) {
    QList<Article> articles;
    if (all) {
        ListFilter filter;
        filter.limit = -1;
        const auto summaries = library.list(filter);
        if (!summaries)
            return summaries.failure();
        for (const ArticleSummary& s : *summaries) {
            auto a = library.article(s.id);
            if (!a)
                return a.failure();
            articles.append(std::move(*a));
        }
        return articles;
    }
    for (const QString& n : names) {
        auto a = library.findArticle(n);
        if (!a)
            return a.failure();
        articles.append(std::move(*a));
    }
    return articles;
}

} // namespace copydesk::cli
