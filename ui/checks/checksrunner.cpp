#include "checks/checksrunner.h"

#include "checks/fixes.h"
#include "checks/ignore.h"
#include "document/articledocument.h"
#include "editor/markdowneditor.h"
#include "editor/markdownhighlighter.h"
#include "library/library.h"
#include "translation/versionqa.h"

#include <QMenu>
#include <QTextBlock>
#include <QTextDocument>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <numeric>

namespace copydesk {

namespace {

std::optional<ArticleDocument::Field> documentField(checks::Field field) {
    switch (field) {
    case checks::Field::Title:
        return ArticleDocument::Field::Title;
    case checks::Field::Summary:
        return ArticleDocument::Field::Summary;
    case checks::Field::SeoTitle:
        return ArticleDocument::Field::SeoTitle;
    case checks::Field::SeoDescription:
        return ArticleDocument::Field::SeoDescription;
    case checks::Field::Body:
    case checks::Field::FeaturedImage:
        break;
    }
    return std::nullopt;
}

TextMark::Kind markKind(checks::Severity severity) {
    switch (severity) {
    case checks::Severity::Error:
        return TextMark::Kind::Error;
    case checks::Severity::Warning:
        return TextMark::Kind::Warning;
    case checks::Severity::Info:
        break;
    }
    return TextMark::Kind::Info;
}

// QTextCursor::selectedText() writes a line break as U+2029.
QString selected(const QTextCursor& c) {
    QString text = c.selectedText();
    text.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    return text;
}

} // namespace

ChecksRunner::ChecksRunner(Library& library, SpellerPool* spellers, QObject* parent)
    : QObject(parent)
    , m_library(library)
    , m_spellers(spellers)
    , m_catalogue(translation::catalogueWithVersionChecks()) {
    // Longer than the spell checker's pause: the checks read the whole article.
    m_timer.setSingleShot(true);
    m_timer.setInterval(600);
    connect(&m_timer, &QTimer::timeout, this, &ChecksRunner::start);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &ChecksRunner::finish);
}

ChecksRunner::~ChecksRunner() {
    m_watcher.waitForFinished();
}

void ChecksRunner::setDocument(ArticleDocument* document, MarkdownEditor* editor) {
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_editor = editor;
    m_entries.clear();
    m_checked = {};
    ++m_edits; // whatever runs now is for another text
    if (editor && !m_hooked.contains(editor)) {
        m_hooked.append(editor);
        editor->addContextMenuHook([self = QPointer<ChecksRunner>(this)](QMenu* menu, int at) {
            if (self)
                self->addMenuEntries(menu, at);
        });
    }
    if (document) {
        connect(document, &ArticleDocument::edited, this, [this] {
            ++m_edits;
            m_timer.start();
        });
        connect(document, &ArticleDocument::fieldChanged, this, [this] {
            ++m_edits;
            m_timer.start();
        });
        QTimer::singleShot(0, this, &ChecksRunner::start);
    }
    Q_EMIT findingsChanged();
}

Result<checks::CheckContext> ChecksRunner::context() const {
    auto context = checks::contextFromLibrary(m_library, m_document->articleId(), m_spellers);
    if (!context)
        return context.failure();
    context->catalogue = m_catalogue;
    // The run is on another thread and a Library is not thread-safe: the alt texts
    // the checks ask for are read here, once.
    QHash<QString, QHash<QString, QString>> alt;
    if (auto media = m_library.mediaList()) {
        for (const Media& m : std::as_const(*media))
            alt.insert(m.name, m.altText);
    }
    context->altText = [alt](const QString& media,
                             const QString& language) -> std::optional<QString> {
        const auto it = alt.constFind(media);
        if (it == alt.constEnd())
            return std::nullopt;
        return it->value(language);
    };
    // The same for the site sections above the article's pages.
    QHash<QString, QStringList> sections; // by site path
    for (const LanguageVersion& version : m_document->article().versions) {
        if (!version.sitePath.isEmpty())
            sections.insert(version.sitePath, context->siteSections(version));
    }
    context->siteSections = [sections](const LanguageVersion& page) {
        return sections.value(page.sitePath);
    };
    return context;
}

