#pragma once

#include "export/batch.h"
#include "library/library.h"

#include <QDialog>
#include <QList>
#include <QStringList>
#include <QUuid>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressDialog;

namespace copydesk {

/// File > Export…: exports articles as `copydesk-cli export` does, through the same
/// BatchExporter (the checks before export, rendering on every core, each bundle
/// written all or nothing, bundles made from the same inputs left alone). The user
/// chooses what (the open article, the browser's selection, all, the articles ready or
/// with a tag), the format, the folder and the base URL; a progress dialog follows the
/// batch and can cancel it between articles; a report lists what went out, what was
/// held back and why, by article, version and paragraph. The choices persist in the
/// user's settings, the base URL in the library (where the CLI reads it too).
class ExportDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    enum class Scope { OpenArticle, Selection, All, Ready, Tag };
    Q_ENUM(Scope)

    /// `open` is the article open in the editor (null: none), `selection` the browser's
    /// selected articles (may be empty). `library` must outlive the dialog.
    ExportDialog(Library& library, const QUuid& open, const QList<QUuid>& selection,
                 QWidget* parent = nullptr);
    ~ExportDialog() override;

    void setScope(Scope scope);
    Scope scope() const;
    /// The tag of Scope::Tag (a slug).
    void setTag(const QString& slug);
    void setFolder(const QString& folder);
    QString folder() const;

    /// What one export did: the summary and one line per article (where it went or
    /// why not) and per finding, as the report shows them.
    struct Outcome final {
        BatchSummary summary;
        QStringList lines;
        QString folder;
    };
    /// Exports as chosen, showing the progress dialog (modal to this one); the buttons
    /// call it and then show the report. Fails before anything is written when the
    /// choice cannot be exported (no folder, nothing to export, the base URL cannot be
    /// stored).
    Result<Outcome> exportNow();
    /// The progress dialog while exportNow() runs, else null (for tests that cancel).
    QProgressDialog* progress() const { return m_progress; }

Q_SIGNALS:
    /// An export recorded revisions of these articles.
    void exported(const QList<QUuid>& ids);

private:
    void build();
    void restoreChoices();
    Result<void> saveChoices() const;
    void updateState();
    bool isOffered(Scope scope) const;
    void browse();
    void accept() override;
    Result<QList<QUuid>> chosenArticles() const;
    /// The library's articles the scope chooses (All, Ready, Tag).
    ListFilter filter() const;
    void showReport(const Outcome& outcome);

    Library& m_library;
    QUuid m_open;
    QList<QUuid> m_selection;
    QComboBox* m_scope = nullptr;
    QComboBox* m_tag = nullptr;
    QComboBox* m_format = nullptr;
    QCheckBox* m_zip = nullptr;
    QLineEdit* m_folder = nullptr;
    QLineEdit* m_baseUrl = nullptr;
    QCheckBox* m_override = nullptr;
    QCheckBox* m_rewrite = nullptr;
    QLabel* m_count = nullptr;
    QProgressDialog* m_progress = nullptr;
};

} // namespace copydesk
