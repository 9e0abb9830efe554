#include "metadata/metadatapanel.h"

#include "article/slug.h"
#include "document/articledocument.h"
#include "interchange/otherkeys.h"
#include "tags/matcher.h"
#include "tags/suggest.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTextBoundaryFinder>
#include <QTimer>
#include <QToolButton>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

namespace copydesk {

/// An alt-text edit on the article's undo stack. The alt text belongs to the image in
/// the library (every article using the image shows it), so each step writes it there
/// at once, as the edit itself did.
class MetadataPanel::AltTextCommand final : public QUndoCommand {
public:
    AltTextCommand(MetadataPanel* panel, QString image, QString language, QString before,
                   QString after)
        : m_panel(panel)
        , m_image(std::move(image))
        , m_language(std::move(language))
        , m_before(std::move(before))
        , m_after(std::move(after)) {
        setText(MetadataPanel::tr("Edit alt text"));
    }
    void undo() override { apply(m_before); }
    void redo() override { apply(m_after); }

private:
    void apply(const QString& alt) {
        if (m_panel)
            m_panel->setAltText(m_image, m_language, alt);
    }
    QPointer<MetadataPanel> m_panel;
    QString m_image;
    QString m_language;
    QString m_before;
    QString m_after;
};

using tags::foldForMatching;

namespace {

constexpr int kSlugRole = Qt::UserRole + 1;
constexpr int kKeyRole = Qt::UserRole + 2;
constexpr int kMaxTagLength = 200;
const QDate kNoDate(1900, 1, 1);

void setPlainText(QPlainTextEdit* edit, const QString& text) {
    if (edit->toPlainText() != text)
        edit->setPlainText(text);
}

void setLineText(QLineEdit* edit, const QString& text) {
    if (edit->text() != text) {
        edit->setText(text);
        edit->setCursorPosition(0);
    }
}

void setMeter(QProgressBar* meter, int count, int limit) {
    meter->setMaximum(limit);
    meter->setValue(qMin(count, limit));
    meter->setFormat(QStringLiteral("%1 / %2").arg(count).arg(limit));
    // Over the limit the bar says so in the palette's own warning colour, so that
    // dark and light themes both read.
    QPalette p = meter->parentWidget()->palette();
    if (count > limit)
        p.setColor(QPalette::Highlight, QColor(0xc0, 0x39, 0x2b));
    meter->setPalette(p);
    meter->setToolTip(count > limit
                          ? MetadataPanel::tr("%1 characters: %2 over the %3 a search engine shows")
                                .arg(count)
                                .arg(count - limit)
                                .arg(limit)
                          : MetadataPanel::tr("%1 of about %2 characters a search engine shows")
                                .arg(count)
                                .arg(limit));
}

} // namespace

int MetadataPanel::characterCount(const QString& text) {
    // A reader's characters: one per grapheme cluster (a CJK ideograph, an accented
    // letter written with a combining mark, an emoji with its modifiers).
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    int n = 0;
    while (finder.toNextBoundary() > 0)
        ++n;
    return n;
}

MetadataPanel::MetadataPanel(Library& library, QWidget* parent)
    : QWidget(parent)
    , m_library(library) {
    build();
    reloadVocabulary();
    refresh();
}

MetadataPanel::~MetadataPanel() = default;

void MetadataPanel::build() {
    // Wide enough for a title and the meters beside the editor.
    setMinimumWidth(300);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    auto* content = new QWidget(scroll);
    scroll->setWidget(content);
    auto* form = new QFormLayout(content);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    // A row holding a layout gets a label with the row's first field as its buddy,
    // so that its mnemonic works (QFormLayout only does that for a widget row).
    auto layoutRow = [&](const QString& text, QWidget* buddy, QLayout* layout) {
        auto* label = new QLabel(text, content);
        label->setBuddy(buddy);
        form->addRow(label, layout);
    };
    auto section = [&](const QString& text) {
        auto* label = new QLabel(text, content);
        QFont f = label->font();
        f.setBold(true);
        label->setFont(f);
        label->setContentsMargins(0, 6, 0, 0);
        form->addRow(label);
    };

    section(tr("This version"));
    m_title = new QLineEdit(content);
    m_title->setObjectName(QStringLiteral("metaTitle"));
    form->addRow(tr("&Title:"), m_title);
    m_summary = new QPlainTextEdit(content);
    m_summary->setObjectName(QStringLiteral("metaSummary"));
    m_summary->setTabChangesFocus(true);
    m_summary->setFixedHeight(m_summary->fontMetrics().lineSpacing() * 4 + 12);
    form->addRow(tr("S&ummary:"), m_summary);
    m_seoTitle = new QLineEdit(content);
    m_seoTitle->setObjectName(QStringLiteral("metaSeoTitle"));
    m_seoTitleMeter = new QProgressBar(content);
    m_seoTitleMeter->setObjectName(QStringLiteral("seoTitleMeter"));
    m_seoTitleMeter->setMaximumHeight(m_seoTitleMeter->fontMetrics().height() + 4);
    auto* seoTitleBox = new QVBoxLayout;
    seoTitleBox->setSpacing(2);
    seoTitleBox->addWidget(m_seoTitle);
    seoTitleBox->addWidget(m_seoTitleMeter);
    layoutRow(tr("SEO t&itle:"), m_seoTitle, seoTitleBox);
    m_seoDescription = new QPlainTextEdit(content);
    m_seoDescription->setObjectName(QStringLiteral("metaSeoDescription"));
    m_seoDescription->setTabChangesFocus(true);
    m_seoDescription->setFixedHeight(m_seoDescription->fontMetrics().lineSpacing() * 3 + 12);
    m_seoDescriptionMeter = new QProgressBar(content);
    m_seoDescriptionMeter->setObjectName(QStringLiteral("seoDescriptionMeter"));
    m_seoDescriptionMeter->setMaximumHeight(m_seoDescriptionMeter->fontMetrics().height() + 4);
    auto* seoDescriptionBox = new QVBoxLayout;
    seoDescriptionBox->setSpacing(2);
    seoDescriptionBox->addWidget(m_seoDescription);
    seoDescriptionBox->addWidget(m_seoDescriptionMeter);
    layoutRow(tr("SEO &description:"), m_seoDescription, seoDescriptionBox);

    section(tr("Every version"));
    m_slug = new QLineEdit(content);
    m_slug->setObjectName(QStringLiteral("metaSlug"));
    m_slugNote = new QLabel(content);
    m_slugNote->setObjectName(QStringLiteral("slugNote"));
    m_slugNote->setWordWrap(true);
    auto* slugBox = new QVBoxLayout;
    slugBox->setSpacing(2);
    slugBox->addWidget(m_slug);
    slugBox->addWidget(m_slugNote);
    layoutRow(tr("S&lug:"), m_slug, slugBox);
    m_status = new QComboBox(content);
    m_status->setObjectName(QStringLiteral("metaStatus"));
    m_status->setToolTip(tr("Only the states the workflow allows from the current one"));
    form->addRow(tr("&Status:"), m_status);
    m_byline = new QLineEdit(content);
    m_byline->setObjectName(QStringLiteral("metaByline"));
    form->addRow(tr("&Byline:"), m_byline);
    m_place = new QLineEdit(content);
    m_place->setObjectName(QStringLiteral("metaDatelinePlace"));
    m_place->setPlaceholderText(tr("Place"));
    m_date = new QDateEdit(content);
    m_date->setObjectName(QStringLiteral("metaDatelineDate"));
    m_date->setCalendarPopup(true);
    m_date->setMinimumDate(kNoDate);
    m_date->setSpecialValueText(tr("no date"));
    auto* dateline = new QHBoxLayout;
    dateline->addWidget(m_place, 1);
    dateline->addWidget(m_date);
    layoutRow(tr("Date&line:"), m_place, dateline);

    m_tagList = new QListWidget(content);
    m_tagList->setObjectName(QStringLiteral("metaTags"));
    m_tagList->setFlow(QListView::LeftToRight);
    m_tagList->setWrapping(true);
    m_tagList->setResizeMode(QListView::Adjust);
    m_tagList->setSpacing(2);
    m_tagList->setMaximumHeight(m_tagList->fontMetrics().lineSpacing() * 4 + 8);
    m_tagList->setToolTip(tr("Delete removes the selected tag"));
    m_tagList->installEventFilter(this);
    m_tagEntry = new QLineEdit(content);
    m_tagEntry->setObjectName(QStringLiteral("metaTagEntry"));
    m_tagEntry->setPlaceholderText(tr("Add a tag: type a label in any language, Enter"));
    auto* removeTag = new QPushButton(tr("Remove"), content);
    removeTag->setObjectName(QStringLiteral("metaRemoveTag"));
    auto* tagEntryRow = new QHBoxLayout;
    tagEntryRow->addWidget(m_tagEntry, 1);
    tagEntryRow->addWidget(removeTag);
    auto* tagBox = new QVBoxLayout;
    tagBox->setSpacing(2);
    tagBox->addWidget(m_tagList);
    tagBox->addLayout(tagEntryRow);
    // Suggested tags, existing ones first: a list that wraps within the dock's width,
    // one click on one adds it.
    auto* suggestRow = new QHBoxLayout;
    suggestRow->setSpacing(2);
    m_suggestions = new QListWidget(content);
    m_suggestions->setObjectName(QStringLiteral("metaSuggestions"));
    m_suggestions->setAccessibleName(tr("Suggested tags"));
    m_suggestions->setFlow(QListView::LeftToRight);
    m_suggestions->setWrapping(true);
    m_suggestions->setResizeMode(QListView::Adjust);
    m_suggestions->setSpacing(2);
    m_suggestions->setMaximumHeight(m_suggestions->fontMetrics().lineSpacing() * 3 + 8);
    m_suggestions->setToolTip(tr("Click a suggestion to add it"));
    auto* suggest = new QToolButton(content);
    suggest->setObjectName(QStringLiteral("metaSuggest"));
    suggest->setText(tr("Suggest"));
    suggest->setToolTip(tr("Suggest tags from the article's text"));
    suggestRow->addWidget(suggest, 0, Qt::AlignTop);
    suggestRow->addWidget(m_suggestions, 1);
    tagBox->addLayout(suggestRow);
    connect(suggest, &QToolButton::clicked, this, &MetadataPanel::suggestTags);
    connect(m_suggestions, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        if (!m_document || m_readOnly)
            return;
        const QString slug = item->data(kSlugRole).toString();
        if (!slug.isEmpty()) {
            m_document->addTag(slug);
        } else if (const auto added = addTagFromEntry(item->text()); !added) {
            Q_EMIT message(added.error());
            return;
        }
        delete item;
    });
    layoutRow(tr("T&ags:"), m_tagEntry, tagBox);

