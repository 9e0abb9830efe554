#pragma once

#include "common/result.h"
#include "library/library.h"

#include <QByteArrayView>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <utility>

/// Shared plumbing of copydesk-cli subcommands: argument parsing with --help and
/// --library, exit codes, output that is safe on a terminal, bounded input.
namespace copydesk::cli {

enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

/// Standard output and standard error, UTF-8. Everything written through them passes
/// terminalSafe(): text taken from articles, files and arguments can hold escape
/// sequences that would retitle, clear or rewrite the user's terminal. Line breaks and
/// tabs pass; JSON stays valid (an escaped character becomes a JSON \u escape).
/// A failed write is remembered: see finishOutput().
QTextStream& out();
QTextStream& err();

/// The CLI's translation context: `Cli::tr("…")` is filed by lupdate under "cli",
/// where the CLI's strings are looked up (a helper of its own would hide them).
struct Cli final {
    Q_DECLARE_TR_FUNCTIONS(cli)
};

enum class LineBreaks { Keep, Escape };

/// `text` with every character that a terminal would act on, or that reorders what
/// is shown around it, written as an escape: C0 controls as \x1b, DEL, C1 controls,
/// line and paragraph separators and the bidi embedding, override and isolate
/// controls (U+202A-U+202E, U+2066-U+2069) as \u202e. Line feeds and tabs are kept
/// unless `breaks` is Escape (a field printed on one line, such as a title in `list`).
/// Character properties come from Qt's Unicode tables.
QString terminalSafe(QStringView text, LineBreaks breaks = LineBreaks::Keep);

/// terminalSafe(text, LineBreaks::Escape): a value that must stay on its line.
QString oneLine(QStringView text);

/// Writes `bytes` (a document: Markdown, HTML) to standard output after whatever
/// out() holds, then flushes and checks the write. Passed unchanged when standard
/// output is not a terminal, so a redirected file gets the exact bytes; made
/// terminalSafe() when it is one. Fails with an Io (DiskFull) error naming standard
/// output; call it BEFORE recording anything that depends on the output arriving.
Result<void> writeDocument(QByteArrayView bytes);

/// Flushes out() and reports whether everything written to standard output since the
/// start arrived. Subcommands call it before they record anything; main() calls it
/// before exiting, so `list > /dev/full` fails with exit 1.
Result<void> finishOutput();
/// The last step of a change inside `lib`'s transaction, after its report was printed:
/// the change is put on disk (Library::flushTransaction), then finishOutput(). Either
/// failing fails the transaction, so nothing is committed that the user was not told.
Result<void> flushAndFinishOutput(Library& lib);

/// Prints "copydesk-cli: <message>" on stderr and returns ExitFailure.
int fail(const QString& message);

/// Sets up `parser` for subcommand `name` (adds --help and, when `withLibrary`,
/// --library PATH) and parses `args` (args[0] is the subcommand name). Options come
/// before "--", arguments after it ("search -- -summit"); a single dash starts a long
/// option (-library = --library), never a cluster of letters. Returns an exit code
/// when the caller must stop: ExitOk after printing help, ExitUsage after a usage
/// error; std::nullopt to go on.
std::optional<int> parseArguments(QCommandLineParser& parser, const QString& name,
                                  const QString& description, const QStringList& args,
                                  bool withLibrary = true);

/// For a command with subcommands (`xliff export`): the subcommand's name and its
/// arguments, its name first, with the global options that main() put after the
/// command's name (--library PATH) moved after the subcommand's. The name is empty
/// when there is none.
std::pair<QString, QStringList> subcommandArguments(const QStringList& args);

/// The articles `names` name (id, unique id prefix or slug), in that order, or every
/// article when `all` is true. Fails on the first name that finds nothing.
Result<QList<Article>> loadArticles(const Library& library, const QStringList& names, bool all);

/// Adds the ARTICLE positional argument (id, unique id prefix or slug) that
/// Library::findArticle() resolves.
void addArticleArgument(QCommandLineParser& parser);

/// Prints a usage error for subcommand `name` and returns ExitUsage.
int usageError(const QString& name, const QString& message);

/// The canonical form of the language tag given to `option` (common/languagetag.h),
/// or a usage error naming the option.
Result<QString> languageOption(const QCommandLineParser& parser, const QString& option);

/// How long a command that writes waits, by default, for another process's lock
/// (--lock-wait).
inline constexpr int kDefaultLockWaitSeconds = 10;
/// The library named by --library, or the default one (created with the samples on
/// first use). Opened ReadWrite, it waits --lock-wait seconds for another writer.
Result<std::unique_ptr<Library>> openLibrary(const QCommandLineParser& parser, Library::Mode mode);

/// All of standard input, at most kMaxTextBytes (common/limits.h): a pipe or
/// /dev/zero has no size, so the limit is checked while reading.
Result<QByteArray> readStdinBytes();

/// readStdinBytes() decoded as UTF-8.
Result<QString> readStdin();

/// A UTF-8 text file (a body file): at most kMaxTextBytes, whatever kind of file it is
/// (a pipe from process substitution works; /dev/zero is refused at the limit).
Result<QString> readTextFile(const QString& path);

} // namespace copydesk::cli
