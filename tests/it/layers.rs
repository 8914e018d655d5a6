//! The stages depend only downward (ARCHITECTURE.md, "Invariants"): a file
//! of a stage names no stage above it, nor a sibling at its own level.
//! Tests (`tests.rs`) may use any stage.

use std::path::{Path, PathBuf};

/// Each module of the library and its level: a module may name only
/// modules of a lower level. `lib.rs` and `wasm.rs` assemble everything.
const LEVELS: &[(&str, u32)] = &[
    ("error", 0),
    ("offsets", 0),
    ("text", 0),
    ("decode", 1),
    ("clean", 2),
    ("layout", 3),
    ("lexicon", 4),
    ("entities", 5),
    ("figures", 5),
    ("digest", 6),
    ("report", 7),
    ("eval", 8),
    ("train", 9),
];

fn level(module: &str) -> Option<u32> {
    LEVELS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

/// The `.rs` files under `dir`, recursively.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The modules that `code` names as `crate::NAME`.
fn named_modules(code: &str) -> Vec<&str> {
    code.match_indices("crate::")
        .map(|(i, m)| {
            let rest = &code[i + m.len()..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

#[test]
fn stages_name_only_the_stages_below_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        let module = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if rel.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let Some(own) = level(&module) else {
            continue; // lib.rs, wasm.rs, bin/: the top
        };
        let code = std::fs::read_to_string(file).unwrap();
        // Unit tests at the end of a file may use any stage.
        let code = code.split("#[cfg(test)]\nmod tests").next().unwrap();
        for named in named_modules(code) {
            if named == module {
                continue;
            }
            // Items of lib.rs (`crate::Analyzer`) assemble every stage:
            // only the tools above them may name them.
            let lib_item = named.starts_with(|c: char| c.is_ascii_uppercase());
            match level(named).or(lib_item.then_some(8)) {
                Some(l) if l < own || (lib_item && l <= own) => {}
                Some(_) => wrong.push(format!("{}: names crate::{named}", rel.display())),
                None => {}
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "upward or sideways dependencies:\n{}",
        wrong.join("\n")
    );
    // The check sees what it must: this file's own words are found.
    assert_eq!(
        named_modules("use crate::report::X; crate::clean::f()"),
        ["report", "clean"]
    );
}
