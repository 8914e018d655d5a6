//! Entities: persons, places and organizations, grouped with their mentions.
//!
//! Recognition has two layers. A trained tagger ([`model`], over the hashed
//! character, jieba-word and [`gazetteer`] [`features`]) labels every segment
//! of the clean text with BIO labels and says how sure it is of each mention;
//! it is trained on the MSRA training file and People's Daily 1998 by
//! `cargo run --release --bin wenxi-train-ner` (see `src/train.rs`). [`rules`] then
//! fix what news pages need and the model cannot know, each switchable by
//! name so that what it is worth stays measured.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use serde::Serialize;

use crate::clean::Cleaned;
use crate::layout::Layout;
use crate::lexicon::Token;
use crate::offsets::Span;

pub mod features;
pub mod gazetteer;
pub mod model;
pub mod rules;
#[cfg(test)]
mod tests;

use features::Word;
use model::Model;
pub use rules::{Rule, RuleSet};

/// The trained model, embedded (see [`model`] for the format).
pub const MODEL_BYTES: &[u8] = include_bytes!("../../assets/ner.model");

/// The embedded model, read once.
pub fn embedded_model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| Model::from_bytes(MODEL_BYTES).expect("the embedded NER model is valid"))
}

/// Splits clean text into the units the tagger labels: byte ranges ending
/// after `。！？` or at a line break (line breaks themselves are left out).
pub fn segments(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '\n' | '\r' => {
                if i > start {
                    out.push(start..i);
                }
                start = i + c.len_utf8();
            }
            '。' | '！' | '？' => {
                let e = i + c.len_utf8();
                out.push(start..e);
                start = e;
            }
            _ => {}
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// The normalized chars of `text[seg]` and the tokens inside it as char-indexed words.
/// `tokens` must be sorted by start; those outside `seg` are ignored.
pub fn segment_words(text: &str, seg: Range<usize>, tokens: &[Token]) -> (Vec<char>, Vec<Word>) {
    let s = &text[seg.clone()];
    let chars: Vec<char> = s.chars().map(features::norm).collect();
    // Tokens are sorted and disjoint: one forward walk maps their byte
    // offsets to char indices.
    let first = tokens.partition_point(|t| (t.start as usize) < seg.start);
    let mut words = Vec::new();
    let (mut byte, mut ci) = (seg.start, 0usize);
    let mut advance_to = |b: usize| -> Option<usize> {
        while byte < b {
            byte += text[byte..].chars().next().map_or(1, char::len_utf8);
            ci += 1;
        }
        (byte == b).then_some(ci)
    };
    for t in &tokens[first..] {
        if t.end as usize > seg.end {
            break;
        }
        if let (Some(a), Some(b)) = (advance_to(t.start as usize), advance_to(t.end as usize)) {
            words.push(Word {
                start: a,
                end: b,
                pos: t.pos,
            });
        }
    }
    (chars, words)
}

/// Runs the trained tagger over the clean text; returns mentions in text order.
pub fn tag(model: &Model, text: &str, tokens: &[Token]) -> Vec<RawMention> {
    tag_scored(model, text, tokens)
        .into_iter()
        .map(|(m, _)| m)
        .collect()
}

/// [`tag`], with the model's confidence in each mention (see [`Model::confidence`]).
pub fn tag_scored(model: &Model, text: &str, tokens: &[Token]) -> Vec<(RawMention, f32)> {
    let mut out = Vec::new();
    let mut feats = Vec::new();
    let mut labels = Vec::new();
    for seg in segments(text) {
        let (chars, words) = segment_words(text, seg.clone(), tokens);
        if !chars.iter().any(|&c| crate::text::is_cjk(c)) {
            continue;
        }
        feats.clear();
        features::extract(&chars, &words, &mut feats);
        let emissions = model.emissions(&feats);
        model::viterbi(&emissions, model.transitions(), &mut labels);
        let spans = model::spans(&labels);
        if spans.is_empty() {
            continue;
        }
        let offs: Vec<usize> = text[seg.clone()]
            .char_indices()
            .map(|(b, _)| seg.start + b)
            .chain(std::iter::once(seg.end))
            .collect();
        let confidence = model.confidence(&emissions, &spans);
        for ((a, b, kind), p) in spans.into_iter().zip(confidence) {
            let m = RawMention {
                start: offs[a],
                end: offs[b],
                kind,
            };
            out.push((m, p));
        }
    }
    out
}

/// The three entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum EntityType {
    /// A person.
    #[serde(rename = "PER")]
    Person,
    /// A place.
    #[serde(rename = "LOC")]
    Place,
    /// An organization.
    #[serde(rename = "ORG")]
    Organization,
}

impl EntityType {
    /// `PER`, `LOC` or `ORG`.
    pub fn code(self) -> &'static str {
        match self {
            EntityType::Person => "PER",
            EntityType::Place => "LOC",
            EntityType::Organization => "ORG",
        }
    }
}

