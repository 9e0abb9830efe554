// The Tags and Categories window on a real library file: every change goes to the
// library through app/tags, Undo takes it back (a deletion's undo puts the tag back
// on its articles, at its place), labels are edited in place per language, and the
// filter finds a term by any label, accents and case aside.
#include "library/library.h"
#include "tags/tags.h"
#include "tags/vocabularydialog.h"

#include <QFile>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace copydesk;
using tags::Vocabulary;

namespace {

QStringList visibleSlugs(const QTreeWidget* tree) {
    QStringList out;
    for (QTreeWidgetItemIterator it(const_cast<QTreeWidget*>(tree)); *it; ++it) {
        if (!(*it)->isHidden())
            out.append((*it)->text(0));
    }
    return out;
}

QTreeWidgetItem* itemOf(const QTreeWidget* tree, const QString& slug) {
    for (QTreeWidgetItemIterator it(const_cast<QTreeWidget*>(tree)); *it; ++it) {
        if ((*it)->text(0) == slug)
            return *it;
    }
    return nullptr;
}

} // namespace

class TestVocabulary final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<Library> m_library;
    QList<QUuid> m_articles;

    QStringList tagsOf(int article) const { return m_library->article(m_articles[article])->tags; }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() {
        auto library =
            Library::open(m_dir.filePath(QStringLiteral("v%1.copydesk").arg(++m_counter)));
        QVERIFY2(library, qPrintable(library.error()));
        m_library = std::move(*library);
        m_articles.clear();
        for (int i = 0; i < 4; ++i) {
            Article a = makeArticle(QStringLiteral("en"), QStringLiteral("Article %1").arg(i));
            a.tags = i % 2 ? QStringList{QStringLiteral("climate"), QStringLiteral("health")}
                           : QStringList{QStringLiteral("health")};
            a.categories = {QStringLiteral("news")};
            QVERIFY(m_library->save(a));
            m_articles.append(a.id);
        }
        QVERIFY(tags::setLabel(*m_library, Vocabulary::Tags, QStringLiteral("health"),
                               QStringLiteral("fr"), QStringLiteral("Santé publique")));
        QVERIFY(tags::setLabel(*m_library, Vocabulary::Tags, QStringLiteral("health"),
                               QStringLiteral("ar"), QStringLiteral("الصحة")));
    }
    void cleanup() { m_library.reset(); }

    void showsTermsCountsAndLabels() {
        VocabularyDialog dialog(*m_library);
        const QTreeWidget* tree = dialog.view(Vocabulary::Tags);
        QCOMPARE(visibleSlugs(tree),
                 (QStringList{QStringLiteral("climate"), QStringLiteral("health")}));
        QTreeWidgetItem* health = itemOf(tree, QStringLiteral("health"));
        QVERIFY(health);
        QCOMPARE(health->data(1, Qt::DisplayRole).toInt(), 4);
        const int fr = 2 + int(dialog.languages().indexOf(QStringLiteral("fr")));
        const int ar = 2 + int(dialog.languages().indexOf(QStringLiteral("ar")));
        QCOMPARE(health->text(fr), QStringLiteral("Santé publique"));
        QCOMPARE(health->text(ar), QStringLiteral("الصحة"));
        QVERIFY(health->textAlignment(ar) & Qt::AlignRight);
        QCOMPARE(visibleSlugs(dialog.view(Vocabulary::Categories)),
                 QStringList{QStringLiteral("news")});
    }

    void filterMatchesAnyLabelWithoutAccents() {
        VocabularyDialog dialog(*m_library);
        auto* filter = dialog.findChild<QLineEdit*>(QStringLiteral("vocabularyFilter"));
        QVERIFY(filter);
        filter->setText(QStringLiteral("SANTE"));
        QCOMPARE(visibleSlugs(dialog.view(Vocabulary::Tags)),
                 QStringList{QStringLiteral("health")});
        filter->setText(QStringLiteral("clim"));
        QCOMPARE(visibleSlugs(dialog.view(Vocabulary::Tags)),
                 QStringList{QStringLiteral("climate")});
        filter->clear();
        QCOMPARE(visibleSlugs(dialog.view(Vocabulary::Tags)).size(), 2);
    }

    void deleteThenUndoPutsTheTagBackInPlace() {
        VocabularyDialog dialog(*m_library);
        int changes = 0;
        connect(&dialog, &VocabularyDialog::vocabularyChanged, this, [&] { ++changes; });
        QVERIFY(dialog.removeTerm(QStringLiteral("climate")));
        QCOMPARE(tagsOf(1), QStringList{QStringLiteral("health")});
        QVERIFY(!itemOf(dialog.view(Vocabulary::Tags), QStringLiteral("climate")));
        QCOMPARE(changes, 1);
        QVERIFY(dialog.undoStack()->canUndo());
        dialog.undoStack()->undo();
        QCOMPARE(tagsOf(1), (QStringList{QStringLiteral("climate"), QStringLiteral("health")}));
        QCOMPARE(tagsOf(3), (QStringList{QStringLiteral("climate"), QStringLiteral("health")}));
        QVERIFY(itemOf(dialog.view(Vocabulary::Tags), QStringLiteral("climate")));
        dialog.undoStack()->redo();
        QCOMPARE(tagsOf(3), QStringList{QStringLiteral("health")});
        QCOMPARE(changes, 3);
    }

    void renameCreateAndLabelsUndo() {
        VocabularyDialog dialog(*m_library);
        QVERIFY(dialog.renameTerm(QStringLiteral("health"), QStringLiteral("public-health")));
        QCOMPARE(tagsOf(0), QStringList{QStringLiteral("public-health")});
        // The name of another term: a conflict that names the merge, nothing changed.
        const auto taken =
            dialog.renameTerm(QStringLiteral("climate"), QStringLiteral("public-health"));
        QCOMPARE(taken.kind(), ErrorKind::Conflict);
        QCOMPARE(tagsOf(1),
                 (QStringList{QStringLiteral("climate"), QStringLiteral("public-health")}));

        const auto created = dialog.createTerm(QStringLiteral("Enseignement supérieur"));
        QVERIFY2(created, qPrintable(created.error()));
        QCOMPARE(*created, QStringLiteral("enseignement-superieur"));
        QVERIFY(dialog.setLabel(*created, QStringLiteral("zh-Hans"), QStringLiteral("高等教育")));
        const auto labelOf = [&](const QString& slug, const QString& language) {
            const QList<tags::TermUsage> terms = tags::list(*m_library, Vocabulary::Tags).value();
            for (const tags::TermUsage& u : terms) {
                if (u.term.slug == slug)
                    return u.term.labels.value(language);
            }
            return QStringLiteral("(no such term)");
        };
        QCOMPARE(labelOf(*created, QStringLiteral("zh-Hans")), QStringLiteral("高等教育"));
        QCOMPARE(labelOf(*created, QStringLiteral("en")), QStringLiteral("Enseignement supérieur"));

        // Undo, step by step: the label, the new tag, the rename.
        dialog.undoStack()->undo();
        QCOMPARE(labelOf(*created, QStringLiteral("zh-Hans")), QString());
        dialog.undoStack()->undo();
        QCOMPARE(labelOf(*created, QStringLiteral("en")), QStringLiteral("(no such term)"));
        dialog.undoStack()->undo();
        QCOMPARE(tagsOf(0), QStringList{QStringLiteral("health")});
        QCOMPARE(labelOf(QStringLiteral("health"), QStringLiteral("fr")),
                 QStringLiteral("Santé publique"));
    }

    void labelEditedInPlace() {
        VocabularyDialog dialog(*m_library);
        QTreeWidget* tree = dialog.view(Vocabulary::Tags);
        const int ru = 2 + int(dialog.languages().indexOf(QStringLiteral("ru")));
        itemOf(tree, QStringLiteral("climate"))->setText(ru, QStringLiteral("Климат"));
        const auto terms = tags::list(*m_library, Vocabulary::Tags).value();
        QCOMPARE(terms.front().term.slug, QStringLiteral("climate"));
        QCOMPARE(terms.front().term.labels.value(QStringLiteral("ru")), QStringLiteral("Климат"));
        // A label that checkName() refuses (too long) is refused and shown as it was.
        // (The warning would block the test: the function is called directly.)
        const auto tooLong =
            dialog.setLabel(QStringLiteral("climate"), QStringLiteral("ru"), QString(300, u'x'));
        QCOMPARE(tooLong.kind(), ErrorKind::InvalidInput);
        QCOMPARE(tags::list(*m_library, Vocabulary::Tags)
                     ->front()
                     .term.labels.value(QStringLiteral("ru")),
                 QStringLiteral("Климат"));
    }

    void mergeIsOneStepThatClearsUndo() {
        VocabularyDialog dialog(*m_library);
        QVERIFY(dialog.createTerm(QStringLiteral("covid")));
        QVERIFY(dialog.undoStack()->canUndo());
        QVERIFY(dialog.mergeTerm(QStringLiteral("climate"), QStringLiteral("health")));
        QCOMPARE(tagsOf(1), QStringList{QStringLiteral("health")});
        QVERIFY(!dialog.undoStack()->canUndo());
    }

    void categoryHierarchy() {
        VocabularyDialog dialog(*m_library);
        dialog.setVocabulary(Vocabulary::Categories);
        QVERIFY(dialog.createTerm(QStringLiteral("africa")));
        QVERIFY(dialog.createTerm(QStringLiteral("kenya"), QStringLiteral("africa")));
        QTreeWidget* tree = dialog.view(Vocabulary::Categories);
        QCOMPARE(itemOf(tree, QStringLiteral("kenya"))->parent(),
                 itemOf(tree, QStringLiteral("africa")));
        QVERIFY(dialog.moveCategory(QStringLiteral("news"), QStringLiteral("kenya")));
        QCOMPARE(itemOf(tree, QStringLiteral("news"))->parent()->text(0), QStringLiteral("kenya"));
        // A cycle is refused by app/tags, and nothing moves.
        QVERIFY(!dialog.moveCategory(QStringLiteral("africa"), QStringLiteral("news")));
        QCOMPARE(itemOf(tree, QStringLiteral("africa"))->parent(), nullptr);
        dialog.undoStack()->undo();
        QCOMPARE(itemOf(tree, QStringLiteral("news"))->parent(), nullptr);
    }

    void exportThenImportInAnotherLibrary() {
        VocabularyDialog dialog(*m_library);
        const QString file = m_dir.filePath(QStringLiteral("tags-%1.csv").arg(m_counter));
        QVERIFY(dialog.exportFile(file));
        QVERIFY(QFile::exists(file));
        auto other =
            Library::open(m_dir.filePath(QStringLiteral("other%1.copydesk").arg(m_counter)));
        QVERIFY(other);
        VocabularyDialog second(**other);
        const auto imported = second.importFile(file);
        QVERIFY2(imported, qPrintable(imported.error()));
        QCOMPARE(imported->created, 2);
        QCOMPARE(visibleSlugs(second.view(Vocabulary::Tags)),
                 (QStringList{QStringLiteral("climate"), QStringLiteral("health")}));
        const auto bad = second.importFile(m_dir.filePath(QStringLiteral("tags.txt")));
        QCOMPARE(bad.kind(), ErrorKind::Unsupported);
    }
};

QTEST_MAIN(TestVocabulary)
#include "tst_vocabulary.moc"
