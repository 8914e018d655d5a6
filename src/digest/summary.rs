//! Extractive summaries: the sentences that carry an article's key terms,
//! entities and figures.
//!
//! 1. **Eligible sentences** ([`eligible`]): headings (`#` lines and the
//!    layout's titles, kickers, subtitles, section headings), bylines,
//!    photo captions and short lines without a full stop are never picked.
//! 2. **Base score**: the sum of the article's keyword weights over the
//!    distinct candidate terms of the sentence, divided by the square root of
//!    its number of candidate tokens (so a long sentence does not win by
//!    length alone) and normalized to the article's best; plus a bonus per
//!    entity mention and per figure (up to three each) and a lead bonus for
//!    the first two eligible sentences (news puts the gist first).
//! 3. **Centrality**: a TextRank over the [`CANDIDATES`] best sentences by
//!    base score, with TextRank's overlap similarity
//!    `|Si ∩ Sj| / (ln|Si| + ln|Sj|)`. Bounding the graph keeps a 1 MB
//!    article linear: scoring is one pass over the tokens, the graph is at
//!    most `CANDIDATES²` pairs.
//! 4. **Choice**: best final score first, skipping a sentence that repeats
//!    most terms of one already chosen; output in text order.
//!
//! The page summary reuses each article's candidates, scored against the
//! page keywords, and takes at most one sentence per article until every
//! article has had its turn.

use rustc_hash::FxHashSet;

use super::keywords::{pagerank, Ranked, Vocab};
use super::DigestInput;
use crate::layout::{Article, Sentence, SentenceKind};
use crate::lexicon::Lexicon;
use crate::offsets::Span;

/// Sentences that enter the TextRank graph of one summary.
pub const CANDIDATES: usize = 30;

/// Share of the base score in the final score (the rest is centrality).
const BASE_SHARE: f64 = 0.75;

/// Bonus per entity mention (up to three).
const ENTITY_BONUS: f64 = 0.08;
/// Bonus per figure (up to three).
const FIGURE_BONUS: f64 = 0.1;
/// Bonus of the first and second eligible sentence of an article.
const LEAD_BONUS: [f64; 2] = [0.2, 0.1];

/// Penalty of a sentence without a final stop (a column or page break cut it).
const FRAGMENT_PENALTY: f64 = 0.15;
/// Sentences with fewer ideographs than this get [`SHORT_PENALTY`].
const SHORT: usize = 15;
/// Penalty of a short sentence.
const SHORT_PENALTY: f64 = 0.1;

/// Share of a chosen sentence's terms that makes a new sentence redundant.
const REDUNDANT: f64 = 0.7;

/// Per-sentence evidence from the entity and figure stages, and which
/// sentences continue a line a column break cut elsewhere on the page.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    /// Entity mentions per sentence.
    entities: Vec<u16>,
    /// Figures per sentence.
    figures: Vec<u16>,
    /// Per sentence: true when it continues a cut line (see [`continuations`]).
    continues: Vec<bool>,
}

impl Evidence {
    /// Counts mentions and figures per sentence and finds the continuations
    /// of cut lines (`lexicon` tells words).
    pub fn new(input: DigestInput<'_>, lexicon: &Lexicon) -> Evidence {
        let n = input.layout.sentences.len();
        let mut ev = Evidence {
            entities: vec![0; n],
            figures: vec![0; n],
            continues: continuations(input, lexicon),
        };
        for m in input.mentions {
            if let Some(i) = input.layout.sentence_at(m.start) {
                ev.entities[i] = ev.entities[i].saturating_add(1);
            }
        }
        for f in input.figures {
            if let Some(i) = f.sentence.map(|i| i as usize).filter(|&i| i < n) {
                ev.figures[i] = ev.figures[i].saturating_add(1);
            }
        }
        ev
    }

    /// True when sentence `i` continues a line a column break cut elsewhere.
    pub fn continues(&self, i: usize) -> bool {
        self.continues.get(i).copied().unwrap_or(false)
    }

    fn bonus(&self, sentence: usize) -> f64 {
        ENTITY_BONUS * f64::from(self.entities[sentence].min(3))
            + FIGURE_BONUS * f64::from(self.figures[sentence].min(3))
    }
}

/// True when `span` covers at least half of `sentence`.
fn covers(span: Span, sentence: Span) -> bool {
    let lo = span.start.max(sentence.start);
    let hi = span.end.min(sentence.end);
    hi > lo && 2 * (hi - lo) >= sentence.len()
}

