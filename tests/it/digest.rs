//! Digest on the seed page: keywords and summaries per article and for the page.

use crate::seed::{seed_report, ANALYZER, SEED};

fn sentence_text(r: &wenxi::Report, i: u32) -> String {
    let s = &r.sentences[i as usize];
    let u: Vec<u16> = SEED.encode_utf16().collect();
    String::from_utf16(&u[s.span.start as usize..s.span.end as usize]).unwrap()
}

#[test]
fn seed_digest_dump() {
    let r = seed_report();
    for a in &r.digest.articles {
        let kws: Vec<String> = a.keywords.iter().map(|k| format!("{}:{:.2}x{}", k.term, k.weight, k.count)).collect();
        println!("article {} {:?}", a.article, r.articles[a.article as usize].title.as_ref().map(|t| &t.text));
        println!("  kw: {}", kws.join(" "));
        for &s in &a.summary {
            println!("  - [{s}] {}", sentence_text(&r, s));
        }
    }
    let kws: Vec<String> = r.digest.keywords.iter().map(|k| format!("{}:{:.2}x{}", k.term, k.weight, k.count)).collect();
    println!("page kw: {}", kws.join(" "));
    for &s in &r.digest.summary {
        println!("  - [{s}] {}", sentence_text(&r, s));
    }
    let _ = &*ANALYZER;
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
        analyzer.lexicon().tag_into(&cleaned.text, s.clean.clone(), &mut tokens);
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
        println!("  - {}", &cleaned.text[lay.sentences[s as usize].clean.clone()]);
    }
}
