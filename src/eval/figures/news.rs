//! Figures against the news gold format (`news-dev.json`).
//!
//! Each item holds a `text` and three lists over it, as code-point spans
//! (end-exclusive): `figures`, `numeric_names` and `excluded` (numerals that
//! are no figure, each with a `reason`). The scoring follows the set's
//! `RULES.md`:
//!
//! - a prediction matches a gold figure when the spans overlap and kind and
//!   value agree ([`super::value_matches`]); matching is one-to-one, in gold
//!   order;
//! - a gold figure marked `borderline` counts neither for nor against
//!   recall, and a prediction over one counts neither way;
//! - a prediction over a numeric name or an excluded numeral counts against
//!   precision, except over a `score` or `odds` exclusion (neither way);
//! - any other unmatched prediction counts against precision.

use serde::Deserialize;

use super::{find_match, new_eval, value_text, FigureEval};
use crate::figures::Figure;
use crate::offsets::Span;
use crate::Analyzer;

/// The parts of a news-format gold file this evaluation reads.
#[derive(Debug, Deserialize)]
pub struct NewsGold {
    /// The texts with their annotations.
    pub items: Vec<NewsItem>,
}

/// One annotated text.
#[derive(Debug, Deserialize)]
pub struct NewsItem {
    /// Where it comes from (`file:line`).
    #[serde(default)]
    pub id: String,
    /// The text, as stored.
    pub text: String,
    /// Its figures.
    pub figures: Vec<NewsFigure>,
    /// Numbers inside names, codes and set phrases.
    #[serde(default)]
    pub numeric_names: Vec<Marked>,
    /// Numerals that are no figure, each with a reason.
    #[serde(default)]
    pub excluded: Vec<Marked>,
}

/// One gold figure.
#[derive(Debug, Deserialize)]
pub struct NewsFigure {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The text at `[start, end)`.
    pub surface: String,
    /// One of the nine kinds.
    pub kind: String,
    /// A number, an ISO-like string or `[low, high]`.
    pub value: serde_json::Value,
    /// A figure a careful annotator could leave out.
    #[serde(default)]
    pub borderline: bool,
}

/// A numeric name or an excluded numeral.
#[derive(Debug, Deserialize)]
pub struct Marked {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The text at `[start, end)`.
    pub surface: String,
    /// Why an excluded numeral is no figure (`indefinite`, `score` ...).
    #[serde(default)]
    pub reason: Option<String>,
}

/// Reasons whose numerals count neither way when predicted.
const NEUTRAL_REASONS: &[&str] = &["score", "odds"];

/// UTF-16 span of the code points `[start, end)` of `text`.
fn utf16_span(text: &str, start: usize, end: usize) -> Span {
    let mut units = 0u32;
    let (mut s, mut e) = (None, None);
    for (k, c) in text.chars().enumerate() {
        if k == start {
            s = Some(units);
        }
        if k == end {
            e = Some(units);
        }
        units += c.len_utf16() as u32;
    }
    Span::new(s.unwrap_or(units), e.unwrap_or(units))
}

/// Scores the figures predicted for each item (`predicted[i]` for
/// `gold.items[i]`) against the gold.
pub fn score(gold: &NewsGold, predicted: &[Vec<Figure>]) -> FigureEval {
    let mut ev = new_eval();
    for (item, figures) in gold.items.iter().zip(predicted) {
        score_item(&mut ev, item, figures);
    }
    ev
}

fn score_item(ev: &mut FigureEval, item: &NewsItem, figures: &[Figure]) {
    let span = |s: usize, e: usize| utf16_span(&item.text, s, e);
    let mut used = vec![false; figures.len()];
    for g in item.figures.iter().filter(|g| !g.borderline) {
        let gs = span(g.start, g.end);
        let hit = find_match(figures, &used, &gs, &g.kind, &g.value);
        match hit {
            Some(pi) => {
                used[pi] = true;
                ev.count(&g.kind, 1, 0, 0);
            }
            None => {
                ev.count(&g.kind, 0, 0, 1);
                let near: Vec<String> = figures
                    .iter()
                    .filter(|p| p.span.overlaps(&gs))
                    .map(|p| format!("{} {} {}", p.surface, p.kind.name(), value_text(&p.value)))
                    .collect();
                ev.missed.push(format!(
                    "[{}] {} ({} {}); predicted there: [{}]",
                    item.id,
                    g.surface,
                    g.kind,
                    g.value,
                    near.join(", ")
                ));
            }
        }
    }
    for (pi, p) in figures.iter().enumerate() {
        if used[pi] {
            continue;
        }
        let on_borderline = item
            .figures
            .iter()
            .any(|g| g.borderline && p.span.overlaps(&span(g.start, g.end)));
        let excluded = item
            .excluded
            .iter()
            .find(|x| p.span.overlaps(&span(x.start, x.end)));
        let neutral_exclusion = excluded.is_some_and(|x| {
            x.reason
                .as_deref()
                .is_some_and(|r| NEUTRAL_REASONS.contains(&r))
        });
        if on_borderline || neutral_exclusion {
            ev.neutral += 1;
            continue;
        }
        ev.count(p.kind.name(), 0, 1, 0);
        let gold_there = if let Some(x) = excluded {
            format!(
                "excluded {} ({})",
                x.surface,
                x.reason.as_deref().unwrap_or("?")
            )
        } else if let Some(n) = item
            .numeric_names
            .iter()
            .find(|n| p.span.overlaps(&span(n.start, n.end)))
        {
            format!("numeric name {}", n.surface)
        } else if let Some(g) = item
            .figures
            .iter()
            .find(|g| p.span.overlaps(&span(g.start, g.end)))
        {
            format!("gold {} {} {}", g.surface, g.kind, g.value)
        } else {
            "nothing".into()
        };
        ev.spurious.push(format!(
            "[{}] {} ({} {} {:?}); gold there: {gold_there}",
            item.id,
            p.surface,
            p.kind.name(),
            value_text(&p.value),
            p.unit,
        ));
    }
}

/// Parses a news-format gold file, analyses each text and scores the figures.
pub fn evaluate(analyzer: &Analyzer, gold_json: &str) -> Result<FigureEval, String> {
    let gold: NewsGold = serde_json::from_str(gold_json).map_err(|e| format!("gold: {e}"))?;
    let predicted: Vec<Vec<Figure>> = gold
        .items
        .iter()
        .map(|i| {
            analyzer
                .analyze(&i.text, &crate::Options::default())
                .figures
        })
        .collect();
    Ok(score(&gold, &predicted))
}
