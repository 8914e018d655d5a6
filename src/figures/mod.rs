//! Figures: numbers that state a count, share, amount, date, time, duration or rank.
//!
//! The scanner walks the *clean* text once, character by character (jieba's
//! tokens would split `近/3000/余家`). At each character that can start a
//! numeral it asks [`numeral::scan`] for the longest numeral, then reads
//! outwards:
//!
//! 1. a prefix: 第 (ordinal), 近/约/逾/超过/突破/上 (approximation), 今年/去年
//!    (a relative year), 百分之 / 千分之 (percent);
//! 2. a suffix marker inside or after the numeral (余, 多, 来, 几);
//! 3. a unit from [`units::UNITS`], longest match first, which decides the
//!    kind (件 → count, 元 → money, 亩 → quantity, 天 → duration, 届 →
//!    ordinal, 年/月/日 → date when the number fits, 时 → time);
//! 4. a marker after the unit (以上, 左右, 许, 初 ...), or a second numeral
//!    after 至/到/~ that makes a range.
//!
//! Chinese numerals need a unit (or 第, or a percent form) to count as a
//! figure, and a list of set phrases and lexicalised words (一些, 统一,
//! 千万别, 三农, 零容忍 ...) is refused outright, as is 一 on its own, which in
//! news prose is almost always the article "a". Arabic numbers without a
//! unit are kept as bare counts (a truncated line may have lost the unit).
//!
//! Dates keep only what is printed in `value` (`--06-10` when no year is
//! printed). Only when the text states its own year (`今年是2021年`, or a
//! dateline `2021年6月10日 星期四`) does a date without a year get the full
//! date in `resolved`, with `inferred: true`; a year is never borrowed from
//! another figure.
//!
//! A figure serialises as (field names are the contract with the page):
//!
//! ```json
//! {"span": {"start": 69, "end": 72}, "surface": "近1000万元", "kind": "money",
//!  "value": 10000000.0, "unit": "元", "approx": "近", "subject": "争取项目资金",
//!  "sentence": 12, "article": 0, "inferred": false}
//! ```
//!
//! `value` is a number, a string for dates and times (`"2020-08"`,
//! `"--06-10"`, `"---05"` for a day alone, `"09:00"`) or `[low, high]` for a
//! range; `approx` joins a marker before and one after with `…` (`近…余`);
//! `resolved` (only for dates printed without a year, in a text that states
//! its year) is the full date, and `inferred` says that year was not printed.
//!
//! [`bounds`] reads comparison words (大于, 不少于, 以上, 之间) into
//! intervals, and [`numeral`] parses numerals on their own.
//!
//! The subject (the thing the figure measures) comes from the jieba tags
//! when the caller has them ([`scan_tagged`]): the noun phrase right after
//! the unit (`30多名党员和志愿者连夜…` → 党员和志愿者), or else the clause
//! before the figure with a trailing copula dropped (`整改率为98%` → 整改率).

use std::ops::Range;

use serde::Serialize;

use crate::clean::Cleaned;
use crate::layout::Layout;
use crate::lexicon::Token;
use crate::offsets::Span;

pub mod bounds;
pub mod check;
pub mod numeral;
mod respectively;
mod scan;
mod subject;
pub mod units;

pub use scan::{find_raw, RawFigure};

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

impl FigureKind {
    /// The lower-case name used in JSON and in the gold files.
    pub fn name(self) -> &'static str {
        match self {
            FigureKind::Count => "count",
            FigureKind::Percent => "percent",
            FigureKind::Money => "money",
            FigureKind::Date => "date",
            FigureKind::Time => "time",
            FigureKind::Duration => "duration",
            FigureKind::Ordinal => "ordinal",
            FigureKind::Range => "range",
            FigureKind::Quantity => "quantity",
        }
    }
}

/// A figure's resolved value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FigureValue {
    /// A number (money in 元, percent in percentage points).
    Number(f64),
    /// An ISO-like date: `2016`, `2020-08`, `--06-10`; a time `09:00`.
    Date(String),
    /// A range `[low, high]`.
    Range([f64; 2]),
    /// A range of dates or times, each end as [`FigureValue::Date`] writes
    /// it: `["--01", "--10"]`, `["2019", "2021"]`, `["08:00", "12:00"]`.
    DateRange([String; 2]),
}

/// One figure found in the text.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    /// Where it is in the original input.
    pub span: Span,
    /// Clean byte range (internal).
    #[serde(skip)]
    pub clean: Range<usize>,
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
    /// For dates printed without a year (or with 今年/去年), when the text
    /// states its own year: the full date, e.g. `2021-06-10`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved: Option<String>,
    /// True when `resolved` carries a year that is not printed with the date.
    pub inferred: bool,
}

