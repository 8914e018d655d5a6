//! `wenxi eval figures`: figures against hand-made gold, in two formats.
//!
//! - The **seed** format (`seed-gold.json`, [`seed`]): one page named by
//!   `source`, each gold figure given by its surface and 1-based line.
//! - The **news** format (`news-dev.json`, [`news`]): `items`, each with a
//!   `text` and its `figures` as code-point spans, plus the numeric names and
//!   excluded numerals that must not be reported as figures.
//!
//! [`detect`] tells them apart. Both score span overlap + kind + value
//! ([`value_matches`]): unit, approximation marker and exact boundaries are
//! not part of the match. [`side_by_side`] prints several results as one table.

use std::fmt;

use super::{Counts, Scores};
use crate::figures::FigureValue;
use crate::Analyzer;

pub mod news;
pub mod seed;

pub use seed::{evaluate, gold_source, locate, score, subject_matches, Gold, GoldFigure};

/// The nine figure kinds, in the order tables print them.
pub const KINDS: [&str; 9] = [
    "count", "percent", "money", "date", "time", "duration", "ordinal", "range", "quantity",
];

/// Which gold format a file is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoldFormat {
    /// One page, figures by surface and line (`seed-gold.json`).
    Seed,
    /// Short texts with their figures as spans (`news-dev.json`).
    News,
}

/// Tells the gold formats apart: `items` whose entries hold `text` and
/// `figures` is the news format; a `source` page is the seed format.
pub fn detect(gold_json: &str) -> Result<GoldFormat, String> {
    let v: serde_json::Value = serde_json::from_str(gold_json).map_err(|e| format!("gold: {e}"))?;
    let is_news = v["items"].as_array().is_some_and(|items| {
        items
            .first()
            .is_some_and(|i| i["text"].is_string() && i["figures"].is_array())
    });
    if is_news {
        Ok(GoldFormat::News)
    } else if v["source"].is_string() && v["figures"].is_array() {
        Ok(GoldFormat::Seed)
    } else {
        Err(
            "gold: neither the seed format (source, figures) nor the news format \
             (items with text and figures)"
                .into(),
        )
    }
}

/// Scores a news-format gold file; the seed format needs its page, see
/// [`evaluate`].
pub fn evaluate_news(analyzer: &Analyzer, gold_json: &str) -> Result<FigureEval, String> {
    news::evaluate(analyzer, gold_json)
}

/// The result of one evaluation.
#[derive(Debug, Clone, Default)]
pub struct FigureEval {
    /// Precision, recall and F1, overall and per kind.
    pub scores: Scores,
    /// Gold count/percent/money figures whose subject is right (containment
    /// rule; seed format only: the news gold has no subjects).
    pub subject_right: usize,
    /// Of those, subjects equal to the gold after normalisation.
    pub subject_exact: usize,
    /// Gold count/percent/money figures with a subject to check.
    pub subject_total: usize,
    /// Gold figures that could not be located in the page.
    pub unlocated: Vec<String>,
    /// Gold figures not matched.
    pub missed: Vec<String>,
    /// Predicted figures not matched, with what the gold has there.
    pub spurious: Vec<String>,
    /// Predictions that count neither way (on a borderline gold figure, a
    /// score or betting odds).
    pub neutral: usize,
    /// Subjects judged wrong: `surface: predicted | gold`.
    pub wrong_subjects: Vec<String>,
}

impl FigureEval {
    /// Subject accuracy under the containment rule.
    pub fn subject_accuracy(&self) -> f64 {
        if self.subject_total == 0 {
            0.0
        } else {
            self.subject_right as f64 / self.subject_total as f64
        }
    }

    /// Adds one true positive, false positive or false negative of `kind`.
    fn count(&mut self, kind: &str, tp: u64, fp: u64, fn_: u64) {
        self.scores.add(kind, Counts { tp, fp, fn_ });
    }

    /// The lists of errors (and subject lines), without the score table.
    pub fn errors(&self) -> String {
        let mut s = String::new();
        use std::fmt::Write;
        if self.subject_total > 0 {
            let _ = writeln!(
                s,
                "subject (count/percent/money): {}/{} = {:.4} right (equal or containing); {} exact",
                self.subject_right,
                self.subject_total,
                self.subject_accuracy(),
                self.subject_exact
            );
        }
        if self.neutral > 0 {
            let _ = writeln!(
                s,
                "predictions counted neither way (borderline gold, scores, odds): {}",
                self.neutral
            );
        }
        if !self.unlocated.is_empty() {
            let _ = writeln!(
                s,
                "gold not located in the page: {}",
                self.unlocated.join("; ")
            );
        }
        for m in &self.missed {
            let _ = writeln!(s, "missed: {m}");
        }
        for w in &self.spurious {
            let _ = writeln!(s, "wrong: {w}");
        }
        for w in &self.wrong_subjects {
            let _ = writeln!(s, "subject: {w}");
        }
        s
    }
}

