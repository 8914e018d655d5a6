//! Character features for the entity tagger, shared by training and inference.
//!
//! Each character of a segment gets [`FEATURES`] hashed features: the
//! characters around it (unigrams, bigrams, a trigram), their classes, and
//! what jieba says about the word that holds it (position in the word, POS
//! tag, the word itself and its neighbours). Word-level signals are what a
//! pure character model lacks: jieba knows `nr`/`ns`/`nt` words and where
//! words end, so `书记` after a name or `县` at a word end are seen directly.
//!
//! Features are hashed (FNV-style mixing, no table of strings), so the model
//! is a dense table indexed by `hash & mask`; training and inference call the
//! same [`extract`], which keeps them in step by construction.

/// Features per character.
pub const FEATURES: usize = 35;

/// One word of a segment: char range and jieba POS tag.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    /// First char index (into the segment's chars).
    pub start: usize,
    /// One past the last char index.
    pub end: usize,
    /// jieba's POS tag.
    pub pos: &'static str,
}

/// Normalizes a char for features: full-width forms to half-width, digits to `0`,
/// Latin letters to lower case.
pub fn norm(c: char) -> char {
    let c = crate::text::half_width(c);
    match c {
        '0'..='9' | '０'..='９' => '0',
        'A'..='Z' => c.to_ascii_lowercase(),
        _ => c,
    }
}

/// A coarse class: 1 CJK ideograph, 2 digit (any numeral), 3 Latin, 4 punctuation, 5 other.
fn class(c: char) -> u32 {
    match c {
        '0'..='9'
        | '零'
        | '〇'
        | '一'
        | '二'
        | '三'
        | '四'
        | '五'
        | '六'
        | '七'
        | '八'
        | '九'
        | '十'
        | '百'
        | '千'
        | '万'
        | '亿' => 2,
        'a'..='z' | 'A'..='Z' => 3,
        _ if is_translit(c) => 6,
        '\u{3400}'..='\u{9FFF}' => 1,
        _ if c.is_ascii_punctuation() || ('\u{3000}'..='\u{303F}').contains(&c) => 4,
        '\u{FF00}'..='\u{FFEF}' | '“' | '”' | '‘' | '’' | '·' | '—' | '…' => 4,
        _ => 5,
    }
}

/// Characters typical of transliterated foreign names and places.
const TRANSLIT: &str = "斯尔克基特拉夫德里诺莫亚尼卡娃维奇科罗洛伊巴布达茨西塞姆蒂梅耶瓦贝娜纳塔吉利奥普雷迪格哈戈埃丝勒乌兹汉";

pub use crate::text::is_surname;
use crate::text::CharSet;

fn is_translit(c: char) -> bool {
    static S: std::sync::OnceLock<CharSet> = std::sync::OnceLock::new();
    S.get_or_init(|| CharSet::new(TRANSLIT)).contains(c)
}

/// A small mixing hasher: deterministic across platforms and runs.
#[derive(Clone, Copy)]
struct H(u64);

impl H {
    fn new(template: u32) -> H {
        H(0xcbf2_9ce4_8422_2325 ^ (template as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }
    fn add(self, v: u32) -> H {
        let mut x = (self.0 ^ v as u64).wrapping_mul(0x0100_0000_01b3);
        x ^= x >> 29;
        H(x.wrapping_mul(0xbf58_476d_1ce4_e5b9))
    }
    fn chars(self, cs: &[char]) -> H {
        cs.iter().fold(self, |h, &c| h.add(c as u32))
    }
    fn finish(self) -> u32 {
        let x = self.0 ^ (self.0 >> 31);
        (x ^ (x >> 17)) as u32
    }
}

fn tag_id(pos: &str) -> u32 {
    pos.bytes()
        .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32))
}

/// The hash of template `t` with value `v`, or [`ABSENT`] when `v` is 0: a
/// feature that fires on nearly every char would only act as a second bias.
fn present(t: u32, v: u32) -> u32 {
    if v == 0 {
        ABSENT
    } else {
        H::new(t).add(v).finish()
    }
}

/// A feature that is not there: row 0 of the weight table, which training
/// never updates, so it adds nothing.
pub const ABSENT: u32 = 0;

/// The B/M/E/S bits of all place classes of a gazetteer flag word, OR-ed.
fn places(f: u32) -> u32 {
    (0..5).fold(0, |a, k| a | ((f >> (4 * k)) & 0xF))
}

