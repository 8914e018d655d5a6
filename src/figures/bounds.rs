//! Bounds: numbers stated as intervals (`超过300`, `不少于20`, `1000以上`,
//! `20~100`, `在20和30之间`, `大于10小于20`).
//!
//! The figure scanner records a single bound as an approximation marker on
//! the figure (超过 → `approx: "超过"`); this module gives the interval
//! itself, for callers that want `[low, high)` semantics. It reads the
//! numerals from [`numeral::find_all`] and the comparison words around them,
//! then joins a lower and an upper bound that follow each other (`大于10并小于20`).

use std::fmt;

use super::numeral::{self, Numeral};

/// An interval over the numbers, with its place in the text (clean bytes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bound {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Lower end, if bounded below.
    pub low: Option<f64>,
    /// Upper end, if bounded above.
    pub high: Option<f64>,
    /// The lower end is included.
    pub low_closed: bool,
    /// The upper end is included.
    pub high_closed: bool,
}

impl fmt::Display for Bound {
    /// Interval notation: `[20,100)`, `(500,)`, `(,100]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = |v: Option<f64>| v.map_or(String::new(), |v| format!("{v}"));
        write!(
            f,
            "{}{},{}{}",
            if self.low_closed { '[' } else { '(' },
            n(self.low),
            n(self.high),
            if self.high_closed { ']' } else { ')' }
        )
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Op {
    Ge,
    Gt,
    Le,
    Lt,
    Eq,
}

const PREFIX: &[(&str, Op)] = &[
    ("大于或者等于", Op::Ge),
    ("大于或等于", Op::Ge),
    ("大于等于", Op::Ge),
    ("不小于", Op::Ge),
    ("不少于", Op::Ge),
    ("不低于", Op::Ge),
    ("至少是", Op::Ge),
    ("至少有", Op::Ge),
    ("至少为", Op::Ge),
    ("至少", Op::Ge),
    ("最少", Op::Ge),
    ("≥", Op::Ge),
    (">=", Op::Ge),
    ("小于或者等于", Op::Le),
    ("小于或等于", Op::Le),
    ("小于等于", Op::Le),
    ("不大于", Op::Le),
    ("不多于", Op::Le),
    ("不超过", Op::Le),
    ("不高于", Op::Le),
    ("最多为", Op::Le),
    ("最多是", Op::Le),
    ("最多有", Op::Le),
    ("最多", Op::Le),
    ("至多", Op::Le),
    ("≤", Op::Le),
    ("<=", Op::Le),
    ("大于", Op::Gt),
    ("多于", Op::Gt),
    ("高于", Op::Gt),
    ("超过了", Op::Gt),
    ("超过", Op::Gt),
    ("超出", Op::Gt),
    ("突破", Op::Gt),
    ("过", Op::Gt),
    (">", Op::Gt),
    ("小于", Op::Lt),
    ("少于", Op::Lt),
    ("低于", Op::Lt),
    ("不到", Op::Lt),
    ("不足", Op::Lt),
    ("<", Op::Lt),
    ("等于", Op::Eq),
];

const SUFFIX: &[(&str, Op)] = &[
    ("或者以上", Op::Ge),
    ("或以上", Op::Ge),
    ("或者更多", Op::Ge),
    ("或更多", Op::Ge),
    ("及以上", Op::Ge),
    ("或者以下", Op::Le),
    ("或以下", Op::Le),
    ("及以下", Op::Le),
    ("以上", Op::Gt),
    ("以下", Op::Lt),
    ("之下", Op::Lt),
    ("多", Op::Gt),
    ("余", Op::Gt),
];

const JOINERS: &[&str] = &[
    "的同时",
    "并且",
    "而且",
    "同时",
    "并",
    "且",
    "，",
    ",",
    "、",
    "",
];
const RANGE_SEPS: &[&str] = &["到", "至", "~", "～", "-", "–", "—", "－"];

fn bound(start: usize, end: usize, op: Op, v: f64) -> Bound {
    let (low, high) = match op {
        Op::Ge | Op::Gt => (Some(v), None),
        Op::Le | Op::Lt => (None, Some(v)),
        Op::Eq => (Some(v), Some(v)),
    };
    Bound {
        start,
        end,
        low,
        high,
        low_closed: matches!(op, Op::Ge | Op::Eq),
        high_closed: matches!(op, Op::Le | Op::Eq),
    }
}

/// `<=` or `>=` typed with a space inside (`< = 100`) at the end of
/// `before`: where it starts and what it means.
fn spaced_operator(before: &str) -> Option<(usize, Op)> {
    let head = trim_end(before.strip_suffix('=')?);
    if head.len() + 1 == before.len() {
        return None;
    }
    let op = match head.chars().next_back()? {
        '<' => Op::Le,
        '>' => Op::Ge,
        _ => return None,
    };
    Some((head.len() - 1, op))
}

/// Strips spaces at the end of `s`.
fn trim_end(s: &str) -> &str {
    s.trim_end_matches([' ', '\u{3000}'])
}

/// Every bound in `text`, in order.
pub fn bounds(text: &str) -> Vec<Bound> {
    let mut nums: Vec<Numeral> = numeral::find_all(text);
    let mut prev_end = 0;
    for n in &mut nums {
        // 百分之零点九: the percent words belong to the number.
        if text[..n.start].ends_with("百分之") && n.start - "百分之".len() >= prev_end {
            n.start -= "百分之".len();
        }
        prev_end = n.end;
    }
    let mut single: Vec<Bound> = Vec::new();
    let mut k = 0;
    while k < nums.len() {
        let n = nums[k];
        let before = trim_end(&text[..n.start]);
        let after = &text[n.end..];
        let after_t = after.trim_start_matches(' ');
        let pad = after.len() - after_t.len();
        // Between: 在20和30之间, 10000与20000间, 20~100, 一千到一千五百.
        if let Some(m) = nums.get(k + 1) {
            let mid = text[n.end..m.start].trim_matches(' ');
            let mid = mid.strip_suffix('第').unwrap_or(mid);
            let tail = &text[m.end..];
            let sep = ["和", "与", "跟"].contains(&mid);
            let close = ["之间", "间"].iter().find(|w| tail.starts_with(**w));
            if let (true, Some(close)) = (sep, close) {
                let mut start = n.start;
                for w in ["位于", "在"] {
                    let b = before.strip_suffix('第').unwrap_or(before);
                    if let Some(p) = b.strip_suffix(w) {
                        start = p.len();
                        break;
                    }
                }
                single.push(Bound {
                    start,
                    end: m.end + close.len(),
                    low: Some(n.value),
                    high: Some(m.value),
                    low_closed: true,
                    high_closed: false,
                });
                k += 2;
                continue;
            }
            if RANGE_SEPS.contains(&mid)
                && n.value <= m.value
                && !text[..n.start].ends_with(['-', '－'])
            {
                single.push(Bound {
                    start: n.start,
                    end: m.end,
                    low: Some(n.value),
                    high: Some(m.value),
                    low_closed: true,
                    high_closed: false,
                });
                k += 2;
                continue;
            }
        }
        // 比30大 / 比170低.
        if let Some(b) = before.strip_suffix('比') {
            let op = match after_t.chars().next() {
                Some('大' | '高' | '多') => Some(Op::Gt),
                Some('小' | '低' | '少') => Some(Op::Lt),
                _ => None,
            };
            if let Some(op) = op {
                single.push(bound(b.len(), n.end + pad + 3, op, n.value));
                k += 1;
                continue;
            }
        }
        let spaced = spaced_operator(before);
        let pre = PREFIX.iter().find(|(w, _)| before.ends_with(w));
        // A unit may sit between the number and 以上 (20万次以上).
        let unit_len = super::units::unit_at(after_t)
            .filter(|u| {
                SUFFIX
                    .iter()
                    .any(|(w, _)| after_t[u.text.len()..].starts_with(w))
            })
            .map_or(0, |u| u.text.len());
        let suf = SUFFIX
            .iter()
            .find(|(w, _)| after_t[unit_len..].starts_with(w));
        if let Some((start, op)) = spaced {
            single.push(bound(start, n.end, op, n.value));
        } else if let Some(&(w, op)) = pre {
            single.push(bound(before.len() - w.len(), n.end, op, n.value));
        } else if let Some(&(w, op)) = suf {
            // 多 / 余 only right after the numeral.
            if !(matches!(w, "多" | "余") && (unit_len > 0 || pad > 0)) {
                single.push(bound(
                    n.start,
                    n.end + pad + unit_len + w.len(),
                    op,
                    n.value,
                ));
            }
        } else if n.flags.approx.is_some() {
            single.push(bound(n.start, n.end, Op::Gt, n.value));
        }
        k += 1;
    }
    join(text, single)
}

/// Joins a lower and an upper bound that follow each other (`大于10小于20`);
/// of overlapping readings keeps the first.
fn join(text: &str, single: Vec<Bound>) -> Vec<Bound> {
    let mut out: Vec<Bound> = Vec::new();
    for b in single {
        if let Some(a) = out.last_mut() {
            if a.end > b.start {
                // Overlapping readings (三两以上: 两 as a unit and as a number): keep the first.
                continue;
            }
            let mid = text[a.end..b.start].trim_matches(' ');
            let lower_upper = a.high.is_none() && b.low.is_none();
            let upper_lower = a.low.is_none() && b.high.is_none();
            if JOINERS.contains(&mid) && (lower_upper || upper_lower) {
                let (lo, hi) = if lower_upper { (*a, b) } else { (b, *a) };
                if lo.low < hi.high {
                    *a = Bound {
                        start: a.start,
                        end: b.end,
                        low: lo.low,
                        high: hi.high,
                        low_closed: lo.low_closed,
                        high_closed: hi.high_closed,
                    };
                    continue;
                }
            }
        }
        out.push(b);
    }
    out
}
