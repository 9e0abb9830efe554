#include "checks/checkcontext.h"
#include "common/languagetag.h"
#include "common/unicode.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace copydesk::checks {

QStringList CheckContext::defaultBoilerplate() {
    // Chrome that rides along when text is copied out of web pages and e-mails, in the
    // desk's six languages. Whole lines only: "read more" inside a sentence is prose.
    return {
        // English
        QStringLiteral("read more"),
        QStringLiteral("continue reading"),
        QStringLiteral("click here to read more"),
        QStringLiteral("share this article"),
        QStringLiteral("share this"),
        QStringLiteral("share on facebook"),
        QStringLiteral("share on twitter"),
        QStringLiteral("tweet"),
        QStringLiteral("print this page"),
        QStringLiteral("back to top"),
        QStringLiteral("advertisement"),
        QStringLiteral("skip to main content"),
        QStringLiteral("skip to content"),
        QStringLiteral("skip to navigation"),
        QStringLiteral("the site is currently under maintenance"),
        QStringLiteral("this site is currently under maintenance"),
        QStringLiteral("site under maintenance"),
        QStringLiteral("share"),
        QStringLiteral("share on linkedin"),
        QStringLiteral("share on whatsapp"),
        QStringLiteral("cookie settings"),
        QStringLiteral("site under construction"),
        QStringLiteral("this site is under construction"),
        QStringLiteral("page under construction"),
        QStringLiteral("this website uses cookies*"),
        QStringLiteral("this site uses cookies*"),
        QStringLiteral("we use cookies*"),
        QStringLiteral("accept cookies"),
        QStringLiteral("accept all cookies"),
        QStringLiteral("sent from my *"),
        QStringLiteral("get outlook for *"),
        QStringLiteral("unsubscribe"),
        QStringLiteral("unsubscribe from this list"),
        QStringLiteral("update your preferences"),
        QStringLiteral("manage your subscription"),
        QStringLiteral("view this email in your browser"),
        QStringLiteral("click here to view this email in your browser"),
        QStringLiteral("view in browser"),
        QStringLiteral("forward to a friend"),
        QStringLiteral("all rights reserved"),
        QStringLiteral("copyright *all rights reserved"),
        QStringLiteral("home"),
        QStringLiteral("related articles"),
        QStringLiteral("related posts"),
        QStringLiteral("subscribe to our newsletter"),
        QStringLiteral("follow us"),
        // French
        QStringLiteral("lire la suite"),
        QStringLiteral("aller au contenu"),
        QStringLiteral("aller au contenu principal"),
        QStringLiteral("le site est actuellement en maintenance"),
        QStringLiteral("site en maintenance"),
        QStringLiteral("partager"),
        QStringLiteral("accueil"),
        QStringLiteral("en savoir plus"),
        QStringLiteral("partager cet article"),
        QStringLiteral("retour en haut"),
        QStringLiteral("site en construction"),
        QStringLiteral("page en construction"),
        QStringLiteral("ce site utilise des cookies*"),
        QStringLiteral("nous utilisons des cookies*"),
        QStringLiteral("envoyé de mon *"),
        QStringLiteral("se désabonner"),
        QStringLiteral("se désinscrire"),
        QStringLiteral("désabonnement"),
        QStringLiteral("voir la version en ligne"),
        QStringLiteral("cliquez ici pour afficher ce message dans votre navigateur"),
        QStringLiteral("afficher dans le navigateur"),
        QStringLiteral("tous droits réservés"),
        QStringLiteral("publicité"),
        QStringLiteral("articles liés"),
        // Spanish
        QStringLiteral("leer más"),
        QStringLiteral("ir al contenido"),
        QStringLiteral("saltar al contenido"),
        QStringLiteral("el sitio está en mantenimiento"),
        QStringLiteral("sitio en mantenimiento"),
        QStringLiteral("compartir"),
        QStringLiteral("inicio"),
        QStringLiteral("seguir leyendo"),
        QStringLiteral("ver más"),
        QStringLiteral("compartir este artículo"),
        QStringLiteral("volver arriba"),
        QStringLiteral("sitio en construcción"),
        QStringLiteral("página en construcción"),
        QStringLiteral("este sitio web utiliza cookies*"),
        QStringLiteral("este sitio utiliza cookies*"),
        QStringLiteral("utilizamos cookies*"),
        QStringLiteral("enviado desde mi *"),
        QStringLiteral("darse de baja"),
        QStringLiteral("cancelar suscripción"),
        QStringLiteral("ver este correo en tu navegador"),
        QStringLiteral("haga clic aquí para ver este correo en su navegador"),
        QStringLiteral("todos los derechos reservados"),
        QStringLiteral("publicidad"),
        QStringLiteral("artículos relacionados"),
        // Arabic
        QStringLiteral("اقرأ المزيد"),
        QStringLiteral("انتقل إلى المحتوى"),
        QStringLiteral("تخطي إلى المحتوى"),
        QStringLiteral("الموقع قيد الصيانة حاليا"),
        QStringLiteral("الموقع قيد الصيانة"),
        QStringLiteral("مشاركة"),
        QStringLiteral("الرئيسية"),
        QStringLiteral("إقرأ المزيد"),
        QStringLiteral("المزيد"),
        QStringLiteral("شارك هذا المقال"),
        QStringLiteral("الموقع قيد الإنشاء"),
        QStringLiteral("الموقع تحت الإنشاء"),
        QStringLiteral("يستخدم هذا الموقع ملفات تعريف الارتباط*"),
        QStringLiteral("نستخدم ملفات تعريف الارتباط*"),
        QStringLiteral("أرسلت من *"),
        QStringLiteral("إلغاء الاشتراك"),
        QStringLiteral("جميع الحقوق محفوظة"),
        QStringLiteral("عرض هذه الرسالة في المتصفح"),
        QStringLiteral("مقالات ذات صلة"),
        // Chinese
        QStringLiteral("阅读更多"),
        QStringLiteral("跳到主要内容"),
        QStringLiteral("跳转到内容"),
        QStringLiteral("网站维护中"),
        QStringLiteral("网站正在维护中"),
        QStringLiteral("分享"),
        QStringLiteral("首页"),
        QStringLiteral("阅读全文"),
        QStringLiteral("查看更多"),
        QStringLiteral("网站建设中"),
        QStringLiteral("本网站使用cookie*"),
        QStringLiteral("本网站使用cookies*"),
        QStringLiteral("我们使用cookie*"),
        QStringLiteral("发自我的*"),
        QStringLiteral("取消订阅"),
        QStringLiteral("退订"),
        QStringLiteral("在浏览器中查看此邮件"),
        QStringLiteral("版权所有*"),
        QStringLiteral("分享到*"),
        QStringLiteral("相关文章"),
        QStringLiteral("返回顶部"),
        // Russian
        QStringLiteral("читать далее"),
        QStringLiteral("перейти к содержанию"),
        QStringLiteral("перейти к основному содержанию"),
        QStringLiteral("сайт находится на техническом обслуживании"),
        QStringLiteral("на сайте ведутся технические работы"),
        QStringLiteral("главная"),
        QStringLiteral("читать дальше"),
        QStringLiteral("подробнее"),
        QStringLiteral("поделиться"),
        QStringLiteral("сайт в разработке"),
        QStringLiteral("сайт находится в разработке"),
        QStringLiteral("этот сайт использует файлы cookie*"),
        QStringLiteral("мы используем файлы cookie*"),
        QStringLiteral("отправлено с моего *"),
        QStringLiteral("отписаться"),
        QStringLiteral("отписаться от рассылки"),
        QStringLiteral("открыть в браузере"),
        QStringLiteral("все права защищены"),
        QStringLiteral("реклама"),
        QStringLiteral("похожие статьи"),
        QStringLiteral("наверх"),
    };
}

