//! Trains wenxi's entity tagger and writes `assets/ner.model`, which the
//! library embeds.
//!
//! One command reproduces the committed model (about 50 s, deterministic:
//! the same corpora and options give the same bytes):
//!
//! ```text
//! cargo run --release --bin wenxi-train-ner -- \
//!     --spans ../shared/data/ner/msra-train-clean/train.spans.jsonl \
//!     --pfr ../shared/data/ner/pfr-199801/199801.utf8.txt \
//!     --dev ../shared/data/ner/msra-train-clean/dev-block.spans.jsonl \
//!     assets/ner.model
//! ```
//!
//! Training data: `--spans FILE` (repeatable) reads `{"text","spans"}` lines
//! as spans directly, in the evaluation's own conventions (the MSRA training
//! file); `--pfr FILE` reads People's Daily January 1998 through its POS tags
//! (see `train::parse_pfr_line`); `--cluener FILE` reads CLUENER2020 lines
//! whose labels follow the MSRA conventions (measured, and left out of the
//! shipped model: it lowers both MSRA dev files).
//!
//! With `--pfr`, it also writes two word lists the rules read, where jieba's
//! dictionary and PFR disagree: `assets/ner.common.txt`, common words jieba
//! tags as names (`train::common_words`), and `assets/ner.names.txt`, person
//! names jieba tags as common words (`train::person_names`).
//!
//! Options: `--bits N` (weight table of 2^N rows, default 19),
//! `--epochs N` (default 10), `--runs N` (train N times over differently
//! shuffled data and average the N averaged models, default 3: a bagged
//! model is steadier than any single run), `--prune N` (int8 weights of
//! magnitude <= N become 0, default 8: the table then compresses to a
//! sixth); `--dev GOLD.jsonl` (repeatable) scores each run's model on a
//! `{"text","spans"}` file, and the first one calibrates the temperature of
//! the model's confidence (one number; it is never trained on). The corpora
//! are for research use: they are read here, at training time, and never
//! copied into the repository.

use std::collections::HashSet;
use std::process::ExitCode;
use std::time::Instant;

use wenxi::entities::model::Model;
use wenxi::eval::Scores;
use wenxi::train::{
    common_words, examples, export_weights, export_weights_at, mean_weights, parse_cluener_line,
    parse_pfr_line, parse_spans_line, person_names, Example, Labelled, PfrTags, Trainer, Weights,
};
use wenxi::Analyzer;

/// jieba's tokens of `text`, segment by segment, as the tagger reads them.
fn tokens_of(analyzer: &Analyzer, text: &str) -> Vec<wenxi::lexicon::Token> {
    let mut tokens = Vec::new();
    for seg in wenxi::entities::segments(text) {
        analyzer.lexicon().tag_into(text, seg, &mut tokens);
    }
    tokens
}

/// Exact-span scores of the bare tagger (no rules, no cleaning) on a gold jsonl file.
fn score(analyzer: &Analyzer, model: &Model, gold: &str) -> Result<Scores, String> {
    let mut scores = Scores::default();
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let g: wenxi::eval::ner::GoldLine =
            serde_json::from_str(line).map_err(|e| e.to_string())?;
        let tokens = tokens_of(analyzer, &g.text);
        let pred: HashSet<(usize, usize, String)> = wenxi::entities::tag(model, &g.text, &tokens)
            .into_iter()
            .map(|m| {
                (
                    g.text[..m.start].chars().count(),
                    g.text[..m.end].chars().count(),
                    m.kind.code().to_string(),
                )
            })
            .collect();
        let gold: HashSet<(usize, usize, String)> = g.gold().into_iter().collect();
        wenxi::eval::ner::score_line(&mut scores, &gold, &pred);
    }
    Ok(scores)
}

