//! The catalogue of bad inputs (issue 8): each must analyse without a panic,
//! keep every span inside the text, and say something useful when it can.

use super::invariants::{check_json_round_trip, check_spans};
use super::seed::{self, ANALYZER};
use wenxi::Options;

fn analyze_ok(text: &str) -> wenxi::Report {
    let r = ANALYZER.analyze(text, &Options::default());
    check_spans(text, &r);
    check_json_round_trip(&r);
    r
}

fn has_diagnostic(r: &wenxi::Report, code: &str) -> bool {
    r.diagnostics.iter().any(|d| d.code == code)
}

#[test]
fn empty_text_says_so() {
    let r = analyze_ok("");
    assert!(has_diagnostic(&r, "empty"));
    assert_eq!(r.stats.sentences, 0);
    assert!(r.entities.is_empty() && r.figures.is_empty());
}

#[test]
fn whitespace_only_is_empty() {
    let r = analyze_ok(" \n\t\u{3000}\r\n  ");
    assert!(has_diagnostic(&r, "empty"));
    assert!(r.figures.is_empty());
}

#[test]
fn punctuation_only_has_no_entities_or_figures() {
    let r = analyze_ok("。，、；：？！…—“”‘’（）《》【】.,;:!?()[]{}");
    assert!(r.entities.is_empty());
    assert!(r.figures.is_empty());
    assert!(has_diagnostic(&r, "no-cjk"));
}

#[test]
fn five_megabyte_single_line_completes() {
    let unit = "市政府办公室副主任王江涛带领二十多人到临颍县开展活动共发现问题4858件";
    let line: String = unit.repeat(5 * 1024 * 1024 / unit.len() + 1);
    assert!(line.len() >= 5 * 1024 * 1024 && !line.contains('\n'));
    let r = ANALYZER.analyze(&line, &Options::default());
    assert!(r.figures.iter().any(|f| f.surface == "4858件"));
    let last = r.figures.last().unwrap();
    assert!(last.span.end <= wenxi::offsets::utf16_len(&line));
}

/// The seed page with its line breaks removed: one long line that starts with
/// `#`. It was read as a 1.2-million-character headline holding one sentence,
/// which froze the page (every figure's context was that sentence).
#[test]
fn seed_page_as_one_line_keeps_its_sentences() {
    let flat: String = seed::SEED.lines().map(str::trim).collect();
    let line = flat.repeat(4);
    assert!(line.starts_with('#') && !line.contains('\n'));
    let r = ANALYZER.analyze(&line, &Options::default());
    assert!(r.sentences.len() > 400, "{} sentences", r.sentences.len());
    let longest = r
        .sentences
        .iter()
        .map(|s| s.span.end - s.span.start)
        .max()
        .unwrap();
    assert!(longest < 2_000, "longest sentence {longest} units");
    assert!(r
        .articles
        .iter()
        .all(|a| a.title.as_ref().map_or(0, |t| t.text.chars().count()) <= 130));
    assert!(r.figures.iter().any(|f| f.surface == "4858件"));
}

#[test]
fn supplementary_plane_characters_keep_utf16_offsets_right() {
    // 😀 (emoji) and 𠀀 (CJK Extension B) are two UTF-16 units each.
    let text = "😀𠀀共发现问题 4858件，😀整改率为98%。";
    let r = analyze_ok(text);
    let units: Vec<u16> = text.encode_utf16().collect();
    let f = r
        .figures
        .iter()
        .find(|f| f.surface == "4858件")
        .expect("figure after emoji");
    assert_eq!(
        String::from_utf16(&units[f.span.start as usize..f.span.end as usize]).unwrap(),
        "4858件"
    );
    let p = r
        .figures
        .iter()
        .find(|f| f.surface == "98%")
        .expect("percent after emoji");
    assert_eq!(
        String::from_utf16(&units[p.span.start as usize..p.span.end as usize]).unwrap(),
        "98%"
    );
}

