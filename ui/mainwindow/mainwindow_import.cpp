// The File menu's imports: files, a site's folder and the clipboard, through the same
// import as copydesk-cli import (the library's chrome list, one transaction) with the
// safe fixes applied, and a report of what the import decided.
#include "browser/browserwidget.h"
#include "checks/checks.h"
#include "checks/importcleanup.h"
#include "document/autosaver.h"
#include "interchange/formats.h"
#include "interchange/interchange.h"
#include "library/library.h"
#include "mainwindow/mainwindow.h"
#include "spelling/speller.h"
#include "translation/versionqa.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QTemporaryDir>

namespace copydesk {

namespace {

const QString kLastFolderKey = QStringLiteral("import/lastFolder");

/// The wait cursor until the import, which runs on this thread, is done.
class Busy final {
public:
    Busy() { QApplication::setOverrideCursor(Qt::WaitCursor); }
    ~Busy() { QApplication::restoreOverrideCursor(); }
    Q_DISABLE_COPY_MOVE(Busy)
};

} // namespace

Result<MainWindow::ImportReport> MainWindow::importFiles(const QStringList& paths) {
    return importInto(paths, {});
}

Result<MainWindow::ImportReport> MainWindow::importSiteFolder(const QString& folder) {
    const auto pages = siteFiles(folder);
    if (!pages)
        return pages.failure();
    return importInto(*pages, siteRoot(folder));
}

Result<MainWindow::ImportReport> MainWindow::importClipboard(const QMimeData* data) {
    // Through a file, so that a paste is read exactly as the same text in a .txt or
    // .html file would be; the notes name it "clipboard.txt", not the folder.
    QTemporaryDir dir;
    if (!dir.isValid())
        return Error{
            tr("cannot make a temporary folder for the clipboard: %1").arg(dir.errorString()),
            ErrorKind::Io};
    QByteArray bytes;
    QString name;
    if (data && data->hasHtml()) {
        // The clipboard gives text, not bytes: said to be UTF-8 here.
        bytes = "<meta charset=\"utf-8\">" + data->html().toUtf8();
        name = QStringLiteral("clipboard.html");
    } else if (data && data->hasText() && !data->text().trimmed().isEmpty()) {
        bytes = data->text().toUtf8();
        name = QStringLiteral("clipboard.txt");
    } else {
        return Error{tr("the clipboard holds no text to make an article of"),
                     ErrorKind::InvalidInput};
    }
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.flush())
        return Error{tr("cannot write the clipboard to %1: %2")
                         .arg(QDir::toNativeSeparators(file.fileName()), file.errorString()),
                     ErrorKind::Io};
    file.close();
    auto report = importInto({file.fileName()}, {});
    if (!report)
        return Error{
            QString(report.error()).replace(QDir::toNativeSeparators(file.fileName()), name),
            report.kind()};
    for (QString& note : report->notes)
        note.replace(QDir::toNativeSeparators(file.fileName()), name);
    return report;
}

Result<MainWindow::ImportReport> MainWindow::importInto(const QStringList& paths,
                                                        const QString& site) {
    if (m_readOnly)
        return Error{tr("the library is open read-only"), ErrorKind::Locked};
    if (const auto flushed = m_saver->flush(); !flushed)
        return flushed.failure();
    const auto context = checks::contextFromLibrary(m_library, {}, nullptr);
    if (!context)
        return context.failure();
    // A pasted web page's chrome is what the library's boilerplate list names.
    const FormatRegistry formats = standardFormats(context->boilerplate);
    ImportReport report;
    ImportOptions options;
    options.siteRoot = site;
    options.notice = [&report](const QString& notice) { report.notes.append(notice); };
    SpellerPool spellers;
    Busy busy;
    const auto imported = checks::importWithCleanup(m_library, formats, paths, options, &spellers,
                                                    checks::FixRequest::safeOnly(),
                                                    translation::catalogueWithVersionChecks());
    if (!imported)
        return imported.failure();
    for (const checks::CleanedImport& article : *imported) {
        report.ids.append(article.id);
        const QString slug = article.cleanup.cleaned.slug;
        for (const QString& fix : article.cleanup.appliedFixes)
            report.notes.append(tr("%1: fixed %2").arg(slug, fix));
    }
    applyFilter();
    if (isBrowsing())
        m_browser->refresh();
    if (!report.ids.isEmpty()) {
        if (const auto opened = openArticle(report.ids.front().toString(QUuid::WithoutBraces));
            !opened)
            report.notes.append(opened.error());
    }
    return report;
}

void MainWindow::showImportReport(const Result<ImportReport>& report) {
    if (!report) {
        showError(tr("Nothing imported"), report.error());
        return;
    }
    QMessageBox box(QMessageBox::Information, tr("Import"),
                    tr("%n article(s) imported; the first one is open.", "", report->ids.size()),
                    QMessageBox::Ok, this);
    if (!report->notes.isEmpty())
        box.setInformativeText(
            tr("%n note(s) below: what the import read otherwise than written (a pasted web "
               "page's chrome, title, date and byline), and the safe fixes applied. History "
               "keeps the text as it came in: restore it there to undo.",
               "", report->notes.size()));
    box.setDetailedText(report->notes.join(QLatin1Char('\n')));
    box.exec();
}

void MainWindow::importFilesDialog() {
    QSettings settings;
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Import Files"), settings.value(kLastFolderKey, QDir::homePath()).toString(),
        tr("Articles (*.md *.markdown *.txt *.text *.html *.htm *.xhtml *.xml);;All files (*)"));
    if (paths.isEmpty())
        return;
    settings.setValue(kLastFolderKey, QFileInfo(paths.front()).absolutePath());
    showImportReport(importFiles(paths));
}

void MainWindow::importFolderDialog() {
    QSettings settings;
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Import Site Folder (a Hugo content/ or Jekyll _posts/ folder)"),
        settings.value(kLastFolderKey, QDir::homePath()).toString());
    if (folder.isEmpty())
        return;
    settings.setValue(kLastFolderKey, folder);
    showImportReport(importSiteFolder(folder));
}

void MainWindow::newFromClipboard() {
    showImportReport(importClipboard(QApplication::clipboard()->mimeData()));
}

} // namespace copydesk
