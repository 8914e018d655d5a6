//! Rules over the tagger's output: what local news pages need and a model
//! trained on 1998 national news cannot know.
//!
//! * **Clean-up**: mentions are trimmed to word characters; generic words
//!   (`本报`, `我市`, `党组织`), products (`微信`) and nicknames (`小张`,
//!   `赵大爷`) are dropped; a one-character place (`中`, `美`) is kept only
//!   where such abbreviations occur (`中美`, `访华`, `在京`).
//!   Roles are no persons (`申请人`); an admin char before a generic word is
//!   no place (`市农村`); an organization ends in a body char (`局`, `院`, `会`).
//! * **Organizations** end in a body suffix (`局`, `分局`, `区委`, `支队`,
//!   `有限公司`, `领导小组`, `党支部` ...) and extend left over the words of
//!   their name until a function word, a verb of the sentence or a person.
//!   A name must start with something specific (a place, `市`/`区`/`县`, a
//!   proper noun, a quoted name), so `村党支部` and a bare `巡察工作领导小组`
//!   stay generic. A Party unit before a job title (`…公司党支部书记`) is
//!   read as the body plus the title.
//! * **Places** end in an administrative suffix (`县`, `镇`, `村`, `路` ...)
//!   after a name that is not a common word; chains (`临颍县王岗镇滕寺村`)
//!   give one place per link. Lists of short forms before `N个镇` are places.
//! * **Persons**: anonymized names (`吴某某`).
//!
//! Rule mentions win over the tagger's where they overlap, and the longest
//! (maximal) mention is kept, as the gold counts maximal mentions only.

use std::collections::HashSet;

use super::{EntityType, RawMention};
use crate::lexicon::Token;

mod keep;
pub(crate) mod lists;
mod orgs;
mod places;

use keep::*;
use lists::*;
use orgs::*;
use places::*;

/// The rules, each switchable so that what it is worth can be measured
/// (`wenxi eval ner --without-rule NAME`); [`RuleSet::ALL`] is what ships.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Rule {
    /// Drop generic words (`本报`, `我市`) and an admin char before one (`市农村`).
    Generic,
    /// `法` after a noun or verb phrase is a law, not France.
    Law,
    /// Drop a mention that is one common word jieba files as a name (`阳光`).
    CommonWord,
    /// An organization must end in a body char unless jieba knows it whole.
    OrgHead,
    /// Drop a mention that starts or ends inside a common word.
    InsideWord,
    /// A lone-char person only before `某`/`老`/titles or after `姓`.
    LoneSurname,
    /// A quoted name is a title, not a person.
    QuotedName,
    /// `小张`, `老李`: nicknames are no persons.
    Nickname,
    /// A person that jieba knows as a common word is none (`小麦`).
    PersonCommonWord,
    /// A one-char place only where abbreviations occur (`中美`, `访华`).
    OneCharPlace,
    /// An organization starting with `村` or `机关` is generic.
    VillageOrg,
    /// A place whose stem holds a pronoun, numeral or long verb (`每轮村`) is none.
    CommonStem,
    /// A short organization led by a numeral (`二院`) is none.
    NumeralOrg,
    /// `东北地区` -> `东北`, `吴先生` -> `吴`, `巴黎阴` -> `巴黎`.
    StripTail,
    /// `吴某某`: anonymized names are persons.
    Anonymized,
    /// Places ending in an administrative suffix, and listed short forms.
    RulePlaces,
    /// Organizations ending in a body suffix, walked left over their name.
    RuleOrgs,
    /// The tagger's organization wins over a rule organization inside it.
    TaggerOrgWins,
    /// The tagger's `place + body` organization wins over the place (`薛埠镇党委`).
    PlaceAndBody,
    /// A periodical in title marks is an organization (`《天津日报》`).
    Periodicals,
    /// One-char places in `中方`, `美军`, `访华`, `驻京`.
    Abbreviations,
    /// Parties, armies, ministries jieba tags `nt` fill gaps (`致公党`).
    KnownBodies,
    /// `中共` before an organization is part of it.
    CpcPrefix,
    /// `青藏` -> `青` + `藏`.
    SplitPair,
    /// An organization loses leading particles and bare numbers.
    OrgLead,
    /// A place before a place-led organization stands alone (`长沙市` + `芙蓉区人民法院`).
    PlaceBeforeOrg,
    /// `舞阳` where the page also says `舞阳县` is the same place.
    ShortForms,
    /// A one-char organization (`部`, `局`) names no body.
    LoneBody,
    /// A one-char place is one of the closed class of place abbreviations.
    AbbreviationChar,
    /// A place led by a preposition or a determiner (`向村`, `每轮村`) is none,
    /// unless the gazetteer knows it (`本溪`).
    PlaceLead,
    /// `领导小组会`: a group's meeting names the group.
    Meeting,
    /// A place, its descriptors and a zone suffix are one place (`郑州航空港经济综合实验区`).
    Zones,
    /// `中部地区`: a region named by its direction is a place.
    Regions,
}

