//! Keyword-in-context: every occurrence of a term, with the text around it.
//!
//! The search runs on the clean text, where OCR spaces between ideographs are
//! already gone, so `巡察` matches `巡 察` of the original. Line breaks are
//! dropped from both the text and the term before searching, so a term
//! broken across two print lines is found too. Hits carry original UTF-16
//! spans, like every span that leaves the library.

use serde::Serialize;

use crate::clean::{clean, Cleaned};
use crate::layout::Layout;
use crate::offsets::Span;

/// One occurrence of a term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KwicHit {
    /// Where the occurrence is in the original input (UTF-16, end-exclusive).
    pub span: Span,
    /// Up to `context` characters of clean text before it (line breaks dropped).
    pub left: String,
    /// The occurrence as it reads in the clean text.
    pub hit: String,
    /// Up to `context` characters of clean text after it (line breaks dropped).
    pub right: String,
    /// Index of its sentence, if it lies in one.
    pub sentence: Option<u32>,
    /// Index of its article, if it lies in one.
    pub article: Option<u32>,
}

/// The clean text without line breaks, with the way back.
struct Joined<'a> {
    text: std::borrow::Cow<'a, str>,
    /// `(joined byte, clean bytes removed before it)`, one per removed run.
    breaks: Vec<(usize, usize)>,
}

impl<'a> Joined<'a> {
    fn new(clean: &'a str) -> Joined<'a> {
        if !clean.contains(['\n', '\r']) {
            return Joined {
                text: clean.into(),
                breaks: Vec::new(),
            };
        }
        let mut text = String::with_capacity(clean.len());
        let mut breaks = Vec::new();
        let mut removed = 0;
        let mut last = 0;
        for (i, c) in clean.match_indices(['\n', '\r']) {
            text.push_str(&clean[last..i]);
            removed += c.len();
            last = i + c.len();
            match breaks.last_mut() {
                Some((at, r)) if *at == text.len() => *r = removed,
                _ => breaks.push((text.len(), removed)),
            }
        }
        text.push_str(&clean[last..]);
        Joined {
            text: text.into(),
            breaks,
        }
    }

    /// Clean offset of joined offset `at`; `after_break` chooses the side of
    /// a removed line break sitting exactly at `at` (true for a start).
    fn clean_offset(&self, at: usize, after_break: bool) -> usize {
        let i = if after_break {
            self.breaks.partition_point(|&(p, _)| p <= at)
        } else {
            self.breaks.partition_point(|&(p, _)| p < at)
        };
        at + if i == 0 { 0 } else { self.breaks[i - 1].1 }
    }
}

/// The last `n` characters of `s`.
fn tail(s: &str, n: usize) -> &str {
    if n == 0 {
        return "";
    }
    let start = s.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &s[start..]
}

/// The first `n` characters of `s`.
fn head(s: &str, n: usize) -> &str {
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// Finds `term` in the clean text, in text order: at most `limit` hits
/// (0 means no limit), each with `context` characters either side.
///
/// The term is cleaned like the text (full-width digits and letters become
/// half-width, spaces between ideographs go, line breaks go) and trimmed; an
/// empty term finds nothing.
pub fn kwic(
    cleaned: &Cleaned,
    layout: &Layout,
    term: &str,
    context: usize,
    limit: usize,
) -> Vec<KwicHit> {
    let needle: String = clean(term)
        .text
        .chars()
        .filter(|&c| c != '\n' && c != '\r')
        .collect();
    let needle = needle.trim();
    if needle.is_empty() {
        return Vec::new();
    }
    let joined = Joined::new(&cleaned.text);
    let text: &str = &joined.text;
    let limit = if limit == 0 { usize::MAX } else { limit };
    let mut hits = Vec::new();
    for (at, found) in text.match_indices(needle).take(limit) {
        let end = at + found.len();
        let (cs, ce) = (
            joined.clean_offset(at, true),
            joined.clean_offset(end, false),
        );
        let sentence = layout.sentence_at(cs);
        let article = match sentence {
            Some(s) => Some(layout.sentences[s].article),
            None => {
                let i = layout.articles.partition_point(|a| a.clean.end <= cs);
                layout
                    .articles
                    .get(i)
                    .filter(|a| a.clean.contains(&cs))
                    .map(|a| a.index)
            }
        };
        hits.push(KwicHit {
            span: cleaned.span(cs, ce),
            left: tail(&text[..at], context).to_string(),
            hit: found.to_string(),
            right: head(&text[end..], context).to_string(),
            sentence: sentence.map(|s| s as u32),
            article,
        });
    }
    hits
}
