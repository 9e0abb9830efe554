// The metadata panel and its undo commands on ArticleDocument: every edit of a
// shared or per-version field is one named step of the article's undo stack, the slug
// follows the title until edited by hand, the tag entry matches any language's label
// with accents and case ignored, and the SEO meters count characters as readers do.
#include "document/articledocument.h"
#include "document/autosaver.h"
#include "library/library.h"
#include "mainwindow/mainwindow.h"
#include "metadata/metadatapanel.h"
#include "support/deskfixture.h"

#include <QBuffer>
#include <QComboBox>
#include <QImage>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace copydesk;

namespace {

Article sample() {
    Article a = makeArticle(QStringLiteral("en"), QStringLiteral("Summit opens in Geneva"));
    a.sourceLanguage = QStringLiteral("en");
    a.tags = {QStringLiteral("climate"), QStringLiteral("higher-education")};
    LanguageVersion fr;
    fr.language = QStringLiteral("fr");
    fr.title = QStringLiteral("Le sommet s'ouvre à Genève");
    fr.translatedFrom = QStringLiteral("en");
    a.versions.append(fr);
    return a;
}

} // namespace

class TestMetadata final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Library> m_library;
    Article m_article;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        auto library = Library::open(m_dir.filePath(QStringLiteral("meta.copydesk")));
        QVERIFY2(library.ok(), qPrintable(library.error()));
        m_library = std::move(*library);
        const struct {
            const char* slug;
            const char* language;
            QString label;
        } labels[] = {
            {"higher-education", "en", QStringLiteral("Higher education")},
            {"higher-education", "fr", QStringLiteral("Enseignement supérieur")},
            {"higher-education", "ar", QStringLiteral("التعليم العالي")},
            {"higher-education", "zh-Hans", QStringLiteral("高等教育")},
            {"climate", "en", QStringLiteral("Climate")},
            {"climate", "ru", QStringLiteral("Климат")},
        };
        for (const auto& l : labels)
            QVERIFY(m_library
                        ->setTagLabel(QString::fromLatin1(l.slug), QString::fromLatin1(l.language),
                                      l.label)
                        .ok());
        m_article = sample();
        QVERIFY(m_library->save(m_article).ok());
    }

    void undoRevertsATagRemovalAndRedoReapplies() {
        auto doc = ArticleDocument::open(m_article, QStringLiteral("en"));
        QVERIFY(doc.ok());
        ArticleDocument& d = **doc;
        d.removeTag(QStringLiteral("climate"));
        QCOMPARE(d.article().tags, QStringList{QStringLiteral("higher-education")});
        QCOMPARE(d.metadataUndo()->undoText(), QStringLiteral("Remove Tag 'climate'"));
        QVERIFY(d.isModified());
        d.metadataUndo()->undo();
        QCOMPARE(d.article().tags, m_article.tags);
        QVERIFY(!d.isModified());
        d.metadataUndo()->redo();
        QCOMPARE(d.article().tags, QStringList{QStringLiteral("higher-education")});
        // Removing a tag it does not have is no step at all.
        const int steps = d.metadataUndo()->count();
        d.removeTag(QStringLiteral("nonexistent"));
        QCOMPARE(d.metadataUndo()->count(), steps);
    }

    void undoRevertsAStatusChangeAndRefusesSkippingTheWorkflow() {
        auto doc = ArticleDocument::open(m_article, QStringLiteral("en"));
        QVERIFY(doc.ok());
        ArticleDocument& d = **doc;
        QCOMPARE(d.article().status, Status::Draft);
        const auto skipped = d.setStatus(Status::Published);
        QCOMPARE(skipped.kind(), ErrorKind::InvalidInput);
        QVERIFY2(skipped.error().contains(statusLabel(Status::Draft)) &&
                     skipped.error().contains(statusLabel(Status::Published)),
                 qPrintable(skipped.error()));
        QCOMPARE(d.metadataUndo()->count(), 0);
        QVERIFY(d.setStatus(Status::InReview).ok());
        QCOMPARE(d.article().status, Status::InReview);
        QVERIFY(!d.metadataUndo()->undoText().isEmpty());
        d.metadataUndo()->undo();
        QCOMPARE(d.article().status, Status::Draft);
        d.metadataUndo()->redo();
        QCOMPARE(d.article().status, Status::InReview);
    }

    void sharedTextFieldsMergeTypingIntoOneStep() {
        auto doc = ArticleDocument::open(m_article, QStringLiteral("en"));
        QVERIFY(doc.ok());
        ArticleDocument& d = **doc;
        d.setByline(QStringLiteral("A"));
        d.setByline(QStringLiteral("An"));
        d.setByline(QStringLiteral("Ana"));
        QCOMPARE(d.metadataUndo()->count(), 1);
        d.setDateline({QStringLiteral("Geneva"), QDate(2025, 3, 1)});
        QCOMPARE(d.metadataUndo()->count(), 2);
        d.metadataUndo()->undo();
        QCOMPARE(d.article().dateline, Dateline{});
        d.metadataUndo()->undo();
        QCOMPARE(d.article().byline, QString());
    }

    void slugFollowsTheTitleUntilEditedByHand() {
        Article a = makeArticle(QStringLiteral("en"), QStringLiteral("First title"));
        a.sourceLanguage = QStringLiteral("en");
        QVERIFY(m_library->save(a).ok());
        QCOMPARE(a.slug, QStringLiteral("first-title"));
        auto doc = ArticleDocument::open(a, QStringLiteral("en"));
        QVERIFY(doc.ok());
        ArticleDocument& d = **doc;
        d.setSlugResolver([this, id = a.id](const QString& base) {
            auto u = m_library->uniqueSlug(base, id);
            return u ? *u : base;
        });
        QVERIFY(d.slugFollowsTitle());
        d.setField(ArticleDocument::Field::Title, QStringLiteral("Summit opens in Geneva"));
        // Another article has that slug: the followed one is made unique.
        QCOMPARE(d.slug(), QStringLiteral("summit-opens-in-geneva-2"));
        d.metadataUndo()->undo();
        QCOMPARE(d.slug(), QStringLiteral("first-title"));
        d.metadataUndo()->redo();
        QCOMPARE(d.slug(), QStringLiteral("summit-opens-in-geneva-2"));
        d.setSlug(QStringLiteral("my-slug"));
        QVERIFY(!d.slugFollowsTitle());
        d.setField(ArticleDocument::Field::Title, QStringLiteral("Another title"));
        QCOMPARE(d.slug(), QStringLiteral("my-slug"));
        // Undo of the title, then of the hand edit: it follows again.
        d.metadataUndo()->undo();
        d.metadataUndo()->undo();
        QVERIFY(d.slugFollowsTitle());
        QCOMPARE(d.slug(), QStringLiteral("summit-opens-in-geneva-2"));

        // A translation's title never moves the shared slug.
        auto fr = ArticleDocument::open(m_article, QStringLiteral("fr"));
        QVERIFY(fr.ok());
        QVERIFY(!(*fr)->slugFollowsTitle());
    }

    void completerMatchesAnyLanguageIgnoringAccentsAndCase_data() {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("slug");
        QTest::newRow("French without accents")
            << QStringLiteral("enseignement superieur") << QStringLiteral("higher-education");
        QTest::newRow("upper case")
            << QStringLiteral("HIGHER ED") << QStringLiteral("higher-education");
        QTest::newRow("Arabic") << QStringLiteral("التعليم") << QStringLiteral("higher-education");
        QTest::newRow("Chinese") << QStringLiteral("教育") << QStringLiteral("higher-education");
        QTest::newRow("Russian, lower case")
            << QStringLiteral("климат") << QStringLiteral("climate");
        QTest::newRow("slug") << QStringLiteral("climate") << QStringLiteral("climate");
    }
    void completerMatchesAnyLanguageIgnoringAccentsAndCase() {
        QFETCH(QString, typed);
        QFETCH(QString, slug);
        MetadataPanel panel(*m_library);
        auto doc = ArticleDocument::open(m_article, QStringLiteral("fr"));
        QVERIFY(doc.ok());
        panel.setDocument(doc->get());
        QCOMPARE(panel.completions(typed), QStringList{slug});
    }

    void enterAddsAKnownTagOrCreatesANewOne() {
        MetadataPanel panel(*m_library);
        Article a = m_article;
        a.tags.clear();
        auto doc = ArticleDocument::open(a, QStringLiteral("fr"));
        QVERIFY(doc.ok());
        panel.setDocument(doc->get());
        auto* entry = panel.findChild<QLineEdit*>(QStringLiteral("metaTagEntry"));
        QVERIFY(entry);
        // A known tag by its label in another language, typed without its accents.
        entry->setText(QStringLiteral("enseignement superieur"));
        QTest::keyClick(entry, Qt::Key_Return);
        QCOMPARE((*doc)->article().tags, QStringList{QStringLiteral("higher-education")});
        QVERIFY(entry->text().isEmpty());
        // A new one: one keystroke, labelled in the version's language.
        entry->setText(QStringLiteral("Énergie solaire"));
        QTest::keyClick(entry, Qt::Key_Return);
        QCOMPARE((*doc)->article().tags, (QStringList{QStringLiteral("higher-education"),
                                                      QStringLiteral("energie-solaire")}));
        bool labelled = false;
        const QList<Term> tags = *m_library->tags();
        for (const Term& t : tags)
            labelled = labelled ||
                       (t.slug == QStringLiteral("energie-solaire") &&
                        t.labels.value(QStringLiteral("fr")) == QStringLiteral("Énergie solaire"));
        QStringList seen;
        for (const Term& t : tags)
            seen.append(t.slug + QLatin1Char('=') + QStringList(t.labels.values()).join(u'/'));
        QVERIFY2(labelled, qPrintable(seen.join(u' ')));
        // Bad input: nothing changes, the message says why.
        QVERIFY(!panel.addTagFromEntry(QStringLiteral("   ")).ok());
        QVERIFY(!panel.addTagFromEntry(QString(201, QLatin1Char('x'))).ok());
        QVERIFY(!panel.addTagFromEntry(QStringLiteral("!!!")).ok());
        QCOMPARE((*doc)->article().tags.size(), 2);
        // The tags show in the version's language.
        auto* list = panel.findChild<QListWidget*>(QStringLiteral("metaTags"));
        QCOMPARE(list->item(0)->text(), QStringLiteral("Enseignement supérieur"));
    }

    // A suggestion is one click away: an existing tag by its label in the article's
    // language, ahead of new terms; the click is an undoable edit like any other.
    void suggestionsAddATagInOneClick() {
        MetadataPanel panel(*m_library);
        Article a = m_article;
        a.tags.clear();
        a.versions.front().body = QStringLiteral(
            "Ministers agreed on higher education grants. Higher education budgets grow, and "
            "the desalination plants too.");
        auto doc = ArticleDocument::open(a, QStringLiteral("en"));
        QVERIFY(doc.ok());
        panel.setDocument(doc->get());
        QVERIFY(panel.suggestions().isEmpty()); // not on opening: the button asks
        panel.findChild<QToolButton*>(QStringLiteral("metaSuggest"))->click();
        const QStringList shown = panel.suggestions();
        QVERIFY2(!shown.isEmpty(), "no suggestion");
        QCOMPARE(shown.front(), QStringLiteral("Higher education"));
        auto* list = panel.findChild<QListWidget*>(QStringLiteral("metaSuggestions"));
        QVERIFY(list);
        QCOMPARE(list->item(0)->text(), shown.front());
        Q_EMIT list->itemClicked(list->item(0));
        QCOMPARE((*doc)->article().tags, QStringList{QStringLiteral("higher-education")});
        QVERIFY(!panel.suggestions().contains(QStringLiteral("Higher education")));
        (*doc)->metadataUndo()->undo();
        QVERIFY((*doc)->article().tags.isEmpty());
    }

    void seoMetersCountCharacters_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("count");
        QTest::newRow("latin") << QStringLiteral("Summit") << 6;
        QTest::newRow("CJK") << QStringLiteral("秘书长欢迎协议") << 7;
        QTest::newRow("combining accent") << QStringLiteral("Gene\u0301ve") << 6;
        QTest::newRow("emoji with modifier") << QStringLiteral("👍🏽") << 1;
        QTest::newRow("arabic") << QStringLiteral("قمة") << 3;
    }
    void seoMetersCountCharacters() {
        QFETCH(QString, text);
        QFETCH(int, count);
        QCOMPARE(MetadataPanel::characterCount(text), count);
    }

    void panelEditsGoThroughTheUndoStack() {
        MetadataPanel panel(*m_library);
        auto doc = ArticleDocument::open(m_article, QStringLiteral("en"));
        QVERIFY(doc.ok());
        panel.setDocument(doc->get());
        auto* seo = panel.findChild<QLineEdit*>(QStringLiteral("metaSeoTitle"));
        auto* meter = panel.findChild<QProgressBar*>(QStringLiteral("seoTitleMeter"));
        // QTest::keyClicks() knows Latin-1 keys only: one key event with the text.
        QTest::sendKeyEvent(QTest::Click, seo, Qt::Key_unknown, QStringLiteral("日内瓦峰会开幕"),
                            Qt::NoModifier);
        QCOMPARE((*doc)->field(ArticleDocument::Field::SeoTitle), QStringLiteral("日内瓦峰会开幕"));
        QCOMPARE(meter->text(), QStringLiteral("7 / 60"));
        // Only the states the workflow allows are offered.
        auto* status = panel.findChild<QComboBox*>(QStringLiteral("metaStatus"));
        QStringList offered;
        for (int i = 0; i < status->count(); ++i)
            offered.append(status->itemData(i).toString());
        QCOMPARE(offered, (QStringList{QStringLiteral("draft"), QStringLiteral("in-review"),
                                       QStringLiteral("archived")}));
        auto* byline = panel.findChild<QLineEdit*>(QStringLiteral("metaByline"));
        QTest::keyClicks(byline, QStringLiteral("Ana"));
        QCOMPARE((*doc)->article().byline, QStringLiteral("Ana"));
        (*doc)->metadataUndo()->undo();
        QCOMPARE((*doc)->article().byline, QString());
        QCOMPARE(byline->text(), QString());
    }

    // The keys of a site page's front matter that no field holds are listed and edited
    // in the panel, each change one undo step; what cannot be a key is refused with a
    // message and changes nothing; a version without front matter has nothing to edit.
    void altTextEditsAreUndoSteps() {
        QImage pixels(4, 3, QImage::Format_RGB32);
        pixels.fill(Qt::darkCyan);
        QByteArray png;
        QBuffer buffer(&png);
        QVERIFY(buffer.open(QIODevice::WriteOnly) && pixels.save(&buffer, "PNG"));
        const auto name = m_library->addMediaContent(
            png, QStringLiteral("image/png"), QStringLiteral("en"), QStringLiteral("A harbour"));
        QVERIFY2(name.ok(), qPrintable(name.error()));
        Article a = makeArticle(QStringLiteral("en"), QStringLiteral("With an image"));
        a.featuredImage = *name;
        QVERIFY(m_library->save(a).ok());
        MetadataPanel panel(*m_library);
        auto doc = ArticleDocument::open(a, QStringLiteral("en"));
        QVERIFY(doc.ok());
        panel.setDocument(doc->get());
        auto* alt = panel.findChild<QLineEdit*>(QStringLiteral("metaImageAlt"));
        QVERIFY(alt);
        QCOMPARE(alt->text(), QStringLiteral("A harbour"));
        const auto altInLibrary = [&] {
            return m_library->media(*name)->altText.value(QStringLiteral("en"));
        };
        alt->setText(QStringLiteral("The harbour of Valparaíso at dawn"));
        Q_EMIT alt->editingFinished();
        QCOMPARE(altInLibrary(), QStringLiteral("The harbour of Valparaíso at dawn"));
        QUndoStack* undo = (*doc)->metadataUndo();
        QCOMPARE(undo->undoText(), QStringLiteral("Edit alt text"));
        undo->undo();
        QCOMPARE(altInLibrary(), QStringLiteral("A harbour"));
        QCOMPARE(alt->text(), QStringLiteral("A harbour"));
        undo->redo();
        QCOMPARE(altInLibrary(), QStringLiteral("The harbour of Valparaíso at dawn"));
        // Leaving the field unchanged adds no step.
        const int steps = undo->count();
        Q_EMIT alt->editingFinished();
        QCOMPARE(undo->count(), steps);
    }

    void otherFrontMatterKeysAreEditable() {
        Article a = makeArticle(QStringLiteral("en"), QStringLiteral("Wetlands"));
        a.versions[0].sitePath = QStringLiteral("en/news/wetlands.md");
        a.versions[0].siteFrontMatter =
            QStringLiteral("---\ntitle: Wetlands\nweight: 3\naliases: [/old]\n---\n");
        LanguageVersion fr;
        fr.language = QStringLiteral("fr");
        fr.title = QStringLiteral("Zones humides");
        a.versions.append(fr);
        QVERIFY(m_library->save(a).ok());
        MetadataPanel panel(*m_library);
        auto doc = ArticleDocument::open(a, QStringLiteral("en"));
        QVERIFY(doc.ok());
        panel.setDocument(doc->get());
        auto* table = panel.findChild<QTableWidget*>(QStringLiteral("metaFrontMatter"));
        QVERIFY(table && table->isEnabled());
        QCOMPARE(table->rowCount(), 3); // weight, aliases, and a row to add one
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("weight"));
        QCOMPARE(table->item(1, 1)->text(), QStringLiteral("[\"/old\"]"));
        const auto frontMatter = [&] { return (*doc)->field(ArticleDocument::Field::FrontMatter); };
        const QString before = frontMatter();

        table->item(0, 1)->setText(QStringLiteral("5"));
        QTest::qWait(0); // the table is refreshed once the edit's signal is over
        QCOMPARE(frontMatter(),
                 QString(before).replace(QStringLiteral("weight: 3"), QStringLiteral("weight: 5")));
        QCOMPARE((*doc)->metadataUndo()->undoText(), QStringLiteral("Edit front-matter key"));
        (*doc)->metadataUndo()->undo();
        QCOMPARE(frontMatter(), before);
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("3"));

        // A new key: its name, then its value.
        table->item(2, 0)->setText(QStringLiteral("layout"));
        QCOMPARE(frontMatter(), before);
        table->item(2, 1)->setText(QStringLiteral("wide"));
        QVERIFY2(frontMatter().endsWith(QStringLiteral("aliases: [/old]\nlayout: wide\n---\n")),
                 qPrintable(frontMatter()));
        QTRY_COMPARE(table->rowCount(), 4);
        // An empty value removes the key.
        table->item(1, 1)->setText(QString());
        QTRY_COMPARE(table->rowCount(), 3);
        QVERIFY(!frontMatter().contains(QStringLiteral("aliases")));

        // Refused: a path as a key, and a field's key; the message names it.
        QStringList messages;
        connect(&panel, &MetadataPanel::message, this,
                [&](const QString& m) { messages.append(m); });
        const QString kept = frontMatter();
        const int last = table->rowCount() - 1;
        table->item(last, 0)->setText(QStringLiteral("../../x"));
        table->item(last, 1)->setText(QStringLiteral("1"));
        QCOMPARE(frontMatter(), kept);
        QCOMPARE(messages.size(), 1);
        QTRY_COMPARE(table->item(table->rowCount() - 1, 0)->text(), QString());
        QVERIFY2(messages.front().contains(QStringLiteral("../../x")),
                 qPrintable(messages.front()));
        table->item(table->rowCount() - 1, 0)->setText(QStringLiteral("Title"));
        table->item(table->rowCount() - 1, 1)->setText(QStringLiteral("Other"));
        QCOMPARE(frontMatter(), kept);
        QCOMPARE(messages.size(), 2);

        auto french = ArticleDocument::open(a, QStringLiteral("fr"));
        QVERIFY(french.ok());
        panel.setDocument(french->get());
        QVERIFY(!table->isEnabled());
        QCOMPARE(table->rowCount(), 0);
    }

    void perVersionFieldsFollowTheLanguageSwitcher() {
        MainWindow window(*m_library, test::noPreview());
        QVERIFY(window.openArticle(m_article.slug, QStringLiteral("fr")).ok());
        auto* panel = window.findChild<MetadataPanel*>();
        QVERIFY(panel);
        auto* title = panel->findChild<QLineEdit*>(QStringLiteral("metaTitle"));
        QCOMPARE(title->text(), QStringLiteral("Le sommet s'ouvre à Genève"));
        auto* byline = panel->findChild<QLineEdit*>(QStringLiteral("metaByline"));
        QTest::keyClicks(byline, QStringLiteral("Li Wei"));
        QVERIFY(window.openVersion(QStringLiteral("en")).ok());
        QCOMPARE(title->text(), QStringLiteral("Summit opens in Geneva"));
        // The shared field was saved with the French version and is the same in English.
        QCOMPARE(byline->text(), QStringLiteral("Li Wei"));
        QCOMPARE(m_library->article(m_article.id)->byline, QStringLiteral("Li Wei"));
        // A tag removed in the panel reaches the library, and Undo brings it back.
        window.document()->removeTag(QStringLiteral("climate"));
        QVERIFY(window.autosaver()->flush().ok());
        QVERIFY(!m_library->article(m_article.id)->tags.contains(QStringLiteral("climate")));
        window.document()->metadataUndo()->undo();
        QVERIFY(window.autosaver()->flush().ok());
        QVERIFY(m_library->article(m_article.id)->tags.contains(QStringLiteral("climate")));
    }
};

QTEST_MAIN(TestMetadata)
#include "tst_metadata.moc"
