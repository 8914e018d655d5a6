//! The wenxi command line: the same library as the page, for batch work and evaluation.
//!
//! ```text
//! wenxi analyze [--pretty] [--encoding LABEL] [--clean-text] FILE|-
//! wenxi analyze --jsonl            < lines of {"id": ..., "text": ...}
//! wenxi eval ner [--model FILE] [--no-rules] [--without-rule NAME]... [--errors N] [--show N] [--seed SEED_GOLD.json] GOLD.jsonl...
//! wenxi eval figures GOLD.json [GOLD.json] [--text PAGE]
//! ```

use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;

use wenxi::{Analyzer, Options};

const USAGE: &str = "usage:
  wenxi analyze [--pretty] [--encoding LABEL] [--clean-text] FILE|-   print the report as JSON
  wenxi analyze --jsonl                   read {\"id\",\"text\"} lines on stdin, write one report line each
  wenxi eval ner [--model FILE] [--no-rules] [--without-rule NAME]... [--errors N] [--show N] [--seed SEED_GOLD.json] GOLD.jsonl...
                                          precision, recall and F1 of entities, side by side
  wenxi eval figures GOLD.json [GOLD.json] [--text PAGE]
                                          figures against the seed gold (page: seeds/<source>)
                                          and/or news-format gold (items with text and figures);
                                          two files print side by side
  wenxi --help | -h, wenxi COMMAND --help   this help
  wenxi --version | -V                    the version

A FILE of - reads standard input. Errors go to standard error; exit status:
0 done, 1 an input could not be read or analysed, 2 a wrong command line.";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(e)) => {
            eprintln!("wenxi: {e}\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Input(e)) => {
            eprintln!("wenxi: {e}");
            ExitCode::from(1)
        }
    }
}

/// Why a command failed; each kind has its exit code.
enum Failure {
    /// The command line is wrong (exit 2, usage printed).
    Usage(String),
    /// An input could not be read or analysed (exit 1).
    Input(String),
}

impl From<String> for Failure {
    fn from(e: String) -> Failure {
        Failure::Input(e)
    }
}

/// A command-line mistake.
fn usage(e: impl Into<String>) -> Failure {
    Failure::Usage(e.into())
}

struct AnalyzeArgs {
    path: Option<String>,
    jsonl: bool,
    pretty: bool,
    encoding: Option<String>,
    clean_text: bool,
}

fn run() -> Result<(), Failure> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let command = match parser.next().map_err(|e| e.to_string())? {
        Some(Value(v)) => v.string().map_err(|e| e.to_string())?,
        Some(Long("help")) | Some(Short('h')) | None => {
            println!("{USAGE}");
            return Ok(());
        }
        Some(Long("version")) | Some(Short('V')) => {
            println!("wenxi {}", env!("CARGO_PKG_VERSION"));
            return Ok(());
        }
        Some(other) => return Err(usage(other.unexpected().to_string())),
    };
    match command.as_str() {
        "analyze" => {
            let mut a = AnalyzeArgs {
                path: None,
                jsonl: false,
                pretty: false,
                encoding: None,
                clean_text: false,
            };
            while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
                match arg {
                    Long("help") | Short('h') => {
                        println!("{USAGE}");
                        return Ok(());
                    }
                    Long("jsonl") => a.jsonl = true,
                    Long("pretty") => a.pretty = true,
                    Long("clean-text") => a.clean_text = true,
                    Long("encoding") => {
                        a.encoding = Some(
                            parser
                                .value()
                                .map_err(|e| e.to_string())?
                                .string()
                                .map_err(|e| e.to_string())?,
                        )
                    }
                    Value(v) if a.path.is_none() => {
                        a.path = Some(v.string().map_err(|e| e.to_string())?)
                    }
                    other => return Err(usage(other.unexpected().to_string())),
                }
            }
            analyze(a)
        }
        "eval" => {
            let what = parser
                .value()
                .map_err(|_| usage("eval needs a task (ner or figures)"))?
                .string()
                .map_err(|e| e.to_string())?;
            match what.as_str() {
                "--help" | "-h" => {
                    println!("{USAGE}");
                    Ok(())
                }
                "ner" => eval_ner(&mut parser),
                "figures" => {
                    let gold = string_value(&mut parser)
                        .map_err(|_| usage(format!("eval {what} needs a gold file")))?;
                    eval_figures(&Analyzer::embedded(), gold, &mut parser)
                }
                other => Err(usage(format!("unknown eval task {other:?}"))),
            }
        }
        other => Err(usage(format!("unknown command {other:?}"))),
    }
}