/// The temperature whose span confidences best predict which of the bare
/// tagger's spans are right on a gold file (lowest log loss), and that loss.
fn calibrate(analyzer: &Analyzer, model: &Model, gold: &str) -> Result<(f32, f64), String> {
    let mut scored: Vec<(usize, [f32; 12], bool)> = Vec::new();
    const TEMPS: [f32; 12] = [
        4.0, 8.0, 12.0, 16.0, 24.0, 32.0, 48.0, 64.0, 96.0, 128.0, 192.0, 256.0,
    ];
    let models: Vec<Model> = TEMPS
        .iter()
        .map(|&t| model.clone().with_temperature(t as f64))
        .collect();
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let g: wenxi::eval::ner::GoldLine =
            serde_json::from_str(line).map_err(|e| e.to_string())?;
        let tokens = tokens_of(analyzer, &g.text);
        let text = g.text.clone();
        let gold: HashSet<(usize, usize, String)> = g.gold().into_iter().collect();
        let per_temp: Vec<Vec<(wenxi::entities::RawMention, f32)>> = models
            .iter()
            .map(|m| wenxi::entities::tag_scored(m, &text, &tokens))
            .collect();
        for (k, (m, _)) in per_temp[0].iter().enumerate() {
            let span = (
                text[..m.start].chars().count(),
                text[..m.end].chars().count(),
                m.kind.code().to_string(),
            );
            let mut ps = [0f32; 12];
            for (t, p) in ps.iter_mut().enumerate() {
                *p = per_temp[t][k].1;
            }
            scored.push((k, ps, gold.contains(&span)));
        }
    }
    let loss = |t: usize| -> f64 {
        let sum: f64 = scored
            .iter()
            .map(|(_, ps, right)| {
                let p = (ps[t] as f64).clamp(1e-6, 1.0 - 1e-6);
                if *right {
                    -p.ln()
                } else {
                    -(1.0 - p).ln()
                }
            })
            .sum();
        sum / scored.len().max(1) as f64
    };
    let best = (0..TEMPS.len())
        .filter(|&t| loss(t).is_finite())
        .min_by(|&a, &b| loss(a).total_cmp(&loss(b)))
        .unwrap_or(5);
    Ok((TEMPS[best], loss(best)))
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wenxi-train-ner: {e}");
            ExitCode::from(1)
        }
    }
}

/// The value of the option just read, as a string.
fn text(parser: &mut lexopt::Parser) -> Result<String, String> {
    let value = parser.value().map_err(|e| e.to_string())?;
    lexopt::ValueExt::string(value).map_err(|e| e.to_string())
}

/// The value of option `--name`, parsed.
fn number<T: std::str::FromStr>(parser: &mut lexopt::Parser, name: &str) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    text(parser)?.parse().map_err(|e| format!("--{name}: {e}"))
}

/// Reads the labelled documents of `path` with `parse`, one per non-empty line.
fn read_lines(
    path: &str,
    parse: fn(&str) -> Result<Labelled, String>,
    out: &mut Vec<Labelled>,
) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    for (n, line) in text.lines().enumerate() {
        if !line.trim().is_empty() {
            out.push(parse(line).map_err(|e| format!("{path}:{}: {e}", n + 1))?);
        }
    }
    Ok(())
}

/// The command line.
struct Args {
    bits: u32,
    epochs: usize,
    prune: i8,
    runs: usize,
    out: String,
    pfr: Option<String>,
    spans: Vec<String>,
    cluener: Vec<String>,
    devs: Vec<String>,
}

fn parse_args() -> Result<Args, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let (mut bits, mut epochs, mut prune, mut runs) = (19u32, 10usize, 8i8, 3usize);
    let mut out: Option<String> = None;
    let mut pfr: Option<String> = None;
    let (mut spans, mut cluener, mut devs) = (Vec::new(), Vec::new(), Vec::new());
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("bits") => bits = number(&mut parser, "bits")?,
            Long("epochs") => epochs = number(&mut parser, "epochs")?,
            Long("runs") => runs = number(&mut parser, "runs")?,
            Long("prune") => prune = number(&mut parser, "prune")?,
            Long("dev") => devs.push(text(&mut parser)?),
            Long("pfr") => pfr = Some(text(&mut parser)?),
            Long("spans") => spans.push(text(&mut parser)?),
            Long("cluener") => cluener.push(text(&mut parser)?),
            Value(v) if out.is_none() => out = Some(v.string().map_err(|e| e.to_string())?),
            other => return Err(other.unexpected().to_string()),
        }
    }
    let Some(out) = out.filter(|_| pfr.is_some() || !spans.is_empty()) else {
        return Err(
            "usage: wenxi-train-ner [--spans TRAIN.jsonl]... [--pfr PFR_199801.utf8.txt] [--cluener TRAIN.json]... [--bits N] [--epochs N] [--runs N] [--prune N] [--dev GOLD.jsonl]... OUT.model".into(),
        );
    };
    Ok(Args {
        bits,
        epochs,
        prune,
        runs,
        out,
        pfr,
        spans,
        cluener,
        devs,
    })
}