/// True when the layout found a headline, kicker, subtitle, section heading
/// or byline covering most of `span`.
fn heading_or_byline(span: Span, article: &Article) -> bool {
    let headings = article
        .title
        .iter()
        .chain(&article.kicker)
        .chain(&article.subtitle)
        .chain(&article.headings);
    headings.into_iter().any(|h| covers(h.span, span))
        || article.bylines.iter().any(|b| covers(b.span, span))
}

/// Openings of a byline line (`本报记者 X`, `通讯员 X`, `文/图 X`, ...).
const BYLINE_OPENINGS: &[&str] = &[
    "本报记者",
    "记者",
    "通讯员",
    "本报讯",
    "本报通讯员",
    "特约记者",
    "实习生",
    "文/图",
    "图/文",
    "文图",
    "文 /图",
    "图片",
    "责任编辑",
    "编辑",
];

/// True when the sentence `s` (clean text, with its original `span`) of
/// `article` may stand in a summary.
pub fn eligible(s: &str, span: Span, article: &Article) -> bool {
    let s = s.trim();
    if s.starts_with('#') {
        return false;
    }
    if heading_or_byline(span, article) {
        return false;
    }
    let chars = s.chars().count();
    let cjk = s.chars().filter(|&c| super::is_ideograph(c)).count();
    if cjk < 8 {
        return false;
    }
    let has_comma = s.contains(['，', ',', '：', ':']);
    let marker = s.starts_with(['■', '●', '▲', '□', '◆', '★', '△']);
    let byline = BYLINE_OPENINGS.iter().any(|o| s.starts_with(o));
    if (marker || byline) && !has_comma && chars < 30 {
        return false;
    }
    // Photo captions: a parenthesized line, or one ending in 摄).
    if (s.starts_with(['（', '(']) && s.ends_with(['）', ')']))
        || s.ends_with("摄）")
        || s.ends_with("摄)")
    {
        return false;
    }
    let stop = complete(s);
    if !stop && CREDITS.iter().any(|c| s.ends_with(c)) {
        return false;
    }
    stop || cjk >= 20
}

/// Endings of a page footer or sponsor line (`XX办公室 主办`).
const CREDITS: &[&str] = &["主办", "协办", "承办", "供稿", "出品", "联办"];

/// True when `s` ends like a full sentence (not cut by a column or page break).
fn complete(s: &str) -> bool {
    s.trim_end().ends_with([
        '。', '！', '？', '；', '!', '?', ';', '…', '”', '」', '"', '）', ')',
    ])
}

/// True when body sentence `i` reads as a whole sentence, not a piece the
/// page's columns cut or mixed (see [`cut_short`], [`starts_mid_phrase`] and
/// [`interleaved`]). A summary never picks one that is not.
pub fn whole(input: DigestInput<'_>, i: usize) -> bool {
    let sentences = &input.layout.sentences;
    let st = &input.cleaned.text[sentences[i].clean.clone()];
    !cut_short(st) && !starts_mid_phrase(input, i) && !interleaved(input, i)
}

/// True when `s` stops without a final stop: a column or page break cut it
/// (`…用革命先烈和时代楷模的真实故`).
pub fn cut_short(s: &str) -> bool {
    !complete(s)
}

/// True when body sentence `i` continues the body sentence before it, which
/// a column break cut (a long line without a final stop): it starts mid-phrase
/// (`事，阐释了…` after `…的真实故`, `用地、维护…` after `成立专班。为深`). A
/// short line of its own without a stop before it is more likely a heading
/// and does not count.
pub fn starts_mid_phrase(input: DigestInput<'_>, i: usize) -> bool {
    let sentences = &input.layout.sentences;
    let Some(prev) = i.checked_sub(1).map(|p| &sentences[p]) else {
        return false;
    };
    let s = &sentences[i];
    if prev.article != s.article || prev.kind != SentenceKind::Body {
        return false;
    }
    let text = &input.cleaned.text;
    let p = &text[prev.clean.clone()];
    if complete(p) {
        return false;
    }
    // The tail of a line (`成立专班。为深`) was cut, whatever its length.
    let own_line = text[..prev.clean.start]
        .trim_end_matches([' ', '\t'])
        .ends_with('\n')
        || text[..prev.clean.start].trim().is_empty();
    let cjk = p.chars().filter(|&c| super::is_ideograph(c)).count();
    cjk >= SHORT || !own_line
}