    m_tagModel = new QStandardItemModel(this);
    m_tagMatches = new QSortFilterProxyModel(this);
    m_tagMatches->setSourceModel(m_tagModel);
    m_tagMatches->setFilterRole(kKeyRole);
    m_completer = new QCompleter(m_tagMatches, this);
    // The proxy does the matching (folded, any language); the completer only shows it.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setWidget(m_tagEntry);
    connect(m_tagEntry, &QLineEdit::textEdited, this, [this](const QString& text) {
        m_tagMatches->setFilterFixedString(foldForMatching(text));
        if (text.trimmed().isEmpty() || m_tagMatches->rowCount() == 0)
            m_completer->popup()->hide();
        else
            m_completer->complete();
    });
    connect(m_completer, qOverload<const QModelIndex&>(&QCompleter::activated), this,
            [this](const QModelIndex& index) {
                const QString slug = index.data(kSlugRole).toString();
                if (m_document && !slug.isEmpty())
                    m_document->addTag(slug);
                // After QCompleter has put the completion's text into the entry.
                QTimer::singleShot(0, m_tagEntry, &QLineEdit::clear);
            });
    connect(m_tagEntry, &QLineEdit::returnPressed, this, [this] {
        if (m_completer->popup()->isVisible())
            return;
        if (const auto added = addTagFromEntry(m_tagEntry->text()); !added)
            Q_EMIT message(added.error());
        else
            m_tagEntry->clear();
    });
    connect(removeTag, &QPushButton::clicked, this, [this] {
        if (m_document && m_tagList->currentItem())
            m_document->removeTag(m_tagList->currentItem()->data(kSlugRole).toString());
    });

