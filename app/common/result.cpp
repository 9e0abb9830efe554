#include "common/result.h"

#include <QtGlobal>

namespace copydesk {

void resultAccessFailure(const QString& error) {
    qFatal("Result::value() called on a failed result: %s", qUtf8Printable(error));
}

} // namespace copydesk
