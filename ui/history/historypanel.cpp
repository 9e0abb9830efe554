#include "history/historypanel.h"

#include "document/articledocument.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSyntaxHighlighter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace copydesk {

// Added lines green, removed red, hunk headers dimmed: the colours of every diff tool.
class DiffHighlighter final : public QSyntaxHighlighter {
public:
    explicit DiffHighlighter(QTextDocument* document)
        : QSyntaxHighlighter(document) {}
    bool enabled = false;

protected:
    void highlightBlock(const QString& text) override {
        if (!enabled || text.isEmpty())
            return;
        QTextCharFormat format;
        if (text.startsWith(QLatin1String("+++")) || text.startsWith(QLatin1String("---"))) {
            format.setFontWeight(QFont::Bold);
        } else if (text.startsWith(QLatin1Char('+'))) {
            format.setForeground(QColor(0x1a, 0x7f, 0x37));
            format.setBackground(QColor(0x1a, 0x7f, 0x37, 0x24));
        } else if (text.startsWith(QLatin1Char('-'))) {
            format.setForeground(QColor(0xc0, 0x1c, 0x28));
            format.setBackground(QColor(0xc0, 0x1c, 0x28, 0x24));
        } else if (text.startsWith(QLatin1String("@@"))) {
            format.setForeground(QColor(0x6f, 0x42, 0xc1));
        } else {
            return;
        }
        setFormat(0, int(text.size()), format);
    }
};

namespace {

constexpr int kIdRole = Qt::UserRole;

// The kinds as the history names them.
QString kindLabel(RevisionKind kind, const QString& note) {
    switch (kind) {
    case RevisionKind::Save:
        return note.isEmpty() ? HistoryPanel::tr("Save") : HistoryPanel::tr("Named save");
    case RevisionKind::Autosave:
        return HistoryPanel::tr("Autosave");
    case RevisionKind::Export:
        return HistoryPanel::tr("Export");
    case RevisionKind::Publish:
        return HistoryPanel::tr("Publish");
    case RevisionKind::Restore:
        return HistoryPanel::tr("Restore");
    case RevisionKind::Import:
        return HistoryPanel::tr("Import");
    }
    return {};
}

// Whether a revision concerns version `language`: an autosave names the versions it
// changed; every other kind is a state of the whole article.
bool concerns(const RevisionInfo& r, const QString& language) {
    if (r.kind != RevisionKind::Autosave || r.note.isEmpty())
        return true;
    return r.note.split(QLatin1Char(',')).contains(language);
}

// The article with only version `language` (and nothing else), for a diff of that
// version's fields.
Article onlyVersion(const Article& article, const QString& language) {
    Article a;
    if (const LanguageVersion* v = article.version(language))
        a.versions = {*v};
    return a;
}

} // namespace

HistoryPanel::HistoryPanel(Library& library, QWidget* parent)
    : QWidget(parent)
    , m_library(library) {
    m_follow.setSingleShot(true);
    m_follow.setInterval(300);
    connect(&m_follow, &QTimer::timeout, this, &HistoryPanel::updateView);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("revisionList"));
    m_list->setAccessibleName(tr("Revisions"));
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Time"), tr("Kind"), tr("Name")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setToolTip(tr("Select one revision to see it, two to compare them"));
    m_list->header()->setStretchLastSection(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    layout->addWidget(m_list, 2);

    auto* bar = new QHBoxLayout;
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("historyView"));
    m_mode->setAccessibleName(tr("What to show"));
    m_mode->addItem(tr("Text of the revision"), QVariant::fromValue(View::Text));
    m_mode->addItem(tr("Changes to the current text"), QVariant::fromValue(View::ChangesToCurrent));
    bar->addWidget(m_mode, 1);
    m_restore = new QPushButton(tr("&Restore"), this);
    m_restore->setObjectName(QStringLiteral("restoreRevision"));
    m_restore->setToolTip(tr("Make this revision the current text (a new revision; Undo in the "
                             "editor brings back the text before)"));
    bar->addWidget(m_restore);
    layout->addLayout(bar);

    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->hide();
    layout->addWidget(m_note);

    m_view = new QPlainTextEdit(this);
    m_view->setObjectName(QStringLiteral("revisionView"));
    m_view->setAccessibleName(tr("Revision"));
    m_view->setReadOnly(true);
    m_view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_highlighter = new DiffHighlighter(m_view->document());
    layout->addWidget(m_view, 3);

    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &HistoryPanel::updateView);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &HistoryPanel::updateView);
    connect(m_restore, &QPushButton::clicked, this, [this] {
        const QList<qint64> ids = selectedIds();
        if (ids.size() == 1)
            Q_EMIT restoreRequested(ids.front());
    });
    updateView();
}

HistoryPanel::~HistoryPanel() = default;

void HistoryPanel::setDocument(ArticleDocument* document) {
    if (m_document == document)
        return;
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_list->clear();
    if (m_document) {
        // The comparison with the current text follows typing, as long as it is shown.
        connect(m_document, &ArticleDocument::edited, this, [this] {
            if (m_mode->currentData().value<View>() == View::ChangesToCurrent &&
                selectedIds().size() == 1 && isVisible())
                m_follow.start();
        });
    }
    refresh();
}

