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
const GOLD_BYLINE_PERSONS: [&str; 7] = [
    "张军亚",
    "张泽卿",
    "张争",
    "朱红",
    "杨会枝",
    "齐国霞",
    "尹晓玉",
];

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
    assert!(
        hits.len() >= 10,
        "only {}/11 gold titles: {hits:?}",
        hits.len()
    );
    for a in &r.articles {
        if let Some(t) = &a.title {
            assert_eq!(
                squeeze(&utf16_slice(SEED, t.span.start, t.span.end)),
                squeeze(&t.text)
            );
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

/// The first body line of each gold article in file order (`file_order_first_line`
/// where the gold gives one, else `first_line`), spaces removed, first 16 chars.
const GOLD_FIRST_LINES: [&str; 11] = [
    "通讯员张泽卿张争累计开展巡察14",
    "6月10日,市政府办公室副主任、",
    "6月9日下午,漯河海关举办\"党史",
    "近期,市城投资产经营管理公司党支",
    "本报讯(记者杨会枝齐国霞)6月1",
    "本报讯(记者尹晓玉)6月品安全宣",
    "好违法用地整改、管控工作,对新增",
    "\"天这么热,小伙子们穿着消防救援",
    "防车辆通行不便。经过改造、增加配",
    "近日,临颍县窝城镇采取多项措施,",
    "(上接01版)当前党建工作中机关",
];

#[test]
fn seed_articles_start_their_body_at_the_gold_first_line() {
    let r = seed_report();
    for (title, first) in GOLD_TITLES.iter().zip(GOLD_FIRST_LINES) {
        let a = r
            .articles
            .iter()
            .find(|a| {
                a.title
                    .as_ref()
                    .is_some_and(|t| squeeze(&t.text) == squeeze(title))
            })
            .unwrap_or_else(|| panic!("no article titled {title}"));
        let p = a.paragraphs.first().expect("a body");
        let got = squeeze(&utf16_slice(SEED, p.start, p.end));
        assert!(got.starts_with(first), "{title}: body starts {got:?}");
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
    assert_eq!(
        kickers,
        ["市政府办 市二院", "漯河海关", "市城投资产经营管理公司"]
    );
    let first = &r.articles[0];
    assert_eq!(
        first.subtitle.as_ref().unwrap().text,
        "四届郾城区委巡察工作综述"
    );
    assert_eq!(first.headings.len(), 4);
}

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!("../data/intake/", $name)).as_slice()
    };
}

fn report_json(text: &str) -> serde_json::Value {
    serde_json::to_value(ANALYZER.analyze(text, &Options::default())).unwrap()
}

