#pragma once

#include "common/result.h"
#include "export/template.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace copydesk {

class Library;

/// The files a library's pages are made from: three Mustache templates and a
/// stylesheet. Each is the library's own when it has one (stored in the library file,
/// edited in File > Page Templates… or with copydesk-cli template), else the built-in
/// one of resources/templates.
enum class TemplateFile { Article, Fragment, Index, Style };

/// "article.mustache", "fragment.mustache", "index.mustache", "style.css".
QString templateFileName(TemplateFile file);
std::optional<TemplateFile> templateFileFromName(QStringView name);

/// The templates and stylesheet that the preview and every export of a library use, so
/// that a library's own template shows in the preview as it will be published.
/// Cheap to copy and usable from any thread.
class PageTemplates final {
    Q_DECLARE_TR_FUNCTIONS(PageTemplates)

public:
    /// The built-in files.
    static Result<PageTemplates> builtIn();
    /// The library's own files where it has them, else the built-in ones.
    static Result<PageTemplates> of(const Library& library);

    const Template& page(Template::Kind kind) const;
    /// The stylesheet put inline into whole pages.
    const QString& style() const { return m_style; }
    /// "sha256:<hex>" of the texts a bundle of pages of `kind` is made with (Fragment:
    /// fragment.mustache; else the article and index templates and the stylesheet):
    /// part of an export's inputs, so that a bundle made with other templates is made
    /// again, and only then.
    const QString& digest(Template::Kind kind) const {
        return kind == Template::Kind::Fragment ? m_fragmentDigest : m_pageDigest;
    }

    /// The text the library uses for `file`, and whether it is the library's own.
    struct Text final {
        QString text;
        bool own = false;
    };
    static Result<Text> text(const Library& library, TemplateFile file);
    /// The built-in text of `file` (resources/templates).
    static Result<QString> builtInText(TemplateFile file);
    /// Checks `text` as `file` (a template must parse; the article template must keep
    /// the element with id="copydesk-body" around {{{body}}}, which the preview updates
    /// as the text is typed; the other templates must put {{{body}}} or the versions
    /// somewhere) without storing it. The error names the template and, for a syntax
    /// error, its line.
    static Result<void> check(TemplateFile file, const QString& text);
    /// check(), then stores `text` as the library's own `file`, one transaction. Empty
    /// text goes back to the built-in file. Nothing is stored when the check fails.
    static Result<void> setText(Library& library, TemplateFile file, const QString& text);

private:
    PageTemplates(Template article, Template fragment, Template index, QString style);
    static Result<PageTemplates> of(const Library* library);

    Template m_article;
    Template m_fragment;
    Template m_index;
    QString m_style;
    QString m_pageDigest;
    QString m_fragmentDigest;
};

} // namespace copydesk
