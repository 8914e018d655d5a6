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
/// e.g. 1 MB of People's Daily text with the POS tags stripped), once as one
/// article and once cut into articles by a `#` headline every 40 lines.
/// Each stage: best of 5 runs. Run with
/// `WENXI_BIG=/tmp/1mb.txt cargo test --release --test it digest_big_timing -- --ignored --nocapture`.
#[test]
#[ignore = "needs WENXI_BIG and a release build"]
fn digest_big_timing() {
    use std::time::{Duration, Instant};
    use wenxi::{clean, digest, entities, figures, layout, Options};
    /// CPU time of this thread (Linux), so a loaded machine does not skew it.
    fn cpu() -> Option<Duration> {
        let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
        Some(Duration::from_nanos(
            s.split_whitespace().next()?.parse().ok()?,
        ))
    }
    /// Best of 5 runs: (wall, cpu) and the result.
    fn best<T>(mut f: impl FnMut() -> T) -> (Times, T) {
        let mut best = Times(Duration::MAX, Duration::MAX);
        let mut out = None;
        for _ in 0..5 {
            let (t, c) = (Instant::now(), cpu());
            let v = f();
            best.0 = best.0.min(t.elapsed());
            best.1 = best
                .1
                .min(cpu().zip(c).map_or(Duration::ZERO, |(b, a)| b - a));
            out = Some(v);
        }
        (best, out.unwrap())
    }
    struct Times(Duration, Duration);
    impl std::fmt::Display for Times {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(
                f,
                "{:.1} ms (cpu {:.1} ms)",
                self.0.as_secs_f64() * 1e3,
                self.1.as_secs_f64() * 1e3
            )
        }
    }
    let path = std::env::var("WENXI_BIG").expect("WENXI_BIG names a text file");
    let one = std::fs::read_to_string(path).unwrap();
    let many: String = one
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i % 40 == 0 {
                format!("# {l}\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    let (t_build, analyzer) = best(wenxi::Analyzer::embedded);
    println!("analyzer build: {t_build}");
    let (t_freqs, freqs) = best(|| wenxi::lexicon::DictFreq::parse(&[wenxi::EMBEDDED_DICT]));
    println!(
        "  of which the IDF table: {t_freqs} ({} words, {} KiB)",
        freqs.len(),
        freqs.size_bytes() / 1024
    );
    for (name, text) in [("one article", &one), ("many articles", &many)] {
        let (t_all, r) = best(|| analyzer.analyze(text, &Options::default()));
        assert!(!r.digest.keywords.is_empty() && !r.digest.summary.is_empty());
        let (t_layout, (cleaned, lay)) = best(|| {
            let c = clean::clean(text);
            let l = layout::layout(&c);
            (c, l)
        });
        let (t_tag, tokens) = best(|| analyzer.lexicon().tag_sentences(&cleaned.text, &lay));
        let mentions = entities::recognize(
            entities::embedded_model(),
            &cleaned.text,
            &tokens,
            wenxi::entities::RuleSet::ALL,
        )
        .mentions;
        let figs = figures::scan(&cleaned, &lay);
        let (t_digest, d) = best(|| {
            digest::digest(
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
            )
        });
        let (t_words, words) = best(|| digest::word_counts(&cleaned.text, &tokens));
        let (t_kwic, hits) = best(|| analyzer.kwic(text, "经济", 20, 100));
        println!(
            "{name}: {} bytes, {} articles, {} sentences, {} tokens, {} distinct words",
            text.len(),
            lay.articles.len(),
            lay.sentences.len(),
            tokens.len(),
            words.len()
        );
        println!(
            "  analyze {t_all}\n  clean+layout {t_layout}, tag {t_tag}, digest {t_digest}, words {t_words}\n  kwic {t_kwic} ({} hits)",
            hits.len()
        );
        let kws: Vec<&str> = d.keywords.iter().map(|k| k.term.as_str()).collect();
        println!("  page keywords: {kws:?}");
        for &s in &d.summary {
            println!(
                "  - {}",
                &cleaned.text[lay.sentences[s as usize].clean.clone()]
            );
        }
    }
}