/// Per sentence of the page: true when it opens a line with the rest of a
/// word a column break cut at the end of another line, anywhere on the page
/// (OCR reads the columns out of order): a line ends `…做` or `…为深`
/// without a final stop, and a line starts `好违法用地…` or `入贯彻落实…`,
/// where `做好` and `深入` are words of the dictionary while the line's
/// first character stands alone as a token (and is not a preposition,
/// conjunction, adverb or pronoun, which open sentences: 为, 在). Such a
/// sentence starts mid-phrase and is never picked for a summary.
pub fn continuations(input: DigestInput<'_>, lexicon: &Lexicon) -> Vec<bool> {
    let text = input.cleaned.text.as_str();
    let sentences = &input.layout.sentences;
    let starts_line = |s: &Sentence| {
        let before = text[..s.clean.start].trim_end_matches([' ', '\t', '\u{3000}']);
        before.is_empty() || before.ends_with('\n')
    };
    // The last ideograph of every body line cut without a final stop.
    let mut tails: Vec<char> = sentences
        .iter()
        .filter(|s| s.kind == SentenceKind::Body)
        .filter_map(|s| {
            let st = text[s.clean.clone()].trim_end();
            let last = st.chars().next_back()?;
            let ends_line = text[s.clean.end..]
                .trim_start_matches([' ', '\t', '\u{3000}'])
                .starts_with('\n');
            (ends_line && !complete(st) && super::is_ideograph(last)).then_some(last)
        })
        .collect();
    tails.sort_unstable();
    tails.dedup();
    let mut out = vec![false; sentences.len()];
    if tails.is_empty() {
        return out;
    }
    for (i, s) in sentences.iter().enumerate() {
        if s.kind != SentenceKind::Body || !starts_line(s) {
            continue;
        }
        let st = &text[s.clean.clone()];
        let Some(first) = st.chars().next().filter(|&c| super::is_ideograph(c)) else {
            continue;
        };
        // The first character must stand alone as jieba's first token, and
        // not be a word that opens sentences (为, 在, 但, 他: p, c, d, r).
        let k = input
            .tokens
            .partition_point(|t| (t.start as usize) < s.clean.start);
        let alone = input.tokens.get(k).is_some_and(|t| {
            t.start as usize == s.clean.start
                && (t.end - t.start) as usize == first.len_utf8()
                && !matches!(t.pos, "p" | "c" | "d" | "r")
        });
        if !alone {
            continue;
        }
        let mut word = String::with_capacity(8);
        out[i] = tails.iter().any(|&c| {
            word.clear();
            word.push(c);
            word.push(first);
            lexicon
                .freqs()
                .get(&word)
                .is_some_and(|f| f >= CONTINUATION_FREQ)
        });
    }
    out
}

/// Dictionary frequency a glued two-character word needs (jieba's counts):
/// common words such as 深入, 做好 and 故事 are in the thousands.
const CONTINUATION_FREQ: u32 = 500;

/// Characters after `N月` that keep a date whole (`6月份`, `6月底`, `6月中旬`).
const MONTH_NEXT: &[char] = &[
    '份', '底', '初', '中', '末', '上', '下', '起', '至', '到', '以', '前', '后', '里', '间',
];

/// True when sentence `i` mixes two columns, as OCR does when it reads a
/// line across them: a date is cut in two by the other column's words, the
/// cleaner having removed a gap after its month and another before its day
/// (`6月 品安全宣传资料，以及遮阳帽 10日，以…`).
pub fn interleaved(input: DigestInput<'_>, i: usize) -> bool {
    let cleaned = input.cleaned;
    let range = input.layout.sentences[i].clean.clone();
    let st = &cleaned.text[range.clone()];
    let bytes = st.as_bytes();
    for (k, _) in st.match_indices('月') {
        if k == 0 || !bytes[k - 1].is_ascii_digit() {
            continue;
        }
        let after = k + '月'.len_utf8();
        let Some(next) = st[after..].chars().next() else {
            continue;
        };
        if !super::is_ideograph(next)
            || MONTH_NEXT.contains(&next)
            || !cleaned.gap_before(range.start + after)
        {
            continue;
        }
        // The day after another gap: digits, then 日 or 号.
        let day = st[after..].char_indices().any(|(j, c)| {
            let at = after + j;
            c.is_ascii_digit()
                && !bytes[at - 1].is_ascii_digit()
                && cleaned.gap_before(range.start + at)
                && st[at..]
                    .trim_start_matches(|d: char| d.is_ascii_digit())
                    .starts_with(['日', '号'])
        });
        if day {
            return true;
        }
    }
    false
}

