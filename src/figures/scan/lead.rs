//! Figures that open with a word or a sign rather than a numeral: a minus
//! sign (负5), 打对折, 百分之五 and 千分之三, a currency sign ($50), 第
//! ordinals and 半折 / 半成.

use super::markers::{prefix_marker, suffix_marker, SUFFIX_MARKERS};
use super::{figure_at, numeral, period, Numeral, Step, Win};
use crate::figures::units::{unit_at, UnitClass, NAME_AFTER_ORDINAL};
use crate::figures::{FigureKind, FigureValue};

/// The figure at char `i` when it opens with a sign or a word; `None` when
/// char `i` starts a plain numeral.
pub(super) fn lead(w: &Win, i: usize) -> Option<Step> {
    let c = w.ch(i);
    if let Some(step) = period::decade(w, i) {
        return Some(step);
    }
    Some(match c {
        '-' | '－' | '负' | '負' => signed(w, i),
        '对' | '對' => half_off(w, i),
        _ if w.rest(i).starts_with("百分之百") => {
            Ok((w.raw(i, i + 4, FigureKind::Percent, 100.0, "%"), i + 4))
        }
        _ if per_units(w, i).is_some() => per_part(w, i),
        '佰' | '仟' => Err(i + 1),
        '$' | '￥' | '¥' => currency_first(w, i),
        '第' => ordinal(w, i),
        '半' => period::half(w, i).unwrap_or_else(|| half(w, i)),
        _ => return None,
    })
}

/// A sign belongs to the number unless it joins two numbers (5-20).
fn signed(w: &Win, i: usize) -> Step {
    let next = w.ch(i + 1);
    if w.prev(i).is_ascii_alphanumeric() || !next.is_ascii_digit() && !numeral::starts_numeral(next)
    {
        return Err(i + 1);
    }
    let (mut f, next) = figure_at(w, i + 1)?;
    if f.num_start != w.cs[i + 1].0 {
        return Err(next);
    }
    if let FigureValue::Number(v) = f.value {
        if matches!(
            f.kind,
            FigureKind::Count | FigureKind::Quantity | FigureKind::Money | FigureKind::Percent
        ) {
            f.value = FigureValue::Number(-v);
            f.start = w.cs[i].0;
            f.num_start = w.cs[i].0;
        }
    }
    Ok((f, next))
}

/// 打对折: half off.
fn half_off(w: &Win, i: usize) -> Step {
    if w.prev(i) == '打' && w.ch(i + 1) == '折' {
        Ok((w.raw(i, i + 2, FigureKind::Percent, 50.0, "折"), i + 2))
    } else {
        Err(i + 1)
    }
}

/// Bare units before 分之 and the denominator they make: 百分之 → 100.
fn per_units(w: &Win, i: usize) -> Option<(f64, usize)> {
    let mut den = 1.0;
    let mut k = i;
    while let Some(u) = match w.ch(k) {
        '百' | '佰' => Some(100.0),
        '千' | '仟' => Some(1000.0),
        '万' | '萬' => Some(1e4),
        '亿' | '億' => Some(1e8),
        _ => None,
    } {
        den *= u;
        k += 1;
    }
    (k > i && w.ch(k) == '分' && w.ch(k + 1) == '之').then_some((den, k + 2))
}

/// 百分之五, 千分之二, 万分之三, 百万分之五: a percent.
fn per_part(w: &Win, i: usize) -> Step {
    let (den, k) = per_units(w, i).ok_or(i + 1)?;
    let n = w
        .numeral(k)
        .or_else(|| {
            if numeral::starts_numeral(w.ch(k + 1)) {
                return None;
            }
            let d = numeral::digit_value(w.ch(k))?;
            Some(Numeral {
                start: w.cs[k].0,
                end: w.byte(k + 1),
                value: d as f64,
                flags: Default::default(),
            })
        })
        .ok_or(k)?;
    let j = w.idx(i, n.end);
    let mut f = w.raw(i, j, FigureKind::Percent, n.value * 100.0 / den, "%");
    if let Some((m, j2)) = suffix_marker(w, j, SUFFIX_MARKERS) {
        f.approx = Some(m);
        f.end = w.byte(j2);
    }
    prefix_marker(w, i, &mut f);
    let next = w.idx(i, f.end);
    Ok((f, next))
}

/// $50, ￥300: money with the currency sign first.
fn currency_first(w: &Win, i: usize) -> Step {
    let n = w.numeral(i + 1).filter(|n| n.flags.arabic).ok_or(i + 1)?;
    let j = w.idx(i, n.end);
    let unit = if w.ch(i) == '$' { "$" } else { "元" };
    Ok((w.raw(i, j, FigureKind::Money, n.value, unit), j))
}

/// 第四, 第387位, 第二届: a rank, unless a name follows (第四党支部).
fn ordinal(w: &Win, i: usize) -> Step {
    let n = w.numeral(i + 1).ok_or(i + 1)?;
    let j = w.idx(i, n.end);
    let after = &w.text[n.end..];
    if names_after(after) || coordinated_name(w, j) {
        return Err(j);
    }
    if let Some(f) = period::ordinal_quarter(w, i, j, n.value) {
        let next = w.idx(i, f.end);
        return Ok((f, next));
    }
    let mut f = w.raw(i, j, FigureKind::Ordinal, n.value, "");
    if let Some(u) = unit_at(after) {
        if matches!(
            u.class,
            UnitClass::Kind(FigureKind::Count | FigureKind::Ordinal | FigureKind::Duration)
        ) {
            f.unit = u.report;
            f.end = n.end + u.text.len();
        }
    }
    let next = w.idx(i, f.end);
    Ok((f, next))
}

/// A name of a numbered body or title follows (第四党支部, 第一夫人).
fn names_after(after: &str) -> bool {
    NAME_AFTER_ORDINAL.iter().any(|x| after.starts_with(x))
}

/// 第一和第二巡回法庭: an ordinal joined to a second one that names a body
/// shares its name.
fn coordinated_name(w: &Win, j: usize) -> bool {
    let k = match w.ch(j) {
        '和' | '、' | '及' | '与' | '或' => j + 1,
        _ => return false,
    };
    if w.ch(k) != '第' {
        return false;
    }
    w.numeral(k + 1)
        .is_some_and(|m| names_after(&w.text[m.end..]))
}

/// 半折, 半成 and 过半 (more than half: 50, approx 过); any other 半
/// starts no figure here.
fn half(w: &Win, i: usize) -> Step {
    match w.ch(i + 1) {
        '折' => Ok((w.raw(i, i + 2, FigureKind::Percent, 50.0, "折"), i + 2)),
        '成' => Ok((w.raw(i, i + 2, FigureKind::Percent, 5.0, "成"), i + 2)),
        _ if w.prev(i) == '过' => {
            let mut f = w.raw(i, i + 1, FigureKind::Percent, 50.0, "");
            f.approx = Some("过");
            Ok((f, i + 1))
        }
        _ => Err(i + 1),
    }
}
