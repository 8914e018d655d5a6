//! The wenxi command line: the same library as the page, for batch work and evaluation.
//!
//! ```text
//! wenxi analyze [--pretty] [--encoding LABEL] [--clean-text] FILE|-
//! wenxi analyze --jsonl            < lines of {"id": ..., "text": ...}
//! wenxi eval ner GOLD.jsonl
//! wenxi eval figures GOLD.json [GOLD.json] [--text PAGE]
//! ```

use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;

use wenxi::{Analyzer, Options};

const USAGE: &str = "usage:
  wenxi analyze [--pretty] [--encoding LABEL] [--clean-text] FILE|-   print the report as JSON
  wenxi analyze --jsonl                   read {\"id\",\"text\"} lines on stdin, write one report line each
  wenxi eval ner GOLD.jsonl               precision, recall and F1 of entities
  wenxi eval figures GOLD.json [GOLD.json] [--text PAGE]
                                          figures against the seed gold (page: seeds/<source>)
                                          and/or news-format gold (items with text and figures);
                                          two files print side by side";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wenxi: {e}");
            ExitCode::from(1)
        }
    }
}

struct AnalyzeArgs {
    path: Option<String>,
    jsonl: bool,
    pretty: bool,
    encoding: Option<String>,
    clean_text: bool,
}

fn run() -> Result<(), String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let command = match parser.next().map_err(|e| e.to_string())? {
        Some(Value(v)) => v.string().map_err(|e| e.to_string())?,
        Some(Long("help")) | Some(Short('h')) | None => {
            println!("{USAGE}");
            return Ok(());
        }
        Some(other) => return Err(format!("{}\n{USAGE}", other.unexpected())),
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
                    other => return Err(format!("{}\n{USAGE}", other.unexpected())),
                }
            }
            analyze(a)
        }
        "eval" => {
            let what = parser
                .value()
                .map_err(|_| format!("eval needs a task (ner)\n{USAGE}"))?
                .string()
                .map_err(|e| e.to_string())?;
            let gold = parser
                .value()
                .map_err(|_| format!("eval {what} needs a gold file\n{USAGE}"))?
                .string()
                .map_err(|e| e.to_string())?;
            let analyzer = Analyzer::embedded();
            if what == "figures" {
                return eval_figures(&analyzer, gold, &mut parser);
            }
            let text = std::fs::read_to_string(&gold).map_err(|e| format!("{gold}: {e}"))?;
            let scores = match what.as_str() {
                "ner" => wenxi::eval::ner::evaluate(&analyzer, &text)?,
                other => return Err(format!("unknown eval task {other:?}\n{USAGE}")),
            };
            print!("{scores}");
            Ok(())
        }
        other => Err(format!("unknown command {other:?}\n{USAGE}")),
    }
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
) -> Result<(), String> {
    use lexopt::prelude::*;
    use wenxi::eval::figures::{self as ef, GoldFormat};
    let mut page_path: Option<String> = None;
    let mut golds = vec![first];
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("text") => {
                page_path = Some(
                    parser
                        .value()
                        .map_err(|e| e.to_string())?
                        .string()
                        .map_err(|e| e.to_string())?,
                )
            }
            Value(v) => golds.push(v.string().map_err(|e| e.to_string())?),
            other => return Err(format!("{}\n{USAGE}", other.unexpected())),
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
                    None => {
                        let source = ef::gold_source(&gold)?;
                        let local = format!("seeds/{source}");
                        if std::path::Path::new(&local).exists() {
                            local
                        } else {
                            format!("{}/seeds/{source}", env!("CARGO_MANIFEST_DIR"))
                        }
                    }
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

fn analyze(a: AnalyzeArgs) -> Result<(), String> {
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
        return out.flush().map_err(|e| e.to_string());
    }
    let path = a
        .path
        .ok_or_else(|| format!("analyze needs a FILE or -\n{USAGE}"))?;
    let bytes = read_input(&path)?;
    let name = (path != "-").then_some(path.as_str());
    let decoded = wenxi::decode::decode_file(&bytes, name, a.encoding.as_deref())
        .map_err(|e| format!("{path}: {e}"))?;
    let report = analyzer.analyze(&decoded.text, &options);
    let res = if a.pretty {
        serde_json::to_writer_pretty(&mut out, &report)
    } else {
        serde_json::to_writer(&mut out, &report)
    };
    res.map_err(|e| e.to_string())?;
    writeln!(out)
        .and_then(|_| out.flush())
        .map_err(|e| e.to_string())
}
