//! Growth rates beside both values: `从2.5亿斤增长到2.8亿斤，增长12%`.

use super::{fixed, num, number, same_measure, value, verdict, Check, CheckKind, Sentence, Value};
use crate::figures::FigureKind;

/// Words before a rate of rise or fall.
/// Words before a growth rate.
const RISE_WORDS: &[&str] = &["增长", "增加", "上升", "提高", "上涨", "增幅"];
const FALL_WORDS: &[&str] = &["下降", "减少", "下滑", "降低", "下跌", "降幅"];

impl Sentence<'_> {
    /// Reads the growth rates of the sentence: a rate after a word of
    /// change, with the two amounts before it read as 从A增长到B (A, then
    /// B), B，比去年的A增长 (B, then A) or B，比去年增加D (B and the
    /// change D). An average yearly rate (年均增长) is compound, not the
    /// change between the two values, and is left alone.
    pub(super) fn growths(&self, out: &mut Vec<Check>) {
        let g = self.group;
        for (pos, &r) in g.iter().enumerate() {
            let rate = self.fig(r);
            if rate.kind != FigureKind::Percent || rate.unit != "%" || pos < 2 {
                continue;
            }
            let before = self.before(r);
            let rise = RISE_WORDS.iter().any(|w| before.contains(w));
            let fall = FALL_WORDS.iter().any(|w| before.contains(w));
            if rise == fall || ["年均", "平均", "每年"].iter().any(|w| before.contains(w)) {
                continue;
            }
            let (a, b) = (g[pos - 2], g[pos - 1]);
            let (fa, fb) = (self.fig(a), self.fig(b));
            let gap = self.between(a, b);
            if !same_measure(fa, fb) || number(fa) == number(fb) || gap.contains('兑') {
                continue;
            }
            let Some(shape) = growth_shape(self.before(a), gap) else {
                continue;
            };
            let (Some(va), Some(vb), Some(rv)) = (value(fa), value(fb), value(rate)) else {
                continue;
            };
            // The change and the old value, as intervals.
            let (old, change, (lo, hi), idx) = match shape {
                Growth::FromTo => (
                    va,
                    vb.v - va.v,
                    (vb.lo() - va.hi(), vb.hi() - va.lo()),
                    [r, a, b],
                ),
                Growth::Than => (
                    vb,
                    va.v - vb.v,
                    (va.lo() - vb.hi(), va.hi() - vb.lo()),
                    [r, b, a],
                ),
                Growth::By => {
                    let d = if fall { -1.0 } else { 1.0 };
                    let old = Value {
                        v: va.v - d * vb.v,
                        half: va.half + vb.half,
                    };
                    (
                        old,
                        d * vb.v,
                        (d * vb.v - vb.half, d * vb.v + vb.half),
                        [r, b, a],
                    )
                }
            };
            if old.lo() <= 0.0 {
                continue;
            }
            let pct = |x: f64, base: f64| x / base * 100.0;
            let bounds = [
                pct(lo, old.hi()),
                pct(lo, old.lo()),
                pct(hi, old.hi()),
                pct(hi, old.lo()),
            ];
            let sign = if fall { -1.0 } else { 1.0 };
            let (x, y) = bounds
                .iter()
                .map(|v| sign * v)
                .fold((f64::MAX, f64::MIN), |(l, h), v| (l.min(v), h.max(v)));
            let status = verdict([rate, fa, fb], rv, x, y);
            let computed = sign * pct(change, old.v);
            let formula = match shape {
                Growth::By => format!(
                    "{} / ({} - {}) = {}%",
                    num(vb.v),
                    num(va.v),
                    num(vb.v),
                    fixed(pct(change, old.v), 2)
                ),
                _ => format!(
                    "({} - {}) / {} = {}%",
                    num(old.v + change),
                    num(old.v),
                    num(old.v),
                    fixed(pct(change, old.v), 2)
                ),
            };
            out.push(self.made(CheckKind::Growth, status, rv.v, computed, &idx, formula));
        }
    }
}

/// How two amounts before a growth rate relate.
#[derive(Clone, Copy)]
enum Growth {
    /// 从A增长到B: the old value, then the new.
    FromTo,
    /// B，比去年的A增长: the new value, then the old.
    Than,
    /// B，比去年增加D: the new value, then the change.
    By,
}

/// The shape of a growth statement, from the text before the first amount
/// and the text between the two.
fn growth_shape(before_first: &str, gap: &str) -> Option<Growth> {
    let from = before_first.contains('从') || before_first.contains('由');
    if from && ["到", "至", "为"].iter().any(|w| gap.ends_with(w)) {
        return Some(Growth::FromTo);
    }
    let rest = gap.trim_start_matches(['，', ',']);
    if !["比", "较"].iter().any(|w| rest.starts_with(w)) || rest.contains(['，', ',']) {
        return None;
    }
    // 比上年增加, 比上年同期多收: a word of change just before the amount.
    let rest = rest.trim_end_matches('了');
    let by = ["增加", "增长", "减少", "下降", "多", "少", "增", "减"]
        .iter()
        .filter_map(|w| rest.rfind(w).map(|i| rest[i + w.len()..].chars().count()))
        .any(|after| after <= 1);
    Some(if by { Growth::By } else { Growth::Than })
}
