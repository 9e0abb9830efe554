#include "document/articledocument.h"

#include "article/slug.h"
#include "common/limits.h"

#include <QLocale>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>

namespace copydesk {

namespace {

QString& fieldOf(LanguageVersion& v, ArticleDocument::Field field) {
    switch (field) {
    case ArticleDocument::Field::Title:
        return v.title;
    case ArticleDocument::Field::Summary:
        return v.summary;
    case ArticleDocument::Field::SeoTitle:
        return v.seoTitle;
    case ArticleDocument::Field::SeoDescription:
        return v.seoDescription;
    case ArticleDocument::Field::FrontMatter:
        return v.siteFrontMatter;
    }
    return v.title;
}

QString articleName(const Article& a) {
    return a.slug.isEmpty() ? a.displayTitle() : a.slug;
}

} // namespace

/// One change of one metadata field. Consecutive changes of the same field merge, so
/// that typing a title is one undo step, as typing in the body is.
class FieldCommand final : public QUndoCommand {
public:
    FieldCommand(ArticleDocument* document, ArticleDocument::Field field, QString before,
                 QString after)
        : m_document(document)
        , m_field(field)
        , m_before(std::move(before))
        , m_after(std::move(after)) {
        setText(ArticleDocument::tr("Edit %1").arg(fieldName()));
    }

    int id() const override { return 0x4d455441 + int(m_field); }
    bool mergeWith(const QUndoCommand* other) override {
        const auto* next = static_cast<const FieldCommand*>(other);
        // Each change of a front-matter key is its own step; typing in a field is one.
        if (next->m_field != m_field || m_field == ArticleDocument::Field::FrontMatter)
            return false;
        m_after = next->m_after;
        // A merge back to where it started leaves a step that changes nothing.
        setObsolete(m_after == m_before);
        return true;
    }
    void undo() override { m_document->applyField(m_field, m_before); }
    void redo() override { m_document->applyField(m_field, m_after); }

private:
    QString fieldName() const {
        switch (m_field) {
        case ArticleDocument::Field::Title:
            return ArticleDocument::tr("title");
        case ArticleDocument::Field::Summary:
            return ArticleDocument::tr("summary");
        case ArticleDocument::Field::SeoTitle:
            return ArticleDocument::tr("SEO title");
        case ArticleDocument::Field::SeoDescription:
            return ArticleDocument::tr("SEO description");
        case ArticleDocument::Field::FrontMatter:
            return ArticleDocument::tr("front-matter key");
        }
        return {};
    }

    ArticleDocument* m_document;
    ArticleDocument::Field m_field;
    QString m_before;
    QString m_after;
};

/// The article's shared metadata, as one value that undo commands keep before and
/// after a change. `slugFollows` goes with the slug, so that undoing a hand edit of
/// the slug makes it follow the title again.
struct ArticleDocument::Shared {
    QString slug;
    bool slugFollows = false;
    Status status = Status::Draft;
    QString byline;
    Dateline dateline;
    QStringList tags;
    QStringList categories;
    QString featuredImage;
};

/// One change of the shared metadata. Changes with the same merge id that follow each
/// other (typing in the byline) are one step; id -1 never merges (a tag, a status).
class MetadataCommand final : public QUndoCommand {
public:
    MetadataCommand(ArticleDocument* document, const QString& name, int mergeId,
                    ArticleDocument::Shared before, ArticleDocument::Shared after)
        : m_document(document)
        , m_mergeId(mergeId)
        , m_before(std::move(before))
        , m_after(std::move(after)) {
        setText(name);
    }
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand* other) override {
        m_after = static_cast<const MetadataCommand*>(other)->m_after;
        return true;
    }
    void undo() override { m_document->applyShared(m_before); }
    void redo() override { m_document->applyShared(m_after); }

private:
    ArticleDocument* m_document;
    int m_mergeId;
    ArticleDocument::Shared m_before;
    ArticleDocument::Shared m_after;
};

Result<std::unique_ptr<ArticleDocument>> ArticleDocument::open(const Article& article,
                                                               const QString& language) {
    int index = -1;
    for (int i = 0; i < article.versions.size(); ++i) {
        if (article.versions.at(i).language == language)
            index = i;
    }
    if (index < 0)
        return Error{tr("article '%1' has no '%2' version").arg(articleName(article), language),
                     ErrorKind::NotFound};
    const qint64 bytes = article.versions.at(index).body.toUtf8().size();
    if (bytes > kMaxTextBytes)
        return Error{tr("article '%1', version '%2': the text is %3 MB, over the limit of "
                        "%4 MB; it is not opened")
                         .arg(articleName(article), language,
                              QString::number(double(bytes) / 1024 / 1024, 'f', 1),
                              QString::number(kMaxTextBytes / 1024 / 1024)),
                     ErrorKind::InvalidInput};
    return std::unique_ptr<ArticleDocument>(new ArticleDocument(article, index));
}

