#include "article/article.h"

#include <QCoreApplication>

#include <array>

namespace copydesk {

namespace {
struct StatusName {
    Status status;
    const char* id;
    const char* label;
};
constexpr std::array<StatusName, 5> kStatusNames{{
    {Status::Draft, "draft", QT_TRANSLATE_NOOP("Status", "Draft")},
    {Status::InReview, "in-review", QT_TRANSLATE_NOOP("Status", "In review")},
    {Status::Ready, "ready", QT_TRANSLATE_NOOP("Status", "Ready")},
    {Status::Published, "published", QT_TRANSLATE_NOOP("Status", "Published")},
    {Status::Archived, "archived", QT_TRANSLATE_NOOP("Status", "Archived")},
}};
} // namespace

QString statusId(Status status) {
    for (const auto& n : kStatusNames) {
        if (n.status == status)
            return QString::fromLatin1(n.id);
    }
    return {};
}

std::optional<Status> statusFromId(QStringView id) {
    for (const auto& n : kStatusNames) {
        if (id.compare(QLatin1String(n.id), Qt::CaseInsensitive) == 0)
            return n.status;
    }
    return std::nullopt;
}

QString statusLabel(Status status) {
    for (const auto& n : kStatusNames) {
        if (n.status == status)
            return QCoreApplication::translate("Status", n.label);
    }
    return {};
}

bool canTransition(Status from, Status to) {
    // A published article goes back to draft only through the archive (issue 9): what
    // readers have seen is archived first, not silently turned into a draft.
    if (from == to || to == Status::Archived)
        return true;
    if (to == Status::Draft)
        return from != Status::Published;
    switch (from) {
    case Status::Draft:
        return to == Status::InReview;
    case Status::InReview:
        return to == Status::Ready;
    case Status::Ready:
        return to == Status::Published || to == Status::InReview;
    case Status::Published:
        return to == Status::InReview;
    case Status::Archived:
        return false;
    }
    return false;
}

const LanguageVersion* Article::version(QStringView language) const {
    for (const auto& v : versions) {
        if (v.language == language)
            return &v;
    }
    return nullptr;
}

LanguageVersion* Article::version(QStringView language) {
    // Non-const iteration detaches the implicitly shared list, so writing through
    // the pointer never changes another copy of this article.
    for (auto& v : versions) {
        if (v.language == language)
            return &v;
    }
    return nullptr;
}

const LanguageVersion* Article::primaryVersion() const {
    if (const auto* v = version(sourceLanguage))
        return v;
    return versions.isEmpty() ? nullptr : &versions.front();
}

QString Article::displayTitle() const {
    const auto* v = primaryVersion();
    return v ? v->title : QString();
}

Article makeArticle(const QString& language, const QString& title) {
    Article a;
    a.id = QUuid::createUuid();
    const auto now = QDateTime::currentDateTimeUtc();
    a.created = a.updated = now;
    a.sourceLanguage = language;
    LanguageVersion v;
    v.language = language;
    v.title = title;
    v.created = v.updated = now;
    a.versions.append(v);
    return a;
}

} // namespace copydesk