/// Appends `FEATURES` hashes for every char of `chars` to `out`.
///
/// `chars` must already be normalized with [`norm`]; `words` must cover the
/// chars in order (gaps are allowed and read as punctuation-like "no word").
pub fn extract(chars: &[char], words: &[Word], out: &mut Vec<u32>) {
    const PAD: char = '\u{2}';
    let n = chars.len();
    let at = |i: isize| -> char {
        if i < 0 || i as usize >= n {
            PAD
        } else {
            chars[i as usize]
        }
    };
    // Word index of each char (usize::MAX for none).
    let mut widx = vec![usize::MAX; n];
    for (k, w) in words.iter().enumerate() {
        for slot in widx.iter_mut().take(w.end.min(n)).skip(w.start) {
            *slot = k;
        }
    }
    // Per-word hashes and per-char classes, computed once (same values as
    // hashing them at every char, which the model was trained with).
    let hashes: Vec<u32> = words
        .iter()
        .map(|w| {
            if w.end - w.start <= 8 {
                H::new(99).chars(&chars[w.start..w.end]).finish()
            } else {
                1
            }
        })
        .collect();
    let word_hash = |k: usize| -> u32 { hashes.get(k).copied().unwrap_or(0) };
    let classes: Vec<u32> = chars.iter().map(|&c| class(c)).collect();
    let pad_class = class(PAD);
    let cls = |i: isize| -> u32 {
        if i < 0 || i as usize >= n {
            pad_class
        } else {
            classes[i as usize]
        }
    };
    let mut gaz = Vec::new();
    super::gazetteer::flags(chars, &mut gaz);
    #[allow(clippy::needless_range_loop)] // i is also a signed window centre
    for i in 0..n {
        let ii = i as isize;
        let (c_2, c_1, c0, c1, c2) = (at(ii - 2), at(ii - 1), at(ii), at(ii + 1), at(ii + 2));
        let (bmes, pos, wh, prev_pos, next_pos, prev_w, next_w, wlen) = match widx[i] {
            usize::MAX => (4u32, 0u32, 0u32, 0u32, 0u32, 0u32, 0u32, 0u32),
            k => {
                let w = words[k];
                let len = w.end - w.start;
                let b = if len == 1 {
                    0
                } else if i == w.start {
                    1
                } else if i + 1 == w.end {
                    3
                } else {
                    2
                };
                let pp = if k > 0 { tag_id(words[k - 1].pos) } else { 1 };
                let np = words.get(k + 1).map(|w| tag_id(w.pos)).unwrap_or(1);
                let pw = if k > 0 { word_hash(k - 1) } else { 2 };
                let nw = word_hash(k + 1);
                (
                    b,
                    tag_id(w.pos),
                    word_hash(k),
                    pp,
                    np,
                    pw,
                    nw,
                    len.min(5) as u32,
                )
            }
        };
        let f = [
            H::new(1).add(c_2 as u32),
            H::new(2).add(c_1 as u32),
            H::new(3).add(c0 as u32),
            H::new(4).add(c1 as u32),
            H::new(5).add(c2 as u32),
            H::new(6).chars(&[c_2, c_1]),
            H::new(7).chars(&[c_1, c0]),
            H::new(8).chars(&[c0, c1]),
            H::new(9).chars(&[c1, c2]),
            H::new(10).chars(&[c_1, c0, c1]),
            H::new(11).add(cls(ii - 1)).add(cls(ii)).add(cls(ii + 1)),
            H::new(12).add(bmes).add(pos),
            H::new(13).add(bmes).add(wh),
            H::new(14).add(bmes).add(prev_pos).add(pos).add(next_pos),
            H::new(15).add(bmes).add(prev_w),
            H::new(16).add(bmes).add(next_w),
            H::new(17).add(bmes).add(wlen).add(pos),
            H::new(18).add(c0 as u32).add(bmes),
            H::new(19)
                .add(is_surname(c0) as u32)
                .add(bmes)
                .add(pos)
                .add(wlen),
            H::new(20),
            H::new(21).add(c_1 as u32).add(bmes).add(pos),
            H::new(22).add(c1 as u32).add(bmes).add(pos),
            H::new(23).add(bmes).add(prev_w).add(wh),
            H::new(24).add(bmes).add(wh).add(next_w),
            H::new(25).add(at(ii - 3) as u32),
            H::new(26).add(at(ii + 3) as u32),
            H::new(27)
                .add(cls(ii - 2))
                .add(cls(ii - 1))
                .add(cls(ii))
                .add(cls(ii + 1))
                .add(cls(ii + 2)),
        ];
        out.extend(f.iter().map(|h| h.finish()));
        let g = gaz[i];
        for k in 0..super::gazetteer::CLASSES as u32 {
            out.push(present(40 + k, (g >> (4 * k)) & 0xF));
        }
        out.push(present(47, places(g)));
    }
}
