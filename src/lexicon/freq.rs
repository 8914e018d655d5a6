//! Word frequencies of a jieba dictionary, for IDF.
//!
//! jieba-rs keeps its dictionary's frequencies private (`suggest_freq`
//! recomputes a segmentation, about 3 µs a word, which made IDF the biggest
//! cost of the digest on a page of many articles). So the [`Lexicon`]
//! parses the dictionary text once more when it is built, into a
//! [`DictFreq`]: an open-addressing table of 8-byte entries (40-bit word
//! hash, 24-bit frequency), 4 MB for the whole dictionary (2^19 slots), one
//! or two cache misses a lookup. Cost, measured natively: about 40 ms of the
//! Analyzer's 210 ms build, and 4 MB; every lookup is ~0.1 µs.
//!
//! [`Lexicon`]: super::Lexicon

/// Frequencies above this are clipped (the largest in jieba's dictionary,
/// 的, is 884 635).
const MAX_FREQ: u64 = (1 << 24) - 1;

/// Word frequencies of a jieba dictionary, compact and read-only.
#[derive(Clone, Default)]
pub struct DictFreq {
    /// Open addressing with linear probing: `hash40 << 24 | freq`, 0 = empty.
    slots: Vec<u64>,
    /// log2 of the number of slots.
    bits: u32,
    /// Number of distinct words.
    len: usize,
    /// Sum of all frequencies.
    total: u64,
}

impl std::fmt::Debug for DictFreq {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DictFreq")
            .field("words", &self.len)
            .field("total", &self.total)
            .finish()
    }
}

/// A 40-bit hash of `word`, never 0.
fn hash40(word: &str) -> u64 {
    hash40_bytes(word.as_bytes())
}

/// FNV-1a over the bytes, then a 64-bit finalizer so the high bits mix; the
/// top 40 bits are kept. Computed in `u64` on every target: a `usize`
/// hasher (FxHasher) gives only 32 bits on wasm32, where `>> 24` left 8 bits
/// and nearly every word shared a slot with another's frequency, so the
/// page's IDF and keywords differed from the command line's.
fn hash40_bytes(word: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in word {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    (h >> 24) | 1
}

impl DictFreq {
    /// Reads `word freq [tag]` lines from each text in turn; a word seen again
    /// takes its later frequency (as jieba's `load_dict` does). Lines without
    /// a frequency are skipped.
    pub fn parse(texts: &[&str]) -> DictFreq {
        // About 14.5 bytes a line in jieba's dictionary; keep the load under 3/4.
        let lines: usize = texts.iter().map(|t| t.len() / 14 + 1).sum();
        let bits = (lines * 4 / 3).next_power_of_two().trailing_zeros().max(4);
        let mut d = DictFreq {
            slots: vec![0; 1 << bits],
            bits,
            len: 0,
            total: 0,
        };
        for text in texts {
            // Byte scanning: `lines()` + `split_whitespace()` + `parse()`
            // cost twice as much on 349 046 lines.
            for line in text.as_bytes().split(|&b| b == b'\n') {
                let Some(sp) = line.iter().position(|&b| b == b' ' || b == b'\t') else {
                    continue;
                };
                let (word, rest) = (&line[..sp], &line[sp + 1..]);
                let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
                let ends = rest.get(digits).is_none_or(|b| b.is_ascii_whitespace());
                if word.is_empty() || digits == 0 || !ends {
                    continue;
                }
                let freq = rest[..digits]
                    .iter()
                    .fold(0u64, |f, b| (f * 10 + u64::from(b - b'0')).min(MAX_FREQ));
                d.insert(hash40_bytes(word), freq);
            }
        }
        d
    }

    fn insert(&mut self, h: u64, freq: u64) {
        if 4 * (self.len + 1) > 3 * self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = (h >> (40 - self.bits)) as usize & mask;
        loop {
            let s = self.slots[i];
            if s == 0 {
                self.slots[i] = h << 24 | freq;
                self.len += 1;
                self.total += freq;
                return;
            }
            if s >> 24 == h {
                self.total = self.total - (s & MAX_FREQ) + freq;
                self.slots[i] = h << 24 | freq;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        self.bits += 1;
        self.slots = vec![0; 1 << self.bits];
        self.len = 0;
        self.total = 0;
        for s in old.into_iter().filter(|&s| s != 0) {
            self.insert(s >> 24, s & MAX_FREQ);
        }
    }

    /// The frequency of `word`, if the dictionary has it.
    pub fn get(&self, word: &str) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let h = hash40(word);
        let mask = self.slots.len() - 1;
        let mut i = (h >> (40 - self.bits)) as usize & mask;
        loop {
            let s = self.slots[i];
            if s == 0 {
                return None;
            }
            if s >> 24 == h {
                return Some((s & MAX_FREQ) as u32);
            }
            i = (i + 1) & mask;
        }
    }

    /// Sum of all frequencies.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// Number of distinct words.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Memory held by the table, in bytes.
    pub fn size_bytes(&self) -> usize {
        self.slots.len() * std::mem::size_of::<u64>()
    }

    /// True when no word was read.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dict_freq_parses_overrides_and_skips_bad_lines() {
        let f = DictFreq::parse(&["巡察 50 v\n整改 188 v\n坏行\n错 x n\n", "巡察 2000 vn\n"]);
        assert_eq!(f.get("巡察"), Some(2000));
        assert_eq!(f.get("整改"), Some(188));
        assert_eq!(f.get("坏行"), None);
        assert_eq!(f.get("错"), None);
        assert_eq!((f.len(), f.total()), (2, 2188));
        assert!(DictFreq::default().is_empty());
    }

    #[test]
    fn dictionary_hash_is_the_same_on_every_target() {
        // Fixed values: computed in u64, so wasm32 (the page) and the command
        // line look words up alike.
        let h = hash40("巡察");
        assert_eq!(h, 0x63_ca0e_ad73, "{h:#x}");
        assert_ne!(h, hash40("整改"));
        let f = DictFreq::parse(&["深入 6000 v\n做好 3000 v\n故事 2000 n\n"]);
        assert_eq!(
            (f.get("深入"), f.get("做好"), f.get("故事"), f.get("深")),
            (Some(6000), Some(3000), Some(2000), None)
        );
    }
}
