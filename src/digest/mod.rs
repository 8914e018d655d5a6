//! Digest: keywords and extractive summaries, per article and for the page.
//!
//! First version: frequency of content words, sentences scored by their keywords.

use std::collections::HashMap;

use serde::Serialize;

use crate::clean::Cleaned;
use crate::layout::Layout;
use crate::lexicon::Token;

/// A keyword with its weight.
#[derive(Debug, Clone, Serialize)]
pub struct Keyword {
    /// The term.
    pub term: String,
    /// Its weight (higher is more important).
    pub weight: f64,
    /// How often it occurs.
    pub count: u32,
}

/// Keywords and summary of one article.
#[derive(Debug, Clone, Serialize, Default)]
pub struct ArticleDigest {
    /// Index of the article.
    pub article: u32,
    /// Keywords, best first.
    pub keywords: Vec<Keyword>,
    /// Indices of the summary sentences, in text order.
    pub summary: Vec<u32>,
}

/// The digest of a page.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Digest {
    /// Keywords of the whole page.
    pub keywords: Vec<Keyword>,
    /// Page summary: sentence indices in text order.
    pub summary: Vec<u32>,
    /// One entry per article.
    pub articles: Vec<ArticleDigest>,
}

/// Options for the digest.
#[derive(Debug, Clone, Copy)]
pub struct DigestOptions {
    /// Sentences per summary.
    pub summary_sentences: usize,
    /// Keywords per list.
    pub keywords: usize,
}

fn is_content(pos: &str, word: &str) -> bool {
    word.chars().count() >= 2 && (pos.starts_with('n') || pos == "v" || pos == "vn")
}

fn keywords_of(text: &str, tokens: &[Token], n: usize) -> Vec<Keyword> {
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for t in tokens {
        let w = &text[t.range()];
        if is_content(t.pos, w) {
            *counts.entry(w).or_default() += 1;
        }
    }
    let mut v: Vec<Keyword> = counts
        .into_iter()
        .map(|(t, c)| Keyword {
            term: t.to_string(),
            weight: c as f64,
            count: c,
        })
        .collect();
    v.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then_with(|| a.term.cmp(&b.term))
    });
    v.truncate(n);
    v
}

fn summary_of(
    text: &str,
    layout: &Layout,
    sentences: std::ops::Range<usize>,
    keywords: &[Keyword],
    n: usize,
) -> Vec<u32> {
    let weights: HashMap<&str, f64> = keywords
        .iter()
        .map(|k| (k.term.as_str(), k.weight))
        .collect();
    let mut scored: Vec<(f64, usize)> = sentences
        .map(|i| {
            let s = &text[layout.sentences[i].clean.clone()];
            let score: f64 = weights
                .iter()
                .filter(|(k, _)| s.contains(*k))
                .map(|(_, w)| *w)
                .sum();
            (score, i)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut pick: Vec<u32> = scored.into_iter().take(n).map(|(_, i)| i as u32).collect();
    pick.sort_unstable();
    pick
}

/// Builds the digest from the tagged page.
pub fn digest(
    cleaned: &Cleaned,
    layout: &Layout,
    tokens: &[Token],
    options: DigestOptions,
) -> Digest {
    let text = &cleaned.text;
    let mut articles = Vec::new();
    for a in &layout.articles {
        let lo = tokens.partition_point(|t| (t.start as usize) < a.clean.start);
        let hi = tokens.partition_point(|t| (t.start as usize) < a.clean.end);
        let keywords = keywords_of(text, &tokens[lo..hi], options.keywords);
        let summary = summary_of(
            text,
            layout,
            a.sentences[0] as usize..a.sentences[1] as usize,
            &keywords,
            options.summary_sentences,
        );
        articles.push(ArticleDigest {
            article: a.index,
            keywords,
            summary,
        });
    }
    let keywords = keywords_of(text, tokens, options.keywords);
    let summary = summary_of(
        text,
        layout,
        0..layout.sentences.len(),
        &keywords,
        options.summary_sentences,
    );
    Digest {
        keywords,
        summary,
        articles,
    }
}
