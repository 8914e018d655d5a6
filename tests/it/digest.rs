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

/// Times the pipeline on a big input named by `WENXI_BIG` (not committed:
/// e.g. 1 MB of People's Daily text with the POS tags stripped). Run with
/// `WENXI_BIG=/tmp/1mb.txt cargo test --release --test it digest_big_timing -- --ignored --nocapture`.
#[test]
#[ignore = "needs WENXI_BIG and a release build"]
fn digest_big_timing() {
    use std::time::Instant;
    use wenxi::{clean, digest, entities, figures, layout, Options};
    let path = std::env::var("WENXI_BIG").expect("WENXI_BIG names a text file");
    let text = std::fs::read_to_string(path).unwrap();
    let t = Instant::now();
    let analyzer = wenxi::Analyzer::embedded();
    println!("analyzer build: {:?}", t.elapsed());
    let options = Options::default();
    let mut best = std::time::Duration::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        let r = analyzer.analyze(&text, &options);
        best = best.min(t.elapsed());
        assert!(!r.digest.keywords.is_empty());
    }
    println!("{} bytes: analyze best of 3: {:?}", text.len(), best);
    let t = Instant::now();
    let cleaned = clean::clean(&text);
    let lay = layout::layout(&cleaned);
    let t_layout = t.elapsed();
    let t = Instant::now();
    let mut tokens = Vec::new();
    for s in &lay.sentences {
        analyzer
            .lexicon()
            .tag_into(&cleaned.text, s.clean.clone(), &mut tokens);
    }
    let t_tag = t.elapsed();
    let t = Instant::now();
    let mentions = entities::recognize(&cleaned.text, &tokens);
    let figs = figures::scan(&cleaned, &lay);
    let t_ef = t.elapsed();
    let t = Instant::now();
    let d = digest::digest(
        digest::DigestInput {
            cleaned: &cleaned,
            layout: &lay,
            tokens: &tokens,
            mentions: &mentions,
            figures: &figs,
        },
        analyzer.lexicon(),
        digest::DigestOptions {
            summary_sentences: 3,
            keywords: 10,
        },
    );
    let t_digest = t.elapsed();
    let t = Instant::now();
    let words = digest::word_counts(&cleaned.text, &tokens);
    let t_words = t.elapsed();
    let t = Instant::now();
    let hits = analyzer.kwic(&text, "经济", 20, 100);
    let t_kwic = t.elapsed();
    println!(
        "clean+layout {t_layout:?}, tag {t_tag:?}, entities+figures {t_ef:?}, digest {t_digest:?}, words {t_words:?}, kwic {t_kwic:?}"
    );
    println!(
        "{} sentences, {} articles, {} tokens, {} distinct words, {} kwic hits",
        lay.sentences.len(),
        lay.articles.len(),
        tokens.len(),
        words.len(),
        hits.len()
    );
    let kws: Vec<&str> = d.keywords.iter().map(|k| k.term.as_str()).collect();
    println!("page keywords: {kws:?}");
    for &s in &d.summary {
        println!(
            "  - {}",
            &cleaned.text[lay.sentences[s as usize].clean.clone()]
        );
    }
}