bool IgnoredFinding::matches(const Finding& finding) const {
    if (finding.checkId != checkId || finding.field != field || finding.language != language)
        return false;
    if (finding.range.start.offset == offset && finding.range.length() == length &&
        (excerpt.isEmpty() || finding.excerpt == excerpt))
        return true;
    // The text around moved: the same words flagged by the same check are the same
    // finding as far as the person who dismissed it is concerned.
    return !excerpt.isEmpty() && finding.excerpt == excerpt;
}

IgnoredFinding IgnoredFinding::fromFinding(const Finding& finding, const QString& reason) {
    return IgnoredFinding{
        finding.checkId,        finding.language, finding.field, finding.range.start.offset,
        finding.range.length(), finding.excerpt,  reason};
}

QStringList CheckContext::defaultQuotationMarks() {
    // Spanish: the Real Academia Española recommends « » first, “ ” inside them and
    // ‘ ’ innermost (Ortografía de la lengua española, 2010, 3.4.8), as Spanish news
    // agencies write. CLDR gave « » “ ” until version 43 and gives “ ” ‘ ’ from 44 on
    // (Debian 12's ICU 72 and Debian 13's ICU 76), so the same article would have been
    // right on one system and wrong on the other. The desk's rule is the Academy's, on
    // every system; a library can change it (quotationMarksSettingKey()). Every other
    // language follows CLDR.
    return {QStringLiteral("es «» “” ‘’")};
}