    m_categoryList = new QListWidget(content);
    m_categoryList->setObjectName(QStringLiteral("metaCategories"));
    m_categoryList->setMaximumHeight(m_categoryList->fontMetrics().lineSpacing() * 5 + 8);
    form->addRow(tr("&Categories:"), m_categoryList);
    connect(m_categoryList, &QListWidget::itemChanged, this, [this] {
        if (m_updating || !m_document)
            return;
        QStringList slugs;
        for (int i = 0; i < m_categoryList->count(); ++i) {
            if (m_categoryList->item(i)->checkState() == Qt::Checked)
                slugs.append(m_categoryList->item(i)->data(kSlugRole).toString());
        }
        m_document->setCategories(slugs);
    });

    m_image = new QComboBox(content);
    m_image->setObjectName(QStringLiteral("metaFeaturedImage"));
    m_alt = new QLineEdit(content);
    m_alt->setObjectName(QStringLiteral("metaImageAlt"));
    m_alt->setPlaceholderText(tr("Alt text (required)"));
    m_altNote = new QLabel(content);
    m_altNote->setObjectName(QStringLiteral("altNote"));
    m_altNote->setWordWrap(true);
    auto* imageBox = new QVBoxLayout;
    imageBox->setSpacing(2);
    imageBox->addWidget(m_image);
    imageBox->addWidget(m_alt);
    imageBox->addWidget(m_altNote);
    layoutRow(tr("Featured &image:"), m_image, imageBox);

