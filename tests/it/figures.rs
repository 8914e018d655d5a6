//! Figures: the seed gold, the Recognizers-Text Chinese specs and cn2an's cases.
//!
//! Every test prints its rates (`cargo test --test it figures -- --nocapture`).

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;
use wenxi::figures::numeral::{self, Mode};
use wenxi::figures::{bounds, FigureKind, FigureValue};

use crate::seed;

const SEED_GOLD: &str = include_str!("../data/seed/seed-gold.json");
const RT_SPANS: &str =
    include_str!("../data/figures/recognizers-text-zh/recognizers_zh.spans.jsonl");
const DEVIATIONS: &str = include_str!("../data/figures/deviations.json");
const CN2AN: &str = include_str!("../data/figures/cn2an/cn2an_cases.json");

#[test]
fn seed_figures_recall_precision_and_subjects() {
    let ev = wenxi::eval::figures::evaluate(&seed::ANALYZER, SEED_GOLD, seed::SEED).unwrap();
    println!("{ev}");
    let o = ev.scores.overall;
    assert_eq!(o.tp + o.fn_, 84, "the gold has 84 figures");
    assert!(o.recall() >= 0.97, "recall {:.4}", o.recall());
    assert!(o.precision() >= 0.97, "precision {:.4}", o.precision());
    assert!(
        ev.subject_accuracy() >= 0.80,
        "subject accuracy {:.4}",
        ev.subject_accuracy()
    );
}

#[test]
fn seed_gold_spans_are_located() {
    // Every gold figure but the column-interleaved one is found at its line.
    let gold: wenxi::eval::figures::Gold = serde_json::from_str(SEED_GOLD).unwrap();
    let ev = wenxi::eval::figures::score(&gold, seed::SEED, &[]);
    assert!(ev.unlocated.is_empty(), "{:?}", ev.unlocated);
    let span = wenxi::eval::figures::locate(seed::SEED, 15, "20天", 0).unwrap();
    let units: Vec<u16> = seed::SEED.encode_utf16().collect();
    let s = String::from_utf16(&units[span.start as usize..span.end as usize]).unwrap();
    assert_eq!(s, "20\n\n天");
}

/// One Recognizers-Text case from the normalised jsonl.
#[derive(Deserialize)]
struct RtCase {
    file: String,
    text: String,
    spans: Vec<(usize, usize, String, Option<serde_json::Value>, String)>,
}

/// One documented deviation.
#[derive(Deserialize)]
struct Deviation {
    model: String,
    input: String,
    reason: String,
}

/// The models we check and the spec file each comes from.
const MODELS: &[(&str, &str)] = &[
    ("Number", "Number/Chinese/NumberModel.json"),
    ("Percent", "Number/Chinese/PercentModel.json"),
    ("Ordinal", "Number/Chinese/OrdinalModel.json"),
    ("NumberRange", "Number/Chinese/NumberRangeModel.json"),
    ("Currency", "NumberWithUnit/Chinese/CurrencyModel.json"),
    ("Dimension", "NumberWithUnit/Chinese/DimensionModel.json"),
];

/// A prediction or expectation: code-point span, value (number or interval text).
#[derive(Debug, Clone, PartialEq)]
struct Item {
    start: usize,
    end: usize,
    value: Val,
}

#[derive(Debug, Clone, PartialEq)]
enum Val {
    Num(f64),
    Interval(String),
    None,
}

/// Maps original UTF-16 offsets to code points.
fn cp_of(text: &str) -> Vec<usize> {
    let mut v = Vec::new();
    for (i, c) in text.chars().enumerate() {
        for _ in 0..c.len_utf16() {
            v.push(i);
        }
    }
    v.push(text.chars().count());
    v
}

fn predict(model: &str, text: &str) -> Vec<Item> {
    let cleaned = wenxi::clean::clean(text);
    let cp = cp_of(text);
    let item = |s: usize, e: usize, value: Val| {
        let span = cleaned.span(s, e);
        Item {
            start: cp[span.start as usize],
            end: cp[span.end as usize],
            value,
        }
    };
    match model {
        "Number" => numeral::find_all(&cleaned.text)
            .into_iter()
            .map(|n| item(n.start, n.end, Val::Num(n.value)))
            .collect(),
        "NumberRange" => bounds::bounds(&cleaned.text)
            .into_iter()
            .map(|b| item(b.start, b.end, Val::Interval(b.to_string())))
            .collect(),
        _ => {
            let kind = match model {
                "Percent" => FigureKind::Percent,
                "Ordinal" => FigureKind::Ordinal,
                "Currency" => FigureKind::Money,
                _ => FigureKind::Quantity,
            };
            let layout = wenxi::layout::layout(&cleaned);
            wenxi::figures::scan(&cleaned, &layout)
                .into_iter()
                .filter(|f| f.kind == kind)
                .map(|f| {
                    let v = match f.value {
                        FigureValue::Number(x) => Val::Num(x),
                        _ => Val::None,
                    };
                    Item {
                        start: cp[f.span.start as usize],
                        end: cp[f.span.end as usize],
                        value: v,
                    }
                })
                .collect()
        }
    }
}

