#include "tags/functionwords.h"

#include "tags/matcher.h"

#include <QHash>
#include <QSet>

namespace copydesk::tags {

namespace {

// Words of three letters or more (suggestions skip shorter ones outside CJK), as
// written; they are folded on first use, as the article's words are.
constexpr const char16_t* kLists[][2] = {
    {u"en", u"the and for are but not all any can had her was one our out has him his how its may "
            u"now see who did get let say she too use with that this from they have been were will "
            u"would there their what which when where while about after before into than then them "
            u"these those some such also only over other more most very just could should each "
            u"does being because through during between against under again once here both same "
            u"said says told according including however within without among around across "
            u"whose whom yet still even many much well you your yours"},
    {u"fr", u"les des une dans pour par sur avec sans sous est sont été être avoir ont aux que qui "
            u"quoi dont cette ces cet son ses leur leurs nous vous ils elles elle mais plus moins "
            u"tout tous toute toutes comme entre aussi ainsi donc car lors très fait faire peut "
            u"doit selon depuis pendant avant après chez vers déjà encore notre nos votre vos même "
            u"autre autres celui celle ceux afin contre était sera seront avait avaient lequel "
            u"laquelle lesquels déclaré indiqué"},
    {u"es", u"los las una uno unos unas del con por para sin sobre entre desde hasta durante según "
            u"que como más pero sus este esta estos estas ese esa esos esas ser son fue han hay "
            u"está están era muy también solo cuando donde quien cual cuales todo todos toda todas "
            u"otro otra otros otras sido tiene tienen hace puede nos les ante tras dijo además "
            u"porque mientras aunque sea será serán había cada bien ahora"},
    {u"ar", u"من إلى على عن مع هذا هذه ذلك تلك التي الذي الذين اللذين اللتين كان كانت يكون تكون "
            u"أن إن لا ما هو هي هم بين كل بعد قبل حتى ثم لم لن عند منذ خلال حيث قد وقد وفي ومن "
            u"وإلى وعلى أيضا أيضاً تم وقال قال وقالت قالت أكثر غير إلا لكن كما ضمن نحو لدى فيه "
            u"فيها عليه عليها إليه منها منه لها له التى الى علي وهو وهي وأن وكان كذلك بشأن"},
    {u"ru", u"что это как так его она они оно все всё был была были было быть будет будут для "
            u"при про под над без через после перед между только также уже еще ещё или если "
            u"чтобы когда где который которая которые которых которой которое котором этот эта "
            u"эти этого этой этом том тем там тут нет может него неё нее ней них ним нам вам нас "
            u"вас себя свой своих свою своей более очень даже лишь ведь вот кроме около сказал "
            u"сказала заявил заявила отметил также однако"},
    {u"zh",
     u"的 了 和 是 在 也 有 与 及 等 对 将 为 这 那 就 都 而 并 从 被 把 让 向 于 以 之 其 或 但 "
     u"你 您 我 他 她 它 "
     u"我们 他们 她们 一个 这个 那个 这些 那些 以及 因为 所以 如果 虽然 但是 还是 已经 进行 "
     u"表示 通过 可以 没有 自己 什么 其中 之一 方面 目前 同时 此外 表明 指出"},
    // Not a working language, but the sites staff import have Japanese pages: its
    // particles and auxiliaries are what ICU's dictionary segments most often.
    {u"ja",
     u"の は を に が て で と た も な し から まで より へ や か ね よ です ます でした ました "
     u"する した して される され いる いた ある あり ない この その あの これ それ あれ こと "
     u"もの ため など また および ように よう について による において として れる られる"},
};

const QHash<QString, QSet<QString>>& lists() {
    static const QHash<QString, QSet<QString>> folded = [] {
        QHash<QString, QSet<QString>> out;
        for (const auto& list : kLists) {
            QSet<QString>& words = out[QString::fromUtf16(list[0])];
            const QString all = QString::fromUtf16(list[1]);
            for (const QStringView word : QStringView(all).split(u' ', Qt::SkipEmptyParts))
                words.insert(foldForMatching(word));
        }
        return out;
    }();
    return folded;
}

} // namespace

bool isFunctionWord(const QString& folded, QStringView language) {
    const qsizetype dash = language.indexOf(u'-');
    const QString primary = (dash < 0 ? language : language.left(dash)).toString().toLower();
    const auto it = lists().constFind(primary);
    return it != lists().constEnd() && it->contains(folded);
}

} // namespace copydesk::tags
