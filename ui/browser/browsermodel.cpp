#include "browser/browsermodel.h"

#include "common/datetext.h"
#include "library/library.h"
#include "translation/segments.h"

#include <QLocale>
#include <QScopeGuard>
#include <QtConcurrent/QtConcurrentRun>

namespace copydesk {

namespace {

BrowseOrder orderOf(int column) {
    switch (column) {
    case BrowserModel::TitleColumn:
        return BrowseOrder::Title;
    case BrowserModel::LanguagesColumn:
        return BrowseOrder::Languages;
    case BrowserModel::StatusColumn:
        return BrowseOrder::Status;
    case BrowserModel::TagsColumn:
        return BrowseOrder::Tags;
    case BrowserModel::BylineColumn:
        return BrowseOrder::Byline;
    default:
        return BrowseOrder::Updated;
    }
}

bool isRightToLeft(const QString& language) {
    return !language.isEmpty() && QLocale(language).textDirection() == Qt::RightToLeft;
}

const translation::Progress*
progressIn(const QList<std::pair<QString, translation::Progress>>& progress,
           const QString& language) {
    for (const auto& [lang, p] : progress)
        if (lang == language)
            return &p;
    return nullptr;
}

QVariant alignFor(const QString& language) {
    // Text starts at its own script's edge, whatever the interface's direction.
    return QVariant::fromValue(Qt::AlignVCenter | Qt::AlignAbsolute |
                               (isRightToLeft(language) ? Qt::AlignRight : Qt::AlignLeft));
}

} // namespace

BrowserModel::BrowserModel(Library& library, QObject* parent)
    : QAbstractTableModel(parent)
    , m_library(library) {
    auto reader = BrowseReader::open(library);
    if (reader)
        m_reader = std::move(*reader);
    else
        m_error = reader.error();
    m_countThread.setMaxThreadCount(1);
    m_progressThread.setMaxThreadCount(1);
    m_stopping = std::make_shared<std::atomic_bool>(false);
    connect(&m_countWatcher, &QFutureWatcherBase::finished, this, &BrowserModel::countDone);
}

BrowserModel::~BrowserModel() {
    *m_stopping = true; // the thread pool waits for its work, which ends at the next article
}

Result<void> BrowserModel::setFilter(const BrowseFilter& filter) {
    m_filter = filter;
    return reload();
}

Result<void> BrowserModel::refresh() {
    return reload();
}

void BrowserModel::setPageSize(int rows) {
    m_pageSize = qMax(1, rows);
}

void BrowserModel::setError(const QString& message) {
    m_error = message;
    Q_EMIT failed(message);
}

Result<void> BrowserModel::reload() {
    beginResetModel();
    m_rows.clear();
    m_more = false;
    m_total = 0;
    m_error.clear();
    Result<void> outcome;
    if (!m_reader) {
        outcome = Error{tr("the library cannot be browsed"), ErrorKind::Io};
    } else if (auto page = m_reader->page(m_filter, m_order, m_direction, std::nullopt, m_pageSize);
               !page) {
        outcome = page.failure();
    } else if (page->size() < m_pageSize) {
        // A short first page is every match: counting them again would run the filter a
        // second time (50 ms for a text and category filter that finds nothing, on
        // 100,000 articles).
        m_rows = std::move(*page);
        m_total = m_rows.size();
    } else {
        m_rows = std::move(*page);
        m_more = true;
        m_total = -1;
    }
    ++m_countGeneration; // what an unfinished count says is for other rows
    m_signalling = true;
    endResetModel();
    m_signalling = false;
    if (!outcome) {
        setError(outcome.error());
        return outcome;
    }
    Q_EMIT reloaded();
    if (m_total < 0)
        startCount();
    startProgress(m_rows);
    return {};
}

void BrowserModel::startProgress(const QList<BrowseRow>& rows) {
    QHash<QUuid, QDateTime> wanted;
    for (const BrowseRow& row : rows) {
        const auto known = m_progress.constFind(row.id);
        if (row.versions.size() > 1 &&
            (known == m_progress.cend() || known->updated != row.updated))
            wanted.insert(row.id, row.updated);
    }
    if (wanted.isEmpty())
        return;
    // Through a connection of the thread's own, as the count is; the jobs of the pages
    // queue on the one thread.
    auto* watcher = new QFutureWatcher<QHash<QUuid, ArticleProgress>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        progressDone(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(
        &m_progressThread, [path = m_library.path(), wanted, stopping = m_stopping] {
            QHash<QUuid, ArticleProgress> known;
            const auto library = Library::open(path, Library::Mode::ReadOnly);
            if (!library)
                return known; // the column shows the languages alone
            for (auto it = wanted.cbegin(); it != wanted.cend() && !*stopping; ++it) {
                const auto article = (*library)->article(it.key());
                if (!article)
                    continue; // deleted meanwhile
                ArticleProgress& progress = known[it.key()];
                progress.updated = it.value();
                for (const LanguageVersion& v : article->versions)
                    if (const LanguageVersion* source = translation::sourceVersion(*article, v))
                        progress.versions.append(
                            {v.language, translation::progressOf(translation::align(*source, v))});
            }
            return known;
        }));
}

void BrowserModel::progressDone(const QHash<QUuid, ArticleProgress>& known) {
    if (known.isEmpty())
        return;
    m_progress.insert(known);
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const auto found = known.constFind(m_rows[i].id);
        if (found != known.cend() && found->updated == m_rows[i].updated) {
            const QModelIndex cell = index(int(i), LanguagesColumn);
            Q_EMIT dataChanged(cell, cell, {Qt::DisplayRole, Qt::ToolTipRole});
        }
    }
    Q_EMIT progressKnown();
}

