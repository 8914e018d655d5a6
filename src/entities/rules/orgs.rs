//! Organizations the rules find: a body suffix, walked left over the words
//! of its name; periodicals; bodies jieba knows.

use std::collections::HashSet;

use super::*;
use crate::entities::{EntityType, RawMention};
use crate::lexicon::Token;

/// Walks left from token `k` (the suffix token) over the words of a name;
/// returns the index of the first token of the name.
pub(super) fn walk_left(text: &str, tokens: &[Token], k: usize, persons: &[RawMention]) -> usize {
    let mut first = k;
    let mut chars = text[tokens[k].range()].chars().count();
    let mut j = k;
    let mut paren = false;
    let mut in_quote = false;
    while j > 0 {
        let t = tokens[j - 1];
        if t.end != tokens[j].start {
            break; // a gap: whitespace or a line break
        }
        let w = &text[t.range()];
        if w == ")" || w == "）" {
            paren = true;
        } else if (w == "(" || w == "（") && paren {
            paren = false;
        } else if w == "”" {
            in_quote = true; // walking left, a closing quote opens a quoted part of the name
        } else if w == "“" {
            if !in_quote {
                break; // the quote opened before the name: `这所“帐篷小学`
            }
            in_quote = false;
        } else if w == "\"" {
            in_quote = !in_quote;
        } else if !w.chars().all(is_word_char) {
            break;
        }
        let adjective_of_name = (t.pos == "a" && matches!(tokens[j].pos, "x" | "nz"))
            || (t.pos == "m" && w.starts_with('第'));
        if w.chars().all(is_word_char)
            && !in_quote
            && ((stops_org(t.pos) && !adjective_of_name)
                || matches!(t.pos, "nr" | "nrfg")
                || PREDICATES.contains(&w)
                || TITLES.contains(&w))
        {
            break;
        }
        // A verb is inside a name (`文化扶贫委员会`) only when a noun comes
        // before it; after a pronoun, adverb, name, punctuation or another
        // verb it governs the name (`他出任中古史研究所`, `宣布收购…公司`).
        if t.pos.starts_with('v') && t.pos != "vn" && w.chars().count() >= 2 && !in_quote {
            let before = j.checked_sub(2).map(|b| tokens[b]);
            let governs = before.is_none_or(|b| {
                b.end != t.start
                    || !text[b.range()].chars().all(is_word_char)
                    || stops_org(b.pos)
                    || b.pos.starts_with('v')
                    || matches!(b.pos, "nr" | "nrfg")
                    || PREDICATES.contains(&&text[b.range()])
                    || ORG_SUFFIXES.iter().any(|s| text[b.range()].ends_with(s))
            });
            if governs {
                break;
            }
        }
        if made_up_function_word(w, t.pos) {
            break;
        }
        // A complete body before a new one (`市政府办` `市二院`, run together).
        if ORG_SUFFIXES.iter().any(|s| w.ends_with(s))
            && text[tokens[j].range()].starts_with(['市', '区', '县', '省'])
        {
            break;
        }
        let (ks, ke) = (tokens[k].start as usize, tokens[k].end as usize);
        let from = persons.partition_point(|p| p.end <= t.start as usize);
        if persons[from..]
            .iter()
            .take_while(|p| p.start < t.end as usize)
            .any(|p| {
                p.start < t.end as usize
                    && (t.start as usize) < p.end
                    && !(p.start < ke && ks < p.end)
                    && p.end != ks
            })
        {
            break;
        }
        chars += w.chars().count();
        if chars > 26 {
            break;
        }
        j -= 1;
        first = j;
    }
    // Quotes must pair up: drop an unmatched leading quote.
    while first < k && matches!(&text[tokens[first].range()], "\"" | "“" | "”") {
        let inner = &text[tokens[first].end as usize..tokens[k].end as usize];
        if inner.contains(['"', '”']) {
            break;
        }
        first += 1;
    }
    if paren {
        // An unmatched `)`: start after it.
        while first < k && !matches!(&text[tokens[first].range()], ")" | "）") {
            first += 1;
        }
        first += 1;
    }
    first
}

/// True when a name starting at token `first` (ending at token `last`) is specific, not generic.
pub(super) fn specific_start(
    text: &str,
    tokens: &[Token],
    first: usize,
    last: usize,
    places: &HashSet<usize>,
) -> bool {
    if tokens[first..last]
        .iter()
        .any(|t| matches!(t.pos, "ns" | "nt" | "nz" | "x" | "eng" | "nrt"))
    {
        return true;
    }
    let t = tokens[first];
    let w = &text[t.range()];
    if matches!(w, "\"" | "“") {
        return true;
    }
    if places.contains(&(t.start as usize)) {
        return true;
    }
    if matches!(t.pos, "ns" | "nt" | "nz" | "x" | "eng" | "nrt" | "j") {
        return true;
    }
    let c = w.chars().next().unwrap_or(' ');
    matches!(c, '市' | '区' | '县' | '省' | '镇' | '乡') && w != "市场"
}

