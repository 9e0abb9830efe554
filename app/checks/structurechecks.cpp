// Checks on the shape of a text: repeated paragraphs, leftover web and e-mail chrome,
// links, images and headings.
#include "checks/checks_p.h"
#include "markdown/document.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace copydesk::checks::detail {

namespace {

/// A paragraph reduced for comparison: its normalised text and the sorted hashes of
/// its shingles (three words, or three characters in CJK text).
struct Fingerprint {
    int block = -1;
    QString normalized;
    std::vector<size_t> shingles;
    int words = 0;
};

Fingerprint fingerprint(QStringView prose, bool cjk) {
    Fingerprint fp;
    fp.normalized = normalizeForComparison(prose);
    // Two-word (two-character in CJK) shingles: fine-grained enough that a paragraph
    // with a clause added or dropped still scores as a near duplicate.
    if (cjk) {
        QString compact = fp.normalized;
        compact.remove(QLatin1Char(' '));
        fp.words = int(compact.size());
        for (int i = 0; i + 2 <= compact.size(); ++i)
            fp.shingles.push_back(qHash(QStringView(compact).mid(i, 2)));
    } else {
        const QList<QStringView> words =
            QStringView(fp.normalized).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        fp.words = int(words.size());
        for (int i = 0; i + 2 <= words.size(); ++i)
            fp.shingles.push_back(qHash(words[i]) * 1000003u + qHash(words[i + 1]));
    }
    std::sort(fp.shingles.begin(), fp.shingles.end());
    fp.shingles.erase(std::unique(fp.shingles.begin(), fp.shingles.end()), fp.shingles.end());
    return fp;
}

constexpr double kNearDuplicate = 0.8;

// Share of the smaller paragraph's shingles found in the other: a paragraph pasted
// twice and then edited in one place, or with a clause added, still scores high. Two
// paragraphs of very different length are not duplicates, whatever they share.
double similarity(const std::vector<size_t>& a, const std::vector<size_t>& b) {
    const size_t small = std::min(a.size(), b.size());
    const size_t large = std::max(a.size(), b.size());
    if (small < 6 || double(small) / double(large) < 0.5)
        return 0;
    size_t common = 0;
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (*i < *j) {
            ++i;
        } else if (*j < *i) {
            ++j;
        } else {
            ++common;
            ++i;
            ++j;
        }
    }
    return double(common) / double(small);
}

bool longEnough(const Fingerprint& fp, bool cjk) {
    // Short repeated lines ("Photo: UN", "Contact:") are normal.
    return cjk ? fp.words >= 12 : fp.words >= 5 && fp.normalized.size() >= 25;
}

QString shorten(const QString& s, int max = 40) {
    const QString simple = s.simplified();
    return simple.size() <= max ? simple : simple.left(max - 1) + QChar(0x2026);
}

bool isPunctuationOrSymbol(QChar c) {
    return c.isPunct() || c.isSymbol();
}

struct Pattern {
    QString text;
    bool prefix = false;
    bool suffix = false;
};

QList<Pattern> patterns(const QStringList& entries) {
    QList<Pattern> result;
    for (const QString& entry : entries) {
        Pattern p;
        QString e = entry.trimmed();
        p.prefix = e.endsWith(QLatin1Char('*'));
        p.suffix = e.startsWith(QLatin1Char('*'));
        p.text = normalizeForComparison(e);
        if (!p.text.isEmpty())
            result.append(p);
    }
    return result;
}

bool matchesPattern(const QString& line, const QList<Pattern>& list) {
    for (const Pattern& p : list) {
        if (p.prefix && p.suffix ? line.contains(p.text)
            : p.prefix           ? line.startsWith(p.text)
            : p.suffix           ? line.endsWith(p.text)
                                 : line == p.text)
            return true;
    }
    return false;
}

