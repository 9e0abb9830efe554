#include "export/pagetemplates.h"

#include "library/library.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHash>

#include <iterator>
#include <optional>

namespace copydesk {

namespace {

constexpr TemplateFile kFiles[] = {TemplateFile::Article, TemplateFile::Fragment,
                                   TemplateFile::Index, TemplateFile::Style};

/// The library setting that holds the library's own `file`.
QString settingKey(TemplateFile file) {
    return QStringLiteral("template.") + templateFileName(file);
}

} // namespace

QString templateFileName(TemplateFile file) {
    switch (file) {
    case TemplateFile::Article:
        return QStringLiteral("article.mustache");
    case TemplateFile::Fragment:
        return QStringLiteral("fragment.mustache");
    case TemplateFile::Index:
        return QStringLiteral("index.mustache");
    case TemplateFile::Style:
        break;
    }
    return QStringLiteral("style.css");
}

std::optional<TemplateFile> templateFileFromName(QStringView name) {
    for (const TemplateFile file : kFiles) {
        if (name == templateFileName(file))
            return file;
    }
    return std::nullopt;
}

Result<QString> PageTemplates::builtInText(TemplateFile file) {
    // Read once: they are in the binary (an export asks for them for every article).
    static const QHash<TemplateFile, QString> texts = [] {
        QHash<TemplateFile, QString> read;
        for (const TemplateFile each : kFiles) {
            QFile resource(QStringLiteral(":/templates/") + templateFileName(each));
            if (resource.open(QIODevice::ReadOnly))
                read.insert(each, QString::fromUtf8(resource.readAll()));
        }
        return read;
    }();
    const auto it = texts.constFind(file);
    if (it == texts.constEnd())
        return Error{tr("Template %1: not found in this build").arg(templateFileName(file)),
                     ErrorKind::NotFound};
    return *it;
}

PageTemplates::PageTemplates(Template article, Template fragment, Template index, QString style)
    : m_article(std::move(article))
    , m_fragment(std::move(fragment))
    , m_index(std::move(index))
    , m_style(std::move(style)) {}

const Template& PageTemplates::page(Template::Kind kind) const {
    switch (kind) {
    case Template::Kind::Fragment:
        return m_fragment;
    case Template::Kind::Index:
        return m_index;
    case Template::Kind::Article:
        break;
    }
    return m_article;
}

Result<PageTemplates> PageTemplates::builtIn() {
    return of(nullptr);
}

Result<PageTemplates> PageTemplates::of(const Library& library) {
    return of(&library);
}

Result<PageTemplates> PageTemplates::of(const Library* library) {
    QString texts[std::size(kFiles)];
    QCryptographicHash pageHash(QCryptographicHash::Sha256);
    QCryptographicHash fragmentHash(QCryptographicHash::Sha256);
    for (std::size_t i = 0; i < std::size(kFiles); ++i) {
        if (library) {
            const auto read = text(*library, kFiles[i]);
            if (!read)
                return read.failure();
            texts[i] = read->text;
        } else {
            const auto read = builtInText(kFiles[i]);
            if (!read)
                return read.failure();
            texts[i] = *read;
        }
        QCryptographicHash& hash = kFiles[i] == TemplateFile::Fragment ? fragmentHash : pageHash;
        hash.addData(templateFileName(kFiles[i]).toUtf8());
        hash.addData(QByteArrayView("\0", 1));
        hash.addData(texts[i].toUtf8());
        hash.addData(QByteArrayView("\0", 1));
    }
    std::optional<Template> pages[3];
    for (std::size_t i = 0; i < 3; ++i) {
        auto parsed = Template::fromText(templateFileName(kFiles[i]), texts[i]);
        if (!parsed)
            return parsed.failure();
        pages[i].emplace(std::move(*parsed));
    }
    PageTemplates result(std::move(*pages[0]), std::move(*pages[1]), std::move(*pages[2]),
                         texts[3]);
    result.m_pageDigest =
        QStringLiteral("sha256:") + QString::fromLatin1(pageHash.result().toHex());
    result.m_fragmentDigest =
        QStringLiteral("sha256:") + QString::fromLatin1(fragmentHash.result().toHex());
    return result;
}

Result<PageTemplates::Text> PageTemplates::text(const Library& library, TemplateFile file) {
    const auto own = library.setting(settingKey(file));
    if (!own)
        return own.failure();
    if (!own->isEmpty())
        return Text{*own, true};
    const auto builtIn = builtInText(file);
    if (!builtIn)
        return builtIn.failure();
    return Text{*builtIn, false};
}

Result<void> PageTemplates::check(TemplateFile file, const QString& text) {
    const QString name = templateFileName(file);
    if (file == TemplateFile::Style) {
        // The stylesheet goes into a <style> element as it is: its end tag would end
        // the element and let the rest be read as HTML.
        if (text.contains(QLatin1String("</style"), Qt::CaseInsensitive))
            return Error{tr("Template %1: a stylesheet cannot hold \"</style\"").arg(name),
                         ErrorKind::InvalidInput};
        return {};
    }
    const auto parsed = Template::fromText(name, text);
    if (!parsed)
        return parsed.failure();
    // Rendered once with marked data: what the pages need must come out.
    const QString probe = QStringLiteral("copydesk-probe-7f3a");
    PageData data;
    data.language = QStringLiteral("en");
    data.title = probe;
    data.bodyHtml = QStringLiteral("<p>") + probe + QStringLiteral("</p>");
    const QString href = probe + QStringLiteral("/href/");
    data.versions = {{QStringLiteral("en"), probe, {}, href}};
    const auto page = parsed->render(data);
    if (!page)
        return page.failure();
    switch (file) {
    case TemplateFile::Article: {
        // The body once, right inside the element: no element closed and no comment
        // ended between that element's start tag and the body.
        const QLatin1String id("id=\"copydesk-body\"");
        const qsizetype element = page->indexOf(id);
        const qsizetype open = element < 0 ? -1 : page->indexOf(u'>', element);
        const qsizetype body = page->indexOf(data.bodyHtml);
        const QString between = open >= 0 && body > open ? page->mid(open, body - open) : QString();
        const bool inside = !between.isEmpty() && !between.contains(QLatin1String("</")) &&
                            !between.contains(QLatin1String("-->")) && page->count(id) == 1 &&
                            page->count(data.bodyHtml) == 1;
        if (!inside)
            return Error{tr("Template %1: the body ({{{body}}}) must be in it once, directly "
                            "inside the element with id=\"copydesk-body\", which the preview "
                            "updates as you type")
                             .arg(name),
                         ErrorKind::InvalidInput};
        break;
    }
    case TemplateFile::Fragment:
        if (page->count(data.bodyHtml) != 1)
            return Error{tr("Template %1: the body ({{{body}}}) must be in it once").arg(name),
                         ErrorKind::InvalidInput};
        break;
    case TemplateFile::Index:
        if (!page->contains(href))
            return Error{tr("Template %1: the versions ({{#versions}} … {{href}} … "
                            "{{/versions}}) are not in it")
                             .arg(name),
                         ErrorKind::InvalidInput};
        break;
    case TemplateFile::Style:
        break;
    }
    return {};
}

Result<void> PageTemplates::setText(Library& library, TemplateFile file, const QString& text) {
    if (!text.isEmpty()) {
        if (const auto checked = check(file, text); !checked)
            return checked;
    }
    return library.setSetting(settingKey(file), text);
}

} // namespace copydesk
