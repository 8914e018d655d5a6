//! Criterion benches for the pipeline, in the manner of jieba-rs's
//! `benches/jieba_benchmark.rs`: one group per stage (`clean`, `layout`, `tag`,
//! `entities`, `figures`, `digest`) plus the full `analyze`, each reported as
//! `Throughput::Bytes` of the original input, with the dictionary built once in
//! a `LazyLock` outside every timed loop.
//!
//! Inputs: the seed page (`seeds/`), and 1 MB and 10 MB of People's Daily
//! (January 1998) with the POS tags stripped, made on the fly by [`news`] from
//! the research-use corpus, which is never copied into the repository. Give
//! its path in `WENXI_BENCH_CORPUS`, or leave `../shared/data/...` next to the
//! repository (`../../shared` is tried too, for worktrees); without it the news
//! inputs are skipped with a message.
//!
//! Run: `cargo bench --bench pipeline` (about 6 minutes on 2 busy cores, after
//! the build).
//! One stage: `cargo bench --bench pipeline -- tag/`.
//!
//! Adapting to a new stage signature: only the `run_*` functions below call
//! the library; each stage's inputs are made once by [`Staged::new`].
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::LazyLock;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{
    criterion_group, criterion_main, BenchmarkGroup, Criterion, SamplingMode, Throughput,
};
use wenxi::clean::{self, Cleaned};
use wenxi::entities;
use wenxi::layout::{self, Layout};
use wenxi::lexicon::Token;
use wenxi::{digest, figures, Analyzer, Options};

/// The analyzer (dictionary parsed once, not timed).
static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::embedded);

/// The bench inputs: name and text.
static INPUTS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let seed =
        std::fs::read_to_string(root.join("seeds/000_0e8ce62d7256c336.txt")).expect("seed page");
    let mut inputs = vec![("seed".to_string(), seed)];
    // `cargo test --all-targets` runs each bench once, unoptimised: the seed
    // is enough there; the news inputs are for `cargo bench` (`--bench`).
    if !std::env::args().any(|a| a == "--bench") {
        eprintln!("pipeline bench: test mode, news inputs skipped (they run under `cargo bench`)");
        return inputs;
    }
    match news::corpus_path(&root) {
        Some(path) => {
            let corpus = std::fs::read_to_string(&path).expect("readable corpus");
            let plain = news::strip_pos(&corpus);
            for (name, bytes) in [("news-1MB", 1_000_000), ("news-10MB", 10_000_000)] {
                inputs.push((name.to_string(), news::take(&plain, bytes)));
            }
        }
        None => eprintln!(
            "pipeline bench: news inputs skipped: set WENXI_BENCH_CORPUS to PFR 199801.utf8.txt \
             (looked for ../shared/data/ner/pfr-199801/199801.utf8.txt)"
        ),
    }
    inputs
});

// ---- the only code that calls the stages: adapt here when signatures change ----

fn run_clean(text: &str) -> Cleaned {
    clean::clean(text)
}

fn run_layout(cleaned: &Cleaned) -> Layout {
    layout::layout(cleaned)
}

/// Tags sentence by sentence, as `Analyzer::analyze_with_progress` does.
fn run_tag(cleaned: &Cleaned, layout: &Layout) -> Vec<Token> {
    ANALYZER.lexicon().tag_sentences(&cleaned.text, layout)
}

fn run_entities(s: &Staged) -> usize {
    let found = entities::recognize(
        entities::embedded_model(),
        &s.cleaned.text,
        &s.tokens,
        entities::RuleSet::ALL,
    );
    entities::group(&s.cleaned, &s.layout, &found).len()
}

fn run_figures(s: &Staged) -> usize {
    figures::scan_tagged(&s.cleaned, &s.layout, &s.tokens).len()
}

fn run_digest(s: &Staged) -> digest::Digest {
    let o = Options::default();
    digest::digest(
        digest::DigestInput {
            cleaned: &s.cleaned,
            layout: &s.layout,
            tokens: &s.tokens,
            mentions: &s.found.mentions,
            figures: &s.figures,
        },
        ANALYZER.lexicon(),
        digest::DigestOptions {
            summary_sentences: o.summary_sentences,
            keywords: o.keywords,
        },
    )
}

fn run_analyze(text: &str) -> usize {
    ANALYZER.analyze(text, &Options::default()).stats.sentences as usize
}

// ---- harness ----

/// Each stage's input, computed once outside the timed loops.
struct Staged {
    cleaned: Cleaned,
    layout: Layout,
    tokens: Vec<Token>,
    found: entities::Recognized,
    figures: Vec<figures::Figure>,
}