    m_frontMatter = new QTableWidget(0, 2, content);
    m_frontMatter->setObjectName(QStringLiteral("metaFrontMatter"));
    m_frontMatter->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_frontMatter->horizontalHeader()->setStretchLastSection(true);
    m_frontMatter->verticalHeader()->hide();
    m_frontMatter->setMaximumHeight(m_frontMatter->fontMetrics().lineSpacing() * 5 + 8);
    form->addRow(tr("Other &keys:"), m_frontMatter);
    connect(m_frontMatter, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (!m_updating)
            frontMatterEdited(item->row());
    });

    // Edits.
    connect(m_title, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (m_document)
            m_document->setField(ArticleDocument::Field::Title, text);
    });
    connect(m_seoTitle, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (m_document)
            m_document->setField(ArticleDocument::Field::SeoTitle, text);
        refreshMeters();
    });
    connect(m_summary, &QPlainTextEdit::textChanged, this, [this] {
        if (m_document && !m_updating)
            m_document->setField(ArticleDocument::Field::Summary, m_summary->toPlainText());
    });
    connect(m_seoDescription, &QPlainTextEdit::textChanged, this, [this] {
        if (m_document && !m_updating)
            m_document->setField(ArticleDocument::Field::SeoDescription,
                                 m_seoDescription->toPlainText());
        refreshMeters();
    });
    connect(m_slug, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (m_document)
            m_document->setSlug(text.trimmed());
        refreshSlugNote();
    });
    connect(m_byline, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (m_document)
            m_document->setByline(text);
    });
    connect(m_place, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (!m_document)
            return;
        Dateline d = m_document->article().dateline;
        d.place = text;
        m_document->setDateline(d);
    });
    connect(m_date, &QDateEdit::dateChanged, this, [this](QDate date) {
        if (!m_document || m_updating)
            return;
        Dateline d = m_document->article().dateline;
        d.date = date == kNoDate ? QDate() : date;
        m_document->setDateline(d);
    });
    connect(m_status, &QComboBox::activated, this, [this](int index) {
        if (!m_document)
            return;
        const auto status = statusFromId(m_status->itemData(index).toString());
        if (!status)
            return;
        if (const auto set = m_document->setStatus(*status); !set) {
            Q_EMIT message(set.error());
            refreshStatus();
            return;
        }
        Q_EMIT saveRequested();
    });
    connect(m_image, &QComboBox::activated, this, [this](int index) {
        if (m_document)
            m_document->setFeaturedImage(m_image->itemData(index).toString());
    });
    connect(m_alt, &QLineEdit::editingFinished, this, [this] {
        if (!m_document || m_readOnly)
            return;
        const QString image = m_document->article().featuredImage;
        if (image.isEmpty())
            return;
        const auto media = m_library.media(image);
        const QString before = media ? media->altText.value(m_document->language()) : QString();
        const QString after = m_alt->text().trimmed();
        if (after == before)
            return;
        m_document->metadataUndo()->push(
            new AltTextCommand(this, image, m_document->language(), before, after));
    });
}