ArticleDocument::ArticleDocument(const Article& article, int versionIndex)
    : m_article(article)
    , m_versionIndex(versionIndex)
    , m_body(new QTextDocument(this))
    , m_undo(new QUndoStack(this)) {
    // Line breaks are "\n" in the editor; "\r\n" would leave a stray "\r" per line.
    QString text = version().body;
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    m_body->setPlainText(text);
    m_body->setModified(false);
    m_body->clearUndoRedoStacks();
    m_lastText = m_body->toRawText();
    m_slugFollows =
        isSource() && (m_article.slug.isEmpty() || m_article.slug == followedSlug(version().title));

    // Formatting (the highlighter) also signals a change of contents, and bumps the
    // revision: only a change of the characters is an edit. Comparing the raw text
    // costs microseconds for an article, far less than the keystroke's layout.
    connect(m_body, &QTextDocument::contentsChanged, this, [this] {
        QString text = m_body->toRawText();
        if (text == m_lastText)
            return;
        m_lastText = std::move(text);
        Q_EMIT edited();
        updateModified();
    });
    connect(m_body, &QTextDocument::modificationChanged, this, &ArticleDocument::updateModified);
    connect(m_undo, &QUndoStack::cleanChanged, this, &ArticleDocument::updateModified);
}

ArticleDocument::~ArticleDocument() = default;

QUuid ArticleDocument::articleId() const {
    return m_article.id;
}

QString ArticleDocument::language() const {
    return version().language;
}

bool ArticleDocument::isSource() const {
    return !m_article.sourceLanguage.isEmpty() && m_article.sourceLanguage == language();
}

Qt::LayoutDirection ArticleDocument::textDirection() const {
    return QLocale(language()).textDirection();
}

QTextDocument* ArticleDocument::body() const {
    return m_body;
}

QUndoStack* ArticleDocument::metadataUndo() const {
    return m_undo;
}

QString ArticleDocument::bodyText() const {
    // toPlainText() would turn no-break spaces into spaces; the blocks' own text keeps
    // every character as typed.
    QString text;
    text.reserve(m_body->characterCount());
    for (QTextBlock block = m_body->begin(); block.isValid(); block = block.next()) {
        if (block != m_body->begin())
            text += QLatin1Char('\n');
        text += block.text();
    }
    return text;
}

QString ArticleDocument::field(Field field) const {
    return fieldOf(const_cast<LanguageVersion&>(version()), field);
}

void ArticleDocument::setField(Field field, const QString& value) {
    const QString current = this->field(field);
    if (current == value)
        return;
    m_undo->push(new FieldCommand(this, field, current, value));
}

void ArticleDocument::applyField(Field field, const QString& value) {
    fieldOf(version(), field) = value;
    if (field == Field::Title && m_slugFollows) {
        // The title's undo and redo pass here too, so the slug goes back and forth
        // with it in the same step.
        const QString slug = followedSlug(value);
        if (!slug.isEmpty() && slug != m_article.slug) {
            m_article.slug = slug;
            Q_EMIT metadataChanged();
        }
    }
    Q_EMIT fieldChanged(field);
    Q_EMIT edited();
    updateModified();
}

QString ArticleDocument::followedSlug(const QString& title) const {
    const QString base = slugify(title);
    if (base.isEmpty())
        return {};
    return m_slugResolver ? m_slugResolver(base) : base;
}

void ArticleDocument::setSlugResolver(std::function<QString(const QString&)> resolver) {
    m_slugResolver = std::move(resolver);
    // A slug made unique ("summit-2") follows its title as much as the bare one.
    if (!m_slugFollows && isSource() && m_article.slug == followedSlug(version().title))
        m_slugFollows = true;
}

ArticleDocument::Shared ArticleDocument::shared() const {
    return Shared{m_article.slug,       m_slugFollows,          m_article.status,
                  m_article.byline,     m_article.dateline,     m_article.tags,
                  m_article.categories, m_article.featuredImage};
}

void ArticleDocument::applyShared(const Shared& state) {
    m_article.slug = state.slug;
    m_slugFollows = state.slugFollows;
    m_article.status = state.status;
    m_article.byline = state.byline;
    m_article.dateline = state.dateline;
    m_article.tags = state.tags;
    m_article.categories = state.categories;
    m_article.featuredImage = state.featuredImage;
    Q_EMIT metadataChanged();
    Q_EMIT edited();
    updateModified();
}

