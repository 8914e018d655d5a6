//! Keywords: TF-IDF and TextRank over jieba's tokens, blended.
//!
//! Both scores read the same candidates (see [`is_candidate`]), found once
//! per text by [`Vocab`]. TF-IDF is `count × idf` with the dictionary IDF of
//! [`dictionary_idf`]; it finds the terms that are frequent here and rare in
//! general. TextRank (Mihalcea & Tarau 2004, as in jieba) ranks the
//! co-occurrence graph of candidates within [`WINDOW`] tokens of the same
//! sentence; it favours terms tied to many others, which tames one-off rare
//! words. The weight is `TFIDF_SHARE × tfidf/max + (1 − TFIDF_SHARE) ×
//! textrank/max`, rescaled so the best term weighs 1.
//!
//! Cost is linear in the tokens: the graph has at most `WINDOW − 1` edges per
//! token, the page's graph is the union of its articles' graphs, and each
//! distinct term's IDF is looked up once.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::idf::dictionary_idf;
use super::{is_stopword, Keyword};
use crate::lexicon::{Lexicon, Token};

/// Co-occurrence window of TextRank, in tokens (jieba's default).
pub const WINDOW: usize = 5;

/// Share of TF-IDF in the blended weight.
pub const TFIDF_SHARE: f64 = 0.6;

/// TextRank iterations at most (jieba's number).
const ITERATIONS: usize = 20;

/// TextRank stops early once no score moves by more than this share.
const CONVERGED: f64 = 5e-3;

/// No candidate id.
const NONE: u32 = u32::MAX;

/// Administrative suffixes a place is named with or without (`郑州市`, `郑州`).
const PLACE_SUFFIXES: &[&str] = &["市", "省", "县", "区", "镇", "乡"];

/// True for a token that may become a keyword: a content word (see
/// [`content_tag`]) of two characters or more, not a stopword, with a CJK
/// ideograph or only Latin letters (`GDP`).
pub fn is_candidate(pos: &str, word: &str) -> bool {
    content_tag(pos) && keyword_shape(word)
}

/// True for the tags of content words: nouns and names, verbs and verbal
/// nouns, idioms and set phrases, nominal adjectives, Latin words.
pub fn content_tag(pos: &str) -> bool {
    // The first letter settles most tokens (p, u, c, d, m, x, ...) cheaply.
    match pos.as_bytes().first() {
        Some(b'n') => matches!(pos, "n" | "nr" | "nrfg" | "nrt" | "ns" | "nt" | "nz"),
        Some(b'v') => matches!(pos, "v" | "vn"),
        Some(b'l' | b'i') => pos.len() == 1,
        Some(b'a') => pos == "an",
        Some(b'e') => pos == "eng",
        _ => false,
    }
}

/// True for a word that may be a keyword whatever its tag: two characters
/// or more, an ideograph or only Latin letters, not a stopword.
fn keyword_shape(word: &str) -> bool {
    let mut chars = 0;
    let mut cjk = false;
    let mut letters = true;
    for c in word.chars() {
        chars += 1;
        if super::is_ideograph(c) {
            cjk = true;
        } else if !c.is_ascii_alphabetic() {
            letters = false;
        }
    }
    chars >= 2 && (cjk || letters) && !is_stopword(word)
}

/// True for the punctuation tokens that end a sentence (TextRank windows stop there).
fn ends_sentence(word: &str) -> bool {
    matches!(
        word,
        "。" | "！" | "？" | "；" | "!" | "?" | ";" | "…" | "……"
    )
}

/// The candidate terms of one text, found once and shared by every ranking.
pub struct Vocab<'t> {
    lexicon: &'t Lexicon,
    /// Distinct candidate words; a word's id is its index.
    pub words: Vec<&'t str>,
    /// Per token of the text: its candidate id, if any.
    ids: Vec<u32>,
    /// Per token: true when a TextRank window restarts at it.
    resets: Vec<bool>,
    /// Per id: the IDF, or NaN when not looked up yet.
    idf: Vec<f64>,
    /// Per id: its index in the ranking being built, or [`NONE`] (scratch).
    local: Vec<u32>,
}