void MetadataPanel::setAltText(const QString& image, const QString& language, const QString& alt) {
    if (const auto set = m_library.setMediaAltText(image, language, alt); !set)
        Q_EMIT message(set.error());
    refreshImage();
}

bool MetadataPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_tagList && event->type() == QEvent::KeyPress && m_document) {
        auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) &&
            m_tagList->currentItem()) {
            m_document->removeTag(m_tagList->currentItem()->data(kSlugRole).toString());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QString MetadataPanel::labelOf(const Term& term, const QString& language) const {
    const QString label = term.labels.value(language);
    if (!label.isEmpty())
        return label;
    // A version's tag without a label in its language shows its English one, else slug.
    const QString en = term.labels.value(QStringLiteral("en"));
    return en.isEmpty() ? term.slug : en;
}

void MetadataPanel::reloadVocabulary() {
    if (auto tags = m_library.tags(); tags)
        m_tags = *tags;
    else
        Q_EMIT message(tags.error());
    if (auto categories = m_library.categories(); categories)
        m_categories = *categories;
    else
        Q_EMIT message(categories.error());
    m_tagModel->clear();
    const QString language = m_document ? m_document->language() : QString();
    for (const Term& t : std::as_const(m_tags)) {
        QStringList labels;
        QString key = foldForMatching(t.slug);
        for (auto it = t.labels.cbegin(); it != t.labels.cend(); ++it) {
            key += QLatin1Char('\n') + foldForMatching(it.value());
            if (it.value() != labelOf(t, language))
                labels.append(it.value());
        }
        labels.sort();
        const QString shown = labelOf(t, language);
        auto* item = new QStandardItem(
            labels.isEmpty()
                ? shown
                : QStringLiteral("%1 — %2").arg(shown, labels.join(QStringLiteral(" · "))));
        item->setData(t.slug, kSlugRole);
        item->setData(key, kKeyRole);
        m_tagModel->appendRow(item);
    }
    const QSignalBlocker block(m_image);
    m_image->clear();
    m_image->addItem(tr("None"), QString());
    if (auto media = m_library.mediaList(); media) {
        for (const Media& m : *media) {
            if (m.mimeType.startsWith(QLatin1String("image/")))
                m_image->addItem(m.name, m.name);
        }
    }
    refresh();
}

QStringList MetadataPanel::completions(const QString& typed) const {
    m_tagMatches->setFilterFixedString(foldForMatching(typed));
    QStringList slugs;
    for (int r = 0; r < m_tagMatches->rowCount(); ++r)
        slugs.append(m_tagMatches->index(r, 0).data(kSlugRole).toString());
    return slugs;
}

Result<void> MetadataPanel::addTagFromEntry(const QString& text) {
    if (!m_document)
        return Error{tr("no article is open"), ErrorKind::NotFound};
    const QString label = text.simplified();
    if (label.isEmpty())
        return Error{tr("a tag needs a name"), ErrorKind::InvalidInput};
    if (label.size() > kMaxTagLength)
        return Error{tr("a tag name is at most %1 characters").arg(kMaxTagLength),
                     ErrorKind::InvalidInput};
    const QString folded = foldForMatching(label);
    for (const Term& t : std::as_const(m_tags)) {
        bool same = foldForMatching(t.slug) == folded;
        for (const QString& l : t.labels)
            same = same || foldForMatching(l) == folded;
        if (same) {
            m_document->addTag(t.slug);
            return {};
        }
    }
    // A new tag: its slug from the text, the text its label in this version's language.
    const QString slug = slugify(label);
    if (slug.isEmpty())
        return Error{tr("'%1' cannot be a tag: nothing is left for a slug").arg(label),
                     ErrorKind::InvalidInput};
    if (!m_readOnly) {
        if (const auto labelled = m_library.setTagLabel(slug, m_document->language(), label);
            !labelled)
            return labelled;
    }
    m_document->addTag(slug);
    reloadVocabulary();
    return {};
}

void MetadataPanel::setDocument(ArticleDocument* document) {
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document) {
        connect(m_document, &ArticleDocument::fieldChanged, this, &MetadataPanel::refreshFields);
        connect(m_document, &ArticleDocument::metadataChanged, this, &MetadataPanel::refresh);
        const Qt::LayoutDirection direction = m_document->textDirection();
        for (QWidget* w : std::initializer_list<QWidget*>{m_title, m_summary, m_seoTitle,
                                                          m_seoDescription, m_alt})
            w->setLayoutDirection(direction);
    }
    reloadVocabulary();
    // Suggestions wait for the Suggest button: on a library of 100,000 articles they
    // take half a second (tests/bench/tags_bench.sh), too long for every switch of
    // article or language.
    m_suggestions->clear();
}

