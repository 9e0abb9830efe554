#pragma once

#include "common/result.h"
#include "library/library.h"

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

#include <memory>

/// Shared plumbing of copydesk-cli subcommands: argument parsing with --help and
/// --library, exit codes, and UTF-8 output streams.
namespace copydesk::cli {

enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

QTextStream& out();
QTextStream& err();

/// Prints "copydesk-cli: <message>" on stderr and returns ExitFailure.
int fail(const QString& message);

/// Sets up `parser` for subcommand `name` (adds --help and, when `withLibrary`,
/// --library PATH) and parses `args` (args[0] is the subcommand name). Returns an
/// exit code when the caller must stop: ExitOk after printing help, ExitUsage after a
/// usage error; std::nullopt to go on.
std::optional<int> parseArguments(QCommandLineParser& parser, const QString& name,
                                  const QString& description, const QStringList& args,
                                  bool withLibrary = true);

/// Adds the ARTICLE positional argument (id, unique id prefix or slug) that
/// Library::findArticle() resolves.
void addArticleArgument(QCommandLineParser& parser);

/// Prints a usage error for subcommand `name` and returns ExitUsage.
int usageError(const QString& name, const QString& message);

/// The library named by --library, or the default one (created with the samples on
/// first use).
Result<std::unique_ptr<Library>> openLibrary(const QCommandLineParser& parser, Library::Mode mode);

/// Reads all of standard input as UTF-8.
Result<QString> readStdin();

} // namespace copydesk::cli