/// The value of the option just read, as a string.
fn string_value(parser: &mut lexopt::Parser) -> Result<String, String> {
    let value = parser.value().map_err(|e| e.to_string())?;
    lexopt::ValueExt::string(value).map_err(|e| e.to_string())
}

/// `seeds/<source>`, looked up from the working directory, then from the
/// crate's directory.
fn seed_page_path(source: &str) -> String {
    let local = format!("seeds/{source}");
    if std::path::Path::new(&local).exists() {
        local
    } else {
        format!("{}/seeds/{source}", env!("CARGO_MANIFEST_DIR"))
    }
}

/// `wenxi eval ner [--model FILE] [--no-rules] [--without-rule NAME]... [--errors N] [--show N] [--seed SEED_GOLD] GOLD.jsonl...`:
/// the span files' scores side by side, then each file's most frequent
/// missed and wrong strings per type, then the seed page's found and wrong.
fn eval_ner(parser: &mut lexopt::Parser) -> Result<(), Failure> {
    use lexopt::prelude::*;
    let mut analyzer = Analyzer::embedded();
    let mut rules = wenxi::entities::RuleSet::ALL;
    let (mut files, mut seed, mut top, mut show) = (Vec::new(), None, 20usize, 0usize);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("model") => {
                let path = string_value(parser)?;
                let bytes = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
                let model = wenxi::entities::model::Model::from_bytes(&bytes)
                    .map_err(|e| format!("{path}: {}", e.0))?;
                analyzer = analyzer.with_entity_model(model);
            }
            Long("no-rules") => rules = wenxi::entities::RuleSet::NONE,
            Long("without-rule") => {
                let name = string_value(parser)?;
                let rule = wenxi::entities::RuleSet::rule(&name).ok_or_else(|| {
                    let names: Vec<&str> =
                        wenxi::entities::rules::RULES.iter().map(|r| r.1).collect();
                    format!("no rule {name:?}; the rules: {}", names.join(" "))
                })?;
                rules = rules.without(rule);
            }
            Long("errors") => {
                top = string_value(parser)?
                    .parse()
                    .map_err(|e| format!("--errors: {e}"))?
            }
            Long("help") | Short('h') => {
                println!("{USAGE}");
                return Ok(());
            }
            Long("seed") => seed = Some(string_value(parser)?),
            Long("show") => {
                show = string_value(parser)?
                    .parse()
                    .map_err(|e| format!("--show: {e}"))?
            }
            Value(v) => files.push(v.string().map_err(|e| e.to_string())?),
            other => return Err(usage(other.unexpected().to_string())),
        }
    }
    if files.is_empty() && seed.is_none() {
        return Err(usage("eval ner needs a gold file"));
    }
    let analyzer = analyzer.with_entity_rules(rules);
    let mut evals = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        let ev = wenxi::eval::ner::evaluate_showing(&analyzer, &text, show)
            .map_err(|e| format!("{path}: {e}"))?;
        for s in &ev.shown {
            println!("{s}");
        }
        if !ev.failed_lines.is_empty() {
            eprintln!("{path}: analysis failed on lines {:?}", ev.failed_lines);
        }
        let name = std::path::Path::new(path)
            .file_name()
            .map_or(path.clone(), |n| n.to_string_lossy().into_owned());
        evals.push((name, ev));
    }
    if !evals.is_empty() {
        let table: Vec<(String, &wenxi::eval::Scores)> =
            evals.iter().map(|(n, e)| (n.clone(), &e.scores)).collect();
        print!("{}", wenxi::eval::ner::SideBySide(&table));
    }
    if let Some(path) = seed {
        let gold = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
        let source = wenxi::eval::figures::gold_source(&gold)?;
        let page_path = seed_page_path(&source);
        let page = std::fs::read_to_string(&page_path).map_err(|e| format!("{page_path}: {e}"))?;
        let report = analyzer.analyze(&page, &Options::default());
        print!("{}", wenxi::eval::ner::seed_score(&report.entities, &gold)?);
    }
    for (name, ev) in &evals {
        if top == 0 {
            break;
        }
        for (what, map) in [("missed", &ev.errors.missed), ("wrong", &ev.errors.wrong)] {
            for (kind, counts) in map {
                let list: Vec<String> = wenxi::eval::ner::Errors::top(counts, top)
                    .into_iter()
                    .map(|(s, n)| format!("{s}×{n}"))
                    .collect();
                println!("{name} {what} {kind}: {}", list.join(" "));
            }
        }
    }
    Ok(())
}

