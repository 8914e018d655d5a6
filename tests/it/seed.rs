//! Facts from the seed page's hand-made gold (`../shared/data/seed/seed-gold.json`),
//! checked on `seeds/000_0e8ce62d7256c336.txt`.

use std::sync::LazyLock;

use wenxi::{Analyzer, Options, Report};

pub static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::embedded);
pub const SEED: &str = include_str!("../../seeds/000_0e8ce62d7256c336.txt");

pub fn seed_report() -> Report {
    ANALYZER.analyze(SEED, &Options::default())
}

fn utf16_slice(text: &str, start: u32, end: u32) -> String {
    let u: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&u[start as usize..end as usize]).unwrap()
}

#[test]
fn seed_has_person_wang_jiangtao() {
    let r = seed_report();
    let e = r
        .entities
        .iter()
        .find(|e| e.text == "王江涛")
        .expect("王江涛 found");
    assert_eq!(e.kind.code(), "PER");
    assert!(e.count >= 3, "gold counts 3 mentions, got {}", e.count);
    for m in &e.mentions {
        assert_eq!(utf16_slice(SEED, m.span.start, m.span.end), "王江涛");
    }
}

#[test]
fn seed_figure_4858_points_at_original_text() {
    let r = seed_report();
    let f = r
        .figures
        .iter()
        .find(|f| f.surface == "4858件")
        .expect("4858件 found");
    assert_eq!(f.value, wenxi::figures::FigureValue::Number(4858.0));
    assert_eq!(f.unit, "件");
    assert_eq!(utf16_slice(SEED, f.span.start, f.span.end), "4858件");
}

#[test]
fn seed_report_serializes_with_version() {
    let r = seed_report();
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["version"], 2);
    assert!(json["entities"].as_array().unwrap().len() > 5);
    assert!(json["figures"].as_array().unwrap().len() > 20);
    assert!(r.stats.sentences > 50);
}