// "Share | Tweet | Email" is chrome when each part is.
bool isChrome(QStringView line, const QList<Pattern>& list) {
    static const QString separators = QStringLiteral("|\u00B7\u2022");
    QList<QStringView> parts;
    int from = 0;
    for (int i = 0; i <= line.size(); ++i) {
        if (i == line.size() || separators.contains(line[i])) {
            parts.append(line.mid(from, i - from));
            from = i + 1;
        }
    }
    int matched = 0;
    for (QStringView part : std::as_const(parts)) {
        const QString normalized = normalizeForComparison(part);
        if (normalized.isEmpty())
            continue;
        if (!matchesPattern(normalized, list))
            return false;
        ++matched;
    }
    return matched > 0;
}

} // namespace

// A paragraph pasted twice stands in one section: the repeat is an error, removed by
// the safe fixes. Reference pages repeat on purpose across sections ("See History."
// under two glossary entries) and phrase their entries alike: an exact repeat under
// another heading, or one in a list, is a warning without a safe fix, and near repeats
// count only within a section and outside lists. An entry of a definition list ("Term"
// and ": its definition" on the next line, as Hugo's Markdown reads them) is a section
// of its own: an FAQ gives the same advice under two questions.
void checkDuplicates(Sink& sink) {
    if (!sink.enabled("duplicate-paragraph"))
        return;
    const FieldText& f = sink.field();
    const QList<Block>& blocks = f.scan.blocks;
    QList<Fingerprint> seen;
    QList<int> seenSection;
    QHash<QString, int> exact; // normalized text -> index in seen
    // (section, shingle) -> the paragraphs in seen outside lists that have it, the first
    // kCommonShingle of them.
    QHash<std::pair<int, size_t>, QList<int>> postings;
    constexpr qsizetype kCommonShingle = 32;
    static const QRegularExpression definition(QStringLiteral("\\n[ \\t]{0,3}:[ \\t]"));
    // The blocks of a definition's entry are the term's paragraph and what is indented
    // under it; the first block at the margin after them is outside the list again.
    auto indented = [&](const Block& block) {
        const qsizetype lineStart =
            block.start == 0 ? 0 : f.text.lastIndexOf(QLatin1Char('\n'), block.start - 1) + 1;
        return lineStart < f.text.size() && (f.text.at(lineStart) == QLatin1Char(' ') ||
                                             f.text.at(lineStart) == QLatin1Char('\t'));
    };
    int section = 0;
    int sections = 0;
    int outside = 0; // the section around a definition list
    bool inDefinition = false;
    for (int b = 0; b < blocks.size(); ++b) {
        const Block& block = blocks[b];
        if (block.kind == Block::Kind::Heading) {
            section = outside = ++sections;
            inDefinition = false;
        } else if (block.kind == Block::Kind::Paragraph && !block.inList &&
                   f.text.mid(block.start, block.end - block.start).contains(definition)) {
            section = ++sections;
            inDefinition = true;
        } else if (inDefinition && !indented(block)) {
            section = outside;
            inDefinition = false;
        }
        if (block.kind != Block::Kind::Paragraph)
            continue;
        // A lead-in ("Hugo renders the above to:", "To install it:") says the same
        // before different code, tables or lists.
        if (b + 1 < blocks.size() && !block.inList &&
            (blocks[b + 1].kind == Block::Kind::Code || blocks[b + 1].kind == Block::Kind::Table ||
             blocks[b + 1].kind == Block::Kind::Html || blocks[b + 1].inList))
            continue;
        Fingerprint fp = fingerprint(block.prose + QLatin1Char(' ') + block.code, f.cjk);
        fp.block = b;
        if (!longEnough(fp, f.cjk))
            continue;
        if (const auto it = exact.constFind(fp.normalized); it != exact.constEnd()) {
            const Block& first = blocks[seen[it.value()].block];
            const bool pasted =
                seenSection[it.value()] == section && !block.inList && !first.inList;
            Finding& finding =
                sink.add("duplicate-paragraph", pasted ? Severity::Error : Severity::Warning,
                         block.start, block.end,
                         Checks::tr("This paragraph repeats the one at line %1")
                             .arg(f.lines.at(first.start).line));
            finding.fix =
                Fix{Checks::tr("Remove the repeated paragraph"), {sink.removeBlock(block)}};
            finding.safeFix = pasted;
            continue;
        }
        // Near repeats: the paragraphs of the section outside lists that share one of
        // this one's shingles, looked up by shingle (comparing with every paragraph was
        // quadratic: 6,000 paragraphs took 16 s). A shingle most of them share ("of
        // the") finds none: it says nothing of a repeat.
        bool near = false;
        if (!block.inList) {
            QList<int> candidates;
            for (const size_t shingle : fp.shingles) {
                if (const auto it = postings.constFind({section, shingle});
                    it != postings.constEnd())
                    candidates.append(*it);
            }
            std::sort(candidates.begin(), candidates.end());
            candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
            for (const int k : std::as_const(candidates)) {
                const Fingerprint& other = seen[k];
                if (similarity(fp.shingles, other.shingles) < kNearDuplicate)
                    continue;
                const Block& first = blocks[other.block];
                Finding& finding =
                    sink.add("duplicate-paragraph", Severity::Warning, block.start, block.end,
                             Checks::tr("This paragraph is almost the same as the one at line %1")
                                 .arg(f.lines.at(first.start).line));
                finding.fix = Fix{Checks::tr("Remove this version of the paragraph"),
                                  {sink.removeBlock(block)}};
                near = true;
                break;
            }
        }
        if (near)
            continue;
        if (!block.inList) {
            for (const size_t shingle : fp.shingles) {
                QList<int>& posting = postings[{section, shingle}];
                if (posting.size() < kCommonShingle)
                    posting.append(int(seen.size()));
            }
        }
        exact.insert(fp.normalized, int(seen.size()));
        seen.append(std::move(fp));
        seenSection.append(section);
    }
}

