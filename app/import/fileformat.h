#pragma once

#include "article/article.h"
#include "common/result.h"

#include <QByteArray>
#include <QFlags>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace copydesk {

/// One file read by a format: an article with exactly one version, and what an import
/// needs beyond it to put the versions of one article together.
struct ImportedFile final {
    Article article;    ///< exactly one version
    QString groupKey;   ///< files with the same key are versions of one article
    QSet<QString> keys; ///< the article-level keys the file sets (front matter)
    bool hasFrontMatter = false;
    /// What was read otherwise than the file says, one translated line each naming the
    /// file (an invalid <html lang>); the import passes them to ImportOptions::notice.
    QStringList notices;
    /// The version's body with nothing the import decided left out (a pasted web page's
    /// chrome, headline, date line and byline: ConvertedDocument::asPasted), when that
    /// is not `article`'s; saved as a revision before the import's own.
    QString bodyAsPasted;
};

/// A file format Copydesk reads articles from or writes them to. Each format is one
/// class, registered in a FormatRegistry: a new format (Hugo bundles, Jekyll, XLIFF,
/// TMX, ZIP) is a new class, and nothing else switches on which format it is.
///
/// read() and write() return a Result: its error is the format's error string, one
/// translated line naming the file and the problem, with an ErrorKind.
class FileFormat {
public:
    enum class Capability { Read = 0x1, Write = 0x2 };
    Q_DECLARE_FLAGS(Capabilities, Capability)

    virtual ~FileFormat() = default;

    /// Short, stable name as the CLI's --format takes it ("md", "txt", "html").
    virtual QString id() const = 0;
    /// Other names --format accepts for it ("markdown").
    virtual QStringList aliases() const { return {}; }
    /// Translated name for people ("Markdown with front matter").
    virtual QString name() const = 0;
    /// File name extensions, lower case, without the dot; the first is the one written.
    virtual QStringList extensions() const = 0;
    virtual Capabilities capabilities() const = 0;

    /// Reads one file. `bytes` were read within kMaxTextBytes; `path` names the file
    /// in messages and may supply the language and slug; `fallbackLanguage` applies
    /// when nothing in the file names a language.
    virtual Result<ImportedFile> read(const QByteArray& bytes, const QString& path,
                                      const QString& fallbackLanguage) const;
    /// Reads a file that holds any number of articles (a WordPress export holds a
    /// site): each ImportedFile is one version of one article, grouped by groupKey as
    /// files are. The default is read(), one article.
    virtual Result<QList<ImportedFile>> readAll(const QByteArray& bytes, const QString& path,
                                                const QString& fallbackLanguage) const;
    /// The file for one language version of `article`.
    virtual Result<QByteArray> write(const Article& article, const LanguageVersion& version) const;
    /// The name of the file write() produces for `version` (one file name, no folder).
    virtual QString fileName(const Article& article, const LanguageVersion& version) const;

    bool canRead() const { return capabilities().testFlag(Capability::Read); }
    bool canWrite() const { return capabilities().testFlag(Capability::Write); }

protected:
    FileFormat() = default;
    FileFormat(const FileFormat&) = default;
    FileFormat& operator=(const FileFormat&) = default;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(FileFormat::Capabilities)

/// The formats an import or export can use, found by id or by file extension.
class FormatRegistry final {
public:
    FormatRegistry() = default;
    FormatRegistry(FormatRegistry&&) = default;
    FormatRegistry& operator=(FormatRegistry&&) = default;
    FormatRegistry(const FormatRegistry&) = delete;
    FormatRegistry& operator=(const FormatRegistry&) = delete;

    void add(std::unique_ptr<FileFormat> format);

    /// The format with this id or alias (case-insensitive) and `capability`, or null.
    const FileFormat* byId(QStringView id, FileFormat::Capability capability) const;
    /// The format that reads (or writes) files with the extension of `path`, or null.
    const FileFormat* forFile(const QString& path, FileFormat::Capability capability) const;
    /// Every format with `capability`, in the order added.
    QList<const FileFormat*> formats(FileFormat::Capability capability) const;
    /// The ids of those formats ("md, txt, html"), for messages.
    QString ids(FileFormat::Capability capability) const;
    /// Their extensions (".md, .txt, .html"), for messages.
    QString extensions(FileFormat::Capability capability) const;

private:
    std::vector<std::unique_ptr<FileFormat>> m_formats;
};

} // namespace copydesk