/// The labelled documents of the span, CLUENER and PFR files, and the PFR
/// corpus's text (empty without one).
fn read_docs(a: &Args) -> Result<(Vec<Labelled>, String), String> {
    let mut docs = Vec::new();
    for path in &a.spans {
        read_lines(path, parse_spans_line, &mut docs)?;
    }
    for path in &a.cluener {
        let mut kept = Vec::new();
        read_lines(
            path,
            |l| Ok(parse_cluener_line(l)?.unwrap_or_default()),
            &mut kept,
        )?;
        let n = kept.len();
        kept.retain(|d| !d.text.is_empty());
        eprintln!(
            "{path}: {} of {n} lines in the MSRA conventions",
            kept.len()
        );
        docs.extend(kept);
    }
    let corpus = match &a.pfr {
        Some(path) => std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?,
        None => String::new(),
    };
    docs.extend(
        corpus
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(parse_pfr_line),
    );
    Ok((docs, corpus))
}

/// Trains `a.runs` models on differently shuffled data; each run's averaged
/// weights, scored on the dev files when there are some.
fn train_runs(
    a: &Args,
    analyzer: &Analyzer,
    data: &[Example],
    golds: &[String],
    t0: Instant,
) -> Result<Vec<Weights>, String> {
    let chars: usize = data.iter().map(|e| e.labels.len()).sum();
    let mut averaged = Vec::new();
    for run in 0..a.runs.max(1) {
        let mut trainer = Trainer::new(a.bits);
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut seed = 0x2545_F491_4F6C_DD1Du64 ^ (run as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        for epoch in 1..=a.epochs {
            // Fisher-Yates with xorshift: deterministic shuffles.
            for i in (1..order.len()).rev() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                order.swap(i, (seed % (i as u64 + 1)) as usize);
            }
            let errors = trainer.epoch(data, &order);
            eprintln!(
                "run {run} epoch {epoch}: {errors} char errors ({:.3}%), {:.1?}",
                100.0 * errors as f64 / chars as f64,
                t0.elapsed()
            );
        }
        let weights = trainer.averaged();
        if !golds.is_empty() {
            let bytes = export_weights(a.bits, &weights.0, &weights.1, a.prune);
            let model = Model::from_bytes(&bytes).map_err(|e| e.0.to_string())?;
            for (d, gold) in a.devs.iter().zip(golds) {
                eprint!("run {run}, {d}:\n{}", score(analyzer, &model, gold)?);
            }
        }
        averaged.push(weights);
    }
    Ok(averaged)
}

fn run() -> Result<(), String> {
    let a = parse_args()?;
    let out = a.out.as_str();
    let analyzer = Analyzer::embedded();
    let t0 = Instant::now();
    let (docs, corpus) = read_docs(&a)?;
    let mut data = Vec::new();
    for doc in &docs {
        examples(analyzer.lexicon(), doc, &mut data);
    }
    let chars: usize = data.iter().map(|e| e.labels.len()).sum();
    eprintln!(
        "{} segments, {chars} chars, features in {:.1?}",
        data.len(),
        t0.elapsed()
    );
    let golds = a
        .devs
        .iter()
        .map(|d| std::fs::read_to_string(d).map_err(|e| format!("{d}: {e}")))
        .collect::<Result<Vec<_>, _>>()?;
    let averaged = train_runs(&a, &analyzer, &data, &golds, t0)?;
    let (bits, prune) = (a.bits, a.prune);
    let (w, t) = mean_weights(&averaged);
    let mut bytes = export_weights(bits, &w, &t, prune);
    if let Some(gold) = golds.first() {
        let model = Model::from_bytes(&bytes).map_err(|e| e.0.to_string())?;
        let (temperature, loss) = calibrate(&analyzer, &model, gold)?;
        eprintln!(
            "temperature {temperature} (log loss {loss:.4} on {})",
            a.devs[0]
        );
        bytes = export_weights_at(bits, &w, &t, prune, temperature);
    }
    if !golds.is_empty() {
        let model = Model::from_bytes(&bytes).map_err(|e| e.0.to_string())?;
        for (d, gold) in a.devs.iter().zip(&golds) {
            eprint!(
                "mean of {} runs, {d}:\n{}",
                averaged.len(),
                score(&analyzer, &model, gold)?
            );
        }
    }
    std::fs::write(out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    eprintln!("wrote {out}: {} bytes", bytes.len());
    if a.pfr.is_none() {
        return Ok(());
    }
    let tags = PfrTags::count(&corpus);
    for (ext, words) in [
        ("common.txt", common_words(wenxi::EMBEDDED_DICT, &tags)),
        ("names.txt", person_names(wenxi::EMBEDDED_DICT, &tags)),
    ] {
        let path = std::path::Path::new(out).with_extension(ext);
        std::fs::write(&path, &words).map_err(|e| format!("{}: {e}", path.display()))?;
        eprintln!("wrote {}: {} words", path.display(), words.lines().count());
    }
    Ok(())
}
