#include "interchange/sitepage.h"

#include "interchange/frontmatterblock.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace copydesk {

namespace {

/// The front matter's top-level keys; empty when it has none or does not parse.
QJsonObject keysOf(const QString& frontMatter) {
    QJsonObject out;
    const auto block = detail::splitBlock(frontMatter);
    if (!block)
        return out;
    const auto values = detail::topLevelValues(*block);
    if (!values)
        return out;
    for (const auto& [key, value] : *values)
        out.insert(key, value);
    return out;
}

QJsonValue valueOf(const QJsonObject& object, const QString& name) {
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return QJsonValue(QJsonValue::Undefined);
}

/// Whether `keys` (a page's, or a cascade's) keep the page out of the site.
bool omits(const QJsonObject& keys) {
    if (valueOf(keys, QStringLiteral("headless")) == QJsonValue(true))
        return true;
    for (const QString& name : {QStringLiteral("build"), QStringLiteral("_build")}) {
        const QJsonValue render = valueOf(valueOf(keys, name).toObject(), QStringLiteral("render"));
        if (render == QJsonValue(false) ||
            render.toString().compare(u"never", Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool cascadeOmits(const QJsonValue& cascade) {
    const QJsonArray entries = cascade.isArray() ? cascade.toArray() : QJsonArray{cascade};
    for (const QJsonValue& entry : entries) {
        const QJsonObject keys = entry.toObject();
        if (valueOf(keys, QStringLiteral("_target")).isUndefined() && omits(keys))
            return true;
    }
    return false;
}

} // namespace

bool isSiteListPage(const QString& sitePath) {
    return QFileInfo(sitePath).fileName().startsWith(QLatin1String("_index."));
}

QStringList siteSectionFolders(const QString& sitePath) {
    QStringList parts = sitePath.split(QLatin1Char('/'));
    parts.removeLast();
    if (isSiteListPage(sitePath) && !parts.isEmpty())
        parts.removeLast(); // its own folder is the section it lists
    else if (isSiteListPage(sitePath))
        return {};
    QStringList folders;
    for (qsizetype n = parts.size(); n >= 0; --n)
        folders.append(parts.mid(0, n).join(QLatin1Char('/')));
    return folders;
}

bool siteOmitsPage(const QString& frontMatter, const QStringList& sections) {
    const QJsonObject own = keysOf(frontMatter);
    if (omits(own) || cascadeOmits(valueOf(own, QStringLiteral("cascade"))))
        return true;
    for (const QString& section : sections) {
        if (cascadeOmits(valueOf(keysOf(section), QStringLiteral("cascade"))))
            return true;
    }
    return false;
}

} // namespace copydesk
