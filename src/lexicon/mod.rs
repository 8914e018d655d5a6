//! Lexicon: one jieba segmenter, built once, with wenxi's news words added.
//!
//! Tokens carry clean-text byte offsets; stages convert them to original
//! UTF-16 spans through the [`Cleaned`](crate::clean::Cleaned) map.

pub mod freq;
pub use freq::DictFreq;

use std::io::BufReader;
use std::ops::Range;

use jieba_rs::Jieba;

use crate::error::{Error, Result};
use crate::layout::Layout;

/// Words of Chinese government and business news that jieba's dictionary
/// lacks or splits, one `word freq tag` line each (jieba's format).
const NEWS_WORDS: &str = include_str!("news_words.txt");

/// A word of the clean text with its part of speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Clean byte offset of the first byte.
    pub start: u32,
    /// Clean byte offset one past the last byte.
    pub end: u32,
    /// jieba's POS tag (`n`, `v`, `nr`, `ns`, `nt`, `m`, `x`, ...).
    pub pos: &'static str,
}

impl Token {
    /// The clean byte range.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// The segmenter and tagger.
pub struct Lexicon {
    jieba: Jieba,
    /// The dictionary's word frequencies, for the digest's IDF.
    freqs: DictFreq,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon").finish_non_exhaustive()
    }
}

impl Lexicon {
    /// Builds the lexicon from jieba's dictionary text (`word freq tag` lines).
    pub fn new(dict: &str) -> Result<Lexicon> {
        let mut jieba = Jieba::with_dict(&mut BufReader::new(dict.as_bytes())).map_err(|e| {
            Error::Dictionary {
                message: e.to_string(),
            }
        })?;
        jieba
            .load_dict(&mut BufReader::new(NEWS_WORDS.as_bytes()))
            .map_err(|e| Error::Dictionary {
                message: format!("news words: {e}"),
            })?;
        Ok(Lexicon {
            jieba,
            freqs: DictFreq::parse(&[dict, NEWS_WORDS]),
        })
    }

    /// Tags every sentence of `layout` in the clean `text`, in order: the
    /// tokens every later stage reads.
    pub fn tag_sentences(&self, text: &str, layout: &Layout) -> Vec<Token> {
        self.tag_sentences_with(text, layout, |_| {})
    }

    /// [`Lexicon::tag_sentences`], calling `progress` with the clean byte
    /// offset reached each time another 64 KiB of text is tagged.
    pub fn tag_sentences_with(
        &self,
        text: &str,
        layout: &Layout,
        mut progress: impl FnMut(usize),
    ) -> Vec<Token> {
        let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 4);
        let mut last = 0usize;
        for s in &layout.sentences {
            self.tag_into(text, s.clean.clone(), &mut tokens);
            if s.clean.end - last > 64 * 1024 {
                last = s.clean.end;
                progress(s.clean.end);
            }
        }
        tokens
    }

    /// Tags the clean text in `range` (which should be one sentence or
    /// paragraph) and appends the tokens to `out`. Whitespace tokens are skipped.
    pub fn tag_into(&self, text: &str, range: Range<usize>, out: &mut Vec<Token>) {
        let base = range.start;
        for t in self.jieba.tag(&text[range], true) {
            if t.word.trim().is_empty() {
                continue;
            }
            out.push(Token {
                start: (base + t.byte_start) as u32,
                end: (base + t.byte_end) as u32,
                pos: intern(t.tag),
            });
        }
    }

    /// True when the dictionary holds `word`.
    pub fn has_word(&self, word: &str) -> bool {
        self.jieba.has_word(word)
    }

    /// The dictionary's word frequencies (jieba keeps its own private).
    pub fn freqs(&self) -> &DictFreq {
        &self.freqs
    }

    /// The underlying segmenter, for stages that need more than tags.
    pub fn jieba(&self) -> &Jieba {
        &self.jieba
    }
}

/// Every POS tag jieba's dictionary and HMM produce, so tokens can hold `&'static str`.
const TAGS: &[&str] = &[
    "a", "ad", "ag", "an", "b", "c", "d", "df", "dg", "e", "eng", "f", "g", "h", "i", "j", "k",
    "l", "m", "mg", "mq", "n", "ng", "nr", "nrfg", "nrt", "ns", "nt", "nz", "o", "p", "q", "r",
    "rg", "rr", "rz", "s", "t", "tg", "u", "ud", "ug", "uj", "ul", "uv", "uz", "v", "vd", "vg",
    "vi", "vn", "vq", "x", "y", "z", "zg",
];

/// The static copy of `tag`, or `"x"` for a tag jieba should not produce.
pub fn intern(tag: &str) -> &'static str {
    TAGS.binary_search(&tag).map(|i| TAGS[i]).unwrap_or("x")
}