fn expected(model: &str, c: &RtCase) -> Vec<Item> {
    c.spans
        .iter()
        .map(|(s, e, _, res, _)| {
            let v = res
                .as_ref()
                .and_then(|r| r.get("value"))
                .and_then(|v| v.as_str());
            let value = match (model, v) {
                (_, None) => Val::None,
                ("NumberRange", Some(v)) => Val::Interval(v.to_string()),
                (_, Some(v)) => v.trim_end_matches('%').parse().map_or(Val::None, Val::Num),
            };
            Item {
                start: *s,
                end: *e,
                value,
            }
        })
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-6 * a.abs().max(b.abs())
}

/// Interval strings compare by brackets and by numbers within 1e-6.
fn same_interval(a: &str, b: &str) -> bool {
    let parts = |s: &str| -> Option<(char, Option<f64>, Option<f64>, char)> {
        let open = s.chars().next()?;
        let close = s.chars().last()?;
        let inner = &s[1..s.len() - 1];
        let (lo, hi) = inner.split_once(',')?;
        let p = |x: &str| {
            if x.is_empty() {
                Some(None)
            } else {
                x.parse().ok().map(Some)
            }
        };
        Some((open, p(lo)?, p(hi)?, close))
    };
    match (parts(a), parts(b)) {
        (Some((o1, l1, h1, c1)), Some((o2, l2, h2, c2))) => {
            let eq = |x: Option<f64>, y: Option<f64>| match (x, y) {
                (Some(x), Some(y)) => close(x, y),
                (None, None) => true,
                _ => false,
            };
            o1 == o2 && c1 == c2 && eq(l1, l2) && eq(h1, h2)
        }
        _ => false,
    }
}

/// A prediction matches an expectation: same start, same value, same end
/// (an ordinal may keep its measure word: 第一名 for 第一).
fn item_matches(model: &str, p: &Item, e: &Item) -> bool {
    let end_ok = p.end == e.end || (model == "Ordinal" && p.end > e.end);
    let value_ok = match (&p.value, &e.value) {
        (Val::Num(a), Val::Num(b)) => close(*a, *b),
        (Val::Interval(a), Val::Interval(b)) => same_interval(a, b),
        _ => false,
    };
    p.start == e.start && end_ok && value_ok
}

fn case_passes(model: &str, c: &RtCase) -> (bool, Vec<Item>, Vec<Item>) {
    let pred = predict(model, &c.text);
    let exp = expected(model, c);
    let mut used = vec![false; pred.len()];
    let mut ok = pred.len() == exp.len();
    for e in &exp {
        match (0..pred.len()).find(|&i| !used[i] && item_matches(model, &pred[i], e)) {
            Some(i) => used[i] = true,
            None => ok = false,
        }
    }
    (ok, pred, exp)
}

#[test]
fn recognizers_text_specs_pass_or_are_listed() {
    let deviations: Vec<Deviation> = serde_json::from_str(DEVIATIONS).unwrap();
    let listed: HashSet<(&str, &str)> = deviations
        .iter()
        .map(|d| {
            assert!(
                !d.reason.trim().is_empty(),
                "deviation without a reason: {}",
                d.input
            );
            (d.model.as_str(), d.input.as_str())
        })
        .collect();
    let mut per_model: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut unlisted = Vec::new();
    let mut listed_but_passing = Vec::new();
    for line in RT_SPANS.lines().filter(|l| !l.trim().is_empty()) {
        let c: RtCase = serde_json::from_str(line).unwrap();
        let Some(&(model, _)) = MODELS.iter().find(|(_, f)| c.file.ends_with(f)) else {
            continue;
        };
        let (ok, pred, exp) = case_passes(model, &c);
        let e = per_model.entry(model).or_default();
        e.1 += 1;
        if ok {
            e.0 += 1;
            if listed.contains(&(model, c.text.as_str())) {
                listed_but_passing.push(format!("{model}: {:?}", c.text));
            }
        } else if !listed.contains(&(model, c.text.as_str())) {
            unlisted.push(format!(
                "{model}: {:?}\n    expected {exp:?}\n    got      {pred:?}",
                c.text
            ));
        }
    }
    let (mut pass, mut total) = (0, 0);
    for (m, (p, t)) in &per_model {
        println!(
            "Recognizers-Text {m:<12} {p:>4}/{t:<4} = {:.4}",
            *p as f64 / *t as f64
        );
        pass += p;
        total += t;
    }
    let rate = pass as f64 / total as f64;
    println!("Recognizers-Text overall      {pass:>4}/{total:<4} = {rate:.4}");
    assert_eq!(total, 660, "six spec files, 660 cases");
    assert!(
        unlisted.is_empty(),
        "{} failing cases not in deviations.json:\n{}",
        unlisted.len(),
        unlisted.join("\n")
    );
    assert!(
        listed_but_passing.is_empty(),
        "listed in deviations.json but passing: {listed_but_passing:?}"
    );
    assert!(rate >= 0.95, "pass rate {rate:.4} below 0.95");
}