/// Every rule with its name (kebab-case, for the command line).
pub const RULES: &[(Rule, &str)] = &[
    (Rule::Generic, "generic"),
    (Rule::Law, "law"),
    (Rule::CommonWord, "common-word"),
    (Rule::OrgHead, "org-head"),
    (Rule::InsideWord, "inside-word"),
    (Rule::LoneSurname, "lone-surname"),
    (Rule::QuotedName, "quoted-name"),
    (Rule::Nickname, "nickname"),
    (Rule::PersonCommonWord, "person-common-word"),
    (Rule::OneCharPlace, "one-char-place"),
    (Rule::VillageOrg, "village-org"),
    (Rule::CommonStem, "common-stem"),
    (Rule::NumeralOrg, "numeral-org"),
    (Rule::StripTail, "strip-tail"),
    (Rule::Anonymized, "anonymized"),
    (Rule::RulePlaces, "rule-places"),
    (Rule::RuleOrgs, "rule-orgs"),
    (Rule::TaggerOrgWins, "tagger-org-wins"),
    (Rule::PlaceAndBody, "place-and-body"),
    (Rule::Periodicals, "periodicals"),
    (Rule::Abbreviations, "abbreviations"),
    (Rule::KnownBodies, "known-bodies"),
    (Rule::CpcPrefix, "cpc-prefix"),
    (Rule::SplitPair, "split-pair"),
    (Rule::OrgLead, "org-lead"),
    (Rule::PlaceBeforeOrg, "place-before-org"),
    (Rule::ShortForms, "short-forms"),
    (Rule::LoneBody, "lone-body"),
    (Rule::AbbreviationChar, "abbreviation-char"),
    (Rule::PlaceLead, "place-lead"),
    (Rule::Meeting, "meeting"),
    (Rule::Zones, "zones"),
    (Rule::Regions, "regions"),
];

/// A set of [`Rule`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleSet(u64);

