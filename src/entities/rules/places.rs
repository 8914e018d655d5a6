//! Places the rules find: administrative suffixes, zones, direction
//! regions, listed short forms, one-char abbreviations and pairs.

use std::collections::HashSet;

use super::*;
use crate::entities::{EntityType, RawMention};
use crate::lexicon::Token;

/// Places ending in an administrative suffix, one per link of a chain.
///
/// A token ending in a suffix is a place when it is a name of three or more
/// chars (`临颍县`, `王岗镇`); when it has two chars and follows a one-char
/// token (`召/陵区`, `窝/城镇`: jieba's splits of unknown names); or when it is
/// the bare suffix after a two-char name (`郾城/区`, `文化/路`).
pub(super) fn places(text: &str, tokens: &[Token]) -> Vec<RawMention> {
    let mut out: Vec<RawMention> = Vec::new();
    for k in 0..tokens.len() {
        let t = tokens[k];
        let w = &text[t.range()];
        let Some(sfx) = w.chars().next_back().filter(|c| PLACE_SUFFIXES.contains(c)) else {
            continue;
        };
        if w.ends_with("之路") {
            continue; // `复兴之路`, the writer `张之路`: a way, not a road
        }
        if !ideographs(w) {
            continue;
        }
        let road = matches!(sfx, '路' | '街');
        let wl = w.chars().count();
        let prev = (k > 0)
            .then(|| tokens[k - 1])
            .filter(|p| p.end == t.start && ideographs(&text[p.range()]));
        let prev_len = prev.map(|p| text[p.range()].chars().count()).unwrap_or(0);
        let start = match wl {
            _ if wl >= 3
                && name_pos(t.pos)
                && !w.chars().next().is_some_and(|c| FREE_CHARS.contains(c)) =>
            {
                Some(t.start)
            }
            2 if prev_len == 1
                && prev.is_some_and(|p| {
                    !grammatical_pos(p.pos)
                        && !text[p.range()].chars().all(|c| FREE_CHARS.contains(c))
                }) =>
            {
                prev.map(|p| p.start)
            }
            2 if t.pos == "ns" => Some(t.start),
            1 if prev_len == 2
                && prev.is_some_and(|p| name_pos(p.pos) || (road && p.pos == "n")) =>
            {
                prev.map(|p| p.start)
            }
            _ => None,
        };
        let Some(s) = start.map(|s| s as usize) else {
            continue;
        };
        if GENERIC.contains(&&text[s..t.end as usize]) {
            continue;
        }
        out.push(RawMention {
            start: s,
            end: t.end as usize,
            kind: EntityType::Place,
        });
    }
    out
}

/// `郑州航空港经济综合实验区`, `浦东新区`, `苏州工业园区`: a place, the words
/// that describe the zone, and a zone suffix are one place (a zone is a unit
/// of local government in China). The name must open with a place the
/// tagger's words or the gazetteer know, so a bare `开发区` stays generic.
pub(super) fn zones(text: &str, tokens: &[Token]) -> Vec<RawMention> {
    // Every suffix ends in `区`: one pass over those, longest suffix first.
    let mut out = Vec::new();
    for (z, _) in text.match_indices('区') {
        let end = z + '区'.len_utf8();
        let named = ZONE_SUFFIXES
            .iter()
            .filter(|s| text[..end].ends_with(**s))
            .find_map(|s| zone_name_start(text, tokens, end - s.len()));
        if let Some(start) = named {
            out.push(RawMention {
                start,
                end,
                kind: EntityType::Place,
            });
        }
    }
    out
}

/// Where the name of a zone whose suffix starts at `at` begins: the
/// leftmost place among the name words (nouns, places, short forms) right
/// before it, at most 14 chars back; `None` when no place opens it or the
/// suffix starts inside a word.
pub(super) fn zone_name_start(text: &str, tokens: &[Token], at: usize) -> Option<usize> {
    let k = tokens.partition_point(|t| (t.end as usize) <= at);
    if tokens.get(k).is_some_and(|t| (t.start as usize) < at) {
        return None;
    }
    let mut start = None;
    let mut chars = 0;
    for t in tokens[..k].iter().rev() {
        let w = &text[t.range()];
        chars += w.chars().count();
        if !ideographs(w)
            || chars > 14
            || !matches!(
                t.pos,
                "n" | "vn" | "ns" | "nz" | "j" | "l" | "nt" | "x" | "an"
            )
        {
            break;
        }
        if t.pos == "ns" || crate::entities::gazetteer::is_place(w) {
            start = Some(t.start as usize);
        }
    }
    start
}

