//! Training the entity tagger (a native tool, feature `tools`): People's Daily 1998 (PFR) to
//! labelled segments, an averaged structured perceptron, int8 export.
//!
//! Reading PFR fixes the three known pitfalls of the mechanical span
//! conversion (see `/work/shared/data/README.md`, "Known pitfalls"):
//! consecutive `nr` tokens are paired surname + given name instead of merged
//! into one run; one-character place abbreviations tagged `j` (`中`, `美`,
//! `京`) become LOC, and a few `j` bodies (`欧盟`, `北约`, `政协`) ORG;
//! `[X/ns 政府/n]nt` becomes LOC `X` (the NER gold sets do not label the
//! government). The IO lives in `src/bin/wenxi-train-ner.rs`.

use crate::entities::features::{extract, FEATURES};
use crate::entities::model::{label, viterbi, LABELS, MAGIC};
use crate::entities::rules::lists::{PAIR_CHARS, PLACE_ABBR};
use crate::entities::EntityType;
use crate::lexicon::{Lexicon, Token};

/// `j` abbreviations that name one body.
const ORG_ABBR: &[&str] = &[
    "欧盟",
    "北约",
    "政协",
    "人大",
    "安理会",
    "中宣部",
    "国家教委",
    "省人大",
    "省政协",
    "体委",
    "妇联",
    "独联体",
    "全国人大",
    "全国政协",
    "东盟",
    "中纪委",
    "团中央",
    "国家体委",
    "市政协",
    "市人大",
    "中组部",
    "外经贸部",
    "国家计委",
    "国家经贸委",
    "中科院",
    "社科院",
    "欧共体",
    "亚太经合组织",
    "石油输出国组织",
    "世贸组织",
    "奥委会",
    "国际奥委会",
    "总工会",
    "全总",
];

/// Common nouns that the NER gold sets label as ORG (PFR tags them `n`).
const ORG_WORDS: &[&str] = &[
    "市委",
    "县委",
    "省委",
    "区委",
    "地委",
    "州委",
    "党委",
    "国会",
    "海军",
    "空军",
    "陆军",
    "内阁",
    "十五大",
    "中共十五大",
    "团市委",
    "团县委",
    "团中央",
];

/// Bodies that form one organization with the place (or person) named
/// right before them: `美国国会`, `挪威议会`, `加拿大海军`, `桥本内阁`.
const BODIES_AFTER_NAME: &[&str] = &["国会", "议会", "海军", "空军", "陆军", "内阁"];

/// If the span pushed last is a place or person ending at `at`, removes it
/// and returns its start: the name and the body after it are one organization.
fn take_name_before(spans: &mut Vec<(usize, usize, EntityType)>, at: usize) -> Option<usize> {
    match spans.last() {
        Some(&(s, e, EntityType::Place | EntityType::Person)) if e == at => {
            spans.pop();
            Some(s)
        }
        _ => None,
    }
}

/// `国防部长`, `财政部长`: a minister's title holds the ministry, which the
/// NER gold sets label ORG up to `部` (with the country before it:
/// `美国财政部长` → `美国财政部`). `副部长`, `总部长` hold no ministry.
fn ministry_of_title(w: &str) -> Option<usize> {
    let n = w.chars().count();
    (n >= 4 && w.ends_with("部长") && !w.starts_with('副') && !w.ends_with("副部长"))
        .then_some(n - 1)
}

/// Words the NER gold sets label as LOC although PFR does not.
const LOC_WORDS: &[&str] = &[
    "地球",
    "月球",
    "火星",
    "太阳",
    "银河",
    "中华",
    "东北",
    "西北",
    "西南",
    "东南",
    "华北",
    "华南",
    "华东",
    "华中",
    "亚太",
    "拉美",
    "中东",
    "北美",
    "南美",
    "东亚",
    "东南亚",
    "西欧",
    "东欧",
];

/// Persons at the head of a doctrine's name (`邓小平理论` holds PER `邓小平`).
const DOCTRINE_NAMES: &[&str] = &["邓小平", "毛泽东", "马克思", "列宁", "恩格斯", "孙中山"];

/// Verbs whose second char is a place abbreviation (`访华`, `驻京`, `来沪`).
const TO_PLACE: &str = "访驻来在对旅离援侵抵赴进返回留出";