#[test]
fn seed_in_gb18030_utf16_and_docx_gives_the_same_report() {
    let want = serde_json::to_value(seed_report()).unwrap();
    let cases: [(&str, &[u8], &str, Format); 3] = [
        (
            "seed.gb18030.txt",
            fixture!("seed.gb18030.txt"),
            "GB18030",
            Format::Text,
        ),
        (
            "seed.utf16le.txt",
            fixture!("seed.utf16le.txt"),
            "UTF-16LE",
            Format::Text,
        ),
        ("seed.docx", fixture!("seed.docx"), "UTF-8", Format::Docx),
    ];
    for (name, bytes, encoding, format) in cases {
        let d = decode_file(bytes, Some(name), None).unwrap();
        assert_eq!(
            (d.encoding.as_str(), d.format),
            (encoding, format),
            "{name}"
        );
        assert!(d.confident && !d.had_errors, "{name}");
        assert_eq!(d.text, SEED, "{name}: decoded text differs");
        let got = report_json(&d.text);
        assert_eq!(got["entities"], want["entities"], "{name}");
        assert_eq!(got["figures"], want["figures"], "{name}");
        assert_eq!(got["articles"], want["articles"], "{name}");
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn big5_file_decodes() {
    let d = decode_file(fixture!("big5.txt"), Some("big5.txt"), None).unwrap();
    assert_eq!(d.encoding, "Big5");
    assert!(!d.had_errors);
    assert!(d.text.starts_with("臺北市政府今天舉行記者會"), "{}", d.text);
    let r = ANALYZER.analyze(&d.text, &Options::default());
    assert!(r.stats.sentences >= 2);
}

#[test]
fn html_file_loses_script_and_style() {
    let d = decode_file(fixture!("page.html"), Some("page.html"), None).unwrap();
    assert_eq!(d.format, Format::Html);
    for hidden in [
        "脚本文字",
        "模块脚本",
        "样式文字",
        "font-family",
        "页面标题",
        "<",
    ] {
        assert!(
            !d.text.contains(hidden),
            "{hidden:?} leaked into {:?}",
            d.text
        );
    }
    assert_eq!(
        d.text,
        "# 郾城区巡察工作&整改\n\n共发现问题 4858件,整改率为 98%。\n\n移交问题线索 915 件\n办结 653 件。\n\n“下一步”。"
    );
    let r = ANALYZER.analyze(&d.text, &Options::default());
    assert_eq!(
        r.articles[0].title.as_ref().unwrap().text,
        "郾城区巡察工作&整改"
    );
}

fn refused(bytes: &[u8], name: &str) -> Error {
    decode_file(bytes, Some(name), None).expect_err(name)
}

#[test]
fn binary_files_are_refused_with_their_format_named() {
    for (bytes, name, format) in [
        (fixture!("image-renamed.txt"), "image-renamed.txt", "PNG"),
        (fixture!("archive.zip"), "archive.zip", "ZIP"),
        (fixture!("archive.zip"), "archive.txt", "ZIP"),
        (fixture!("program.txt"), "program.txt", "ELF"),
    ] {
        let e = refused(bytes, name);
        assert!(matches!(e, Error::Binary { .. }), "{name}: {e:?}");
        assert!(e.to_string().contains(format), "{name}: {e}");
    }
}

#[test]
fn pdf_is_refused_with_the_pdf_message() {
    for name in ["document.pdf", "document.txt"] {
        let e = refused(fixture!("document.pdf"), name);
        assert_eq!(e, Error::Pdf);
        assert!(e.to_string().contains("PDF"), "{e}");
    }
}

#[test]
fn empty_file_gives_an_empty_diagnostic() {
    let d = decode_file(fixture!("empty.txt"), Some("empty.txt"), None).unwrap();
    assert_eq!(d.text, "");
    let r: Report = ANALYZER.analyze(&d.text, &Options::default());
    assert!(r.diagnostics.iter().any(|x| x.code == "empty"));
    assert!(r.articles.is_empty() && r.sentences.is_empty());
}

#[test]
fn invalid_utf8_is_decoded_with_replacement_and_flagged() {
    let d = decode_file(fixture!("invalid-utf8.txt"), Some("invalid-utf8.txt"), None).unwrap();
    assert_eq!(d.encoding, "UTF-8");
    assert!(d.had_errors && !d.confident);
    assert!(d.text.contains("共发现问题4858件"));
    assert_eq!(d.text.matches('\u{FFFD}').count(), 3);
    let r = ANALYZER.analyze(&d.text, &Options::default());
    assert!(r.figures.iter().any(|f| f.surface == "4858件"));
}

/// Every `{"span": {"start", "end"}}` in a report's JSON.
fn all_spans(v: &serde_json::Value, out: &mut Vec<(u64, u64)>) {
    match v {
        serde_json::Value::Object(m) => {
            if let Some(s) = m.get("span") {
                if let (Some(a), Some(b)) = (s["start"].as_u64(), s["end"].as_u64()) {
                    out.push((a, b));
                }
            }
            m.values().for_each(|x| all_spans(x, out));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| all_spans(x, out)),
        _ => {}
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Messy pages cut from the seed (OCR spaces, broken lines, full-width
        /// forms, astral characters): every span of the report is in bounds and
        /// on UTF-16 boundaries.
        #[test]
        fn report_spans_are_in_bounds(
            start in 0usize..4000,
            len in 0usize..600,
            noise in prop::collection::vec((0usize..600, prop::sample::select(vec![" ", "\n", "２", "％", "𠮷", "\u{3000}", "# "])), 0..12),
        ) {
            let chars: Vec<char> = SEED.chars().collect();
            let s = start.min(chars.len());
            let mut piece: Vec<String> = chars[s..(s + len).min(chars.len())].iter().map(|c| c.to_string()).collect();
            for (at, what) in noise {
                let at = at.min(piece.len());
                piece.insert(at, what.to_string());
            }
            let text = piece.concat();
            let units: Vec<u16> = text.encode_utf16().collect();
            let r = serde_json::to_value(ANALYZER.analyze(&text, &Options::default())).unwrap();
            let mut spans = Vec::new();
            all_spans(&r, &mut spans);
            for (a, b) in spans {
                prop_assert!(a <= b && b as usize <= units.len(), "span {}..{} of {}", a, b, units.len());
                for e in [a as usize, b as usize] {
                    prop_assert!(e >= units.len() || !(0xDC00..=0xDFFF).contains(&units[e]), "span end {} splits a surrogate pair", e);
                }
            }
        }
    }
}

/// Runs the built `wenxi` binary.
fn wenxi(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_wenxi"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("wenxi runs")
}

#[test]
fn cli_refuses_bad_files_with_a_message_and_non_zero_exit() {
    for (file, says) in [
        ("tests/data/intake/image-renamed.txt", "PNG"),
        ("tests/data/intake/program.txt", "ELF"),
        ("tests/data/intake/archive.zip", "ZIP"),
        ("tests/data/intake/document.pdf", "PDF"),
        ("tests/data/intake/no-such-file.txt", "no-such-file.txt"),
    ] {
        let out = wenxi(&["analyze", file]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{file} should fail");
        assert!(err.contains(says) && err.contains(file), "{file}: {err}");
        assert!(out.stdout.is_empty(), "{file}: printed a report");
    }
    let out = wenxi(&[
        "analyze",
        "--encoding",
        "klingon",
        "seeds/000_0e8ce62d7256c336.txt",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("klingon"));
}

#[test]
fn cli_answers_help_and_version_and_exits_2_on_a_wrong_command_line() {
    for args in [
        &["--help"][..],
        &["-h"],
        &["analyze", "--help"],
        &["eval", "--help"],
        &["eval", "ner", "--help"],
    ] {
        let out = wenxi(args);
        assert!(out.status.success(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stdout).starts_with("usage:"),
            "{args:?}"
        );
    }
    let out = wenxi(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("wenxi {}", env!("CARGO_PKG_VERSION"))
    );
    for args in [
        &["frobnicate"][..],
        &["analyze", "--frob"],
        &["analyze"],
        &["eval", "ner"],
    ] {
        let out = wenxi(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("usage:"),
            "{args:?}"
        );
    }
    // An input that cannot be read is exit 1, without the usage.
    let out = wenxi(&["analyze", "tests/data/intake/no-such-file.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("usage:"));
}

#[test]
fn cli_reads_a_docx_and_a_gb18030_file_by_name() {
    for file in [
        "tests/data/intake/seed.docx",
        "tests/data/intake/seed.gb18030.txt",
    ] {
        let out = wenxi(&["analyze", file]);
        assert!(
            out.status.success(),
            "{file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(r["articles"].as_array().unwrap().len() >= 11, "{file}");
        // The report says how the file was read.
        let want = if file.ends_with(".docx") {
            "docx"
        } else {
            "text"
        };
        assert_eq!(r["source"]["format"], want, "{file}");
        if file.contains("gb18030") {
            assert_eq!(r["source"]["encoding"], "GB18030");
        }
    }
}

fn titles_found(text: &str) -> usize {
    let r = ANALYZER.analyze(text, &Options::default());
    let found: Vec<String> = r
        .articles
        .iter()
        .filter_map(|a| a.title.as_ref().map(|t| squeeze(&t.text)))
        .collect();
    GOLD_TITLES
        .iter()
        .filter(|t| found.contains(&squeeze(t)))
        .count()
}

/// The seed hard-wrapped at `width` characters (headlines and short lines kept whole).
fn wrapped_seed(width: usize) -> String {
    SEED.split('\n')
        .map(|line| {
            let chars: Vec<char> = line.chars().collect();
            if chars.len() > 30 && !line.starts_with('#') {
                chars
                    .chunks(width)
                    .map(|c| c.iter().collect::<String>())
                    .collect::<Vec<_>>()
                    .join("\n")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn seed_with_one_paragraph_per_line_keeps_its_headlines() {
    let single: String = SEED
        .split('\n')
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(titles_found(&single) >= 10);
}

#[test]
fn hard_wrapped_seed_is_joined_back() {
    let wrapped = wrapped_seed(20);
    assert_eq!(titles_found(&wrapped), 11);
    // The wrapped body lines are joined again: as many paragraphs as the original.
    let lines = |t: &str| {
        wenxi::clean::clean(t)
            .text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .count()
    };
    let (orig, back) = (lines(SEED), lines(&wrapped));
    assert!(
        back <= orig + orig / 5,
        "{back} lines after cleaning, {orig} in the original"
    );
}
