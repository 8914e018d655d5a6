//! The figure scanner: one pass over the clean text's characters.
//!
//! [`find_raw`] walks the text once; at each character that can start a
//! figure, [`figure_at`] reads one figure in named steps, each in its own
//! module:
//!
//! 1. [`lead`]: figures that open with a word or a sign, not a numeral
//!    (第 ordinals, 百分之 percents, `$` amounts, signs, 半 forms);
//!    and periods of the calendar ([`period`]: 二季度, 上半年, 90年代);
//! 2. [`unit`]: the numeral itself (refused inside words and codes), then
//!    what follows it: a marker (余, 多), a unit or measure word;
//! 3. [`kinds`]: the figure the unit's class makes (a count, a date, a
//!    time, a percent from 成 or 折 ...);
//! 4. [`range`]: a second figure after 至, 到 or a dash that makes a range;
//! 5. [`markers`]: markers after and before the figure (以上, 左右; 近, 超过).

use super::numeral::{self, Numeral};
use super::{FigureKind, FigureValue};

mod kinds;
mod lead;
mod markers;
mod period;
mod range;
mod unit;

/// A figure in clean byte offsets, before subjects and spans are attached.
#[derive(Debug, Clone, PartialEq)]
pub struct RawFigure {
    /// First clean byte (a printed prefix marker such as 近 or 第 included).
    pub start: usize,
    /// One past the last clean byte.
    pub end: usize,
    /// Clean byte where the numeral itself starts.
    pub num_start: usize,
    /// What it states.
    pub kind: FigureKind,
    /// The value.
    pub value: FigureValue,
    /// The unit as reported.
    pub unit: &'static str,
    /// The approximation marker.
    pub approx: Option<&'static str>,
    /// A second marker printed before the figure when `approx` holds the
    /// one after it (近3000余家: 近 here, 余 in `approx`).
    pub prefix: Option<&'static str>,
    /// For dates with 今年/去年/明年: years to add to the page year.
    pub year_offset: i32,
}

impl RawFigure {
    /// The surface: the clean text of the figure without whitespace.
    pub fn surface(&self, text: &str) -> String {
        text[self.start..self.end]
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    }
}

/// Markers before a numeral that are printed as part of the figure.
const PREFIX_IN_SURFACE: &[&str] = &["近", "约", "逾", "上", "数", "几"];

/// Characters of context kept before a candidate.
const WINDOW_BACK: usize = 2;
/// Characters of context kept after a candidate: more than any numeral,
/// unit and marker together.
const WINDOW_AHEAD: usize = 64;

/// Finds every figure in `text`, in text order, without overlaps.
///
/// The text is walked once, char by char. Only at a candidate character
/// (a digit, a numeral character, 第, $ ...) is a small window of characters
/// decoded into a reused buffer for `figure_at`: a whole-text character
/// array would cost more than the scan itself.
pub fn find_raw(text: &str) -> Vec<RawFigure> {
    let mut out: Vec<RawFigure> = Vec::new();
    let mut win: Vec<(usize, char)> = Vec::with_capacity(WINDOW_BACK + WINDOW_AHEAD + 1);
    let mut pos = 0;
    while let Some(c) = text[pos..].chars().next() {
        if !candidate(c) {
            pos += c.len_utf8();
            continue;
        }
        let mut start = pos;
        for _ in 0..WINDOW_BACK {
            if start == 0 {
                break;
            }
            start -= 1;
            while !text.is_char_boundary(start) {
                start -= 1;
            }
        }
        win.clear();
        let mut i = 0;
        for (off, ch) in text[start..].char_indices() {
            if start + off == pos {
                i = win.len();
            }
            if win.len() > WINDOW_BACK + WINDOW_AHEAD {
                break;
            }
            win.push((start + off, ch));
        }
        let wend = win.last().map_or(text.len(), |&(b, ch)| b + ch.len_utf8());
        let w = Win {
            text,
            cs: &win,
            len: wend,
        };
        match figure_at(&w, i) {
            Ok((mut f, next)) => {
                // A printed prefix (近, 上, 今年) must not reach into the figure before.
                let last_end = out.last().map_or(0, |p| p.end);
                if f.start < last_end && f.num_start >= last_end {
                    if f.prefix.is_some_and(|a| PREFIX_IN_SURFACE.contains(&a)) {
                        f.prefix = None;
                    } else if f.approx.is_some_and(|a| PREFIX_IN_SURFACE.contains(&a)) {
                        f.approx = None;
                    }
                    f.start = f.num_start;
                    f.year_offset = 0;
                }
                if f.start >= last_end {
                    out.push(f);
                }
                pos = w.byte(next).max(pos + c.len_utf8());
            }
            Err(skip) => pos = w.byte(skip).max(pos + c.len_utf8()),
        }
    }
    out
}

