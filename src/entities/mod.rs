//! Entities: persons, places and organizations, grouped with their mentions.
//!
//! First version: jieba's `nr`/`ns`/`nt` tags.

use std::collections::HashMap;

use serde::Serialize;

use crate::clean::Cleaned;
use crate::layout::Layout;
use crate::lexicon::Token;
use crate::offsets::Span;

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
}

/// A recognized mention before grouping: clean byte range and type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawMention {
    /// Clean byte start.
    pub start: usize,
    /// Clean byte end.
    pub end: usize,
    /// Its type.
    pub kind: EntityType,
}

/// Finds mentions in the tagged clean text.
pub fn recognize(text: &str, tokens: &[Token]) -> Vec<RawMention> {
    let _ = text;
    tokens
        .iter()
        .filter_map(|t| {
            let kind = match t.pos {
                "nr" | "nrfg" | "nrt" => EntityType::Person,
                "ns" => EntityType::Place,
                "nt" => EntityType::Organization,
                _ => return None,
            };
            Some(RawMention {
                start: t.start as usize,
                end: t.end as usize,
                kind,
            })
        })
        .collect()
}

/// Groups mentions into entities, most mentioned first.
pub fn group(cleaned: &Cleaned, layout: &Layout, mentions: &[RawMention]) -> Vec<Entity> {
    let mut by_key: HashMap<(EntityType, &str), usize> = HashMap::new();
    let mut out: Vec<Entity> = Vec::new();
    for m in mentions {
        let t = &cleaned.text[m.start..m.end];
        let i = *by_key.entry((m.kind, t)).or_insert_with(|| {
            out.push(Entity {
                kind: m.kind,
                text: t.to_string(),
                aliases: Vec::new(),
                count: 0,
                mentions: Vec::new(),
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
        });
    }
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(a.kind.cmp(&b.kind))
            .then(a.text.cmp(&b.text))
    });
    out
}
