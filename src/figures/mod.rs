//! Figures: numbers that state a count, share, amount, date, time, duration or rank.
//!
//! First version: runs of Arabic digits with the character that follows as unit.

use serde::Serialize;

use crate::clean::Cleaned;
use crate::layout::Layout;
use crate::offsets::Span;

/// What a figure states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    /// A number of things: 4858件, 72人.
    Count,
    /// A share: 98%.
    Percent,
    /// An amount of money: 1000万元.
    Money,
    /// A date: 2020年8月.
    Date,
    /// A time of day: 9时30分.
    Time,
    /// A length of time: 20天.
    Duration,
    /// A rank: 第四.
    Ordinal,
    /// A range: 3至5年.
    Range,
    /// A measured quantity: 200亩, 3吨.
    Quantity,
}

/// A figure's resolved value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FigureValue {
    /// A number (money in 元, percent in percentage points).
    Number(f64),
    /// An ISO-like date: `2016`, `2020-08`, `--06-10`.
    Date(String),
    /// A range `[low, high]`.
    Range([f64; 2]),
}

/// One figure found in the text.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    /// Where it is in the original input.
    pub span: Span,
    /// The figure as cleaned: numeral, marker and unit, spaces removed.
    pub surface: String,
    /// What it states.
    pub kind: FigureKind,
    /// The resolved value.
    pub value: FigureValue,
    /// The unit or measure word as printed (件, 人, %, 元, 年...).
    pub unit: String,
    /// The approximation marker (余, 多, 近, 约...), if any.
    pub approx: Option<String>,
    /// The phrase the figure measures, if found.
    pub subject: Option<String>,
    /// Index of its sentence.
    pub sentence: Option<u32>,
    /// Index of its article.
    pub article: Option<u32>,
}

/// Scans the clean text for figures.
pub fn scan(cleaned: &Cleaned, layout: &Layout) -> Vec<Figure> {
    let text = &cleaned.text;
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let s = i;
        while i < b.len()
            && (b[i].is_ascii_digit()
                || (b[i] == b'.' && i + 1 < b.len() && b[i + 1].is_ascii_digit()))
        {
            i += 1;
        }
        let num: f64 = text[s..i].parse().unwrap_or(0.0);
        let unit: String = text[i..]
            .chars()
            .next()
            .filter(|c| !c.is_ascii_digit() && !c.is_whitespace())
            .map(String::from)
            .unwrap_or_default();
        let end = i + unit.len();
        let kind = match unit.as_str() {
            "%" => FigureKind::Percent,
            "元" => FigureKind::Money,
            "年" | "月" | "日" => FigureKind::Date,
            _ => FigureKind::Count,
        };
        let value = if kind == FigureKind::Date {
            FigureValue::Date(text[s..i].to_string())
        } else {
            FigureValue::Number(num)
        };
        let sentence = layout.sentence_at(s);
        out.push(Figure {
            span: cleaned.span(s, end),
            surface: text[s..end].to_string(),
            kind,
            value,
            unit,
            approx: None,
            subject: None,
            sentence: sentence.map(|x| x as u32),
            article: sentence.map(|x| layout.sentences[x].article),
        });
        i = end;
    }
    out
}
