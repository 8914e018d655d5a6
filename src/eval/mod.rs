//! Evaluation against gold data: precision, recall and F1.
//!
//! The functions take gold files' text and return scores; the CLI prints them.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

pub mod figures;
pub mod ner;

/// True positives, false positives and false negatives of one class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Predicted and in gold.
    pub tp: u64,
    /// Predicted, not in gold.
    pub fp: u64,
    /// In gold, not predicted.
    pub fn_: u64,
}

impl Counts {
    /// tp / (tp + fp), or 0.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// tp / (tp + fn), or 0.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Adds another class's counts.
    pub fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores overall and per class (type or kind).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Scores {
    /// Micro-averaged counts over all classes.
    pub overall: Counts,
    /// Counts per class.
    pub per_class: BTreeMap<String, Counts>,
}

impl Scores {
    /// Adds counts for `class` (and to the overall counts).
    pub fn add(&mut self, class: &str, c: Counts) {
        self.overall.add(c);
        self.per_class.entry(class.to_string()).or_default().add(c);
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<10} {:>9} {:>9} {:>9} {:>7} {:>7} {:>7}",
            "class", "precision", "recall", "f1", "tp", "fp", "fn"
        )?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, c: &Counts| {
            writeln!(
                f,
                "{:<10} {:>9.4} {:>9.4} {:>9.4} {:>7} {:>7} {:>7}",
                name,
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp,
                c.fp,
                c.fn_
            )
        };
        for (k, c) in &self.per_class {
            row(f, k, c)?;
        }
        row(f, "overall", &self.overall)
    }
}
