//! A timing aid for the digest (not a test: speed lives in benchmarks).
//!
//! Times the pipeline on a big input named by `WENXI_BIG` (not committed:
//! e.g. 1 MB of People's Daily text with the POS tags stripped), once as one
//! article and once cut into articles by a `#` headline every 40 lines.
//! Each stage: best of 5 runs. Run with
//! `WENXI_BIG=/tmp/1mb.txt cargo run --release --example digest_timing`.

fn main() {
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
