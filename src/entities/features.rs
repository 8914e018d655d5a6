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

use crate::text::is_surname;
use crate::text::CharSet;

fn is_translit(c: char) -> bool {
    static S: std::sync::OnceLock<CharSet> = std::sync::OnceLock::new();
    S.get_or_init(|| CharSet::new(TRANSLIT)).contains(c)
}

/// A small mixing hasher: deterministic across platforms and runs.
#[derive(Clone, Copy)]
struct H(u64);

impl H {
    const fn new(template: u32) -> H {
        H(0xcbf2_9ce4_8422_2325 ^ (template as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }
    #[inline]
    const fn add(self, v: u32) -> H {
        let mut x = (self.0 ^ v as u64).wrapping_mul(0x0100_0000_01b3);
        x ^= x >> 29;
        H(x.wrapping_mul(0xbf58_476d_1ce4_e5b9))
    }
    fn chars(self, cs: &[char]) -> H {
        cs.iter().fold(self, |h, &c| h.add(c as u32))
    }
    #[inline]
    const fn finish(self) -> u32 {
        let x = self.0 ^ (self.0 >> 31);
        (x ^ (x >> 17)) as u32
    }
}

// Hashing is the same at every char; what only depends on a few small
// values (the word position `bmes`, classes, gazetteer bits) is hashed here
// once, at compile time, and looked up: the same hashes, fewer multiplies.

/// Values of `bmes`: 0 single, 1 begin, 2 middle, 3 end, 4 no word.
const BMES: usize = 5;

/// `H::new(t).add(bmes)` for each `bmes`.
const fn with_bmes(t: u32) -> [H; BMES] {
    let mut out = [H(0); BMES];
    let mut b = 0;
    while b < BMES {
        out[b] = H::new(t).add(b as u32);
        b += 1;
    }
    out
}

const T12: [H; BMES] = with_bmes(12);
const T13: [H; BMES] = with_bmes(13);
const T14: [H; BMES] = with_bmes(14);
const T15: [H; BMES] = with_bmes(15);
const T16: [H; BMES] = with_bmes(16);
const T23: [H; BMES] = with_bmes(23);
const T24: [H; BMES] = with_bmes(24);

/// `H::new(17).add(bmes).add(wlen)`, `wlen` 0..=5.
const T17: [[H; 6]; BMES] = {
    let mut out = [[H(0); 6]; BMES];
    let mut b = 0;
    while b < BMES {
        let mut l = 0;
        while l < 6 {
            out[b][l] = H::new(17).add(b as u32).add(l as u32);
            l += 1;
        }
        b += 1;
    }
    out
};

/// `H::new(19).add(surname).add(bmes)`.
const T19: [[H; BMES]; 2] = {
    let mut out = [[H(0); BMES]; 2];
    let mut s = 0;
    while s < 2 {
        let mut b = 0;
        while b < BMES {
            out[s][b] = H::new(19).add(s as u32).add(b as u32);
            b += 1;
        }
        s += 1;
    }
    out
};

/// Classes are 1..=6: three bits each in a window index.
const CLASS_BITS: u32 = 3;

/// Template 11 (classes at -1, 0, +1), finished, by `a << 6 | b << 3 | c`.
const T11: [u32; 512] = {
    let mut out = [0u32; 512];
    let mut i = 0;
    while i < 512 {
        out[i] = H::new(11)
            .add((i >> 6) as u32)
            .add(((i >> 3) & 7) as u32)
            .add((i & 7) as u32)
            .finish();
        i += 1;
    }
    out
};

/// Template 27 after its first three classes (-2, -1, 0), by `a << 6 | b << 3 | c`.
const T27: [H; 512] = {
    let mut out = [H(0); 512];
    let mut i = 0;
    while i < 512 {
        out[i] = H::new(27)
            .add((i >> 6) as u32)
            .add(((i >> 3) & 7) as u32)
            .add((i & 7) as u32);
        i += 1;
    }
    out
};

/// The gazetteer templates 40..=47: the hash of template `40 + k` with
/// value `v`, or [`ABSENT`] when `v` is 0 (a feature that fires on nearly
/// every char would only act as a second bias).
const GAZ: [[u32; 16]; 8] = {
    let mut out = [[ABSENT; 16]; 8];
    let mut k = 0;
    while k < 8 {
        let mut v = 1;
        while v < 16 {
            out[k][v] = H::new(40 + k as u32).add(v as u32).finish();
            v += 1;
        }
        k += 1;
    }
    out
};

fn tag_id(pos: &str) -> u32 {
    pos.bytes()
        .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32))
}

/// A feature that is not there: row 0 of the weight table, which training
/// never updates, so it adds nothing.
pub const ABSENT: u32 = 0;

