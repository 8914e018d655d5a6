//! Trains wenxi's entity tagger from People's Daily January 1998 (PFR) and
//! writes `assets/ner.model`, which the library embeds.
//!
//! One command reproduces the committed model:
//!
//! ```text
//! cargo run --release --bin wenxi-train-ner -- \
//!     /work/shared/data/ner/pfr-199801/199801.utf8.txt assets/ner.model
//! ```
//!
//! Next to the model it writes two word lists the rules read, where jieba's
//! dictionary and PFR disagree: `assets/ner.common.txt`, common words jieba
//! tags as names (`train::common_words`), and `assets/ner.names.txt`, person
//! names jieba tags as common words (`train::person_names`).
//!
//! Options: `--bits N` (weight table of 2^N rows, default 17),
//! `--epochs N` (default 10), `--runs N` (train N times over differently
//! shuffled data and average the N averaged models, default 3: a bagged
//! model is steadier than any single run), `--prune N` (int8 weights of magnitude <= N
//! become 0, default 3: the table then compresses to a fraction); `--dev GOLD.jsonl` scores each epoch's
//! averaged model on a `{"text","spans"}` file (for tuning only; it is never
//! trained on). Training is deterministic: the same corpus and
//! options give the same bytes. The PFR corpus is for research use: it is read
//! here, at training time, and never copied into the repository. The dev set
//! (`peoples-daily-dev`) is not read.

use std::process::ExitCode;
use std::time::Instant;

use wenxi::entities::model::Model;
use wenxi::entities::train::{
    common_words, examples, export_weights, mean_weights, parse_pfr_line, person_names, PfrTags,
    Trainer,
};
use wenxi::eval::Scores;
use wenxi::Analyzer;

/// Exact-span scores of the bare tagger (no rules, no cleaning) on a gold jsonl file.
fn score(analyzer: &Analyzer, model: &Model, gold: &str) -> Result<Scores, String> {
    use std::collections::HashSet;
    let mut scores = Scores::default();
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let g: wenxi::eval::ner::GoldLine =
            serde_json::from_str(line).map_err(|e| e.to_string())?;
        let mut tokens = Vec::new();
        for seg in wenxi::entities::segments(&g.text) {
            analyzer.lexicon().tag_into(&g.text, seg, &mut tokens);
        }
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
        let gold: HashSet<(usize, usize, String)> = g.spans.into_iter().collect();
        wenxi::eval::ner::score_line(&mut scores, &gold, &pred);
    }
    Ok(scores)
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

fn run() -> Result<(), String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let (mut bits, mut epochs, mut prune, mut runs) = (17u32, 10usize, 3i8, 3usize);
    let mut paths: Vec<String> = Vec::new();
    let mut dev: Option<String> = None;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("bits") => bits = number(&mut parser, "bits")?,
            Long("epochs") => epochs = number(&mut parser, "epochs")?,
            Long("runs") => runs = number(&mut parser, "runs")?,
            Long("prune") => prune = number(&mut parser, "prune")?,
            Long("dev") => dev = Some(text(&mut parser)?),
            Value(v) => paths.push(v.string().map_err(|e| e.to_string())?),
            other => return Err(other.unexpected().to_string()),
        }
    }
    let [pfr, out] = paths.as_slice() else {
        return Err(
            "usage: wenxi-train-ner [--bits N] [--epochs N] [--runs N] [--prune N] [--dev GOLD.jsonl] PFR_199801.utf8.txt OUT.model".into(),
        );
    };
    let corpus = std::fs::read_to_string(pfr).map_err(|e| format!("{pfr}: {e}"))?;
    let analyzer = Analyzer::embedded();
    let t0 = Instant::now();
    let mut data = Vec::new();
    for line in corpus.lines() {
        if line.trim().is_empty() {
            continue;
        }
        let doc = parse_pfr_line(line);
        examples(analyzer.lexicon(), &doc, &mut data);
    }
    let chars: usize = data.iter().map(|e| e.labels.len()).sum();
    eprintln!(
        "{} segments, {chars} chars, features in {:.1?}",
        data.len(),
        t0.elapsed()
    );
    let gold = match &dev {
        Some(dev) => Some(std::fs::read_to_string(dev).map_err(|e| format!("{dev}: {e}"))?),
        None => None,
    };
    let mut averaged = Vec::new();
    for run in 0..runs.max(1) {
        let mut trainer = Trainer::new(bits);
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut seed = 0x2545_F491_4F6C_DD1Du64 ^ (run as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        for epoch in 1..=epochs {
            // Fisher-Yates with xorshift: deterministic shuffles.
            for i in (1..order.len()).rev() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                order.swap(i, (seed % (i as u64 + 1)) as usize);
            }
            let errors = trainer.epoch(&data, &order);
            eprintln!(
                "run {run} epoch {epoch}: {errors} char errors ({:.3}%), {:.1?}",
                100.0 * errors as f64 / chars as f64,
                t0.elapsed()
            );
        }
        if let Some(gold) = &gold {
            let bytes = trainer.export(prune);
            let model = Model::from_bytes(&bytes).map_err(|e| e.0.to_string())?;
            eprint!("run {run}:\n{}", score(&analyzer, &model, gold)?);
        }
        averaged.push(trainer.averaged());
    }
    let (w, t) = mean_weights(&averaged);
    let bytes = export_weights(bits, &w, &t, prune);
    if let Some(gold) = &gold {
        let model = Model::from_bytes(&bytes).map_err(|e| e.0.to_string())?;
        eprint!(
            "mean of {} runs:\n{}",
            averaged.len(),
            score(&analyzer, &model, gold)?
        );
    }
    std::fs::write(out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    eprintln!("wrote {out}: {} bytes", bytes.len());
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