void MetadataPanel::suggestTags() {
    m_suggestions->clear();
    if (!m_document || m_readOnly)
        return;
    const auto found = tags::suggest(m_library, m_document->article(), 8);
    if (!found) {
        Q_EMIT message(found.error());
        return;
    }
    for (const tags::Suggestion& s : *found) {
        auto* item = new QListWidgetItem(s.text, m_suggestions);
        item->setData(kSlugRole, s.slug); // empty: a new term
        item->setToolTip(s.existing() ? tr("Add the tag '%1'").arg(s.slug)
                                      : tr("Create the tag '%1' and add it").arg(s.text));
        // A suggestion that is not a tag yet reads differently from one that is.
        QFont font = m_suggestions->font();
        font.setItalic(!s.existing());
        item->setFont(font);
        item->setTextAlignment(Qt::AlignCenter);
    }
}

QStringList MetadataPanel::suggestions() const {
    QStringList out;
    for (int i = 0; i < m_suggestions->count(); ++i)
        out.append(m_suggestions->item(i)->text());
    return out;
}

void MetadataPanel::setReadOnly(bool readOnly) {
    m_readOnly = readOnly;
    for (QLineEdit* e : {m_title, m_slug, m_byline, m_place, m_seoTitle, m_tagEntry, m_alt})
        e->setReadOnly(readOnly);
    m_summary->setReadOnly(readOnly);
    m_seoDescription->setReadOnly(readOnly);
    for (QWidget* w : std::initializer_list<QWidget*>{m_date, m_status, m_categoryList, m_image})
        w->setEnabled(!readOnly);
    refreshFrontMatter();
}

