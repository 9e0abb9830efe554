#pragma once

#include "library/library.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QCompleter;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QStandardItemModel;
class QSortFilterProxyModel;
class QTableWidget;

namespace copydesk {

class ArticleDocument;

/// The metadata of the article open in the editor, in a dock beside it: the version's
/// title, summary and SEO fields (they follow the language switcher: the window gives
/// the panel each version's document) and the article's shared fields (slug, byline,
/// dateline, status, tags, categories, featured image), edited once for every version.
/// Every edit goes through ArticleDocument's undo commands.
class MetadataPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetadataPanel)

public:
    static constexpr int kSeoTitleLength = 60;
    static constexpr int kSeoDescriptionLength = 160;

    explicit MetadataPanel(Library& library, QWidget* parent = nullptr);
    ~MetadataPanel() override;

    /// Shows `document` (null: nothing is open).
    void setDocument(ArticleDocument* document);
    void setReadOnly(bool readOnly);
    /// Reads the tag and category vocabulary and the media list again.
    void reloadVocabulary();

    /// Adds the tag the entry names: the tag whose label (in any language) or slug
    /// matches the text once folded, else a new tag with the text as its label in the
    /// version's language. What Enter in the tag entry does.
    Result<void> addTagFromEntry(const QString& text);
    /// The slugs the completer offers for `typed` (matching any label or the slug,
    /// accents and case ignored).
    QStringList completions(const QString& typed) const;
    /// Fills the list of suggested tags (tags/suggest.h) for the open article: one click
    /// on one adds it. What the Suggest button does.
    void suggestTags();
    /// The suggestions shown, as their buttons say them.
    QStringList suggestions() const;

    /// Characters as a reader counts them (grapheme clusters), for the SEO meters.
    static int characterCount(const QString& text);

Q_SIGNALS:
    /// A change that should reach the library at once (a status change).
    void saveRequested();
    void message(const QString& text);

private:
    void build();
    void refresh();
    void refreshFields();
    void refreshTags();
    void refreshStatus();
    void refreshSlugNote();
    void refreshMeters();
    void refreshImage();
    class AltTextCommand;
    /// Writes the alt text of `image` in `language` to the library, for AltTextCommand.
    void setAltText(const QString& image, const QString& language, const QString& alt);
    /// The front-matter keys without a field (interchange/otherkeys.h), and a last
    /// empty row to add one.
    void refreshFrontMatter();
    void frontMatterEdited(int row);
    QString labelOf(const Term& term, const QString& language) const;
    bool eventFilter(QObject* watched, QEvent* event) override;

    Library& m_library;
    QPointer<ArticleDocument> m_document;
    QList<Term> m_tags;
    QList<Term> m_categories;
    bool m_updating = false;
    bool m_editingFrontMatter = false; ///< inside the table's own itemChanged
    bool m_readOnly = false;

    QLineEdit* m_title = nullptr;
    QLineEdit* m_slug = nullptr;
    QLabel* m_slugNote = nullptr;
    QLineEdit* m_byline = nullptr;
    QLineEdit* m_place = nullptr;
    QDateEdit* m_date = nullptr;
    QComboBox* m_status = nullptr;
    QPlainTextEdit* m_summary = nullptr;
    QLineEdit* m_seoTitle = nullptr;
    QProgressBar* m_seoTitleMeter = nullptr;
    QPlainTextEdit* m_seoDescription = nullptr;
    QProgressBar* m_seoDescriptionMeter = nullptr;
    QListWidget* m_tagList = nullptr;
    QListWidget* m_suggestions = nullptr; ///< the suggested tags
    QLineEdit* m_tagEntry = nullptr;
    QStandardItemModel* m_tagModel = nullptr;
    QSortFilterProxyModel* m_tagMatches = nullptr;
    QCompleter* m_completer = nullptr;
    QListWidget* m_categoryList = nullptr;
    QComboBox* m_image = nullptr;
    QLineEdit* m_alt = nullptr;
    QLabel* m_altNote = nullptr;
    QTableWidget* m_frontMatter = nullptr;
};

} // namespace copydesk