QList<QuotePair> quotationPairs(const QStringList& entries, const QString& language) {
    const auto tag = canonicalLanguageTag(language);
    if (!tag)
        return {};
    const QString primary = tag->section(QLatin1Char('-'), 0, 0);
    // The entry of the tag itself wins over the one of its primary language.
    std::optional<QList<QuotePair>> exact;
    std::optional<QList<QuotePair>> general;
    for (const QString& entry : entries) {
        const QStringList parts = entry.simplified().split(QLatin1Char(' '));
        if (parts.size() < 2)
            continue;
        const auto entryTag = canonicalLanguageTag(parts.front());
        if (!entryTag || (*entryTag != *tag && *entryTag != primary))
            continue;
        QList<QuotePair> pairs;
        bool wellFormed = true;
        for (qsizetype i = 1; i < parts.size() && wellFormed; ++i) {
            // Two marks, each one code point.
            const QList<uint> marks = parts[i].toUcs4();
            wellFormed = marks.size() == 2;
            if (wellFormed)
                pairs.append({QString::fromUcs4(reinterpret_cast<const char32_t*>(&marks[0]), 1),
                              QString::fromUcs4(reinterpret_cast<const char32_t*>(&marks[1]), 1)});
        }
        if (!wellFormed)
            continue;
        if (*entryTag == *tag)
            exact = pairs;
        else if (!general)
            general = pairs;
    }
    if (exact)
        return *exact;
    if (general)
        return *general;
    const QuotationMarks cldr = quotationMarks(*tag);
    QList<QuotePair> pairs;
    if (!cldr.open.isEmpty() && !cldr.close.isEmpty())
        pairs.append({cldr.open, cldr.close});
    if (!cldr.innerOpen.isEmpty() && !cldr.innerClose.isEmpty())
        pairs.append({cldr.innerOpen, cldr.innerClose});
    return pairs;
}

QString boilerplateSettingKey() {
    return QStringLiteral("checks/boilerplate");
}

QString allowListSettingKey() {
    return QStringLiteral("checks/allow-list");
}

QString quotationMarksSettingKey() {
    return QStringLiteral("checks/quotation-marks");
}

QString ignoreListSettingKey(const QUuid& articleId) {
    return QStringLiteral("checks/ignore/") + articleId.toString(QUuid::WithoutBraces);
}

QString ignoreListToJson(const QList<IgnoredFinding>& list) {
    QJsonArray array;
    for (const IgnoredFinding& i : list) {
        array.append(QJsonObject{
            {QStringLiteral("check"), i.checkId},
            {QStringLiteral("language"), i.language},
            {QStringLiteral("field"), fieldId(i.field)},
            {QStringLiteral("offset"), i.offset},
            {QStringLiteral("length"), i.length},
            {QStringLiteral("excerpt"), i.excerpt},
            {QStringLiteral("reason"), i.reason},
        });
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<IgnoredFinding> ignoreListFromJson(const QString& json) {
    QList<IgnoredFinding> list;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue& value : array) {
        const QJsonObject o = value.toObject();
        const auto field = fieldFromId(o.value(QStringLiteral("field")).toString());
        if (!field)
            continue;
        list.append(IgnoredFinding{o.value(QStringLiteral("check")).toString(),
                                   o.value(QStringLiteral("language")).toString(), *field,
                                   o.value(QStringLiteral("offset")).toInt(),
                                   o.value(QStringLiteral("length")).toInt(),
                                   o.value(QStringLiteral("excerpt")).toString(),
                                   o.value(QStringLiteral("reason")).toString()});
    }
    return list;
}

} // namespace copydesk::checks
