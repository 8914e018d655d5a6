//! Subjects: the phrase a figure measures.
//!
//! Three readings, by the figure's kind:
//! 1. a quantifier's noun phrase right after it (`30多名党员和志愿者连夜…`
//!    → 党员和志愿者; `3亿元的销售目标` → 销售目标): jieba tokens tagged as
//!    nouns, joined by 、/和/及/与, quotes and brackets;
//! 2. otherwise the clause before the figure (`整改率为98%` → 整改率);
//! 3. for a date or a time, the clause it opens: what happened then.
//!
//! A subject reads as a phrase or is left empty: it never crosses the
//! figure's sentence or a clause break (a date's own comma aside), never
//! starts or ends with a function word or a time word (jieba's tags: a
//! preposition, conjunction, particle, adverb, pronoun, time or place word,
//! numeral or measure word), never reaches back over a person's name (the
//! actor, not what is measured) and keeps at least two characters.
//!
//! [`respectively`] pairs the figures of a 分别 list with the items of the
//! list before it.

use std::ops::Range;

use super::scan::RawFigure;
use super::units::BOUND_VERBS;
use super::FigureKind;
use crate::lexicon::Token;
use crate::text::is_ideograph;

/// What a subject is read from.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    /// The clean text.
    pub text: &'a str,
    /// jieba's tokens, in text order (may be empty).
    pub tokens: &'a [Token],
    /// Clean byte ranges of person names, in text order.
    pub persons: &'a [Range<usize>],
}

/// Characters that end a clause.
pub(super) fn clause_break(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '！' | '？' | ',' | ';' | ':' | '：' | '!' | '?' | '\n' | '…' | '—'
    )
}

/// Characters kept from a long clause before a figure.
const MAX_PRECEDING: usize = 12;

/// The byte length of a word `s` ends with that a subject does not end
/// with, when something stays before it.
fn trailing_suffix(s: &str) -> Option<usize> {
    TRAILING
        .iter()
        .chain(BOUND_VERBS)
        .find(|w| s.ends_with(**w) && s.len() > w.len())
        .map(|w| w.len())
}

/// A word a subject does not end with.
fn trailing(w: &str) -> bool {
    TRAILING.contains(&w) || BOUND_VERBS.contains(&w)
}
/// Characters kept from the clause after a date.
const MAX_AFTER: usize = 40;

/// Words dropped at the start of a clause before a figure when no tags
/// are at hand (the tags find these and more).
const LEADING: &[&str] = &[
    "共计", "共有", "共", "在", "对", "向", "给", "从", "由", "把", "将", "并且", "并", "其中",
    "同时", "先后", "另有", "还有", "已经", "已", "又", "是", "为",
];
/// Words dropped at the end of a clause before a figure: copulas (达到
/// 98%) and, with [`BOUND_VERBS`], the verbs that bound a number (超过
/// 300人).
const TRAILING: &[&str] = &[
    "约为",
    "分别为",
    "分别是",
    "分别",
    "达到了",
    "达到",
    "达",
    "为",
    "是",
    "有",
    "了",
    "共计",
    "共",
    "合计",
    "累计",
    "约",
    "近",
    "逾",
    "上",
    "已经",
    "已",
    "总计",
    "总数",
    "过",
    "或",
    "或超",
    "的",
    "小于",
    "大于",
    "低于",
    "高于",
    "等于",
    "多于",
    "少于",
];

fn nounish(pos: &str) -> bool {
    pos.starts_with('n') || matches!(pos, "vn" | "j" | "b" | "eng" | "nz" | "an")
}

/// A token that cannot open or close a subject: a preposition,
/// conjunction, particle, adverb, pronoun, time or place word, numeral,
/// measure word, interjection, or punctuation.
pub(super) fn function_token(text: &str, t: &Token) -> bool {
    let p = t.pos;
    p.starts_with('u')
        || matches!(
            p,
            "p" | "c" | "d" | "r" | "t" | "tg" | "f" | "m" | "mq" | "q" | "y" | "e" | "o" | "zg"
        )
        || (p == "x" && !text[t.range()].chars().any(is_ideograph))
}

/// Whether the quote or bracket `m` has its partner among `toks` (a
/// straight quote: an even count).
fn paired(text: &str, toks: &[Token], m: &str) -> bool {
    let partner = match m {
        "(" => ")",
        ")" => "(",
        "（" => "）",
        "）" => "（",
        "“" => "”",
        "”" => "“",
        "《" => "》",
        "》" => "《",
        _ => m,
    };
    let count = |w: &str| toks.iter().filter(|t| &text[t.range()] == w).count();
    if partner == m {
        count(m) % 2 == 0
    } else {
        count(partner) > 0
    }
}