/// One occurrence of an entity.
#[derive(Debug, Clone, Serialize)]
pub struct Mention {
    /// Where it is in the original input.
    pub span: Span,
    /// The text as cleaned (OCR spaces removed).
    pub text: String,
    /// Index of its sentence in the report's sentences.
    pub sentence: Option<u32>,
    /// Index of its article.
    pub article: Option<u32>,
    /// The tagger's probability that this mention is right, to three
    /// decimals; absent when a rule found or settled it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
}

/// A distinct entity with all its mentions.
#[derive(Debug, Clone, Serialize)]
pub struct Entity {
    /// PER, LOC or ORG.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The canonical (longest, most frequent) form.
    pub text: String,
    /// Other forms that refer to the same entity.
    pub aliases: Vec<String>,
    /// Number of mentions.
    pub count: u32,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// The mean confidence of the mentions the tagger found; absent when
    /// rules found them all. Low values are worth a reader's check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
}

/// A recognized mention before grouping: clean byte range and type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RawMention {
    /// Clean byte start.
    pub start: usize,
    /// Clean byte end.
    pub end: usize,
    /// Its type.
    pub kind: EntityType,
}

/// Finds mentions in the tagged clean text: the tagger, then the `rules`
/// that settle each mention ([`RuleSet::ALL`] ships; the others measure).
pub fn recognize(model: &Model, text: &str, tokens: &[Token], rules: RuleSet) -> Recognized {
    let scored = tag_scored(model, text, tokens);
    let tagged: Vec<RawMention> = scored.iter().map(|s| s.0).collect();
    let mentions = if rules == RuleSet::NONE {
        tagged
    } else {
        rules::refine(text, tokens, tagged, rules)
    };
    // A mention the tagger found as it stands keeps the tagger's confidence;
    // one a rule made or changed has none.
    let by_span: HashMap<RawMention, f32> = scored.into_iter().collect();
    let confidence = mentions.iter().map(|m| by_span.get(m).copied()).collect();
    Recognized {
        mentions,
        confidence,
    }
}

/// Mentions in text order, and the tagger's confidence in each.
#[derive(Debug, Clone, Default)]
pub struct Recognized {
    /// The mentions.
    pub mentions: Vec<RawMention>,
    /// For each mention, the tagger's probability that it is right, or
    /// `None` when a rule found or settled it.
    pub confidence: Vec<Option<f32>>,
}

/// `p` to three decimals (a probability that JSON carries exactly).
fn round3(p: impl Into<f64>) -> f64 {
    (p.into() * 1000.0).round() / 1000.0
}

/// Groups mentions into entities, most mentioned first.
pub fn group(cleaned: &Cleaned, layout: &Layout, found: &Recognized) -> Vec<Entity> {
    let mentions = &found.mentions;
    let mut by_key: HashMap<(EntityType, &str), usize> = HashMap::new();
    let mut out: Vec<Entity> = Vec::new();
    for (k, m) in mentions.iter().enumerate() {
        let t = &cleaned.text[m.start..m.end];
        let i = *by_key.entry((m.kind, t)).or_insert_with(|| {
            out.push(Entity {
                kind: m.kind,
                text: t.to_string(),
                aliases: Vec::new(),
                count: 0,
                mentions: Vec::new(),
                confidence: None,
            });
            out.len() - 1
        });
        let sentence = layout.sentence_at(m.start);
        out[i].count += 1;
        out[i].mentions.push(Mention {
            span: cleaned.span(m.start, m.end),
            text: t.to_string(),
            sentence: sentence.map(|s| s as u32),
            article: sentence.map(|s| layout.sentences[s].article),
            confidence: found.confidence.get(k).copied().flatten().map(round3),
        });
    }
    merge_aliases(&mut out);
    for e in out.iter_mut() {
        let scored: Vec<f64> = e.mentions.iter().filter_map(|m| m.confidence).collect();
        if !scored.is_empty() {
            e.confidence = Some(round3(scored.iter().sum::<f64>() / scored.len() as f64));
        }
    }
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(a.kind.cmp(&b.kind))
            .then(a.text.cmp(&b.text))
    });
    out
}

