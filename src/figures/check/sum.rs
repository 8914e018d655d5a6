//! Sums: parts and their stated total (`一等奖3名、二等奖6名、三等奖10名，共计20名`).

use super::{
    amount, list_gap, num, per_unit, same_measure, value, verdict, Check, CheckKind, CheckStatus,
    Sentence, Value, TOTAL_WORDS,
};
use crate::figures::FigureKind;

impl Sentence<'_> {
    /// Reads the sums of the sentence.
    pub(super) fn sums(&self, out: &mut Vec<Check>) {
        let g = self.group;
        for (pos, &t) in g.iter().enumerate() {
            let total = self.fig(t);
            if !amount(total) {
                continue;
            }
            let before = self.before(t);
            if TOTAL_WORDS.iter().any(|w| before.trim_end().ends_with(w)) {
                let parts = self.closed_list(pos);
                if parts.len() >= 2 {
                    self.sum(out, t, &parts, true);
                    continue;
                }
            }
            // A total, then 其中 and its parts.
            let mut parts: Vec<usize> = Vec::new();
            let mut strict = false;
            for &p in &g[pos + 1..] {
                // A share beside each part (综合市场20917个、占67.8%) is skipped.
                if self.fig(p).kind == FigureKind::Percent && !parts.is_empty() {
                    continue;
                }
                let gap = if parts.is_empty() {
                    self.between(t, p)
                } else {
                    self.between(*parts.last().unwrap(), p)
                };
                if parts.is_empty() && !gap.contains("其中") {
                    break;
                }
                if !parts.is_empty() && !list_gap(gap) && !gap.contains("分别") {
                    break;
                }
                // 共查出…: a new total, not a part.
                if TOTAL_WORDS.iter().any(|w| gap.contains(w)) || per_unit(gap) {
                    break;
                }
                if !same_measure(self.fig(p), total) {
                    break;
                }
                strict |= gap.contains("分别");
                parts.push(p);
            }
            if parts.len() >= 2 {
                self.sum(out, t, &parts, strict);
            }
        }
    }

    /// The list a total at `group[pos]` closes (一等奖3名、二等奖6名、…，共计
    /// 20名): the figures just before it, each joined to the next by a list
    /// mark, in the same measure, in text order.
    fn closed_list(&self, pos: usize) -> Vec<usize> {
        let g = self.group;
        let t = g[pos];
        let mut parts: Vec<usize> = Vec::new();
        for &p in g[..pos].iter().rev() {
            let next = parts.last().copied().unwrap_or(t);
            let gap = self.between(p, next);
            // 其中 opens a breakdown: the figure before it is a total, not a part.
            if gap.contains("其中") {
                break;
            }
            let joined = if next == t {
                let rest = gap.trim_start_matches(['，', ',', ' ']);
                rest.is_empty() || TOTAL_WORDS.iter().any(|w| rest.starts_with(w))
            } else {
                list_gap(gap)
            };
            if !joined || !same_measure(self.fig(p), self.fig(t)) {
                break;
            }
            parts.push(p);
        }
        parts.reverse();
        // A price per unit (每人车费2元, 一个景点25元) is no part of a sum.
        if parts.iter().any(|&p| per_unit(self.before(p))) {
            return Vec::new();
        }
        parts
    }

    /// Adds the check of `parts` against the total `t`; `strict` when the
    /// parts are known to make up the whole.
    fn sum(&self, out: &mut Vec<Check>, t: usize, parts: &[usize], strict: bool) {
        let total = self.fig(t);
        let Some(tv) = value(total) else { return };
        let vals: Option<Vec<Value>> = parts.iter().map(|&p| value(self.fig(p))).collect();
        let Some(vals) = vals else { return };
        let computed: f64 = vals.iter().map(|v| v.v).sum();
        let lo: f64 = vals.iter().map(|v| v.lo()).sum();
        let hi: f64 = vals.iter().map(|v| v.hi()).sum();
        let mut figs = vec![total];
        figs.extend(parts.iter().map(|&p| self.fig(p)));
        let mut status = verdict(figs.iter().copied(), tv, lo, hi);
        if status == CheckStatus::Inconsistent && !strict {
            status = CheckStatus::Uncheckable;
        }
        let mut idx = vec![t];
        idx.extend_from_slice(parts);
        let terms: Vec<String> = vals.iter().map(|v| num(v.v)).collect();
        out.push(self.made(
            CheckKind::Sum,
            status,
            tv.v,
            computed,
            &idx,
            format!("{} = {}", terms.join(" + "), num(computed)),
        ));
    }
}