QList<std::pair<QString, translation::Progress>> BrowserModel::progressOf(int row) const {
    if (row < 0 || row >= m_rows.size())
        return {};
    const auto found = m_progress.constFind(m_rows[row].id);
    if (found == m_progress.cend() || found->updated != m_rows[row].updated)
        return {};
    return found->versions;
}

void BrowserModel::startCount() {
    m_countWatcher.cancel(); // a count still waiting for the thread is not needed
    // A connection of the count's own thread (QSqlDatabase connections stay in the
    // thread that opened them), opened for each count.
    m_countWatcher.setFuture(
        QtConcurrent::run(&m_countThread, [path = m_library.path(), filter = m_filter,
                                           generation = m_countGeneration] {
            Count count{generation, -1, {}};
            auto reader = BrowseReader::open(path);
            if (!reader) {
                count.error = reader.error();
                return count;
            }
            const auto total = (*reader)->count(filter);
            if (total)
                count.total = *total;
            else
                count.error = total.error();
            return count;
        }));
}

void BrowserModel::countDone() {
    if (m_countWatcher.isCanceled() || m_countWatcher.future().resultCount() == 0)
        return;
    const Count count = m_countWatcher.result();
    if (count.generation != m_countGeneration)
        return; // the filter changed meanwhile; its own count is on its way
    if (!count.error.isEmpty()) {
        setError(count.error);
        return;
    }
    m_total = count.total;
    Q_EMIT counted();
}

int BrowserModel::rowOf(const QUuid& id) const {
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == id)
            return int(i);
    }
    return -1;
}

int BrowserModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BrowserModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

bool BrowserModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && m_more;
}

void BrowserModel::fetchMore(const QModelIndex& parent) {
    // Not from inside this model's own signals (a model tester, a view reacting to
    // the reset): rows inserted while a reset or an insertion is being announced
    // would nest one change in another.
    if (parent.isValid() || !m_more || m_rows.isEmpty() || m_signalling)
        return;
    // Guarded for the whole fetch: a model tester fetches again from the signals.
    m_signalling = true;
    const auto done = qScopeGuard([this] { m_signalling = false; });
    const BrowseRow& last = m_rows.constLast();
    auto page = m_reader->page(m_filter, m_order, m_direction,
                               BrowseCursor{last.sortValue, last.rowId}, m_pageSize);
    if (!page) {
        m_more = false;
        setError(page.error());
        return;
    }
    m_more = page->size() == m_pageSize;
    if (page->isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->size() - 1));
    startProgress(*page);
    m_rows.append(std::move(*page));
    endInsertRows();
}

