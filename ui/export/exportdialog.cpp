#include "export/exportdialog.h"

#include "common/languagetag.h"
#include "common/setting.h"
#include "export/bundle.h"
#include "library/library.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QStandardItemModel>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace copydesk {

namespace {

const Setting<QString> kFolder("export/folder", {});
const Setting<int> kScope("export/scope", 0);
const Setting<int> kFormat("export/format", 0);
const Setting<bool> kZip("export/zip", false);

/// The label of `term` in the interface's language, else English, else its slug.
QString termLabel(const Term& term) {
    const auto tag = canonicalLanguageTag(QLocale().bcp47Name());
    const QString language = tag ? tag->section(u'-', 0, 0) : QString();
    for (const QString& wanted : {language, QStringLiteral("en")}) {
        const QString label = term.labels.value(wanted);
        if (!label.isEmpty())
            return label == term.slug ? label : QStringLiteral("%1 (%2)").arg(label, term.slug);
    }
    return term.slug;
}

} // namespace

ExportDialog::ExportDialog(Library& library, const QUuid& open, const QList<QUuid>& selection,
                           QWidget* parent)
    : QDialog(parent)
    , m_library(library)
    , m_open(open)
    , m_selection(selection) {
    setWindowTitle(tr("Export Articles"));
    build();
    updateState();
    restoreChoices();
}

ExportDialog::~ExportDialog() = default;

void ExportDialog::build() {
    auto* form = new QFormLayout;

    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("scope"));
    m_scope->addItem(tr("The open article"), int(Scope::OpenArticle));
    m_scope->addItem(tr("The %n article(s) selected in the browser", "", int(m_selection.size())),
                     int(Scope::Selection));
    m_scope->addItem(tr("All articles"), int(Scope::All));
    m_scope->addItem(tr("The articles ready to publish"), int(Scope::Ready));
    m_scope->addItem(tr("The articles with the tag"), int(Scope::Tag));
    m_tag = new QComboBox(this);
    m_tag->setObjectName(QStringLiteral("tag"));
    if (const auto tags = m_library.tags()) {
        for (const Term& term : *tags)
            m_tag->addItem(termLabel(term), term.slug);
    }
    auto* what = new QHBoxLayout;
    what->addWidget(m_scope, 1);
    what->addWidget(m_tag, 1);
    // A row of a layout gets no buddy from QFormLayout: its label is made here, so
    // that its shortcut letter works (and is not shown as "&").
    const auto labelFor = [this](const QString& text, QWidget* buddy) {
        auto* label = new QLabel(text, this);
        label->setBuddy(buddy);
        return label;
    };
    form->addRow(labelFor(tr("&Export:"), m_scope), what);
    m_count = new QLabel(this);
    form->addRow(QString(), m_count);

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("format"));
    m_format->addItem(tr("Web pages: a folder per article, index.html per language"),
                      int(BundleOptions::Format::Html));
    m_format->addItem(tr("HTML fragments for a CMS: the body only"),
                      int(BundleOptions::Format::Fragment));
    form->addRow(tr("&Format:"), m_format);
    m_zip = new QCheckBox(tr("Write each article as one .&zip archive"), this);
    m_zip->setObjectName(QStringLiteral("zip"));
    form->addRow(QString(), m_zip);

    m_folder = new QLineEdit(this);
    m_folder->setObjectName(QStringLiteral("folder"));
    auto* browseButton = new QPushButton(tr("&Browse…"), this);
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    auto* where = new QHBoxLayout;
    where->addWidget(m_folder, 1);
    where->addWidget(browseButton);
    form->addRow(labelFor(tr("&To folder:"), m_folder), where);

    m_baseUrl = new QLineEdit(this);
    m_baseUrl->setObjectName(QStringLiteral("baseUrl"));
    m_baseUrl->setPlaceholderText(tr("https://news.example.org/articles/"));
    m_baseUrl->setToolTip(
        tr("Where the pages will be published: they get canonical and alternate URLs below "
           "it. Kept in the library, for the command line too. Empty: relative links and no "
           "canonical URL."));
    if (const auto stored = m_library.setting(QString::fromLatin1(kBaseUrlSetting)))
        m_baseUrl->setText(*stored);
    form->addRow(tr("Base &URL:"), m_baseUrl);

    m_override = new QCheckBox(tr("Export &versions that fail the checks before export too "
                                  "(their findings are still listed)"),
                               this);
    m_override->setObjectName(QStringLiteral("override"));
    m_rewrite = new QCheckBox(
        tr("&Write again the articles whose export is up to date (by default left as they are)"),
        this);
    form->addRow(QString(), m_override);
    form->addRow(QString(), m_rewrite);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(tr("E&xport"), QDialogButtonBox::AcceptRole)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(m_scope, &QComboBox::currentIndexChanged, this, &ExportDialog::updateState);
    connect(m_tag, &QComboBox::currentIndexChanged, this, &ExportDialog::updateState);
}

