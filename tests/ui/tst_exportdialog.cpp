// File > Export… on a real library file: the articles chosen (open, all, ready, a tag)
// go out through the batch export, a version that fails the checks is held back and
// named in the report, the base URL is kept in the library, a bad one is refused before
// anything is written, and Cancel stops the batch between articles with nothing
// half-written.
#include "export/exportdialog.h"
#include "library/library.h"

#include <QCheckBox>
#include <QDir>
#include <QDirIterator>
#include <QLineEdit>
#include <QProgressDialog>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace copydesk;

namespace {

const QByteArray kPng = QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUl"
                                               "EQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

Article article(const QString& slug, Status status, const QStringList& tags) {
    Article a = makeArticle(QStringLiteral("en"), slug + QStringLiteral(" in English"));
    a.slug = slug;
    a.status = status;
    a.tags = tags;
    LanguageVersion& en = a.versions[0];
    en.summary = QStringLiteral("The summary of the day, long enough to pass the checks.");
    en.body = QStringLiteral("One paragraph.\n\nAnother one.\n");
    LanguageVersion fr = en;
    fr.language = QStringLiteral("fr");
    fr.title = slug + QStringLiteral(" en français");
    fr.summary = QStringLiteral("Le résumé du jour, assez long pour passer les contrôles.");
    fr.body = QStringLiteral("Un paragraphe.\n\nUn autre.\n");
    a.versions.append(fr);
    return a;
}

/// The bundle folders under `folder` (sorted), each one whole: its article.json there.
QStringList bundlesUnder(const QString& folder) {
    QStringList out;
    const QDir dir(folder);
    for (const QString& name :
         dir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name)) {
        if (QFileInfo::exists(dir.filePath(name + QStringLiteral("/article.json"))))
            out.append(name);
        else
            out.append(name + QStringLiteral(" (incomplete)"));
    }
    return out;
}

} // namespace