impl Staged {
    fn new(text: &str) -> Staged {
        let cleaned = run_clean(text);
        let layout = run_layout(&cleaned);
        let tokens = run_tag(&cleaned, &layout);
        let found = entities::recognize(
            entities::embedded_model(),
            &cleaned.text,
            &tokens,
            entities::RuleSet::ALL,
        );
        let figures = figures::scan_tagged(&cleaned, &layout, &tokens);
        Staged {
            cleaned,
            layout,
            tokens,
            found,
            figures,
        }
    }
}

/// Small samples so that the whole run fits in a few minutes on 2 cores:
/// 10 samples (criterion's minimum), flat sampling for the big inputs.
fn configure(group: &mut BenchmarkGroup<'_, WallTime>, name: &str, bytes: usize) {
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(300));
    if name == "seed" {
        group.measurement_time(Duration::from_secs(2));
    } else {
        group.sampling_mode(SamplingMode::Flat);
        group.measurement_time(Duration::from_secs(1));
    }
}

fn pipeline(c: &mut Criterion) {
    LazyLock::force(&ANALYZER);
    for (name, text) in INPUTS.iter() {
        let staged = Staged::new(text);
        let bytes = text.len();
        macro_rules! stage {
            ($group:literal, $body:expr) => {{
                let mut g = c.benchmark_group($group);
                configure(&mut g, name, bytes);
                g.bench_function(name.as_str(), |b| b.iter(|| black_box($body)));
                g.finish();
            }};
        }
        stage!("clean", run_clean(black_box(text)));
        stage!("layout", run_layout(black_box(&staged.cleaned)));
        stage!("tag", run_tag(black_box(&staged.cleaned), &staged.layout));
        stage!("entities", run_entities(black_box(&staged)));
        stage!("figures", run_figures(black_box(&staged)));
        stage!("digest", run_digest(black_box(&staged)));
        stage!("analyze", run_analyze(black_box(text)));
    }
}

/// Building the analyzer from the dictionary text: what the page waits for
/// after the wasm is compiled (the page-ready budget).
fn dictionary(c: &mut Criterion) {
    let mut g = c.benchmark_group("dictionary");
    configure(&mut g, "dictionary", wenxi::EMBEDDED_DICT.len());
    g.bench_function("Analyzer::new", |b| {
        b.iter(|| Analyzer::new(black_box(wenxi::EMBEDDED_DICT)).expect("valid dictionary"))
    });
    g.finish();
}

criterion_group!(benches, dictionary, pipeline);
criterion_main!(benches);

/// Plain news text from the PFR corpus (`19980101-01-001-001/m  迈向/v ...`):
/// POS tags and `[..]nt` brackets stripped, one paragraph per line, a blank
/// line between articles. `bench/news.mjs` is the same maker in JS (the browser
/// bench uses it); both give byte-identical text.
mod news {
    use std::path::{Path, PathBuf};

    /// The corpus: `WENXI_BENCH_CORPUS`, else `../shared` or `../../shared`.
    pub fn corpus_path(root: &Path) -> Option<PathBuf> {
        if let Some(p) = std::env::var_os("WENXI_BENCH_CORPUS") {
            return Some(PathBuf::from(p)).filter(|p| p.is_file());
        }
        ["..", "../.."]
            .iter()
            .map(|up| {
                root.join(up)
                    .join("shared/data/ner/pfr-199801/199801.utf8.txt")
            })
            .find(|p| p.is_file())
    }

    /// Strips the tags: keeps the words, drops each line's id token.
    pub fn strip_pos(corpus: &str) -> String {
        let mut out = String::with_capacity(corpus.len() / 2);
        let mut article = "";
        for line in corpus.lines() {
            let mut tokens = line.split_whitespace();
            let Some(id) = tokens.next() else { continue };
            let this = id.get(..15).unwrap_or(id);
            if !out.is_empty() {
                out.push('\n');
                if this != article {
                    out.push('\n');
                }
            }
            article = this;
            for t in tokens {
                let word = t.rsplit_once('/').map_or(t, |(w, _)| w);
                let word = if word.len() > 1 {
                    word.strip_prefix('[').unwrap_or(word)
                } else {
                    word
                };
                out.push_str(word);
            }
        }
        out.push('\n');
        out
    }

    /// The first `bytes` bytes of `plain` repeated, cut at the last line end.
    pub fn take(plain: &str, bytes: usize) -> String {
        let mut out = String::with_capacity(bytes);
        'fill: loop {
            for line in plain.split_inclusive('\n') {
                if out.len() + line.len() > bytes {
                    break 'fill;
                }
                out.push_str(line);
            }
            if out.is_empty() {
                break; // no line fits (or no text): nothing to repeat
            }
        }
        out
    }
}
