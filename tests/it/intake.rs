//! Text intake: decode (encodings, containers, refusals), clean and layout,
//! checked on the seed page and on small fixtures in `tests/data/intake/`.

use wenxi::decode::{decode_file, Format};
use wenxi::{Error, Options, Report};

use crate::seed::{seed_report, ANALYZER, SEED};

/// The eleven article titles of the seed page, from the hand-made gold
/// (`seed-gold.json`, "articles", the column banner left out).
const GOLD_TITLES: [&str; 11] = [
    "奏好\"四部曲\"推动巡察工作高质量发展",
    "开展\"我为群众办实事\"活动",
    "举办\"四史\"专题讲座",
    "学党史 办实事 塑品牌",
    "河南省蛋品行业发展研讨会 暨\"放心蛋\"系列团体标准预研会召开",
    "市市场监管局经开区分局 开展食品安全宣传周活动",
    "舞阳对违法用地\"零容忍\"",
    "麦收防火\"轻骑兵\"",
    "禁烧说唱短视频效果好",
    "窝城镇:扎实做好禁烧工作",
    "党建融合发展的有益探索",
];

/// Byline persons the gold names.
const GOLD_BYLINE_PERSONS: [&str; 7] = ["张军亚", "张泽卿", "张争", "朱红", "杨会枝", "齐国霞", "尹晓玉"];

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn utf16_slice(text: &str, start: u32, end: u32) -> String {
    let u: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&u[start as usize..end as usize]).unwrap()
}

#[test]
fn seed_titles_match_gold() {
    let r = seed_report();
    let found: Vec<String> = r
        .articles
        .iter()
        .filter_map(|a| a.title.as_ref().map(|t| squeeze(&t.text)))
        .collect();
    let hits: Vec<&str> = GOLD_TITLES
        .iter()
        .copied()
        .filter(|t| found.contains(&squeeze(t)))
        .collect();
    eprintln!("titles found: {found:?}");
    assert!(hits.len() >= 10, "only {}/11 gold titles: {hits:?}", hits.len());
    for a in &r.articles {
        if let Some(t) = &a.title {
            assert_eq!(squeeze(&utf16_slice(SEED, t.span.start, t.span.end)), squeeze(&t.text));
        }
    }
}

#[test]
fn seed_bylines_name_the_gold_persons() {
    let r = seed_report();
    let persons: Vec<(String, String)> = r
        .articles
        .iter()
        .flat_map(|a| a.bylines.iter())
        .flat_map(|b| b.persons.iter())
        .map(|p| (p.name.clone(), p.role.clone()))
        .collect();
    eprintln!("byline persons: {persons:?}");
    for name in GOLD_BYLINE_PERSONS {
        let p = r
            .articles
            .iter()
            .flat_map(|a| a.bylines.iter())
            .flat_map(|b| b.persons.iter())
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("{name} not in bylines: {persons:?}"));
        // The span points at the printed name, spaces and all.
        assert_eq!(squeeze(&utf16_slice(SEED, p.span.start, p.span.end)), name);
    }
}

#[test]
fn seed_kickers_and_subtitle() {
    let r = seed_report();
    let kickers: Vec<String> = r
        .articles
        .iter()
        .filter_map(|a| a.kicker.as_ref().map(|k| k.text.clone()))
        .collect();
    assert_eq!(kickers, ["市政府办 市二院", "漯河海关", "市城投资产经营管理公司"]);
    let first = &r.articles[0];
    assert_eq!(first.subtitle.as_ref().unwrap().text, "四届郾城区委巡察工作综述");
    assert_eq!(first.headings.len(), 4);
}