/// Chinese characters other than numerals that can start a figure.
const OTHER_STARTS: [u64; 328] =
    numeral::cjk_bits(&['第', '万', '萬', '亿', '億', '负', '負', '对', '對']);

#[inline]
fn candidate(c: char) -> bool {
    numeral::starts_numeral(c)
        || numeral::in_bits(&OTHER_STARTS, c)
        || matches!(c, '$' | '￥' | '¥' | '-' | '－')
}

/// A figure read at a char index, with the char index after it; or the
/// char index to resume from.
type Step = Result<(RawFigure, usize), usize>;

/// A window of the text's characters (absolute byte offsets) around a
/// candidate; it ends at byte `len`.
#[derive(Clone, Copy)]
struct Win<'a> {
    text: &'a str,
    cs: &'a [(usize, char)],
    len: usize,
}

impl<'a> Win<'a> {
    /// The char at index `i`, or NUL past the window.
    fn ch(&self, i: usize) -> char {
        self.cs.get(i).map_or('\0', |c| c.1)
    }

    /// The char before index `i`, or NUL.
    fn prev(&self, i: usize) -> char {
        if i > 0 {
            self.ch(i - 1)
        } else {
            '\0'
        }
    }

    /// The byte where char `i` starts (`len` past the window).
    fn byte(&self, i: usize) -> usize {
        self.cs.get(i).map_or(self.len, |c| c.0)
    }

    /// The text from char `i` on.
    fn rest(&self, i: usize) -> &'a str {
        &self.text[self.byte(i)..]
    }

    /// Char index of byte `b` (a char boundary), searching forward from char
    /// `from`: figures are short, so this is a few steps, not a binary search
    /// over the whole text.
    fn idx(&self, from: usize, b: usize) -> usize {
        let cs = self.cs;
        let mut k = from.min(cs.len());
        if k < cs.len() && cs[k].0 > b {
            return cs.partition_point(|c| c.0 < b);
        }
        while k < cs.len() && cs[k].0 < b {
            k += 1;
        }
        k
    }

    /// The text before char `i` ends with `s`.
    fn before_is(&self, i: usize, s: &str) -> bool {
        self.text[..self.byte(i)].ends_with(s)
    }

    /// The longest numeral at char `i`.
    fn numeral(&self, i: usize) -> Option<Numeral> {
        numeral::scan_chars(self.cs, i, self.len)
    }

    /// The window cut before char `p`.
    fn upto(&self, p: usize) -> Win<'a> {
        Win {
            text: self.text,
            cs: &self.cs[..p],
            len: self.cs[p].0,
        }
    }

    /// A numeral at char `i` followed by one of `units`, with its value in
    /// `[lo, hi]`: the value and the char index after the unit.
    fn num_unit(&self, i: usize, units: &[char], lo: f64, hi: f64) -> Option<(f64, usize)> {
        let n = self.numeral(i)?;
        let e = self.idx(i, n.end);
        (units.contains(&self.ch(e)) && is_int_in(n.value, lo, hi)).then_some((n.value, e + 1))
    }

    /// A figure spanning chars `[i, j)`.
    fn raw(
        &self,
        i: usize,
        j: usize,
        kind: FigureKind,
        value: f64,
        unit: &'static str,
    ) -> RawFigure {
        RawFigure {
            start: self.cs[i].0,
            end: self.byte(j),
            num_start: self.cs[i].0,
            kind,
            value: FigureValue::Number(value),
            unit,
            approx: None,
            prefix: None,
            year_offset: 0,
        }
    }
}

/// Returns the figure at char `i` and the char index after it, or the char
/// index to resume from.
fn figure_at(w: &Win, i: usize) -> Step {
    if i >= w.cs.len() {
        return Err(i);
    }
    if let Some(step) = lead::lead(w, i) {
        return step;
    }
    let n = unit::numeral_at(w, i)?;
    let reading = match unit::read(w, i, n) {
        unit::Read::Done(step) => return step,
        unit::Read::Unit(r) => r,
    };
    match kinds::figure(w, i, &reading)? {
        kinds::Made::Done(done) => Ok(done),
        kinds::Made::Open(f) => Ok(markers::finish(w, i, f)),
    }
}

fn is_int_in(v: f64, lo: f64, hi: f64) -> bool {
    v.fract() == 0.0 && v >= lo && v <= hi
}
