// Any bytes as an HTML file to import.
#include "import/htmlimport.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    (void)copydesk::htmlToMarkdown(bytes, QStringLiteral("fuzz.html"));
    return 0;
}
