#pragma once

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

} // namespace copydesk