/// A quote or bracket: [`balance`] decides whether it stays.
fn mark(w: &str) -> bool {
    w.chars().all(|c| "\"“”‘’'()（）《》「」".contains(c))
}

/// Nouns of time that frame a date rather than tell what happened
/// (中午时分, 当天上午); skipped after a date like the tagged time words.
const TIME_NOUNS: &[&str] = &[
    "时", "时分", "时许", "时候", "期间", "前后", "当天", "当日", "当晚",
];

/// The subject of `r`, or `None`. `prev_end` is where the figure before
/// it ends, `next` the figure after it, `sentence` the figure's sentence
/// (clean bytes).
pub fn subject(
    ctx: &Ctx,
    r: &RawFigure,
    prev_end: usize,
    next: Option<&RawFigure>,
    sentence: Range<usize>,
) -> Option<String> {
    let floor = prev_end.max(sentence.start).min(r.start);
    let next_start = next.map_or(ctx.text.len(), |n| n.start);
    let limit = next_start.min(sentence.end).max(r.end);
    let period = matches!(r.value, super::FigureValue::DateRange(_));
    if matches!(r.kind, FigureKind::Date | FigureKind::Time) || period {
        // A date heads its clause: what happened then follows it, figures
        // in it included (6月8日，二期项目开工); a time right after the date
        // is part of the moment (1月31日早上8点半|出发).
        let from = match next {
            Some(n) if n.kind == FigureKind::Time && n.start >= r.end => {
                let gap = &ctx.text[r.end..n.start];
                let close = gap.chars().count() <= 3 && !gap.contains(clause_break);
                if close {
                    n.end
                } else {
                    r.end
                }
            }
            _ => r.end,
        };
        return after_clause(ctx, from, sentence.end.max(from));
    }
    if ctx.text[floor..r.start].ends_with(['(', '（']) {
        return bracketed(ctx, r.start, floor);
    }
    following(ctx, r.end, limit)
        .or_else(|| attributive(ctx, r.end, limit))
        .or_else(|| preceding(ctx, r.start, floor))
}

/// A figure in brackets right after a noun (`北京市(267%)`) measures that
/// noun: the nouns just before the bracket.
fn bracketed(ctx: &Ctx, at: usize, floor: usize) -> Option<String> {
    let open = at - ctx.text[..at].chars().next_back()?.len_utf8();
    let toks = tokens_in(ctx.tokens, floor, open);
    let first = toks
        .iter()
        .rposition(|t| !nounish(t.pos))
        .map_or(0, |k| k + 1);
    let nouns = &toks[first..];
    let (a, b) = (nouns.first()?.start as usize, nouns.last()?.end as usize);
    finish(ctx.text[a..b].to_string())
}

/// One-character prepositions, for a token that jieba glued to a unit.
const PREPOSITIONS: &[&str] = &["以", "由", "对", "在", "从", "向", "按", "据", "经", "为"];

/// Characters an attributive phrase may run between a figure and its 的.
const MAX_ATTRIBUTIVE: usize = 24;

/// A figure followed by a phrase that opens with a preposition and ends in
/// 的 quantifies the noun after 的: `6轮以脱贫攻坚为主要内容的村级常规巡察`
/// → 村级常规巡察.
fn attributive(ctx: &Ctx, at: usize, limit: usize) -> Option<String> {
    let k = ctx.tokens.partition_point(|t| (t.end as usize) <= at);
    let first = ctx.tokens.get(k)?;
    // jieba may glue the preposition to the measure word (轮以): read the rest.
    let opens = if (first.start as usize) < at {
        PREPOSITIONS.contains(&&ctx.text[at..first.end as usize])
    } else {
        first.start as usize == at && first.pos == "p"
    };
    if !opens {
        return None;
    }
    let clause_end = at + ctx.text[at..limit].find(clause_break).unwrap_or(limit - at);
    let de = ctx.tokens[k..]
        .iter()
        .take_while(|t| (t.end as usize) <= clause_end)
        .find(|t| &ctx.text[t.range()] == "的")?;
    if ctx.text[at..de.start as usize].chars().count() > MAX_ATTRIBUTIVE {
        return None;
    }
    following(ctx, de.end as usize, limit)
}

/// The end of the last person's name inside `[a, b)`, if any.
fn after_person(ctx: &Ctx, a: usize, b: usize) -> Option<usize> {
    ctx.persons
        .iter()
        .filter(|p| p.start >= a && p.end <= b)
        .map(|p| p.end)
        .next_back()
}

/// The tokens lying inside `[a, b)`.
pub(super) fn tokens_in(tokens: &[Token], a: usize, b: usize) -> &[Token] {
    let s = tokens.partition_point(|t| (t.start as usize) < a);
    let e = tokens.partition_point(|t| (t.end as usize) <= b);
    &tokens[s..e.max(s)]
}