/// Tails of PFR place compounds that the NER gold sets leave out of the place.
const GENERIC_TAILS: &[&str] = &[
    "地区",
    "流域",
    "高原",
    "一带",
    "大峡谷",
    "源",
    "地带",
    "沿岸",
    "沿海",
    "境内",
    "边境",
    "北部",
    "南部",
    "东部",
    "西部",
    "中部",
    "东北部",
    "西北部",
    "东南部",
    "西南部",
    "中南部",
    "以南",
    "以北",
    "以东",
    "以西",
    "腹地",
    "上空",
    "海域",
    "沿线",
];

/// Words that make a place before them a delegation or team (ORG).
const DELEGATIONS: &[&str] = &[
    "代表团",
    "访问团",
    "考察团",
    "代表队",
    "队",
    "男队",
    "女队",
    "国家队",
    "足球队",
    "篮球队",
    "排球队",
    "登山队",
    "政府代表团",
    "友好代表团",
    "议会代表团",
    "军事代表团",
    "贸易代表团",
    "经济代表团",
    "文化代表团",
    "艺术团",
    "舰艇编队",
];

/// A paragraph of text with gold spans (char offsets).
#[derive(Debug, Clone, Default)]
pub struct Labelled {
    /// The text, full-width digits and Latin mapped to half-width.
    pub text: String,
    /// `(start, end, type)` in chars, end-exclusive.
    pub spans: Vec<(usize, usize, EntityType)>,
}

fn compound_surname(w: &str) -> bool {
    matches!(
        w,
        "欧阳"
            | "司马"
            | "诸葛"
            | "上官"
            | "东方"
            | "皇甫"
            | "尉迟"
            | "公孙"
            | "慕容"
            | "令狐"
            | "司徒"
            | "夏侯"
            | "长孙"
            | "宇文"
            | "端木"
            | "澹台"
    )
}

/// A PFR word: its text, tag and bracket group (`usize::MAX` for none).
type PfrItem<'a> = (&'a str, &'a str, usize);

/// The words of a PFR line and its bracket groups (`[w/t w/t]nt`: item range and tag).
fn pfr_items(line: &str) -> (Vec<PfrItem<'_>>, Vec<(usize, usize, &str)>) {
    let mut items: Vec<(&str, &str, usize)> = Vec::new();
    let mut groups: Vec<(usize, usize, &str)> = Vec::new(); // item range + tag
    let mut open: Option<usize> = None;
    for (n, raw) in line.split_whitespace().enumerate() {
        if n == 0 && raw.ends_with("/m") && raw.contains('-') {
            continue; // the paragraph id
        }
        let mut tok = raw;
        if let Some(rest) = tok.strip_prefix('[') {
            if rest.contains('/') {
                open = Some(items.len());
                tok = rest;
            }
        }
        let mut close_tag = None;
        if let Some(pos) = tok.rfind(']') {
            if open.is_some() && pos > 0 && tok[..pos].contains('/') {
                close_tag = Some(&tok[pos + 1..]);
                tok = &tok[..pos];
            }
        }
        let Some(slash) = tok.rfind('/') else {
            continue;
        };
        let (w, t) = (&tok[..slash], &tok[slash + 1..]);
        items.push((w, t, usize::MAX));
        if let (Some(tag), Some(s)) = (close_tag, open) {
            groups.push((s, items.len(), tag));
            open = None;
        }
    }
    for (g, &(s, e, _)) in groups.iter().enumerate() {
        for it in &mut items[s..e] {
            it.2 = g;
        }
    }
    (items, groups)
}