void MetadataPanel::refresh() {
    m_updating = true;
    const bool open = m_document;
    setEnabled(open);
    if (!open) {
        for (QLineEdit* e : {m_title, m_slug, m_byline, m_place, m_seoTitle, m_alt})
            e->clear();
        m_summary->clear();
        m_seoDescription->clear();
        m_tagList->clear();
        m_status->clear();
        refreshFrontMatter();
        m_updating = false;
        return;
    }
    const Article a = m_document->article();
    setLineText(m_title, m_document->field(ArticleDocument::Field::Title));
    setLineText(m_seoTitle, m_document->field(ArticleDocument::Field::SeoTitle));
    setPlainText(m_summary, m_document->field(ArticleDocument::Field::Summary));
    setPlainText(m_seoDescription, m_document->field(ArticleDocument::Field::SeoDescription));
    setLineText(m_slug, a.slug);
    setLineText(m_byline, a.byline);
    setLineText(m_place, a.dateline.place);
    m_date->setDate(a.dateline.date.isValid() ? a.dateline.date : kNoDate);
    {
        const QSignalBlocker block(m_categoryList);
        m_categoryList->clear();
        for (const Term& t : std::as_const(m_categories)) {
            auto* item = new QListWidgetItem(labelOf(t, m_document->language()), m_categoryList);
            item->setData(kSlugRole, t.slug);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(a.categories.contains(t.slug) ? Qt::Checked : Qt::Unchecked);
        }
        // A category the article has that the vocabulary lacks still shows.
        for (const QString& slug : a.categories) {
            if (std::none_of(m_categories.cbegin(), m_categories.cend(),
                             [&](const Term& t) { return t.slug == slug; })) {
                auto* item = new QListWidgetItem(slug, m_categoryList);
                item->setData(kSlugRole, slug);
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setCheckState(Qt::Checked);
            }
        }
    }
    const int image = m_image->findData(a.featuredImage);
    if (image < 0 && !a.featuredImage.isEmpty())
        m_image->addItem(a.featuredImage, a.featuredImage);
    m_image->setCurrentIndex(qMax(0, m_image->findData(a.featuredImage)));
    refreshTags();
    refreshStatus();
    refreshSlugNote();
    refreshMeters();
    refreshImage();
    refreshFrontMatter();
    m_updating = false;
}

void MetadataPanel::refreshFields() {
    if (!m_document)
        return;
    m_updating = true;
    setLineText(m_title, m_document->field(ArticleDocument::Field::Title));
    setLineText(m_seoTitle, m_document->field(ArticleDocument::Field::SeoTitle));
    setPlainText(m_summary, m_document->field(ArticleDocument::Field::Summary));
    setPlainText(m_seoDescription, m_document->field(ArticleDocument::Field::SeoDescription));
    // The title may have taken the slug with it.
    setLineText(m_slug, m_document->slug());
    refreshSlugNote();
    refreshMeters();
    refreshFrontMatter();
    m_updating = false;
}

void MetadataPanel::refreshFrontMatter() {
    if (m_editingFrontMatter) {
        // Not while the table is still in the signal of the item that changed.
        QTimer::singleShot(0, this, &MetadataPanel::refreshFrontMatter);
        return;
    }
    const bool updating = m_updating;
    m_updating = true;
    m_frontMatter->setRowCount(0);
    const QString frontMatter =
        m_document ? m_document->field(ArticleDocument::Field::FrontMatter) : QString();
    const auto keys = otherFrontMatterKeys(frontMatter);
    if (frontMatter.isEmpty() || !keys) {
        m_frontMatter->setEnabled(false);
        m_frontMatter->setToolTip(
            frontMatter.isEmpty()
                ? tr("This version was not imported from a site: it has no front matter of "
                     "its own")
                : tr("The front matter kept for this version cannot be read: %1")
                      .arg(keys.error()));
        m_updating = updating;
        return;
    }
    m_frontMatter->setEnabled(!m_readOnly);
    m_frontMatter->setToolTip(
        tr("Front-matter keys Copydesk has no field for (weight, aliases, params…), as "
           "imported. Values are JSON or text; an empty value removes the key, the last row "
           "adds one."));
    for (const OtherKey& k : *keys + QList<OtherKey>{OtherKey{}}) {
        const int row = m_frontMatter->rowCount();
        m_frontMatter->insertRow(row);
        auto* key = new QTableWidgetItem(k.key);
        key->setData(Qt::UserRole, k.key); // the key as it is in the front matter
        m_frontMatter->setItem(row, 0, key);
        m_frontMatter->setItem(row, 1, new QTableWidgetItem(k.value));
    }
    m_updating = updating;
}