impl std::fmt::Debug for Vocab<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vocab")
            .field("words", &self.words.len())
            .field("tokens", &self.ids.len())
            .finish_non_exhaustive()
    }
}

impl<'t> Vocab<'t> {
    /// Finds the candidates among `tokens` (all of `text`'s, in order).
    pub fn new(text: &'t str, tokens: &[Token], lexicon: &'t Lexicon) -> Vocab<'t> {
        let mut map: FxHashMap<&'t str, u32> = FxHashMap::default();
        let mut v = Vocab {
            lexicon,
            words: Vec::new(),
            ids: Vec::with_capacity(tokens.len()),
            resets: Vec::with_capacity(tokens.len()),
            idf: Vec::new(),
            local: Vec::new(),
        };
        let mut prev_end = tokens.first().map_or(0, |t| t.start as usize);
        for t in tokens {
            let w = &text[t.range()];
            // Windows stop at sentence ends and at line breaks (skipped as whitespace).
            let start = t.start as usize;
            let reset = (t.pos == "x" && ends_sentence(w.trim()))
                || text[prev_end.min(start)..start].contains('\n');
            prev_end = t.end as usize;
            v.resets.push(reset);
            // One lookup per content token: the word's id, or NONE when its
            // shape rules it out (decided once per distinct word).
            let id = if content_tag(t.pos) {
                *map.entry(w).or_insert_with(|| {
                    if keyword_shape(w) {
                        v.words.push(w);
                        (v.words.len() - 1) as u32
                    } else {
                        NONE
                    }
                })
            } else {
                NONE
            };
            v.ids.push(id);
        }
        v.merge_place_suffixes(&map, tokens);
        v.idf = vec![f64::NAN; v.words.len()];
        v.local = vec![NONE; v.words.len()];
        v
    }

    /// Makes a place named with and without its administrative suffix one
    /// term (`郑州` and `郑州市`): when the stem is itself tagged a place
    /// (`ns`) and both forms are candidates, every token of the less
    /// frequent form takes the id of the more frequent one (the suffixed
    /// form on a tie). A stem that is not a place (`开发` of `开发区`) is
    /// left alone.
    fn merge_place_suffixes(&mut self, map: &FxHashMap<&'t str, u32>, tokens: &[Token]) {
        let mut place = vec![false; self.words.len()];
        let mut count = vec![0u32; self.words.len()];
        for (t, &id) in tokens.iter().zip(&self.ids) {
            if id != NONE {
                count[id as usize] += 1;
                place[id as usize] |= t.pos == "ns";
            }
        }
        let mut into: Vec<u32> = (0..self.words.len() as u32).collect();
        for (long, w) in self.words.iter().enumerate() {
            let Some(stem) = PLACE_SUFFIXES.iter().find_map(|s| w.strip_suffix(s)) else {
                continue;
            };
            let Some(&short) = map.get(stem) else {
                continue;
            };
            if short == NONE || !place[short as usize] || stem.chars().count() < 2 {
                continue;
            }
            let (from, to) = if count[short as usize] > count[long] {
                (long as u32, short)
            } else {
                (short, long as u32)
            };
            into[from as usize] = to;
        }
        if into.iter().enumerate().all(|(i, &j)| i as u32 == j) {
            return;
        }
        for id in &mut self.ids {
            // Follow a chain (郑州 -> 郑州市 -> 郑州市区) to its end.
            let mut hops = 0;
            while *id != NONE && into[*id as usize] != *id && hops < 4 {
                *id = into[*id as usize];
                hops += 1;
            }
        }
    }

    /// The local index of term `g` in the ranking being built (`ids`, `counts`).
    fn local_id(&mut self, g: u32, ids: &mut Vec<u32>, counts: &mut Vec<u32>) -> u32 {
        let l = &mut self.local[g as usize];
        if *l == NONE {
            *l = ids.len() as u32;
            ids.push(g);
            counts.push(0);
        }
        *l
    }

    /// The candidate ids of the tokens in `range` (token indices), repeats kept.
    pub fn ids(&self, range: Range<usize>) -> impl Iterator<Item = u32> + '_ {
        self.ids[range].iter().copied().filter(|&i| i != NONE)
    }

    /// The (cached) dictionary IDF of term `id`.
    fn idf(&mut self, id: u32) -> f64 {
        let v = self.idf[id as usize];
        if !v.is_nan() {
            return v;
        }
        let v = dictionary_idf(self.lexicon, self.words[id as usize]);
        self.idf[id as usize] = v;
        v
    }

    /// Ranks the candidates of the tokens in `range` (token indices).
    pub fn rank(&mut self, range: Range<usize>) -> Ranked {
        let mut ids: Vec<u32> = Vec::new();
        let mut counts: Vec<u32> = Vec::new();
        // Edge (u, v), u < v, keyed as u << 32 | v.
        let mut edges: FxHashMap<u64, f64> = FxHashMap::default();
        // The candidates of the last WINDOW tokens: (token index, local id).
        let mut recent: Vec<(usize, u32)> = Vec::with_capacity(WINDOW);
        for i in range {
            if self.resets[i] {
                recent.clear();
            }
            let g = self.ids[i];
            if g == NONE {
                continue;
            }
            let l = self.local_id(g, &mut ids, &mut counts);
            counts[l as usize] += 1;
            recent.retain(|&(j, _)| i - j < WINDOW);
            for &(_, other) in &recent {
                if other != l {
                    let key = (u64::from(other.min(l)) << 32) | u64::from(other.max(l));
                    *edges.entry(key).or_default() += 1.0;
                }
            }
            recent.push((i, l));
        }
        let edges = edges
            .into_iter()
            .map(|(k, w)| ((k >> 32) as u32, k as u32, w))
            .collect();
        self.score(ids, counts, edges)
    }

    /// Ranks the union of `parts` (rankings of disjoint token ranges), as
    /// [`rank`](Vocab::rank) of all their tokens would (windows never cross parts).
    pub fn rank_union(&mut self, parts: &[Ranked]) -> Ranked {
        let mut ids: Vec<u32> = Vec::new();
        let mut counts: Vec<u32> = Vec::new();
        let mut edges = Vec::new();
        for p in parts {
            for t in &p.terms {
                let l = self.local_id(t.id, &mut ids, &mut counts);
                counts[l as usize] += t.count;
            }
            let local = &self.local;
            edges.extend(
                p.edges
                    .iter()
                    .map(|&(u, v, w)| (local[u as usize], local[v as usize], w)),
            );
        }
        self.score(ids, counts, edges)
    }

    /// TF-IDF, TextRank and the blend for terms `ids` (local index = position).
    fn score(&mut self, ids: Vec<u32>, counts: Vec<u32>, edges: Vec<(u32, u32, f64)>) -> Ranked {
        for &g in &ids {
            self.local[g as usize] = NONE;
        }
        let n = ids.len();
        if n == 0 {
            return Ranked::default();
        }
        let textrank = pagerank(n, &edges);
        let tfidf: Vec<f64> = (0..n)
            .map(|k| f64::from(counts[k]) * self.idf(ids[k]))
            .collect();
        let max_tfidf = tfidf.iter().copied().fold(f64::MIN_POSITIVE, f64::max);
        let max_tr = textrank.iter().copied().fold(f64::MIN_POSITIVE, f64::max);
        let mut terms: Vec<Term> = (0..n)
            .map(|k| Term {
                id: ids[k],
                count: counts[k],
                tfidf: tfidf[k],
                textrank: textrank[k],
                weight: TFIDF_SHARE * tfidf[k] / max_tfidf
                    + (1.0 - TFIDF_SHARE) * textrank[k] / max_tr,
            })
            .collect();
        let words = &self.words;
        terms.sort_by(|a, b| {
            b.weight
                .total_cmp(&a.weight)
                .then_with(|| b.count.cmp(&a.count))
                .then_with(|| words[a.id as usize].cmp(words[b.id as usize]))
        });
        let best = terms[0].weight.max(f64::MIN_POSITIVE);
        for t in &mut terms {
            t.weight /= best;
        }
        let index = terms.iter().enumerate().map(|(i, t)| (t.id, i)).collect();
        let edges = edges
            .into_iter()
            .map(|(u, v, w)| (ids[u as usize], ids[v as usize], w))
            .collect();
        Ranked {
            terms,
            index,
            edges,
        }
    }

    /// The best `n` terms of `ranked` as report keywords (weights rounded to 4 decimals).
    pub fn top(&self, ranked: &Ranked, n: usize) -> Vec<Keyword> {
        ranked
            .terms
            .iter()
            .take(n)
            .map(|t| Keyword {
                term: self.words[t.id as usize].to_string(),
                weight: (t.weight * 1e4).round() / 1e4,
                count: t.count,
            })
            .collect()
    }
}