#[derive(Deserialize)]
struct Cn2an {
    cn2an_strict: BTreeMap<String, f64>,
    cn2an_normal_only: BTreeMap<String, f64>,
    cn2an_smart_only: BTreeMap<String, f64>,
    cn2an_direct: BTreeMap<String, String>,
    errors_default_mode: Vec<String>,
}

#[test]
fn cn2an_values_and_refusals() {
    let c: Cn2an = serde_json::from_str(CN2AN).unwrap();
    let (mut pass, mut total) = (0, 0);
    let mut failures = Vec::new();
    let mut check = |mode: Mode, s: &str, want: f64| {
        total += 1;
        match numeral::parse(s, mode) {
            Some(v) if close(v, want) => pass += 1,
            got => failures.push(format!("{mode:?} {s:?}: want {want}, got {got:?}")),
        }
    };
    // As in cn2an's tests: normal accepts strict cases, smart accepts all.
    for (s, v) in &c.cn2an_strict {
        for m in [Mode::Strict, Mode::Normal, Mode::Smart] {
            check(m, s, *v);
        }
    }
    for (s, v) in &c.cn2an_normal_only {
        for m in [Mode::Normal, Mode::Smart] {
            check(m, s, *v);
        }
    }
    for (s, v) in &c.cn2an_smart_only {
        check(Mode::Smart, s, *v);
    }
    for (s, want) in &c.cn2an_direct {
        total += 1;
        match numeral::direct(s) {
            Some(v) if &v == want => pass += 1,
            got => failures.push(format!("direct {s:?}: want {want}, got {got:?}")),
        }
    }
    let rate = pass as f64 / total as f64;
    println!("cn2an value cases {pass}/{total} = {rate:.4}");
    for f in &failures {
        println!("  {f}");
    }
    let accepted: Vec<&String> = c
        .errors_default_mode
        .iter()
        .filter(|s| numeral::parse(s, Mode::Strict).is_some())
        .collect();
    println!(
        "cn2an must-raise inputs refused in strict mode: {}/{}",
        c.errors_default_mode.len() - accepted.len(),
        c.errors_default_mode.len()
    );
    assert!(accepted.is_empty(), "strict mode accepted {accepted:?}");
    assert!(rate >= 0.98, "cn2an pass rate {rate:.4} below 0.98");
}

/// The subjects of the figures of `text`, by surface.
fn subjects(text: &str) -> Vec<(String, Option<String>)> {
    seed::ANALYZER
        .analyze(text, &wenxi::Options::default())
        .figures
        .into_iter()
        .map(|f| (f.surface, f.subject))
        .collect()
}

fn subject_of(text: &str, surface: &str) -> Option<String> {
    let all = subjects(text);
    all.iter()
        .find(|(s, _)| s == surface)
        .unwrap_or_else(|| panic!("{surface} not found in {text}: {all:?}"))
        .1
        .clone()
}

#[test]
fn respectively_pairs_each_figure_with_its_item() {
    let t = "今年前两个月，青州市外贸稳中有升，其中对德国、法国出口分别增长12%和2.5倍。";
    assert_eq!(subject_of(t, "12%").as_deref(), Some("德国出口增长"));
    assert_eq!(subject_of(t, "2.5倍").as_deref(), Some("法国出口增长"));
    let t = "甲、乙、丙三家公司的营收分别为5亿元、3亿元和2亿元。";
    assert_eq!(subject_of(t, "3亿元").as_deref(), Some("乙公司营收"));
}

#[test]
fn subjects_stay_in_their_clause_and_start_with_content() {
    let t = "截至目前，共发现隐患320处，已整改305处，整改率为95.3%。";
    assert_eq!(subject_of(t, "320处").as_deref(), Some("发现隐患"));
    assert_eq!(subject_of(t, "305处").as_deref(), Some("整改"));
    assert_eq!(subject_of(t, "95.3%").as_deref(), Some("整改率"));
    // The noun a figure qualifies through 的; no adverb at either end.
    let t = "虽然距离5亿元的目标仍有1200万元的差距，但仍创新高。";
    assert_eq!(subject_of(t, "5亿元").as_deref(), Some("目标"));
    assert_eq!(subject_of(t, "1200万元").as_deref(), Some("差距"));
    // A date's subject is what happened then, without the part of the day.
    let t = "2023年12月5日上午，青山区举行了颁奖仪式。";
    let s = subject_of(t, "2023年12月5日").unwrap_or_default();
    assert!(s.starts_with("青山区"), "{s}");
}

