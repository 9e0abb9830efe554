#pragma once

// A temporary home with one library for copydesk-cli tests: the process gets HOME and
// the XDG folders inside it, so the default library of whoever runs the tests is never
// touched (and a test can see whether a default library was created).

#include "support/clirun.h"

#include <QDir>
#include <QFile>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace copydesk::test {

class CliFixture final {
public:
    CliFixture()
        : m_dir(std::make_unique<QTemporaryDir>()) {}

    bool isValid() const { return m_dir->isValid(); }
    QString path(const QString& name) const { return m_dir->filePath(name); }
    QString home() const { return m_dir->path(); }
    /// The library the tests pass with --library.
    QString library() const { return path(QStringLiteral("lib.copydesk")); }
    /// Where copydesk-cli creates the default library: Qt's AppDataLocation
    /// (XDG_DATA_HOME/ORGANIZATION/APPLICATION) with XDG_DATA_HOME inside home(), as
    /// README.md says (defaultLibraryIsCreatedWithSamples() checks that it is there).
    QString defaultLibrary() const {
        return path(QStringLiteral("data/Copydesk/Copydesk/library.copydesk"));
    }

    CliRun run(const QStringList& args, const QByteArray& input = {}) const {
        return runCli(args, input, home());
    }
    CliRun run(CliRequest request) const {
        request.home = home();
        return runCli(request);
    }

    /// `args` with --library library() after them.
    QStringList withLibrary(QStringList args) const {
        return args << QStringLiteral("--library") << library();
    }

    /// The arguments of a data row: "%A" becomes `article` (an id or slug) and "%F" a
    /// small front-matter Markdown file to import.
    QStringList rowArgs(QStringList args, const QString& article) const {
        args.replaceInStrings(QStringLiteral("%A"), article);
        if (args.contains(QStringLiteral("%F"))) {
            args.replaceInStrings(QStringLiteral("%F"),
                                  writeFile(QStringLiteral("talks.md"),
                                            "---\ntitle: Talks\nlang: en\n---\n\nTalks  in "
                                            "Geneva.\n"));
        }
        return args;
    }

    QString writeFile(const QString& name, const QByteArray& bytes) const {
        QFile file(path(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return file.fileName();
    }

    /// `copydesk-cli new` in library(); the id printed, or an empty string.
    QString createArticle(const QString& title, const QByteArray& body = {},
                          const QString& language = QStringLiteral("en")) const {
        QStringList args{QStringLiteral("new"),
                         QStringLiteral("--library"),
                         library(),
                         QStringLiteral("--title"),
                         title,
                         QStringLiteral("--lang"),
                         language};
        if (!body.isEmpty()) {
            args << QStringLiteral("--body-file")
                 << writeFile(QStringLiteral("body-%1.md").arg(++m_bodies), body);
        }
        const CliRun r = run(args);
        if (r.exitCode != 0)
            return {};
        return r.out.trimmed();
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    mutable int m_bodies = 0;
};

} // namespace copydesk::test
