#pragma once

// Running copydesk-cli from a test, the way a user or a script does: a real process,
// real exit codes, real stdout and stderr.

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

#include <functional>

#include <fcntl.h>
#include <pty.h>
#include <sys/resource.h>
#include <termios.h>
#include <unistd.h>

namespace copydesk::test {

struct CliRun final {
    int exitCode = -1; ///< -1 when the process crashed or timed out
    QByteArray rawOut;
    QString out; ///< rawOut decoded as UTF-8
    QString err;

    QStringList lines() const { return out.split(QLatin1Char('\n'), Qt::SkipEmptyParts); }
    QStringList errLines() const { return err.split(QLatin1Char('\n'), Qt::SkipEmptyParts); }
};

/// The copydesk-cli that ctest passes in COPYDESK_CLI (empty outside ctest).
inline QString cliPath() {
    return qEnvironmentVariable("COPYDESK_CLI");
}

/// For initTestCase() of a test that runs copydesk-cli: turns on QStandardPaths' test
/// mode (the test process's own paths stay away from the user's; the processes it
/// starts get their folders from runCli()'s `home`) and says what is wrong with the
/// copydesk-cli that ctest names, or nothing.
inline QString prepareCliTest() {
    QStandardPaths::setTestModeEnabled(true);
    const QString cli = cliPath();
    if (cli.isEmpty())
        return QStringLiteral("COPYDESK_CLI is not set (run through ctest)");
    if (!QFileInfo(cli).isExecutable())
        return QStringLiteral("COPYDESK_CLI is not an executable: ") + cli;
    return {};
}

/// A run of copydesk-cli with more control over its surroundings than runCli() gives.
struct CliRequest final {
    QStringList args;
    QByteArray input; ///< written to stdin (unless stdinFile is set)
    QString home;     ///< see runCli()
    int timeoutMs = 120000;
    /// Standard input read from this file (/dev/zero) instead of `input`.
    QString stdinFile;
    /// Standard output written to this file (/dev/full) instead of being captured.
    QString stdoutFile;
    /// Standard output is a pseudo-terminal in raw mode (no \n -> \r\n): rawOut holds
    /// what a terminal would have been sent.
    bool stdoutTerminal = false;
    /// The child's data segment limit (RLIMIT_DATA, bytes; 0: unchanged), to make the
    /// process run out of memory.
    rlim_t dataLimit = 0;
};

namespace detail {

inline void readAll(int fd, QByteArray& into) {
    char buffer[4096];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got <= 0)
            return;
        into.append(buffer, got);
    }
}

} // namespace detail

inline CliRun runCli(const CliRequest& request) {
    QProcess process;
    if (!request.home.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QDir dir(request.home);
        env.insert(QStringLiteral("HOME"), request.home);
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        process.setProcessEnvironment(env);
        process.setWorkingDirectory(request.home);
    }
    if (!request.stdinFile.isEmpty())
        process.setStandardInputFile(request.stdinFile);
    if (!request.stdoutFile.isEmpty())
        process.setStandardOutputFile(request.stdoutFile);
    int master = -1;
    int slave = -1;
    if (request.stdoutTerminal) {
        termios raw{};
        cfmakeraw(&raw);
        if (::openpty(&master, &slave, nullptr, &raw, nullptr) != 0)
            return {};
        ::fcntl(master, F_SETFL, ::fcntl(master, F_GETFL) | O_NONBLOCK);
    }
    const rlim_t dataLimit = request.dataLimit;
    process.setChildProcessModifier([slave, master, dataLimit] {
        if (slave >= 0) {
            ::dup2(slave, STDOUT_FILENO);
            ::close(slave);
            ::close(master);
        }
        if (dataLimit > 0) {
            const rlimit limit{dataLimit, dataLimit};
            ::setrlimit(RLIMIT_DATA, &limit);
        }
    });
    process.start(cliPath(), request.args);
    CliRun r;
    if (slave >= 0)
        ::close(slave);
    if (!process.waitForStarted()) {
        if (master >= 0)
            ::close(master);
        return r;
    }
    if (request.stdinFile.isEmpty()) {
        if (!request.input.isEmpty())
            process.write(request.input);
        process.closeWriteChannel();
    }
    bool finished = false;
    if (master < 0) {
        finished = process.waitForFinished(request.timeoutMs);
    } else {
        // A terminal holds little: drain it while the process runs.
        for (int waited = 0; !finished && waited < request.timeoutMs; waited += 20) {
            finished = process.waitForFinished(20);
            detail::readAll(master, r.rawOut);
        }
        detail::readAll(master, r.rawOut);
        ::close(master);
    }
    if (!finished) {
        process.kill();
        process.waitForFinished();
        return r;
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    if (master < 0)
        r.rawOut = process.readAllStandardOutput();
    r.out = QString::fromUtf8(r.rawOut);
    r.err = QString::fromUtf8(process.readAllStandardError());
    return r;
}

/// Runs copydesk-cli with `args` and `input` on stdin. With `home`, the process gets
/// HOME, XDG_DATA_HOME and XDG_CONFIG_HOME inside that folder (and runs there), so the
/// default library and settings of whoever runs the tests stay out of reach.
inline CliRun runCli(const QStringList& args, const QByteArray& input = {},
                     const QString& home = {}, int timeoutMs = 120000) {
    CliRequest request;
    request.args = args;
    request.input = input;
    request.home = home;
    request.timeoutMs = timeoutMs;
    return runCli(request);
}

} // namespace copydesk::test