/// The B/M/E/S bits of all place classes of a gazetteer flag word, OR-ed.
fn places(f: u32) -> u32 {
    (0..5).fold(0, |a, k| a | ((f >> (4 * k)) & 0xF))
}

/// Per-segment buffers of [`extract`], kept between calls.
#[derive(Default)]
struct Scratch {
    /// Word index of each char (`usize::MAX` for none).
    widx: Vec<usize>,
    /// Per word: its hash, POS id and those of its neighbours.
    words: Vec<WordIds>,
    /// Per char: its class.
    classes: Vec<u8>,
    /// Per char: gazetteer flags.
    gaz: Vec<super::gazetteer::Flags>,
}

/// What the features read of one word, computed once per word.
#[derive(Clone, Copy)]
struct WordIds {
    bmes_len: usize,
    start: usize,
    hash: u32,
    pos: u32,
    prev_pos: u32,
    next_pos: u32,
    prev_hash: u32,
    next_hash: u32,
}

impl Scratch {
    /// Fills the buffers for the chars and words of one segment.
    fn prepare(&mut self, chars: &[char], words: &[Word]) {
        let n = chars.len();
        self.widx.clear();
        self.widx.resize(n, usize::MAX);
        for (k, w) in words.iter().enumerate() {
            for slot in self.widx.iter_mut().take(w.end.min(n)).skip(w.start) {
                *slot = k;
            }
        }
        // A word's hash (1 for words over 8 chars), as the model was trained.
        let word_hash = |w: &Word| -> u32 {
            if w.end - w.start <= 8 {
                H::new(99).chars(&chars[w.start..w.end]).finish()
            } else {
                1
            }
        };
        self.words.clear();
        self.words.extend(words.iter().map(|w| WordIds {
            bmes_len: w.end - w.start,
            start: w.start,
            hash: word_hash(w),
            pos: tag_id(w.pos),
            prev_pos: 1,
            next_pos: 1,
            prev_hash: 2,
            next_hash: 0,
        }));
        for k in 1..self.words.len() {
            let (prev, next) = (self.words[k - 1], self.words[k]);
            self.words[k].prev_pos = prev.pos;
            self.words[k].prev_hash = prev.hash;
            self.words[k - 1].next_pos = next.pos;
            self.words[k - 1].next_hash = next.hash;
        }
        self.classes.clear();
        self.classes.extend(chars.iter().map(|&c| class(c) as u8));
        super::gazetteer::flags(chars, &mut self.gaz);
    }
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// Appends `FEATURES` hashes for every char of `chars` to `out`.
///
/// `chars` must already be normalized with [`norm`]; `words` must cover the
/// chars in order (gaps are allowed and read as punctuation-like "no word").
pub fn extract(chars: &[char], words: &[Word], out: &mut Vec<u32>) {
    SCRATCH.with(|s| match s.try_borrow_mut() {
        Ok(mut s) => extract_with(chars, words, out, &mut s),
        // Only if extract were re-entered: fresh buffers.
        Err(_) => extract_with(chars, words, out, &mut Scratch::default()),
    })
}

fn extract_with(chars: &[char], words: &[Word], out: &mut Vec<u32>, s: &mut Scratch) {
    const PAD: char = '\u{2}';
    let n = chars.len();
    let at = |i: isize| -> char {
        if i < 0 || i as usize >= n {
            PAD
        } else {
            chars[i as usize]
        }
    };
    s.prepare(chars, words);
    let pad_class = class(PAD);
    let classes = &s.classes;
    let cls = |i: isize| -> u32 {
        if i < 0 || i as usize >= n {
            pad_class
        } else {
            u32::from(classes[i as usize])
        }
    };
    const T20: u32 = H::new(20).finish();
    out.reserve(n * FEATURES);
    #[allow(clippy::needless_range_loop)] // i is also a signed window centre
    for i in 0..n {
        let ii = i as isize;
        let (c_2, c_1, c0, c1, c2) = (at(ii - 2), at(ii - 1), at(ii), at(ii + 1), at(ii + 2));
        let (bmes, w) = match s.widx[i] {
            usize::MAX => (4usize, None),
            k => {
                let w = s.words[k];
                let b = if w.bmes_len == 1 {
                    0
                } else if i == w.start {
                    1
                } else if i + 1 == w.start + w.bmes_len {
                    3
                } else {
                    2
                };
                (b, Some(w))
            }
        };
        let (pos, wh, prev_pos, next_pos, prev_w, next_w, wlen) = match w {
            None => (0u32, 0u32, 0u32, 0u32, 0u32, 0u32, 0usize),
            Some(w) => (
                w.pos,
                w.hash,
                w.prev_pos,
                w.next_pos,
                w.prev_hash,
                w.next_hash,
                w.bmes_len.min(5),
            ),
        };
        let b = bmes as u32;
        let (k_2, k_1, k0, k1, k2) = (cls(ii - 2), cls(ii - 1), cls(ii), cls(ii + 1), cls(ii + 2));
        let f = [
            H::new(1).add(c_2 as u32).finish(),
            H::new(2).add(c_1 as u32).finish(),
            H::new(3).add(c0 as u32).finish(),
            H::new(4).add(c1 as u32).finish(),
            H::new(5).add(c2 as u32).finish(),
            H::new(6).add(c_2 as u32).add(c_1 as u32).finish(),
            H::new(7).add(c_1 as u32).add(c0 as u32).finish(),
            H::new(8).add(c0 as u32).add(c1 as u32).finish(),
            H::new(9).add(c1 as u32).add(c2 as u32).finish(),
            H::new(10)
                .add(c_1 as u32)
                .add(c0 as u32)
                .add(c1 as u32)
                .finish(),
            T11[((k_1 << CLASS_BITS | k0) << CLASS_BITS | k1) as usize],
            T12[bmes].add(pos).finish(),
            T13[bmes].add(wh).finish(),
            T14[bmes].add(prev_pos).add(pos).add(next_pos).finish(),
            T15[bmes].add(prev_w).finish(),
            T16[bmes].add(next_w).finish(),
            T17[bmes][wlen].add(pos).finish(),
            H::new(18).add(c0 as u32).add(b).finish(),
            T19[usize::from(is_surname(c0))][bmes]
                .add(pos)
                .add(wlen as u32)
                .finish(),
            T20,
            H::new(21).add(c_1 as u32).add(b).add(pos).finish(),
            H::new(22).add(c1 as u32).add(b).add(pos).finish(),
            T23[bmes].add(prev_w).add(wh).finish(),
            T24[bmes].add(wh).add(next_w).finish(),
            H::new(25).add(at(ii - 3) as u32).finish(),
            H::new(26).add(at(ii + 3) as u32).finish(),
            T27[((k_2 << CLASS_BITS | k_1) << CLASS_BITS | k0) as usize]
                .add(k1)
                .add(k2)
                .finish(),
        ];
        out.extend_from_slice(&f);
        let g = s.gaz[i];
        for k in 0..super::gazetteer::CLASSES {
            out.push(GAZ[k][((g >> (4 * k)) & 0xF) as usize]);
        }
        out.push(GAZ[7][places(g) as usize]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hash of template `t` with value `v`, or [`ABSENT`] when `v` is 0.
    fn present(t: u32, v: u32) -> u32 {
        if v == 0 {
            ABSENT
        } else {
            H::new(t).add(v).finish()
        }
    }

    /// `extract` as it was before its hashes were tabled: the features the
    /// shipped model was trained on.
    fn reference(chars: &[char], words: &[Word], out: &mut Vec<u32>) {
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
        crate::entities::gazetteer::flags(chars, &mut gaz);
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
            for k in 0..crate::entities::gazetteer::CLASSES as u32 {
                out.push(present(40 + k, (g >> (4 * k)) & 0xF));
            }
            out.push(present(47, places(g)));
        }
    }

    /// Words over `chars` of cycling lengths (one over 8 chars) and tags,
    /// with a gap now and then.
    fn words_of(n: usize) -> Vec<Word> {
        const LENS: [usize; 9] = [1, 2, 3, 1, 4, 2, 9, 2, 5];
        const TAGS: [&str; 6] = ["n", "nr", "ns", "v", "nt", "x"];
        let (mut out, mut i, mut k) = (Vec::new(), 0, 0);
        while i < n {
            let len = LENS[k % LENS.len()].min(n - i);
            if k % 7 != 6 {
                out.push(Word {
                    start: i,
                    end: i + len,
                    pos: TAGS[k % TAGS.len()],
                });
            }
            i += len;
            k += 1;
        }
        out
    }

    #[test]
    fn tabled_hashes_are_the_trained_ones() {
        let page = include_str!("../../seeds/000_0e8ce62d7256c336.txt");
        let extra =
            "北京市海淀区人民政府和中国银行、国务院总理李鹏、ＡＢＣ１２３公司，美国总统克林顿。";
        let mut segments = 0;
        for seg in page.lines().chain([extra, "", "一"]) {
            let chars: Vec<char> = seg.chars().map(norm).collect();
            let words = words_of(chars.len());
            let (mut got, mut want) = (Vec::new(), Vec::new());
            extract(&chars, &words, &mut got);
            reference(&chars, &words, &mut want);
            assert_eq!(got, want, "{seg}");
            // No words at all: every char is outside a word.
            got.clear();
            want.clear();
            extract(&chars, &[], &mut got);
            reference(&chars, &[], &mut want);
            assert_eq!(got, want, "{seg}");
            segments += 1;
        }
        assert!(segments > 50);
    }
}
