#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace copydesk {

/// What kind of failure an Error is, so that callers decide by kind and never by
/// matching message text.
enum class ErrorKind {
    Failed,       ///< none of the below; the message says what happened
    NotFound,     ///< the article, version, file or tag named does not exist
    Conflict,     ///< someone else changed it, or the name is taken
    Locked,       ///< another process holds the library; read-only open
    InvalidInput, ///< the input is malformed or outside a limit
    Io,           ///< the file system or a stream refused a read or a write
    DiskFull,     ///< a write failed because the device is full
    Corrupt,      ///< stored data failed an integrity check
    Unsupported,  ///< a format, version or feature this build cannot handle
};

/// A failure: one translated line that names the file or article and the problem.
struct Error final {
    QString message;
    ErrorKind kind = ErrorKind::Failed;
};

/// Called when value() is used on a failed Result: a programming error. Prints the
/// error and aborts, so the bug shows where it is instead of reading garbage.
[[noreturn]] void resultAccessFailure(const QString& error);

/// The outcome of an operation that can fail: a value, or an Error.
/// Functions that can fail return this; the UI decides by kind() and shows error(),
/// the CLI prints error() to stderr and exits 1. Reading the value of a failed
/// Result aborts with the error (it is a bug in the caller, not a run-time case).
template <typename T>
class [[nodiscard]] Result final {
public:
    Result(T value)
        : m_value(std::move(value)) {}
    Result(Error error)
        : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const QString& error() const { return m_error.message; }
    ErrorKind kind() const { return m_error.kind; }
    /// The failure (a default Error when ok()), to pass on unchanged.
    const Error& failure() const { return m_error; }

    T& value() & { return checked(); }
    const T& value() const& { return checked(); }
    T&& value() && { return std::move(checked()); }
    T* operator->() { return &checked(); }
    const T* operator->() const { return &checked(); }
    T& operator*() & { return checked(); }
    const T& operator*() const& { return checked(); }

private:
    T& checked() {
        if (!m_value)
            resultAccessFailure(m_error.message);
        return *m_value;
    }
    const T& checked() const {
        if (!m_value)
            resultAccessFailure(m_error.message);
        return *m_value;
    }

    std::optional<T> m_value;
    Error m_error;
};

/// Result of an operation that yields nothing but can fail.
template <>
class [[nodiscard]] Result<void> final {
public:
    Result() = default;
    Result(Error error)
        : m_failed(true)
        , m_error(std::move(error)) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const QString& error() const { return m_error.message; }
    ErrorKind kind() const { return m_error.kind; }
    const Error& failure() const { return m_error; }

private:
    bool m_failed = false;
    Error m_error;
};

} // namespace copydesk