void ExportDialog::restoreChoices() {
    const QSettings settings;
    const QString folder = kFolder.value(settings);
    m_folder->setText(folder.isEmpty() ? QDir(QDir::homePath()).filePath(tr("Copydesk export"))
                                       : folder);
    m_format->setCurrentIndex(std::max(m_format->findData(kFormat.value(settings)), 0));
    m_zip->setChecked(kZip.value(settings));
    // The selection when the browser has one; else what was chosen last time.
    Scope scope = Scope(kScope.value(settings));
    if (!m_selection.isEmpty() && m_selection != QList<QUuid>{m_open})
        scope = Scope::Selection;
    setScope(scope);
}

Result<void> ExportDialog::saveChoices() const {
    QSettings settings;
    kFolder.setValue(m_folder->text(), settings);
    kFormat.setValue(m_format->currentData().toInt(), settings);
    kZip.setValue(m_zip->isChecked(), settings);
    if (scope() != Scope::Selection)
        kScope.setValue(int(scope()), settings);
    return copydesk::saveSettings(settings);
}

void ExportDialog::setScope(Scope scope) {
    // A choice with nothing to export (no open article, no selection, no tag) is
    // disabled in the list, and not taken here either.
    if (isOffered(scope))
        m_scope->setCurrentIndex(m_scope->findData(int(scope)));
    else if (!isOffered(this->scope()))
        m_scope->setCurrentIndex(m_scope->findData(int(Scope::All)));
    updateState();
}

bool ExportDialog::isOffered(Scope scope) const {
    const auto* model = qobject_cast<const QStandardItemModel*>(m_scope->model());
    const QStandardItem* item = model ? model->item(m_scope->findData(int(scope))) : nullptr;
    return item && item->isEnabled();
}

ExportDialog::Scope ExportDialog::scope() const {
    return Scope(m_scope->currentData().toInt());
}

void ExportDialog::setTag(const QString& slug) {
    m_tag->setCurrentIndex(m_tag->findData(slug));
}

void ExportDialog::setFolder(const QString& folder) {
    m_folder->setText(folder);
}

QString ExportDialog::folder() const {
    return m_folder->text().trimmed();
}

void ExportDialog::updateState() {
    // A choice that has nothing to export cannot be made.
    auto* model = qobject_cast<QStandardItemModel*>(m_scope->model());
    auto enable = [this, model](Scope which, bool on) {
        if (model)
            if (QStandardItem* item = model->item(m_scope->findData(int(which))))
                item->setEnabled(on);
    };
    enable(Scope::OpenArticle, !m_open.isNull());
    enable(Scope::Selection, !m_selection.isEmpty());
    enable(Scope::Tag, m_tag->count() > 0);
    m_tag->setVisible(scope() == Scope::Tag);
    // Counted, not listed: listing every article of a large library on each change
    // of the choice would take seconds.
    qsizetype count = 0;
    QString problem;
    if (scope() == Scope::OpenArticle)
        count = m_open.isNull() ? 0 : 1;
    else if (scope() == Scope::Selection)
        count = m_selection.size();
    else if (const auto counted = m_library.count(filter()))
        count = *counted;
    else
        problem = counted.error();
    m_count->setText(problem.isEmpty() ? tr("%n article(s)", "", int(count)) : problem);
}

ListFilter ExportDialog::filter() const {
    ListFilter filter;
    if (scope() == Scope::Ready)
        filter.status = Status::Ready;
    else if (scope() == Scope::Tag)
        filter.tag = m_tag->currentData().toString();
    return filter;
}

Result<QList<QUuid>> ExportDialog::chosenArticles() const {
    switch (scope()) {
    case Scope::OpenArticle:
        return m_open.isNull() ? QList<QUuid>{} : QList<QUuid>{m_open};
    case Scope::Selection:
        return m_selection;
    case Scope::All:
    case Scope::Ready:
    case Scope::Tag:
        break;
    }
    const ListFilter chosen = filter();
    return BatchExporter::select(m_library, chosen.tag, chosen.status);
}

void ExportDialog::browse() {
    const QString chosen =
        QFileDialog::getExistingDirectory(this, tr("Export to Folder"), m_folder->text());
    if (!chosen.isEmpty())
        m_folder->setText(QDir::toNativeSeparators(chosen));
}

