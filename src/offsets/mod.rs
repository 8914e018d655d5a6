//! Offsets: the one place that converts between units.
//!
//! Every span that leaves the library is a [`Span`]: UTF-16 code units into
//! the *original* input, end-exclusive (what JavaScript's `String.slice`
//! uses). Stages work on the cleaned text in byte offsets (what Rust's `&str`
//! slicing uses) and convert at the edge through an [`OffsetMap`].
//!
//! The map stores checkpoints `(clean_byte, original_utf16)`. Between two
//! checkpoints every clean character stands for exactly one original
//! character of the same UTF-16 length (cleaning may replace `４` by `4`,
//! both one unit, but never changes a character's UTF-16 length without a
//! checkpoint). A checkpoint is written at every deletion and every
//! [`CHECKPOINT_EVERY`] characters, so a lookup is a binary search plus a
//! short scan.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` in UTF-16 code units into the original input.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// First UTF-16 unit.
    pub start: u32,
    /// One past the last UTF-16 unit.
    pub end: u32,
}

impl Span {
    /// A span from its two ends.
    pub fn new(start: u32, end: u32) -> Span {
        Span { start, end }
    }
    /// Number of UTF-16 units covered.
    pub fn len(&self) -> u32 {
        self.end - self.start
    }
    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// True when the two spans share at least one unit.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// How many characters may pass between two checkpoints.
pub const CHECKPOINT_EVERY: usize = 64;

/// Maps byte offsets in a cleaned text to UTF-16 offsets in the original.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// `(clean_byte, original_utf16)`, strictly increasing in `clean_byte`.
    points: Vec<(u32, u32)>,
    /// The cleaned text's length in bytes.
    clean_len: u32,
    /// The original text's length in UTF-16 units.
    original_len: u32,
}

/// Builds an [`OffsetMap`] while a cleaner walks the original text.
///
/// Call [`keep`](OffsetMapBuilder::keep) for every character written to the
/// clean text (with the original character's UTF-16 offset) and
/// [`finish`](OffsetMapBuilder::finish) at the end.
#[derive(Debug, Default)]
pub struct OffsetMapBuilder {
    map: OffsetMap,
    clean_byte: u32,
    /// Where the next kept character would land if nothing was deleted.
    expected_original: u32,
    since_checkpoint: usize,
}

impl OffsetMapBuilder {
    /// A builder for an empty clean text.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records that `clean_char` was written to the clean text, standing for
    /// the original character that starts at UTF-16 offset `original_utf16`
    /// and is `original_units` long.
    ///
    /// # Panics
    /// In debug builds, when `clean_char` and the original character differ in
    /// UTF-16 length: the map could not be exact.
    pub fn keep(&mut self, clean_char: char, original_utf16: u32, original_units: u32) {
        debug_assert_eq!(clean_char.len_utf16() as u32, original_units);
        if original_utf16 != self.expected_original
            || self.since_checkpoint >= CHECKPOINT_EVERY
            || self.map.points.is_empty()
        {
            self.map.points.push((self.clean_byte, original_utf16));
            self.since_checkpoint = 0;
        }
        self.since_checkpoint += 1;
        self.clean_byte += clean_char.len_utf8() as u32;
        self.expected_original = original_utf16 + original_units;
    }

    /// Ends the map; `original_len` is the original text's length in UTF-16 units.
    pub fn finish(mut self, original_len: u32) -> OffsetMap {
        self.map
            .points
            .push((self.clean_byte, self.expected_original));
        self.map.clean_len = self.clean_byte;
        self.map.original_len = original_len;
        self.map
    }
}

impl OffsetMap {
    /// The map of a text that cleaning left unchanged.
    pub fn identity(text: &str) -> OffsetMap {
        let mut b = OffsetMapBuilder::new();
        let mut u = 0u32;
        for c in text.chars() {
            let n = c.len_utf16() as u32;
            b.keep(c, u, n);
            u += n;
        }
        b.finish(u)
    }

    /// Length of the clean text in bytes.
    pub fn clean_len(&self) -> usize {
        self.clean_len as usize
    }

    /// Length of the original text in UTF-16 units.
    pub fn original_len(&self) -> u32 {
        self.original_len
    }

    /// The original UTF-16 offset of the clean character starting at byte
    /// `clean_byte` of `clean` (or the end of the text).
    ///
    /// `clean` must be the text this map was built for, and `clean_byte` a
    /// char boundary in it.
    pub fn to_original(&self, clean: &str, clean_byte: usize) -> u32 {
        debug_assert_eq!(clean.len(), self.clean_len as usize);
        if self.points.is_empty() {
            return 0;
        }
        let cb = clean_byte as u32;
        let i = match self.points.binary_search_by_key(&cb, |p| p.0) {
            Ok(i) => i,
            Err(0) => 0,
            Err(i) => i - 1,
        };
        let (pb, po) = self.points[i];
        let tail = &clean[pb as usize..clean_byte];
        po + utf16_len(tail)
    }

    /// The original span covered by the clean byte range `[start, end)`.
    ///
    /// The end is taken just after the original character of the last clean
    /// character, so text deleted after it (a stray space) is not included.
    pub fn span(&self, clean: &str, start: usize, end: usize) -> Span {
        let s = self.to_original(clean, start);
        if end <= start {
            return Span::new(s, s);
        }
        let last = clean[..end]
            .chars()
            .next_back()
            .map(|c| (end - c.len_utf8(), c.len_utf16() as u32));
        match last {
            Some((lb, n)) => Span::new(s, self.to_original(clean, lb) + n),
            None => Span::new(s, s),
        }
    }
}

/// UTF-16 length of a string.
pub fn utf16_len(s: &str) -> u32 {
    // Every char has one lead byte (not `10xxxxxx`); a four-byte char (lead
    // `11110xxx`) is a surrogate pair. Counting bytes vectorizes; walking
    // `encode_utf16` does not.
    s.bytes()
        .map(|b| u32::from(b & 0xC0 != 0x80) + u32::from(b >= 0xF0))
        .sum()
}

/// Converts a byte offset in `text` to a UTF-16 offset by scanning from the
/// start. For many lookups on one text, build an [`OffsetMap::identity`].
pub fn byte_to_utf16(text: &str, byte: usize) -> u32 {
    utf16_len(&text[..byte])
}

#[cfg(test)]
mod tests;