class TestExportDialog final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<Library> m_library;
    QString m_output;
    QList<QUuid> m_ids;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() {
        // The dialog's choices of an earlier test (or run) are not this one's.
        QSettings().clear();
        ++m_counter;
        auto library = Library::open(m_dir.filePath(QStringLiteral("e%1.copydesk").arg(m_counter)));
        QVERIFY2(library, qPrintable(library.error()));
        m_library = std::move(*library);
        QVERIFY(
            m_library->addMedia(kPng, QStringLiteral("photo.png"), QStringLiteral("image/png")));
        m_ids.clear();
        Article ready = article(QStringLiteral("ready"), Status::Ready, {});
        Article gated = article(QStringLiteral("gated"), Status::Draft, {});
        gated.versions[1].body += QStringLiteral("\n![](media:photo.png)\n");
        Article tagged =
            article(QStringLiteral("tagged"), Status::Draft, {QStringLiteral("climate")});
        for (Article* a : {&ready, &gated, &tagged}) {
            QVERIFY(m_library->save(*a));
            m_ids.append(a->id);
        }
        m_output = m_dir.filePath(QStringLiteral("out%1").arg(m_counter));
    }
    void cleanup() { m_library.reset(); }

    void exportsAllAndNamesWhatWasHeldBack() {
        ExportDialog dialog(*m_library, m_ids[0], {});
        QCOMPARE(dialog.scope(), ExportDialog::Scope::OpenArticle);
        dialog.setScope(ExportDialog::Scope::All);
        dialog.setFolder(m_output);
        dialog.findChild<QLineEdit*>(QStringLiteral("baseUrl"))
            ->setText(QStringLiteral("https://news.example.org/articles"));
        QList<QUuid> recorded;
        connect(&dialog, &ExportDialog::exported, this,
                [&recorded](const QList<QUuid>& ids) { recorded = ids; });
        const auto outcome = dialog.exportNow();
        QVERIFY2(outcome, qPrintable(outcome.error()));
        QCOMPARE(outcome->summary.total, 3);
        QCOMPARE(outcome->summary.exported, 3);
        QCOMPARE(outcome->summary.failed, 1);
        QCOMPARE(recorded.size(), 3);
        QCOMPARE(bundlesUnder(m_output),
                 (QStringList{QStringLiteral("gated"), QStringLiteral("ready"),
                              QStringLiteral("tagged")}));
        // The French version with an image without alternative text stayed home, and
        // the report says which article, version and paragraph.
        QVERIFY(QFileInfo::exists(m_output + QStringLiteral("/gated/en/index.html")));
        QVERIFY(!QFileInfo::exists(m_output + QStringLiteral("/gated/fr")));
        const QString report = outcome->lines.join(u'\n');
        QVERIFY2(report.contains(QStringLiteral("Article 'gated', version fr, paragraph 3 "
                                                "(line 5): Image without alternative text")),
                 qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("ready: written")), qPrintable(report));
        // The base URL is the library's now (the CLI's too), and the pages use it.
        QCOMPARE(*m_library->setting(QString::fromLatin1(kBaseUrlSetting)),
                 QStringLiteral("https://news.example.org/articles"));
        QFile page(m_output + QStringLiteral("/ready/fr/index.html"));
        QVERIFY(page.open(QIODevice::ReadOnly));
        QVERIFY(page.readAll().contains(
            "<link rel=\"canonical\" href=\"https://news.example.org/articles/ready/fr/"));

        // Again: nothing changed, nothing written.
        const auto again = dialog.exportNow();
        QVERIFY(again);
        QCOMPARE(again->summary.unchanged, 3);
        QVERIFY2(again->lines.join(u'\n').contains(QStringLiteral("ready: up to date")),
                 qPrintable(again->lines.join(u'\n')));

        // With the override, the French version goes out too.
        dialog.findChild<QCheckBox*>(QStringLiteral("override"))->setChecked(true);
        dialog.setScope(ExportDialog::Scope::Selection); // none: disabled, stays
        QCOMPARE(dialog.scope(), ExportDialog::Scope::All);
        const auto forced = dialog.exportNow();
        QVERIFY(forced);
        QVERIFY(QFileInfo::exists(m_output + QStringLiteral("/gated/fr/index.html")));
    }

    void choicesPersist() {
        {
            ExportDialog dialog(*m_library, m_ids[0], {});
            dialog.setScope(ExportDialog::Scope::Ready);
            dialog.setFolder(m_output);
            dialog.findChild<QCheckBox*>(QStringLiteral("zip"))->setChecked(true);
            QVERIFY(dialog.exportNow());
            QVERIFY(QFileInfo::exists(m_output + QStringLiteral("/ready.zip")));
        }
        ExportDialog again(*m_library, m_ids[0], {});
        QCOMPARE(again.scope(), ExportDialog::Scope::Ready);
        QCOMPARE(again.folder(), m_output);
        QVERIFY(again.findChild<QCheckBox*>(QStringLiteral("zip"))->isChecked());
    }

    void readyAndTagScopes() {
        ExportDialog dialog(*m_library, {}, {});
        dialog.setFolder(m_output);
        dialog.setScope(ExportDialog::Scope::Ready);
        auto outcome = dialog.exportNow();
        QVERIFY2(outcome, qPrintable(outcome.error()));
        QCOMPARE(bundlesUnder(m_output), QStringList{QStringLiteral("ready")});
        dialog.setScope(ExportDialog::Scope::Tag);
        dialog.setTag(QStringLiteral("climate"));
        outcome = dialog.exportNow();
        QVERIFY2(outcome, qPrintable(outcome.error()));
        QCOMPARE(outcome->summary.total, 1);
        QCOMPARE(bundlesUnder(m_output),
                 (QStringList{QStringLiteral("ready"), QStringLiteral("tagged")}));
        // The browser's selection, when there is one, is what the dialog offers.
        ExportDialog selected(*m_library, m_ids[0], {m_ids[1], m_ids[2]});
        QCOMPARE(selected.scope(), ExportDialog::Scope::Selection);
    }

    void refusedBeforeAnythingIsWritten_data() {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("baseUrl");
        QTest::addColumn<QString>("error");
        QTest::newRow("bad base URL") << QStringLiteral("out") << QStringLiteral("ftp://x/")
                                      << QStringLiteral("Base URL: 'ftp://x/' is not an http or "
                                                        "https URL");
        QTest::newRow("no folder")
            << QString() << QString() << QStringLiteral("Choose the folder to export to.");
        QTest::newRow("a file") << QStringLiteral("file") << QString()
                                << QStringLiteral("is a file, not a folder");
    }
    void refusedBeforeAnythingIsWritten() {
        QFETCH(QString, folder);
        QFETCH(QString, baseUrl);
        QFETCH(QString, error);
        QVERIFY(m_library->setSetting(QString::fromLatin1(kBaseUrlSetting),
                                      QStringLiteral("https://kept.example/")));
        ExportDialog dialog(*m_library, m_ids[0], {});
        QString target = folder.isEmpty() ? QString() : m_output;
        if (folder == u"file") {
            QFile file(m_output);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        dialog.setFolder(target);
        dialog.findChild<QLineEdit*>(QStringLiteral("baseUrl"))->setText(baseUrl);
        const auto outcome = dialog.exportNow();
        QVERIFY(!outcome);
        QVERIFY2(outcome.error().contains(error), qPrintable(outcome.error()));
        QCOMPARE(QFileInfo::exists(m_output), folder == u"file");
        QCOMPARE(*m_library->setting(QString::fromLatin1(kBaseUrlSetting)),
                 QStringLiteral("https://kept.example/"));
    }

    void cancelStopsBetweenArticles() {
        ExportDialog dialog(*m_library, {}, {});
        dialog.setScope(ExportDialog::Scope::All);
        dialog.setFolder(m_output);
        // Cancel is pressed as soon as the progress dialog handles events.
        bool pressed = false;
        QTimer::singleShot(0, &dialog, [&dialog, &pressed] {
            if (QProgressDialog* progress = dialog.progress()) {
                progress->cancel();
                pressed = true;
            }
        });
        const auto outcome = dialog.exportNow();
        QVERIFY2(outcome, qPrintable(outcome.error()));
        QVERIFY(pressed);
        QVERIFY(outcome->summary.cancelled >= 1);
        QVERIFY(outcome->summary.exported + outcome->summary.cancelled <= outcome->summary.total);
        QVERIFY2(outcome->lines.join(u'\n').contains(QStringLiteral("Cancelled: ")),
                 qPrintable(outcome->lines.join(u'\n')));
        // What went out is whole; nothing half-written is there.
        const QStringList bundles = bundlesUnder(m_output);
        QCOMPARE(bundles.size(), int(outcome->summary.exported));
        for (const QString& bundle : bundles)
            QVERIFY2(!bundle.endsWith(QStringLiteral("(incomplete)")), qPrintable(bundle));
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
