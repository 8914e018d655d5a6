//! Arithmetic checks: figures in one sentence that imply each other, and
//! whether the text's own numbers agree.
//!
//! Three relations are read, each from a shape of text that states it, so
//! that nothing is checked that the text does not support:
//!
//! - **rate** (`rate.rs`): a rate named `X率` beside the count it is made
//!   of and the total (`发现问题4858件，已完成整改4761件，整改率为98%`: the
//!   count's phrase holds X, 整改; the total is a figure before it in the
//!   same unit), or a share after 占 (`其中女职工120人，占40%`). Computed:
//!   part / total. When several figures could be the total and none
//!   agrees, the text does not say which: not checkable.
//! - **sum** (`sum.rs`): parts and their total, in the same unit: a list closed by
//!   共计/合计/总计/一共 (`一等奖3名、二等奖6名、三等奖10名，共计20名`), or a
//!   total opened by 共/合计 then 其中 and its parts. Parts after 其中 may
//!   overlap (党员, 女性), so only a 分别 list or a closing 共计 can make
//!   them disagree; an open 其中 list that does not add up is left
//!   not checkable.
//!   A price per unit (每人, 人均, 一个景点25元) is no part.
//! - **growth** (`growth.rs`): a rate of change beside both values:
//!   `从A增长到B，增长R%`, `B，比去年的A增长R%`, or the change itself
//!   `B，比去年增加D，增长R%`. Computed: (B − A) / A. An average yearly
//!   rate (年均增长) is compound and left alone.
//!
//! Printed figures are rounded: each value stands for an interval half a
//! unit of its last printed digit wide (`2.5亿` is 2.45亿 to 2.55亿, `98%`
//! 97.5% to 98.5%). A check is consistent when the computed interval meets
//! the stated one (or the stated value cut, not rounded, from it), and
//! inconsistent only when they are apart. A stated bound (增幅超过26%) is
//! met by anything beyond it; an operand with a bound marker (余, 多, 近,
//! 超过, 以上) makes the check not checkable.
//!
//! Probed on text the rules were not written from (People's Daily January
//! 1998, 19,484 paragraphs; MSRA NER, 37,000 sentences), every check
//! reported inconsistent was a real discrepancy in the source (270 / 329
//! printed as 83%; a 3.0% rise printed as 3.3%; 7817 / 22307 printed as
//! 31%).

use serde::Serialize;

use super::{Figure, FigureKind, FigureValue};
use crate::offsets::Span;

/// Which relation a check reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckKind {
    /// A rate or share beside its part and its total.
    Rate,
    /// Parts beside their stated total.
    Sum,
    /// A rate of change beside the values before and after.
    Growth,
}

/// What the check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckStatus {
    /// The stated value agrees with the computed one, up to rounding.
    Consistent,
    /// The stated value and the computed one are apart beyond rounding.
    Inconsistent,
    /// The relation is stated, but the figures cannot decide it (an
    /// approximate figure, or a list of parts that may be incomplete).
    Uncheckable,
}

/// One arithmetic check.
///
/// ```json
/// {"kind": "rate", "status": "consistent", "stated": 98.0, "computed": 98.0,
///  "figures": [3, 2, 1], "span": {"start": 26, "end": 64},
///  "formula": "4761 / 4858 = 98.00%", "sentence": 2, "article": 0}
/// ```
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    /// The relation.
    pub kind: CheckKind,
    /// The verdict.
    pub status: CheckStatus,
    /// The value the text states: the rate (in percentage points), the
    /// total, or the rate of change.
    pub stated: f64,
    /// The value computed from the other figures, rounded to 4 decimals.
    pub computed: f64,
    /// Indices into the report's `figures`: the stated figure first, then
    /// the figures it is computed from (rate: part, total; sum: the parts;
    /// growth: before, after).
    pub figures: Vec<u32>,
    /// From the first figure involved to the last, in UTF-16 code units of
    /// the original input, end-exclusive.
    pub span: Span,
    /// The computation, in numbers only: `4761 / 4858 = 98.00%`.
    pub formula: String,
    /// Index of the sentence.
    pub sentence: Option<u32>,
    /// Index of the article.
    pub article: Option<u32>,
}

/// Words before a total that make it the sum of a list.
const TOTAL_WORDS: &[&str] = &["共计", "合计", "总计", "一共", "总共", "共有", "共"];
/// Markers on a stated value that make it a lower or an upper bound.
const LOWER_BOUNDS: &[&str] = &["超过", "以上", "逾", "突破", "多", "余", "超"];
const UPPER_BOUNDS: &[&str] = &["不到", "不足", "以下", "近", "将近", "接近"];
/// Markers that make a value a bound, not a rounded number.
const BOUND_MARKERS: &[&str] = &[
    "余", "多", "近", "超过", "以上", "以下", "逾", "突破", "不到", "不足", "上", "数", "几", "来",
];

