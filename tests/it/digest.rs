//! Digest on the seed page: keywords and summaries per article and for the page.

use crate::seed::{seed_report, ANALYZER, SEED};

fn sentence_text(r: &wenxi::Report, i: u32) -> String {
    let s = &r.sentences[i as usize];
    let u: Vec<u16> = SEED.encode_utf16().collect();
    String::from_utf16(&u[s.span.start as usize..s.span.end as usize]).unwrap()
}

#[test]
fn seed_every_article_has_a_summary_and_keywords() {
    let r = seed_report();
    assert_eq!(r.digest.articles.len(), r.articles.len());
    assert!(r.articles.len() >= 2);
    for a in &r.digest.articles {
        assert!(
            !a.keywords.is_empty(),
            "article {} has no keywords",
            a.article
        );
        assert!(
            !a.summary.is_empty(),
            "article {} has no summary",
            a.article
        );
        assert!(a.summary.len() <= 3 && a.keywords.len() <= 10);
        let [first, last] = r.articles[a.article as usize].sentences;
        for &s in &a.summary {
            assert!(
                (first..last).contains(&s),
                "summary sentence in its article"
            );
            let t = sentence_text(&r, s);
            assert!(!t.starts_with('#') && !t.starts_with('■'), "{t}");
        }
    }
    assert!(!r.digest.keywords.is_empty() && !r.digest.summary.is_empty());
}

#[test]
fn seed_first_article_digest() {
    let r = seed_report();
    let a = &r.digest.articles[0];
    let terms: Vec<&str> = a.keywords.iter().map(|k| k.term.as_str()).collect();
    assert!(terms.contains(&"巡察"), "{terms:?}");
    assert!(terms.contains(&"整改"), "{terms:?}");
    for boilerplate in ["工作", "开展", "表示", "记者", "通讯员", "问题"] {
        assert!(!terms.contains(&boilerplate), "{boilerplate} in {terms:?}");
    }
    let summary: Vec<String> = a.summary.iter().map(|&s| sentence_text(&r, s)).collect();
    assert!(summary.iter().any(|s| s.contains("4858件")), "{summary:#?}");
    assert_eq!(r.digest.keywords[0].term, "巡察");
}

#[test]
fn seed_summary_length_follows_the_options() {
    for n in [1, 5] {
        let options = wenxi::Options {
            summary_sentences: n,
            keywords: 4,
            ..Default::default()
        };
        let r = ANALYZER.analyze(SEED, &options);
        assert!(r.digest.summary.len() <= n && !r.digest.summary.is_empty());
        assert!(r.digest.keywords.len() == 4);
        let long = r.digest.articles.iter().map(|a| a.summary.len()).max();
        assert_eq!(long, Some(n));
    }
}

#[test]
fn seed_words_have_classes_and_no_punctuation() {
    let r = seed_report();
    assert!(r
        .words
        .iter()
        .all(|w| !wenxi::digest::is_punctuation(&w.word)));
    let json = serde_json::to_value(&r.words[..5]).unwrap();
    for w in json.as_array().unwrap() {
        assert!(w["class"].is_string() && w["pos"].is_string(), "{w}");
    }
    let xuncha = r.words.iter().find(|w| w.word == "巡察").unwrap();
    assert_eq!(xuncha.class, wenxi::digest::PosClass::Verb);
}

#[test]
fn seed_kwic_points_at_the_original() {
    let hits = ANALYZER.kwic(SEED, "巡察", 8, 0);
    let squeezed: String = SEED.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(hits.len(), squeezed.matches("巡察").count());
    let u: Vec<u16> = SEED.encode_utf16().collect();
    for h in &hits {
        let s = String::from_utf16(&u[h.span.start as usize..h.span.end as usize]).unwrap();
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(s, "巡察");
        assert!(h.left.chars().count() <= 8 && h.right.chars().count() <= 8);
    }
    assert!(
        hits.iter().any(|h| h.span.len() > 2),
        "one is split by an OCR space or a line break"
    );
    assert_eq!(ANALYZER.kwic(SEED, "巡察", 8, 7).len(), 7);
    let json = serde_json::to_value(&hits[0]).unwrap();
    for key in ["span", "left", "hit", "right", "sentence", "article"] {
        assert!(json.get(key).is_some(), "{key} in {json}");
    }
}
