#include "import/inputfile.h"

#include "common/languagetag.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>

namespace copydesk {

namespace {

/// "50.0 MB": one decimal is enough to tell the user how far over the limit the
/// file is, and binary megabytes are what file managers show.
QString megabytes(qint64 bytes) {
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

} // namespace

QString fileError(const QString& fileName, const QString& message) {
    return QDir::toNativeSeparators(fileName) + QStringLiteral(": ") + message;
}

Result<QByteArray> readImportFile(const QString& path, qint64 limit) {
    const QFileInfo info(path);
    if (!info.exists())
        return Error{fileError(path, QCoreApplication::translate("Import", "no such file")),
                     ErrorKind::NotFound};
    if (info.isDir())
        return Error{
            fileError(path, QCoreApplication::translate("Import", "is a folder, not a file")),
            ErrorKind::InvalidInput};
    if (info.size() > limit) {
        return Error{
            fileError(path,
                      QCoreApplication::translate("Import", "too large (%1 MB; the limit is %2 MB)")
                          .arg(megabytes(info.size()), QString::number(limit / 1024 / 1024))),
            ErrorKind::InvalidInput};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{fileError(path, QCoreApplication::translate("Import", "cannot read (%1)")
                                         .arg(file.errorString())),
                     ErrorKind::Io};
    // Special files (a pipe, /dev/zero) report a size of 0 and deliver their bytes in
    // pieces: read to the end, but never more than one byte past the limit.
    QByteArray bytes;
    while (bytes.size() <= limit) {
        const QByteArray chunk = file.read(std::min<qint64>(1024 * 1024, limit + 1 - bytes.size()));
        if (file.error() != QFileDevice::NoError)
            return Error{fileError(path, QCoreApplication::translate("Import", "cannot read (%1)")
                                             .arg(file.errorString())),
                         ErrorKind::Io};
        if (chunk.isEmpty())
            break;
        bytes += chunk;
    }
    if (bytes.size() > limit) {
        return Error{
            fileError(path, QCoreApplication::translate("Import", "too large (more than %1 MB)")
                                .arg(QString::number(limit / 1024 / 1024))),
            ErrorKind::InvalidInput};
    }
    return bytes;
}

Result<void> checkTextSize(qint64 bytes, const QString& fileName) {
    if (bytes <= kMaxTextBytes)
        return {};
    return Error{
        fileError(fileName,
                  QCoreApplication::translate("Import", "too large (%1 MB; the limit is %2 MB)")
                      .arg(megabytes(bytes), QString::number(kMaxTextBytes / 1024 / 1024))),
        ErrorKind::InvalidInput};
}

qsizetype invalidUtf8Offset(const QByteArray& bytes) {
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.constData());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char c = data[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        // The allowed range of the second byte excludes overlong forms (E0, F0),
        // surrogates (ED) and code points above U+10FFFF (F4).
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                low = 0xA0;
            else if (c == 0xED)
                high = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                low = 0x90;
            else if (c == 0xF4)
                high = 0x8F;
        } else {
            return i;
        }
        if (i + length > size)
            return i;
        if (data[i + 1] < low || data[i + 1] > high)
            return i;
        for (int k = 2; k < length; ++k) {
            if (data[i + k] < 0x80 || data[i + k] > 0xBF)
                return i;
        }
        i += length;
    }
    return -1;
}

Result<QString> decodeUtf8File(const QByteArray& bytes, const QString& fileName) {
    QByteArrayView view(bytes);
    qsizetype bomLength = 0;
    if (view.startsWith("\xEF\xBB\xBF"))
        bomLength = 3;
    const qsizetype bad = invalidUtf8Offset(bytes);
    if (bad >= 0)
        return Error{
            fileError(
                fileName,
                QCoreApplication::translate("Import", "not valid UTF-8 (byte offset %1)").arg(bad)),
            ErrorKind::InvalidInput};
    QString text = QString::fromUtf8(view.sliced(bomLength));
    // Files written on Windows (or by old Mac tools) must import like any other.
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return text;
}

namespace {

/// The "LANG" part of "name.LANG.ext" as written, when it is a language tag of a
/// known language; else an empty string. Only tags whose language is two or three
/// letters and known to Qt count, so that "report.final.md" or "notes.v2.md" keep
/// their names.
QString languagePartOfFileName(const QString& fileName) {
    const QString name = QFileInfo(fileName).fileName();
    const QStringList parts = name.split(QLatin1Char('.'));
    if (parts.size() < 3)
        return {};
    const QString& part = parts.at(parts.size() - 2);
    const auto canonical = canonicalLanguageTag(part);
    if (!canonical)
        return {};
    const qsizetype primary = canonical->indexOf(QLatin1Char('-'));
    const qsizetype primaryLength = primary < 0 ? canonical->size() : primary;
    if (primaryLength < 2 || primaryLength > 3)
        return {};
    const QLocale locale(*canonical);
    if (locale.language() == QLocale::C || locale.language() == QLocale::AnyLanguage)
        return {};
    return part;
}

} // namespace

QString languageFromFileName(const QString& fileName) {
    const QString part = languagePartOfFileName(fileName);
    if (part.isEmpty())
        return {};
    return canonicalLanguageTag(part).value();
}

QString baseNameWithoutLanguage(const QString& fileName) {
    const QFileInfo info(fileName);
    QString base = info.completeBaseName();
    const QString language = languagePartOfFileName(fileName);
    if (!language.isEmpty())
        base.chop(language.size() + 1);
    if (base == QLatin1String("index") || base == QLatin1String("_index")) {
        const QString folder = info.absoluteDir().dirName();
        if (!folder.isEmpty())
            return folder;
    }
    return base;
}

} // namespace copydesk
