//! `wenxi eval ner`: exact (start, end, type) micro P/R/F1 on `{"id","text","spans"}` jsonl.

use std::collections::HashSet;

use serde::Deserialize;

use super::{Counts, Scores};
use crate::Analyzer;

/// One gold line.
#[derive(Debug, Deserialize)]
pub struct GoldLine {
    /// Line id.
    #[serde(default)]
    pub id: serde_json::Value,
    /// The text.
    pub text: String,
    /// `[start, end, type]`, code points, end-exclusive.
    pub spans: Vec<(usize, usize, String)>,
}

/// Predicted `(start, end, type)` spans in code points for one text.
pub fn predict(analyzer: &Analyzer, text: &str) -> Vec<(usize, usize, String)> {
    let report = analyzer.analyze(text, &crate::Options::default());
    // Report spans are UTF-16; gold spans are code points.
    let units: Vec<usize> = {
        let mut v = Vec::with_capacity(text.len() + 1);
        for (i, c) in text.chars().enumerate() {
            for _ in 0..c.len_utf16() {
                v.push(i);
            }
        }
        v.push(text.chars().count());
        v
    };
    let mut out = Vec::new();
    for e in &report.entities {
        for m in &e.mentions {
            out.push((
                units[m.span.start as usize],
                units[m.span.end as usize],
                e.kind.code().to_string(),
            ));
        }
    }
    out
}

/// Scores and the lines that could not be analysed.
#[derive(Debug, Clone, Default)]
pub struct NerEval {
    /// Exact-span scores, overall and per type.
    pub scores: Scores,
    /// 1-based lines whose analysis panicked (scored as all misses).
    pub failed_lines: Vec<usize>,
}

/// Scores the analyzer on a jsonl gold file's text.
pub fn evaluate(analyzer: &Analyzer, gold_jsonl: &str) -> Result<Scores, String> {
    evaluate_detailed(analyzer, gold_jsonl).map(|e| e.scores)
}

/// A set of `(start, end, type)` spans.
pub type SpanSet = HashSet<(usize, usize, String)>;

/// Adds one line's exact-match counts, per type, to `scores`.
pub fn score_line(scores: &mut Scores, gold: &SpanSet, pred: &SpanSet) {
    for t in ["PER", "LOC", "ORG"] {
        let gp: HashSet<_> = gold.iter().filter(|s| s.2 == t).collect();
        let pp: HashSet<_> = pred.iter().filter(|s| s.2 == t).collect();
        let tp = gp.intersection(&pp).count() as u64;
        scores.add(
            t,
            Counts {
                tp,
                fp: pp.len() as u64 - tp,
                fn_: gp.len() as u64 - tp,
            },
        );
    }
}

/// [`evaluate`], also naming the lines that could not be analysed.
pub fn evaluate_detailed(analyzer: &Analyzer, gold_jsonl: &str) -> Result<NerEval, String> {
    let mut failed = Vec::new();
    let mut scores = Scores::default();
    for t in ["PER", "LOC", "ORG"] {
        scores.per_class.insert(t.into(), Counts::default());
    }
    for (n, line) in gold_jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let g: GoldLine = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        let gold: HashSet<(usize, usize, String)> = g.spans.into_iter().collect();
        // One line that panics (a bug elsewhere in the pipeline) is scored as
        // all misses and reported, instead of ending the whole evaluation.
        let pred: HashSet<(usize, usize, String)> =
            match std::panic::catch_unwind(|| predict(analyzer, &g.text)) {
                Ok(p) => p.into_iter().collect(),
                Err(_) => {
                    failed.push(n + 1);
                    HashSet::new()
                }
            };
        score_line(&mut scores, &gold, &pred);
    }
    Ok(NerEval {
        scores,
        failed_lines: failed,
    })
}