/// The text of `toks` with spaces removed, trimmed of function tokens and
/// listed words at both ends; `None` when less than two characters stay.
fn trimmed(ctx: &Ctx, mut toks: &[Token]) -> Option<String> {
    let word = |t: &Token| &ctx.text[t.range()];
    loop {
        let n = toks.len();
        while let Some(t) = toks.first() {
            let keep = (mark(word(t)) && paired(ctx.text, toks, word(t))) || word(t) == "最";
            if (function_token(ctx.text, t) && !keep) || LEADING.contains(&word(t)) {
                toks = &toks[1..];
            } else {
                break;
            }
        }
        while let Some(t) = toks.last() {
            let keep = mark(word(t)) && paired(ctx.text, toks, word(t));
            if (function_token(ctx.text, t) && !keep) || trailing(word(t)) {
                toks = &toks[..toks.len() - 1];
            } else {
                break;
            }
        }
        if toks.len() == n {
            break;
        }
    }
    let (first, last) = (toks.first()?, toks.last()?);
    let mut s: String = ctx.text[first.start as usize..last.end as usize]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    // jieba may glue a trailing copula to a word (或超): strip it as text.
    while let Some(n) = trailing_suffix(&s) {
        s.truncate(s.len() - n);
    }
    finish(s)
}

/// 已 inside a subject is aspect, not content; dangling quotes go; two
/// characters at least.
fn finish(s: String) -> Option<String> {
    let s = if s.contains('已') {
        s.replace("已经", "").replace('已', "")
    } else {
        s
    };
    let s = balance(s.trim_matches('、'));
    (s.chars().filter(|&c| is_ideograph(c)).count() >= 2).then_some(s)
}

/// The noun phrase starting at clean byte `at`.
///
/// Nouns extend the phrase; before the first noun, adjectives, adverbs,
/// verbs and a linking 的 may modify it (优秀抽调巡察干部, 的销售目标);
/// after it, a verb or adverb starts the predicate and ends the phrase
/// (党员和志愿者|连夜…). A token that straddles `at` (jieba's 个村) gives
/// its remainder as a noun. A person's name ends the phrase.
fn following(ctx: &Ctx, at: usize, limit: usize) -> Option<String> {
    let (text, tokens) = (ctx.text, ctx.tokens);
    if tokens.is_empty() {
        return None;
    }
    let mut k = tokens.partition_point(|t| (t.end as usize) <= at);
    let mut end = at;
    let mut good = at;
    let mut seen_noun = false;
    while let Some(t) = tokens.get(k) {
        let (s, e) = ((t.start as usize).max(at), t.end as usize);
        let gap = !text[end..s].chars().all(|c| c == ' ' || c == '\u{3000}');
        if e > limit || s < end || gap || ctx.persons.iter().any(|p| p.start < e && s < p.end) {
            break;
        }
        let w = &text[s..e];
        let straddles = (t.start as usize) < at;
        // After a linking 的 a verb is the head noun (20天的巡察).
        let nominal = !seen_noun && t.pos.starts_with('v') && text[..s].ends_with('的') && end > at;
        // A one-character morpheme right after the unit is a noun (八位|村|党支部
        // 书记); after a noun it is an adverb (目标|仍).
        let morpheme = t.pos == "zg" && !seen_noun;
        if nounish(t.pos)
            || nominal
            || morpheme
            || (straddles && w.chars().all(crate::text::is_cjk))
        {
            seen_noun = true;
            end = e;
            good = e;
        } else if matches!(w, "(" | "（" | "\"" | "“" | "‘" | "'" | "「" | "《")
            || seen_noun && matches!(w, "、" | "和" | "及" | "与" | "以及")
        {
            // A list mark joins nouns; right after the figure it starts the
            // next item of a list (31家、高新技术企业19家).
            end = e;
        } else if matches!(w, ")" | "）" | "\"" | "”" | "’" | "'" | "」" | "》") && seen_noun
        {
            end = e;
            good = e;
        } else if !seen_noun && (t.pos.starts_with('a') || t.pos.starts_with('v') || t.pos == "d")
            || !seen_noun && w == "的" && s == at
        {
            end = e;
        } else {
            break;
        }
        k += 1;
    }
    if !seen_noun {
        return None;
    }
    let phrase = &text[at..good];
    let phrase = phrase.strip_prefix("的").unwrap_or(phrase);
    finish(balance(phrase))
}

