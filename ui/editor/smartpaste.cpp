#include "editor/smartpaste.h"

#include "article/article.h"
#include "checks/checkcontext.h"
#include "checks/importcleanup.h"
#include "document/articledocument.h"
#include "editor/markdowneditor.h"
#include "import/htmlimport.h"
#include "library/library.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QInputDialog>
#include <QLineEdit>
#include <QMimeData>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QUrl>

namespace copydesk {

namespace {

/// Larger images are refused: a photo for an article is a few MB; what is much larger
/// is a mistake (a raw scan) that would weigh on the library file.
constexpr qint64 kMaxImageBytes = 64LL * 1024 * 1024;

/// Qt's own rich text (what a QPlainTextEdit or QTextEdit copies) says so in a meta
/// element; it is plain text as far as Markdown goes.
bool isQtRichText(const QString& html) {
    return html.contains(QLatin1String("name=\"qrichtext\""));
}

// `alt` as Markdown image text: one line, with the characters that end it escaped.
QString escapeAlt(QString alt) {
    alt = alt.simplified();
    alt.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    alt.replace(QLatin1Char('['), QLatin1String("\\["));
    alt.replace(QLatin1Char(']'), QLatin1String("\\]"));
    return alt;
}

// The first local file among `urls` that is an image, or an empty string.
QString imageFileOf(const QList<QUrl>& urls) {
    const QMimeDatabase mime;
    for (const QUrl& url : urls) {
        if (url.isLocalFile() &&
            mime.mimeTypeForFile(url.toLocalFile()).name().startsWith(QLatin1String("image/")))
            return url.toLocalFile();
    }
    return {};
}

std::optional<QString> askAltText(QWidget* parent, const QString& suggestion) {
    bool ok = false;
    const QString alt = QInputDialog::getText(
        parent, SmartPaste::tr("Insert Image"),
        SmartPaste::tr("Alternative text (what the image shows, for readers who cannot see it):"),
        QLineEdit::Normal, suggestion, &ok);
    if (!ok)
        return std::nullopt;
    return alt;
}

} // namespace

Result<PastedMarkdown> markdownFromClipboardHtml(const QString& html, const QString& language) {
    // The text is decoded already: a <meta charset> that the page or Word wrote would
    // have the import decode it again. The first one found is what the import reads.
    const QByteArray bytes = QByteArrayLiteral("<meta charset=\"utf-8\">") + html.toUtf8();
    const QString name = SmartPaste::tr("pasted text");
    auto converted = htmlToMarkdown(bytes, name);
    if (!converted)
        return converted.failure();
    PastedMarkdown pasted;
    QString markdown = converted->body;
    // The import takes a page's first heading out as the article's title; in a paste
    // it is part of the text.
    static const QRegularExpression h1(QStringLiteral("<h1[\\s>]"),
                                       QRegularExpression::CaseInsensitiveOption);
    if (!converted->title.isEmpty() && h1.match(html).hasMatch())
        markdown = QStringLiteral("# ") + converted->title + QStringLiteral("\n\n") + markdown;
    if (!converted->invalidLanguage.isEmpty())
        pasted.notes << SmartPaste::tr("The pasted text says its language is '%1', which is not "
                                       "a language tag; it is pasted into the %2 version.")
                            .arg(converted->invalidLanguage, language);

    // The clean-up of imports: what is safe to fix is fixed (repeated paragraphs, web
    // chrome, missing spaces, quotation marks), the rest is said.
    Article article = makeArticle(language, QString());
    article.versions[0].body = markdown;
    const checks::CheckContext context;
    const checks::ImportCleanup cleanup =
        checks::cleanImportedArticle(article, context, checks::FixRequest::safeOnly());
    if (const LanguageVersion* cleaned = cleanup.cleaned.version(language))
        markdown = cleaned->body;
    for (const checks::Finding& fix : cleanup.applied)
        pasted.notes
            << SmartPaste::tr("Fixed: %1").arg(fix.fix ? fix.fix->description : fix.message);
    for (const checks::Finding& finding : cleanup.remaining) {
        // Only the pasted text's own findings: the empty title of this stand-in
        // article is not the paste's.
        if (finding.field == checks::Field::Body)
            pasted.notes << finding.message;
    }
    while (markdown.endsWith(QLatin1Char('\n')))
        markdown.chop(1);
    pasted.markdown = markdown;
    return pasted;
}

SmartPaste::SmartPaste(Library& library, MarkdownEditor* editor)
    : QObject(editor)
    , m_library(library)
    , m_editor(editor)
    , m_prompt(askAltText) {}

SmartPaste::~SmartPaste() = default;

void SmartPaste::setAltTextPrompt(AltTextPrompt prompt) {
    m_prompt = std::move(prompt);
}

bool SmartPaste::handles(const QMimeData* source) const {
    if (!source)
        return false;
    if (source->hasImage() || (source->hasUrls() && !imageFileOf(source->urls()).isEmpty()))
        return true;
    return source->hasHtml() && !isQtRichText(source->html());
}

bool SmartPaste::insert(const QMimeData* source) {
    if (!handles(source) || !m_editor->articleDocument() || m_editor->isReadOnly())
        return false;
    if (source->hasImage() || (source->hasUrls() && !imageFileOf(source->urls()).isEmpty()))
        return insertImage(source);
    const auto pasted =
        markdownFromClipboardHtml(source->html(), m_editor->articleDocument()->language());
    if (!pasted) {
        Q_EMIT notesReady({pasted.error()});
        return true;
    }
    insertAsOneStep(pasted->markdown);
    if (!pasted->notes.isEmpty())
        Q_EMIT notesReady(pasted->notes);
    return true;
}

bool SmartPaste::insertImage(const QMimeData* source) {
    QByteArray data;
    QString mimeType;
    QString suggestion;
    const QString file = source->hasImage() ? QString() : imageFileOf(source->urls());
    if (!file.isEmpty()) {
        QFile f(file);
        if (f.size() > kMaxImageBytes) {
            Q_EMIT notesReady({tr("%1: the image is over %2 MB; it is not inserted")
                                   .arg(file)
                                   .arg(kMaxImageBytes / 1024 / 1024)});
            return true;
        }
        if (!f.open(QIODevice::ReadOnly)) {
            Q_EMIT notesReady({tr("%1: cannot read the image (%2)").arg(file, f.errorString())});
            return true;
        }
        data = f.readAll();
        mimeType = QMimeDatabase().mimeTypeForFileNameAndData(file, data).name();
        suggestion = QFileInfo(file).completeBaseName();
    } else {
        // The application's own encoding when it gave one (a JPEG photo stays a
        // JPEG), else the image as PNG.
        for (const QString& format : {QStringLiteral("image/png"), QStringLiteral("image/jpeg"),
                                      QStringLiteral("image/gif"), QStringLiteral("image/webp")}) {
            if (source->hasFormat(format)) {
                data = source->data(format);
                mimeType = format;
                break;
            }
        }
        if (data.isEmpty()) {
            const QImage image = qvariant_cast<QImage>(source->imageData());
            QBuffer buffer(&data);
            buffer.open(QIODevice::WriteOnly);
            if (image.isNull() || !image.save(&buffer, "PNG")) {
                Q_EMIT notesReady({tr("The pasted image cannot be read")});
                return true;
            }
            mimeType = QStringLiteral("image/png");
        }
        if (data.size() > kMaxImageBytes) {
            Q_EMIT notesReady({tr("The image is over %1 MB; it is not inserted")
                                   .arg(kMaxImageBytes / 1024 / 1024)});
            return true;
        }
    }
    const std::optional<QString> alt = m_prompt(m_editor, suggestion);
    if (!alt)
        return true; // cancelled: nothing stored, nothing inserted
    const QString language = m_editor->articleDocument()->language();
    const auto name = m_library.addMediaContent(data, mimeType, language, alt->simplified());
    if (!name) {
        Q_EMIT notesReady({name.error()});
        return true;
    }
    insertAsOneStep(QStringLiteral("![%1](media:%2)").arg(escapeAlt(*alt), *name));
    return true;
}

namespace {

// Whether pasted Markdown is blocks (paragraphs, a heading, a list) rather than a
// phrase that belongs inside the line the cursor is on.
bool isBlockContent(const QString& markdown) {
    static const QRegularExpression blockStart(
        QStringLiteral("^(#{1,6}[ \\t]|>|[-*+][ \\t]|\\d{1,9}[.)][ \\t]|\\||```|~~~)"));
    return markdown.contains(QLatin1Char('\n')) || blockStart.match(markdown).hasMatch();
}

} // namespace

void SmartPaste::insertAsOneStep(const QString& markdown) {
    QTextCursor cursor = m_editor->textCursor();
    cursor.beginEditBlock();
    QString text = markdown;
    if (isBlockContent(markdown)) {
        // Blocks pasted after a paragraph would be read as its lazy continuation (the
        // first pasted paragraph joined to the line before), and the text after the
        // cursor as part of the last pasted block: blank lines keep them apart.
        cursor.removeSelectedText();
        const QTextBlock block = cursor.block();
        const QString before = block.text().left(cursor.positionInBlock());
        const QString after = block.text().mid(cursor.positionInBlock());
        const QTextBlock previous = block.previous();
        if (!before.trimmed().isEmpty())
            text.prepend(QStringLiteral("\n\n"));
        else if (previous.isValid() && !previous.text().trimmed().isEmpty())
            text.prepend(QLatin1Char('\n'));
        const QTextBlock next = block.next();
        if (!after.trimmed().isEmpty())
            text.append(QStringLiteral("\n\n"));
        else if (next.isValid() && !next.text().trimmed().isEmpty())
            text.append(QLatin1Char('\n'));
    }
    cursor.insertText(text);
    cursor.endEditBlock();
    m_editor->setTextCursor(cursor);
    m_editor->ensureCursorVisible();
}

} // namespace copydesk