#[test]
fn subjects_never_swallow_names_or_bylines() {
    let t = "■本报记者 周晓川\n\n通讯员张丽 全市共排查隐患56处，整改到位51处。";
    for (surface, s) in subjects(t) {
        let s = s.unwrap_or_default();
        assert!(
            !s.contains("周晓川") && !s.contains("张丽"),
            "{surface}: {s}"
        );
    }
    // Empty rather than wrong: nothing in the clause says what 12个 counts.
    assert_eq!(subject_of("他答道：“12个。”", "12个"), None);
}

use wenxi::figures::check::{CheckKind, CheckStatus};

/// The checks of `text`: kind, status, and the surfaces of the figures.
fn checks(text: &str) -> Vec<(CheckKind, CheckStatus, Vec<String>)> {
    let r = seed::ANALYZER.analyze(text, &wenxi::Options::default());
    r.checks
        .iter()
        .map(|c| {
            let surfaces = c
                .figures
                .iter()
                .map(|&i| r.figures[i as usize].surface.clone())
                .collect();
            (c.kind, c.status, surfaces)
        })
        .collect()
}

#[test]
fn the_seed_pages_rectification_rate_is_consistent() {
    let r = seed::seed_report();
    let c = r
        .checks
        .iter()
        .find(|c| c.kind == CheckKind::Rate)
        .expect("a rate check on the seed page");
    assert_eq!(c.status, CheckStatus::Consistent);
    let surfaces: Vec<&str> = c
        .figures
        .iter()
        .map(|&i| r.figures[i as usize].surface.as_str())
        .collect();
    assert_eq!(surfaces, ["98%", "4761件", "4858件"]);
    assert_eq!(c.computed, 98.0033);
    // The span runs from the total to the rate, in the original text.
    let units: Vec<u16> = seed::SEED.encode_utf16().collect();
    let text = String::from_utf16(&units[c.span.start as usize..c.span.end as usize]).unwrap();
    assert!(
        text.starts_with("4858件") && text.ends_with("98%"),
        "{text}"
    );
}

#[test]
fn an_inconsistent_rate_and_sum_are_flagged() {
    use CheckStatus::*;
    let c = checks("今年共受理投诉620件，已办结598件，办结率为99%。");
    assert_eq!(
        c,
        [(
            CheckKind::Rate,
            Inconsistent,
            vec!["99%".into(), "598件".into(), "620件".into()]
        )]
    );
    let c = checks("本次评选出一等奖3名、二等奖6名、三等奖10名，共计20名。");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!((c[0].0, c[0].1), (CheckKind::Sum, Inconsistent));
    // The same list adding up, and growth stated both ways.
    let c = checks("本次评选出一等奖3名、二等奖6名、三等奖11名，共计20名。");
    assert_eq!((c[0].0, c[0].1), (CheckKind::Sum, Consistent));
    let c = checks("该县粮食产量从2.5亿斤增长到2.8亿斤，增长12%。");
    assert_eq!(
        c,
        [(
            CheckKind::Growth,
            Consistent,
            vec!["12%".into(), "2.5亿斤".into(), "2.8亿斤".into()]
        )]
    );
    let c = checks("今年完成投资5.2亿元，比去年的4亿元增长30%。");
    assert_eq!((c[0].0, c[0].1), (CheckKind::Growth, Consistent));
    let c = checks("其中女职工120人，男职工180人，共有职工300人，女职工占40%。");
    assert!(c.iter().all(|x| x.1 == Consistent), "{c:?}");
}

#[test]
fn look_alikes_are_left_alone() {
    // Parts after 其中 that may overlap (党员 who are women and young).
    let c = checks("全镇共有党员300名，其中女党员120名，青年党员200名。");
    assert!(c.iter().all(|x| x.1 != CheckStatus::Inconsistent), "{c:?}");
    // A rate beside counts of other things.
    assert!(checks("全县有企业120家，新增就业岗位80个，就业率为95%。").is_empty());
    // An approximate count: the rate cannot be decided.
    let c = checks("发现问题300余件，已整改290件，整改率为97%。");
    assert!(c.iter().all(|x| x.1 == CheckStatus::Uncheckable), "{c:?}");
    // A breakdown after 其中 closed by 合计: the total before 其中 is no part.
    let c = checks("园区现有企业60家，其中规上企业35家、高新技术企业25家，合计60家。");
    assert!(c.iter().all(|x| x.1 != CheckStatus::Inconsistent), "{c:?}");
    // A target, not a change between two stated values.
    assert!(checks("去年营收5亿元，今年力争达到6亿元，增长目标为15%。").is_empty());
}