/// `中部地区`, `西部地区`: a region named by its direction is a place.
pub(super) fn regions(text: &str) -> impl Iterator<Item = RawMention> + '_ {
    text.match_indices("部地区").filter_map(move |(at, _)| {
        let c = text[..at].chars().next_back()?;
        let start = at - c.len_utf8();
        let before = text[..start].chars().next_back();
        ("东西南北中".contains(c) && !before.is_some_and(|b| "东西南北".contains(b))).then_some(
            RawMention {
                start,
                end: at + "部地区".len(),
                kind: EntityType::Place,
            },
        )
    })
}

/// `孟庙、李集、商桥、裴城4个镇`: the listed short forms are places.
pub(super) fn listed_places(text: &str) -> Vec<RawMention> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices("个") {
        let after = next_char(text, i + "个".len());
        if !after.is_some_and(|c| matches!(c, '镇' | '乡' | '村' | '县' | '区' | '市')) {
            continue;
        }
        // Skip the count.
        let head = text[..i].trim_end_matches(|c: char| {
            c.is_ascii_digit() || "一二三四五六七八九十两几".contains(c)
        });
        let mut end = head.len();
        let mut items = Vec::new();
        loop {
            // Each item is two ideographs, separated by `、`.
            let two: Vec<char> = head[..end].chars().rev().take(2).collect();
            if two.len() < 2 || !two.iter().all(|&c| crate::text::is_ideograph(c)) {
                break;
            }
            let len: usize = two.iter().map(|c| c.len_utf8()).sum();
            items.push((end - len, end));
            match head[..end - len].strip_suffix('、') {
                Some(rest) => end = rest.len(),
                None => break,
            }
        }
        if items.len() >= 2 {
            out.extend(items.into_iter().map(|(s, e)| RawMention {
                start: s,
                end: e,
                kind: EntityType::Place,
            }));
        }
    }
    out
}

/// One-char places inside a two-char word, found in one pass over the words:
/// * a country's side or army, `中方`, `美方`, `日军` (not `亚军`, runner-up);
/// * a visit or a stay, `访华`, `驻京`, `侵华`, `反华` (not `非`, mostly a
///   negation: `对非教徒`).
pub(super) fn abbreviations<'a>(
    text: &'a str,
    tokens: &'a [Token],
) -> impl Iterator<Item = RawMention> + 'a {
    tokens.iter().filter_map(move |t| {
        let w = &text[t.range()];
        let mut cs = w.chars();
        let (a, b) = match (cs.next(), cs.next(), cs.next()) {
            (Some(a), Some(b), None) => (a, b),
            _ => return None,
        };
        let start = t.start as usize;
        let (start, c) = if matches!(b, '方' | '军') && pair_char(a) && w != "亚军" {
            (start, a)
        } else if (to_place(a) || a == '反') && pair_char(b) && b != '非' {
            (start + a.len_utf8(), b)
        } else {
            return None;
        };
        Some(RawMention {
            start,
            end: start + c.len_utf8(),
            kind: EntityType::Place,
        })
    })
}

/// `青藏`, `印巴`, `港台`: two one-char abbreviations, each a place (the gold
/// sets count two). Not a place whose name is two such chars: rivers and
/// provinces in `江` (`江苏`, `湘江`), regions in `中` (`华中`, `中亚`), `辽宁`,
/// `中华`.
pub(super) fn split_pair(text: &str, m: RawMention) -> [Option<RawMention>; 2] {
    let w = &text[m.start..m.end];
    let mut cs = w.chars();
    let pair = match (cs.next(), cs.next(), cs.next()) {
        (Some(a), Some(b), None) => {
            a != b
                && pair_char(a)
                && pair_char(b)
                && !w.contains('江')
                && b != '中'
                && !matches!(w, "中亚" | "中欧" | "中华" | "辽宁")
        }
        _ => false,
    };
    if !pair {
        return [Some(m), None];
    }
    let mid = m.start + w.chars().next().map_or(0, char::len_utf8);
    [
        Some(RawMention { end: mid, ..m }),
        Some(RawMention { start: mid, ..m }),
    ]
}

/// `舞阳` where the page also says `舞阳县`: a place's stem, standing alone as
/// a word, is the same place.
pub(super) fn short_forms(text: &str, tokens: &[Token], out: &mut Vec<RawMention>, taken: &[bool]) {
    let stems: HashSet<&str> = out
        .iter()
        .filter(|m| m.kind == EntityType::Place)
        .map(|m| &text[m.start..m.end])
        .filter(|w| {
            w.chars().count() == 3
                && w.chars()
                    .next_back()
                    .is_some_and(|c| "县市区镇乡".contains(c))
        })
        .map(|w| &w[..w.len() - 3])
        .collect();
    if stems.is_empty() {
        return;
    }
    let found: Vec<RawMention> = tokens
        .iter()
        .filter(|t| stems.contains(&text[t.range()]) && !taken[t.range()].iter().any(|&x| x))
        .map(|t| RawMention {
            start: t.start as usize,
            end: t.end as usize,
            kind: EntityType::Place,
        })
        .collect();
    out.extend(found);
}