#[test]
fn right_to_left_and_control_characters() {
    let text = "مرحبا بالعالم \u{202E}共发现问题\u{0007}4858件\u{0000}。\u{200F}שלום\u{001B}[31m";
    let r = analyze_ok(text);
    assert!(r.stats.chars > 0);
}

#[test]
fn html_and_script_are_just_text() {
    let text =
        "<img src=x onerror=alert(1)></textarea><script>alert('x')</script>共发现问题4858件。";
    let r = analyze_ok(text);
    assert!(r.figures.iter().any(|f| f.surface == "4858件"));
    // Nothing in the report is markup the library made up: every entity text occurs in the input.
    for e in &r.entities {
        for m in &e.mentions {
            let units: Vec<u16> = text.encode_utf16().collect();
            let orig = String::from_utf16_lossy(&units[m.span.start as usize..m.span.end as usize]);
            assert!(
                orig.chars()
                    .filter(|c| !c.is_whitespace())
                    .eq(m.text.chars()),
                "{orig} vs {}",
                m.text
            );
        }
    }
}

#[test]
fn one_number_repeated_a_hundred_thousand_times() {
    let text = "4858件，".repeat(100_000);
    let r = analyze_ok(&text);
    assert_eq!(r.figures.len(), 100_000);
}

#[test]
fn deeply_nested_quotes() {
    let text = format!(
        "{}共发现问题4858件。{}",
        "“‘「『《（".repeat(2000),
        "）》』」’”".repeat(2000)
    );
    let r = analyze_ok(&text);
    assert!(r.figures.iter().any(|f| f.surface == "4858件"));
}

#[test]
fn lone_replacement_characters_and_bom() {
    let r = analyze_ok("\u{FEFF}\u{FFFD}\u{FFFD}共发现问题4858件\u{FFFD}");
    assert!(r.figures.iter().any(|f| f.surface == "4858件"));
}

#[test]
fn fifty_megabyte_file_decodes_and_over_the_limit_is_refused() {
    let line = "共发现问题4858件，整改率为98%。\n";
    let big = line.repeat(50 * 1024 * 1024 / line.len() + 1);
    assert!(big.len() >= 50 * 1024 * 1024);
    let d = wenxi::decode::decode_file(big.as_bytes(), Some("big.txt"), None)
        .expect("50 MB is under the limit");
    assert_eq!(d.text.len(), big.len());
    drop(d);
    let over = vec![b'a'; wenxi::decode::MAX_BYTES + 1];
    match wenxi::decode::decode_file(&over, Some("over.txt"), None) {
        Err(e @ wenxi::Error::TooLarge { .. }) => assert!(e.to_string().contains("MB")),
        other => panic!("expected TooLarge, got {other:?}"),
    }
}

#[test]
fn mixed_encodings_decode_without_loss_of_the_readable_part() {
    // A UTF-8 paragraph followed by a GBK paragraph: not valid UTF-8, so the
    // detector decides; whatever it picks, nothing panics and errors are flagged.
    let mut bytes = "第一段：共发现问题4858件。\n".as_bytes().to_vec();
    let (gbk, _, _) = encoding_rs::GBK.encode("第二段：整改率为98%。\n");
    bytes.extend_from_slice(&gbk);
    let d =
        wenxi::decode::decode_file(&bytes, Some("mixed.txt"), None).expect("mixed text decodes");
    assert!(
        d.had_errors || !d.confident,
        "a mixed file is flagged: {d:?}"
    );
    let r = analyze_ok(&d.text);
    assert!(r.stats.chars > 0);
}

/// A 5 MB single line of news text panicked in the organisation rules: an
/// unmatched `)` right before an organisation suffix made the leftward walk
/// pass the suffix word. These inputs have that shape.
#[test]
fn unmatched_paren_before_an_organisation_suffix() {
    for text in [
        "）委员会",
        "新华社北京)局",
        "(他们)）办公室的",
        "）公司）局）院",
    ] {
        analyze_ok(text);
    }
}
