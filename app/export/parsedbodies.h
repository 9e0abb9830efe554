#pragma once

#include "article/article.h"
#include "markdown/document.h"

#include <QString>

#include <map>

namespace copydesk {

/// The one parse of each version's body that the checks before export and the
/// rendering of the bundle share: both read Markdown with the default parse options
/// (the preview's and the export's). A parse is made on first use and made again when
/// the body it was made from is no longer the version's.
class ParsedBodies final {
public:
    markdown::Document& of(const LanguageVersion& version) {
        auto it = m_parsed.find(version.language);
        if (it == m_parsed.end() || it->second.body != version.body) {
            m_parsed.erase(version.language);
            it = m_parsed
                     .emplace(version.language,
                              Parsed{version.body, markdown::Document(version.body)})
                     .first;
        }
        return it->second.document;
    }

private:
    struct Parsed final {
        QString body;
        markdown::Document document;
    };
    std::map<QString, Parsed> m_parsed; ///< by language
};

} // namespace copydesk
