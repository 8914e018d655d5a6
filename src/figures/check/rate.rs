//! Rates and shares: `发现问题4858件，已完成整改4761件，整改率为98%`.

use super::{
    amount, fixed, num, number, per_unit, same_measure, value, verdict, Check, CheckKind,
    CheckStatus, Sentence, TOTAL_WORDS,
};
use crate::figures::FigureKind;

impl Sentence<'_> {
    /// Reads the rates and shares of the sentence.
    pub(super) fn rates(&self, out: &mut Vec<Check>) {
        for (pos, &r) in self.group.iter().enumerate() {
            let f = self.fig(r);
            if f.kind != FigureKind::Percent || f.unit != "%" || pos < 2 {
                continue;
            }
            let earlier = &self.group[..pos];
            let Some((part, share)) = self.part_of(r, earlier) else {
                continue;
            };
            // Every figure that may be the total, likeliest first: the one
            // broken down after 其中, one opened by 共/合计, then the
            // nearest before the part. A share is of something larger than
            // its part; a rate may reach 100%.
            let p = self.fig(part);
            let fits = |t: usize| {
                t != part
                    && same_measure(self.fig(t), p)
                    && if share {
                        number(self.fig(t)) > number(p)
                    } else {
                        number(self.fig(t)) >= number(p)
                    }
            };
            let mut totals: Vec<usize> = earlier.iter().copied().filter(|&t| fits(t)).collect();
            totals.sort_by_key(|&t| {
                let rank = if self.broken_down(t) {
                    0
                } else if self.opened(t) {
                    1
                } else if t < part {
                    2
                } else {
                    3
                };
                (rank, std::cmp::Reverse(t))
            });
            let Some(rv) = value(f) else { continue };
            let mut found: Option<(usize, CheckStatus, f64)> = None;
            for &total in &totals {
                let t = self.fig(total);
                let (Some(pv), Some(tv)) = (value(p), value(t)) else {
                    continue;
                };
                if tv.v == 0.0 {
                    continue;
                }
                let lo = pv.lo().max(0.0) / tv.hi() * 100.0;
                let hi = pv.hi() / tv.lo().max(f64::MIN_POSITIVE) * 100.0;
                let status = verdict([f, p, t], rv, lo, hi);
                if found.is_none() || status == CheckStatus::Consistent {
                    found = Some((total, status, pv.v / tv.v * 100.0));
                }
                if status == CheckStatus::Consistent {
                    break;
                }
            }
            let Some((total, mut status, computed)) = found else {
                continue;
            };
            // More than one figure could be the total and none agrees: the
            // text does not say which, so nothing is flagged.
            if status == CheckStatus::Inconsistent && totals.len() > 1 {
                status = CheckStatus::Uncheckable;
            }
            let (pv, tv) = (number(p), number(self.fig(total)));
            out.push(self.made(
                CheckKind::Rate,
                status,
                rv.v,
                computed,
                &[r, part, total],
                format!("{} / {} = {}%", num(pv), num(tv), fixed(computed, 2)),
            ));
        }
    }

    /// The part a rate or share `r` is made of, among the figures before
    /// it, and whether it is a share. A rate named X率 takes the nearest
    /// figure whose phrase holds X (整改率 → 已完成整改4761件); a share after
    /// 占 takes the figure named before 占 (女职工占40% → 女职工120人), or
    /// the figure right before it.
    fn part_of(&self, r: usize, earlier: &[usize]) -> Option<(usize, bool)> {
        let before = self.before(r);
        let named = |stem: &str, p: usize| {
            self.fig(p)
                .subject
                .as_deref()
                .is_some_and(|s| s.contains(stem))
                || self.before(p).contains(stem)
        };
        let share = share_word(before);
        let part = if share {
            let stem = share_stem(before);
            if stem.chars().count() >= 2 {
                earlier.iter().rev().copied().find(|&p| named(stem, p))
            } else {
                earlier.last().copied()
            }
        } else {
            let stem = self
                .fig(r)
                .subject
                .as_deref()
                .and_then(|s| s.strip_suffix('率'))
                .filter(|s| s.chars().count() >= 2 && before.contains(&format!("{s}率")))?;
            earlier.iter().rev().copied().find(|&p| named(stem, p))
        }?;
        (amount(self.fig(part)) && !per_unit(self.before(part))).then_some((part, share))
    }

    /// A total opened by 共, 合计 and the like.
    fn opened(&self, t: usize) -> bool {
        let b = self.before(t).trim_end();
        TOTAL_WORDS.iter().any(|w| b.ends_with(w))
    }

    /// A total broken down after 其中.
    fn broken_down(&self, t: usize) -> bool {
        self.group
            .iter()
            .position(|&g| g == t)
            .and_then(|k| self.group.get(k + 1))
            .is_some_and(|&n| self.between(t, n).contains("其中"))
    }
}

/// The words before a share: 占, 占比(为), 占总数的.
fn share_word(before: &str) -> bool {
    let b = before.trim_end();
    b.ends_with('占')
        || ["占比", "占比为", "占比达"].iter().any(|w| b.ends_with(w))
        || (b.ends_with('的') && b.rfind('占').is_some_and(|i| b[i..].chars().count() <= 6))
}

/// What a share is of: the words before 占 in its clause (女职工占 → 女职工).
fn share_stem(before: &str) -> &str {
    let clause = before.rfind(['，', ',', '、']).map_or(before, |i| {
        &before[i + '，'.len_utf8().min(before.len() - i)..]
    });
    let clause = clause.trim_start_matches(['，', ',', '、']);
    clause.split('占').next().unwrap_or("").trim()
}
