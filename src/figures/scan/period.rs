//! Periods of the calendar: quarters (`二季度` → `--Q2`, `2019年第三季度` →
//! `2019-Q3`), halves (`上半年` → `--H1`, `2009年下半年` → `2009-H2`),
//! decades (`90年代`, `上世纪八十年代` → `198X`; `六七十年代` → a range) and
//! a year's start or end (`2012年底`, approx 底).
//!
//! A quarter counted rather than named is a duration: `前三季度` (the first
//! three quarters), `两个季度`. A relative year right before a period
//! (`今年一季度`, `去年下半年`) joins its surface.

use super::kinds::anchor;
use super::{is_int_in, numeral, RawFigure, Step, Win};
use crate::figures::{FigureKind, FigureValue};

/// Words before N季度 that count quarters rather than name one (前三季度,
/// 近两季度, 连续三季度, 每季度).
const COUNTING: &[char] = &['前', '后', '近', '头', '续', '每', '这', '过', '余'];

/// Markers after a year: its start, middle or end.
/// (年中 is left out: 2013年中国… is far more common.)
const YEAR_MARKERS: &[&str] = &["年初", "年底", "年末"];

/// A date figure spanning chars `[i, j)` with the ISO-like `value`.
fn date(w: &Win, i: usize, j: usize, value: String, unit: &'static str) -> RawFigure {
    let mut f = w.raw(i, j, FigureKind::Date, 0.0, unit);
    f.value = FigureValue::Date(value);
    f
}

/// N季度 read at char `i` with the numeral's `value` and 季度 at char `k`:
/// the quarter it names, unless a counting word precedes it.
pub(super) fn quarter(w: &Win, i: usize, k: usize, value: f64) -> Option<RawFigure> {
    if !is_int_in(value, 1.0, 4.0) || COUNTING.contains(&w.prev(i)) {
        return None;
    }
    let mut f = date(w, i, k + 2, format!("--Q{}", value as u32), "季度");
    anchor(w, i, &mut f);
    Some(f)
}

/// 第N季度 at char `i` (第 at `i`, the numeral ending at char `j`).
pub(super) fn ordinal_quarter(w: &Win, i: usize, j: usize, value: f64) -> Option<RawFigure> {
    if !w.rest(j).starts_with("季度") || !is_int_in(value, 1.0, 4.0) {
        return None;
    }
    let mut f = date(w, i, j + 2, format!("--Q{}", value as u32), "季度");
    anchor(w, i, &mut f);
    Some(f)
}

/// What may follow `YYYY年` at char `e`: a quarter, a half, or a marker of
/// its start or end. Returns the value, the unit, the char index after it
/// and the marker.
pub(super) fn after_year(
    w: &Win,
    e: usize,
    y: i32,
) -> Option<(String, &'static str, usize, Option<&'static str>)> {
    let rest = w.rest(e);
    for (word, h) in [("上半年", 1), ("下半年", 2)] {
        if rest.starts_with(word) {
            return Some((format!("{y:04}-H{h}"), "半年", e + 3, None));
        }
    }
    let q = if w.ch(e) == '第' { e + 1 } else { e };
    if let Some(n) = w.numeral(q) {
        let j = w.idx(q, n.end);
        if w.rest(j).starts_with("季度") && is_int_in(n.value, 1.0, 4.0) {
            return Some((format!("{y:04}-Q{}", n.value as u32), "季度", j + 2, None));
        }
    }
    // 2012年底: 年 is at e - 1.
    let at_year = w.rest(e - 1);
    YEAR_MARKERS
        .iter()
        .find(|m| at_year.starts_with(**m) && w.ch(e + 1) != '步')
        .map(|m| (format!("{y:04}"), "年", e + 1, Some(&m[3..])))
}

/// 上半年 / 下半年 (半 at char `i`): a half of the year. 半年 alone is a
/// duration of half a year, 半个月 and 半天 likewise; 半年报 and 半年度 are
/// names.
pub(super) fn half(w: &Win, i: usize) -> Option<Step> {
    let rest = w.rest(i);
    let before = w.prev(i);
    if rest.starts_with("半年") && matches!(before, '上' | '下') {
        let h = if before == '上' { 1 } else { 2 };
        let mut f = date(w, i - 1, i + 2, format!("--H{h}"), "半年");
        anchor(w, i - 1, &mut f);
        return Some(Ok((f, i + 2)));
    }
    for (word, unit) in [
        ("半个月", "个月"),
        ("半个小时", "小时"),
        ("半小时", "小时"),
        ("半年", "年"),
        ("半天", "天"),
    ] {
        if rest.starts_with(word) {
            let end = i + word.chars().count();
            if matches!(w.ch(end), '度' | '报') || matches!(before, '大' | '多' | '个') {
                return Some(Err(end));
            }
            let f = w.raw(i, end, FigureKind::Duration, 0.5, unit);
            return Some(Ok((f, end)));
        }
    }
    None
}

/// A decade: `90年代`, `2010年代`, `八十年代`, with a century word before it
/// (上世纪, 二十世纪, 本世纪) in its surface; two neighbouring digits
/// (`六七十年代`) make a range of decades.
pub(super) fn decade(w: &Win, i: usize) -> Option<Step> {
    let c = w.ch(i);
    let (low, high, j) = if c.is_ascii_digit() {
        let digits = (i..).take_while(|&k| w.ch(k).is_ascii_digit()).count();
        let n: u32 = w.rest(i).get(..digits)?.parse().ok()?;
        (n, n, i + digits)
    } else {
        let a = numeral::digit_value(c)? as u32;
        let b = numeral::digit_value(w.ch(i + 1));
        match (b, w.ch(i + 1), w.ch(i + 2)) {
            (Some(b), _, '十') if b as u32 == a + 1 => (a * 10, b as u32 * 10, i + 3),
            (_, '十', _) => (a * 10, a * 10, i + 2),
            _ => return None,
        }
    };
    if !w.rest(j).starts_with("年代")
        || low % 10 != 0
        || !(low < 100 || (1000..3000).contains(&low))
    {
        return None;
    }
    let (century, start) = century_before(w, i);
    let name = |n: u32| {
        let full = if n >= 1000 {
            n
        } else {
            century.unwrap_or(if n >= 20 { 1900 } else { 2000 }) + n
        };
        format!("{}X", full / 10)
    };
    let mut f = date(w, i, j + 2, name(low), "年代");
    if low != high {
        f.kind = FigureKind::Range;
        f.value = FigureValue::DateRange([name(low), name(high)]);
    }
    f.start = start;
    Some(Ok((f, j + 2)))
}

/// A century word right before char `i`: its first year and where it starts.
fn century_before(w: &Win, i: usize) -> (Option<u32>, usize) {
    for (word, c) in [
        ("上世纪", 1900),
        ("上个世纪", 1900),
        ("二十世纪", 1900),
        ("20世纪", 1900),
        ("本世纪", 2000),
        ("21世纪", 2000),
        ("二十一世纪", 2000),
    ] {
        if w.before_is(i, word) {
            return (Some(c), w.byte(i) - word.len());
        }
    }
    (None, w.byte(i))
}
