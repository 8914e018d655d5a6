//! What may follow or precede a figure once its unit is read: a second
//! numeral that makes a range (3至5年), a marker after it (以上, 左右, 许)
//! and a marker or bounding verb before it (近, 约; 超过, 突破).

use super::{RawFigure, Win, PREFIX_IN_SURFACE};
use crate::figures::units::{unit_at, BOUND_VERBS};
use crate::figures::FigureKind;

/// Markers after a unit.
pub(super) const SUFFIX_MARKERS: &[&str] = &[
    "以上", "以下", "以内", "左右", "上下", "之多", "开外", "附近", "许", "余", "多",
];

/// The marker a character inside a numeral stands for.
pub(super) fn marker_str(c: char) -> &'static str {
    match c {
        '余' => "余",
        '多' => "多",
        '来' => "来",
        '几' | '幾' => "几",
        _ => "约",
    }
}

/// Extends the figure `f` read at char `i`: a range when a joiner and a
/// second figure follow, else the markers after and before it. Returns the
/// figure and the char index after it.
pub(super) fn finish(w: &Win, i: usize, mut f: RawFigure) -> (RawFigure, usize) {
    if let Some(r) = super::range::range(w, i, &f) {
        return r;
    }
    let fe = w.idx(i, f.end);
    // Markers after the unit: 以上, 左右, 许.
    if let Some((m, e2)) = suffix_marker(w, fe, SUFFIX_MARKERS) {
        if f.approx.is_none() && f.kind != FigureKind::Date {
            f.approx = Some(m);
            f.end = w.byte(e2);
        }
    }
    prefix_marker(w, i, &mut f);
    let next = w.idx(i, f.end);
    (f, next)
}

/// A marker from `list` at char `i`.
pub(super) fn suffix_marker(
    w: &Win,
    i: usize,
    list: &[&'static str],
) -> Option<(&'static str, usize)> {
    let rest = w.rest(i);
    let m = list.iter().find(|m| rest.starts_with(**m))?;
    // 多 / 余 after a unit only when no other word follows (3年多, not 3人多次).
    if matches!(*m, "多" | "余")
        && rest[m.len()..].starts_with(|c: char| unit_at(&c.to_string()).is_some() || c == '万')
    {
        return None;
    }
    Some((m, i + m.chars().count()))
}

/// Records a marker printed before the figure starting at char `i`.
pub(super) fn prefix_marker(w: &Win, i: usize, f: &mut RawFigure) {
    if f.kind == FigureKind::Date || f.kind == FigureKind::Ordinal {
        return;
    }
    let before = &w.text[..f.start.min(w.byte(i))];
    let found = if let Some(v) = BOUND_VERBS.iter().find(|v| before.ends_with(**v)) {
        Some((*v, false))
    } else if let Some(p) = PREFIX_IN_SURFACE.iter().find(|p| before.ends_with(**p)) {
        // 上, 数 and 几 only before a round 十/百/千/万/亿 (上千次, 数十人,
        // 几十万元), not 上午.
        if matches!(*p, "上" | "数" | "几") && !matches!(w.ch(i), '十' | '百' | '千' | '万' | '亿')
        {
            None
        } else {
            Some((*p, true))
        }
    } else {
        None
    };
    if let Some((p, in_surface)) = found {
        if in_surface {
            f.start -= p.len();
        }
        if f.approx.is_none() {
            f.approx = Some(p);
        } else {
            f.prefix = Some(p);
        }
    }
}