/// The places of a PFR `[...]ns` group `s..e`: chains of places are separate
/// places (`南京市鼓楼区`, `临颍县王岗镇滕寺村`); generic tails (`地区`,
/// `高原`) are dropped.
fn place_group_spans(
    items: &[PfrItem<'_>],
    starts: &[usize],
    s: usize,
    e: usize,
    spans: &mut Vec<(usize, usize, EntityType)>,
) {
    let place = |x: &(&str, &str, usize)| x.1 == "ns" || (x.1 == "j" && PAIR_CHARS.contains(x.0));
    let last = (s..e).rev().find(|&k| place(&items[k]));
    match last {
        Some(l) => {
            for k in s..l {
                if place(&items[k]) {
                    spans.push((starts[k], starts[k + 1], EntityType::Place));
                }
            }
            let generic = items[l + 1..e].iter().all(|x| GENERIC_TAILS.contains(&x.0));
            let end = if generic { l + 1 } else { e };
            if items[l].1 == "j" && items[l].0.chars().count() == 2 && end == l + 1 {
                spans.push((starts[l], starts[l] + 1, EntityType::Place));
                spans.push((starts[l] + 1, starts[l] + 2, EntityType::Place));
            } else {
                spans.push((starts[l], starts[end], EntityType::Place));
            }
        }
        None => spans.push((starts[s], starts[e], EntityType::Place)),
    }
}

/// Parses one PFR line (`id/m  word/tag  [w/t  w/t]nt ...`) into labelled text.
pub fn parse_pfr_line(line: &str) -> Labelled {
    let (items, groups) = pfr_items(line);
    // Char offset of each item.
    let mut text = String::new();
    let mut starts = Vec::with_capacity(items.len() + 1);
    let mut n = 0usize;
    for it in &items {
        starts.push(n);
        for c in it.0.chars() {
            text.push(crate::text::half_width(c));
            n += 1;
        }
    }
    starts.push(n);
    let mut spans = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let (w, t, g) = items[i];
        if g != usize::MAX {
            let (s, e, gt) = groups[g];
            let inner: Vec<&str> = items[s..e].iter().map(|x| x.1).collect();
            let last_is_gov = items[e - 1].0 == "政府" && e - s == 2;
            match gt {
                "nt" if last_is_gov && matches!(inner[0], "ns" | "j") => {
                    spans.push((starts[s], starts[s + 1], EntityType::Place));
                    i = e;
                    continue;
                }
                "nt" => {
                    spans.push((starts[s], starts[e], EntityType::Organization));
                    i = e;
                    continue;
                }
                "ns" => {
                    place_group_spans(&items, &starts, s, e, &mut spans);
                    i = e;
                    continue;
                }
                _ => {} // nz, i, l: read the tokens one by one
            }
        }
        let one = |k: EntityType| (starts[i], starts[i + 1], k);
        match t {
            "nr" => {
                let next_nr = items
                    .get(i + 1)
                    .filter(|x| x.1 == "nr" && x.2 == g && x.0.chars().count() <= 2);
                let wl = w.chars().count();
                if wl == 2 && (w.ends_with('某') || w.ends_with('老')) {
                    // `王某`, `胡老`: the gold sets label the surname only.
                    spans.push((starts[i], starts[i] + 1, EntityType::Person));
                    i += 1;
                    continue;
                }
                if next_nr.is_some() && (wl == 1 || compound_surname(w)) {
                    spans.push((starts[i], starts[i + 2], EntityType::Person));
                    i += 2;
                    continue;
                }
                spans.push(one(EntityType::Person));
            }
            "ns" if items
                .get(i + 1)
                .is_some_and(|x| x.2 == usize::MAX && x.1 == "n" && DELEGATIONS.contains(&x.0)) =>
            {
                // `古巴代表团`: the gold sets label the delegation or team as ORG.
                spans.push((starts[i], starts[i + 2], EntityType::Organization));
                i += 2;
                continue;
            }
            "ns" => spans.push(one(EntityType::Place)),
            "nt" => spans.push(one(EntityType::Organization)),
            "j" if w.chars().count() == 1 && PLACE_ABBR.contains(w) => {
                spans.push(one(EntityType::Place))
            }
            "n" if ministry_of_title(w).is_some() => {
                let len = ministry_of_title(w).unwrap_or(0);
                let s0 = take_name_before(&mut spans, starts[i]).unwrap_or(starts[i]);
                spans.push((s0, starts[i] + len, EntityType::Organization));
            }
            _ if BODIES_AFTER_NAME.contains(&w) => {
                let s0 = take_name_before(&mut spans, starts[i]).unwrap_or(starts[i]);
                spans.push((s0, starts[i + 1], EntityType::Organization));
            }
            _ if ORG_ABBR.contains(&w) || ORG_WORDS.contains(&w) => {
                spans.push(one(EntityType::Organization))
            }
            _ if LOC_WORDS.contains(&w) => spans.push(one(EntityType::Place)),
            _ => {
                let cs: Vec<char> = w.chars().collect();
                let s0 = starts[i];
                if cs.len() == 2 && t == "j" && cs.iter().all(|c| PAIR_CHARS.contains(*c)) {
                    spans.push((s0, s0 + 1, EntityType::Place));
                    spans.push((s0 + 1, s0 + 2, EntityType::Place));
                } else if cs.len() == 2
                    && t.starts_with('v')
                    && TO_PLACE.contains(cs[0])
                    && PLACE_ABBR.contains(cs[1])
                {
                    spans.push((s0 + 1, s0 + 2, EntityType::Place));
                } else {
                    let mut at = 0;
                    while let Some(p) = DOCTRINE_NAMES
                        .iter()
                        .find(|p| w[at..].starts_with(**p) && w.len() > p.len())
                    {
                        let a = s0 + w[..at].chars().count();
                        let n = p.chars().count();
                        spans.push((a, a + n, EntityType::Person));
                        at += p.len();
                    }
                }
            }
        }
        i += 1;
    }
    Labelled { text, spans }
}