void checkSummaryRepeated(Sink& bodySink, const FieldText& summary) {
    if (!bodySink.enabled("duplicate-paragraph") || summary.scan.blocks.isEmpty())
        return;
    const FieldText& f = bodySink.field();
    const Fingerprint s = fingerprint(summary.scan.blocks.front().prose, f.cjk);
    if (!longEnough(s, f.cjk))
        return;
    for (const Block& block : f.scan.blocks) {
        if (block.kind != Block::Kind::Paragraph)
            continue;
        const Fingerprint fp = fingerprint(block.prose, f.cjk);
        if (fp.normalized == s.normalized ||
            similarity(fp.shingles, s.shingles) >= kNearDuplicate) {
            Finding& finding =
                bodySink.add("duplicate-paragraph", Severity::Warning, block.start, block.end,
                             Checks::tr("This paragraph repeats the summary"));
            finding.fix = Fix{Checks::tr("Remove the paragraph"), {bodySink.removeBlock(block)}};
        }
    }
}

void checkBoilerplate(Sink& sink) {
    const FieldText& f = sink.field();
    const bool chrome = sink.enabled("boilerplate");
    const bool punctuation = sink.enabled("punctuation-line");
    if (!chrome && !punctuation)
        return;
    const QList<Pattern> list = patterns(sink.context().boilerplate);
    for (const Block& block : f.scan.blocks) {
        if (block.kind != Block::Kind::Paragraph && block.kind != Block::Kind::Heading)
            continue;
        const QString& p = block.prose;
        const bool single = !p.contains(QLatin1Char('\n'));
        int from = 0;
        while (from <= p.size()) {
            int to = int(p.indexOf(QLatin1Char('\n'), from));
            if (to < 0)
                to = int(p.size());
            const QStringView line = QStringView(p).mid(from, to - from);
            int letters = 0, marks = 0, masked = 0;
            for (QChar c : line) {
                if (c.isLetterOrNumber())
                    ++letters;
                else if (c == kMask)
                    ++masked;
                else if (isPunctuationOrSymbol(c))
                    ++marks;
            }
            const QString id = chrome && letters > 0 && isChrome(line, list)
                                   ? QStringLiteral("boilerplate")
                               : punctuation && letters == 0 && masked == 0 && marks > 0 &&
                                       block.kind == Block::Kind::Paragraph
                                   ? QStringLiteral("punctuation-line")
                                   : QString();
            if (!id.isEmpty()) {
                int start = block.start + from;
                while (start < block.start + to && f.text[start].isSpace())
                    ++start;
                const bool isChromeLine = id == QLatin1String("boilerplate");
                Finding& finding = sink.add(
                    isChromeLine ? "boilerplate" : "punctuation-line", Severity::Warning, start,
                    block.start + to,
                    isChromeLine ? Checks::tr("Left-over web or e-mail text: “%1”")
                                       .arg(shorten(f.text.mid(start, block.start + to - start)))
                                 : Checks::tr("A line of punctuation only"));
                const TextEdit edit =
                    single ? sink.removeBlock(block)
                           : TextEdit{f.lines.lineStart(start),
                                      f.lines.nextLineStart(start) - f.lines.lineStart(start),
                                      QString()};
                finding.fix = Fix{Checks::tr("Remove the line"), {edit}};
                finding.safeFix = true;
            }
            from = to + 1;
        }
    }
}

