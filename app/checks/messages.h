#pragma once

#include <QCoreApplication>

namespace copydesk::checks {

/// The translation context of the checks' messages and fix descriptions. Call it as
/// `Checks::tr("…")`: lupdate files the string under "Checks", where it is looked up
/// at run time (an alias or a free tr() helper would file it elsewhere).
struct Checks final {
    Q_DECLARE_TR_FUNCTIONS(Checks)
};

} // namespace copydesk::checks