impl fmt::Display for FigureEval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.scores, self.errors())
    }
}

/// An empty evaluation with a row for every kind.
pub(crate) fn new_eval() -> FigureEval {
    let mut ev = FigureEval::default();
    for k in KINDS {
        ev.scores.per_class.insert(k.into(), Counts::default());
    }
    ev
}

/// Several evaluations as one table: a row per kind, precision, recall
/// and F1 of each named evaluation side by side.
pub fn side_by_side(evals: &[(&str, &FigureEval)]) -> String {
    use std::fmt::Write;
    let mut s = format!("{:<10}", "kind");
    for (name, _) in evals {
        let _ = write!(s, " | {:^28}", name);
    }
    s.push('\n');
    let _ = write!(s, "{:<10}", "");
    for _ in evals {
        let _ = write!(s, " | {:>6} {:>6} {:>6} {:>7}", "P", "R", "F1", "tp/gold");
    }
    s.push('\n');
    let row = |s: &mut String, name: &str, get: &dyn Fn(&FigureEval) -> Counts| {
        let _ = write!(s, "{name:<10}");
        for (_, ev) in evals {
            let c = get(ev);
            if c.tp + c.fp + c.fn_ == 0 {
                let _ = write!(s, " | {:>6} {:>6} {:>6} {:>7}", "-", "-", "-", "0/0");
            } else {
                let _ = write!(
                    s,
                    " | {:>6.3} {:>6.3} {:>6.3} {:>7}",
                    c.precision(),
                    c.recall(),
                    c.f1(),
                    format!("{}/{}", c.tp, c.tp + c.fn_)
                );
            }
        }
        s.push('\n');
    };
    for k in KINDS {
        row(&mut s, k, &|ev| {
            ev.scores.per_class.get(k).copied().unwrap_or_default()
        });
    }
    row(&mut s, "overall", &|ev| ev.scores.overall);
    s
}

/// True when a predicted value equals a gold value: dates and times as
/// strings, numbers exactly or within 1e-6 relative (so 3.0 = 3 and
/// 3e-05 = 0.00003), ranges end by end.
pub fn value_matches(pred: &FigureValue, gold: &serde_json::Value) -> bool {
    let close = |a: f64, b: f64| a == b || (a - b).abs() <= 1e-6 * a.abs().max(b.abs());
    match (pred, gold) {
        (FigureValue::Number(a), serde_json::Value::Number(b)) => {
            b.as_f64().is_some_and(|b| close(*a, b))
        }
        (FigureValue::Date(a), serde_json::Value::String(b)) => a == b,
        (FigureValue::Range([lo, hi]), serde_json::Value::Array(b)) => {
            b.len() == 2
                && b[0].as_f64().is_some_and(|x| close(*lo, x))
                && b[1].as_f64().is_some_and(|x| close(*hi, x))
        }
        (FigureValue::DateRange([lo, hi]), serde_json::Value::Array(b)) => {
            b.len() == 2 && b[0].as_str() == Some(lo.as_str()) && b[1].as_str() == Some(hi.as_str())
        }
        _ => false,
    }
}

/// The first prediction not yet `used` that matches a gold figure: spans
/// overlap, kinds and values agree.
pub(crate) fn find_match(
    figures: &[crate::figures::Figure],
    used: &[bool],
    span: &crate::offsets::Span,
    kind: &str,
    value: &serde_json::Value,
) -> Option<usize> {
    figures.iter().enumerate().position(|(pi, p)| {
        !used[pi]
            && p.span.overlaps(span)
            && p.kind.name() == kind
            && value_matches(&p.value, value)
    })
}

/// A value as the error lists print it.
pub(crate) fn value_text(v: &FigureValue) -> String {
    match v {
        FigureValue::Number(x) => format!("{x}"),
        FigureValue::Date(s) => s.clone(),
        FigureValue::Range([a, b]) => format!("[{a}, {b}]"),
        FigureValue::DateRange([a, b]) => format!("[{a}, {b}]"),
    }
}
