#include "common/setting.h"
#include "common/atomicfile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>

namespace copydesk {

namespace {
const Setting<QString> kSavedAt("settings/savedAt", {});
} // namespace

Result<void> saveSettings(QSettings& settings) {
    // Qt writes the file only when a value differs from what it holds in memory, and
    // after a failed write it holds the values that were not written: saving the same
    // values again would report success with the old file on the disk. A value that
    // changes on every save makes every save a real write.
    kSavedAt.setValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), settings);
    settings.sync();
    // status() is sticky for the object's life, so an error from its construction (the
    // earlier unsaved values it tried to write) counts too. One exception: the default
    // settings of an application without an organisation name (Qt files them under
    // "Unknown Organization") are AccessError from the start, and it says nothing
    // (Qt 6.4). The executables set the name; some tests do not.
    if (settings.status() == QSettings::AccessError &&
        QCoreApplication::organizationName().isEmpty() &&
        settings.fileName().contains(QLatin1String("/Unknown Organization/")))
        return {};
    switch (settings.status()) {
    case QSettings::NoError:
        return {};
    case QSettings::FormatError:
        return Error{QCoreApplication::translate("Settings",
                                                 "%1: cannot read the settings file; it was "
                                                 "left as it is and not written")
                         .arg(QDir::toNativeSeparators(settings.fileName())),
                     ErrorKind::Corrupt};
    case QSettings::AccessError:
        break;
    }
    const QString file = QDir::toNativeSeparators(settings.fileName());
    const QString folder = QFileInfo(settings.fileName()).absolutePath();
    if (!QStorageInfo(folder).isReadOnly() && folderIsFull(folder))
        return Error{QCoreApplication::translate("Settings",
                                                 "%1: cannot save the settings, the disk is full")
                         .arg(file),
                     ErrorKind::DiskFull};
    return Error{QCoreApplication::translate(
                     "Settings", "%1: cannot save the settings; check that %2 is writable")
                     .arg(file, QDir::toNativeSeparators(folder)),
                 ErrorKind::Io};
}

} // namespace copydesk