/// The checks of the figures of `text` (clean), figure by figure in text order.
pub fn check(text: &str, figures: &[Figure]) -> Vec<Check> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < figures.len() {
        let s = figures[k].sentence;
        let mut end = k + 1;
        while s.is_some() && end < figures.len() && figures[end].sentence == s {
            end += 1;
        }
        let group: Vec<usize> = (k..end).collect();
        let sentence = Sentence {
            text,
            figures,
            group: &group,
        };
        sentence.rates(&mut out);
        sentence.sums(&mut out);
        sentence.growths(&mut out);
        k = end;
    }
    out
}

/// The figures of one sentence.
struct Sentence<'a> {
    text: &'a str,
    figures: &'a [Figure],
    group: &'a [usize],
}

/// A printed number as the interval it stands for.
#[derive(Clone, Copy, Debug)]
struct Value {
    v: f64,
    /// Half a unit of the last printed digit.
    half: f64,
}

impl Value {
    fn lo(self) -> f64 {
        self.v - self.half
    }
    fn hi(self) -> f64 {
        self.v + self.half
    }
}

mod growth;
mod rate;
mod sum;

impl Sentence<'_> {
    fn fig(&self, i: usize) -> &Figure {
        &self.figures[i]
    }

    /// The clean text between two figures.
    fn between(&self, a: usize, b: usize) -> &str {
        let (x, y) = (self.fig(a).clean.end, self.fig(b).clean.start);
        if x <= y {
            &self.text[x..y]
        } else {
            ""
        }
    }

    /// The clean text before figure `a`, back to the sentence's previous figure.
    fn before(&self, a: usize) -> &str {
        let pos = self.group.iter().position(|&g| g == a).unwrap_or(0);
        let from = if pos > 0 {
            self.fig(self.group[pos - 1]).clean.end
        } else {
            self.sentence_start(a)
        };
        &self.text[from.min(self.fig(a).clean.start)..self.fig(a).clean.start]
    }

    /// Where the sentence of figure `a` starts, looking back at most 48
    /// bytes (16 Chinese characters).
    fn sentence_start(&self, a: usize) -> usize {
        let at = self.fig(a).clean.start;
        let mut b = at.saturating_sub(48);
        while !self.text.is_char_boundary(b) {
            b += 1;
        }
        self.text[b..at]
            .char_indices()
            .rfind(|&(_, c)| matches!(c, '。' | '；' | '！' | '？' | '\n'))
            .map_or(b, |(i, c)| b + i + c.len_utf8())
    }

    /// A check over the figures `idx` (stated first).
    fn made(
        &self,
        kind: CheckKind,
        status: CheckStatus,
        stated: f64,
        computed: f64,
        idx: &[usize],
        formula: String,
    ) -> Check {
        let start = idx
            .iter()
            .map(|&i| self.fig(i).span.start)
            .min()
            .unwrap_or(0);
        let end = idx.iter().map(|&i| self.fig(i).span.end).max().unwrap_or(0);
        let first = self.fig(idx[0]);
        Check {
            kind,
            status,
            stated: significant(stated),
            computed: (computed * 1e4).round() / 1e4,
            figures: idx.iter().map(|&i| i as u32).collect(),
            span: Span::new(start, end),
            formula,
            sentence: first.sentence,
            article: first.article,
        }
    }
}

/// The verdict for a stated value against a computed interval `[lo, hi]`:
/// consistent when the stated interval meets it, or the stated value is
/// the computed one cut rather than rounded; not checkable when a figure is
/// only a bound.
fn verdict<'f>(
    figs: impl IntoIterator<Item = &'f Figure>,
    stated: Value,
    lo: f64,
    hi: f64,
) -> CheckStatus {
    let mut figs = figs.into_iter();
    let eps = 1e-9 * stated.v.abs().max(1.0);
    // The stated figure may be a bound itself: 增幅超过26%, 不到30%.
    let bound = figs.next().and_then(|f| f.approx.as_deref()).and_then(|a| {
        if LOWER_BOUNDS.iter().any(|m| a.contains(m)) {
            Some(true)
        } else if UPPER_BOUNDS.iter().any(|m| a.contains(m)) {
            Some(false)
        } else {
            None
        }
    });
    if figs.any(bounded) {
        return CheckStatus::Uncheckable;
    }
    match bound {
        Some(true) if hi + eps >= stated.lo() => return CheckStatus::Consistent,
        Some(false) if lo <= stated.hi() + eps => return CheckStatus::Consistent,
        Some(_) => return CheckStatus::Inconsistent,
        None => {}
    }
    let meets = stated.lo() <= hi + eps && lo <= stated.hi() + eps;
    let cut = lo <= stated.v + 2.0 * stated.half + eps && hi >= stated.v - eps;
    if meets || cut {
        CheckStatus::Consistent
    } else {
        CheckStatus::Inconsistent
    }
}