/// The clause before clean byte `at`, from the last clause break, a
/// person's name or `floor`.
fn preceding(ctx: &Ctx, at: usize, floor: usize) -> Option<String> {
    let text = ctx.text;
    let head = &text[floor..at];
    let mut start = floor
        + head
            .char_indices()
            .rfind(|&(_, c)| clause_break(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
    if let Some(p) = after_person(ctx, start, at) {
        start = p;
    }
    if ctx.tokens.is_empty() {
        return preceding_untagged(&text[start..at]);
    }
    let mut owned = tokens_in(ctx.tokens, start, at).to_vec();
    // jieba may glue a prefixed marker to the word before (占地约|1200亩):
    // that word's part before the figure is a noun of the clause.
    let k = ctx.tokens.partition_point(|t| (t.end as usize) <= at);
    if let Some(t) = ctx.tokens.get(k) {
        let (s, e) = (t.start as usize, t.end as usize);
        if s >= start && s < at && at < e && text[s..at].chars().all(is_ideograph) {
            owned.push(Token {
                start: t.start,
                end: at as u32,
                pos: "n",
            });
        }
    }
    let mut toks = owned.as_slice();
    // A long clause keeps its last words only (a byline run into the text
    // before 累计开展巡察 is not part of the subject).
    while toks.len() > 1 && text[toks[0].start as usize..at].chars().count() > MAX_PRECEDING {
        toks = &toks[1..];
    }
    trimmed(ctx, toks)
}

/// [`preceding`] without tags: listed words trimmed at both ends.
fn preceding_untagged(clause: &str) -> Option<String> {
    let mut s: String = clause.chars().filter(|c| !c.is_whitespace()).collect();
    if s.chars().count() > MAX_PRECEDING {
        s = s.chars().skip(s.chars().count() - MAX_PRECEDING).collect();
    }
    loop {
        let before = s.len();
        for w in LEADING {
            if let Some(r) = s.strip_prefix(w) {
                s = r.to_string();
            }
        }
        if let Some(n) = trailing_suffix(&s) {
            s.truncate(s.len() - n);
        }
        if s.len() == before {
            break;
        }
    }
    finish(s)
}

/// The clause a date or time at clean byte `at` opens: its own clause, or
/// the next one when a comma sets the date off (`2018年，郾城区修订…`).
/// Parts of the day and qualifiers right after the date (上午, 起, 以来)
/// are skipped; a sentence break ends it.
fn after_clause(ctx: &Ctx, at: usize, limit: usize) -> Option<String> {
    let text = ctx.text;
    let mut a = at;
    let mut comma = false;
    while let Some(c) = text[a..limit].chars().next() {
        if c.is_whitespace() || (!comma && matches!(c, '，' | ',')) {
            comma |= !c.is_whitespace();
            a += c.len_utf8();
            continue;
        }
        let k = ctx.tokens.partition_point(|t| (t.start as usize) < a);
        match ctx.tokens.get(k) {
            Some(t)
                if t.start as usize == a
                    && (t.end as usize) <= limit
                    && (function_token(text, t) || TIME_NOUNS.contains(&&text[t.range()]))
                    && !text[t.range()].contains(clause_break)
                    && !mark(&text[t.range()]) =>
            {
                a = t.end as usize;
            }
            _ => break,
        }
    }
    let b = a + text[a..limit].find(clause_break).unwrap_or(limit - a);
    if let Some(p) = after_person(ctx, a, b) {
        a = p;
    }
    if ctx.tokens.is_empty() {
        let s: String = text[a..b]
            .chars()
            .filter(|c| !c.is_whitespace())
            .take(MAX_AFTER)
            .collect();
        return finish(s);
    }
    let mut toks = tokens_in(ctx.tokens, a, b);
    while toks.len() > 1 && text[a..toks[toks.len() - 1].end as usize].chars().count() > MAX_AFTER {
        toks = &toks[..toks.len() - 1];
    }
    trimmed(ctx, toks)
}

/// Drops what an unmatched quote or bracket leaves: a phrase cut inside a
/// quotation or a bracket starts after its closing mark (`社区)群众` →
/// 群众), and an opening mark left at the end goes.
fn balance(s: &str) -> String {
    let mut s = s.to_string();
    for (open, close) in [
        ('"', '"'),
        ('“', '”'),
        ('(', ')'),
        ('（', '）'),
        ('《', '》'),
    ] {
        let opens = s.chars().filter(|&c| c == open).count();
        let closes = s.chars().filter(|&c| c == close).count();
        let unmatched = if open == close {
            opens % 2 == 1
        } else {
            opens != closes
        };
        if !unmatched {
            continue;
        }
        if s.ends_with(open) && (open != close || !s.starts_with(open)) {
            s.pop();
        } else if s.starts_with(open) {
            s.remove(0);
        } else if let Some(i) = s.find(close) {
            s = s[i + close.len_utf8()..].to_string();
        } else if let Some(i) = s.rfind(open) {
            // The figure sits inside a bracket opened here.
            s = s[i + open.len_utf8()..].to_string();
        }
    }
    s
}
