//! Layout: articles, headlines, bylines, paragraphs and sentences.
//!
//! Works on the cleaned text. Each item keeps its clean byte range (for the
//! later stages, never serialized) and its original [`Span`] (for the report).

use std::ops::Range;

use serde::Serialize;

use crate::clean::Cleaned;
use crate::offsets::Span;

/// One sentence of the page.
#[derive(Debug, Clone, Serialize)]
pub struct Sentence {
    /// Where it is in the original input.
    pub span: Span,
    /// Index of the article it belongs to.
    pub article: u32,
    /// Clean byte range (internal).
    #[serde(skip)]
    pub clean: Range<usize>,
}

/// A person named in a byline.
#[derive(Debug, Clone, Serialize)]
pub struct BylinePerson {
    /// The name, spaces removed.
    pub name: String,
    /// 记者, 通讯员, 文/图, ... as printed, or empty.
    pub role: String,
    /// Where the name is in the original input.
    pub span: Span,
}

/// A byline: who wrote or photographed the article.
#[derive(Debug, Clone, Serialize)]
pub struct Byline {
    /// The byline text (clean).
    pub text: String,
    /// Where it is in the original input.
    pub span: Span,
    /// The persons it names.
    pub persons: Vec<BylinePerson>,
}

/// A titled piece of text: headline, kicker, subtitle or section heading.
#[derive(Debug, Clone, Serialize)]
pub struct Heading {
    /// The text (clean, without `#`).
    pub text: String,
    /// Where it is in the original input.
    pub span: Span,
}

/// One article of the page.
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    /// Position on the page, from 0.
    pub index: u32,
    /// The headline, if one was found.
    pub title: Option<Heading>,
    /// The line above the headline (引题), if any.
    pub kicker: Option<Heading>,
    /// The subtitle (副题), if any.
    pub subtitle: Option<Heading>,
    /// Section headings inside the body.
    pub headings: Vec<Heading>,
    /// Bylines found in the article.
    pub bylines: Vec<Byline>,
    /// The whole article in the original input.
    pub span: Span,
    /// Paragraph spans of the body.
    pub paragraphs: Vec<Span>,
    /// Indices `[first, last)` into [`Layout::sentences`].
    pub sentences: [u32; 2],
    /// Clean byte range of the whole article (internal).
    #[serde(skip)]
    pub clean: Range<usize>,
}

/// The structure of a page.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// Articles in reading order.
    pub articles: Vec<Article>,
    /// All sentences, in text order.
    pub sentences: Vec<Sentence>,
}

impl Layout {
    /// The sentence containing clean byte `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.clean.end <= at);
        (i < self.sentences.len() && self.sentences[i].clean.start <= at).then_some(i)
    }
}

/// Characters that end a sentence.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '…')
}

/// Closing quotes and brackets that stay with the sentence before them.
fn closes(c: char) -> bool {
    matches!(
        c,
        '"' | '”' | '’' | '」' | '』' | ')' | '）' | '】' | '》' | '…'
    )
}

/// Splits the clean range into sentences (appended to `out`).
fn split_sentences(
    text: &str,
    range: Range<usize>,
    article: u32,
    cleaned: &Cleaned,
    out: &mut Vec<Sentence>,
) {
    let mut start = range.start;
    let mut iter = text[range.clone()].char_indices().peekable();
    let push = |s: usize, e: usize, out: &mut Vec<Sentence>| {
        let t = &text[s..e];
        let ts = s + (t.len() - t.trim_start().len());
        let te = s + t.trim_end().len();
        if te > ts {
            out.push(Sentence {
                span: cleaned.span(ts, te),
                article,
                clean: ts..te,
            });
        }
    };
    while let Some((i, c)) = iter.next() {
        let at = range.start + i;
        if c == '\n' {
            push(start, at, out);
            start = at + 1;
        } else if ends_sentence(c) {
            let mut end = at + c.len_utf8();
            while let Some(&(j, n)) = iter.peek() {
                if closes(n) || ends_sentence(n) {
                    end = range.start + j + n.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            push(start, end, out);
            start = end;
        }
    }
    push(start, range.end, out);
}

/// Finds the structure of the cleaned page.
pub fn layout(cleaned: &Cleaned) -> Layout {
    let text = &cleaned.text;
    // Article boundaries: lines starting with 1 to 3 '#'.
    let mut starts = vec![0usize];
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let hashes = line.chars().take_while(|&c| c == '#').count();
        if (1..=3).contains(&hashes) && pos > 0 {
            starts.push(pos);
        }
        pos += line.len();
    }
    starts.push(text.len());
    let mut out = Layout::default();
    for w in starts.windows(2) {
        let (s, e) = (w[0], w[1]);
        if text[s..e].trim().is_empty() {
            continue;
        }
        let index = out.articles.len() as u32;
        let first_sentence = out.sentences.len() as u32;
        let mut title = None;
        let mut body_start = s;
        let first_line_end = text[s..e].find('\n').map_or(e, |i| s + i);
        let first = &text[s..first_line_end];
        if first.starts_with('#') {
            let t = first.trim_start_matches('#').trim();
            let ts = s + first.find(t).unwrap_or(0);
            title = Some(Heading {
                text: t.to_string(),
                span: cleaned.span(ts, ts + t.len()),
            });
            body_start = first_line_end;
        }
        let mut paragraphs = Vec::new();
        let mut p = body_start;
        for line in text[body_start..e].split_inclusive('\n') {
            let l = line.trim();
            if !l.is_empty() {
                let ls = p + line.find(l).unwrap_or(0);
                paragraphs.push(cleaned.span(ls, ls + l.len()));
            }
            p += line.len();
        }
        split_sentences(text, body_start..e, index, cleaned, &mut out.sentences);
        out.articles.push(Article {
            index,
            title,
            kicker: None,
            subtitle: None,
            headings: Vec::new(),
            bylines: Vec::new(),
            span: cleaned.span(s, e),
            paragraphs,
            sentences: [first_sentence, out.sentences.len() as u32],
            clean: s..e,
        });
    }
    out
}

#[cfg(test)]
mod tests;