void ArticleDocument::pushShared(const QString& name, int mergeId, const Shared& after) {
    m_undo->push(new MetadataCommand(this, name, mergeId, shared(), after));
}

namespace {
// Merge ids of the shared text fields, apart from FieldCommand's.
constexpr int kSlugMerge = 0x53484131;
constexpr int kBylineMerge = 0x53484132;
constexpr int kDatelineMerge = 0x53484133;
} // namespace

QString ArticleDocument::slug() const {
    return m_article.slug;
}

bool ArticleDocument::slugFollowsTitle() const {
    return m_slugFollows;
}

void ArticleDocument::setSlug(const QString& slug) {
    Shared after = shared();
    if (after.slug == slug && !after.slugFollows)
        return;
    after.slug = slug;
    after.slugFollows = false;
    pushShared(tr("Edit slug"), kSlugMerge, after);
}

void ArticleDocument::setByline(const QString& byline) {
    Shared after = shared();
    if (after.byline == byline)
        return;
    after.byline = byline;
    pushShared(tr("Edit byline"), kBylineMerge, after);
}

void ArticleDocument::setDateline(const Dateline& dateline) {
    Shared after = shared();
    if (after.dateline == dateline)
        return;
    after.dateline = dateline;
    pushShared(tr("Edit dateline"), kDatelineMerge, after);
}

Result<void> ArticleDocument::setStatus(Status status) {
    Shared after = shared();
    if (after.status == status)
        return {};
    if (!canTransition(after.status, status))
        return Error{
            tr("article '%1' cannot go from %2 to %3")
                .arg(articleName(m_article), statusLabel(after.status), statusLabel(status)),
            ErrorKind::InvalidInput};
    after.status = status;
    pushShared(tr("Set Status to %1").arg(statusLabel(status)), -1, after);
    return {};
}

void ArticleDocument::addTag(const QString& slug) {
    Shared after = shared();
    if (slug.isEmpty() || after.tags.contains(slug))
        return;
    after.tags.append(slug);
    pushShared(tr("Add Tag '%1'").arg(slug), -1, after);
}

void ArticleDocument::removeTag(const QString& slug) {
    Shared after = shared();
    if (after.tags.removeAll(slug) == 0)
        return;
    pushShared(tr("Remove Tag '%1'").arg(slug), -1, after);
}

void ArticleDocument::setCategories(const QStringList& slugs) {
    Shared after = shared();
    if (after.categories == slugs)
        return;
    after.categories = slugs;
    pushShared(tr("Change Categories"), -1, after);
}

void ArticleDocument::setFeaturedImage(const QString& mediaName) {
    Shared after = shared();
    if (after.featuredImage == mediaName)
        return;
    after.featuredImage = mediaName;
    pushShared(mediaName.isEmpty() ? tr("Remove Featured Image") : tr("Set Featured Image"), -1,
               after);
}

Article ArticleDocument::article() const {
    Article a = m_article;
    a.versions[m_versionIndex].body = bodyText();
    return a;
}

bool ArticleDocument::isModified() const {
    return m_modified;
}

void ArticleDocument::markSaved(const Article& saved) {
    const LanguageVersion* savedVersion = saved.version(language());
    const Article now = article();
    // The library fills in the slug, ids and timestamps: keep them, and the version's
    // fields as they are now (the same as saved unless edited since).
    LanguageVersion current = version();
    m_article = saved;
    for (int i = 0; i < m_article.versions.size(); ++i) {
        if (m_article.versions.at(i).language == current.language)
            m_versionIndex = i;
    }
    if (savedVersion) {
        current.created = savedVersion->created;
        current.updated = savedVersion->updated;
    }
    version() = current;
    const LanguageVersion* nowVersion = now.version(language());
    const bool unchanged = savedVersion && nowVersion && savedVersion->body == nowVersion->body &&
                           savedVersion->title == nowVersion->title &&
                           savedVersion->summary == nowVersion->summary &&
                           savedVersion->seoTitle == nowVersion->seoTitle &&
                           savedVersion->seoDescription == nowVersion->seoDescription;
    if (unchanged) {
        m_body->setModified(false);
        m_undo->setClean();
    }
    updateModified();
}

void ArticleDocument::resetTo(const Article& state) {
    const LanguageVersion* target = state.version(language());
    if (state.id != m_article.id || !target)
        return;
    QString text = target->body;
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    if (text != bodyText()) {
        QTextCursor cursor(m_body);
        cursor.beginEditBlock();
        cursor.select(QTextCursor::Document);
        cursor.insertText(text);
        cursor.endEditBlock();
    }
    LanguageVersion fields = *target;
    for (Field f :
         {Field::Title, Field::Summary, Field::SeoTitle, Field::SeoDescription, Field::FrontMatter})
        setField(f, fieldOf(fields, f));
    // The other versions, the status and the rest come from the library as they are.
    Article saved = state;
    if (LanguageVersion* v = saved.version(language()))
        v->body = bodyText();
    markSaved(saved);
    // markSaved() keeps the version's own state as edited; here the library's is the
    // truth (a restore brings back its status and translation source too).
    version() = *saved.version(language());
}