/// Score adjustment for the shape of sentence `s`: a fragment without a
/// final stop or a very short sentence says less.
fn shape_penalty(s: &str) -> f64 {
    let cjk = s.chars().filter(|&c| super::is_ideograph(c)).count();
    let mut p = 0.0;
    if !complete(s) {
        p += FRAGMENT_PENALTY;
    }
    if cjk < SHORT {
        p += SHORT_PENALTY;
    }
    p
}

/// A sentence that may enter a summary.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Index into the layout's sentences.
    pub sentence: usize,
    /// Its article.
    pub article: u32,
    /// Distinct candidate term ids, sorted.
    terms: Vec<u32>,
    /// Candidate tokens (with repeats).
    tokens: usize,
    /// Entity, figure and lead bonus.
    bonus: f64,
}

impl Candidate {
    /// Keyword score against `ranked`: summed weights over √tokens.
    fn keyword_score(&self, ranked: &Ranked) -> f64 {
        let sum: f64 = self.terms.iter().map(|&t| ranked.weight(t)).sum();
        sum / (self.tokens.max(4) as f64).sqrt()
    }
}

/// The eligible sentences of `article` with their terms.
pub fn candidates(
    input: DigestInput<'_>,
    vocab: &Vocab<'_>,
    evidence: &Evidence,
    article: &Article,
) -> Vec<Candidate> {
    let text = input.cleaned.text.as_str();
    let sentences: &[Sentence] = &input.layout.sentences;
    let (first, last) = (article.sentences[0] as usize, article.sentences[1] as usize);
    let mut out = Vec::new();
    let mut ordinal = 0;
    for (i, s) in sentences.iter().enumerate().take(last).skip(first) {
        let st = &text[s.clean.clone()];
        if !eligible(st, s.span, article) || !whole(input, i) || evidence.continues(i) {
            continue;
        }
        let lo = input
            .tokens
            .partition_point(|t| (t.start as usize) < s.clean.start);
        let hi = input
            .tokens
            .partition_point(|t| (t.start as usize) < s.clean.end);
        let mut terms: Vec<u32> = vocab.ids(lo..hi).collect();
        let tokens = terms.len();
        terms.sort_unstable();
        terms.dedup();
        let lead = LEAD_BONUS.get(ordinal).copied().unwrap_or(0.0);
        ordinal += 1;
        out.push(Candidate {
            sentence: i,
            article: s.article,
            terms,
            tokens,
            bonus: evidence.bonus(i) + lead - shape_penalty(st),
        });
    }
    out
}