/// True when `short` is another form of `long` on the same page:
/// `区委` of `郾城区委` (the body without its place), `市政府办` of
/// `市政府办公室` and `区纪委` / `区监委` of `区纪委监委` (a shortened body),
/// `舞阳` of `舞阳县` (a place without its suffix).
pub fn is_alias(kind: EntityType, short: &str, long: &str) -> bool {
    let (s, l): (Vec<char>, Vec<char>) = (short.chars().collect(), long.chars().collect());
    if s.len() >= l.len() || s.len() < 2 {
        return false;
    }
    match kind {
        EntityType::Organization => {
            let admin = matches!(s[0], '区' | '市' | '县' | '省' | '镇' | '乡');
            if admin && long.ends_with(short) && l.len() - s.len() <= 3 {
                return true;
            }
            if l.len() - s.len() <= 2 && s.len() >= 3 && s[0] == l[0] {
                // A subsequence of the long form: `区监委` in `区纪委监委`.
                let mut it = l.iter();
                return s.iter().all(|c| it.any(|d| d == c));
            }
            false
        }
        EntityType::Place => {
            l.len() == s.len() + 1
                && long.starts_with(short)
                && matches!(l[l.len() - 1], '省' | '市' | '县' | '区' | '镇' | '乡')
        }
        EntityType::Person => false,
    }
}

/// Calls `f` with each short form that [`is_alias`] accepts for `long`
/// (possibly more than once). The candidates are generated from the long
/// form, so grouping stays linear in the entities; one buffer serves them all.
fn alias_candidates(kind: EntityType, long: &str, mut f: impl FnMut(&str)) {
    let l: Vec<char> = long.chars().collect();
    let mut buf = String::with_capacity(long.len());
    let mut emit = |chars: &mut dyn Iterator<Item = char>, f: &mut dyn FnMut(&str)| {
        buf.clear();
        buf.extend(chars);
        f(&buf);
    };
    match kind {
        EntityType::Organization => {
            // Tails that start with an admin char, up to 3 chars shorter.
            for cut in 1..=3.min(l.len().saturating_sub(2)) {
                if matches!(l[cut], '区' | '市' | '县' | '省' | '镇' | '乡') {
                    emit(&mut l[cut..].iter().copied(), &mut f);
                }
            }
            // One or two chars deleted (never the first), three or more left.
            for a in 1..l.len() {
                let without = |a: usize, b: usize| {
                    l.iter()
                        .enumerate()
                        .filter(move |&(i, _)| i != a && i != b)
                        .map(|(_, &c)| c)
                };
                if l.len() > 3 {
                    emit(&mut without(a, a), &mut f);
                }
                if l.len() > 4 {
                    for b in a + 1..l.len() {
                        emit(&mut without(a, b), &mut f);
                    }
                }
            }
        }
        EntityType::Place
            if l.len() >= 3
                && matches!(l[l.len() - 1], '省' | '市' | '县' | '区' | '镇' | '乡') =>
        {
            emit(&mut l[..l.len() - 1].iter().copied(), &mut f)
        }
        _ => {}
    }
}

/// Folds entities that are aliases of a longer one on the page into it.
fn merge_aliases(out: &mut Vec<Entity>) {
    let index: HashMap<(EntityType, &str), usize> = out
        .iter()
        .enumerate()
        .map(|(i, e)| ((e.kind, e.text.as_str()), i))
        .collect();
    // For each entity, the longer entities it may be a form of.
    let mut longs: Vec<Vec<usize>> = vec![Vec::new(); out.len()];
    for (j, e) in out.iter().enumerate() {
        if e.kind == EntityType::Person || e.text.chars().count() > 24 {
            continue;
        }
        alias_candidates(e.kind, &e.text, |c| {
            if let Some(&i) = index.get(&(e.kind, c)) {
                longs[i].push(j);
            }
        });
    }
    for l in longs.iter_mut() {
        l.sort_unstable();
        l.dedup();
    }
    let mut target: Vec<Option<usize>> = vec![None; out.len()];
    for i in 0..out.len() {
        let mut best: Option<usize> = None;
        let mut ambiguous = false;
        for &j in &longs[i] {
            match best {
                Some(b) if out[b].count == out[j].count => ambiguous = true,
                Some(b) if out[b].count > out[j].count => {}
                _ => {
                    best = Some(j);
                    ambiguous = false;
                }
            }
        }
        if !ambiguous {
            target[i] = best;
        }
    }
    // Follow chains to the final long form (no cycles: forms only get longer).
    let root = |mut i: usize| {
        while let Some(j) = target[i] {
            i = j;
        }
        i
    };
    let roots: Vec<usize> = (0..out.len()).map(root).collect();
    let mut moved: Vec<(usize, Entity)> = Vec::new();
    for i in (0..out.len()).rev() {
        if roots[i] != i {
            moved.push((roots[i], out[i].clone()));
        }
    }
    for (r, e) in moved {
        let dst = &mut out[r];
        dst.count += e.count;
        dst.mentions.extend(e.mentions);
        if !dst.aliases.contains(&e.text) {
            dst.aliases.push(e.text);
        }
    }
    let mut i = 0;
    out.retain(|_| {
        let keep = roots[i] == i;
        i += 1;
        keep
    });
    for e in out.iter_mut() {
        e.mentions.sort_by_key(|m| (m.span.start, m.span.end));
        e.aliases.sort();
    }
}
