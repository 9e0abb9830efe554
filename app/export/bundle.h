#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace copydesk {

class PageTemplates;
class ParsedBodies;

struct Article;
class Library;

/// How an article bundle is written.
struct BundleOptions final {
    enum class Format {
        Html,     ///< <lang>/index.html: whole pages (article.mustache)
        Fragment, ///< <lang>/fragment.html: the body only, for a CMS (fragment.mustache)
    };
    Format format = Format::Html;
    /// Where the bundles are published ("https://news.example/articles/"): pages get a
    /// canonical URL and absolute alternate, Open Graph and image URLs below it. Empty:
    /// the library's setting kBaseUrlSetting; empty there too, relative URLs and no
    /// canonical URL (said in a notice).
    QString baseUrl;
    /// The versions to export (canonical tags); empty for all of them.
    QStringList languages;
    /// write(): when the folder already holds the bundle these inputs make (its
    /// article.json records their digest, and every file it lists is there at its
    /// size), nothing is written and no revision recorded (BundleExport::unchanged).
    bool skipUnchanged = false;
    /// A folder SLUG/, or one archive SLUG.zip holding that folder.
    enum class Container { Folder, Zip };
    Container container = Container::Folder;
    /// The checks before export were overridden (BatchOptions::overrideGate): recorded
    /// in the bundle's inputs, so that a bundle written despite them is not taken for
    /// one that passed them.
    bool checksOverridden = false;
    /// The library's page templates, read once for many bundles (a batch reads them
    /// once per thread); empty: read for each bundle.
    std::shared_ptr<const PageTemplates> templates;
};

/// One file of a bundle: its path inside the bundle folder ("fr/index.html").
struct BundleFile final {
    QString path;
    QByteArray data;
};

/// A bundle built in memory, ready to be written.
struct Bundle final {
    QString folderName; ///< the article's slug
    QList<BundleFile> files;
    /// Translated lines for the user (no base URL, ...), not errors.
    QStringList notices;
    /// "blake2b-256:<hex>" of everything the bundle is made from (the article, the tag
    /// labels and media it uses, the options, the templates, the renderer's output on
    /// a probe text), recorded in article.json as "inputs".
    QString inputDigest;
};

/// What exportBundle() did.
struct BundleExport final {
    QString folder;      ///< the bundle folder (or .zip) written
    QStringList files;   ///< paths written, inside `folder`
    QStringList notices; ///< as Bundle::notices
    qint64 revision = 0; ///< the Export revision recorded; 0 when unchanged
    /// With BundleOptions::skipUnchanged: the bundle there was made from the same
    /// inputs and was left as it was.
    bool unchanged = false;
};

/// The library setting that holds the base URL of exported bundles.
inline constexpr const char* kBaseUrlSetting = "export.baseUrl";

/// `text` as a base URL: an absolute http(s) URL without query, fragment or user,
/// ending in "/"; else an error that names `origin` ("base URL", the setting).
Result<QString> normalisedBaseUrl(const QString& text, const QString& origin);

namespace detail {
class StagedFolder;
}

/// A bundle's files in a new temporary folder inside the output folder, on the disk,
/// waiting for BundleWriter::place(). Destroyed before it is placed, the temporary
/// folder goes with it.
class StagedBundle final {
public:
    StagedBundle(StagedBundle&&) noexcept;
    StagedBundle& operator=(StagedBundle&&) noexcept;
    ~StagedBundle();

private:
    friend class BundleWriter;
    StagedBundle();
    std::unique_ptr<detail::StagedFolder> m_folder;
    QStringList m_files; ///< the paths they will have once placed
};

/// An article as a folder for a web team: `<lang>/index.html` (or fragment.html) per
/// language version, rendered as the preview renders it (markdown::renderHtml() and
/// the built-in page templates); `media/` with the images the versions reference as
/// `media:NAME`, under names made from their content (the first 16 hex digits of their
/// sha256 and the usual suffix of their type), the references rewritten to them; and
/// `article.json` (the article with all its versions, its tags with their labels, the
/// revision exported, the sha256 of every other file).
///
/// Every page names every version (<link rel=alternate hreflang>, x-default for the
/// source language), carries Open Graph and Twitter card tags and schema.org
/// NewsArticle JSON-LD. The same article and options give the same bytes: nothing in a
/// bundle depends on when it was made.
class BundleWriter final {
    Q_DECLARE_TR_FUNCTIONS(BundleWriter)

public:
    /// Builds the bundle of `article` in memory. Fails (naming the article) when a
    /// version's language is not a valid tag, a requested language has no version, a
    /// `media:` reference is not in the library, the base URL is not an http(s) URL or
    /// the slug cannot be a folder name. `parsed`, when given, holds (or gets) the parse
    /// of each body (the checks before export made them).
    static Result<Bundle> build(const Library& library, const Article& article,
                                const BundleOptions& options, ParsedBodies* parsed = nullptr);

    /// build(), then writes the bundle as `folder`/SLUG, all or nothing: the files go to
    /// a new temporary folder inside `folder` (created when missing), then the Export
    /// revision is recorded and the temporary folder takes the place of SLUG inside
    /// that transaction, put back when the transaction fails. A failure leaves neither
    /// a file nor a revision, and a bundle written before stays as it was. An existing
    /// SLUG is replaced only when it is a bundle (a folder holding article.json) or an
    /// empty folder.
    static Result<BundleExport> write(Library& library, Article& article, const QString& folder,
                                      const BundleOptions& options);

    /// Whether `folder` holds the bundle of `article` made from the same inputs, with
    /// every file it lists there at its size (what skipUnchanged tests): costs a few
    /// reads, no rendering.
    static Result<bool> isCurrent(const Library& library, const Article& article,
                                  const QString& folder, const BundleOptions& options);

    /// The writing half of write(), for a bundle build() made, possibly on another
    /// thread with another Library of the same file (a batch export renders in
    /// parallel and writes in turn). For a ZIP container the archive is made in
    /// memory and written to a temporary name, renamed into place inside the Export
    /// revision's transaction; an earlier archive stays when anything fails.
    static Result<BundleExport> writeBuilt(Library& library, Article& article, const Bundle& bundle,
                                           const QString& folder, const BundleOptions& options);

    /// writeBuilt() for a folder bundle in two halves, the first of which may run on
    /// any thread: stage() writes the files into a new temporary folder inside
    /// `folder` (created when missing) and, with `sync`, makes them durable (syncfs);
    /// place() records the Export revision and moves the folder into place in one
    /// transaction. Without `sync`, the caller makes the files durable before place()
    /// and the folder's new name after it (a batch makes several bundles durable with
    /// one syncFileSystem(), and every name with one at the end).
    static Result<StagedBundle> stage(const Article& article, const Bundle& bundle,
                                      const QString& folder, bool sync = true);
    static Result<BundleExport> place(Library& library, Article& article, const Bundle& bundle,
                                      StagedBundle& staged, const BundleOptions& options);

private:
    static Result<BundleExport> writeZip(Library& library, Article& article, const Bundle& bundle,
                                         const QString& folder, const BundleOptions& options);
    static QString exportNote(const QString& target, const BundleOptions& options,
                              const Bundle& bundle);
};

/// `json` made safe inside an HTML <script> element: "<", ">" and "&" as \u escapes,
/// which JSON reads back as the same characters, so "</script>" cannot end the element.
QByteArray scriptSafeJson(const QByteArray& json);

} // namespace copydesk
