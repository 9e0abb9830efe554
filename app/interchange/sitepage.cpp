#include "interchange/sitepage.h"

#include "import/inputfile.h"
#include "interchange/frontmatterblock.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

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

/// What decides whether Hugo renders a page, as far as it is set: by the page itself
/// first, then by the nearest cascade that sets it.
struct Rendering final {
    std::optional<bool> headless;
    QJsonValue render = QJsonValue(QJsonValue::Undefined); ///< build.render or _build.render

    /// Takes what `keys` (a page's, or a cascade entry's) set and this does not yet.
    void fill(const QJsonObject& keys) {
        if (!headless) {
            const QJsonValue value = valueOf(keys, QStringLiteral("headless"));
            if (value.isBool())
                headless = value.toBool();
        }
        for (const QString& name : {QStringLiteral("build"), QStringLiteral("_build")}) {
            if (render.isUndefined())
                render = valueOf(valueOf(keys, name).toObject(), QStringLiteral("render"));
        }
    }
    /// fill() from each entry of `cascade` that applies to every page below: one with
    /// a target (`_target`, or `target` in newer Hugo) is left out, as which pages it
    /// targets is not read here.
    void fillFromCascade(const QJsonValue& cascade) {
        const QJsonArray entries = cascade.isArray() ? cascade.toArray() : QJsonArray{cascade};
        for (const QJsonValue& entry : entries) {
            const QJsonObject keys = entry.toObject();
            if (valueOf(keys, QStringLiteral("_target")).isUndefined() &&
                valueOf(keys, QStringLiteral("target")).isUndefined())
                fill(keys);
        }
    }
    bool omitted() const {
        return headless.value_or(false) || render == QJsonValue(false) ||
               render.toString().compare(u"never", Qt::CaseInsensitive) == 0;
    }
};

} // namespace

bool isSiteListPage(const QString& sitePath) {
    const QString name = QFileInfo(sitePath).fileName();
    const QString stem = QFileInfo(name).completeBaseName();
    // "_index.fr.md", not "_index.draft.md": a part that is not a language is part of
    // the name, as Hugo has it.
    return stem == u"_index" ||
           (stem.startsWith(QLatin1String("_index.")) && !stem.mid(7).contains(u'.') &&
            !languageFromFileName(name).isEmpty());
}

QStringList siteSectionFolders(const QString& sitePath) {
    if (sitePath.isEmpty())
        return {};
    QStringList parts = sitePath.split(QLatin1Char('/'));
    parts.removeLast();
    if (isSiteListPage(sitePath)) {
        if (parts.isEmpty())
            return {};      // the site's home page
        parts.removeLast(); // its own folder is the section it lists
    }
    QStringList folders;
    for (qsizetype n = parts.size(); n >= 0; --n)
        folders.append(parts.mid(0, n).join(QLatin1Char('/')));
    return folders;
}

bool siteOmitsPage(const QString& sitePath, const QString& frontMatter,
                   const QStringList& sections) {
    Rendering rendering;
    const QJsonObject own = keysOf(frontMatter);
    rendering.fill(own);
    // A section's own cascade is for its list page too; a leaf page's has no pages below.
    if (isSiteListPage(sitePath))
        rendering.fillFromCascade(valueOf(own, QStringLiteral("cascade")));
    for (const QString& section : sections)
        rendering.fillFromCascade(valueOf(keysOf(section), QStringLiteral("cascade")));
    return rendering.omitted();
}

} // namespace copydesk
