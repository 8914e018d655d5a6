//! Figures against the seed page's gold (`seed-gold.json`).
//!
//! The gold gives each figure as `surface` + 1-based `line`, not as a span.
//! [`locate`] turns that into a span of the original text: it takes the
//! original from the start of `line` to the end of `line + 4` (a figure may
//! be broken across a blank line, `20\n\n天`), removes spaces and newlines
//! while remembering each kept character's UTF-16 offset, and finds the
//! surface (spaces removed) there, starting inside `line`. When the same
//! surface appears more than once for the same line in the gold, the n-th
//! gold entry takes the n-th occurrence. When the surface is not found (the
//! column-interleaved `6月10日` on line 91), the gold's `raw` form is tried
//! the same way; a gold figure that still cannot be located counts as a miss.
//!
//! A predicted figure matches a gold figure as [`super::value_matches`] and
//! overlapping spans say. Matching is one-to-one, in gold order.
//!
//! Subject accuracy is computed over every gold figure of kind count,
//! percent or money (an unmatched one counts as wrong). A subject is right
//! when, after removing spaces and quote marks, it equals the gold subject
//! or one contains the other. The exact-match rate is printed too.

use serde::Deserialize;

use super::{find_match, new_eval, value_text, FigureEval};
use crate::eval::Counts;
use crate::figures::Figure;
use crate::offsets::Span;
use crate::Analyzer;

/// The part of the seed gold file this evaluation reads.
#[derive(Debug, Deserialize)]
pub struct Gold {
    /// The page file name, under `seeds/`.
    pub source: String,
    /// The figures.
    pub figures: Vec<GoldFigure>,
}

/// One gold figure.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldFigure {
    /// Numeral + marker + unit, spaces removed.
    pub surface: String,
    /// count, percent, money, date, time, duration, ordinal, range, quantity.
    pub kind: String,
    /// A number, an ISO-like string or `[low, high]`.
    pub value: serde_json::Value,
    /// The unit as printed.
    #[serde(default)]
    pub unit: Option<String>,
    /// The approximation marker.
    #[serde(default)]
    pub approx: Option<String>,
    /// The phrase it measures.
    #[serde(default)]
    pub subject: Option<String>,
    /// 1-based line in the page.
    pub line: usize,
    /// The printed form where it differs from the surface.
    #[serde(default)]
    pub raw: Option<String>,
}

/// Finds the original span of `surface` printed at 1-based `line` of `page`;
/// `nth` picks among several occurrences.
pub fn locate(page: &str, line: usize, surface: &str, nth: usize) -> Option<Span> {
    let want: Vec<char> = surface.chars().filter(|c| !c.is_whitespace()).collect();
    if want.is_empty() {
        return None;
    }
    // (char, utf16 offset, is on the gold line)
    let mut kept: Vec<(char, u32, bool)> = Vec::new();
    let mut u = 0u32;
    let mut ln = 1usize;
    for c in page.chars() {
        if ln >= line && ln <= line + 4 && !c.is_whitespace() {
            kept.push((c, u, ln == line));
        }
        if c == '\n' {
            ln += 1;
        }
        u += c.len_utf16() as u32;
    }
    let mut seen = 0;
    for s in 0..kept.len() {
        if !kept[s].2 {
            continue;
        }
        if kept.len() - s >= want.len() && (0..want.len()).all(|k| kept[s + k].0 == want[k]) {
            if seen == nth {
                let last = kept[s + want.len() - 1];
                return Some(Span::new(kept[s].1, last.1 + last.0.len_utf16() as u32));
            }
            seen += 1;
        }
    }
    None
}

/// Normalises a subject for comparison: no spaces, no quote marks.
fn norm_subject(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !"\"'“”‘’「」『』".contains(*c))
        .collect()
}

/// True when a predicted subject is right for the gold subject.
pub fn subject_matches(pred: &str, gold: &str) -> bool {
    let (p, g) = (norm_subject(pred), norm_subject(gold));
    !p.is_empty() && !g.is_empty() && (p.contains(&g) || g.contains(&p))
}

/// Scores `figures` (found in `page`) against `gold`.
pub fn score(gold: &Gold, page: &str, figures: &[Figure]) -> FigureEval {
    let mut ev = new_eval();
    let mut used = vec![false; figures.len()];
    for (gi, g) in gold.figures.iter().enumerate() {
        let nth = gold.figures[..gi]
            .iter()
            .filter(|h| h.line == g.line && h.surface == g.surface)
            .count();
        let span = locate(page, g.line, &g.surface, nth)
            .or_else(|| g.raw.as_deref().and_then(|r| locate(page, g.line, r, 0)));
        let subject_scored = matches!(g.kind.as_str(), "count" | "percent" | "money");
        if subject_scored {
            ev.subject_total += 1;
        }
        let Some(span) = span else {
            ev.unlocated.push(format!("line {} {}", g.line, g.surface));
            ev.scores.add(
                &g.kind,
                Counts {
                    fn_: 1,
                    ..Default::default()
                },
            );
            ev.missed.push(format!(
                "line {} {} ({} {}) not located",
                g.line, g.surface, g.kind, g.value
            ));
            continue;
        };
        let hit = find_match(figures, &used, &span, &g.kind, &g.value);
        match hit {
            Some(pi) => {
                used[pi] = true;
                ev.scores.add(
                    &g.kind,
                    Counts {
                        tp: 1,
                        ..Default::default()
                    },
                );
                if subject_scored {
                    let p = figures[pi].subject.as_deref().unwrap_or("");
                    let gs = g.subject.as_deref().unwrap_or("");
                    if subject_matches(p, gs) {
                        ev.subject_right += 1;
                        if norm_subject(p) == norm_subject(gs) {
                            ev.subject_exact += 1;
                        }
                    } else {
                        ev.wrong_subjects.push(format!("{}: {p} | {gs}", g.surface));
                    }
                }
            }
            None => {
                ev.scores.add(
                    &g.kind,
                    Counts {
                        fn_: 1,
                        ..Default::default()
                    },
                );
                let near: Vec<String> = figures
                    .iter()
                    .filter(|p| p.span.overlaps(&span))
                    .map(|p| format!("{} {} {}", p.surface, p.kind.name(), value_text(&p.value)))
                    .collect();
                ev.missed.push(format!(
                    "line {} {} ({} {}); overlapping predictions: [{}]",
                    g.line,
                    g.surface,
                    g.kind,
                    g.value,
                    near.join(", ")
                ));
            }
        }
    }
    for (pi, p) in figures.iter().enumerate() {
        if !used[pi] {
            ev.scores.add(
                p.kind.name(),
                Counts {
                    fp: 1,
                    ..Default::default()
                },
            );
            ev.spurious.push(format!(
                "{} ({} {} {:?}) at {}..{}",
                p.surface,
                p.kind.name(),
                value_text(&p.value),
                p.unit,
                p.span.start,
                p.span.end
            ));
        }
    }
    ev
}

/// Parses the gold file, analyses `page` and scores the figures.
pub fn evaluate(analyzer: &Analyzer, gold_json: &str, page: &str) -> Result<FigureEval, String> {
    let gold: Gold = serde_json::from_str(gold_json).map_err(|e| format!("gold: {e}"))?;
    let report = analyzer.analyze(page, &crate::Options::default());
    Ok(score(&gold, page, &report.figures))
}

/// The page file a gold file names (`source`).
pub fn gold_source(gold_json: &str) -> Result<String, String> {
    let gold: Gold = serde_json::from_str(gold_json).map_err(|e| format!("gold: {e}"))?;
    Ok(gold.source)
}