/// Number of terms two sorted lists share.
fn common(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Orders `cands` by final score (base and bounded TextRank), best first.
fn order(mut cands: Vec<Candidate>, ranked: &Ranked) -> Vec<(f64, Candidate)> {
    let kw: Vec<f64> = cands.iter().map(|c| c.keyword_score(ranked)).collect();
    let max_kw = kw.iter().copied().fold(f64::MIN_POSITIVE, f64::max);
    let mut base: Vec<(f64, usize)> = kw
        .iter()
        .zip(&cands)
        .enumerate()
        .map(|(i, (k, c))| ((k / max_kw + c.bonus).max(0.0), i))
        .collect();
    base.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    // The graph takes the best CANDIDATES sentences that are not
    // near-repeats of one already taken (a long text repeats itself).
    let mut kept: Vec<(f64, usize)> = Vec::with_capacity(CANDIDATES);
    for (score, i) in base {
        if kept.len() == CANDIDATES {
            break;
        }
        if !kept
            .iter()
            .any(|&(_, k)| similar(&cands[i].terms, &cands[k].terms))
        {
            kept.push((score, i));
        }
    }
    let base = kept;
    let n = base.len();
    let log_len: Vec<f64> = base
        .iter()
        .map(|&(_, i)| ((cands[i].terms.len() + 1) as f64).ln())
        .collect();
    let mut edges = Vec::new();
    for x in 0..n {
        for y in x + 1..n {
            let (a, b) = (&cands[base[x].1], &cands[base[y].1]);
            let shared = common(&a.terms, &b.terms);
            if shared > 0 {
                let norm = log_len[x] + log_len[y];
                edges.push((x as u32, y as u32, shared as f64 / norm.max(1.0)));
            }
        }
    }
    let rank = pagerank(n, &edges);
    let max_rank = rank.iter().copied().fold(f64::MIN_POSITIVE, f64::max);
    let max_base = base.first().map_or(1.0, |b| b.0.max(f64::MIN_POSITIVE));
    let mut scored: Vec<(f64, usize)> = base
        .iter()
        .zip(&rank)
        .map(|(&(b, i), &r)| {
            (
                BASE_SHARE * b / max_base + (1.0 - BASE_SHARE) * r / max_rank,
                i,
            )
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut slots: Vec<Option<Candidate>> = cands.drain(..).map(Some).collect();
    scored
        .into_iter()
        .filter_map(|(s, i)| slots[i].take().map(|c| (s, c)))
        .collect()
}

/// True when two sentences share most terms of the smaller one.
fn similar(a: &[u32], b: &[u32]) -> bool {
    let small = a.len().min(b.len());
    small >= 2 && common(a, b) as f64 >= REDUNDANT * small as f64
}

/// True when `c` repeats most terms of a chosen sentence.
fn redundant(c: &Candidate, chosen: &[Candidate]) -> bool {
    chosen.iter().any(|p| similar(&c.terms, &p.terms))
}

/// Picks `n` of the ordered candidates, skipping redundant ones; with
/// `one_per_article`, a second sentence of an article waits until every
/// article that has candidates got one. Returns them in text order.
fn choose(ordered: Vec<(f64, Candidate)>, n: usize, one_per_article: bool) -> Vec<Candidate> {
    let mut chosen: Vec<Candidate> = Vec::new();
    let mut rest = Vec::new();
    let mut seen: FxHashSet<u32> = FxHashSet::default();
    for (_, c) in ordered {
        if chosen.len() >= n {
            break;
        }
        if redundant(&c, &chosen) {
            continue;
        }
        if one_per_article && !seen.insert(c.article) {
            rest.push(c);
            continue;
        }
        chosen.push(c);
    }
    for c in rest {
        if chosen.len() >= n {
            break;
        }
        if !redundant(&c, &chosen) {
            chosen.push(c);
        }
    }
    chosen.sort_unstable_by_key(|c| c.sentence);
    chosen
}

/// Sentence indices of chosen candidates.
pub fn indices(chosen: &[Candidate]) -> Vec<u32> {
    chosen.iter().map(|c| c.sentence as u32).collect()
}

/// The summary of one article: up to `n` chosen sentences, in text order.
/// Empty when no sentence is eligible (see [`fallback`]).
pub fn article_summary(
    input: DigestInput<'_>,
    vocab: &Vocab<'_>,
    evidence: &Evidence,
    article: &Article,
    ranked: &Ranked,
    n: usize,
) -> Vec<Candidate> {
    if n == 0 {
        return Vec::new();
    }
    let cands = candidates(input, vocab, evidence, article);
    choose(order(cands, ranked), n, false)
}

/// The stand-in summary of an article without eligible sentences: its first
/// sentence that is not a heading or byline, else its first sentence, if any.
pub fn fallback(input: DigestInput<'_>, article: &Article) -> Vec<u32> {
    let text = input.cleaned.text.as_str();
    let (first, last) = (article.sentences[0] as usize, article.sentences[1] as usize);
    let sentences = &input.layout.sentences[first..last];
    let body = |s: &Sentence| {
        !text[s.clean.clone()].starts_with('#') && !heading_or_byline(s.span, article)
    };
    // A whole sentence first, else any body sentence, else the first one.
    let pick = (first..last)
        .find(|&i| body(&input.layout.sentences[i]) && whole(input, i))
        .map(|i| i - first)
        .or_else(|| sentences.iter().position(body))
        .or((!sentences.is_empty()).then_some(0));
    pick.map(|i| (first + i) as u32).into_iter().collect()
}

/// The page summary: up to `n` of the articles' summary sentences
/// (`pool`), scored against the page keywords, at most one per article
/// until every article had a turn. Text order.
pub fn page_summary(pool: Vec<Candidate>, ranked: &Ranked, n: usize) -> Vec<u32> {
    if n == 0 {
        return Vec::new();
    }
    indices(&choose(order(pool, ranked), n, true))
}
