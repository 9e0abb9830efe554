#pragma once

#include <QString>

#include <optional>
#include <type_traits>
#include <utility>

namespace copydesk {

/// A failure: one translated line that names the file or article and the problem.
struct Error final {
    QString message;
};

/// The outcome of an operation that can fail: a value, or an Error.
/// Functions that can fail return this; the UI shows message(), the CLI prints it
/// to stderr and exits 1.
template <typename T>
class [[nodiscard]] Result final {
public:
    Result(T value)
        : m_value(std::move(value)) {}
    Result(Error error)
        : m_error(std::move(error.message)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const QString& error() const { return m_error; }

    T& value() & { return *m_value; }
    const T& value() const& { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    T* operator->() { return &*m_value; }
    const T* operator->() const { return &*m_value; }
    T& operator*() & { return *m_value; }
    const T& operator*() const& { return *m_value; }

private:
    std::optional<T> m_value;
    QString m_error;
};

/// Result of an operation that yields nothing but can fail.
template <>
class [[nodiscard]] Result<void> final {
public:
    Result() = default;
    Result(Error error)
        : m_failed(true)
        , m_error(std::move(error.message)) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const QString& error() const { return m_error; }

private:
    bool m_failed = false;
    QString m_error;
};

} // namespace copydesk
