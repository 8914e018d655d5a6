//! Ranges: two ends joined by 至, 到, -, ～ or a dash, read as one figure
//! with `[low, high]`.
//!
//! The low end often carries no unit of its own (`3至5年`, `1-10月`,
//! `14-16℃`, `8-10点`): it takes the high end's. A range is written from
//! low to high, so ends that do not rise are no range (a phone number
//! `136-3755`, a score `3-1`). Dates and times make ranges of ISO-like
//! strings, each end as printed: `1至10月` → `["--01", "--10"]`,
//! `2019年到2021年` → `["2019", "2021"]`, `2004-08年` → `["2004",
//! "2008"]` (a two-digit year takes the low end's century), `12:00-13` →
//! `["12:00", "13:00"]`.

use super::{figure_at, is_int_in, RawFigure, Win};
use crate::figures::{FigureKind, FigureValue};

/// Characters that join the two ends of a range.
pub(super) const JOINERS: &[char] = &['至', '到', '~', '～', '-', '—', '–', '－'];

/// The range that starts with `f` (read at char `i`), when a joiner and a
/// fitting high end follow: the range and the char index after it.
pub(super) fn range(w: &Win, i: usize, f: &RawFigure) -> Option<(RawFigure, usize)> {
    let fe = w.idx(i, f.end);
    if !JOINERS.contains(&w.ch(fe)) {
        return None;
    }
    let (g, ge) = figure_at(w, fe + 1).ok()?;
    let value = ends(w, f, &g)?;
    let mut r = f.clone();
    r.kind = FigureKind::Range;
    r.value = value;
    r.unit = g.unit;
    r.end = g.end;
    r.approx = g.approx.or(f.approx);
    if matches!(r.value, FigureValue::DateRange(_)) && r.start == w.byte(i) {
        super::kinds::anchor(w, i, &mut r);
    }
    Some((r, ge))
}

/// A plain number of a kind that ranges over numbers.
fn numeric(k: FigureKind) -> bool {
    matches!(
        k,
        FigureKind::Count
            | FigureKind::Quantity
            | FigureKind::Money
            | FigureKind::Percent
            | FigureKind::Duration
    )
}

/// The value of the range from `f` to `g`, if they make one.
fn ends(w: &Win, f: &RawFigure, g: &RawFigure) -> Option<FigureValue> {
    use FigureKind::{Count, Date, Duration, Time};
    use FigureValue::{Date as D, Number as N};
    // The low end printed with no unit takes the high end's.
    let bare = f.kind == Count && f.unit.is_empty();
    let text = |s: &str| s.to_string();
    match (f.kind, &f.value, g.kind, &g.value) {
        // 2004-08年: a two-digit high year in the low end's century.
        (Count, N(lo), Duration, N(hi)) if bare && g.unit == "年" && two_digit_year(w, g) => {
            let lo = is_int_in(*lo, 1000.0, 2999.0).then_some(*lo as u32)?;
            let hi = lo / 100 * 100 + *hi as u32;
            (lo < hi).then(|| FigureValue::DateRange([lo.to_string(), hi.to_string()]))
        }
        (fk, N(lo), gk, N(hi)) if numeric(fk) && numeric(gk) && (fk == gk || bare) => {
            (lo < hi).then_some(FigureValue::Range([*lo, *hi]))
        }
        // 1至10月, 2019-2021年, 5-8日: the bare low end in the high end's unit.
        (Count, N(lo), Date, D(hi)) if bare => {
            let lo = date_like(*lo, hi)?;
            (lo.as_str() < hi.as_str()).then(|| FigureValue::DateRange([lo, text(hi)]))
        }
        // 8-10点: a bare hour.
        (Count, N(lo), Time, D(hi)) if bare && is_int_in(*lo, 0.0, 24.0) => {
            let lo = format!("{:02}:00", *lo as u32);
            (lo.as_str() < hi.as_str()).then(|| FigureValue::DateRange([lo, text(hi)]))
        }
        // 12:00-13 (the minutes of the high end left out).
        (Time, D(lo), Count, N(hi)) if g.unit.is_empty() && is_int_in(*hi, 0.0, 24.0) => {
            let hi = format!("{:02}:00", *hi as u32);
            (lo.as_str() < hi.as_str()).then(|| FigureValue::DateRange([text(lo), hi]))
        }
        (Date, D(lo), Date, D(hi)) | (Time, D(lo), Time, D(hi))
            if same_shape(lo, hi) && lo < hi =>
        {
            Some(FigureValue::DateRange([text(lo), text(hi)]))
        }
        _ => None,
    }
}

/// The high end's numeral is printed with two digits (`08年`).
fn two_digit_year(w: &Win, g: &RawFigure) -> bool {
    let s = &w.text[g.num_start..];
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    digits == 2 && s[2..].starts_with('年')
}

/// The bare number `lo` written in the form of the date `hi`: a month
/// (`--07` → `--01`), a day (`---26` → `---25`) or a year (`2021` → `2019`).
fn date_like(lo: f64, hi: &str) -> Option<String> {
    let shape = |s: &str| {
        s.chars()
            .map(|c| if c.is_ascii_digit() { '9' } else { c })
            .collect::<String>()
    };
    match shape(hi).as_str() {
        "--99" if is_int_in(lo, 1.0, 12.0) => Some(format!("--{:02}", lo as u32)),
        "---99" if is_int_in(lo, 1.0, 31.0) => Some(format!("---{:02}", lo as u32)),
        "9999" if is_int_in(lo, 1000.0, 2999.0) => Some(format!("{:04}", lo as u32)),
        _ => None,
    }
}

/// Two dates or times printed to the same parts (`--01` and `--09`).
fn same_shape(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.chars()
            .zip(b.chars())
            .all(|(x, y)| x.is_ascii_digit() == y.is_ascii_digit())
}