/// A phrase that makes the amount after it a rate per unit: 每人, 人均,
/// 各, 一个景点.
fn per_unit(phrase: &str) -> bool {
    if phrase.contains(['每', '均', '各']) {
        return true;
    }
    phrase.char_indices().any(|(i, c)| {
        c == '一'
            && crate::figures::units::unit_at(&phrase[i + c.len_utf8()..]).is_some_and(|u| {
                u.class == crate::figures::units::UnitClass::Kind(FigureKind::Count)
            })
    })
}

/// A figure whose marker makes it a bound.
fn bounded(f: &Figure) -> bool {
    f.approx
        .as_deref()
        .is_some_and(|a| a.split('…').any(|m| BOUND_MARKERS.contains(&m)))
}

/// A count, an amount of money or a measured quantity.
fn amount(f: &Figure) -> bool {
    matches!(
        f.kind,
        FigureKind::Count | FigureKind::Money | FigureKind::Quantity
    )
}

/// Two amounts of the same kind and unit (件 and 件, 元 and 元).
fn same_measure(a: &Figure, b: &Figure) -> bool {
    amount(a) && a.kind == b.kind && a.unit == b.unit && !a.unit.is_empty()
}

/// The text between two items of a list: a list mark and at most a few
/// characters naming the next item (、二等奖, ，女职工).
fn list_gap(gap: &str) -> bool {
    let gap = gap.trim();
    let starts = gap.starts_with(['、', '，', ',', '和', '及', '与']) || gap.is_empty();
    starts && gap.chars().count() <= 16 && !gap.contains(['。', '；', '：'])
}

fn number(f: &Figure) -> f64 {
    match f.value {
        FigureValue::Number(v) => v,
        _ => f64::NAN,
    }
}

/// The value of a figure as the interval its printed digits stand for. A
/// share is rounded to its last digit; an amount printed in full (`4858件`,
/// `三名`) is exact; one printed with decimals or in 万/亿 is rounded
/// (`2.5亿元`, `1.2万人`).
fn value(f: &Figure) -> Option<Value> {
    let v = match f.value {
        FigureValue::Number(v) => v,
        _ => return None,
    };
    let (unit, exact) = printed_unit(&f.surface, v);
    let half = if exact && f.kind != FigureKind::Percent {
        0.0
    } else {
        unit / 2.0
    };
    Some(Value { v, half })
}

/// The unit of the last printed digit, and whether every digit of the
/// value is printed: `98%` → 1, `95.3%` → 0.1, `2.5亿元` → 1e7,
/// `4858件` → 1 (exact), `三千万` → 1e7.
fn printed_unit(surface: &str, v: f64) -> (f64, bool) {
    let digits: String = surface
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '·' | '．'))
        .map(|c| if matches!(c, '·' | '．') { '.' } else { c })
        .collect();
    if digits.is_empty() {
        // A Chinese numeral: its lowest non-zero place; below 万 it is
        // a plain count (三名, 二十人).
        let mut unit = 1.0;
        while v != 0.0 && (v / (unit * 10.0)).fract() == 0.0 && unit < 1e12 {
            unit *= 10.0;
        }
        return (unit, v.abs() < 1e4);
    }
    let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len());
    let printed: f64 = digits.replace(',', "").parse().unwrap_or(v);
    let scale = if printed != 0.0 {
        (v / printed).abs()
    } else {
        1.0
    };
    let exact = decimals == 0 && (scale - 1.0).abs() < 1e-9;
    (10f64.powi(-(decimals as i32)) * scale, exact)
}

/// A number as the formula prints it: ten significant digits, no
/// trailing zeros, in 亿 or 万 when it is a round multiple of 1e6 or 1e2
/// there (2.5亿, 4.45万, 4858).
fn num(v: f64) -> String {
    let plain = |v: f64| {
        let s = format!("{:.4}", significant(v));
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    for (unit, name) in [(1e8, "亿"), (1e4, "万")] {
        let x = v / (unit / 1e4);
        if v.abs() >= unit && (x - x.round()).abs() < 1e-6 * x.abs().max(1.0) {
            return format!("{}{name}", plain(v / unit));
        }
    }
    plain(v)
}

/// `v` to ten significant digits (15508000000.000002 → 15508000000).
fn significant(v: f64) -> f64 {
    if v == 0.0 {
        return 0.0;
    }
    let e = v.abs().log10().floor() as i32 - 9;
    if e < 0 {
        let inv = 10f64.powi(-e);
        (v * inv).round() / inv
    } else {
        let mag = 10f64.powi(e);
        (v / mag).round() * mag
    }
}

fn fixed(v: f64, d: usize) -> String {
    format!("{v:.d$}")
}