void ChecksRunner::start() {
    m_timer.stop();
    if (!m_document)
        return;
    if (m_watcher.isRunning()) {
        m_timer.start(); // after this one
        return;
    }
    auto ctx = context();
    if (!ctx) {
        m_problem = ctx.error();
        Q_EMIT findingsChanged();
        return;
    }
    m_problem.clear();
    m_started = m_edits;
    m_ran = true;
    const Article article = m_document->article();
    const QString language = m_document->language();
    m_checked = article;
    m_watcher.setFuture(
        QtConcurrent::run([generation = m_started, article, language, context = std::move(*ctx)]() {
            Outcome outcome;
            outcome.generation = generation;
            if (const LanguageVersion* version = article.version(language))
                outcome.findings = checks::checkVersion(article, *version, context);
            return outcome;
        }));
}

void ChecksRunner::finish() {
    const Outcome outcome = m_watcher.result();
    if (outcome.generation == m_handled)
        return;
    m_handled = outcome.generation;
    // Edited meanwhile: the offsets are for text that is gone; the next run is due.
    if (outcome.generation != m_edits || !m_document || !m_editor)
        return;
    apply(outcome);
}

void ChecksRunner::apply(const Outcome& outcome) {
    QTextDocument* body = m_document->body();
    m_entries.clear();
    QList<MarkdownHighlighter::Range> marks;
    for (const checks::Finding& f : outcome.findings) {
        Entry e;
        e.finding = f;
        if (f.field == checks::Field::Body) {
            e.range = QTextCursor(body);
            e.range.setPosition(f.range.start.offset);
            e.range.setPosition(f.range.end.offset, QTextCursor::KeepAnchor);
            if (f.fix) {
                for (const checks::TextEdit& edit : f.fix->edits) {
                    QTextCursor c(body);
                    c.setPosition(edit.offset);
                    c.setPosition(edit.offset + edit.length, QTextCursor::KeepAnchor);
                    e.edits.append(c);
                }
            }
            marks.append({f.range.start.offset, f.range.end.offset, markKind(f.severity)});
        }
        m_entries.append(std::move(e));
    }
    if (m_editor->highlighter())
        m_editor->highlighter()->setLayer(MarkLayer::Findings, marks);
    Q_EMIT findingsChanged();
}

void ChecksRunner::runNow() {
    m_watcher.waitForFinished();
    if (m_ran && m_handled != m_started)
        finish(); // a run started before
    if (!m_document || (m_ran && m_started == m_edits && m_handled == m_edits))
        return; // current
    start();
    if (!m_ran)
        return;
    m_watcher.waitForFinished();
    finish();
}

void ChecksRunner::reveal(int index) {
    if (index < 0 || index >= m_entries.size() || !m_editor)
        return;
    const Entry& e = m_entries[index];
    if (e.finding.field != checks::Field::Body) {
        Q_EMIT fieldRevealed(e.finding.field);
        return;
    }
    m_editor->setTextCursor(e.range);
    m_editor->centerCursor();
}

