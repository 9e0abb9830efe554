#pragma once

#include <QStringList>

/// One function per copydesk-cli subcommand, each in its own file. `args[0]` is the
/// subcommand's name; the return value is the process exit code.
namespace copydesk::cli {

int runRender(const QStringList& args);
int runImport(const QStringList& args);
int runExport(const QStringList& args);
int runNew(const QStringList& args);
int runList(const QStringList& args);
int runShow(const QStringList& args);
int runSearch(const QStringList& args);
int runHistory(const QStringList& args);
int runRestore(const QStringList& args);
int runCheck(const QStringList& args);
int runRepair(const QStringList& args);
int runTranslation(const QStringList& args);
int runXliff(const QStringList& args);
int runTm(const QStringList& args);
int runTags(const QStringList& args);
int runCategories(const QStringList& args);
int runSet(const QStringList& args);
int runTrash(const QStringList& args);
int runTemplate(const QStringList& args);

} // namespace copydesk::cli