void HistoryPanel::refresh() {
    const QList<qint64> selected = selectedIds();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    m_error.clear();
    if (m_document) {
        const QString language = m_document->language();
        const auto revisions = m_library.revisions(m_document->articleId());
        if (!revisions) {
            m_error = revisions.error();
        } else {
            for (const RevisionInfo& r : *revisions) {
                if (!concerns(r, language))
                    continue;
                const QString name = r.kind == RevisionKind::Autosave ? QString() : r.note;
                auto* item = new QTreeWidgetItem(
                    m_list, {timeText(r.created), kindLabel(r.kind, r.note), name});
                item->setData(0, kIdRole, r.id);
                item->setToolTip(
                    0, QLocale(language).toString(r.created.toLocalTime(), QLocale::LongFormat));
                item->setToolTip(2, name);
                if (selected.contains(r.id))
                    item->setSelected(true);
            }
        }
    }
    updateView();
}

QString HistoryPanel::timeText(const QDateTime& created) const {
    // The version's locale, digits included: an Arabic version shows Arabic-Indic
    // digits here as its text does.
    const QLocale locale(m_document ? m_document->language() : QString());
    const QDateTime local = created.toLocalTime();
    // Autosaves come seconds apart: the short time with its seconds.
    QString timeFormat = locale.timeFormat(QLocale::ShortFormat);
    if (!timeFormat.contains(QLatin1Char('s')))
        timeFormat.replace(QLatin1String("mm"), QLatin1String("mm:ss"));
    return locale.toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ') +
           locale.toString(local.time(), timeFormat);
}

QList<qint64> HistoryPanel::revisionIds() const {
    QList<qint64> ids;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        ids << m_list->topLevelItem(i)->data(0, kIdRole).toLongLong();
    return ids;
}

QList<qint64> HistoryPanel::selectedIds() const {
    // Oldest first, whatever order they were clicked in.
    QList<qint64> ids;
    for (QTreeWidgetItem* item : m_list->selectedItems())
        ids << item->data(0, kIdRole).toLongLong();
    std::sort(ids.begin(), ids.end());
    return ids;
}

void HistoryPanel::selectRevisions(const QList<qint64>& ids) {
    {
        const QSignalBlocker blocker(m_list);
        m_list->clearSelection();
        for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
            QTreeWidgetItem* item = m_list->topLevelItem(i);
            if (ids.contains(item->data(0, kIdRole).toLongLong()))
                item->setSelected(true);
        }
    }
    updateView();
}

void HistoryPanel::setView(View view) {
    m_mode->setCurrentIndex(m_mode->findData(QVariant::fromValue(view)));
    updateView();
}

QString HistoryPanel::viewText() const {
    return m_view->toPlainText();
}

void HistoryPanel::updateView() {
    const QList<qint64> ids = selectedIds();
    m_restore->setEnabled(false);
    m_mode->setEnabled(ids.size() <= 1);
    auto show = [&](const QString& text, bool diff, const QString& note = {}) {
        m_highlighter->enabled = diff;
        m_view->setPlainText(text);
        m_note->setText(note);
        m_note->setVisible(!note.isEmpty());
        // A diff reads left to right (its markers); a version's text in its direction.
        m_view->setLayoutDirection(diff || !m_document ? Qt::LeftToRight
                                                       : m_document->textDirection());
        m_highlighter->rehighlight();
    };
    if (!m_error.isEmpty()) {
        show({}, false, m_error);
        return;
    }
    if (!m_document || ids.isEmpty()) {
        show({}, false,
             m_document ? tr("Select a revision to see it; select two to compare them.")
                        : QString());
        return;
    }
    const QString language = m_document->language();
    QList<Article> states;
    for (qint64 id : ids.mid(0, 2)) {
        const auto article = m_library.articleAtRevision(id);
        if (!article) {
            show({}, false, article.error());
            return;
        }
        states << *article;
    }
    if (ids.size() >= 2) {
        const QString diff =
            diffArticles(onlyVersion(states[0], language), onlyVersion(states[1], language),
                         tr("rev %1").arg(ids[0]), tr("rev %1").arg(ids[1]));
        show(diff, true,
             diff.isEmpty() ? tr("Revisions %1 and %2 have the same text.").arg(ids[0]).arg(ids[1])
                            : tr("Changes from revision %1 to %2.").arg(ids[0]).arg(ids[1]));
        return;
    }
    const LanguageVersion* version = states[0].version(language);
    if (!version) {
        show({}, false, tr("Revision %1 has no '%2' version.").arg(ids[0]).arg(language));
        return;
    }
    m_restore->setEnabled(true);
    if (m_mode->currentData().value<View>() == View::Text) {
        show(version->body, false, version->title);
        return;
    }
    const QString diff =
        diffArticles(onlyVersion(states[0], language), onlyVersion(m_document->article(), language),
                     tr("rev %1").arg(ids[0]), tr("current"));
    show(diff, true,
         diff.isEmpty() ? tr("The current text is the text of revision %1.").arg(ids[0])
                        : tr("Changes from revision %1 to the current text.").arg(ids[0]));
}

} // namespace copydesk
