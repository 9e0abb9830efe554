// Any bytes as a Markdown file with front matter (YAML, and whatever else the
// interchange module reads). It must return an article or an error, never crash,
// hang or use memory out of proportion to the input.
#include "interchange/frontmatter.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const auto result = copydesk::parseFrontMatterFile(bytes, QStringLiteral("fuzz.md"));
    if (result.ok())
        (void)copydesk::toFrontMatterMarkdown(result->article, result->article.versions.first());
    return 0;
}