void BrowserModel::sort(int column, Qt::SortOrder order) {
    if (column < 0 || column >= ColumnCount)
        return;
    const BrowseOrder wanted = orderOf(column);
    if (wanted == m_order && order == m_direction && !m_rows.isEmpty())
        return;
    m_order = wanted;
    m_direction = order;
    (void)reload();
}

QVariant BrowserModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BrowseRow& row = m_rows.at(index.row());
    switch (role) {
    case ArticleIdRole:
        return row.id;
    case SlugRole:
        return row.slug;
    case StatusRole:
        return int(row.status);
    case TagsRole:
        return row.tags;
    default:
        break;
    }
    const int column = index.column();
    if (role == Qt::TextAlignmentRole) {
        if (column == TitleColumn)
            return alignFor(row.titleLanguage);
        if (column == TagsColumn)
            return alignFor(row.sourceLanguage);
        return {};
    }
    if (role == Qt::ToolTipRole) {
        if (column == TitleColumn)
            return QStringLiteral("%1\n%2").arg(row.title, row.slug);
        if (column == LanguagesColumn) {
            const auto progress = progressOf(index.row());
            QStringList lines;
            for (const BrowseVersion& v : row.versions) {
                QString line;
                if (v.language == row.sourceLanguage)
                    line = tr("%1: source, %2").arg(v.language, statusLabel(v.status));
                else if (!v.translatedFrom.isEmpty())
                    line = tr("%1: translated from %2, %3")
                               .arg(v.language, v.translatedFrom, statusLabel(v.status));
                else
                    line = tr("%1: %2").arg(v.language, statusLabel(v.status));
                if (const translation::Progress* p = progressIn(progress, v.language)) {
                    line += tr(" — %1% translated").arg(p->percentDone());
                    if (p->outdated)
                        line += tr(", %n outdated", nullptr, p->outdated);
                    if (p->untranslated)
                        line += tr(", %n untranslated", nullptr, p->untranslated);
                    if (p->draft)
                        line += tr(", %n draft", nullptr, p->draft);
                }
                lines.append(line);
            }
            return lines.join(QLatin1Char('\n'));
        }
        if (column == TagsColumn)
            return row.tags.join(QStringLiteral(", "));
        if (column == UpdatedColumn) // the column shows it short
            return QLocale().toString(row.updated.toLocalTime(), QLocale::LongFormat);
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case TitleColumn:
        return row.title.isEmpty() ? tr("(untitled)") : row.title;
    case LanguagesColumn: {
        // The source first and apart, then the translations with how far they are
        // (once known); a version that is not yet as far as the article's status
        // shows its own.
        const auto progress = progressOf(index.row());
        QStringList others;
        QString source;
        for (const BrowseVersion& v : row.versions) {
            QString text = v.language;
            QStringList notes;
            if (const translation::Progress* p = progressIn(progress, v.language)) {
                text = tr("%1 %2%").arg(v.language).arg(p->percentDone());
                if (p->outdated)
                    notes.append(tr("%n outdated", nullptr, p->outdated));
            }
            if (v.status != row.status)
                notes.append(statusLabel(v.status));
            if (!notes.isEmpty())
                text = tr("%1 (%2)").arg(text, notes.join(QStringLiteral(", ")));
            if (v.language == row.sourceLanguage)
                source = text;
            else
                others.append(text);
        }
        if (source.isEmpty())
            return others.join(QStringLiteral(", "));
        return others.isEmpty() ? source
                                : tr("%1 → %2").arg(source, others.join(QStringLiteral(", ")));
    }
    case StatusColumn:
        return statusLabel(row.status);
    case TagsColumn:
        return row.tagLabels.join(QStringLiteral(", "));
    case BylineColumn:
        return row.byline;
    case UpdatedColumn:
        return compactDateTime(row.updated);
    default:
        return {};
    }
}

QVariant BrowserModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case LanguagesColumn:
        return tr("Languages");
    case StatusColumn:
        return tr("Status");
    case TagsColumn:
        return tr("Tags");
    case BylineColumn:
        return tr("Byline");
    case UpdatedColumn:
        return tr("Updated");
    default:
        return {};
    }
}

} // namespace copydesk