/// A step of applyTranslation() or replaceOtherVersion() in the body's undo stack, so
/// that one Undo takes back the text and the version's other state together: the
/// version as it was and as it is after, put in place by `apply`.
class VersionItem final : public QAbstractUndoItem {
public:
    using Apply = void (ArticleDocument::*)(const LanguageVersion&);
    VersionItem(ArticleDocument* document, Apply apply, LanguageVersion before,
                LanguageVersion after)
        : m_document(document)
        , m_apply(apply)
        , m_before(std::move(before))
        , m_after(std::move(after)) {}
    void undo() override { (m_document->*m_apply)(m_before); }
    void redo() override { (m_document->*m_apply)(m_after); }

private:
    ArticleDocument* m_document;
    Apply m_apply;
    LanguageVersion m_before, m_after;
};

void ArticleDocument::applyTranslation(const LanguageVersion& translated) {
    const QString now = bodyText();
    QString text = translated.body;
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    LanguageVersion before = version();
    before.body.clear(); // the body is the text document's
    LanguageVersion after = translated;
    after.body.clear();
    QTextCursor cursor(m_body);
    cursor.beginEditBlock();
    if (text != now) {
        // Only what differs: the common start and end stay, and with them the editor's
        // cursor and scroll position when they are outside the change.
        qsizetype head = 0;
        const qsizetype shorter = std::min(text.size(), now.size());
        while (head < shorter && text[head] == now[head])
            ++head;
        qsizetype tail = 0;
        while (tail < shorter - head && text[text.size() - 1 - tail] == now[now.size() - 1 - tail])
            ++tail;
        cursor.setPosition(int(head));
        cursor.setPosition(int(now.size() - tail), QTextCursor::KeepAnchor);
        cursor.insertText(text.mid(head, text.size() - tail - head));
    }
    m_body->appendUndoItem(
        new VersionItem(this, &ArticleDocument::applyTranslationFields, before, after));
    applyTranslationFields(after);
    cursor.endEditBlock();
}

void ArticleDocument::applyTranslationFields(const LanguageVersion& fields) {
    LanguageVersion& v = version();
    bool changed = v.translatedFrom != fields.translatedFrom ||
                   v.sourceFingerprints != fields.sourceFingerprints;
    v.translatedFrom = fields.translatedFrom;
    v.sourceFingerprints = fields.sourceFingerprints;
    LanguageVersion wanted = fields;
    for (Field f : {Field::Title, Field::Summary, Field::SeoTitle, Field::SeoDescription}) {
        QString& value = fieldOf(v, f);
        if (value == fieldOf(wanted, f))
            continue;
        value = fieldOf(wanted, f);
        changed = true;
        Q_EMIT fieldChanged(f);
    }
    if (!changed)
        return;
    // A step that changes no character leaves the text document unmodified: the
    // record is part of what is saved all the same.
    m_body->setModified(true);
    Q_EMIT edited();
    updateModified();
}

bool ArticleDocument::replaceOtherVersion(const LanguageVersion& replacement) {
    const LanguageVersion* now = m_article.version(replacement.language);
    if (!now || now == &version())
        return false;
    if (*now == replacement)
        return true;
    QTextCursor cursor(m_body);
    cursor.beginEditBlock();
    m_body->appendUndoItem(
        new VersionItem(this, &ArticleDocument::setOtherVersion, *now, replacement));
    setOtherVersion(replacement);
    cursor.endEditBlock();
    return true;
}

void ArticleDocument::setOtherVersion(const LanguageVersion& replacement) {
    for (LanguageVersion& v : m_article.versions)
        if (v.language == replacement.language && &v != &version())
            v = replacement;
    m_body->setModified(true); // what is saved changed, though no character of the body did
    Q_EMIT edited();
    updateModified();
}

LanguageVersion& ArticleDocument::version() {
    return m_article.versions[m_versionIndex];
}

const LanguageVersion& ArticleDocument::version() const {
    return m_article.versions.at(m_versionIndex);
}

void ArticleDocument::updateModified() {
    const bool modified = m_body->isModified() || !m_undo->isClean();
    if (modified == m_modified)
        return;
    m_modified = modified;
    Q_EMIT modifiedChanged(modified);
}

} // namespace copydesk