void checkLinksAndHeadings(Sink& sink) {
    if (!sink.enabledAny({"tables-as-text", "image-alt", "link-text", "heading-level"}))
        return;
    const FieldText& f = sink.field();
    // What render says of the same text: the preview and the export show its tables as
    // text (see markdown::kMaxTableCells).
    if (const auto [line, cells] = f.scan.tablesAsText;
        line != 0 && sink.enabled("tables-as-text")) {
        int start = 0;
        for (int n = 1; n < line && start >= 0; ++n)
            start = int(f.text.indexOf(QLatin1Char('\n'), start)) + 1;
        start = qBound(0, start, int(f.text.size()));
        sink.add("tables-as-text", Severity::Info, start,
                 std::max(start, f.lines.nextLineStart(start) - 1),
                 markdown::tablesAsTextNotice(line, cells));
    }
    static const QSet<QString> vague{
        QStringLiteral("here"),
        QStringLiteral("click here"),
        QStringLiteral("this link"),
        QStringLiteral("link"),
        QStringLiteral("ici"),
        QStringLiteral("cliquez ici"),
        QStringLiteral("lien"),
        QStringLiteral("aquí"),
        QStringLiteral("haga clic aquí"),
        QStringLiteral("pulse aquí"),
        QStringLiteral("haz clic aquí"),
        QStringLiteral("enlace"),
        QStringLiteral("هنا"),
        QStringLiteral("اضغط هنا"),
        QStringLiteral("انقر هنا"),
        QStringLiteral("здесь"),
        QStringLiteral("тут"),
        QStringLiteral("нажмите здесь"),
        QStringLiteral("ссылка"),
        QStringLiteral("这里"),
        QStringLiteral("点击这里"),
        QStringLiteral("此处"),
        QStringLiteral("点击此处"),
    };
    for (const Link& link : f.scan.links) {
        if (link.autolink)
            continue;
        if (link.image) {
            if (!sink.enabled("image-alt") || !link.text.trimmed().isEmpty())
                continue;
            if (link.url.startsWith(QLatin1String("media:")) && sink.context().altText) {
                const auto alt = sink.context().altText(link.url.mid(6), f.language);
                if (alt && !alt->trimmed().isEmpty())
                    continue;
            }
            sink.add("image-alt", Severity::Warning, link.start, link.end,
                     Checks::tr("Image without alternative text"));
            continue;
        }
        if (sink.enabled("link-text") && vague.contains(normalizeForComparison(link.text))) {
            sink.add("link-text", Severity::Warning, link.start, link.end,
                     Checks::tr("Link text “%1” says nothing about where it leads")
                         .arg(link.text.simplified()));
        }
    }
    if (sink.enabled("heading-level")) {
        int previous = 1; // the title is the page's first-level heading
        for (const Block& block : f.scan.blocks) {
            if (block.kind != Block::Kind::Heading)
                continue;
            if (block.headingLevel > previous + 1) {
                sink.add("heading-level", Severity::Warning, block.start, block.end,
                         Checks::tr("Heading level %1 follows level %2; a level is skipped")
                             .arg(block.headingLevel)
                             .arg(previous));
            }
            previous = block.headingLevel;
        }
    }
}

} // namespace copydesk::checks::detail
