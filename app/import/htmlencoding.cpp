#include "import/htmlencoding_p.h"

#include "import/inputfile.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <libxml/encoding.h>

namespace copydesk::html_import {

/// The encoding named by a <meta> or XML declaration near the start of the file.
QString declaredEncoding(const QByteArray& bytes) {
    static const QRegularExpression meta(
        QStringLiteral("<meta\\s[^>]*charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)|"
                       "<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9_.:-]+)"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = meta.match(QString::fromLatin1(bytes.left(64 * 1024)));
    if (!m.hasMatch())
        return {};
    return (m.captured(1).isEmpty() ? m.captured(2) : m.captured(1)).toLower();
}

Result<QByteArray> htmlEncoding(const QByteArray& bytes, const QString& fileName) {
    const QByteArrayView view(bytes);
    if (view.startsWith("\xFF\xFE") || view.startsWith("\xFE\xFF"))
        return QByteArray(); // libxml2 reads the byte-order mark
    QString declared = declaredEncoding(bytes);
    // As browsers do (WHATWG Encoding): Latin-1 and ASCII labels mean windows-1252,
    // which is what such pages really contain.
    static const QSet<QString> latin1{
        QStringLiteral("iso-8859-1"), QStringLiteral("iso8859-1"),  QStringLiteral("latin1"),
        QStringLiteral("latin-1"),    QStringLiteral("l1"),         QStringLiteral("us-ascii"),
        QStringLiteral("ascii"),      QStringLiteral("iso_8859-1"), QStringLiteral("cp819")};
    if (latin1.contains(declared))
        declared = QStringLiteral("windows-1252");
    if (!declared.isEmpty() && declared != u"utf-8" && declared != u"utf8") {
        xmlCharEncodingHandler* handler =
            xmlFindCharEncodingHandler(declared.toLatin1().constData());
        if (!handler) {
            return Error{fileError(fileName, QCoreApplication::translate(
                                                 "Import", "unsupported character encoding '%1'")
                                                 .arg(declared)),
                         ErrorKind::Unsupported};
        }
        xmlCharEncCloseFunc(handler);
        return declared.toLatin1();
    }
    const qsizetype bad = invalidUtf8Offset(bytes);
    if (bad >= 0) {
        return Error{
            fileError(
                fileName,
                QCoreApplication::translate("Import", "not valid UTF-8 (byte offset %1)").arg(bad)),
            ErrorKind::InvalidInput};
    }
    return QByteArray("UTF-8");
}

} // namespace copydesk::html_import
