// Dates as a list shows them: short, in the reader's locale.
#pragma once

#include <QDateTime>
#include <QLocale>
#include <QString>

namespace copydesk {

/// `when` (shown in local time) as a column of dates reads best: the time alone for
/// today ("14:05"), day and month for another day of this year ("4 Jul", "Jul 4",
/// "7月4日", by the locale's own pattern), the locale's short date otherwise.
QString compactDateTime(const QDateTime& when, const QDateTime& now = QDateTime::currentDateTime(),
                        const QLocale& locale = QLocale());

} // namespace copydesk
