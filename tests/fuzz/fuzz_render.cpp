// Any UTF-8 text through the renderer (safe and raw HTML), the outline and the
// statistics: everything the preview derives from a keystroke.
#include "markdown/outline.h"
#include "markdown/render.h"
#include "markdown/statistics.h"

#include <cstddef>
#include <cstdint>

using namespace copydesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    (void)renderHtml(text);
    RenderOptions raw;
    raw.rawHtml = true;
    (void)renderHtml(text, raw);
    (void)outline(text);
    (void)statistics(text, QStringLiteral("en"));
    return 0;
}
