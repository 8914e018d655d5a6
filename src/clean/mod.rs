//! Clean: repair OCR and layout damage without losing the way back.
//!
//! The output is a [`Cleaned`]: the repaired text plus an
//! [`OffsetMap`](crate::offsets::OffsetMap) from its byte offsets to the
//! original input's UTF-16 offsets. Cleaning only deletes characters or
//! replaces one character by another of the same UTF-16 length, which keeps
//! the map exact.

use crate::offsets::{OffsetMap, OffsetMapBuilder, Span};

/// The cleaned text and its way back to the original.
#[derive(Debug, Clone)]
pub struct Cleaned {
    /// The repaired text that every later stage reads.
    pub text: String,
    /// Clean byte offsets to original UTF-16 offsets.
    pub map: OffsetMap,
}

impl Cleaned {
    /// The original span of the clean byte range `[start, end)`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        self.map.span(&self.text, start, end)
    }
}

/// True for the CJK ideographs and CJK punctuation that never take a space between them.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0x20000..=0x2FA1F)
}

/// Maps full-width digits, Latin letters and `％．` to their half-width forms.
pub fn half_width(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '％' | '．' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

/// Cleans `original`. Idempotent: `clean(&clean(x).text).text == clean(x).text`.
pub fn clean(original: &str) -> Cleaned {
    let chars: Vec<(u32, char)> = {
        let mut u = 0u32;
        original
            .chars()
            .map(|c| {
                let at = u;
                u += c.len_utf16() as u32;
                (at, c)
            })
            .collect()
    };
    let total = chars
        .last()
        .map(|&(u, c)| u + c.len_utf16() as u32)
        .unwrap_or(0);
    let mut text = String::with_capacity(original.len());
    let mut map = OffsetMapBuilder::new();
    let mut i = 0;
    while i < chars.len() {
        let (u, c) = chars[i];
        if c == ' ' || c == '\u{3000}' {
            // A run of spaces between two CJK characters (or CJK and a digit) is OCR damage.
            let mut j = i;
            while j < chars.len() && (chars[j].1 == ' ' || chars[j].1 == '\u{3000}') {
                j += 1;
            }
            let prev = text.chars().next_back();
            let next = chars.get(j).map(|&(_, c)| half_width(c));
            let joinable = |p: char, n: char| {
                (is_cjk(p) && (is_cjk(n) || n.is_ascii_digit()))
                    || (p.is_ascii_digit() && is_cjk(n))
            };
            if let (Some(p), Some(n)) = (prev, next) {
                if joinable(p, n) {
                    i = j;
                    continue;
                }
            }
        }
        let h = half_width(c);
        text.push(h);
        map.keep(h, u, c.len_utf16() as u32);
        i += 1;
    }
    Cleaned {
        text,
        map: map.finish(total),
    }
}

#[cfg(test)]
mod tests;