Result<ExportDialog::Outcome> ExportDialog::exportNow() {
    const QString target = folder();
    if (target.isEmpty())
        return Error{tr("Choose the folder to export to."), ErrorKind::InvalidInput};
    if (const QFileInfo info(target); info.exists() && !info.isDir())
        return Error{tr("%1 is a file, not a folder: choose a folder to export to.")
                         .arg(QDir::toNativeSeparators(target)),
                     ErrorKind::InvalidInput};
    const auto ids = chosenArticles();
    if (!ids)
        return ids.failure();
    if (ids->isEmpty())
        return Error{tr("There is no article to export: choose others."), ErrorKind::InvalidInput};
    const QString baseUrl = m_baseUrl->text().trimmed();
    if (!baseUrl.isEmpty()) {
        if (const auto checked = normalisedBaseUrl(baseUrl, tr("Base URL")); !checked)
            return checked.failure();
    }
    const auto stored = m_library.setting(QString::fromLatin1(kBaseUrlSetting));
    if (!stored)
        return stored.failure();
    if (*stored != baseUrl) {
        if (const auto saved = m_library.setSetting(QString::fromLatin1(kBaseUrlSetting), baseUrl);
            !saved)
            return saved.failure();
    }
    // Not kept for next time is no reason not to export: said in the report.
    const auto kept = saveChoices();

    BatchOptions options;
    options.bundle.format = BundleOptions::Format(m_format->currentData().toInt());
    options.bundle.container =
        m_zip->isChecked() ? BundleOptions::Container::Zip : BundleOptions::Container::Folder;
    options.bundle.skipUnchanged = !m_rewrite->isChecked();
    options.overrideGate = m_override->isChecked();

    QStringList items;
    for (const QUuid& id : *ids)
        items.append(id.toString(QUuid::WithoutBraces));

    Outcome outcome;
    outcome.folder = QDir(target).absolutePath();
    QList<QUuid> recorded;
    QProgressDialog progress(tr("Checking and rendering…"), tr("Cancel"), 0, int(items.size()),
                             this);
    progress.setWindowTitle(tr("Export"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    m_progress = &progress;
    progress.setValue(0);
    // The batch writes on this thread between the workers' results: each article's
    // event moves the bar, and the events that arrive meanwhile (Cancel) are handled
    // between two articles, where the batch looks at wasCanceled().
    outcome.summary = BatchExporter::run(
        m_library, items, target, options,
        [&](const BatchEvent& event) {
            const QString bundle = QFileInfo(event.folder).fileName();
            if (!event.folder.isEmpty()) {
                recorded.append(ids->at(event.index));
                outcome.lines.append(event.unchanged
                                         ? tr("%1: up to date, left as it was").arg(bundle)
                                         : tr("%1: written").arg(bundle));
            }
            if (!event.problem.isEmpty())
                outcome.lines.append(event.problem);
            outcome.lines.append(event.findings);
            for (const QString& notice : event.notices) {
                if (!outcome.lines.contains(notice))
                    outcome.lines.append(notice);
            }
            progress.setLabelText(tr("Exported %1 (%2 of %3)")
                                      .arg(bundle.isEmpty() ? event.item : bundle)
                                      .arg(event.index + 1)
                                      .arg(event.total));
            progress.setValue(int(event.index + 1));
        },
        [&progress] {
            QCoreApplication::processEvents();
            return progress.wasCanceled();
        });
    m_progress = nullptr;
    if (!kept)
        outcome.lines.append(kept.error());
    if (outcome.summary.cancelled > 0)
        outcome.lines.append(
            tr("Cancelled: %n article(s) not exported.", "", int(outcome.summary.cancelled)));
    if (!recorded.isEmpty())
        Q_EMIT exported(recorded);
    return outcome;
}

void ExportDialog::accept() {
    const auto outcome = exportNow();
    if (!outcome) {
        QMessageBox::warning(this, tr("Not exported"), outcome.error());
        return;
    }
    showReport(*outcome);
    QDialog::accept();
}

void ExportDialog::showReport(const Outcome& outcome) {
    const BatchSummary& s = outcome.summary;
    QString text = tr("%1 of %n article(s) exported to %2.", "", int(s.total))
                       .arg(s.exported)
                       .arg(QDir::toNativeSeparators(outcome.folder));
    if (s.unchanged > 0)
        text += QLatin1Char(' ') +
                tr("%n were up to date and left as they were.", "", int(s.unchanged));
    QMessageBox box(s.failed > 0 || s.cancelled > 0 ? QMessageBox::Warning
                                                    : QMessageBox::Information,
                    tr("Export"), text, QMessageBox::Ok, this);
    QStringList more;
    if (s.failed > 0)
        more.append(tr("%n article(s) not exported, or without some of their versions: the "
                       "details say which and why.",
                       "", int(s.failed)));
    if (s.cancelled > 0)
        more.append(tr("Cancelled: %n article(s) not exported.", "", int(s.cancelled)));
    box.setInformativeText(more.join(QLatin1Char(' ')));
    box.setDetailedText(outcome.lines.join(QLatin1Char('\n')));
    QPushButton* open = box.addButton(tr("&Open Folder"), QMessageBox::ActionRole);
    box.exec();
    if (box.clickedButton() == open)
        QDesktopServices::openUrl(QUrl::fromLocalFile(outcome.folder));
}

} // namespace copydesk