void MetadataPanel::frontMatterEdited(int row) {
    if (!m_document || m_readOnly)
        return;
    const QTableWidgetItem* keyItem = m_frontMatter->item(row, 0);
    const QTableWidgetItem* valueItem = m_frontMatter->item(row, 1);
    if (!keyItem || !valueItem)
        return;
    const QString was = keyItem->data(Qt::UserRole).toString();
    const QString key = keyItem->text().trimmed();
    const QString value = valueItem->text();
    if (was.isEmpty() && (key.isEmpty() || value.isEmpty()))
        return; // a new key waits for its name and its value
    Result<QString> edited = m_document->field(ArticleDocument::Field::FrontMatter);
    if (!was.isEmpty() && (was != key || value.isEmpty()))
        edited = withOtherFrontMatterKey(*edited, was, std::nullopt);
    if (edited && !key.isEmpty() && !value.isEmpty())
        edited = withOtherFrontMatterKey(*edited, key, value);
    if (!edited) {
        Q_EMIT message(tr("Front matter not changed: %1").arg(edited.error()));
        m_editingFrontMatter = true;
        refreshFrontMatter(); // deferred: the typed text goes
        m_editingFrontMatter = false;
        return;
    }
    m_editingFrontMatter = true;
    m_document->setField(ArticleDocument::Field::FrontMatter, *edited); // one undo step
    m_editingFrontMatter = false;
}

void MetadataPanel::refreshTags() {
    m_tagList->clear();
    if (!m_document)
        return;
    const QString language = m_document->language();
    for (const QString& slug : m_document->article().tags) {
        QString label = slug;
        for (const Term& t : std::as_const(m_tags)) {
            if (t.slug == slug)
                label = labelOf(t, language);
        }
        auto* item = new QListWidgetItem(label, m_tagList);
        item->setData(kSlugRole, slug);
        item->setToolTip(slug);
        // A label is in its own script's direction inside any interface.
        item->setTextAlignment(Qt::AlignCenter);
    }
}

void MetadataPanel::refreshStatus() {
    const QSignalBlocker block(m_status);
    m_status->clear();
    if (!m_document)
        return;
    const Status current = m_document->article().status;
    for (Status s :
         {Status::Draft, Status::InReview, Status::Ready, Status::Published, Status::Archived}) {
        if (s == current || canTransition(current, s))
            m_status->addItem(statusLabel(s), statusId(s));
    }
    m_status->setCurrentIndex(m_status->findData(statusId(current)));
}

void MetadataPanel::refreshSlugNote() {
    if (!m_document)
        return;
    const QString slug = m_slug->text().trimmed();
    QString note;
    bool problem = false;
    if (const auto valid = validateSlug(slug); !valid) {
        note = valid.error();
        problem = true;
    } else if (slug.isEmpty()) {
        note = tr("Made from the title when saved");
    } else if (const auto unique = m_library.uniqueSlug(slug, m_document->articleId());
               unique && *unique != slug) {
        note = tr("Another article uses '%1'; free: '%2'").arg(slug, *unique);
        problem = true;
    } else if (m_document->slugFollowsTitle()) {
        note = tr("Follows the title until edited");
    } else {
        note = tr("Edited by hand");
    }
    m_slugNote->setText(note);
    QPalette p = palette();
    if (problem)
        p.setColor(QPalette::WindowText, QColor(0xc0, 0x39, 0x2b));
    else
        p.setColor(QPalette::WindowText, p.color(QPalette::PlaceholderText));
    m_slugNote->setPalette(p);
}

void MetadataPanel::refreshMeters() {
    setMeter(m_seoTitleMeter, characterCount(m_seoTitle->text()), kSeoTitleLength);
    setMeter(m_seoDescriptionMeter, characterCount(m_seoDescription->toPlainText()),
             kSeoDescriptionLength);
}

void MetadataPanel::refreshImage() {
    const QString image = m_document ? m_document->article().featuredImage : QString();
    m_alt->setEnabled(!image.isEmpty() && !m_readOnly);
    if (image.isEmpty()) {
        m_alt->clear();
        m_altNote->clear();
        return;
    }
    QString alt;
    if (const auto media = m_library.media(image); media)
        alt = media->altText.value(m_document->language());
    if (!m_alt->hasFocus())
        setLineText(m_alt, alt);
    m_altNote->setText(alt.isEmpty() ? tr("Alt text is required in %1").arg(m_document->language())
                                     : QString());
    QPalette p = palette();
    p.setColor(QPalette::WindowText, QColor(0xc0, 0x39, 0x2b));
    m_altNote->setPalette(p);
}

} // namespace copydesk
