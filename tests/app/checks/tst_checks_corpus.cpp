// The checks on real pages nobody here wrote (../shared/corpora, found through the
// COPYDESK_CORPORA_DIR cache variable): the false positives found by hand on them stay
// gone. The pages are read where they are, never copied into the project; without the
// corpora the test says it skipped and where it looked. The same patterns, in text
// written for this project, are in tests/data/checks/clean (en-hugo.md, es-hugo.md,
// ko-glossary.md, ro-ghilimele.md, ru-termin.md, ja-guide.md).
#include "checks/checks.h"
#include "interchange/interchange.h"
#include "spelling/speller.h"
#include "translation/versionqa.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTest>

using namespace copydesk;
using namespace copydesk::checks;

namespace {

QString corpora() {
    return QStringLiteral(COPYDESK_CORPORA_DIR);
}

QString describe(const QList<Finding>& findings) {
    QString text;
    for (const Finding& f : findings) {
        text += QStringLiteral("%1 %2 %3 %4 %5 «%6» %7\n")
                    .arg(f.language, f.checkId, severityId(f.severity), fieldId(f.field),
                         formatRange(f.range), f.excerpt, f.message);
    }
    return text;
}

} // namespace

class TestChecksCorpus final : public QObject {
    Q_OBJECT
private:
    SpellerPool m_spellers;

    // The page at `relative` under the Hugo corpus's content/ folder, as one version in
    // the language of its content/<lang>/ folder (Hugo's translation by directory).
    Article page(const QString& relative) {
        const QString path = corpora() + QStringLiteral("/hugo-multilingual/content/") + relative;
        auto article = importMarkdownFiles({path});
        if (!article) {
            qWarning("%s", qPrintable(article.error()));
            return {};
        }
        Article a = *article;
        a.versions.front().language = relative.section(QLatin1Char('/'), 0, 0);
        a.sourceLanguage = a.versions.front().language;
        return a;
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        if (!QFileInfo(corpora() + QStringLiteral("/hugo-multilingual/content")).isDir()) {
            QSKIP(qPrintable(QStringLiteral("SKIPPED: no corpora at %1 (set the CMake cache "
                                            "variable COPYDESK_CORPORA_DIR)")
                                 .arg(corpora())));
        }
    }

    // Each row: a page, a check, the worst severity it may still report there (None:
    // no finding at all) and, when not empty, words that no finding may cover.
    void quietOnRealPages_data() {
        QTest::addColumn<QString>("relative");
        QTest::addColumn<QString>("check");
        QTest::addColumn<bool>("warningsAllowed");
        QTest::addColumn<QStringList>("words");
        const QStringList any;
        // Korean takes half-width punctuation after hangul; the check is for Chinese.
        QTest::newRow("ko glossary full-width")
            << QStringLiteral("ko/docs/concepts/glossary.md")
            << QStringLiteral("fullwidth-punctuation") << false << any;
        QTest::newRow("ja declarative config full-width")
            << QStringLiteral("ja/blog/2025/declarative-config.md")
            << QStringLiteral("fullwidth-punctuation") << false << any;
        // Romanian „…” are balanced quotation marks.
        for (const char* p : {"ro/docs/concepts/observability-primer.md",
                              "ro/docs/concepts/distributions.md", "ro/docs/concepts/glossary.md"})
            QTest::newRow(p) << QString::fromLatin1(p) << QStringLiteral("unbalanced") << false
                             << any;
        // {{% param vers %}} inside a link's address is a shortcode, not braces.
        QTest::newRow("en configuration braces")
            << QStringLiteral("en/docs/collector/configuration.md") << QStringLiteral("unbalanced")
            << false << any;
        // {{% tabpane %}} {{% tab TypeScript %}} lines repeat by design.
        for (const char* p : {"en/docs/languages/js/getting-started/nodejs.md",
                              "es/docs/languages/js/getting-started/nodejs.md",
                              "ja/docs/languages/js/getting-started/nodejs.md"})
            QTest::newRow(p) << QString::fromLatin1(p) << QStringLiteral("duplicate-paragraph")
                             << true << any;
        // A summary in English on a Spanish page, and a paragraph that is a link.
        QTest::newRow("es code-based summary")
            << QStringLiteral("es/docs/concepts/instrumentation/code-based.md")
            << QStringLiteral("truncated") << true << any;
        QTest::newRow("es distributions link")
            << QStringLiteral("es/docs/concepts/distributions.md") << QStringLiteral("truncated")
            << true << any;
        // Terms that en_US and es lack are not words run together.
        QTest::newRow("en microservices")
            << QStringLiteral("en/docs/what-is-opentelemetry.md") << QStringLiteral("glued-words")
            << true << QStringList{QStringLiteral("microservices")};
        QTest::newRow("en undercounts")
            << QStringLiteral("en/docs/concepts/signals/metrics.md")
            << QStringLiteral("glued-words") << true << QStringList{QStringLiteral("undercounts")};
        QTest::newRow("es enrutar")
            << QStringLiteral("es/docs/concepts/sampling/index.md") << QStringLiteral("glued-words")
            << true << QStringList{QStringLiteral("enrutar")};
        QTest::newRow("es microservicios")
            << QStringLiteral("es/docs/what-is-opentelemetry.md") << QStringLiteral("glued-words")
            << true << QStringList{QStringLiteral("microservicios")};
        QTest::newRow("fr microservices")
            << QStringLiteral("fr/docs/concepts/observability-primer.md")
            << QStringLiteral("glued-words") << true
            << QStringList{QStringLiteral("microservices"), QStringLiteral("multiservices")};
    }
    void quietOnRealPages() {
        QFETCH(QString, relative);
        QFETCH(QString, check);
        QFETCH(bool, warningsAllowed);
        QFETCH(QStringList, words);
        const Article a = page(relative);
        QVERIFY2(!a.versions.isEmpty(), qPrintable(relative));
        CheckContext c;
        c.spellers = &m_spellers;
        c.onlyChecks = {check};
        const QList<Finding> findings = runChecks(a, c);
        QList<Finding> wrong;
        for (const Finding& f : findings) {
            const bool covers = std::any_of(words.begin(), words.end(), [&](const QString& w) {
                return f.excerpt.contains(w, Qt::CaseInsensitive);
            });
            if (words.isEmpty() ? (!warningsAllowed || f.severity == Severity::Error) : covers)
                wrong.append(f);
        }
        if (!wrong.isEmpty())
            qWarning().noquote() << "\n" << describe(wrong);
        QCOMPARE(wrong.size(), 0);
    }

    // The versions of one page compare with the one they were translated from: the
    // article's source language (English here), whatever order the files came in.
    void sourceByLanguageNotOrder() {
        Article a;
        for (const char* lang : {"bn", "ja", "en"}) {
            const Article one =
                page(QString::fromLatin1(lang) + QStringLiteral("/docs/what-is-opentelemetry.md"));
            QVERIFY(!one.versions.isEmpty());
            a.versions.append(one.versions.front());
        }
        a.sourceLanguage = QStringLiteral("en");
        CheckContext c;
        c.catalogue = translation::catalogueWithVersionChecks();
        c.onlyChecks = {QStringLiteral("version-links")};
        const QList<Finding> findings = runChecks(a, c);
        for (const Finding& f : findings) {
            QVERIFY2(f.language != QLatin1String("en"), qPrintable(describe({f})));
            QVERIFY2(f.message.contains(QLatin1String(" en version")), qPrintable(describe({f})));
        }
    }
};

QTEST_GUILESS_MAIN(TestChecksCorpus)
#include "tst_checks_corpus.moc"