/// The type of a gold label (`PER`, `LOC`, `ORG`), or `None`.
fn type_of(code: &str) -> Option<EntityType> {
    match code {
        "PER" => Some(EntityType::Person),
        "LOC" => Some(EntityType::Place),
        "ORG" => Some(EntityType::Organization),
        _ => None,
    }
}

/// Reads one `{"text", "spans": [[start, end, "PER"|"LOC"|"ORG"], ...]}` line
/// (code points, end-exclusive): the MSRA training file's format, in the
/// evaluation's own conventions, read as spans directly.
pub fn parse_spans_line(line: &str) -> Result<Labelled, String> {
    let g: crate::eval::ner::GoldLine = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let text: String = g.text.chars().map(crate::text::half_width).collect();
    let spans = g
        .gold()
        .into_iter()
        .filter_map(|(s, e, t)| type_of(&t).map(|k| (s, e, k)))
        .collect();
    Ok(Labelled { text, spans })
}

/// How CLUENER's fine types map to PER/LOC/ORG. Books, games, films and
/// positions are no entities in the MSRA conventions.
fn cluener_type(fine: &str) -> Option<EntityType> {
    match fine {
        "name" => Some(EntityType::Person),
        "address" | "scene" => Some(EntityType::Place),
        "organization" | "company" | "government" => Some(EntityType::Organization),
        _ => None,
    }
}

/// Reads one CLUENER2020 line (`{"text", "label": {type: {surface:
/// [[start, end_inclusive], ...]}}}`) in the MSRA conventions, or `None`
/// when its labels follow conventions the MSRA files do not share: a whole
/// street address as one place (more than four chars) or a government with
/// its place (`北京市政府`, which MSRA reads as the place `北京市`). Such a
/// line would teach the tagger that the places in it are no places.
pub fn parse_cluener_line(line: &str) -> Result<Option<Labelled>, String> {
    #[derive(serde::Deserialize)]
    struct Line {
        text: String,
        #[serde(default)]
        label: std::collections::BTreeMap<
            String,
            std::collections::BTreeMap<String, Vec<(usize, usize)>>,
        >,
    }
    let l: Line = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let text: String = l.text.chars().map(crate::text::half_width).collect();
    let mut spans = Vec::new();
    for (fine, surfaces) in &l.label {
        let Some(kind) = cluener_type(fine) else {
            continue;
        };
        for (surface, places) in surfaces {
            let n = surface.chars().count();
            let long_address = kind == EntityType::Place && n > 4;
            let government = fine == "government" && surface.ends_with("政府");
            if long_address || government {
                return Ok(None);
            }
            spans.extend(places.iter().map(|&(s, e)| (s, e + 1, kind)));
        }
    }
    spans.sort_unstable_by_key(|&(s, e, _)| (s, e));
    Ok(Some(Labelled { text, spans }))
}

/// A training example: features and gold labels per char.
#[derive(Debug, Clone, Default)]
pub struct Example {
    /// `FEATURES` hashes per char.
    pub feats: Vec<u32>,
    /// One label per char.
    pub labels: Vec<u8>,
}