impl RuleSet {
    /// Every rule: what ships.
    pub const ALL: RuleSet = RuleSet(u64::MAX);
    /// No rule: the bare tagger.
    pub const NONE: RuleSet = RuleSet(0);
    /// True when `r` is on.
    pub fn on(self, r: Rule) -> bool {
        self.0 & (1 << r as u8) != 0
    }
    /// This set without `r`.
    pub fn without(self, r: Rule) -> RuleSet {
        RuleSet(self.0 & !(1 << r as u8))
    }
    /// The rule named `name` (see [`RULES`]).
    pub fn rule(name: &str) -> Option<Rule> {
        RULES.iter().find(|(_, n)| *n == name).map(|(r, _)| *r)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Trims a mention to word characters (parentheses and quotes inside are kept).
fn trim(text: &str, m: RawMention) -> Option<RawMention> {
    let s = &text[m.start..m.end];
    let lead = s.len() - s.trim_start_matches(|c: char| !is_word_char(c)).len();
    let trail = s.len()
        - s.trim_end_matches(|c: char| !is_word_char(c) && c != ')')
            .len();
    if lead + trail >= s.len() {
        return None;
    }
    let t = RawMention {
        start: m.start + lead,
        end: m.end - trail,
        kind: m.kind,
    };
    let body = &text[t.start..t.end];
    if body.contains(|c: char| c.is_whitespace() || c == '#') {
        return None;
    }
    Some(t)
}

fn prev_char(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

fn next_char(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// The tokens exactly covering `[start, end)`, if the range is on token boundaries.
fn covering(tokens: &[Token], start: usize, end: usize) -> &[Token] {
    let a = tokens.partition_point(|t| (t.start as usize) < start);
    let b = tokens.partition_point(|t| (t.start as usize) < end);
    let toks = &tokens[a..b];
    match (toks.first(), toks.last()) {
        (Some(f), Some(l)) if f.start as usize == start && l.end as usize == end => toks,
        _ => &[],
    }
}

/// The token holding byte `at`.
fn token_at(tokens: &[Token], at: usize) -> Option<Token> {
    let k = tokens.partition_point(|t| (t.end as usize) <= at);
    tokens.get(k).filter(|t| t.start as usize <= at).copied()
}

/// `吴某某`: an anonymized name.
fn anonymized(text: &str) -> Vec<RawMention> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices("某某") {
        if let Some(c) = prev_char(text, i).filter(|&c| crate::text::is_surname(c)) {
            out.push(RawMention {
                start: i - c.len_utf8(),
                end: i + "某某".len(),
                kind: EntityType::Person,
            });
        }
    }
    out
}

/// Applies the rules to the tagger's mentions; returns mentions in text order.
pub fn refine(
    text: &str,
    tokens: &[Token],
    tagged: Vec<RawMention>,
    r: RuleSet,
) -> Vec<RawMention> {
    let model = tagger_mentions(text, tokens, tagged, r);
    let anon = if r.on(Rule::Anonymized) {
        anonymized(text)
    } else {
        Vec::new()
    };
    let mut persons: Vec<RawMention> = anon
        .iter()
        .copied()
        .chain(
            model
                .iter()
                .filter(|m| m.kind == EntityType::Person)
                .copied(),
        )
        .collect();
    persons.sort_by_key(|p| (p.end, p.start));
    let rule_places = rule_places(text, tokens, r);
    let place_starts: HashSet<usize> = rule_places
        .iter()
        .chain(model.iter().filter(|m| m.kind == EntityType::Place))
        .map(|p| p.start)
        .collect();
    let orgs = if r.on(Rule::RuleOrgs) {
        organizations(text, tokens, &persons, &place_starts)
    } else {
        Vec::new()
    };
    // Priority: rule ORG, anonymized PER, rule LOC, then the tagger; longer first.
    let mut ranked: Vec<(u8, RawMention)> = Vec::new();
    ranked.extend(
        winning_tagger_orgs(text, tokens, &model, &orgs, &rule_places, r)
            .into_iter()
            .map(|m| (0, m)),
    );
    ranked.extend(orgs.into_iter().map(|m| (0, m)));
    if r.on(Rule::Periodicals) {
        ranked.extend(periodicals(text).map(|m| (0, m)));
    }
    ranked.extend(anon.into_iter().map(|m| (0, m)));
    ranked.extend(rule_places.into_iter().map(|m| (1, m)));
    if r.on(Rule::Abbreviations) {
        ranked.extend(abbreviations(text, tokens).map(|m| (1, m)));
    }
    ranked.extend(model.into_iter().map(|m| (2, m)));
    if r.on(Rule::KnownBodies) {
        ranked.extend(known_bodies(text, tokens).map(|m| (3, m)));
    }
    let (out, taken) = select(text, tokens, ranked, r);
    let mut out: Vec<RawMention> = out
        .into_iter()
        .flat_map(|m| {
            // A piece the split changed is judged again; the others were.
            split_mention(text, tokens, m, r)
                .into_iter()
                .flatten()
                .filter(move |p| *p == m || keep(text, tokens, p, r))
        })
        .collect();
    if r.on(Rule::ShortForms) {
        short_forms(text, tokens, &mut out, &taken);
    }
    out.sort_by_key(|m| (m.start, m.end));
    out
}

/// The tagger's mentions, trimmed, stripped of generic tails and judged.
fn tagger_mentions(
    text: &str,
    tokens: &[Token],
    tagged: Vec<RawMention>,
    r: RuleSet,
) -> Vec<RawMention> {
    tagged
        .into_iter()
        .filter_map(|m| trim(text, m))
        .map(|m| {
            if r.on(Rule::StripTail) {
                strip_generic_tail(text, m)
            } else {
                m
            }
        })
        .map(|m| {
            if r.on(Rule::Meeting) {
                meeting_body(text, m)
            } else {
                m
            }
        })
        .filter(|m| keep(text, tokens, m, r))
        .collect()
}

/// The places the rules find: administrative suffixes, listed short forms,
/// zones and direction regions.
fn rule_places(text: &str, tokens: &[Token], r: RuleSet) -> Vec<RawMention> {
    let mut found: Vec<RawMention> = if r.on(Rule::RulePlaces) {
        places(text, tokens)
            .into_iter()
            .map(|m| strip_generic_tail(text, m))
            .chain(listed_places(text))
            .collect()
    } else {
        Vec::new()
    };
    if r.on(Rule::Zones) {
        found.extend(zones(text, tokens));
    }
    if r.on(Rule::Regions) {
        found.extend(regions(text));
    }
    found
}

/// The tagger's organizations that outrank the rules' own.
///
/// The tagger's organization wins over a rule's organization inside it
/// (`月山车站汽车运贸公司` over `山车站汽车运贸公司`, `海南公司飞行部`
/// over `海南公司`): it saw where such names start and end. Not a Party unit
/// after the body (the rules give `党支部书记` to the title), nor a verb
/// before it (`特邀|市委`). And `薛埠镇党委`, `漳州市教委`: the tagger's
/// organization that is a rule place and a body word after it wins over
/// the place.
fn winning_tagger_orgs(
    text: &str,
    tokens: &[Token],
    model: &[RawMention],
    orgs: &[RawMention],
    rule_places: &[RawMention],
    r: RuleSet,
) -> Vec<RawMention> {
    let mut org_spans: Vec<(usize, usize)> = orgs.iter().map(|o| (o.start, o.end)).collect();
    org_spans.sort_unstable();
    let containing = |m: &RawMention| {
        let s = &text[m.start..m.end];
        m.kind == EntityType::Organization
            && !["党委", "党支部", "党总支", "党组"]
                .iter()
                .any(|p| s.ends_with(p))
            && !token_at(tokens, m.start).is_some_and(|t| {
                t.pos.starts_with('v')
                    || matches!(t.pos, "nr" | "nrfg")
                    || PREDICATES.contains(&&text[t.range()])
            })
            && {
                let k = org_spans.partition_point(|o| o.0 < m.start);
                org_spans[k..]
                    .iter()
                    .take_while(|o| o.0 < m.end)
                    .any(|&o| o.1 <= m.end && o != (m.start, m.end))
            }
    };
    let place_ends: HashSet<(usize, usize)> =
        rule_places.iter().map(|p| (p.start, p.end)).collect();
    let place_and_body = |m: &RawMention| {
        m.kind == EntityType::Organization
            && token_at(tokens, m.start).is_some_and(|t| {
                let (ts, te) = (t.start as usize, t.end as usize);
                if ts != m.start || te >= m.end {
                    return false;
                }
                let body = &text[te..m.end];
                place_ends.contains(&(ts, te))
                    && (2..=3).contains(&body.chars().count())
                    && body
                        .chars()
                        .next_back()
                        .is_some_and(|c| ORG_HEADS.contains(c))
            })
    };
    model
        .iter()
        .filter(|m| {
            (r.on(Rule::TaggerOrgWins) && containing(m))
                || (r.on(Rule::PlaceAndBody) && place_and_body(m))
        })
        .copied()
        .collect()
}

/// Keeps the best-ranked mentions that pass [`keep`] and overlap no kept
/// one (rank first, then longer, then earlier), and joins `中共` to the
/// organization after it. Returns them and the bytes they take.
fn select(
    text: &str,
    tokens: &[Token],
    mut ranked: Vec<(u8, RawMention)>,
    r: RuleSet,
) -> (Vec<RawMention>, Vec<bool>) {
    ranked.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then((b.1.end - b.1.start).cmp(&(a.1.end - a.1.start)))
            .then(a.1.start.cmp(&b.1.start))
    });
    let mut out: Vec<RawMention> = Vec::new();
    // Bytes already taken by a kept mention: overlap tests stay O(length).
    let mut taken = vec![false; text.len()];
    for (_, m) in ranked {
        if m.start >= m.end || !keep(text, tokens, &m, r) {
            continue;
        }
        if taken[m.start..m.end].iter().any(|&t| t) {
            continue;
        }
        taken[m.start..m.end].iter_mut().for_each(|t| *t = true);
        out.push(m);
    }
    // `中共十五大`: the Party's short name right before a body is part of it.
    for m in out.iter_mut() {
        if r.on(Rule::CpcPrefix)
            && m.kind == EntityType::Organization
            && text[..m.start].ends_with("中共")
        {
            let s = m.start - "中共".len();
            if !taken[s..m.start].iter().any(|&t| t) {
                taken[s..m.start].iter_mut().for_each(|t| *t = true);
                m.start = s;
            }
        }
    }
    (out, taken)
}

/// Splits a place that is two abbreviations ([`split_pair`]), and fixes the
/// start of an organization: words that open no name are cut off
/// (`了联邦委员会`, `1997中国工程院`), and a place followed by another place
/// stands alone (`长沙市` + `芙蓉区人民法院`, `黑龙江省` + `阿城市委`): the
/// gold sets give a body the nearest place only.
fn split_mention(
    text: &str,
    tokens: &[Token],
    m: RawMention,
    r: RuleSet,
) -> [Option<RawMention>; 2] {
    if m.kind == EntityType::Place && r.on(Rule::SplitPair) {
        return split_pair(text, m);
    }
    if m.kind != EntityType::Organization {
        return [Some(m), None];
    }
    let toks = covering(tokens, m.start, m.end);
    let lead = if r.on(Rule::OrgLead) {
        toks.iter().take_while(|t| leads_no_name(text, t)).count()
    } else {
        0
    };
    let toks = &toks[lead.min(toks.len().saturating_sub(1))..];
    let start = toks.first().map_or(m.start, |t| t.start as usize);
    let m = RawMention { start, ..m };
    match toks {
        [a, b, _, ..] if r.on(Rule::PlaceBeforeOrg) && a.pos == "ns" && b.pos == "ns" => [
            Some(RawMention {
                start: a.start as usize,
                end: a.end as usize,
                kind: EntityType::Place,
            }),
            Some(RawMention {
                start: b.start as usize,
                ..m
            }),
        ],
        _ => [Some(m), None],
    }
}
