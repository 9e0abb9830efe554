// Checks within sentences: glued words, missing and doubled spaces, repeated words,
// quotation marks and brackets, and text that stops mid-sentence.
#include "checks/checks_p.h"
#include "common/unicode.h"
#include "spelling/speller.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <cstdlib>

namespace copydesk::checks::detail {

namespace {

QString primaryLanguage(const QString& language) {
    return language.section(QLatin1Char('-'), 0, 0).toLower();
}

// Short words that are often glued to a neighbour when a space is lost. A split next
// to one of these is trusted even when the other half is short or the token is
// capitalised ("Conferenceand"); other splits need two longer words (see gluedSplit).
const QSet<QString>& functionWords(const QString& lang) {
    static const QHash<QString, QSet<QString>> words{
        {QStringLiteral("en"),
         {QStringLiteral("the"),   QStringLiteral("and"),  QStringLiteral("of"),
          QStringLiteral("to"),    QStringLiteral("in"),   QStringLiteral("for"),
          QStringLiteral("with"),  QStringLiteral("on"),   QStringLiteral("at"),
          QStringLiteral("by"),    QStringLiteral("from"), QStringLiteral("that"),
          QStringLiteral("this"),  QStringLiteral("is"),   QStringLiteral("was"),
          QStringLiteral("are"),   QStringLiteral("were"), QStringLiteral("an"),
          QStringLiteral("or"),    QStringLiteral("but"),  QStringLiteral("not"),
          QStringLiteral("has"),   QStringLiteral("have"), QStringLiteral("had"),
          QStringLiteral("will"),  QStringLiteral("its"),  QStringLiteral("their"),
          QStringLiteral("which"), QStringLiteral("who")}},
        {QStringLiteral("fr"),
         {QStringLiteral("le"),   QStringLiteral("la"),    QStringLiteral("les"),
          QStringLiteral("des"),  QStringLiteral("du"),    QStringLiteral("de"),
          QStringLiteral("et"),   QStringLiteral("en"),    QStringLiteral("un"),
          QStringLiteral("une"),  QStringLiteral("pour"),  QStringLiteral("par"),
          QStringLiteral("dans"), QStringLiteral("sur"),   QStringLiteral("avec"),
          QStringLiteral("est"),  QStringLiteral("sont"),  QStringLiteral("qui"),
          QStringLiteral("que"),  QStringLiteral("au"),    QStringLiteral("aux"),
          QStringLiteral("pas"),  QStringLiteral("cette"), QStringLiteral("ces"),
          QStringLiteral("leur"), QStringLiteral("leurs")}},
        {QStringLiteral("es"),
         {QStringLiteral("el"),    QStringLiteral("la"),   QStringLiteral("los"),
          QStringLiteral("las"),   QStringLiteral("de"),   QStringLiteral("del"),
          QStringLiteral("en"),    QStringLiteral("un"),   QStringLiteral("una"),
          QStringLiteral("por"),   QStringLiteral("para"), QStringLiteral("con"),
          QStringLiteral("que"),   QStringLiteral("es"),   QStringLiteral("son"),
          QStringLiteral("al"),    QStringLiteral("sus"),  QStringLiteral("sin"),
          QStringLiteral("sobre"), QStringLiteral("entre")}},
        {QStringLiteral("ru"),
         {QStringLiteral("на"), QStringLiteral("по"), QStringLiteral("из"), QStringLiteral("за"),
          QStringLiteral("не"), QStringLiteral("что"), QStringLiteral("как"), QStringLiteral("это"),
          QStringLiteral("для"), QStringLiteral("от"), QStringLiteral("до"),
          QStringLiteral("при")}},
        {QStringLiteral("ar"),
         {QStringLiteral("في"), QStringLiteral("من"), QStringLiteral("على"), QStringLiteral("إلى"),
          QStringLiteral("عن"), QStringLiteral("مع"), QStringLiteral("التي"),
          QStringLiteral("الذي"), QStringLiteral("هذا"), QStringLiteral("هذه")}},
    };
    static const QSet<QString> none;
    const auto it = words.constFind(lang);
    return it == words.constEnd() ? none : it.value();
}

// Function words that are also prefixes of the language: "en" (enrutar), "con",
// "не" (неэластичность), the Russian prepositions (по-, за-, при-…), "in" (inelastic).
// Glued to the front of a word the dictionary lacks they are more often a prefix of a
// term than a lost space, so such a split is trusted only with a function word on both
// sides ("enla") or a short word at a sentence start ("Infact").
bool isPrefixLike(const QString& lang, const QString& lower) {
    static const QHash<QString, QSet<QString>> words{
        {QStringLiteral("en"), {QStringLiteral("in"), QStringLiteral("on")}},
        {QStringLiteral("fr"),
         {QStringLiteral("en"), QStringLiteral("sur"), QStringLiteral("par")}},
        {QStringLiteral("es"),
         {QStringLiteral("en"), QStringLiteral("con"), QStringLiteral("sobre"),
          QStringLiteral("entre")}},
        {QStringLiteral("ru"),
         {QStringLiteral("не"), QStringLiteral("на"), QStringLiteral("по"), QStringLiteral("из"),
          QStringLiteral("за"), QStringLiteral("от"), QStringLiteral("до"), QStringLiteral("при")}},
    };
    return words.value(lang).contains(lower);
}

// Spanish joins object pronouns to an infinitive or a gerund ("definirlos",
// "usándola"): the article-like tail is no lost space.
bool isEnclitic(const QString& lang, const QString& left, const QString& right) {
    if (lang != QLatin1String("es"))
        return false;
    static const QSet<QString> pronouns{
        QStringLiteral("la"), QStringLiteral("las"), QStringLiteral("lo"), QStringLiteral("los"),
        QStringLiteral("le"), QStringLiteral("les"), QStringLiteral("se"), QStringLiteral("nos")};
    return pronouns.contains(right) &&
           (left.endsWith(QLatin1Char('r')) || left.endsWith(QLatin1String("ndo")));
}

// Words that may legitimately follow themselves ("that that", "nous nous").
bool mayRepeat(const QString& lang, const QString& lower) {
    static const QHash<QString, QSet<QString>> words{
        {QStringLiteral("en"), {QStringLiteral("that"), QStringLiteral("had")}},
        {QStringLiteral("fr"), {QStringLiteral("nous"), QStringLiteral("vous")}},
    };
    return words.value(lang).contains(lower);
}

// Longest token the spelling-based checks look at. Dictionary words stay well under
// 50 letters, so two glued ones under 100; a longer run of letters (a hash, a pasted
// blob, 300 KB of "aaaa") is not words run together and is skipped silently, by
// design: trying every split point of it made the checks quadratic in time and memory.
constexpr int kLongestCheckedWord = int(Speller::kMaxWordLength);

struct Token {
    int start; ///< offset in the block's prose
    int end;
};

// Runs of word characters; an apostrophe between letters stays inside ("l’ONU").
QList<Token> tokens(const QString& prose) {
    QList<Token> result;
    int i = 0;
    const int n = int(prose.size());
    while (i < n) {
        if (!isWordChar(prose[i])) {
            ++i;
            continue;
        }
        const int start = i;
        while (i < n && (isWordChar(prose[i]) ||
                         ((prose[i] == QLatin1Char('\'') || prose[i] == QChar(0x2019)) &&
                          i + 1 < n && isWordChar(prose[i + 1]) && i > start)))
            ++i;
        result.append(Token{start, i});
    }
    return result;
}

bool allowListed(const CheckContext& context, QStringView word) {
    for (const QString& allowed : context.allowList) {
        if (word.compare(allowed, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// Where a token rejected by the dictionary splits into two accepted words.
struct Split final {
    int at = -1; ///< -1: none
    /// At a case change ("openedThe"), which leaves little doubt; splits elsewhere
    /// may still be a compound the dictionary lacks, so their fix is not applied
    /// without asking.
    bool safe = false;
};

bool hasCase(QStringView word) {
    return std::any_of(word.begin(), word.end(),
                       [](QChar c) { return c.isUpper() || c.isLower(); });
}

// Where a token stands, for telling glued words from a term the dictionary lacks.
struct Place final {
    /// Capitalised but not at a sentence start: a name ("Lopezand" may be one).
    bool name = false;
    bool sentenceStart = false;
    /// Followed by punctuation or the end of the block: "definirlos." is not
    /// "definir los." (an article ends no clause).
    bool clauseEnd = false;
    /// In a script with case; in scripts without, a rejected name ("فيليبيني")
    /// cannot be told from glued words and splits into real ones all too easily.
    bool cased = true;
};

Split gluedSplit(QStringView word, Speller& speller, const QString& lang, const Place& place) {
    const int n = int(word.size());
    bool caseChange = false;
    const QSet<QString>& small = functionWords(lang);
    for (int i = 1; i < n; ++i) {
        if (word[i].isUpper() && word[i - 1].isLower()) {
            caseChange = true;
            // The left part must be all lower case: "PayPal", "YouTube", "MacArthur"
            // are names, "openedThe" is a sentence boundary that lost its space.
            const QStringView left = word.left(i);
            const QStringView right = word.mid(i);
            bool leftLower = true;
            for (QChar c : left)
                leftLower = leftLower && !c.isUpper();
            // A sentence that lost its space starts with a function word ("The") or a
            // name; "mainSections", "linkTitle" and "macOS" (an upper-case tail) are
            // identifiers and brands written in one piece on purpose.
            const QString rightLower = right.toString().toLower();
            // An acronym, also in the plural ("macOS", "uglyURLs").
            QStringView tail = right.mid(1);
            if (tail.size() >= 2 && tail.back() == QLatin1Char('s'))
                tail.chop(1);
            bool tailUpper = !tail.isEmpty();
            for (QChar c : tail)
                tailUpper = tailUpper && c.isUpper();
            const bool startsSentence =
                small.contains(rightLower) || (!tailUpper && !speller.isCorrect(rightLower));
            if (i >= 2 && n - i >= 2 && leftLower && !tailUpper && startsSentence &&
                speller.isCorrect(left) && speller.isCorrect(right))
                return Split{i, true};
        }
    }
    if (caseChange)
        return {};
    const QString lower = word.toString().toLower();
    const bool mayBeAnywhere = place.cased && !place.name;
    // Every split into two accepted words; a function word may be short, other parts
    // need 3 letters. Without a function word both parts need 6: en_US lacks
    // "livestream", "microservices", "undercounts" and "namespaces", which split into
    // "live stream", "micro services", "under counts" and "names paces", and Spanish
    // "-mente" adverbs ("causal mente"), while glued content words are mostly longer
    // ("climatefinance", "deliveredremarks").
    QList<int> candidates;
    int withFunctionWord = -1;
    for (int i = 2; i <= n - 2; ++i) {
        const QString left = lower.left(i);
        const QString right = lower.mid(i);
        const bool leftSmall = small.contains(left) &&
                               (!isPrefixLike(lang, left) || small.contains(right) ||
                                (place.sentenceStart && right.size() <= 4)) &&
                               !place.name;
        const bool rightSmall =
            small.contains(right) && !place.clauseEnd && !isEnclitic(lang, left, right);
        const bool viaFunctionWord =
            (leftSmall && (rightSmall || right.size() >= 3)) || (rightSmall && left.size() >= 3);
        const bool anywhere = mayBeAnywhere && std::min(left.size(), right.size()) >= 6;
        if (!viaFunctionWord && !anywhere)
            continue;
        if (!speller.isCorrect(word.left(i)) || !speller.isCorrect(right))
            continue;
        if (viaFunctionWord && withFunctionWord < 0)
            withFunctionWord = i;
        candidates.append(i);
    }
    if (candidates.isEmpty())
        return {};
    if (candidates.size() == 1)
        return Split{candidates.front(), false};
    // Several splits: the one Hunspell itself suggests, else one with a function word,
    // else the most balanced.
    const QStringList suggested = speller.suggestions(word);
    for (int i : std::as_const(candidates)) {
        const QString spaced = word.left(i).toString() + QLatin1Char(' ') + word.mid(i).toString();
        if (suggested.contains(spaced, Qt::CaseInsensitive))
            return Split{i, false};
    }
    if (withFunctionWord >= 0)
        return Split{withFunctionWord, false};
    const auto balanced = std::min_element(candidates.begin(), candidates.end(), [n](int a, int b) {
        return std::abs(n - 2 * a) < std::abs(n - 2 * b);
    });
    return Split{*balanced, false};
}

bool isSentenceEnd(QChar c) {
    return c == QLatin1Char('.') || c == QLatin1Char('!') || c == QLatin1Char('?') ||
           c == QChar(0x061F); // Arabic question mark
}

bool isClauseMark(QChar c) {
    return c == QLatin1Char(',') || c == QLatin1Char(';') || c == QLatin1Char(':') ||
           c == QChar(0x060C) || c == QChar(0x061B); // Arabic comma and semicolon
}

bool isCaseless(QChar c) {
    return c.isLetter() && !c.isUpper() && !c.isLower();
}

// Whether the token at `start` begins a sentence: only spaces, opening quotes and
// brackets, or Markdown syntax stand between it and the block start or a full stop.
bool atSentenceStart(const QString& prose, int start) {
    for (int i = start - 1; i >= 0; --i) {
        const QChar c = prose[i];
        if (c.isSpace() || c == kMask || c.category() == QChar::Punctuation_Open ||
            c.category() == QChar::Punctuation_InitialQuote || c == QLatin1Char('"') ||
            c == QChar(0xAB) || c == QChar(0x201E) || c == QChar(0x00BF) || c == QChar(0x00A1))
            continue;
        return isSentenceEnd(c) || c == QChar(0x2026) || c == QLatin1Char(':');
    }
    return true;
}

// French elides "le", "de", "que"… before a vowel: "dansl’eau" lost the space before
// "l’", "ministresdel’ONU" two spaces ("ministres de l’ONU"). Returns where spaces
// go, or nothing. Only when the elided word and what follows make an accepted word.
QList<int> elisionSplit(QStringView word, int apostrophe, Speller& speller, const QString& lang,
                        const Place& place) {
    if (lang != QLatin1String("fr"))
        return {};
    static const QStringList elided{QStringLiteral("qu"), QStringLiteral("l"), QStringLiteral("d"),
                                    QStringLiteral("j"),  QStringLiteral("m"), QStringLiteral("n"),
                                    QStringLiteral("s"),  QStringLiteral("t"), QStringLiteral("c")};
    const QStringView head = word.left(apostrophe);
    for (const QString& e : elided) {
        if (!head.endsWith(e, Qt::CaseInsensitive) || head.size() < e.size() + 2)
            continue;
        const int at = int(head.size() - e.size());
        if (!speller.isCorrect(word.mid(at)))
            continue;
        const QStringView stem = head.left(at);
        if (speller.isCorrect(stem))
            return {at};
        if (stem.size() < 5)
            continue;
        const Split split = gluedSplit(stem, speller, lang, place);
        if (split.at >= 0)
            return {split.at, at};
    }
    return {};
}

// "images.Process", "time.Time", "Nest.JS", "os.Getenv(": a name qualified by a
// package or a brand written with a dot, outside a code span, is not two sentences
// that lost their space. Told by its shape: the part after the dot has another capital
// ("time.ParseDuration", "JS") or repeats the part before ("time.Time"), is followed by
// code punctuation ("(", ".", "[", "_", a digit), the part before is a lower-case
// word the dictionary lacks ("js.Build", "css.Build": a package, not the last word of
// a sentence), or the "a.B" is all the text there is (a title). `dot` is the offset of
// the dot, [from, to) the run of non-spaces.
bool isQualifiedName(const QString& p, int dot, int from, int to, Speller* speller) {
    int end = dot + 1;
    while (end < p.size() && isWordChar(p[end]))
        ++end;
    const QStringView right = QStringView(p).mid(dot + 1, end - dot - 1);
    int start = dot;
    while (start > 0 && isWordChar(p[start - 1]))
        --start;
    const QStringView left = QStringView(p).mid(start, dot - start);
    if (std::any_of(right.begin() + 1, right.end(), [](QChar c) { return c.isUpper(); }))
        return true;
    if (left.compare(right, Qt::CaseInsensitive) == 0)
        return true;
    if (speller && !left.isEmpty() &&
        std::all_of(left.begin(), left.end(), [](QChar c) { return c.isLower(); }) &&
        !speller->isCorrect(left))
        return true;
    if (end < p.size() &&
        (p[end] == QLatin1Char('(') || p[end] == QLatin1Char('.') || p[end] == QLatin1Char('[') ||
         p[end] == QLatin1Char('_') || p[end].isDigit()) &&
        !(p[end] == QLatin1Char('.') && (end + 1 >= p.size() || p[end + 1].isSpace())))
        return true;
    return QStringView(p).left(from).trimmed().isEmpty() &&
           QStringView(p).mid(to).trimmed().isEmpty();
}

// Whether a block is written in the speller's language: most of its words are in the
// dictionary. A passage in another language or lorem ipsum in an English version
// ("tempor", "mollis") splits into English words all too easily ("temp or", "moll
// is"); glued words are a few tokens among words spelled right.
bool inLanguageOf(const QString& p, const QList<Token>& toks, Speller& speller) {
    int words = 0;
    int unknown = 0;
    for (const Token& t : toks) {
        const QStringView word = QStringView(p).mid(t.start, t.end - t.start);
        if (word.size() < 3 || word.size() > kLongestCheckedWord)
            continue;
        ++words;
        if (!speller.isCorrect(word))
            ++unknown;
    }
    return words < 8 || unknown * 10 <= words * 3;
}

void checkGluedAndSpacing(Sink& sink, const Block& block, Speller* speller) {
    const FieldText& f = sink.field();
    const QString& p = block.prose;
    const QString lang = primaryLanguage(f.language);
    const QList<Token> toks = tokens(p);

    if (speller && sink.enabled("glued-words") && inLanguageOf(p, toks, *speller)) {
        for (const Token& t : toks) {
            const QStringView word = QStringView(p).mid(t.start, t.end - t.start);
            if (word.size() < 5 || word.size() > kLongestCheckedWord)
                continue;
            // Neighbours that glue to other non-prose (code, digits, URLs) are not words.
            const QChar before = t.start > 0 ? p[t.start - 1] : QChar(u' ');
            const QChar after = t.end < p.size() ? p[t.end] : QChar(u' ');
            if (before == kMask || after == kMask || before.isDigit() || after.isDigit() ||
                before == QLatin1Char('-') || after == QLatin1Char('-'))
                continue;
            // Acronyms ("UNESCO"); caseless scripts have neither case.
            bool upper = false;
            bool lower = false;
            for (QChar c : word) {
                upper = upper || c.isUpper();
                lower = lower || c.isLower();
            }
            if ((upper && !lower) || allowListed(sink.context(), word) || speller->isCorrect(word))
                continue;
            // A capital anywhere but at a sentence start makes a name ("Lopezand" may
            // be one); only splits before a function word are trusted there.
            Place place;
            place.sentenceStart = atSentenceStart(p, t.start);
            place.name = word.front().isUpper() && !place.sentenceStart;
            place.cased = hasCase(word);
            place.clauseEnd = t.end >= p.size() || after.isPunct() || after == QLatin1Char('\n');
            QList<int> spaces; // offsets in the token where a space goes
            bool safe = false;
            int apostrophe = int(word.indexOf(QLatin1Char('\'')));
            if (apostrophe < 0)
                apostrophe = int(word.indexOf(QChar(0x2019)));
            if (apostrophe >= 0) {
                spaces = elisionSplit(word, apostrophe, *speller, lang, place);
            } else {
                const Split split = gluedSplit(word, *speller, lang, place);
                if (split.at >= 0)
                    spaces.append(split.at);
                safe = split.safe;
            }
            if (spaces.isEmpty())
                continue;
            QString spaced = word.toString();
            QList<TextEdit> edits;
            for (qsizetype k = spaces.size() - 1; k >= 0; --k)
                spaced.insert(spaces[k], QLatin1Char(' '));
            for (int at : std::as_const(spaces))
                edits.append(TextEdit{block.start + t.start + at, 0, QStringLiteral(" ")});
            Finding& finding = sink.add("glued-words", Severity::Warning, block.start + t.start,
                                        block.start + t.end,
                                        Checks::tr("“%1” looks like words run together: “%2”")
                                            .arg(word.toString(), spaced));
            finding.fix = Fix{Checks::tr("Insert a space"), edits};
            finding.safeFix = safe;
        }
    }

    if (sink.enabled("missing-space") && !f.cjk) {
        for (int i = 2; i + 1 < p.size(); ++i) {
            const QChar c = p[i];
            const QChar next = p[i + 1];
            const bool letterBefore = isWordChar(p[i - 1]) && isWordChar(p[i - 2]) &&
                                      !p[i - 1].isUpper() && !p[i - 2].isUpper();
            // "2030.It" lost its space too; "3.5" and "U.S." did not.
            const bool digitBefore = p[i - 1].isDigit() && p[i - 2].isDigit() && isSentenceEnd(c);
            if ((!letterBefore && !digitBefore) || !next.isLetter())
                continue;
            bool missing = false;
            if (isSentenceEnd(c))
                missing =
                    next.isUpper() || (isCaseless(next) && (isCaseless(p[i - 1]) || digitBefore));
            else if (isClauseMark(c))
                missing = c != QLatin1Char(':') || next.isUpper() || isCaseless(next);
            if (!missing)
                continue;
            // The whole "word.Word" may be a name the desk allows ("Node.JS").
            int from = i;
            while (from > 0 && !p[from - 1].isSpace())
                --from;
            int to = i + 1;
            while (to < p.size() && !p[to].isSpace())
                ++to;
            if (allowListed(sink.context(), QStringView(p).mid(from, to - from)))
                continue;
            if (c == QLatin1Char('.') && isQualifiedName(p, i, from, to, speller))
                continue;
            Finding& finding =
                sink.add("missing-space", Severity::Warning, block.start + i, block.start + i + 2,
                         Checks::tr("No space after “%1”").arg(c));
            finding.fix = Fix{Checks::tr("Insert a space"),
                              {TextEdit{block.start + i + 1, 0, QStringLiteral(" ")}}};
            finding.safeFix = true;
        }
    }

    if (sink.enabled("repeated-word") && !f.cjk) {
        for (int k = 1; k < toks.size(); ++k) {
            const Token& a = toks[k - 1];
            const Token& b = toks[k];
            if (b.end - b.start != a.end - a.start)
                continue;
            const QStringView between = QStringView(p).mid(a.end, b.start - a.end);
            bool spaces = !between.isEmpty() && between.count(QLatin1Char('\n')) <= 1;
            for (QChar c : between)
                spaces = spaces && c.isSpace();
            if (!spaces)
                continue;
            const QStringView first = QStringView(p).mid(a.start, a.end - a.start);
            const QStringView second = QStringView(p).mid(b.start, b.end - b.start);
            if (first.compare(second, Qt::CaseInsensitive) != 0 ||
                mayRepeat(lang, first.toString().toLower()))
                continue;
            Finding& finding = sink.add("repeated-word", Severity::Warning, block.start + a.start,
                                        block.start + b.end,
                                        Checks::tr("“%1” is repeated").arg(second.toString()));
            finding.fix = Fix{Checks::tr("Remove the repeated word"),
                              {TextEdit{block.start + a.end, b.end - a.end, QString()}}};
        }
    }

    if (sink.enabled("double-space")) {
        for (int i = 1; i + 1 < p.size(); ++i) {
            if (p[i] != QLatin1Char(' ') || p[i + 1] != QLatin1Char(' ') || p[i - 1].isSpace())
                continue;
            int j = i;
            while (j < p.size() && p[j] == QLatin1Char(' '))
                ++j;
            // Spaces before a line break are a Markdown hard break, not a typo.
            if (j < p.size() && p[j] != QLatin1Char('\n') && p[j] != QLatin1Char('\r')) {
                Finding& finding = sink.add("double-space", Severity::Info, block.start + i,
                                            block.start + j, Checks::tr("Several spaces in a row"));
                finding.fix = Fix{Checks::tr("Replace with one space"),
                                  {TextEdit{block.start + i, j - i, QStringLiteral(" ")}}};
                finding.safeFix = true;
            }
            i = j;
        }
    }
}

struct Pair {
    QChar open;
    QChar close;
};

// The pairs that must balance: brackets, guillemets and CJK corner brackets in every
// language, and the quotation marks of the language by CLDR (or the desk's setting),
// outer and inner: Romanian and Polish „…”, German „…“ and ‚…‘, English “…”, and the
// curly “…” of English quoted in any language. A pair that opens and closes with one mark (Swedish
// ”…”) cannot nest and is not checked; nor is ’, which is the apostrophe as often as a quotation
// mark.
QList<Pair> balancedPairs(const QList<QuotePair>& quotes) {
    QList<Pair> pairs{{u'(', u')'},
                      {u'[', u']'},
                      {u'{', u'}'},
                      {QChar(0xAB), QChar(0xBB)},
                      {QChar(0x300C), QChar(0x300D)},
                      {QChar(0x300E), QChar(0x300F)},
                      {QChar(0xFF08), QChar(0xFF09)},
                      {QChar(0x3010), QChar(0x3011)},
                      {QChar(0x300A), QChar(0x300B)}};
    auto add = [&pairs](QChar open, QChar close) {
        const bool known = std::any_of(pairs.begin(), pairs.end(), [&](const Pair& p) {
            return p.open == open && p.close == close;
        });
        if (!known)
            pairs.append({open, close});
    };
    for (const QuotePair& q : quotes) {
        if (q.first.size() != 1 || q.second.size() != 1)
            continue;
        const QChar open = q.first.front();
        const QChar close = q.second.front();
        if (open == close || open == QChar(0x2019) || close == QChar(0x2019) ||
            open == QLatin1Char('"') || close == QLatin1Char('"') || open == QLatin1Char('\'') ||
            close == QLatin1Char('\''))
            continue;
        add(open, close);
    }
    add(QChar(0x201C), QChar(0x201D));
    return pairs;
}

void checkBalance(Sink& sink, const Block& block, const Block* next, const QList<Pair>& pairs) {
    if (!sink.enabled("unbalanced"))
        return;
    const QString& p = block.prose;
    struct Open {
        int pos;
        QChar close;
    };
    QList<Open> stack;
    QList<int> stray;
    int straight = -1;
    int straightCount = 0;
    for (int i = 0; i < p.size(); ++i) {
        const QChar c = p[i];
        if (c == QLatin1Char('"')) {
            ++straightCount;
            straight = i;
            continue;
        }
        // A mark that both closes and opens (German “ closes „ and opens English “…”)
        // closes when its opener is open, and opens otherwise.
        int k = int(stack.size()) - 1;
        while (k >= 0 && stack[k].close != c)
            --k;
        if (k >= 0) {
            stack.remove(k, stack.size() - k);
            continue;
        }
        bool handled = false;
        for (const Pair& pair : std::as_const(pairs)) {
            if (c == pair.open) {
                stack.append(Open{i, pair.close});
                handled = true;
                break;
            }
        }
        if (handled)
            continue;
        for (const Pair& pair : std::as_const(pairs)) {
            if (c != pair.close)
                continue;
            // A half-open interval, "[0, 1)" or "(0, 1]": the last bracket open is the
            // other one, with a comma close before.
            const QChar other = c == QLatin1Char(')')   ? QLatin1Char('[')
                                : c == QLatin1Char(']') ? QLatin1Char('(')
                                                        : QChar();
            if (!other.isNull() && !stack.isEmpty() && p[stack.back().pos] == other &&
                i - stack.back().pos <= 40 &&
                QStringView(p).mid(stack.back().pos, i - stack.back().pos).contains(u',')) {
                stack.removeLast();
                break;
            }
            // "a)", "1)", "iv)" enumerate; ":)" smiles.
            int j = i;
            while (j > 0 && p[j - 1].isLetterOrNumber() && i - j < 3)
                --j;
            const bool enumerator = j < i && (j == 0 || p[j - 1].isSpace());
            const bool smiley =
                i > 0 && (p[i - 1] == QLatin1Char(':') || p[i - 1] == QLatin1Char(';'));
            if (!enumerator && !smiley)
                stray.append(i);
            break;
        }
    }
    // A quotation running over several paragraphs opens each of them and closes only
    // in the last: an unclosed quote is fine when the next paragraph opens one.
    const QString nextProse = next ? next->prose.trimmed() : QString();
    for (const Open& open : std::as_const(stack)) {
        const QChar opener = p[open.pos];
        if (!nextProse.isEmpty() && nextProse.front() == opener && opener != QLatin1Char('('))
            continue;
        sink.add("unbalanced", Severity::Warning, block.start + open.pos,
                 block.start + open.pos + 1, Checks::tr("“%1” is never closed").arg(opener));
    }
    for (int pos : std::as_const(stray)) {
        sink.add("unbalanced", Severity::Warning, block.start + pos, block.start + pos + 1,
                 Checks::tr("“%1” closes nothing").arg(p[pos]));
    }
    if (straightCount % 2 == 1 && !(next && next->prose.trimmed().startsWith(QLatin1Char('"')))) {
        sink.add("unbalanced", Severity::Warning, block.start + straight,
                 block.start + straight + 1, Checks::tr("Odd number of quotation marks"));
    }
}

constexpr QChar kNarrowNbsp = QChar(0x202F);
constexpr QChar kNbsp = QChar(0x00A0);

bool isDoubleQuote(QChar c) {
    return c == QLatin1Char('"') || c == QChar(0x201C) || c == QChar(0x201D) ||
           c == QChar(0x201E) || c == QChar(0xAB) || c == QChar(0xBB);
}

void checkQuotes(Sink& sink, const Block& block, const QList<QuotePair>& style) {
    if (!sink.enabled("quotes"))
        return;
    const QString& p = block.prose;
    const QString lang = primaryLanguage(sink.field().language);
    auto add = [&](int start, int end, const QString& message, QList<TextEdit> edits) {
        Finding& finding =
            sink.add("quotes", Severity::Warning, block.start + start, block.start + end, message);
        for (TextEdit& e : edits)
            e.offset += block.start;
        finding.fix = Fix{Checks::tr("Use the quotation marks of the language"), edits};
        finding.safeFix = true;
    };

    // The language's marks (CheckContext::quotationMarks, else CLDR); pairs of other
    // double quotation marks are replaced by its usual pair.
    auto single = [](const QuotePair& pair) {
        return pair.first.size() == 1 && pair.second.size() == 1;
    };
    QChar rightOpen, rightClose;
    if (!style.isEmpty() && single(style.front())) {
        rightOpen = style.front().first.front();
        rightClose = style.front().second.front();
    }
    // Pairs that are right besides the usual one: the inner pairs (Russian „…“ inside
    // «…», Spanish “…” inside «…»), and guillemets in right-to-left languages: CLDR
    // gives Arabic ”…“, but Arabic (and Persian, Urdu) newsrooms write «…» as often.
    QList<std::pair<QChar, QChar>> alsoRight;
    for (qsizetype i = 1; i < style.size(); ++i) {
        if (single(style[i]))
            alsoRight.append({style[i].first.front(), style[i].second.front()});
    }
    if (QLocale(sink.field().language).textDirection() == Qt::RightToLeft)
        alsoRight.append({QChar(0xAB), QChar(0xBB)});
    // Straight quotes are the typewriter form of curly ones: flagged only where the
    // language's marks look otherwise (« » in French and Russian, „ “ in German).
    const bool straightOk = rightOpen != QChar(0xAB) && rightOpen != QChar(0x201E);
    // French puts a (narrow) no-break space inside « » — typography that CLDR's
    // delimiters do not record.
    const bool spaced = lang == QLatin1String("fr");
    if (!rightOpen.isNull()) {
        // Every double quotation mark that is not of the language's style, paired up
        // in order of appearance.
        QList<int> marks;
        for (int i = 0; i < p.size(); ++i) {
            if (isDoubleQuote(p[i]) && p[i] != rightOpen && p[i] != rightClose)
                marks.append(i);
        }
        for (int k = 0; k + 1 < marks.size(); k += 2) {
            const int a = marks[k];
            const int b = marks[k + 1];
            if (straightOk && p[a] == QLatin1Char('"') && p[b] == QLatin1Char('"'))
                continue;
            if (alsoRight.contains(std::pair{p[a], p[b]}))
                continue;
            QList<TextEdit> edits;
            // « » carry spaces inside; other styles do not.
            int endA = a + 1;
            if (!spaced && p[a] == QChar(0xAB) && endA < b && p[endA].isSpace())
                ++endA;
            int startB = b;
            if (!spaced && p[b] == QChar(0xBB) && startB - 1 > endA && p[startB - 1].isSpace())
                --startB;
            edits.append(TextEdit{a, endA - a,
                                  spaced ? QString(rightOpen) + kNarrowNbsp : QString(rightOpen)});
            edits.append(
                TextEdit{startB, b + 1 - startB,
                         spaced ? QString(kNarrowNbsp) + rightClose : QString(rightClose)});
            add(a, b + 1,
                Checks::tr("Quotation marks %1…%2 are not those of this language; use %3…%4")
                    .arg(p[a], p[b], rightOpen, rightClose),
                edits);
        }
    }
    if (spaced) {
        // « and » take a (narrow) no-break space inside, so that they never end up
        // alone at a line end.
        for (int i = 0; i < p.size(); ++i) {
            if (p[i] == QChar(0xAB) && i + 1 < p.size() && p[i + 1] != kNbsp &&
                p[i + 1] != kNarrowNbsp) {
                const int len = p[i + 1] == QLatin1Char(' ') ? 1 : 0;
                add(i, i + 1 + len, Checks::tr("« needs a no-break space after it"),
                    {TextEdit{i + 1, len, QString(kNarrowNbsp)}});
            } else if (p[i] == QChar(0xBB) && i > 0 && p[i - 1] != kNbsp &&
                       p[i - 1] != kNarrowNbsp) {
                const int len = p[i - 1] == QLatin1Char(' ') ? 1 : 0;
                add(i - len, i + 1, Checks::tr("» needs a no-break space before it"),
                    {TextEdit{i - len, len, QString(kNarrowNbsp)}});
            }
        }
    }
}

QChar fullWidth(QChar c) {
    switch (c.unicode()) {
    case u',':
        return QChar(0xFF0C);
    case u'.':
        return QChar(0x3002);
    case u'?':
        return QChar(0xFF1F);
    case u'!':
        return QChar(0xFF01);
    case u':':
        return QChar(0xFF1A);
    case u';':
        return QChar(0xFF1B);
    default:
        return {};
    }
}

// Chinese only: Korean writes its own (half-width) punctuation after hangul, and
// Japanese, though it has 、 and 。, takes a half-width colon or comma after kana in
// much technical writing. Both the language and the script of the character before
// must be Chinese: a Latin, kana or hangul word quoted in Chinese text keeps its marks.
void checkFullWidth(Sink& sink, const Block& block) {
    if (!sink.enabled("fullwidth-punctuation") || !isChineseLanguage(sink.field().language))
        return;
    const QString& p = block.prose;
    for (int i = 1; i < p.size(); ++i) {
        const QChar wide = fullWidth(p[i]);
        if (wide.isNull())
            continue;
        const CjkScript before = cjkScript(codePointBefore(p, i));
        if (before != CjkScript::Han && before != CjkScript::Bopomofo)
            continue;
        // "3.5" and "example.com" keep their dot.
        if (i + 1 < p.size() && p[i + 1].unicode() < 128 && p[i + 1].isLetterOrNumber())
            continue;
        const int len = (i + 1 < p.size() && p[i + 1] == QLatin1Char(' ')) ? 2 : 1;
        Finding& finding = sink.add(
            "fullwidth-punctuation", Severity::Warning, block.start + i, block.start + i + 1,
            Checks::tr("Chinese text takes full-width punctuation: %1 instead of %2")
                .arg(wide, p[i]));
        finding.fix = Fix{Checks::tr("Use full-width punctuation"),
                          {TextEdit{block.start + i, len, QString(wide)}}};
        finding.safeFix = true;
    }
}

} // namespace

void checkTypography(Sink& sink, Speller* speller) {
    if (!sink.enabledAny({"glued-words", "missing-space", "repeated-word", "double-space",
                          "unbalanced", "quotes", "fullwidth-punctuation"}))
        return;
    const QList<Block>& blocks = sink.field().scan.blocks;
    const QList<QuotePair> pairs =
        quotationPairs(sink.context().quotationMarks, sink.field().language);
    const QList<Pair> balanced = balancedPairs(pairs);
    for (int b = 0; b < blocks.size(); ++b) {
        const Block& block = blocks[b];
        if (block.kind != Block::Kind::Paragraph && block.kind != Block::Kind::Heading)
            continue;
        const Block* next = nullptr;
        if (b + 1 < blocks.size() && blocks[b + 1].kind == Block::Kind::Paragraph)
            next = &blocks[b + 1];
        checkGluedAndSpacing(sink, block, speller);
        checkBalance(sink, block, next, balanced);
        checkQuotes(sink, block, pairs);
        checkFullWidth(sink, block);
    }
}

namespace {

bool isDash(QChar c) {
    return c.category() == QChar::Punctuation_Dash || c == QLatin1Char('~');
}

// A credit under a quotation ("— Jane Doe, 2019", "*MDN reference* - blockquote"):
// a line that starts with a dash, or a short one right after a block quote or closing
// one. Names and sources, not sentences: they take no full stop.
bool isAttribution(const QList<Block>& blocks, int b, int tokenCount) {
    const Block& block = blocks[b];
    for (QChar c : block.prose) {
        if (c.isSpace() || c == kMask)
            continue;
        if (isDash(c))
            return true;
        break;
    }
    const bool afterQuote = b > 0 && blocks[b - 1].inQuote && !block.inQuote;
    const bool endsQuote = block.inQuote && (b + 1 == blocks.size() || !blocks[b + 1].inQuote);
    return (afterQuote || endsQuote) && tokenCount <= 12;
}

// Whether source offset `at` is inside the text of a link: the paragraph then ends
// with a link's text, a title or a name that is complete as it is.
bool inLinkText(const QList<Link>& links, int at) {
    return std::any_of(links.begin(), links.end(), [at](const Link& link) {
        return !link.autolink && !link.image && at >= link.start && at < link.end;
    });
}

// Whether `word` occurs in the field's prose as a whole word, or begins a longer word
// there (so that it is a complete word, or a cut-off one of the text).
struct Occurrence {
    int whole = 0;
    bool longer = false;
};
Occurrence occurrences(const FieldText& f, QStringView word) {
    Occurrence o;
    for (const Block& block : f.scan.blocks) {
        for (const Token& t : tokens(block.prose)) {
            const QStringView other = QStringView(block.prose).mid(t.start, t.end - t.start);
            if (other.compare(word, Qt::CaseInsensitive) == 0)
                ++o.whole;
            else if (other.size() > word.size() && other.startsWith(word, Qt::CaseInsensitive))
                o.longer = true;
        }
    }
    return o;
}

// "Creation date: April 2022", "ISBN: 978…": a label and its value, not a sentence.
bool isLabelLine(const QString& p, const QList<Token>& toks) {
    if (toks.size() > 12)
        return false;
    const qsizetype colon = p.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return false;
    int before = 0;
    for (const Token& t : toks)
        before += t.end <= colon;
    return before >= 1 && before <= 3;
}

// A paragraph that is the start of an earlier one: the first paragraph pasted again at
// the end and cut off.
bool repeatsStartOfEarlier(const QList<Block>& blocks, int b) {
    const QString mine = normalizeForComparison(blocks[b].prose);
    if (mine.size() < 20)
        return false;
    for (int k = 0; k < b; ++k) {
        if (blocks[k].kind != Block::Kind::Paragraph)
            continue;
        const QString earlier = normalizeForComparison(blocks[k].prose);
        // Longer: the same paragraph again is a repeat (duplicate-paragraph), not a cut.
        if (earlier.size() <= mine.size())
            continue;
        if (earlier.startsWith(mine))
            return true;
        // Cut mid-word: all but the last, partial word.
        const qsizetype space = mine.lastIndexOf(QLatin1Char(' '));
        if (space > 20 && earlier.startsWith(QStringView(mine).left(space + 1)) &&
            QStringView(earlier).mid(space + 1).startsWith(QStringView(mine).mid(space + 1)))
            return true;
    }
    return false;
}

// A paragraph that ends in a bracket after a finished sentence ("…説明します。（訳注：…）",
// "It ended. (Photo: UN)").
bool endsWithAsideAfterSentence(const QString& p, int end, const QString& terminal) {
    int i = end;
    while (i > 0 && (p[i - 1].isSpace() || p[i - 1] == kMask))
        --i;
    if (i == 0 || (p[i - 1] != QLatin1Char(')') && p[i - 1] != QChar(0xFF09)))
        return false;
    const QChar close = p[i - 1];
    const QChar open = close == QLatin1Char(')') ? QLatin1Char('(') : QChar(0xFF08);
    int depth = 0;
    for (int k = i - 1; k >= 0; --k) {
        if (p[k] == close)
            ++depth;
        else if (p[k] == open && --depth == 0) {
            int j = k;
            while (j > 0 && (p[j - 1].isSpace() || p[j - 1] == kMask))
                --j;
            return j > 0 && terminal.contains(p[j - 1]);
        }
    }
    return false;
}

} // namespace

// A paragraph that stops without a full stop may be cut off; the finding is an error
// only on evidence that it is: it stops inside a word that the text or the dictionary
// knows longer, on a function word ("… in the"), or it is the start of an earlier
// paragraph pasted again. Otherwise it is a warning, and none where the end is a
// link's text, a credit, or (in a summary, often a phrase) there is no evidence.
void checkTruncation(Sink& sink, Speller* speller) {
    if (!sink.enabled("truncated"))
        return;
    const FieldText& f = sink.field();
    const QList<Block>& blocks = f.scan.blocks;
    const QString lang = primaryLanguage(f.language);
    int last = -1;
    for (int b = 0; b < blocks.size(); ++b) {
        if (blocks[b].kind == Block::Kind::Paragraph)
            last = b;
    }
    static const QString terminal = QStringLiteral(".!?…:;") + QChar(0x061F) + QChar(0x06D4) +
                                    QChar(0x3002) + QChar(0xFF01) + QChar(0xFF1F) + QChar(0xFF1A) +
                                    QChar(0xFF1B);
    static const QString closers = QStringLiteral("\"'”’»)]*_~") + QChar(0x300D) + QChar(0x300F) +
                                   QChar(0xFF09) + QChar(0x201C) + QChar(0x300B);
    for (int b = 0; b < blocks.size(); ++b) {
        const Block& block = blocks[b];
        if (block.kind != Block::Kind::Paragraph || block.inList)
            continue;
        const QString& p = block.prose;
        int end = int(p.size());
        while (end > 0 &&
               (p[end - 1].isSpace() || p[end - 1] == kMask || closers.contains(p[end - 1])))
            --end;
        if (end == 0 || terminal.contains(p[end - 1]))
            continue;
        // Short lines are bylines, credits and captions, written without a full stop.
        const QList<Token> toks = tokens(p);
        if (f.cjk ? end < 15 : toks.size() < 6)
            continue;
        // A paragraph that leads into a list, a code block or a table ("Make sure
        // that" and the points) ends where they begin.
        const bool leadIn = b + 1 < blocks.size() &&
                            (blocks[b + 1].inList || blocks[b + 1].kind == Block::Kind::Code ||
                             blocks[b + 1].kind == Block::Kind::Table) &&
                            !block.inList;
        // A URL after the last word ("See <https://…>") ends it as a link's text does.
        const bool urlLast =
            std::any_of(f.scan.links.begin(), f.scan.links.end(), [&](const Link& l) {
                return !l.image && l.start >= block.start + end && l.start < block.end;
            });
        if (leadIn || urlLast || inLinkText(f.scan.links, block.start + end - 1) ||
            isAttribution(blocks, b, int(toks.size())) || isLabelLine(p, toks) ||
            endsWithAsideAfterSentence(p, int(p.size()), terminal))
            continue;
        const Token lastToken = toks.back();
        const bool endsInWord = lastToken.end == end;
        if (!endsInWord && !p[end - 1].isDigit())
            continue; // ends with a dash, a symbol: deliberate
        const QStringView word =
            QStringView(p).mid(lastToken.start, lastToken.end - lastToken.start);
        // A unit after a number ("2px") or the end of a word that markup splits
        // ("e**nd**") is not a word of its own.
        const QChar before = lastToken.start > 0 ? p[lastToken.start - 1] : QChar(u' ');
        const bool partOfMore = before.isDigit() || (before == kMask && lastToken.start > 1 &&
                                                     isWordChar(p[lastToken.start - 2]));
        bool brokenWord = false;
        if (endsInWord && speller && !partOfMore && word.size() > 1 &&
            word.size() <= kLongestCheckedWord && !word.front().isUpper() &&
            !speller->isCorrect(word) && !speller->isCorrect(word.toString().toLower())) {
            // A word the dictionary lacks (a term, a word of another language) is
            // complete when the text has it elsewhere; cut off when the text or the
            // dictionary has a longer word that it starts.
            const Occurrence o = occurrences(f, word);
            if (o.whole <= 1) {
                brokenWord = o.longer;
                if (!brokenWord) {
                    const QStringList suggested = speller->suggestions(word);
                    brokenWord =
                        std::any_of(suggested.begin(), suggested.end(), [word](const QString& s) {
                            return s.size() > word.size() &&
                                   s.startsWith(word, Qt::CaseInsensitive);
                        });
                }
            }
        }
        const bool isLast = b == last && f.field == Field::Body;
        const bool onFunctionWord =
            endsInWord && functionWords(lang).contains(word.toString().toLower());
        const bool repeat = isLast && repeatsStartOfEarlier(blocks, b);
        const bool evidence = brokenWord || onFunctionWord || repeat || (isLast && f.cjk);
        if (!evidence && f.field == Field::Summary)
            continue;
        const Severity severity = evidence ? Severity::Error : Severity::Warning;
        const QString message =
            repeat       ? Checks::tr("The text ends with the start of an earlier paragraph "
                                            "again, cut off")
            : brokenWord ? Checks::tr("The text stops in the middle of a word (“%1”)").arg(word)
            : isLast     ? Checks::tr("The text ends without a full stop: it may be cut off")
                         : Checks::tr("The paragraph ends without a full stop: it may be cut off");
        const int from = endsInWord ? lastToken.start : end - 1;
        Finding& finding =
            sink.add("truncated", severity, block.start + from, block.start + end, message);
        // A web page pasted with its first paragraph again at the end, cut off: the
        // copy adds nothing, so removing it is safe.
        if (repeat) {
            finding.fix = Fix{Checks::tr("Remove the repeated, cut-off paragraph"),
                              {sink.removeBlock(block)}};
            finding.safeFix = true;
        }
    }
}

} // namespace copydesk::checks::detail