/// Splits `text` into segments the way inference does and builds examples.
pub fn examples(lexicon: &Lexicon, doc: &Labelled, out: &mut Vec<Example>) {
    let mut labels = vec![0u8; doc.text.chars().count()];
    for &(s, e, k) in &doc.spans {
        if e > labels.len() || s >= e {
            continue;
        }
        labels[s] = label(k, true);
        for l in &mut labels[s + 1..e] {
            *l = label(k, false);
        }
    }
    let mut tokens: Vec<Token> = Vec::new();
    let mut char_base = 0usize;
    for seg in crate::entities::segments(&doc.text) {
        tokens.clear();
        lexicon.tag_into(&doc.text, seg.clone(), &mut tokens);
        let s = &doc.text[seg.clone()];
        let n = s.chars().count();
        let (chars, words) = crate::entities::segment_words(&doc.text, seg.clone(), &tokens);
        let mut ex = Example::default();
        extract(&chars, &words, &mut ex.feats);
        ex.labels = labels[char_base..char_base + n].to_vec();
        char_base += n;
        out.push(ex);
    }
}

/// Averaged structured perceptron over hashed features.
#[derive(Debug)]
pub struct Trainer {
    bits: u32,
    w: Vec<f32>,
    acc: Vec<f32>,
    t: Vec<f32>,
    tacc: Vec<f32>,
    c: f32,
}

impl Trainer {
    /// A zero model with `2^bits` rows.
    pub fn new(bits: u32) -> Trainer {
        let n = (1usize << bits) * LABELS;
        let tn = (LABELS + 1) * LABELS;
        Trainer {
            bits,
            w: vec![0.0; n],
            acc: vec![0.0; n],
            t: vec![0.0; tn],
            tacc: vec![0.0; tn],
            c: 1.0,
        }
    }

    fn emissions(&self, feats: &[u32], w: &[f32]) -> Vec<[f32; LABELS]> {
        let mask = (1u32 << self.bits) - 1;
        feats
            .chunks_exact(FEATURES)
            .map(|f| {
                let mut e = [0f32; LABELS];
                for &h in f {
                    let row = ((h & mask) as usize) * LABELS;
                    for l in 0..LABELS {
                        e[l] += w[row + l];
                    }
                }
                e
            })
            .collect()
    }

    /// One pass over `order`; returns the number of chars labelled wrong.
    pub fn epoch(&mut self, data: &[Example], order: &[usize]) -> usize {
        let mask = (1u32 << self.bits) - 1;
        let mut errors = 0;
        let mut pred = Vec::new();
        for &k in order {
            let ex = &data[k];
            let em = self.emissions(&ex.feats, &self.w);
            viterbi(&em, &self.t, &mut pred);
            let wrong = pred.iter().zip(&ex.labels).filter(|(a, b)| a != b).count();
            if wrong > 0 {
                errors += wrong;
                let c = self.c;
                for (i, f) in ex.feats.chunks_exact(FEATURES).enumerate() {
                    let (g, p) = (ex.labels[i] as usize, pred[i] as usize);
                    if g != p {
                        for &h in f {
                            if h & mask == 0 {
                                continue; // absent, or a collision with it
                            }
                            let row = ((h & mask) as usize) * LABELS;
                            self.w[row + g] += 1.0;
                            self.acc[row + g] += c;
                            self.w[row + p] -= 1.0;
                            self.acc[row + p] -= c;
                        }
                    }
                    let (gf, pf) = if i == 0 {
                        (LABELS, LABELS)
                    } else {
                        (ex.labels[i - 1] as usize, pred[i - 1] as usize)
                    };
                    if (gf, g) != (pf, p) {
                        self.t[gf * LABELS + g] += 1.0;
                        self.tacc[gf * LABELS + g] += c;
                        self.t[pf * LABELS + p] -= 1.0;
                        self.tacc[pf * LABELS + p] -= c;
                    }
                }
            }
            self.c += 1.0;
        }
        errors
    }

    /// The averaged weights: emissions (`2^bits` rows of `LABELS`) and transitions.
    pub fn averaged(&self) -> Weights {
        let avg = |w: &[f32], a: &[f32]| -> Vec<f32> {
            w.iter().zip(a).map(|(w, a)| w - a / self.c).collect()
        };
        (avg(&self.w, &self.acc), avg(&self.t, &self.tacc))
    }

    /// The averaged model, quantized to int8 weights, as model-file bytes
    /// (see [`export_weights`]).
    pub fn export(&self, prune: i8) -> Vec<u8> {
        let (w, t) = self.averaged();
        export_weights(self.bits, &w, &t, prune)
    }
}