/// Scans the clean text for figures (subjects from the text alone).
pub fn scan(cleaned: &Cleaned, layout: &Layout) -> Vec<Figure> {
    scan_tagged(cleaned, layout, &[])
}

/// Scans the clean text for figures, using jieba's tags (clean byte offsets,
/// in text order) to name subjects. `tokens` may be empty.
pub fn scan_tagged(cleaned: &Cleaned, layout: &Layout, tokens: &[Token]) -> Vec<Figure> {
    scan_with_persons(cleaned, layout, tokens, &[])
}

/// [`scan_tagged`], with the clean byte ranges of the persons the entity
/// stage found (in text order): a subject never reaches back over a name.
pub fn scan_with_persons(
    cleaned: &Cleaned,
    layout: &Layout,
    tokens: &[Token],
    persons: &[Range<usize>],
) -> Vec<Figure> {
    let text = &cleaned.text;
    let raws = find_raw(text);
    let page_year = stated_year(text, &raws);
    let ctx = subject::Ctx {
        text,
        tokens,
        persons,
    };
    let sentences: Vec<Option<usize>> = raws.iter().map(|r| layout.sentence_at(r.start)).collect();
    let mut subjects: Vec<Option<String>> = raws
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let prev_end = if k > 0 { raws[k - 1].end } else { 0 };
            let next = raws.get(k + 1);
            // A figure broken over a blank line (20\n\n天) spans two sentences.
            let clean = |x: Option<usize>| x.map(|x| layout.sentences[x].clean.clone());
            let first = clean(sentences[k]).map_or(0, |s| s.start);
            let last =
                clean(layout.sentence_at(r.end.saturating_sub(1))).map_or(text.len(), |s| s.end);
            let sentence = first..last.max(r.end);
            subject::subject(&ctx, r, prev_end, next, sentence)
        })
        .collect();
    respectively::pair(&ctx, &raws, &mut subjects);
    let mut out = Vec::with_capacity(raws.len());
    for ((r, subject), sentence) in raws.iter().zip(subjects).zip(sentences) {
        let (resolved, inferred) = resolve_date(r, page_year);
        out.push(Figure {
            span: cleaned.span(r.start, r.end),
            clean: r.start..r.end,
            surface: r.surface(text),
            kind: r.kind,
            value: r.value.clone(),
            unit: r.unit.to_string(),
            approx: match (r.prefix, r.approx) {
                (Some(p), Some(a)) => Some(format!("{p}…{a}")),
                (None, a) => a.map(str::to_string),
                (p, None) => p.map(str::to_string),
            },
            subject,
            sentence: sentence.map(|x| x as u32),
            article: sentence.map(|x| layout.sentences[x].article),
            resolved,
            inferred,
        });
    }
    out
}

/// The year the text says it is written in, if it says so: `今年是2021年`,
/// `今年（2021年）`, or a dated masthead or dateline, a full date followed
/// by its weekday (`2021年6月10日 星期四`). Another figure's year is never
/// taken for it: a page that mentions 2016 and a 2025 target says nothing
/// of its own year.
fn stated_year(text: &str, raws: &[RawFigure]) -> Option<i32> {
    raws.iter().find_map(|r| {
        let FigureValue::Date(d) = &r.value else {
            return None;
        };
        let year = d.get(..4)?.parse::<i32>().ok()?;
        let before = text[..r.start].trim_end_matches([' ', '\u{3000}']);
        let after = text[r.end..].trim_start_matches([' ', '\u{3000}']);
        let this_year = ["今年是", "今年为", "今年（", "今年("]
            .iter()
            .any(|w| before.ends_with(w))
            && d.len() == 4;
        let dateline = d.len() == 10 && ["星期", "周", "礼拜"].iter().any(|w| after.starts_with(w));
        (this_year || dateline).then_some(year)
    })
}

/// The full date of a date figure printed without a year.
fn resolve_date(r: &RawFigure, page_year: Option<i32>) -> (Option<String>, bool) {
    let FigureValue::Date(d) = &r.value else {
        return (None, false);
    };
    if r.kind != FigureKind::Date || !d.starts_with("--") {
        return (None, false);
    }
    let Some(y) = page_year else {
        return (None, false);
    };
    let y = y + r.year_offset;
    (Some(format!("{y:04}{}", &d[1..])), true)
}

#[cfg(test)]
mod tests;
