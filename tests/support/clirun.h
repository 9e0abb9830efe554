#pragma once

// Running copydesk-cli from a test, the way a user or a script does: a real process,
// real exit codes, real stdout and stderr.

#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

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

/// Runs copydesk-cli with `args` and `input` on stdin. With `home`, the process gets
/// HOME, XDG_DATA_HOME and XDG_CONFIG_HOME inside that folder (and runs there), so the
/// default library and settings of whoever runs the tests stay out of reach.
inline CliRun runCli(const QStringList& args, const QByteArray& input = {},
                     const QString& home = {}, int timeoutMs = 120000) {
    QProcess process;
    if (!home.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QDir dir(home);
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        process.setProcessEnvironment(env);
        process.setWorkingDirectory(home);
    }
    process.start(cliPath(), args);
    CliRun r;
    if (!process.waitForStarted())
        return r;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return r;
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.rawOut = process.readAllStandardOutput();
    r.out = QString::fromUtf8(r.rawOut);
    r.err = QString::fromUtf8(process.readAllStandardError());
    return r;
}

} // namespace copydesk::test
