//! 分别 ("respectively"): a list of items, then 分别 and as many figures,
//! pairs them in order. In `其中对俄罗斯、墨西哥出口分别增长45%和1.2倍`,
//! 45% is 俄罗斯出口增长 and 1.2倍 is 墨西哥出口增长.
//!
//! The list is the clause before 分别, split at 、/和/及/与. The first item
//! is what follows the last function word of its part (其中对|俄罗斯); the
//! last part holds the last item (its first word) and the words all items
//! share (出口). The figures after 分别 must be joined only by 和/、/及/与
//! (or 以及) and be as many as the items; otherwise nothing is paired.

use super::scan::RawFigure;
use super::subject::{clause_break, function_token, tokens_in, Ctx};

/// Words that join the items of a list, or the figures after 分别.
const JOINS: &[&str] = &["、", "和", "及", "与", "以及", "，"];

/// Gives the figures of each 分别 list their own item as subject.
pub fn pair(ctx: &Ctx, raws: &[RawFigure], subjects: &mut [Option<String>]) {
    let text = ctx.text;
    let mut from = 0;
    while let Some(p) = text[from..].find("分别").map(|p| from + p) {
        from = p + "分别".len();
        let Some(first) = raws.iter().position(|r| r.start >= from) else {
            break;
        };
        let verb = &text[from..raws[first].start];
        if verb.contains(clause_break) {
            continue;
        }
        let mut n = 1;
        while let Some(next) = raws.get(first + n) {
            let gap = text[raws[first + n - 1].end..next.start].trim();
            if gap.is_empty() || !JOINS.contains(&gap) {
                break;
            }
            n += 1;
        }
        let Some(items) = list_before(ctx, p) else {
            continue;
        };
        if n < 2 || items.0.len() != n {
            continue;
        }
        let verb = verb.trim_end_matches(['为', '是', '达', '了']).trim();
        for (k, item) in items.0.iter().enumerate() {
            subjects[first + k] = Some(format!("{item}{}{verb}", items.1));
        }
    }
}

/// The items of the list that ends at clean byte `at` (where 分别 starts),
/// and the words they share after the last item.
fn list_before(ctx: &Ctx, at: usize) -> Option<(Vec<String>, String)> {
    let text = ctx.text;
    let start = text[..at]
        .char_indices()
        .rfind(|&(_, c)| clause_break(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let toks = tokens_in(ctx.tokens, start, at);
    let word = |k: usize| &text[toks[k].range()];
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut a = 0;
    for k in 0..toks.len() {
        if JOINS.contains(&word(k)) {
            parts.push((a, k));
            a = k + 1;
        }
    }
    parts.push((a, toks.len()));
    if parts.len() < 2 || parts.iter().any(|&(a, b)| a >= b) {
        return None;
    }
    let span =
        |a: usize, b: usize| text[toks[a].start as usize..toks[b - 1].end as usize].to_string();
    let mut items = Vec::new();
    // The first item: after the last function word of its part.
    let (a0, b0) = parts[0];
    let lead = (a0..b0)
        .rev()
        .find(|&k| function_token(text, &toks[k]))
        .map_or(a0, |k| k + 1);
    if lead >= b0 {
        return None;
    }
    items.push(span(lead, b0));
    for &(a, b) in &parts[1..parts.len() - 1] {
        items.push(span(a, b));
    }
    // The last part: its first word is the last item, the rest is shared.
    let (al, bl) = parts[parts.len() - 1];
    items.push(span(al, al + 1));
    // Numerals, measure words and particles in the shared words go
    // (三家公司的营收 → 公司营收).
    let shared: String = (al + 1..bl)
        .filter(|&k| !function_token(text, &toks[k]))
        .map(word)
        .collect();
    Some((items, shared))
}