/// Organizations ending in a body suffix.
pub(super) fn organizations(
    text: &str,
    tokens: &[Token],
    persons: &[RawMention],
    places: &HashSet<usize>,
) -> Vec<RawMention> {
    let mut out: Vec<RawMention> = Vec::new();
    for k in 0..tokens.len() {
        let full = &text[tokens[k].range()];
        // Fast exit: every body suffix and title ends in one of these chars.
        if !full.chars().next_back().is_some_and(|c| {
            "司组室办府局队关部委会院学所心馆行团社厂总记任员席理长人支处者联协台".contains(c)
        }) {
            continue;
        }
        // `纪委书记`: jieba's word holds the body and the title.
        let w = TITLES
            .iter()
            .filter_map(|t| full.strip_suffix(t))
            .find(|b| ORG_SUFFIXES.iter().any(|s| b.ends_with(s)))
            .unwrap_or(full);
        let Some(suffix) = ORG_SUFFIXES.iter().find(|s| w.ends_with(**s)) else {
            continue;
        };
        if NOT_BODIES.iter().any(|b| w.ends_with(b)) {
            continue;
        }
        let first = walk_left(text, tokens, k, persons);
        // An unmatched `)` right before the suffix word leaves no name.
        if first > k || !specific_start(text, tokens, first, k, places) {
            continue;
        }
        let mut start = tokens[first].start as usize;
        let end = tokens[k].start as usize + w.len();
        // A Party unit before a title belongs to the title when a body precedes it.
        if matches!(*suffix, "党支部" | "党委" | "党总支") {
            let body_end = end - suffix.len();
            let body = &text[start..body_end];
            if ORG_SUFFIXES
                .iter()
                .any(|s| body.ends_with(s) && !matches!(*s, "党支部" | "党委" | "党总支"))
            {
                out.push(RawMention {
                    start,
                    end: body_end,
                    kind: EntityType::Organization,
                });
                continue;
            }
        }
        if start == end {
            continue;
        }
        // `(` can only open inside the name.
        if let Some(c) = text[start..end]
            .chars()
            .next()
            .filter(|c| matches!(c, '(' | '（'))
        {
            start += c.len_utf8();
        }
        out.push(RawMention {
            start,
            end,
            kind: EntityType::Organization,
        });
    }
    out
}

/// `《天津日报》`, `《纽约时报》`, `《经济周刊》`: a title in book-title marks
/// that names a periodical is an organization (the place in it is part of
/// the name).
pub(super) fn periodicals(text: &str) -> impl Iterator<Item = RawMention> + '_ {
    text.match_indices('《').filter_map(move |(open, _)| {
        let start = open + '《'.len_utf8();
        let len = text[start..].find(['》', '《', '\n'])?;
        let title = &text[start..start + len];
        let chars = title.chars().count();
        ((3..=12).contains(&chars)
            && text[start + len..].starts_with('》')
            && PERIODICAL_TAILS.iter().any(|t| title.ends_with(t)))
        .then_some(RawMention {
            start,
            end: start + len,
            kind: EntityType::Organization,
        })
    })
}

/// Parties, armies, teams, ministries and alliances that jieba knows whole
/// (`致公党`, `解放军`, `墨西哥队`, `中联部`, tagged `nt`): organizations
/// where the tagger saw none. Not a region (`中南部`).
pub(super) fn known_bodies<'a>(
    text: &'a str,
    tokens: &'a [Token],
) -> impl Iterator<Item = RawMention> + 'a {
    tokens
        .iter()
        .filter(|t| t.pos == "nt")
        .filter(move |t| {
            let w = &text[t.range()];
            w.ends_with(|c| WORD_BODY_HEADS.contains(c))
                && !["东部", "西部", "南部", "北部", "中部"]
                    .iter()
                    .any(|d| w.ends_with(d))
        })
        .map(|t| RawMention {
            start: t.start as usize,
            end: t.end as usize,
            kind: EntityType::Organization,
        })
}

/// True for a word that opens no name: a particle, a bare number (`1997`), or
/// a [`made_up_function_word`] (`逼平`).
pub(super) fn leads_no_name(text: &str, t: &Token) -> bool {
    let w = &text[t.range()];
    matches!(t.pos, "p" | "u" | "uj" | "ul" | "uz" | "c" | "mq" | "q")
        || (t.pos == "m"
            && w.starts_with(|c: char| {
                c.is_ascii_digit() || "零一二三四五六七八九十百千万两几".contains(c)
            }))
        || made_up_function_word(w, t.pos)
}
