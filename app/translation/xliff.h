#pragma once

#include "article/article.h"
#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <functional>

/// XLIFF, the exchange format of translation tools: one target language of one or
/// more articles out, translations back in. A unit per segment (segments.h); the
/// Markdown inside a segment (emphasis, links, code, images, raw HTML) travels as
/// XLIFF inline codes (1.2: g and x; 2.0: pc and ph), so that a translator moves them
/// but cannot break them: link targets and image sources are not in the text at all,
/// image alt texts are units of their own. Each unit carries the fingerprint of its
/// source text, so that a translation made from a source that has changed since is
/// never applied silently.
namespace copydesk::translation {

enum class XliffVersion { V12, V20 };

/// An XLIFF document with one <file> per article, for the `targetLanguage` version,
/// translated from the article's source version (its translatedFrom, else its source
/// language). Existing translations go in as targets with their states. Fails when an
/// article has no source version to translate from, or the target is the source.
/// With `prefill`, a unit without a translation gets its source as target, in the
/// state that says it is still to translate (1.2 needs-translation, 2.0 initial): the
/// form some tools need to translate a unit at all (OmegaT). importXliff() leaves such a
/// copy out, so a round trip through a tool that left a unit alone changes nothing.
Result<QByteArray> exportXliff(const QList<Article>& articles, const QString& targetLanguage,
                               XliffVersion version, bool prefill = false);

/// What an import changed.
struct XliffImport final {
    /// The articles with their target versions updated (created when missing), in the
    /// order of the file, ready to be saved in one transaction.
    QList<Article> articles;
    int applied = 0;   ///< units whose translation went into a version
    int outdated = 0;  ///< units left out: their source text changed since the export
    QStringList notes; ///< one line per unit left out, naming article and unit
};

/// Reads an XLIFF 1.2 or 2.0 document (`fileName` names it in messages) and puts its
/// translations into the articles `lookup` finds by id. All or nothing: XML that is
/// not well formed, a DOCTYPE or entity declaration (refused before anything is
/// expanded), a file for an unknown article, a source or target language other than
/// the article's, or an inline code that the source segment does not have fails the
/// whole import with one line saying where.
Result<XliffImport> importXliff(const QByteArray& data, const QString& fileName,
                                const std::function<Result<Article>(const QUuid&)>& lookup);

} // namespace copydesk::translation