/// `wenxi eval figures GOLD [GOLD] [--text PAGE]`: each gold file in the
/// seed or the news format (told apart by its content). A seed gold's page
/// defaults to `seeds/<gold.source>`, looked up from the working directory,
/// then from the crate's directory. With two files the scores print side by
/// side, then each file's errors.
fn eval_figures(
    analyzer: &Analyzer,
    first: String,
    parser: &mut lexopt::Parser,
) -> Result<(), Failure> {
    use lexopt::prelude::*;
    use wenxi::eval::figures::{self as ef, GoldFormat};
    let mut page_path: Option<String> = None;
    let mut golds = vec![first];
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("text") => page_path = Some(string_value(parser)?),
            Value(v) => golds.push(v.string().map_err(|e| e.to_string())?),
            other => return Err(usage(other.unexpected().to_string())),
        }
    }
    let mut evals = Vec::new();
    for path in &golds {
        let gold = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        let ev = match ef::detect(&gold).map_err(|e| format!("{path}: {e}"))? {
            GoldFormat::News => ef::evaluate_news(analyzer, &gold)?,
            GoldFormat::Seed => {
                let page_path = match &page_path {
                    Some(p) => p.clone(),
                    None => seed_page_path(&ef::gold_source(&gold)?),
                };
                let page =
                    std::fs::read_to_string(&page_path).map_err(|e| format!("{page_path}: {e}"))?;
                ef::evaluate(analyzer, &gold, &page)?
            }
        };
        let name = std::path::Path::new(path)
            .file_stem()
            .map_or(path.clone(), |s| s.to_string_lossy().into_owned());
        evals.push((name, ev));
    }
    if let [(_, ev)] = evals.as_slice() {
        print!("{ev}");
        return Ok(());
    }
    let named: Vec<(&str, &ef::FigureEval)> = evals.iter().map(|(n, e)| (n.as_str(), e)).collect();
    print!("{}", ef::side_by_side(&named));
    for (name, ev) in &evals {
        println!("\n== {name}");
        print!("{}", ev.errors());
    }
    Ok(())
}

fn read_input(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("stdin: {e}"))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| format!("{path}: {e}"))
    }
}

fn analyze(a: AnalyzeArgs) -> Result<(), Failure> {
    let analyzer = Analyzer::embedded();
    let options = Options {
        include_clean_text: a.clean_text,
        ..Options::default()
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if a.jsonl {
        for (n, line) in io::stdin().lock().lines().enumerate() {
            let line = line.map_err(|e| format!("stdin line {}: {e}", n + 1))?;
            if line.trim().is_empty() {
                continue;
            }
            let v: serde_json::Value = serde_json::from_str(&line)
                .map_err(|e| format!("stdin line {}: not JSON: {e}", n + 1))?;
            let text = v
                .get("text")
                .and_then(|t| t.as_str())
                .ok_or_else(|| format!("stdin line {}: no \"text\" string", n + 1))?;
            let report = analyzer.analyze(text, &options);
            let mut obj = serde_json::Map::new();
            obj.insert(
                "id".into(),
                v.get("id").cloned().unwrap_or(serde_json::Value::Null),
            );
            if let serde_json::Value::Object(m) =
                serde_json::to_value(&report).map_err(|e| e.to_string())?
            {
                obj.extend(m);
            }
            serde_json::to_writer(&mut out, &obj).map_err(|e| e.to_string())?;
            writeln!(out).map_err(|e| e.to_string())?;
        }
        return Ok(out.flush().map_err(|e| e.to_string())?);
    }
    let path = a.path.ok_or_else(|| usage("analyze needs a FILE or -"))?;
    let bytes = read_input(&path)?;
    let name = (path != "-").then_some(path.as_str());
    let decoded = wenxi::decode::decode_file(&bytes, name, a.encoding.as_deref())
        .map_err(|e| format!("{path}: {e}"))?;
    let report = analyzer.analyze_decoded(&decoded, &options);
    let res = if a.pretty {
        serde_json::to_writer_pretty(&mut out, &report)
    } else {
        serde_json::to_writer(&mut out, &report)
    };
    res.map_err(|e| e.to_string())?;
    writeln!(out)
        .and_then(|_| out.flush())
        .map_err(|e| e.to_string())?;
    Ok(())
}