Result<void> ChecksRunner::applyFix(int index) {
    if (index < 0 || index >= m_entries.size() || !m_document)
        return Error{tr("No such finding"), ErrorKind::NotFound};
    const Entry e = m_entries[index];
    if (!e.finding.fix || e.finding.fix->edits.isEmpty())
        return Error{tr("“%1” has no fix").arg(e.finding.message), ErrorKind::NotFound};
    const QList<checks::TextEdit>& edits = e.finding.fix->edits;
    auto changed = [this] {
        m_timer.start();
        return Error{tr("The text of this finding was edited since it was checked; checking "
                        "again"),
                     ErrorKind::Conflict};
    };
    if (e.finding.field == checks::Field::Body) {
        const QString checkedBody = m_checked.version(e.finding.language)
                                        ? m_checked.version(e.finding.language)->body
                                        : QString();
        // The finding's own text and the text of each edit, as they were checked.
        if (selected(e.range) !=
            checkedBody.mid(e.finding.range.start.offset, e.finding.range.length()))
            return changed();
        for (qsizetype i = 0; i < edits.size(); ++i) {
            if (selected(e.edits[i]) != checkedBody.mid(edits[i].offset, edits[i].length))
                return changed();
        }
        // One edit block: one undo step, whatever the number of edits.
        QTextCursor group(m_document->body());
        group.beginEditBlock();
        QList<qsizetype> order(edits.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
            return e.edits[a].selectionStart() > e.edits[b].selectionStart();
        });
        for (const qsizetype i : std::as_const(order)) {
            QTextCursor c = e.edits[i];
            c.insertText(edits[i].replacement);
        }
        group.endEditBlock();
        return {};
    }
    const auto field = documentField(e.finding.field);
    if (!field)
        return Error{tr("“%1” cannot be fixed here").arg(e.finding.message),
                     ErrorKind::Unsupported};
    const LanguageVersion* checked = m_checked.version(e.finding.language);
    const QString now = m_document->field(*field);
    QString then;
    if (checked) {
        switch (*field) {
        case ArticleDocument::Field::Title:
            then = checked->title;
            break;
        case ArticleDocument::Field::Summary:
            then = checked->summary;
            break;
        case ArticleDocument::Field::SeoTitle:
            then = checked->seoTitle;
            break;
        case ArticleDocument::Field::SeoDescription:
            then = checked->seoDescription;
            break;
        case ArticleDocument::Field::FrontMatter:
            then = checked->siteFrontMatter; // no check edits it
            break;
        }
    }
    if (!checked || now != then)
        return changed();
    m_document->setField(*field, checks::applyEdits(now, edits)); // one undo command
    return {};
}

Result<void> ChecksRunner::ignore(int index) {
    if (index < 0 || index >= m_entries.size() || !m_document)
        return Error{tr("No such finding"), ErrorKind::NotFound};
    const Entry e = m_entries[index];
    auto ctx = context();
    if (!ctx)
        return ctx.failure();
    // The finding as the checks find it in the text as it is now: a body finding may
    // have moved with edits above it.
    const int offset = e.finding.field == checks::Field::Body ? e.range.selectionStart()
                                                              : e.finding.range.start.offset;
    const auto outcome = checks::ignoreFindings(
        m_library, m_document->article(), *ctx,
        [&](const checks::Finding& f) {
            return f.checkId == e.finding.checkId && f.language == e.finding.language &&
                   f.field == e.finding.field && f.excerpt == e.finding.excerpt &&
                   f.range.start.offset == offset;
        },
        tr("Ignored in the checklist"));
    if (!outcome)
        return outcome.failure();
    if (outcome->status == checks::IgnoreOutcome::Status::NoSuchFinding) {
        m_timer.start();
        return Error{tr("The text of this finding was edited since it was checked; checking "
                        "again"),
                     ErrorKind::Conflict};
    }
    ++m_edits; // the ignore list changed: the findings shown are out of date
    start();
    return {};
}

void ChecksRunner::addMenuEntries(QMenu* menu, int position) {
    if (!m_editor)
        return;
    for (int i = 0; i < m_entries.size(); ++i) {
        const Entry& e = m_entries[i];
        if (e.finding.field != checks::Field::Body || e.range.document() != m_editor->document())
            continue;
        if (position < e.range.selectionStart() || position > e.range.selectionEnd())
            continue;
        QAction* title = menu->addAction(e.finding.message);
        title->setEnabled(false);
        if (e.finding.fix) {
            QAction* fix = menu->addAction(tr("Fix: %1").arg(e.finding.fix->description));
            fix->setObjectName(QStringLiteral("fixFinding"));
            fix->setEnabled(!m_editor->isReadOnly());
            connect(fix, &QAction::triggered, this, [this, i] {
                if (const auto fixed = applyFix(i); !fixed && m_editor)
                    Q_EMIT m_editor->statusMessage(fixed.error());
            });
        }
        QAction* ignoreAction = menu->addAction(tr("Ignore This Finding"));
        ignoreAction->setObjectName(QStringLiteral("ignoreFinding"));
        ignoreAction->setEnabled(m_library.mode() == Library::Mode::ReadWrite);
        connect(ignoreAction, &QAction::triggered, this, [this, i] {
            if (const auto ignored = ignore(i); !ignored && m_editor)
                Q_EMIT m_editor->statusMessage(ignored.error());
        });
        menu->addSeparator();
    }
}

} // namespace copydesk