/// One candidate term with its scores.
#[derive(Debug, Clone)]
pub struct Term {
    /// Its id in the [`Vocab`].
    pub id: u32,
    /// Occurrences.
    pub count: u32,
    /// `count × idf`.
    pub tfidf: f64,
    /// TextRank score.
    pub textrank: f64,
    /// Blended weight, the best term weighing 1.
    pub weight: f64,
}

/// The candidates of a text, best first.
#[derive(Debug, Clone, Default)]
pub struct Ranked {
    /// Candidates by descending weight (ties by count, then term).
    pub terms: Vec<Term>,
    /// Term id to its index in `terms`.
    index: FxHashMap<u32, usize>,
    /// The co-occurrence graph, in term ids (for [`Vocab::rank_union`]).
    edges: Vec<(u32, u32, f64)>,
}

impl Ranked {
    /// The blended weight of term `id`, or 0 when it does not occur here.
    pub fn weight(&self, id: u32) -> f64 {
        self.index.get(&id).map_or(0.0, |&i| self.terms[i].weight)
    }
}

/// Weighted PageRank (damping 0.85, Gauss-Seidel updates as in jieba) of an
/// undirected graph of `n` nodes, given as `(u, v, weight)` edges (repeats
/// add up). An isolated node keeps the base score `1 − 0.85`.
pub fn pagerank(n: usize, edges: &[(u32, u32, f64)]) -> Vec<f64> {
    const DAMPING: f64 = 0.85;
    let mut offsets = vec![0usize; n + 1];
    for &(u, v, _) in edges {
        offsets[u as usize + 1] += 1;
        offsets[v as usize + 1] += 1;
    }
    for i in 0..n {
        offsets[i + 1] += offsets[i];
    }
    let mut next = offsets[..n].to_vec();
    let mut dst = vec![0u32; offsets[n]];
    let mut weight = vec![0.0f64; offsets[n]];
    for &(u, v, w) in edges {
        for (a, b) in [(u, v), (v, u)] {
            let k = &mut next[a as usize];
            dst[*k] = b;
            weight[*k] = w;
            *k += 1;
        }
    }
    let outflow: Vec<f64> = (0..n)
        .map(|i| weight[offsets[i]..offsets[i + 1]].iter().sum())
        .collect();
    // share[k] = weight of edge k / outflow of its far end.
    let share: Vec<f64> = dst
        .iter()
        .zip(&weight)
        .map(|(&d, &w)| w / outflow[d as usize])
        .collect();
    let mut rank = vec![1.0f64; n];
    for _ in 0..ITERATIONS {
        let mut change = 0.0f64;
        for i in 0..n {
            let r = offsets[i]..offsets[i + 1];
            let s: f64 = dst[r.clone()]
                .iter()
                .zip(&share[r])
                .map(|(&d, &sh)| sh * rank[d as usize])
                .sum();
            let new = (1.0 - DAMPING) + DAMPING * s;
            change = change.max((new - rank[i]).abs() / new);
            rank[i] = new;
        }
        if change < CONVERGED {
            break;
        }
    }
    rank
}
