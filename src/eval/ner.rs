//! `wenxi eval ner`: entities against gold data.
//!
//! Two kinds of gold:
//! - **span files** (`{"id","text","spans"}` jsonl, code points, end-exclusive):
//!   exact `(start, end, type)` micro precision, recall and F1, per type and
//!   overall, and the strings most often missed and wrongly reported. A line
//!   with `coarse_spans` (the CLUENER dev file) is scored on those, its
//!   PER/LOC/ORG mapping.
//! - **the seed page's gold** (`seed-gold.json`, entities with their type,
//!   nested entities and alias forms): the share of gold entities found and
//!   the share of reported entities that are wrong, as the page shows them.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use serde::Deserialize;
use serde_json::Value;

use super::{Counts, Scores};
use crate::entities::Entity;
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
    #[serde(default)]
    pub spans: Vec<(usize, usize, String)>,
    /// The PER/LOC/ORG mapping of fine-grained spans, when the file has one;
    /// scored instead of `spans`.
    #[serde(default)]
    pub coarse_spans: Option<Vec<(usize, usize, String)>>,
}

impl GoldLine {
    /// The PER/LOC/ORG spans to score against.
    pub fn gold(self) -> Vec<(usize, usize, String)> {
        self.coarse_spans.unwrap_or(self.spans)
    }
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

/// A set of `(start, end, type)` spans.
pub type SpanSet = HashSet<(usize, usize, String)>;

/// How often each string was missed or wrongly reported, per type.
#[derive(Debug, Clone, Default)]
pub struct Errors {
    /// Gold strings not found, by type.
    pub missed: BTreeMap<String, HashMap<String, u32>>,
    /// Reported strings not in the gold, by type.
    pub wrong: BTreeMap<String, HashMap<String, u32>>,
}

impl Errors {
    /// The `n` most frequent strings of `map`, most frequent first (ties by string).
    pub fn top(map: &HashMap<String, u32>, n: usize) -> Vec<(&str, u32)> {
        let mut v: Vec<(&str, u32)> = map.iter().map(|(s, &c)| (s.as_str(), c)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v.truncate(n);
        v
    }
}

/// Scores of one span file, its errors and the lines that could not be analysed.
#[derive(Debug, Clone, Default)]
pub struct NerEval {
    /// Exact-span scores, overall and per type.
    pub scores: Scores,
    /// Missed and wrong strings.
    pub errors: Errors,
    /// 1-based lines whose analysis panicked (scored as all misses).
    pub failed_lines: Vec<usize>,
    /// The first lines with an error, each as the text and what was missed
    /// and wrong (as many as asked for).
    pub shown: Vec<String>,
}

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

/// Counts the strings of `text` that are in `a` and not in `b`, by type.
fn count_diff(
    text: &[char],
    a: &SpanSet,
    b: &SpanSet,
    into: &mut BTreeMap<String, HashMap<String, u32>>,
) {
    for s in a.difference(b) {
        let (start, end) = (s.0.min(text.len()), s.1.min(text.len()));
        let string: String = text[start..end].iter().collect();
        *into
            .entry(s.2.clone())
            .or_default()
            .entry(string)
            .or_default() += 1;
    }
}

/// Scores the analyzer on a jsonl gold file's text.
pub fn evaluate(analyzer: &Analyzer, gold_jsonl: &str) -> Result<NerEval, String> {
    evaluate_showing(analyzer, gold_jsonl, 0)
}

/// One line's errors, for reading: the text, then the missed and the wrong strings.
fn describe(text: &[char], gold: &SpanSet, pred: &SpanSet) -> String {
    let list = |a: &SpanSet, b: &SpanSet| -> String {
        let mut v: Vec<_> = a.difference(b).collect();
        v.sort();
        v.iter()
            .map(|s| {
                let t: String = text[s.0.min(text.len())..s.1.min(text.len())]
                    .iter()
                    .collect();
                format!("{t}/{}", s.2)
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    format!(
        "{}\n  missed: {}\n  wrong: {}",
        text.iter().collect::<String>(),
        list(gold, pred),
        list(pred, gold)
    )
}

/// [`evaluate`], also keeping the first `show` lines that have an error.
pub fn evaluate_showing(
    analyzer: &Analyzer,
    gold_jsonl: &str,
    show: usize,
) -> Result<NerEval, String> {
    let mut ev = NerEval::default();
    for t in ["PER", "LOC", "ORG"] {
        ev.scores.per_class.insert(t.into(), Counts::default());
    }
    for (n, line) in gold_jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let g: GoldLine = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        let text = g.text.clone();
        let gold: SpanSet = g.gold().into_iter().collect();
        // One line that panics (a bug elsewhere in the pipeline) is scored as
        // all misses and reported, instead of ending the whole evaluation.
        let pred: SpanSet = match std::panic::catch_unwind(|| predict(analyzer, &text)) {
            Ok(p) => p.into_iter().collect(),
            Err(_) => {
                ev.failed_lines.push(n + 1);
                HashSet::new()
            }
        };
        score_line(&mut ev.scores, &gold, &pred);
        let chars: Vec<char> = text.chars().collect();
        if ev.shown.len() < show && gold != pred {
            ev.shown.push(describe(&chars, &gold, &pred));
        }
        count_diff(&chars, &gold, &pred, &mut ev.errors.missed);
        count_diff(&chars, &pred, &gold, &mut ev.errors.wrong);
    }
    Ok(ev)
}

/// Several files' scores, printed side by side: one column group per file.
pub struct SideBySide<'a>(pub &'a [(String, &'a Scores)]);

impl fmt::Display for SideBySide<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:<8}", "")?;
        for (name, _) in self.0 {
            write!(f, " | {:^26}", shorten(name, 26))?;
        }
        writeln!(f)?;
        write!(f, "{:<8}", "type")?;
        for _ in self.0 {
            write!(f, " | {:>8} {:>8} {:>8}", "P", "R", "F1")?;
        }
        writeln!(f)?;
        let empty = Counts::default();
        for class in ["PER", "LOC", "ORG", "overall"] {
            write!(f, "{class:<8}")?;
            for (_, s) in self.0 {
                let c = if class == "overall" {
                    &s.overall
                } else {
                    s.per_class.get(class).unwrap_or(&empty)
                };
                write!(
                    f,
                    " | {:>8.4} {:>8.4} {:>8.4}",
                    c.precision(),
                    c.recall(),
                    c.f1()
                )?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

/// The last `n` chars of `s`, so a long path still shows its file name.
fn shorten(s: &str, n: usize) -> String {
    let c: Vec<char> = s.chars().collect();
    c[c.len().saturating_sub(n)..].iter().collect()
}

/// How the entities of a report compare with the seed page's gold.
#[derive(Debug, Clone, Default)]
pub struct SeedScore {
    /// Gold entities found (canonical text or alias) with the right type.
    pub found: usize,
    /// Gold entities.
    pub gold: usize,
    /// Reported entities that are no gold entity, nested entity or alias
    /// form: `(text, type)`.
    pub wrong: Vec<(String, &'static str)>,
    /// Reported entities.
    pub reported: usize,
    /// Gold entities not found.
    pub missed: Vec<String>,
}

impl SeedScore {
    /// Found / gold.
    pub fn recall(&self) -> f64 {
        self.found as f64 / self.gold.max(1) as f64
    }
    /// Wrong / reported.
    pub fn wrong_rate(&self) -> f64 {
        self.wrong.len() as f64 / self.reported.max(1) as f64
    }
}

impl fmt::Display for SeedScore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "seed page: found {}/{} gold entities ({:.1}%), {} of {} reported wrong ({:.1}%)",
            self.found,
            self.gold,
            100.0 * self.recall(),
            self.wrong.len(),
            self.reported,
            100.0 * self.wrong_rate()
        )?;
        writeln!(f, "  missed: {}", self.missed.join(" "))?;
        let wrong: Vec<String> = self.wrong.iter().map(|(t, k)| format!("{t}/{k}")).collect();
        writeln!(f, "  wrong: {}", wrong.join(" "))
    }
}

/// Scores a report's entities against the seed gold (`seed-gold.json` text).
pub fn seed_score(entities: &[Entity], gold_json: &str) -> Result<SeedScore, String> {
    let gold: Value = serde_json::from_str(gold_json).map_err(|e| e.to_string())?;
    let list = |key: &str| -> Result<&Vec<Value>, String> {
        gold[key]
            .as_array()
            .ok_or_else(|| format!("seed gold: no {key:?} list"))
    };
    let s = |v: &Value| v.as_str().unwrap_or_default().to_string();
    let mut ok: HashSet<(String, String)> = HashSet::new();
    for e in list("entities")? {
        ok.insert((s(&e["text"]), s(&e["type"])));
        if e["alt_type"].is_string() {
            ok.insert((s(&e["text"]), s(&e["alt_type"])));
        }
    }
    for e in list("nested_entities")? {
        ok.insert((s(&e["text"]), s(&e["type"])));
    }
    for a in list("aliases")? {
        for form in a["forms_in_text"].as_array().into_iter().flatten() {
            ok.insert((s(form), s(&a["type"])));
        }
    }
    let mut score = SeedScore {
        reported: entities.len(),
        ..SeedScore::default()
    };
    for g in list("entities")? {
        let text = s(&g["text"]);
        let types = [s(&g["type"]), s(&g["alt_type"])];
        let found = entities.iter().any(|e| {
            types.iter().any(|t| t == e.kind.code())
                && (e.text == text || e.aliases.contains(&text))
        });
        score.gold += 1;
        if found {
            score.found += 1;
        } else {
            score.missed.push(text);
        }
    }
    score.wrong = entities
        .iter()
        .filter(|e| !ok.contains(&(e.text.clone(), e.kind.code().to_string())))
        .map(|e| (e.text.clone(), e.kind.code()))
        .collect();
    Ok(score)
}