/// Float weights of a model: emissions (`2^bits` rows of `LABELS`) and transitions.
pub type Weights = (Vec<f32>, Vec<f32>);

/// Averages the averaged weights of several trainers (the same corpus in
/// different orders): a bagged model, steadier than any one run.
pub fn mean_weights(runs: &[Weights]) -> Weights {
    let k = runs.len().max(1) as f32;
    let mean = |pick: fn(&Weights) -> &Vec<f32>| -> Vec<f32> {
        let mut out = vec![0f32; runs.first().map_or(0, |r| pick(r).len())];
        for r in runs {
            for (o, x) in out.iter_mut().zip(pick(r)) {
                *o += x / k;
            }
        }
        out
    };
    (mean(|r| &r.0), mean(|r| &r.1))
}

/// Model-file bytes for float weights `w` (`2^bits` rows) and transitions `t`,
/// quantized to int8. Weights whose quantized magnitude is at most `prune`
/// become 0, which makes the table compress far better at little cost in accuracy.
pub fn export_weights(bits: u32, w: &[f32], t: &[f32], prune: i8) -> Vec<u8> {
    export_weights_at(bits, w, t, prune, DEFAULT_TEMPERATURE)
}

/// The temperature a model is written with before calibration.
pub const DEFAULT_TEMPERATURE: f32 = 16.0;

/// [`export_weights`] with the temperature [`Model::confidence`](crate::entities::model::Model::confidence) divides by.
pub fn export_weights_at(bits: u32, w: &[f32], t: &[f32], prune: i8, temperature: f32) -> Vec<u8> {
    // Scale so that the 99.99th percentile magnitude maps to 127; clip the rest.
    let mut mags: Vec<f32> = w.iter().map(|x| x.abs()).filter(|&x| x > 0.0).collect();
    let top = if mags.is_empty() {
        1.0
    } else {
        let k = (mags.len() as f64 * 0.9999) as usize;
        let k = k.min(mags.len() - 1);
        *mags.select_nth_unstable_by(k, |a, b| a.total_cmp(b)).1
    };
    let scale = 127.0 / top.max(1e-6);
    let mut out = Vec::with_capacity(12 + 4 * t.len() + w.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&bits.to_le_bytes());
    out.extend_from_slice(&temperature.to_le_bytes());
    for x in t {
        out.extend_from_slice(&((x * scale).round() as i32).to_le_bytes());
    }
    for x in w {
        let q = (x * scale).round().clamp(-127.0, 127.0) as i8;
        out.push(if q.abs() <= prune { 0 } else { q as u8 });
    }
    out
}

/// Tags that name something: persons, places, bodies, other proper nouns
/// and abbreviations of them.
fn proper_tag(t: &str) -> bool {
    matches!(t, "nr" | "ns" | "nt" | "nz" | "nrt" | "nrfg" | "j" | "nx")
}

/// How often PFR tags each word with each tag (`[..]nt` brackets read through).
pub struct PfrTags<'a>(std::collections::HashMap<&'a str, std::collections::HashMap<&'a str, u32>>);

