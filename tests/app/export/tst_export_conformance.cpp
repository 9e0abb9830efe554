// Exported pages checked by real third-party tools: every page of a representative
// bundle (en, fr, ar, zh-Hans; images, a table, footnotes, a task list, code) passes the
// Nu Html Checker (vnu.jar from npm, run with Debian's Java; errors and warnings both
// fail) and axe-core in Debian's headless Chromium (the conformance kit's
// axe-check.mjs; no serious or critical violation). The npm packages are pinned in
// tests/web/package.json and installed by the web_checkers_install fixture.
#include "article/article.h"
#include "export/bundle.h"
#include "library/library.h"

#include "../../support/libraryfixture.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace copydesk;
using copydesk::test::LibraryFolder;

namespace {

// A 2×2 PNG.
const QByteArray kPng = QByteArray::fromBase64(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR42mP8z8DAwMDAxMDAwMDAAAANHQEDK+"
    "mmyAAAAABJRU5ErkJggg==");

/// One body per language, each with what the checkers are known to trip on:
/// tables (cmark-gfm's <th align>), task lists (unlabelled checkboxes), footnotes,
/// images, code, quotations and links.
QString bodyFor(const QString& language) {
    struct Words {
        const char* intro;
        const char* heading;
        const char* alt;
        const char* quote;
        const char* done;
        const char* todo;
        const char* note;
    };
    Words w{"The summit opened on Monday with delegates from 40 countries.",
            "Programme",
            "Delegates in the main hall",
            "We are here to listen.",
            "Agenda approved",
            "Minutes published",
            "Figures from the secretariat."};
    if (language == u"fr")
        w = {"Le sommet s’est ouvert lundi avec des délégués de 40 pays.",
             "Programme",
             "Les délégués dans la grande salle",
             "Nous sommes ici pour écouter.",
             "Ordre du jour adopté",
             "Procès-verbal publié",
             "Chiffres du secrétariat."};
    else if (language == u"ar")
        w = {"افتتحت القمة يوم الاثنين بحضور مندوبين من 40 دولة.",
             "البرنامج",
             "المندوبون في القاعة الرئيسية",
             "نحن هنا لنستمع.",
             "اعتماد جدول الأعمال",
             "نشر المحضر",
             "أرقام الأمانة العامة."};
    else if (language == u"zh-Hans")
        w = {"峰会于星期一开幕，来自40个国家的代表出席。",
             "议程",
             "主会场里的代表",
             "我们来这里是为了倾听。",
             "议程已通过",
             "会议记录已发布",
             "秘书处提供的数字。"};
    const auto t = [](const char* text) { return QString::fromUtf8(text); };
    return t(w.intro) + QStringLiteral("[^1]\n\n## ") + t(w.heading) + QStringLiteral("\n\n![") +
           t(w.alt) +
           QStringLiteral("](media:hall.png)\n\n"
                          "| Day | Session | Room |\n|:----|:-------:|-----:|\n"
                          "| 1 | Opening | A |\n| 2 | Panels | B |\n\n> ") +
           t(w.quote) + QStringLiteral("\n\n- [x] ") + t(w.done) + QStringLiteral("\n- [ ] ") +
           t(w.todo) +
           QStringLiteral("\n\n1. First\n2. Second with ~~old~~ *new* **text**\n\n"
                          "```json\n{\"delegates\": 40}\n```\n\n"
                          "See <https://news.example/background> and "
                          "[the agenda](https://news.example/agenda \"Agenda\").\n\n"
                          "Line one  \nline two, `inline code`.\n\n---\n\n[^1]: ") +
           t(w.note) + QStringLiteral("\n");
}

LanguageVersion version(const QString& language, const char* title, const char* summary) {
    LanguageVersion v;
    v.language = language;
    v.title = QString::fromUtf8(title);
    v.summary = QString::fromUtf8(summary);
    v.body = bodyFor(language);
    v.status = Status::Ready;
    v.created = QDateTime(QDate(2026, 3, 14), QTime(8, 0), Qt::UTC);
    v.updated = QDateTime(QDate(2026, 3, 15), QTime(9, 30), Qt::UTC);
    return v;
}

/// The pages under `folder`, sorted.
QStringList pagesUnder(const QString& folder) {
    QStringList pages;
    QDirIterator it(folder, {QStringLiteral("*.html")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        pages.append(it.next());
    pages.sort();
    return pages;
}

struct Run final {
    int exitCode = -1;
    QString output;
};

Run run(const QString& program, const QStringList& arguments,
        const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment()) {
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    Run result;
    if (!process.waitForStarted(30000) || !process.waitForFinished(240000)) {
        result.output = program + QStringLiteral(": ") + process.errorString();
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.output = QString::fromUtf8(process.readAll());
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}

/// A checker that is not installed: a failure in CI (install-deps.sh installs them all),
/// a loud skip elsewhere.
#define REQUIRE_TOOL(ok, message)                                                                  \
    do {                                                                                           \
        if (!(ok)) {                                                                               \
            if (qEnvironmentVariable("CI") == u"true")                                             \
                QFAIL(qPrintable(message));                                                        \
            QSKIP(qPrintable(message));                                                            \
        }                                                                                          \
    } while (false)

} // namespace

class TestExportConformance final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void nuHtmlChecker();
    void axeCore();

private:
    LibraryFolder m_dir;
    QStringList m_pages;
    QString m_java;
    QString m_node;
    QString m_vnu;
    QString m_axeCheck;
    QString m_modules;
    QString m_chromium;
};

void TestExportConformance::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    m_modules = qEnvironmentVariable("COPYDESK_WEB_MODULES");
    m_java = QStandardPaths::findExecutable(QStringLiteral("java"));
    m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
    m_chromium = qEnvironmentVariable("CHROMIUM_PATH", QStringLiteral("/usr/bin/chromium"));
    m_vnu = m_modules + QStringLiteral("/vnu-jar/build/dist/vnu.jar");
    m_axeCheck =
        qEnvironmentVariable("COPYDESK_CONFORMANCE_DIR") + QStringLiteral("/axe-check.mjs");

    // A library with the representative article, exported as the CLI would.
    auto opened = Library::open(m_dir.newPath());
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    Library& library = **opened;
    QVERIFY(library.addMedia(kPng, QStringLiteral("hall.png"), QStringLiteral("image/png")).ok());
    Article article;
    article.id = QUuid::createUuid();
    article.slug = QStringLiteral("summit-opens");
    article.byline = QStringLiteral("Ana Ruiz");
    article.dateline.place = QStringLiteral("Geneva");
    article.dateline.date = QDate(2026, 3, 14);
    article.status = Status::Ready;
    article.created = QDateTime(QDate(2026, 3, 14), QTime(8, 0), Qt::UTC);
    article.updated = QDateTime(QDate(2026, 3, 15), QTime(9, 30), Qt::UTC);
    article.sourceLanguage = QStringLiteral("en");
    article.tags = {QStringLiteral("diplomacy")};
    article.featuredImage = QStringLiteral("hall.png");
    article.versions = {
        version(QStringLiteral("en"), "Summit opens in Geneva", "Delegates from 40 countries."),
        version(QStringLiteral("fr"), "Le sommet s’ouvre à Genève", "Des délégués de 40 pays."),
        version(QStringLiteral("ar"), "افتتاح القمة في جنيف", "مندوبون من 40 دولة."),
        version(QStringLiteral("zh-Hans"), "峰会在日内瓦开幕", "来自40个国家的代表。")};
    QVERIFY(library.save(article, RevisionKind::Import).ok());
    const QString output = m_dir.filePath(QStringLiteral("out"));
    BundleOptions options;
    options.baseUrl = QStringLiteral("https://news.example/articles/");
    const auto written = BundleWriter::write(library, article, output, options);
    QVERIFY2(written.ok(), qPrintable(written.error()));
    m_pages = pagesUnder(output);
    QCOMPARE(m_pages.size(), 5); // the language index and four versions
}

void TestExportConformance::nuHtmlChecker() {
    REQUIRE_TOOL(!m_java.isEmpty() && QFileInfo::exists(m_vnu),
                 (QStringLiteral("Nu Html Checker not installed (java: '%1', %2): run "
                                 "packaging/install-deps.sh and the "
                                 "web_checkers_install test")
                      .arg(m_java, m_vnu)));
    // --Werror: warnings fail too. --also-check-css: the inline stylesheet as well.
    const Run result =
        run(m_java, QStringList{QStringLiteral("-jar"), m_vnu, QStringLiteral("--Werror"),
                                QStringLiteral("--also-check-css"), QStringLiteral("--format"),
                                QStringLiteral("gnu")}
                        << m_pages);
    qInfo("vnu.jar on %d pages: exit %d%s%s", int(m_pages.size()), result.exitCode,
          result.output.isEmpty() ? "" : "\n", qPrintable(result.output));
    QVERIFY2(result.exitCode == 0, qPrintable(result.output));
    QVERIFY2(result.output.trimmed().isEmpty(), qPrintable(result.output));
}

void TestExportConformance::axeCore() {
    REQUIRE_TOOL(!m_node.isEmpty() && QFileInfo::exists(m_chromium) &&
                     QFileInfo::exists(m_modules + QStringLiteral("/axe-core/axe.min.js")) &&
                     QFileInfo::exists(m_axeCheck),
                 (QStringLiteral("axe-core not runnable (node: '%1', chromium: %2, "
                                 "modules: %3, script: %4): run "
                                 "packaging/install-deps.sh and the "
                                 "web_checkers_install test")
                      .arg(m_node, m_chromium, m_modules, m_axeCheck)));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("AXE_CHECK_NODE_MODULES"), m_modules);
    environment.insert(QStringLiteral("CHROMIUM_PATH"), m_chromium);
    const QString json = m_dir.filePath(QStringLiteral("axe.json"));
    const Run result = run(m_node,
                           QStringList{m_axeCheck, QStringLiteral("--fail-on"),
                                       QStringLiteral("serious"), QStringLiteral("--json"), json}
                               << m_pages,
                           environment);
    // A summary per impact, for the record; the exit status decides.
    QFile file(json);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(result.output));
    const QJsonArray results = QJsonDocument::fromJson(file.readAll()).array();
    QCOMPARE(results.size(), m_pages.size());
    QMap<QString, int> impacts;
    int passes = 0;
    for (const QJsonValue& page : results) {
        passes += int(page[QLatin1String("passes")].toArray().size());
        for (const QJsonValue& violation : page[QLatin1String("violations")].toArray())
            impacts[violation[QLatin1String("impact")].toString()] +=
                int(violation[QLatin1String("nodes")].toArray().size());
    }
    QStringList summary;
    for (auto it = impacts.constBegin(); it != impacts.constEnd(); ++it)
        summary.append(QStringLiteral("%1 %2").arg(it.value()).arg(it.key()));
    qInfo("axe-core on %d pages: exit %d, %d rules passed, violations: %s\n%s", int(m_pages.size()),
          result.exitCode, passes,
          summary.isEmpty() ? "none" : qPrintable(summary.join(QStringLiteral(", "))),
          qPrintable(result.output));
    QVERIFY2(result.exitCode == 0, qPrintable(result.output));
    QCOMPARE(impacts.value(QStringLiteral("serious")), 0);
    QCOMPARE(impacts.value(QStringLiteral("critical")), 0);
}

QTEST_GUILESS_MAIN(TestExportConformance)
#include "tst_export_conformance.moc"
