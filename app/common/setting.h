#pragma once

#include "common/result.h"

#include <QSettings>
#include <QString>
#include <QVariant>

namespace copydesk {

/// A typed user setting: one key, one type, one default, declared once and used
/// everywhere instead of string keys scattered through the code.
template <typename T>
class Setting final {
public:
    constexpr Setting(const char* key, T fallback)
        : m_key(key)
        , m_fallback(std::move(fallback)) {}

    QString key() const { return QString::fromLatin1(m_key); }

    T value(const QSettings& settings = QSettings()) const {
        const QVariant v = settings.value(key());
        return v.isValid() && v.canConvert<T>() ? v.value<T>() : m_fallback;
    }

    void setValue(const T& value, QSettings& settings) const { settings.setValue(key(), value); }
    void setValue(const T& value) const {
        QSettings settings;
        setValue(value, settings);
    }

private:
    const char* m_key;
    T m_fallback;
};

/// Writes `settings` to its file now and says whether that worked, in one line that
/// names the file. Qt writes the file through a temporary one renamed over it
/// (QSaveFile), so a full disk or a read-only folder leaves the previous settings
/// whole; only QSettings::status() tells, and every caller that writes settings
/// reports it through this. Without an organisation name (some tests) Qt reports an
/// access error whatever happens, and no failure can be seen.
Result<void> saveSettings(QSettings& settings);

} // namespace copydesk