impl<'a> PfrTags<'a> {
    /// Counts the tags of every word of the PFR text (the line ids skipped).
    pub fn count(pfr: &'a str) -> PfrTags<'a> {
        let mut seen: std::collections::HashMap<&str, std::collections::HashMap<&str, u32>> =
            std::collections::HashMap::new();
        for line in pfr.lines() {
            for raw in line.split_whitespace().skip(1) {
                let tok = raw.trim_start_matches('[');
                let tok = match tok.rfind(']') {
                    Some(p) if tok[..p].contains('/') => &tok[..p],
                    _ => tok,
                };
                if let Some((w, t)) = tok.rsplit_once('/') {
                    *seen.entry(w).or_default().entry(t).or_default() += 1;
                }
            }
        }
        PfrTags(seen)
    }
}

/// Words of a jieba dictionary (`word freq tag` lines) whose tag passes
/// `jieba` while PFR, tagged by hand, gives them one tag passing `pfr` at
/// least 80% of the times it has them. Sorted, one per line.
fn disagreements(
    dict: &str,
    seen: &PfrTags<'_>,
    jieba: impl Fn(&str, &str) -> bool,
    pfr_tag: impl Fn(&str) -> bool,
) -> String {
    let mut out: Vec<&str> = dict
        .lines()
        .filter_map(|line| {
            let mut parts = line.split(' ');
            let (w, _freq, tag) = (parts.next()?, parts.next()?, parts.next()?);
            let tags = seen.0.get(w)?;
            let total: u32 = tags.values().sum();
            let (best, n) = tags
                .iter()
                .max_by_key(|(t, n)| (**n, std::cmp::Reverse(**t)))?;
            (jieba(w, tag) && n * 5 >= total * 4 && pfr_tag(best)).then_some(w)
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out.iter().map(|w| format!("{w}\n")).collect()
}

/// Common words that jieba's dictionary files as names (`阳光 nr`,
/// `加油站 nt`, `美化 ns`) and PFR as common words. Words the gold sets
/// label as places ([`LOC_WORDS`]) stay out. The rules drop a mention that
/// is exactly one such word.
pub fn common_words(dict: &str, pfr: &PfrTags<'_>) -> String {
    disagreements(
        dict,
        pfr,
        |w, t| proper_tag(t) && !LOC_WORDS.contains(&w),
        |t| !proper_tag(t),
    )
}

/// Names that jieba's dictionary files as common words (`桥本 n`) and PFR
/// as person names (`nr`), two chars or more. The rules keep a person the
/// tagger found that is exactly one such word.
pub fn person_names(dict: &str, pfr: &PfrTags<'_>) -> String {
    disagreements(
        dict,
        pfr,
        |w, t| w.chars().count() >= 2 && !proper_tag(t) && t != "x",
        |t| t == "nr",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pfr_lines_get_the_gold_conventions() {
        let text_of = |l: &str| {
            let d = parse_pfr_line(l);
            d.spans
                .iter()
                .map(|&(s, e, k)| {
                    let t: String = d.text.chars().skip(s).take(e - s).collect();
                    format!("{}:{t}", k.code())
                })
                .collect::<Vec<_>>()
        };
        // Surname + given name pairs, not one run of names.
        assert_eq!(
            text_of("19980101-01-001-002/m  江/nr  泽民/nr  李/nr  鹏/nr  会见/v"),
            ["PER:江泽民", "PER:李鹏"]
        );
        // One-char place abbreviations tagged j; X政府 is the place X.
        assert_eq!(
            text_of("19980101-01-001-003/m  中/j  美/j  关系/n  [美国/ns  政府/n]nt"),
            ["LOC:中", "LOC:美", "LOC:美国"]
        );
        // Chains of places are separate places; generic tails are left out.
        assert_eq!(
            text_of("19980101-01-001-004/m  [南京市/ns  鼓楼区/ns]ns  [南亚/ns  地区/n]ns"),
            ["LOC:南京市", "LOC:鼓楼区", "LOC:南亚"]
        );
        // Full-width digits become half-width, as the clean stage does.
        assert_eq!(
            parse_pfr_line("19980101-01-001-005/m  １９９８年/t").text,
            "1998年"
        );
    }

    #[test]
    fn common_words_are_what_jieba_calls_names_and_pfr_does_not() {
        let dict = "阳光 3451 nr\n江泽民 100 nr\n东南 10 ns\n麦田 133 nr\n上市 50 ns\n";
        let pfr = "1-1/m 阳光/n 江泽民/nr 东南/f 麦田/n 上市/v\n\
                   1-2/m 阳光/n 江泽民/nr 东南/f 上市/v\n\
                   1-3/m [阳光/n 公司/n]nt 江泽民/nr 东南/f 上市/vn\n";
        // 阳光: 3 times, all n; 麦田: once, n. 上市: v 2, vn 1 (67%, no one tag
        // holds 80%). 东南: the gold sets call it a place. 江泽民: a name.
        let tags = PfrTags::count(pfr);
        assert_eq!(common_words(dict, &tags), "阳光\n麦田\n");
    }

    #[test]
    fn person_names_are_what_jieba_calls_common_words_and_pfr_names() {
        let dict = "桥本 131 n\n轮流 694 n\n国强 20 nr\n王 9 n\n";
        let pfr = "1-1/m 桥本/nr 轮流/d 国强/nr 王/nr\n1-2/m 桥本/nr 轮流/d\n";
        // 国强: jieba already says nr. 王: one char. 轮流: PFR says d.
        let tags = PfrTags::count(pfr);
        assert_eq!(person_names(dict, &tags), "桥本\n");
    }
}
