#include "import/fileformat.h"

#include "import/inputfile.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace copydesk {

Result<ImportedFile> FileFormat::read(const QByteArray&, const QString& path,
                                      const QString&) const {
    return Error{
        fileError(path,
                  QCoreApplication::translate("FileFormat", "%1 files cannot be read").arg(name())),
        ErrorKind::Unsupported};
}

Result<QList<ImportedFile>> FileFormat::readAll(const QByteArray& bytes, const QString& path,
                                                const QString& fallbackLanguage) const {
    auto file = read(bytes, path, fallbackLanguage);
    if (!file)
        return file.failure();
    return QList<ImportedFile>{std::move(*file)};
}

Result<QByteArray> FileFormat::write(const Article& article, const LanguageVersion&) const {
    return Error{QCoreApplication::translate("FileFormat", "%1: %2 files cannot be written")
                     .arg(article.slug, name()),
                 ErrorKind::Unsupported};
}

QString FileFormat::fileName(const Article& article, const LanguageVersion& version) const {
    const QString base =
        article.slug.isEmpty() ? article.id.toString(QUuid::WithoutBraces) : article.slug;
    return base + QLatin1Char('.') + version.language + QLatin1Char('.') + extensions().value(0);
}

void FormatRegistry::add(std::unique_ptr<FileFormat> format) {
    m_formats.push_back(std::move(format));
}

const FileFormat* FormatRegistry::byId(QStringView id, FileFormat::Capability capability) const {
    for (const auto& format : m_formats) {
        if (!format->capabilities().testFlag(capability))
            continue;
        if (id.compare(format->id(), Qt::CaseInsensitive) == 0)
            return format.get();
        for (const QString& alias : format->aliases()) {
            if (id.compare(alias, Qt::CaseInsensitive) == 0)
                return format.get();
        }
    }
    return nullptr;
}

const FileFormat* FormatRegistry::forFile(const QString& path,
                                          FileFormat::Capability capability) const {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix.isEmpty())
        return nullptr;
    for (const auto& format : m_formats) {
        if (format->capabilities().testFlag(capability) && format->extensions().contains(suffix))
            return format.get();
    }
    return nullptr;
}

QList<const FileFormat*> FormatRegistry::formats(FileFormat::Capability capability) const {
    QList<const FileFormat*> found;
    for (const auto& format : m_formats) {
        if (format->capabilities().testFlag(capability))
            found.append(format.get());
    }
    return found;
}

QString FormatRegistry::ids(FileFormat::Capability capability) const {
    QStringList ids;
    for (const FileFormat* format : formats(capability))
        ids.append(format->id());
    return ids.join(QStringLiteral(", "));
}

QString FormatRegistry::extensions(FileFormat::Capability capability) const {
    QStringList extensions;
    for (const FileFormat* format : formats(capability))
        extensions.append(QLatin1Char('.') + format->extensions().value(0));
    return extensions.join(QStringLiteral(", "));
}

} // namespace copydesk
