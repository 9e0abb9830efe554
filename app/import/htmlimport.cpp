// The entry point of the HTML import: size, encoding, libxml2's parse, the depth
// check, then the converter's walk (htmlconverter_p.h).
#include "import/htmlimport.h"

#include "import/htmlconverter_p.h"
#include "import/htmlencoding_p.h"
#include "import/htmlnodes_p.h"
#include "import/inputfile.h"
#include "markdown/htmltree.h"

#include <QCoreApplication>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <memory>
#include <mutex>

namespace copydesk {

namespace {

struct DocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

struct ContextFree {
    void operator()(htmlParserCtxtPtr context) const { htmlFreeParserCtxt(context); }
};

Error tooDeep(const QString& fileName) {
    return Error{fileError(fileName, QCoreApplication::translate(
                                         "Import", "elements are nested more than %1 levels deep; "
                                                   "Copydesk reads at most %1")
                                         .arg(kMaxHtmlDepth)),
                 ErrorKind::InvalidInput};
}

/// libxml2 stops building the tree where it hits its own depth limit, and with
/// HTML_PARSE_RECOVER it says so only in the context's last error: the rest of the
/// text would be lost without a word.
bool parserGaveUp(htmlParserCtxtPtr context) {
    const xmlError* error = xmlCtxtGetLastError(context);
    if (!error)
        return false;
#if LIBXML_VERSION >= 21300
    if (error->code == XML_ERR_RESOURCE_LIMIT)
        return true;
#endif
    return error->code == XML_ERR_INTERNAL_ERROR;
}

/// Notes for the elements whose content a parser reads as text up to their end tag
/// (script, style, and title as libxml2 and browsers read it), when that end tag is
/// missing: everything after the start tag is their content and is left out of the
/// article, which must not happen without a word. Scans the bytes (any ASCII-based
/// encoding) once per element name.
QStringList unclosedRawTextNotes(const QByteArray& bytes) {
    QStringList notes;
    const QByteArray lower = bytes.toLower();
    for (const char* name : {"script", "style", "title"}) {
        const QByteArray open = QByteArray("<") + name;
        const QByteArray close = QByteArray("</") + name;
        for (qsizetype at = lower.indexOf(open); at >= 0; at = lower.indexOf(open, at + 1)) {
            const qsizetype after = at + open.size();
            if (after < lower.size() && !QByteArrayView(" \t\r\n\f/>").contains(lower[after]))
                continue; // <scripts>, <titles>: another name
            const qsizetype end = lower.indexOf(close, after);
            if (end >= 0) {
                at = end;
                continue;
            }
            const qsizetype tagEnd = lower.indexOf('>', after);
            if (tagEnd >= 0 && !lower.mid(tagEnd + 1).trimmed().isEmpty()) {
                const int line = int(QByteArrayView(bytes).first(at).count('\n')) + 1;
                notes.append(QCoreApplication::translate(
                                 "Import", "<%1> on line %2 has no end tag </%1>: the text "
                                           "after it is read as its content and left out")
                                 .arg(QLatin1String(name))
                                 .arg(line));
            }
            break;
        }
    }
    // A comment that is never closed takes the rest of the page with it, for libxml2
    // as for a browser.
    for (qsizetype at = bytes.indexOf("<!--"); at >= 0; at = bytes.indexOf("<!--", at + 1)) {
        // "<!-->" and "<!--->" are empty comments, closed at once.
        const bool empty = bytes.mid(at + 4, 1) == ">" || bytes.mid(at + 4, 2) == "->";
        const qsizetype end = empty ? at + 4 : bytes.indexOf("-->", at + 4);
        if (end >= 0) {
            at = end;
            continue;
        }
        if (!bytes.mid(at + 4).trimmed().isEmpty()) {
            const int line = int(QByteArrayView(bytes).first(at).count('\n')) + 1;
            notes.append(QCoreApplication::translate(
                             "Import", "the comment opened on line %1 (<!--) is never closed "
                                       "(-->): the text after it is read as the comment and "
                                       "left out")
                             .arg(line));
        }
        break;
    }
    return notes;
}

} // namespace

namespace {

Result<ConvertedDocument> convertHtml(const QByteArray& bytes, const QString& fileName,
                                      bool takeTitle) {
    static std::once_flag init;
    std::call_once(init, [] { xmlInitParser(); });

    if (auto size = checkTextSize(bytes.size(), fileName); !size)
        return size.failure();
    auto encoding = html_import::htmlEncoding(bytes, fileName);
    if (!encoding)
        return encoding.failure();

    // XML_PARSE_HUGE lifts libxml2's nesting limit of 256 (libxml2 2.9) or raises it
    // to 2048 (2.11 and later); the limit that counts is kMaxHtmlDepth, below.
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE;
    std::unique_ptr<xmlParserCtxt, ContextFree> context(htmlNewParserCtxt());
    if (!context)
        return Error{
            fileError(fileName, QCoreApplication::translate("Import", "cannot be read as HTML")),
            ErrorKind::Failed};
    std::unique_ptr<xmlDoc, DocFree> doc(
        htmlCtxtReadMemory(context.get(), bytes.constData(), int(bytes.size()), nullptr,
                           encoding->isEmpty() ? nullptr : encoding->constData(), options));
    if (!doc) {
        if (bytes.trimmed().isEmpty())
            return ConvertedDocument{};
        return Error{
            fileError(fileName, QCoreApplication::translate("Import", "cannot be read as HTML")),
            ErrorKind::InvalidInput};
    }
    if (parserGaveUp(context.get()))
        return tooDeep(fileName);
    // Before the depth is measured: libxml2 nests what follows <wbr> in it, so a page
    // with many of them would look deep.
    markdown::mendHtmlTree(xmlDocGetRootElement(doc.get()), bytes,
                           html_import::unclosedContainers());
    // The converter walks the tree recursively: its depth is bounded here, with a
    // walk that needs no stack.
    if (html_import::elementDepth(reinterpret_cast<xmlNode*>(doc.get())) > kMaxHtmlDepth)
        return tooDeep(fileName);
    html_import::Converter converter;
    ConvertedDocument converted = converter.convert(doc.get(), takeTitle);
    converted.notices.append(unclosedRawTextNotes(bytes));
    return converted;
}

} // namespace

Result<ConvertedDocument> htmlToMarkdown(const QByteArray& bytes, const QString& fileName) {
    return convertHtml(bytes, fileName, true);
}

Result<ConvertedDocument> htmlFragmentToMarkdown(const QString& html, const QString& fileName) {
    const QByteArray page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" +
                            html.toUtf8() + "</body></html>";
    return convertHtml(page, fileName, false);
}

} // namespace copydesk
