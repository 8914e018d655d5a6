//! Subjects: the phrase a figure measures.
//!
//! Two readings, tried in order:
//! 1. the noun phrase right after the figure, when the figure is a
//!    quantifier (`30多名党员和志愿者连夜…` → 党员和志愿者): jieba tokens
//!    tagged as nouns (n*, vn, j, b, eng), joined by 、/和/及/与, quotes and
//!    brackets, with adjectives allowed only before the first noun;
//! 2. otherwise the clause before the figure (from the last clause break or
//!    the previous figure), with connectives (共, 并, 已) and a trailing
//!    copula (为, 达到, 是) or bounding verb (突破, 超过) dropped:
//!    `整改率为98%` → 整改率.

use super::scan::RawFigure;
use super::FigureKind;
use crate::lexicon::Token;

/// Characters that end a clause.
fn clause_break(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '！' | '？' | ',' | ';' | ':' | '：' | '!' | '?' | '\n' | '…' | '—'
    )
}

/// Characters kept from a long clause before a figure.
const MAX_PRECEDING: usize = 12;

const LEADING: &[&str] = &[
    "共计", "共有", "共", "在", "对", "向", "给", "从", "由", "把", "将", "并且", "并", "其中",
    "同时", "先后", "另有", "还有", "已经", "已", "又",
];
const TRAILING: &[&str] = &[
    "约为",
    "分别为",
    "分别是",
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
    "超过",
    "突破",
    "不到",
    "不足",
    "将近",
    "接近",
    "大约",
    "约",
    "近",
    "逾",
    "高达",
    "多达",
    "至少",
    "不少于",
    "不低于",
    "不超过",
    "超",
    "上",
    "已经",
    "已",
    "总计",
    "总数",
];

fn nounish(pos: &str) -> bool {
    pos.starts_with('n') || matches!(pos, "vn" | "j" | "b" | "eng" | "nz" | "an")
}

/// The subject of `r`, or `None`.
pub fn subject(
    text: &str,
    r: &RawFigure,
    prev_end: usize,
    next_start: usize,
    tokens: &[Token],
) -> Option<String> {
    if r.kind != FigureKind::Date && r.kind != FigureKind::Time {
        if let Some(s) = following(text, r.end, next_start, tokens) {
            return Some(s);
        }
    }
    if matches!(r.kind, FigureKind::Date | FigureKind::Time) {
        // A date heads its clause: what happened then follows it.
        return after_clause(text, r.end, next_start);
    }
    preceding(text, r.start, prev_end, tokens)
}

/// The noun phrase starting at clean byte `at`.
///
/// Nouns extend the phrase; before the first noun, adjectives, adverbs and
/// verbs may modify it (优秀抽调巡察干部); after it, a verb or adverb starts
/// the predicate and ends the phrase (党员和志愿者|连夜…). A token that
/// straddles `at` (jieba's 个村) gives its remainder as a noun.
fn following(text: &str, at: usize, limit: usize, tokens: &[Token]) -> Option<String> {
    if tokens.is_empty() {
        return None;
    }
    let mut k = tokens.partition_point(|t| (t.end as usize) <= at);
    let mut end = at;
    let mut good = at;
    let mut seen_noun = false;
    while let Some(t) = tokens.get(k) {
        let (s, e) = ((t.start as usize).max(at), t.end as usize);
        if e > limit || (s != end && !text[end..s].chars().all(|c| c == ' ' || c == '\u{3000}')) {
            break;
        }
        let w = &text[s..e];
        let straddles = (t.start as usize) < at;
        if nounish(t.pos) || t.pos == "zg" || (straddles && w.chars().all(crate::clean::is_cjk)) {
            seen_noun = true;
            end = e;
            good = e;
        } else if matches!(
            w,
            "、" | "和" | "及" | "与" | "以及" | "(" | "（" | "\"" | "“" | "‘" | "'" | "「" | "《"
        ) {
            end = e;
        } else if matches!(w, ")" | "）" | "\"" | "”" | "’" | "'" | "」" | "》") && seen_noun
        {
            end = e;
            good = e;
        } else if !seen_noun && (t.pos.starts_with('a') || t.pos.starts_with('v') || t.pos == "d") {
            end = e;
        } else {
            break;
        }
        k += 1;
    }
    if !seen_noun {
        return None;
    }
    Some(balance(&text[at..good]))
}

/// The clause before clean byte `at`, from the last clause break or `floor`.
fn preceding(text: &str, at: usize, floor: usize, tokens: &[Token]) -> Option<String> {
    let head = &text[floor.min(at)..at];
    let mut start = head
        .char_indices()
        .rfind(|&(_, c)| clause_break(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    // A long clause keeps its last words only (a byline run into the text
    // before 累计开展巡察 is not part of the subject): cut at a word start.
    let base = floor.min(at);
    if head[start..].chars().count() > MAX_PRECEDING {
        let cut = head
            .char_indices()
            .rev()
            .nth(MAX_PRECEDING - 1)
            .map_or(0, |(i, _)| i);
        let k = tokens.partition_point(|t| (t.start as usize) < base + cut);
        if let Some(t) = tokens.get(k) {
            if (t.start as usize) < at {
                start = t.start as usize - base;
            }
        }
    }
    let mut s: String = head[start..]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    loop {
        let before = s.len();
        for w in LEADING {
            if let Some(r) = s.strip_prefix(w) {
                s = r.to_string();
            }
        }
        for w in TRAILING {
            if let Some(r) = s.strip_suffix(w) {
                s = r.to_string();
            }
        }
        if s.len() == before {
            break;
        }
    }
    // 已 inside a clause is aspect, not content: 机关党支部已解决 → 机关党支部解决.
    let s = if s.contains('已') {
        s.replace("已经", "").replace('已', "")
    } else {
        s
    };
    let s = balance(s.trim_matches(|c: char| c == '、' || c == '(' || c == '（'));
    (s.chars().count() >= 2).then_some(s)
}

/// The clause after clean byte `at`, up to the next clause break.
fn after_clause(text: &str, at: usize, limit: usize) -> Option<String> {
    let tail = &text[at..limit.max(at)];
    let tail = tail.trim_start_matches(|c: char| clause_break(c) || c.is_whitespace());
    let end = tail.find(clause_break).unwrap_or(tail.len());
    let s: String = tail[..end]
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(40)
        .collect();
    (s.chars().count() >= 2).then_some(balance(&s))
}

/// Drops a dangling quote at either end.
fn balance(s: &str) -> String {
    let mut s = s.to_string();
    let quotes = |s: &str| s.chars().filter(|&c| c == '"').count();
    if quotes(&s) % 2 == 1 {
        if s.ends_with('"') {
            s.pop();
        } else if s.starts_with('"') {
            s.remove(0);
        }
    }
    s
}
