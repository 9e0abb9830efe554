#pragma once

#include "article/article.h"
#include "common/result.h"

#include <QObject>

#include <functional>

#include <memory>

class QTextDocument;
class QUndoStack;

namespace copydesk {

/// One language version of an article, as it is being edited. The body is a
/// QTextDocument (the editor shows it; typing uses the text document's own undo), the
/// version's metadata is changed through QUndoCommands on metadataUndo(). The rest of
/// the article (the other versions, tags, ...) is carried along unchanged, so that
/// article() is always the whole article to save.
///
/// "Modified" means: different from what was last saved (or loaded). The Autosaver
/// watches edited() and calls markSaved() once the library has the text.
class ArticleDocument final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArticleDocument)

public:
    /// The version's text fields that have an undoable setter; FrontMatter is the front matter it
    /// was imported with (LanguageVersion::siteFrontMatter), whose keys without a field of their
    /// own the metadata panel edits (interchange/otherkeys.h).
    enum class Field { Title, Summary, SeoTitle, SeoDescription, FrontMatter };
    Q_ENUM(Field)

    /// A document for version `language` of `article`. Fails with ErrorKind::NotFound
    /// when the article has no such version, and with ErrorKind::InvalidInput when its
    /// body is over the size limit (common/limits.h), so that an oversized article is
    /// never opened, and so never written back.
    static Result<std::unique_ptr<ArticleDocument>> open(const Article& article,
                                                         const QString& language);
    ~ArticleDocument() override;

    QUuid articleId() const;
    QString language() const;
    /// Whether this version is the article's source language.
    bool isSource() const;
    /// The direction of the version, from QLocale(language): the editor's and the
    /// page's base direction. Each paragraph's own direction follows its text.
    Qt::LayoutDirection textDirection() const;

    QTextDocument* body() const;
    QUndoStack* metadataUndo() const;
    /// The Markdown of the body, exactly as typed (no-break spaces kept, lines
    /// joined with "\n").
    QString bodyText() const;

    QString field(Field field) const;
    /// Sets `field` through an undo command; typing into one field merges into one
    /// step. Does nothing when the value is unchanged.
    void setField(Field field, const QString& value);

    // The article's shared metadata (every version has the same): each change is one
    // undo command named after what it does ("Remove Tag 'climate'"), on
    // metadataUndo() with the version's field edits. Typing in one text field merges
    // into one step. A change to the current value does nothing.
    QString slug() const;
    /// A slug typed by hand: it no longer follows the title (see slugFollowsTitle()).
    void setSlug(const QString& slug);
    /// Whether the slug is made from the title as the title is edited: while the
    /// article has no slug or the one made from its title, and this is the source
    /// version. Undo of the title takes the slug back with it.
    bool slugFollowsTitle() const;
    /// Turns a slug made from the title into one no other article uses (the window
    /// passes Library::uniqueSlug()); without it the slug is slugify(title).
    void setSlugResolver(std::function<QString(const QString&)> resolver);
    void setByline(const QString& byline);
    void setDateline(const Dateline& dateline);
    /// Refused (ErrorKind::InvalidInput, naming both states) when the workflow does
    /// not allow going from the current status to `status`.
    Result<void> setStatus(Status status);
    /// Adds tag `slug` at the end; nothing when the article has it already.
    void addTag(const QString& slug);
    void removeTag(const QString& slug);
    void setCategories(const QStringList& slugs);
    void setFeaturedImage(const QString& mediaName);

    /// The whole article with this version's current text and metadata.
    Article article() const;
    bool isModified() const;
    /// Called after `saved` (an article() this document handed out) reached the
    /// library: takes what the library filled in (slug, timestamps) and clears the
    /// modified state, unless the text changed again since `saved` was taken.
    void markSaved(const Article& saved);

    /// Takes `state`, the article as the library now holds it after a change made
    /// outside the editor (a restored revision): this version's body becomes its text
    /// as one edit that the body's Undo takes back, its fields change through undo
    /// commands, the rest of the article is taken as it is, and the document counts as
    /// saved. Nothing happens when `state` is another article or lacks this version.
    void resetTo(const Article& state);

    /// Puts a new state of this translation into the document as ONE step of the
    /// body's undo (the editor's Undo takes it all back): `translated`'s body (only the
    /// part that differs is replaced, so the editor keeps its place), its title,
    /// summary, SEO fields, translatedFrom and record of segments (sourceFingerprints).
    /// What the side-by-side view does for a segment edited, marked or taken from
    /// the memory.
    void applyTranslation(const LanguageVersion& translated);
    /// Replaces the version in `version`'s language, one that is not open, as one step
    /// of the body's undo stack (so that the editor's Undo takes it back): what the
    /// side-by-side view does when the translator edits the source. False when the
    /// article has no other version in that language.
    bool replaceOtherVersion(const LanguageVersion& version);

Q_SIGNALS:
    /// The body text or a field changed (by typing, undo or redo; formatting does not
    /// count).
    void edited();
    void modifiedChanged(bool modified);
    void fieldChanged(copydesk::ArticleDocument::Field field);
    /// A shared field changed (slug, byline, dateline, status, tags, categories,
    /// featured image), by a setter, undo or redo.
    void metadataChanged();

private:
    ArticleDocument(const Article& article, int versionIndex);
    friend class FieldCommand;
    friend class MetadataCommand;
    friend class VersionItem;
    void applyField(Field field, const QString& value);
    /// The fields applyTranslation() sets, without the body.
    void applyTranslationFields(const LanguageVersion& fields);
    void setOtherVersion(const LanguageVersion& version);
    struct Shared;
    Shared shared() const;
    void applyShared(const Shared& state);
    void pushShared(const QString& name, int mergeId, const Shared& after);
    QString followedSlug(const QString& title) const;
    LanguageVersion& version();
    const LanguageVersion& version() const;
    void updateModified();

    Article m_article;
    int m_versionIndex = 0;
    QTextDocument* m_body = nullptr;
    QUndoStack* m_undo = nullptr;
    QString m_lastText; ///< raw text at the last edit seen
    bool m_modified = false;
    bool m_slugFollows = false;
    std::function<QString(const QString&)> m_slugResolver;
};

} // namespace copydesk
